"""Reading reports: forms, metadata lines, chrome, front matter, time zones, languages, errors."""

from __future__ import annotations

import subprocess
import sys
import warnings
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from summit_timeline.reading.corpus import Corpus, Report
from summit_timeline.reading.load import ReportWarning, load_reports, parse_report

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "ingest"
SAMPLES = ROOT / "data" / "reports" / "alaska-2025"
DEV = ROOT / "tests" / "data" / "reports" / "helsinki-2018"
DEV_EXPECTED = ROOT / "tests" / "data" / "expected" / "dev-helsinki-2018.yaml"

BODY = {
    "de": (
        "Die beiden Präsidenten haben sich am Nachmittag zu einem langen Gespräch getroffen. "
        "Danach traten sie gemeinsam vor die Presse und sprachen von einem guten Treffen."
    ),
    "en": (
        "The two presidents met for a long conversation in the afternoon. Afterwards they "
        "appeared together before the press and spoke of a good meeting."
    ),
}
MORE = {
    "de": "Eine gemeinsame Erklärung gab es nicht.",
    "en": "There was no joint statement.",
}
HEADLINE = {"de": "Gipfel endet ohne Einigung", "en": "Summit ends without a deal"}


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _roundtrip_ok(report: Report) -> None:
    """Every non-space character of the text is the raw character at its offset."""
    assert len(report.offsets) == len(report.text)
    assert all(a <= b for a, b in zip(report.offsets, report.offsets[1:], strict=False))
    for i, ch in enumerate(report.text):
        raw_ch = report.raw[report.offsets[i]]
        if ch.isspace():  # a line break may be added (after a headline): same offset as before
            assert raw_ch.isspace() or report.offsets[i] == report.offsets[i - 1], (i, ch, raw_ch)
        else:
            assert raw_ch == ch, (i, ch, raw_ch)


# --- the bundled samples ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def samples() -> Corpus:
    return load_reports(SAMPLES)


def test_sample_one_metadata_and_chrome(samples: Corpus) -> None:
    report = samples["000_a00dd4f110c38dcf"]
    assert report.author == "Stefanie Hermann"
    assert report.published == datetime(2025, 8, 16, 6, 56, tzinfo=ZoneInfo("Europe/Berlin"))
    assert report.published_precision == "minute"
    assert report.timezone == "Europe/Berlin"
    assert report.title == 'Putin macht Angebot, Trump: "Dafür könnte ich Ärger bekommen"'
    assert report.language == "de"
    assert report.form == "text"
    assert report.text.startswith(report.title + "\n")
    lines = report.text.split("\n")
    for chrome in ("Direkt zum Inhalt", "min read", "Inhaltsverzeichnis", "more"):
        assert chrome not in lines
    assert "picturedesk.com" not in report.text
    assert "16.08.2025" not in report.text
    assert lines[-1].endswith("das Podium verließen.")


def test_sample_two_date_token(samples: Corpus) -> None:
    report = samples["001_c4231c246326d5c6"]
    assert report.published == datetime(2025, 8, 16, tzinfo=ZoneInfo("Europe/Berlin"))
    assert report.published_precision == "day"
    assert report.timezone == "Europe/Berlin"
    assert report.author is None
    assert report.title is None
    assert report.text.startswith("Das Treffen von US-Präsident")


def test_samples_offsets_round_trip(samples: Corpus) -> None:
    for report in samples:
        _roundtrip_ok(report)


# --- the development sets (annotated by the lead: Helsinki, Singapore, Hanoi, Geneva) ----------


def _dev_cases() -> list[tuple[Path, dict]]:
    cases = []
    for expected in sorted((ROOT / "tests" / "data" / "expected").glob("dev-*.yaml")):
        folder = DEV.parent / expected.stem.split("-", 1)[1]
        data = yaml.safe_load(expected.read_text(encoding="utf-8"))
        cases.extend((folder / entry["file"], entry) for entry in data["reports"])
    return cases


