"""Expressions that name a day: dates, ISO timestamps, weekdays, relative days, parts of the day.

Date layouts come from ``date_formats`` of ``temporal.yaml``; dateparser reads only the date
spans they find, never a whole text (over whole texts it reads German "die", "mit", "so" as
weekdays and durations as "ago").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from .temporal_rules import Rules, norm
from .time_expression import Candidate, Kind, expression

# characters after which a capitalised word starts a sentence
_SENTENCE_END = ".!?:;\n\"'„“”«»‹›(–-"
_DATEPARSER_BASE = dt.datetime(2000, 12, 31)  # a leap year, so "29. Februar" parses without a year
_ISO_DATETIME = re.compile(
    r"(?<![\w-])\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?![\w:])"
)


# A cache of a pure function of its arguments (a span and a language code): it holds no lexicon
# data, so new knowledge never meets stale entries.
@lru_cache(maxsize=4096)
def parse_date_span(span: str, language: str) -> tuple[int, int, int] | None:
    """(year, month, day) that dateparser reads in a date span, or None."""
    import dateparser  # slow to import; only needed once a date span is found

    parsed = dateparser.parse(
        span,
        languages=[language],
        settings={
            "REQUIRE_PARTS": ["day", "month"],
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": _DATEPARSER_BASE,
            "PARSERS": ["absolute-time"],
        },
    )
    return (parsed.year, parsed.month, parsed.day) if parsed else None


def year_for(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The day in the anchor's year, or the year before if that is over six months after it."""
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= anchor + dt.timedelta(days=183):
            return candidate
    return None


def find_dates(text: str, rules: Rules, anchor: dt.date) -> Iterable[Candidate]:
    """Dates in the lexicon's layouts, then ISO timestamps."""
    for pattern in rules.date_res:
        for m in pattern.finditer(text):
            date = _date_of(text, m, rules, anchor)
            if date is None:
                impossible = _impossible(m, rules)
                if impossible:
                    yield Candidate(
                        expression("invalid", text, m.start(), m.end(), note=impossible),
                        priority=1,
                    )
                continue
            groups = m.groupdict()
            weekday = rules.weekdays[groups["weekday"]] if groups.get("weekday") else None
            yield Candidate(
                expression(
                    "date",
                    text,
                    m.start(),
                    m.end(),
                    date=date,
                    year_given=bool(groups.get("year")),
                    weekday=weekday,
                ),
                priority=6,
            )
    yield from _timestamps(text)


def _impossible(m: re.Match[str], rules: Rules) -> str | None:
    """Why a matched date names no day of any year ("31. Februar"), or None."""
    groups = m.groupdict()
    month = rules.months[groups["month"]] if groups.get("month") else int(groups["monthnum"])
    day = int(groups["day"])
    if day <= calendar.monthrange(2000, month)[1]:  # 2000: a leap year
        return None
    return f"{m.group().strip()!r} names no day (month {month} has no day {day}); not dated"


def _date_of(text: str, m: re.Match[str], rules: Rules, anchor: dt.date) -> dt.date | None:
    """The day a date layout matched; without a year, the year by ``year_for``."""
    groups = m.groupdict()
    core = min(m.start(g) for g in ("day", "month", "monthnum", "year") if groups.get(g))
    parsed = parse_date_span(text[core : m.end()], rules.language)
    if parsed is not None:
        _, month, day = parsed
    else:  # dateparser lacks this form: fall back on the lexicon's reading
        month = rules.months[groups["month"]] if groups.get("month") else int(groups["monthnum"])
        day = int(groups["day"])
    if not groups.get("year"):
        return year_for(month, day, anchor)
    try:
        return dt.date(int(groups["year"]), month, day)
    except ValueError:
        return None


def _timestamps(text: str) -> Iterable[Candidate]:
    """Machine timestamps: "2023-03-22T08:05:00+01:00"."""
    for m in _ISO_DATETIME.finditer(text):
        try:
            stamp = dt.datetime.fromisoformat(m.group().replace("Z", "+00:00"))
        except ValueError:
            continue
        yield Candidate(
            expression(
                "datetime",
                text,
                m.start(),
                m.end(),
                date=stamp.date(),
                time=stamp.time().replace(second=0, microsecond=0),
                tz=_offset_zone(stamp.utcoffset()),
            ),
            priority=7,
            meridiem=True,
        )


def _offset_zone(offset: dt.timedelta | None) -> str | None:
    """The IANA name of a whole-hour UTC offset ("Etc/GMT-1" is UTC+1), else None."""
    if offset is None:
        return None
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest:
        return None
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def find_days(text: str, rules: Rules) -> Iterable[Candidate]:
    """Weekdays (with a glued part of the day), relative days and parts of the day."""
    for m in rules.weekday_re.finditer(text):
        part = rules.parts.get(norm(m.group("part"))) if m.group("part") else None
        yield Candidate(
            expression(
                "weekday",
                text,
                m.start(),
                m.end(),
                weekday=rules.weekdays[m.group("wd")],
                part_of_day=part,
            ),
            priority=3,
        )
    for m in rules.relative_re.finditer(text):
        form = norm(m.group())
        if (
            form in rules.ambiguous_relative
            and m.group()[0].isupper()
            and not _sentence_initial(text, m.start())
        ):
            continue  # "heute Morgen", "am Morgen": the noun, not "tomorrow"
        offset, part = rules.relative[form]
        yield Candidate(
            expression(
                "relative_day",
                text,
                m.start(),
                m.end(),
                day_offset=offset,
                part_of_day=part,
                narrative=form in rules.narrative_relative,
            ),
            priority=3,
        )
    yield from _parts_of_day(text, rules)


def _parts_of_day(text: str, rules: Rules) -> Iterable[Candidate]:
    """Parts of the day; a bare noun ("Abend") only counts once joined to a day."""
    for m in rules.part_re.finditer(text):
        noun = norm(m.group("part"))
        prefix = norm(m.group("prefix")) if m.group("prefix") else None
        offset = rules.part_prefixes.get(prefix) if prefix else None
        kind: Kind = "relative_day" if offset is not None else "part_of_day"
        yield Candidate(
            expression(
                kind, text, m.start(), m.end(), part_of_day=rules.parts[noun], day_offset=offset
            ),
            priority=2,
            need_anchor=prefix is None and noun in rules.part_nouns,
        )
