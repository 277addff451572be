"""The result of reading time expressions, and the candidates each finder proposes.

The finders (``days.py``, ``clocks.py``, ``durations.py``) propose ``Candidate`` objects;
``time_joins.py`` chooses among overlapping ones and joins neighbours; ``temporal.py`` returns
their ``TimeExpression``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal[
    "date", "time", "datetime", "weekday", "relative_day", "part_of_day", "duration", "invalid"
]


@dataclass(frozen=True)
class TimeExpression:
    """One temporal expression found in a text, with what it says in normalised form."""

    kind: Kind
    text: str
    start: int
    end: int
    date: dt.date | None = None
    year_given: bool = True
    time: dt.time | None = None
    time_end: dt.time | None = None
    tz: str | None = None
    weekday: int | None = None
    day_offset: int | None = None
    narrative: bool = False  # a relative day counted from the told day ("am Vorabend")
    part_of_day: str | None = None
    minutes: float | None = None
    minutes_max: float | None = None
    hedge: str | None = None
    hedge_kind: str | None = None
    planned: bool = False
    note: str | None = None  # for kind "invalid": what is wrong ("there is no 31 February")


@dataclass
class Candidate:
    """An expression one finder proposes, with what choosing and joining need to know."""

    expr: TimeExpression
    priority: int  # the stronger kind wins between spans of one length
    need_anchor: bool = False  # a part-of-day noun that only counts joined to a day ("Abend")
    unit: float = 0.0  # duration unit in seconds, to join "2 Stunden 45 Minuten"
    # a clock time that a part of the day must not shift (a.m./p.m. given, or an ISO timestamp)
    meridiem: bool = False


def expression(kind: Kind, text: str, start: int, end: int, **fields: Any) -> TimeExpression:
    """The expression of ``kind`` spanning ``text[start:end]``."""
    return TimeExpression(kind=kind, text=text[start:end], start=start, end=end, **fields)
