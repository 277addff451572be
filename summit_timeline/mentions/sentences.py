"""Sentences with character offsets: one pass of SoMaJo over a report's paragraphs.

A regex splitter breaks German on "15. August", "Dr." or "11.30 Uhr"; SoMaJo's tokenizer knows
these. Each line of the cleaned text is a paragraph (headlines and subheadings are lines of
their own), so a sentence never spans a line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from somajo import SoMaJo

if TYPE_CHECKING:
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
    return SoMaJo(model, split_camel_case=False, character_offsets=True)


_LINE = re.compile(r"[^\n]+")
_HEADING_END = re.compile(r"[.!?:;…\"“”»«’']\s*$")


def _looks_like_heading(line: str) -> bool:
    """A short line without closing punctuation: a headline or subheading."""
    words = line.split()
    return len(words) <= 12 and not _HEADING_END.search(line)


# where a sentence may end inside a line: a stop, then space and an opening character
_MAYBE_BOUNDARY = re.compile(r"[.!?…][\"“”»«'’)]*\s+[\"“„»«'‘(]*[\w]")


@lru_cache(maxsize=20_000)
def _split_line(line: str, model: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of one line; lines with no possible boundary skip the tokenizer."""
    if not _MAYBE_BOUNDARY.search(line):
        return ((0, len(line)),)
    spans = []
    for tokens in _tokenizer(model).tokenize_text([line]):
        spans.append((tokens[0].character_offset[0], tokens[-1].character_offset[1]))
    return tuple(spans)


def split_sentences(text: str, language: LanguageKnowledge) -> list[Sentence]:
    """Split ``text`` into sentences with offsets into ``text``.

    The SoMaJo model per language is named in ``lexicons/<lang>/language.yaml``. Lines are
    split once and cached, so wire copy repeated across outlets is tokenized once.
    """
    model = language.settings["sentence_model"]
    sentences: list[Sentence] = []
    for paragraph, match in enumerate(_LINE.finditer(text)):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        base = match.start() + (len(line) - len(line.lstrip()))
        heading = _looks_like_heading(stripped)
        for lo, hi in _split_line(stripped, model):
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
