"""The JupyterLab explorer: story, outlet, type and status filters, text search, live figure
and table.

This is the only module that imports ipywidgets. The figure is a ``go.FigureWidget`` (plotly 7
needs ``anywidget``); positions come from the chronology of the whole story shown, so filtering
hides mentions without moving the others.

The figure fills the width of its cell and follows it. Plotly's widget draws itself before it
is on the page (at plotly's fallback width of 700 px), does not notice its cell changing width
(plotly.py issue 5208), and pins the width it has drawn at whenever its height changes. So a
small watcher widget in the explorer's box (``FitPlots``) tells the explorer the cell's width,
and the figure is drawn at that width with its texts placed for it
(``timeline_figure(fit_width=...)``: day labels stacked, tick labels thinned in a narrow cell).
Until the kernel has answered, the figure has no width of its own: plotly's ``responsive``
configuration fits it to the cell when the watcher fires the window's resize event.

>>> explorer = st.TimelineExplorer(table)   # doctest: +SKIP
>>> explorer                                # shows the app in a notebook  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import anywidget
import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
import traitlets

from ..knowledge import Knowledge, resolve
from ..table.schema import STATUSES, validate_table
from .cells import as_dicts, quote_list, source_labels, text_of
from .chronology import Chronology, chronology, venue_timezone
from .figures import outlet_colors, story_title, timeline_figure
from .html_tables import events_table_html
from .stories import Story, select_story, story_keys, story_list

#: Plotly figures answer the window's resize event by fitting their element (``responsive``);
#: the watcher fires it when the box it sits in changes size, or a figure in it is drawn, and a
#: figure there is not as wide as its element. Comparing widths first keeps it from looping.
#: It sets ``width`` to the box's width once that has settled for a moment.
_FIT_PLOTS_ESM = """
function fit(box) {
  for (const plot of box.querySelectorAll(".js-plotly-plot")) {
    const drawn = plot._fullLayout && plot._fullLayout.width;
    if (drawn && plot.clientWidth > 0 && Math.abs(drawn - plot.clientWidth) > 1) {
      window.dispatchEvent(new Event("resize"));
      return;
    }
  }
}

function render({ model, el }) {
  el.style.width = "100%";
  el.style.height = "0";
  let settle = null;
  const tell = (width) => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (width > 0 && width !== model.get("width")) {
        model.set("width", width);
        model.save_changes();
      }
    }, 150);
  };
  const observer = new ResizeObserver(() => {
    const box = el.parentElement;
    if (box) {
      observer.observe(box);
      fit(box);
      tell(Math.round(box.clientWidth));
    }
  });
  observer.observe(el);
  const drawn = () => el.parentElement && fit(el.parentElement);
  document.addEventListener("plotlywidget-after-render", drawn);
  return () => {
    clearTimeout(settle);
    observer.disconnect();
    document.removeEventListener("plotlywidget-after-render", drawn);
  };
}

export default { render };
"""


class FitPlots(anywidget.AnyWidget):
    """An invisible widget that keeps the plotly figures of the box it sits in as wide as the
    box: put it in the same ``VBox`` as a ``go.FigureWidget`` drawn with ``responsive``.

    ``width`` is the box's width in pixels as last drawn (0 until it is on the page).
    """

    _esm = _FIT_PLOTS_ESM
    width = traitlets.Int(0).tag(sync=True)


#: What the explorer's figure is drawn with: it follows the width of its cell.
FIGURE_CONFIG = {"responsive": True, "displaylogo": False}


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
    quotes), ``figure`` (``go.FigureWidget``), ``fit_plots`` (``FitPlots``: keeps the figure as
    wide as its cell; its ``width`` is the cell's) and ``table_view`` (``HTML`` of the filtered
    mentions). ``filtered`` is the current selection. Choosing another story shows its
    outlets, types and statuses, all ticked; the search stays.

    The figure fills its cell: each row's label is inside the row, the outlet checkboxes (each
    after a square of its colour) are the legend, and the figure's texts are placed for the
    cell's width once known.

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
        self.figure._config = FIGURE_CONFIG
        self.fit_plots = FitPlots()
        self.fit_plots.observe(self._on_width, names="width")
        for control in (self.type_filter, self.status_filter, self.search):
            control.observe(self._on_change, names="value")
        self._outlets_box = widgets.VBox(layout=widgets.Layout(min_width="220px"))
        # the filters wrap onto more lines in a narrow cell instead of running out of it
        controls = widgets.HBox(
            [self._outlets_box, self.type_filter, self.status_filter],
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        above = [self.story_select] if self.story_select is not None else []
        parts = [*above, controls, self.search, self.count, self.figure, self.fit_plots]
        self.widget = widgets.VBox([*parts, self.table_view], layout=widgets.Layout(width="100%"))
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
        self._outlets_box.children = [
            widgets.HTML("<b>Outlets</b>"),
            *(self._outlet_row(name, box) for name, box in self.outlet_boxes.items()),
        ]
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

    def _outlet_row(self, name: str, box: widgets.Checkbox) -> widgets.HBox:
        """An outlet's checkbox after a square of its colour: the figure's legend (the figure
        shows none, so that the plot has the cell's whole width)."""
        swatch = widgets.Label("■", style={"text_color": self._colors[name], "font_size": "16px"})
        return widgets.HBox([swatch, box], layout=widgets.Layout(align_items="center"))

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
        figure = timeline_figure(
            table,
            title=story_title(self._title, shown),
            colors=self._colors,
            placement=self._placements[self._story],
            buttons=False,
            row_labels="inside",
            fit_width=self.fit_plots.width or None,
            knowledge=self._knowledge,
        )
        # The cell's width, once known: plotly pins the width it has drawn at whenever the
        # height changes (each filter), so the width is set, not left to plotly's autosize.
        # No legend: the outlet checkboxes are one. ``meta``: the width the texts are placed for.
        width = self.fit_plots.width or None
        return figure.update_layout(showlegend=False, width=width, meta={"fit_width": width})

    def _on_width(self, change: dict[str, Any]) -> None:
        """The cell's width changed: place the figure's texts for the new width."""
        if not self._quiet:
            self._refresh()

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
