"""Reading files into a corpus (``reading/load.py``): samples, development sets, forms,
precedence of metadata, languages, encodings, bad files and arguments."""

from __future__ import annotations

import warnings
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from reading_cases import (
    BODY,
    DEV_REPORTS,
    EXPECTED,
    FIXTURES,
    FRENCH,
    HEADLINE,
    SAMPLES,
    assert_round_trip,
    iso,
    with_front_matter,
)

from summit_timeline.reading.corpus import Corpus
from summit_timeline.reading.load import (
    ReportWarning,
    decode,
    language_timezones,
    load_reports,
    parse_report,
)

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
        assert_round_trip(report)


# --- the development sets (annotated by the lead: Helsinki, Singapore, Hanoi, Geneva) ----------


def _dev_cases() -> list[tuple[Path, dict]]:
    cases = []
    for expected in sorted(EXPECTED.glob("dev-*.yaml")):
        folder = DEV_REPORTS / expected.stem.split("-", 1)[1]
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
        assert_round_trip(report)


# --- forms and precedence ------------------------------------------------------------------


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
        "published": iso(report.published),
        "precision": report.published_precision,
        "timezone": report.timezone,
        "url": report.url,
    }
    assert {key: got[key] for key in expected} == expected
    assert report.text.startswith(expected["title"] + "\n\n")


def test_overrides_win_over_front_matter() -> None:
    raw = with_front_matter("author: John Roe\ntitle: Old title", f"Old title\n\n{BODY['en']}\n")
    report = parse_report(raw, report_id="x", author="Override", title="New title", outlet="Wire")
    assert (report.author, report.title, report.outlet) == ("Override", "New title", "Wire")


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.example-news.org/a/1", "example-news.org"),
        ("http://Wire.Example.COM:8080/story?id=3", "wire.example.com"),
        ("//cdn.example.net/x", "cdn.example.net"),
        ("not an address", None),
    ],
)
def test_outlet_falls_back_to_the_url_host(url: str, outlet: str | None) -> None:
    report = parse_report(f"{HEADLINE['en']}\n\n{BODY['en']}\n", report_id="x", url=url)
    assert (report.url, report.outlet) == (url, outlet)


@pytest.mark.parametrize(
    ("url", "day", "precision"),
    [
        ("https://news.example.org/2024/03/09/leaders-meet", "2024-03-09", "day"),
        ("https://news.example.org/politik/2024-03-09-gipfel.html", "2024-03-09", "day"),
        ("https://news.example.org/politik/gipfel-102.html", None, None),
        ("https://news.example.org/2024/03/leaders-meet", "2024-03-01", "month"),  # no day
        ("https://news.example.org/2000078753425/gipfel", None, None),  # an article number
    ],
)
def test_the_address_gives_the_publication_day_when_nothing_else_does(
    url: str, day: str | None, precision: str | None
) -> None:
    report = parse_report(f"{HEADLINE['en']}\n\n{BODY['en']}\n", report_id="x", url=url)
    if day is None:
        assert report.published is None
    else:
        assert report.published.date().isoformat() == day
        assert report.published_precision == precision


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example.org/world/2024/mar/09/leaders-meet", "2024-03-09"),
        ("https://news.example.org/archives/xy-2024-Mar-09-leaders-meet.html", "2024-03-09"),
        ("https://news.example.org/news/512/World/March-9-2024/leaders-meet", "2024-03-09"),
        ("https://news.example.org/en/20240309-leaders-meet", "2024-03-09"),
        ("https://news.example.org/report/20240309.htm", "2024-03-09"),
        ("https://news.example.org/en/20241399-leaders-meet", None),  # no such day
        ("https://news.example.org/article20240309/leaders", None),  # part of a word
        ("https://news.example.org/2024/summit/09/leaders-meet", None),  # no month name
    ],
)
def test_the_address_gives_a_day_written_with_a_month_name_or_as_eight_digits(
    url: str, day: str | None
) -> None:
    """Addresses print the day of first publication in several ways htmldate's rule does not
    read: a month name between (or before) year and day, or eight digits year-month-day set off
    by separators; the month names are the lexicons'."""
    report = parse_report(f"{HEADLINE['en']}\n\n{BODY['en']}\n", report_id="x", url=url)
    if day is None:
        assert report.published is None
    else:
        assert (report.published.date().isoformat(), report.published_precision) == (day, "day")


