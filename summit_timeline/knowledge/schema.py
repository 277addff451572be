"""The declared shape of every data file, and the validator that checks a file against it.

Like dateparser's language files, each file has a fixed set of keys with fixed types: an unknown
key (a misspelt ``trigers``) or a wrong type is an error that names the file, the key and what was
expected, instead of a silently empty lexicon. The shapes are small combinators::

    Record({"triggers": MapOf(Str, ListOf(Str))}, optional={"notes"})

Shapes of the lexicon topics are in ``LEXICON_SHAPES`` (every language has each topic, with the
same keys), those of the gazetteers in ``GAZETTEER_SHAPES``, the ontology's in ``ONTOLOGY_SHAPE``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class KnowledgeError(ValueError):
    """A data file does not have the declared shape (names the file, the key and the reason)."""


class Shape:
    """A declared type; ``check`` raises ``KnowledgeError`` naming the path on mismatch."""

    expected = "a value"

    def check(self, value: Any, where: str, key: str, partial: bool = False) -> None:
        raise NotImplementedError

    def fail(self, value: Any, where: str, key: str) -> None:
        got = type(value).__name__ if value is not None else "nothing (null)"
        at = f" key {key!r}:" if key else ""
        raise KnowledgeError(f"{where}:{at} expected {self.expected}, got {got} ({value!r:.60})")


@dataclass(frozen=True)
class _Scalar(Shape):
    types: tuple[type, ...]
    expected: str = "a value"

    def check(self, value: Any, where: str, key: str, partial: bool = False) -> None:
        if isinstance(value, bool) and bool not in self.types:
            self.fail(value, where, key)
        if not isinstance(value, self.types):
            self.fail(value, where, key)


Str = _Scalar((str,), "a string (quote YAML words such as no, on, yes)")
Int = _Scalar((int,), "a whole number")
Number = _Scalar((int, float), "a number")
Bool = _Scalar((bool,), "true or false")
Date = _Scalar((dt.date,), "a date (YYYY-MM-DD)")
Null = _Scalar((type(None),), "null")


@dataclass(frozen=True)
class OneOf(Shape):
    options: tuple[Shape, ...]

    @property
    def expected(self) -> str:  # type: ignore[override]
        return " or ".join(o.expected for o in self.options)

    def check(self, value: Any, where: str, key: str, partial: bool = False) -> None:
        for option in self.options:
            try:
                option.check(value, where, key, partial)
            except KnowledgeError:
                continue
            return
        self.fail(value, where, key)


@dataclass(frozen=True)
class Choice(Shape):
    values: tuple[Any, ...]

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(repr(v) for v in self.values)

    def check(self, value: Any, where: str, key: str, partial: bool = False) -> None:
        if value not in self.values:
            self.fail(value, where, key)


@dataclass(frozen=True)
class ListOf(Shape):
    item: Shape

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"a list of {self.item.expected}"

    def check(self, value: Any, where: str, key: str, partial: bool = False) -> None:
        if value is None:
            return  # an empty YAML key ("pronouns:") is an empty list
        if not isinstance(value, list | tuple):
            self.fail(value, where, key)
        for i, item in enumerate(value):
            self.item.check(item, where, f"{key}[{i}]", partial)


@dataclass(frozen=True)
class MapOf(Shape):
    keys: Shape
    values: Shape

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"a mapping of {self.keys.expected} to {self.values.expected}"

    def check(self, value: Any, where: str, key: str, partial: bool = False) -> None:
        if value is None:
            return
        if not isinstance(value, Mapping):
            self.fail(value, where, key)
        for k, v in value.items():
            inner = f"{key}.{k}" if key else str(k)
            self.keys.check(k, where, inner)
            self.values.check(v, where, inner, partial)


@dataclass(frozen=True)
class Record(Shape):
    fields: Mapping[str, Shape]
    optional: frozenset[str] = field(default_factory=frozenset)
    expected: str = "a mapping"

    def check(self, value: Any, where: str, key: str, partial: bool = False) -> None:
        if not isinstance(value, Mapping):
            self.fail(value, where, key)
        prefix = f"{key}." if key else ""
        unknown = [k for k in value if k not in self.fields]
        if unknown:
            raise KnowledgeError(
                f"{where}: unknown key {prefix + str(unknown[0])!r}; expected one of "
                f"{', '.join(sorted(self.fields))}"
            )
        missing = [k for k in self.fields if k not in value and k not in self.optional]
        if missing and not partial:
            raise KnowledgeError(
                f"{where}: missing key {prefix + missing[0]!r}; every such file has "
                f"{', '.join(sorted(self.fields))}"
            )
        for k, shape in self.fields.items():
            if k in value:
                shape.check(value[k], where, f"{prefix}{k}", partial)


Words = ListOf(Str)
WordMap = MapOf(Str, Words)

#: The zone value that stands for the local time of the event's place ("Ortszeit", "local time").
LOCAL_ZONE = "local"


@dataclass(frozen=True)
class _Zone(Shape):
    local_ok: bool = False

    @property
    def expected(self) -> str:  # type: ignore[override]
        extra = f" or {LOCAL_ZONE!r}" if self.local_ok else ""
        return f"an IANA time zone such as 'Europe/Berlin'{extra}"

    def check(self, value: Any, where: str, key: str, partial: bool = False) -> None:
        from zoneinfo import ZoneInfo

        if self.local_ok and value == LOCAL_ZONE:
            return
        try:
            if not isinstance(value, str) or not value:
                raise ValueError
            ZoneInfo(value)
        except (ValueError, KeyError, OSError):
            self.fail(value, where, key)


ZoneName = _Zone()

# -- lexicons: one file per topic per language, the same keys in every language --------------

_TIME = Record(
    {
        "months": MapOf(Int, Words),
        "weekdays": MapOf(Int, Words),
        "weekday_abbreviations": MapOf(Int, Words),
        "ordinal_suffixes": Words,
        "clock_suffixes": Words,
        "clock_abbreviations": Words,
        "am_markers": Words,
        "pm_markers": Words,
        "zones": MapOf(Str, _Zone(local_ok=True)),
        "utc_names": Words,
    }
)

#: What a hedge does to the number it stands before ("gut", "knapp", "nur").
HEDGE_KINDS = ("approx", "at_least", "at_most", "only")
#: The parts of the day a time word can name.
PARTS_OF_DAY = ("morning", "noon", "afternoon", "evening", "night")

_HEDGE_KIND = Choice(HEDGE_KINDS)
_HEDGE = OneOf((_HEDGE_KIND, Record({"lemma": Str, "kind": _HEDGE_KIND})))
_PART = Choice(PARTS_OF_DAY)

_TEMPORAL = Record(
    {
        "date_formats": Words,
        "date_articles": Words,
        "relative_days": MapOf(
            Str, OneOf((Int, Record({"offset": Int, "part_of_day": _PART}, frozenset())))
        ),
        "parts_of_day": MapOf(Str, _PART),
        "part_of_day_adverbs": MapOf(Str, _PART),
        "part_of_day_prefixes": MapOf(Str, OneOf((Int, Null))),
        "units": MapOf(Str, Number),
        "digit_units": MapOf(Str, Number),
        "unit_suffixes": MapOf(Str, Number),
        "compound_units": MapOf(Str, Number),
        "fractions": MapOf(Str, Number),
        "fraction_suffixes": MapOf(Str, Number),
        "number_words": MapOf(Str, Number),
        "hedges": MapOf(Str, _HEDGE),
        "clock_hedges": MapOf(Str, _HEDGE),
        "hedges_after": MapOf(Str, _HEDGE),
        "planned_cues": Words,
        "actual_cues": Words,
        "ranges": Record(
            {
                "from": Words,
                "to": Words,
                "between": Words,
                "and": Words,
                "after": Words,
                "listed": Words,
            },
            frozenset({"after", "listed"}),
        ),
        "duration_joiners": Words,
        "joiners": Words,
        "relative_periods": MapOf(Str, Int),
        "non_event_durations": Words,
        "non_event_years": Words,
        "narrative_days": Words,
        "narrative_day_articles": Words,
        "elapsed": Words,
        "lasting": Words,
    },
    optional=frozenset(
        {
            "elapsed",
            "lasting",
            "non_event_years",
            "narrative_days",
            "narrative_day_articles",
            "hedges_after",
        }
    ),
)

_EVENTS = Record(
    {
        "triggers": WordMap,
        "talk_formats": WordMap,
        "container": Words,
        "journeys": WordMap,
        "journey_cancelling": Words,
        "journey_putting_off": Words,
        "no_event": Words,
        "habitual": Words,
        "habitual_occasions": Words,
        "thing_objects": Record({"verbs": Words, "things": Words, "determiners": Words}),
        "status": Record(
            {
                "cancelled": Words,
                "negation": Words,
                "negation_exempt": Words,
                "planned": Words,
                "announced": Words,
                "announced_exempt": Words,
                "occurred": Words,
                "before_main": Words,
                "main_ahead": Words,
                "frame_open": Words,
                "frame_close": Words,
                "present": Words,
                "perfect": Words,
                "progressive": Words,
                "ahead": Words,
                "past": Words,
                "travel_present": Words,
                "programme_present": Words,
                "programme_heading": Words,
                "journey_purpose": Words,
                "purpose_clause": Words,
                "continuation": Words,
                "bare_verbs": Words,
                "headline_infinitive": Words,
                "appending": Words,
                "topic": Words,
                "journey": Words,
                "purpose_infinitive": Words,
                "reception": Words,
                "reception_purpose": Words,
                "received_to": Words,
                "occasion": Words,
                "agreed_before": Words,
                "agreed_after": Words,
                "agreed_exempt": Words,
                "agreed_past": Words,
                "anticipation": Words,
                "correlate": Words,
                "object_articles": Words,
                "definite": Words,
                "other_occasion": Words,
                "earlier_occasion": Words,
                "earlier_alone": Words,
            },
            optional=frozenset(
                {
                    "object_articles",
                    "before_main",
                    "main_ahead",
                    "frame_open",
                    "frame_close",
                    "present",
                    "perfect",
                    "progressive",
                    "ahead",
                    "past",
                    "travel_present",
                    "programme_present",
                    "programme_heading",
                    "journey_purpose",
                    "purpose_clause",
                    "continuation",
                    "bare_verbs",
                    "headline_infinitive",
                    "appending",
                    "topic",
                    "journey",
                    "purpose_infinitive",
                    "reception",
                    "reception_purpose",
                    "received_to",
                    "occasion",
                    "agreed_before",
                    "agreed_after",
                    "agreed_exempt",
                    "agreed_past",
                    "anticipation",
                    "correlate",
                    "definite",
                    "other_occasion",
                    "earlier_occasion",
                    "earlier_alone",
                }
            ),
        ),
        "sequence": WordMap,
        "speech_verbs": Words,
        "speaker_after": Words,
        "reporting_verbs": Words,
        "reported_openers": Words,
        "addressee_before": Words,
        "quote_words": WordMap,
        "source_prepositions": Words,
        "announcing": Words,
        "made_before": Words,
        "left_after": Words,
        "sent_away": Words,
        "own_occasion": Words,
        "purpose": Words,
        "other_event": Words,
        "group_sides": Words,
        "group_links": Words,
        "reference": Words,
        "also_attended": Words,
        "framing_told": Words,
        "relative_openers": Words,
        "caption_positions": Words,
        "since": Words,
        "examples": Words,
        "separate": Words,
        "separate_with": Words,
        "separate_each": Words,
        "airport_words": Words,
        "separate_also": Words,
        "together": Words,
        "multilateral": Words,
        "bilateral": Words,
        "several_others": Words,
        "leaders_listed": Words,
        "joining": Words,
        "call_words": Words,
        "clause_breaks": Words,
        "clause_adverbs": Words,
        "joint": Words,
        "official_sides": Words,
        "official_links": Words,
        "joint_of": Words,
        "joint_countries": Words,
        "joint_pair": Words,
    },
    optional=frozenset(
        {
            "reference",
            "also_attended",
            "framing_told",
            "relative_openers",
            "reported_openers",
            "caption_positions",
            "since",
            "examples",
            "separate",
            "separate_with",
            "separate_each",
            "airport_words",
            "separate_also",
            "together",
            "multilateral",
            "bilateral",
            "several_others",
            "leaders_listed",
            "joining",
            "call_words",
            "speaker_after",
            "reporting_verbs",
            "addressee_before",
            "quote_words",
            "source_prepositions",
            "no_event",
            "habitual",
            "habitual_occasions",
            "thing_objects",
            "made_before",
            "left_after",
            "sent_away",
            "own_occasion",
            "purpose",
            "other_event",
            "group_sides",
            "group_links",
            "joint_of",
            "joint_countries",
            "joint_pair",
        }
    ),
)

_LANGUAGE = Record(
    {
        "name": Str,
        "sentence_model": Str,
        "inflection_suffixes": Words,
        "genitive_suffixes": Words,
        "spelling_variants": ListOf(Words),
        "separable_particles": Words,
        "coordinators": Words,
        "compounds": Bool,
        "capitalised_nationalities": Bool,
        "verb_bracket": Bool,
    }
)

LEXICON_SHAPES: dict[str, Record] = {
    "actors": Record(
        {
            "office_titles": WordMap,
            "counterpart_titles": Words,
            "spouse_titles": Words,
            "role_titles": WordMap,
            "person_titles": Words,
            "nationality": MapOf(Str, Str),
            "pronouns": Words,
            "object_prepositions": Words,
            "apposition_articles": Words,
            "couple_articles": Words,
            "plural_pronouns": Words,
            "object_pronouns": Words,
            "phrase_openers": Words,
        },
        optional=frozenset(
            {"couple_articles", "plural_pronouns", "object_pronouns", "phrase_openers"}
        ),
    ),
    "boilerplate": Record(
        {
            "chrome_lines": Words,
            "chrome_patterns": Words,
            "chrome_prefixes": Words,
            "credit_labels": Words,
            "credit_joiners": Words,
            "copyright_marks": Words,
        }
    ),
    "evaluative": Record(
        {
            "adjective_endings": Words,
            "noun_endings": Words,
            "adjectives": Words,
            "nouns": Words,
            "phrases": Words,
            "speech_verbs": Words,
            "attribution_phrases": Words,
            "reported_speech": Words,
            "first_speaker_cues": Words,
        }
    ),
    "events": _EVENTS,
    "language": _LANGUAGE,
    "metadata": Record(
        {
            "published_labels": Words,
            "updated_labels": Words,
            "author_labels": Words,
            "author_joiners": Words,
            "author_roles": Words,
            "name_particles": Words,
            "time_connectors": Words,
            "relative_patterns": Words,
            "published_closings": Words,
            "default_timezone": ZoneName,
        }
    ),
    "places": Record(
        {
            "prepositions": Words,
            "fillers": Words,
            "noun_prepositions": Words,
            "place_nouns": Words,
            "capital_nouns": Words,
            "building_nouns": Words,
            "namesake_nouns": Words,
            "articles": Words,
            "compound_articles": Words,
            "genitive_articles": Words,
            "name_joiners": Words,
            "venue_prepositions": Words,
            "origin_prepositions": Words,
            "destination_prepositions": Words,
            "where_adverbs": Words,
            "there_adverbs": Words,
            "visit_verbs": Words,
            "leave_verbs": Words,
            "leave_verbs_final": Words,
            "start_prepositions": Words,
            "topic_nouns": Words,
            "topic_joiners": Words,
            "stay_openers": Words,
            "stay_nouns": Words,
            "landing_words": Words,
            "greeting_words": Words,
            "country_names": WordMap,
        }
    ),
    "sentences": Record(
        {"abbreviations": Words, "ambiguous_abbreviations": Words, "dotted_ordinals": Bool}
    ),
    "temporal": _TEMPORAL,
    "time": _TIME,
}

# -- gazetteers: language-independent --------------------------------------------------------

GAZETTEER_SHAPES: dict[str, Shape] = {
    "people": MapOf(
        Str,
        Record(
            {"country": Str, "names": Words, "spouse_of": Str, "died": Date},
            frozenset({"names", "spouse_of", "died"}),
        ),
    ),
    "offices": MapOf(
        Str,
        Record(
            {
                "country": Str,
                "roles": Words,
                "holders": ListOf(
                    Record({"name": Str, "from": Date, "to": Date}, frozenset({"from", "to"}))
                ),
            },
            frozenset({"roles"}),
        ),
    ),
    "groups": MapOf(Str, Record({"names": Words})),
    "places": MapOf(
        Str,
        Record(
            {"names": Words, "timezone": ZoneName, "in": Str, "building": Bool},
            frozenset({"names", "in", "building"}),
        ),
    ),
    "agencies": Record({"agencies": Words}),
    "transliteration": MapOf(Str, MapOf(Str, ListOf(ListOf(Str)))),
    "spellings": Record(
        {"folds": ListOf(ListOf(Str)), "not_alone": Words, "family_first": Words},
        optional=frozenset({"not_alone", "family_first"}),
    ),
}

# -- the ontology: event types and what each type does -------------------------------------

STATUSES = ("occurred", "cancelled", "announced", "proposed")

EVENT_TYPE_SHAPE = Record(
    {
        "label": Str,
        "description": Str,
        "cameo": Str,
        "order": Number,
        "instant": Bool,
        "duration": Bool,
        "quoted": Bool,
        "at_venue": Bool,
        "per_person": Bool,
        "default_status": Choice(STATUSES),
        "place": Choice(("event", "proposed", "none")),
        "claims_quote": Bool,
        "carries_reply": Bool,
        "venue_rank": Int,
        "counterpart": Bool,
        "place_from_start": Bool,
        "distinct_places": Bool,
        "formats": Bool,
        "meeting": Bool,
        "pairs": Bool,
        "gathers_statements": Bool,
        "spoken": Bool,
        "overrides": ListOf(Str),
        "formats_apart": ListOf(Str),
        "programme_formats": ListOf(Str),
        "companions": Bool,
        "companion_formats": ListOf(Str),
        "max_duration_min": Number,
    },
    frozenset(
        {
            "description",
            "cameo",
            "instant",
            "duration",
            "quoted",
            "at_venue",
            "per_person",
            "default_status",
            "place",
            "claims_quote",
            "carries_reply",
            "venue_rank",
            "counterpart",
            "place_from_start",
            "distinct_places",
            "formats",
            "meeting",
            "pairs",
            "gathers_statements",
            "spoken",
            "overrides",
            "formats_apart",
            "programme_formats",
            "companions",
            "companion_formats",
            "max_duration_min",
        }
    ),
)

ONTOLOGY_SHAPE = Record({"types": MapOf(Str, EVENT_TYPE_SHAPE)})


def validate(shape: Shape, content: Any, where: str, *, partial: bool = False) -> None:
    """Check ``content`` (a loaded YAML file) against ``shape``; ``where`` names the file.

    ``partial``: a user's file of additions may leave keys out (it is merged over the packaged
    file, whose merged result is then checked in full); unknown keys and wrong types still fail.
    """
    shape.check(content, where, "", partial)
