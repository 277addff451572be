"""The JupyterLab explorer: outlet, type and status filters, text search, live figure and table.

This is the only module that imports ipywidgets. The figure is a ``go.FigureWidget`` (plotly 7
needs ``anywidget``); positions come from the chronology of the whole table, so filtering hides
mentions without moving the others.

>>> explorer = st.TimelineExplorer(table)   # doctest: +SKIP
>>> explorer                                # shows the app in a notebook  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from ..knowledge import Knowledge, resolve
from ..table.schema import STATUSES, validate_table
from .cells import as_dicts, quote_list, source_labels, text_of
from .chronology import chronology, venue_timezone
from .export import events_table_html
from .figures import outlet_colors, timeline_figure


def _search_text(row: pd.Series) -> str:
    parts = [text_of(row["sentence"]) or ""]
    parts.extend(str(item.get("sentence") or "") for item in as_dicts(row["evidence"]))
    for speaker, text in quote_list(row["quotes"]):
        parts.extend([speaker or "", text])
    return " ".join(parts).casefold()


class TimelineExplorer:
    """An ipywidgets app over an event table: filters on the left, figure and table updating live.

    Widgets (drive them from code as in the tests): ``outlet_boxes`` (one ``Checkbox`` per
    outlet), ``type_filter`` and ``status_filter`` (``SelectMultiple``), ``search`` (``Text``,
    case-insensitive, over evidence sentences and quotes), ``figure`` (``go.FigureWidget``) and
    ``table_view`` (``HTML`` of the filtered mentions). ``filtered`` is the current selection.

    :param table: the event table (``extract_events``); copied, never modified.
    :param title: figure title; default 'Summit timeline'.
    :param knowledge: event types (order, labels) and lexicons (``load_knowledge()``); default
        the packaged knowledge.
    """

    def __init__(
        self, table: pd.DataFrame, *, title: str | None = None, knowledge: Knowledge | None = None
    ) -> None:
        validate_table(table)
        self._table = table.copy()
        self._title = title
        self._knowledge = resolve(knowledge)
        self._outlets = source_labels(self._table)
        # shown with the whole table's source names, so that filtering renames no outlet
        self._shown = self._table.assign(outlet=self._outlets)
        self._colors = outlet_colors(self._table)
        self._placement = chronology(self._table, knowledge=self._knowledge)
        self._zone = venue_timezone(self._table) if len(self._table) else None
        self._haystack = pd.Series(
            [_search_text(row) for _, row in self._table.iterrows()],
            index=self._table.index,
            dtype=object,
        )
        types = list(dict.fromkeys(str(t) for t in self._table["event_type"]))
        statuses = [s for s in STATUSES if s in set(self._table["status"])]
        statuses += sorted(set(map(str, self._table["status"])) - set(statuses))

        self.outlet_boxes: dict[str, widgets.Checkbox] = {
            name: widgets.Checkbox(value=True, description=name, indent=False)
            for name in sorted(set(self._outlets))
        }
        self.type_filter = widgets.SelectMultiple(
            options=[(self._knowledge.event_type(t).label, t) for t in types],
            value=tuple(types),
            description="Types",
            rows=min(8, max(2, len(types))),
        )
        self.status_filter = widgets.SelectMultiple(
            options=statuses,
            value=tuple(statuses),
            description="Status",
            rows=min(4, max(2, len(statuses))),
        )
        self.search = widgets.Text(
            value="",
            placeholder="words in evidence or quotes",
            description="Search",
            continuous_update=True,
        )
        self.count = widgets.HTML()
        self.table_view = widgets.HTML()
        self.figure = go.FigureWidget(self._figure(self._shown))
        for control in [*self.outlet_boxes.values(), self.type_filter, self.status_filter]:
            control.observe(self._on_change, names="value")
        self.search.observe(self._on_change, names="value")

        outlets_box = widgets.VBox(
            [widgets.HTML("<b>Outlets</b>"), *self.outlet_boxes.values()],
            layout=widgets.Layout(min_width="220px"),
        )
        controls = widgets.HBox([outlets_box, self.type_filter, self.status_filter])
        self.widget = widgets.VBox(
            [controls, self.search, self.count, self.figure, self.table_view]
        )
        self._refresh()

    @property
    def table(self) -> pd.DataFrame:
        """The whole table the explorer was built from (a copy)."""
        return self._table.copy()

    @property
    def filtered(self) -> pd.DataFrame:
        """The mentions that pass every filter now (a copy)."""
        return self._table[self._mask()].copy()

    def _mask(self) -> pd.Series:
        table = self._table
        ticked = {name for name, box in self.outlet_boxes.items() if box.value}
        mask = self._outlets.isin(ticked)
        mask &= table["event_type"].astype(str).isin(set(self.type_filter.value))
        mask &= table["status"].astype(str).isin(set(self.status_filter.value))
        for word in self.search.value.casefold().split():
            mask &= self._haystack.str.contains(word, regex=False)
        return mask

    def _figure(self, table: pd.DataFrame) -> go.Figure:
        return timeline_figure(
            table,
            title=self._title,
            colors=self._colors,
            placement=self._placement,
            buttons=False,
            knowledge=self._knowledge,
        )

    def _on_change(self, change: dict[str, Any]) -> None:
        self._refresh()

    def _refresh(self) -> None:
        selection = self._shown[self._mask()]
        new = self._figure(selection)
        with self.figure.batch_update():
            self.figure.data = ()
            self.figure.add_traces(list(new.data))
            self.figure.layout = new.layout
        self.count.value = (
            f"{len(selection)} of {len(self._table)} mentions, "
            f"{selection['event_id'].nunique()} of {self._table['event_id'].nunique()} events"
        )
        self.table_view.value = events_table_html(
            selection, zone=self._zone, knowledge=self._knowledge
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return (
            f"TimelineExplorer({len(self._table)} mentions, "
            f"{self._table['event_id'].nunique()} events, outlets {sorted(self.outlet_boxes)})"
        )