@pytest.mark.parametrize(("path", "expected"), _dev_cases(), ids=lambda v: getattr(v, "name", ""))
def test_dev_set_metadata(path: Path, expected: dict) -> None:
    report = load_reports(path)[0]
    assert report.language == expected["language"]
    assert report.form == expected["form"]
    assert report.title == expected["title"]
    assert report.author == expected["author"]
    assert report.outlet == expected["outlet"]
    stamp = expected["published"].replace(" ", "T")
    assert report.published == datetime.fromisoformat(stamp)
    assert report.published_precision == "minute"
    lines = [line.strip() for line in report.text.split("\n")]
    for chrome in expected["boilerplate"]:
        assert chrome.strip() not in lines, chrome
        if len(chrome) > 12:
            assert chrome not in report.text, chrome
    if report.form != "html":
        _roundtrip_ok(report)


# --- forms -----------------------------------------------------------------------------------

FIXTURE_CASES = [
    (
        "de_genf_paste.txt",
        {
            "form": "text",
            "language": "de",
            "title": "Kühle Begegnung am Genfersee: Biden und Putin reden vier Stunden",
            "author": "Erika Musterfrau",
            "outlet": None,
            "published": "2021-06-16T21:40:00+02:00",
            "precision": "minute",
            "timezone": "Europe/Berlin",
        },
    ),
    (
        "en_singapore_paste.txt",
        {
            "form": "text",
            "language": "en",
            "title": "Trump and Kim sign vague pledge after first summit",
            "author": "Alex Morgan and Priya Natarajan",
            "outlet": "Harbour Post",
            "published": "2018-06-12T21:15:00+08:00",
            "precision": "minute",
            "timezone": "Asia/Singapore",
        },
    ),
    (
        "de_genf_frontmatter.md",
        {
            "form": "front_matter",
            "language": "de",
            "title": "Vier Stunden am See",
            "author": "Lena Berger",
            "outlet": "Alpenbote",
            "published": "2021-06-16T22:15:00+02:00",
            "precision": "minute",
            "timezone": "Europe/Zurich",
        },
    ),
    (
        "en_geneva_page.html",
        {
            "form": "html",
            "language": "en",
            "title": "Biden and Putin agree to return ambassadors",
            "author": "Tom Hale",
            "outlet": "Lakeside Courier",
            "published": "2021-06-16T19:45:00+02:00",
            "precision": "minute",
            "url": "https://www.lakeside-courier.example/world/geneva-summit",
        },
    ),
    (
        "en_wrapped_helsinki.txt",
        {
            "form": "text",
            "language": "en",
            "title": "Leaders meet alone for two hours in Helsinki",
            "author": "Sam Okafor",
            "outlet": None,
            "published": "2018-07-16T00:00:00+00:00",
            "precision": "day",
            "timezone": "UTC",
        },
    ),
]


@pytest.mark.parametrize(("file", "expected"), FIXTURE_CASES)
def test_fixture_metadata(file: str, expected: dict) -> None:
    report = load_reports(FIXTURES / file)[0]
    assert report.report_id == Path(file).stem
    assert report.source == str(FIXTURES / file)
    got = {
        "form": report.form,
        "language": report.language,
        "title": report.title,
        "author": report.author,
        "outlet": report.outlet,
        "published": _iso(report.published),
        "precision": report.published_precision,
        "timezone": report.timezone,
        "url": report.url,
    }
    assert {key: got[key] for key in expected} == expected
    assert report.text.startswith(expected["title"] + "\n\n")


CHROME_CASES = [
    ("de_genf_paste.txt", "Direkt zum Inhalt"),
    ("de_genf_paste.txt", "min read"),
    ("de_genf_paste.txt", "Inhaltsverzeichnis"),
    ("de_genf_paste.txt", "mehr"),
    ("de_genf_paste.txt", "Foto: dpa"),
    ("de_genf_paste.txt", "MAX MUSTERMANN / AFP / picturedesk.com"),
    ("de_genf_paste.txt", "16.06.2021 um 21:40, Erika Musterfrau"),
    ("en_singapore_paste.txt", "Skip to content"),
    ("en_singapore_paste.txt", "World | Asia"),
    ("en_singapore_paste.txt", "Photo: Reuters"),
    ("en_singapore_paste.txt", "3 min read"),
    ("en_singapore_paste.txt", "Contents"),
    ("en_singapore_paste.txt", "(c) Getty Images"),
    ("en_singapore_paste.txt", "Tags: North Korea, Singapore, Diplomacy"),
    ("en_singapore_paste.txt", "Read more"),
    ("en_singapore_paste.txt", "By Alex Morgan and Priya Natarajan, Harbour Post"),
    ("de_genf_frontmatter.md", "Von Lena Berger"),
    ("de_genf_frontmatter.md", "outlet: Alpenbote"),
    ("en_geneva_page.html", "4 min read"),
    ("en_geneva_page.html", "Skip to content"),
    ("en_geneva_page.html", "All rights reserved"),
    ("en_wrapped_helsinki.txt", "Published 16 July 2018"),
]


