"""What one timeline draws at a time: a story, or one day of a long story.

A figure with a row per event stays readable, and a browser stays quick, up to a few dozen
events. An archive holds stories of thousands (a summit reported day by day for weeks), so a
story of more than ``PART_EVENTS`` events is drawn day by day: each day the chronology gives
its events (a clock day with its band of events without a clock time), and the events no report
dates as a part of their own. The page and ``timeline_figure(day=...)`` draw one part at a
time; the story's chronology decides which day an event belongs to, so an event whose reports
give two dates is drawn once, on the day its story places it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..knowledge import Knowledge
from .chronology import UNDATED, Chronology, chronology
from .stories import Story, date_span_text

#: A story of more events than this is drawn day by day.
PART_EVENTS = 60
#: The part of the events no report dates.
NO_DAY = "date not reported"


@dataclass(frozen=True)
class Part:
    """One figure's worth of a story: the whole story (``day`` None, ``whole``) or one day
    (``day``; None and not ``whole``: the events no report dates).

    ``label`` names the day for a menu ('16 July 2018 (45 events)'); ``events`` are the
    ``event_id`` values drawn, in time order.
    """

    story_id: str
    day: dt.date | None
    whole: bool
    label: str
    events: tuple[str, ...]

    @property
    def key(self) -> str:
        """'story_id', 'story_id@2018-07-16' or 'story_id@undated'."""
        if self.whole:
            return self.story_id
        return f"{self.story_id}@{self.day.isoformat() if self.day else UNDATED}"


def event_days(chrono: Chronology) -> dict[str, dt.date | None]:
    """Each event's day as ``chrono`` places it (None: undated)."""
    day_of = {block.key: block.day for block in chrono.blocks}
    found: dict[str, dt.date | None] = {}
    for event_id, block in zip(
        chrono.placements["event_id"], chrono.placements["block"], strict=True
    ):
        found.setdefault(str(event_id), day_of.get(str(block)))
    return found


def _day_name(day: dt.date | None) -> str:
    return date_span_text((day,)) if day else NO_DAY


def _count(events: int) -> str:
    return f"{events} event{'' if events == 1 else 's'}"


def story_parts(story: Story, chrono: Chronology, *, most: int = PART_EVENTS) -> list[Part]:
    """The parts ``story`` is drawn in: the whole story when it has at most ``most`` events or
    one day, else each day in time order, the undated events last.

    :param chrono: the story's chronology (``chronology`` of its rows).
    """
    events = list(chrono.events)
    days = event_days(chrono)
    by_day: dict[dt.date | None, list[str]] = {}
    for event_id in events:
        by_day.setdefault(days.get(event_id), []).append(event_id)
    if len(events) <= most or len(by_day) <= 1:
        return [
            Part(story.story_id, None, True, f"whole story ({_count(len(events))})", tuple(events))
        ]
    ordered = sorted(by_day, key=lambda d: (d is None, d or dt.date.min))
    return [
        Part(
            story.story_id,
            day,
            False,
            f"{_day_name(day)} ({_count(len(by_day[day]))})",
            tuple(by_day[day]),
        )
        for day in ordered
    ]


def part_rows(table: pd.DataFrame, part: Part) -> pd.DataFrame:
    """The rows of ``table`` (a story's) whose events ``part`` draws."""
    if part.whole:
        return table
    return table[table["event_id"].astype(str).isin(set(part.events))]


def as_day(value: Any, *, argument: str = "day") -> dt.date | None:
    """A day given as a date, a timestamp, ISO text or 'undated' (None: the undated events)."""
    if isinstance(value, str) and value == UNDATED:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(
        f"{argument} must be a date, ISO text such as '2018-07-16', or {UNDATED!r}; got {value!r}"
    )


def day_part(story: Story, chrono: Chronology, value: Any) -> Part:
    """The part of ``story`` that draws the day ``value`` (see ``as_day``), whatever the
    story's length. Raises ``ValueError`` naming the story's days when it has none such."""
    day = as_day(value)
    days = event_days(chrono)
    events = tuple(e for e in chrono.events if days.get(e) == day)
    if not events:
        known = sorted({d.isoformat() if d else UNDATED for d in days.values()})
        raise ValueError(
            f"day={value!r} is no day of the story {story.story_id!r}; its days: {', '.join(known)}"
        )
    return Part(story.story_id, day, False, f"{_day_name(day)} ({_count(len(events))})", events)


def part_chronology(
    rows: pd.DataFrame, chrono: Chronology, part: Part, *, knowledge: Knowledge | None = None
) -> Chronology:
    """The chronology ``part`` is drawn with: the story's (``chrono``, of ``rows``) for the
    whole story, else that of the day's rows alone. Cut from the story's, a day would keep the
    width the story's axis gave it (a share of weeks, its clock hours repeated for room)."""
    if part.whole:
        return chrono
    return chronology(part_rows(rows, part), knowledge=knowledge)
