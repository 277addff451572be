"""Tests for the once-per-report scans of actor finding: ``ActorFinder.find_sentences`` (one
scan of a report per pattern) finds what ``ActorFinder.find`` finds sentence by sentence, and
``Lexicon.find_spans`` and the quick path of ``Lexicon.find`` find what a plain scan finds.

Every text is invented for the test; names no gazetteer knows are made up too.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

import pytest

import summit_timeline as st
from summit_timeline.knowledge import default_knowledge
from summit_timeline.knowledge.matching import Lexicon, Spans, sealed
from summit_timeline.mentions.actors import ActorFinder, ActorMention
from summit_timeline.mentions.sentences import split_sentences

ON = dt.date(2019, 2, 27)

# (lang, text): reports whose sentence edges a scan of the whole text sees differently
REPORTS = [
    # a title at the start of a sentence, the surname learned from it in the next one
    (
        "de",
        "Außenminister Karl Wendholm traf den Kremlchef. Wendholm sprach danach mit ihm.",
    ),
    # a name right after a sentence end, with a genitive ending in the next one
    ("de", "Das Treffen endete am Abend. Wladimir Putin reiste ab. Putins Sprecher schwieg."),
    # a headline in Title Case; an office at the end of a line, the name on the next line
    (
        "de",
        "Treffen Von Trump Und Putin In Helsinki\nDer US-Präsident\nDonald Trump landete.",
    ),
    # no space after a stop; a listed name in another spelling; pronouns; a group compound
    ("de", "Die Nato-Partner berieten.Selenski sagte, er sei bereit.Beide reisten ab."),
    # an office whose words run over a line end
    ("de", "Am Rande sprach der Präsident der\nUSA mit Journalisten. Er lachte."),
    ("en", "Secretary of State Mike Pompeo met the envoy. Pompeo's aide declined to comment."),
    (
        "en",
        "Trump Meets Putin In Helsinki For Summit Talks\nPresident Trump met Putin. Both spoke.",
    ),
    # a listed name split by a line end; an apposition with a title
    ("en", "The talks with Kim\nJong Un ended. Kiril Dmitrov, a Kremlin envoy, smiled."),
    ("en", "He met the President\nof the United States. The U.S. president said he was ready."),
]


def _rows(found: list[list[ActorMention]]) -> list[list[tuple]]:
    return [[(a.start, a.end, a.name, a.kind, a.country, a.text) for a in s] for s in found]


def _both(
    lang: str, text: str, spans: list[tuple[int, int]], on: dt.date | None
) -> tuple[ActorFinder, list, ActorFinder, list]:
    language = default_knowledge().language(lang)
    whole = ActorFinder(language, on=on, text=text)
    alone = ActorFinder(language, on=on, text=text)
    return (
        whole,
        _rows(whole.find_sentences(text, spans)),
        alone,
        _rows([alone.find(text[a:b]) for a, b in spans]),
    )


@pytest.mark.parametrize("on", [ON, None])
@pytest.mark.parametrize(("lang", "text"), REPORTS)
def test_one_scan_per_report_finds_what_each_sentence_finds(
    lang: str, text: str, on: dt.date | None
) -> None:
    sentences = split_sentences(text, default_knowledge().language(lang))
    spans = [(s.start, s.end) for s in sentences]
    whole, found, alone, expected = _both(lang, text, spans, on)
    assert found == expected
    assert whole.known == alone.known  # the surnames learned on the way
    assert any(found)


@pytest.mark.parametrize(("lang", "text"), REPORTS)
def test_any_cut_finds_what_each_piece_finds(lang: str, text: str) -> None:
    """Pieces cut at spaces (whole words on either side: a match may reach across) or
    anywhere (inside a word: the pieces are not sealed)."""
    rng = random.Random(len(text))
    spaces = [i for i, ch in enumerate(text) if ch.isspace()]
    anywhere = [rng.sample(range(len(text)), 8) for _ in range(5)]
    for cuts in (spaces, rng.sample(spaces, 3), *anywhere):
        bounds = [0, *sorted(cuts), len(text)]
        spans = [(a + (a > 0 and text[a].isspace()), b) for a, b in itertools.pairwise(bounds)]
        spans = [(a, b) for a, b in spans if a < b]
        whole, found, alone, expected = _both(lang, text, spans, ON)
        assert found == expected, spans
        assert whole.known == alone.known


def test_a_match_across_a_cut_is_not_given_to_either_piece() -> None:
    """Cut inside "Präsident der USA": the whole text's office reaches across the cut; each
    piece alone finds what it holds."""
    offices = default_knowledge().language("de").matcher("actors", "office_titles")
    text = "Dann sprach der Präsident der USA mit ihm."
    cut = text.index(" USA")
    spans = [(0, cut), (cut + 1, len(text))]
    assert [m.text for m in offices.find(text)] == ["Präsident der USA"]
    assert offices.find_spans(Spans(text, spans)) == [offices.find(text[a:b]) for a, b in spans]


def test_a_match_across_a_cut_hides_nothing_in_the_next_piece() -> None:
    """The whole text's "Treffen in Genf" takes "Genf"; the second piece alone holds it."""
    lexicon = Lexicon(default_knowledge().language("de"), {"talks": ["Treffen in Genf", "Genf"]})
    text = "Das Treffen in Genf begann."
    cut = text.index(" Genf")
    spans = [(0, cut), (cut + 1, len(text))]
    assert [m.text for m in lexicon.find(text)] == ["Treffen in Genf"]
    found = lexicon.find_spans(Spans(text, spans))
    assert [[m.text for m in piece] for piece in found] == [[], ["Genf"]]


