"""Temporal expressions: dates, clock times with zones, weekdays, relative days, parts of the day
and durations with hedges.

Every word comes from ``lexicons/<lang>/temporal.yaml`` and ``time.yaml`` of a knowledge object;
the patterns built from them are kept on that object (``temporal_rules.py``). Each kind of
expression has its finder: ``days.py`` (dates, timestamps, weekdays, relative days, parts of the
day), ``clocks.py`` (clock times), ``durations.py``; ``time_joins.py`` chooses among overlapping
candidates and joins neighbours ("am Freitag" + "um 14 Uhr"). ``time_expression.py`` holds the
result type.

>>> [e.minutes for e in find_temporal("Das Gespräch dauerte gut zweieinhalb Stunden.", "de")]
[150.0]

Conventions (what the fields hold beyond the contract):

- ``kind`` names what anchors the expression; a clock time joined to a day keeps the day's kind
  ("am Freitag um 14 Uhr" is a ``weekday`` with ``time`` set; "15. August um 11 Uhr" is a
  ``datetime``). Read ``time``/``weekday``/``day_offset`` rather than ``kind`` to find clock times.
- A clock time followed by a conversion in brackets ("at 1 p.m. (1100 GMT)") keeps the first time;
  the bracket joins its span. If the first names no zone and the conversion does, the first is
  the local time (``tz="local"``), the way agencies write it.
- ``hedge`` is the lexicon's lemma of the hedge nearest the number ("Gut" -> "gut",
  "knappe" -> "knapp"); ``hedge_kind`` its kind. Clock times get hedges too ("gegen 14 Uhr").
- Hedges and range words are part of ``text``; a planning word is not.
- A date without a year gets the year of ``anchor`` (``find_temporal(..., anchor=...)``) by the
  rule of ``resolve_day``, or of today if no anchor is given; ``year_given`` is then False.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..knowledge import Knowledge, resolve
from .clocks import find_bad_clocks, find_clocks
from .days import find_dates, find_days, year_for
from .durations import find_durations
from .temporal_rules import rules_for
from .time_expression import Kind, TimeExpression
from .time_joins import join_all, select

__all__ = [
    "Kind",
    "TimeExpression",
    "find_temporal",
    "parse_duration",
    "resolve_day",
]


def _language(language: Any) -> str:
    if not isinstance(language, str) or not language.strip():
        raise ValueError(
            f"language must be an ISO 639-1 code such as 'de' or 'en'; got {language!r}"
        )
    return re.split(r"[-_]", language.strip().lower())[0]


def find_temporal(
    text: str,
    language: str,
    *,
    anchor: dt.date | None = None,
    knowledge: Knowledge | None = None,
) -> list[TimeExpression]:
    """Temporal expressions in ``text``, sorted by start and not overlapping.

    :param text: the text to read (offsets in the result point into it).
    :param language: ISO 639-1 code with a lexicon folder (``"de"``, ``"en"``; ``"de-AT"`` is
        read as ``"de"``).
    :param anchor: day the text was written (publication date): gives dates without a year their
        year by the rule of :func:`resolve_day`; today if not given.
    :param knowledge: the lexicons to read with (``load_knowledge()``); the packaged ones if None.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str; got {type(text).__name__}")
    rules = rules_for(resolve(knowledge).language(_language(language)))
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if anchor is not None and not isinstance(anchor, dt.date):
        raise TypeError(f"anchor must be a datetime.date or None; got {type(anchor).__name__}")
    cands = [
        *find_dates(text, rules, anchor or dt.date.today()),
        *find_clocks(text, rules),
        *find_bad_clocks(text, rules),
        *find_durations(text, rules),
        *find_days(text, rules),
    ]
    chosen = join_all(text, select(cands), rules)
    return [c.expr for c in chosen if not c.need_anchor]


def parse_duration(
    text: str, language: str, *, knowledge: Knowledge | None = None
) -> TimeExpression | None:
    """The first duration in ``text`` (``"gut zweieinhalb Stunden"`` -> 150 minutes), or None.

    :param text: a phrase or sentence.
    :param language: ISO 639-1 code, as for :func:`find_temporal`.
    """
    found = find_temporal(text, language, knowledge=knowledge)
    return next((e for e in found if e.kind == "duration"), None)


def resolve_day(expr: TimeExpression, anchor: dt.date, *, forward: bool = False) -> dt.date | None:
    """The calendar day ``expr`` names, read from ``anchor`` (the day the text was written).

    A weekday is the most recent such day on or before ``anchor`` (reports are in the past tense;
    with ``forward``, for an event still to come, the next such day on or after it); a
    relative day is ``anchor`` plus its offset; a date without a year falls in the anchor's year, or
    the year before if it would be more than six months after ``anchor``. None for expressions
    that name no day (clock times, parts of the day, durations).

    :param expr: an expression from :func:`find_temporal`.
    :param anchor: publication date (a ``datetime`` is reduced to its date).
    :param forward: read a weekday as one still to come.
    """
    if not isinstance(expr, TimeExpression):
        raise TypeError(
            f"expr must be a TimeExpression from find_temporal(); got {type(expr).__name__}"
        )
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if not isinstance(anchor, dt.date):
        raise TypeError(f"anchor must be a datetime.date; got {type(anchor).__name__}")
    if expr.date is not None:
        return expr.date if expr.year_given else year_for(expr.date.month, expr.date.day, anchor)
    if expr.weekday is not None:
        back = (anchor.weekday() - expr.weekday) % 7
        return anchor + dt.timedelta(days=(7 - back) % 7 if forward else -back)
    if expr.day_offset is not None:
        return anchor + dt.timedelta(days=expr.day_offset)
    return None