@pytest.mark.parametrize(("file", "chrome"), CHROME_CASES)
def test_fixture_chrome_removed(file: str, chrome: str) -> None:
    report = load_reports(FIXTURES / file)[0]
    assert chrome not in report.text


@pytest.mark.parametrize(
    ("lang", "first", "outlet"),
    [
        ("en", "GENEVA, June 16 (Example Wire) - The two leaders met.", "Example Wire"),
        ("en", "WASHINGTON (AP) — The two leaders met.", "AP"),
        ("de", "Helsinki (pam) - Die beiden Präsidenten trafen sich.", None),  # initials
        ("de", "Genf (dpa) - Die beiden Präsidenten trafen sich.", "dpa"),
    ],
)
def test_dateline_names_the_wire_service(lang: str, first: str, outlet: str | None) -> None:
    report = parse_report(f"{HEADLINE[lang]}\n\n{first} {BODY[lang]}\n", report_id="x")
    assert report.outlet == outlet
    assert first in report.text  # the dateline stays: it names the place


def test_windows_line_endings() -> None:
    raw = _front("title: Leaders meet\ntimezone: Europe/Zurich", "Leaders meet\n\n" + BODY["en"])
    raw = raw.replace("\n", "\r\n") + "\r\nPublished 16 June 2021 22:15\r\n"
    report = parse_report(raw, report_id="x")
    assert report.text == f"Leaders meet\n\n{BODY['en']}"
    assert "\r" not in report.text
    assert _iso(report.published) == "2021-06-16T22:15:00+02:00"
    _roundtrip_ok(report)


def test_html_page_date_is_refined_by_a_date_line() -> None:
    page = (
        "<html><head><title>Leaders meet</title>"
        '<link rel="canonical" href="https://news.example.org/2018/07/16/leaders-meet"></head>'
        "<body><article><h1>Leaders meet</h1>{extra}<p>{body}</p><p>{more}</p></article>"
        "</body></html>"
    )
    bare = page.format(extra="", body=BODY["en"], more=MORE["en"])
    report = parse_report(bare, report_id="x")  # only the URL's date: a day
    assert (report.published_precision, report.outlet) == ("day", "news.example.org")
    assert report.published == datetime(2018, 7, 16, tzinfo=ZoneInfo("UTC"))
    line = "<p>Published July 16, 2018 9:05 a.m. ET</p>"
    report = parse_report(page.format(extra=line, body=BODY["en"], more=MORE["en"]), report_id="x")
    assert _iso(report.published) == "2018-07-16T09:05:00-04:00"
    assert report.text == f"Leaders meet\n\n{BODY['en']}\n\n{MORE['en']}"


def test_wrapped_paragraphs_are_joined() -> None:
    report = load_reports(FIXTURES / "en_wrapped_helsinki.txt")[0]
    lines = report.text.split("\n")
    assert lines[2].startswith("The presidents of the United States")
    assert lines[2].endswith("almost an hour behind schedule.")
    assert "a little more than two hours" in report.text


def test_html_offsets_point_into_the_page() -> None:
    report = load_reports(FIXTURES / "en_geneva_page.html")[0]
    assert len(report.offsets) == len(report.text)
    assert all(0 <= o < len(report.raw) for o in report.offsets)
    assert all(a <= b for a, b in zip(report.offsets, report.offsets[1:], strict=False))
    letters = [i for i, ch in enumerate(report.text) if ch.isalnum()]
    verbatim = sum(report.raw[report.offsets[i]] == report.text[i] for i in letters)
    assert verbatim / len(letters) > 0.97
    start = report.text.index("lakeside villa")
    a, b = report.raw_span(start, start + len("lakeside villa"))
    assert report.raw[a:b] == "lakeside villa"
    assert "&amp;" in report.raw and " & interpreters" in report.text  # entities decoded


