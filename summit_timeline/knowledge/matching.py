"""Lexicon patterns compiled to regular expressions.

A lexicon entry is a word or phrase with a small syntax (documented in
``data/lexicons/de/events.yaml``): endings per language, ``*`` for compounds and
continuations, ``...`` for a gap of up to six words, ``=word`` for an exact word. Each list is
compiled once per language into one regular expression whose alternatives are tried longest
first, so "Vieraugengespräch" is matched whole.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import LanguageKnowledge

_LEFT = r"(?<![\w-])"
_GAP = r"(?:\s+[^\s,;!?]+){0,12}?"
#: The gap before a separable particle that closes its clause ("traf ... ein"): the verb
#: bracket frames the whole middle field, however many words the day, the vehicle and the place
#: take ("Am Sonntag traf der Präsident per Hubschrauber auf dem Flugplatz des Golfclubs in der
#: Nähe der Hauptstadt ein"); the clause's end and the comma still bound it, and a gap longer
#: than ``_GAP`` holds no full stop (no sentence's end).
_BRACKET_GAP = r"(?:(?:\s+[^\s,;!?]+){0,12}?|(?:\s+[^\s,;!?.]+){13,24}?)"
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
        # "*-gespräch": a compound whose parts hyphens link ("Vier-Augen-Gespräch"), matched
        # from its first part
        pattern = (_HYPHENATED_START if core.startswith("-") else _ANY_START) + pattern
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
    left = _LEFT if first[:1].isalnum() or parts[0].startswith("*-") else ""
    right = r"(?![\w])" if last[-1:].isalnum() and not parts[-1].endswith("*") else ""
    if gap and last.lower() in particles:
        coordinators = "|".join(re.escape(c) for c in settings.get("coordinators", []))
        end = _CLAUSE_END if not coordinators else _CLAUSE_END[:-2] + rf"|\s+(?:{coordinators})\b))"
        right += end
        body = body.replace(_GAP, _BRACKET_GAP)
    return left + body + right


def _alternatives(regexes: list[str]) -> re.Pattern[str]:
    """``regexes`` as one pattern; the word boundary before them is checked once, not once per
    alternative: much faster scans."""
    return re.compile(_alternation(regexes), re.IGNORECASE)


def _alternation(regexes: list[str]) -> str:
    """The regular expression of ``_alternatives``."""
    bounded = [r[len(_LEFT) :] for r in regexes if r.startswith(_LEFT)]
    free = [r for r in regexes if not r.startswith(_LEFT)]
    parts = []
    if bounded:
        parts.append(_LEFT + "(?:" + _by_first_letter(bounded) + ")")
    parts.extend(f"(?:{r})" for r in free)
    return "|".join(parts)


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
        self._every_labels: dict[str, tuple[tuple[str, ...], re.Pattern[str]]] = {}
        self._opener_pattern: re.Pattern[str] | bool | None = None
        # whether the labels can be told apart by group number (``_every``, ``_scan``)
        self._scannable = all(pattern.groups == 0 for pattern, _ in self._compiled.values())
        # whether a scan of a whole text finds in a sentence what a scan of the sentence finds
        # (``find_spans``): no entry looks further past its match than one character (the
        # clause end of a separable particle does, a lookahead over spaces, "$")
        self._local = self._scannable and all(
            "(?=" not in r and "$" not in r for regexes in self._regexes.values() for r in regexes
        )

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
        or finds that none matches, which is the common case in a sentence. In a longer text
        (a report), with all of several labels whose words can be found quickly
        (``_opener``), each label is tried only where the union matches (``_scan``): a scan
        of each label over the text costs more.
        """
        if labels is None:
            chosen = self.labels
        else:
            chosen = tuple(label for label in labels if label in self._compiled)
        quick = len(text) >= _QUICK_FROM and len(chosen) > 1 and chosen == self._labels
        if quick and self._opener() is not None:
            scanned = self._scan(text)
            if all(start < end for start, end, *_ in scanned):  # else as ``finditer`` goes on
                low = text.lower() if scanned else ""
                return _longest_first(
                    [Match(*hit) for hit in scanned if self._has_needle(hit[2], low)]
                )
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
        return _longest_first(found)

    def find_spans(self, spans: Spans) -> list[list[Match]]:
        """``find`` of each of ``spans`` (a text's sentences), offsets into the span.

        Scanning sentence by sentence costs a scan and, where a sentence holds a match, a
        look at every label, per sentence; here the text is scanned once and its matches are
        given to the sentences that hold them (``Spans.spread``), which is what ``find`` on
        each sentence alone returns. A span the whole scan may see differently is scanned
        alone, and so is every span when an entry looks further past its match than one
        character (a separable particle's clause end).
        """
        text = spans.text
        if not self._local:
            return [self.find(text[a:b]) for a, b in spans.spans]
        several = len(self._labels) > 1
        out: list[list[Match]] = []
        for (a, b), found in zip(spans.spans, spans.spread(self._scan(text)), strict=True):
            if found is None:
                out.append(self.find(text[a:b]))
            elif not found:
                out.append(found)
            else:
                if several:
                    # ``find`` skips a label none of whose words the sentence holds
                    low = text[a:b].lower()
                    found = [m for m in found if self._has_needle(m.label, low)]
                out.append(_longest_first(found))
        return out

    def _has_needle(self, label: str, low: str) -> bool:
        needles = self._needles.get(label)
        return needles is None or any(n in low for n in needles)

    def _scan(self, text: str) -> list[tuple[int, int, str, str, str]]:
        """Each label's matches in all of ``text`` as its own ``finditer`` finds them, label by
        label: (start, end, label, entry, text).

        At each place where some label matches (``_places``), one pattern with a lookahead
        per label tells which labels match there and how far: one call, not one per label.
        """
        spans: dict[str, list[tuple[int, int]]] = {}  # label -> its matches
        for at in self._places(text):
            first = text[at : at + 1]
            labels, every = self._every(first.lower() if first.isascii() else "")
            regs = every.match(text, at).regs  # type: ignore[union-attr]
            for label, span in zip(labels, regs[1:], strict=True):
                if span[0] >= 0:
                    spans.setdefault(label, []).append(span)
        found = []
        for label in self._labels:
            reach = 0  # where the label's last match ended: its next one starts there or later
            for start, end in spans.get(label, ()):
                if start >= reach:
                    found.append((start, end, label, text[start:end], text[start:end]))
                    reach = end
        return found

    def _places(self, text: str) -> list[int]:
        """Every place in ``text`` where some label matches, in order, also inside a match.

        When every entry starts a word with a letter, a quick pattern (``_opener``) finds the
        words that begin like an entry, and the union is tried there only: a scan with the
        union tries all entries of a letter at every word, in any case, which costs more.
        """
        union = self._union(self._labels)
        opener = self._opener()
        if opener is None:
            places = []
            found = union.search(text)
            while found is not None:
                places.append(found.start())
                if found.start() == len(text):
                    break  # an empty match at the end: searching on would find it again
                found = union.search(text, found.start() + 1)
            return places
        places = [0] if union.match(text) else []  # no character before the first word
        for before in opener.finditer(text):
            if union.match(text, before.end()):
                places.append(before.end())
        return places

    def _opener(self) -> re.Pattern[str] | None:
        """A pattern that matches the character before each word that may start a match of
        the union: one that begins like an entry, in any case (``_heads``). Without
        ``re.IGNORECASE`` and starting with a character class, the engine skips from one
        such character to the next quickly. None if an entry does not start a word with a
        letter (or a compound's last word: ``_word_heads``), or has groups of its own.
        """
        if self._opener_pattern is None:
            regexes = [r for label in self._labels for r in self._regexes[label]]
            heads = [_word_heads(r[len(_LEFT) :]) for r in regexes if r.startswith(_LEFT)]
            if self._scannable and len(heads) == len(regexes) and all(heads):
                prefixes = trie(
                    (h for alternatives in heads for h in alternatives), piece=str, prefixes=True
                )
                self._opener_pattern = re.compile(rf"[^\w-](?={prefixes})")
            else:
                self._opener_pattern = False
        return self._opener_pattern or None

    def _every(self, first: str) -> tuple[tuple[str, ...], re.Pattern[str]]:
        """The labels that may match at a character whose lower case is ``first`` ("" for
        one outside ASCII: all labels), and a pattern that matches anywhere, its group i the
        match of the i-th of them there, if any (built once per first character).

        A label none of whose entries starts with that letter is left out: each lookahead
        tries the entries of a label, and there are many labels."""
        every = self._every_labels.get(first)
        if every is None:
            labels, lookaheads = [], []
            for label in self._labels:
                # at such a character the label's first entry that matches is one of these
                regexes = [r for r in self._regexes[label] if not first or _may_start(r, first)]
                if regexes:
                    labels.append(label)
                    lookaheads.append(f"(?=({_alternation(regexes)})|)")
            pattern = re.compile("".join(lookaheads), re.IGNORECASE)
            every = self._every_labels[first] = (tuple(labels), pattern)
        return every

    def search(self, text: str, label: str) -> Match | None:
        """The first match of ``label`` in ``text``."""
        matches = self.find(text, [label])
        return matches[0] if matches else None


