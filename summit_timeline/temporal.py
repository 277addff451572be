"""Temporal expressions: dates, clock times with zones, weekdays, relative days, parts of the day
and durations with hedges.

Every word comes from ``resources/lexicons/<lang>/temporal.yaml``; the patterns built from it are
compiled once per language. dateparser parses only the date spans found here (cached), never a
whole text: over whole texts it reads German "die", "mit", "so" as weekdays and durations as "ago".

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

from text_to_num import text2num

from . import resources

__all__ = ["TimeExpression", "clear_cache", "find_temporal", "parse_duration", "resolve_day"]

Kind = Literal["date", "time", "datetime", "weekday", "relative_day", "part_of_day", "duration"]
HEDGE_KINDS: tuple[str, ...] = ("approx", "at_least", "at_most", "only")
PARTS_OF_DAY: tuple[str, ...] = ("morning", "noon", "afternoon", "evening", "night")
LEXICON_KEYS: tuple[str, ...] = (
    "months",
    "weekdays",
    "date_formats",
    "date_articles",
    "ordinal_suffixes",
    "relative_days",
    "parts_of_day",
    "part_of_day_adverbs",
    "part_of_day_prefixes",
    "units",
    "digit_units",
    "unit_suffixes",
    "compound_units",
    "fractions",
    "fraction_suffixes",
    "number_words",
    "hedges",
    "planned_cues",
    "actual_cues",
    "ranges",
    "duration_joiners",
    "clock",
    "joiners",
    "tz_names",
)


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


# --------------------------------------------------------------------------- compiled rules

_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+|[^\w\s]")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
_SENTENCE_END = ".!?:;\n\"'„“”«»‹›(–-"
_DATEPARSER_BASE = dt.datetime(2000, 12, 31)  # a leap year, so "29. Februar" parses without a year
_ISO_DATETIME = re.compile(
    r"(?<![\w-])\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?![\w:])"
)
_WINDOW = 160  # characters looked at before a unit for its number, hedge and planning word
_CUE_TOKENS = 4  # words between a planning word and the duration it governs


def _norm(form: str) -> str:
    return " ".join(str(form).lower().split())


def _tok(form: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in _TOKEN.finditer(str(form)))


def _trie(forms: Iterable[str]) -> str:
    """One regex for ``forms`` as a character trie (fast: no backtracking over alternatives)."""
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(root)


def _alt(
    forms: Iterable[str],
    *,
    case: Literal["keep", "ignore", "upper_keep"] = "ignore",
    glued: bool = False,
) -> str:
    """A regex matching any of ``forms``, with word guards at word-character edges.

    ``case``: match ignoring case, as written, or as written for all-capital forms only;
    ``glued``: no guard before the forms (word endings such as "stündige").
    """
    groups: dict[tuple[bool, bool, bool], set[str]] = {}
    for form in {" ".join(str(f).split()) for f in forms}:
        keep = case == "keep" or (case == "upper_keep" and form.isupper())
        lead = bool(re.match(r"\w", form)) and not glued
        tail = bool(re.search(r"\w$", form))
        groups.setdefault((keep, lead, tail), set()).add(form if keep else form.lower())
    parts = []
    for (keep, lead, tail), members in sorted(groups.items()):
        body = _trie(members)
        if not keep:
            body = f"(?i:{body})"
        parts.append((r"(?<!\w)" if lead else "") + body + (r"(?!\w)" if tail else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True)
class _Rules:
    language: str
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[int, str | None]]
    ambiguous_relative: frozenset[str]
    parts: dict[str, str]
    part_nouns: frozenset[str]
    part_prefixes: dict[str, int | None]
    units: dict[str, float]
    digit_units: dict[str, float]
    unit_suffixes: dict[str, float]
    compound_units: dict[str, float]
    fractions: dict[str, float]
    fraction_suffixes: dict[str, float]
    number_words: dict[str, float]
    hedges: dict[tuple[str, ...], tuple[str, str]]
    clock_hedges: dict[tuple[str, ...], tuple[str, str]]
    planned: frozenset[tuple[str, ...]]
    actual: frozenset[tuple[str, ...]]
    range_to: frozenset[tuple[str, ...]]
    range_and: frozenset[tuple[str, ...]]
    range_between: frozenset[tuple[str, ...]]
    range_from: frozenset[str]
    not_number_start: frozenset[str]
    am: frozenset[str]
    pm: frozenset[str]
    tz: dict[str, str]
    date_res: tuple[re.Pattern[str], ...]
    weekday_re: re.Pattern[str]
    relative_re: re.Pattern[str]
    part_re: re.Pattern[str]
    clock_re: re.Pattern[str]
    military_re: re.Pattern[str]
    unit_re: re.Pattern[str]
    suffix_unit_re: re.Pattern[str] | None
    joiner_gap_re: re.Pattern[str]
    duration_gap_re: re.Pattern[str]


def _lexicon_file(language: str) -> str:
    return f"lexicons/{language}/temporal.yaml"


def _hedge_table(raw: Any, where: str) -> dict[tuple[str, ...], tuple[str, str]]:
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for form, value in (raw or {}).items():
        if isinstance(value, Mapping):
            lemma, kind = str(value.get("lemma", form)), str(value.get("kind"))
        else:
            lemma, kind = str(form), str(value)
        if kind not in HEDGE_KINDS:
            raise ValueError(
                f"{where}: hedge {form!r} has kind {kind!r}; expected one of {HEDGE_KINDS}"
            )
        table[_tok(form)] = (_norm(lemma), kind)
    return table


def _compile_template(template: str, pieces: Mapping[str, str], where: str) -> re.Pattern[str]:
    out: list[str] = [r"(?<!\w)"]
    i = 0
    while i < len(template):
        char = template[i]
        if char == "{":
            close = template.find("}", i)
            name = template[i + 1 : close] if close > i else ""
            if name not in pieces:
                raise ValueError(
                    f"{where}: date format {template!r} has unknown placeholder {{{name}}}; "
                    f"expected one of {sorted(pieces)}"
                )
            out.append(pieces[name])
            i = close + 1
            continue
        out.append({"[": "(?:", "]": ")?", " ": r"\s+"}.get(char, re.escape(char)))
        i += 1
    try:
        return re.compile("".join(out))
    except re.error as exc:
        raise ValueError(f"{where}: date format {template!r} is not usable: {exc}") from exc


@lru_cache(maxsize=16)
def _rules(language: str) -> _Rules:
    lex = resources.lexicon(language, "temporal")
    where = _lexicon_file(language)
    missing = [key for key in LEXICON_KEYS if key not in lex]
    if missing:
        raise ValueError(
            f"{where}: missing keys {missing}; every temporal lexicon needs {list(LEXICON_KEYS)}"
        )

    relative: dict[str, tuple[int, str | None]] = {}
    for form, value in (lex["relative_days"] or {}).items():
        if isinstance(value, Mapping):
            relative[_norm(form)] = (int(value["offset"]), value.get("part_of_day"))
        else:
            relative[_norm(form)] = (int(value), None)
    parts = {_norm(k): str(v) for k, v in (lex["parts_of_day"] or {}).items()}
    adverbs = {_norm(k): str(v) for k, v in (lex["part_of_day_adverbs"] or {}).items()}
    for form, part in {**parts, **adverbs}.items():
        if part not in PARTS_OF_DAY:
            raise ValueError(
                f"{where}: part of day {form!r} -> {part!r}; expected one of {PARTS_OF_DAY}"
            )
    prefixes = {_norm(k): v for k, v in (lex["part_of_day_prefixes"] or {}).items()}
    ranges = lex["ranges"] or {}
    clock = lex["clock"] or {}
    tz = {str(k): str(v) for k, v in (lex["tz_names"] or {}).items()}
    units = {_norm(k): float(v) for k, v in (lex["units"] or {}).items()}
    digit_units = {_norm(k): float(v) for k, v in (lex["digit_units"] or {}).items()}
    compound = {_norm(k): float(v) for k, v in (lex["compound_units"] or {}).items()}
    suffix_units = {_norm(k): float(v) for k, v in (lex["unit_suffixes"] or {}).items()}
    months = {str(k): int(v) for k, v in (lex["months"] or {}).items()}
    weekdays = {str(k): int(v) for k, v in (lex["weekdays"] or {}).items()}

    ordinals = lex["ordinal_suffixes"] or []
    pieces = {
        "weekday": f"(?P<weekday>{_alt(weekdays, case='keep')})",
        "day": r"(?<![\d.])(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)",
        "month": f"(?P<month>{_alt(months, case='keep')})",
        "monthnum": r"(?P<monthnum>1[0-2]|0?[1-9])(?!\d)",
        "year": r"(?<!\d)(?P<year>1[89]\d\d|2[01]\d\d)(?!\d)",
        "ordinal": "(?:" + "|".join(re.escape(str(o)) for o in ordinals) + ")"
        if ordinals
        else "(?!)",
        "article": _alt(lex["date_articles"] or []),
    }
    date_res = tuple(_compile_template(str(t), pieces, where) for t in lex["date_formats"] or [])

    part_compounds = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    weekday_re = re.compile(
        rf"(?<!\w)(?P<wd>{'|'.join(re.escape(w) for w in sorted(weekdays, key=len, reverse=True))})"
        rf"(?P<part>(?i:{part_compounds or '(?!)'}))?(?!\w)"
    )
    relative_re = re.compile(_alt(relative))
    part_re = re.compile(
        rf"(?:(?P<prefix>{_alt(prefixes)})\s+)?(?P<part>{_alt({**parts, **adverbs})})"
    )

    suffix = _alt(clock.get("suffixes") or [])
    ampm = _alt([*(clock.get("am_markers") or []), *(clock.get("pm_markers") or [])])
    tz_alt = _alt(tz, case="upper_keep")

    def atom(n: int, strict: bool) -> str:
        look = rf"(?=\d{{1,2}}(?::[0-5]\d|(?:\.[0-5]\d)?\s*(?:{suffix}|{ampm})))" if strict else ""
        return (
            rf"{look}(?<![\d.:,])(?P<h{n}>[01]?\d|2[0-4])(?:[:.](?P<m{n}>[0-5]\d))?(?!\d)"
            rf"(?:\s*(?P<mk{n}>{suffix})(?:\s+(?P<mm{n}>[0-5]\d)(?!\d))?|\s*(?P<ap{n}>{ampm}))?"
        )

    to_words = [*(ranges.get("to") or []), *(ranges.get("and") or [])]
    from_words = [*(ranges.get("from") or []), *(ranges.get("between") or [])]
    clock_re = re.compile(
        rf"(?:(?:(?P<from>{_alt(from_words)})\s+)?{atom(1, False)}\s*(?P<to>{_alt(to_words)})\s*)?"
        rf"{atom(2, True)}(?:\s+(?P<tz>{tz_alt})|\s*\(\s*(?P<tzp>{tz_alt})\s*\))?"
    )
    upper_tz = [t for t in tz if t.isupper()]
    military_re = re.compile(
        rf"(?<![\d.:,])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s+(?P<tz>{_alt(upper_tz, case='keep')})"
    )
    unit_re = re.compile(
        rf"(?P<comp>{_alt(compound)})|(?P<unit>{_alt(units)})|(?P<digit>{_alt(digit_units)})"
    )
    suffix_unit_re = None
    if suffix_units:
        suffix_unit_re = re.compile(
            r"(?<!\w)(?P<pre>\d+(?:[.,]\d+)?-?|[^\W\d_]+?)"
            rf"(?P<suf>{_alt(suffix_units, glued=True)})"
        )
    joiner_gap_re = re.compile(rf"(?:\s|{_alt(lex['joiners'] or [])})*")
    duration_gap_re = re.compile(rf"\s*(?:{_alt(lex['duration_joiners'] or [])})?\s*")

    fractions = {_norm(k): float(v) for k, v in (lex["fractions"] or {}).items()}
    fraction_suffixes = {_norm(k): float(v) for k, v in (lex["fraction_suffixes"] or {}).items()}
    number_words = {_norm(k): float(v) for k, v in (lex["number_words"] or {}).items()}
    joiner_words = {_norm(w) for w in [*(lex["duration_joiners"] or []), *to_words, *from_words]}
    return _Rules(
        language=language,
        months=months,
        weekdays=weekdays,
        relative=relative,
        ambiguous_relative=frozenset(r for r in relative if r in parts),
        parts={**parts, **adverbs},
        part_nouns=frozenset(parts),
        part_prefixes=prefixes,
        units=units,
        digit_units=digit_units,
        unit_suffixes=suffix_units,
        compound_units=compound,
        fractions=fractions,
        fraction_suffixes=fraction_suffixes,
        number_words=number_words,
        hedges=_hedge_table(lex["hedges"], f"{where} hedges"),
        clock_hedges=_hedge_table(clock.get("hedges"), f"{where} clock.hedges"),
        planned=frozenset(_tok(c) for c in lex["planned_cues"] or []),
        actual=frozenset(_tok(c) for c in lex["actual_cues"] or []),
        range_to=frozenset(_tok(w) for w in ranges.get("to") or []),
        range_and=frozenset(_tok(w) for w in ranges.get("and") or []),
        range_between=frozenset(_tok(w) for w in ranges.get("between") or []),
        range_from=frozenset(_norm(w) for w in from_words),
        not_number_start=frozenset(joiner_words),
        am=frozenset(_norm(w) for w in clock.get("am_markers") or []),
        pm=frozenset(_norm(w) for w in clock.get("pm_markers") or []),
        tz={_norm(k): v for k, v in tz.items()},
        date_res=date_res,
        weekday_re=weekday_re,
        relative_re=relative_re,
        part_re=part_re,
        clock_re=clock_re,
        military_re=military_re,
        unit_re=unit_re,
        suffix_unit_re=suffix_unit_re,
        joiner_gap_re=joiner_gap_re,
        duration_gap_re=duration_gap_re,
    )


def clear_cache() -> None:
    """Forget compiled patterns and parsed spans (after editing a lexicon or the data path)."""
    _rules.cache_clear()
    _dateparse.cache_clear()
    _number.cache_clear()


# --------------------------------------------------------------------------- numbers


@lru_cache(maxsize=4096)
def _number(phrase: str, language: str) -> float | None:
    """The value of a number phrase (digits, number words, fractions), or None."""
    rules = _rules(language)
    phrase = _norm(phrase).strip(" -–")
    if not phrase or phrase.split()[0] in rules.not_number_start:
        return None
    value = _plain_number(phrase, rules)
    if value is not None:
        return value
    if phrase in rules.fractions:
        return rules.fractions[phrase]
    for suffix, extra in sorted(rules.fraction_suffixes.items(), key=lambda s: -len(s[0])):
        if phrase.endswith(suffix) and len(phrase) > len(suffix):
            head = _plain_number(phrase[: -len(suffix)].strip(" -"), rules)
            if head is not None:
                return head + extra
    first, _, rest = phrase.partition(" ")
    if rules.number_words.get(first) == 1 and rules.fractions.get(rest, 1) < 1:
        return rules.fractions[rest]  # "einer halben (Stunde)", "a half (hour)"
    return None


def _plain_number(phrase: str, rules: _Rules) -> float | None:
    if not phrase:
        return None
    if _DIGITS.fullmatch(phrase):
        return float(phrase.replace(",", "."))
    if phrase in rules.number_words:
        return rules.number_words[phrase]
    if not re.fullmatch(r"[^\W\d_]+(?:[\s-][^\W\d_]+)*", phrase):
        return None
    try:
        value = text2num(phrase, rules.language)
    except (ValueError, KeyError, IndexError):
        return None
    return float(value) if value > 0 else None


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


def _dates(text: str, rules: _Rules, anchor: dt.date) -> Iterable[_Cand]:
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


def _days(text: str, rules: _Rules) -> Iterable[_Cand]:
    for m in rules.weekday_re.finditer(text):
        part = rules.parts.get(_norm(m.group("part"))) if m.group("part") else None
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
        form = _norm(m.group())
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
        noun = _norm(m.group("part"))
        prefix = _norm(m.group("prefix")) if m.group("prefix") else None
        offset = rules.part_prefixes.get(prefix) if prefix else None
        kind: Kind = "relative_day" if offset is not None else "part_of_day"
        yield _Cand(
            _expr(kind, text, m.start(), m.end(), part_of_day=rules.parts[noun], day_offset=offset),
            priority=2,
            need_anchor=prefix is None and noun in rules.part_nouns,
        )


# --------------------------------------------------------------------------- clock times


def _clock_value(
    m: re.Match[str], n: int, rules: _Rules, meridiem: str | None = None
) -> dt.time | None:
    hour = int(m.group(f"h{n}"))
    minute = int(m.group(f"m{n}") or m.group(f"mm{n}") or 0)
    marker = _norm(m.group(f"ap{n}")) if m.group(f"ap{n}") else meridiem
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


def _clock_hedge(text: str, start: int, rules: _Rules) -> tuple[int, str | None, str | None]:
    toks = _tokens(text, max(0, start - 40), start)
    hit = _match_end(toks, len(toks), rules.clock_hedges)
    if hit is None:
        return start, None, None
    length, (lemma, kind) = hit
    return toks[-length][1], lemma, kind


def _clocks(text: str, rules: _Rules) -> Iterable[_Cand]:
    for m in rules.clock_re.finditer(text):
        end_marker = _norm(m.group("ap2")) if m.group("ap2") else None
        end_time = _clock_value(m, 2, rules)
        if end_time is None:
            continue
        start, begin = m.start("h2"), None
        if m.group("h1") is not None:
            to_word = _tok(m.group("to"))
            from_word = _norm(m.group("from")) if m.group("from") else None
            if to_word in rules.range_and and _tok(from_word or "") not in rules.range_between:
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
        tz = rules.tz[_norm(zone)] if zone else None
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
                tz=rules.tz[_norm(m.group("tz"))],
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
        for m in _TOKEN.finditer(text[start:end])
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


def _number_before(text: str, toks: list[_Tok], i: int, rules: _Rules) -> tuple[float, int] | None:
    """The longest number phrase ending just before ``toks[i]``: (value, its first token)."""
    for length in range(min(i, 5), 0, -1):
        first = i - length
        if any(not t[0][0].isalnum() and t[0] not in "-–" for t in toks[first:i]):
            continue
        value = _number(text[toks[first][1] : toks[i - 1][2]], rules.language)
        if value is not None:
            return value, first
    return None


def _is_planned(text: str, toks: list[_Tok], first: int, end: int, rules: _Rules) -> bool:
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


def _duration_at(
    text: str,
    rules: _Rules,
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
            number = _number_before(text, toks, i - length, rules)
            if number is not None:
                found, inner = number, hedge
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
    to_hit = _match_end(toks, first, rules.range_to) or _match_end(toks, first, rules.range_and)
    if to_hit and known is None:
        length = to_hit[0]
        word = tuple(t[0] for t in toks[first - length : first])
        before = _number_before(text, toks, first - length, rules)
        if before is not None and before[0] < value:
            start_idx = before[1]
            between = _match_end(toks, start_idx, rules.range_between)
            if word in rules.range_and and not between:
                before = None
            elif between:
                start_idx -= between[0]
            if before is not None:
                low, first = before[0], start_idx
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
            key = _tok(suffix)
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


def _durations(text: str, rules: _Rules) -> Iterable[_Cand]:
    for m in rules.unit_re.finditer(text):
        if m.group("comp"):
            cand = _duration_at(
                text,
                rules,
                m.start(),
                m.end(),
                rules.compound_units[_norm(m.group())],
                compound=True,
            )
        elif m.group("unit"):
            cand = _duration_at(text, rules, m.start(), m.end(), rules.units[_norm(m.group())])
        else:
            if not re.search(r"\d\s*$", text[max(0, m.start() - 4) : m.start()]):
                continue  # "min", "h": only after digits
            cand = _duration_at(
                text, rules, m.start(), m.end(), rules.digit_units[_norm(m.group())]
            )
        if cand is not None:
            yield cand
    if rules.suffix_unit_re is not None:
        for m in rules.suffix_unit_re.finditer(text):
            value = _number(m.group("pre"), rules.language)
            if value is not None:
                seconds = rules.unit_suffixes[_norm(m.group("suf"))]
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
    meridiem: bool = (
        False  # clock time with a.m./p.m. or 24-hour digits a part of day must not shift
    )


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


def _merge_pass(text: str, cands: list[_Cand], rules: _Rules, rule: Any) -> list[_Cand]:
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


def _merge_durations(text: str, a: _Cand, b: _Cand, gap: str, rules: _Rules) -> _Cand | None:
    x, y = a.expr, b.expr
    if x.kind != "duration" or y.kind != "duration" or not rules.duration_gap_re.fullmatch(gap):
        return None
    if x.minutes_max is not None or y.minutes_max is not None or y.hedge or not b.unit < a.unit:
        return None  # "2 Stunden 45 Minuten" = 165
    total = (x.minutes or 0) + (y.minutes or 0)
    return _Cand(
        _join(text, x, y, minutes=total, planned=x.planned or y.planned), a.priority, unit=b.unit
    )


def _merge_conversion(text: str, a: _Cand, b: _Cand, gap: str, rules: _Rules) -> _Cand | None:
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


def _merge_time_part(text: str, a: _Cand, b: _Cand, gap: str, rules: _Rules) -> _Cand | None:
    if {a.expr.kind, b.expr.kind} != {"time", "part_of_day"} or a.need_anchor or b.need_anchor:
        return None
    if not rules.joiner_gap_re.fullmatch(gap):
        return None
    time, part = (a, b) if a.expr.kind == "time" else (b, a)
    fields = _time_fields(time, part.expr.part_of_day)
    return _Cand(replace(_join(text, a.expr, b.expr), kind="time", **fields), 5, meridiem=True)


def _merge_day_part(text: str, a: _Cand, b: _Cand, gap: str, rules: _Rules) -> _Cand | None:
    x, y = a.expr, b.expr
    if x.kind not in _DAY_KINDS or y.kind != "part_of_day" or x.part_of_day or x.time:
        return None
    if not rules.joiner_gap_re.fullmatch(gap):
        return None
    return _Cand(_join(text, x, y, part_of_day=y.part_of_day), a.priority)


def _merge_day_time(text: str, a: _Cand, b: _Cand, gap: str, rules: _Rules) -> _Cand | None:
    if a.expr.kind in _DAY_KINDS and b.expr.kind == "time" and a.expr.time is None:
        day, time = a.expr, b
    elif a.expr.kind == "time" and b.expr.kind in _DAY_KINDS and b.expr.time is None:
        day, time = b.expr, a
    else:
        return None
    if not rules.joiner_gap_re.fullmatch(gap):
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
    text: str, language: str, *, anchor: dt.date | None = None
) -> list[TimeExpression]:
    """Temporal expressions in ``text``, sorted by start and not overlapping.

    :param text: the text to read (offsets in the result point into it).
    :param language: ISO 639-1 code with a lexicon folder (``"de"``, ``"en"``; ``"de-AT"`` is
        read as ``"de"``).
    :param anchor: day the text was written (publication date): gives dates without a year their
        year by the rule of :func:`resolve_day`; today if not given.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str; got {type(text).__name__}")
    rules = _rules(_language(language))
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


def parse_duration(text: str, language: str) -> TimeExpression | None:
    """The first duration in ``text`` (``"gut zweieinhalb Stunden"`` -> 150 minutes), or None.

    :param text: a phrase or sentence.
    :param language: ISO 639-1 code, as for :func:`find_temporal`.
    """
    return next((e for e in find_temporal(text, language) if e.kind == "duration"), None)


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
