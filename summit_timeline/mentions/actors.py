"""Actors: people, offices and groups named in a sentence, resolved to canonical names.

Sources, in the order ``ActorFinder.find`` takes them: titled names that no gazetteer knows
("Außenminister Sergej Lawrow", "Secretary of State Mike Pompeo", "Kirill Dmitriev, a Kremlin
envoy"), whose surname is transliterated by the title's country and remembered for the rest of
the report; the people gazetteer (names and spellings in any language, with genitive endings);
office titles resolved to the holder on the report's date ("der US-Präsident" is Trump in 2025,
Biden in 2021); a counterpart named by nationality alone ("his French counterpart", "seinen
russischen Amtskollegen"), the holder of that country's office matching the office of the person
before it (``roles`` in offices.yaml); groups ("Nato-Partner"). Pronouns and words for "both"
are returned unresolved for the discourse step (``discourse.py``). Names end in the language's
genitive endings (``language.yaml``: "Putins", "Putin's").

``ActorFinder.find_sentences`` finds the actors of all sentences of a report with one scan of
its text per pattern, which is what ``find`` on each sentence in turn finds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from ..knowledge import Knowledge, LanguageKnowledge
from ..knowledge.matching import UPPER, Lexicon, Match, Spans, trie

ActorKind = Literal["person", "group", "office", "titled", "pronoun", "joint"]
#: A match of a plain pattern: (start, end, label, entry, text) as in ``matching.Match``.
_Hit = tuple[int, int, str, str, str]

#: A capitalised word; a word ends in no hyphen ("POUTINE-----" is Poutine and a rule).
_CAP_WORD = rf"{UPPER}(?:[\w'’.-]*[\w'’.])?"
#: After a word's first character: the character before it is no word character or hyphen.
#: The same as ``(?<![\w-])`` before it, but a pattern that starts with its first character
#: lets the engine skip to the characters that can begin a match, not try every position.
_BEGUN = r"(?<![\w-].)"
#: The same for a person's name, which may also follow a hyphen: the second of a pair
#: ("Trump-Putin-Gipfel", "the Modi-Scholz talks"; ``ActorFinder._person_hit`` keeps it only
#: after another person's name).
_BEGUN_PERSON = r"(?<!\w.)"
#: Letters a surname needs to be looked up in another spelling (short names collide).
_FOLDED_MIN = 5
#: Capitalised words long enough to be a surname in another spelling (shorter ones never are).
_CAPITALISED = re.compile(rf"{UPPER}{_BEGUN}\w{{{_FOLDED_MIN - 1},}}")
#: The word that ends where a search ends.
_WORD_BEFORE = re.compile(r"[\w'’]+$")
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
        str(suffix)
        for code in knowledge.languages
        for suffix in knowledge.language(code).settings.get("genitive_suffixes") or ()
    ]


def genitive_endings(knowledge: Knowledge) -> tuple[str, ...]:
    """The endings a name may carry in the genitive ("Putins", "Trump's"), as names are found
    (``_all_genitives``), built once per knowledge object."""
    return knowledge.compiled(_genitive_tuple)


def _genitive_tuple(knowledge: Knowledge) -> tuple[str, ...]:
    return tuple(_all_genitives(knowledge))


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
    folds: tuple[tuple[str, str], ...] = ()
    folded: dict[str, str] = field(default_factory=dict)  # folded surname -> canonical
    # names that do not begin with a capital ("al-Sisi", "von der Leyen"), and the people
    # pattern without them (``people_in``)
    uncapitalised: tuple[str, ...] = ()
    capitalised_regex: re.Pattern[str] | None = None
    # countries whose people are named family name first (spellings.yaml, family_first)
    family_first: frozenset[str] = frozenset()
    # canonical names matched alone only once the report printed a full name (spellings.yaml,
    # not_alone: "Hu" after "Hu Jintao")
    after_full: frozenset[str] = frozenset()
    # a leader's spouse -> the leader (people.yaml, spouse_of)
    spouses: dict[str, str] = field(default_factory=dict)
    # a leader with a listed spouse, and the spouse -> the first words of their full names
    # ("Donald" of Trump, "Jill" of Jill Biden)
    first_names: dict[str, frozenset[str]] = field(default_factory=dict)
    # a leader -> the listed spouse (people.yaml, spouse_of)
    partners: dict[str, str] = field(default_factory=dict)
    # a person -> the day they died (people.yaml, died)
    died: dict[str, dt.date] = field(default_factory=dict)

    def people_in(self, text: str) -> re.Pattern[str]:
        """The people pattern to scan ``text`` with: without the names that begin in lower
        case if ``text`` holds none of them (a case-sensitive name matches only where it is
        written), as such a name makes the engine try every "a", "e" or "v"."""
        if self.capitalised_regex is None or any(n in text for n in self.uncapitalised):
            return self.people_regex
        return self.capitalised_regex

    def fold(self, name: str) -> str:
        """``name`` lower-cased with the spelling folds applied ("Selenski" ~ "Selenskyj")."""
        name = name.lower()
        for source, target in self.folds:
            name = name.replace(source, target)
        return name

    def office_holder(self, office: str, on: dt.date | None) -> str | None:
        """Who held ``office`` on ``on`` (the latest holder if ``on`` is None)."""
        return office_holder(self.offices.get(office), on)


#: A middle initial with its period inside a name ("Michael D. Higgins").
_BARE_INITIAL = re.compile(r"(?<= )([A-Z])\. (?=[A-Z])")


def _compile_gazetteers(knowledge: Knowledge) -> Gazetteers:
    people: dict[str, str] = {}
    countries: dict[str, str] = {}
    surnames: dict[str, str] = {}
    # a surname that is a common word is not looked up in other spellings ("Herzog", "Costa");
    # a canonical name among them is matched alone only after a full name ("Hu" after "Hu Jintao")
    spellings = knowledge.gazetteer("spellings")
    not_alone = set(spellings.get("not_alone") or ())
    after_full: set[str] = set()
    spouses: dict[str, str] = {}
    died: dict[str, dt.date] = {}
    for canonical, entry in (knowledge.gazetteer("people") or {}).items():
        countries[canonical] = entry.get("country")
        if isinstance(entry.get("died"), dt.date):
            died[canonical] = entry["died"]
        if entry.get("spouse_of"):
            spouses[canonical] = str(entry["spouse_of"])
        names = entry.get("names", [])
        if canonical in not_alone and canonical not in names:
            after_full.add(canonical)
        else:
            names = [canonical, *names]
        # a middle initial is printed with its period or without ("Michael D Higgins")
        names = [*names, *(_BARE_INITIAL.sub(r"\1 ", n) for n in names if _BARE_INITIAL.search(n))]
        for name in names:
            people[name] = canonical
            if name.split()[-1] not in not_alone:  # "Rajnath Singh" is not Manmohan Singh
                surnames.setdefault(name.split()[-1], canonical)
    genitive = _endings(_all_genitives(knowledge))
    names = sorted(people, key=len, reverse=True)
    people_regex = re.compile(
        "(" + trie(names, after_first=_BEGUN_PERSON) + rf"){genitive}(?![\w])"
    )
    capitalised = [n for n in names if n[:1].isupper()]
    capitalised_regex = re.compile(
        "(" + trie(capitalised, after_first=_BEGUN_PERSON) + rf"){genitive}(?![\w])"
    )
    groups: dict[str, str] = {}
    for canonical, entry in (knowledge.gazetteer("groups") or {}).items():
        for name in entry.get("names", []) or []:
            groups[name] = canonical
    group_names = sorted(groups, key=len, reverse=True)
    # a group's name may start a compound ("Nato-Partner") or take a plural ending
    groups_regex = re.compile(
        "("
        + "|".join(re.escape(n[0]) + _BEGUN + re.escape(n[1:]) for n in group_names)
        + r")(?:-\w+|s)?(?![\w])"
    )
    folds = tuple((str(a), str(b)) for a, b in spellings["folds"] or ())
    found = Gazetteers(
        people,
        countries,
        surnames,
        people_regex,
        groups,
        groups_regex,
        dict(knowledge.gazetteer("offices") or {}),
        genitive,
        folds,
        uncapitalised=tuple(n for n in names if not n[:1].isupper()),
        capitalised_regex=capitalised_regex,
        family_first=frozenset(spellings.get("family_first") or ()),
        after_full=frozenset(after_full),
        spouses=spouses,
        partners={leader: spouse for spouse, leader in spouses.items()},
        died=died,
        first_names={
            canonical: frozenset(n.split()[0] for n in [canonical, *entry.get("names", [])])
            for canonical, entry in (knowledge.gazetteer("people") or {}).items()
            if canonical in spouses.values() or canonical in spouses
        },
    )
    for surname, canonical in surnames.items():
        if len(surname) >= _FOLDED_MIN and surname not in not_alone:
            found.folded.setdefault(found.fold(surname), canonical)
    return found


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


def first_in_office(knowledge: Knowledge) -> dict[str, dt.date]:
    """The day each holder of an office in the offices gazetteer first took one (for
    ``knowledge.compiled``)."""
    first: dict[str, dt.date] = {}
    for entry in (knowledge.gazetteer("offices") or {}).values():
        for holder in entry.get("holders") or ():
            start, name = holder.get("from"), holder["name"]
            if isinstance(start, dt.date) and (name not in first or start < first[name]):
                first[name] = start
    return first


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
    counterparts: Lexicon
    spouses: Lexicon
    roles: Lexicon
    inflection: tuple[str, ...]
    nationality: dict[str, str]
    nationality_lower: dict[str, str]
    nationality_regex: re.Pattern[str]
    pronoun_regex: re.Pattern[str]
    object_preps: frozenset[str]
    articles: frozenset[str]
    couple_articles: frozenset[str]  # before a surname in the plural: the couple ("the Macrons")
    time_words: frozenset[str]  # months and weekdays: never part of a name ("Ende Februar")
    # words that open a phrase, not a name ("At Farmleigh, the president", "On Sunday, the
    # president"): prepositions, articles (lexicon keys object_prepositions, apposition_articles,
    # phrase_openers)
    openers: frozenset[str]
    genitive: tuple[str, ...]
    # a capitalised word and a coordinator ending where a search ends ("Donald & ")
    couple_regex: re.Pattern[str]
    # capitalised word -> the listed person it is in another spelling, or None (``_folded``):
    # words repeat across reports, folding them is the dearest part of that step
    folded: dict[str, str | None] = field(default_factory=dict)


def _compile_actor_words(lang: LanguageKnowledge) -> _ActorWords:
    words = lang.lexicon("actors")
    nationality = {str(k): v for k, v in (words.get("nationality") or {}).items()}
    pronouns = {p.lower() for p in words.get("pronouns", [])}
    # nationality words are prefixes where the language joins words into compounds
    # ("russisch" in "russischen", "Kreml" in "Kremlsprecher"), elsewhere whole words with an
    # ending at most ("Americans", not "Indiana"), and keep their capital where the language
    # writes them with one ("Polish", not "polished"); one pattern, longest first. An
    # abbreviation in capitals takes no ending and keeps its case ("US-Präsident", not the "Us"
    # of "Uschakow").
    keys = sorted(nationality, key=len, reverse=True)
    ending = ""
    if not lang.settings.get("compounds", True):
        suffixes = lang.settings.get("inflection_suffixes") or ()
        ending = rf"(?=(?:{'|'.join(re.escape(str(e)) for e in suffixes)})?(?![^\W\d_]))"
    cased = lang.settings.get("capitalised_nationalities", False)
    forms = [
        rf"(?-i:{re.escape(k)})(?![^\W\d_])"
        if k.upper() == k
        else (rf"(?-i:{re.escape(k)})" if cased else re.escape(k)) + ending
        for k in keys
    ]
    return _ActorWords(
        offices=lang.matcher("actors", "office_titles"),
        titles=lang.matcher("actors", "person_titles"),
        joint=lang.matcher("events", "joint"),
        counterparts=lang.matcher("actors", "counterpart_titles"),
        spouses=lang.matcher("actors", "spouse_titles"),
        roles=lang.matcher("actors", "role_titles"),
        inflection=tuple(str(e) for e in lang.settings.get("inflection_suffixes") or ()),
        nationality=nationality,
        nationality_lower={k.lower(): v for k, v in nationality.items()},
        nationality_regex=re.compile(r"(?<![\w])(?:" + "|".join(forms) + ")", re.IGNORECASE),
        pronoun_regex=re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(p) for p in pronouns) + r")(?![\w-])",
            re.IGNORECASE,
        ),
        object_preps=frozenset(w.lower() for w in words.get("object_prepositions", [])),
        articles=frozenset(w.lower() for w in words.get("apposition_articles", [])),
        couple_articles=frozenset(w.lower() for w in words.get("couple_articles") or []),
        openers=frozenset(
            str(w).lower()
            for key in ("object_prepositions", "apposition_articles", "phrase_openers")
            for w in words.get(key) or ()
        ),
        time_words=frozenset(
            str(name).rstrip(".")
            for key in ("months", "weekdays")
            for names in (lang.time.get(key) or {}).values()
            for name in names
        ),
        genitive=tuple(sorted(lang.settings.get("genitive_suffixes") or (), key=len, reverse=True)),
        couple_regex=re.compile(
            rf"(?<![\w-])({_CAP_WORD})\s+(?:&|"
            + "|".join(re.escape(str(c)) for c in lang.settings.get("coordinators") or ())
            + r")\s+$"
        ),
    )


def nationality_of(word: str, language: LanguageKnowledge) -> str | None:
    """The country code of a nationality word ("russischen": RU): the longest listed
    nationality it begins with, as titles are read."""
    words = language.compiled(_compile_actor_words)
    m = words.nationality_regex.match(word)
    return words.nationality_lower.get(m.group().lower()) if m else None


def name_articles(language: LanguageKnowledge) -> frozenset[str]:
    """The language's articles and possessives before a name, lower case (lexicon key
    ``apposition_articles``: "the", "des")."""
    return language.compiled(_compile_actor_words).articles


#: Kinds of actor mention that name a person: by name, by title and name, or by an office (a
#: role title looks back to the last of them; a list of people is made of them).
PERSON_KINDS = frozenset({"person", "titled", "office"})


def _overlaps(found: list[ActorMention], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a mention already found."""
    return any(not (end <= f.start or start >= f.end) for f in found)