def test_html_trafilatura_is_imported_lazily() -> None:
    code = (
        "import sys; from summit_timeline.reading.load import load_reports; "
        f"load_reports({str(FIXTURES / 'de_genf_paste.txt')!r}); "
        "print('trafilatura' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "file", [f for f, _ in FIXTURE_CASES if not f.endswith(".html")] + ["../../../data"]
)
def test_offsets_round_trip(file: str) -> None:
    path = FIXTURES / file
    for report in load_reports(path if path.suffix else SAMPLES):
        _roundtrip_ok(report)
        for i in (0, len(report.text) // 2, len(report.text) - 1):
            assert report.clean_offset(report.offsets[i]) <= i


# --- metadata lines --------------------------------------------------------------------------

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
    ("en", "Oct. 12, 1986", {"published": "1986-10-12T00:00:00+00:00"}),
]


@pytest.mark.parametrize(("lang", "line", "expected"), META_CASES)
def test_metadata_line(lang: str, line: str, expected: dict) -> None:
    raw = f"{HEADLINE[lang]}\n{line}\n\n{BODY[lang]}\n"
    report = parse_report(raw, report_id="x")
    got = {
        "published": _iso(report.published),
        "precision": report.published_precision,
        "author": report.author,
        "outlet": report.outlet,
        "timezone": report.timezone,
    }
    assert {key: got[key] for key in expected} == expected
    assert report.language == lang
    assert report.title == HEADLINE[lang]
    assert report.text == f"{HEADLINE[lang]}\n\n{BODY[lang]}"
    _roundtrip_ok(report)


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
]


@pytest.mark.parametrize(("lang", "line"), TEXT_LINE_CASES)
def test_text_lines_are_kept(lang: str, line: str) -> None:
    raw = f"{HEADLINE[lang]}\n\n{line}\n\n{BODY[lang]}\n"
    report = parse_report(raw, report_id="x", language=lang)
    assert line in report.text.split("\n")
    assert report.published is None


CHROME_LINE_CASES = [
    ("de", "Direkt zum Inhalt"),
    ("de", "Lesezeit: 4 Min."),
    ("de", "3 Min. Lesezeit"),
    ("de", "Foto: dpa"),
    ("de", "Bild: Getty Images / Jane Doe"),
    ("de", "© pam/dpa"),
    ("de", "Schlagworte: Gipfel, Diplomatie"),
    ("de", "Artikel teilen"),
    ("de", "Anzeige"),
    ("en", "Skip to content"),
    ("en", "5 min read"),
    ("en", "Photo: Reuters"),
    ("en", "(c) Getty Images"),
    ("en", "JANE DOE / AFP via Getty Images"),
    ("en", "Evan Vucci / AP Photo"),
    ("en", "Read more"),
    ("en", "Advertisement"),
    ("en", "Share this article"),
    ("en", "© 2018 Example Wire. All rights reserved."),
    ("en", "Tags: Diplomacy, Summits"),
    ("en", "Image 3 of 12"),
    ("en", "(Photo: AP)"),
    ("en", "(Reporting by Jane Doe; Editing by John Roe)"),
    ("en", "We use cookies to improve your experience."),
    ("en", "Comments (12)"),
    ("en", "Opinion"),
    ("de", "Kommentare (48)"),
    ("de", "Mehr aus Politik"),
    ("de", "Startseite > Politik > Ausland"),
    ("de", "Meinung"),
]