def test_a_piece_cut_inside_a_word() -> None:
    """Cut after the "D" of "Der": the second piece alone starts with the pronoun "er"."""
    text = "Der Präsident sprach."
    _, found, _, expected = _both("de", text, [(0, 1), (1, len(text))], ON)
    assert found == expected
    assert [(a[3], a[5]) for a in found[1]] == [("pronoun", "er")]


@pytest.mark.parametrize(
    "text", ["Die Anti-Putin-Proteste wuchsen.", "Pro-Nato-Parteien und Ex-Selenski-Berater."]
)
def test_no_name_after_a_hyphen(text: str) -> None:
    """The patterns that look behind a name's first character, not before it, still take no
    name that continues a hyphenated word."""
    assert ActorFinder(default_knowledge().language("de"), on=ON).find(text) == []


SEALED = [
    ("Er kam. Sie ging.", 0, 7, True),
    ("Er kam. Sie ging.", 8, 17, True),
    ("Er kam.Sie ging.", 7, 16, True),  # a stop before it
    ("Kreml-Chef", 6, 10, False),  # a hyphen before it
    ("Gipfeltreffen", 0, 6, False),  # a letter after it
    ("", 0, 0, True),
]


@pytest.mark.parametrize(("text", "start", "end", "expected"), SEALED)
def test_sealed(text: str, start: int, end: int, expected: bool) -> None:
    assert sealed(text, start, end) is expected


def _plain(lexicon: Lexicon) -> Lexicon:
    """``lexicon`` scanned label by label, without the quick path (no opener)."""
    plain = Lexicon.__new__(Lexicon)
    plain.__dict__.update(lexicon.__dict__)
    plain._opener_pattern = False
    plain._every_labels = {}
    return plain


#: Words that make a text long enough for the quick path of ``Lexicon.find`` (a report's)
LONGER = " Danach sprach er lange mit den Journalisten vor dem Haus." * 4

# letters outside ASCII that re.IGNORECASE pairs with ASCII ones: the Kelvin sign with "k",
# the long s with "s", the dotted capital I with "i"
ODD_CASES = [
    "Der \u212aremlchef sprach.",
    "Der KREMLCHEF sprach mit dem US-PRÄSIDENTEN.",
    "Der ruſſiſche Präſident kam.",
    "Der Präsident Russlands und der Präsİdent der USA.",
    "",
    "x",
    LONGER,
]


@pytest.mark.parametrize("text", ODD_CASES)
@pytest.mark.parametrize(("topic", "key"), [("actors", "office_titles"), ("events", "triggers")])
def test_the_quick_path_finds_what_a_plain_scan_finds(text: str, topic: str, key: str) -> None:
    for lang in ("de", "en"):
        lexicon = default_knowledge().language(lang).matcher(topic, key)
        for whole in (text, text + LONGER, LONGER + text):
            assert lexicon.find(whole) == _plain(lexicon).find(whole), (lang, whole)
        for spans in ([(0, len(text))], [(0, len(text) // 2), (len(text) // 2, len(text))]):
            expected = [lexicon.find(text[a:b]) for a, b in spans]
            assert lexicon.find_spans(Spans(text, spans)) == expected, (lang, spans)


@pytest.mark.parametrize(
    "entries",
    [
        {"any": ["*"], "meeting": ["Treffen"]},  # an entry that matches the empty text
        {"end": ["*chen"], "start": ["Treff*"]},  # compounds
        {"arrived": ["kam ... an"]},  # a separable particle: looks past its match
        # a label's match inside its longer one: not a match of the label (``finditer``)
        {"talks": ["Treffen in", "in Genf am Abend"]},
    ],
)
def test_unusual_entries(entries: dict[str, list[str]]) -> None:
    lexicon = Lexicon(default_knowledge().language("de"), entries)
    text = "Das Treffen. Er kam am Abend an. Mädchen und Treffen in Genf am Abend."
    spans = [(0, 12), (13, 32), (33, len(text))]
    assert lexicon.find(text + LONGER) == _plain(lexicon).find(text + LONGER)
    assert lexicon.find_spans(Spans(text, spans)) == [lexicon.find(text[a:b]) for a, b in spans]


def test_the_test_reports_sentence_by_sentence() -> None:
    """On every report of the test data, the actors of each sentence from one scan of the
    report equal those found in each sentence alone."""
    knowledge = default_knowledge()
    reports = list(st.load_reports(Path(__file__).parent / "data" / "reports"))
    assert len(reports) > 10
    for report in reports:
        text = report.text
        sentences = split_sentences(text, knowledge.language(report.language))
        spans = [(s.start, s.end) for s in sentences]
        on = report.published.date() if report.published else None
        _, found, _, expected = _both(report.language, text, spans, on)
        assert found == expected, report


def test_a_label_whose_words_a_sentence_lacks_is_skipped_there() -> None:
    """The long s matches "s" in any case, but "moscow" is not in the sentence's lower case:
    ``find`` skips the label in that sentence, and so does ``find_spans``."""
    lexicon = Lexicon(default_knowledge().language("en"), {"city": ["Moscow"], "talks": ["summit"]})
    text = "The summit ended. They flew to Moſcow."
    spans = [(0, 17), (18, len(text))]
    assert lexicon.find(text[18:]) == []
    assert lexicon.find(text + LONGER) == _plain(lexicon).find(text + LONGER)
    assert lexicon.find_spans(Spans(text, spans)) == [lexicon.find(text[a:b]) for a, b in spans]
