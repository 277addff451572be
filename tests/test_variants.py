"""The same remark as printed by different outlets: pairing quotes and the word-level diff."""

from __future__ import annotations

import pandas as pd
import pytest
from compare_tables import alaska_table, table_fixture

from summit_timeline import compare
from summit_timeline.reading.corpus import Corpus
from summit_timeline.views.chronology import event_order

alaska = table_fixture("alaska", "alaska-hand", "alaska-real")
helsinki = table_fixture("helsinki", "helsinki-hand", "helsinki-real")


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


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("Das nächste Mal in Moskau!", "Nächstes Mal in Moskau.", True),
        ("sehr erfahrener Staatsmann", "sehr ausgeglichener Mann", False),
        ("It was a great meeting", "It was a good meeting", True),
        ("We will talk again soon", "The weather was cold", False),
    ],
)
def test_similarity(a: str, b: str, alike: bool) -> None:
    score = compare.similarity(a, b)
    assert 0 <= score <= 1
    assert (score >= 0.5) is alike


def test_variants_follow_the_chronology(helsinki: tuple[pd.DataFrame, Corpus]) -> None:
    table, _ = helsinki
    seen = list(dict.fromkeys(compare.quote_variants(table)["event_id"]))
    assert seen and seen == [e for e in event_order(table) if e in seen]


def test_input_is_not_modified() -> None:
    table, _ = alaska_table()
    before = table.copy(deep=True)
    compare.quote_variants(table)
    pd.testing.assert_frame_equal(table, before)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (
            lambda: compare.quote_variants(alaska_table()[0], min_similarity=2),
            ValueError,
            "min_similarity",
        ),
        (lambda: compare.quote_variants_html(pd.DataFrame()), ValueError, "quote_variants()"),
        (lambda: compare.quote_variants_html([]), TypeError, "quote_variants()"),
    ],
)
def test_bad_input_gives_a_clear_error(call, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        call()
