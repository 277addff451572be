"""Order and placement of events: clock times, sequence cues, natural order, uncertainty kept."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from tables import GIFT, alaska_table, clock_table, frame, gift_knowledge, gift_table, mention

from summit_timeline.views.chronology import chronology, event_order, venue_timezone

DAY = date(2024, 3, 1)
#: a clock time such as 14:05 (not a UTC offset such as UTC-08:00)
HHMM = re.compile(r"(?<![+\-−\d])\b\d{1,2}:\d{2}\b")


def _event(event_id: str, event_type: str, position: int, **values) -> dict:
    base = {
        "event_id": event_id,
        "mention_id": f"{values.get('report_id', 'r1')}-{event_id}",
        "report_id": "r1",
        "outlet": "Outlet One",
        "language": "en",
        "event_type": event_type,
        "status": "occurred",
        "label": event_type,
        "sentence": f"{event_type} happened.",
        "char_start": position,
        "timezone": "Europe/Helsinki",
        "date": DAY,
        "date_source": "stated",
    }
    return mention(**{**base, **values})


# (case, rows, expected order of event_ids)
ORDER_CASES = [
    (
        "natural order of types when nothing else is said",
        [
            _event("dep", "departure", 10),
            _event("talks", "talks", 20),
            _event("arr", "arrival", 30),
        ],
        ["arr", "talks", "dep"],
    ),
    (
        "'after' puts an event after the one mentioned before it in the same report",
        [_event("press", "press_statement", 10), _event("arr", "arrival", 20, order_cue="after")],
        ["press", "arr"],
    ),
    (
        "the order of mention alone does not override the natural order",
        [_event("talks", "talks", 10), _event("arr", "arrival", 20)],
        ["arr", "talks"],
    ),
    (
        "'first' against the natural order",
        [_event("dep", "departure", 10, order_cue="first"), _event("talks", "talks", 20)],
        ["dep", "talks"],
    ),
    (
        "contradicting cues do not loop: the earlier cue wins",
        [
            _event("talks", "talks", 10),
            _event("press", "press_statement", 20, order_cue="after"),
            _event("press", "press_statement", 25, report_id="r2", mention_id="r2-press"),
            _event("talks", "talks", 30, report_id="r2", mention_id="r2-talks", order_cue="after"),
        ],
        ["talks", "press"],
    ),
    (
        "two events of one type in the order a report tells them",
        [
            _event("t1", "talks", 5, report_id="r2", mention_id="r2-t1"),
            _event("t1", "talks", 20),
            _event("t2", "talks", 10, status="cancelled"),
        ],
        ["t2", "t1"],
    ),
    (
        "clock times beat the natural order and cues",
        [
            _event(
                "dep",
                "departure",
                10,
                start=pd.Timestamp("2024-03-01 09:00", tz="Europe/Helsinki"),
                time_precision="minute",
            ),
            _event(
                "arr",
                "arrival",
                20,
                order_cue="first",
                start=pd.Timestamp("2024-03-01 10:00", tz="Europe/Helsinki"),
                time_precision="minute",
            ),
            _event("talks", "talks", 30),
        ],
        ["dep", "arr", "talks"],
    ),
    (
        "dated days in date order, undated events last",
        [
            _event("call", "phone_call", 5, date=None, status="announced"),
            _event("talks2", "talks", 10, date=date(2024, 3, 2)),
            _event("talks1", "talks", 20),
        ],
        ["talks1", "talks2", "call"],
    ),
]


@pytest.mark.parametrize(("case", "rows", "expected"), ORDER_CASES, ids=[c[0] for c in ORDER_CASES])
def test_event_order(case: str, rows: list[dict], expected: list[str]) -> None:
    assert event_order(frame(rows)) == expected


def test_sample_talks_then_press_statement_by_reported_durations() -> None:
    chrono = chronology(alaska_table())
    places = chrono.placements.set_index("mention_id")
    assert places.loc["a-2", "x1"] - places.loc["a-2", "x0"] == pytest.approx(165)
    assert places.loc["b-1", "x1"] - places.loc["b-1", "x0"] == pytest.approx(150)
    assert places.loc["a-2", "x0"] == places.loc["b-1", "x0"]
    # the press statement starts after the longest reported talks, whoever reported it
    assert places.loc["a-3", "x0"] >= places.loc["a-2", "x1"]
    assert places.loc["b-2", "x0"] == places.loc["a-3", "x0"]
    assert set(places["placed_by"]) == {"order", "undated"}
    assert places.loc["a-4", "placed_by"] == "undated"  # announced phone call, no date


def test_sample_axis_shows_no_clock_time() -> None:
    chrono = chronology(alaska_table())
    assert not chrono.has_clock
    assert "America/Anchorage" in chrono.axis_title
    assert [text for _, text in chrono.ticks if HHMM.search(text)] == []
    assert [b.key for b in chrono.blocks] == ["2025-08-15", "undated"]


def test_clock_times_in_the_venue_zone() -> None:
    chrono = chronology(clock_table())
    places = chrono.placements.set_index("mention_id")
    # 11:40 UTC is 13:40 in Geneva; arrival at 12:55 local: 45 minutes apart on the axis
    assert places.loc["x-2", "local_start"].strftime("%H:%M") == "13:40"
    assert places.loc["x-2", "x0"] - places.loc["x-1", "x0"] == pytest.approx(45)
    assert places.loc["x-2", "placed_by"] == "clock"
    assert places.loc["y-1", "placed_by"] == "other_outlet"
    assert places.loc["y-2", "placed_by"] == "order"
    assert places.loc["y-2", "x0"] > places.loc["y-1", "x1"]
    assert places.loc["y-3", "placed_by"] == "undated"
    clock_ticks = [text for _, text in chrono.ticks if HHMM.search(text)]
    assert "13:00" in clock_ticks and "15:00" in clock_ticks
    assert "Europe/Zurich" in chrono.axis_title and "CEST" in chrono.axis_title
    keys = ["2021-06-16", "2021-06-16/untimed", "2021-07-01", "undated"]
    assert [b.key for b in chrono.blocks] == keys
    assert [b.clock for b in chrono.blocks] == [True, False, False, False]


def test_blocks_do_not_overlap_and_hold_their_events() -> None:
    chrono = chronology(clock_table())
    for left, right in zip(chrono.blocks, chrono.blocks[1:], strict=False):
        assert left.end < right.start
    blocks = {b.key: b for b in chrono.blocks}
    for _, place in chrono.placements.iterrows():
        block = blocks[place["block"]]
        assert block.start <= place["x0"] <= place["x1"] <= block.end


def test_input_is_not_modified() -> None:
    table = clock_table()
    before = table.copy(deep=True)
    chronology(table)
    pd.testing.assert_frame_equal(table, before)


def test_venue_timezone() -> None:
    assert venue_timezone(alaska_table()) == "America/Anchorage"
    assert venue_timezone(alaska_table().assign(timezone=None)) is None


def test_the_natural_order_comes_from_the_knowledge_passed(tmp_path: Path) -> None:
    table = gift_table()
    # unknown to the packaged ontology: placed after the known types
    assert event_order(table) == ["talks", "gifts"]
    # a knowledge that adds the type with an early order puts it first
    mine = gift_knowledge(tmp_path)
    assert mine.event_type(GIFT).order < mine.event_type("talks").order
    assert event_order(table, knowledge=mine) == ["gifts", "talks"]
    assert chronology(table, knowledge=mine).events == ("gifts", "talks")


def test_knowledge_must_be_a_knowledge_object() -> None:
    with pytest.raises(TypeError, match="load_knowledge"):
        chronology(alaska_table(), knowledge="de")  # type: ignore[arg-type]


#: modules a notebook may import before it calls ``st.chronology``
FIRST_IMPORTS = [
    "summit_timeline.views.figures",
    "summit_timeline.views.chronology",
    "summit_timeline.views.export",
    "summit_timeline.compare",
    "summit_timeline.views",
]


@pytest.mark.parametrize("first", FIRST_IMPORTS)
def test_st_chronology_works_whatever_was_imported_first(first: str) -> None:
    """``st.chronology`` is the function, not a module, in a fresh interpreter."""
    code = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        f"import {first}\n"
        "import summit_timeline as st\n"
        "from tables import alaska_table\n"
        "placed = st.chronology(alaska_table())\n"
        "print(type(placed).__name__, len(placed.events))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Chronology", "6"]


def test_empty_table() -> None:
    chrono = chronology(alaska_table().iloc[0:0])
    assert chrono.events == () and chrono.blocks == () and chrono.placements.empty


@pytest.mark.parametrize(
    ("table", "error"),
    [("not a table", TypeError), (pd.DataFrame({"event_id": ["x"]}), ValueError)],
)
def test_bad_input_names_the_problem(table: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="table"):
        chronology(table)  # type: ignore[arg-type]


def test_negative_gap_is_refused() -> None:
    with pytest.raises(ValueError, match="gap_min"):
        chronology(alaska_table(), gap_min=-1)


# ---------------------------------------------------------------- a clock day's band


def _timed(hhmm: str) -> dict:
    return {"start": pd.Timestamp(f"2024-03-01 {hhmm}", tz="Europe/Helsinki"),
            "time_precision": "minute"}  # fmt: skip


def _band_day() -> pd.DataFrame:
    """A day with clock times for two events and none for three: the talks (100 minutes) and a
    departure no report times, and a press statement reported after the talks; the arrival at
    10:58 and a phone call at 16:00 are timed."""
    return frame(
        [
            _event("arr", "arrival", 10, **_timed("10:58")),
            _event("talks", "talks", 20, duration_min=100.0),
            _event("press", "press_statement", 30, order_cue="after"),
            _event("call", "phone_call", 40, **_timed("16:00")),
            _event("dep", "departure", 50),
        ]
    )


def test_untimed_events_of_a_clock_day_go_to_its_band_not_on_its_hours() -> None:
    chrono = chronology(_band_day())
    places = chrono.placements.set_index("event_id")
    hours, band = chrono.blocks
    assert (hours.key, hours.clock, hours.untimed) == ("2024-03-01", True, False)
    assert (band.key, band.clock, band.untimed) == ("2024-03-01/untimed", False, True)
    assert band.label == "time not reported" and band.day == DAY
    assert hours.end < band.start
    for event in ("arr", "call"):
        assert places.loc[event, "placed_by"] == "clock"
        assert hours.start <= places.loc[event, "x0"] <= hours.end
    for event in ("talks", "press", "dep"):
        assert places.loc[event, "placed_by"] == "order"
        assert places.loc[event, "block"] == band.key
        assert band.start <= places.loc[event, "x0"] <= places.loc[event, "x1"] <= band.end
    # drawn as long as reported, never at an hour: no clock tick in the band
    assert places.loc["talks", "x1"] - places.loc["talks", "x0"] == pytest.approx(100)
    band_ticks = [text for x, text in chrono.ticks if band.start <= x <= band.end]
    assert band_ticks == ["#1", "#2", "#3"]
    assert all(HHMM.search(text) for x, text in chrono.ticks if x < band.start)
    assert any("time not reported" in note for note in chrono.axis_notes)


def test_the_band_keeps_the_order_the_reports_give() -> None:
    chrono = chronology(_band_day())
    places = chrono.placements.set_index("event_id")
    band = [e for e in places.sort_values("x0").index if places.loc[e, "block"].endswith("untimed")]
    assert band == ["talks", "press", "dep"]
    assert [places.loc[e, "step"] for e in band] == [1, 2, 3]
    # the time order overall is the day's: the band's events between the timed ones
    assert chrono.events == ("arr", "talks", "press", "call", "dep")


def test_an_event_timed_by_another_report_stays_on_the_hours() -> None:
    rows = [
        *_band_day().to_dict("records"),
        _event("talks", "talks", 5, report_id="r2", mention_id="r2-talks", **_timed("11:30")),
    ]
    chrono = chronology(frame(rows))
    places = chrono.placements.set_index("mention_id")
    hours = chrono.blocks[0]
    assert places.loc["r2-talks", "placed_by"] == "clock"
    assert places.loc["r1-talks", "placed_by"] == "other_outlet"
    assert places.loc["r1-talks", "x0"] == places.loc["r2-talks", "x0"]
    assert hours.start <= places.loc["r1-talks", "x0"] <= hours.end
    assert places.loc["r1-press", "block"] == "2024-03-01/untimed"


def test_a_day_without_clock_times_has_no_band() -> None:
    chrono = chronology(alaska_table())
    assert not any(block.untimed for block in chrono.blocks)
    assert set(chrono.placements["block"]) == {"2025-08-15", "undated"}


def test_ticks_stay_apart_on_a_long_axis() -> None:
    """Sequence gaps widen with the axis: '#1' and '#2' are never a few pixels apart."""
    chrono = chronology(alaska_table())
    xs = [x for x, _ in chrono.ticks]
    span = chrono.blocks[-1].end - chrono.blocks[0].start
    assert min(b - a for a, b in itertools.pairwise(xs)) >= 0.045 * span
