"""Reading the table's cells: lists, quotes, durations, dates, clock times, the names of sources."""

from __future__ import annotations

import ast
import datetime as dt
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from tables import alaska_table, clock_table

from summit_timeline.views import cells
from summit_timeline.views.cells import (
    NOT_STATED,
    as_dicts,
    as_list,
    cell_text,
    clock_text,
    date_text,
    duration_text,
    event_label,
    format_minutes,
    local_wall_time,
    published_text,
    quote_list,
    readable,
    source_labels,
    source_names,
)

ZURICH = "Europe/Zurich"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, []),
        (math.nan, []),
        (pd.NaT, []),
        ([], []),
        (["Trump", "Putin"], ["Trump", "Putin"]),
        (("Trump",), ["Trump"]),
        (np.array(["Trump", "Putin"], dtype=object), ["Trump", "Putin"]),
        ("Trump", ["Trump"]),
        ({"text": "x"}, [{"text": "x"}]),
    ],
)
def test_as_list(value: object, expected: list) -> None:
    assert as_list(value) == expected


def test_as_dicts_keeps_the_mappings() -> None:
    assert as_dicts([{"sentence": "a"}, "b", None, {"sentence": "c"}]) == [
        {"sentence": "a"},
        {"sentence": "c"},
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([{"speaker": "Trump", "text": "Hello"}], [("Trump", "Hello")]),
        ([{"speaker": None, "text": "Hello"}, {"speaker": "X", "text": "  "}], [(None, "Hello")]),
        (np.array([{"speaker": math.nan, "text": "Hi"}], dtype=object), [(None, "Hi")]),
        (["loose text"], [(None, "loose text")]),
        (None, []),
    ],
)
def test_quote_list(value: object, expected: list) -> None:
    assert quote_list(value) == expected


@pytest.mark.parametrize(
    ("minutes", "hedge", "expected"),
    [
        (165.0, "nur", "nur 165 min (2 h 45 min)"),
        (150.0, " gut ", "gut 150 min (2 h 30 min)"),
        (360.0, None, "360 min (6 h)"),
        (12.0, math.nan, "12 min"),
        (7.5, "", "7.5 min"),
        (None, "nur", ""),
    ],
)
def test_duration_text(minutes: float | None, hedge: str | None, expected: str) -> None:
    assert duration_text({"duration_min": minutes, "duration_hedge": hedge}) == expected
    if hedge is None and minutes is not None:
        assert format_minutes(minutes) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2025, 8, 15), "2025-08-15"),
        (pd.Timestamp("2025-08-15 23:30", tz="America/Anchorage"), "2025-08-15"),
        ("2025-08-15", "2025-08-15"),
        (None, ""),
        (pd.NaT, ""),
    ],
)
def test_date_text(value: object, expected: str) -> None:
    assert date_text(value) == expected


@pytest.mark.parametrize(
    ("values", "zone", "expected"),
    [
        # given in UTC: shown as the venue's wall time
        (
            {"start": "2021-06-16 11:40+00:00", "end": "2021-06-16 13:05+00:00"},
            ZURICH,
            "13:40–15:05",
        ),
        ({"start": "2021-06-16 12:55+02:00", "end": None}, ZURICH, "12:55"),
        ({"start": "2021-06-16 12:55", "end": None}, ZURICH, "12:55"),
        ({"start": "2021-06-16 12:55+02:00", "time_precision": "day"}, ZURICH, ""),
        ({"start": None}, ZURICH, ""),
    ],
)
def test_clock_text(values: dict, zone: str, expected: str) -> None:
    row = {"time_precision": "minute", "end": None, **values}
    for key in ("start", "end"):
        if row[key] is not None:
            row[key] = pd.Timestamp(row[key])
    assert clock_text(row, zone) == expected


def test_local_wall_time() -> None:
    stamp = pd.Timestamp("2025-08-16 04:56", tz="UTC")
    assert local_wall_time(stamp, "America/Anchorage") == dt.datetime(2025, 8, 15, 20, 56)
    assert local_wall_time(pd.Timestamp("2025-08-16 04:56"), "UTC") == dt.datetime(
        2025, 8, 16, 4, 56
    )
    assert local_wall_time(None, "UTC") is None


