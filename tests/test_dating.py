"""Tests for summit_timeline.table.dating: the time-zone rule of the reference annotations.

A date the text states is taken as stated; anything else is read from the publication time
converted into the zone of the event's place, never later than publication; a report that
gives only its publication day keeps both local dates that day can fall on. The reports are
invented: an outlet in Berlin writing about talks in Anchorage (ten hours behind in August).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from summit_timeline.mentions.temporal import find_temporal
from summit_timeline.reading.corpus import Report
from summit_timeline.table.dating import Dating, date_mention, on_day, publication_dates, zone

BERLIN = ZoneInfo("Europe/Berlin")
ANCHORAGE = ZoneInfo("America/Anchorage")
D = dt.date


def _report(published: dt.datetime | None, precision: str = "minute") -> Report:
    return Report(
        report_id="case",
        text="",
        language="de",
        published=published,
        published_precision=precision,  # type: ignore[arg-type]
        timezone="Europe/Berlin",
    )


#: Saturday 16 August 2025, 06:56 in Berlin: Friday 15 August, 20:56 in Anchorage
EARLY = _report(dt.datetime(2025, 8, 16, 6, 56, tzinfo=BERLIN))
#: only the day is printed: 16 August in Berlin runs from 15 August 14:00 in Anchorage
DAY_ONLY = _report(dt.datetime(2025, 8, 16, tzinfo=BERLIN), "day")


def _date(
    report: Report, sentence: str, *, duration: float | None = None, **options: object
) -> Dating:
    times = find_temporal(sentence, "de")
    return date_mention(times, duration, report=report, tz=ANCHORAGE, **options)  # type: ignore[arg-type]


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 8, day, hour, minute, tzinfo=ANCHORAGE)


def test_publication_dates_in_the_place_zone() -> None:
    assert publication_dates(EARLY, ANCHORAGE) == (D(2025, 8, 15),)
    assert publication_dates(EARLY, BERLIN) == (D(2025, 8, 16),)
    assert publication_dates(DAY_ONLY, ANCHORAGE) == (D(2025, 8, 15), D(2025, 8, 16))
    assert publication_dates(DAY_ONLY, BERLIN) == (D(2025, 8, 16),)
    assert publication_dates(_report(None, "none"), ANCHORAGE) == ()


# expected: (date, date_source, candidates)
DAYS = [
    # dated only by publication: the converted publication time's local date, not 16 August
    (
        EARLY,
        "Die Runde endete ohne ein Ergebnis.",
        (D(2025, 8, 15), "publication", (D(2025, 8, 15),)),
    ),
    # a day-only publication: both local dates stay candidates
    (
        DAY_ONLY,
        "Die Runde endete ohne ein Ergebnis.",
        (D(2025, 8, 15), "publication", (D(2025, 8, 15), D(2025, 8, 16))),
    ),
    # weekdays and relative days count from the local date at the place
    (EARLY, "Am Freitag sprachen sie lange.", (D(2025, 8, 15), "relative", (D(2025, 8, 15),))),
    # "gestern" at 06:56 in Berlin on the 16th: the 14th counted in Anchorage, the 15th to the
    # writer's readers; both stay candidates
    (
        EARLY,
        "Gestern sprachen sie lange.",
        (D(2025, 8, 14), "relative", (D(2025, 8, 14), D(2025, 8, 15))),
    ),
    (EARLY, "Am Montag flog er weiter.", (D(2025, 8, 11), "relative", (D(2025, 8, 11),))),
    # "heute" from a day-only publication falls on both local dates that day can be
    (
        DAY_ONLY,
        "Heute sprachen sie lange.",
        (D(2025, 8, 16), "relative", (D(2025, 8, 15), D(2025, 8, 16))),
    ),
    # a stated date is taken as stated
    (EARLY, "Am 12. August sprachen sie lange.", (D(2025, 8, 12), "stated", (D(2025, 8, 12),))),
]


@pytest.mark.parametrize(("report", "sentence", "expected"), DAYS)
def test_dates(report: Report, sentence: str, expected: tuple) -> None:
    got = _date(report, sentence)
    assert (got.date, got.date_source, got.candidates) == expected


def test_announced_events_look_forward_and_take_no_publication_date() -> None:
    got = _date(EARLY, "Am Montag fliegt er weiter.", forward=True)
    assert got.date == D(2025, 8, 18)
    got = _date(EARLY, "Die Runde endete ohne ein Ergebnis.", dated_by_publication=False)
    assert (got.date, got.date_source, got.candidates, got.time_precision) == (
        None,
        "none",
        (),
        "none",
    )


def test_a_coming_weekday_may_be_the_day_of_writing() -> None:
    # printed on Saturday the 16th, which in Anchorage may still be the 15th: "Samstag" is
    # the 16th, not the Saturday after
    assert _date(DAY_ONLY, "Am Samstag fliegt er weiter.", forward=True).date == D(2025, 8, 16)
    assert _date(DAY_ONLY, "Am Freitag fliegt er weiter.", forward=True).date == D(2025, 8, 22)


# expected: (date, start, end, precision) in Anchorage time
CLOCKS = [
    # local clock times stay as printed
    (
        "Um 11.30 Uhr Ortszeit begannen sie.",
        None,
        (D(2025, 8, 15), _at(15, 11, 30), None, "minute"),
    ),
    ("Um 11 Uhr begannen sie.", None, (D(2025, 8, 15), _at(15, 11), None, "hour")),
    # a clock time in the outlet's zone is converted to the place's
    ("Um 21.30 Uhr MESZ begannen sie.", None, (D(2025, 8, 15), _at(15, 11, 30), None, "minute")),
    # ... onto the local day, even when the printed time falls on the next day in Berlin
    ("Um 1 Uhr MESZ begannen sie.", None, (D(2025, 8, 15), _at(15, 15), None, "hour")),
    # a range, or a duration, gives the end
    ("Von 11 bis 14 Uhr sprachen sie.", None, (D(2025, 8, 15), _at(15, 11), _at(15, 14), "hour")),
    ("Um 11.30 Uhr begannen sie.", 150, (D(2025, 8, 15), _at(15, 11, 30), _at(15, 14), "minute")),
    # never after publication (20:56 local): a later clock time belongs to the day before
    ("Um 22 Uhr begannen sie.", None, (D(2025, 8, 14), _at(14, 22), None, "hour")),
    # ... unless the text states the date
    ("Am 15. August um 22 Uhr begannen sie.", None, (D(2025, 8, 15), _at(15, 22), None, "hour")),
]


@pytest.mark.parametrize(("sentence", "duration", "expected"), CLOCKS)
def test_clock_times(sentence: str, duration: float | None, expected: tuple) -> None:
    got = _date(EARLY, sentence, duration=duration)
    assert (got.date, got.start, got.end, got.time_precision) == expected
    if got.date_source != "stated":
        assert got.start is None or got.start <= EARLY.published


def test_a_date_only_publication_may_be_as_late_as_the_end_of_its_day() -> None:
    # 16 August in Berlin begins at 14:00 on the 15th in Anchorage: a Friday-afternoon clock
    # time is not after the publication, so it stays on Friday
    got = _date(DAY_ONLY, "Am Freitag um 16 Uhr begannen sie.")
    assert (got.date, got.start) == (D(2025, 8, 15), _at(15, 16))


def test_a_month_only_publication_may_be_as_late_as_the_end_of_its_month() -> None:
    # "published: 2025-08" is read as 1 August: a clock time on the 15th, the day the story
    # gives, is not after the publication, so it stays on the 15th
    month_only = _report(dt.datetime(2025, 8, 1, tzinfo=BERLIN), "month")
    settled = Dating(D(2025, 8, 15), "story", (D(2025, 8, 15),), None, None, "day")
    times = find_temporal("Um 12.00 Uhr wurde sie empfangen.", "de")
    got = on_day(settled, times, None, report=month_only, tz=ANCHORAGE)
    assert (got.date, got.start) == (D(2025, 8, 15), _at(15, 12))


def test_a_day_named_by_its_weekday_is_not_moved_back_by_a_late_clock() -> None:
    # 22:00 on Friday lies after the publication (20:56 local): moved to Thursday the day would
    # no longer be the Friday the text names, so it stays; the publication's clock is the doubt
    got = _date(EARLY, "Am Freitag um 22 Uhr begannen sie.")
    assert (got.date, got.start) == (D(2025, 8, 15), _at(15, 22))


def test_zone() -> None:
    assert zone("Europe/Berlin") == BERLIN
    assert zone("local") is None
    assert zone(None) is None
    assert zone("Not/AZone") is None
