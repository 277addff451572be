"""The interactive timeline: one row per event, each outlet's mention side by side on it.

One story at a time: a table of several stories gives a figure with every story's traces, the
main story's shown, and a menu of the stories that shows another one's traces, rows, axis,
title and outlet buttons (``updatemenus``: the menu of stories first, then each story's row of
outlet buttons, only the shown story's visible). The marks themselves are drawn by ``marks.py``.

Every string that comes from a report (labels, outlets, evidence, quotes, hedges, places) is
HTML-escaped before it reaches plotly, which renders ``<b>``, ``<br>`` and ``<a href>`` in hover
texts, tick labels, legend entries and buttons. Hover texts (``hover.py``) are plain
``hovertext`` with ``hoverinfo="text"``, never ``hovertemplate``, so a ``%{...}`` in a report is
shown, not expanded.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from ..compare.differences import Discrepancy, discrepancies, discrepancy_list
from ..knowledge import Knowledge, resolve
from ..table.schema import validate_table
from .cells import event_label, source_labels
from .chronology import Chronology, chronology
from .hover import esc
from .marks import LANES, Points, event_rows, marks, outlet_traces
from .parts import day_part, part_chronology, part_rows
from .provenance import CORRECTION_KEY, correction_mark
from .stories import Story, select_story, story_keys, story_list

#: Okabe-Ito colours (colour-blind safe), reordered so that the first ones contrast on white.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#F0E442",
)

LEGEND_KEY = (
    "Bars: duration as reported · ● instant · ○ announced · ◇ proposed · ✕ cancelled · "
    "dashed: announced duration · hatched or faded: placed by order, no clock time"
)
#: The tallest figure drawn unless a height is given, pixels: a story or day of more rows shows
#: the first that fit (at least ``MIN_ROWS_SHOWN``), the others a drag of the plot away.
MAX_FIGURE_PX = 1800
MIN_ROWS_SHOWN = 6
PAN_NOTE = (
    "{rows} rows: drag the plot up or down to see the others (or zoom with the tools at its top "
    "right); double-click it to come back."
)
#: Outlets a story may have and still get a button each ('<outlet> only'); with more, a
#: double-click on an outlet in the legend shows it alone.
BUTTON_OUTLETS = 8
#: Fill of a day's band of events without a clock time (``Block.untimed``).
BAND_COLOUR = "rgba(120, 120, 120, 0.12)"

# The figure has no fixed width: it is as wide as its element, from a narrow notebook cell
# (about 370 px: JupyterLab 800 px wide with its file browser open) to a wide page. Texts are
# wrapped to what the narrow cell shows, and margins are sized from their lengths in characters.
#: Characters per line of a row label, and its lines at most (the rest is cut with '…'); a label
#: inside its row has one line of the plot's width.
ROW_LABEL_WIDTH = 26
ROW_LABEL_LINES = 2
INSIDE_LABEL_WIDTH = 60
#: Height of a row, pixels: its lanes of marks, and its label when inside.
ROW_PX = {"axis": 56, "inside": 64}
RowLabels = Literal["axis", "inside"]
#: Characters per line of the axis title and of the notes under the plot.
AXIS_TITLE_WIDTH = 26
NOTE_WIDTH = 60
#: Width of a character of plotly's default font, in ems, a little generous; line heights, px.
_EM = 0.5
_EM_BOLD = 0.6
_LINE_PX = {11: 14, 12: 16}


def outlet_colors(table: pd.DataFrame, *, palette: Sequence[str] = OKABE_ITO) -> dict[str, str]:
    """A colour per outlet, assigned in sorted outlet order: the same outlets, the same colours.

    Each outlet takes the first colour no outlet of its stories has taken yet, so that the
    outlets of one story differ while an outlet keeps its colour in every story; with one
    story, the colours follow the palette in sorted outlet order.

    :param palette: colours to assign (reused when a story has more outlets than colours).
    """
    if not palette:
        raise ValueError("palette must hold at least one colour; got an empty sequence")
    names, keys = source_labels(table), story_keys(table)
    stories_of: dict[str, set[str]] = {}
    for name, key in zip(names, keys, strict=True):
        stories_of.setdefault(name, set()).add(key)
    colours: dict[str, str] = {}
    taken: dict[str, list[str]] = {}
    for name in sorted(stories_of):
        used = [c for key in stories_of[name] for c in taken.get(key, [])]
        free = [c for c in palette if c not in used]
        # when every colour is taken, the one its stories use least, first in the palette
        colour = free[0] if free else min(palette, key=lambda c: (used.count(c), palette.index(c)))
        colours[name] = colour
        for key in stories_of[name]:
            taken.setdefault(key, []).append(colour)
    return colours


# ---------------------------------------------------------------- rows and buttons


def _lines(text: str, width: int, most: int | None = None) -> list[str]:
    """``text`` in lines of ``width`` characters, at most ``most`` (the last then cut with '…')."""
    lines = textwrap.wrap(" ".join(text.split()), width=width, break_on_hyphens=False) or [""]
    if most is not None and len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def _row_label(group: pd.DataFrame, knowledge: Knowledge, where: RowLabels = "axis") -> str:
    """The label of an event's row, escaped: on two short lines beside the axis (a narrow cell
    has room), or on one line inside the row."""
    label = event_label(group)
    if not label:
        label = knowledge.event_type(str(group["event_type"].iloc[0])).label
    if where == "inside":
        return esc(_lines(label, INSIDE_LABEL_WIDTH, 1)[0])
    return "<br>".join(esc(line) for line in _lines(label, ROW_LABEL_WIDTH, ROW_LABEL_LINES))


def _text_px(lines: Sequence[str], size: int, *, bold: bool = False) -> float:
    """About how wide the longest of ``lines`` (escaped, plotly's default font) is drawn."""
    plain = [line.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for line in lines]
    return max((len(line) for line in plain), default=0) * size * (_EM_BOLD if bold else _EM)


def _buttons(
    traces: Sequence[Any], outlets: list[str], indices: Sequence[int] | None = None
) -> list[dict[str, Any]]:
    """'All outlets', '<outlet> only', 'Reported by one outlet only' over ``traces``.

    :param indices: where ``traces`` are in the figure, when it holds other traces too (other
        stories'): the buttons then restyle these traces only.
    """
    metas = [(t.get("meta") if isinstance(t, dict) else t.meta) or {} for t in traces]
    where = [list(indices)] if indices is not None else []

    def button(label: str, visible: list[Any]) -> dict[str, Any]:
        return {"label": label, "method": "restyle", "args": [{"visible": visible}, *where]}

    buttons = [button("All outlets", [True] * len(traces))]
    for outlet in outlets:
        visible = [True if m.get("outlet") == esc(outlet) else "legendonly" for m in metas]
        buttons.append(button(f"{esc(outlet)} only", visible))
    single = [True if m.get("kind") == "legend" or m.get("single") else "legendonly" for m in metas]
    buttons.append(button("Reported by one outlet only", single))
    return buttons


def _outlet_menu(
    buttons: list[dict[str, Any]], *, above: float, visible: bool = True
) -> dict[str, Any]:
    """The row of outlet buttons, ``above`` pixels over the plot (over the day labels)."""
    return {"type": "buttons", "direction": "right", "buttons": buttons, "x": 0, "xanchor": "left",
            "y": 1.0, "yanchor": "bottom", "pad": {"b": round(above)}, "showactive": True,
            "visible": visible}  # fmt: skip


# ---------------------------------------------------------------- the figure


#: The marks of a figure by (outlet, reported by one outlet only, kind): ``marks.marks``.
Buckets = Mapping[tuple[str, bool, str], Points]

#: The narrowest figure each layout is made for when the width it is drawn at is not known,
#: pixels: with the row labels beside the axis, plotly's default width (a notebook's figure);
#: inside the rows, a JupyterLab cell beside the open file browser in a window 800 px wide.
#: Texts that would overlap or run out of a figure that narrow are moved (day labels up a
#: level, the right margin widened). The explorer knows its width (``fit_width``).
NARROW_PX: dict[str, float] = {"axis": 700, "inside": 368}
#: Least space between two tick labels shown, pixels: labels that do not overlap lying are
#: not turned by plotly.
MIN_TICK_PX = 8
#: Room under the plot for the tick labels, upright or turned (plotly turns them where they
#: would overlap); above the plot for the title and for the row of outlet buttons.
_TICKS_PX = 42
_TITLE_PX = 56
_BUTTONS_PX = 26
#: Space between a label and what it labels or the next label, pixels.
_PAD_PX = 6


@dataclass(frozen=True)
class _Frame:
    """The texts around the plot and the margins they take, pixels: ``notes_top`` from the
    plot's bottom edge down to the notes, ``above`` the height of the day labels over the plot
    (``days``: their annotations)."""

    axis_title: list[str]
    notes: list[str]
    days: list[dict[str, Any]]
    left: float
    right: float
    bottom: float
    notes_top: float
    above: float
    plot: float


def _x_range(chrono: Chronology) -> tuple[float, float]:
    """The x axis's range: the blocks, a little room before the first and after the last."""
    return chrono.blocks[0].start - 15, chrono.blocks[-1].end + 45


def _overhang(points: Buckets, chrono: Chronology, plot: float) -> float:
    """How far the texts beside the marks (bar lengths, notes) run past the plot's right edge,
    in a plot ``plot`` pixels wide."""
    lo, hi = _x_range(chrono)
    scale = plot / (hi - lo)
    ends = [0.0]
    for (_, _, kind), bucket in points.items():
        if kind.startswith("bar"):
            for x0, length, label in zip(bucket.x0, bucket.length, bucket.label, strict=True):
                ends.append((x0 + length - lo) * scale + _PAD_PX + _text_px([label], 11) - plot)
        elif kind.startswith("point"):
            for x0, note in zip(bucket.x0, bucket.note, strict=True):
                if note:
                    ends.append((x0 - lo) * scale + 3 * _PAD_PX + _text_px([note], 10) - plot)
    return max(ends)


def _day_labels(
    chrono: Chronology, plot: float, right: float
) -> tuple[list[dict[str, Any]], float]:
    """Each block's label over the plot, from its start (up to its end where it would run out
    of the figure: past the ``right`` margin of a plot ``plot`` pixels wide); one level higher
    where it would overlap an earlier label. The annotations and the height they take."""
    blocks = chrono.blocks
    lo, hi = _x_range(chrono)
    scale = plot / (hi - lo)
    ends: list[float] = []  # per level, where its last label ends
    heights: list[float] = []
    placed: list[tuple[int, dict[str, Any]]] = []
    for block in blocks:
        lines = block.label.split("\n")
        width = _text_px(lines, 11, bold=True)
        runs_out = (block.start - lo) * scale + width > plot + right
        x, anchor = (block.end, "right") if runs_out else (block.start, "left")
        start = (x - lo) * scale - (width if runs_out else 0)
        level = next((k for k, end in enumerate(ends) if start >= end + _PAD_PX), len(ends))
        if level == len(ends):
            ends.append(0.0)
            heights.append(0.0)
        ends[level] = start + width
        heights[level] = max(heights[level], _LINE_PX[11] * len(lines))
        text = "<br>".join(f"<b>{esc(line)}</b>" for line in lines)
        placed.append((level, {"x": x, "xanchor": anchor, "text": text}))
    labels = [
        {**label, "y": 1.0, "yref": "paper", "yanchor": "bottom", "yshift": sum(heights[:level]),
         "showarrow": False, "font": {"size": 11}}
        for level, label in placed
    ]  # fmt: skip
    return labels, sum(heights)


def _frame(
    chrono: Chronology,
    row_labels: Sequence[str],
    points: Buckets,
    outlets: Sequence[str],
    where: RowLabels,
    width: float | None,
    keys: Sequence[str] = (LEGEND_KEY,),
) -> _Frame:
    """Wrap the axis title and the notes (what the ticks mean, the keys to the marks), place the
    day labels, and size the margins: left for the row labels beside the axis, right for the
    texts beside the last marks, bottom for the ticks, axis title and notes; all for a figure
    ``width`` pixels wide (default ``NARROW_PX``)."""
    title = _lines(chrono.axis_title, AXIS_TITLE_WIDTH)
    notes = [line for note in (*chrono.axis_notes, *keys) for line in _lines(note, NOTE_WIDTH)]
    narrow = width or NARROW_PX[where]
    if where == "axis":
        left = _text_px([line for label in row_labels for line in label.split("<br>")], 12) + 16
        legend = _text_px(["Outlets (click to hide)", *outlets], 12) + 40
        right = 24.0
        plot = narrow - left - legend
    else:  # no legend (the explorer's checkboxes are its legend), the texts have the margin
        left = 12.0
        right = 24.0
        for _ in range(3):  # a wider margin narrows the plot: the texts' ends move left
            right = 24.0 + max(0.0, _overhang(points, chrono, narrow - left - right))
        plot = narrow - left - right
    days, above = _day_labels(chrono, plot, right)
    notes_top = _TICKS_PX + _LINE_PX[12] * len(title) + 10
    bottom = notes_top + _LINE_PX[11] * len(notes) + 12
    return _Frame(title, notes, days, left, right, bottom, notes_top, above, plot)


def _tick_texts(chrono: Chronology, plot: float | None) -> list[str]:
    """The axis's tick labels, escaped; in a plot ``plot`` pixels wide (if known), a label that
    would come within ``MIN_TICK_PX`` of the one shown before it is left blank (its tick and
    grid line stay), so that the labels lie side by side, none on another or turned."""
    if plot is None:
        return [esc(text) for _, text in chrono.ticks]
    lo, hi = _x_range(chrono)
    scale = plot / (hi - lo)
    texts, last, last_half = [], -math.inf, 0.0
    for x, text in chrono.ticks:
        # digits are wider than the average character: 0.6 em, not ``_EM``
        half = len(text) * 12 * _EM_BOLD / 2
        shown = (x - lo) * scale - last >= last_half + half + MIN_TICK_PX
        texts.append(esc(text) if shown else "")
        if shown:
            last, last_half = (x - lo) * scale, half
    return texts


def _row_notes(labels: Sequence[str]) -> list[dict[str, Any]]:
    """Each row's label at the top of the row, from the plot's left edge, over what lies there."""
    return [
        {"x": 0, "xref": "paper", "xanchor": "left", "y": row - 0.5, "yanchor": "top",
         "text": label, "showarrow": False, "font": {"size": 12, "color": "#2a3f5f"},
         "bgcolor": "rgba(255, 255, 255, 0.75)", "borderpad": 1}
        for row, label in enumerate(labels)
    ]  # fmt: skip


def _decorate(
    chrono: Chronology,
    known: pd.DataFrame,
    rows: list[str],
    frame: _Frame,
    row_notes: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """Day labels, separators and bands, lines between types, the notes under the plot and
    ``row_notes`` (labels inside the rows): the layout's ``annotations`` and ``shapes``."""
    blocks = chrono.blocks
    shapes: list[dict[str, Any]] = []
    for i, block in enumerate(blocks):
        # the middle of the gaps around the block: where one day (or band) ends and the next starts
        left = (blocks[i - 1].end + block.start) / 2 if i else block.start - 15
        right = (block.end + blocks[i + 1].start) / 2 if i + 1 < len(blocks) else block.end + 45
        if block.untimed:
            shapes.append({"type": "rect", "x0": left, "x1": right, "xref": "x", "y0": 0, "y1": 1,
                           "yref": "y domain", "fillcolor": BAND_COLOUR, "line": {"width": 0},
                           "layer": "below"})  # fmt: skip
        elif i:
            shapes.append({"type": "line", "x0": left, "x1": left, "xref": "x", "y0": 0, "y1": 1,
                           "yref": "y domain",
                           "line": {"color": "#888", "width": 1, "dash": "dot"}})  # fmt: skip
    types = known.groupby("event_id", sort=False)["event_type"].first()
    for i in range(1, len(rows)):
        if types[rows[i]] != types[rows[i - 1]]:
            shapes.append({"type": "line", "x0": 0, "x1": 1, "xref": "x domain", "y0": i - 0.5,
                           "y1": i - 0.5, "yref": "y",
                           "line": {"color": "#ccc", "width": 1}})  # fmt: skip
    # under the axis title, from the figure's left edge: a narrow cell has room for the lines
    notes = {"x": 0, "xref": "paper", "xanchor": "left", "xshift": 4 - frame.left, "y": 0,
             "yref": "paper", "yanchor": "top", "yshift": -frame.notes_top, "align": "left",
             "showarrow": False, "text": "<br>".join(esc(line) for line in frame.notes),
             "font": {"size": 11, "color": "#444"}}  # fmt: skip
    return {"annotations": [*frame.days, notes, *row_notes], "shapes": shapes}


def _axes(
    chrono: Chronology,
    rows: list[str],
    labels: list[str],
    frame: _Frame,
    where: RowLabels,
    width: float | None,
) -> dict[str, Any]:
    title = "<br>".join(esc(line) for line in frame.axis_title)
    return {
        "xaxis": {
            "title": {"text": title, "font": {"size": 12}},
            "range": list(_x_range(chrono)),
            "tickmode": "array",
            "tickvals": [t for t, _ in chrono.ticks],
            "ticktext": _tick_texts(chrono, frame.plot if width else None),
            "showgrid": True,
            "gridcolor": "#eee",
            "zeroline": False,
            "automargin": True,
        },
        "yaxis": {
            "tickmode": "array",
            "tickvals": list(range(len(rows))),
            "ticktext": labels,
            "showticklabels": where == "axis",
            "range": [len(rows) - 0.5, -0.5],
            "automargin": where == "axis",
            "showgrid": False,
            "zeroline": False,
        },
    }


def _palette(table: pd.DataFrame, colors: Mapping[str, str] | None) -> dict[str, str]:
    palette = dict(colors) if colors is not None else outlet_colors(table)
    missing = [o for o in sorted(set(source_labels(table))) if o not in palette]
    if missing:
        raise ValueError(
            f"colors has no colour for outlets {missing}; got colours for {sorted(palette)}"
        )
    return palette


def timeline_figure(
    table: pd.DataFrame,
    *,
    story: str | None = None,
    title: str | None = None,
    colors: Mapping[str, str] | None = None,
    placement: Chronology | None = None,
    buttons: bool = True,
    hover_width: int = 80,
    height: int | None = None,
    row_labels: RowLabels = "axis",
    fit_width: int | None = None,
    knowledge: Knowledge | None = None,
    day: Any = None,
) -> go.Figure:
    """The timeline of ``table``: one row per event, each outlet's mention drawn on that row.

    Bars are reported durations, filled markers instants, open markers and dashed bars events
    that did not (yet) take place; hatched or faded shapes are placed by order, not by a clock
    time. On a day with clock times, the events no report times lie in the day's shaded band
    'time not reported' beside its hours, never at an hour. Each outlet is one legend group;
    ``buttons`` adds 'All outlets', '<outlet> only' and 'Reported by one outlet only'. Hovering
    a mark shows the evidence and where the outlets differ on the event
    (``compare.discrepancies``). A mention a person corrected or checked (the ``corrected``
    column, from a corrections file) carries ✎ or ✓ beside its mark and in its hover, and the
    key under the plot explains the signs.

    One story is drawn at a time. A table of several stories (``story_id``: several summits, or
    meetings that reports recall) shows its main story (``story_list``: most reports, then most
    mentions) with a menu of every story above the plot; choosing one shows its rows, axis,
    title and outlet buttons.

    :param table: the event table (``extract_events``); not modified.
    :param story: the ``story_id`` to draw, without the menu; default the table's one story, or
        the menu of its stories.
    :param title: figure title (escaped); default 'Summit timeline', or the story's name when
        the table has several stories (a title given is then followed by it).
    :param colors: colour per outlet; default ``outlet_colors(table)``.
    :param placement: a ``chronology(...)`` to take positions and axis from (the explorer passes
        the full story's so that filtering does not move events); default ``chronology`` of
        the story drawn. Only for one story.
    :param buttons: add the row of outlet buttons.
    :param hover_width: characters per hover line.
    :param height: figure height in pixels; default grows with the number of rows.
    :param row_labels: where the rows' labels go: ``"axis"`` beside the plot, on two short
        lines, or ``"inside"`` each at the top of its row, on one line, so that the plot has
        the figure's whole width (the explorer's choice: a narrow notebook cell has room).
    :param fit_width: the width in pixels the figure will be drawn at, when known (the explorer
        knows its cell's): day labels, margins and tick labels are placed for it. The figure
        still takes its element's width. Default: placed for widths from ``NARROW_PX`` up.
    :param knowledge: event types (order, labels) and lexicons (``load_knowledge()``); default
        the packaged knowledge.
    :param day: draw one day of the story only (a date, ISO text such as ``"2018-07-16"``, or
        ``"undated"``): its events, as its story's chronology places them, on an axis of their
        own (``parts.story_parts``: how the page draws a long story). Needs one story.
    """
    validate_table(table)
    knowledge = resolve(knowledge)
    listed = story_list(table)
    named = len(listed) > 1
    palette = _palette(table, colors)  # of the whole table: an outlet's colour in every story
    if story is not None:
        table = select_story(table, story)
        listed = [s for s in listed if s.story_id == story]
    if row_labels not in ROW_PX:
        raise ValueError(f"row_labels must be one of {sorted(ROW_PX)}; got {row_labels!r}")
    if fit_width is not None and not (isinstance(fit_width, int) and fit_width > 0):
        raise ValueError(f"fit_width must be a number of pixels > 0 or None; got {fit_width!r}")
    options = {"buttons": buttons, "hover_width": hover_width, "height": height,
               "row_labels": row_labels, "fit_width": fit_width}  # fmt: skip
    if day is not None and len(listed) != 1:
        raise ValueError(
            f"day= draws one day of one story, but the table holds {len(listed)} stories; "
            f"pass story= (one of {[s.story_id for s in listed]})"
        )
    if len(listed) <= 1:
        shown = listed[0] if named and listed else None
        chrono = placement if placement is not None else chronology(table, knowledge=knowledge)
        heading = story_title(title, shown)
        if day is not None:
            part = day_part(listed[0], chrono, day)
            # sources named on the whole story, as its colours name them
            named = table.assign(outlet=source_labels(table))
            chrono = part_chronology(named, chrono, part, knowledge=knowledge)
            table = part_rows(named, part)
            heading = f"{heading} · {part.label}"
        return _story_figure(table, chrono, palette, heading, knowledge=knowledge, **options)
    if placement is not None:
        raise ValueError(
            "placement is the chronology of one story, but the table holds "
            f"{len(listed)} stories; pass story= (one of {[s.story_id for s in listed]})"
        )
    return _stories_figure(table, listed, palette, title, knowledge=knowledge, **options)


def story_title(title: str | None, story: Story | None) -> str:
    """The title of a story's figure: ``title`` (default 'Summit timeline') when the table holds
    one story (``story`` None); else the story's name, after ``title`` if one is given."""
    if story is None:
        return title if title is not None else "Summit timeline"
    return f"{title}: {story.title}" if title else story.title


def _story_figure(
    table: pd.DataFrame,
    chrono: Chronology,
    palette: Mapping[str, str],
    title: str,
    **options: Any,
) -> go.Figure:
    """The timeline of one story's rows (``table``), placed by ``chrono`` (``options``: those
    of ``story_figure_data``), as a figure."""
    data = story_figure_data(table, chrono, palette, title, **options)
    layout = {**data["layout"], "template": pio.templates["plotly_white"]}
    return go.Figure(data=data["data"], layout=layout)


def story_figure_data(
    table: pd.DataFrame,
    chrono: Chronology,
    palette: Mapping[str, str],
    title: str,
    *,
    buttons: bool,
    hover_width: int,
    height: int | None,
    knowledge: Knowledge,
    row_labels: RowLabels = "axis",
    fit_width: int | None = None,
    group: str = "outlet",
    differences: Sequence[Discrepancy] | None = None,
    title_above: bool = False,
) -> dict[str, Any]:
    """The timeline of one story's rows (``table``), placed by ``chrono``, as plotly's JSON
    (``{"data": [...], "layout": {...}}``, no template): made as plain data, as the page keeps
    it; plotly's checks of each value, when a ``go.Figure`` is made, would take most of the
    time of an archive's hundreds of stories and days.

    :param differences: where the outlets differ on the story's events (``discrepancy_list``
        of the whole story, when ``table`` holds a part of it); default read from ``table``.
    :param title_above: the title at the top of the figure, over the outlet buttons, in room
        of its own (a long title: a story's name and day on the page).
    """
    above = _STORIES_TITLE - _TITLE_PX if title_above else 0
    layout: dict[str, Any] = {
        "title": {"text": esc(title), "x": 0.01},
        "autosize": True,  # as wide as its element: a notebook cell, the page, the explorer
        "barmode": "overlay",
        "hovermode": "closest",
        "hoverlabel": {"align": "left", "bgcolor": "white", "font": {"size": 12}},
        "legend": {"title": {"text": "Outlets (click to hide)"}, "groupclick": "togglegroup"},
    }
    # sources named once, on the whole story: the marks, hover texts and buttons read the same
    names = source_labels(table)
    known = table.assign(outlet=names, event_id=table["event_id"].astype(str))
    known = known[known["mention_id"].isin(chrono.placements["mention_id"])]
    if known.empty:
        layout.update(
            height=height or 320,
            annotations=[{"text": "No events to show", "showarrow": False, "font": {"size": 16}}],
            xaxis={"visible": False},
            yaxis={"visible": False},
        )
        return {"data": [], "layout": layout}
    if differences is None:
        differences = discrepancy_list(discrepancies(known, knowledge=knowledge))
    outlets = sorted(set(names))
    points = marks(known, chrono, differences, hover_width, lanes=LANES[row_labels])
    traces = outlet_traces(points, outlets, palette, group)
    rows = event_rows(known, chrono)
    by_event = dict(list(known.groupby("event_id", sort=False)))
    groups = [by_event[e] for e in rows]
    labels = [_row_label(group, knowledge) for group in groups]
    # the key to the signs of corrected and checked mentions, where a person has touched one
    touched = any(correction_mark(row) for row in known.to_dict("records"))
    keys = (LEGEND_KEY, CORRECTION_KEY) if touched else (LEGEND_KEY,)
    frame = _frame(chrono, labels, points, outlets, row_labels, fit_width, keys)
    # the same height with or without buttons: a story looks the same alone and in a menu
    drawn = _TITLE_PX + above + frame.above + _BUTTONS_PX + _PAD_PX + frame.bottom
    shown = len(rows)
    if height is None and drawn + ROW_PX[row_labels] * len(rows) > MAX_FIGURE_PX:
        # a bounded figure: the first rows that fit, the others a drag (pan) away
        frame = _frame(chrono, labels, points, outlets, row_labels, fit_width,
                       (*keys, PAN_NOTE.format(rows=len(rows))))  # fmt: skip
        drawn = _TITLE_PX + above + frame.above + _BUTTONS_PX + _PAD_PX + frame.bottom
        shown = max(MIN_ROWS_SHOWN, int((MAX_FIGURE_PX - drawn) // ROW_PX[row_labels]))
    inside = [_row_label(group, knowledge, "inside") for group in groups]
    notes = _row_notes(inside) if row_labels == "inside" else ()
    layout.update(_decorate(chrono, known, rows, frame, notes))
    top = _TITLE_PX + above + frame.above + (_BUTTONS_PX + _PAD_PX if buttons else 0)
    margin = {"t": top, "b": frame.bottom, "l": frame.left, "r": frame.right}
    if title_above:
        layout["title"].update(y=1, yref="container", yanchor="top", pad={"t": 16})
    axes = _axes(chrono, rows, labels, frame, row_labels, fit_width)
    if shown < len(rows):
        axes["yaxis"]["range"] = [shown - 0.5, -0.5]
        layout["dragmode"] = "pan"
    layout.update(
        height=height or max(360, round(drawn + ROW_PX[row_labels] * shown)),
        margin={side: round(px) for side, px in margin.items()},
        **axes,
    )
    if buttons:
        # a button per outlet while they fit in a row; else the legend's double-click
        alone = outlets if len(outlets) <= BUTTON_OUTLETS else []
        layout["updatemenus"] = [_outlet_menu(_buttons(traces, alone), above=frame.above + _PAD_PX)]
    return {"data": traces, "layout": layout}


#: What a story's menu entry sets in the layout: the rows, the axis, the title, the height and
#: the margins its row labels and notes take.
_STORY_LAYOUT = (
    "title.text",
    "xaxis.range",
    "xaxis.tickvals",
    "xaxis.ticktext",
    "xaxis.title.text",
    "yaxis.tickvals",
    "yaxis.ticktext",
    "yaxis.range",
    "height",
    "margin.l",
    "margin.b",
)
#: Pixels above the plot: day labels, then the outlet buttons, then the menu of stories (the
#: buttons' height and ``_STORY_MENU_PAD`` more up), then the title (``_STORIES_TITLE`` more).
_STORY_MENU_PAD = 12
_STORIES_TITLE = 92


def _story_note(pad: float) -> dict[str, Any]:
    """'Story', left of the menu of stories (``pad`` pixels over the plot)."""
    return {"text": "<b>Story</b>", "x": 0, "xref": "paper", "xanchor": "right", "y": 1,
            "yref": "paper", "yanchor": "middle", "yshift": round(pad) + 15, "xshift": -8,
            "showarrow": False, "font": {"size": 12}}  # fmt: skip


def _story_layout(figure: go.Figure, pad: float) -> dict[str, Any]:
    """The layout values of one story's figure that its menu entry sets (``pad``: where the
    menu of stories is, for the note beside it)."""
    values: dict[str, Any] = {}
    for key in _STORY_LAYOUT:
        node: Any = figure.layout
        for part in key.split("."):
            node = node[part]
        values[key] = list(node) if isinstance(node, tuple) else node
    notes = [a.to_plotly_json() for a in figure.layout.annotations]
    values["annotations"] = [_story_note(pad), *notes]
    values["shapes"] = [shape.to_plotly_json() for shape in figure.layout.shapes]
    return values


def _stories_figure(
    table: pd.DataFrame,
    listed: list[Story],
    palette: Mapping[str, str],
    title: str | None,
    *,
    buttons: bool,
    hover_width: int,
    height: int | None,
    knowledge: Knowledge,
    row_labels: RowLabels = "axis",
    fit_width: int | None = None,
) -> go.Figure:
    """Every story's timeline in one figure, the first shown, and a menu that switches them."""
    keys = story_keys(table)
    figure = go.Figure()
    parts: list[tuple[go.Figure, range, list[str]]] = []
    for number, story in enumerate(listed):
        rows = table[keys == story.story_id]
        chrono = chronology(rows, knowledge=knowledge)
        heading = story_title(title, story)
        options = {"hover_width": hover_width, "height": height, "knowledge": knowledge,
                   "row_labels": row_labels, "fit_width": fit_width}  # fmt: skip
        part = _story_figure(rows, chrono, palette, heading, buttons=False,
                             group=f"story-{number}-outlet", **options)  # fmt: skip
        first = len(figure.data)
        for trace in part.data:
            trace.meta = {**(trace.meta or {}), "story": story.story_id}
            trace.visible = number == 0
        figure.add_traces(list(part.data))
        outlets = sorted(set(source_labels(rows)))
        parts.append((part, range(first, len(figure.data)), outlets))
    figure.update_layout(parts[0][0].layout)
    # above the plot, room for the highest day labels of any story, then the menus
    labels = max(part.layout.margin.t - _TITLE_PX for part, _, _ in parts) + _PAD_PX
    pad = labels + (_BUTTONS_PX if buttons else 0) + _STORY_MENU_PAD
    first = _story_layout(parts[0][0], pad)
    # arrays replaced whole: update_layout would merge them item by item
    figure.layout.annotations = first.pop("annotations")
    figure.layout.shapes = first.pop("shapes")
    figure.update_layout(
        margin={"t": round(pad + _STORIES_TITLE)},
        title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 16}},
        **first,
    )
    menus: list[dict[str, Any]] = []
    for number, (part, span, _) in enumerate(parts):
        layout = _story_layout(part, pad)
        for other in range(len(parts) if buttons else 0):
            layout[f"updatemenus[{other + 1}].visible"] = other == number
        visible = [index in span for index in range(len(figure.data))]
        menus.append({"label": esc(listed[number].label), "method": "update",
                      "args": [{"visible": visible}, layout]})  # fmt: skip
    story_menu = {"type": "dropdown", "name": "stories", "buttons": menus, "active": 0, "x": 0,
                  "xanchor": "left", "y": 1.0, "yanchor": "bottom", "showactive": True,
                  "pad": {"b": round(pad)}, "bgcolor": "white"}  # fmt: skip
    outlet_menus = [
        _outlet_menu(_buttons(part.data, outlets, list(span)), above=labels, visible=number == 0)
        for number, (part, span, outlets) in enumerate(parts)
        if buttons
    ]
    figure.update_layout(updatemenus=[story_menu, *outlet_menus])
    return figure