def test_a_date_line_wins_over_the_address() -> None:
    raw = f"{HEADLINE['en']}\nMarch 10, 2024 at 09:15\n\n{BODY['en']}\n"
    report = parse_report(raw, report_id="x", url="https://news.example.org/2024/03/09/a")
    assert (report.published.date().isoformat(), report.published_precision) == (
        "2024-03-10",
        "minute",
    )


@pytest.mark.parametrize(
    ("url", "day", "precision"),
    [
        ("https://news.example.org/2024/03/09/leaders-meet", "2024-03-09", "day"),
        ("https://news.example.org/2024/04/09/leaders-meet", "2024-03-01", "month"),  # other month
        ("https://news.example.org/politik/gipfel-102.html", "2024-03-01", "month"),
    ],
)
def test_the_address_gives_the_day_of_a_publication_known_to_the_month(
    url: str, day: str, precision: str
) -> None:
    raw = with_front_matter('published: "2024-03"', f"{HEADLINE['en']}\n\n{BODY['en']}\n")
    report = parse_report(raw, report_id="x", url=url)
    assert (report.published.date().isoformat(), report.published_precision) == (day, precision)


def test_a_date_line_later_than_the_address_is_not_the_publication() -> None:
    """A page's "today" line years after its address's month: the address tells when it was
    first published, and the report says why."""
    raw = f"Tuesday, February 27th, 2024\n{HEADLINE['en']}\n\n{BODY['en']}\n"
    report = parse_report(raw, report_id="x", url="https://news.example.org/2017/04/20170407/")
    assert (report.published.date().isoformat(), report.published_precision) == (
        "2017-04-07",
        "day",
    )
    assert any("later than the address" in n for n in report.notes)


def test_byline_outlet_wins_over_the_url_host() -> None:
    raw = f"{HEADLINE['en']}\nBy Jane Doe, Reuters\n\n{BODY['en']}\n"
    report = parse_report(raw, report_id="x", url="https://www.example.org/a")
    assert report.outlet == "Reuters"


# --- languages -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_language_is_detected(lang: str) -> None:
    report = parse_report(f"{HEADLINE[lang]}\n\n{BODY[lang]}\n", report_id="x")
    assert report.language == lang


def test_language_override_and_html_lang() -> None:
    assert parse_report(BODY["en"], report_id="x", language="de").language == "de"
    assert parse_report(BODY["en"], report_id="x", language="de-AT").language == "de"
    page = (FIXTURES / "en_geneva_page.html").read_text(encoding="utf-8")
    assert parse_report(page, report_id="x").language == "en"


def test_unsupported_language_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"language detected as 'fr'.*supported: \['de', 'en'\]"):
        parse_report(FRENCH, report_id="x")


@pytest.mark.parametrize(("lang", "zone"), [("de", "Europe/Berlin"), ("en", "UTC")])
def test_language_timezones(lang: str, zone: str) -> None:
    zones = language_timezones()
    assert zones[lang] == zone
    zones[lang] = "Asia/Tokyo"  # a copy: changing it changes nothing for the next caller
    assert language_timezones()[lang] == zone


