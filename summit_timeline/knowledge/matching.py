"""Lexicon patterns compiled to regular expressions.

A lexicon entry is a word or phrase with a small syntax (documented in
``data/lexicons/de/events.yaml``): endings per language, ``*`` for compounds and
continuations, ``...`` for a gap of up to six words, ``=word`` for an exact word. Each list is
compiled once per language into one regular expression whose alternatives are tried longest
first, so "Vieraugengespräch" is matched whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import LanguageKnowledge

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


def _uppercase_class() -> str:
    """A character class of the upper-case letters of the Latin, Greek and Cyrillic scripts.

    Derived from Unicode, not listed per language, so a German text naming "Čapek" or a
    French one naming "Élysée" is read like "Berlin".
    """
    letters = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper())
    return "[" + re.escape(letters) + "]"


#: Upper-case letters (for names: "{Name}" in an entry, place names, datelines).
UPPER = _uppercase_class()
#: Letters of the Latin script, for names that a gazetteer can hold.
LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f .'’-]+$")


def _spellings(escaped: str, variants: Iterable[Iterable[str]]) -> str:
    """``escaped`` with each spelling variant ("ss", "ß") matching all of its group."""
    for group in variants:
        forms = sorted((re.escape(f) for f in group), key=len, reverse=True)
        if len(forms) > 1:
            escaped = re.sub("|".join(forms), "(?:" + "|".join(forms) + ")", escaped)
    return escaped


def _word_regex(word: str, suffixes: str, variants: Iterable[Iterable[str]] = ()) -> str:
    exact = word.startswith("=")
    if exact:
        word = word[1:]
    head = word.startswith("*")
    tail = word.endswith("*")
    core = word.strip("*")
    escaped = re.escape(core)
    escaped = _spellings(escaped, variants)
    escaped = escaped.replace(r"\-", "[-‑]")
    pattern = escaped
    if head:
        pattern = r"\w*" + pattern
    if tail:
        pattern += r"\w*"
    elif not exact and suffixes and core[-1:].isalpha():
        pattern += f"(?:{suffixes})?"
    return pattern


def _needle(entry: str, variant_chars: set[str]) -> str | None:
    """A piece of text every match of ``entry`` contains, in lower case: the longest literal run
    of letters in its words (cut at a wildcard, a spelling variant, a hyphen or a dot); None when
    that leaves fewer than three letters."""
    best = ""
    for word in entry.split():
        if word == "..." or word.startswith("{"):
            continue
        run = ""
        for ch in word.lstrip("=").lower() + " ":
            if ch.isalnum() and ch not in variant_chars:
                run += ch
                continue
            best = max(best, run, key=len)
            run = ""
    return best if len(best) >= 3 else None


def entry_regex(entry: str, language: LanguageKnowledge) -> str:
    """The regular expression for one lexicon entry in ``language``."""
    settings = language.settings
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
            pieces.append(rf"(?-i:{UPPER})[\w'’.-]+")
            pieces.append(r"\s+")
            continue
        pieces.append(_word_regex(part, suffixes, settings.get("spelling_variants") or ()))
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


def _alternatives(regexes: list[str]) -> re.Pattern[str]:
    """``regexes`` as one pattern; the word boundary before them is checked once, not once per
    alternative: much faster scans."""
    bounded = [r[len(_LEFT) :] for r in regexes if r.startswith(_LEFT)]
    free = [r for r in regexes if not r.startswith(_LEFT)]
    parts = []
    if bounded:
        parts.append(_LEFT + "(?:" + _by_first_letter(bounded) + ")")
    parts.extend(f"(?:{r})" for r in free)
    return re.compile("|".join(parts), re.IGNORECASE)


#: First letters whose forms in any case match no other letter's (so "K" and "k" share one).
_DISPATCH = frozenset("abcdefghijklmnopqrstuvwxyzäöü")


def _by_first_letter(alternatives: list[str]) -> str:
    """``alternatives`` (in order) as one alternation, grouped by first letter.

    The engine tries the alternatives one by one at each word start; grouped under their first
    letter, it tries a letter once for all the words that begin with it. A run of alternatives
    that begin with a plain letter is grouped; one that begins otherwise ("\\w*gespräch", a
    name, a spelling variant) ends the run and keeps its place, so at any position the first
    alternative that matches is the same as in the plain alternation: at one position only
    words of one first letter can match.
    """
    out: list[str] = []
    run: dict[str, list[str]] = {}

    def flush() -> None:
        for letter, rests in run.items():
            out.append(f"{letter}(?:" + "|".join(f"(?:{r})" for r in rests) + ")")
        run.clear()

    for alternative in alternatives:
        letter = alternative[:1]
        if letter.isalpha() and letter.lower() in _DISPATCH:
            run.setdefault(letter.lower(), []).append(alternative[1:])
            continue
        flush()
        out.append(f"(?:{alternative})")
    flush()
    return "|".join(out)


class Lexicon:
    """Labelled lists of entries compiled for one language; ``find`` returns matches by label."""

    def __init__(self, language: LanguageKnowledge, entries: Mapping[str, Iterable[str]]) -> None:
        self.language = language.code
        self._compiled: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {}
        self._regexes: dict[str, list[str]] = {}
        self._unions: dict[tuple[str, ...], re.Pattern[str]] = {}
        self._labels: tuple[str, ...] = ()
        # per label, words one of which every match contains (None: scan it always)
        self._needles: dict[str, tuple[str, ...] | None] = {}
        variant_chars = {
            ch
            for group in language.settings.get("spelling_variants") or ()
            for form in group
            for ch in str(form).lower()
        }
        for label, words in entries.items():
            bad = [w for w in words or [] if not isinstance(w, str)]
            if bad:
                raise ValueError(
                    f"lexicon {language.code}/{label}: entries must be strings, got {bad!r} "
                    "(quote YAML words such as no, on, yes)"
                )
            words = sorted(set(words or []), key=lambda w: (-len(w), w))  # a fixed order
            if not words:
                continue
            regexes = [entry_regex(w, language) for w in words]
            self._regexes[label] = regexes
            needles = [_needle(w, variant_chars) for w in words]
            self._needles[label] = None if None in needles else tuple(set(needles))  # type: ignore[arg-type]
            self._compiled[label] = (_alternatives(regexes), dict(zip(regexes, words, strict=True)))
        self._labels = tuple(self._compiled)

    def _union(self, labels: tuple[str, ...]) -> re.Pattern[str]:
        """One pattern matching wherever any of ``labels`` matches (built once per choice)."""
        union = self._unions.get(labels)
        if union is None:
            union = _alternatives([r for label in labels for r in self._regexes[label]])
            self._unions[labels] = union
        return union

    @property
    def labels(self) -> tuple[str, ...]:
        return self._labels

    def find(self, text: str, labels: Iterable[str] | None = None) -> list[Match]:
        """All non-overlapping matches of the given labels (all by default), longest first.

        Each label's list is scanned on its own (a word may match under two labels), from the
        first place where any of them matches: one scan of all the labels together finds it,
        or finds that none matches, which is the common case in a sentence.
        """
        if labels is None:
            chosen = self.labels
        else:
            chosen = tuple(label for label in labels if label in self._compiled)
        start = 0
        if len(chosen) > 1:
            first = self._union(chosen).search(text)
            if first is None:
                return []
            start = first.start()
        found: list[Match] = []
        low: str | None = None
        for label in chosen:
            needles = self._needles.get(label)
            if needles is not None and len(chosen) > 1:
                # a label none of whose words occurs cannot match: not scanned
                low = text.lower() if low is None else low
                if not any(n in low for n in needles):
                    continue
            for m in self._compiled[label][0].finditer(text, start):
                if m.end() > m.start():
                    found.append(Match(m.start(), m.end(), label, m.group(), m.group()))
        if len(found) > 1:
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
