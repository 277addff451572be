"""The marks of the timeline: each mention as a bar or marker on its event's row, per outlet.

A mention is drawn by kind (``KINDS``): a bar for a reported duration, a marker for an instant,
open shapes and dashed bars for what did not (yet) take place; hatched or faded when placed by
order rather than by a clock time. Each outlet's marks are traces of its own legend group. A
mention a person corrected or checked carries its sign (``provenance.correction_mark``: ✎ or ✓)
beside its mark, before its duration or note.

A figure of more than ``GL_MARKS`` marks is drawn with WebGL (``Scattergl``): an SVG element per
mark makes a browser slow to draw, to hide an outlet and to pan past a few hundred. Then a bar is
a thick line from its start to its end (faded where placed by order, as WebGL draws no hatching)
and the texts beside the marks are left to the hover.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..compare.differences import Discrepancy
from ..table.schema import is_missing
from .cells import duration_text, source_labels, text_of
from .chronology import Chronology
from .hover import esc, hover_text
from .provenance import correction_mark

APART_SYMBOLS: dict[str, str] = {
    "announced": "circle-open",
    "proposed": "diamond-open",
    "cancelled": "x-open",
}
#: Trace kinds, in drawing order: what each trace of one outlet holds.
KINDS: tuple[str, ...] = ("bar", "bar_inferred", "point", "point_inferred", "apart_bar", "apart")
#: A trace as plotly's JSON (``type`` and its properties): the figure's traces are made as plain
#: data, checked by plotly once, when a ``go.Figure`` is made of them (or never, on the page).
Trace = dict[str, Any]
#: More marks than this in one figure: drawn with WebGL (see the module's note).
GL_MARKS = 400
#: Width of a bar drawn with WebGL, pixels.
GL_BAR_PX = 9


def event_rows(table: pd.DataFrame, chrono: Chronology) -> list[str]:
    """Event ids top to bottom: grouped by type (types in order of first event), then by time."""
    types = table.groupby(table["event_id"].astype(str), sort=False)["event_type"].first()
    events = [e for e in chrono.events if e in types.index]
    rank = {event_id: i for i, event_id in enumerate(events)}
    first_of_type: dict[str, int] = {}
    for event_id in events:
        first_of_type.setdefault(str(types[event_id]), rank[event_id])
    return sorted(events, key=lambda e: (first_of_type[str(types[e])], rank[e]))


@dataclass
class Points:
    x0: list[float] = field(default_factory=list)
    length: list[float] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    width: list[float] = field(default_factory=list)
    hover: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    label: list[str] = field(default_factory=list)
    symbol: list[str] = field(default_factory=list)
    note: list[str] = field(default_factory=list)


def mark_kind(status: str, placed_by: str, drawn: Any) -> str:
    has_bar = not is_missing(drawn) and float(drawn) > 0
    inferred = placed_by != "clock"
    if status != "occurred":
        return "apart_bar" if has_bar else "apart"
    if has_bar:
        return "bar_inferred" if inferred else "bar"
    return "point_inferred" if inferred else "point"


def _segments(points: Points) -> dict[str, list[Any]]:
    """Each mark of ``points`` as a line from its start over its middle to its end (all three
    hoverable), the marks apart (None between them)."""
    found: dict[str, list[Any]] = {"x": [], "y": [], "hovertext": [], "customdata": []}
    for x0, length, y, text, mid in zip(
        points.x0, points.length, points.y, points.hover, points.ids, strict=True
    ):
        found["x"] += [x0, x0 + length / 2, x0 + length, None]
        found["y"] += [y, y, y, None]
        found["hovertext"] += [text, text, text, None]
        found["customdata"] += [mid, mid, mid, None]
    return found


def gl_mark_trace(kind: str, points: Points, colour: str, common: dict[str, Any]) -> Trace:
    """A trace of ``kind`` drawn with WebGL: bars as thick lines, no texts beside the marks."""
    if kind in ("bar", "bar_inferred", "apart_bar"):
        apart = kind == "apart_bar"
        line = {
            "color": colour,
            "width": 5 if apart else GL_BAR_PX,
            "dash": "dash" if apart else "solid",
        }
        opacity = 0.55 if kind == "bar_inferred" else 1.0
        return dict(type="scattergl", mode="lines", line=line, opacity=opacity,
                    **_segments(points), **common)  # fmt: skip
    symbol: Any = points.symbol if kind == "apart" else "circle"
    return dict(
        type="scattergl",
        x=points.x0,
        y=points.y,
        mode="markers",
        marker={
            "symbol": symbol,
            "size": 11,
            "color": colour,
            "opacity": 0.7 if kind == "point_inferred" else 1.0,
            "line": {"color": colour if kind == "apart" else "white", "width": 1.5},
        },
        hovertext=points.hover,
        customdata=points.ids,
        **common,
    )


def mark_trace(
    kind: str, points: Points, colour: str, common: dict[str, Any], *, gl: bool = False
) -> Trace:
    """The trace of one outlet's marks of one ``kind`` (``gl``: drawn with WebGL)."""
    if gl:
        return gl_mark_trace(kind, points, colour, common)
    if kind in ("bar", "bar_inferred"):
        pattern = (
            {"shape": "/", "fgcolor": "white", "fgopacity": 0.7, "solidity": 0.25}
            if kind == "bar_inferred"
            else {"shape": ""}
        )
        return dict(
            type="bar",
            orientation="h",
            base=points.x0,
            x=points.length,
            y=points.y,
            width=points.width,
            text=points.label,
            textposition="outside",
            cliponaxis=False,
            textfont={"size": 11, "color": colour},
            marker={"color": colour, "line": {"color": colour, "width": 1}, "pattern": pattern},
            hovertext=points.hover,
            customdata=points.ids,
            **common,
        )
    if kind == "apart_bar":
        xs: list[float | None] = []
        ys: list[float | None] = []
        hover: list[str | None] = []
        ids: list[str | None] = []
        for x0, length, y, text, mid in zip(
            points.x0, points.length, points.y, points.hover, points.ids, strict=True
        ):
            xs += [x0, x0 + length, None]
            ys += [y, y, None]
            hover += [text, text, None]
            ids += [mid, mid, None]
        return dict(
            type="scatter",
            x=xs,
            y=ys,
            mode="lines+markers",
            line={"color": colour, "width": 5, "dash": "dash"},
            marker={"symbol": "circle-open", "size": 11, "color": colour, "line": {"width": 2}},
            hovertext=hover,
            customdata=ids,
            **common,
        )
    inferred = kind == "point_inferred"
    symbol: Any = points.symbol if kind == "apart" else "circle"
    noted = any(points.note)
    return dict(
        type="scatter",
        x=points.x0,
        y=points.y,
        mode="markers+text" if noted else "markers",
        text=points.note if noted else None,
        textposition="middle right",
        textfont={"size": 10, "color": colour},
        marker={
            "symbol": symbol,
            "size": 13,
            "color": colour,
            "opacity": 0.7 if inferred else 1.0,
            "line": {"color": colour if kind == "apart" else "white", "width": 2},
        },
        hovertext=points.hover,
        customdata=points.ids,
        **common,
    )


