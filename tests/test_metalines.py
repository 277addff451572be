"""Date and author lines (``reading/metalines.py``): what a line at the top or bottom of a
report says, and which lines are text after all."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from reading_cases import BODY, HEADLINE, assert_round_trip, iso

from summit_timeline.knowledge import default_knowledge
from summit_timeline.reading.load import parse_report
from summit_timeline.reading.metalines import scan_meta, split_outlet
from summit_timeline.reading.patterns import patterns_for


@pytest.fixture(scope="module")
def p():
    return patterns_for(default_knowledge())


# --- in a report: removed from the text, read into its metadata ------------------------------


META_CASES = [
    (
        "de",
        "16.08.2025 um 06:56, Stefanie Hermann",
        {
            "published": "2025-08-16T06:56:00+02:00",
            "precision": "minute",
            "author": "Stefanie Hermann",
        },
    ),
    ("de", "16.07.2018, 18:55 Uhr", {"published": "2018-07-16T18:55:00+02:00", "author": None}),
    ("de", "Stand: 16.07.2018 18:55 Uhr", {"published": "2018-07-16T18:55:00+02:00"}),
    (
        "de",
        "Veröffentlicht am 12. Juni 2018, 15.10 Uhr MESZ",
        {"published": "2018-06-12T15:10:00+02:00", "timezone": "Europe/Berlin"},
    ),
    ("de", "Montag, 16. Juli 2018", {"published": "2018-07-16T00:00:00+02:00", "precision": "day"}),
    ("de", "Von Anna Schmidt und Jonas Weber", {"author": "Anna Schmidt und Jonas Weber"}),
    ("de", "Von Ursula von der Brück", {"author": "Ursula von der Brück"}),
    (
        "de",
        "Jonas Weber, 03.02.2019",
        {"author": "Jonas Weber", "published": "2019-02-03T00:00:00+01:00"},
    ),
    (
        "en",
        "Aug. 16, 2025, 6:56 a.m. ET",
        {"published": "2025-08-16T06:56:00-04:00", "timezone": "America/New_York"},
    ),
    (
        "en",
        "Published 16 July 2018",
        {"published": "2018-07-16T00:00:00+00:00", "precision": "day", "timezone": "UTC"},
    ),
    ("en", "By Jane Doe", {"author": "Jane Doe", "published": None, "precision": "none"}),
    ("en", "By Jane Doe, Reuters", {"author": "Jane Doe", "outlet": "Reuters"}),
    (
        "en",
        "Updated 3:15 PM EDT, Mon July 16, 2018",
        {"published": "2018-07-16T15:15:00-04:00"},
    ),
    (
        "en",
        "June 12th, 2018 / 9:15 PM / Updated 2 hours ago",
        {"published": "2018-06-12T21:15:00+00:00"},
    ),
    ("en", "12 June 2018 14:05 GMT", {"published": "2018-06-12T14:05:00+00:00"}),
    ("en", "2021-06-16T19:45:00+02:00", {"published": "2021-06-16T19:45:00+02:00"}),
    ("en", "Published 16/06/2021", {"published": "2021-06-16T00:00:00+00:00"}),
    ("en", "Mon 16 Jul 2018 19.11 BST", {"published": "2018-07-16T19:11:00+01:00"}),
    (
        "en",
        "Last modified on Mon 16 Jul 2018 20.25 BST",
        {"published": "2018-07-16T20:25:00+01:00", "timezone": "Europe/London"},
    ),
    ("en", "Published\n16 July 2018", {"published": "2018-07-16T00:00:00+00:00"}),
    ("en", "By\nJane Doe", {"author": "Jane Doe"}),
    ("de", "Von\nAnna Schmidt und Jonas Weber", {"author": "Anna Schmidt und Jonas Weber"}),
    ("en", "Updated 2 hours ago", {"published": None}),
    ("de", "Aktualisiert am 16.07.2018 - 19:04", {"published": "2018-07-16T19:04:00+02:00"}),
    ("de", "Helsinki, 16.07.2018", {"published": "2018-07-16T00:00:00+02:00", "author": None}),
    ("en", "By Jane Doe, Staff Writer", {"author": "Jane Doe", "outlet": None}),
    ("en", "By Jane Doe, Example Wire", {"author": "Jane Doe", "outlet": "Example Wire"}),
    ("en", "By Ann Lee, Jane Doe and Tom Poe", {"author": "Ann Lee, Jane Doe and Tom Poe"}),
    ("de", "Von Jonas Weber, Washington", {"author": "Jonas Weber", "outlet": None}),
    ("en", "By JANE DOE Associated Press", {"author": "JANE DOE", "outlet": "Associated Press"}),
    ("en", "Jane Doe | November 15, 2023", {"author": "Jane Doe", "precision": "day"}),
    (
        "en",
        "Published: 2023-11-15 20:15 PST",
        {"published": "2023-11-15T20:15:00-08:00", "timezone": "America/Los_Angeles"},
    ),
    ("de", "Mittwoch, 15.11.2023, 20:15 Uhr", {"published": "2023-11-15T20:15:00+01:00"}),
    ("en", "Nov. 15, 2023 7:30 p.m. PT", {"published": "2023-11-15T19:30:00-08:00"}),
    (
        "en",
        "Published on: Monday, December 06, 2021, 06:17 PM IST",
        {"published": "2021-12-06T18:17:00+05:30"},
    ),
    ("en", "Oct. 12, 1986", {"published": "1986-10-12T00:00:00+00:00"}),
    # a widget's label printed after the stamp (boilerplate chrome_lines)
    ("de", "16.07.2018, 18:55 Uhr Artikel anhören", {"published": "2018-07-16T18:55:00+02:00"}),
    ("en", "July 16, 2018 Listen to this article", {"published": "2018-07-16T00:00:00+00:00"}),
    # a particle inside a name ("ul")
    (
        "en",
        "Amir ul Hassan | 16.07.2018",
        {"author": "Amir ul Hassan", "published": "2018-07-16T00:00:00+00:00"},
    ),
    # one stamp printed twice by two page elements, glued together
    ("de", "16.08.2025, 07:3616.08.2025, 07:36", {"published": "2025-08-16T07:36:00+02:00"}),
    # day, month and year set off by hyphens; a page's label glued to the date after it
    ("en", "Updated: 21-03-2024 18:40 IST", {"published": "2024-03-21T18:40:00+05:30"}),
    (
        "en",
        "Morning Courier21-03-2024",
        {"published": "2024-03-21T00:00:00+00:00", "precision": "day"},
    ),
]


@pytest.mark.parametrize(("lang", "line", "expected"), META_CASES)
def test_metadata_line(lang: str, line: str, expected: dict) -> None:
    raw = f"{HEADLINE[lang]}\n{line}\n\n{BODY[lang]}\n"
    report = parse_report(raw, report_id="x")
    got = {
        "published": iso(report.published),
        "precision": report.published_precision,
        "author": report.author,
        "outlet": report.outlet,
        "timezone": report.timezone,
    }
    assert {key: got[key] for key in expected} == expected
    assert report.language == lang
    assert report.title == HEADLINE[lang]
    assert report.text == f"{HEADLINE[lang]}\n\n{BODY[lang]}"
    assert_round_trip(report)


TEXT_LINE_CASES = [
    ("en", "12:25 p.m. ET"),  # a live blog's entry stamp: the time of an event
    ("en", "By the end of the day the talks had stalled."),
    ("de", "Von Moskau aus reiste der Präsident weiter nach Minsk."),
    ("de", "Um 14.07 Uhr gaben sich die beiden Präsidenten die Hand."),
    ("en", "Reuters reported that the talks had ended early."),
    ("en", "Trump / Putin"),
    ("de", "Helsinki (dpa) - Die Präsidenten trafen sich im Palast."),
    ("en", "The meeting on 16 July 2018 lasted two hours."),
    ("en", "Updated: Trump and Putin meet in Helsinki"),
    ("de", "Stand der Gespräche am Abend"),
    ("en", "- 4 March 2031"),  # a list's date without a label: any date of the list
]


def test_a_time_stamp_glued_to_the_first_sentence_is_read_and_cut() -> None:
    # a date with its year and a clock time starts no sentence: it is the report's stamp
    raw = f"{HEADLINE['de']}\n12/02/2025 - 17:30{BODY['de']}\n"
    report = parse_report(raw, report_id="x")
    assert iso(report.published) == "2025-02-12T17:30:00+01:00"
    assert report.text == f"{HEADLINE['de']}\n{BODY['de']}"
    assert_round_trip(report)


def test_a_closing_line_that_states_the_broadcast_date_dates_the_report() -> None:
    # a radio news item's foot line: the date it went on air, then the text ends
    line = "Diese Nachricht wurde am 03.02.2021 im Programm Radio Beispiel gesendet."
    raw = f"{HEADLINE['de']}\n\n{BODY['de']}\n{line}\n"
    report = parse_report(raw, report_id="x")
    assert iso(report.published) == "2021-02-03T00:00:00+01:00"
    assert report.published_precision == "day"
    assert line not in report.text


def test_a_date_in_a_list_of_facts_about_the_event_dates_the_report() -> None:
    # a box of facts printed as a list ("- What:", "- Date:", "- Time:") below the lead, under
    # a short title of its own: its labelled date is read as a date line is; the box's title
    # is no headline (the lead above it stays text) and the other items stay text
    box = "Where to follow the news conference"
    facts = ["- What: The two presidents hold a joint news conference", "- Time: 2 p.m. ET"]
    raw = (
        f"{HEADLINE['en']}\n\n{BODY['en']}\n{box}\n{facts[0]}\n"
        f"- Date: Tuesday, March 4, 2031\n{facts[1]}\n"
    )
    report = parse_report(raw, report_id="x")
    assert iso(report.published) == "2031-03-04T00:00:00+00:00"
    assert report.published_precision == "day"
    assert report.title == HEADLINE["en"]
    assert "Date:" not in report.text
    lines = report.text.split("\n")
    assert all(line in lines for line in (BODY["en"], box, *facts))


@pytest.mark.parametrize(("lang", "line"), TEXT_LINE_CASES)
def test_text_lines_are_kept(lang: str, line: str) -> None:
    raw = f"{HEADLINE[lang]}\n\n{line}\n\n{BODY[lang]}\n"
    report = parse_report(raw, report_id="x", language=lang)
    assert line in report.text.split("\n")
    assert report.published is None


# --- one line at a time ----------------------------------------------------------------------

SCAN_CASES = [
    (
        "de",
        "16.07.2018, 18:55 Uhr",
        {"date": "16.07.2018", "date_kind": "dmy", "hour": 18, "minute": 55, "label": None},
    ),
    (
        "de",
        "Veröffentlicht am 12. Juni 2018, 15.10 Uhr MESZ",
        {"date": "12. Juni 2018", "label": "published", "hour": 15, "zone": "Europe/Berlin"},
    ),
    (
        "en",
        "Updated 3:15 PM EDT, Mon July 16, 2018",
        {"date": "Mon July 16, 2018", "date_kind": "text", "label": "updated", "ampm": "pm"},
    ),
    ("en", "2021-06-16T19:45:00+02:00", {"date_kind": "iso", "zone": None}),
    ("en", "Published 16/06/2021", {"date": "16/06/2021", "date_kind": "slash"}),
    ("en", "12 June 2018 14:05 UTC+2", {"hour": 14, "minute": 5, "zone": "+02:00"}),
    ("en", "12 June 2018 14:05 GMT", {"zone": "UTC"}),
    ("en", "June 12th, 2018 / 9:15 PM", {"date": "June 12th, 2018", "ampm": "pm"}),
    ("en", "By", {"awaits_author": True, "authors": None}),  # the name is on the next line
    ("de", "Von", {"awaits_author": True}),
    ("en", "By Jane Doe, Reuters", {"authors": "Jane Doe", "outlet": "Reuters", "date": None}),
    ("de", "Jonas Weber, 03.02.2019", {"authors": "Jonas Weber", "date": "03.02.2019"}),
    ("de", "Helsinki, 16.07.2018", {"authors": None, "date": "16.07.2018"}),  # a place
    ("en", "Updated 2 hours ago", {"label": "updated", "date": None}),
    # a labelled date at the start of a paragraph: the text goes on after it
    (
        "de",
        "Stand: 16.07.2018 Die Gespräche dauerten länger als geplant.",
        {"date": "16.07.2018", "prefix_end": len("Stand: 16.07.2018 ")},
    ),
    # a sentence that states the publication date, closed by words the lexicon lists
    (
        "de",
        "Diese Nachricht wurde am 03.02.2021 im Programm Radio Beispiel gesendet.",
        {"date": "03.02.2021", "label": "published", "prefix_end": None},
    ),
    (
        "en",
        "This article was originally published on 5 June 2023 by Example Post.",
        {"date": "5 June 2023", "label": "published", "prefix_end": None},
    ),
    ("en", "The meeting on 16 July 2018 lasted two hours.", None),
    ("de", "Um 14.07 Uhr gaben sich die beiden Präsidenten die Hand.", None),
    ("en", "By the end of the day the talks had stalled.", None),
    ("en", "Leaders meet in Helsinki", None),  # no digit and no label word: not read at all
    # a list item's marker before a labelled date; a list item that is a sentence stays text
    (
        "en",
        "- Date: Tuesday, March 4, 2031",
        {"date": "Tuesday, March 4, 2031", "label": "published"},
    ),
    ("en", "* Published 4 March 2031", {"date": "4 March 2031", "label": "published"}),
    ("en", "- The meeting on 16 July 2018 lasted two hours.", None),
]


@pytest.mark.parametrize(("lang", "line", "expected"), SCAN_CASES)
def test_scan_meta(p, lang: str, line: str, expected: dict | None) -> None:
    meta = scan_meta(line, p=p)
    if expected is None:
        assert meta is None
    else:
        assert meta is not None
        assert {key: asdict(meta)[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("lang", "byline", "expected"),
    [
        ("en", "Jane Doe and John Roe, Harbour Post", ("Jane Doe and John Roe", "Harbour Post")),
        ("en", "Jane Doe, AP", ("Jane Doe", "AP")),
        ("en", "JANE DOE Associated Press", ("JANE DOE", "Associated Press")),
        ("en", "Jane Doe, Staff Writer", ("Jane Doe", None)),  # a job title
        ("de", "Jonas Weber, Washington", ("Jonas Weber", None)),  # a place
        ("en", "Ann Lee, Jane Doe and Tom Poe", ("Ann Lee, Jane Doe and Tom Poe", None)),
        ("de", "Anna Schmidt und Jonas Weber", ("Anna Schmidt und Jonas Weber", None)),
    ],
)
def test_split_outlet(p, lang: str, byline: str, expected: tuple[str, str | None]) -> None:
    assert split_outlet(p, byline) == expected