#: Characters of a text from which ``Lexicon.find`` tries the labels only where the union
#: matches: in a shorter one (a clause) the one scan of the union mostly finds nothing.
_QUICK_FROM = 200
#: Letters of an entry the opener looks at (``Lexicon._opener``): enough to tell most words apart.
_OPENER_LETTERS = 4


def _or_not_ascii(letters: str) -> str:
    """A character class of ``letters`` and every character outside ASCII (``re.IGNORECASE``
    pairs more of them with a letter than ``str.lower`` does: "ſ" with "s", the Kelvin sign
    with "k"). Written as the ASCII characters it leaves out: a class with a range up to
    the last code point takes milliseconds to compile."""
    left_out = [code for code in range(128) if chr(code) not in letters]
    ranges: list[list[int]] = []
    for code in left_out:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[^" + "".join(rf"\x{a:02x}-\x{b:02x}" for a, b in ranges) + "]"


_NOT_ASCII = _or_not_ascii("")
_HYPHEN = "[-‑]"  # as ``_word_regex`` writes a hyphen
_ANY_START = r"\w*"  # as ``_word_regex`` writes the start of a compound ("*gespräch")
#: as ``_word_regex`` writes the parts before the last of a hyphenated compound ("*-gespräch")
_HYPHENATED_START = r"(?:\w+[-‑])*\w+"


