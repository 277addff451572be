"""HTML page, TimelineJS JSON and the build folder: content, escaping, atomic writes, bad input."""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from tables import (
    GIFT_LABEL,
    GIFT_NEUTRAL,
    PWN,
    STORIES,
    alaska_table,
    clock_table,
    gift_knowledge,
    gift_table,
    hostile_table,
    stories_table,
    unpacked,
)

from summit_timeline import files
from summit_timeline.table import write_table
from summit_timeline.views.export import (
    build_outputs,
    differences_html,
    export_html,
    safe_link,
    to_html,
    to_timelinejs,
    write_timelinejs,
)
from summit_timeline.views.figures import timeline_figure


@pytest.fixture(scope="module")
def alaska_page() -> str:
    return to_html(alaska_table(), title="Alaska")


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return to_html(hostile_table(), title="Hostile")


def _section(page: str, section: str) -> str:
    match = re.search(rf'<section id="{section}">(.*?)</section>', page, re.S)
    assert match, f"no section {section}"
    return match.group(1)


def test_page_is_self_contained(alaska_page: str) -> None:
    assert alaska_page.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in alaska_page and "connect-src 'none'" in alaska_page
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', alaska_page).group(1)
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", policy)) == 4, "plotly's and the legend's"
    assert re.search(r"<script[^>]+src=", alaska_page) is None
    assert re.search(r"<link[^>]+href=", alaska_page) is None
    assert len(alaska_page) > 3_000_000, "plotly.js is inlined"
    assert "<title>Alaska</title>" in alaska_page


def test_page_has_sources_events_and_differences(alaska_page: str) -> None:
    sources = _section(alaska_page, "sources")
    assert "Stefanie Hermann" in sources and "Seeblick Zeitung" in sources
    assert '<a href="https://alpenblatt.example/politik/gipfel"' in sources
    assert "2025-08-16T06:56:00+02:00" in sources
    events = _section(alaska_page, "events")
    assert events.count("<tr>") == len(alaska_table()) + 1
    rows = _section(alaska_page, "differences").split("<tr>")
    duration = next(r for r in rows if "Insgesamt" not in r and "<td>duration</td>" in r)
    assert "165" in duration and "150" in duration
    cancelled = next(r for r in rows if "(cancelled)" in r)
    assert "<b>Seeblick Zeitung</b>: not reported" in cancelled


def _page_differences(page: str) -> set[str]:
    """Each row of the page's table of differences as one line: 'aspect: A: value · B: value'."""
    lines = set()
    for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        if not cells:
            continue  # the heading
        values = [re.sub(r"<[^>]+>", "", v) for v in cells[2].split("<br>")]
        lines.add(html.unescape(f"{cells[1]}: {' · '.join(values)}"))
    return lines


def _hover_differences(table: pd.DataFrame) -> set[str]:
    """Every 'Outlets differ' line of every hover text of the timeline."""
    lines = set()
    for trace in timeline_figure(table, hover_width=10_000).data:
        for text in trace.hovertext or ():
            if text and "<b>Outlets differ</b>" in text:
                tail = text.split("<b>Outlets differ</b>:<br>", 1)[1]
                lines.update(html.unescape(line[2:]) for line in tail.split("<br>"))
    return lines


@pytest.mark.parametrize("make", [alaska_table, clock_table, hostile_table])
def test_the_page_and_the_hover_texts_list_the_same_differences(make) -> None:
    on_page = _page_differences(differences_html(make()))
    assert on_page, "the tables have differences"
    assert on_page == _hover_differences(make())


def test_differences_on_the_page(alaska_page: str) -> None:
    lines = _page_differences(_section(alaska_page, "differences"))
    duration = "duration: Alpenblatt: nur 165 min (2 h 45 min) · Seeblick Zeitung: gut 150 min"
    assert f"{duration} (2 h 30 min)" in lines
    assert "reported by: Alpenblatt: reported · Seeblick Zeitung: not reported" in lines
    single = differences_html(alaska_table()[lambda t: t["outlet"] == "Alpenblatt"])
    assert "No event is reported by more than one outlet" in single


