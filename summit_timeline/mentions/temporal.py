"""Temporal expressions: dates, clock times with zones, weekdays, relative days, parts of the day
and durations with hedges.

Every word comes from ``lexicons/<lang>/temporal.yaml`` and ``time.yaml`` of a knowledge object;
the patterns built from them are kept on that object. dateparser parses only the date spans found
here (cached), never a whole text: over whole texts it reads German "die", "mit", "so" as weekdays
and durations as "ago".

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Literal

from ..knowledge import Knowledge, resolve
from .temporal_rules import TOKEN, Rules, norm, number, rules_for, token_key

__all__ = [
    "TimeExpression",
    "find_temporal",
    "parse_duration",
    "resolve_day",
]

Kind = Literal["date", "time", "datetime", "weekday", "relative_day", "part_of_day", "duration"]


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
    part_of_day: str | None = None
    minutes: float | None = None
    minutes_max: float | None = None
    hedge: str | None = None
    hedge_kind: str | None = None
    planned: bool = False


# --------------------------------------------------------------------------- constants

_SENTENCE_END = ".!?:;\n\"'„“”«»‹›(–-"
_DATEPARSER_BASE = dt.datetime(2000, 12, 31)  # a leap year, so "29. Februar" parses without a year
_ISO_DATETIME = re.compile(
    r"(?<![\w-])\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?![\w:])"
)
_WINDOW = 160  # characters looked at before a unit for its number, hedge and planning word
_CUE_TOKENS = 4  # words between a planning word and the duration it governs


# --------------------------------------------------------------------------- dates


@lru_cache(maxsize=4096)
def _dateparse(span: str, language: str) -> tuple[int, int, int] | None:
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


def _year_for(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The day in the anchor's year, or the year before if that is over six months after it."""
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= anchor + dt.timedelta(days=183):
            return candidate
    return None


