"""Sentences with character offsets: one pass of SoMaJo over a report's paragraphs.

A regex splitter breaks German on "15. August", "Dr." or "11.30 Uhr"; SoMaJo's tokenizer knows
these. Each line of the cleaned text is a paragraph (headlines and subheadings are lines of
their own), so a sentence never spans a line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from somajo import SoMaJo

from .resources import lexicon


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


def split_sentences(text: str, language: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets into ``text``.

    The SoMaJo model per language is named in ``lexicons/<lang>/language.yaml``.
    """
    model = lexicon(language, "language")["sentence_model"]
    tokenizer = _tokenizer(model)
    sentences: list[Sentence] = []
    for paragraph, match in enumerate(_LINE.finditer(text)):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        base = match.start() + (len(line) - len(line.lstrip()))
        heading = _looks_like_heading(stripped)
        for tokens in tokenizer.tokenize_text([stripped]):
            start = base + tokens[0].character_offset[0]
            end = base + tokens[-1].character_offset[1]
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
