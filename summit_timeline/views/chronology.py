"""Order and placement of events in time, with the uncertainty kept.

The figure needs one position per mention on one horizontal axis. Reports rarely give clock
times, so positions are built day by day ("blocks"), and every position says how it was found:

- ``clock``: this mention's own clock time (``start``/``end`` with minute or hour precision),
  converted to the venue's wall time;
- ``other_outlet``: this report gives no time, but another report of the same event does;
- ``order``: no report gives a clock time for the event; it is placed by the sequence cues of the
  reports (``order_cue`` 'first'/'after' relate an event to the one mentioned next to it in the
  same report) and, where the reports say nothing, by the natural ``order`` of a summit day
  that the ontology gives each event type (``EventType.order``);
- ``undated``: no report dates the event; it goes in a separate block after the dated days.

A day with at least one clock time is a *clock block*: its axis ticks are hours of the venue's
local time, and only events with a clock time stand on them. The day's events that no report gives
a clock time go to the day's *band* ("time not reported", a block of its own right after the
clock hours), in the order the reports give, never at an hour nobody reported. A day without
any clock time is a *sequence block*: its ticks are ordinal positions (#1, #2, ...), never clock
times; bar lengths are still the reported durations, gaps between events are not to scale. A band
is laid out like a sequence block. Events that did not take place (announced, proposed,
cancelled) take no time in the sequence.

Positions are minutes on a single numeric axis (blocks are laid side by side with a gap), so the
figure never carries an invented timestamp.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

import pandas as pd
from babel.dates import format_date

from ..knowledge import Knowledge, resolve
from ..table.schema import as_date, is_missing, validate_table
from .cells import CLOCK_PRECISIONS, local_wall_time
from .stories import select_story, split_stories

PlacedBy = Literal["clock", "other_outlet", "order", "undated"]
UNDATED = "undated"
#: Key suffix and label of a clock day's band of events without a clock time.
UNTIMED = "untimed"
UNTIMED_LABEL = "time not reported"

#: How a block lays out its events: by clock time, in sequence, as a clock day's band of events
#: without a clock time, or as the block of undated events.
_Part = Literal["clock", "order", "untimed", "undated"]


@dataclass(frozen=True)
class Block:
    """One day on the axis (or a clock day's band of events without a clock time, or the block
    of undated events): where it sits and what it shows.

    ``untimed`` marks a band: the events of the clock day ``day`` that no report gives a clock
    time, kept off that day's hours.
    """

    key: str
    day: date | None
    start: float
    end: float
    clock: bool
    label: str
    untimed: bool = False


@dataclass(frozen=True)
class Chronology:
    """Placement of every mention: ``placements`` has one row per mention, indexed like the table.

    Columns of ``placements``: ``mention_id``, ``event_id``, ``x0``, ``x1`` (axis positions in
    minutes; ``x1 == x0`` for an instant), ``placed_by`` (clock, other_outlet, order, undated),
    ``block`` (the key of its block: ISO date, ISO date + '/untimed' for a clock day's band of
    events without a clock time, or 'undated'), ``rank`` (the event's position in time order
    overall), ``step`` (its position within its block, from 1: the ``#`` of an order tick),
    ``local_start``/``local_end`` (this mention's own clock times as naive venue wall times, or
    None) and ``drawn_min`` (length drawn, or None).

    ``axis_title`` names the clock the axis shows (the venue's zone); ``axis_notes`` say what its
    ticks mean (clock hours, order only, a day's band of events without a clock time).
    """

    placements: pd.DataFrame
    events: tuple[str, ...]
    blocks: tuple[Block, ...]
    ticks: tuple[tuple[float, str], ...]
    timezone: str | None
    axis_title: str
    axis_notes: tuple[str, ...] = ()

    @property
    def has_clock(self) -> bool:
        """Whether any day on the axis shows clock times."""
        return any(block.clock for block in self.blocks)


def venue_timezone(table: pd.DataFrame) -> str | None:
    """The IANA zone most rows give in ``timezone`` (the venue's), or None if no row gives one."""
    validate_table(table)
    zones = [z for z in table["timezone"] if isinstance(z, str) and z]
    if not zones:
        return None
    counts = Counter(zones)
    return max(sorted(counts), key=lambda z: counts[z])


def _as_float(value: Any) -> float | None:
    if is_missing(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and number >= 0 else None


@dataclass
class _Mention:
    index: Any
    mention_id: str
    event_id: str
    report_id: str
    status: str
    position: int
    cue: str | None
    day: date | None
    start: datetime | None
    end: datetime | None
    duration: float | None


@dataclass
class _Event:
    event_id: str
    event_type: str
    occurred: bool
    natural: int
    first_seen: int
    day: date | None = None
    clock_start: float | None = None
    clock_end: float | None = None
    length: float = 0.0
    reach: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    step: int = 0
    block: str = UNDATED


def _minutes(moment: datetime, day: date) -> float:
    return (moment - datetime(day.year, day.month, day.day)).total_seconds() / 60.0


def _read_mentions(table: pd.DataFrame, timezone: str | None) -> list[_Mention]:
    mentions = []
    for index, row in table.iterrows():
        clock = row["time_precision"] in CLOCK_PRECISIONS
        start = local_wall_time(row["start"], timezone) if clock else None
        end = local_wall_time(row["end"], timezone) if clock and start else None
        if end is not None and start is not None and end < start:
            end = None
        duration = _as_float(row["duration_min"])
        if duration is None and start is not None and end is not None:
            duration = (end - start).total_seconds() / 60.0
        day = start.date() if start is not None else as_date(row["date"])
        cue = row["order_cue"] if row["order_cue"] in ("first", "after") else None
        position = row["char_start"]
        mentions.append(
            _Mention(
                index=index,
                mention_id=str(row["mention_id"]),
                event_id=str(row["event_id"]),
                report_id=str(row["report_id"]),
                status=str(row["status"]),
                position=int(position) if not is_missing(position) else 0,
                cue=cue,
                day=day,
                start=start,
                end=end,
                duration=duration,
            )
        )
    return mentions


def _build_events(
    table: pd.DataFrame, mentions: list[_Mention], knowledge: Knowledge
) -> dict[str, _Event]:
    events: dict[str, _Event] = {}
    by_event: dict[str, list[_Mention]] = {}
    for order, mention in enumerate(mentions):
        by_event.setdefault(mention.event_id, []).append(mention)
        if mention.event_id not in events:
            event_type = str(table.loc[mention.index, "event_type"])
            natural = knowledge.event_type(event_type).order
            events[mention.event_id] = _Event(
                event_id=mention.event_id,
                event_type=event_type,
                occurred=False,
                natural=int(natural),
                first_seen=order,
            )
    for event_id, group in by_event.items():
        event = events[event_id]
        event.occurred = any(m.status == "occurred" for m in group)
        days = Counter(m.day for m in group if m.day is not None)
        if days:
            event.day = min(days, key=lambda d: (-days[d], d))
        durations = [m.duration for m in group if m.duration is not None]
        event.length = max(durations) if event.occurred and durations else 0.0
        drawn = [m.duration for m in group if m.duration is not None and m.status != "cancelled"]
        event.reach = max(drawn, default=0.0)
        timed = [m for m in group if m.start is not None and m.start.date() == event.day]
        if timed and event.day is not None:
            event.clock_start = min(_minutes(m.start, event.day) for m in timed)  # type: ignore[arg-type]
            ends = [
                _minutes(m.start, event.day) + (m.duration or 0.0)  # type: ignore[arg-type]
                for m in timed
            ]
            event.clock_end = max(ends)
            event.length = max(event.length, event.clock_end - event.clock_start)
            event.reach = max(event.reach, event.length)
    return events


def _reaches(edges: dict[str, set[str]], source: str, target: str) -> bool:
    seen, stack = set(), [source]
    while stack:
        node = stack.pop()
        if node == target:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(edges.get(node, ()))
    return False


def _order_day(events: list[_Event], mentions: list[_Mention]) -> list[_Event]:
    """Events of one day in time order: clock times, then cues, then the natural order."""
    ids = {e.event_id for e in events}
    edges: dict[str, set[str]] = {e.event_id: set() for e in events}
    timed = sorted((e for e in events if e.clock_start is not None), key=lambda e: e.clock_start)
    for before, after in itertools.pairwise(timed):
        edges[before.event_id].add(after.event_id)
    clocked = {e.event_id for e in timed}
    by_report: dict[str, list[_Mention]] = {}
    for mention in mentions:
        if mention.event_id in ids:
            by_report.setdefault(mention.report_id, []).append(mention)
    cues: list[tuple[int, str, str]] = []
    for group in by_report.values():
        group.sort(key=lambda m: m.position)
        for i, mention in enumerate(group):
            if mention.cue == "after":
                earlier = [m for m in group[:i] if m.event_id != mention.event_id]
                if earlier:
                    cues.append((mention.position, earlier[-1].event_id, mention.event_id))
            elif mention.cue == "first":
                later = [m for m in group[i + 1 :] if m.event_id != mention.event_id]
                if later:
                    cues.append((mention.position, mention.event_id, later[0].event_id))
    for _, before, after in sorted(cues):
        if before in clocked and after in clocked:
            continue  # the clock times already say which came first
        if not _reaches(edges, after, before):
            edges[before].add(after)
    # events of the same natural order (two formats of one meeting): the order a report tells
    # them in
    natural = {e.event_id: e.natural for e in events}
    for group in by_report.values():
        for earlier, later in itertools.pairwise(group):
            same = natural[earlier.event_id] == natural[later.event_id]
            if (
                same
                and earlier.event_id != later.event_id
                and not _reaches(edges, later.event_id, earlier.event_id)
            ):
                edges[earlier.event_id].add(later.event_id)
    indegree = Counter(target for targets in edges.values() for target in targets)
    by_id = {e.event_id: e for e in events}

    def key(event: _Event) -> tuple[float, float, int]:
        clock = event.clock_start if event.clock_start is not None else math.inf
        return (event.natural, clock, event.first_seen)

    ready = [(key(e), e.event_id) for e in events if indegree[e.event_id] == 0]
    heapq.heapify(ready)
    ordered: list[_Event] = []
    while ready:
        _, event_id = heapq.heappop(ready)
        ordered.append(by_id[event_id])
        for target in sorted(edges[event_id]):
            indegree[target] -= 1
            if indegree[target] == 0:
                heapq.heappush(ready, (key(by_id[target]), target))
    return ordered


def _lay_out_sequence(ordered: list[_Event], gap: float) -> None:
    cursor = 0.0
    for step, event in enumerate(ordered, start=1):
        event.step = step
        event.x0 = cursor
        event.x1 = cursor + (event.length if event.occurred else 0.0)
        cursor = event.x1 + gap


def _lay_out_clock(timed: list[_Event]) -> None:
    """Events with a clock time at their minutes after midnight, as long as reported."""
    for step, event in enumerate(timed, start=1):
        event.step = step
        event.x0 = event.clock_start or 0.0
        event.x1 = event.clock_end if event.clock_end is not None else event.x0
        event.x1 = max(event.x1, event.x0 + (event.length if event.occurred else 0.0))


def _day_parts(day: date | None, ordered: list[_Event]) -> list[tuple[_Part, list[_Event]]]:
    """The blocks one day's events (in time order) take: a day with clock times has its hours
    and, apart, a band of the events no report gives a time (an hour of their own would be
    invented); a day without has its sequence."""
    if day is None:
        return [(UNDATED, ordered)]
    timed = [e for e in ordered if e.clock_start is not None]
    if not timed:
        return [("order", ordered)]
    untimed = [e for e in ordered if e.clock_start is None]
    return [("clock", timed), *([(UNTIMED, untimed)] if untimed else [])]


def _day_label(day: date | None, locale: str, *, year: bool = True) -> str:
    """'Sun 10 Jun 2018', or 'Mon 11 Jun' (``year`` False: the day before gave the year)."""
    if day is None:
        return "date not reported"
    return format_date(day, "EEE d MMM y" if year else "EEE d MMM", locale=locale)


#: Steps between clock ticks, in minutes: whole hours that divide a day.
_CLOCK_STEPS = (60.0, 120.0, 180.0, 240.0, 360.0, 480.0, 720.0)


def _clock_ticks(lo: float, hi: float, least: float = 0.0) -> list[float]:
    """Whole hours from ``lo`` to ``hi``: every hour, or fewer on a long day or where the hours
    would be closer than ``least`` minutes on the axis."""
    span = hi - lo
    step = 60.0 if span <= 12 * 60 else 120.0 if span <= 24 * 60 else 240.0
    step = next((s for s in _CLOCK_STEPS if s >= max(step, least)), _CLOCK_STEPS[-1])
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) // step) + 1)]


def _hhmm(minutes: float) -> str:
    total = round(minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def _zone_name(timezone: str | None, day: date | None) -> str:
    if not timezone:
        return "time zone of the venue not known"
    if day is None:
        return timezone
    try:
        stamp = pd.Timestamp(datetime(day.year, day.month, day.day, 12)).tz_localize(timezone)
    except (KeyError, ValueError):
        return timezone
    abbreviation = stamp.strftime("%Z")
    offset = stamp.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    names = (abbreviation, offset)
    extra = ", ".join(p for p in names if p and p != timezone and not p.startswith(("+", "-")))
    return f"{timezone} ({extra})" if extra else timezone


def chronology(
    table: pd.DataFrame,
    *,
    story: str | None = None,
    gap_min: float = 20.0,
    block_gap_min: float = 60.0,
    min_block_min: float = 150.0,
    locale: str = "en",
    knowledge: Knowledge | None = None,
) -> Chronology:
    """Place every mention of ``table`` on one axis, day by day, keeping how each was placed.

    One axis holds one story: the days of a table with several stories (``story_id``) would be
    laid side by side whatever lies between them; pass ``story=`` to place one of them.

    :param table: the event table (``extract_events``); not modified.
    :param story: the ``story_id`` whose mentions to place; default every row of ``table``.
    :param gap_min: least space between consecutive events of a day without clock times or of
        a band (axis minutes; not to scale, the axis says so). Gaps are widened on a long axis
        so that ticks stay ``MIN_TICK_SHARE`` of it apart.
    :param block_gap_min: least space between two blocks (days, bands) on the axis.
    :param min_block_min: least width of a day without clock times or a band (room for its
        label).
    :param locale: locale of the day labels (babel), e.g. ``"en"`` or ``"de"``.
    :param knowledge: the event types' natural order (``load_knowledge()``); default the
        packaged knowledge. A type it does not know goes after the known ones.
    """
    table = select_story(table, story)
    if gap_min < 0 or block_gap_min < 0:
        raise ValueError(
            f"gap_min and block_gap_min must be >= 0; got gap_min={gap_min}, "
            f"block_gap_min={block_gap_min}"
        )
    timezone = venue_timezone(table)
    mentions = _read_mentions(table, timezone)
    events = _build_events(table, mentions, resolve(knowledge))
    days = sorted({e.day for e in events.values() if e.day is not None})
    groups: list[tuple[date | None, list[_Event]]] = [
        (day, [e for e in events.values() if e.day == day]) for day in days
    ]
    undated = [e for e in events.values() if e.day is None]
    if undated:
        groups.append((None, undated))

    blocks: list[Block] = []
    ticks: list[tuple[float, str]] = []
    offset = 0.0
    days_ordered = [(day, _order_day(day_events, mentions)) for day, day_events in groups]
    parts = [(day, *part) for day, ordered in days_ordered for part in _day_parts(day, ordered)]
    spacing = _spacing(parts, _Spacing(gap_min, block_gap_min, min_block_min))
    last_year = None
    for day, part, part_events in parts:
        # the year once, and again where it changes: room for the labels of short days
        year = day is None or day.year != last_year
        last_year = day.year if day is not None else last_year
        block, block_ticks = _lay_out_block(
            day, part, part_events, offset, spacing, locale, year=year
        )
        blocks.append(block)
        ticks.extend(block_ticks)
        offset = block.end + spacing.block_gap
    # time order overall: a band's events keep their place in their day's order
    order = [event for _, ordered in days_ordered for event in ordered]

    placements = _placements(table, mentions, events, order, timezone)
    first_day = next((b.day for b in blocks if b.day is not None), None)
    return Chronology(
        placements=placements,
        events=tuple(e.event_id for e in order),
        blocks=tuple(blocks),
        ticks=tuple(ticks),
        timezone=timezone,
        axis_title=f"Local time at the venue: {_zone_name(timezone, first_day)}",
        axis_notes=_axis_notes(blocks),
    )


#: Least share of the axis a block (a day, a band) takes, so that its label has room beside the
#: others'.
MIN_DAY_SHARE = 0.1
#: Least share of the axis between two ticks, so that their labels stay apart (turned upright
#: by plotly where they would overlap) in a narrow plot, about 330 px wide: the explorer in a
#: notebook cell of about 370 px, a notebook's figure of 700 px beside its row labels and
#: legend. Less when the axis has too many ticks for it (a figure that knows its width thins
#: their labels: ``timeline_figure(fit_width=...)``).
MIN_TICK_SHARE = 0.05


@dataclass(frozen=True)
class _Spacing:
    """Distances on the axis, in minutes: between the events of a sequence (and before the
    first), between blocks, the least width of a block, of a block without clock times, and the
    least distance between two ticks."""

    gap: float
    block_gap: float
    least_sequence: float
    least: float = 0.0
    tick: float = 0.0


def _spacing(parts: list[tuple[date | None, _Part, list[_Event]]], given: _Spacing) -> _Spacing:
    """The distances of ``given`` (the caller's), widened to shares of the whole axis: each
    block ``MIN_DAY_SHARE`` of it, ticks ``MIN_TICK_SHARE`` apart (less for many blocks or
    ticks). Gaps are not to scale anyway; widening them widens the axis, so a few rounds
    settle the shares."""
    if not parts:
        return given
    # each event of a sequence has a tick; a day's clock hours at least two
    ticks = sum(2 if part == "clock" else len(events) for _, part, events in parts)
    tick_share = min(MIN_TICK_SHARE, 0.8 / (ticks + len(parts)))
    day_share = min(MIN_DAY_SHARE, 0.8 / len(parts)) if len(parts) > 1 else 0.0
    spacing = given
    for _ in range(6):
        widths = [
            block.end - block.start
            for block, _ in (
                _lay_out_block(day, part, events, 0.0, spacing, "en") for day, part, events in parts
            )
        ]
        total = sum(widths) + spacing.block_gap * (len(widths) - 1)
        tick = tick_share * total
        spacing = _Spacing(
            gap=max(given.gap, tick),
            block_gap=max(given.block_gap, tick),
            least_sequence=max(given.least_sequence, day_share * total),
            least=day_share * total,
            tick=tick,
        )
    return spacing


def _lay_out_block(
    day: date | None,
    part: _Part,
    ordered: list[_Event],
    offset: float,
    spacing: _Spacing,
    locale: str,
    *,
    year: bool = True,
) -> tuple[Block, list[tuple[float, str]]]:
    """Place one block's events (in time order) from ``offset`` on: the block and its ticks.

    A block without clock times (a day's sequence, a band, the undated) is at least
    ``spacing.least_sequence`` wide; a day's clock hours at least an hour, and
    ``spacing.least`` in whole hours added after its events (before them when that would pass
    midnight).
    """
    clock = part == "clock"
    if clock:
        _lay_out_clock(ordered)
        lo = math.floor(min(e.x0 for e in ordered) / 60.0) * 60.0
        hi = math.ceil(max(max(e.x1, e.x0 + e.reach) for e in ordered) / 60.0) * 60.0
        hi = max(hi, lo + 60.0)
        extra = math.ceil(max(0.0, spacing.least - (hi - lo)) / 60.0) * 60.0
        after = max(0.0, min(extra, 24 * 60.0 - hi))
        hi, lo = hi + after, lo - (extra - after)
    else:
        _lay_out_sequence(ordered, spacing.gap)
        lo = -spacing.gap
        hi = max(max(e.x1, e.x0 + e.reach) for e in ordered) + spacing.gap
        hi = max(hi, lo + spacing.least_sequence)
    shift = offset - lo
    for event in ordered:
        event.x0 += shift
        event.x1 += shift
    if clock:
        ticks = [(t + shift, _hhmm(t)) for t in _clock_ticks(lo, hi, spacing.tick)]
    else:
        ticks = [(e.x0, f"#{e.step}") for e in ordered]
    key = day.isoformat() if day is not None else UNDATED
    label = _day_label(day, locale, year=year)
    if part == "order":
        label += "\norder only"
    elif part == UNTIMED:
        key, label = f"{key}/{UNTIMED}", UNTIMED_LABEL
    for event in ordered:
        event.block = key
    block = Block(key, day, offset, offset + hi - lo, clock, label, untimed=part == UNTIMED)
    return block, ticks


def _axis_notes(blocks: list[Block]) -> tuple[str, ...]:
    """What the axis's ticks mean, one note per kind of block on it."""
    notes = []
    if any(b.clock for b in blocks):
        notes.append("Hours are clock times as reported.")
    if any(not b.clock for b in blocks):
        notes.append(
            "#1, #2, ... = order of events where no clock time is reported "
            "(bar length = reported duration, gaps not to scale)."
        )
    if any(b.untimed for b in blocks):
        notes.append(
            f"'{UNTIMED_LABEL}': the events of a day with clock times that no report gives "
            "a time, apart from its hours."
        )
    return tuple(notes)


def _placements(
    table: pd.DataFrame,
    mentions: list[_Mention],
    events: dict[str, _Event],
    order: list[_Event],
    timezone: str | None,
) -> pd.DataFrame:
    rank = {e.event_id: i for i, e in enumerate(order)}
    rows = []
    for mention in mentions:
        event = events[mention.event_id]
        own_clock = mention.start is not None and event.day is not None
        own_clock = own_clock and mention.start.date() == event.day  # type: ignore[union-attr]
        if own_clock:
            x0 = event.x0 + _minutes(mention.start, event.day) - (event.clock_start or 0.0)  # type: ignore[arg-type]
            placed_by: PlacedBy = "clock"
        else:
            x0 = event.x0
            placed_by = (
                "undated"
                if event.day is None
                else "other_outlet"
                if event.clock_start is not None
                else "order"
            )
        drawn = None if mention.status == "cancelled" else mention.duration
        rows.append(
            {
                "mention_id": mention.mention_id,
                "event_id": mention.event_id,
                "x0": x0,
                "x1": x0 + (drawn or 0.0),
                "placed_by": placed_by,
                "block": event.block,
                "rank": rank[mention.event_id],
                "step": event.step,
                "local_start": mention.start,
                "local_end": mention.end,
                "drawn_min": drawn,
            }
        )
    columns = [
        "mention_id",
        "event_id",
        "x0",
        "x1",
        "placed_by",
        "block",
        "rank",
        "step",
        "local_start",
        "local_end",
        "drawn_min",
    ]
    frame = pd.DataFrame(rows, columns=columns, index=[m.index for m in mentions])
    return frame.astype({"x0": float, "x1": float}) if len(frame) else frame


def event_order(table: pd.DataFrame, *, knowledge: Knowledge | None = None) -> list[str]:
    """The ``event_id`` values of ``table`` story by story (main story first, see
    ``story_list``), each story's in time order (see ``chronology`` for the rules)."""
    validate_table(table)
    return [
        event_id
        for _, rows in split_stories(table)
        for event_id in chronology(rows, knowledge=knowledge).events
    ]
