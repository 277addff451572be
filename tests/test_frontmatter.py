"""Front matter (``reading/frontmatter.py``): a YAML block of metadata above a report's text."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from reading_cases import BODY, HEADLINE, assert_round_trip, with_front_matter

from summit_timeline.reading.frontmatter import read_front_matter
from summit_timeline.reading.load import parse_report


def test_front_matter_wins_over_the_text() -> None:
    body = f"{HEADLINE['en']}\nBy Jane Doe\nPublished 16 July 2018\n\n{BODY['en']}\n"
    raw = with_front_matter(
        "author: John Roe\npublished: 2018-07-17 08:00\noutlet: Example Wire", body
    )
    report = parse_report(raw, report_id="x")
    assert report.form == "front_matter"
    assert report.author == "John Roe"
    assert report.outlet == "Example Wire"
    assert report.published == datetime(2018, 7, 17, 8, 0, tzinfo=ZoneInfo("UTC"))
    assert report.title == HEADLINE["en"]  # no title in the front matter: the text's headline
    assert "By Jane Doe" not in report.text
    assert_round_trip(report)


def test_a_date_line_of_the_same_day_gives_the_time_the_front_matter_leaves_out() -> None:
    body = f"{HEADLINE['de']}\n15.08.2025 - 07:13 Uhr\n\n{BODY['de']}\n"
    report = parse_report(with_front_matter("published: 2025-08-15", body), report_id="x")
    assert (report.published, report.published_precision) == (
        datetime(2025, 8, 15, 7, 13, tzinfo=ZoneInfo("Europe/Berlin")),
        "minute",
    )
    # a date line of another day does not overrule the front matter
    body = body.replace("15.08.2025", "14.08.2025")
    report = parse_report(with_front_matter("published: 2025-08-15", body), report_id="x")
    assert report.published_precision == "day"
    assert report.published.date().isoformat() == "2025-08-15"


def test_front_matter_title_becomes_the_first_line() -> None:
    raw = with_front_matter("title: Leaders meet by the lake", f"{BODY['en']}\n")
    report = parse_report(raw, report_id="x")
    assert report.text == f"Leaders meet by the lake\n\n{BODY['en']}"
    assert_round_trip(report)


def test_front_matter_url_gives_the_outlet() -> None:
    raw = with_front_matter("url: https://www.example-news.org/a/1", f"{BODY['en']}\n")
    assert parse_report(raw, report_id="x").outlet == "example-news.org"


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        ("title: x\nsection: politics", "unknown keys ['section']; allowed: ['title'"),
        ("title: [unclosed", "front matter is not valid YAML"),
        ("- a\n- b", "must be 'key: value' lines"),
        ("language: fr", "front matter 'language' 'fr' is not a supported language"),
        ("timezone: Mars/Olympus", "front matter 'timezone' 'Mars/Olympus' is not an IANA"),
        ("author: [a, b]", "front matter 'author' must be a single value"),
    ],
)
def test_front_matter_errors(lines: str, reason: str) -> None:
    with pytest.raises(ValueError, match=None) as info:
        parse_report(with_front_matter(lines, f"{BODY['en']}\n"), report_id="x")
    assert reason in str(info.value)


def test_unclosed_front_matter() -> None:
    with pytest.raises(ValueError, match="never closed"):
        parse_report(f"---\ntitle: x\n{BODY['en']}\n", report_id="x")


@pytest.mark.parametrize(
    ("raw", "values"),
    [
        ("---\ntitle: Leaders meet\n---\nBody", {"title": "Leaders meet"}),
        ("---\ntitle: Leaders meet\n...\nBody", {"title": "Leaders meet"}),  # YAML's "..." end
        pytest.param(
            "\ufeff---\ntitle: Leaders meet\n---\nBody",
            {"title": "Leaders meet"},
        ),
        ("---\r\ntitle: Leaders meet\r\n---\r\nBody", {"title": "Leaders meet"}),
        ("---\nauthor:   Jane   Doe \nurl:\n---\nBody", {"author": "Jane Doe"}),  # empty: left out
        ("---\npublished: 2018-07-17\n---\nBody", {"published": "2018-07-17"}),
        ("---\ntitle: 1986\n---\nBody", {"title": "1986"}),
        ("---\npublished: 12:30\n---\nBody", {"published": "12:30"}),  # not 750 minutes
        ("---\npublished: 2025-02-31\n---\nBody", {"published": "2025-02-31"}),
        ("---\nauthor: null\n---\nBody", {}),
        ("---\n---\nBody", {}),
    ],
)
def test_read_front_matter(raw: str, values: dict) -> None:
    got, body = read_front_matter(raw)
    assert got == values
    assert raw[body:] == "Body"


def test_front_matter_published_is_read_in_its_timezone() -> None:
    raw = with_front_matter(
        "published: 2021-06-16 22:15\ntimezone: Europe/Zurich", f"{BODY['en']}\n"
    )
    report = parse_report(raw, report_id="x")
    assert report.published == datetime(2021, 6, 16, 22, 15, tzinfo=ZoneInfo("Europe/Zurich"))
    assert (report.published_precision, report.timezone) == ("minute", "Europe/Zurich")


def test_front_matter_language_code_is_normalised() -> None:
    report = parse_report(with_front_matter("language: de-AT", f"{BODY['de']}\n"), report_id="x")
    assert report.language == "de"
    assert report.title is None  # a body without a headline gets none
    assert report.text == BODY["de"]


def test_front_matter_title_offsets_point_into_the_block() -> None:
    raw = with_front_matter("title: Leaders meet by the lake", f"{BODY['en']}\n")
    report = parse_report(raw, report_id="x")
    a, b = report.raw_span(0, len("Leaders meet by the lake"))
    assert raw[a:b] == "Leaders meet by the lake"
    assert_round_trip(report)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("sometime soon", "'sometime soon' cannot be read as a date"),
        ("2025-02-31", "'2025-02-31' cannot be read as a date"),
        ("12:30", "'12:30' cannot be read as a date"),
    ],
)
def test_a_published_value_that_is_no_date_is_noted(value: str, reason: str) -> None:
    report = parse_report(
        with_front_matter(f"published: {value}", f"{BODY['en']}\n"), report_id="x"
    )
    assert report.published is None
    assert reason in report.notes[0] and "front matter 'published'" in report.notes[0]


def test_front_matter_nesting_too_deep_is_one_clear_reason() -> None:
    deep = "x: " + "[" * 1000 + "]" * 1000
    with pytest.raises(ValueError, match="nests too deeply"):
        parse_report(with_front_matter(deep, f"{BODY['en']}\n"), report_id="x")
