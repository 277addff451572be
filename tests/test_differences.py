"""Where outlets differ: discrepancies, grouped (the hover texts' and the page's) and side by side.

Two kinds of input: hand-made tables (tests/compare_tables.py) that pin the comparison logic, and
the real pipeline (load_reports + extract_events) on the sample reports and on the Helsinki
reports written for these tests (tests/data/compare/).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from compare_tables import alaska_table, table_fixture
from tables import GIFT, gift_knowledge, gift_table

from summit_timeline import compare
from summit_timeline.reading.corpus import Corpus
from summit_timeline.views.chronology import event_order

alaska = table_fixture("alaska", "alaska-hand", "alaska-real")
helsinki = table_fixture("helsinki", "helsinki-hand", "helsinki-real")


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


def test_discrepancies_on_the_sample_reports(alaska: tuple[pd.DataFrame, Corpus]) -> None:
    table, corpus = alaska
    found = compare.discrepancies(table, corpus=corpus)
    assert tuple(found.columns) == compare.DISCREPANCY_COLUMNS

    talks = _event_rows(table, found, "talks", "occurred")
    duration = talks[talks["attribute"] == "duration"]
    assert set(duration["kind"]) == {"differs"}
    assert sorted(duration["value"]) == ["gut 150 min (2 h 30 min)", "nur 165 min (2 h 45 min)"]
    planned = talks[talks["attribute"] == "planned_duration"]
    assert set(planned["kind"]) == {"given_by_some"}
    assert planned["value"].dropna().tolist() == ["360 min (6 h)"]

    press = _rows(found, "press_statement", "duration")
    assert set(press["kind"]) == {"given_by_some"}
    assert press["value"].dropna().tolist() == ["nur 12 min"]

    cancelled = _event_rows(table, found, "talks", "cancelled")
    reported = cancelled[cancelled["attribute"] == "reported_by"]
    # a row for the outlet that reports it, none for the one that does not: that one is among
    # the story's sources the frame keeps once
    assert reported["value"].tolist() == ["reported"]
    story = str(cancelled["story_id"].iloc[0])
    assert set(found.attrs["sources"][story]) - set(reported["outlet"]), "the silent outlet"

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
    assert {"etwa 130 min (2 h 10 min)"} <= set(talks["value"].dropna())
    press = _rows(found, "press_statement", "duration")
    assert set(press["kind"]) == {"differs"}
    assert {"46 min", "rund 45 min"} <= set(press["value"].dropna())
    first = _rows(found, "press_statement", "first_speaker").dropna(subset=["value"])
    assert first[["outlet", "value"]].values.tolist() == [["Northern Courier", "Putin"]]
    reported = found[found["attribute"] == "reported_by"]
    assert not reported.empty
    assert set(reported["kind"]) == {"reported_by_some"}
    # every row names its outlet, and evidence is given exactly where a value is
    assert found["outlet"].notna().all()
    assert (found["value"].isna() == found["evidence"].isna()).all()


def test_events_come_in_the_chronology_order(alaska: tuple[pd.DataFrame, Corpus]) -> None:
    table, corpus = alaska
    found = compare.discrepancies(table, corpus=corpus)
    order = event_order(table)
    seen = list(dict.fromkeys(found["event_id"]))
    assert seen == [e for e in order if e in seen]


def test_order_follows_the_knowledge_passed(tmp_path: Path) -> None:
    table = gift_table().copy()
    table.loc[table["report_id"] == "r-a", "place"] = "Bern"  # one difference per event
    table.loc[(table["report_id"] == "r-b") & (table["event_type"] == GIFT), "place"] = "Basel"
    default = compare.discrepancies(table)
    mine = compare.discrepancies(table, knowledge=gift_knowledge(tmp_path))
    assert list(dict.fromkeys(default["event_type"])) == ["talks", GIFT]
    assert list(dict.fromkeys(mine["event_type"])) == [GIFT, "talks"]


def test_discrepancies_with_one_outlet_is_empty_and_input_is_not_mutated() -> None:
    table, corpus = alaska_table()
    single = table[table["report_id"] == table["report_id"].iloc[0]]
    assert compare.discrepancies(single).empty
    assert compare.discrepancy_list(compare.discrepancies(single)) == []
    before = table.copy(deep=True)
    compare.discrepancies(table, corpus=corpus)
    pd.testing.assert_frame_equal(table, before)


def test_discrepancy_list_groups_the_rows_in_the_words_shown() -> None:
    table, corpus = alaska_table()
    one, two = dict.fromkeys(compare.source_labels(table))
    found = compare.discrepancies(table, corpus=corpus)
    grouped = compare.discrepancy_list(found)
    by_aspect = {(d.event_id, d.aspect): d for d in grouped}
    duration = by_aspect[("talks", "duration")]
    assert duration.kind == "differs"
    assert duration.text() == (
        f"duration: {one}: nur 165 min (2 h 45 min) · {two}: gut 150 min (2 h 30 min)"
    )
    assert by_aspect[("talks", "planned duration")].values == {
        one: "360 min (6 h)",
        two: "not given",
    }
    assert by_aspect[("talks-cancelled", "reported by")].values == {
        one: "reported",
        two: "not reported",
    }
    assert by_aspect[("talks", "actor (Rubio)")].values == {one: "named", two: "not given"}
    assert ("departure", "duration") not in by_aspect
    assert len(grouped) == len(found.drop_duplicates(["event_id", "attribute", "detail"]))


def test_discrepancy_summary_puts_outlets_side_by_side() -> None:
    table, corpus = alaska_table()
    summary = compare.discrepancy_summary(compare.discrepancies(table, corpus=corpus))
    duration = summary[(summary["event_id"] == "talks") & (summary["attribute"] == "duration")]
    assert duration.iloc[0][list(compare.source_labels(table).unique())].tolist() == [
        "nur 165 min (2 h 45 min)",
        "gut 150 min (2 h 30 min)",
    ]


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (
            lambda: compare.discrepancies(pd.DataFrame({"event_id": []})),
            ValueError,
            "missing columns",
        ),
        (lambda: compare.discrepancies(alaska_table()[0], corpus=["x"]), TypeError, "corpus"),
        (lambda: compare.discrepancies(alaska_table()[0], knowledge="de"), TypeError, "knowledge"),
        (lambda: compare.discrepancy_summary(pd.DataFrame()), ValueError, "discrepancies()"),
        (lambda: compare.discrepancy_list(pd.DataFrame()), ValueError, "discrepancies()"),
        (lambda: compare.discrepancy_list([]), TypeError, "discrepancies()"),
    ],
)
def test_bad_input_gives_a_clear_error(call, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        call()


def _archive(sources: int, events: int) -> pd.DataFrame:
    """One story of ``events`` events told by ``sources`` outlets, each event by two of them."""
    from tables import frame, mention

    rows = []
    for e in range(events):
        for k in (e % sources, (e + 1) % sources):
            rows.append(
                mention(
                    event_id=f"e{e}",
                    mention_id=f"m{e}-{k}",
                    report_id=f"r{k}",
                    outlet=f"Outlet {k:03d}",
                    language="en",
                    event_type="talks",
                    status="occurred",
                    label="Talks",
                    sentence=f"Event {e} by {k}.",
                    duration_min=float(30 + k),
                )
            )
    return frame(rows)


def test_an_event_few_outlets_report_gets_no_row_per_silent_outlet() -> None:
    """An archive story of 40 outlets: each event's reported_by rows are its two reporters',
    the 38 others are counted where the points are grouped and named in the summary."""
    table = _archive(40, 40)
    found = compare.discrepancies(table)
    reported = found[found["attribute"] == "reported_by"]
    assert len(reported) == 2 * 40
    assert set(reported["value"]) == {"reported"}
    assert len(found.attrs["sources"]["story"]) == 40
    point = next(d for d in compare.discrepancy_list(found) if d.attribute == "reported_by")
    assert len(point.values) == 2 and point.unnamed == 38
    assert point.text().endswith("· 38 other sources: not reported")
    summary = compare.discrepancy_summary(found)
    first = summary[summary["attribute"] == "reported_by"].iloc[0]
    outlets = [c for c in summary.columns if c.startswith("Outlet")]
    assert len(outlets) == 40
    assert sorted(first[outlets]).count(compare.differences.NOT_REPORTED) == 38


def test_the_silent_outlets_of_a_filtered_frame_are_still_named() -> None:
    """A frame filtered in a notebook keeps its stories' sources (pandas carries attrs)."""
    table, corpus = alaska_table()
    found = compare.discrepancies(table, corpus=corpus)
    kept = found[found["attribute"] == "reported_by"]
    point = compare.discrepancy_list(kept)[0]
    assert sorted(point.values.values()) == ["not reported", "reported"]