def _dates(text: str, rules: Rules, anchor: dt.date) -> Iterable[_Cand]:
    for pattern in rules.date_res:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            core = min(m.start(g) for g in ("day", "month", "monthnum", "year") if groups.get(g))
            parsed = _dateparse(text[core : m.end()], rules.language)
            year_given = bool(groups.get("year"))
            if parsed is not None:
                _, month, day = parsed
            else:  # dateparser lacks this form: fall back on the lexicon's reading
                month = (
                    rules.months[groups["month"]]
                    if groups.get("month")
                    else int(groups["monthnum"])
                )
                day = int(groups["day"])
            if year_given:
                try:
                    date = dt.date(int(groups["year"]), month, day)
                except ValueError:
                    continue
            else:
                date = _year_for(month, day, anchor)
                if date is None:
                    continue
            weekday = rules.weekdays[groups["weekday"]] if groups.get("weekday") else None
            yield _Cand(
                _expr(
                    "date",
                    text,
                    m.start(),
                    m.end(),
                    date=date,
                    year_given=year_given,
                    weekday=weekday,
                ),
                priority=6,
            )
    for m in _ISO_DATETIME.finditer(text):  # machine timestamps: "2023-03-22T08:05:00+01:00"
        try:
            stamp = dt.datetime.fromisoformat(m.group().replace("Z", "+00:00"))
        except ValueError:
            continue
        yield _Cand(
            _expr(
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


# --------------------------------------------------------------------------- days and parts


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def _days(text: str, rules: Rules) -> Iterable[_Cand]:
    for m in rules.weekday_re.finditer(text):
        part = rules.parts.get(norm(m.group("part"))) if m.group("part") else None
        yield _Cand(
            _expr(
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
        yield _Cand(
            _expr("relative_day", text, m.start(), m.end(), day_offset=offset, part_of_day=part),
            priority=3,
        )
    for m in rules.part_re.finditer(text):
        noun = norm(m.group("part"))
        prefix = norm(m.group("prefix")) if m.group("prefix") else None
        offset = rules.part_prefixes.get(prefix) if prefix else None
        kind: Kind = "relative_day" if offset is not None else "part_of_day"
        yield _Cand(
            _expr(kind, text, m.start(), m.end(), part_of_day=rules.parts[noun], day_offset=offset),
            priority=2,
            need_anchor=prefix is None and noun in rules.part_nouns,
        )


# --------------------------------------------------------------------------- clock times


def _clock_value(
    m: re.Match[str], n: int, rules: Rules, meridiem: str | None = None
) -> dt.time | None:
    hour = int(m.group(f"h{n}"))
    minute = int(m.group(f"m{n}") or m.group(f"mm{n}") or 0)
    marker = norm(m.group(f"ap{n}")) if m.group(f"ap{n}") else meridiem
    if marker is not None:
        if not 1 <= hour <= 12:
            return None
        if marker in rules.pm:
            hour = hour % 12 + 12
        elif marker in rules.am:
            hour %= 12
    if hour == 24:
        return dt.time(0, 0) if minute == 0 else None
    return dt.time(hour, minute)


def _clock_hedge(text: str, start: int, rules: Rules) -> tuple[int, str | None, str | None]:
    toks = _tokens(text, max(0, start - 40), start)
    hit = _match_end(toks, len(toks), rules.clock_hedges)
    if hit is None:
        return start, None, None
    length, (lemma, kind) = hit
    return toks[-length][1], lemma, kind


def _clocks(text: str, rules: Rules) -> Iterable[_Cand]:
    for m in rules.clock_re.finditer(text):
        end_marker = norm(m.group("ap2")) if m.group("ap2") else None
        end_time = _clock_value(m, 2, rules)
        if end_time is None:
            continue
        start, begin = m.start("h2"), None
        if m.group("h1") is not None:
            to_word = token_key(m.group("to"))
            from_word = norm(m.group("from")) if m.group("from") else None
            if to_word in rules.range_and and token_key(from_word or "") not in rules.range_between:
                pass  # "11 und 14 Uhr" without "zwischen" is no range
            else:
                meridiem = None
                if end_marker and not m.group("ap1"):  # "from 10 to 11:30 a.m."
                    meridiem = end_marker
                    trial = _clock_value(m, 1, rules, meridiem)
                    if trial is None or trial > end_time:
                        meridiem = next(
                            iter(rules.am if end_marker in rules.pm else rules.pm), None
                        )
                begin = _clock_value(m, 1, rules, meridiem)
                if begin is not None:
                    start = m.start()
        zone = m.group("tz") or m.group("tzp")
        tz = rules.tz[norm(zone)] if zone else None
        hedge = kind = None
        if begin is None:
            start, hedge, kind = _clock_hedge(text, start, rules)
        yield _Cand(
            _expr(
                "time",
                text,
                start,
                m.end(),
                time=begin or end_time,
                time_end=end_time if begin else None,
                tz=tz,
                hedge=hedge,
                hedge_kind=kind,
            ),
            priority=5,
            meridiem=bool(m.group("ap2")),
        )
    for m in rules.military_re.finditer(text):
        yield _Cand(
            _expr(
                "time",
                text,
                m.start(),
                m.end(),
                time=dt.time(int(m.group("h")), int(m.group("m"))),
                tz=rules.tz[norm(m.group("tz"))],
            ),
            priority=5,
            meridiem=True,
        )


# --------------------------------------------------------------------------- durations

_Tok = tuple[str, int, int]  # lower-cased token, start, end


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    line = text.rfind("\n", start, end)
    if line >= 0:
        start = line + 1
    return [
        (m.group().lower(), start + m.start(), start + m.end())
        for m in TOKEN.finditer(text[start:end])
    ]


def _tokens_after(text: str, start: int, limit: int) -> list[_Tok]:
    stop = text.find("\n", start, start + limit)
    return _tokens(text, start, stop if stop >= 0 else min(len(text), start + limit))


def _match_end(
    toks: list[_Tok], i: int, table: Mapping[tuple[str, ...], Any] | frozenset
) -> tuple[int, Any] | None:
    """The longest entry of ``table`` whose tokens end just before ``toks[i]``: (length, value)."""
    for length in range(min(i, 5), 0, -1):
        key = tuple(t[0] for t in toks[i - length : i])
        if key in table:
            return length, (table[key] if isinstance(table, Mapping) else True)
    return None


def _match_start(toks: list[_Tok], i: int, table: frozenset[tuple[str, ...]]) -> int:
    for length in range(min(len(toks) - i, 5), 0, -1):
        if tuple(t[0] for t in toks[i : i + length]) in table:
            return length
    return 0


def _number_before(text: str, toks: list[_Tok], i: int, rules: Rules) -> tuple[float, int] | None:
    """The longest number phrase ending just before ``toks[i]``: (value, its first token)."""
    for length in range(min(i, 5), 0, -1):
        first = i - length
        if not toks[first][0][0].isalnum() or any(
            not t[0][0].isalnum() and t[0] not in "-–" for t in toks[first:i]
        ):
            continue
        value = number(text[toks[first][1] : toks[i - 1][2]], rules)
        if value is not None:
            return value, first
    return None


def _is_planned(text: str, toks: list[_Tok], first: int, end: int, rules: Rules) -> bool:
    """A planning word governs the duration: a few words before (or after) it, same clause."""
    k, words = first, 0
    while k > 0 and words < _CUE_TOKENS:
        if _match_end(toks, k, rules.actual):
            return False
        if _match_end(toks, k, rules.planned):
            return True
        if not toks[k - 1][0][0].isalnum():
            break
        k -= 1
        words += 1
    after = _tokens_after(text, end, 80)
    for k in range(min(len(after), _CUE_TOKENS)):
        if not after[k][0][0].isalnum() or _match_start(after, k, rules.actual):
            return False
        if _match_start(after, k, rules.planned):
            return True
    return False


def _range_low(
    text: str, toks: list[_Tok], first: int, high: float, rules: Rules
) -> tuple[float, int] | None:
    """Lower end of a range before ``toks[first]`` ("vier bis", "two-to-"): (value, first token)."""
    hyphen = "-–"
    for skip_after in (0, 1):  # "two-to-three": a hyphen between the range word and the number
        j = first - skip_after
        if skip_after and (j < 1 or toks[j][0] not in hyphen):
            continue
        hit = _match_end(toks, j, rules.range_to) or _match_end(toks, j, rules.range_and)
        if hit is None:
            continue
        word = tuple(t[0] for t in toks[j - hit[0] : j])
        for skip_before in (0, 1):
            k = j - hit[0] - skip_before
            if skip_before and (k < 1 or toks[k][0] not in hyphen):
                continue
            low = _number_before(text, toks, k, rules)
            if low is None or low[0] >= high:
                continue
            between = _match_end(toks, low[1], rules.range_between)
            if word in rules.range_and and not between:
                continue  # "zwei und drei Stunden" without "zwischen" is no range
            return low[0], low[1] - (between[0] if between else 0)
    return None


def _duration_at(
    text: str,
    rules: Rules,
    unit_start: int,
    unit_end: int,
    seconds: float,
    *,
    compound: bool = False,
    known: float | None = None,
) -> _Cand | None:
    toks = _tokens(text, max(0, unit_start - _WINDOW), unit_start)
    i = len(toks)
    inner: tuple[str, str] | None = None
    if known is not None:
        value, first = known, i
    else:
        if i and toks[i - 1][0] in "-–" and toks[i - 1][2] == unit_start:
            i -= 1  # "a four-hour session"
        found = None
        options: list[tuple[int, Any]] = [(0, None)]
        for length in range(min(i, 5), 0, -1):
            key = tuple(t[0] for t in toks[i - length : i])
            if key in rules.hedges:
                options.append((length, rules.hedges[key]))
        for length, hedge in options:
            parsed = _number_before(text, toks, i - length, rules)
            if parsed is not None:
                found, inner = parsed, hedge
                break
        if found is None:
            if not compound:
                return None
            found = (1.0, i)
            hit = _match_end(toks, i, rules.hedges)
            if hit:
                inner, found = hit[1], (1.0, i - hit[0])
        value, first = found
    low = None
    if known is None:
        hit = _range_low(text, toks, first, value, rules)
        if hit is not None:
            low, first = hit
    hedge = inner
    hit = _match_end(toks, first, rules.hedges)
    span_start = toks[first][1] if first < len(toks) else unit_start
    if hit is not None:
        first -= hit[0]
        span_start = toks[first][1]
        hedge = hedge or hit[1]
    end = unit_end
    if low is None:
        after = _tokens_after(text, unit_end, 40)
        for suffix, extra in rules.fraction_suffixes.items():
            key = token_key(suffix)
            if len(key) > 1 and tuple(t[0] for t in after[: len(key)]) == key:
                value, end = value + extra, after[len(key) - 1][2]  # "an hour and a half"
                break
    minutes = value * seconds / 60
    return _Cand(
        _expr(
            "duration",
            text,
            span_start,
            end,
            minutes=(low * seconds / 60) if low is not None else minutes,
            minutes_max=minutes if low is not None else None,
            hedge=hedge[0] if hedge else None,
            hedge_kind=hedge[1] if hedge else None,
            planned=_is_planned(text, toks, first, end, rules),
        ),
        priority=4,
        unit=seconds,
    )


def _durations(text: str, rules: Rules) -> Iterable[_Cand]:
    for m in rules.unit_re.finditer(text):
        if m.group("comp"):
            cand = _duration_at(
                text,
                rules,
                m.start(),
                m.end(),
                rules.compound_units[norm(m.group())],
                compound=True,
            )
        elif m.group("unit"):
            cand = _duration_at(text, rules, m.start(), m.end(), rules.units[norm(m.group())])
        else:
            if not re.search(r"\d\s*$", text[max(0, m.start() - 4) : m.start()]):
                continue  # "min", "h": only after digits
            cand = _duration_at(text, rules, m.start(), m.end(), rules.digit_units[norm(m.group())])
        if cand is not None:
            yield cand
    if rules.suffix_unit_re is not None:
        for m in rules.suffix_unit_re.finditer(text):
            value = number(m.group("pre"), rules)
            if value is not None:
                seconds = rules.unit_suffixes[norm(m.group("suf"))]
                cand = _duration_at(text, rules, m.start(), m.end(), seconds, known=value)
                if cand is not None:
                    yield cand


# --------------------------------------------------------------------------- assembling


@dataclass
class _Cand:
    expr: TimeExpression
    priority: int
    need_anchor: bool = False
    unit: float = 0.0  # duration unit in seconds, to join "2 Stunden 45 Minuten"
    # a clock time that a part of the day must not shift (a.m./p.m. given, or an ISO timestamp)
    meridiem: bool = False


def _expr(kind: Kind, text: str, start: int, end: int, **fields: Any) -> TimeExpression:
    return TimeExpression(kind=kind, text=text[start:end], start=start, end=end, **fields)


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longer spans first, then the stronger kind."""
    chosen: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(cands, key=lambda c: (c.expr.start - c.expr.end, -c.priority, c.expr.start)):
        s, e = cand.expr.start, cand.expr.end
        if all(e <= a or s >= b for a, b in taken):
            chosen.append(cand)
            taken.append((s, e))
    return sorted(chosen, key=lambda c: c.expr.start)


def _join(text: str, a: TimeExpression, b: TimeExpression, **fields: Any) -> TimeExpression:
    return replace(a, text=text[a.start : b.end], end=b.end, **fields)


_DAY_KINDS = ("date", "weekday", "relative_day")


def _merge_pass(text: str, cands: list[_Cand], rules: Rules, rule: Any) -> list[_Cand]:
    out: list[_Cand] = []
    for cand in cands:
        if out:
            gap = text[out[-1].expr.end : cand.expr.start]
            merged = rule(text, out[-1], cand, gap, rules)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(cand)
    return out


def _merge_durations(text: str, a: _Cand, b: _Cand, gap: str, rules: Rules) -> _Cand | None:
    x, y = a.expr, b.expr
    if x.kind != "duration" or y.kind != "duration" or not rules.duration_gap_re.fullmatch(gap):
        return None
    if x.minutes_max is not None or y.minutes_max is not None or y.hedge or not b.unit < a.unit:
        return None  # "2 Stunden 45 Minuten" = 165
    total = (x.minutes or 0) + (y.minutes or 0)
    return _Cand(
        _join(text, x, y, minutes=total, planned=x.planned or y.planned), a.priority, unit=b.unit
    )


def _merge_conversion(text: str, a: _Cand, b: _Cand, gap: str, rules: Rules) -> _Cand | None:
    x, y = a.expr, b.expr
    if x.kind != "time" or y.kind != "time" or not re.fullmatch(r"\s*\(\s*", gap):
        return None
    close = re.match(r"\s*\)", text[y.end :])
    if close is None:
        return None
    end = y.end + close.end()
    tz = x.tz or ("local" if y.tz and y.tz != "local" else None)
    return _Cand(replace(x, text=text[x.start : end], end=end, tz=tz), a.priority)


def _with_part(time: dt.time | None, part: str | None, fixed: bool) -> dt.time | None:
    """A 12-hour clock time read with its part of the day ("8 Uhr abends" = 20:00)."""
    if time is None or part is None or fixed:
        return time
    later = part in ("afternoon", "evening") or (part == "night" and time.hour >= 6)
    return time.replace(hour=time.hour + 12) if later and time.hour < 12 else time


def _time_fields(cand: _Cand, part: str | None) -> dict[str, Any]:
    e = cand.expr
    return {
        "time": _with_part(e.time, part, cand.meridiem),
        "time_end": _with_part(e.time_end, part, cand.meridiem),
        "tz": e.tz,
        "hedge": e.hedge,
        "hedge_kind": e.hedge_kind,
        "part_of_day": part,
    }


def _merge_time_part(text: str, a: _Cand, b: _Cand, gap: str, rules: Rules) -> _Cand | None:
    if {a.expr.kind, b.expr.kind} != {"time", "part_of_day"} or a.need_anchor or b.need_anchor:
        return None
    if not rules.joiner_gap_re.fullmatch(gap):
        return None
    time, part = (a, b) if a.expr.kind == "time" else (b, a)
    fields = _time_fields(time, part.expr.part_of_day)
    return _Cand(replace(_join(text, a.expr, b.expr), kind="time", **fields), 5, meridiem=True)


def _merge_day_part(text: str, a: _Cand, b: _Cand, gap: str, rules: Rules) -> _Cand | None:
    x, y = a.expr, b.expr
    if x.kind not in _DAY_KINDS or y.kind != "part_of_day" or x.part_of_day or x.time:
        return None
    if not rules.joiner_gap_re.fullmatch(gap):
        return None
    return _Cand(_join(text, x, y, part_of_day=y.part_of_day), a.priority)


def _merge_day_time(text: str, a: _Cand, b: _Cand, gap: str, rules: Rules) -> _Cand | None:
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
    return _Cand(
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
        *_dates(text, rules, anchor or dt.date.today()),
        *_clocks(text, rules),
        *_durations(text, rules),
        *_days(text, rules),
    ]
    chosen = _select(cands)
    for rule in (
        _merge_durations,
        _merge_conversion,
        _merge_time_part,
        _merge_day_part,
        _merge_day_time,
    ):
        chosen = _merge_pass(text, chosen, rules, rule)
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


def resolve_day(expr: TimeExpression, anchor: dt.date) -> dt.date | None:
    """The calendar day ``expr`` names, read from ``anchor`` (the day the text was written).

    A weekday is the most recent such day on or before ``anchor`` (reports are in the past tense); a
    relative day is ``anchor`` plus its offset; a date without a year falls in the anchor's year, or
    the year before if it would be more than six months after ``anchor``. None for expressions
    that name no day (clock times, parts of the day, durations).

    :param expr: an expression from :func:`find_temporal`.
    :param anchor: publication date (a ``datetime`` is reduced to its date).
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
        return expr.date if expr.year_given else _year_for(expr.date.month, expr.date.day, anchor)
    if expr.weekday is not None:
        return anchor - dt.timedelta(days=(anchor.weekday() - expr.weekday) % 7)
    if expr.day_offset is not None:
        return anchor + dt.timedelta(days=expr.day_offset)
    return None
