"""Compiled temporal lexicons: ``lexicons/<lang>/temporal.yaml`` and ``time.yaml`` turned into
patterns and tables, and the token helpers that read a text with them.

Shared by the finders of ``days.py``, ``clocks.py`` and ``durations.py``. Everything here is built
once per language knowledge object (``rules_for(lang)``); number phrases are read with text2num
plus the lexicon's fractions and number words (``number(phrase, rules)``, remembered on the rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from text_to_num import text2num

from ..knowledge.matching import trie
from ..knowledge.schema import HEDGE_KINDS, PARTS_OF_DAY

if TYPE_CHECKING:
    from ..knowledge import LanguageKnowledge

_NUMBER_MEMO = 4096


# --------------------------------------------------------------------------- tokens

TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+|[^\w\s]")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


def norm(form: str) -> str:
    """``form`` lower-cased with single spaces: the key of the lexicon's tables."""
    return " ".join(str(form).lower().split())


def token_key(form: str) -> tuple[str, ...]:
    """``form`` as lower-cased tokens: the key of the tables looked up in a token list."""
    return tuple(m.group().lower() for m in TOKEN.finditer(str(form)))


Tok = tuple[str, int, int]  # lower-cased token, start, end


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of ``text[start:end]``, from the last line break in it on."""
    line = text.rfind("\n", start, end)
    if line >= 0:
        start = line + 1
    return [
        (m.group().lower(), start + m.start(), start + m.end())
        for m in TOKEN.finditer(text[start:end])
    ]


def tokens_after(text: str, start: int, limit: int) -> list[Tok]:
    """The tokens of up to ``limit`` characters after ``start``, up to the end of the line."""
    stop = text.find("\n", start, start + limit)
    return tokens(text, start, stop if stop >= 0 else min(len(text), start + limit))


def match_end(
    toks: list[Tok], i: int, table: Mapping[tuple[str, ...], Any] | frozenset
) -> tuple[int, Any] | None:
    """The longest entry of ``table`` whose tokens end just before ``toks[i]``: (length, value)."""
    for length in range(min(i, 5), 0, -1):
        key = tuple(t[0] for t in toks[i - length : i])
        if key in table:
            return length, (table[key] if isinstance(table, Mapping) else True)
    return None


def match_start(
    toks: list[Tok], i: int, table: Mapping[tuple[str, ...], Any] | frozenset[tuple[str, ...]]
) -> int:
    """The length of the longest entry (or key) of ``table`` whose tokens start at
    ``toks[i]``, or 0."""
    for length in range(min(len(toks) - i, 5), 0, -1):
        if tuple(t[0] for t in toks[i : i + length]) in table:
            return length
    return 0


# --------------------------------------------------------------------------- compiled rules


def _spaced(char: str) -> str:
    """A character of a time word as a regex: a space stands for any run of white space."""
    return r"\s+" if char == " " else re.escape(char)


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
        body = trie(members, piece=_spaced)
        if not keep:
            body = f"(?i:{body})"
        parts.append((r"(?<!\w)" if lead else "") + body + (r"(?!\w)" if tail else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True)
class Rules:
    """One language's temporal words as tables (keys from ``norm``/``token_key``) and patterns."""

    language: str
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[int, str | None]]
    ambiguous_relative: frozenset[str]
    narrative_relative: frozenset[str]
    parts: dict[str, str]
    part_nouns: frozenset[str]
    part_prefixes: dict[str, int | None]
    units: dict[str, float]
    digit_units: dict[str, float]
    unit_suffixes: dict[str, float]
    compound_units: dict[str, float]
    fractions: dict[str, float]
    fraction_suffixes: dict[str, float]
    #: the fraction suffixes that are words of their own after a unit ("an hour and a half"),
    #: by their tokens
    fraction_after: dict[tuple[str, ...], float]
    number_words: dict[str, float]
    hedges: dict[tuple[str, ...], tuple[str, str]]
    hedges_after: dict[tuple[str, ...], tuple[str, str]]
    clock_hedges: dict[tuple[str, ...], tuple[str, str]]
    planned: frozenset[tuple[str, ...]]
    actual: frozenset[tuple[str, ...]]
    range_to: frozenset[tuple[str, ...]]
    range_and: frozenset[tuple[str, ...]]
    range_between: frozenset[tuple[str, ...]]
    range_after: frozenset[tuple[str, ...]]
    #: between two number words counted one after the other ("zwei, drei Stunden")
    range_listed: frozenset[tuple[str, ...]]
    range_from: frozenset[str]
    not_number_start: frozenset[str]
    am: frozenset[str]
    pm: frozenset[str]
    tz: dict[str, str]
    utc_offset_re: re.Pattern[str]
    date_res: tuple[re.Pattern[str], ...]
    weekday_re: re.Pattern[str]
    relative_re: re.Pattern[str]
    part_re: re.Pattern[str]
    clock_re: re.Pattern[str]
    bad_clock_re: re.Pattern[str]
    military_re: re.Pattern[str]
    unit_re: re.Pattern[str]
    suffix_unit_re: re.Pattern[str] | None
    joiner_gap_re: re.Pattern[str]
    narrative_gap_re: re.Pattern[str]
    comma_gap_re: re.Pattern[str]
    duration_gap_re: re.Pattern[str]
    numbers: dict[str, float | None] = field(default_factory=dict, compare=False, repr=False)


