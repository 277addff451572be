"""Reading HTML pages (``reading/pages.py``): the article's text mapped into the raw HTML,
the page's metadata, and trafilatura loaded only for pages."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from reading_cases import BODY, FIXTURES, MORE, ROOT, iso

from summit_timeline.reading.load import load_reports, parse_report
from summit_timeline.reading.pages import declared_charset, looks_like_html, read_page


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
    assert iso(report.published) == "2018-07-16T09:05:00-04:00"
    assert report.text == f"Leaders meet\n\n{BODY['en']}\n\n{MORE['en']}"


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


# --- pages in parts --------------------------------------------------------------------------

PAGE = (
    "<html lang='{lang}'><head><title>Leaders meet</title>{head}</head>"
    "<body><article>{h1}<p>{body}</p><p>{more}</p></article></body></html>"
)


def _page(head: str = "", *, lang: str = "en", h1: str = "<h1>Leaders meet</h1>") -> str:
    return PAGE.format(lang=lang, head=head, h1=h1, body=BODY["en"], more=MORE["en"])


@pytest.mark.parametrize(
    ("head", "published"),
    [
        (
            '<meta name="date" content="2020-01-01">'
            '<meta property="article:published_time" content="2021-06-16T19:45:00+02:00">',
            "2021-06-16T19:45:00+02:00",  # the better-ranked name wins, not the first tag
        ),
        (
            '<script type="application/ld+json">{"datePublished": "2021-06-16T18:00:00Z"}</script>',
            "2021-06-16T18:00:00Z",
        ),
        ("", None),
    ],
)
def test_page_publication_time(head: str, published: str | None) -> None:
    page = read_page(_page(head))
    assert page.published == published
    assert (page.title, page.language) == ("Leaders meet", "en")
    assert page.text.startswith("Leaders meet\n")


def test_page_time_element_and_regional_lang() -> None:
    raw = _page(lang="de-AT").replace(
        "<article>", "<article><time datetime='2021-06-16T10:00:00+02:00'>16. Juni</time>"
    )
    page = read_page(raw)
    assert (page.published, page.language) == ("2021-06-16T10:00:00+02:00", "de")


def test_title_outside_the_article_points_at_the_title_element() -> None:
    raw = _page(h1="")
    page = read_page(raw)
    assert page.text.startswith("Leaders meet\n")
    at = raw.index("<title>") + len("<title>")
    assert page.positions[: len("Leaders meet")] == list(range(at, at + len("Leaders meet")))


@pytest.mark.parametrize(
    "raw", ["<html><body></body></html>", "<html><body><script>var a = 1;</script></body></html>"]
)
def test_page_without_text_is_an_error(raw: str) -> None:
    with pytest.raises(ValueError, match="no article text found"):
        read_page(raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body></body></html>", True),
        ("  <html lang='de'>", True),
        ("<?xml version='1.0'?><html>", True),
        ("<p>Just a paragraph</p>", False),
        ("Text about <html> tags", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<html><head><meta charset="iso-8859-7"></head>', "iso-8859-7"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=cp1252">', "cp1252"),
        (b"<html></html>", None),
    ],
)
def test_declared_charset(data: bytes, expected: str | None) -> None:
    assert declared_charset(data) == expected
