"""Actors: people, offices and groups named in a sentence, resolved to canonical names.

Sources, in order of trust: the people gazetteer (names and spellings in any language, with
genitive endings), office titles resolved to the holder on the report's date ("der
US-Präsident" is Trump in 2025, Biden in 2021), groups ("Nato-Partner"), and titled names that
no gazetteer knows ("Außenminister Sergej Lawrow", "Secretary of State Mike Pompeo", "Kirill
Dmitriev, a Kremlin envoy"), whose surname is transliterated by the title's country. Pronouns and
words for "both" are returned unresolved for the discourse step in ``events.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .matching import Lexicon, lexicon_matcher
from .resources import gazetteer, lexicon

ActorKind = Literal["person", "group", "office", "titled", "pronoun", "joint"]

_CAP_WORD = r"[A-ZÄÖÜÁÉÍÓÚČŠŽŁ][\w'’.-]*"
_NAME_AFTER = re.compile(rf"\s+((?:{_CAP_WORD}\s+){{1,2}}{_CAP_WORD})")
_NAME_BEFORE_APPOSITION = re.compile(
    rf"((?:{_CAP_WORD}\s+){{1,2}}{_CAP_WORD}),\s+(?:\w+\s+){{0,4}}$"
)


def _trim_name(printed: str) -> str:
    """A name without the sentence's final period (an initial such as "J." keeps its own)."""
    printed = printed.strip()
    while printed.endswith(".") and not re.search(r"(?:^|\s)\w\.$", printed):
        printed = printed[:-1]
    return printed


@dataclass(frozen=True)
class ActorMention:
    """A reference to an actor in a text: ``name`` is canonical, or None for pronouns/joint."""

    start: int
    end: int
    name: str | None
    kind: ActorKind
    country: str | None
    text: str


@dataclass(frozen=True)
class _Gazetteers:
    people: dict[str, str]  # printed name -> canonical
    countries: dict[str, str]  # canonical -> country
    surnames: dict[str, str]  # last word of a full name -> canonical
    people_regex: re.Pattern[str]
    groups: dict[str, str]
    groups_regex: re.Pattern[str]
    offices: dict[str, dict]


@cache
def _gazetteers() -> _Gazetteers:
    people: dict[str, str] = {}
    countries: dict[str, str] = {}
    surnames: dict[str, str] = {}
    for canonical, entry in (gazetteer("people") or {}).items():
        countries[canonical] = entry.get("country")
        for name in [canonical, *entry.get("names", [])]:
            people[name] = canonical
            surnames.setdefault(name.split()[-1], canonical)
    names = sorted(people, key=len, reverse=True)
    people_regex = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?:s|'s|’s|'|’)?(?![\w])"
    )
    groups: dict[str, str] = {}
    for canonical, entry in (gazetteer("groups") or {}).items():
        for name in entry.get("names", []) or []:
            groups[name] = canonical
    group_names = sorted(groups, key=len, reverse=True)
    groups_regex = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(n) for n in group_names) + r")(?:-\w+|s)?(?![\w])"
    )
    return _Gazetteers(
        people, countries, surnames, people_regex, groups, groups_regex, gazetteer("offices") or {}
    )


def office_holder(office: str, on: dt.date | None) -> str | None:
    """Who held ``office`` on ``on`` (the latest holder if ``on`` is None)."""
    entry = _gazetteers().offices.get(office)
    if not entry:
        return None
    holders = entry.get("holders", [])
    if on is None:
        return holders[-1]["name"] if holders else None
    for holder in holders:
        start = holder.get("from")
        end = holder.get("to")
        if (start is None or start <= on) and (end is None or on < end):
            return holder["name"]
    return None


@cache
def _transliteration(language: str) -> dict[str, list[tuple[str, str]]]:
    table = (gazetteer("transliteration") or {}).get(language) or {}
    return {country: [(a, b) for a, b in rules] for country, rules in table.items()}


