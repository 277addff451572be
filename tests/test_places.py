"""Tests for summit_timeline.mentions.places: case tables of (lang, text, expected)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summit_timeline.knowledge import default_knowledge, load_knowledge
from summit_timeline.mentions.places import (
    dateline_day,
    dateline_place,
    find_places,
    index_for,
    lookup,
    names_in,
    namesakes_told,
)


def _places(lang: str, text: str) -> list[tuple[str, str | None]]:
    found = find_places(text, default_knowledge().language(lang))
    return [(p.place.name, p.preposition) for p in found]


# expected: (place, preposition) of each place found, in order
PLACES = [
    # a preposition, then a name in any supported language
    ("de", "Nach dem Besuch bei Obama reiste sie nach Ottawa.", [("Ottawa", "nach")]),
    ("de", "Am Abend flog sie nach Moskau zurück.", [("Moscow", "nach")]),
    ("de", "Das Treffen in Genf dauerte lange.", [("Geneva", "in")]),
    ("de", "Morgen reist sie nach Finnland weiter.", [("Finland", "nach")]),
    ("en", "He later flew to Washington for a vote.", [("Washington", "to")]),
    ("en", "She arrived in Anchorage, Alaska, at dawn.", [("Anchorage", "in")]),
    ("en", "The talks in New York ended early.", [("New York City", "in")]),
    ("en", "The delegates gathered in Alaska overnight.", [("Alaska", "in")]),
    # fillers between preposition and name
    ("de", "Er landete in der finnischen Hauptstadt Helsinki am Morgen.", [("Helsinki", "in")]),
    ("en", "They met in the city of Geneva again.", [("Geneva", "in")]),
    # any adjective before a noun for a kind of place
    ("de", "Sie treffen sich in der portugiesischen Hauptstadt Lissabon.", [("Lisbon", "in")]),
    ("en", "They met in the Norwegian capital, Oslo, on Friday.", [("Oslo", "in")]),
    # up to four words between them: article, adjective, noun, "of"
    ("en", "They had met in the nearby city of Tampere.", [("Tampere", "in")]),
    ("en", "He landed in the northern port city of Tampere.", [("Tampere", "in")]),
    ("en", "They met in the coming weeks Oslo said.", []),
    # a part of a city, a palace or château of a town
    ("en", "The president has arrived in central Paris.", [("Paris", "in")]),
    ("en", "He was welcomed at the Château de Versailles.", [("Versailles", "at")]),
    ("en", "He was welcomed at the Palace of Versailles.", [("Versailles", "at")]),
    # an airport named by its city
    ("de", "Er landete am Internationalen Flughafen Pjöngjang.", [("Pyongyang", "am")]),
    ("de", "Am Montag landete er.", []),
    ("de", "Am Ende lud er ihn ein.", []),  # Ende (Flores) is a town
    # genitive endings
    ("de", "Sie trafen sich in Moskaus Innenstadt.", [("Moscow", "in")]),
    ("de", "Der Gipfel in Helsinkis Präsidentenpalast begann.", [("Helsinki", "in")]),
    ("en", "He spoke in Moscow's old town.", [("Moscow", "in")]),
    # a possessive names the place it belongs to: the named part first, else the owner
    ("en", "The summit at Singapore’s Sentosa Island ended.", [("Sentosa", "at")]),
    ("en", "They walked in Helsinki's Esplanade Park.", [("Helsinki", "in")]),
    # ... only a place that lies in it: else the owner ("Republic" is a town in Missouri)
    ("en", "She will be guest of honour at Ghana's Republic Day parade.", [("Ghana", "at")]),
    (
        "en",
        "They toured Japan's Kyoto on Sunday, then flew to Kenya's Nairobi.",
        [("Nairobi", "to")],
    ),
    # another possessive names only a venue the gazetteer knows
    ("en", "He came back from the People's Republic of China.", []),
    ("en", "Talks were held at Trump's Mar-a-Lago resort.", [("Palm Beach", "at")]),
    # a sentence may open with its place
    ("de", "In Moskau haben sich beide beraten.", [("Moscow", "in")]),
    ("en", "At the White House, they signed a deal.", [("Washington", "at")]),
    # buildings stand for the place they lie in
    ("de", "Sie trafen sich im Kreml zum Essen.", [("Moscow", "im")]),
    ("en", "They met at the White House on Monday.", [("Washington", "at")]),
    ("en", "Talks were held in Villa La Grange all day.", [("Geneva", "in")]),
    ("en", "The talks took place at Camp David again.", [("United States", "at")]),
    # a town's name in a building's name, with the building's own place after it, is not
    # where the building is (the other place holds it: both stay)
    ("en", "They met at the Shangri-La Hotel in Singapore.", [("Singapore", "in")]),
    ("en", "Air Force One landed at Ben Gurion Airport in Tel Aviv.", [("Tel Aviv", "in")]),
    (
        "en",
        "They met at the Helsinki Presidential Palace in Helsinki.",
        [("Helsinki", "at"), ("Helsinki", "in")],
    ),
    # ... nor when the building's place follows it after a comma: the building's place
    (
        "en",
        "The two leaders dined at Blenheim Palace, Oxfordshire, after the summit.",
        [("Oxfordshire", "at")],
    ),
    # German nouns are capitalised: a noun after a town is no building's name
    (
        "de",
        "Sie trafen in Moskau Vertreter in Kasachstan.",
        [("Moscow", "in"), ("Kazakhstan", "in")],
    ),
    # a building without a preposition is its occupant, not a place
    ("en", "The Kremlin said the talks were useful.", []),
    ("de", "Der Kreml teilte mit, alles sei gut.", []),
    # venues of the gazetteer are found without a preposition
    ("en", "Sentosa was sealed off for the day.", [("Sentosa", None)]),
    ("de", "Das Treffen findet in der Sommerresidenz Fort Brégançon statt.", [("Brégançon", None)]),
    ("en", "Starmer has arrived at Turnberry resort for talks.", [("Turnberry", "at")]),
    # venues that geonames' cities lack or spell otherwise, and a seat of government as its city
    ("en", "The pair strolled by the temples at Mahabalipuram.", [("Mamallapuram", "at")]),
    ("de", "Am Abend folgt ein Essen im Elysée-Palast.", [("Paris", "im")]),
    # origin prepositions give where someone came from, not where the event is
    ("de", "Die Delegation reiste aus Moskau an.", []),
    ("en", "The delegation flew in from Moscow overnight.", []),
    # nor is the far end of a span that starts there
    ("en", "Viewers from Washington to Pyongyang watched.", []),
    ("en", "He came from Moscow, then flew to Anchorage.", [("Anchorage", "to")]),
    # a capital named by its country's nationality alone is that capital
    ("en", "Orban arrived in the Russian capital on Friday.", [("Moscow", "in")]),
    ("de", "Scholz ist in der ukrainischen Hauptstadt eingetroffen.", [("Kyiv", "in")]),
    ("de", "Scholz ist in der indischen Hauptstadt eingetroffen.", [("New Delhi", "in")]),
    # or by its country's name in the genitive
    ("de", "Abe traf in Chinas Hauptstadt ein.", [("Beijing", "in")]),
    ("en", "Abe arrived in China's capital on Friday.", [("Beijing", "in")]),
    ("en", "Abe arrived in Japan’s capital on Friday.", [("Tokyo", "in")]),
    ("de", "Er reiste in Chinas Norden.", [("China", "in")]),
    # or by its country's word joined to the noun, or dotted
    ("de", "Am Abend traf sie in der US-Hauptstadt ein.", [("Washington", "in")]),
    ("en", "He landed in the U.S. capital late on Sunday.", [("Washington", "in")]),
    ("de", "Er kam in der Ex-Hauptstadt an.", []),
    # with its name after it, the name says it (and "aus" is where someone came from)
    ("de", "Sie trafen sich in der ungarischen Hauptstadt Budapest.", [("Budapest", "in")]),
    (
        "de",
        "Das meldeten Staatsmedien aus der chinesischen Hauptstadt in Peking.",
        [("Beijing", "in")],
    ),
    # capitalised nouns after a preposition are not towns
    ("de", "Er sagte in Interviews nichts dazu.", []),
    # nor after an article: a town takes none ("Hof" and "Halle" are towns, "im Iran" a country)
    ("de", "Er winkte im Hof des Kanzleramts in Berlin.", [("Berlin", "in")]),
    ("de", "Sie sprachen in der Halle des Palastes.", []),
    ("de", "Er landete im Iran am Abend.", [("Iran", "im")]),
    # nor with a genitive after it: a noun with its complement ("Ende" is a town in Indonesia)
    ("de", "Sie trafen sich nach Ende des Festakts in Wien.", [("Vienna", "in")]),
    # in English, a town's name after "the" with another capitalised word after it opens a
    # longer name (the town Federal, Argentina), unless it is a capital; before a noun in lower
    # case it says where ("at the Sochi residence")
    ("en", "He was greeted at the Federal Chancellery in Berlin.", [("Berlin", "in")]),
    ("en", "They dined at the Moscow Kremlin.", [("Moscow", "at")]),
    ("en", "They met at the Sochi residence.", [("Sochi", "at")]),
    # so does a state's ("the Texas Memorial": a building, not the state); the state itself
    # keeps its article-free reading
    ("en", "The two leaders laid a wreath at the Texas Memorial.", []),
    ("en", "The two leaders met in Texas on Monday.", [("Texas", "in")]),
    # a town's name before a noun that names a place called after it and lying elsewhere is no
    # town ("Phoenix Park" is in Dublin, not Arizona; "Pearl Harbor" in Hawaii, not Mississippi);
    # a capital keeps its name, and a building noun after a town still says where it is
    ("en", "The guest was received at the residence in Phoenix Park on Monday.", []),
    ("en", "The two leaders laid wreaths at Pearl Harbor-Hickam at dawn.", []),
    ("de", "Der Gast wurde am Mittag in Phoenix Park empfangen.", []),
    ("en", "They dined at Washington Harbor.", [("Washington", "at")]),
    ("en", "They met at Osaka Castle in the evening.", [("Osaka", "at")]),
    (
        "de",
        "Das Treffen in Helsinki und danach in Stockholm.",
        [("Helsinki", "in"), ("Stockholm", "in")],
    ),
    # a venue's name may hold lowercase joining words: read whole when the gazetteer knows it,
    # else the town that opens it stands for itself
    (
        "en",
        "The guests were received at the Great Hall of the People on Tuesday.",
        [("Beijing", "at")],
    ),
    ("de", "Der Empfang fand in der Großen Halle des Volkes statt.", [("Beijing", "in")]),
    ("en", "The summit in Osaka of the Group of Twenty ended late.", [("Osaka", "in")]),
    # a preposition of location that only a venue of the gazetteer takes as a place (German
    # dative: "an den Kreml" is whom a letter goes to)
    ("de", "Die Gäste wurden an der Großen Halle des Volkes begrüßt.", [("Beijing", "an der")]),
    ("de", "Sie schickte eine Botschaft an den Kreml.", []),
    ("de", "Er wartete vor dem Rathaus.", []),
    ("en", "Reporters waited outside the Kremlin for hours.", [("Moscow", "outside")]),
    ("en", "Few firms outside Europe took part.", []),
    # an industrial town is a town ("in die Industriestadt Turin")
    ("de", "Danach fuhr sie in die italienische Industriestadt Turin.", [("Turin", "in")]),
    # a town's name holding a lowercase particle, alone or hyphened to the next word
    ("en", "The envoys landed in Sharm el-Sheikh before dawn.", [("Sharm el-Sheikh", "in")]),
    ("en", "The ministers met in Dar es Salaam on Friday.", [("Dar es Salaam", "in")]),
    # a topic noun before the place: what the talks are about, not where they are
    ("en", "They will discuss their activities in Libya.", []),
    ("de", "Sie sprachen über eine Feuerpause in Libyen.", []),
    # a place joined to a topic's place is the topic's too; a later place of the clause is not
    ("en", "They spoke about the fighting in Sudan and in Libya.", []),
    ("en", "They discussed the crisis in Sudan, and in Cairo they met.", [("Cairo", "in")]),
    ("de", "Sie sprachen über die Kämpfe in Syrien und im Jemen.", []),
    ("de", "Wegen der Lage in Syrien oder in Libyen reiste sie nach Kairo.", [("Cairo", "nach")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PLACES)
def test_find_places(lang: str, text: str, expected: list) -> None:
    assert _places(lang, text) == expected


def test_a_place_knows_its_zone_and_what_it_lies_in() -> None:
    (found,) = find_places("Sie landete in Anchorage.", default_knowledge().language("de"))
    assert found.place.timezone == "America/Anchorage"
    assert found.place.kind == "city"
    assert found.place.within == ("Alaska", "United States")
    assert lookup("Alaska", default_knowledge()).contains(found.place)
    assert not lookup("Finnland", default_knowledge()).contains(found.place)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Moskau", ("Moscow", "Europe/Moscow", "city")),
        ("Moskaus", ("Moscow", "Europe/Moscow", "city")),
        ("Genf", ("Geneva", "Europe/Zurich", "city")),
        ("Russland", ("Russia", "Europe/Moscow", "country")),
        ("Kreml", ("Moscow", "Europe/Moscow", "city")),
        ("Singapore", ("Singapore", "Asia/Singapore", "city")),
        # a capital keeps its own name against a larger city's alternate (Chattogram's
        # "Islamabad")
        ("Islamabad", ("Islamabad", "Asia/Karachi", "city")),
        # the seat of India's government, by either of the names news gives it
        ("New Delhi", ("New Delhi", "Asia/Kolkata", "venue")),
        ("Delhi", ("New Delhi", "Asia/Kolkata", "venue")),
        ("Neu-Delhi", ("New Delhi", "Asia/Kolkata", "venue")),
        # a region that hosted a summit, by its names and its venue's
        ("Apulien", ("Apulia", "Europe/Rome", "venue")),
        ("Borgo Egnazia", ("Apulia", "Europe/Rome", "venue")),
        # summit venues too small for geonames' cities, by their names and their region's
        ("Charlevoix", ("La Malbaie", "America/Toronto", "venue")),
        ("Col du Tourmalet", ("Tourmalet Pass", "Europe/Paris", "venue")),
        ("Gamlitz", ("Gamlitz", "Europe/Vienna", "venue")),
        # an alternate of a larger city still wins over a smaller town's own name
        ("St. Petersburg", ("Saint Petersburg", "Europe/Moscow", "city")),
        # a district of a metropolis names the metropolis; a town near one stays a town
        ("Tegel", ("Berlin", "Europe/Berlin", "city")),
        ("Shinjuku", ("Tokyo", "Asia/Tokyo", "city")),
        ("Versailles", ("Versailles", "Europe/Paris", "city")),
        ("Potsdam", ("Potsdam", "Europe/Berlin", "city")),
        # nor does a city across a state line, or one that a district elsewhere is named after
        ("Jersey City", ("Jersey City", "America/New_York", "city")),
        ("La Paz", ("La Paz", "America/La_Paz", "city")),
        ("Zimmerlhausen", None),
        # a leader's name is no town of that name (Obama in Japan, Castro in Brazil); a
        # capital keeps its name though a leader bears it
        ("Obama", None),
        ("Castros", None),
        ("Muscat", ("Muscat", "Asia/Muscat", "city")),
        # a country's name names the country, never a town of another country bearing it
        # (Armenia, Colombia; Jamaica, a part of Queens); nor do the names news gives countries
        # that CLDR spells otherwise (Palestine, Texas): geonames' or the lexicon's
        ("Armenia", ("Armenia", "Asia/Yerevan", "country")),
        ("Jamaica", ("Jamaica", "America/Jamaica", "country")),
        ("Turkey", ("Turkey", "Europe/Istanbul", "country")),
        ("Palestine", ("Palestinian Territory", "Asia/Hebron", "country")),
        ("Palästina", ("Palestinian Territory", "Asia/Hebron", "country")),
        ("Burma", ("Myanmar", "Asia/Yangon", "country")),
        ("Czech Republic", ("Czechia", "Europe/Prague", "country")),
        ("PNG", ("Papua New Guinea", "Pacific/Port_Moresby", "country")),
        # a code in capitals that geonames gives a town (an airport's: "MAN" for Manchester) is
        # no name of it; the initials of its name that news writes for it are
        ("MAN", None),
        ("NYC", ("New York City", "America/New_York", "city")),
        ("KL", ("Kuala Lumpur", "Asia/Kuala_Lumpur", "city")),
        # a summit town that geonames spells one way only, in the spellings news gives it
        ("Sharm El Sheikh", ("Sharm el-Sheikh", "Africa/Cairo", "venue")),
        ("Scharm el-Scheich", ("Sharm el-Sheikh", "Africa/Cairo", "venue")),
        # a city in the country that bears its name keeps it
        ("Mexico", ("Mexico City", "America/Mexico_City", "city")),
        # continents and world regions are no place to date an event at (a town is called Asia)
        ("Asia", None),
        ("Europa", None),
        ("Südostasien", None),
    ],
)
def test_lookup(name: str, expected: tuple | None) -> None:
    place = lookup(name, default_knowledge())
    assert (place and (place.name, place.timezone, place.kind)) == expected


# expected: the place of the dateline, or None
DATELINES = [
    ("GENEVA, June 16 (Agency) - The talks began.", "Geneva"),
    ("HELSINKI (dpa) - Es begann am Mittag.", "Helsinki"),
    ("A headline first\nMOSCOW, Jan 3 - The talks began.", "Moscow"),
    ("ANCHORAGE - The plane landed.", "Anchorage"),
    # in ordinary case: the wire service in brackets, or a day and a colon, tells a dateline
    ("Geneva, Mar 4 (Wire) The envoy landed on Tuesday.", "Geneva"),
    ("Oslo (Agentur) - Der Gast kam am Morgen.", "Oslo"),
    ("Wien, 12. Juni (Agentur) - Der Gast kam am Morgen.", "Vienna"),
    ("Lisbon, June 29: The two leaders met.", "Lisbon"),
    # a town alone before a colon opening the report; a country there is a headline's topic
    ("Lisbon: The two leaders met.", "Lisbon"),
    ("Portugal: The two leaders met.", None),
    # a town before a dash or a full stop opening the report, as German papers print it (the
    # first of several towns); a hyphen without a space before it joins a name
    ("Wien - Der Gast kam am Morgen zum Gespräch.", "Vienna"),
    ("Wien -Der Gast kam am Morgen.", "Vienna"),
    ("Oslo/Stockholm – Die Ministerin reiste weiter.", "Oslo"),
    ("Lissabon. Die beiden Gäste trafen sich am Abend.", "Lisbon"),
    ("Portugal – Die beiden Gäste trafen sich.", None),
    ("Berlin-Mitte, am Abend. Der Gast kam.", None),
    ("Lisbon, where they met, was quiet (mostly).", None),
    ("Merz (CDU) sprach mit Gästen.", None),
    ("Nothing here, just text - and more.", None),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_datelines(text: str, expected: str | None) -> None:
    place = dateline_place(text, default_knowledge())
    assert (place.name if place else None) == expected


def test_added_venue_is_found_with_own_knowledge(tmp_path: Path) -> None:
    (tmp_path / "gazetteers").mkdir()
    (tmp_path / "gazetteers" / "places.yaml").write_text(
        "Schloss Quastenberg: {names: [Schloss Quastenberg], timezone: Europe/Vienna}\n",
        encoding="utf-8",
    )
    mine = load_knowledge(tmp_path, environment=False)
    text = "Die Gespräche auf Schloss Quastenberg begannen."
    (found,) = find_places(text, mine.language("de"))
    assert (found.place.name, found.place.timezone) == ("Schloss Quastenberg", "Europe/Vienna")
    assert find_places(text, default_knowledge().language("de")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, Feb 9 (Reuters) - The president said.", ("Washington", "Feb 9")),
        ("SAN FRANCISCO, Nov. 15, 2023 -- Biden met Xi.", ("San Francisco", "Nov. 15, 2023")),
        ("Osaka, June 29: Trump and Xi met.", ("Osaka", "June 29")),
        ("Kyiv, Aug 23 (PTI) A warm hug.", ("Kyiv", "Aug 23")),
        # no day, or no place the gazetteer knows: no dated dateline
        ("Paris (AFP) - Macron received Putin.", None),
        ("Meanwhile, 23 leaders (of 30) met.", None),
    ],
)
def test_dateline_day(text: str, expected: tuple[str, str] | None) -> None:
    found = dateline_day(text, default_knowledge())
    assert (found and (found[0].name, found[1])) == expected


def test_names_in_finds_places_named_without_a_preposition() -> None:
    """Every place a text names, in a dateline's capitals, before a genitive or with no
    preposition at all, by its canonical name; words that name none add nothing."""
    knowledge = default_knowledge()
    text = "GENEVA - The talks were held in Switzerland. Genfs Hotels waren voll. Nobody came."
    found = names_in(text, knowledge)
    assert {"Geneva", "Switzerland"} <= found
    assert "Nobody" not in found
    assert "Rio de Janeiro" in names_in("Rio de Janeiro hosted the summit.", knowledge)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a small town's own name, a large town's alternate: the places named with it tell
        (
            "The pilgrims drove from Jerusalem to Bethlehem and prayed there.",
            "Bethlehem",
            ("Bethlehem", ("Palestinian Territory",)),
        ),
        (
            "Der Papst feierte die Messe in Nazareth, bevor er nach Tel Aviv flog.",
            "Nazareth",
            ("Nazareth", ("Israel",)),
        ),
        (
            "The ministers met in Costa Rica, at a hotel in San José.",
            "San José",
            ("San José", ("Costa Rica",)),
        ),
        # nothing nearer the smaller town: the name stays the larger one's
        ("The leaders held talks in Odessa and in Kyiv.", "Odessa", ("Odesa", ("Ukraine",))),
        ("Talks in Bethlehem were short.", "Bethlehem", ("Belém", ("Brazil",))),
        # a word that only may be a town's name tells nothing ("Essen", a town near Halle
        # in Belgium, is also "to eat")
        (
            "Zum Essen fuhren sie nach Halle, danach in die Hauptstadt Berlin.",
            "Halle",
            ("Halle (Saale)", ("Germany",)),
        ),
    ],
)
def test_a_name_several_towns_bear_names_the_one_the_text_places_near(
    text: str, name: str, expected: tuple
) -> None:
    knowledge = default_knowledge()
    lang = "de" if {"der", "die", "nach"} & set(text.lower().split()) else "en"
    with namesakes_told(text, knowledge.language(lang)):
        place = lookup(name, knowledge)
        assert (place.name, place.within) == expected
        assert expected[0] in names_in(text, knowledge)
        # every look-up while the text is read: a sentence of it alone names the same town
        (found,) = find_places(f"They met in {name}.", knowledge.language("en"))
        assert found.place == place
    # outside the text, the larger town's
    assert lookup(name, knowledge) == index_for(knowledge).namesakes[name][0]
