"""Publication times (``reading/dates.py``): dates written in many ways, read in a zone."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from reading_cases import BODY, HEADLINE, iso, with_front_matter

from summit_timeline.knowledge import default_knowledge
from summit_timeline.reading import dates
from summit_timeline.reading.load import parse_report
from summit_timeline.reading.metalines import scan_meta
from summit_timeline.reading.patterns import patterns_for


@pytest.fixture(scope="module")
def p():
    return patterns_for(default_knowledge())


# --- time zones of a report ------------------------------------------------------------------


ZONE_CASES = [
    # (front matter, text date line, options, expected published, expected zone)
    (
        "timezone: Europe/Zurich",
        "Published 16 June 2021 22:15",
        {},
        "2021-06-16T22:15:00+02:00",
        "Europe/Zurich",
    ),
    ("", "Published 16 June 2021 22:15", {}, "2021-06-16T22:15:00+00:00", "UTC"),
    (
        "",
        "Veröffentlicht am 16.06.2021, 22:15 Uhr",
        {},
        "2021-06-16T22:15:00+02:00",
        "Europe/Berlin",
    ),
    (
        "",
        "Published 16 June 2021 22:15",
        {"default_timezones": {"en": "America/New_York"}},
        "2021-06-16T22:15:00-04:00",
        "America/New_York",
    ),
    (
        "timezone: Europe/Zurich",
        "Published 16 June 2021 22:15",
        {"timezone": "Asia/Singapore"},
        "2021-06-16T22:15:00+08:00",
        "Asia/Singapore",
    ),
    (
        "",
        "Published 16 June 2021 10:15 p.m. ET",
        {"timezone": "Asia/Singapore"},
        "2021-06-16T22:15:00-04:00",
        "America/New_York",
    ),
    (
        "",
        "Published 16 June 2021",
        {"published": "2021-06-17 07:00"},
        "2021-06-17T07:00:00+00:00",
        "UTC",
    ),
    (
        "",
        "Published 16 June 2021",
        {"published": date(2021, 6, 18)},
        "2021-06-18T00:00:00+00:00",
        "UTC",
    ),
    (
        "",
        "Published 16 June 2021",
        {"published": datetime(2021, 6, 18, 9, 30), "timezone": "Europe/Helsinki"},
        "2021-06-18T09:30:00+03:00",
        "Europe/Helsinki",
    ),
    (
        "published: 2018-07-17T06:30:00+02:00\ntimezone: Europe/Berlin",
        "",
        {},
        "2018-07-17T06:30:00+02:00",
        "Europe/Berlin",
    ),
    ("published: 2018-07-17T06:30:00+02:00", "", {}, "2018-07-17T06:30:00+02:00", "Etc/GMT-2"),
    ("published: 2018-07-17", "", {}, "2018-07-17T00:00:00+00:00", "UTC"),
]


@pytest.mark.parametrize(("front", "line", "options", "expected", "zone"), ZONE_CASES)
def test_time_zones(front: str, line: str, options: dict, expected: str, zone: str) -> None:
    lang = "de" if "Uhr" in line else "en"
    body = f"{HEADLINE[lang]}\n{line}\n\n{BODY[lang]}\n"
    raw = with_front_matter(front, body) if front else body
    report = parse_report(raw, report_id="x", **options)
    assert iso(report.published) == expected
    assert report.timezone == zone
    assert report.published.utcoffset() == datetime.fromisoformat(expected).utcoffset()


# --- parsing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "2018-07-16", ("2018-07-16T00:00:00", False, None)),
        ("en", "2018-07-16 09:05", ("2018-07-16T09:05:00", True, None)),
        ("en", "2018-07-16T09:05:00+02:00", ("2018-07-16T09:05:00+02:00", True, None)),
        ("en", "16 July 2018", ("2018-07-16T00:00:00", False, None)),
        ("en", "July 16, 2018 9:05 a.m. ET", ("2018-07-16T09:05:00", True, "America/New_York")),
        ("de", "16.07.2018 um 18:55 Uhr", ("2018-07-16T18:55:00", True, None)),
        ("de", "Montag, 16. Juli 2018", ("2018-07-16T00:00:00", False, None)),
        ("en", "yesterday", None),  # no digit: would be read relative to today
        ("en", "sometime soon", None),
    ],
)
def test_parse_when(p, lang: str, text: str, expected: tuple | None) -> None:
    parsed = dates.parse_when(text, (lang,), p=p)
    if expected is None:
        assert parsed is None
    else:
        assert parsed is not None
        assert (parsed[0].isoformat(), parsed[1], parsed[2]) == expected


@pytest.mark.parametrize(
    ("value", "expected", "precision", "zone"),
    [
        (datetime(2018, 7, 16, 9, 30), "2018-07-16T09:30:00+03:00", "minute", "Europe/Helsinki"),
        (date(2018, 7, 16), "2018-07-16T00:00:00+03:00", "day", "Europe/Helsinki"),
        ("2018-07-16 09:30", "2018-07-16T09:30:00+03:00", "minute", "Europe/Helsinki"),
        ("2018-07-16T09:30:00+00:00", "2018-07-16T09:30:00+00:00", "minute", "UTC"),
        ("2018-07-16T09:30:00+03:00", "2018-07-16T09:30:00+03:00", "minute", "Europe/Helsinki"),
        ("2018-07-16T09:30:00+05:00", "2018-07-16T09:30:00+05:00", "minute", "Etc/GMT-5"),
        ("2018-07-16T09:30:00+05:30", "2018-07-16T09:30:00+05:30", "minute", None),
        ("2022-11", "2022-11-01T00:00:00+02:00", "month", "Europe/Helsinki"),
    ],
)
def test_resolve(p, value, expected: str, precision: str, zone: str | None) -> None:
    when, got_precision, got_zone = dates.resolve(
        value, "Europe/Helsinki", ("en",), where="published=", p=p
    )
    assert (iso(when), got_precision, got_zone) == (expected, precision, zone)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("whenever", "published= 'whenever' cannot be read as a date"),
        ("2022-13", "published= '2022-13': there is no month 13"),
    ],
)
def test_resolve_errors(p, value: str, message: str) -> None:
    with pytest.raises(ValueError, match=None) as info:
        dates.resolve(value, "UTC", ("en",), where="published=", p=p)
    assert message in str(info.value)


def test_update_time_only_as_a_fallback(p) -> None:
    updated = scan_meta("Updated 17 July 2018 10:00", p=p)
    published = scan_meta("Published 16 July 2018 09:00", p=p)
    when, precision, zone = dates.from_lines([updated, published], "UTC", ("en",), p=p)
    assert (iso(when), precision, zone) == ("2018-07-16T09:00:00+00:00", "minute", "UTC")
    when, _, _ = dates.from_lines([updated], "UTC", ("en",), p=p)
    assert iso(when) == "2018-07-17T10:00:00+00:00"
    assert dates.from_lines([], "UTC", ("en",), p=p) == (None, "none", "UTC")


def test_printed_zone_wins_over_the_default(p) -> None:
    meta = scan_meta("Published 16 July 2018 9:05 a.m. ET", p=p)
    when, _, zone = dates.from_lines([meta], "Europe/Berlin", ("en",), p=p)
    assert zone == "America/New_York"
    assert when == datetime(2018, 7, 16, 9, 5, tzinfo=ZoneInfo("America/New_York"))


@pytest.mark.parametrize("name", ["Mars/Olympus", "", 42, None])
def test_zone_errors_name_where(name) -> None:
    with pytest.raises(ValueError, match=r"timezone= .* is not an IANA time zone"):
        dates.zone(name, where="timezone=")