# --- files: bad ones among good ones, folders, encodings -------------------------------------


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
        with_front_matter("language: de", f"{HEADLINE['de']}\n\n{BODY['de']}\n"), encoding="utf-8"
    )
    (tmp_path / "notes.csv").write_text("not a report")  # not read from a folder
    missing = tmp_path / "missing.txt"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_reports([tmp_path, missing])
    assert [r.report_id for r in corpus] == ["a_good", "g_date", "z_good"]
    # a wrong field loses the field, not the report: it is noted, and warned about
    (dated,) = [r for r in corpus if r.report_id == "g_date"]
    assert dated.published is None
    assert "'next week' cannot be read as a date" in dated.notes[0]
    reasons = {Path(e.source).name: e.reason for e in corpus.errors}
    assert reasons == {
        "missing.txt": "no such file or folder",
        "b_empty.txt": "file is empty",
        "c_binary.txt": "binary file (contains NUL bytes); expected UTF-8 text or HTML",
        "d_yaml.md": reasons["d_yaml.md"],
        "e_keys.md": reasons["e_keys.md"],
        "f_french.txt": reasons["f_french.txt"],
        "h_chrome.txt": "no text left after removing page chrome",
        "i_encoding.txt": reasons["i_encoding.txt"],
    }
    assert reasons["d_yaml.md"].startswith("front matter is not valid YAML")
    assert "unknown keys ['section']" in reasons["e_keys.md"]
    assert "'fr'" in reasons["f_french.txt"]
    assert "binary" in reasons["i_encoding.txt"] or "not UTF-8" in reasons["i_encoding.txt"]
    messages = [str(w.message) for w in caught if issubclass(w.category, ReportWarning)]
    assert len(messages) == len(corpus.errors) + 1
    assert any(
        m.startswith(f"{tmp_path / 'g_date.md'}: front matter 'published'") for m in messages
    )
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
    assert_round_trip(report)


@pytest.mark.parametrize(
    ("data", "html", "expected"),
    [
        ("Gipfel in Genf".encode("utf-8-sig"), False, "Gipfel in Genf"),  # BOM dropped
        ("Präsident".encode("utf-16"), False, "Präsident"),
        ("Präsident – „Gipfel“".encode("cp1252"), False, "Präsident – „Gipfel“"),
        # the declared charset wins over Windows-1252 (0xe1 is "α" in ISO-8859-7, "á" in cp1252)
        (b'<html><head><meta charset="iso-8859-7"></head><body>\xe1</body></html>', True, "α"),
    ],
)
def test_decode(data: bytes, html: bool, expected: str) -> None:
    assert expected in decode(data, html=html)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b" \n\t", "file is empty"),
        (b"PK\x03\x04\x00\x00", "binary file (contains NUL bytes)"),
        (b"\x01\x02\x03\x04 text \x05\x06", "binary file (control characters)"),
        (b"\x81\x8d\x8f\x90 text", "not UTF-8 text (invalid byte 0x81 at byte 0)"),
    ],
)
def test_decode_errors(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=None) as info:
        decode(data)
    assert message in str(info.value)


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    corpus = load_reports(FIXTURES, progress=True)
    files = len(list(FIXTURES.iterdir()))
    assert len(corpus) == files
    err = capsys.readouterr().err
    assert "reading reports" in err
    assert f"{files}/{files}" in err  # one step a file, all of them done


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


def test_a_report_over_the_size_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    from summit_timeline.reading.load import MAX_REPORT_CHARS

    (tmp_path / "huge.txt").write_text("Wort " * (MAX_REPORT_CHARS // 5 + 1000), encoding="utf-8")
    (tmp_path / "fine.txt").write_text(f"{HEADLINE['en']}\n\n{BODY['en']}\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_reports(tmp_path)
    assert [r.report_id for r in corpus] == ["fine"]
    (error,) = corpus.errors
    assert error.source.endswith("huge.txt")
    assert error.reason.startswith("too long:") and f"{MAX_REPORT_CHARS:,}" in error.reason


def test_two_identical_reports_under_two_names_are_flagged(tmp_path: Path) -> None:
    text = f"{HEADLINE['en']}\n\n{BODY['en']}\n"
    (tmp_path / "first.txt").write_text(text, encoding="utf-8")
    (tmp_path / "second.txt").write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_reports(tmp_path)
    first, second = corpus
    assert first.notes == ()
    assert second.notes == (
        f"same text as {tmp_path / 'first.txt'}: one report under two names counts its events "
        "twice",
    )
    assert any("same text as" in str(w.message) for w in caught)
