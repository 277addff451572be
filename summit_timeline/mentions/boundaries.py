"""Where sentences end inside a line, read from each stop and the words on either side of it.

SoMaJo's splitter ends a sentence at a stop (. ! ? …) when the next word, after closing and
opening quotes and brackets, starts with a capital or is a number, unless the full stop belongs
to a token such as "Dr.", "15." or "U.S.". Its tokenizer finds those tokens with passes over every
character of the text (emoji, web addresses, abbreviations, ...), which is most of the cost of
reading a report. For a full stop only the word before it decides, so that word is read here
directly, with the language's sentence lexicon (``sentences.yaml``: abbreviations, dotted
ordinals) and the month and clock words of ``time.yaml``.

Each stop gets a verdict: a boundary, none, or unsure (a web address, a token mixing letters,
digits and stops, a number after the stop that may be a date or an ordinal, an abbreviation
that may end a sentence or not: "Corp.", "etc."). The caller asks the full splitter only about
lines with an unsure stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..knowledge import LanguageKnowledge

#: Quotes and brackets that close a sentence after its stop, and that open the next one.
_CLOSING = "\"'’”“»«›‹)]"
_OPENING = "\"'‘“„»«›‹([–—"
#: A stop, its closing marks, space, then the next sentence's opening marks (a dash or a quote,
#: perhaps with a space) before its first word.
_STOP = re.compile(rf"[.!?…]+([{re.escape(_CLOSING)}]*)\s+((?:[{re.escape(_OPENING)}]\s*)*)(?=\S)")
#: A full stop between two words without a space ("zusammengekommen.Berichten").
_GLUED = re.compile(r"(?<=[^\W\d_]{2})\.(?=[^\W\d_]{2})")
_NUMBER = re.compile(r"\d+")
#: What may follow a number that stands alone ("2020,", "15)"), not "15." or "11.30".
_AFTER_NUMBER = frozenset(",;)!?\"'’”“»«")
#: Digits of the Roman numerals of regnal and papal ordinals ("Karl III.", "Leo XIV.").
_ROMAN = {"I": 1, "V": 5, "X": 10}


@dataclass(frozen=True)
class Stop:
    """A stop inside a line that may end a sentence.

    ``end`` is where the sentence would end (after its closing marks), ``start`` where the
    next one would start (with its opening marks). ``verdict``: True a boundary, False none,
    None unsure (ask the full splitter).
    """

    end: int
    start: int
    verdict: bool | None


@dataclass(frozen=True)
class SentenceRules:
    """One language's sentence lexicon, as sets of tokens ending in a full stop."""

    abbreviations: frozenset[str]
    ambiguous: frozenset[str]
    dotted_ordinals: bool
    clock_markers: frozenset[str]
    time_words: frozenset[str]


def _forms(entries: Iterable[str] | None) -> set[str]:
    """An entry as written, and with a capital when it is written in lower case."""
    found: set[str] = set()
    for entry in entries or ():
        text = str(entry)
        found.add(text)
        if text[:1].islower():
            found.add(text[:1].upper() + text[1:])
    return found


def sentence_rules(language: LanguageKnowledge) -> SentenceRules:
    """The rules of ``language``, built once per knowledge object (``language.compiled``)."""
    lexicon = language.lexicon("sentences")
    time = language.time
    names = [w for words in (time["months"] or {}).values() for w in words]
    weekdays = [w for words in (time["weekdays"] or {}).values() for w in words]
    # month abbreviations with their stop ("Aug. 15") are abbreviations of a sentence too
    abbreviations = _forms(lexicon["abbreviations"]) | {w for w in names if w.endswith(".")}
    markers = [*(time["am_markers"] or ()), *(time["pm_markers"] or ())]
    zones = [*(time["zones"] or {}), *(time["utc_names"] or ())]
    # after "10 a.m." a zone, weekday or month goes on with the sentence ("10 a.m. ET")
    words = {str(z).split()[0] for z in zones} | {w.rstrip(".") for w in [*names, *weekdays]}
    return SentenceRules(
        abbreviations=frozenset(abbreviations),
        ambiguous=frozenset(_forms(lexicon["ambiguous_abbreviations"])),
        dotted_ordinals=bool(lexicon["dotted_ordinals"]),
        clock_markers=frozenset(m.lower() for m in markers if m.endswith(".") and " " not in m),
        time_words=frozenset(words),
    )


def line_stops(line: str, rules: SentenceRules) -> list[Stop]:
    """The stops of ``line`` that may end a sentence, in order, each with its verdict."""
    found = [_stop(line, m, rules) for m in _STOP.finditer(line)]
    if "." in line:
        found.extend(_glued(line, rules))
        found.sort(key=lambda s: s.end)
    return found


