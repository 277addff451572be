"""The reporter's voice: evaluative wording, attribution shares, and the highlighted text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from compare_tables import table_fixture

from summit_timeline import compare
from summit_timeline.knowledge import load_knowledge
from summit_timeline.mentions.quotes import find_quotes
from summit_timeline.reading.corpus import Corpus, Report

alaska = table_fixture("alaska", "alaska-hand", "alaska-real")
helsinki = table_fixture("helsinki", "helsinki-hand", "helsinki-real")


def _report(text: str, language: str, report_id: str = "r1", outlet: str = "Outlet") -> Report:
    return Report(report_id=report_id, text=text, language=language, outlet=outlet)


# --------------------------------------------------------------------------- evaluative language


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Das war eine zweifelhafte Entscheidung.", ["zweifelhaft"]),
        ("de", "Ein noch peinlicherer Auftritt folgte.", ["peinlich"]),
        ("de", "Für den Gast war der Besuch ein voller Erfolg.", ["voll~ Erfolg"]),
        ("de", "Die Rede sorgte für Kopfschütteln.", ["Kopfschütteln"]),
        ("de", "„Das war ein peinlicher Auftritt“, sagte der Sprecher.", []),
        ("de", "Die Delegationen trafen sich um zehn Uhr.", []),
        ("en", "It was a humiliating day for the president.", ["humiliating"]),
        ("en", "The talks ended dramatically and in a fiasco.", ["dramatic", "fiasco"]),
        ("en", 'The minister said: "This is a disastrous deal."', []),
        ("en", "The two leaders met in the afternoon.", []),
    ],
)
def test_evaluative_language_cases(lang: str, text: str, expected: list[str]) -> None:
    found = compare.evaluative_language(Corpus((_report(text, lang),)))
    assert found["term"].tolist() == expected
    assert set(found["voice"]) <= {"own"}


def test_quoted_words_are_kept_apart() -> None:
    text = 'It was a stunning result. "A disastrous deal," the senator said.'
    found = compare.evaluative_language(Corpus((_report(text, "en"),)), include_quoted=True)
    assert found[["term", "voice"]].values.tolist() == [
        ["stunning", "own"],
        ["disastrous", "quoted"],
    ]
    row = found.iloc[1]
    assert text[row["char_start"] : row["char_end"]] == "disastrous"
    assert row["sentence"] == text[row["sentence_start"] : row["sentence_end"]]


def test_evaluative_language_on_the_sample_reports(alaska: tuple[pd.DataFrame, Corpus]) -> None:
    _, corpus = alaska
    found = compare.evaluative_language(corpus)
    first, second = corpus[0], corpus[1]
    mine = found[found["report_id"] == first.report_id]
    sentences = " ".join(mine["sentence"])
    for phrase in ("zweifelhafte Einladung", "ein voller Erfolg"):
        assert phrase in sentences
    assert {"zweifelhaft", "voll~ Erfolg"} <= set(mine["term"])
    for report in corpus:
        quotes = find_quotes(report.text)
        rows = found[found["report_id"] == report.report_id]
        for start, end in zip(rows["char_start"], rows["char_end"], strict=True):
            assert not any(q.start <= start and end <= q.end for q in quotes)
    assert len(found[found["report_id"] == second.report_id]) < len(mine)
    quoted = compare.evaluative_language(corpus, include_quoted=True)
    assert len(quoted) >= len(found)


def test_evaluative_language_on_the_helsinki_reports(helsinki: tuple[pd.DataFrame, Corpus]) -> None:
    _, corpus = helsinki
    counts = compare.evaluative_language(corpus).groupby("outlet").size()
    assert counts.get("Nachrichtenagentur Nord", 0) < counts["Northern Courier"]
    assert counts.get("Nachrichtenagentur Nord", 0) < counts["Rheinische Tagespost"]


def test_unknown_language_is_skipped_with_a_warning() -> None:
    corpus = Corpus(
        (_report("Un sommet dramatique.", "fr"), _report("A dramatic summit.", "en", "r2"))
    )
    with pytest.warns(UserWarning, match="'r1'.*'fr'"):
        found = compare.evaluative_language(corpus)
    assert found["report_id"].tolist() == ["r2"]


def test_lexicons_have_the_same_keys_and_are_not_tiny() -> None:
    knowledge = load_knowledge(environment=False)
    german = knowledge.language("de").lexicon("evaluative")
    english = knowledge.language("en").lexicon("evaluative")
    assert set(german) == set(english)
    for data in (german, english):
        assert len(data["adjectives"]) + len(data["nouns"]) + len(data["phrases"]) >= 60
        assert len(data["speech_verbs"]) >= 30


# --------------------------------------------------------------------------- attribution


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "„Wir sind zufrieden.“", "quoted"),
        ("de", "Der Minister sagte, man sei zufrieden.", "paraphrase"),
        ("de", "Laut Regierung war das Treffen kurz.", "paraphrase"),
        ("de", "Das Treffen dauerte zwei Stunden.", "own"),
        ("en", '"We are satisfied."', "quoted"),
        ("en", "According to officials, the meeting was short.", "paraphrase"),
        ("en", "The meeting lasted two hours.", "own"),
    ],
)
def test_attribution_cases(lang: str, text: str, expected: str) -> None:
    shares = compare.attribution(Corpus((_report(text, lang),))).iloc[0]
    assert shares[expected] > 0.9
    assert shares[["quoted", "paraphrase", "own"]].sum() == pytest.approx(1.0)


def test_attribution_on_the_sample_reports(alaska: tuple[pd.DataFrame, Corpus]) -> None:
    _, corpus = alaska
    shares = compare.attribution(corpus).set_index("report_id")
    first, second = corpus[0].report_id, corpus[1].report_id
    assert (shares[["quoted", "paraphrase", "own"]].sum(axis=1) - 1).abs().max() < 1e-9
    assert (shares["quoted"] > 0.05).all()
    # the second report is mostly attributed paraphrase, the first mostly its own voice
    assert shares.at[second, "paraphrase"] > shares.at[first, "paraphrase"]
    assert shares.at[first, "own"] > shares.at[second, "own"]


def test_highlight_html_marks_and_escapes() -> None:
    text = 'A stunning day. <script>alert(1)</script> "A disastrous deal," she said.'
    rendered = compare.highlight_html(_report(text, "en"))
    assert "<script>alert" not in rendered
    assert "&lt;script&gt;" in rendered
    assert '<mark title="stunning">stunning</mark>' in rendered
    assert '<mark class="quoted" title="disastrous">disastrous</mark>' in rendered


def test_words_come_from_the_knowledge_passed(tmp_path: Path) -> None:
    (tmp_path / "lexicons" / "en").mkdir(parents=True)
    (tmp_path / "lexicons" / "en" / "evaluative.yaml").write_text(
        "adjectives: [lukewarm]\n", encoding="utf-8"
    )
    mine = load_knowledge(tmp_path, environment=False)
    corpus = Corpus((_report("A lukewarm welcome awaited him.", "en"),))
    assert compare.evaluative_language(corpus).empty
    found = compare.evaluative_language(corpus, knowledge=mine)
    assert found["term"].tolist() == ["lukewarm"]
    assert '<mark title="lukewarm">' in compare.highlight_html(corpus[0], knowledge=mine)


def test_sources_are_named_as_in_the_table() -> None:
    corpus = Corpus(
        (
            _report("A stunning day.", "en", "r1", "Wire"),
            _report("A dramatic day.", "en", "r2", "Wire"),
            Report(report_id="r3", text="A bizarre day.", language="en"),
        )
    )
    assert compare.evaluative_language(corpus)["outlet"].tolist() == [
        "Wire (r1)",
        "Wire (r2)",
        "r3",
    ]
    assert compare.attribution(corpus)["outlet"].tolist() == ["Wire (r1)", "Wire (r2)", "r3"]
    names = list(compare.attribution_figure(corpus).data[0].y)
    assert names == ["Wire (r1)", "Wire (r2)", "r3"]


def test_report_sentences_are_offsets_into_the_text() -> None:
    text = "Die Delegationen trafen sich um 11.30 Uhr. Danach sprach Trump."
    spans = compare.report_sentences(text, "de")
    assert [text[a:b] for a, b in spans] == [
        "Die Delegationen trafen sich um 11.30 Uhr.",
        "Danach sprach Trump.",
    ]
    assert compare.report_sentences(text, "de") == spans