def transliterate(name: str, *, language: str, country: str | None) -> str:
    """``name`` in the table's spelling, by the conventions of ``language`` for ``country``."""
    rules = _transliteration(language).get(country or "", [])
    for source, target in rules:
        if source.endswith("$"):
            if name.endswith(source[:-1]):
                name = name[: -len(source) + 1] + target
        else:
            name = name.replace(source, target)
    return name


@cache
def _matchers(language: str) -> tuple[Lexicon, Lexicon, Lexicon, dict[str, str], set[str]]:
    words = lexicon(language, "actors")
    offices = lexicon_matcher(language, "actors", "office_titles")
    titles = lexicon_matcher(language, "actors", "person_titles")
    joint = lexicon_matcher(language, "events", "joint")
    nationality = {str(k): v for k, v in (words.get("nationality") or {}).items()}
    pronouns = {p.lower() for p in words.get("pronouns", [])}
    return offices, titles, joint, nationality, pronouns


class ActorFinder:
    """Finds actors in the sentences of one report; remembers names it learned from titles."""

    def __init__(self, language: str, *, on: dt.date | None = None) -> None:
        self.language = language
        self.on = on
        self.known: dict[
            str, tuple[str, str | None]
        ] = {}  # surname as printed -> (canonical, country)
        (
            self._offices,
            self._titles,
            self._joint,
            self._nationality,
            self._pronouns,
        ) = _matchers(language)
        words = lexicon(language, "actors")
        self._object_preps = {w.lower() for w in words.get("object_prepositions", [])}
        # nationality words are prefixes ("russisch" in "russischen"): one pattern, longest first
        self._nationality_lower = {k.lower(): v for k, v in self._nationality.items()}
        keys = sorted(self._nationality, key=len, reverse=True)
        self._nationality_regex = re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(k) for k in keys) + ")", re.IGNORECASE
        )
        self._articles = {w.lower() for w in words.get("apposition_articles", [])}
        self._pronoun_regex = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(p) for p in self._pronouns) + r")(?![\w-])",
            re.IGNORECASE,
        )

    def country_of(self, name: str) -> str | None:
        """The country of a canonical name found so far (gazetteer or learned from a title)."""
        g = _gazetteers()
        if name in g.countries:
            return g.countries[name]
        for canonical, country in self.known.values():
            if canonical == name:
                return country
        return None

    # -- helpers -----------------------------------------------------------------------------
    def _country_of_word(self, word: str) -> str | None:
        return self._nationality_lower.get(word.lower())

    def _country_before(self, text: str, start: int) -> str | None:
        window = text[max(0, start - 60) : start]
        best: tuple[int, str | None] | None = None
        for m in self._nationality_regex.finditer(window):
            best = (m.start(), self._country_of_word(m.group()))
        g = _gazetteers()
        for m in g.people_regex.finditer(window):
            canonical = g.people[m.group(1)]
            if best is None or m.start() > best[0]:
                best = (m.start(), g.countries.get(canonical))
        return best[1] if best else None

    def _title_country(self, text: str, title_start: int, title_end: int) -> str | None:
        m = self._nationality_regex.match(text[title_start:title_end])
        if m:
            return self._country_of_word(m.group())
        return self._country_before(text, title_start)

    def _resolve_name(self, printed: str, country: str | None) -> tuple[str, str | None]:
        g = _gazetteers()
        if printed in g.people:
            canonical = g.people[printed]
            return canonical, g.countries.get(canonical)
        surname = printed.split()[-1]
        if surname in g.surnames:
            canonical = g.surnames[surname]
            return canonical, g.countries.get(canonical)
        canonical = transliterate(surname, language=self.language, country=country)
        return canonical, country

    def is_object(self, text: str, start: int) -> bool:
        """Whether the word at ``start`` follows an object preposition ("an Trump", "with Kim")."""
        before = text[:start].split()
        # skip an article or title word directly before the name
        for word in reversed(before[-3:]):
            if word.lower() in self._object_preps:
                return True
            if word[:1].isupper() or word.lower() in self._articles:
                continue
            return False
        return False

    # -- main --------------------------------------------------------------------------------
    def find(self, text: str) -> list[ActorMention]:
        """Actor mentions in ``text``, in order, not overlapping."""
        g = _gazetteers()
        found: list[ActorMention] = []

        def taken(start: int, end: int) -> bool:
            return any(not (end <= f.start or start >= f.end) for f in found)

        # 1. titled names (title + Firstname Lastname), so the title's country guides spelling
        for m in self._titles.find(text):
            after = _NAME_AFTER.match(text, m.end)
            if not after:
                continue
            printed = _trim_name(after.group(1))
            if printed in g.people or printed.split()[-1] in g.surnames:
                continue  # a known person: step 2 finds it
            if any(w.rstrip(".") in self._nationality for w in printed.split()):
                continue
            country = self._title_country(text, m.start, m.end)
            canonical, country = self._resolve_name(printed, country)
            self.known[printed.split()[-1]] = (canonical, country)
            found.append(
                ActorMention(
                    after.start(1),
                    after.start(1) + len(printed),
                    canonical,
                    "titled",
                    country,
                    printed,
                )
            )
        # 1b. "Kirill Dmitriev, a Kremlin envoy": a name followed by an apposition with a title
        for m in self._titles.find(text):
            head = _NAME_BEFORE_APPOSITION.search(text[: m.start])
            if not head or taken(head.start(1), head.end(1)):
                continue
            opener = text[head.end(1) : m.start].strip(" ,").split()
            if not opener or opener[0].lower() not in self._articles:
                continue
            printed = _trim_name(head.group(1))
            if printed in g.people or printed.split()[-1] in g.surnames:
                continue
            country = self._title_country(text, m.start, m.end)
            canonical, country = self._resolve_name(printed, country)
            self.known[printed.split()[-1]] = (canonical, country)
            found.append(
                ActorMention(head.start(1), head.end(1), canonical, "titled", country, printed)
            )
        # 2. gazetteer people
        for m in g.people_regex.finditer(text):
            if taken(m.start(), m.end()):
                continue
            canonical = g.people[m.group(1)]
            found.append(
                ActorMention(
                    m.start(), m.end(), canonical, "person", g.countries.get(canonical), m.group()
                )
            )
        # 3. surnames learned earlier in this report
        if self.known:
            regex = re.compile(
                r"(?<![\w-])("
                + "|".join(re.escape(k) for k in sorted(self.known, key=len, reverse=True))
                + r")(?:s|'s|’s)?(?![\w])"
            )
            for m in regex.finditer(text):
                if taken(m.start(), m.end()):
                    continue
                canonical, country = self.known[m.group(1)]
                found.append(
                    ActorMention(m.start(), m.end(), canonical, "titled", country, m.group())
                )
        # 4. office titles resolved by date (a title directly before a name was handled above)
        for m in self._offices.find(text):
            if taken(m.start, m.end):
                continue
            after = _NAME_AFTER.match(text, m.end)
            if after and any(f.start == after.start(1) for f in found):
                continue
            if after and taken(after.start(1), after.end(1)):
                continue
            holder = office_holder(m.label, self.on)
            if holder:
                country = (g.offices.get(m.label) or {}).get("country")
                found.append(ActorMention(m.start, m.end, holder, "office", country, m.text))
        # 5. groups
        for m in g.groups_regex.finditer(text):
            if not taken(m.start(), m.end()):
                found.append(
                    ActorMention(m.start(), m.end(), g.groups[m.group(1)], "group", None, m.group())
                )
        # 6. words for both principals, and pronouns
        for m in self._joint.find(text):
            if not taken(m.start, m.end):
                found.append(ActorMention(m.start, m.end, None, "joint", None, m.text))
        for m in self._pronoun_regex.finditer(text):
            if not taken(m.start(), m.end()):
                found.append(ActorMention(m.start(), m.end(), None, "pronoun", None, m.group()))
        found.sort(key=lambda a: a.start)
        return found
