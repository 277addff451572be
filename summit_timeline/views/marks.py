"""The marks of the timeline: each mention as a bar or marker on its event's row, per outlet.

A mention is drawn by kind (``KINDS``): a bar for a reported duration, a marker for an instant,
open shapes and dashed bars for what did not (yet) take place; hatched or faded when placed by
order rather than by a clock time. Each outlet's marks are traces of its own legend group. A
mention a person corrected or checked carries its sign (``provenance.correction_mark``: ✎ or ✓)
beside its mark, before its duration or note.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ..compare.differences import Discrepancy
from ..table.schema import is_missing
from .cells import duration_text, event_label, source_labels
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


def mark_trace(kind: str, points: Points, colour: str, common: dict[str, Any]) -> go.BaseTraceType:
    if kind in ("bar", "bar_inferred"):
        pattern = (
            {"shape": "/", "fgcolor": "white", "fgopacity": 0.7, "solidity": 0.25}
            if kind == "bar_inferred"
            else {"shape": ""}
        )
        return go.Bar(
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
        return go.Scatter(
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
    return go.Scatter(
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
    by_event: dict[str, list[Discrepancy]] = {}
    for difference in differences:
        by_event.setdefault(difference.event_id, []).append(difference)
    places = chrono.placements.set_index("mention_id")
    row_of = {event_id: i for i, event_id in enumerate(event_rows(known, chrono))}
    clock_blocks = {block.key: block.clock for block in chrono.blocks}
    points: dict[tuple[str, bool, str], Points] = {}
    for event_id, group in known.groupby("event_id", sort=False):
        event_outlets = sorted(set(names[group.index]))
        row_label = event_label(group)  # what the timeline's row says, for the hover
        top, bottom = lanes
        lane = (bottom - top) / len(event_outlets)
        for index, row in group.iterrows():
            outlet = names[index]
            place = places.loc[str(row["mention_id"])]
            if isinstance(place, pd.DataFrame):
                place = place.iloc[0]
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
            mine = by_event.get(str(event_id), [])
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
) -> list[go.BaseTraceType]:
    """Per outlet: one legend entry, then its marks by kind; all in the outlet's legend group
    (``group`` and the outlet's number: each story of a figure has groups of its own)."""
    traces: list[go.BaseTraceType] = []
    for number, outlet in enumerate(outlets):
        group_id = f"{group}-{number}"
        colour = palette[outlet]
        traces.append(
            go.Scatter(
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
                traces.append(mark_trace(kind, bucket, colour, common))
    return traces
