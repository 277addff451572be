"""Tests of summit_timeline.compare: coverage, discrepancies, quote variants, the reporter's voice.

Two kinds of input: hand-made tables (tests/compare_tables.py) that pin the comparison logic, and
the real pipeline (load_reports + extract_events) on the sample reports and on the Helsinki
reports written for these tests (tests/data/compare/).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from compare_tables import ALASKA, HELSINKI, alaska_table, helsinki_table

from summit_timeline import compare
from summit_timeline.reading.corpus import Corpus, Report
from summit_timeline.mentions.quotes import find_quotes
from summit_timeline.knowledge import load_knowledge


def _pipeline(folder: Path) -> tuple[pd.DataFrame, Corpus]:
    import summit_timeline as st

    corpus = st.load_reports(folder)
    return st.extract_events(corpus), corpus


SOURCES = {
    "alaska-hand": alaska_table,
    "helsinki-hand": helsinki_table,
    "alaska-real": lambda: _pipeline(ALASKA),
    "helsinki-real": lambda: _pipeline(HELSINKI),
}


@pytest.fixture(scope="module", params=["alaska-hand", "alaska-real"])
def alaska(request: pytest.FixtureRequest) -> tuple[pd.DataFrame, Corpus]:
    return SOURCES[request.param]()


@pytest.fixture(scope="module", params=["helsinki-hand", "helsinki-real"])
def helsinki(request: pytest.FixtureRequest) -> tuple[pd.DataFrame, Corpus]:
    return SOURCES[request.param]()


def _rows(found: pd.DataFrame, event_type: str, attribute: str, **where: object) -> pd.DataFrame:
    """Rows of a discrepancies frame for one event type and attribute (and column filters)."""
    rows = found[(found["event_type"] == event_type) & (found["attribute"] == attribute)]
    for column, value in where.items():
        rows = rows[rows[column] == value]
    return rows


def _event_rows(
    table: pd.DataFrame, found: pd.DataFrame, event_type: str, status: str
) -> pd.DataFrame:
    ids = set(
        table.loc[(table["event_type"] == event_type) & (table["status"] == status), "event_id"]
    )
    return found[found["event_id"].isin(ids)]


def _report(text: str, language: str, report_id: str = "r1", outlet: str = "Outlet") -> Report:
    return Report(report_id=report_id, text=text, language=language, outlet=outlet)


# --------------------------------------------------------------------------- coverage


def test_coverage_counts_mentions_per_outlet(alaska: tuple[pd.DataFrame, Corpus]) -> None:
    table, _ = alaska
    matrix = compare.coverage(table)
    assert list(matrix.index.names) == ["event_id", "event_type", "label"]
    assert matrix.shape[1] == 2
    assert matrix.to_numpy().sum() == len(table)
    cancelled = table.loc[(table["event_type"] == "talks") & (table["status"] == "cancelled")]
    row = matrix.xs(cancelled["event_id"].iloc[0], level="event_id")
    assert sorted(row.to_numpy().ravel().tolist()) == [0, 1]
    assert compare.coverage(table, binary=True).dtypes.eq(bool).all()


def test_coverage_figure_is_a_heatmap_with_escaped_labels() -> None:
    table, _ = alaska_table()
    table = table.copy()
    table.loc[0, "label"] = "<b>talks</b> <script>alert(1)</script>"
    figure = compare.coverage_figure(table)
    assert isinstance(figure, go.Figure)
    heatmap = figure.data[0]
    assert heatmap.type == "heatmap"
    assert len(heatmap.x) == 2
    assert all("<script>" not in label and "<b>" not in label for label in heatmap.y)
    assert any("&lt;script&gt;" in label for label in heatmap.y)


# --------------------------------------------------------------------------- discrepancies


def test_discrepancies_on_the_sample_reports(alaska: tuple[pd.DataFrame, Corpus]) -> None:
    table, corpus = alaska
    found = compare.discrepancies(table, corpus=corpus)
    assert tuple(found.columns) == compare.DISCREPANCY_COLUMNS

    talks = _event_rows(table, found, "talks", "occurred")
    duration = talks[talks["attribute"] == "duration"]
    assert set(duration["kind"]) == {"differs"}
    assert sorted(duration["value"]) == ["150 min (gut)", "165 min (nur)"]
    planned = talks[talks["attribute"] == "planned_duration"]
    assert set(planned["kind"]) == {"given_by_some"}
    assert planned["value"].dropna().tolist() == ["360 min"]

    press = _rows(found, "press_statement", "duration")
    assert set(press["kind"]) == {"given_by_some"}
    assert press["value"].dropna().tolist() == ["12 min (nur)"]

    cancelled = _event_rows(table, found, "talks", "cancelled")
    reported = cancelled[cancelled["attribute"] == "reported_by"]
    assert reported["value"].tolist().count("reported") == 1
    assert reported["value"].isna().sum() == 1

    named = talks[(talks["attribute"] == "actor") & talks["value"].eq("named")]
    assert {"Rubio", "Lavrov", "Witkoff", "Ushakov"} <= set(named["detail"])
    assert set(talks.loc[talks["attribute"] == "actor", "kind"]) == {"given_by_some"}

    reply = _rows(found, "invitation", "quote", detail="Trump")
    assert set(reply["kind"]) == {"differs"}
    assert len(reply["value"].dropna()) == 2

    first = _rows(found, "press_statement", "first_speaker")
    assert set(first["kind"]) == {"given_by_some"}
    assert first["value"].dropna().tolist() == ["Putin"]
    assert "Putin" in first["evidence"].dropna().iloc[0]


def test_discrepancies_on_the_helsinki_reports(helsinki: tuple[pd.DataFrame, Corpus]) -> None:
    table, corpus = helsinki
    found = compare.discrepancies(table, corpus=corpus)
    talks = _rows(found, "talks", "duration")
    assert "differs" in set(talks["kind"])
    assert {"130 min (etwa)"} <= set(talks["value"].dropna())
    press = _rows(found, "press_statement", "duration")
    assert set(press["kind"]) == {"differs"}
    assert {"46 min", "45 min (rund)"} <= set(press["value"].dropna())
    first = _rows(found, "press_statement", "first_speaker").dropna(subset=["value"])
    assert first[["outlet", "value"]].values.tolist() == [["Northern Courier", "Putin"]]
    reported = found[found["attribute"] == "reported_by"]
    assert not reported.empty
    assert set(reported["kind"]) == {"reported_by_some"}
    # every row names its outlet, and evidence is given exactly where a value is
    assert found["outlet"].notna().all()
    assert (found["value"].isna() == found["evidence"].isna()).all()


def test_discrepancies_with_one_outlet_is_empty_and_input_is_not_mutated() -> None:
    table, corpus = alaska_table()
    single = table[table["report_id"] == table["report_id"].iloc[0]]
    assert compare.discrepancies(single).empty
    before = table.copy(deep=True)
    compare.discrepancies(table, corpus=corpus)
    compare.quote_variants(table)
    compare.coverage(table)
    pd.testing.assert_frame_equal(table, before)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (
            lambda: compare.discrepancies(pd.DataFrame({"event_id": []})),
            ValueError,
            "missing columns",
        ),
        (lambda: compare.coverage([1, 2]), TypeError, "DataFrame"),
        (lambda: compare.discrepancies(alaska_table()[0], corpus=["x"]), TypeError, "corpus"),
        (
            lambda: compare.quote_variants(alaska_table()[0], min_similarity=2),
            ValueError,
            "min_similarity",
        ),
        (lambda: compare.evaluative_language("text"), TypeError, "corpus"),
        (lambda: compare.discrepancy_summary(pd.DataFrame()), ValueError, "discrepancies()"),
    ],
)
def test_bad_input_gives_a_clear_error(call, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        call()


def test_discrepancy_summary_puts_outlets_side_by_side() -> None:
    table, corpus = alaska_table()
    summary = compare.discrepancy_summary(compare.discrepancies(table, corpus=corpus))
    duration = summary[(summary["event_id"] == "talks") & (summary["attribute"] == "duration")]
    assert duration.iloc[0][list(compare.source_labels(table).unique())].tolist() == [
        "165 min (nur)",
        "150 min (gut)",
    ]


# --------------------------------------------------------------------------- quote variants


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "Nächstes Mal in Moskau.",
            "Das nächste Mal in Moskau!",
            [("replace", "Nächstes", "Das nächste"), ("equal", "Mal in Moskau.", "Mal in Moskau!")],
        ),
        (
            "It was a great meeting",
            "It was a good meeting",
            [
                ("equal", "It was a", "It was a"),
                ("replace", "great", "good"),
                ("equal", "meeting", "meeting"),
            ],
        ),
        ("same words", "Same words.", [("equal", "same words", "Same words.")]),
        ("only in a", "", [("delete", "only in a", "")]),
    ],
)
def test_word_diff(a: str, b: str, expected: list[tuple[str, str, str]]) -> None:
    assert compare.word_diff(a, b) == expected


def test_quote_variants_pairs_two_translations_of_one_remark(
    alaska: tuple[pd.DataFrame, Corpus],
) -> None:
    table, _ = alaska
    variants = compare.quote_variants(table)
    trump = variants[(variants["event_type"] == "invitation") & (variants["speaker"] == "Trump")]
    assert len(trump) == 1
    pair = trump.iloc[0]
    assert pair["match"] == "similar"
    assert "Angebot" in pair["quote_a"] + pair["quote_b"]
    assert "einbringen" in pair["quote_a"] + pair["quote_b"]
    ops = {op for op, _, _ in pair["word_diff"]}
    assert "equal" in ops and ops - {"equal"}


def test_different_remarks_of_one_speaker_are_not_paired(
    alaska: tuple[pd.DataFrame, Corpus],
) -> None:
    # regression (sample reports): Trump's "extrem produktives Treffen" and "noch nicht
    # angekommen" at the press statement are two remarks, not two versions of one
    table, _ = alaska
    variants = compare.quote_variants(table)
    press = variants[variants["event_type"] == "press_statement"]
    assert press.empty
    assert compare.similarity("Das nächste Mal in Moskau!", "Nächstes Mal in Moskau.") > 0.8


def test_quote_variants_across_languages_are_marked_as_translations(
    helsinki: tuple[pd.DataFrame, Corpus],
) -> None:
    table, _ = helsinki
    variants = compare.quote_variants(table)
    trump = variants[
        (variants["event_type"] == "press_statement") & (variants["speaker"] == "Trump")
    ]
    german = trump[
        (trump["outlet_a"] != "Northern Courier") & (trump["outlet_b"] != "Northern Courier")
    ]
    assert german["match"].tolist() == ["similar"]
    assert german["similarity"].iloc[0] > 0.8
    assert set(trump.loc[trump.index.difference(german.index), "match"]) <= {"translation"}


def test_quote_html_escapes_report_text() -> None:
    rendered = compare.diff_html(
        '<script>alert("x")</script> said', "<img src=x onerror=alert(1)> said"
    )
    assert "<script>" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;" in rendered and "&lt;img" in rendered
    table, _ = alaska_table()
    html = compare.quote_variants_html(compare.quote_variants(table))
    assert html.count("<tr>") == 1 + len(compare.quote_variants(table))
    assert "<del" in html and "<ins" in html


# --------------------------------------------------------------------------- evaluative language


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Das war eine zweifelhafte Entscheidung.", ["zweifelhaft"]),
        ("de", "Ein noch peinlicherer Auftritt folgte.", ["peinlich"]),
        ("de", "Für den Gast war der Besuch ein voller Erfolg.", ["voll~ Erfolg"]),
        (
            "de",
            "Die Rede sorgte für Stirnrunzeln und Kopfschütteln.",
            ["Stirnrunzeln", "Kopfschütteln"],
        ),
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
    for phrase in (
        "zweifelhafte Einladung",
        "ein voller Erfolg",
        "Verwunderung bis Stirnrunzeln",
        "verlegen",
    ):
        assert phrase in sentences
    assert {"zweifelhaft", "voll~ Erfolg", "Stirnrunzeln", "verlegen"} <= set(mine["term"])
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
