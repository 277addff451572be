"""Cleaning a report's text (``reading/clean.py``): chrome, credits, repeated lines, the
headline, paragraphs and wrapping, characters, and the map back into the raw file."""

from __future__ import annotations

import pytest
from reading_cases import (
    BODY,
    FIXTURES,
    HEADLINE,
    MORE,
    SAMPLES,
    assert_round_trip,
    iso,
    with_front_matter,
)

from summit_timeline.knowledge import default_knowledge
from summit_timeline.reading.clean import (
    clean,
    is_caption,
    is_chrome,
    is_credit,
    looks_like_headline,
)
from summit_timeline.reading.load import load_reports, parse_report
from summit_timeline.reading.patterns import patterns_for


@pytest.fixture(scope="module")
def p():
    return patterns_for(default_knowledge())


# --- chrome and credits ----------------------------------------------------------------------


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
    ("en", "This content was originally published in Lula arrives in Moscow on Example TV."),
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
    assert_round_trip(report)


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
    ("lang", "line", "head", "expected"),
    [
        ("en", "Read more ›", False, True),  # punctuation around a label is ignored
        ("de", "Teilen:", False, True),
        ("de", "Lesezeit: 4 Min.", False, True),
        ("en", "Tags: Diplomacy", False, True),
        ("en", "* * *", False, True),  # only separators
        ("en", "World | Asia", True, True),  # a breadcrumb, near the top
        ("en", "World | Asia", False, False),  # further down it may be text
        ("de", "Politik › Ausland › USA", True, True),
        ("en", "Trump | Putin | Helsinki summit talks", True, False),  # parts too long
        ("en", "The talks ended.", True, False),
    ],
)
def test_is_chrome(p, lang: str, line: str, head: bool, expected: bool) -> None:
    assert is_chrome(line, head=head, p=p) is expected


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("de", "Foto: dpa", True),
        ("de", "Bild: Jane Doe", True),  # a labelled credit may name only a person
        ("de", "© pam/dpa", True),
        ("en", "(Photo: AP)", True),
        ("en", "Evan Vucci / AP Photo", True),
        ("en", "Jane Doe / example.com", True),  # a domain is a source
        ("en", "Copyright", True),
        ("en", "Photo:", False),  # a label without a name
        ("en", "By Jane Doe, Reuters", False),  # a byline
        ("en", "Trump / Putin", False),  # names without a source
        ("en", "Who took this photo: AFP?", False),
        ("en", "Reuters reported that the talks ended.", False),
    ],
)
def test_is_credit(p, lang: str, line: str, expected: bool) -> None:
    assert is_credit(line, p=p) is expected


@pytest.mark.parametrize("lang", ["de", "en"])
def test_repeated_line_is_kept_once(lang: str) -> None:
    caption = {"de": "Die Präsidenten beim Händedruck.", "en": "The presidents shake hands."}[lang]
    raw = f"{HEADLINE[lang]}\n\n{BODY[lang]}\n{caption}\n{caption}\n{MORE[lang]}\n"
    report = parse_report(raw, report_id="x")
    assert report.text.count(caption) == 1


