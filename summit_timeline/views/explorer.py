"""The JupyterLab explorer: story, outlet, type and status filters, text search, live figure
and table, and a review mode that shows a mention in its report and writes corrections.

This module and ``review.py`` (the review mode's widgets and form) are the only ones that import
ipywidgets. The figure is a ``go.FigureWidget`` (plotly 7
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

Review: given the reports (``corpus=``), a click on a mark or a row of the table (or the menu
``Mention``) opens the mention's report at its sentence, highlighted (``provenance.py``), with a
form of its fields. Each change is written at once as one entry of the corrections file beside
the reports (``append_correction``, atomic), and the table is rebuilt from the reports with the
corrections (``extract_events``); figure, table and text follow. Rows a person corrected or
checked carry ✎ or ✓ in the table and the hover.

>>> explorer = st.TimelineExplorer(table, corpus=corpus)   # doctest: +SKIP
>>> explorer                                # shows the app in a notebook  # doctest: +SKIP
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
import traitlets
import yaml
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_string import LabelStyle

from ..knowledge import Knowledge, resolve
from ..reading.corpus import Corpus
from ..table import extract_events
from ..table.corrections import CorrectionWarning, append_correction
from ..table.schema import STATUSES, validate_table
from .cells import as_dicts, quote_list, source_labels, text_of
from .chronology import Chronology, chronology, venue_timezone
from .figures import outlet_colors, story_title, timeline_figure
from .html_tables import events_table_html, ordered_mentions
from .parts import Part, part_chronology, story_parts
from .provenance import FIELD_TEXT, correction_text, key_html, report_html
from .review import (
    NO_CORPUS,
    EventsTable,
    ReportText,
    ReviewForm,
    correction_paths,
    corrections_file,
    mention_target,
    stale_entry,
    try_entry,
)
from .stories import Story, select_story, story_keys, story_list

#: Rows the explorer's table (and its menu of mentions) lists at most.
TABLE_ROWS = 200

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


def _search_text(row: Mapping[str, Any]) -> str:
    parts = [text_of(row["sentence"]) or ""]
    parts.extend(str(item.get("sentence") or "") for item in as_dicts(row["evidence"]))
    for speaker, text in quote_list(row["quotes"]):
        parts.extend([speaker or "", text])
    return " ".join(parts).casefold()


class TimelineExplorer:
    """An ipywidgets app over an event table: filters on the left, figure and table updating live,
    and, given the reports, a review mode that writes corrections.

    Widgets (drive them from code as in the tests): ``story_select`` (a ``Dropdown`` of the
    table's stories, main story first; None when the table holds one story), ``day_select``
    (a ``Dropdown`` of the story's days, shown for a story of more than ``PART_EVENTS`` events,
    which is drawn a day at a time: ``part``), ``outlet_boxes``
    (one ``Checkbox`` per outlet of the story shown), ``type_filter`` and ``status_filter``
    (``SelectMultiple``), ``search`` (``Text``, case-insensitive, over evidence sentences and
    quotes), ``figure`` (``go.FigureWidget``), ``fit_plots`` (``FitPlots``: keeps the figure as
    wide as its cell; its ``width`` is the cell's) and ``table_view`` (``EventsTable``: the HTML
    of the filtered mentions in ``value``, at most ``TABLE_ROWS``; a click on a row sets
    ``selected``). ``filtered`` is
    the current selection. Choosing another story shows its outlets, types and statuses, all
    ticked; the search stays.

    Review: ``review_button`` (``ToggleButton``) shows ``review_box``; ``select(mention_id)``
    (a click on a mark or a row, or the menu ``mention_select``) shows the mention's report in
    ``report_view`` with its evidence highlighted, and its fields in ``form`` (``ReviewForm``:
    ``inputs`` by field, ``by``, ``why``). ``save()``, ``mark_checked()`` and ``drop()`` (the
    form's buttons; a drop asks first) each write one entry to ``corrections`` and rebuild the
    table (``reload()``); ``review_message`` says what was written, or why nothing was.
    Without ``corpus`` the review box says how to open the explorer with the reports.

    The figure fills its cell: each row's label is inside the row, the outlet checkboxes (each
    after a square of its colour) are the legend, and the figure's texts are placed for the
    cell's width once known.

    :param table: the event table (``extract_events``); copied, never modified.
    :param story: the ``story_id`` to show first; default the main story (``story_list``).
    :param title: figure title; default 'Summit timeline', or the story's name when the table
        holds several stories.
    :param knowledge: event types (order, labels) and lexicons (``load_knowledge()``); default
        the packaged knowledge.
    :param corpus: the reports the table was read from (``load_reports``): their texts for the
        review mode, and what the table is rebuilt from after an edit. Default: no review.
    :param corrections: the corrections file edits are written to; default the one found beside
        the reports (``corpus.corrections``), else ``corrections.yaml`` in the first report's
        folder.
    """

    def __init__(
        self,
        table: pd.DataFrame,
        *,
        story: str | None = None,
        title: str | None = None,
        knowledge: Knowledge | None = None,
        corpus: Corpus | None = None,
        corrections: str | Path | None = None,
    ) -> None:
        validate_table(table)
        select_story(table, story)  # a story the table does not hold is named now
        if corpus is not None and not isinstance(corpus, Corpus):
            raise TypeError(
                "corpus must be the reports the table was read from (st.load_reports(...)); "
                f"got {type(corpus).__name__}"
            )
        self._title = title
        self._knowledge = resolve(knowledge)
        self._corpus = corpus
        self._corrections = corrections_file(corpus, corrections) if corpus is not None else None
        self._selected: str | None = None
        self._quiet = True
        self._use(table)
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
        # a long story is drawn a day at a time: the menu of its days (hidden for a short one)
        self.day_select = widgets.Dropdown(
            options=[], description="Day", layout=widgets.Layout(width="auto", display="none")
        )
        self.day_select.observe(self._on_day, names="value")
        self._parts: list[Part] = []
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
        self.table_view = EventsTable()
        self.table_view.observe(self._on_row, names="selected")
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
        self._build_review()
        above = [self.story_select] if self.story_select is not None else []
        above.append(self.day_select)
        search = widgets.HBox(
            [self.search, self.review_button], layout=widgets.Layout(flex_flow="row wrap")
        )
        parts = [*above, controls, search, self.count, self.figure, self.fit_plots]
        self.widget = widgets.VBox(
            [*parts, self.review_box, self.table_view], layout=widgets.Layout(width="100%")
        )
        self._show_story(first)

    def _use(self, table: pd.DataFrame) -> None:
        """Take ``table`` (a copy) and what the views read from it: stories, sources, colours;
        the search's text is read again at the next search, placements when a story is shown."""
        self._table = table.copy()
        self._stories = {s.story_id: s for s in story_list(self._table)}
        self._keys = story_keys(self._table)
        self._outlets = source_labels(self._table)
        # shown with the whole table's source names, so that filtering renames no outlet
        self._shown = self._table.assign(outlet=self._outlets)
        self._colors = outlet_colors(self._table)
        self._searched: pd.Series | None = None  # read at the first search (``_haystack``)
        self._placements: dict[str, Chronology] = {}

    @property
    def _haystack(self) -> pd.Series:
        """Each row's words the search looks in, read at the first search: on an archive's
        table, reading every row's evidence and quotes would take a second of the start-up."""
        if self._searched is None:
            self._searched = pd.Series(
                [_search_text(row) for row in self._table.to_dict("records")],
                index=self._table.index,
                dtype=object,
            )
        return self._searched

    def _build_review(self) -> None:
        """The review mode's widgets (``review_box``, hidden until ``review_button`` is on)."""
        self.review_button = widgets.ToggleButton(
            description="Review",
            icon="pencil",
            tooltip="Show a mention in its report and correct it",
            layout=widgets.Layout(width="auto"),
        )
        self.review_button.observe(self._on_review, names="value")
        self.mention_select = widgets.Dropdown(
            description="Mention", options=[], value=None, layout=widgets.Layout(width="100%")
        )
        self.mention_select.observe(self._on_mention, names="value")
        self.mention_info = widgets.HTML()
        self.review_message = widgets.HTML()
        self.report_view = ReportText(
            layout=widgets.Layout(flex="1 1 28rem", min_width="18rem", margin="0 0.8rem 0 0")
        )
        self.form = ReviewForm(self._knowledge)
        self.form.show(None)
        self.form.save.on_click(lambda _: self.save())
        self.form.check.on_click(lambda _: self.mark_checked())
        self.form.drop.on_click(lambda _: self.form.ask_drop(True))
        self.form.confirm_drop.on_click(lambda _: self.drop())
        if self._corpus is None:
            children: list[widgets.Widget] = [widgets.HTML(f"<p>{NO_CORPUS}</p>")]
        else:
            where = html.escape(str(self._corrections or "nowhere: pass corrections=path"))
            lead = widgets.HTML(
                "<b>Review</b>: click a mark of the timeline or a row of the table, or choose "
                f"a mention. Changes are written to <code>{where}</code>."
            )
            text_and_form = widgets.HBox(
                [self.report_view, self.form.box],
                layout=widgets.Layout(flex_flow="row wrap", width="100%"),
            )
            children = [
                lead,
                self.mention_select,
                self.mention_info,
                text_and_form,
                self.review_message,
            ]
        self.review_box = widgets.VBox(
            children,
            layout=widgets.Layout(
                display="none", width="100%", border="1px solid #ddd", padding="0.4rem"
            ),
        )

    @property
    def table(self) -> pd.DataFrame:
        """The whole table shown: the one the explorer was built from, or rebuilt after an edit
        (a copy)."""
        return self._table.copy()

    @property
    def story(self) -> str:
        """The ``story_id`` shown."""
        return self._story

    @property
    def filtered(self) -> pd.DataFrame:
        """The mentions of the story shown that pass every filter now (a copy)."""
        return self._table[self._mask()].copy()

    @property
    def selected(self) -> str | None:
        """The ``mention_id`` under review, or None."""
        return self._selected

    @property
    def corrections(self) -> Path | None:
        """The corrections file edits are written to (None without a corpus)."""
        return self._corrections

    def _show_story(self, story: str, off: dict[str, set[str]] | None = None) -> None:
        """Show ``story``: its outlets, types and statuses (all ticked but those in ``off``:
        'outlets', 'types', 'statuses'), its placement."""
        off = off or {}
        self._quiet = True
        self._story = story
        rows = self._table[self._keys == story]
        if story not in self._placements:
            self._placements[story] = chronology(rows, knowledge=self._knowledge)
        self._parts = (
            story_parts(self._stories[story], self._placements[story]) if len(rows) else []
        )
        self.day_select.options = [(part.label, k) for k, part in enumerate(self._parts)]
        self.day_select.value = 0 if self._parts else None
        self.day_select.layout.display = "flex" if len(self._parts) > 1 else "none"
        self._zone = venue_timezone(rows) if len(rows) else None
        # a story of an archive has a thousand sources: their checkboxes share one layout and
        # one style (a widget each, made and sent to the browser once), not one each
        box_layout, box_style = widgets.Layout(), CheckboxStyle()
        self.outlet_boxes = {
            name: widgets.Checkbox(
                value=name not in off.get("outlets", set()),
                description=name,
                indent=False,
                layout=box_layout,
                style=box_style,
            )
            for name in sorted(set(self._outlets[rows.index]))
        }
        for box in self.outlet_boxes.values():
            box.observe(self._on_change, names="value")
        row_layout = widgets.Layout(align_items="center")
        swatches: dict[str, LabelStyle] = {}
        self._outlets_box.children = [
            widgets.HTML("<b>Outlets</b>"),
            *(
                self._outlet_row(name, box, row_layout, swatches)
                for name, box in self.outlet_boxes.items()
            ),
        ]
        types = list(dict.fromkeys(str(t) for t in rows["event_type"]))
        statuses = [s for s in STATUSES if s in set(rows["status"])]
        statuses += sorted(set(map(str, rows["status"])) - set(statuses))
        self.type_filter.options = [(self._knowledge.event_type(t).label, t) for t in types]
        self.type_filter.value = tuple(t for t in types if t not in off.get("types", set()))
        self.type_filter.rows = min(8, max(2, len(types)))
        self.status_filter.options = statuses
        self.status_filter.value = tuple(s for s in statuses if s not in off.get("statuses", set()))
        self.status_filter.rows = min(4, max(2, len(statuses)))
        self._quiet = False
        self._refresh()

    def _outlet_row(
        self,
        name: str,
        box: widgets.Checkbox,
        layout: widgets.Layout,
        swatches: dict[str, LabelStyle],
    ) -> widgets.HBox:
        """An outlet's checkbox after a square of its colour: the figure's legend (the figure
        shows none, so that the plot has the cell's whole width). The rows share ``layout``, and
        the squares of a colour their style (``swatches``, by colour)."""
        colour = self._colors[name]
        if colour not in swatches:
            swatches[colour] = LabelStyle(text_color=colour, font_size="16px")
        swatch = widgets.Label("■", style=swatches[colour])
        return widgets.HBox([swatch, box], layout=layout)

    @property
    def part(self) -> Part | None:
        """What the figure draws of the story shown: the whole story, or the day chosen in
        ``day_select`` (a story of more than ``PART_EVENTS`` events); None for no events."""
        value = self.day_select.value
        return self._parts[value] if self._parts and value is not None else None

    def _mask(self) -> pd.Series:
        table = self._table
        ticked = {name for name, box in self.outlet_boxes.items() if box.value}
        mask = (self._keys == self._story) & self._outlets.isin(ticked)
        part = self.part
        if part is not None and not part.whole:
            mask &= table["event_id"].astype(str).isin(set(part.events))
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
            placement=self._placement(),
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

    def _placement(self) -> Chronology:
        """The chronology of what is drawn: the story shown, or its day (kept while filtering,
        so that filters move no mark)."""
        chrono = self._placements[self._story]
        part = self.part
        if part is None or part.whole:
            return chrono
        if part.key not in self._placements:
            rows = self._table[self._keys == self._story]
            self._placements[part.key] = part_chronology(
                rows, chrono, part, knowledge=self._knowledge
            )
        return self._placements[part.key]

    def _on_day(self, change: dict[str, Any]) -> None:
        if not self._quiet and change["new"] is not None:
            self._refresh()

    def _on_width(self, change: dict[str, Any]) -> None:
        """The cell's width changed: place the figure's texts for the new width."""
        if not self._quiet:
            self._refresh()

    def _on_story(self, change: dict[str, Any]) -> None:
        if not self._quiet and change["new"] is not None:
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
        for trace in self.figure.data:
            trace.on_click(self._on_mark)
        story = self._table[self._keys == self._story]
        order = self._placements[self._story].events
        # the table and the menu of mentions hold at most ``TABLE_ROWS`` rows: a browser lays
        # out thousands slowly, and the filters narrow them
        listed = ordered_mentions(selection, knowledge=self._knowledge, order=order)
        cut = len(listed) > TABLE_ROWS
        listed = listed.head(TABLE_ROWS)
        self.count.value = (
            f"{len(selection)} of {len(story)} mentions, "
            f"{selection['event_id'].nunique()} of {story['event_id'].nunique()} events"
            + (f" (the table lists the first {TABLE_ROWS}: filter to see others)" if cut else "")
        )
        self.table_view.value = events_table_html(
            listed, zone=self._zone, knowledge=self._knowledge, mention_ids=True, order=order
        )
        self._list_mentions(listed)

    # ------------------------------------------------------------ review

    def _list_mentions(self, selection: pd.DataFrame) -> None:
        """The menu of mentions: those shown, in the table's order (and the one under review)."""
        rows = selection  # in the table's order already
        options = []
        for _, row in rows.iterrows():
            words = " ".join(str(row["sentence"] or "").split())
            words = words if len(words) <= 70 else words[:69] + "…"
            options.append(
                (f"{row['outlet']} · {row['label']} · «{words}»", str(row["mention_id"]))
            )
        quiet, self._quiet = self._quiet, True
        self.mention_select.options = options
        ids = {value for _, value in options}
        self.mention_select.value = self._selected if self._selected in ids else None
        self._quiet = quiet

    def select(self, mention_id: str | None) -> None:
        """Review the mention ``mention_id`` (None: none): its report's text, highlighted, and
        its fields in the form; the review box opens."""
        found = self._row(mention_id) if mention_id else None
        self._selected = str(mention_id) if found is not None else None
        quiet, self._quiet = self._quiet, True
        self.table_view.selected = self._selected or ""
        options = {value for _, value in self.mention_select.options}
        self.mention_select.value = self._selected if self._selected in options else None
        self._quiet = quiet
        self._show_selected()
        if self._selected is not None and not self.review_button.value:
            self.review_button.value = True

    def _row(self, mention_id: str | None) -> pd.Series | None:
        rows = self._table[self._table["mention_id"].astype(str) == str(mention_id)]
        return rows.iloc[0] if len(rows) else None

    def _show_selected(self) -> None:
        row = self._row(self._selected) if self._selected else None
        if self._corpus is None:
            return
        self.form.show(row)
        if row is None:
            self.report_view.value = ""
            self.mention_info.value = ""
            return
        try:
            report = self._corpus[str(row["report_id"])]
        except KeyError:
            report = None
        done = correction_text(row)
        self.mention_info.value = (
            f"<b>{html.escape(str(row['label']))}</b> ({html.escape(str(self._outlets[row.name]))})"
            + (f'<br><span class="st-mark">{html.escape(done)}</span>' if done else "")
            + key_html()
        )
        self.report_view.value = (
            report_html(report, row, knowledge=self._knowledge)
            if report is not None
            else f"<p>Report {html.escape(str(row['report_id']))} is not in the corpus given.</p>"
        )

    def save(self) -> bool:
        """Write the form's changes to the mention under review (one ``set`` entry); True if
        written."""
        changes = self.form.changes()
        if not changes:
            self._say("Nothing changed: edit a field, then save.")
            return False
        what = ", ".join(
            f"{FIELD_TEXT.get(name, name)} {_written(value)}" for name, value in changes.items()
        )
        return self._write({"set": changes}, f"set {what}")

    def mark_checked(self) -> bool:
        """Mark the mention under review as checked by a person (one ``check`` entry)."""
        return self._write({"check": True}, "checked")

    def drop(self) -> bool:
        """Drop the mention under review from the table (one ``drop`` entry)."""
        self.form.ask_drop(False)
        return self._write({"drop": True}, "dropped")

    def _write(self, action: dict[str, Any], what: str) -> bool:
        """Write one entry for the mention under review, rebuild, and say what happened."""
        if self._corpus is None or self._selected is None:
            if self._corpus is None:
                self._say(NO_CORPUS, escaped=True)
            else:
                self._say("Choose a mention first.")
            return False
        if self._corrections is None:
            self._say("No folder to write corrections to: pass corrections=path.", error=True)
            return False
        try:
            target = mention_target(self._table, self._selected)
        except ValueError as exc:
            self._say(f"Not written: {exc}.", error=True)
            return False
        entry = {**target, **action, **self.form.note()}
        problem = try_entry(self._table, entry, corpus=self._corpus, knowledge=self._knowledge)
        if problem:
            self._say(f"Not written: {problem}.", error=True)
            return False
        try:
            path = append_correction(self._corrections, entry)
        except (OSError, ValueError) as exc:  # a file that is not a list, a folder not writable
            self._say(f"Not written: {exc}", error=True)
            return False
        number = len(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or [])
        self.form.why.value = ""  # the reason was this entry's; who it is stays
        self.reload()
        counts = self._table.attrs.get("corrections") or {}
        said = (
            f"{html.escape(what.capitalize())}: written to <code>{html.escape(str(path))}</code> "
            f"(entry {number}); table rebuilt with {counts.get('applied', 0)} corrections applied, "
            f"{len(counts.get('stale', []))} stale."
        )
        stale = stale_entry(self._table, path, number)
        if stale:
            said += f"<br>This entry did not apply: {html.escape(stale)}"
        self._say(said, error=bool(stale), escaped=True)
        return True

    def _say(self, text: str, *, error: bool = False, escaped: bool = False) -> None:
        body = text if escaped else html.escape(text)
        colour = "#b00020" if error else "#1b5e20"
        self.review_message.value = f'<div style="color:{colour}">{body}</div>'

    def reload(self) -> None:
        """Rebuild the table from the reports with the corrections files (those beside the
        reports, and the one edits go to), keeping the story, filters and mention shown."""
        if self._corpus is None:
            raise ValueError("reload needs the reports: TimelineExplorer(table, corpus=...)")
        paths = correction_paths(self._corpus, self._corrections)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", CorrectionWarning)
            table = extract_events(self._corpus, knowledge=self._knowledge, corrections=paths)
        for warning in caught:  # stale entries are said in the review's message
            if not issubclass(warning.category, CorrectionWarning):
                warnings.warn(warning.message, warning.category, stacklevel=2)
        off = {
            "outlets": {name for name, box in self.outlet_boxes.items() if not box.value},
            "types": {v for _, v in self.type_filter.options} - set(self.type_filter.value),
            "statuses": set(self.status_filter.options) - set(self.status_filter.value),
        }
        self._quiet = True
        self._use(table)
        story = self._story if self._story in self._stories else next(iter(self._stories), "")
        if self.story_select is not None:
            self.story_select.options = [(s.label, s.story_id) for s in self._stories.values()]
            self.story_select.value = story if story in self._stories else None
        self._show_story(story, off)
        self.select(self._selected)

    def _on_review(self, change: dict[str, Any]) -> None:
        self.review_box.layout.display = "flex" if change["new"] else "none"

    def _on_row(self, change: dict[str, Any]) -> None:
        if not self._quiet and change["new"]:
            self.select(str(change["new"]))

    def _on_mention(self, change: dict[str, Any]) -> None:
        if not self._quiet and change["new"]:
            self.select(str(change["new"]))

    def _on_mark(self, trace: Any, points: Any, state: Any) -> None:
        """A click on a mark of the figure: review its mention."""
        ids = list(trace.customdata or ())
        for index in points.point_inds:
            if index < len(ids) and ids[index]:
                self.select(str(ids[index]))
                return

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        stories = f", {len(self._stories)} stories" if len(self._stories) > 1 else ""
        return (
            f"TimelineExplorer({len(self._table)} mentions, "
            f"{self._table['event_id'].nunique()} events{stories}, "
            f"outlets {sorted(set(self._outlets))})"
        )


def _written(value: Any) -> str:
    """A value of a ``set`` as the message shows it."""
    if value is None:
        return "cleared"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "none"
    return str(value)