def test_events_are_listed_in_time_order(alaska_page: str) -> None:
    events = _section(alaska_page, "events")
    talks = events.index("Insgesamt dauerte die Runde")
    press = events.index("Nach nur zwölf Minuten")
    departure = events.index("bevor beide Delegationen")
    assert talks < press < departure


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1&c=2", '<a href="https://example.org/a?b=1&amp;c=2"'),
        ("HTTP://EXAMPLE.ORG/", '<a href="HTTP://EXAMPLE.ORG/"'),
        ("javascript:alert(1)", "<span>javascript:alert(1)</span>"),
        (" javascript:alert(1)", "<span>javascript:alert(1)</span>"),
        ("java\tscript:alert(1)", "<span>java\tscript:alert(1)</span>"),
        ("data:text/html,<script>x</script>", "<span>data:text/html,&lt;script&gt;"),
        ('https://x.org/"onmouseover="alert(1)', "<span>https://x.org/&quot;onmouseover"),
        (None, ""),
    ],
)
def test_only_http_addresses_become_links(url: str | None, expected: str) -> None:
    assert safe_link(url).startswith(expected)


def test_report_text_is_escaped_in_the_page(hostile_page: str) -> None:
    body = hostile_page.split("<body>", 1)[1]
    assert PWN in body  # the payloads are there ...
    # ... but only as text: the page's only scripts are plotly's three (config, library, figure)
    # and the legend's
    assert len(re.findall(r"<script\b", hostile_page, re.I)) == 4
    assert f"<script>{PWN}" not in hostile_page
    figure_at = body.index("Plotly.newPlot")
    outside = body[: body.index("<script")] + body[body.index("</script>", figure_at) :]
    assert "<img" not in outside and '<a href="javascript' not in outside
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in outside
    assert "<a href=" not in _section(hostile_page, "sources").split("Fair Herald", 1)[0]


def test_plotly_data_cannot_close_its_script_tag(hostile_page: str) -> None:
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", hostile_page, re.S)
    figure_script = next(body for body in scripts if "Plotly.newPlot(" in body)
    assert "</script" not in figure_script.lower()
    assert "<img" not in figure_script


