"""Tests for summit_timeline.mentions.actors: case tables of (lang, text, expected).

Every sentence is invented for the test; names no gazetteer knows are made up too.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from summit_timeline.knowledge import default_knowledge, load_knowledge
from summit_timeline.mentions.actors import (
    ActorFinder,
    ActorMention,
    nationality_of,
    office_holder,
    transliterate,
)

ON = dt.date(2021, 6, 16)


def _find(lang: str, text: str, on: dt.date | None = ON) -> list[ActorMention]:
    return ActorFinder(default_knowledge().language(lang), on=on).find(text)


def _names(found: list[ActorMention]) -> list[tuple[str | None, str]]:
    return [(a.name, a.kind) for a in found]


# --------------------------------------------------------------------------- gazetteer people

# expected: (canonical name, printed text) of each person found
PEOPLE = [
    ("de", "Bidens Sprecherin antwortete knapp.", [("Biden", "Bidens")]),
    ("de", "Wladimir Putin empfing die Gäste.", [("Putin", "Wladimir Putin")]),
    ("de", "Das Flugzeug Lawrows stand bereit.", [("Lavrov", "Lawrows")]),
    ("de", "Selenskyjs Büro widersprach.", [("Zelensky", "Selenskyjs")]),
    ("en", "Putin's aide declined to comment.", [("Putin", "Putin's")]),
    ("en", "Zelenskyy’s office said nothing.", [("Zelensky", "Zelenskyy’s")]),
    ("en", "The motorcade of Joe Biden' passed.", [("Biden", "Joe Biden'")]),
    ("en", "Blinken and Lavrov spoke briefly.", [("Blinken", "Blinken"), ("Lavrov", "Lavrov")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PEOPLE)
def test_gazetteer_names_with_genitive_endings(lang: str, text: str, expected: list) -> None:
    found = _find(lang, text)
    assert [(a.name, a.text) for a in found] == expected
    assert all(a.kind == "person" for a in found)
    assert all(text[a.start : a.end] == a.text for a in found)


def test_two_people_of_one_surname_are_told_apart_by_their_first_names() -> None:
    """Hillary Clinton is not Bill Clinton: a row she takes part in does not name him."""
    found = _find("en", "Hillary Clinton and Bill Clinton landed.")
    assert [(a.name, a.text) for a in found] == [
        ("Hillary Clinton", "Hillary Clinton"),
        ("Clinton", "Bill Clinton"),
    ]
    assert [a.name for a in _find("de", "Hillary Rodham Clinton reiste ab.")] == ["Hillary Clinton"]


def test_a_title_before_a_listed_name_of_four_words_finds_the_person_once() -> None:
    found = _find("de", "Der mexikanische Präsident Andrés Manuel López Obrador kam später.")
    assert [(a.name, a.text) for a in found] == [("López Obrador", "Andrés Manuel López Obrador")]


def test_a_monarchs_first_name_alone_is_no_one() -> None:
    """ "King Felipe" is listed; "Felipe" alone names an airport (or anyone), not the king."""
    assert _names(_find("en", "Biden landed at the Felipe Ángeles airport.")) == [
        ("Biden", "person")
    ]
    assert _names(_find("en", "King Felipe spoke.")) == [("Felipe VI", "person")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Das Biden-Putin-Treffen begann pünktlich.", ["Biden", "Putin"]),
        ("en", "The Blinken-Lavrov meeting was short.", ["Blinken", "Lavrov"]),
        # a compound of another word, or one country's ticket: the second is no one
        ("de", "Eine Anti-Putin-Kundgebung zog vorbei.", []),
        ("en", "The Biden-Blinken plan was unveiled.", ["Biden"]),
    ],
)
def test_the_second_name_of_a_pair_of_two_countries(lang: str, text: str, expected: list) -> None:
    assert [a.name for a in _find(lang, text)] == expected


def test_a_name_inside_a_longer_word_is_not_a_person() -> None:
    assert _find("de", "Die Trumpfkarte lag auf dem Tisch.") == []
    assert _find("en", "Trumpeters played at the gate.") == []


# --------------------------------------------------------------------------- offices by date

# expected: canonical names of the offices found, in order
OFFICES = [
    ("de", dt.date(2021, 6, 16), "Der US-Präsident sprach mit dem Kremlchef.", ["Biden", "Putin"]),
    ("de", dt.date(2025, 8, 15), "Der US-Präsident sprach mit dem Kremlchef.", ["Trump", "Putin"]),
    ("de", dt.date(2010, 3, 1), "Der russische Präsident reiste ab.", ["Medvedev"]),
    (
        "de",
        dt.date(1986, 10, 11),
        "Der Sowjetführer traf den US-Präsidenten.",
        ["Gorbachev", "Reagan"],
    ),
    ("en", dt.date(2021, 6, 16), "The US president met the Russian president.", ["Biden", "Putin"]),
    ("en", dt.date(2018, 7, 16), "The US president flew home.", ["Trump"]),
    ("en", None, "The US president flew home.", ["Trump"]),  # no date: the latest holder
    # every head of state and government since 2000 is listed: a title of 2006 is not today's
    (
        "en",
        dt.date(2006, 4, 20),
        "The Chinese president met the British prime minister.",
        ["Hu", "Blair"],
    ),
    (
        "de",
        dt.date(2003, 5, 2),
        "Der französische Präsident traf den Bundeskanzler.",
        ["Chirac", "Schröder"],
    ),
]


@pytest.mark.parametrize(("lang", "on", "text", "expected"), OFFICES)
def test_offices_resolved_by_date(
    lang: str, on: dt.date | None, text: str, expected: list[str]
) -> None:
    found = _find(lang, text, on=on)
    assert [a.name for a in found] == expected
    assert {a.kind for a in found} == {"office"}


def test_an_office_in_an_undated_report_is_the_latest_holder_it_names() -> None:
    """Without a date, a title is the latest of the office's holders the report names (the
    one it names, or of two the later), not a later holder it never names."""
    text = (
        "Der Gast erinnerte an den Besuch von John F. Kennedy. Barack Obama sprach danach. "
        "Der US-Präsident lobte die Stadt."
    )
    finder = ActorFinder(default_knowledge().language("de"), on=None, text=text)
    assert [a.name for a in finder.find(text) if a.kind == "office"] == ["Obama"]


# a counterpart named by nationality alone: that country's office matching the office of the
# person before it (offices.yaml, roles), held on the report's date
COUNTERPARTS = [
    (
        "en",
        dt.date(2017, 6, 10),
        "Putin phoned his French counterpart on Tuesday.",
        ["Putin", "Macron"],
    ),
    (
        "en",
        dt.date(2016, 9, 5),
        "The US president met his Russian counterpart.",
        ["Obama", "Putin"],
    ),
    ("en", dt.date(2016, 2, 12), "Lavrov sat down with his U.S. counterpart.", ["Lavrov", "Kerry"]),
    (
        "en",
        dt.date(2019, 8, 1),
        "Merkel spoke to her French counterpart.",
        ["Merkel", None, "Macron"],
    ),
    (
        "en",
        dt.date(2022, 2, 1),
        "Macron will fly to Kyiv with his German counterpart.",
        ["Macron", "Scholz"],
    ),
    ("en", dt.date(2019, 8, 1), "He welcomed his usual counterpart.", [None]),
    (
        "de",
        dt.date(2019, 8, 1),
        "Macron hat seinen russischen Amtskollegen empfangen.",
        ["Macron", "Putin"],
    ),
    (
        "de",
        dt.date(2021, 6, 14),
        "Erdogan traf seinen US-Kollegen in Brüssel.",
        ["Erdogan", "Biden"],
    ),
    (
        "de",
        dt.date(2024, 10, 18),
        "Der Bundespräsident ehrte seinen US-amerikanischen Amtskollegen.",
        ["Steinmeier", "Biden"],
    ),
    # the counterpart's name follows: found once, as a name
    (
        "en",
        dt.date(2023, 1, 9),
        "Biden met his Mexican counterpart, Andrés Manuel López Obrador.",
        ["Biden", "López Obrador"],
    ),
]


@pytest.mark.parametrize(("lang", "on", "text", "expected"), COUNTERPARTS)
def test_a_counterpart_named_by_nationality_is_the_holder_of_the_matching_office(
    lang: str, on: dt.date, text: str, expected: list[str | None]
) -> None:
    assert [a.name for a in _find(lang, text, on=on)] == expected


def test_a_surname_that_is_a_common_word_names_a_person_only_after_the_full_name() -> None:
    # spellings.yaml, not_alone: "Blair House" is no Tony Blair, "Hu" is Hu Jintao only after
    # the report printed his full name, and "Rajnath Singh" is not Manmohan Singh
    assert _find("en", "The guests stayed at Blair House.") == []
    finder = ActorFinder(default_knowledge().language("en"), on=dt.date(2006, 4, 20))
    assert finder.find("Hu said nothing.") == []
    assert _names(finder.find("Tony Blair met Hu Jintao.")) == [
        ("Blair", "person"),
        ("Hu", "person"),
    ]
    assert _names(finder.find("Hu thanked his hosts.")) == [("Hu", "titled")]
    (singh,) = _find("en", "Defence Minister Rajnath Singh arrived.")
    assert singh.name == "Singh"


def test_an_office_before_a_name_is_not_a_second_actor() -> None:
    found = _find("de", "Der Kremlchef Wladimir Putin landete.")
    assert _names(found) == [("Putin", "person")]


@pytest.mark.parametrize(
    ("lang", "text", "group"),
    [
        ("en", "UN Secretary General Antonio Guterres arrived in Kazan.", None),
        ("en", "NATO Secretary-General Mark Rutte met Trump.", None),
        ("en", "NATO allies met as Mark Rutte arrived.", "NATO"),  # a party, not a title's
    ],
)
def test_a_group_that_begins_a_title_is_no_party(lang: str, text: str, group: str | None) -> None:
    found = [a.name for a in _find(lang, text) if a.kind == "group"]
    assert found == ([group] if group else [])


def test_office_holder_on_the_day_an_office_changes_hands() -> None:
    entry = default_knowledge().gazetteer("offices")["us_president"]
    assert office_holder(entry, dt.date(2021, 1, 19)) == "Trump"
    assert office_holder(entry, dt.date(2021, 1, 20)) == "Biden"
    assert office_holder(entry, dt.date(1965, 1, 1)) is None
    assert office_holder(None, dt.date(2021, 1, 20)) is None


# --------------------------------------------------------------------------- titled unknown names

# expected: (canonical, country) of the one titled name found
TITLED = [
    ("de", "Der russische Außenminister Pawel Woronzow sprach zuerst.", ("Voronzov", "RU")),
    ("de", "Der ukrainische Gesandte Andrij Jaschtschenko kam später.", ("Yashchenko", "UA")),
    ("de", "Die finnische Ministerin Aino Virtanen begrüßte alle.", ("Virtanen", "FI")),
    ("en", "Russian Foreign Minister Pavel Vorontsov spoke first.", ("Vorontsov", "RU")),
    ("en", "Treasury Secretary Ann Whitfield joined them.", ("Whitfield", None)),
]


@pytest.mark.parametrize(("lang", "text", "expected"), TITLED)
def test_titled_unknown_names_transliterated_by_country(
    lang: str, text: str, expected: tuple
) -> None:
    (found,) = _find(lang, text)
    assert (found.name, found.country, found.kind) == (*expected, "titled")
    # the name as printed: first name and surname, without the title
    assert found.text == " ".join(text[found.start :].split()[:2])
    assert text[found.start : found.end] == found.text


# expected: (canonical, country) of the name the apposition introduces
APPOSITIONS = [
    ("de", "Pawel Woronzow, der russische Gesandte, sagte wenig.", ("Voronzov", "RU")),
    ("en", "Ivan Petrov, a Kremlin aide, said little.", ("Petrov", "RU")),
    ("en", "Mark Ellery, the US envoy, said little.", ("Ellery", "US")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), APPOSITIONS)
def test_a_name_with_a_titled_apposition(lang: str, text: str, expected: tuple) -> None:
    (found,) = _find(lang, text)
    assert (found.name, found.country, found.kind) == (*expected, "titled")


def test_an_apposition_needs_an_article() -> None:
    assert _find("en", "Ivan Petrov, Kremlin aide said little.") == []


def test_an_apposition_of_something_of_the_titles_names_no_one() -> None:
    # "the president's helicopter" is the helicopter, not "Marine One" as a president
    found = _find("en", "They landed on Marine One, the president's helicopter, at 7 p.m.")
    assert [a.kind for a in found] == ["office"]


def test_a_title_case_headline_names_no_unknown_people() -> None:
    # every word of such a headline is capitalised: "Trump Talks With" is no name
    headline = "President Trump Talks With Putin for Over Two Hours at Summit\n\nMore text."
    assert [a.name for a in _find("en", headline)] == ["Trump", "Putin"]
    # a sentence with many names is not a headline: its titled unknown names are learned
    sentence = "Trump met President Anton Weller and Minister Mira Holt in Geneva on Monday."
    assert "Weller" in [a.name for a in _find("en", sentence)]


def test_a_surname_starting_like_a_nationality_word_gets_no_country() -> None:
    # an abbreviation in capitals ("US") keeps its case and takes no ending
    (found,) = _find("de", "Juri Uschakow, der Berater des Kremls, sagte wenig.")
    assert found.country != "US"
    assert nationality_of("US-Präsident", default_knowledge().language("de")) == "US"


def test_english_nationality_words_are_whole_capitalised_words() -> None:
    # English joins no compounds and writes nationality words with a capital: "Indiana" and
    # "polished" are no nationality words, "Americans" and "Kremlin-backed" are
    en = default_knowledge().language("en")
    assert nationality_of("Indiana", en) is None
    assert nationality_of("polished", en) is None
    assert nationality_of("Americans", en) == "US"
    assert nationality_of("Kremlin-backed", en) == "RU"
    assert nationality_of("Kremlsprecher", default_knowledge().language("de")) == "RU"


def test_a_learned_surname_is_found_in_later_sentences() -> None:
    finder = ActorFinder(default_knowledge().language("de"), on=ON)
    finder.find("Der russische Außenminister Pawel Woronzow sprach zuerst.")
    assert _names(finder.find("Später widersprach Woronzow.")) == [("Voronzov", "titled")]
    assert _names(finder.find("Woronzows Antwort blieb offen.")) == [("Voronzov", "titled")]
    assert finder.country_of("Voronzov") == "RU"
    assert finder.country_of("Putin") == "RU"
    assert finder.country_of("Niemand") is None
    # a new report starts with nothing learned
    assert _find("de", "Später widersprach Woronzow.") == []


@pytest.mark.parametrize(
    ("lang", "first", "later"),
    [
        ("en", "Chinese Vice President Gao Mingzhe arrived on Monday.", "Gao thanked his hosts."),
        ("de", "Der chinesische Vizepräsident Gao Mingzhe kam am Montag.", "Gao dankte."),
        ("en", "Vietnamese Minister Dao Van Thanh spoke first.", "Dao spoke again."),
    ],
)
def test_a_family_name_first_country_names_its_people_by_the_first_word(
    lang: str, first: str, later: str
) -> None:
    # spellings.yaml, family_first: "Gao Mingzhe" is Gao, and "Gao" alone names him later
    finder = ActorFinder(default_knowledge().language(lang), on=ON)
    (found,) = finder.find(first)
    assert found.name == later.split()[0]
    assert _names(finder.find(later)) == [(found.name, "titled")]
    # a family name that is a listed person's surname keeps the full name ("Kim" is Kim Jong Un)
    (kim,) = _find("en", "North Korean Minister Kim Dal Sun spoke first.")
    assert kim.name == "Kim Dal Sun"


def test_a_country_named_right_before_a_title_outranks_a_person_named_earlier() -> None:
    # "Moon Jae-in (R) and New Zealand Prime Minister ...": the prime minister is no Korean, so
    # the name is not read family name first (spellings.yaml, family_first) as Moon's country
    # would have it
    text = "President Moon Jae-in (L) and New Zealand Prime Minister Harriet Tolland met."
    assert _names(_find("en", text)) == [("Moon", "person"), ("Tolland", "titled")]
    # with no country named there, the person before the title still gives it
    text = "President Moon Jae-in and Foreign Minister Baek Jin-sol met."
    assert _names(_find("en", text)) == [("Moon", "person"), ("Baek", "titled")]


@pytest.mark.parametrize(
    ("lang", "text", "later", "name"),
    [
        ("en", "House Speaker Margot Delaney arrived in Taipei.", "Delaney left.", "Delaney"),
        (
            "de",
            "Parlamentspräsidentin Margot Delaney kam in Taipeh an.",
            "Delaney reiste ab.",
            "Delaney",
        ),
    ],
)
def test_a_speaker_of_parliament_is_a_title(lang: str, text: str, later: str, name: str) -> None:
    # person_titles: "Speaker", "Parlamentspräsidentin": the name after it is a person, and
    # its surname names her in later sentences
    finder = ActorFinder(default_knowledge().language(lang), on=ON)
    assert _names(finder.find(text)) == [(name, "titled")]
    assert _names(finder.find(later)) == [(name, "titled")]


def test_transliteration_by_country() -> None:
    german = default_knowledge().language("de")
    assert transliterate("Tschernow", language=german, country="RU") == "Chernov"
    assert transliterate("Tschernow", language=german, country="US") == "Tschernow"
    assert transliterate("Tschernow", language=german, country=None) == "Tschernow"
    english = default_knowledge().language("en")
    assert transliterate("Tschernow", language=english, country="RU") == "Tschernow"


# --------------------------------------------------------------------------- groups, pronouns, both

# expected: (name, kind) of each mention, in order
OTHERS = [
    ("de", "Die Nato-Partner warteten ab.", [("NATO", "group")]),
    ("en", "NATO allies waited.", [("NATO", "group")]),
    ("de", "Er sagte, beide seien zufrieden.", [(None, "pronoun"), (None, "joint")]),
    ("de", "Die beiden Präsidenten gaben ihm recht.", [(None, "joint"), (None, "pronoun")]),
    (
        "en",
        "He said both leaders were pleased and she agreed.",
        [(None, "pronoun"), (None, "joint"), (None, "pronoun")],
    ),
    ("en", "The heir was there.", []),  # "he" inside a word is no pronoun
    # "the pair", "the duo": the two principals, as "both leaders" are
    ("en", "The pair took questions and he left.", [(None, "joint"), (None, "pronoun")]),
    ("en", "Later the duo posed for photographs.", [(None, "joint")]),
    ("en", "He runs a joint-stock company.", [(None, "pronoun")]),  # a compound: no one
    # German "sie" is "she" next to a singular finite verb, "they" next to a plural one
    ("de", "Am Abend kam sie im Hotel an.", [(None, "pronoun")]),
    ("de", "Zuvor hatte sie einen Kranz niedergelegt.", [(None, "pronoun")]),
    ("de", "Danach wollten sie vor die Presse treten.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), OTHERS)
def test_groups_pronouns_and_both(lang: str, text: str, expected: list) -> None:
    assert _names(_find(lang, text)) == expected


@pytest.mark.parametrize(
    ("lang", "text", "word", "expected"),
    [
        ("de", "Sie sprach mit Biden.", "Biden", True),
        ("de", "Sie sprach mit dem Präsidenten Biden.", "Biden", True),
        ("de", "Biden sprach lange.", "Biden", False),
        ("de", "Danach sprach Biden.", "Biden", False),
        ("en", "She spoke with Biden.", "Biden", True),
        ("en", "Then Biden spoke.", "Biden", False),
    ],
)
def test_is_object(lang: str, text: str, word: str, expected: bool) -> None:
    finder = ActorFinder(default_knowledge().language(lang), on=ON)
    assert finder.is_object(text, text.index(word)) is expected


def test_mentions_are_sorted_and_do_not_overlap() -> None:
    text = "Er traf den US-Präsidenten, Lawrow und die Nato-Partner; beide Seiten schwiegen."
    found = _find("de", text)
    assert [a.start for a in found] == sorted(a.start for a in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


# --------------------------------------------------------------------------- own knowledge


def test_added_person_and_titles_are_found_with_own_knowledge(tmp_path: Path) -> None:
    (tmp_path / "gazetteers").mkdir()
    (tmp_path / "lexicons" / "de").mkdir(parents=True)
    (tmp_path / "gazetteers" / "people.yaml").write_text(
        "Quastenberg: {country: AT, names: [Ilse Quastenberg, Quastenberg]}\n", encoding="utf-8"
    )
    (tmp_path / "gazetteers" / "offices.yaml").write_text(
        "alpine_chancellor:\n  country: AT\n  holders:\n"
        "    - {name: Quastenberg, from: 2030-01-01}\n",
        encoding="utf-8",
    )
    (tmp_path / "lexicons" / "de" / "actors.yaml").write_text(
        "office_titles:\n  alpine_chancellor: [Alpenkanzlerin]\nperson_titles: [Bergrätin]\n",
        encoding="utf-8",
    )
    mine = load_knowledge(tmp_path, environment=False)
    on = dt.date(2031, 5, 1)
    cases = [
        ("Ilse Quastenberg landete pünktlich.", [("Quastenberg", "person")]),
        ("Quastenbergs Maschine landete pünktlich.", [("Quastenberg", "person")]),
        ("Die Alpenkanzlerin landete pünktlich.", [("Quastenberg", "office")]),
        ("Bergrätin Vroni Zimmerl landete pünktlich.", [("Zimmerl", "titled")]),
    ]
    for text, expected in cases:
        assert _names(ActorFinder(mine.language("de"), on=on).find(text)) == expected, text
        # the packaged knowledge, in the same process, knows none of them
        assert ActorFinder(default_knowledge().language("de"), on=on).find(text) == [], text


def test_a_president_of_taiwan_and_of_romania_are_listed_people() -> None:
    # people.yaml: Ma Ying-jeou (family name first, "Ma" alone only after the full name, as
    # "Hu") and Klaus Iohannis in his German spelling "Johannis"
    finder = ActorFinder(default_knowledge().language("en"), on=dt.date(2015, 11, 7))
    assert finder.find("Ma said nothing in May.") == []
    assert _names(finder.find("Ma Ying-jeou shook hands with the visitor.")) == [("Ma", "person")]
    assert _names(finder.find("Ma left the hotel.")) == [("Ma", "titled")]
    found = _find("de", "Am Abend traf auch Präsident Klaus Johannis ein.")
    assert [a.name for a in found] == ["Iohannis"]


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        # heads of state and government of the EU, NATO, the Western Balkans, the Caucasus and
        # Central Asia, named by their surname with its diacritics in any spelling
        ("de", "Vutschitsch und Alijew reisten an.", ["Vučić", "Aliyev"]),
        ("en", "Vucic greeted Fico and Khurelsukh.", ["Vučić", "Fico", "Khurelsukh"]),
        # of the Middle East and Africa, the heads of the African Union and the Arab League and
        # well-known foreign ministers
        (
            "en",
            "Tebboune greeted Kagame, Ruto and Safadi.",
            ["Tebboune", "Kagame", "Ruto", "Safadi"],
        ),
        ("de", "König Abdullah II. empfing Sarif und Tinubu.", ["Abdullah II", "Zarif", "Tinubu"]),
        # a surname that is a common word or a first name names no one alone (not_alone)
        ("de", "Kurz danach wurde über Frieden gesprochen.", []),
        ("en", "Abbas and Aoun said Ali would wade in.", []),
    ],
)
def test_leaders_are_listed_people_in_any_spelling(lang: str, text: str, names: list[str]) -> None:
    # people.yaml, spellings.yaml not_alone
    assert [a.name for a in _find(lang, text)] == names


@pytest.mark.parametrize(
    ("lang", "day", "text", "names"),
    [
        ("de", dt.date(2018, 8, 18), "Bundeskanzler Sebastian Kurz landete.", ["Kurz"]),
        # a surname shared with another person ("Abbas Araghchi") or a first name names its
        # person alone only after the full name, or not at all ("Michel Aoun")
        (
            "en",
            dt.date(2019, 5, 2),
            "Mahmoud Abbas met Michel Aoun and Abbas Araghchi. Abbas left.",
            ["Abbas", "Michel Aoun", "Araghchi", "Abbas"],
        ),
    ],
)
def test_a_leader_whose_surname_is_not_alone_is_named_by_the_full_name(
    lang: str, day: dt.date, text: str, names: list[str]
) -> None:
    finder = ActorFinder(default_knowledge().language(lang), on=day)
    assert [a.name for a in finder.find(text)] == names


@pytest.mark.parametrize(
    ("lang", "day", "text", "names"),
    [
        # the table names a leader by the surname, as every other leader, even where the
        # gazetteer needs the full name to find the person ("May" alone is a month)
        (
            "en",
            dt.date(2018, 3, 9),
            "Prime Minister Theresa May met the envoy in May. May said little; Mrs May left.",
            ["May", "May", "May"],
        ),
        ("de", dt.date(2020, 1, 9), "Boris Johnson kam an. Johnson sagte nichts.", ["Johnson"] * 2),
        # the king is Salman; "bin Salman" alone is his son, the crown prince
        (
            "de",
            dt.date(2019, 6, 29),
            "König Salman schickte Kronprinz bin Salman.",
            ["Salman", "Mohammed bin Salman"],
        ),
        (
            "de",
            dt.date(2016, 9, 4),
            "Putin traf Mohammed ibn Salman.",
            ["Putin", "Mohammed bin Salman"],
        ),
        # a surname that is a common word or another listed person's ("Blair House", "Nawaz
        # Sharif"): found by the full name, named by the surname, and by it alone once printed
        (
            "en",
            dt.date(2008, 3, 3),
            "Gordon Brown thanked Tony Blair, and Brown later praised Blair again.",
            ["Brown", "Blair", "Brown", "Blair"],
        ),
        (
            "de",
            dt.date(2020, 3, 3),
            "Ratspräsident Charles Michel rief an; Michel klang müde.",
            ["Michel", "Michel"],
        ),
        # the full name printed inside a longer titled name is the same person, not two
        (
            "en",
            dt.date(2023, 5, 2),
            "Prime Minister Muhammad Shehbaz Sharif arrived, and Shehbaz Sharif waved.",
            ["Sharif", "Sharif"],
        ),
        # a family name printed first is the surname too ("Lee Jae-myung" is Lee); of two of
        # one surname the other keeps the full name ("Lee Myung-bak", "Mojtaba Khamenei")
        (
            "en",
            dt.date(2025, 11, 3),
            "President Lee Jae-myung hosted a dinner for Lee Hsien Loong. Lee spoke first.",
            ["Lee", "Lee Hsien Loong", "Lee"],
        ),
        (
            "de",
            dt.date(2022, 7, 19),
            "Putin sprach mit Ajatollah Ali Chamenei. Auch Mojtaba Khamenei war dabei.",
            ["Putin", "Khamenei", "Mojtaba Khamenei"],
        ),
    ],
)
def test_a_leader_found_by_the_full_name_is_named_by_the_surname(
    lang: str, day: dt.date, text: str, names: list[str]
) -> None:
    # people.yaml keys, spellings.yaml not_alone, ActorFinder._month_here
    finder = ActorFinder(default_knowledge().language(lang), on=day)
    assert [a.name for a in finder.find(text)] == names


@pytest.mark.parametrize(
    ("lang", "day", "sentences", "names"),
    [
        # a title with neither a name nor a country is the last person named who holds an
        # office of that role on the report's date
        (
            "en",
            dt.date(2022, 11, 17),
            ["Prime Minister Fumio Kishida met Xi Jinping.", "The prime minister then flew on."],
            [["Kishida", "Xi"], ["Kishida"]],
        ),
        (
            "de",
            dt.date(2021, 8, 22),
            ["Angela Merkel traf Selenskyj.", "Die Kanzlerin reiste danach ab."],
            [["Merkel", "Zelensky"], ["Merkel"]],
        ),
        # nobody named holds such an office: nobody
        (
            "en",
            dt.date(2022, 11, 17),
            ["Xi Jinping met Joe Biden.", "The prime minister was absent."],
            [["Xi", "Biden"], []],
        ),
        # only as the sentence's subject ("Xi greeted the prime minister" may mean another),
        # and a name after the title is the title's own
        (
            "en",
            dt.date(2022, 11, 17),
            [
                "Fumio Kishida landed.",
                "Xi greeted the prime minister.",
                "The premier Li Qiang left.",
            ],
            [["Kishida"], ["Xi"], ["Li Qiang"]],
        ),
    ],
)
def test_a_title_alone_is_the_last_person_named_who_holds_such_an_office(
    lang: str, day: dt.date, sentences: list[str], names: list[list[str]]
) -> None:
    # lexicon key role_titles, offices.yaml roles, ActorFinder._role_titles
    finder = ActorFinder(default_knowledge().language(lang), on=day)
    assert [[a.name for a in finder.find(s)] for s in sentences] == names


def test_a_middle_initial_without_its_period_names_the_person() -> None:
    # the gazetteer spells "Michael D. Higgins"; some outlets print the initial without its period
    found = _names(_find("en", "Michael D Higgins greeted the guests at the residence."))
    assert found == [("Higgins", "person")]


NO_NEW_PERSON = [
    # a preposition opens a phrase before an apposition, not a name
    ("en", "At Elmsworth, the president planted a tree.", [("Biden", "office")]),
    ("en", "On Tuesday, the president flew home.", [("Biden", "office")]),
    # a name that runs into the next title (a lost space) is no name
    (
        "en",
        "President Mira KaltenRomanian Prime Minister Ion Varga arrived.",
        [("Varga", "titled")],
    ),
    # a titled name ending in a capital: alone, the word is the place
    ("en", "A portrait of the first President Albert Canberra hung there.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), NO_NEW_PERSON)
def test_a_phrase_a_title_or_a_place_before_or_after_a_title_is_no_new_person(
    lang: str, text: str, expected: list
) -> None:
    finder = ActorFinder(default_knowledge().language(lang), on=ON)
    assert _names(finder.find(text)) == expected
    assert not any(a.kind == "titled" for a in finder.find("Later, Canberra and Prime agreed."))
