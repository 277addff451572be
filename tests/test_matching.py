"""Tests for summit_timeline.knowledge.matching: the entry syntax of the lexicons.

Rows are (lang, entry, text, expected): the texts an entry matches in a sentence, in order.
"""

from __future__ import annotations

import re

import pytest

from summit_timeline.knowledge import default_knowledge
from summit_timeline.knowledge.matching import UPPER, Lexicon


def _matches(lang: str, entry: str, text: str) -> list[str]:
    lexicon = Lexicon(default_knowledge().language(lang), {"label": [entry]})
    return [m.text for m in lexicon.find(text)]


ENTRIES = [
    # plain words, any case, with the language's inflection endings
    ("de", "Treffen", "Das Treffen begann.", ["Treffen"]),
    ("de", "Treffen", "Das TREFFEN begann.", ["TREFFEN"]),
    ("de", "Gespräch", "Nach den Gesprächen ging er.", ["Gesprächen"]),
    ("de", "Gespräch", "Die Gesprächsrunde begann.", []),  # an ending, not a compound
    ("en", "meeting", "Two meetings were held.", ["meetings"]),
    ("en", "meet", "They met.", []),  # endings, not irregular forms
    # "=" : the exact word, without endings
    ("de", "=Gipfel", "Der Gipfel begann.", ["Gipfel"]),
    ("de", "=Gipfel", "Nach den Gipfeln ging er.", []),
    ("de", "Gipfel", "Nach den Gipfeln ging er.", ["Gipfeln"]),
    # "*" : any continuation, or any beginning (compounds)
    ("de", "gemeinsam*", "Die gemeinsame Erklärung folgte.", ["gemeinsame"]),
    ("de", "*gespräch", "Das Vieraugengespräch begann.", ["Vieraugengespräch"]),
    ("de", "Treffen", "Das Spitzentreffen begann.", []),
    # "*-" : a compound whose parts hyphens link, matched from its first part
    ("de", "*-gespräch", "Ein Drei-Länder-Gespräch begann.", ["Drei-Länder-Gespräch"]),
    ("de", "*-gespräch", "Die „Eins-plus-Eins“-Gespräche begannen.", []),
    ("de", "*-gespräch", "Das Dreiergespräch begann.", []),
    # "..." : a gap of a few words; a separable particle must end its clause
    ("de", "kam ... an", "Er kam am späten Abend in Genf an.", ["kam am späten Abend in Genf an"]),
    ("de", "kam ... an", "Er kam gestern an und ging.", ["kam gestern an"]),
    ("de", "kam ... an", "Er kam am späten Abend an der Grenze vorbei.", []),
    ("en", "walked ... out", "He walked slowly out of the room.", ["walked slowly out"]),
    # "{Name}" : a capitalised name
    ("de", "traf {Name}", "Er traf Macron in Paris.", ["traf Macron"]),
    ("de", "traf {Name}", "Er traf ihn in Paris.", []),
    ("en", "met {Name}", "She met Élodie Durand there.", ["met Élodie"]),
    # spelling variants of the language: ß and ss stand for one another in German only
    ("de", "Straße", "Die Strasse war leer.", ["Strasse"]),
    ("de", "Strasse", "Die Straße war leer.", ["Straße"]),
    ("en", "Straße", "Die Strasse war leer.", []),
    # a hyphen matches a non-breaking hyphen
    ("de", "Kreml-Chef", "Der Kreml\u2011Chef sprach.", ["Kreml\u2011Chef"]),
    # no match inside a hyphenated word
    ("de", "Chef", "Der Kreml-Chef sprach.", []),
]


@pytest.mark.parametrize(("lang", "entry", "text", "expected"), ENTRIES)
def test_entry_syntax(lang: str, entry: str, text: str, expected: list[str]) -> None:
    assert _matches(lang, entry, text) == expected


def test_longest_match_wins_across_labels() -> None:
    lexicon = Lexicon(
        default_knowledge().language("de"),
        {"short": ["Gespräch"], "long": ["Vieraugengespräch"]},
    )
    found = lexicon.find("Ein Vieraugengespräch und ein Gespräch.")
    assert [(m.label, m.text) for m in found] == [
        ("long", "Vieraugengespräch"),
        ("short", "Gespräch"),
    ]
    assert lexicon.labels == ("short", "long")
    assert lexicon.search("kein Gespräch", "short").start == 5
    assert lexicon.search("kein Gespräch", "long") is None
    assert lexicon.find("kein Gespräch", ["unknown"]) == []


def test_german_talks_trigger_ends_a_hyphenated_compound() -> None:
    triggers = default_knowledge().language("de").matcher("events", "triggers")
    found = triggers.find("Am Abend gab es ein Drei-Länder-Gespräch mit dem Kanzler.")
    assert [(m.label, m.text) for m in found] == [("talks", "Drei-Länder-Gespräch")]


def test_entries_must_be_strings() -> None:
    with pytest.raises(ValueError, match=r"lexicon en/bad: entries must be strings.*quote YAML"):
        Lexicon(default_knowledge().language("en"), {"bad": ["yes", True]})


@pytest.mark.parametrize(
    ("letter", "expected"), [("Č", True), ("É", True), ("Ж", True), ("a", False)]
)
def test_upper_case_letters_of_all_scripts(letter: str, expected: bool) -> None:
    assert bool(re.fullmatch(UPPER, letter)) is expected


def test_matcher_is_compiled_once_per_knowledge_object() -> None:
    german = default_knowledge().language("de")
    assert german.matcher("actors", "person_titles") is german.matcher("actors", "person_titles")


def test_skipping_labels_whose_words_are_absent_finds_the_same() -> None:
    """A label none of whose words occurs in a text is not scanned (``Lexicon.find``): on every
    line of the test reports the matches equal those of a scan of every label."""
    from pathlib import Path

    knowledge = default_knowledge()
    lines = [
        line
        for path in sorted((Path(__file__).parent / "data").rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(lines) > 100
    for lang in ("de", "en"):
        language = knowledge.language(lang)
        for lexicon in (
            language.matcher("actors", "office_titles"),
            language.matcher("events", "triggers"),
        ):
            every = Lexicon.__new__(Lexicon)
            every.__dict__.update(lexicon.__dict__)
            every._needles = {}  # scan every label
            for line in lines:
                assert lexicon.find(line) == every.find(line), (lang, line)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_trigger_entry_lets_the_scan_skip_from_word_to_word(lang: str) -> None:
    # an entry that starts with no letter ("'ll call") or no word boundary would turn off the
    # scan that looks only where a word may begin a match, for the whole lexicon: every report
    # would be searched the slow way (a hyphenated compound, "*-gespräch", keeps it)
    triggers = default_knowledge().language(lang).matcher("events", "triggers")
    assert triggers._opener() is not None