def test_export_html_writes_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "timeline.html"
    target.write_text("old page", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        export_html(alaska_table(), target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.html"]
    monkeypatch.undo()
    assert export_html(alaska_table(), target) == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("make_path", "error", "message"),
    [
        (lambda tmp: tmp / "missing" / "t.html", FileNotFoundError, "missing"),
        (lambda tmp: tmp, IsADirectoryError, "is a folder"),
    ],
)
def test_export_html_bad_path(tmp_path: Path, make_path, error, message: str) -> None:
    with pytest.raises(error, match=message):
        export_html(alaska_table(), make_path(tmp_path))


def test_export_html_refuses_a_non_table(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="missing columns"):
        export_html(pd.DataFrame({"x": [1]}), tmp_path / "t.html")


def test_build_outputs_writes_what_the_functions_return(tmp_path: Path) -> None:
    table = clock_table()
    out = tmp_path / "new" / "build"
    written = build_outputs(table, out, title="Geneva")
    assert written == {
        "events": out / "events.csv",
        "timeline": out / "timeline.html",
        "timelinejs": out / "timeline.json",
    }
    expected = write_table(table, tmp_path / "expected.csv").read_text(encoding="utf-8")
    assert written["events"].read_text(encoding="utf-8") == expected
    assert json.loads(written["timelinejs"].read_text(encoding="utf-8")) == to_timelinejs(
        table, title="Geneva"
    )
    page = written["timeline"].read_text(encoding="utf-8")
    assert _section(page, "events") == _section(to_html(table, title="Geneva"), "events")
    assert "<title>Geneva</title>" in page
    assert sorted(p.name for p in out.iterdir()) == ["events.csv", "timeline.html", "timeline.json"]


def test_build_outputs_refuses_a_file_as_folder(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="out_dir"):
        build_outputs(alaska_table(), path)


# (mention's event, expected TimelineJS start_date, end_date)
TIMELINEJS_CASES = [
    ("g-arrival", {"year": 2021, "month": 6, "day": 16, "hour": 12, "minute": 55}, None),
    (
        "g-talks",
        {"year": 2021, "month": 6, "day": 16, "hour": 13, "minute": 40},
        {"year": 2021, "month": 6, "day": 16, "hour": 15, "minute": 5},
    ),
    ("g-press", {"year": 2021, "month": 6, "day": 16}, None),
    ("g-followup", {"year": 2021, "month": 7, "day": 1}, None),
]


@pytest.mark.parametrize(("event_id", "start", "end"), TIMELINEJS_CASES)
def test_timelinejs_dates_keep_their_precision(
    event_id: str, start: dict, end: dict | None
) -> None:
    slides = {s["unique_id"]: s for s in to_timelinejs(clock_table())["events"]}
    assert slides[event_id]["start_date"] == start
    assert slides[event_id].get("end_date") == end


def test_timelinejs_structure() -> None:
    data = to_timelinejs(alaska_table(), title="Alaska")
    assert data["title"]["text"]["headline"] == "Alaska"
    assert "1 undated event not shown" in data["title"]["text"]["text"]
    slides = data["events"]
    assert [s["group"] for s in slides] == [
        "Talks",
        "Talks",
        "Press statement",
        "Invitation",
        "Departure",
    ]
    assert len({s["unique_id"] for s in slides}) == len(slides)
    talks = slides[1]["text"]["text"]
    assert "<b>Alpenblatt</b> (occurred), nur 165 min" in talks and "Gut zweieinhalb" in talks


@pytest.mark.parametrize(("with_knowledge", "group"), [(False, GIFT_NEUTRAL), (True, GIFT_LABEL)])
def test_timelinejs_groups_by_the_labels_of_the_knowledge_passed(
    tmp_path: Path, with_knowledge: bool, group: str
) -> None:
    mine = gift_knowledge(tmp_path) if with_knowledge else None
    slides = to_timelinejs(gift_table(), knowledge=mine)["events"]
    groups = [s["group"] for s in slides]
    assert groups == ([group, "Talks"] if with_knowledge else ["Talks", group])
    assert slides[groups.index(group)]["text"]["headline"] == group  # no label: the type's


def test_timelinejs_escapes_report_text(tmp_path: Path) -> None:
    path = write_timelinejs(hostile_table(), tmp_path / "t.json")
    text = json.loads(path.read_text(encoding="utf-8"))
    flat = json.dumps(text, ensure_ascii=False)
    assert "<script" not in flat and "<img" not in flat and "<a " not in flat
    assert "&lt;script&gt;" in flat


# ---------------------------------------------------------------- several stories


@pytest.fixture(scope="module")
def stories_page() -> str:
    return to_html(stories_table(), title="Stories")


def test_packed_html_keeps_only_the_first_story_s_tables_as_html(stories_page: str) -> None:
    """The tables of every story but the first are packed: read when the story is shown."""
    section = _section(stories_page, "events")
    found = dict(re.findall(r'<div class="story" data-story="(\d+)">(.*?)</div>', section, re.S))
    assert "<table" in found.pop("0")
    assert found and all(
        b.startswith('<script type="application/x-gzip-base64"') for b in found.values()
    )
    assert "<table" in unpacked(found["1"])


def _story_blocks(section: str) -> dict[str, str]:
    """The blocks of a section, by their place in the menu of stories (``data-story``)."""
    found = re.findall(r'<div class="story" data-story="(\d+)">(.*?)</div>', section, re.S)
    if section.count('class="packed-html"'):
        found = [(n, unpacked(b)) for n, b in found]
    return dict(found)


#: A script the page runs (not a JSON data block: ``type="application/json"``).
RUN_SCRIPT = r'<script\b(?![^>]*type="application/)[^>]*>(.*?)</script>'


def data_blocks(page: str) -> dict[str, Any]:
    """The page's data blocks by id, read: JSON, or gzip-compressed JSON in base64."""
    found = {}
    for kind, name, text in re.findall(
        r'<script type="application/([^"]+)" id="([^"]+)">(.*?)</script>', page, re.S
    ):
        if kind != "json":
            text = gzip.decompress(base64.b64decode(text)).decode("utf-8")
        found[name] = json.loads(text)
    return found


def test_the_page_of_several_stories_keeps_its_policy(stories_page: str) -> None:
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', stories_page).group(1)
    scripts = re.findall(RUN_SCRIPT, stories_page, re.S)
    assert len(scripts) == 5, "plotly's three, the legend's and the page's own"
    hashes = re.findall(r"'sha256-([A-Za-z0-9+/=]+)'", policy)
    assert hashes == [
        base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for body in scripts
    ]
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "connect-src 'none'" in policy
    assert re.search(r"<script[^>]+src=", stories_page) is None
    assert (
        re.search(r"\son[a-z]+=", stories_page.split("<body>", 1)[1].split("<script", 1)[0]) is None
    )


@pytest.mark.parametrize("section", ["differences", "events", "sources"])
def test_each_section_is_grouped_by_story_with_headings(stories_page: str, section: str) -> None:
    blocks = _story_blocks(_section(stories_page, section))
    assert list(blocks) == ["0", "1", "2"]
    for number, label in enumerate(STORIES.values()):
        assert f"<h3>{html.escape(label)}</h3>" in blocks[str(number)]


def test_each_story_block_holds_its_story(stories_page: str) -> None:
    events = _story_blocks(_section(stories_page, "events"))
    assert events["0"].count("<tr>") == 11 + 1
    assert events["1"].count("<tr>") == 6 + 1 and "Leader A arrived" in events["1"]
    assert events["2"].count("<tr>") == 1 + 1 and "Helsinki getroffen" in events["2"]
    assert "Times are local at the venue (Europe/Zurich)" in events["1"]
    sources = _story_blocks(_section(stories_page, "sources"))
    assert "Xenia Wire" in sources["1"] and "Xenia Wire" not in sources["0"]
    assert "Stefanie Hermann" in sources["2"]
    differences = _story_blocks(_section(stories_page, "differences"))
    assert "Xenia Wire" not in differences["0"] and "Seeblick Zeitung" in differences["0"]
    assert "No event is reported by more than one outlet" in differences["2"]


def test_the_page_says_how_to_choose_a_story(stories_page: str) -> None:
    timeline = _section(stories_page, "timeline")
    assert "The reports tell 3 stories" in timeline
    assert 'id="all-stories"' in timeline
    assert "in 3 stories" in stories_page.split("</header>", 1)[0]


def test_each_story_is_a_figure_in_an_inert_json_block(stories_page: str) -> None:
    """Each story's figure is data (never run, allowed by no hash), parsed when chosen."""
    figures = data_blocks(stories_page)
    index = figures.pop("timeline-index")
    assert [len(story["parts"]) for story in index] == [1, 1, 1]
    assert "layout" in figures.pop("timeline-template")
    # the first story is plotly's own figure, in the page once
    assert [story["parts"][0]["block"] for story in index] == [None, *sorted(figures)]
    assert sorted(figures) == [f"timeline-part-{n}" for n in (1, 2)]
    plotted = next(
        body for body in re.findall(RUN_SCRIPT, stories_page, re.S) if "Plotly.newPlot(" in body
    )
    labels = [html.escape(label.split(",")[0]) for label in STORIES.values()]
    assert f'"{labels[0]}, ' in plotted, "the first story's title"
    titles = [figures[f"timeline-part-{n}"]["layout"]["title"]["text"] for n in (1, 2)]
    assert [t.split(",")[0] for t in titles] == labels[1:]
    assert all("template" not in f["layout"] for f in figures.values()), "the template once"


def test_one_story_of_several_gives_the_page_of_one_story() -> None:
    page = to_html(stories_table(), story="geneva-2021")
    assert len(re.findall(r"<script\b", page)) == 4, "plotly's three and the legend's"
    assert 'data-story="' not in page and 'id="all-stories"' not in page
    assert _section(page, "events") == _section(
        to_html(clock_table().assign(story_id="geneva-2021")), "events"
    )


def test_timelinejs_groups_several_stories_by_story() -> None:
    data = to_timelinejs(stories_table())
    groups = list(dict.fromkeys(s["group"] for s in data["events"]))
    assert groups == [html.escape(label.rsplit(" (", 1)[0]) for label in STORIES.values()]
    assert "Times are local at each venue" in data["title"]["text"]["text"]
    one = to_timelinejs(stories_table(), story="geneva-2021")
    assert one == to_timelinejs(clock_table().assign(story_id="geneva-2021"))


def test_build_outputs_of_several_stories(tmp_path: Path) -> None:
    written = build_outputs(stories_table(), tmp_path, title="Stories")
    page = written["timeline"].read_text(encoding="utf-8")
    assert _section(page, "events") == _section(to_html(stories_table(), title="Stories"), "events")
    assert len(json.loads(written["timelinejs"].read_text(encoding="utf-8"))["events"]) == 10


# ---------------------------------------------------------------- the reports' texts


def _scripts_and_hashes(page: str) -> tuple[list[str], list[str]]:
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1)
    scripts = re.findall(RUN_SCRIPT, page, re.S)
    hashes = re.findall(r"'sha256-([A-Za-z0-9+/=]+)'", policy)
    return scripts, hashes


