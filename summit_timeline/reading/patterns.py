"""The boilerplate and metadata lexicons of all languages, compiled once into patterns.

Used by ``clean``, ``metalines`` and ``dates``. The words come from
``lexicons/<lang>/boilerplate.yaml``, ``lexicons/<lang>/metadata.yaml``,
``lexicons/<lang>/time.yaml`` and ``gazetteers/agencies.yaml`` of a knowledge object; the entries
of every language are used together, because pages mix languages in their widgets (a German
article with an English "min read"). The compiled patterns are kept on the knowledge object
(``patterns_for(knowledge)``): no module-level cache, so new words are a new knowledge object.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..knowledge import Knowledge
from ..knowledge.schema import LOCAL_ZONE

#: Punctuation ignored around a chrome label ("Read more ›", "Teilen:").
EDGE_PUNCT = " \t\u00a0·•|–—-:.,;›»«…>*"
#: Zone for a report whose language names none (a language added without metadata).
FALLBACK_TIMEZONE = "UTC"


@dataclass(frozen=True)
class Patterns:
    """Compiled patterns and word sets of the boilerplate and metadata lexicons."""

    chrome_lines: frozenset[str]
    chrome_line: re.Pattern[str]
    chrome_token: re.Pattern[str]
    chrome_word: re.Pattern[str]
    chrome_prefix: re.Pattern[str]
    credit_start: re.Pattern[str]
    credit_split: re.Pattern[str]
    agency: re.Pattern[str]
    label: re.Pattern[str]
    date: re.Pattern[str]
    time: re.Pattern[str]
    zone: re.Pattern[str]
    connector: re.Pattern[str]
    relative: re.Pattern[str]
    closing: re.Pattern[str]
    separator: re.Pattern[str]
    name_list: re.Pattern[str]
    particles: frozenset[str]
    author_joiner: re.Pattern[str]
    am: frozenset[str]
    pm: frozenset[str]
    zones: Mapping[str, str]  # zone abbreviation -> IANA zone
    months: Mapping[str, int]  # casefolded month name -> number
    stop_names: frozenset[str]
    label_words: frozenset[str]
    roles: re.Pattern[str]
    weekday: re.Pattern[str]
    languages: tuple[str, ...]
    timezones: Mapping[str, str]  # language -> zone of its unzoned times

    def month_number(self, name: str) -> int | None:
        """The month a month name or abbreviation of any language stands for."""
        return self.months.get(name.strip(". ").casefold())


def _alternation(words: Iterable[str], *, boundary: bool = True) -> str:
    """A regex alternation of ``words``, longest first, each escaped and whitespace-tolerant.

    Words of one length are in alphabetical order, so the pattern is the same in every run.
    """
    unique = sorted({str(w).strip() for w in words if str(w).strip()}, key=lambda w: (-len(w), w))
    if not unique:
        return r"(?!x)x"
    parts = [r"\s+".join(re.escape(piece) for piece in w.split()) for w in unique]
    tail = r"(?![^\W_])" if boundary else ""
    return "(?:" + "|".join(parts) + ")" + tail


def _any_of(patterns: Iterable[str]) -> str:
    """One regex matching any of the lexicon's regular expressions (none: matches nothing)."""
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"


def casefold_key(text: str) -> str:
    """``text`` casefolded with whitespace runs as single spaces: the key of a word set."""
    return " ".join(text.casefold().split())


class _Gather:
    """The entries of one lexicon key for every language of a knowledge object, merged."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge

    def __call__(self, topic: str, key: str) -> list[Any]:
        """The entries under ``key`` of ``topic`` for every language, in order, without repeats.

        A mapping gives its ``(key, value)`` pairs (``months``: ``(1, ["January", ...])``).
        """
        out: list[Any] = []
        for lang in self.knowledge.languages:
            value = self.knowledge.language(lang).lexicon(topic).get(key) or []
            items = value.items() if isinstance(value, dict) else value
            for item in items:
                if item not in out:
                    out.append(item)
        return out

    def words(self, topic: str, key: str) -> list[str]:
        """The entries under ``key`` of ``topic`` as strings."""
        return [str(w) for w in self(topic, key)]

    def names(self, key: str) -> list[tuple[int, str]]:
        """(number, name) of the time vocabulary's ``key`` (months, weekdays), dots optional."""
        return [(int(n), str(name).rstrip(".")) for n, names in self("time", key) for name in names]


