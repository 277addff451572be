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
local time, and untimed events are slotted between the timed ones by their order. A day without
any clock time is a *sequence block*: its ticks are ordinal positions (#1, #2, ...), never clock
times; bar lengths are still the reported durations, gaps between events are not to scale. Events
that did not take place (announced, proposed, cancelled) take no time in the sequence.

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


@dataclass(frozen=True)
class Block:
    """One day on the axis (or the block of undated events): where it sits and what it shows."""

    key: str
    day: date | None
    start: float
    end: float
    clock: bool
    label: str


@dataclass(frozen=True)
class Chronology:
    """Placement of every mention: ``placements`` has one row per mention, indexed like the table.

    Columns of ``placements``: ``mention_id``, ``event_id``, ``x0``, ``x1`` (axis positions in
    minutes; ``x1 == x0`` for an instant), ``placed_by`` (clock, other_outlet, order, undated),
    ``block`` (ISO date or 'undated'), ``rank`` (the event's position in time order overall),
    ``step`` (its position within its day, from 1), ``local_start``/``local_end`` (this mention's
    own clock times as naive venue wall times, or None) and ``drawn_min`` (length drawn, or None).
    """

    placements: pd.DataFrame
    events: tuple[str, ...]
    blocks: tuple[Block, ...]
    ticks: tuple[tuple[float, str], ...]
    timezone: str | None
    axis_title: str

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


def _lay_out_clock(ordered: list[_Event], gap: float) -> None:
    first_timed = next(i for i, e in enumerate(ordered) if e.clock_start is not None)
    anchor = ordered[first_timed].clock_start or 0.0
    for event in reversed(ordered[:first_timed]):
        length = event.length if event.occurred else 0.0
        event.x1 = anchor - gap
        event.x0 = event.x1 - length
        anchor = event.x0
    cursor = None
    for step, event in enumerate(ordered, start=1):
        event.step = step
        if event.clock_start is not None:
            event.x0 = event.clock_start
            event.x1 = event.clock_end if event.clock_end is not None else event.clock_start
            event.x1 = max(event.x1, event.x0 + (event.length if event.occurred else 0.0))
        elif step > first_timed + 1:
            event.x0 = (cursor if cursor is not None else 0.0) + gap
            event.x1 = event.x0 + (event.length if event.occurred else 0.0)
        cursor = event.x1 if cursor is None else max(cursor, event.x1)


def _day_label(day: date | None, locale: str, *, year: bool = True) -> str:
    """'Sun 10 Jun 2018', or 'Mon 11 Jun' (``year`` False: the day before gave the year)."""
    if day is None:
        return "date not reported"
    return format_date(day, "EEE d MMM y" if year else "EEE d MMM", locale=locale)


def _clock_ticks(lo: float, hi: float) -> list[float]:
    span = hi - lo
    step = 60.0 if span <= 12 * 60 else 120.0 if span <= 24 * 60 else 240.0
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
    :param gap_min: space between consecutive events of a day without clock times (axis minutes;
        not to scale, the axis says so).
    :param block_gap_min: space between two days on the axis.
    :param min_block_min: least width of a day without clock times (room for its label).
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
    order: list[_Event] = []
    offset = 0.0
    days_ordered = [(day, _order_day(day_events, mentions)) for day, day_events in groups]
    least = _least_width(days_ordered, gap_min, block_gap_min, min_block_min)
    last_year = None
    for day, ordered in days_ordered:
        # the year once, and again where it changes: room for the labels of short days
        year = day is None or day.year != last_year
        last_year = day.year if day is not None else last_year
        block, day_ticks = _lay_out_day(
            day, ordered, offset, gap_min, max(least, min_block_min), locale,
            least_clock=least, year=year,
        )  # fmt: skip
        blocks.append(block)
        ticks.extend(day_ticks)
        order.extend(ordered)
        offset = block.end + block_gap_min

    placements = _placements(table, mentions, events, order, timezone)
    first_day = next((b.day for b in blocks if b.day is not None), None)
    return Chronology(
        placements=placements,
        events=tuple(e.event_id for e in order),
        blocks=tuple(blocks),
        ticks=tuple(ticks),
        timezone=timezone,
        axis_title=_axis_title(blocks, _zone_name(timezone, first_day)),
    )


#: Least share of the axis a day takes, so that its label has room beside the others'.
MIN_DAY_SHARE = 0.1


def _least_width(
    days: list[tuple[date | None, list[_Event]]],
    gap_min: float,
    block_gap_min: float,
    min_block_min: float,
) -> float:
    """The least width of a day on the axis: ``MIN_DAY_SHARE`` of the whole axis (less when
    there are many days), the whole axis counting the days widened to it."""
    if len(days) < 2:
        return 0.0
    widths = [
        block.end - block.start
        for block, _ in (
            _lay_out_day(day, ordered, 0.0, gap_min, min_block_min, "en") for day, ordered in days
        )
    ]
    share = min(MIN_DAY_SHARE, 0.8 / len(widths))
    least = 0.0
    for _ in range(5):  # widening days widens the axis: a few rounds settle it
        total = sum(max(w, least) for w in widths) + block_gap_min * (len(widths) - 1)
        least = share * total
    return least


def _lay_out_day(
    day: date | None,
    ordered: list[_Event],
    offset: float,
    gap_min: float,
    min_block_min: float,
    locale: str,
    *,
    least_clock: float = 0.0,
    year: bool = True,
) -> tuple[Block, list[tuple[float, str]]]:
    """Place one day's events (in time order) from ``offset`` on: its block and axis ticks.

    A day without clock times is at least ``min_block_min`` wide; a day with clock times at
    least an hour, and ``least_clock`` in whole hours added after its events (before them
    when that would pass midnight).
    """
    clock = day is not None and any(e.clock_start is not None for e in ordered)
    if clock:
        _lay_out_clock(ordered, gap_min)
        lo = math.floor(min(e.x0 for e in ordered) / 60.0) * 60.0
        hi = math.ceil(max(max(e.x1, e.x0 + e.reach) for e in ordered) / 60.0) * 60.0
        hi = max(hi, lo + 60.0)
        extra = math.ceil(max(0.0, least_clock - (hi - lo)) / 60.0) * 60.0
        after = max(0.0, min(extra, 24 * 60.0 - hi))
        hi, lo = hi + after, lo - (extra - after)
    else:
        _lay_out_sequence(ordered, gap_min)
        lo = -gap_min
        hi = max(max(e.x1, e.x0 + e.reach) for e in ordered) + gap_min
        hi = max(hi, lo + min_block_min)
    shift = offset - lo
    for event in ordered:
        event.x0 += shift
        event.x1 += shift
    if clock:
        ticks = [(t + shift, _hhmm(t)) for t in _clock_ticks(lo, hi)]
    else:
        ticks = [(e.x0, f"#{e.step}") for e in ordered]
    key = day.isoformat() if day is not None else UNDATED
    label = _day_label(day, locale, year=year)
    if day is not None and not clock:
        label += "\norder only"
    return Block(key, day, offset, offset + hi - lo, clock, label), ticks


def _axis_title(blocks: list[Block], zone: str) -> str:
    notes = []
    if any(b.clock for b in blocks):
        notes.append("hours are clock times as reported")
    if any(not b.clock for b in blocks):
        notes.append(
            "#1, #2, ... = order of events where no clock time is reported "
            "(bar length = reported duration, gaps not to scale)"
        )
    return f"Local time at the venue: {zone}" + (" — " + "; ".join(notes) if notes else "")


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
                "block": event.day.isoformat() if event.day is not None else UNDATED,
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