def _lexicon_file(language: str) -> str:
    return f"lexicons/{language}/temporal.yaml"


def _by_name(numbered: Mapping[int, Iterable[str]]) -> dict[str, int]:
    """``{1: [Januar, Jan.]}`` as ``{"Januar": 1, "Jan.": 1}``."""
    return {str(name): int(n) for n, names in (numbered or {}).items() for name in names}


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
        table[token_key(form)] = (norm(lemma), kind)
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


def rules_for(lang: LanguageKnowledge) -> Rules:
    """The compiled rules of ``lang`` (built once per knowledge object)."""
    return lang.compiled(compile_rules)


def compile_rules(lang: LanguageKnowledge) -> Rules:
    """Patterns and tables of ``lang``'s temporal and time lexicons (use ``rules_for``)."""
    lex, time = lang.lexicon("temporal"), lang.time
    where = _lexicon_file(lang.code)
    return Rules(
        language=lang.code,
        **_day_fields(lex, time, where),
        **_clock_fields(lex, time, where),
        **_duration_fields(lex, where, lang.settings.get("inflection_suffixes") or ()),
        **_gap_fields(lex),
    )


def _range_words(lex: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """Words between the ends of a range ("bis", "and"), and words before it ("von", "between")."""
    ranges = lex["ranges"] or {}
    to_words = [*(ranges.get("to") or []), *(ranges.get("and") or [])]
    from_words = [*(ranges.get("from") or []), *(ranges.get("between") or [])]
    return to_words, from_words


def _parts_of_day(lex: Mapping[str, Any], where: str) -> tuple[dict[str, str], dict[str, str]]:
    """Part-of-day nouns and adverbs, each checked to name a part of ``PARTS_OF_DAY``."""
    parts = {norm(k): str(v) for k, v in (lex["parts_of_day"] or {}).items()}
    adverbs = {norm(k): str(v) for k, v in (lex["part_of_day_adverbs"] or {}).items()}
    for form, part in {**parts, **adverbs}.items():
        if part not in PARTS_OF_DAY:
            raise ValueError(
                f"{where}: part of day {form!r} -> {part!r}; expected one of {PARTS_OF_DAY}"
            )
    return parts, adverbs


def _date_patterns(
    lex: Mapping[str, Any], time: Mapping[str, Any], where: str
) -> tuple[re.Pattern[str], ...]:
    """One pattern per layout of ``date_formats``, its placeholders filled from the lexicons."""
    ordinals = time["ordinal_suffixes"] or []
    pieces = {
        "weekday": f"(?P<weekday>{_alt(_by_name(time['weekdays']), case='keep')})",
        "day": r"(?<![\d.])(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)",
        "month": f"(?P<month>{_alt(_by_name(time['months']), case='keep')})",
        "monthnum": r"(?P<monthnum>1[0-2]|0?[1-9])(?!\d)",
        "year": r"(?<!\d)(?P<year>1[89]\d\d|2[01]\d\d)(?!\d)",
        "ordinal": "(?:" + "|".join(re.escape(str(o)) for o in ordinals) + ")"
        if ordinals
        else "(?!)",
        "article": _alt(lex["date_articles"] or []),
    }
    return tuple(_compile_template(str(t), pieces, where) for t in lex["date_formats"] or [])


def _day_fields(lex: Mapping[str, Any], time: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The fields of ``Rules`` for dates, weekdays, relative days and parts of the day."""
    relative: dict[str, tuple[int, str | None]] = {}
    for form, value in (lex["relative_days"] or {}).items():
        if isinstance(value, Mapping):
            relative[norm(form)] = (int(value["offset"]), value.get("part_of_day"))
        else:
            relative[norm(form)] = (int(value), None)
    parts, adverbs = _parts_of_day(lex, where)
    prefixes = {norm(k): v for k, v in (lex["part_of_day_prefixes"] or {}).items()}
    weekdays = _by_name(time["weekdays"])
    part_compounds = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    weekday_names = "|".join(re.escape(w) for w in sorted(weekdays, key=len, reverse=True))
    return {
        "months": _by_name(time["months"]),
        "weekdays": weekdays,
        "relative": relative,
        "ambiguous_relative": frozenset(r for r in relative if r in parts),
        "narrative_relative": frozenset(norm(f) for f in lex.get("narrative_days") or ()),
        "parts": {**parts, **adverbs},
        "part_nouns": frozenset(parts),
        "part_prefixes": prefixes,
        "date_res": _date_patterns(lex, time, where),
        "weekday_re": re.compile(
            rf"(?<!\w)(?P<wd>{weekday_names})(?P<part>(?i:{part_compounds or '(?!)'}))?(?!\w)"
        ),
        "relative_re": re.compile(_alt(relative)),
        "part_re": re.compile(
            rf"(?:(?P<prefix>{_alt(prefixes)})\s+)?(?P<part>{_alt({**parts, **adverbs})})"
        ),
    }


def _utc_offset(names: str, *, named: bool = False) -> str:
    """A universal-time name (an alternation) and a whole-hour offset after it ("GMT + 4"),
    with groups ``sign`` and ``hours`` if ``named`` (a clock's pattern holds it three times)."""
    sign, hours = ("?P<sign>", "?P<hours>") if named else ("?:", "?:")
    return rf"{names}\s*({sign}[+\-\u2212\u2013])\s*({hours}1[0-4]|0?\d)(?::?00)?(?![\d:])"


def _clock_fields(lex: Mapping[str, Any], time: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The fields of ``Rules`` for clock times: ranges, a.m./p.m., zones, hedges."""
    tz = {str(k): str(v) for k, v in (time["zones"] or {}).items()}
    suffix = _alt(time["clock_suffixes"] or [])
    # glued to the digits too ("6:15pm")
    ampm = _alt([*(time["am_markers"] or []), *(time["pm_markers"] or [])], glued=True)
    # "GMT + 4", "UTC-5": a universal-time name with a whole-hour offset, before the names
    utc = _alt(time["utc_names"] or [], case="keep")
    tz_alt = f"(?:{_utc_offset(utc)}|{_alt(tz, case='upper_keep')})"

    def atom(n: int, strict: bool) -> str:
        look = rf"(?=\d{{1,2}}(?::[0-5]\d|(?:\.[0-5]\d)?\s*(?:{suffix}|{ampm})))" if strict else ""
        return (
            rf"{look}(?<![\d.:,])(?P<h{n}>[01]?\d|2[0-4])(?:[:.](?P<m{n}>[0-5]\d))?(?!\d)"
            rf"(?:\s*(?P<mk{n}>{suffix})(?:\s+(?P<mm{n}>[0-5]\d)(?!\d))?|\s*(?P<ap{n}>{ampm}))?"
        )

    ranges = lex["ranges"] or {}
    to_words, from_words = _range_words(lex)
    from_alt, to_alt = _alt(from_words), _alt(to_words)
    upper_tz = _alt([t for t in tz if t.isupper()], case="keep")
    # "2am Thursday AEDT": the zone after the weekday of the clock (the weekday stays its own)
    weekday_alt = _alt([w for ws in (time["weekdays"] or {}).values() for w in ws], case="keep")
    return {
        "clock_hedges": _hedge_table(lex["clock_hedges"], f"{where} clock_hedges"),
        "range_to": frozenset(token_key(w) for w in ranges.get("to") or []),
        "range_and": frozenset(token_key(w) for w in ranges.get("and") or []),
        "range_between": frozenset(token_key(w) for w in ranges.get("between") or []),
        "range_after": frozenset(token_key(w) for w in ranges.get("after") or []),
        "range_listed": frozenset(token_key(w) for w in ranges.get("listed") or []),
        "range_from": frozenset(norm(w) for w in from_words),
        "am": frozenset(norm(w) for w in time["am_markers"] or []),
        "pm": frozenset(norm(w) for w in time["pm_markers"] or []),
        "tz": {norm(k): v for k, v in tz.items()},
        "utc_offset_re": re.compile(_utc_offset(utc, named=True)),
        "bad_clock_re": re.compile(
            rf"(?<![\d.:,])(?P<h>\d{{1,2}})[:.](?P<m>\d{{2}})(?!\d)\s*(?:{suffix}|{ampm})"
        ),
        "clock_re": re.compile(
            rf"(?:(?:(?P<from>{from_alt})\s+)?{atom(1, False)}\s*(?P<to>{to_alt})\s*)?"
            rf"{atom(2, True)}(?:\s+(?P<tz>{tz_alt})|\s*\(\s*(?P<tzp>{tz_alt})\s*\)"
            rf"|(?=\s+{weekday_alt}\s+(?P<tzw>{tz_alt})))?"
        ),
        "military_re": re.compile(
            rf"(?<![\d.:,])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s+(?P<tz>{upper_tz})"
        ),
    }


def _duration_fields(lex: Mapping[str, Any], where: str, suffixes: Iterable[str]) -> dict[str, Any]:
    """The fields of ``Rules`` for durations: units, numbers, hedges, planning words."""
    units = {norm(k): float(v) for k, v in (lex["units"] or {}).items()}
    digit_units = {norm(k): float(v) for k, v in (lex["digit_units"] or {}).items()}
    compound = {norm(k): float(v) for k, v in (lex["compound_units"] or {}).items()}
    suffix_units = {norm(k): float(v) for k, v in (lex["unit_suffixes"] or {}).items()}
    suffix_unit_re = None
    if suffix_units:
        suffix_unit_re = re.compile(
            r"(?<!\w)(?P<pre>\d+(?:[.,]\d+)?-?|[^\W\d_]+?)"
            rf"(?P<suf>{_alt(suffix_units, glued=True)})"
        )
    to_words, from_words = _range_words(lex)
    joiner_words = {norm(w) for w in [*(lex["duration_joiners"] or []), *to_words, *from_words]}
    return {
        "units": units,
        "digit_units": digit_units,
        "unit_suffixes": suffix_units,
        "compound_units": compound,
        "fractions": {norm(k): float(v) for k, v in (lex["fractions"] or {}).items()},
        "fraction_suffixes": {
            norm(k): float(v) for k, v in (lex["fraction_suffixes"] or {}).items()
        },
        "fraction_after": {
            key: float(v)
            for k, v in (lex["fraction_suffixes"] or {}).items()
            if len(key := token_key(k)) > 1 and key[0][0].isalpha()
        },
        "number_words": {norm(k): float(v) for k, v in (lex["number_words"] or {}).items()},
        "hedges": _hedge_table(lex["hedges"], f"{where} hedges"),
        "hedges_after": _hedge_table(lex.get("hedges_after"), f"{where} hedges_after"),
        "planned": _inflected(lex["planned_cues"], suffixes),
        "actual": _inflected(lex["actual_cues"], suffixes),
        "not_number_start": frozenset(joiner_words),
        "unit_re": re.compile(
            rf"(?P<comp>{_alt(compound)})|(?P<unit>{_alt(units)})|(?P<digit>{_alt(digit_units)})"
        ),
        "suffix_unit_re": suffix_unit_re,
    }


def _inflected(cues: Iterable[str] | None, suffixes: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Cue token keys, a one-word cue also with the language's endings ("vorgesehen" ->
    "vorgesehenen")."""
    keys: set[tuple[str, ...]] = set()
    for cue in cues or ():
        key = token_key(cue)
        keys.add(key)
        if len(key) == 1:
            keys.update((key[0] + suffix.lower(),) for suffix in suffixes)
    return frozenset(keys)


def _gap_fields(lex: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of ``Rules`` for what may stand between two expressions that join."""
    joiners = _alt(lex["joiners"] or [])
    return {
        "joiner_gap_re": re.compile(rf"(?:\s|{joiners})*"),
        "comma_gap_re": re.compile(rf"\s*,\s*{joiners}(?:\s|{joiners})*"),
        # "on the eve of the May 9 parade", "am Vorabend des 9. Mai": a narrative day and the day
        # it counts from, with at most an article between
        "narrative_gap_re": re.compile(
            rf"\s+(?:{_alt(lex.get('narrative_day_articles') or [])}\s+)?"
        ),
        "duration_gap_re": re.compile(rf"\s*(?:{_alt(lex['duration_joiners'] or [])})?\s*"),
    }


# --------------------------------------------------------------------------- numbers


def number(phrase: str, rules: Rules) -> float | None:
    """The value of a number phrase (digits, number words, fractions), or None."""
    memo = rules.numbers
    if phrase in memo:
        return memo[phrase]
    if len(memo) >= _NUMBER_MEMO:
        memo.clear()  # bounded: unique texts bring unique phrases
    value = memo[phrase] = _number(phrase, rules)
    return value


def _number(phrase: str, rules: Rules) -> float | None:
    phrase = norm(phrase).strip(" -–")
    if not phrase or phrase.split()[0] in rules.not_number_start:
        return None
    value = _plain_number(phrase, rules)
    if value is not None:
        return value
    if phrase in rules.fractions:
        return rules.fractions[phrase]
    for suffix, extra in sorted(rules.fraction_suffixes.items(), key=lambda s: -len(s[0])):
        if phrase.endswith(suffix) and len(phrase) > len(suffix):
            if suffix[0].isdigit() and phrase[-len(suffix) - 1] not in " -–":
                continue  # "2 1/2" is two and a half; "21/2" is no number phrase
            head = _plain_number(phrase[: -len(suffix)].strip(" -"), rules)
            if head is not None:
                return head + extra
    first, _, rest = phrase.partition(" ")
    if rules.number_words.get(first) == 1 and rules.fractions.get(rest, 1) < 1:
        return rules.fractions[rest]  # "einer halben (Stunde)", "a half (hour)"
    spaced = _WORD_HYPHEN.sub(" ", phrase)
    if spaced != phrase:
        return _number(spaced, rules)  # "two-and-a-half(-hour)": the words of "two and a half"
    return None


#: A hyphen that joins two words of a number phrase used as an adjective ("two-and-a-half").
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])[-–](?=[^\W\d_])")


def _plain_number(phrase: str, rules: Rules) -> float | None:
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
