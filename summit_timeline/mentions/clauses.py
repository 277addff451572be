"""Clause geometry inside a sentence: where the clause of a word starts and ends.

A clause is bounded by punctuation (not the colon of "11:55" or the comma of "1,000") and by the
lexicon's break words ("bevor", "after", "während"). A *span* runs over commas to the next
semicolon, dash or break word, so "the lunch, which was due at noon, was called off" is one span.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..knowledge.matching import Match
from .quotes import QuoteSpan, inside
from .sentences import Sentence

_SPAN_PUNCT = ";–—"


#: Punctuation that ends a clause: not the colon of "11:55" or the comma of "1,000".
_CLAUSE_MARK = re.compile(r"[;–—()]|[,:](?!\S)")


@lru_cache(maxsize=256)
def _clause_marks(text: str) -> tuple[int, ...]:
    """Where clause marks stand in ``text`` (a pure function of the text: each sentence's clauses
    are asked for several times in a row)."""
    return tuple(m.start() for m in _CLAUSE_MARK.finditer(text))


def span(text: str, start: int, end: int, breaks: list[Match]) -> str:
    """The text around ``[start, end)`` up to a semicolon, a dash or a break word."""
    left, right = 0, len(text)
    for i in range(start - 1, -1, -1):
        if text[i] in _SPAN_PUNCT:
            left = i + 1
            break
    for i in range(end, len(text)):
        if text[i] in _SPAN_PUNCT:
            right = i
            break
    for b in breaks:
        if b.end <= start and b.start >= left and b.label == "clause_breaks":
            left = b.end
        if b.start >= end and b.start < right:
            right = b.start
    return text[left:right]


#: A short parenthesis: an insertion ("today (Thursday)", "at 1400 GMT (4 p.m.)"), not a clause.
_INSERTION = re.compile(r"\([^()]{1,30}\)")


@lru_cache(maxsize=256)
def _insertions(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _INSERTION.finditer(text))


def clause(
    text: str,
    start: int,
    end: int,
    breaks: list[Match],
    lists: tuple[tuple[int, int], ...] = (),
) -> tuple[int, int]:
    """The clause of ``text`` around ``[start, end)``: bounded by punctuation and break words.

    A short parenthesis that the words stand outside of bounds nothing: the clause runs over it;
    nor do the commas of ``lists``, stretches that list names ("mit Pompeo, Bolton und Pence").
    """
    marks = _clause_marks(text)
    skip = [(lo, hi) for lo, hi in _insertions(text) if not lo < start < hi]
    skip.extend(lists)
    if skip:
        marks = tuple(m for m in marks if not any(lo <= m < hi for lo, hi in skip))
    before = bisect.bisect_left(marks, start)  # marks before ``start``
    left = marks[before - 1] + 1 if before else 0
    after = bisect.bisect_left(marks, end)  # the first mark from ``end`` on
    right = marks[after] if after < len(marks) else len(text)
    for b in breaks:
        if b.end <= start and b.start >= left:
            left = b.end
        if b.start >= end and b.start < right:
            right = b.start
    return left, right


def comma_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``text`` around ``[start, end)`` between commas and semicolons."""
    left = max(text.rfind(ch, 0, start) for ch in ",;") + 1
    right_candidates = [i for i in (text.find(ch, end) for ch in ",;") if i >= 0]
    return left, min(right_candidates) if right_candidates else len(text)


def by_sentence(matches: list[Match], sentences: list[Sentence]) -> dict[int, list[Match]]:
    """Matches over a whole text, per sentence index, with offsets into the sentence."""
    starts = [s.start for s in sentences]
    out: dict[int, list[Match]] = {}
    for m in matches:
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0:
            continue
        s = sentences[i]
        if m.end > s.end:
            continue  # across a sentence end
        out.setdefault(i, []).append(
            Match(m.start - s.start, m.end - s.start, m.label, m.entry, m.text)
        )
    return out


def outside(matches: list[Match], quotes: list[QuoteSpan], offset: int) -> list[Match]:
    """The matches (offsets relative to ``offset``) that stand outside every quotation."""
    return [m for m in matches if not inside(quotes, offset + m.start, offset + m.end)]
