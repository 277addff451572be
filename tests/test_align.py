"""One event_id for the same event across reports and languages."""

from __future__ import annotations

import summit_timeline as st
from summit_timeline.reading.load import parse_report

DE = """---
title: Biden und Putin beenden Gipfel in Genf
outlet: Testblatt
published: 2021-06-16 21:30
timezone: Europe/Berlin
language: de
---
Biden und Putin haben am Mittwoch in Genf knapp vier Stunden lang Gespräche geführt.
Danach gab Putin eine Pressekonferenz.
"""

EN = """---
title: Biden, Putin meet in Geneva
outlet: Test Wire
published: 2021-06-16 20:10
timezone: UTC
language: en
---
Biden and Putin held talks in Geneva on Wednesday for about three and a half hours.
Putin then gave a news conference.
Biden will fly back to Washington later on Wednesday.
"""

OTHER = """---
title: Trump und Kim in Singapur
outlet: Testblatt
published: 2018-06-12 12:00
timezone: Europe/Berlin
language: de
---
Trump und Kim haben am Dienstag in Singapur Gespräche geführt.
"""


def _table(*texts: tuple[str, str]):
    return st.extract_events([parse_report(t, report_id=rid) for rid, t in texts])


def test_same_talks_in_two_languages_share_an_event_id():
    table = _table(("de", DE), ("en", EN))
    talks = table[table.event_type == "talks"]
    assert len(talks) == 2
    assert talks.event_id.nunique() == 1
    assert set(talks.duration_min) == {240.0, 210.0}
    press = table[table.event_type == "press_statement"]
    assert press.event_id.nunique() == 1


def test_events_of_another_summit_stay_apart():
    table = _table(("de", DE), ("en", EN), ("other", OTHER))
    talks = table[table.event_type == "talks"]
    assert talks.event_id.nunique() == 2
    assert set(talks[talks.report_id == "other"].date.astype(str)) == {"2018-06-12"}


def test_event_ids_do_not_depend_on_report_order():
    a = _table(("de", DE), ("en", EN))
    b = _table(("en", EN), ("de", DE))
    assert dict(zip(a.mention_id, a.event_id, strict=True)) == dict(
        zip(b.mention_id, b.event_id, strict=True)
    )


def test_an_english_report_joins_the_german_samples_events():
    """tests/data/crosslang/alaska_en_wire.txt (written for the project) + the two samples."""
    from conftest import DATA, SAMPLES

    table = st.extract_events(st.load_reports([SAMPLES, DATA / "crosslang" / "alaska_en_wire.txt"]))
    english = table[table.report_id == "alaska_en_wire"]
    assert set(zip(english.event_type, english.status, strict=True)) >= {
        ("talks", "occurred"),
        ("talks", "cancelled"),
        ("press_statement", "occurred"),
        ("invitation", "proposed"),
        ("phone_call", "announced"),
        ("departure", "occurred"),
    }
    for event_type, status in [
        ("talks", "occurred"),
        ("talks", "cancelled"),
        ("press_statement", "occurred"),
        ("invitation", "proposed"),
        ("phone_call", "announced"),
        ("departure", "occurred"),
    ]:
        rows = table[(table.event_type == event_type) & (table.status == status)]
        assert rows.event_id.nunique() == 1, (event_type, status, rows.report_id.tolist())
    press = english[english.event_type == "press_statement"].iloc[0]
    assert (press.duration_min, press.duration_hedge) == (12.0, "about")
