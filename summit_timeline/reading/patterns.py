"""The boilerplate and metadata lexicons of all languages, compiled once into patterns.

Used by ``load`` (through ``clean``). The words come from ``lexicons/<lang>/boilerplate.yaml``,
``lexicons/<lang>/metadata.yaml``, ``lexicons/<lang>/time.yaml`` and ``gazetteers/agencies.yaml``
of a knowledge object; the entries of every language are used together, because pages mix
languages in their widgets (a German article with an English "min read"). The compiled patterns
are kept on the knowledge object (``patterns_for(knowledge)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
    separator: re.Pattern[str]
    name_list: re.Pattern[str]
    name_word: re.Pattern[str]
    particles: frozenset[str]
    joiners: frozenset[str]
    author_joiner: re.Pattern[str]
    am: frozenset[str]
    pm: frozenset[str]
    zones: dict[str, str]
    months: dict[str, int]
    stop_names: frozenset[str]
    label_words: frozenset[str]
    roles: re.Pattern[str]
    weekday: re.Pattern[str]
    languages: tuple[str, ...]
    timezones: dict[str, str]

    def month_number(self, name: str) -> int | None:
        """The month a month name or abbreviation of any language stands for."""
        return self.months.get(name.strip(". ").casefold())


def _alternation(words: Iterable[str], *, boundary: bool = True) -> str:
    """A regex alternation of ``words``, longest first, each escaped and whitespace-tolerant."""
    unique = sorted({str(w).strip() for w in words if str(w).strip()}, key=len, reverse=True)
    if not unique:
        return r"(?!x)x"
    parts = [r"\s+".join(re.escape(piece) for piece in w.split()) for w in unique]
    tail = r"(?![^\W_])" if boundary else ""
    return "(?:" + "|".join(parts) + ")" + tail


def _gatherer(knowledge: Knowledge):
    def gather(topic: str, key: str) -> list:
        """The entries under ``key`` of ``topic`` for every language, in order, without repeats."""
        out: list = []
        for lang in knowledge.languages:
            value = knowledge.language(lang).lexicon(topic).get(key) or []
            items = value.items() if isinstance(value, dict) else value
            for item in items:
                if item not in out:
                    out.append(item)
        return out

    return gather


def _names(gather, key: str) -> list[tuple[int, str]]:
    """(number, name) of the time vocabulary's ``key`` (months, weekdays), dots optional."""
    return [(int(n), str(name).rstrip(".")) for n, names in gather("time", key) for name in names]


def casefold_key(text: str) -> str:
    return " ".join(text.casefold().split())


