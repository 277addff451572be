"""Sentences with character offsets: each line of a report split at the stops that end one.

A regex splitter breaks German on "15. August", "Dr." or "11.30 Uhr"; SoMaJo's tokenizer knows
these, but tokenising every character costs more than everything else of reading a report.
``boundaries.py`` decides each stop from the word before it and the language's sentence lexicon;
only a line with a stop it cannot decide (a web address or "Corp." before it, a date after it)
goes through SoMaJo, whose verdict is taken for those stops alone. Each line of the cleaned text
is a paragraph (headlines and subheadings are lines of their own), so a sentence never spans a
line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .boundaries import Stop, line_stops, sentence_rules

if TYPE_CHECKING:
    from somajo import SoMaJo

    from ..knowledge import LanguageKnowledge


@dataclass(frozen=True)
class Sentence:
    """A sentence of a report's cleaned text."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    is_heading: bool


@cache
def _tokenizer(model: str) -> SoMaJo:
    from somajo import SoMaJo  # loaded only when a line needs it

    return SoMaJo(model, split_camel_case=False, character_offsets=True)


_LINE = re.compile(r"[^\n]+")
_HEADING_END = re.compile(r"[.!?:;…\"“”»«’']\s*$")


def _looks_like_heading(line: str) -> bool:
    """A short line without closing punctuation: a headline or subheading."""
    words = line.split()
    return len(words) <= 12 and not _HEADING_END.search(line)


@lru_cache(maxsize=4096)
def _full_split_starts(line: str, model: str) -> frozenset[int]:
    """Where SoMaJo starts a sentence in ``line`` (kept: wire copy repeats lines)."""
    return frozenset(
        tokens[0].character_offset[0] for tokens in _tokenizer(model).tokenize_text([line])
    )


def _split_line(line: str, language: LanguageKnowledge) -> list[tuple[int, int]]:
    """Sentence spans of one line: its stops decided, SoMaJo asked about the unsure ones."""
    stops = line_stops(line, language.compiled(sentence_rules))
    if not stops:
        return [(0, len(line))]
    if any(s.verdict is None for s in stops):
        starts = _full_split_starts(line, language.settings["sentence_model"])
        stops = [s if s.verdict is not None else _asked(s, starts) for s in stops]
    spans, start = [], 0
    for stop in stops:
        if stop.verdict and stop.start > start:
            spans.append((start, stop.end))
            start = stop.start
    spans.append((start, len(line)))
    return spans


def _asked(stop: Stop, starts: frozenset[int]) -> Stop:
    return Stop(stop.end, stop.start, stop.start in starts)


def split_sentences(text: str, language: LanguageKnowledge) -> list[Sentence]:
    """Split ``text`` into sentences with offsets into ``text``.

    The sentence lexicon is ``lexicons/<lang>/sentences.yaml``; the SoMaJo model for the stops
    it leaves open is named in ``lexicons/<lang>/language.yaml``.
    """
    sentences: list[Sentence] = []
    for paragraph, match in enumerate(_LINE.finditer(text)):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        base = match.start() + (len(line) - len(line.lstrip()))
        heading = _looks_like_heading(stripped)
        for lo, hi in _split_line(stripped, language):
            start, end = base + lo, base + hi
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=end,
                    text=text[start:end],
                    paragraph=paragraph,
                    is_heading=heading,
                )
            )
    return sentences
