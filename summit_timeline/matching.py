"""Lexicon patterns compiled to regular expressions.

A lexicon entry is a word or phrase with a small syntax (documented in
``resources/lexicons/de/events.yaml``): endings per language, ``*`` for compounds and
continuations, ``...`` for a gap of up to six words, ``=word`` for an exact word. Each list is
compiled once per language into one regular expression whose alternatives are tried longest
first, so "Vieraugengespräch" is matched whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from .resources import lexicon

_LEFT = r"(?<![\w-])"
_GAP = r"(?:\s+[^\s,;!?]+){0,12}?"
_CLAUSE_END = r"(?=\s*(?:[.,;:!?…–—)\"“”»«]|$))"


@dataclass(frozen=True)
class Match:
    """A lexicon entry found in a text."""

    start: int
    end: int
    label: str
    entry: str
    text: str


def _word_regex(word: str, suffixes: str) -> str:
    exact = word.startswith("=")
    if exact:
        word = word[1:]
    head = word.startswith("*")
    tail = word.endswith("*")
    core = word.strip("*")
    escaped = re.escape(core)
    escaped = re.sub("ss|ß", "(?:ss|ß)", escaped)
    escaped = escaped.replace(r"\-", "[-‑]")
    pattern = escaped
    if head:
        pattern = r"\w*" + pattern
    if tail:
        pattern += r"\w*"
    elif not exact and suffixes and core[-1:].isalpha():
        pattern += f"(?:{suffixes})?"
    return pattern


def entry_regex(entry: str, language: str) -> str:
    """The regular expression for one lexicon entry in ``language``."""
    settings = lexicon(language, "language")
    suffixes = "|".join(
        re.escape(s) for s in sorted(settings.get("inflection_suffixes", []), key=len, reverse=True)
    )
    particles = set(settings.get("separable_particles", []))
    parts = entry.split()
    pieces: list[str] = []
    gap = False
    for part in parts:
        if part == "...":
            gap = True
            pieces.append(_GAP + r"\s+")
            continue
        if part == "{Name}":
            pieces.append(r"(?-i:[A-ZÄÖÜ])[\w'’.-]+")
            pieces.append(r"\s+")
            continue
        pieces.append(_word_regex(part, suffixes))
        pieces.append(r"\s+")
    if pieces and pieces[-1] == r"\s+":
        pieces.pop()
    body = "".join(pieces)
    # words are separated by one or more spaces; a gap piece already ends in \s+
    body = body.replace(r"\s+" + _GAP, _GAP)
    first, last = parts[0].strip("=*{}"), parts[-1].strip("=*{}")
    left = _LEFT if first[:1].isalnum() else ""
    right = r"(?![\w])" if last[-1:].isalnum() and not parts[-1].endswith("*") else ""
    if gap and last.lower() in particles:
        coordinators = "|".join(re.escape(c) for c in settings.get("coordinators", []))
        end = _CLAUSE_END if not coordinators else _CLAUSE_END[:-2] + rf"|\s+(?:{coordinators})\b))"
        right += end
    return left + body + right


class Lexicon:
    """Labelled lists of entries compiled for one language; ``find`` returns matches by label."""

    def __init__(self, language: str, entries: Mapping[str, Iterable[str]]) -> None:
        self.language = language
        self._compiled: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {}
        for label, words in entries.items():
            bad = [w for w in words or [] if not isinstance(w, str)]
            if bad:
                raise ValueError(
                    f"lexicon {language}/{label}: entries must be strings, got {bad!r} "
                    "(quote YAML words such as no, on, yes)"
                )
            words = sorted(set(words or []), key=len, reverse=True)
            if not words:
                continue
            regexes = [entry_regex(w, language) for w in words]
            # the word boundary is checked once, not once per alternative: much faster scans
            bounded = [r[len(_LEFT) :] for r in regexes if r.startswith(_LEFT)]
            free = [r for r in regexes if not r.startswith(_LEFT)]
            parts = []
            if bounded:
                parts.append(_LEFT + "(?:" + "|".join(f"(?:{r})" for r in bounded) + ")")
            parts.extend(f"(?:{r})" for r in free)
            self._compiled[label] = (
                re.compile("|".join(parts), re.IGNORECASE),
                dict(zip(regexes, words, strict=True)),
            )

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self._compiled)

    def find(self, text: str, labels: Iterable[str] | None = None) -> list[Match]:
        """All non-overlapping matches of the given labels (all by default), longest first."""
        found: list[Match] = []
        for label in labels if labels is not None else self._compiled:
            compiled = self._compiled.get(label)
            if compiled is None:
                continue
            regex, _ = compiled
            for m in regex.finditer(text):
                if m.end() > m.start():
                    found.append(Match(m.start(), m.end(), label, m.group(), m.group()))
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        kept: list[Match] = []
        for m in found:
            if all(m.end <= k.start or m.start >= k.end for k in kept):
                kept.append(m)
        kept.sort(key=lambda m: m.start)
        return kept

    def search(self, text: str, label: str) -> Match | None:
        """The first match of ``label`` in ``text``."""
        matches = self.find(text, [label])
        return matches[0] if matches else None


@cache
def lexicon_matcher(language: str, topic: str, key: str) -> Lexicon:
    """A compiled ``Lexicon`` for ``lexicon(language, topic)[key]``.

    A mapping of lists gives one label per key; a plain list gives the single label ``key``.
    """
    data = lexicon(language, topic).get(key) or {}
    if isinstance(data, list):
        data = {key: data}
    return Lexicon(language, data)
