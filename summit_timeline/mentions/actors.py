"""Actors: people, offices and groups named in a sentence, resolved to canonical names.

Sources, in order of trust: the people gazetteer (names and spellings in any language, with
genitive endings), office titles resolved to the holder on the report's date ("der
US-Präsident" is Trump in 2025, Biden in 2021), groups ("Nato-Partner"), and titled names that
no gazetteer knows ("Außenminister Sergej Lawrow", "Secretary of State Mike Pompeo", "Kirill
Dmitriev, a Kremlin envoy"), whose surname is transliterated by the title's country. Pronouns and
words for "both" are returned unresolved for the discourse step in ``events.py``. Names end in
the language's genitive endings (``language.yaml``: "Putins", "Putin's").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..knowledge import Knowledge, LanguageKnowledge
from ..knowledge.matching import UPPER, Lexicon

ActorKind = Literal["person", "group", "office", "titled", "pronoun", "joint"]

_CAP_WORD = rf"{UPPER}[\w'’.-]*"
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


def _endings(suffixes: Iterable[str]) -> str:
    """An optional group of name endings, longest first ("'s" before "'")."""
    forms = sorted({str(s) for s in suffixes}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")?" if forms else ""


def _all_genitives(knowledge: Knowledge) -> list[str]:
    """The genitive endings of every language: names are printed in any language's text."""
    return [
        suffix
        for code in knowledge.languages
        for suffix in knowledge.language(code).settings.get("genitive_suffixes") or ()
    ]


@dataclass(frozen=True)
class Gazetteers:
    """The people, groups and offices gazetteers, compiled (``gazetteers_for``)."""

    people: dict[str, str]  # printed name -> canonical
    countries: dict[str, str]  # canonical -> country
    surnames: dict[str, str]  # last word of a full name -> canonical
    people_regex: re.Pattern[str]
    groups: dict[str, str]
    groups_regex: re.Pattern[str]
    offices: dict[str, dict]
    genitive: str

    def office_holder(self, office: str, on: dt.date | None) -> str | None:
        """Who held ``office`` on ``on`` (the latest holder if ``on`` is None)."""
        return office_holder(self.offices.get(office), on)


def _compile_gazetteers(knowledge: Knowledge) -> Gazetteers:
    people: dict[str, str] = {}
    countries: dict[str, str] = {}
    surnames: dict[str, str] = {}
    for canonical, entry in (knowledge.gazetteer("people") or {}).items():
        countries[canonical] = entry.get("country")
        for name in [canonical, *entry.get("names", [])]:
            people[name] = canonical
            surnames.setdefault(name.split()[-1], canonical)
    genitive = _endings(_all_genitives(knowledge))
    names = sorted(people, key=len, reverse=True)
    people_regex = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + rf"){genitive}(?![\w])"
    )
    groups: dict[str, str] = {}
    for canonical, entry in (knowledge.gazetteer("groups") or {}).items():
        for name in entry.get("names", []) or []:
            groups[name] = canonical
    group_names = sorted(groups, key=len, reverse=True)
    # a group's name may start a compound ("Nato-Partner") or take a plural ending
    groups_regex = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(n) for n in group_names) + r")(?:-\w+|s)?(?![\w])"
    )
    return Gazetteers(
        people,
        countries,
        surnames,
        people_regex,
        groups,
        groups_regex,
        dict(knowledge.gazetteer("offices") or {}),
        genitive,
    )


def gazetteers_for(knowledge: Knowledge) -> Gazetteers:
    """The compiled gazetteers of ``knowledge`` (built once per knowledge object)."""
    return knowledge.compiled(_compile_gazetteers)


def office_holder(entry: dict | None, on: dt.date | None) -> str | None:
    """Who held the office of gazetteer ``entry`` on ``on`` (the latest holder if None)."""
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


def transliterate(name: str, *, language: LanguageKnowledge, country: str | None) -> str:
    """``name`` in the table's spelling, by the conventions of ``language`` for ``country``."""
    table = (language.knowledge.gazetteer("transliteration") or {}).get(language.code) or {}
    rules = table.get(country or "", ())
    for source, target in rules:
        if source.endswith("$"):
            if name.endswith(source[:-1]):
                name = name[: -len(source) + 1] + target
        else:
            name = name.replace(source, target)
    return name


@dataclass(frozen=True)
class _ActorWords:
    offices: Lexicon
    titles: Lexicon
    joint: Lexicon
    nationality: dict[str, str]
    nationality_lower: dict[str, str]
    nationality_regex: re.Pattern[str]
    pronoun_regex: re.Pattern[str]
    object_preps: frozenset[str]
    articles: frozenset[str]


def _compile_actor_words(lang: LanguageKnowledge) -> _ActorWords:
    words = lang.lexicon("actors")
    nationality = {str(k): v for k, v in (words.get("nationality") or {}).items()}
    pronouns = {p.lower() for p in words.get("pronouns", [])}
    # nationality words are prefixes ("russisch" in "russischen"): one pattern, longest first
    keys = sorted(nationality, key=len, reverse=True)
    return _ActorWords(
        offices=lang.matcher("actors", "office_titles"),
        titles=lang.matcher("actors", "person_titles"),
        joint=lang.matcher("events", "joint"),
        nationality=nationality,
        nationality_lower={k.lower(): v for k, v in nationality.items()},
        nationality_regex=re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(k) for k in keys) + ")", re.IGNORECASE
        ),
        pronoun_regex=re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(p) for p in pronouns) + r")(?![\w-])",
            re.IGNORECASE,
        ),
        object_preps=frozenset(w.lower() for w in words.get("object_prepositions", [])),
        articles=frozenset(w.lower() for w in words.get("apposition_articles", [])),
    )


class ActorFinder:
    """Finds actors in the sentences of one report; remembers names it learned from titles."""

    def __init__(self, language: LanguageKnowledge, *, on: dt.date | None = None) -> None:
        self.language = language
        self.on = on
        self.known: dict[
            str, tuple[str, str | None]
        ] = {}  # surname as printed -> (canonical, country)
        self._g = gazetteers_for(language.knowledge)
        w = language.compiled(_compile_actor_words)
        self._offices, self._titles, self._joint = w.offices, w.titles, w.joint
        self._nationality = w.nationality
        self._nationality_lower = w.nationality_lower
        self._nationality_regex = w.nationality_regex
        self._pronoun_regex = w.pronoun_regex
        self._object_preps = w.object_preps
        self._articles = w.articles

    def country_of(self, name: str) -> str | None:
        """The country of a canonical name found so far (gazetteer or learned from a title)."""
        g = self._g
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
        g = self._g
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
        g = self._g
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
        g = self._g
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
                + rf"){g.genitive}(?![\w])"
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
            holder = g.office_holder(m.label, self.on)
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