#: Where an event's outlets are drawn in its row (offsets from the row's middle, in rows): the
#: whole row, or below a label drawn inside the row (``timeline_figure(row_labels="inside")``).
LANES: dict[str, tuple[float, float]] = {"axis": (-0.38, 0.38), "inside": (-0.2, 0.44)}


def marks(
    known: pd.DataFrame,
    chrono: Chronology,
    differences: Sequence[Discrepancy],
    hover_width: int,
    *,
    lanes: tuple[float, float] = LANES["axis"],
) -> dict[tuple[str, bool, str], Points]:
    """Every mention as a mark: bucketed by (outlet, reported by one outlet only, kind).

    An event's outlets are side by side in its row, each in a lane of its own between the
    offsets ``lanes`` from the row's middle.
    """
    names = source_labels(known)
    told: dict[str, list[Discrepancy]] = {}
    for difference in differences:
        told.setdefault(difference.event_id, []).append(difference)
    # rows and placements as dicts: a frame's row per mention would take most of the time
    places: dict[str, dict[str, Any]] = {}
    for place in chrono.placements.to_dict("records"):
        places.setdefault(str(place["mention_id"]), place)
    row_of = {event_id: i for i, event_id in enumerate(event_rows(known, chrono))}
    clock_blocks = {block.key: block.clock for block in chrono.blocks}
    by_event: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for outlet, row in zip(names, known.to_dict("records"), strict=True):
        by_event.setdefault(str(row["event_id"]), []).append((outlet, row))
    points: dict[tuple[str, bool, str], Points] = {}
    for event_id, group in by_event.items():
        event_outlets = sorted({outlet for outlet, _ in group})
        # what the timeline's row says, for the hover (as ``event_label``)
        labels = Counter(str(row["label"]) for _, row in group if text_of(row["label"]))
        row_label = max(labels, key=lambda label: (labels[label], len(label)), default="")
        top, bottom = lanes
        lane = (bottom - top) / len(event_outlets)
        for outlet, row in group:
            place = places[str(row["mention_id"])]
            kind = mark_kind(str(row["status"]), str(place["placed_by"]), place["drawn_min"])
            key = (outlet, len(event_outlets) == 1, kind)
            bucket = points.setdefault(key, Points())
            drawn = place["drawn_min"]
            bucket.x0.append(float(place["x0"]))
            bucket.length.append(0.0 if is_missing(drawn) else float(drawn))
            lane_no = event_outlets.index(outlet)
            bucket.y.append(row_of[str(event_id)] + top + lane * (lane_no + 0.5))
            bucket.width.append(lane * 0.8)
            bucket.ids.append(str(row["mention_id"]))
            sign = correction_mark(row)
            bucket.label.append(" ".join(t for t in (sign, esc(duration_text(row))) if t))
            # on a day's clock hours without a time of its own: at the time another report gives
            on_clock_day = clock_blocks.get(str(place["block"]), False)
            borrowed = on_clock_day and place["placed_by"] != "clock" and kind != "apart"
            note = "time from another report" if borrowed else ""
            bucket.note.append(" ".join(t for t in (sign, note) if t))
            bucket.symbol.append(APART_SYMBOLS.get(str(row["status"]), "circle-open"))
            mine = told.get(str(event_id), [])
            bucket.hover.append(
                hover_text(
                    row,
                    place,
                    outlet,
                    mine,
                    zone=chrono.timezone,
                    width=hover_width,
                    event=row_label,
                )
            )
    return points