@pytest.mark.parametrize(("lang", "line"), CHROME_LINE_CASES)
def test_chrome_lines_are_removed(lang: str, line: str) -> None:
    raw = f"{HEADLINE[lang]}\n\n{BODY[lang]}\n{line}\n{MORE[lang]}\n"
    report = parse_report(raw, report_id="x")
    assert line not in report.text
    assert report.text == f"{HEADLINE[lang]}\n\n{BODY[lang]}\n\n{MORE[lang]}"
    _roundtrip_ok(report)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_repeated_line_is_kept_once(lang: str) -> None:
    caption = {"de": "Die Präsidenten beim Händedruck.", "en": "The presidents shake hands."}[lang]
    raw = f"{HEADLINE[lang]}\n\n{BODY[lang]}\n{caption}\n{caption}\n{MORE[lang]}\n"
    report = parse_report(raw, report_id="x")
    assert report.text.count(caption) == 1


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Pra\u0308sident", "Präsident"),  # decomposed umlaut is composed
        ("de", "Gipfel\u00adtreffen", "Gipfeltreffen"),  # soft hyphen dropped
        ("en", "two\u00a0 presidents", "two presidents"),  # whitespace run collapsed
        ("en", "zero\u200bwidth", "zerowidth"),
    ],
)
def test_characters_are_normalised(lang: str, text: str, expected: str) -> None:
    raw = f"{HEADLINE[lang]}\n\n{BODY[lang]} {text}\n"
    report = parse_report(raw, report_id="x", language=lang)
    assert report.text.endswith(expected)
    assert all(0 <= o < len(raw) for o in report.offsets)
    assert all(a <= b for a, b in zip(report.offsets, report.offsets[1:], strict=False))


# --- front matter ----------------------------------------------------------------------------


def _front(lines: str, body: str) -> str:
    return f"---\n{lines}\n---\n{body}"


def test_front_matter_wins_over_the_text() -> None:
    body = f"{HEADLINE['en']}\nBy Jane Doe\nPublished 16 July 2018\n\n{BODY['en']}\n"
    raw = _front("author: John Roe\npublished: 2018-07-17 08:00\noutlet: Example Wire", body)
    report = parse_report(raw, report_id="x")
    assert report.form == "front_matter"
    assert report.author == "John Roe"
    assert report.outlet == "Example Wire"
    assert report.published == datetime(2018, 7, 17, 8, 0, tzinfo=ZoneInfo("UTC"))
    assert report.title == HEADLINE["en"]  # no title in the front matter: the text's headline
    assert "By Jane Doe" not in report.text
    _roundtrip_ok(report)


def test_overrides_win_over_front_matter() -> None:
    raw = _front("author: John Roe\ntitle: Old title", f"Old title\n\n{BODY['en']}\n")
    report = parse_report(raw, report_id="x", author="Override", title="New title", outlet="Wire")
    assert (report.author, report.title, report.outlet) == ("Override", "New title", "Wire")


def test_front_matter_title_becomes_the_first_line() -> None:
    raw = _front("title: Leaders meet by the lake", f"{BODY['en']}\n")
    report = parse_report(raw, report_id="x")
    assert report.text == f"Leaders meet by the lake\n\n{BODY['en']}"
    _roundtrip_ok(report)


def test_front_matter_url_gives_the_outlet() -> None:
    raw = _front("url: https://www.example-news.org/a/1", f"{BODY['en']}\n")
    assert parse_report(raw, report_id="x").outlet == "example-news.org"


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        ("title: x\nsection: politics", "unknown keys ['section']; allowed: ['title'"),
        ("title: [unclosed", "front matter is not valid YAML"),
        ("- a\n- b", "must be 'key: value' lines"),
        ("language: fr", "front matter 'language' 'fr' is not a supported language"),
        ("timezone: Mars/Olympus", "front matter 'timezone' 'Mars/Olympus' is not an IANA"),
        ("published: sometime soon", "front matter 'published' 'sometime soon' cannot be read"),
        ("author: [a, b]", "front matter 'author' must be a single value"),
    ],
)
def test_front_matter_errors(lines: str, reason: str) -> None:
    with pytest.raises(ValueError, match=None) as info:
        parse_report(_front(lines, f"{BODY['en']}\n"), report_id="x")
    assert reason in str(info.value)


def test_unclosed_front_matter() -> None:
    with pytest.raises(ValueError, match="never closed"):
        parse_report(f"---\ntitle: x\n{BODY['en']}\n", report_id="x")


