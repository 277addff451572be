"""One label, actor order and place per row: the table, the hover and the timeline's row agree.

The table's ``label`` is written by ``schema.label_text`` from the row's own ``actors`` (in their
order) and ``place``; the hover of a mention prints that label, and where the event's row in the
timeline is labelled otherwise (``cells.event_label``: another report's wording), the row's label
too; the row prints ``event_label``. Checked on every row of the sample reports' table and of the
three summits of ``tables.SUMMITS`` (the real pipeline, several stories).
"""

from __future__ import annotations

import html
import re
from typing import Any

import pandas as pd
import pytest
from tables import summits_table

from summit_timeline.knowledge import resolve
from summit_timeline.table.schema import label_text
from summit_timeline.views.cells import event_label, source_labels
from summit_timeline.views.figures import timeline_figure


def _plain(text: str) -> str:
    """Plotly text as a reader sees it: line breaks as spaces, no bold, entities decoded."""
    return " ".join(html.unescape(re.sub(r"</?b>", "", text.replace("<br>", " "))).split())


def _marks(figure: Any) -> dict[str, tuple[str, str]]:
    """mention_id -> (its row's tick label, its hover text), as the figure prints them."""
    ticks = list(figure.layout.yaxis.ticktext)
    found = {}
    for trace in figure.data:
        for i, mention in enumerate(trace.customdata or ()):
            if mention is not None:
                found[str(mention)] = (_plain(ticks[round(trace.y[i])]), _plain(trace.hovertext[i]))
    return found


def _shown_as(tick: str, label: str) -> bool:
    """The row shows ``label``: whole, or cut with '…' where it is too long for the axis."""
    return tick == label or (tick.endswith("…") and label.startswith(tick[:-1].rstrip()))


def _check_agreement(table: pd.DataFrame) -> None:
    knowledge = resolve(None)
    names = source_labels(table)
    for story in table["story_id"].unique():
        rows = table[table["story_id"] == story]
        marks = _marks(timeline_figure(rows))
        for index, row in rows.iterrows():
            mention = row["mention_id"]
            kind = knowledge.event_type(row["event_type"]).label
            # the table: its label names its actors in their order and its place as spelled
            assert row["label"] == label_text(kind, row["status"], row["actors"], row["place"])
            tick, hover = marks[mention]
            event = event_label(rows[rows["event_id"] == row["event_id"]])
            # the row: the event's label
            assert _shown_as(tick, event), (mention, tick, event)
            # the hover: the outlet and the table's label, and the row's label where it differs
            assert hover.startswith(f"{names[index]} — {row['label']} "), (mention, hover)
            if event != row["label"]:
                assert f" Row: {event} " in hover, (mention, hover, event)


def test_the_sample_table_hover_and_rows_agree(sample_table: pd.DataFrame) -> None:
    _check_agreement(sample_table)


def test_a_table_of_three_summits_hover_and_rows_agree() -> None:
    _check_agreement(summits_table())


@pytest.mark.parametrize(
    ("kind", "status", "actors", "place", "expected"),
    [
        ("Talks", "occurred", ["Trump", "Putin"], "Alaska", "Talks: Trump, Putin – Alaska"),
        ("Talks", "cancelled", ["Putin", "Trump"], None, "Talks (cancelled): Putin, Trump"),
        ("Phone call", "announced", [], None, "Phone call (announced)"),
        ("Arrival", "occurred", ("Kim",), float("nan"), "Arrival: Kim"),
        ("Visit", "proposed", ["Putin", None], "Moscow", "Visit (proposed): Putin – Moscow"),
    ],
)
def test_label_text(kind, status, actors, place, expected: str) -> None:
    assert label_text(kind, status, actors, place) == expected


def test_the_row_takes_the_label_most_reports_give() -> None:
    """Three reports of Putin's press conference in Geneva (``tables.SUMMITS``): two name Putin
    alone, who spoke, one names Biden too; the row follows the two."""
    table = summits_table()
    geneva = table[table["label"].str.startswith("Press statement") & (table["place"] == "Geneva")]
    (event_id,) = [
        e for e, rows in geneva.groupby("event_id") if len(rows) == 3 and rows.label.nunique() == 2
    ]
    event = table[table["event_id"] == event_id]
    assert event_label(event) == "Press statement: Putin – Geneva"