def _glued(line: str, rules: SentenceRules) -> list[Stop]:
    """Full stops with no space before the next sentence ("gekommen.Berichten zufolge",
    "Narendra Modi.Earlier, ...").

    Only before a capitalised word, in a token with no other stop, after a lower-case word or a
    capitalised one of three letters or more that is no abbreviation ("Prof.Schmidt"): not in
    names of sites ("Gazeta.Ru") or code ("corpus.Report.form").
    """
    stops = []
    for m in _GLUED.finditer(line):
        i = m.start()
        before, after = _word_before(line, i), _word_at(line, i + 1)
        head = after.rstrip(_CLOSING + ",;:.!?")
        named = (
            before[:1].isupper()
            and before[1:].isalpha()
            and before[1:].islower()
            and len(before) >= 3
            and before + "." not in rules.abbreviations
            and before + "." not in rules.ambiguous
            and len(head) >= 3
            and head[1:].isalpha()
            and head[1:].islower()
        )
        if (
            (before[:1].islower() or named)
            and after[:1].isupper()
            and after[1:2].islower()
            and "." not in before
            and "." not in after.rstrip(_CLOSING + ",;:.!?")
        ):
            stops.append(Stop(end=i + 1, start=i + 1, verdict=True))
    return stops


def _stop(line: str, m: re.Match[str], rules: SentenceRules) -> Stop:
    stop_end = m.start(1)
    stop = line[m.start() : stop_end]
    following = _word_at(line, m.end())
    word = _word_before(line, m.start())
    return Stop(end=m.end(1), start=m.start(2), verdict=_verdict(stop, word, following, rules, m))


def _word_at(line: str, start: int) -> str:
    end = start
    while end < len(line) and not line[end].isspace():
        end += 1
    return line[start:end]


def _word_before(line: str, end: int) -> str:
    """The token before a stop, without the quotes and brackets that open it."""
    start = end
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    return line[start:end].lstrip(_OPENING + _CLOSING)


def _verdict(
    stop: str, word: str, following: str, rules: SentenceRules, m: re.Match[str]
) -> bool | None:
    """Whether ``stop`` after ``word`` ends a sentence when ``following`` comes next."""
    first = following[:1]
    if not (first.isupper() or first.isdigit()):
        return False  # a lower-case word or a symbol goes on with the sentence
    if stop != ".":
        return not _omission(m)
    ends = _full_stop(word, following, rules)
    if ends and first.isdigit() and not _plain_number(following):
        return None  # "15." or "11.30" after the stop: a date or a clock time, maybe
    return ends


def _omission(m: re.Match[str]) -> bool:
    """An ellipsis in brackets marks words left out of a quotation ("(...)", "[…]")."""
    text = m.string
    before = text[m.start() - 1] if m.start() else ""
    return before in "([" and m.group(1)[:1] in (")", "]")


def _plain_number(token: str) -> bool:
    """A number standing alone ("2020", "15,"), which SoMaJo takes as a sentence start."""
    digits = _NUMBER.match(token)
    rest = token[digits.end() :] if digits else "x"
    return not rest or rest[0] in _AFTER_NUMBER


def _full_stop(word: str, following: str, rules: SentenceRules) -> bool | None:
    """Whether a full stop after ``word`` can end a sentence."""
    if not word or not word[-1].isalnum():
        return True  # after a quote, bracket or sign the stop is a token of its own
    if word.isdigit():
        return not (rules.dotted_ordinals and len(word) <= 3)
    if "." in word:
        return _dotted(word, following, rules)
    if any(c.isdigit() for c in word):
        return True  # "G20.", "1990er."
    token = word + "."
    if token in rules.ambiguous:
        return None  # "Acme Corp. Chief ..." or "... and so on, etc. Then": the splitter decides
    if token in rules.abbreviations or token.rsplit("-", 1)[-1] in rules.abbreviations:
        return False
    if len(word) == 1:
        return False  # an initial: "Donald J. Trump", "z. B."
    return not (rules.dotted_ordinals and _roman_ordinal(word))


def _dotted(word: str, following: str, rules: SentenceRules) -> bool | None:
    """A full stop after a token with stops inside: a date, a clock marker, "U.S." or unsure."""
    parts = word.split(".")
    if all(p.isdigit() for p in parts):
        return True  # "3.5.2019.", "11.30.": the stop is a token of its own
    if (word + ".").lower() in rules.clock_markers:
        return _after_clock(following, rules)
    if all(p.isalpha() and len(p) <= 3 for p in parts):
        return False  # "U.S. President", "J.D. Vance", "z.B."
    return None  # a web address, "Nr.3.": ask the full splitter


def _after_clock(following: str, rules: SentenceRules) -> bool:
    """After "10 a.m." a zone, weekday, month or number goes on ("10 a.m. ET", "p.m. 0625")."""
    head = following.rstrip(_CLOSING + ",;:.")
    return not (following[:1].isdigit() or head in rules.time_words)


def _roman_ordinal(word: str) -> bool:
    """``word`` is a Roman numeral from I to XXXIX written the usual way ("III", "XIV")."""
    if not word or any(c not in _ROMAN for c in word):
        return False
    values = [_ROMAN[c] for c in word]
    # a digit before a larger one is subtracted (IV, IX)
    total = sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))
    return _roman(total) == word


def _roman(number: int) -> str:
    out = []
    for value, digits in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out.append(digits * count)
    return "".join(out)