# --- time zones ------------------------------------------------------------------------------

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
    raw = _front(front, body) if front else body
    report = parse_report(raw, report_id="x", **options)
    assert _iso(report.published) == expected
    assert report.timezone == zone
    assert report.published.utcoffset() == datetime.fromisoformat(expected).utcoffset()


# --- languages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "first", "title"),
    [
        ("de", "Was bleibt vom Gipfel?", "Was bleibt vom Gipfel?"),
        ("en", "What is left of the summit?", "What is left of the summit?"),
        ("en", 'Trump: "A great meeting!"', 'Trump: "A great meeting!"'),
        ("de", "Das Treffen ist zu Ende gegangen.", None),  # a sentence, not a headline
        ("en", "Leaders meet", "Leaders meet"),
    ],
)
def test_first_line_headline(lang: str, first: str, title: str | None) -> None:
    report = parse_report(f"{first}\n\n{BODY[lang]}\n", report_id="x", language=lang)
    assert report.title == title
    assert report.text.startswith(f"{first}\n\n")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_language_is_detected(lang: str) -> None:
    report = parse_report(f"{HEADLINE[lang]}\n\n{BODY[lang]}\n", report_id="x")
    assert report.language == lang


def test_language_override_and_html_lang() -> None:
    assert parse_report(BODY["en"], report_id="x", language="de").language == "de"
    assert parse_report(BODY["en"], report_id="x", language="de-AT").language == "de"
    page = (FIXTURES / "en_geneva_page.html").read_text(encoding="utf-8")
    assert parse_report(page, report_id="x").language == "en"


FRENCH = (
    "Les deux présidents se sont rencontrés pendant quatre heures dans une villa au bord du lac. "
    "Ils ont ensuite tenu des conférences de presse séparées."
)


def test_unsupported_language_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"language detected as 'fr'.*supported: \['de', 'en'\]"):
        parse_report(FRENCH, report_id="x")


# --- bad files among good ones ---------------------------------------------------------------


