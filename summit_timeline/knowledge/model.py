"""The knowledge object: ontology, lexicons and gazetteers, validated, immutable, with their
compiled matchers.

Every stage receives a ``Knowledge`` and asks it for what it needs: ``knowledge.language("de")``
for one language's lexicons, ``knowledge.types`` for the event types and what each does,
``knowledge.gazetteer("people")``. What a stage compiles from the data (patterns, tables) is kept
on the object that holds the data (``compiled(builder)``), so new data is a new object and no
compiled pattern outlives the words it was built from.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar

from .loader import (
    as_roots,
    environment_roots,
    freeze,
    lexicon_languages,
    packaged_root,
    read_merged,
)
from .schema import (
    GAZETTEER_SHAPES,
    LEXICON_SHAPES,
    ONTOLOGY_SHAPE,
    KnowledgeError,
)

T = TypeVar("T")
PathArg = str | os.PathLike[str]


@dataclass(frozen=True)
class EventType:
    """One event type of the ontology and what the pipeline does with it (``ontology.yaml``)."""

    key: str
    label: str
    order: float
    description: str = ""
    cameo: str = ""
    instant: bool = False
    duration: bool = False
    quoted: bool = False
    at_venue: bool = False
    per_person: bool = False
    default_status: Literal["occurred", "cancelled", "announced", "proposed"] = "occurred"
    place: Literal["event", "proposed", "none"] = "event"
    claims_quote: bool = False
    carries_reply: bool = False
    venue_rank: int | None = None
    counterpart: bool = False
    place_from_start: bool = False
    distinct_places: bool = False
    formats: bool = False
    meeting: bool = False
    #: it joins its people as a meeting does (a call): one with other people is another event
    pairs: bool = False
    gathers_statements: bool = False
    #: its people are those who speak: the subject of its sentence, unless it says they spoke
    #: together ("Trump told reporters, as Carney sat next to him": Trump)
    spoken: bool = False
    overrides: tuple[str, ...] = ()
    #: talk formats that, named by the trigger itself ("had dinner"), are an event of their own,
    #: not talks told with no format
    formats_apart: tuple[str, ...] = ()
    #: talk formats that are an item of the day's programme of their own (a meal): a report
    #: that tells talks held with no format and announces one as one of a sequence ("a lunch
    #: was planned later"), or the other way round, tells two
    programme_formats: tuple[str, ...] = ()
    #: a leader's spouse named beside the leader takes part (a welcome, a visit)
    companions: bool = False
    #: talk formats whose spouses named beside the leaders take part (a meal: a state dinner)
    companion_formats: tuple[str, ...] = ()
    max_duration_min: float | None = None


class _Memo:
    """Compiled artefacts of one knowledge object, built once per builder function."""

    def __init__(self) -> None:
        self._built: dict[Callable[..., Any], Any] = {}
        self._lock = threading.Lock()

    def get(self, builder: Callable[[Any], T], owner: Any) -> T:
        try:
            return self._built[builder]
        except KeyError:
            pass
        value = builder(owner)
        with self._lock:
            return self._built.setdefault(builder, value)


@dataclass(frozen=True, eq=False)
class LanguageKnowledge:
    """The lexicons of one language, and what is compiled from them."""

    code: str
    lexicons: Mapping[str, Mapping[str, Any]]
    knowledge: Knowledge = field(repr=False)
    _memo: _Memo = field(default_factory=_Memo, repr=False)

    def lexicon(self, topic: str) -> Mapping[str, Any]:
        """The ``topic`` lexicon (``"events"``, ``"temporal"``, ...) of this language."""
        try:
            return self.lexicons[topic]
        except KeyError:
            raise KnowledgeError(
                f"no lexicon topic {topic!r}; topics: {', '.join(sorted(self.lexicons))}"
            ) from None

    @property
    def settings(self) -> Mapping[str, Any]:
        """``language.yaml``: sentence model, inflection and genitive endings, spellings."""
        return self.lexicons["language"]

    @property
    def time(self) -> Mapping[str, Any]:
        """``time.yaml``: months, weekdays, clock words and zone names, shared by all stages."""
        return self.lexicons["time"]

    def compiled(self, builder: Callable[[LanguageKnowledge], T]) -> T:
        """``builder(self)``, built once for this object (patterns compiled from its words)."""
        return self._memo.get(builder, self)

    def matcher(self, topic: str, key: str) -> Any:
        """A compiled ``Lexicon`` of ``lexicon(topic)[key]``: one label per key of a mapping."""
        from .matching import Lexicon

        table = self.compiled(_matcher_table)
        if (topic, key) not in table:
            data = self.lexicon(topic).get(key) or {}
            if not isinstance(data, Mapping):
                data = {key: data}
            table[(topic, key)] = Lexicon(self, data)
        return table[(topic, key)]


def _matcher_table(lang: LanguageKnowledge) -> dict[tuple[str, str], Any]:
    return {}


@dataclass(frozen=True, eq=False)
class Knowledge:
    """Ontology, lexicons per language and gazetteers, as loaded from ``roots``."""

    roots: tuple[Path, ...]
    ontology: Mapping[str, Any]
    types: Mapping[str, EventType]
    gazetteers: Mapping[str, Any]
    lexicons: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(repr=False)
    _memo: _Memo = field(default_factory=_Memo, repr=False)

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages with lexicons, e.g. ``("de", "en")``."""
        return tuple(self.lexicons)

    def __repr__(self) -> str:
        additions = ", ".join(str(r) for r in self.roots[1:]) or "none"
        return (
            f"Knowledge(languages: {', '.join(self.languages)}; "
            f"event types: {', '.join(self.types)}; additions: {additions})"
        )

    @cached_property
    def _languages(self) -> dict[str, LanguageKnowledge]:
        return {code: LanguageKnowledge(code, lex, self) for code, lex in self.lexicons.items()}

    def language(self, code: str) -> LanguageKnowledge:
        """The lexicons of language ``code``; an unknown code lists the supported ones."""
        try:
            return self._languages[code]
        except KeyError:
            raise KnowledgeError(
                f"no lexicons for language {code!r}; supported: {list(self.languages)}. "
                "Add a folder lexicons/<lang>/ with the same files as lexicons/en/."
            ) from None

    def gazetteer(self, name: str) -> Any:
        """A gazetteer (``people``, ``offices``, ``places``, ``groups``, ``agencies``, ...)."""
        try:
            return self.gazetteers[name]
        except KeyError:
            raise KnowledgeError(
                f"no gazetteer {name!r}; gazetteers: {', '.join(sorted(self.gazetteers))}"
            ) from None

    def event_type(self, key: str) -> EventType:
        """The type ``key``; an unknown key gets a neutral type placed after the known ones."""
        found = self.types.get(key)
        if found is not None:
            return found
        last = max((t.order for t in self.types.values()), default=0)
        return EventType(key=key, label=key.replace("_", " ").capitalize(), order=last + 10)

    def compiled(self, builder: Callable[[Knowledge], T]) -> T:
        """``builder(self)``, built once for this object."""
        return self._memo.get(builder, self)

    def with_additions(self, extra: PathArg | Iterable[PathArg]) -> Knowledge:
        """A new knowledge object: these folders merged over this one's."""
        return _load((*self.roots, *as_roots(extra)))