@dataclass(frozen=True)
class _TimeWords:
    """The time vocabulary of every language, as the date-line patterns need it."""

    months: dict[str, int]  # casefolded name -> month number
    weekdays: list[str]  # names and abbreviations
    zones: dict[str, str]  # abbreviation -> IANA zone (local-time words left out)
    am: list[str]
    pm: list[str]

    @classmethod
    def of(cls, gather: _Gather) -> _TimeWords:
        months: dict[str, int] = {}
        for number, name in gather.names("months"):
            months.setdefault(name.casefold(), number)
        weekdays = [
            name for key in ("weekdays", "weekday_abbreviations") for _, name in gather.names(key)
        ]
        zones: dict[str, str] = {}
        for name, zone in gather("time", "zones"):
            if zone != LOCAL_ZONE:
                zones.setdefault(str(name), str(zone))
        return cls(
            months=months,
            weekdays=weekdays,
            zones=zones,
            am=gather.words("time", "am_markers"),
            pm=gather.words("time", "pm_markers"),
        )


def _date_regex(gather: _Gather, words: _TimeWords) -> str:
    """Dates of date lines: ISO, day.month.year (or day-month-year with its four-digit year),
    slashes, and with month names (both orders).

    The name of the group that matched says the kind (``iso``, ``dmy``, ``slash``, ``text_*``).
    """
    month = _alternation(words.months, boundary=False) + r"\.?(?![^\W\d_])"
    weekday = r"(?:" + _alternation(words.weekdays, boundary=False) + r"\.?,?\s+)?"
    ordinal = r"(?:" + _alternation(gather("time", "ordinal_suffixes"), boundary=False) + ")?"
    day = r"(?:[12]\d|3[01]|0?[1-9])"
    year = r"(?:1[89]|2\d)\d{2}"
    return (
        r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
        r"(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?)?)(?!\d)"
        rf"|(?P<dmy>{day}\.\s?(?:1[0-2]|0?[1-9])\.\s?(?:{year}|\d{{2}})"
        rf"|{day}-(?:1[0-2]|0?[1-9])-{year})(?!\d)"
        r"|(?P<slash>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?!\d)"
        rf"|(?P<text_dmy>{weekday}{day}(?:\.|{ordinal})?\s+{month},?\s+{year})(?!\d)"
        rf"|(?P<text_mdy>{weekday}{month}\s+{day}{ordinal},?\s+{year})(?!\d)"
    )


def _time_regex(gather: _Gather, words: _TimeWords) -> str:
    """Clock times: "18:55", "6:56 a.m.", "15.10 Uhr", "9 pm", "19.11" before a zone name.

    Groups ``h``/``m``/``s`` (and the numbered variants of each alternative) hold the parts,
    ``ampm``/``ampm3`` the marker.
    """
    ampm = _alternation(words.am + words.pm, boundary=False) + r"(?![^\W\d_])"
    clock = _alternation(gather("time", "clock_suffixes") + gather("time", "clock_abbreviations"))
    return (
        rf"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\s*(?P<ampm>{ampm}))?"
        rf"(?:\s*{clock})?(?!\d)"
        rf"|(?P<h2>[01]?\d|2[0-3])\.(?P<m2>[0-5]\d)\s*{clock}"
        rf"|(?P<h3>1[0-2]|0?[1-9])\s*(?P<ampm3>{ampm})"
        rf"|(?P<h4>[01]?\d|2[0-3])\s*{clock}"
        rf"|(?P<h5>[01]?\d|2[0-3])\.(?P<m5>[0-5]\d)(?=\s*\(?(?-i:{_alternation(words.zones)}))"
    )


def _zone_regex(gather: _Gather, words: _TimeWords) -> str:
    """A zone abbreviation (case as listed: "ET", not "et") or a UTC name with an offset."""
    utc = _alternation(gather("time", "utc_names"))
    return (
        r"(?-i:(?P<abbr>" + _alternation(words.zones) + r"))(?![+-]\d)"
        rf"|{utc}\s?(?P<off>[+-]\d{{1,2}}(?::?\d{{2}})?)"
    )


def _label_regex(gather: _Gather) -> str:
    """A published (``pub``), updated (``upd``) or author (``auth``) label, with its colon."""
    return (
        "(?:(?P<pub>"
        + _alternation(gather("metadata", "published_labels"))
        + ")|(?P<upd>"
        + _alternation(gather("metadata", "updated_labels"))
        + ")|(?P<auth>"
        + _alternation(gather("metadata", "author_labels"))
        + r"))\s*:?"
    )


#: A word of a name: a letter, then letters, digits, apostrophes or hyphens; an initial's dot.
_NAME_WORD = r"[^\W\d_][\w'’\-]*\.?"


def _name_list_regex(joiners: list[str]) -> str:
    """Up to six names of one to five words, joined by commas, "&" or the lexicon's joiners."""
    one_name = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
    joiner = r"(?:\s*,\s*|\s+" + _alternation(joiners) + r"\s+|\s*&\s*)"
    return rf"{one_name}(?:{joiner}{one_name}){{0,5}}"