#: Words remembered with their folded person (``_ActorWords.folded``) before starting afresh.
_FOLDED_MEMORY = 100_000


class _Scan(NamedTuple):
    """What the patterns of ``ActorFinder.find`` match in one sentence, offsets into it."""

    titles: list[Match]
    people: list[Match]  # label: the canonical name; entry: the name as listed
    folded: list[Match]  # capitalised words of a listed person; label: the canonical name
    offices: list[Match]
    groups: list[Match]  # label: the canonical group
    joint: list[Match]
    pronouns: list[Match]
    counterparts: list[Match]
    spouses: list[Match]
    roles: list[Match]  # label: an office role of offices.yaml ("the prime minister")


class ActorFinder:
    """Finds actors in the sentences of one report; remembers names it learned from titles."""

    def __init__(
        self, language: LanguageKnowledge, *, on: dt.date | None = None, text: str = ""
    ) -> None:
        self.language = language
        self.on = on
        # surname as printed -> (canonical, country), learned from titled names in this report
        self.known: dict[str, tuple[str, str | None]] = {}
        self._learned: dict[tuple[str, ...], re.Pattern[str]] = {}  # surnames -> pattern
        # the people named so far in the report, each once, the one named last at the end (for
        # "the prime minister" alone; a dict keeps the look-back as long as the people, not the
        # report)
        self._seen: dict[str, None] = {}
        self._holds: dict[tuple[str, str], bool] = {}  # (name, role) -> ``_holds_only``
        self._g = gazetteers_for(language.knowledge)
        self._words = language.compiled(_compile_actor_words)
        # a report without a date: the people it names, whose office its titles may mean
        self.named: frozenset[str] = frozenset()
        if on is None and text:
            people = self._g.people
            self.named = frozenset(people[m.group(1)] for m in self._g.people_regex.finditer(text))

    def country_of(self, name: str) -> str | None:
        """The country of a canonical name found so far (gazetteer or learned from a title)."""
        g = self._g
        if name in g.countries:
            return g.countries[name]
        for canonical, country in self.known.values():
            if canonical == name:
                return country
        return None

    def is_object(self, text: str, start: int) -> bool:
        """Whether the word at ``start`` follows an object preposition ("an Trump", "with Kim")."""
        before = text[:start].split()
        # skip an article or title word directly before the name
        for word in reversed(before[-3:]):
            if word.lower() in self._words.object_preps:
                return True
            if word[:1].isupper() or word.lower() in self._words.articles:
                continue
            return False
        return False

    def find(self, text: str) -> list[ActorMention]:
        """Actor mentions in ``text``, in order, not overlapping."""
        return self._find(text, self._scan(text))

    def find_sentences(
        self, text: str, spans: Sequence[tuple[int, int]]
    ) -> list[list[ActorMention]]:
        """Actor mentions of each of ``spans`` of ``text`` (its sentences, in order), offsets
        into the span: what ``find`` on each sentence's text in turn returns.

        Each pattern scans the whole text once and its matches are given to the sentences
        that hold them (``matching.Spans``): a scan per sentence and pattern cost more than
        finding the actors. A sentence the whole scan may see differently is scanned alone.
        """
        shared = Spans(text, spans)
        scans = self._scans(shared)
        return [
            self._find(text[a:b], scan) for (a, b), scan in zip(shared.spans, scans, strict=True)
        ]

    def _find(self, text: str, scan: _Scan) -> list[ActorMention]:
        """Actor mentions in ``text`` from what the patterns match in it.

        The steps run in order of trust; a later step takes only what no earlier one took.
        """
        if not self.known and not any(scan):
            return []  # nothing matched: the common case
        found: list[ActorMention] = []
        if scan.titles:
            self._titled_names(text, scan.titles, found)
            self._appositions(text, scan.titles, found)
        self._listed_people(text, scan.people, found)
        self._listed_people(text, scan.folded, found)
        self._learned_surnames(text, found)
        self._offices(text, scan.offices, found)
        if scan.counterparts:
            self._counterparts(text, scan.counterparts, found)
        if scan.spouses:
            self._spouses(text, scan.spouses, found)
        if scan.roles:
            self._role_titles(text, scan.roles, found)
        self._groups(text, scan.groups, scan.titles, found)
        self._joint_and_pronouns(text, scan.joint, scan.pronouns, found)
        if len(found) > 1:
            found.sort(key=lambda a: a.start)
        for a in found:
            if a.name and a.kind in PERSON_KINDS:
                self._seen.pop(a.name, None)
                self._seen[a.name] = None
        return found

    # -- what the patterns match -----------------------------------------------------------
    def _hit_makers(
        self, text: str
    ) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], _Hit | None]]]:
        """The plain patterns of ``find`` (people, folded names, groups, pronouns) to scan
        ``text`` with, each with what a match of it is as a hit (None: not one)."""
        g = self._g
        return [
            (g.people_in(text), self._person_hit),
            (_CAPITALISED, self._folded_hit),
            (g.groups_regex, lambda m: (m.start(), m.end(), g.groups[m[1]], m[1], m[0])),
            (self._words.pronoun_regex, lambda m: (m.start(), m.end(), "", m[1], m[0])),
        ]

    def _person_hit(self, m: re.Match[str]) -> _Hit | None:
        """A listed person's name; after a hyphen only as the second of a pair of names of two
        countries ("Modi-Scholz"), not in a compound of another word ("Anti-Trump") or of one
        country's ticket or government ("the Biden-Harris administration")."""
        g, start = self._g, m.start()
        name = g.people[m[1]]
        if start and m.string[start - 1] == "-":
            before = _WORD_BEFORE.search(m.string, 0, start - 1)
            first = g.people.get(before[0]) if before else None
            if first is None or g.countries.get(first) == g.countries.get(name):
                return None
        return (start, m.end(), name, m[1], m[0])

    def _folded_hit(self, m: re.Match[str]) -> _Hit | None:
        canonical = self._folded(m[0])
        return (m.start(), m.end(), canonical, m[0], m[0]) if canonical else None

    def _scan(self, text: str) -> _Scan:
        """What the patterns of ``find`` match in ``text`` alone."""
        words = self._words
        plain = [
            [Match(*hit) for m in pattern.finditer(text) if (hit := make(m)) is not None]
            for pattern, make in self._hit_makers(text)
        ]
        people, folded, groups, pronouns = plain
        return _Scan(
            words.titles.find(text),
            people,
            folded,
            words.offices.find(text),
            groups,
            words.joint.find(text),
            pronouns,
            words.counterparts.find(text),
            words.spouses.find(text),
            words.roles.find(text),
        )

    def _scans(self, spans: Spans) -> list[_Scan]:
        """What the patterns of ``find`` match in each of ``spans``, from scans of the whole
        text (``Spans.spread``; the lexicons: ``Lexicon.find_spans``).

        The plain patterns look one character beyond a match, as ``spread`` needs; a span it
        gives up on is scanned alone. Of the capitalised words only those of a listed person
        are spread: the others cannot change a span's matches, since a word (a run of word
        characters) reaches across a span's edge only where the span is not sealed.
        """
        words, text = self._words, spans.text
        plain = []
        for pattern, make in self._hit_makers(text):
            hits = [hit for m in pattern.finditer(text) if (hit := make(m)) is not None]
            per_span = spans.spread(hits)
            plain.append(
                [
                    found
                    if found is not None
                    else [
                        Match(*hit)
                        for m in pattern.finditer(text[a:b])
                        if (hit := make(m)) is not None
                    ]
                    for (a, b), found in zip(spans.spans, per_span, strict=True)
                ]
            )
        lexicons = [
            words.titles,
            words.offices,
            words.joint,
            words.counterparts,
            words.spouses,
            words.roles,
        ]
        titles, offices, joint, counterparts, spouses, roles = (
            lexicon.find_spans(spans) for lexicon in lexicons
        )
        people, folded, groups, pronouns = plain
        rows = zip(
            titles,
            people,
            folded,
            offices,
            groups,
            joint,
            pronouns,
            counterparts,
            spouses,
            roles,
            strict=True,
        )
        return [_Scan(*row) for row in rows]

    # -- the steps of ``find`` ----------------------------------------------------------------
    def _titled_names(self, text: str, titles: list[Match], found: list[ActorMention]) -> None:
        """1. Title + Firstname Lastname, so the title's country guides the spelling."""
        for m in titles:
            after = _NAME_AFTER.match(text, m.end)
            if not after or _title_case_line(text, m.start):
                continue  # in a Title Case headline every word looks like a name
            printed = self._bare_name(_trim_name(after.group(1)))
            if printed is None or self._is_known(printed):
                continue  # not a name, or a known person: step 3 finds it
            words = printed.split()
            if any(self._is_known(" ".join(words[:k])) for k in range(2, len(words))):
                continue  # a known person and the next noun ("Wladimir Putin Handschläge")
            if any(w.rstrip(".") in self._words.nationality for w in printed.split()):
                continue
            start = after.start(1)
            if self._no_new_person(printed, start, titles):
                continue
            listed = self._g.people_regex.match(text, start)
            if listed and listed.end() >= start + len(printed):
                continue  # the first words of a longer listed name ("Andrés Manuel López Obrador")
            found.append(self._learn(text, m, printed, start, start + len(printed)))

    def _appositions(self, text: str, titles: list[Match], found: list[ActorMention]) -> None:
        """2. "Kirill Dmitriev, a Kremlin envoy": a name followed by an apposition with a title
        (not one of the title's: "Marine One, the president's helicopter")."""
        for m in titles:
            if text.startswith(("'s", "’s"), m.end):
                continue
            head = _NAME_BEFORE_APPOSITION.search(text[: m.start])
            if not head or _overlaps(found, head.start(1), head.end(1)):
                continue
            opener = text[head.end(1) : m.start].strip(" ,").split()
            if not opener or opener[0].lower() not in self._words.articles:
                continue
            printed = _trim_name(head.group(1))
            if self._is_known(printed) or self._no_new_person(printed, head.start(1), titles):
                continue
            found.append(self._learn(text, m, printed, head.start(1), head.end(1)))

    def _listed_people(self, text: str, people: list[Match], found: list[ActorMention]) -> None:
        """3. People of the gazetteer that no earlier step took: by a listed name (with genitive
        endings), then (3b) by another spelling of one ("Selenski" for "Selenskyj")."""
        countries = self._g.countries
        for m in people:
            if not _overlaps(found, m.start, m.end):
                country = countries.get(m.label)
                found.append(ActorMention(m.start, m.end, m.label, "person", country, m.text))
                if m.label in self._g.after_full:
                    self.known[m.label] = (m.label, country)  # "Hu" alone names him from now on
                if m.label in self._g.spouses:
                    self._couple(text, m, found)
                elif self._plural_couple(text, m):
                    spouse = self._g.partners[m.label]
                    found.append(ActorMention(m.start, m.end, spouse, "person", country, m.text))
                elif m.label in self._g.partners and " " in m.entry:
                    self._couple(text, m, found, spouse_first=True)

    def _couple(
        self, text: str, named: Match, found: list[ActorMention], *, spouse_first: bool = False
    ) -> None:
        """3c. A couple named with one surname: the leader's first name and a coordinator right
        before the spouse's name ("Donald & Melania Trump", "Joe and Jill Biden") name the
        leader too; with ``spouse_first``, the spouse's first name before the leader's full
        name ("Jill and Joe Biden", "Brigitte und Emmanuel Macron") names the spouse, unless
        the spouse's people write the family name first (a family name before "and" names
        anyone of it)."""
        g = self._g
        other = g.partners[named.label] if spouse_first else g.spouses[named.label]
        if spouse_first and g.countries.get(other) in g.family_first:
            return
        m = self._words.couple_regex.search(text, 0, named.start)
        if m and m[1] in g.first_names.get(other, ()) and not _overlaps(found, *m.span(1)):
            country = g.countries.get(other)
            found.append(ActorMention(m.start(1), m.end(1), other, "person", country, m[1]))

    def _plural_couple(self, text: str, m: Match) -> bool:
        """3d. A leader's surname in the plural after an article of ``couple_articles`` names
        the leader and the listed spouse ("The Macrons toured the museum", "gave the Obamas
        a tour"); not a genitive ("Macron's", "Macrons Besuch")."""
        if m.label not in self._g.partners or m.text != m.entry + "s":
            return False
        before = text[: m.start].split()
        return bool(before) and before[-1].lower() in self._words.couple_articles

    def _folded(self, word: str) -> str | None:
        """The listed person a capitalised ``word`` names in another spelling, if any."""
        memo = self._words.folded
        if word in memo:
            return memo[word]
        g = self._g
        canonical = None
        if g.folded:
            for form in (
                word,
                *(word[: -len(e)] for e in self._words.genitive if word.endswith(e)),
            ):
                canonical = g.folded.get(g.fold(form)) if len(form) >= _FOLDED_MIN else None
                if canonical:
                    break
        if len(memo) >= _FOLDED_MEMORY:
            memo.clear()
        memo[word] = canonical
        return canonical

    def _learned_surnames(self, text: str, found: list[ActorMention]) -> None:
        """4. Surnames learned from titled names earlier in this report."""
        if not self.known:
            return
        surnames = tuple(self.known)
        regex = self._learned.get(surnames)
        if regex is None:  # built again only when a name was learned
            names = "|".join(re.escape(k) for k in sorted(surnames, key=len, reverse=True))
            regex = re.compile(rf"(?<![\w-])({names}){self._g.genitive}(?![\w])")
            self._learned = {surnames: regex}
        for m in regex.finditer(text):
            if _overlaps(found, m.start(), m.end()) or self._month_here(text, m):
                continue
            canonical, country = self.known[m.group(1)]
            found.append(ActorMention(m.start(), m.end(), canonical, "titled", country, m.group()))

    def _month_here(self, text: str, m: re.Match[str]) -> bool:
        """Whether a learned surname that is also a month or weekday ("May") is the time word
        here: after a lowercase word or a number ("in May", "on 3 May") or before a number
        ("May 2019")."""
        if m.group(1) not in self._words.time_words:
            return False
        before = text[: m.start()].split()
        after = text[m.end() :].split()
        return bool(
            (before and (before[-1][:1].islower() or before[-1][:1].isdigit()))
            or (after and after[0][:1].isdigit())
        )

    def _offices(self, text: str, offices: list[Match], found: list[ActorMention]) -> None:
        """5. Office titles resolved to their holder on the report's date."""
        g = self._g
        for m in offices:
            if _overlaps(found, m.start, m.end):
                continue
            after = _NAME_AFTER.match(text, m.end)
            # a title directly before a name: the name was found, the title is not a second actor
            if after and any(f.start == after.start(1) for f in found):
                continue
            if after and _overlaps(found, after.start(1), after.end(1)):
                continue
            holder = self._holder(m.label)
            if holder:
                country = (g.offices.get(m.label) or {}).get("country")
                found.append(ActorMention(m.start, m.end, holder, "office", country, m.text))

    def _holder(self, office: str) -> str | None:
        """The holder of ``office`` on the report's date; without a date, the latest of the
        holders the report names ("Merkel ... the German chancellor" in an undated report of
        2017; Obama where it names Kennedy and Obama, not a later president it never names),
        else the latest."""
        g = self._g
        if self.on is None and self.named:
            holders = [h["name"] for h in (g.offices.get(office) or {}).get("holders", [])]
            named = [h for h in holders if h in self.named]
            if named:
                return named[-1]
        return g.office_holder(office, self.on)

    def _counterparts(
        self, text: str, counterparts: list[Match], found: list[ActorMention]
    ) -> None:
        """5b. "his French counterpart", "seinen russischen Amtskollegen" without a name: the
        holder, on the report's date, of the office of that country that matches the office of
        the person before it in the sentence (``roles`` in offices.yaml: a president's
        counterpart is the other country's leader, a foreign minister's its foreign minister);
        with no one before it, the country's leader."""
        for m in counterparts:
            if _overlaps(found, m.start, m.end):
                continue
            country = self._counterpart_country(text, m)
            if country is None:
                continue
            gap = len(text[m.end :]) - len(text[m.end :].lstrip(" ,("))
            if any(f.start == m.end + gap for f in found):
                continue  # the counterpart's name follows: found as a name
            before = [f for f in found if f.end <= m.start and f.name]
            roles: tuple[str, ...] = ("leader",)
            if before:
                owner = max(before, key=lambda f: f.end)
                if owner.country == country:
                    continue
                roles = self._roles_of(owner.name)
                if not roles:
                    continue  # an office the gazetteer does not know: no counterpart to tell
            office = self._matching_office(country, roles)
            holder = self._holder(office) if office else None
            if holder:
                found.append(ActorMention(m.start, m.end, holder, "office", country, m.text))

    def _spouses(self, text: str, spouses: list[Match], found: list[ActorMention]) -> None:
        """5c. "his wife", "seine Frau", "the first lady" without a name: the listed spouse of
        the nearest person named before it who has one ("Macron and his wife arrived", "the
        president and the first lady"); nothing where a name follows or no one is named."""
        partners = {leader: spouse for spouse, leader in self._g.spouses.items()}
        for m in spouses:
            if _overlaps(found, m.start, m.end):
                continue
            gap = len(text[m.end :]) - len(text[m.end :].lstrip(" ,"))
            if any(f.start == m.end + gap for f in found) or _NAME_AFTER.match(text, m.end):
                continue  # the spouse's name follows: found as a name, or one no list knows
            before = [f for f in found if f.end <= m.start and f.name in partners]
            if before:
                leader = max(before, key=lambda f: f.end).name
                spouse = partners[leader]
                country = self._g.countries.get(spouse)
                found.append(ActorMention(m.start, m.end, spouse, "person", country, m.text))

    def _role_titles(self, text: str, roles: list[Match], found: list[ActorMention]) -> None:
        """5d. A title with neither a name nor a country ("the prime minister", "die
        Kanzlerin") as the sentence's subject: the person the report named last who holds an
        office of that role on its date (``roles`` in offices.yaml; lexicon key
        ``role_titles``). Nothing where a name follows (the title's own), where a person is
        named before it in the sentence (an object or genitive may mean anyone: "Xi greeted
        the prime minister"), or where nobody named holds such an office."""
        for m in roles:
            if _overlaps(found, m.start, m.end):
                continue
            gap = len(text[m.end :]) - len(text[m.end :].lstrip(" ,"))
            if any(f.start == m.end + gap for f in found) or _NAME_AFTER.match(text, m.end):
                continue  # the title of a name that follows
            if any(f.end <= m.start for f in found):
                continue  # only as the sentence's first person: its subject
            for name in reversed(self._seen):
                if name and self._holds_only(name, m.label):
                    country = self.country_of(name)
                    found.append(ActorMention(m.start, m.end, name, "office", country, m.text))
                    break

    def _counterpart_country(self, text: str, m: Match) -> str | None:
        """The country of the nationality word that qualifies a counterpart ("French
        counterpart", "türkischen Amtskollegen", "US-Amtskollegen")."""
        words = self._words
        if "-" in m.text:
            head = m.text.split("-")[0]
        else:
            before = text[: m.start].split()
            if not before or not text[: m.start][-1:].isspace():
                return None
            head = before[-1]
        n = words.nationality_regex.match(head)
        if not n:
            return None
        rest = head[n.end() :]
        if rest and rest not in words.inflection and not rest.startswith("-"):
            return None  # another word that begins like one ("usual")
        return self._country_of_word(n.group())

    def _holds_only(self, name: str, role: str) -> bool:
        """Whether ``name`` holds, on the report's date, an office whose one role besides
        "leader" is ``role`` ("the prime minister" is no president, though a president may
        head the government too)."""
        if (name, role) not in self._holds:
            self._holds[(name, role)] = any(
                set(entry["roles"]) - {"leader"} == {role} and self._holder(key) == name
                for key, entry in self._g.offices.items()
                if entry.get("roles")
            )
        return self._holds[(name, role)]

    def _roles_of(self, name: str) -> tuple[str, ...]:
        """The roles of the offices ``name`` held on the report's date."""
        roles: list[str] = []
        for key, entry in self._g.offices.items():
            if entry.get("roles") and self._holder(key) == name:
                roles.extend(r for r in entry["roles"] if r not in roles)
        return tuple(roles)

    def leader_of(self, country: str) -> str | None:
        """Who led ``country`` (a code) on the report's date: the holder of its office of role
        leader (offices.yaml), None if the gazetteer knows none."""
        office = self._matching_office(country, ("leader",))
        return self._holder(office) if office else None

    def _matching_office(self, country: str, roles: tuple[str, ...]) -> str | None:
        """The office of ``country`` sharing most ``roles`` (a tie: the country's leader)."""
        best: tuple[int, int, str] | None = None
        for key, entry in self._g.offices.items():
            if entry.get("country") != country or not entry.get("roles"):
                continue
            own = set(entry["roles"])
            score = (len(own & set(roles)), int("leader" in own), key)
            if score[0] and (best is None or score[:2] > best[:2]):
                best = score
        return best[2] if best else None

    def _groups(
        self, text: str, groups: list[Match], titles: list[Match], found: list[ActorMention]
    ) -> None:
        """6. Groups of the gazetteer ("Nato", "Nato-Partner"), but for one that begins a
        title ("UN Secretary General Antonio Guterres": the title's, not a party)."""
        title_starts = {t.start for t in titles}
        for m in groups:
            if _overlaps(found, m.start, m.end):
                continue
            gap = len(text[m.end :]) - len(text[m.end :].lstrip(" -"))
            if m.end + gap in title_starts:
                continue
            found.append(ActorMention(m.start, m.end, m.label, "group", None, m.text))

    def _joint_and_pronouns(
        self, text: str, joint: list[Match], pronouns: list[Match], found: list[ActorMention]
    ) -> None:
        """7. Words for both principals, and pronouns, left for the discourse step to resolve;
        not a word for both that begins a compound ("a joint-stock company" names no one)."""
        for m in joint:
            if text.startswith("-", m.end):
                continue
            if not _overlaps(found, m.start, m.end):
                found.append(ActorMention(m.start, m.end, None, "joint", None, m.text))
        for m in pronouns:
            if not _overlaps(found, m.start, m.end):
                found.append(ActorMention(m.start, m.end, None, "pronoun", None, m.text))

    # -- helpers -----------------------------------------------------------------------------
    def _bare_name(self, printed: str) -> str | None:
        """``printed`` without a genitive ending ("Trump's"), or None if it holds a month or
        weekday ("Präsidenten Ende Februar")."""
        if any(w.rstrip(".,") in self._words.time_words for w in printed.split()):
            return None
        for ending in self._words.genitive:
            if printed.endswith(ending) and len(printed) > len(ending) + 1:
                base = printed[: -len(ending)]
                if self._is_known(base):
                    return base
        return printed

    def _no_new_person(self, printed: str, start: int, titles: list[Match]) -> bool:
        """Whether a name printed after or before a title (at ``start``) is no person the
        report introduces: it opens with a preposition or an article ("At Farmleigh, the
        president", "On Sunday, the president"), holds a month or weekday, runs into another
        title ("President Emmanuel MacronCanadian Prime Minister"), or ends in a country, a
        capital or a venue of the gazetteer ("President George Washington": alone, the word
        names the place)."""
        words = printed.split()
        w = self._words
        if words[0].lower() in w.openers or any(x.rstrip(".,") in w.time_words for x in words):
            return True
        end = start + len(printed)
        if any(start < t.start < end for t in titles):
            return True
        return len(words) > 1 and _is_place(words[-1], self.language.knowledge)

    def _is_known(self, printed: str) -> bool:
        """Whether the people gazetteer knows ``printed`` or its surname (in any spelling)."""
        g = self._g
        surname = printed.split()[-1]
        return printed in g.people or surname in g.surnames or g.fold(surname) in g.folded

    def _learn(self, text: str, title: Match, printed: str, start: int, end: int) -> ActorMention:
        """A titled name no gazetteer knows, remembered by its surname for later sentences."""
        country = self._title_country(text, title.start, title.end)
        canonical, country = self._resolve_name(printed, country)
        words = printed.split()
        self.known[words[-1]] = (canonical, country)
        if canonical == words[0] and len(words) > 1:
            self.known[words[0]] = (canonical, country)  # family name first: "Hu" after "Hu Jintao"
        return ActorMention(start, end, canonical, "titled", country, printed)

    def _country_of_word(self, word: str) -> str | None:
        return self._words.nationality_lower.get(word.lower())

    def _country_before(self, text: str, start: int) -> str | None:
        """The country of the nearest nationality word or known person before ``start``; a
        person's only where the words right before ``start`` name no country ("Moon Jae-in and
        New Zealand Prime Minister": New Zealand's)."""
        window = text[max(0, start - 60) : start]
        best: tuple[int, str | None] | None = None
        for m in self._words.nationality_regex.finditer(window):
            best = (m.start(), self._country_of_word(m.group()))
        g = self._g
        person = False
        for m in g.people_regex.finditer(window):
            canonical = g.people[m.group(1)]
            if best is None or m.start() > best[0]:
                best, person = (m.start(), g.countries.get(canonical)), True
        if person:  # "Moon Jae-in and New Zealand Prime Minister Jacinda Ardern": not Moon's
            return _country_named_before(window, self.language.knowledge) or best[1]
        return best[1] if best else None

    def _title_country(self, text: str, title_start: int, title_end: int) -> str | None:
        m = self._words.nationality_regex.match(text[title_start:title_end])
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
        words = printed.split()
        if country in g.family_first and len(words) > 1:
            # "Hu Jintao" is Hu; a family name of a listed person ("Kim") keeps the full name
            return (printed if words[0] in g.surnames else words[0]), country
        canonical = transliterate(surname, language=self.language, country=country)
        return canonical, country


