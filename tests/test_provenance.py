"""Where a row comes from: offsets in a report's text -> escaped HTML with highlighted spans, the
spans a row's values can be located at, and the page's reader of each report's text."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest
from conftest import DATA
from tables import SCRIPT, frame, mention, unpacked

from summit_timeline.reading.corpus import Report
from summit_timeline.views.provenance import (
    Span,
    correction_mark,
    correction_text,
    highlight_html,
    mention_spans,
    report_html,
)
from summit_timeline.views.reader import reader_html

GENEVA = DATA / "reports" / "geneva-2021"

# (text, spans, start, end, expected HTML)
HIGHLIGHT_CASES = [
    ("a <b> & c", [], 0, None, "a &lt;b&gt; &amp; c"),
    (
        "Talks ended. Then <i>lunch</i>.",
        [Span(0, 12, "sentence"), Span(0, 5, "trigger", "talks")],
        0,
        None,
        '<span class="st-sentence" title="evidence sentence"><mark class="st-trigger" '
        'title="words that give the type: talks">Talks</mark> ended.</span> Then '
        "&lt;i&gt;lunch&lt;/i&gt;.",
    ),
    (  # overlapping word spans: each stretch marked with the kinds that cover it
        "Biden met Putin",
        [Span(0, 9, "trigger"), Span(0, 5, "actor", "Biden")],
        0,
        None,
        '<mark class="st-trigger st-actor" title="words that give the type; actor: Biden">Biden'
        '</mark><mark class="st-trigger" title="words that give the type"> met</mark> Putin',
    ),
    (  # a window cuts the spans at its edges
        "0123456789",
        [Span(2, 8, "sentence"), Span(1, 4, "place", "X")],
        3,
        6,
        '<span class="st-sentence" title="evidence sentence"><mark class="st-place" '
        'title="place: X">3</mark>45</span>',
    ),
    (  # overlapping sentences are one block, of the first kind
        "One two. Three.",
        [Span(4, 15, "evidence"), Span(0, 8, "sentence")],
        0,
        None,
        '<span class="st-sentence" title="evidence sentence">One two. Three.</span>',
    ),
    (  # slots carry their offsets for the page's script
        "A. <B>.",
        [Span(0, 2, "slot"), Span(3, 7, "slot")],
        0,
        None,
        '<span class="st-slot" data-key="0-2">A.</span> '
        '<span class="st-slot" data-key="3-7">&lt;B&gt;.</span>',
    ),
    (  # a note is escaped in its attribute
        'He said "x".',
        [Span(0, 2, "actor", '"><script>')],
        0,
        None,
        '<mark class="st-actor" title="actor: &quot;&gt;&lt;script&gt;">He</mark> said "x".',
    ),
]


@pytest.mark.parametrize(("text", "spans", "start", "end", "expected"), HIGHLIGHT_CASES)
def test_offsets_become_escaped_html_spans(text, spans, start, end, expected) -> None:
    assert highlight_html(text, spans, start=start, end=end) == expected


def test_the_visible_text_is_the_report_text() -> None:
    """Whatever the spans, the HTML shows the text itself: nothing added, lost or unescaped."""
    text = f"Leaders met {SCRIPT} & talked.\nThen «left» <early>."
    spans = [
        Span(0, 30, "sentence"),
        Span(3, 14, "actor"),
        Span(8, 40, "time"),
        Span(31, 49, "slot"),
    ]
    shown = highlight_html(text, spans)
    assert "<script>" not in shown
    assert _plain(shown) == text


def _plain(html_text: str) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


def _report(name: str) -> Report:
    path = GENEVA / name
    return Report(report_id=path.stem, text=path.read_text(encoding="utf-8"), language=name[7:9])


def _row(report: Report, sentence: str, **values) -> dict:
    start = report.text.index(sentence)
    return mention(report_id=report.report_id, sentence=sentence, char_start=start, **values)


def _found(report: Report, row: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for span in mention_spans(row, report):
        found.setdefault(span.kind, []).append(report.text[span.start : span.end])
    return found


WIRE_PRESS = "Putin then held a news conference of nearly an hour at 5:40 p.m. (1540 GMT)."
PRESS_VALUES = {
    "trigger": "news conference",
    "actors": ["Putin"],
    "place": "Geneva",
    "timezone": "Europe/Zurich",
    "date": date(2021, 6, 16),
    "start": pd.Timestamp("2021-06-16 17:40", tz="Europe/Zurich"),
    "time_precision": "minute",
    "duration_min": 60.0,
}


def test_a_rows_values_are_highlighted_where_the_sentence_states_them() -> None:
    report = _report("geneva_en_wire.txt")
    found = _found(report, _row(report, WIRE_PRESS, **PRESS_VALUES))
    assert found == {
        "sentence": [WIRE_PRESS],
        "trigger": ["news conference"],
        "duration": ["nearly an hour"],
        "time": ["5:40 p.m. (1540 GMT)"],
        "actor": ["Putin"],
    }, "the sentence does not name Geneva: no place is marked"


def test_a_value_the_text_does_not_state_is_not_highlighted() -> None:
    """A person set 55 minutes and 18:00: the sentence says neither, so neither is marked."""
    report = _report("geneva_en_wire.txt")
    values = {**PRESS_VALUES, "duration_min": 55.0,
              "start": pd.Timestamp("2021-06-16 18:00", tz="Europe/Zurich")}  # fmt: skip
    found = _found(report, _row(report, WIRE_PRESS, **values))
    assert "duration" not in found and "time" not in found
    assert found["trigger"] == ["news conference"]


def test_actors_are_found_as_the_extraction_reads_them() -> None:
    """The office held that day names the person ("Der Kremlchef": Putin); a German clock time
    ("13.04 Uhr")."""
    report = _report("geneva_de_agentur.txt")
    sentence = re.search(r"Der Kremlchef traf.*?begrüßt\.", report.text).group()
    row = _row(report, sentence, trigger="begrüßt", actors=["Putin", "Parmelin"],
               place="Geneva", timezone="Europe/Zurich", date=date(2021, 6, 16),
               start=pd.Timestamp("2021-06-16 13:04", tz="Europe/Zurich"),
               time_precision="minute")  # fmt: skip
    found = _found(report, row)
    assert found["actor"] == ["Kremlchef", "Guy Parmelin"]
    assert found["time"] == ["13.04 Uhr"]
    assert found["trigger"] == ["begrüßt"]


@pytest.mark.parametrize(
    ("language", "sentence", "place", "expected"),
    [
        (
            "de",
            "Beide sassen am Mittwoch in der Villa La Grange zusammen.",
            "Geneva",
            ["La Grange"],
        ),
        ("de", "Die Gespräche in Genf dauerten drei Stunden.", "Geneva", ["Genf"]),
        ("en", "They walked along the shores of Lake Geneva.", "Geneva", []),
        ("en", "They met in Anchorage.", "Helsinki", []),
    ],
)
def test_a_place_is_marked_where_the_sentence_names_it(language, sentence, place, expected) -> None:
    """In any language the gazetteer knows, or by a venue within it; a lake is not its city."""
    report = Report(report_id="r", text=f"Before. {sentence}", language=language)
    row = _row(report, sentence, trigger="", place=place)
    assert _found(report, row).get("place", []) == expected


def test_a_sentence_is_found_when_its_offsets_are_stale_and_left_out_when_it_is_gone() -> None:
    report = _report("geneva_en_wire.txt")
    moved = {**_row(report, WIRE_PRESS, **PRESS_VALUES), "char_start": 3}
    moved["evidence"] = [{"sentence": WIRE_PRESS, "char_start": 3, "char_end": 40}]
    assert _found(report, moved)["sentence"] == [WIRE_PRESS]
    gone = mention(report_id=report.report_id, sentence="Nobody said this.", trigger="said")
    assert mention_spans(gone, report) == []
    assert mention_spans(moved, None) == []


def test_the_report_html_holds_the_whole_text_escaped() -> None:
    text = f"Before. They talked {SCRIPT}. After."
    report = Report(report_id="r", text=text, language="en")
    row = mention(report_id="r", sentence=f"They talked {SCRIPT}.", char_start=8, trigger="talked")
    shown = report_html(report, row)
    assert "<script>" not in shown and _plain(shown) == text
    assert '<mark class="st-trigger"' in shown and 'class="st-sentence"' in shown


@pytest.mark.parametrize(
    ("corrected", "note", "mark", "text"),
    [
        ([], None, "", ""),
        (["checked"], "Anna", "✓", "checked by a person (Anna)"),
        (["duration_min", "start"], None, "✎", "corrected by a person: duration, start"),
        (["added"], "Ben, 2026-12-01: missed", "✎", "added by a person (Ben, 2026-12-01: missed)"),
        (["event_type", "checked"], None, "✎", "corrected by a person: type; checked by a person"),
    ],
)
def test_what_a_person_did_is_said(corrected, note, mark, text) -> None:
    row = {"corrected": corrected, "correction_note": note}
    assert correction_mark(row) == mark
    assert correction_text(row) == text


def test_the_reader_carries_each_report_text_once_and_a_template_per_mention() -> None:
    text = f"Leaders met. They talked {SCRIPT} for an hour. Then they left."
    report = Report(report_id="r-1", text=text, language="en")
    other = Report(report_id="r-2", text="Unused report.", language="en")
    talks = "They talked " + SCRIPT + " for an hour."
    rows = [
        mention(report_id="r-1", outlet="Wire", language="en", event_id="e1", mention_id="m-1",
                event_type="talks", status="occurred", label="Talks", sentence=talks,
                char_start=text.index(talks), trigger="talked"),
        mention(report_id="r-1", outlet="Wire", language="en", event_id="e2", mention_id="m-2",
                event_type="departure", status="occurred", label="Departure",
                sentence="Then they left.", char_start=text.index("Then"), trigger="left",
                evidence=[{"sentence": talks, "char_start": text.index(talks),
                           "char_end": text.index(talks) + len(talks)},
                          {"sentence": "Then they left.", "char_start": text.index("Then"),
                           "char_end": len(text)}],
                corrected=["checked"], correction_note="Anna"),
        mention(report_id="r-9", outlet="Gone", language="en", event_id="e3", mention_id="m-3",
                event_type="talks", status="occurred", label="Talks", sentence="Not read."),
    ]  # fmt: skip
    packed = reader_html(frame(rows), [report, other])
    assert "Leaders met." not in packed, "the texts are packed: read at the first opening"
    page = unpacked(packed)
    assert page.count("Leaders met.") == 1, "each report's text once"
    assert "Unused report" not in page, "only the reports of the table's mentions"
    assert "<script>" not in page and "&lt;script&gt;" in page
    templates = re.findall(r'<template data-mention="([^"]+)" data-report="([^"]+)">', page)
    assert templates == [("m-1", "st-report-0"), ("m-2", "st-report-0")]
    slots = re.findall(r'<span class="st-slot" data-key="(\d+)-(\d+)">', page)
    assert [text[int(a) : int(b)] for a, b in slots] == [talks, "Then they left."]
    checked = page.split('data-mention="m-2"')[1]
    assert "✓ checked by a person (Anna)" in checked
    assert checked.count("data-key=") == 2, "its two evidence sentences"