def _stop_names(gather: _Gather, words: _TimeWords) -> frozenset[str]:
    """Words that are never part of a name: months, weekdays, labels and time connectors."""
    stop = set(words.months) | {w.casefold() for w in words.weekdays}
    for key in ("published_labels", "updated_labels", "author_labels", "time_connectors"):
        stop.update(w.casefold() for w in gather.words("metadata", key))
    return frozenset(stop)


def _label_words(gather: _Gather) -> frozenset[str]:
    """The first word of every label: a line without a digit needs one to be a byline."""
    return frozenset(
        w.split()[0].casefold()
        for key in ("published_labels", "updated_labels", "author_labels")
        for w in gather.words("metadata", key)
        if w.split()
    )


def build_patterns(knowledge: Knowledge) -> Patterns:
    """The patterns of ``knowledge``'s words (use ``patterns_for``, which keeps them)."""
    gather = _Gather(knowledge)
    words = _TimeWords.of(gather)
    joiners = gather.words("metadata", "author_joiners")
    agencies = [str(a) for a in (knowledge.gazetteer("agencies") or {}).get("agencies", [])]
    chrome_any = _any_of(gather.words("boilerplate", "chrome_patterns"))
    credit_labels = _alternation(gather("boilerplate", "credit_labels"))
    credit_joiners = _alternation(gather("boilerplate", "credit_joiners"))
    copyright_marks = _alternation(gather("boilerplate", "copyright_marks"))
    chrome_prefixes = _alternation(gather("boilerplate", "chrome_prefixes"), boundary=False)
    flags = re.I
    return Patterns(
        chrome_lines=frozenset(
            casefold_key(w.strip(EDGE_PUNCT)) for w in gather.words("boilerplate", "chrome_lines")
        ),
        chrome_line=re.compile(rf"(?:{chrome_any})", flags),
        chrome_token=re.compile(rf"(?:{chrome_any})(?![^\W_])", flags),
        chrome_word=re.compile(_alternation(gather.words("boilerplate", "chrome_lines")), flags),
        chrome_prefix=re.compile(chrome_prefixes + r"\s*:", flags),
        credit_start=re.compile(
            rf"(?:©|\(c\)(?=\s)|(?P<label>{credit_labels})\s*:|{copyright_marks})\s*", flags
        ),
        credit_split=re.compile(rf"\s*[/|,;]\s*|\s+{credit_joiners}\s+|\s*\+\s*", flags),
        agency=re.compile(rf"(?<![\w.-]){_alternation(agencies, boundary=False)}(?![\w-])", flags),
        label=re.compile(_label_regex(gather), flags),
        date=re.compile(_date_regex(gather, words), flags),
        time=re.compile(_time_regex(gather, words), flags),
        zone=re.compile(_zone_regex(gather, words), flags),
        connector=re.compile(_alternation(gather("metadata", "time_connectors")), flags),
        relative=re.compile(_any_of(gather("metadata", "relative_patterns")), flags),
        closing=re.compile(
            rf"(?:{_any_of(gather('metadata', 'published_closings'))})\s*\.?\s*", flags
        ),
        # a list item's marker opens a line ("- Date: Wednesday, November 13, 2019" in a box
        # of facts about the event) as a bullet does
        separator=re.compile(r"\s*[,;|/·•–—()\[\]]\s*|^[-*]\s+|\s+-\s+|\s+|\s*:\s+"),
        name_list=re.compile(_name_list_regex(joiners)),
        particles=frozenset(w.casefold() for w in gather.words("metadata", "name_particles")),
        author_joiner=re.compile(r"\s+" + _alternation(joiners) + r"\s+|\s*&\s*", flags),
        am=frozenset(casefold_key(w) for w in words.am),
        pm=frozenset(casefold_key(w) for w in words.pm),
        zones=MappingProxyType(words.zones),
        months=MappingProxyType(words.months),
        stop_names=_stop_names(gather, words),
        weekday=re.compile(
            _alternation(words.weekdays, boundary=False) + r"\.?(?![^\W\d_])", flags
        ),
        roles=re.compile(_alternation(gather("metadata", "author_roles")), flags),
        label_words=_label_words(gather),
        languages=knowledge.languages,
        timezones=MappingProxyType(
            {
                lang: str(knowledge.language(lang).lexicon("metadata")["default_timezone"])
                for lang in knowledge.languages
            }
        ),
    )


def patterns_for(knowledge: Knowledge) -> Patterns:
    """The compiled patterns of ``knowledge`` (built once per knowledge object)."""
    return knowledge.compiled(build_patterns)
