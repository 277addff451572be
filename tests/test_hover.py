"""Hover texts: one mention in words, escaped, with the discrepancies of its event."""

from __future__ import annotations

import datetime as dt

import pytest
from tables import SCRIPT

from summit_timeline.compare import Discrepancy
from summit_timeline.views.hover import esc, hover_text, time_text, wrap

ROW = {
    "label": "Talks: A, B",
    "status": "occurred",
    "date": dt.date(2021, 6, 16),
    "date_source": "stated",
    "duration_min": 85.0,
    "duration_hedge": "about",
    "planned_duration_min": 60.0,
    "sentence": "The talks lasted about 85 minutes.",
    "quotes": [{"speaker": "A", "text": "It went well."}],
}
PLACE = {
    "placed_by": "clock",
    "local_start": dt.datetime(2021, 6, 16, 13, 40),
    "local_end": dt.datetime(2021, 6, 16, 15, 5),
    "step": 2,
}


@pytest.mark.parametrize(
    ("placed_by", "expected"),
    [
        ("clock", "13:40–15:05 local time (Europe/Zurich), as reported"),
        ("other_outlet", "not given in this report; placed at the time another report gives"),
        ("order", "no clock time reported; #2 in the order the reports give"),
        ("undated", "no date reported; shown apart"),
    ],
)
def test_time_text_says_how_the_mention_was_placed(placed_by: str, expected: str) -> None:
    assert time_text({**PLACE, "placed_by": placed_by}, "Europe/Zurich") == expected


def test_hover_text_lines() -> None:
    text = hover_text(ROW, PLACE, "Wire", [], zone="Europe/Zurich")
    assert text.split("<br>") == [
        "<b>Wire</b> — Talks: A, B",
        "Status: occurred",
        "Date: 2021-06-16 (stated in the report)",
        "Time: 13:40–15:05 local time (Europe/Zurich), as reported",
        "Duration: about 85 min (1 h 25 min) (planned: 60 min (1 h))",
        "Evidence: «The talks lasted about 85 minutes.»",
        "Quote: A: «It went well.»",
    ]


def test_the_row_label_is_named_where_the_mention_says_otherwise() -> None:
    """A mention worded otherwise than its event's row (another report's place and order of
    names) shows the row's label under its own, so a reader can match the two."""
    row = {**ROW, "label": "Talks: B, A – X"}
    lines = hover_text(row, PLACE, "Wire", [], zone=None, event="Talks: A, B – Y").split("<br>")
    assert lines[:2] == ["<b>Wire</b> — Talks: B, A – X", "Row: Talks: A, B – Y"]
    same = hover_text(ROW, PLACE, "Wire", [], zone=None, event=ROW["label"]).split("<br>")
    assert not any(line.startswith("Row:") for line in same)


def test_the_row_label_defaults_to_the_one_the_differences_carry() -> None:
    differences = [Discrepancy("talks", "Talks: A, B – Y", "place", values={"Wire": "X"})]
    lines = hover_text({**ROW, "label": "Talks: A, B – X"}, PLACE, "Wire", differences, zone=None)
    assert lines.split("<br>")[1] == "Row: Talks: A, B – Y"


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ({"date": None}, "Date: not reported"),
        ({"date_source": "context"}, "Date: 2021-06-16 (from an earlier sentence of the report)"),
        ({"status": "proposed"}, "Status: proposed (offered, not agreed)"),
        ({"duration_min": None}, "Duration: not reported (planned: 60 min (1 h))"),
    ],
)
def test_hover_text_variants(values: dict, line: str) -> None:
    assert line in hover_text({**ROW, **values}, PLACE, "Wire", [], zone=None).split("<br>")


def test_hover_text_lists_the_discrepancies() -> None:
    differences = [
        Discrepancy("talks", "Talks", "duration", values={"Wire": "85 min", "Post": "not given"}),
        Discrepancy("talks", "Talks", "actor", "B", "given_by_some", {"Wire": "named"}),
    ]
    lines = hover_text(ROW, PLACE, "Wire", differences, zone=None).split("<br>")
    assert lines[-3:] == [
        "<b>Outlets differ</b>:",
        "· duration: Wire: 85 min · Post: not given",
        "· actor (B): Wire: named",
    ]


def test_report_text_is_escaped() -> None:
    row = {**ROW, "label": SCRIPT, "sentence": f"{SCRIPT} %{{x}}", "quotes": [SCRIPT]}
    text = hover_text(row, PLACE, f"<i>{SCRIPT}</i>", [], zone=None)
    assert "<script" not in text and "<i>" not in text
    assert "&lt;script&gt;" in text and "%{x}" in text


@pytest.mark.parametrize(
    ("value", "expected"),
    [("a < b & c", "a &lt; b &amp; c"), ('say "x"', 'say "x"'), (None, ""), (float("nan"), "")],
)
def test_esc(value: object, expected: str) -> None:
    assert esc(value) == expected


def test_wrap() -> None:
    assert wrap("one two three four", width=9) == "one two<br>three<br>four"
    assert wrap("  ", width=9) == "" and wrap(None) == ""