def _event_types(ontology: Mapping[str, Any]) -> dict[str, EventType]:
    types: dict[str, EventType] = {}
    for key, spec in ontology["types"].items():
        types[key] = EventType(key=key, **dict(spec))
    return dict(sorted(types.items(), key=lambda kv: kv[1].order))


def _load(roots: tuple[Path, ...]) -> Knowledge:
    ontology = freeze(read_merged(roots, "ontology.yaml", ONTOLOGY_SHAPE))
    gazetteers = {
        name: freeze(read_merged(roots, f"gazetteers/{name}.yaml", shape))
        for name, shape in GAZETTEER_SHAPES.items()
    }
    lexicons = {
        lang: freeze(
            {
                topic: read_merged(roots, f"lexicons/{lang}/{topic}.yaml", shape)
                for topic, shape in LEXICON_SHAPES.items()
            }
        )
        for lang in lexicon_languages(roots)
    }
    _check_type_words(ontology, lexicons)
    return Knowledge(
        roots=roots,
        ontology=ontology,
        types=freeze(_event_types(ontology)),
        gazetteers=freeze(gazetteers),
        lexicons=freeze(lexicons),
    )


def _check_type_words(ontology: Mapping[str, Any], lexicons: Mapping[str, Any]) -> None:
    """Trigger keys are ontology types; every type has triggers in every language."""
    types = set(ontology["types"])
    for key, spec in ontology["types"].items():
        unknown = sorted(set(spec.get("overrides") or ()) - types)
        if unknown:
            raise KnowledgeError(
                f"ontology.yaml: type {key!r} overrides unknown type {unknown[0]!r}; "
                f"types: {', '.join(sorted(types))}"
            )
    for lang, topics in lexicons.items():
        triggers = set(topics["events"]["triggers"] or {})
        unknown = sorted(triggers - types)
        if unknown:
            raise KnowledgeError(
                f"lexicons/{lang}/events.yaml: triggers for unknown event type {unknown[0]!r}; "
                f"types of ontology.yaml: {', '.join(sorted(types))}"
            )
        missing = sorted(types - triggers)
        if missing:
            raise KnowledgeError(
                f"lexicons/{lang}/events.yaml: no triggers for event type {missing[0]!r}; "
                "every type of ontology.yaml needs triggers in every language"
            )