def _heads(regex: str) -> list[list[str]]:
    """How a match of ``regex`` (compiled with ``re.IGNORECASE``) may begin, as sequences of
    character classes that hold at least what it matches: its first letters (none followed
    by a quantifier) and hyphens; none if ``regex`` does not start with a letter.

    The first letter comes in one sequence per case, and one for any character outside
    ASCII: an alternation of plain characters is one the engine tells apart quickly.
    """
    rest: list[str] = []
    i = 1
    while len(rest) < _OPENER_LETTERS - 1:
        if regex.startswith(_HYPHEN, i):
            rest.append(_HYPHEN)
            i += len(_HYPHEN)
            continue
        ch = regex[i : i + 1]
        if not ch.isalpha() or regex[i + 1 : i + 2] in ("?", "*", "+", "{"):
            break
        rest.append(_or_not_ascii(ch.lower() + ch.upper()) if ch.isascii() else _NOT_ASCII)
        i += 1
    first = regex[:1]
    if not first.isalpha() or regex[1:2] in ("?", "*", "+", "{"):
        return []
    cases = [first.lower(), first.upper()] if first.isascii() else []
    return [[case, *rest] for case in [*cases, _NOT_ASCII]]


def _word_heads(regex: str) -> list[list[str]]:
    """``_heads`` of an entry's regular expression after its word boundary, also of a
    compound's ("*gespräch": ``\\w*`` and then how "gespräch" begins; "*-gespräch": the parts
    before the last, a hyphen, and how "gespräch" begins)."""
    if regex.startswith(_ANY_START):
        return [[_ANY_START, *head] for head in _heads(regex[len(_ANY_START) :])]
    if regex.startswith(_HYPHENATED_START + _HYPHEN):
        rest = regex[len(_HYPHENATED_START) + len(_HYPHEN) :]
        return [[_HYPHENATED_START, _HYPHEN, *head] for head in _heads(rest)]
    return _heads(regex)


