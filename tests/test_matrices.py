"""Event × outlet matrices: who reports what (coverage, its heatmap), and what each outlet says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from compare_tables import alaska_table, table_fixture
from tables import GIFT, gift_knowledge, gift_table

from summit_timeline import compare
from summit_timeline.reading.corpus import Corpus
from summit_timeline.views.chronology import event_order

alaska = table_fixture("alaska", "alaska-hand", "alaska-real")


def test_coverage_counts_mentions_per_outlet(alaska: tuple[pd.DataFrame, Corpus]) -> None:
    table, _ = alaska
    matrix = compare.coverage(table)
    assert list(matrix.index.names) == ["story_id", "event_id", "event_type", "label"]
    assert matrix.shape[1] == 2
    assert matrix.to_numpy().sum() == len(table)
    cancelled = table.loc[(table["event_type"] == "talks") & (table["status"] == "cancelled")]
    row = matrix.xs(cancelled["event_id"].iloc[0], level="event_id")
    assert sorted(row.to_numpy().ravel().tolist()) == [0, 1]
    assert compare.coverage(table, binary=True).dtypes.eq(bool).all()


def test_rows_follow_the_chronology(alaska: tuple[pd.DataFrame, Corpus]) -> None:
    table, _ = alaska
    assert list(compare.coverage(table).index.get_level_values("event_id")) == event_order(table)


def test_rows_follow_the_knowledge_passed(tmp_path: Path) -> None:
    table = gift_table()
    mine = gift_knowledge(tmp_path)
    types = list(compare.coverage(table, knowledge=mine).index.get_level_values("event_type"))
    assert types == [GIFT, "talks"]
    assert list(compare.coverage(table).index.get_level_values("event_type")) == ["talks", GIFT]


def test_empty_table() -> None:
    table, _ = alaska_table()
    matrix = compare.coverage(table.iloc[0:0])
    assert matrix.empty
    assert list(matrix.index.names) == ["story_id", "event_id", "event_type", "label"]


def test_coverage_figure_is_a_heatmap_with_escaped_labels() -> None:
    table, _ = alaska_table()
    table = table.copy()
    table.loc[0, "label"] = "<b>talks</b> <script>alert(1)</script>"
    figure = compare.coverage_figure(table)
    assert isinstance(figure, go.Figure)
    heatmap = figure.data[0]
    assert heatmap.type == "heatmap"
    assert len(heatmap.x) == 2
    labels = figure.layout.yaxis.ticktext
    assert len(labels) == len(heatmap.y) == len(heatmap.z)  # one row per event, no heading
    assert all("<script>" not in label and "<b>" not in label for label in labels)
    assert any("&lt;script&gt;" in label for label in labels)


@pytest.mark.parametrize(
    ("column", "event_id", "expected"),
    [
        ("duration_min", "talks", ["165.0", "150.0"]),
        ("actors", "call", ["Trump", "Trump, NATO, Zelensky"]),
        ("place", "talks-cancelled", ["", ""]),
        ("sentence", "talks-cancelled", ["Das ursprünglich geplante", ""]),
    ],
)
def test_side_by_side(column: str, event_id: str, expected: list[str]) -> None:
    table, _ = alaska_table()
    frame = compare.side_by_side(table, column=column)
    assert frame.columns.equals(compare.coverage(table).columns)
    cells = frame.xs(event_id, level="event_id").iloc[0].tolist()
    assert [c[: len(e)] for c, e in zip(cells, expected, strict=True)] == expected


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: compare.coverage([1, 2]), TypeError, "DataFrame"),
        (lambda: compare.coverage(pd.DataFrame({"event_id": []})), ValueError, "missing columns"),
        (lambda: compare.side_by_side(alaska_table()[0], column="nope"), ValueError, "'nope'"),
    ],
)
def test_bad_input_gives_a_clear_error(call, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        call()


@pytest.mark.parametrize(
    ("first", "name"),
    [
        ("summit_timeline.compare.matrices", "coverage"),
        ("summit_timeline.compare.variants", "quote_variants"),
        ("summit_timeline.compare.differences", "discrepancies"),
    ],
)
def test_the_package_names_are_the_functions_whatever_was_imported_first(
    first: str, name: str
) -> None:
    code = (
        f"import {first} as module\n"
        "import inspect\n"
        "import summit_timeline as st\n"
        "from summit_timeline import compare\n"
        "assert inspect.ismodule(module), module\n"
        f"assert inspect.isfunction(compare.{name}) and compare.{name} is st.{name}\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
