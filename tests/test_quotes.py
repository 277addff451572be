"""Tests for summit_timeline.mentions.quotes: case tables of (text, expected)."""

from __future__ import annotations

import pytest

from summit_timeline.mentions.quotes import find_quotes, inside

# expected: (quoted words, opening mark) of each outermost quotation, in order
PAIRS = [
    ("Er sagte: „Wir sind zufrieden“, und ging.", [("Wir sind zufrieden", "„")]),
    ("Er rief: «Weiter so!»", [("Weiter so!", "«")]),
    ("Sie sagte: »Nein«, dann nichts mehr.", [("Nein", "»")]),
    ("He said “fine” and left.", [("fine", "“")]),
    ('He said "fine" and left.', [("fine", '"')]),
    ("‚Gut‘, sagte er leise.", [("Gut", "‚")]),
    ("‘Good’, he said quietly.", [("Good", "‘")]),
    ("Sie sagte: „Ja“ und „Nein“.", [("Ja", "„"), ("Nein", "„")]),
    # pasted text mixes marks: an opener accepts several closers
    ('Er sagte: „Wir sind zufrieden", und ging.', [("Wir sind zufrieden", "„")]),
    ('He said “fine" and left.', [("fine", "“")]),
    # a comma before the closing mark is not part of the quotation
    ("„Wir kommen wieder,“ sagte sie.", [("Wir kommen wieder", "„")]),
    # only the outermost quotation
    ("„Er sagte ‚niemals‘ dazu“, hieß es.", [("Er sagte ‚niemals‘ dazu", "„")]),
    # empty marks quote nothing
    ('He said "" and left.', []),
    ('She said " , " and left.', []),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS)
def test_mark_pairs(text: str, expected: list) -> None:
    found = find_quotes(text)
    assert [(q.text, q.mark) for q in found] == expected
    for q in found:
        assert text[q.start] == q.mark
        assert text[q.inner_start : q.inner_end] == q.text


# single quotes double as apostrophes: expected quoted words, or [] when they are apostrophes
SINGLE = [
    ("He said 'we agree' today.", ["we agree"]),
    ("It's the President's 'best' day.", ["best"]),
    ("(‘Yes’) was all he said.", ["Yes"]),
    ("—'Yes.' And nothing more.", ["Yes."]),
    ("Trump's and Putin's aides met.", []),
    ("Die Nachbarn von Putins' Datscha.", []),
    ("The '90s were different.", []),
]


@pytest.mark.parametrize(("text", "expected"), SINGLE)
def test_single_quote_rules(text: str, expected: list[str]) -> None:
    assert [q.text for q in find_quotes(text)] == expected


# quotations end with their paragraph (double marks: with their line)
LINES = [
    ("«Offen\n\nzu»", []),
    ('"one line\nthe next"', []),
    ("„eine Zeile\ndie nächste“", []),
    ("'one line\nthe next'", ["one line\nthe next"]),
    ("'one paragraph\n\nthe next'", []),
]


@pytest.mark.parametrize(("text", "expected"), LINES)
def test_quotations_do_not_span_paragraphs(text: str, expected: list[str]) -> None:
    assert [q.text for q in find_quotes(text)] == expected


def test_an_unclosed_mark_quotes_nothing() -> None:
    text = "Er sagte: „Wir kommen wieder. Dann ging er.\nSie sagte: „Gut“."
    assert [q.text for q in find_quotes(text)] == ["Gut"]


def test_inside() -> None:
    text = "Er sagte: „Wir sind zufrieden“, und „ging“."
    spans = find_quotes(text)
    start = text.index("Wir")
    assert inside(spans, start, start + 3) == spans[0]
    assert inside(spans, 0, 2) is None
    assert inside(spans, text.index("ging"), text.index("ging") + 4) == spans[1]
    # a span reaching out of the quotation is not inside it
    assert inside(spans, start, text.index("und")) is None