def build_patterns(knowledge: Knowledge) -> Patterns:
    """The patterns of ``knowledge``'s words (use ``patterns_for``, which keeps them)."""
    _gather = _gatherer(knowledge)
    months: dict[str, int] = {}
    for number, name in _names(_gather, "months"):
        months.setdefault(name.casefold(), number)
    weekdays = [name for key in ("weekdays", "weekday_abbreviations") for _, name in _names(_gather, key)]
    zones: dict[str, str] = {}
    for name, zone in _gather("time", "zones"):
        if zone != LOCAL_ZONE:
            zones.setdefault(str(name), str(zone))
    utc = _alternation(_gather("time", "utc_names"))
    agencies = [str(a) for a in (knowledge.gazetteer("agencies") or {}).get("agencies", [])]
    am = [str(w) for w in _gather("time", "am_markers")]
    pm = [str(w) for w in _gather("time", "pm_markers")]
    month = _alternation(months, boundary=False) + r"\.?(?![^\W\d_])"
    weekday = r"(?:" + _alternation(weekdays, boundary=False) + r"\.?,?\s+)?"
    ordinal = r"(?:" + _alternation(_gather("time", "ordinal_suffixes"), boundary=False) + ")?"
    day = r"(?:[12]\d|3[01]|0?[1-9])"
    year = r"(?:1[89]|2\d)\d{2}"
    date = (
        r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
        r"(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?)?)(?!\d)"
        rf"|(?P<dmy>{day}\.\s?(?:1[0-2]|0?[1-9])\.\s?(?:{year}|\d{{2}}))(?!\d)"
        r"|(?P<slash>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?!\d)"
        rf"|(?P<text_dmy>{weekday}{day}(?:\.|{ordinal})?\s+{month},?\s+{year})(?!\d)"
        rf"|(?P<text_mdy>{weekday}{month}\s+{day}{ordinal},?\s+{year})(?!\d)"
    )
    ampm = _alternation(am + pm, boundary=False) + r"(?![^\W\d_])"
    clock = _alternation(_gather("time", "clock_suffixes") + _gather("time", "clock_abbreviations"))
    time = (
        rf"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\s*(?P<ampm>{ampm}))?"
        rf"(?:\s*{clock})?(?!\d)"
        rf"|(?P<h2>[01]?\d|2[0-3])\.(?P<m2>[0-5]\d)\s*{clock}"
        rf"|(?P<h3>1[0-2]|0?[1-9])\s*(?P<ampm3>{ampm})"
        rf"|(?P<h4>[01]?\d|2[0-3])\s*{clock}"
        rf"|(?P<h5>[01]?\d|2[0-3])\.(?P<m5>[0-5]\d)(?=\s*\(?(?-i:{_alternation(zones)}))"
    )
    zone = (
        r"(?-i:(?P<abbr>" + _alternation(zones) + r"))(?![+-]\d)"
        rf"|{utc}\s?(?P<off>[+-]\d{{1,2}}(?::?\d{{2}})?)"
    )
    labels = (
        "(?:(?P<pub>"
        + _alternation(_gather("metadata", "published_labels"))
        + ")|(?P<upd>"
        + _alternation(_gather("metadata", "updated_labels"))
        + ")|(?P<auth>"
        + _alternation(_gather("metadata", "author_labels"))
        + r"))\s*:?"
    )
    joiners = [str(w) for w in _gather("metadata", "author_joiners")]
    particles = [str(w) for w in _gather("metadata", "name_particles")]
    name_word = r"[^\W\d_][\w'’\-]*\.?"
    one_name = rf"{name_word}(?:\s+{name_word}){{0,4}}"
    joiner = r"(?:\s*,\s*|\s+" + _alternation(joiners) + r"\s+|\s*&\s*)"
    name_list = rf"{one_name}(?:{joiner}{one_name}){{0,5}}"
    patterns_chrome = [str(p) for p in _gather("boilerplate", "chrome_patterns")]
    chrome_any = "|".join(f"(?:{p})" for p in patterns_chrome) or r"(?!x)x"
    credit_labels = _alternation(_gather("boilerplate", "credit_labels"))
    credit_joiners = _alternation(_gather("boilerplate", "credit_joiners"))
    stop = set(months) | {str(w).casefold() for w in weekdays}
    for key in ("published_labels", "updated_labels", "author_labels", "time_connectors"):
        stop.update(str(w).casefold() for w in _gather("metadata", key))
    flags = re.I
    return Patterns(
        chrome_lines=frozenset(
            casefold_key(str(w).strip(EDGE_PUNCT)) for w in _gather("boilerplate", "chrome_lines")
        ),
        chrome_line=re.compile(rf"(?:{chrome_any})", flags),
        chrome_token=re.compile(rf"(?:{chrome_any})(?![^\W_])", flags),
        chrome_prefix=re.compile(
            _alternation(_gather("boilerplate", "chrome_prefixes"), boundary=False) + r"\s*:", flags
        ),
        credit_start=re.compile(
            rf"(?:©|\(c\)(?=\s)|(?P<label>{credit_labels})\s*:|copyright(?![^\W_]))\s*", flags
        ),
        credit_split=re.compile(rf"\s*[/|,;]\s*|\s+{credit_joiners}\s+|\s*\+\s*", flags),
        agency=re.compile(rf"(?<![\w.-]){_alternation(agencies, boundary=False)}(?![\w-])", flags),
        label=re.compile(labels, flags),
        date=re.compile(date, flags),
        time=re.compile(time, flags),
        zone=re.compile(zone, flags),
        connector=re.compile(_alternation(_gather("metadata", "time_connectors")), flags),
        relative=re.compile(
            "|".join(f"(?:{p})" for p in _gather("metadata", "relative_patterns")) or r"(?!x)x",
            flags,
        ),
        separator=re.compile(r"\s*[,;|/·•–—()\[\]]\s*|\s+-\s+|\s+|\s*:\s+"),
        name_list=re.compile(name_list),
        name_word=re.compile(name_word),
        particles=frozenset(p.casefold() for p in particles),
        joiners=frozenset(j.casefold() for j in joiners),
        author_joiner=re.compile(r"\s+" + _alternation(joiners) + r"\s+|\s*&\s*", flags),
        am=frozenset(casefold_key(w) for w in am),
        pm=frozenset(casefold_key(w) for w in pm),
        zones=zones,
        months=months,
        stop_names=frozenset(stop),
        weekday=re.compile(_alternation(weekdays, boundary=False) + r"\.?(?![^\W\d_])", flags),
        roles=re.compile(_alternation(_gather("metadata", "author_roles")), flags),
        label_words=frozenset(
            str(w).split()[0].casefold()
            for key in ("published_labels", "updated_labels", "author_labels")
            for w in _gather("metadata", key)
            if str(w).split()
        ),
        languages=knowledge.languages,
        timezones={
            lang: str(knowledge.language(lang).lexicon("metadata")["default_timezone"])
            for lang in knowledge.languages
        },
    )


def patterns_for(knowledge: Knowledge) -> Patterns:
    """The compiled patterns of ``knowledge`` (built once per knowledge object)."""
    return knowledge.compiled(build_patterns)