def load_knowledge(
    extra: PathArg | Iterable[PathArg] | None = None, *, environment: bool = True
) -> Knowledge:
    """Load the packaged knowledge, with folders of additions merged over it.

    :param extra: a folder (or folders) laid out like the packaged data (``ontology.yaml``,
        ``lexicons/<lang>/*.yaml``, ``gazetteers/*.yaml``), holding only what it adds.
    :param environment: also merge the folders named in ``SUMMIT_TIMELINE_DATA`` (before
        ``extra``).

    Every file is validated against its declared shape; an error names the file, the key and
    what was expected. Each call reads the files anew, so edited additions take effect in a
    running kernel:

    >>> knowledge = load_knowledge("my_words")          # doctest: +SKIP
    >>> table = extract_events(corpus, knowledge=knowledge)  # doctest: +SKIP
    """
    roots = (packaged_root(), *(environment_roots() if environment else ()), *as_roots(extra))
    return _load(roots)


_DEFAULT: dict[tuple[Path, ...], Knowledge] = {}


def default_knowledge() -> Knowledge:
    """The knowledge used when none is passed: the packaged data and ``SUMMIT_TIMELINE_DATA``.

    Loaded once per value of ``SUMMIT_TIMELINE_DATA``; pass ``knowledge=load_knowledge(...)``
    to use edited or added files without restarting.
    """
    key = environment_roots()
    found = _DEFAULT.get(key)
    if found is None:
        found = _DEFAULT.setdefault(key, load_knowledge())
    return found


def resolve(knowledge: Knowledge | None) -> Knowledge:
    """``knowledge``, or the default one; anything else is a clear error."""
    if knowledge is None:
        return default_knowledge()
    if not isinstance(knowledge, Knowledge):
        raise TypeError(
            f"knowledge must be a Knowledge from load_knowledge(); got {type(knowledge).__name__}"
        )
    return knowledge


def formats_differ(a: str | None, b: str | None) -> bool:
    """Whether two talk formats make two events: both named and neither a kind of the other
    (``meal`` is any meal, ``meal_lunch`` one of them: see ``talk_formats`` in the lexicons)."""
    if not a or not b:
        return False
    return not (a.startswith(b) or b.startswith(a))