def test_with_the_reports_the_page_carries_each_text_once_and_allows_its_reader(
    sample_corpus,
) -> None:
    table = alaska_table()
    packed = to_html(table, title="Alaska", corpus=sample_corpus)
    scripts, hashes = _scripts_and_hashes(packed)
    page = unpacked(packed)
    assert len(scripts) == 5, "plotly's three, the legend's and the reader's"
    assert hashes == [
        base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for body in scripts
    ]
    articles = re.findall(r'<article class="st-report"[^>]*>(.*?)</article>', page, re.S)
    texts = [
        html.unescape(re.sub(r"<[^>]+>", "", a.split('class="st-text">', 1)[1])) for a in articles
    ]
    assert texts == [report.text for report in sample_corpus]
    # a mention adds its highlighted sentences, not its report's text again
    templates = re.findall(r'<template data-mention="([^"]+)"[^>]*>(.*?)</template>', page, re.S)
    assert sorted(m for m, _ in templates) == sorted(table["mention_id"])
    longest = max(len(r.text) for r in sample_corpus)
    assert all(len(body) < longest / 2 for _, body in templates)
    assert "Click a bar or marker, or a row of the table of events" in page
    assert re.search(r"<script[^>]+src=|<link[^>]+href=", page) is None


def test_without_the_reports_the_page_says_it_has_no_text() -> None:
    page = to_html(alaska_table(), title="Alaska")
    assert "does not carry the reports&#x27; texts" in page
    assert "st-reader" not in page.split("</style>", 1)[1] and "<template" not in page
    assert "data-mention" not in page, "no row to open"


