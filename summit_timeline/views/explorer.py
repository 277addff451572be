"""The JupyterLab explorer: story, outlet, type and status filters, text search, live figure
and table.

This is the only module that imports ipywidgets. The figure is a ``go.FigureWidget`` (plotly 7
needs ``anywidget``); positions come from the chronology of the whole story shown, so filtering
hides mentions without moving the others.

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
from .chronology import Chronology, chronology, venue_timezone
from .figures import outlet_colors, story_title, timeline_figure
from .html_tables import events_table_html
from .stories import Story, select_story, story_keys, story_list


def _search_text(row: pd.Series) -> str:
    parts = [text_of(row["sentence"]) or ""]
    parts.extend(str(item.get("sentence") or "") for item in as_dicts(row["evidence"]))
    for speaker, text in quote_list(row["quotes"]):
        parts.extend([speaker or "", text])
    return " ".join(parts).casefold()


class TimelineExplorer:
    """An ipywidgets app over an event table: filters on the left, figure and table updating live.

    Widgets (drive them from code as in the tests): ``story_select`` (a ``Dropdown`` of the
    table's stories, main story first; None when the table holds one story), ``outlet_boxes``
    (one ``Checkbox`` per outlet of the story shown), ``type_filter`` and ``status_filter``
    (``SelectMultiple``), ``search`` (``Text``, case-insensitive, over evidence sentences and
    quotes), ``figure`` (``go.FigureWidget``) and ``table_view`` (``HTML`` of the filtered
    mentions). ``filtered`` is the current selection. Choosing another story shows its
    outlets, types and statuses, all ticked; the search stays.

    :param table: the event table (``extract_events``); copied, never modified.
    :param story: the ``story_id`` to show first; default the main story (``story_list``).
    :param title: figure title; default 'Summit timeline', or the story's name when the table
        holds several stories.
    :param knowledge: event types (order, labels) and lexicons (``load_knowledge()``); default
        the packaged knowledge.
    """

    def __init__(
        self,
        table: pd.DataFrame,
        *,
        story: str | None = None,
        title: str | None = None,
        knowledge: Knowledge | None = None,
    ) -> None:
        validate_table(table)
        select_story(table, story)  # a story the table does not hold is named now
        self._table = table.copy()
        self._title = title
        self._knowledge = resolve(knowledge)
        self._stories = {s.story_id: s for s in story_list(self._table)}
        self._keys = story_keys(self._table)
        self._outlets = source_labels(self._table)
        # shown with the whole table's source names, so that filtering renames no outlet
        self._shown = self._table.assign(outlet=self._outlets)
        self._colors = outlet_colors(self._table)
        self._haystack = pd.Series(
            [_search_text(row) for _, row in self._table.iterrows()],
            index=self._table.index,
            dtype=object,
        )
        self._placements: dict[str, Chronology] = {}
        self._quiet = True
        first = story if story is not None else next(iter(self._stories), "")
        self.story_select: widgets.Dropdown | None = None
        if len(self._stories) > 1:
            self.story_select = widgets.Dropdown(
                options=[(s.label, s.story_id) for s in self._stories.values()],
                value=first,
                description="Story",
                layout=widgets.Layout(width="auto"),
            )
            self.story_select.observe(self._on_story, names="value")
        self.outlet_boxes: dict[str, widgets.Checkbox] = {}
        self.type_filter = widgets.SelectMultiple(description="Types")
        self.status_filter = widgets.SelectMultiple(description="Status")
        self.search = widgets.Text(
            value="",
            placeholder="words in evidence or quotes",
            description="Search",
            continuous_update=True,
        )
        self.count = widgets.HTML()
        self.table_view = widgets.HTML()
        self.figure = go.FigureWidget()
        for control in (self.type_filter, self.status_filter, self.search):
            control.observe(self._on_change, names="value")
        self._outlets_box = widgets.VBox(layout=widgets.Layout(min_width="220px"))
        controls = widgets.HBox([self._outlets_box, self.type_filter, self.status_filter])
        above = [self.story_select] if self.story_select is not None else []
        self.widget = widgets.VBox(
            [*above, controls, self.search, self.count, self.figure, self.table_view]
        )
        self._show_story(first)

    @property
    def table(self) -> pd.DataFrame:
        """The whole table the explorer was built from (a copy)."""
        return self._table.copy()

    @property
    def story(self) -> str:
        """The ``story_id`` shown."""
        return self._story

    @property
    def filtered(self) -> pd.DataFrame:
        """The mentions of the story shown that pass every filter now (a copy)."""
        return self._table[self._mask()].copy()

    def _show_story(self, story: str) -> None:
        """Show ``story``: its outlets, types and statuses (all ticked), its placement."""
        self._quiet = True
        self._story = story
        rows = self._table[self._keys == story]
        if story not in self._placements:
            self._placements[story] = chronology(rows, knowledge=self._knowledge)
        self._zone = venue_timezone(rows) if len(rows) else None
        self.outlet_boxes = {
            name: widgets.Checkbox(value=True, description=name, indent=False)
            for name in sorted(set(self._outlets[rows.index]))
        }
        for box in self.outlet_boxes.values():
            box.observe(self._on_change, names="value")
        self._outlets_box.children = [widgets.HTML("<b>Outlets</b>"), *self.outlet_boxes.values()]
        types = list(dict.fromkeys(str(t) for t in rows["event_type"]))
        statuses = [s for s in STATUSES if s in set(rows["status"])]
        statuses += sorted(set(map(str, rows["status"])) - set(statuses))
        self.type_filter.options = [(self._knowledge.event_type(t).label, t) for t in types]
        self.type_filter.value = tuple(types)
        self.type_filter.rows = min(8, max(2, len(types)))
        self.status_filter.options = statuses
        self.status_filter.value = tuple(statuses)
        self.status_filter.rows = min(4, max(2, len(statuses)))
        self._quiet = False
        self._refresh()

    def _mask(self) -> pd.Series:
        table = self._table
        ticked = {name for name, box in self.outlet_boxes.items() if box.value}
        mask = (self._keys == self._story) & self._outlets.isin(ticked)
        mask &= table["event_type"].astype(str).isin(set(self.type_filter.value))
        mask &= table["status"].astype(str).isin(set(self.status_filter.value))
        for word in self.search.value.casefold().split():
            mask &= self._haystack.str.contains(word, regex=False)
        return mask

    def _figure(self, table: pd.DataFrame) -> go.Figure:
        shown: Story | None = self._stories.get(self._story) if len(self._stories) > 1 else None
        return timeline_figure(
            table,
            title=story_title(self._title, shown),
            colors=self._colors,
            placement=self._placements[self._story],
            buttons=False,
            knowledge=self._knowledge,
        )

    def _on_story(self, change: dict[str, Any]) -> None:
        self._show_story(str(change["new"]))

    def _on_change(self, change: dict[str, Any]) -> None:
        if not self._quiet:
            self._refresh()

    def _refresh(self) -> None:
        selection = self._shown[self._mask()]
        new = self._figure(selection)
        with self.figure.batch_update():
            self.figure.data = ()
            self.figure.add_traces(list(new.data))
            self.figure.layout = new.layout
        story = self._table[self._keys == self._story]
        self.count.value = (
            f"{len(selection)} of {len(story)} mentions, "
            f"{selection['event_id'].nunique()} of {story['event_id'].nunique()} events"
        )
        self.table_view.value = events_table_html(
            selection, zone=self._zone, knowledge=self._knowledge
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        stories = f", {len(self._stories)} stories" if len(self._stories) > 1 else ""
        return (
            f"TimelineExplorer({len(self._table)} mentions, "
            f"{self._table['event_id'].nunique()} events{stories}, "
            f"outlets {sorted(set(self._outlets))})"
        )