#: One to three capitalised words that end where a search ends ("New Zealand ").
_CAP_WORDS_BEFORE = re.compile(rf"((?:{_CAP_WORD}\s+){{0,2}}{_CAP_WORD})\s*$")


def _country_named_before(window: str, knowledge: Knowledge) -> str | None:
    """The code of the country whose name ends ``window``, right before a title ("New
    Zealand Prime Minister", "Taiwan's President"); None if the words there name no country."""
    from .places import country_codes, index_for  # places reads nationality words from here

    m = _CAP_WORDS_BEFORE.search(window)
    if not m:
        return None
    index, codes = index_for(knowledge), country_codes(knowledge)[0]
    words = m.group(1).split()
    for k in range(len(words)):  # the longest name first ("New Zealand", not "Zealand")
        place = index.lookup(" ".join(words[k:]))
        if place is not None and place.kind == "country":
            return codes.get(place.name)
    return None


def _is_place(word: str, knowledge: Knowledge) -> bool:
    """Whether ``word`` is a country, a country's capital or a place of the gazetteer."""
    from .places import country_codes, index_for  # places reads nationality words from here

    index = index_for(knowledge)
    place = index.lookup(word)
    if place is None:
        return False
    capitals = country_codes(knowledge)[1]
    return place.kind == "country" or word in index.curated or place.name in capitals


#: Share of a line's longer words that are capitalised above which it is written in Title Case.
_TITLE_CASE_SHARE = 0.7
#: Longer words a headline has at most.
_HEADLINE_WORDS = 16


def _title_case_line(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is a headline in Title Case ("Trump Talks With Putin")."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = [w for w in line.split() if len(w) > 3]
    if not 4 <= len(words) <= _HEADLINE_WORDS or line.endswith((".", "!", ";", ":")):
        return False  # a sentence, not a headline
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= _TITLE_CASE_SHARE * len(words)
