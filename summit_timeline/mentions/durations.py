"""Durations: a number, a unit, and what stands around them.

"gut zweieinhalb Stunden" is 150 minutes with the hedge "gut"; "vier bis fünf Stunden" a range
of 240 to 300; "ein zweistündiges Gespräch" a unit glued to its number; "die vorgesehenen sechs
Stunden" is planned. Each unit found is read backwards: the number phrase before it, a hedge
before or inside that, a range's lower end, and a planning word a few words away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .temporal_rules import (
    Rules,
    Tok,
    match_end,
    match_start,
    norm,
    number,
    tokens,
    tokens_after,
)
from .time_expression import Candidate, expression

_WINDOW = 160  # characters looked at before a unit for its number, hedge and planning word
_CUE_TOKENS = 4  # words between a planning word and the duration it governs
_HYPHENS = "-–"
_SLASH = "/"  # "2 1/2 hours": a fraction written in digits is one number phrase

Hedge = tuple[str, str]  # lemma, kind


#: Tokens a number phrase may span ("one - and - a - half": hyphens are tokens).
_NUMBER_TOKENS = 7


def _number_before(text: str, toks: list[Tok], i: int, rules: Rules) -> tuple[float, int] | None:
    """The longest number phrase ending just before ``toks[i]``: (value, its first token)."""
    for length in range(min(i, _NUMBER_TOKENS), 0, -1):
        first = i - length
        if not toks[first][0][0].isalnum() or any(
            not t[0][0].isalnum() and t[0] not in _HYPHENS and t[0] != _SLASH for t in toks[first:i]
        ):
            continue
        if first and toks[first - 1][0] == _SLASH and toks[first - 1][2] == toks[first][1]:
            continue  # "24/7", "21/2": what follows a slash is no count of its own
        value = number(text[toks[first][1] : toks[i - 1][2]], rules)
        if value is not None:
            return value, first
    return None


def _is_planned(text: str, toks: list[Tok], first: int, end: int, rules: Rules) -> bool:
    """A planning word governs the duration: a few words before (or after) it, same clause."""
    k, words = first, 0
    while k > 0 and words < _CUE_TOKENS:
        if match_end(toks, k, rules.actual):
            return False
        if match_end(toks, k, rules.planned):
            return True
        if not toks[k - 1][0][0].isalnum():
            break
        k -= 1
        words += 1
    after = tokens_after(text, end, 80)
    for k in range(min(len(after), _CUE_TOKENS)):
        if not after[k][0][0].isalnum() or match_start(after, k, rules.actual):
            return False
        if match_start(after, k, rules.planned):
            return True
    return False


def _ends_fit(word: tuple[str, ...], low: str, high: str, rules: Rules) -> bool:
    """Whether the first words of two numbers may be a range's ends with ``word`` between:
    a hyphen joins ends written alike ("4-5"; not "Ein-62-Minuten-Telefonat", a slug), a
    listing comma ends in words ("zwei, drei Stunden"; not "Punkt 2, 3 Stunden")."""
    if word in rules.range_listed:
        return low[0].isalpha() and high[0].isalpha()
    if len(word) == 1 and word[0] in _HYPHENS:
        return low[0].isdigit() == high[0].isdigit()
    return True


def _range_low(
    text: str, toks: list[Tok], first: int, high: float, rules: Rules
) -> tuple[float, int] | None:
    """Lower end of a range before ``toks[first]`` ("vier bis", "two-to-"): (value, first token)."""
    for skip_after in (0, 1):  # "two-to-three": a hyphen between the range word and the number
        j = first - skip_after
        if skip_after and (j < 1 or toks[j][0] not in _HYPHENS):
            continue
        hit = (
            match_end(toks, j, rules.range_to)
            or match_end(toks, j, rules.range_and)
            or match_end(toks, j, rules.range_listed)
        )
        if hit is None:
            continue
        word = tuple(t[0] for t in toks[j - hit[0] : j])
        if skip_after and word in rules.range_listed:
            continue
        for skip_before in (0, 1):
            k = j - hit[0] - skip_before
            if skip_before and (k < 1 or toks[k][0] not in _HYPHENS):
                continue
            low = _number_before(text, toks, k, rules)
            if low is None or low[0] >= high:
                continue
            between = match_end(toks, low[1], rules.range_between)
            if word in rules.range_and and not between:
                continue  # "zwei und drei Stunden" without "zwischen" is no range
            if not _ends_fit(word, toks[low[1]][0], toks[first][0], rules):
                continue
            return low[0], low[1] - (between[0] if between else 0)
    return None


def _count_before(
    text: str, toks: list[Tok], unit_start: int, rules: Rules, *, compound: bool
) -> tuple[float, int, Hedge | None] | None:
    """How many units the words before a unit count: (value, first token, hedge among them).

    A hedge may stand between number and unit ("zwei gute Stunden"); a unit that is a number
    itself ("Viertelstunde") counts one without a number before it.
    """
    i = len(toks)
    if i and toks[i - 1][0] in _HYPHENS and toks[i - 1][2] == unit_start:
        i -= 1  # "a four-hour session"
    options: list[tuple[int, Hedge | None]] = [(0, None)]
    for length in range(min(i, 5), 0, -1):
        key = tuple(t[0] for t in toks[i - length : i])
        if key in rules.hedges:
            options.append((length, rules.hedges[key]))
    for length, hedge in options:
        parsed = _number_before(text, toks, i - length, rules)
        if parsed is not None:
            return parsed[0], parsed[1], hedge
    if not compound:
        return None
    hit = match_end(toks, i, rules.hedges)
    if hit:
        return 1.0, i - hit[0], hit[1]
    return 1.0, i, None


def _glued_words(after: list[Tok], end: int) -> list[Tok]:
    """The words joined to the unit by hyphens ("hour-and-a-half": and, a, half), else none."""
    words: list[Tok] = []
    k, pos = 0, end
    while (
        k + 1 < len(after)
        and after[k][0] in _HYPHENS
        and after[k][1] == pos
        and after[k + 1][1] == after[k][2]
        and after[k + 1][0][0].isalpha()
    ):
        words.append(after[k + 1])
        pos = after[k + 1][2]
        k += 2
    return words


def _fraction_after(text: str, end: int, value: float, rules: Rules) -> tuple[float, int]:
    """``value`` and the span's end with a fraction after the unit ("an hour and a half"), also
    one glued to it by hyphens ("an hour-and-a-half meeting")."""
    after = tokens_after(text, end, 40)
    for words in (after, _glued_words(after, end)):
        length = match_start(words, 0, rules.fraction_after)
        if length:
            key = tuple(t[0] for t in words[:length])
            return value + rules.fraction_after[key], words[length - 1][2]
    return value, end


def _range_after(text: str, end: int, value: float, rules: Rules) -> tuple[float, int] | None:
    """The upper end of a range told after the unit ("an hour or two", "eine Minute oder zwei"):
    (value, its end); only where the number ends the phrase ("an hour or two aides" is none)."""
    after = tokens_after(text, end, 40)
    hit = match_start(after, 0, rules.range_after)
    if not hit:
        return None
    for last in range(min(len(after), hit + _NUMBER_TOKENS), hit, -1):
        if not all(t[0][0].isalnum() or t[0] in _HYPHENS for t in after[hit:last]):
            continue
        if last < len(after) and after[last][0][0].isalnum():
            continue
        high = number(text[after[hit][1] : after[last - 1][2]], rules)
        if high is not None and high > value:
            return high, after[last - 1][2]
    return None


def _hedge_after(text: str, end: int, rules: Rules) -> tuple[Hedge, int] | None:
    """A hedge right after the duration ("an hour or so", "zwei Stunden oder länger"): the
    hedge and its end."""
    after = tokens_after(text, end, 30)
    length = match_start(after, 0, rules.hedges_after)
    if not length:
        return None
    return rules.hedges_after[tuple(t[0] for t in after[:length])], after[length - 1][2]


def _duration_at(
    text: str,
    rules: Rules,
    unit_start: int,
    unit_end: int,
    seconds: float,
    *,
    compound: bool = False,
    known: float | None = None,
) -> Candidate | None:
    """The duration whose unit spans ``unit_start:unit_end``; ``known``: its number, if glued."""
    toks = tokens(text, max(0, unit_start - _WINDOW), unit_start)
    low = None
    if known is not None:
        value, first, hedge = known, len(toks), None
    else:
        counted = _count_before(text, toks, unit_start, rules, compound=compound)
        if counted is None:
            return None
        value, first, hedge = counted
        hit = _range_low(text, toks, first, value, rules)
        if hit is not None:
            low, first = hit
    outer = match_end(toks, first, rules.hedges)
    span_start = toks[first][1] if first < len(toks) else unit_start
    if outer is not None:
        first -= outer[0]
        span_start = toks[first][1]
        hedge = hedge or outer[1]
    end = unit_end
    if low is None:
        value, end = _fraction_after(text, unit_end, value, rules)
        upper = _range_after(text, end, value, rules)
        if upper is not None:
            low, (value, end) = value, upper
        after = _hedge_after(text, end, rules) if hedge is None else None
        if after is not None:
            hedge, end = after
    minutes = value * seconds / 60
    return Candidate(
        expression(
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


def _unit_seconds(text: str, m: re.Match[str], rules: Rules) -> tuple[float, bool] | None:
    """Seconds of the unit ``m`` found, and whether it is a number itself ("Viertelstunde")."""
    if m.group("comp"):
        return rules.compound_units[norm(m.group())], True
    if m.group("unit"):
        return rules.units[norm(m.group())], False
    if not re.search(r"\d\s*$", text[max(0, m.start() - 4) : m.start()]):
        return None  # "min", "h": only after digits
    return rules.digit_units[norm(m.group())], False


#: The last word of a unit of several ("half-hour", "half hour").
_LAST_WORD = re.compile(r"[\s\-–]([^\s\-–]+)$")


def _unit_inside(text: str, m: re.Match[str], rules: Rules) -> Candidate | None:
    """A compound unit that ends in a plain one ("half-hour") read as that unit after the
    number phrase its first word ends ("a two-and-a-half-hour meeting": 2.5 hours, not the
    half-hour the compound alone counts); none where no longer number stands before it."""
    word = _LAST_WORD.search(m.group())
    if word is None or norm(word.group(1)) not in rules.units:
        return None
    start = m.start() + word.start(1)
    cand = _duration_at(text, rules, start, m.end(), rules.units[norm(word.group(1))])
    if cand is None or cand.expr.start >= m.start():
        return None  # the compound's own words only ("a half-hour"): the compound counts
    return cand


def find_durations(text: str, rules: Rules) -> Iterable[Candidate]:
    """Durations at each unit word, then at units glued to their number ("zweistündig")."""
    for m in rules.unit_re.finditer(text):
        unit = _unit_seconds(text, m, rules)
        if unit is None:
            continue
        seconds, compound = unit
        cand = _duration_at(text, rules, m.start(), m.end(), seconds, compound=compound)
        if cand is not None:
            yield cand
        if compound:
            inner = _unit_inside(text, m, rules)
            if inner is not None:
                yield inner
    if rules.suffix_unit_re is not None:
        for m in rules.suffix_unit_re.finditer(text):
            value = number(m.group("pre"), rules)
            if value is not None:
                seconds = rules.unit_suffixes[norm(m.group("suf"))]
                cand = _duration_at(text, rules, m.start(), m.end(), seconds, known=value)
                if cand is not None:
                    yield cand
