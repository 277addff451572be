"""Choosing among overlapping time candidates, and joining neighbours into one expression.

Joins, in order: "2 Stunden 45 Minuten" (one duration), "1 p.m. (1100 GMT)" (a time and its
conversion), "8 Uhr abends" (a time and its part of the day), "Freitag Abend" (a day and its
part), "am Freitag um 14 Uhr" (a day and its time). Only the lexicon's joiner words, spaces and,
with a joiner or a hedge, a comma may stand between them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .temporal_rules import Rules
from .time_expression import Candidate, TimeExpression

_DAY_KINDS = ("date", "weekday", "relative_day")

Join = Callable[[str, Candidate, Candidate, str, Rules], Candidate | None]


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longer spans first, then the stronger kind."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(cands, key=lambda c: (c.expr.start - c.expr.end, -c.priority, c.expr.start)):
        s, e = cand.expr.start, cand.expr.end
        if all(e <= a or s >= b for a, b in taken):
            chosen.append(cand)
            taken.append((s, e))
    return sorted(chosen, key=lambda c: c.expr.start)


def join_all(text: str, cands: list[Candidate], rules: Rules) -> list[Candidate]:
    """``cands`` (sorted, not overlapping) with each rule of ``JOINS`` applied in turn."""
    for rule in JOINS:
        cands = _join_pass(text, cands, rules, rule)
    return cands


def _join_pass(text: str, cands: list[Candidate], rules: Rules, rule: Join) -> list[Candidate]:
    out: list[Candidate] = []
    for cand in cands:
        if out:
            gap = text[out[-1].expr.end : cand.expr.start]
            # a clock that opens a line with a colon after it is that line's own, not the time
            # of a day above a blank line ("Saturday, March 14" above "10:00 am: Welcome ...")
            own = "\n\n" in gap and text[cand.expr.end :].lstrip(" \t").startswith(":")
            merged = None if own else rule(text, out[-1], cand, gap, rules)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(cand)
    return out


def _join(text: str, a: TimeExpression, b: TimeExpression, **fields: Any) -> TimeExpression:
    return replace(a, text=text[a.start : b.end], end=b.end, **fields)


def _durations(text: str, a: Candidate, b: Candidate, gap: str, rules: Rules) -> Candidate | None:
    x, y = a.expr, b.expr
    if x.kind != "duration" or y.kind != "duration" or not rules.duration_gap_re.fullmatch(gap):
        return None
    if x.minutes_max is not None or y.minutes_max is not None or y.hedge or not b.unit < a.unit:
        return None  # "2 Stunden 45 Minuten" = 165
    total = (x.minutes or 0) + (y.minutes or 0)
    return Candidate(
        _join(text, x, y, minutes=total, planned=x.planned or y.planned), a.priority, unit=b.unit
    )


def _conversion(text: str, a: Candidate, b: Candidate, gap: str, rules: Rules) -> Candidate | None:
    x, y = a.expr, b.expr
    if x.kind != "time" or y.kind != "time" or not re.fullmatch(r"\s*\(\s*", gap):
        return None
    close = re.match(r"\s*\)", text[y.end :])
    if close is None:
        return None
    end = y.end + close.end()
    tz = x.tz or ("local" if y.tz and y.tz != "local" else None)
    return Candidate(replace(x, text=text[x.start : end], end=end, tz=tz), a.priority)


def _with_part(time: dt.time | None, part: str | None, fixed: bool) -> dt.time | None:
    """A 12-hour clock time read with its part of the day ("8 Uhr abends" = 20:00)."""
    if time is None or part is None or fixed:
        return time
    later = part in ("afternoon", "evening") or (part == "night" and time.hour >= 6)
    return time.replace(hour=time.hour + 12) if later and time.hour < 12 else time


def _time_fields(cand: Candidate, part: str | None) -> dict[str, Any]:
    e = cand.expr
    return {
        "time": _with_part(e.time, part, cand.meridiem),
        "time_end": _with_part(e.time_end, part, cand.meridiem),
        "tz": e.tz,
        "hedge": e.hedge,
        "hedge_kind": e.hedge_kind,
        "part_of_day": part,
    }


def _time_part(text: str, a: Candidate, b: Candidate, gap: str, rules: Rules) -> Candidate | None:
    if {a.expr.kind, b.expr.kind} != {"time", "part_of_day"} or a.need_anchor or b.need_anchor:
        return None
    if not rules.joiner_gap_re.fullmatch(gap):
        return None
    time, part = (a, b) if a.expr.kind == "time" else (b, a)
    fields = _time_fields(time, part.expr.part_of_day)
    return Candidate(replace(_join(text, a.expr, b.expr), kind="time", **fields), 5, meridiem=True)


def _day_part(text: str, a: Candidate, b: Candidate, gap: str, rules: Rules) -> Candidate | None:
    x, y = a.expr, b.expr
    if x.kind not in _DAY_KINDS or y.kind != "part_of_day" or x.part_of_day or x.time:
        return None
    if not rules.joiner_gap_re.fullmatch(gap):
        return None
    return Candidate(_join(text, x, y, part_of_day=y.part_of_day), a.priority)


def _day_time(text: str, a: Candidate, b: Candidate, gap: str, rules: Rules) -> Candidate | None:
    if a.expr.kind in _DAY_KINDS and b.expr.kind == "time" and a.expr.time is None:
        day, time = a.expr, b
    elif a.expr.kind == "time" and b.expr.kind in _DAY_KINDS and b.expr.time is None:
        day, time = b.expr, a
    else:
        return None
    if not rules.joiner_gap_re.fullmatch(gap) and not (
        # "am Sonntag, 17. August, um 10 Uhr", "Friday, around 2 p.m.": a comma only with a joiner
        rules.comma_gap_re.fullmatch(gap) or (time.expr.hedge and re.fullmatch(r"\s*,\s*", gap))
    ):
        return None
    joined = _join(
        text, a.expr, b.expr, **_time_fields(time, day.part_of_day or time.expr.part_of_day)
    )
    return Candidate(
        replace(
            joined,
            kind="datetime" if day.kind == "date" else day.kind,
            date=day.date,
            year_given=day.year_given,
            weekday=day.weekday,
            day_offset=day.day_offset,
        ),
        6,
        meridiem=True,
    )


def _counted_from_day(
    text: str, a: Candidate, b: Candidate, gap: str, rules: Rules
) -> Candidate | None:
    """A narrative relative day and the day right after it that it counts from ("on the eve of
    the May 9 parade" is 8 May, "the day before Tuesday's summit" Monday, "am Vorabend des 9.
    Mai" the 8th): one expression of the day counted, a date (or weekday) of its own, no
    longer a day to count from the publication or the story."""
    x, y = a.expr, b.expr
    if x.kind != "relative_day" or not x.narrative or not x.day_offset or x.time is not None:
        return None
    if y.kind not in ("date", "weekday") or y.time is not None or y.day_offset is not None:
        return None
    if not rules.narrative_gap_re.fullmatch(gap):
        return None
    offset = dt.timedelta(days=x.day_offset)
    fields: dict[str, Any] = {"kind": y.kind, "day_offset": None, "narrative": False}
    if y.date is not None:
        fields.update(date=y.date + offset, year_given=y.year_given)
    elif y.weekday is not None:
        fields["weekday"] = (y.weekday + x.day_offset) % 7
    else:
        return None
    return Candidate(replace(_join(text, x, y), **fields), b.priority)


#: The joins, in the order they are applied.
JOINS: tuple[Join, ...] = (
    _counted_from_day,
    _durations,
    _conversion,
    _time_part,
    _day_part,
    _day_time,
)
