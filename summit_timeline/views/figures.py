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

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ..compare.differences import discrepancies, discrepancy_list
from ..knowledge import Knowledge, resolve
from ..table.schema import validate_table
from .cells import event_label, source_labels
from .chronology import Chronology, chronology
from .hover import esc
from .marks import event_rows, marks, outlet_traces
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


def _row_label(group: pd.DataFrame, knowledge: Knowledge, limit: int = 60) -> str:
    label = event_label(group)
    if not label:
        label = knowledge.event_type(str(group["event_type"].iloc[0])).label
    if len(label) > limit:
        label = label[: limit - 1].rstrip() + "…"
    return esc(label)


def _buttons(
    traces: Sequence[go.BaseTraceType], outlets: list[str], indices: Sequence[int] | None = None
) -> list[dict[str, Any]]:
    """'All outlets', '<outlet> only', 'Reported by one outlet only' over ``traces``.

    :param indices: where ``traces`` are in the figure, when it holds other traces too (other
        stories'): the buttons then restyle these traces only.
    """
    metas = [t.meta or {} for t in traces]
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


def _outlet_menu(buttons: list[dict[str, Any]], *, visible: bool = True) -> dict[str, Any]:
    return {"type": "buttons", "direction": "right", "buttons": buttons, "x": 0, "xanchor": "left",
            "y": 1.0, "yanchor": "bottom", "pad": {"b": 40}, "showactive": True,
            "visible": visible}  # fmt: skip


# ---------------------------------------------------------------- the figure


def _decorate(figure: go.Figure, chrono: Chronology, known: pd.DataFrame, rows: list[str]) -> None:
    """Day labels and separators, lines between types, and the key to the marks."""
    first = chrono.blocks[0].start
    for block in chrono.blocks:
        day = "<br>".join(f"<b>{esc(part)}</b>" for part in block.label.split("\n"))
        figure.add_annotation(x=block.start, xanchor="left", y=1.0, yref="paper", text=day,
                              yanchor="bottom", showarrow=False, font={"size": 11})  # fmt: skip
        if block.start > first:
            figure.add_vline(x=block.start - 30, line={"color": "#888", "width": 1, "dash": "dot"})
    types = known.groupby("event_id", sort=False)["event_type"].first()
    for i in range(1, len(rows)):
        if types[rows[i]] != types[rows[i - 1]]:
            figure.add_hline(y=i - 0.5, line={"color": "#ccc", "width": 1})
    figure.add_annotation(x=0, xref="paper", xanchor="left", y=0, yref="paper", yanchor="top",
                          yshift=-58, align="left", showarrow=False, text=LEGEND_KEY,
                          font={"size": 11, "color": "#444"})  # fmt: skip


def _axes(
    chrono: Chronology, known: pd.DataFrame, rows: list[str], knowledge: Knowledge
) -> dict[str, Any]:
    first, last = chrono.blocks[0].start, chrono.blocks[-1].end
    return {
        "xaxis": {
            "range": [first - 15, last + 45],
            "tickmode": "array",
            "tickvals": [t for t, _ in chrono.ticks],
            "ticktext": [esc(text) for _, text in chrono.ticks],
            "showgrid": True,
            "gridcolor": "#eee",
        },
        "yaxis": {
            "tickmode": "array",
            "tickvals": list(range(len(rows))),
            "ticktext": [_row_label(known[known["event_id"] == e], knowledge) for e in rows],
            "range": [len(rows) - 0.5, -0.5],
            "automargin": True,
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
    knowledge: Knowledge | None = None,
) -> go.Figure:
    """The timeline of ``table``: one row per event, each outlet's mention drawn on that row.

    Bars are reported durations, filled markers instants, open markers and dashed bars events
    that did not (yet) take place; hatched or faded shapes are placed by order, not by a clock
    time. Each outlet is one legend group; ``buttons`` adds 'All outlets', '<outlet> only' and
    'Reported by one outlet only'. Hovering a mark shows the evidence and where the outlets
    differ on the event (``compare.discrepancies``).

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
    :param knowledge: event types (order, labels) and lexicons (``load_knowledge()``); default
        the packaged knowledge.
    """
    validate_table(table)
    knowledge = resolve(knowledge)
    listed = story_list(table)
    named = len(listed) > 1
    palette = _palette(table, colors)  # of the whole table: an outlet's colour in every story
    if story is not None:
        table = select_story(table, story)
        listed = [s for s in listed if s.story_id == story]
    options = {"buttons": buttons, "hover_width": hover_width, "height": height}
    if len(listed) <= 1:
        shown = listed[0] if named and listed else None
        chrono = placement if placement is not None else chronology(table, knowledge=knowledge)
        heading = story_title(title, shown)
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
    *,
    buttons: bool,
    hover_width: int,
    height: int | None,
    knowledge: Knowledge,
    group: str = "outlet",
) -> go.Figure:
    """The timeline of one story's rows (``table``), placed by ``chrono``."""
    figure = go.Figure()
    figure.update_layout(
        title={"text": esc(title), "x": 0.01},
        template="plotly_white",
        barmode="overlay",
        hovermode="closest",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 12}},
        legend={"title": {"text": "Outlets (click to hide)"}, "groupclick": "togglegroup"},
        xaxis={"title": {"text": esc(chrono.axis_title), "font": {"size": 12}}, "zeroline": False},
    )
    # sources named once, on the whole story: the marks, hover texts and buttons read the same
    names = source_labels(table)
    known = table.assign(outlet=names, event_id=table["event_id"].astype(str))
    known = known[known["mention_id"].isin(chrono.placements["mention_id"])]
    if known.empty:
        figure.update_layout(
            height=height or 320,
            annotations=[{"text": "No events to show", "showarrow": False, "font": {"size": 16}}],
            xaxis={"visible": False},
            yaxis={"visible": False},
        )
        return figure
    differences = discrepancy_list(discrepancies(known, knowledge=knowledge))
    outlets = sorted(set(names))
    points = marks(known, chrono, differences, hover_width)
    traces = outlet_traces(points, outlets, palette, group)
    figure.add_traces(traces)
    rows = event_rows(known, chrono)
    _decorate(figure, chrono, known, rows)
    figure.update_layout(
        height=height or max(360, 170 + 56 * len(rows)),
        margin={"t": 110, "b": 110},
        **_axes(chrono, known, rows, knowledge),
    )
    if buttons:
        figure.update_layout(updatemenus=[_outlet_menu(_buttons(traces, outlets))])
    return figure


