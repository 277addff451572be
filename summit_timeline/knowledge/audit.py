"""Which words of the knowledge a set of texts uses: a check that no entry exists only for the
sample reports.

``entries(knowledge)`` lists every word or phrase of the lexicons and gazetteers with a pattern
that finds it the way the pipeline reads it: lexicon syntax (endings, ``*``, ``...``) for the
event, actor and place words, whole lines for page chrome, whole words otherwise, names as
printed. ``used(texts, knowledge)`` says which of them occur in the texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .matching import entry_regex
from .model import Knowledge

#: Lexicon topics written in the lexicon syntax (see ``data/lexicons/de/events.yaml``).
_SYNTAX_TOPICS = ("events", "actors", "places")
#: Lexicon topics and keys that are settings, patterns or endings, not words of a text.
_NOT_WORDS = {
    "language",
    "boilerplate.chrome_patterns",
    "metadata.relative_patterns",
    "metadata.published_closings",
}
#: Gazetteer lists of names as printed.
_NAME_GAZETTEERS = ("people", "groups", "places", "agencies")


@dataclass(frozen=True)
class Entry:
    """One word or phrase of the knowledge, where it is, and how to find it in a text."""

    where: str  # "de/events" or "gazetteers/people"
    text: str
    pattern: re.Pattern[str]

    def __str__(self) -> str:
        return f"{self.where}: {self.text}"


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(key path, string) of every string key and value under ``value``."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else str(key)
            if isinstance(key, str):
                yield inner, key
            yield from _strings(item, inner)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item, path)
    elif isinstance(value, str):
        yield path, value


def _word(text: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in text.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", flags)


def entries(knowledge: Knowledge) -> list[Entry]:
    """Every word and phrase of the lexicons and name gazetteers, with its pattern."""
    found: dict[tuple[str, str], Entry] = {}
    for code in knowledge.languages:
        lang = knowledge.language(code)
        for topic, content in lang.lexicons.items():
            for path, text in _strings(content):
                key = f"{topic}.{path.split('.')[0]}"
                if topic in _NOT_WORDS or key in _NOT_WORDS or len(text.strip("*=. ")) < 2:
                    continue
                if topic in _SYNTAX_TOPICS:
                    pattern = re.compile(entry_regex(text, lang), re.IGNORECASE)
                elif key == "boilerplate.chrome_lines":
                    pattern = re.compile(rf"^\W*{re.escape(text)}\W*$", re.IGNORECASE | re.M)
                else:
                    pattern = _word(text)
                found.setdefault((f"{code}/{topic}", text), Entry(f"{code}/{topic}", text, pattern))
    for name in _NAME_GAZETTEERS:
        for _, text in _strings(knowledge.gazetteer(name)):
            if len(text) >= 2 and not text.islower():
                where = f"gazetteers/{name}"
                found.setdefault((where, text), Entry(where, text, _word(text, 0)))
    return list(found.values())


def used(texts: Iterable[str], knowledge: Knowledge) -> list[Entry]:
    """The entries that occur in any of ``texts``."""
    texts = list(texts)
    return [e for e in entries(knowledge) if any(e.pattern.search(t) for t in texts)]