# (outlets, report ids, expected names): one naming for legends, tables and comparisons
SOURCE_CASES = [
    (["A", "B"], ["r1", "r2"], ["A", "B"]),
    (["A", "A", "B"], ["r1", "r1", "r2"], ["A", "A", "B"]),
    (["A", "A", "B"], ["r1", "r2", "r3"], ["A (r1)", "A (r2)", "B"]),
    ([None, " ", math.nan], ["r1", "r2", "r3"], ["r1", "r2", "r3"]),
    ([" A "], ["r1"], ["A"]),
]


@pytest.mark.parametrize(("outlets", "reports", "expected"), SOURCE_CASES)
def test_source_names(outlets: list, reports: list, expected: list[str]) -> None:
    assert source_names(outlets, reports) == expected


@pytest.mark.parametrize(("outlets", "reports", "expected"), SOURCE_CASES)
def test_source_names_are_a_fixpoint(outlets: list, reports: list, expected: list[str]) -> None:
    """Naming the named sources again changes nothing (the explorer relies on it)."""
    assert source_names(source_names(outlets, reports), reports) == expected


# (outlets, report ids, authors, expected names): no outlet -> the byline, then the file name
AUTHOR_CASES = [
    ([None, "B"], ["r1", "r2"], ["Ann Example", "Bo"], ["Ann Example", "B"]),
    # extract_events writes the report id where a report names no outlet
    (
        ["000_a00dd4f110c38dcf"],
        ["000_a00dd4f110c38dcf"],
        ["Stefanie Hermann"],
        ["Stefanie Hermann"],
    ),
    ([None, None], ["r1", "r2"], [None, " "], ["r1", "r2"]),
    ([None, None, "C"], ["r1", "r2", "r3"], ["Ann", "Ann", None], ["Ann (r1)", "Ann (r2)", "C"]),
    (["r1"], ["r1"], [math.nan], ["r1"]),
]


@pytest.mark.parametrize(("outlets", "reports", "authors", "expected"), AUTHOR_CASES)
def test_a_source_without_outlet_goes_by_its_author(
    outlets: list, reports: list, authors: list, expected: list[str]
) -> None:
    assert source_names(outlets, reports, authors=authors) == expected
    assert source_names(expected, reports, authors=authors) == expected, "not a fixpoint"


def test_source_names_want_one_author_per_report() -> None:
    with pytest.raises(ValueError, match="one value per report"):
        source_names(["A", "B"], ["r1", "r2"], authors=["x"])


