"""Periods a clause names without a day: a year ("2018"), a month ("im Juli", "last November"),
both ("in July 2017"), or a span counted from the report's day ("last week", "vergangene
Woche": ``temporal.yaml`` ``relative_periods``).

A report recalls earlier meetings this way ("when they met in Helsinki in July 2018"); the story
stage (``table/stories.py``) compares a mention's period with the report's own date to tell the
report's story from a background one. Month names come from the language's ``time.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..knowledge import LanguageKnowledge
from ..knowledge.matching import Lexicon, Match

_YEAR = r"(?<![\d.,:/-])(?:1[89]\d\d|20\d\d)(?!\d|[.,:/-]\d)"


@dataclass(frozen=True)
class Period:
    """A year and/or month named in a clause (month 1-12, or None), or ``days`` counted from the
    report's day (negative: before it)."""

    year: int | None
    month: int | None
    start: int
    end: int
    days: int | None = None


def _compile(lang: LanguageKnowledge) -> tuple[re.Pattern[str], dict[str, int], Any]:
    names = {
        str(name): int(number)
        for number, forms in (lang.time.get("months") or {}).items()
        for name in forms
    }
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # a month (as listed, with its case), optionally followed by a year; or a year alone
    month = rf"(?<![\w.])(?P<month>{alternatives})(?!\w)(?:,?\s+(?P<myear>{_YEAR}))?|"
    pattern = re.compile((month if alternatives else "") + rf"(?P<year>{_YEAR})")
    spans = lang.lexicon("temporal").get("relative_periods") or {}
    relative = Lexicon(
        lang,
        {str(days): [p for p, d in spans.items() if d == days] for days in set(spans.values())},
    )
    return pattern, names, relative


#: Words between a year and the noun it dates ("the 2016 U.S. presidential election"), and
#: between the noun and a year after it ("der Wahl von 2016").
_BEFORE_NOUN, _AFTER_NOUN = 3, 2


def _dates_other(text: str, start: int, end: int, nouns: list[Match]) -> bool:
    """Whether the year at ``[start, end)`` dates one of ``nouns`` ("the 2016 election")."""
    for n in nouns:
        if n.start >= end:
            between, limit = text[end : n.start], _BEFORE_NOUN
        elif n.end <= start:
            between, limit = text[n.end : start], _AFTER_NOUN
        else:
            continue
        if len(between.split()) <= limit and not re.search(r"[,;:()]", between):
            return True
    return False


def find_periods(text: str, lang: LanguageKnowledge) -> list[Period]:
    """Months and years named in ``text``, in order; not the year of something that is no
    event (``temporal.yaml`` ``non_event_years``: "the 2016 election")."""
    pattern, names, relative = lang.compiled(_compile)
    found: list[Period] = [
        Period(None, None, m.start, m.end, int(m.label)) for m in relative.find(text)
    ]
    nouns: list[Match] | None = None  # scanned once a year is found (most clauses name none)
    for m in pattern.finditer(text):
        groups = m.groupdict()
        if groups.get("month"):
            year = groups.get("myear")
            found.append(
                Period(int(year) if year else None, names[groups["month"]], m.start(), m.end())
            )
        elif groups.get("year"):
            if nouns is None:
                nouns = lang.matcher("temporal", "non_event_years").find(text)
            if not _dates_other(text, m.start(), m.end(), nouns):
                found.append(Period(int(groups["year"]), None, m.start(), m.end()))
    return sorted(found, key=lambda p: p.start)