def test_bad_files_are_reported_and_the_others_read(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text(f"{HEADLINE['en']}\n\n{BODY['en']}\n", encoding="utf-8")
    (tmp_path / "b_empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "d_yaml.md").write_text(f"---\ntitle: [x\n---\n{BODY['en']}\n", encoding="utf-8")
    (tmp_path / "e_keys.md").write_text(f"---\nsection: x\n---\n{BODY['en']}\n", encoding="utf-8")
    (tmp_path / "f_french.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "g_date.md").write_text(
        f"---\npublished: next week\n---\n{BODY['en']}\n", encoding="utf-8"
    )
    (tmp_path / "h_chrome.txt").write_text("Skip to content\nRead more\nAdvertisement\n")
    (tmp_path / "i_encoding.txt").write_bytes(b"\x81\x8d\x8f\x90 not text \xff\xfe\x00")
    (tmp_path / "z_good.md").write_text(
        _front("language: de", f"{HEADLINE['de']}\n\n{BODY['de']}\n"), encoding="utf-8"
    )
    (tmp_path / "notes.csv").write_text("not a report")  # not read from a folder
    missing = tmp_path / "missing.txt"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_reports([tmp_path, missing])
    assert [r.report_id for r in corpus] == ["a_good", "z_good"]
    reasons = {Path(e.source).name: e.reason for e in corpus.errors}
    assert reasons == {
        "missing.txt": "no such file or folder",
        "b_empty.txt": "file is empty",
        "c_binary.txt": "binary file (contains NUL bytes); expected UTF-8 text or HTML",
        "d_yaml.md": reasons["d_yaml.md"],
        "e_keys.md": reasons["e_keys.md"],
        "f_french.txt": reasons["f_french.txt"],
        "g_date.md": reasons["g_date.md"],
        "h_chrome.txt": "no text left after removing page chrome",
        "i_encoding.txt": reasons["i_encoding.txt"],
    }
    assert reasons["d_yaml.md"].startswith("front matter is not valid YAML")
    assert "unknown keys ['section']" in reasons["e_keys.md"]
    assert "'fr'" in reasons["f_french.txt"]
    assert "'next week' cannot be read as a date" in reasons["g_date.md"]
    assert "binary" in reasons["i_encoding.txt"] or "not UTF-8" in reasons["i_encoding.txt"]
    messages = [str(w.message) for w in caught if issubclass(w.category, ReportWarning)]
    assert len(messages) == len(corpus.errors)
    for error in corpus.errors:
        assert any(m.startswith(f"{error.source}: {error.reason}") for m in messages)


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    names = ("b/two.md", "a/one.txt", "c.html", "d.htm", ".hidden/x.txt", "b/.cache/y.txt")
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = f"{HEADLINE['en']}\n\n{BODY['en']}\n"
        if name == "c.html":
            text = f"<html><body><h1>{HEADLINE['en']}</h1><p>{BODY['en']}</p></body></html>"
        path.write_text(text, encoding="utf-8")
    corpus = load_reports(tmp_path)
    assert [r.report_id for r in corpus] == ["one", "two", "c", "d"]
    assert corpus["c"].form == "html"
    assert corpus["c"].text == f"{HEADLINE['en']}\n\n{BODY['en']}"
    assert corpus["d"].form == "text"  # an .htm file without markup is read as text


def test_duplicate_report_ids_are_an_error(tmp_path: Path) -> None:
    for name in ("a/same.txt", "b/same.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True)
        path.write_text(f"{HEADLINE['en']}\n\n{BODY['en']}\n", encoding="utf-8")
    with pytest.warns(ReportWarning, match="already used"):
        corpus = load_reports(tmp_path)
    assert len(corpus) == 1 and len(corpus.errors) == 1


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8-sig", b""), ("utf-16", b""), ("cp1252", b"")],
)
def test_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = f"{HEADLINE['de']} – „Präsident“\n\n{BODY['de']}\n"
    path = tmp_path / "r.txt"
    path.write_bytes(prefix + text.encode(encoding))
    report = load_reports(path)[0]
    assert report.title == f"{HEADLINE['de']} – „Präsident“"
    assert "Präsidenten" in report.text
    _roundtrip_ok(report)


def test_progress_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = load_reports(FIXTURES, progress=True)
    assert len(corpus) == len(list(FIXTURES.iterdir()))
    assert "reading reports" in capsys.readouterr().err


# --- arguments -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"path_or_paths": 42}, TypeError, "path_or_paths must be a file, a folder"),
        ({"path_or_paths": [FIXTURES, 42]}, TypeError, "must hold paths"),
        ({"language": "xx"}, ValueError, "language= 'xx' is not a supported language"),
        ({"timezone": "Mars/Base"}, ValueError, "timezone= 'Mars/Base' is not an IANA"),
        ({"default_timezones": {"en": "Nowhere"}}, ValueError, "default_timezones['en']"),
        ({"published": "whenever"}, ValueError, "published='whenever' cannot be read"),
        ({"published": 2018}, TypeError, "published must be a datetime, date or string"),
        ({"author": 3}, TypeError, "author must be a string or None"),
    ],
)
def test_argument_errors(kwargs: dict, error: type[Exception], message: str) -> None:
    kwargs = {"path_or_paths": FIXTURES, **kwargs}
    with pytest.raises(error) as info:
        load_reports(**kwargs)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("raw", "kwargs", "message"),
    [
        ("   ", {}, "file is empty"),
        (BODY["en"], {"form": "pdf"}, "form must be"),
        (BODY["en"], {"report_id": ""}, "report_id must be"),
        (BODY["en"], {"form": "front_matter"}, "does not start with a '---' line"),
    ],
)
def test_parse_report_errors(raw: str, kwargs: dict, message: str) -> None:
    kwargs = {"report_id": "x", **kwargs}
    with pytest.raises(ValueError, match=None) as info:
        parse_report(raw, **kwargs)
    assert message in str(info.value)


def test_inputs_are_not_mutated() -> None:
    zones = {"en": "America/New_York"}
    paths = [FIXTURES / "en_wrapped_helsinki.txt"]
    load_reports(paths, default_timezones=zones)
    assert zones == {"en": "America/New_York"}
    assert paths == [FIXTURES / "en_wrapped_helsinki.txt"]
