"""Tests for summit_timeline.mentions.sentences: case tables of (lang, text, expected)."""

from __future__ import annotations

import pytest

from summit_timeline.knowledge import default_knowledge
from summit_timeline.mentions.sentences import split_sentences


def _split(lang: str, text: str) -> list[str]:
    return [s.text for s in split_sentences(text, default_knowledge().language(lang))]


# expected: how many sentences the text holds
SPLITS = [
    # German dates, abbreviations and clock times end no sentence
    ("de", "Am 15. August trafen sie sich. Danach war Ruhe.", 2),
    ("de", "Die Runde endete am 3.5.2019 ohne Ergebnis. Dann reisten alle ab.", 2),
    ("de", "Es war der 2. Gipfel der beiden. Beide lächelten.", 2),
    ("de", "Dr. Berger kam um 11.30 Uhr an. Es war spät.", 2),
    ("de", "Das Treffen z. B. am Vormittag war kurz. Dann ging es weiter.", 2),
    ("de", "Er sagte: „Wir kommen.“ Dann ging er.", 2),
    ("en", "Mr. Smith arrived at 9 a.m. on Jan. 3. He left soon after.", 2),
    ("en", "Talks lasted 2.5 hours. Nobody spoke afterwards.", 2),
    ("en", "One sentence only, without a stop", 1),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SPLITS)
def test_sentence_boundaries(lang: str, text: str, expected: int) -> None:
    found = _split(lang, text)
    assert len(found) == expected, found
    # the sentences cover the text but for the spaces between them
    assert " ".join(found) == " ".join(text.split())


# expected: (text, is_heading, paragraph) of each sentence
LINES = [
    (
        "de",
        "Gipfel in Genf\nDie Präsidenten trafen sich am 3. Mai. Danach gab es Essen.",
        [
            ("Gipfel in Genf", True, 0),
            ("Die Präsidenten trafen sich am 3. Mai.", False, 1),
            ("Danach gab es Essen.", False, 1),
        ],
    ),
    ("de", "Was nun?\nEr schwieg.", [("Was nun?", False, 0), ("Er schwieg.", False, 1)]),
    (
        "en",
        "A title without a stop\n\nA paragraph follows.",
        [("A title without a stop", True, 0), ("A paragraph follows.", False, 1)],
    ),
    (
        "en",
        "This line has far too many words to be read as the heading of a report\nNext.",
        [
            ("This line has far too many words to be read as the heading of a report", False, 0),
            ("Next.", False, 1),
        ],
    ),
    ("en", "", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), LINES)
def test_lines_are_paragraphs_and_short_lines_headings(
    lang: str, text: str, expected: list
) -> None:
    found = split_sentences(text, default_knowledge().language(lang))
    assert [(s.text, s.is_heading, s.paragraph) for s in found] == expected
    assert [s.index for s in found] == list(range(len(found)))


def test_offsets_point_into_the_text() -> None:
    text = "  Eingerückt hier. Und dort.  \n\tZweite Zeile ohne Punkt"
    found = split_sentences(text, default_knowledge().language("de"))
    assert [s.text for s in found] == ["Eingerückt hier.", "Und dort.", "Zweite Zeile ohne Punkt"]
    for s in found:
        assert text[s.start : s.end] == s.text
