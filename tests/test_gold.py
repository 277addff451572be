"""The sample reports against the reference annotation (tests/data/gold/alaska-2025.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import DATA

GOLD = yaml.safe_load((DATA / "gold" / "alaska-2025.yaml").read_text(encoding="utf-8"))
SEVEN = {"arrival", "talks", "press_statement", "invitation", "phone_call", "departure", "visit"}


def _cases():
    for report in GOLD["reports"]:
        rid = report["file"].removesuffix(".txt")
        for event in report["events"]:
            yield pytest.param(rid, event, id=f"{rid[:3]}-{event['type']}-{event['status']}")


def _row(table, rid, event):
    rows = table[
        (table.report_id == rid)
        & (table.event_type == event["type"])
        & (table.status == event["status"])
    ]
    assert len(rows) == 1, (
        f"expected one {event['type']}/{event['status']} in {rid}, got {len(rows)}"
    )
    return rows.iloc[0]


@pytest.mark.parametrize(("rid", "event"), list(_cases()))
def test_gold_event_found_with_its_fields(sample_table, rid, event):
    row = _row(sample_table, rid, event)
    assert set(row.actors) == set(event["actors"])
    if "place" in event:
        assert row.place == event["place"]
    expected_date = event.get("date")
    assert row.date == (
        expected_date if expected_date is None else dt.date.fromisoformat(str(expected_date))
    )
    for key in ("duration_min", "planned_duration_min"):
        if key in event:
            assert row[key] == event[key]
    if "duration_hedge" in event:
        assert row.duration_hedge == event["duration_hedge"]
    texts = [q["text"] for q in row.quotes]
    for key in ("quote", "reply_quote"):
        if key in event:
            assert any(event[key] in t or t in event[key] for t in texts), (key, texts)
    sentences = " ".join(e["sentence"] for e in row.evidence)
    assert event["evidence"].strip("„“«»") in sentences


def test_no_other_events_of_the_seven_types(sample_table):
    expected = sum(len(r["events"]) for r in GOLD["reports"])
    assert len(sample_table[sample_table.event_type.isin(SEVEN)]) == expected


def test_shared_events_carry_one_event_id(sample_table):
    a, b = (r["file"].removesuffix(".txt") for r in GOLD["reports"])
    for event_type, status in [
        ("talks", "occurred"),
        ("press_statement", "occurred"),
        ("phone_call", "announced"),
        ("invitation", "proposed"),
        ("departure", "occurred"),
    ]:
        ids = {
            _row(sample_table, rid, {"type": event_type, "status": status}).event_id
            for rid in (a, b)
        }
        assert len(ids) == 1, (event_type, ids)
    assert sample_table.event_id.nunique() == 6


def test_summit_day_is_the_local_date_not_the_publication_date(sample_table):
    dated = sample_table.dropna(subset=["date"])
    assert set(dated.date) == {dt.date(2025, 8, 15)}
    aligned = sample_table[sample_table.date_source == "aligned"]
    assert set(aligned.report_id) == {"001_c4231c246326d5c6"}