def test_every_view_names_a_report_without_outlet_by_its_author(tmp_path: Path) -> None:
    """The legend, the buttons, the page's tables, the comparisons and the lesson's list of
    reports all say 'Ann Example' for a report whose front matter names only its author."""
    import summit_timeline as st
    from summit_timeline import compare
    from summit_timeline.views.export import to_html

    (tmp_path / "wire_0815.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "courier.txt").write_text(COURIER, encoding="utf-8")
    corpus = st.load_reports(tmp_path)
    table = st.extract_events(corpus)
    assert set(source_labels(table)) == {"Ann Example", "Courier"}
    figure = st.timeline_figure(table)
    assert {trace.name for trace in figure.data} == {"Ann Example", "Courier"}
    buttons = [b.label for b in figure.layout.updatemenus[0].buttons]
    assert "Ann Example only" in buttons
    hovers = [text for trace in figure.data for text in trace.hovertext or ()]
    assert hovers and all(not text.startswith("<b>wire_0815") for text in hovers)
    assert any(text.startswith("<b>Ann Example</b>") for text in hovers)
    page = to_html(table)
    for section in ("differences", "events"):
        part = page.split(f'<section id="{section}">')[1].split("</section>")[0]
        assert "wire_0815" not in part and "Ann Example" in part, section
    assert set(compare.source_table(corpus)["outlet"]) == {"Ann Example", "Courier"}
    assert "Ann Example" in set(compare.coverage(table).columns)
    assert set(compare.evaluative_language(corpus)["outlet"]) <= {"Ann Example", "Courier"}


WIRE = """---
author: Ann Example
published: 2021-06-16 19:00
language: en
---
President Joe Biden met President Vladimir Putin for talks in Geneva on Wednesday.

The talks lasted about three hours.
"""

COURIER = """---
outlet: Courier
published: 2021-06-16 20:30
language: en
---
Biden and Putin met for talks in Geneva on Wednesday. The talks lasted 85 minutes.
"""


def test_source_labels_of_a_table() -> None:
    table = alaska_table()
    labels = source_labels(table)
    assert labels.index.equals(table.index) and labels.name == "outlet"
    assert sorted(set(labels)) == ["Alpenblatt", "Seeblick Zeitung"]
    with pytest.raises(ValueError, match="missing columns"):
        source_labels(pd.DataFrame({"outlet": ["x"]}))


def test_event_label_is_the_longest() -> None:
    table = clock_table()
    talks = table[table["event_id"] == "g-talks"]
    assert event_label(talks) == "Talks: LeaderA, LeaderB · Geneva"
    assert event_label(talks.assign(label=None)) == ""


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["Talks: A, B – X", "Talks: A, B – X", "Talks: A, B, C – Y"], "Talks: A, B – X"),
        (["Talks: B, A – Y", "Talks: A, B – X"], "Talks: B, A – Y"),
        (["Talks: A", None, "Talks: A, B"], "Talks: A, B"),
    ],
)
def test_event_label_is_the_one_most_mentions_give(labels: list, expected: str) -> None:
    assert event_label(pd.DataFrame({"label": labels})) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, NOT_STATED),
        (math.nan, NOT_STATED),
        (pd.NaT, NOT_STATED),
        (pd.NA, NOT_STATED),
        ([], NOT_STATED),
        ("", ""),
        (" Alaska ", "Alaska"),
        (["Trump", "Putin"], "Trump, Putin"),
        (np.array(["Kim", None], dtype=object), "Kim"),
        ([{"speaker": "Putin", "text": "Bis bald"}, {"speaker": None, "text": "Ja"}],
         "Putin: «Bis bald», «Ja»"),
        ([{"sentence": "They met.", "char_start": 0}], "They met."),
        (165.0, "165"),
        (np.float64(7.5), "7.5"),
        (np.int64(3), "3"),
        (True, "yes"),
        (np.bool_(False), "no"),
        (dt.date(2025, 8, 15), "2025-08-15"),
        (pd.Timestamp("2025-08-16 06:56", tz="Europe/Berlin"), "2025-08-16 06:56 CEST"),
    ],
)  # fmt: skip
def test_cell_text_says_in_words(value: object, expected: str) -> None:
    assert cell_text(value) == expected


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        (pd.Timestamp("2025-08-16 06:56", tz="Europe/Berlin"), "minute", "2025-08-16 06:56 CEST"),
        (pd.Timestamp("2025-08-16", tz="Europe/Zurich"), "day", "2025-08-16"),
        (None, "none", ""),
    ],
)
def test_published_text_as_far_as_it_is_known(value: object, precision: str, expected: str):
    assert published_text(value, precision) == expected


def test_readable_frames_have_no_nan_none_or_dtype(sample_table: pd.DataFrame) -> None:
    shown = readable(sample_table)
    assert shown.shape == sample_table.shape and shown.index.equals(sample_table.index)
    text = shown.to_string() + shown.to_html()
    for word in ("NaN", "None", "NaT", "<NA>", "[", "Timestamp("):
        assert word not in text, word
    assert NOT_STATED in text
    counts = readable(sample_table.groupby("outlet").size())
    assert "dtype:" not in repr(counts) and list(counts.columns) == ["value"]
    with pytest.raises(TypeError, match="DataFrame or Series"):
        readable([1, 2])  # type: ignore[arg-type]


def test_the_cell_helpers_live_in_cells_only() -> None:
    """The views and the comparisons import the cell helpers from views/cells.py; no module
    defines its own copy of one."""
    package = Path(cells.__file__).resolve().parents[1]
    helpers = {
        node.name
        for node in ast.parse(Path(cells.__file__).read_text(encoding="utf-8")).body
        if isinstance(node, ast.FunctionDef)
    }
    copies, elsewhere = [], []
    for path in sorted([*(package / "views").glob("*.py"), *(package / "compare").glob("*.py")]):
        if path.name == "cells.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module-level functions (a class may name a property alike)
            if isinstance(node, ast.FunctionDef) and node.name.lstrip("_") in helpers:
                copies.append(f"{path.name}: {node.name}")
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module not in ("cells", "views.cells"):
                elsewhere += [
                    f"{path.name}: {a.name} from {node.module}"
                    for a in node.names
                    if a.name in helpers
                ]
    assert copies == []
    assert elsewhere == []