#: What a story's menu entry sets in the layout: the rows, the axis, the title and the height.
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
)
#: Pixels above the plot: day labels, then the outlet buttons, then the menu of stories (from
#: ``_STORY_MENU_PAD`` up), then the title (in the figure's top ``_STORIES_TOP`` pixels).
_STORY_MENU_PAD = 78
_STORIES_TOP = 170


def _story_layout(figure: go.Figure) -> dict[str, Any]:
    """The layout values of one story's figure that its menu entry sets."""
    values: dict[str, Any] = {}
    for key in _STORY_LAYOUT:
        node: Any = figure.layout
        for part in key.split("."):
            node = node[part]
        values[key] = list(node) if isinstance(node, tuple) else node
    values["annotations"] = [_STORY_NOTE, *(a.to_plotly_json() for a in figure.layout.annotations)]
    values["shapes"] = [shape.to_plotly_json() for shape in figure.layout.shapes]
    return values


_STORY_NOTE = {"text": "<b>Story</b>", "x": 0, "xref": "paper", "xanchor": "right",
               "y": 1, "yref": "paper", "yanchor": "middle", "yshift": _STORY_MENU_PAD + 15,
               "xshift": -8, "showarrow": False, "font": {"size": 12}}  # fmt: skip


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
) -> go.Figure:
    """Every story's timeline in one figure, the first shown, and a menu that switches them."""
    keys = story_keys(table)
    figure = go.Figure()
    parts: list[tuple[go.Figure, range, list[str]]] = []
    for number, story in enumerate(listed):
        rows = table[keys == story.story_id]
        chrono = chronology(rows, knowledge=knowledge)
        heading = story_title(title, story)
        options = {"hover_width": hover_width, "height": height, "knowledge": knowledge}
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
    first = _story_layout(parts[0][0])
    # arrays replaced whole: update_layout would merge them item by item
    figure.layout.annotations = first.pop("annotations")
    figure.layout.shapes = first.pop("shapes")
    figure.update_layout(
        margin={"t": _STORIES_TOP},
        title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 16}},
        **first,
    )
    menus: list[dict[str, Any]] = []
    for number, (part, span, _) in enumerate(parts):
        layout = _story_layout(part)
        for other in range(len(parts) if buttons else 0):
            layout[f"updatemenus[{other + 1}].visible"] = other == number
        visible = [index in span for index in range(len(figure.data))]
        menus.append({"label": esc(listed[number].label), "method": "update",
                      "args": [{"visible": visible}, layout]})  # fmt: skip
    story_menu = {"type": "dropdown", "name": "stories", "buttons": menus, "active": 0, "x": 0,
                  "xanchor": "left", "y": 1.0, "yanchor": "bottom", "showactive": True,
                  "pad": {"b": _STORY_MENU_PAD}, "bgcolor": "white"}  # fmt: skip
    outlet_menus = [
        _outlet_menu(_buttons(part.data, outlets, list(span)), visible=number == 0)
        for number, (part, span, outlets) in enumerate(parts)
        if buttons
    ]
    figure.update_layout(updatemenus=[story_menu, *outlet_menus])
    return figure
