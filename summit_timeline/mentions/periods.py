"""Periods a clause names without a day: a year ("2018"), a month ("im Juli", "last November"),
or both ("in July 2017").

A report recalls earlier meetings this way ("when they met in Helsinki in July 2018"); the story
stage (``table/stories.py``) compares a mention's period with the report's own date to tell the
report's story from a background one. Month names come from the language's ``time.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge import LanguageKnowledge

_YEAR = r"(?<![\d.,:/-])(?:1[89]\d\d|20\d\d)(?!\d|[.,:/-]\d)"


@dataclass(frozen=True)
class Period:
    """A year and/or month named in a clause (month 1-12, or None)."""

    year: int | None
    month: int | None
    start: int
    end: int


def _compile(lang: LanguageKnowledge) -> tuple[re.Pattern[str], dict[str, int]]:
    names = {
        str(name): int(number)
        for number, forms in (lang.time.get("months") or {}).items()
        for name in forms
    }
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # a month (as listed, with its case), optionally followed by a year; or a year alone
    month = rf"(?<![\w.])(?P<month>{alternatives})(?!\w)(?:,?\s+(?P<myear>{_YEAR}))?|"
    pattern = re.compile((month if alternatives else "") + rf"(?P<year>{_YEAR})")
    return pattern, names


def find_periods(text: str, lang: LanguageKnowledge) -> list[Period]:
    """Months and years named in ``text``, in order."""
    pattern, names = lang.compiled(_compile)
    found: list[Period] = []
    for m in pattern.finditer(text):
        groups = m.groupdict()
        if groups.get("month"):
            year = groups.get("myear")
            found.append(
                Period(int(year) if year else None, names[groups["month"]], m.start(), m.end())
            )
        elif groups.get("year"):
            found.append(Period(int(groups["year"]), None, m.start(), m.end()))
    return found