def _may_start(regex: str, first: str) -> bool:
    """Whether a match of ``regex`` (compiled with ``re.IGNORECASE``) may start with a
    character (of ASCII) whose lower case is ``first``: not if it starts with another ASCII
    letter (a letter outside ASCII may pair with one of ASCII in ``re.IGNORECASE``)."""
    letter = regex[len(_LEFT) :][:1] if regex.startswith(_LEFT) else ""
    plain = letter.isascii() and letter.isalpha()
    return (
        not plain or regex[len(_LEFT) + 1 :][:1] in ("?", "*", "+", "{") or letter.lower() == first
    )


def trie(
    sequences: Iterable[Sequence[str]],
    *,
    piece: Callable[[str], str] = re.escape,
    after_first: str = "",
    prefixes: bool = False,
) -> str:
    """One regular expression for ``sequences`` (words, or lists of regex pieces), factored by
    their common beginnings: no backtracking over hundreds of alternatives. Each element is
    written by ``piece`` (escaped, by default), ``after_first`` follows the first; branches
    follow in the elements' order, and one that may end early makes the rest optional, so the
    longest sequence matches (names, time words). With ``prefixes``, for where a match may
    start and not what it matches, a sequence that ends early ends its branch."""
    tree: dict[str, dict] = {}
    for sequence in sequences:
        node = tree
        for element in sequence:
            node = node.setdefault(element, {})
        node[""] = {}

    def walk(node: dict[str, dict], after: str = "") -> str:
        branches = [piece(e) + after + walk(child) for e, child in sorted(node.items()) if e]
        if not branches or (prefixes and "" in node):
            return ""  # with prefixes: a shorter sequence ends here, what follows need not match
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return walk(tree, after_first)


def _longest_first(found: list[Match]) -> list[Match]:
    """``found`` without overlaps, a longer match before a shorter one, then the earlier one
    (then the first label), in text order."""
    if len(found) > 1:
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Match] = []
    for m in found:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


#: A character that continues a word for the patterns' boundaries ("(?<![\\w-])", "(?![\\w])").
_WORDLIKE = re.compile(r"[\w\-\u2011]")


def sealed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands apart from its neighbours: the characters before and
    after it (if any) are no word characters or hyphens.

    A pattern whose only look beyond its match is one character (a word boundary) then sees
    at the span's edges what it sees at the edges of the span alone.
    """
    return (start == 0 or not _WORDLIKE.match(text, start - 1)) and (
        end >= len(text) or not _WORDLIKE.match(text, end)
    )


class Spans:
    """Spans of one text (its sentences: in order, not overlapping) that share the matches of
    a scan of the whole text (``spread``)."""

    def __init__(self, text: str, spans: Iterable[tuple[int, int]]) -> None:
        self.text = text
        self.spans = list(spans)
        self._starts = [a for a, _ in self.spans]
        self._sealed = [sealed(text, a, b) for a, b in self.spans]

    def spread(self, found: Iterable[tuple[int, int, str, str, str]]) -> list[list[Match] | None]:
        """The matches of a scan over the whole text (start, end, label, entry, text) as each
        span holds them, offsets into the span; None for a span to scan alone.

        For a pattern that looks at most one character beyond its match, a scan of the whole
        text finds in a sealed span (``sealed``) what a scan of the span alone finds, as long
        as no match reaches across the span's edge: such a match may hide one that starts
        inside the span, and in the span alone a shorter one may match where it starts.
        """
        spans = self.spans
        out: list[list[Match] | None] = [[] if ok else None for ok in self._sealed]
        for start, end, label, entry, printed in found:
            i = bisect.bisect_right(self._starts, start) - 1
            if i >= 0 and start < end <= spans[i][1]:
                bucket = out[i]
                if bucket is not None:
                    a = spans[i][0]
                    bucket.append(Match(start - a, end - a, label, entry, printed))
                continue
            # across an edge, between spans or empty: the spans it touches are scanned alone
            for j in range(max(i - 1, 0), len(spans)):
                a, b = spans[j]
                if a > end:
                    break
                if start <= b:
                    out[j] = None
        return out