# --- the headline ----------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("en", "Leaders meet", True),
        ("de", "Was bleibt vom Gipfel?", True),
        ("de", "Die Lage am Morgen...", True),  # a teaser's ellipsis
        ("en", "Trump: …", True),
        ("de", "Das Treffen ist zu Ende gegangen.", False),  # ends like a sentence
        ("en", "Live: what we know so far:", False),
        ("en", "Summit", False),  # one word
        ("en", " ".join(["word"] * 26), False),  # too long
    ],
)
def test_looks_like_headline(lang: str, line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


def test_known_title_removes_the_furniture_above_it(p) -> None:
    source = (
        "Hero photo caption text\n"
        f"{HEADLINE['en']}\n"
        "<https://news.example.org/a/1>\n\n"
        f"{BODY['en']}\n"
    )
    cleaned = clean(source, known_title=HEADLINE["en"], p=p)
    assert cleaned.title == HEADLINE["en"]
    assert cleaned.text == f"{HEADLINE['en']}\n\n{BODY['en']}"
    assert cleaned.url == "https://news.example.org/a/1"


def test_headline_above_the_date_line(p) -> None:
    source = f"Politik\n{HEADLINE['de']}\n16.07.2018, 18:55 Uhr\n{BODY['de']}\n"
    cleaned = clean(source, p=p)
    assert cleaned.title == HEADLINE["de"]
    assert cleaned.text == f"{HEADLINE['de']}\n\n{BODY['de']}"  # the rubric above is furniture
    assert [m.date for m in cleaned.dates] == ["16.07.2018"]


#: A page whose photo stands between the headline and the byline: the caption, with its credit,
#: is the line right above the author and date lines (invented).
CAPTIONED_PAGES = {
    "en": (
        "Two prime ministers meet on board a ferry",
        "The talks were their first in a decade.",
        "The prime ministers on the deck of the ferry (Photo: Jane Roe/AFP)",
        "By John Doe\nMarch 3, 2024 10:05 am",
    ),
    "de": (
        "Zwei Regierungschefs treffen sich auf einer Fähre",
        "Es waren ihre ersten Gespräche seit zehn Jahren.",
        "Die Regierungschefs an Deck der Fähre Bild: Erika Muster/dpa",
        "Von Max Muster\n03.03.2024, 10:05 Uhr",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_caption_above_the_byline_is_no_headline(p, lang: str) -> None:
    # taken for the headline, the caption made the real headline and standfirst furniture
    headline, standfirst, caption, meta = CAPTIONED_PAGES[lang]
    source = f"{headline}\n\n{standfirst}\n{caption}\n{meta}\n\n{BODY[lang]}\n"
    cleaned = clean(source, p=p)
    assert cleaned.title == headline
    assert cleaned.text.startswith(f"{headline}\n\n{standfirst}")
    assert caption in cleaned.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The prime ministers on the deck of the ferry (Photo: Jane Roe/AFP)", True),
        ("The leaders shake hands (AP Photo/Jane Roe)", True),
        ("Die Regierungschefs an Deck der Fähre Bild: Erika Muster/dpa", True),
        ("The leaders shake hands. /Photo: AA", True),
        ("Summit ends without a deal (live updates)", False),
        ("Summit ends without a deal", False),
    ],
)
def test_is_caption(p, line: str, expected: bool) -> None:
    assert is_caption(line, p=p) is expected


def test_a_date_line_that_ends_a_short_report_keeps_the_report(p) -> None:
    # the date line is within the first lines of a short text, but it ends it: the line above
    # it is the report's last line, not a headline with page furniture above
    lines = [BODY["en"], "Both leaders spoke briefly.", "(This is a breaking story)"]
    source = "\n\n".join([*lines, "Published on: Monday, December 06, 2021, 06:17 PM IST"])
    cleaned = clean(source, p=p)
    assert cleaned.text.startswith(BODY["en"])
    assert cleaned.title is None
    assert [m.date for m in cleaned.dates] == ["Monday, December 06, 2021"]


# --- paragraphs, characters, offsets ---------------------------------------------------------


def test_wrapped_paragraphs_are_joined() -> None:
    report = load_reports(FIXTURES / "en_wrapped_helsinki.txt")[0]
    lines = report.text.split("\n")
    assert lines[2].startswith("The presidents of the United States")
    assert lines[2].endswith("almost an hour behind schedule.")
    assert "a little more than two hours" in report.text


def test_a_double_spaced_paragraph_is_one_paragraph() -> None:
    # a page printed with a line break and a blank line every few words: a line that ends
    # mid-sentence goes on in the lower-case line after the blank one
    raw = (
        "Leaders meet in Osaka\n\nBoth leaders laughed as the press was led out of the\n\n"
        "small room where the delegations were set\n\nto then hold extended talks in Osaka.\n\n"
        "Last year they met in Helsinki.\n"
    )
    report = parse_report(raw, report_id="x", language="en")
    assert (
        "Both leaders laughed as the press was led out of the small room where the delegations "
        "were set to then hold extended talks in Osaka.\n\nLast year they met in Helsinki."
    ) in report.text
    assert_round_trip(report)


def test_windows_line_endings() -> None:
    raw = with_front_matter(
        "title: Leaders meet\ntimezone: Europe/Zurich", "Leaders meet\n\n" + BODY["en"]
    )
    raw = raw.replace("\n", "\r\n") + "\r\nPublished 16 June 2021 22:15\r\n"
    report = parse_report(raw, report_id="x")
    assert report.text == f"Leaders meet\n\n{BODY['en']}"
    assert "\r" not in report.text
    assert iso(report.published) == "2021-06-16T22:15:00+02:00"
    assert_round_trip(report)


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


TEXT_FIXTURES = [
    "de_genf_paste.txt",
    "en_singapore_paste.txt",
    "de_genf_frontmatter.md",
    "en_wrapped_helsinki.txt",
]


def test_positions_map_into_the_raw_file(p) -> None:
    """A piece of a larger file (``start``, ``positions``): offsets point into the file."""
    piece = f"{HEADLINE['en']}\n{BODY['en']}\n"
    source = "@@" + piece
    positions = [1000 + i for i in range(len(source))]
    cleaned = clean(source, start=2, positions=positions, paragraph_break="blank", p=p)
    assert cleaned.text == f"{HEADLINE['en']}\n\n{BODY['en']}"
    assert cleaned.offsets[0] == 1002
    assert cleaned.offsets[-1] == 1002 + piece.index(BODY["en"]) + len(BODY["en"]) - 1
    joint = len(HEADLINE["en"])
    assert cleaned.offsets[joint : joint + 2] == [1002 + joint] * 2  # the newline's index


@pytest.mark.parametrize(
    "path", [*(FIXTURES / name for name in TEXT_FIXTURES), SAMPLES], ids=lambda path: path.name
)
def test_offsets_round_trip(path) -> None:
    for report in load_reports(path):
        assert_round_trip(report)
        for i in (0, len(report.text) // 2, len(report.text) - 1):
            assert report.clean_offset(report.offsets[i]) <= i


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
