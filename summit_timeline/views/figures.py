"""The interactive timeline: one row per event, each outlet's mention side by side on it.

Every string that comes from a report (labels, outlets, evidence, quotes, hedges, places) is
HTML-escaped before it reaches plotly, which renders ``<b>``, ``<br>`` and ``<a href>`` in hover
texts, tick labels, legend entries and buttons. Hover texts are plain ``hovertext`` with
``hoverinfo="text"``, never ``hovertemplate``, so a ``%{...}`` in a report is shown, not expanded.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from .chronology import Chronology, chronology, is_missing
from ..knowledge import default_knowledge
from ..table.schema import validate_table

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

STATUS_TEXT: dict[str, str] = {
    "occurred": "occurred",
    "announced": "announced (said it will happen)",
    "proposed": "proposed (offered, not agreed)",
    "cancelled": "cancelled (did not take place)",
}
APART_SYMBOLS: dict[str, str] = {
    "announced": "circle-open",
    "proposed": "diamond-open",
    "cancelled": "x-open",
}
DATE_SOURCE_TEXT: dict[str, str] = {
    "stated": "stated in the report",
    "relative": "from a relative day and the publication date",
    "publication": "from the publication time, in the venue's zone",
    "aligned": "from another report of the same event",
    "none": "not reported",
}
LEGEND_KEY = (
    "Bars: duration as reported · ● instant · ○ announced · ◇ proposed · ✕ cancelled · "
    "dashed: announced duration · hatched or faded: placed by order, no clock time"
)
#: Trace kinds, in drawing order: what each trace of one outlet holds.
KINDS: tuple[str, ...] = ("bar", "bar_inferred", "point", "point_inferred", "apart_bar", "apart")


def esc(value: Any) -> str:
    """``value`` as text plotly shows literally: ``&``, ``<``, ``>`` escaped (missing -> '').

    Quotes stay as they are: plotly's text renderer decodes ``&lt;``/``&gt;``/``&amp;`` but shows
    ``&quot;`` literally, and a quote outside a tag is harmless to it.
    """
    if is_missing(value):
        return ""
    return html.escape(str(value), quote=False)


def wrap(value: Any, width: int = 80) -> str:
    """Escaped ``value`` wrapped to ``width`` characters with ``<br>`` between lines."""
    if is_missing(value) or not str(value).strip():
        return ""
    lines = textwrap.wrap(" ".join(str(value).split()), width=width) or [""]
    return "<br>".join(esc(line) for line in lines)


def outlet_names(table: pd.DataFrame) -> pd.Series:
    """Outlet of each row, or its ``report_id`` when the outlet is not known."""
    validate_table(table)
    names = [
        str(outlet).strip() if isinstance(outlet, str) and outlet.strip() else str(report)
        for outlet, report in zip(table["outlet"], table["report_id"], strict=True)
    ]
    return pd.Series(names, index=table.index, dtype=object, name="outlet")


def outlet_colors(table: pd.DataFrame, *, palette: Sequence[str] = OKABE_ITO) -> dict[str, str]:
    """A colour per outlet, assigned in sorted outlet order: the same outlets, the same colours.

    :param palette: colours to assign (cycled when there are more outlets than colours).
    """
    if not palette:
        raise ValueError("palette must hold at least one colour; got an empty sequence")
    outlets = sorted(set(outlet_names(table)))
    return {name: palette[i % len(palette)] for i, name in enumerate(outlets)}


def _listish(value: Any) -> list[Any]:
    if is_missing(value):
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if hasattr(value, "tolist"):
        return list(value.tolist())
    return [value]


def quote_list(value: Any) -> list[tuple[str | None, str]]:
    """The ``quotes`` cell as ``(speaker, text)`` pairs (tolerates lists, arrays and None)."""
    pairs = []
    for item in _listish(value):
        if isinstance(item, Mapping):
            text = item.get("text")
            if not is_missing(text) and str(text).strip():
                speaker = item.get("speaker")
                pairs.append((None if is_missing(speaker) else str(speaker), str(text)))
        elif not is_missing(item):
            pairs.append((None, str(item)))
    return pairs


def format_minutes(minutes: Any) -> str:
    """'165 min (2 h 45 min)' style text for a number of minutes ('' when missing)."""
    if is_missing(minutes):
        return ""
    value = float(minutes)
    text = f"{value:g} min"
    if value >= 60:
        hours, rest = divmod(round(value), 60)
        text += f" ({hours} h {rest} min)" if rest else f" ({hours} h)"
    return text


def duration_text(row: Mapping[str, Any]) -> str:
    """The duration as reported, hedge first ('nur 165 min (2 h 45 min)'), or ''."""
    minutes = format_minutes(row.get("duration_min"))
    if not minutes:
        return ""
    hedge = row.get("duration_hedge")
    return f"{hedge} {minutes}" if isinstance(hedge, str) and hedge.strip() else minutes


# ---------------------------------------------------------------- where outlets differ


_ASPECTS: tuple[str, ...] = (
    "status",
    "duration",
    "planned duration",
    "actors",
    "place",
    "date",
    "time",
    "quotes",
)


def _aspect_value(row: Mapping[str, Any], aspect: str) -> str | None:
    if aspect == "status":
        return str(row["status"])
    if aspect == "duration":
        return duration_text(row) or None
    if aspect == "planned duration":
        return format_minutes(row.get("planned_duration_min")) or None
    if aspect == "actors":
        actors = [str(a) for a in _listish(row.get("actors"))]
        return ", ".join(sorted(actors)) if actors else None
    if aspect == "place":
        place = row.get("place")
        return None if is_missing(place) or not str(place).strip() else str(place)
    if aspect == "date":
        day = row.get("date")
        return None if is_missing(day) else str(pd.Timestamp(day).date())
    if aspect == "time":
        if row.get("time_precision") not in ("minute", "hour") or is_missing(row.get("start")):
            return None
        start = pd.Timestamp(row["start"])
        end = row.get("end")
        text = start.strftime("%H:%M %Z").strip()
        if not is_missing(end):
            text = f"{start:%H:%M}–{pd.Timestamp(end):%H:%M %Z}".strip()
        return text
    if aspect == "quotes":
        quotes = [text for _, text in quote_list(row.get("quotes"))]
        return " | ".join(quotes) if quotes else None
    raise ValueError(f"unknown aspect {aspect!r}; expected one of {list(_ASPECTS)}")


@dataclass(frozen=True)
class Difference:
    """One point where outlets differ on an event (or an event only one outlet reports)."""

    event_id: str
    label: str
    aspect: str
    values: dict[str, str] = field(default_factory=dict)

    def text(self) -> str:
        """Plain one-line text: 'duration: A: nur 165 min · B: gut 150 min'."""
        parts = " · ".join(f"{outlet}: {value}" for outlet, value in self.values.items())
        return f"{self.aspect}: {parts}"


def outlet_differences(table: pd.DataFrame) -> list[Difference]:
    """Per event, the aspects whose values differ between outlets, and single-outlet events.

    A simple comparison of the table's own columns (duration with hedge, planned duration,
    actors, place, date, time, quotes, status); 'not given' counts as a value.
    """
    validate_table(table)
    frame = table.assign(_outlet=outlet_names(table))
    differences: list[Difference] = []
    for event_id, group in frame.groupby("event_id", sort=False):
        label = str(max((str(v) for v in group["label"]), key=len, default=event_id))
        outlets = sorted(set(group["_outlet"]))
        if len(outlets) == 1:
            differences.append(
                Difference(str(event_id), label, "reported by", {outlets[0]: "this outlet only"})
            )
            continue
        for aspect in _ASPECTS:
            values: dict[str, str] = {}
            for outlet in outlets:
                rows = group[group["_outlet"] == outlet].to_dict("records")
                found = {_aspect_value(r, aspect) for r in rows} - {None}
                values[outlet] = " / ".join(sorted(found)) if found else "not given"  # type: ignore[arg-type]
            if len(set(values.values())) > 1:
                differences.append(Difference(str(event_id), label, aspect, values))
    return differences


# ---------------------------------------------------------------- hover texts


def _time_text(place: Mapping[str, Any], zone: str | None) -> str:
    placed_by = place["placed_by"]
    if placed_by == "clock":
        start = place["local_start"]
        end = place["local_end"]
        span = f"{start:%H:%M}" + (f"–{end:%H:%M}" if not is_missing(end) else "")
        return f"{span} local time{f' ({zone})' if zone else ''}, as reported"
    if placed_by == "other_outlet":
        return "not given in this report; placed at the time another report gives"
    if placed_by == "order":
        return f"no clock time reported; #{place['step']} in the order the reports give"
    return "no date reported; shown apart"


def _hover(
    row: Mapping[str, Any],
    place: Mapping[str, Any],
    outlet: str,
    differences: list[Difference],
    *,
    zone: str | None,
    width: int,
) -> str:
    lines = [f"<b>{esc(outlet)}</b> — {wrap(row['label'], width)}"]
    lines.append(f"Status: {esc(STATUS_TEXT.get(str(row['status']), row['status']))}")
    day = row.get("date")
    source = DATE_SOURCE_TEXT.get(str(row.get("date_source")), str(row.get("date_source")))
    if is_missing(day):
        lines.append("Date: not reported")
    else:
        lines.append(f"Date: {esc(pd.Timestamp(day).date())} ({esc(source)})")
    lines.append(f"Time: {esc(_time_text(place, zone))}")
    duration = duration_text(row)
    planned = format_minutes(row.get("planned_duration_min"))
    if duration or planned:
        text = f"Duration: {esc(duration) if duration else 'not reported'}"
        lines.append(text + (f" (planned: {esc(planned)})" if planned else ""))
    lines.append(f"Evidence: «{wrap(row.get('sentence'), width)}»")
    for speaker, quote in quote_list(row.get("quotes")):
        who = f"{esc(speaker)}: " if speaker else ""
        lines.append(f"Quote: {who}«{wrap(quote, width)}»")
    mine = [d for d in differences if d.aspect != "reported by"]
    if mine:
        lines.append("<b>Outlets differ</b>:")
        lines.extend(f"· {wrap(d.text(), width)}" for d in mine)
    elif differences:
        lines.append("<b>Reported by this outlet only</b>")
    return "<br>".join(lines)


# ---------------------------------------------------------------- the figure


@dataclass
class _Points:
    x0: list[float] = field(default_factory=list)
    length: list[float] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    width: list[float] = field(default_factory=list)
    hover: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    label: list[str] = field(default_factory=list)
    symbol: list[str] = field(default_factory=list)
    note: list[str] = field(default_factory=list)


def _kind(status: str, placed_by: str, drawn: Any) -> str:
    has_bar = not is_missing(drawn) and float(drawn) > 0
    inferred = placed_by != "clock"
    if status != "occurred":
        return "apart_bar" if has_bar else "apart"
    if has_bar:
        return "bar_inferred" if inferred else "bar"
    return "point_inferred" if inferred else "point"


def _trace(kind: str, points: _Points, colour: str, common: dict[str, Any]) -> go.BaseTraceType:
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


def _rows(table: pd.DataFrame, chrono: Chronology) -> list[str]:
    """Event ids top to bottom: grouped by type (types in order of first event), then by time."""
    types = table.groupby(table["event_id"].astype(str), sort=False)["event_type"].first()
    events = [e for e in chrono.events if e in types.index]
    rank = {event_id: i for i, event_id in enumerate(events)}
    first_of_type: dict[str, int] = {}
    for event_id in events:
        first_of_type.setdefault(str(types[event_id]), rank[event_id])
    return sorted(events, key=lambda e: (first_of_type[str(types[e])], rank[e]))


def _row_label(group: pd.DataFrame, limit: int = 60) -> str:
    label = max((str(v) for v in group["label"] if not is_missing(v)), key=len, default="")
    if not label:
        event_type = str(group["event_type"].iloc[0])
        label = default_knowledge().event_type(event_type).label
    if len(label) > limit:
        label = label[: limit - 1].rstrip() + "…"
    return esc(label)


def _buttons(traces: list[go.BaseTraceType], outlets: list[str]) -> list[dict[str, Any]]:
    metas = [t.meta or {} for t in traces]
    buttons = [
        {"label": "All outlets", "method": "restyle", "args": [{"visible": [True] * len(traces)}]}
    ]
    for outlet in outlets:
        visible = [True if m.get("outlet") == esc(outlet) else "legendonly" for m in metas]
        buttons.append(
            {"label": f"{esc(outlet)} only", "method": "restyle", "args": [{"visible": visible}]}
        )
    single = [True if m.get("kind") == "legend" or m.get("single") else "legendonly" for m in metas]
    buttons.append(
        {"label": "Reported by one outlet only", "method": "restyle", "args": [{"visible": single}]}
    )
    return buttons


def timeline_figure(
    table: pd.DataFrame,
    *,
    title: str | None = None,
    colors: Mapping[str, str] | None = None,
    placement: Chronology | None = None,
    buttons: bool = True,
    hover_width: int = 80,
    height: int | None = None,
) -> go.Figure:
    """The timeline of ``table``: one row per event, each outlet's mention drawn on that row.

    Bars are reported durations, filled markers instants, open markers and dashed bars events
    that did not (yet) take place; hatched or faded shapes are placed by order, not by a clock
    time. Each outlet is one legend group; ``buttons`` adds 'All outlets', '<outlet> only' and
    'Reported by one outlet only'.

    :param table: the event table (``extract_events``); not modified.
    :param title: figure title (escaped); default 'Summit timeline'.
    :param colors: colour per outlet; default ``outlet_colors(table)``.
    :param placement: a ``chronology(...)`` to take positions and axis from (the explorer passes
        the full table's so that filtering does not move events); default ``chronology(table)``.
    :param buttons: add the row of outlet buttons.
    :param hover_width: characters per hover line.
    :param height: figure height in pixels; default grows with the number of rows.
    """
    validate_table(table)
    chrono = placement if placement is not None else chronology(table)
    palette = dict(colors) if colors is not None else outlet_colors(table)
    outlets = sorted(set(outlet_names(table)))
    missing = [o for o in outlets if o not in palette]
    if missing:
        raise ValueError(
            f"colors has no colour for outlets {missing}; got colours for {sorted(palette)}"
        )
    figure = go.Figure()
    figure.update_layout(
        title={"text": esc(title if title is not None else "Summit timeline"), "x": 0.01},
        template="plotly_white",
        barmode="overlay",
        hovermode="closest",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 12}},
        legend={"title": {"text": "Outlets (click to hide)"}, "groupclick": "togglegroup"},
        xaxis={"title": {"text": esc(chrono.axis_title), "font": {"size": 12}}, "zeroline": False},
    )
    known = (
        table[table["mention_id"].isin(chrono.placements["mention_id"])] if len(table) else table
    )
    if known.empty:
        figure.update_layout(
            height=height or 320,
            annotations=[{"text": "No events to show", "showarrow": False, "font": {"size": 16}}],
            xaxis={"visible": False},
            yaxis={"visible": False},
        )
        return figure

    known = known.assign(event_id=known["event_id"].astype(str))
    names = outlet_names(known)
    differences = outlet_differences(known)
    by_event: dict[str, list[Difference]] = {}
    for difference in differences:
        by_event.setdefault(difference.event_id, []).append(difference)
    single_events = {d.event_id for d in differences if d.aspect == "reported by"}
    places = chrono.placements.set_index("mention_id")
    rows = _rows(known, chrono)
    row_of = {event_id: i for i, event_id in enumerate(rows)}
    clock_blocks = {block.key: block.clock for block in chrono.blocks}

    points: dict[tuple[str, bool, str], _Points] = {}
    for event_id, group in known.groupby("event_id", sort=False):
        event_outlets = sorted(set(names[group.index]))
        lane = 0.76 / len(event_outlets)
        for index, row in group.iterrows():
            outlet = names[index]
            place = places.loc[str(row["mention_id"])]
            if isinstance(place, pd.DataFrame):
                place = place.iloc[0]
            lane_no = event_outlets.index(outlet)
            y = row_of[str(event_id)] - 0.38 + lane * (lane_no + 0.5)
            kind = _kind(str(row["status"]), str(place["placed_by"]), place["drawn_min"])
            key = (outlet, str(event_id) in single_events, kind)
            bucket = points.setdefault(key, _Points())
            drawn = place["drawn_min"]
            bucket.x0.append(float(place["x0"]))
            bucket.length.append(0.0 if is_missing(drawn) else float(drawn))
            bucket.y.append(y)
            bucket.width.append(lane * 0.8)
            bucket.ids.append(str(row["mention_id"]))
            bucket.label.append(esc(duration_text(row)))
            on_clock_day = clock_blocks.get(str(place["block"]), False)
            guessed = on_clock_day and place["placed_by"] != "clock" and kind != "apart"
            bucket.note.append("time not reported" if guessed else "")
            bucket.symbol.append(APART_SYMBOLS.get(str(row["status"]), "circle-open"))
            bucket.hover.append(
                _hover(
                    row,
                    place,
                    outlet,
                    by_event.get(str(event_id), []),
                    zone=chrono.timezone,
                    width=hover_width,
                )
            )

    traces: list[go.BaseTraceType] = []
    for number, outlet in enumerate(outlets):
        group_id = f"outlet-{number}"
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
                traces.append(_trace(kind, bucket, colour, common))
    figure.add_traces(traces)

    first, last = chrono.blocks[0].start, chrono.blocks[-1].end
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
    figure.update_layout(
        height=height or max(360, 170 + 56 * len(rows)),
        margin={"t": 110, "b": 110},
        xaxis={
            "range": [first - 15, last + 45],
            "tickmode": "array",
            "tickvals": [t for t, _ in chrono.ticks],
            "ticktext": [esc(text) for _, text in chrono.ticks],
            "showgrid": True,
            "gridcolor": "#eee",
        },
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(rows))),
            "ticktext": [_row_label(known[known["event_id"] == e]) for e in rows],
            "range": [len(rows) - 0.5, -0.5],
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
        },
    )
    if buttons:
        figure.update_layout(
            updatemenus=[
                {
                    "type": "buttons",
                    "direction": "right",
                    "buttons": _buttons(traces, outlets),
                    "x": 0,
                    "xanchor": "left",
                    "y": 1.0,
                    "yanchor": "bottom",
                    "pad": {"b": 40},
                    "showactive": True,
                }
            ]
        )
    return figure