def outlet_traces(
    points: Mapping[tuple[str, bool, str], Points],
    outlets: list[str],
    palette: Mapping[str, str],
    group: str = "outlet",
    *,
    gl: bool | None = None,
) -> list[Trace]:
    """Per outlet: one legend entry, then its marks by kind; all in the outlet's legend group
    (``group`` and the outlet's number: each story of a figure has groups of its own).

    :param gl: draw the marks with WebGL; default when there are more than ``GL_MARKS``.
    """
    if gl is None:
        gl = sum(len(bucket.ids) for bucket in points.values()) > GL_MARKS
    traces: list[Trace] = []
    for number, outlet in enumerate(outlets):
        group_id = f"{group}-{number}"
        colour = palette[outlet]
        traces.append(
            dict(
                type="scatter",
                x=[None],
                y=[None],
                mode="markers",
                marker={"color": colour, "size": 12, "symbol": "square"},
                name=esc(outlet),
                legendgroup=group_id,
                showlegend=True,
                hoverinfo="skip",
                meta={"outlet": esc(outlet), "kind": "legend", "single": False},
            )
        )
        for single in (False, True):
            for kind in KINDS:
                bucket = points.get((outlet, single, kind))
                if bucket is None:
                    continue
                common = {
                    "name": esc(outlet),
                    "legendgroup": group_id,
                    "showlegend": False,
                    "hoverinfo": "text",
                    "meta": {"outlet": esc(outlet), "kind": kind, "single": single},
                }
                traces.append(mark_trace(kind, bucket, colour, common, gl=gl))
    return traces