def test_the_events_table_names_each_rows_mention_and_marks_corrections(sample_corpus) -> None:
    table = alaska_table()
    table["corrected"] = [["duration_min"], ["checked"], *([[]] * (len(table) - 2))]
    table["correction_note"] = ["Anna, 2026-12-01: <b>why</b>", None, *([None] * (len(table) - 2))]
    events = _section(to_html(table, title="Alaska", corpus=sample_corpus), "events")
    cells = re.findall(r'<td data-mention="([^"]+)">(.*?)</td>', events, re.S)
    assert sorted(m for m, _ in cells) == sorted(table["mention_id"])
    marked = dict(cells)
    first, second = table["mention_id"].iloc[0], table["mention_id"].iloc[1]
    assert "✎ corrected by a person: duration</span>" in marked[first]
    assert (
        'title="corrected by a person: duration (Anna, 2026-12-01: &lt;b&gt;why&lt;/b&gt;)"'
        in (marked[first])
    )
    assert "✓ checked by a person</span>" in marked[second]
    assert "✎ corrected by a person · ✓ checked by a person" in events


@pytest.mark.parametrize("corpus", ["reports/", [1, 2]])
def test_a_corpus_that_is_not_reports_is_refused(corpus) -> None:
    with pytest.raises(TypeError, match="corpus"):
        to_html(alaska_table(), corpus=corpus)


def test_build_outputs_passes_the_reports_to_the_page(tmp_path: Path, sample_corpus) -> None:
    written = build_outputs(alaska_table(), tmp_path, corpus=sample_corpus)
    page = unpacked(written["timeline"].read_text(encoding="utf-8"))
    assert page.count('<article class="st-report"') == len(sample_corpus)
