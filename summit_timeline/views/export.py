"""One-file HTML page, and the build folder (events.csv, timeline.html, timeline.json).

The page works offline: plotly.js is inlined, a Content-Security-Policy forbids every network
request and every inline script but the page's own (by their hashes), and all report text is
escaped (``html_tables``) before it is written. Files are written atomically
(``summit_timeline.files``). The page's table of differences lists what the timeline's hover
texts list (``compare.discrepancies``).

A table of several stories (summits, or meetings that reports recall) gives a page whose
timeline has a menu of the stories; the tables below the timeline are grouped by story, each
under a heading that names it, and a small script of the page's own shows the tables of the
story chosen in the menu (or, on request, every story's).

Given the reports (``corpus=``), the page is also a reader: a click on a mark of the timeline or
a row of the events table opens the mention's report beside the page, scrolled to its sentence,
with the words that gave its type, time, duration, place and actors highlighted (``reader.py``,
``provenance.py``). Each report's text is in the page once; a mention adds only its highlighted
sentences. Rows a person corrected or checked (a corrections file) carry ✎ or ✓ in the table,
the hover texts and the key under the timeline.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.io as pio

from .. import __version__
from ..files import write_text_atomic
from ..knowledge import Knowledge, resolve
from ..reading.corpus import Corpus, Report
from ..table import write_table
from ..table.schema import empty_table, validate_table
from .cells import source_labels
from .chronology import venue_timezone
from .figures import outlet_colors, timeline_figure
from .html_tables import (
    PAGE_ROWS,
    differences_html,
    esc_html,
    events_table_html,
    ordered_mentions,
    safe_link,
    sources_html,
)
from .legend import legend_script
from .packed import packed_html
from .provenance import CORRECTION_KEY, READER_STYLE, correction_mark
from .reader import READER_PAGE_STYLE, READER_SCRIPT, reader_html
from .selector import (
    PAGE_SCRIPT,
    PAGE_STYLE,
    StoryView,
    first_figure_json,
    overview_html,
    page_parts,
    parts_data_html,
    selector_html,
    story_views,
)
from .stories import Story, select_story
from .timelinejs import to_timelinejs, write_timelinejs

__all__ = [
    "CSP",
    "build_outputs",
    "differences_html",
    "events_table_html",
    "export_html",
    "ordered_mentions",
    "safe_link",
    "sources_html",
    "to_html",
    "to_timelinejs",
    "write_timelinejs",
]

#: No network, no plugins; plotly needs inline styles. ``{scripts}``: hashes of the page's inline
#: scripts, so that no other script or event handler runs even if some text were unescaped.
CSP = (
    "default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_FIGURE_ID = "timeline-figure"

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem auto;
max-width:1400px;padding:0 1rem;color:#222;line-height:1.4}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem}
h3{font-size:1rem;margin:1.2rem 0 .3rem}
p.summary{color:#555;margin-top:0}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4;position:sticky;top:0}
td.evidence{max-width:36rem}td.num{text-align:right;white-space:nowrap}
.muted{color:#777}[hidden]{display:none}
"""


def _csp(scripts_html: str) -> str:
    """The page's security policy, allowing exactly the inline scripts of ``scripts_html``."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _SCRIPT.findall(scripts_html)
    ]
    return CSP.format(scripts=" ".join(hashes) or "'none'")


def _summary(table: pd.DataFrame, zone: str | None, stories: int = 1) -> str:
    """'11 events, 14 mentions in 2 reports from 2 outlets (A, B). Times are local at ...'."""
    outlets = sorted(set(source_labels(table)))
    return (
        f"{table['event_id'].nunique()} events, {len(table)} mentions in "
        f"{table['report_id'].nunique()} reports from {len(outlets)} outlets"
        + (f" ({', '.join(outlets)})" if outlets else "")
        + (f", in {stories} stories" if stories > 1 else "")
        + (f". Times are local at the venue ({zone})." if zone else ".")
    )


def _zone(table: pd.DataFrame) -> str | None:
    return venue_timezone(table) if len(table) else None


# ---------------------------------------------------------------- the page's sections

_TIMELINE_NOTE = (
    "Click an outlet in the legend to hide or show its mentions (double-click it to show it "
    "alone); the buttons show all outlets, one outlet, or the events only one outlet reports. "
    "Hover over a bar or marker for the evidence."
)
_READER_NOTE = (
    " Click a bar or marker, or a row of the table of events, to read its sentence in the report."
)
_NO_READER_NOTE = (
    " This page does not carry the reports' texts, so a mention cannot be opened in its report."
)
_CORRECTED_NOTE = (
    f'<p class="muted">{CORRECTION_KEY} (in the corrections file beside the reports; hover '
    "over the sign for who, when and why).</p>"
)


def _sections(
    table: pd.DataFrame,
    knowledge: Knowledge,
    reader: bool = False,
    view: StoryView | None = None,
) -> dict[str, str]:
    """The differences, events and sources of a table of one story (``view``: what was read
    of it already), a page of rows at a time (with ``reader``, its events' rows name their
    mentions, for the page's reader)."""
    found = view.differences if view is not None else None
    order = view.chrono.events if view is not None else None
    touched = any(correction_mark(row) for row in table.to_dict("records"))
    zone = _zone(table)
    return {
        "differences": differences_html(table, knowledge=knowledge, found=found, page=PAGE_ROWS)
        if len(table)
        else '<p class="muted">No events.</p>',
        "events": (_CORRECTED_NOTE if touched else "")
        + events_table_html(
            table, zone=zone, knowledge=knowledge, mention_ids=reader, page=PAGE_ROWS, order=order
        ),
        "sources": sources_html(table, page=PAGE_ROWS),
    }


def _story_sections(
    parts: list[tuple[Story, pd.DataFrame]],
    knowledge: Knowledge,
    reader: bool,
    views: list[StoryView],
) -> dict[str, str]:
    """Each section grouped by story: a block per story, headed by its name and marked with its
    place in the story menu (``data-story``) for the page's script. The blocks of every story
    but the first hold their HTML packed (``packed.packed_html``): an archive's page parses
    one story's tables as it opens, the others' when they are first shown."""
    blocks: dict[str, list[str]] = {"differences": [], "events": [], "sources": []}
    for number, (story, rows) in enumerate(parts):
        heading = f"<h3>{esc_html(story.label)}</h3>"
        summary = f'<p class="summary">{esc_html(_summary(rows, _zone(rows)))}</p>'
        sections = _sections(rows, knowledge, reader, views[number])
        for name, content in sections.items():
            shown = heading + (summary if name == "events" else "") + content
            if number:  # read when the story is first shown: the page opens with one story's
                shown = packed_html(shown)
            blocks[name].append(f'<div class="story" data-story="{number}">{shown}</div>')
    return {name: "\n".join(found) for name, found in blocks.items()}


def _story_note(parts: list[tuple[Story, pd.DataFrame]]) -> str:
    return (
        f'<p class="muted">The reports tell {len(parts)} stories (summits, or meetings the '
        "reports recall). The timeline shows one at a time: choose it in the menu "
        "<b>Story</b> above the plot. The tables below show the story chosen.</p>"
    )


_DAYS_NOTE = (
    '<p class="muted">A story of many events is drawn one day at a time: choose the day in the '
    "menu <b>Day</b>.</p>"
)


_EVERY_STORY = (
    '<p class="muted"><label><input type="checkbox" id="all-stories"> '
    "Show the tables of every story</label></p>"
)


def to_html(
    table: pd.DataFrame,
    *,
    story: str | None = None,
    title: str | None = None,
    include_plotlyjs: bool | str = True,
    figure_height: int | None = None,
    knowledge: Knowledge | None = None,
    corpus: Corpus | Iterable[Report] | None = None,
) -> str:
    """One self-contained HTML page: title, timeline with its toggles, differences, events, sources.

    With several stories, the timeline has a menu of them (see ``timeline_figure``) and the
    sections are grouped by story; the page shows the tables of the story chosen in the menu.
    With the reports (``corpus``), a click on a mark or a row opens its report's text at the
    sentence, highlighted; without them the page says that it has no text to open.

    :param table: the event table (``extract_events``); not modified.
    :param story: a ``story_id`` to show that story only (no menu); default every story.
    :param title: page title (escaped); default 'Summit timeline'.
    :param include_plotlyjs: ``True`` inlines plotly.js (~4.8 MB, works offline); ``'cdn'`` links
        it (needs the network and is blocked by the page's security policy, so only for embedding).
    :param figure_height: figure height in pixels; default grows with the number of events.
    :param knowledge: event types (order, labels) and lexicons (``load_knowledge()``); default
        the packaged knowledge.
    :param corpus: the reports the table was read from (``load_reports``): their texts go into
        the page (each once), to read each mention in its report. Default: no texts.
    """
    corpus = _reports(corpus)
    table = select_story(table, story)
    knowledge = resolve(knowledge)
    heading = title if title is not None else "Summit timeline"
    views = story_views(table, knowledge)
    stories = [(view.story, view.rows) for view in views]
    several = len(stories) > 1
    parts, template = page_parts(views, palette=outlet_colors(table),
                                 knowledge=knowledge, title="", height=figure_height,
                                 named=several)  # fmt: skip
    figure = first_figure_json(parts[0], template) if parts else _empty_figure(figure_height)
    figure_html = pio.to_html(
        figure,
        full_html=False,
        include_plotlyjs=include_plotlyjs,
        div_id=_FIGURE_ID,
        config={"displaylogo": False, "responsive": True},
        validate=False,
    )
    listed = [s for s, _ in stories]
    reader, how = "", _NO_READER_NOTE
    if several:
        sections = _story_sections(stories, knowledge, corpus is not None, views)
        summary = _summary(table, None, len(stories))
        note, every = _story_note(stories), _EVERY_STORY
    else:
        sections = _sections(table, knowledge, corpus is not None, views[0] if views else None)
        summary, note, every = _summary(table, _zone(table)), "", ""
    # a legend click acts at once, plotly's double-click (an outlet alone) kept
    chooser, data, script = "", "", f"<script>{legend_script(_FIGURE_ID)}</script>"
    if len(parts) > 1:  # one figure per story or day, drawn when chosen
        chooser = selector_html(listed, parts)
        if len(parts) > len(stories):
            note += _DAYS_NOTE
        if len(parts) > 2:
            chooser = overview_html(listed, parts) + chooser
        data = parts_data_html(parts, template)
        script += f"<script>{PAGE_SCRIPT}</script>"
    if corpus is not None:
        reader, how = reader_html(table, corpus, knowledge=knowledge), _READER_NOTE
        script += f"<script>{READER_SCRIPT}</script>"
    # the policy allows only the page's own inline scripts: it fits the inlined plotly.js only
    policy = _csp(figure_html + script) if include_plotlyjs is True else None
    timeline = [note, f'<p class="muted">{esc_html(_TIMELINE_NOTE + how)}</p>', chooser,
                figure_html, every]  # fmt: skip
    return _page(heading, summary, policy, timeline, sections, reader + data + script)


def _empty_figure(height: int | None) -> dict[str, Any]:
    """The figure of a table without events."""
    return timeline_figure(empty_table(), title="", height=height).to_plotly_json()


def _reports(corpus: Corpus | Iterable[Report] | None) -> Corpus | None:
    """``corpus`` as a ``Corpus`` (None stays None); anything else is refused by name."""
    if corpus is None or isinstance(corpus, Corpus):
        return corpus
    if isinstance(corpus, str | bytes | os.PathLike) or not isinstance(corpus, Iterable):
        raise TypeError(
            "corpus must be the reports the table was read from (load_reports(...)); "
            f"got {type(corpus).__name__}"
        )
    reports = tuple(corpus)
    wrong = [type(r).__name__ for r in reports if not isinstance(r, Report)]
    if wrong:
        raise TypeError(f"corpus must hold Report objects (load_reports(...)); got {wrong[0]}")
    return Corpus(reports)


def _page(
    heading: str,
    summary: str,
    policy: str | None,
    timeline: list[str],
    sections: dict[str, str],
    script: str,
) -> str:
    """The page's HTML from its parts (``heading`` and ``summary`` as text, the rest as HTML;
    ``script``: the reader and the scripts, after the sections)."""
    csp_meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">' if policy else ""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            csp_meta,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="summit_timeline {esc_html(__version__)}">',
            f"<title>{esc_html(heading)}</title>",
            f"<style>{_STYLE}{PAGE_STYLE}{READER_STYLE}{READER_PAGE_STYLE}</style>",
            "</head>",
            "<body>",
            f'<header><h1>{esc_html(heading)}</h1><p class="summary">{esc_html(summary)}</p>'
            "</header>",
            '<section id="timeline"><h2>Timeline</h2>',
            *timeline,
            "</section>",
            '<section id="differences"><h2>Where the outlets differ</h2>',
            sections["differences"],
            "</section>",
            '<section id="events"><h2>Events</h2>',
            sections["events"],
            "</section>",
            '<section id="sources"><h2>Sources</h2>',
            sections["sources"],
            "</section>",
            script,
            "</body>",
            "</html>",
            "",
        ]
    )


def export_html(
    table: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    story: str | None = None,
    title: str | None = None,
    include_plotlyjs: bool | str = True,
    figure_height: int | None = None,
    knowledge: Knowledge | None = None,
    corpus: Corpus | Iterable[Report] | None = None,
) -> Path:
    """Write ``to_html(table, ...)`` to ``path`` atomically; returns the path.

    :param path: the ``.html`` file to write; its folder must exist.
    :param corpus: the reports, to read each mention in its report (see ``to_html``).
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(
            f"export_html: path {target} is a folder; "
            f"give a file name such as {target / 'timeline.html'}"
        )
    page = to_html(
        table,
        story=story,
        title=title,
        include_plotlyjs=include_plotlyjs,
        figure_height=figure_height,
        knowledge=knowledge,
        corpus=corpus,
    )
    return write_text_atomic(target, page)


# ---------------------------------------------------------------- the build folder


def build_outputs(
    table: pd.DataFrame,
    out_dir: str | os.PathLike[str],
    *,
    title: str | None = None,
    knowledge: Knowledge | None = None,
    corpus: Corpus | Iterable[Report] | None = None,
) -> dict[str, Path]:
    """Write ``events.csv``, ``timeline.html`` and ``timeline.json`` (TimelineJS) into ``out_dir``.

    The folder is created if needed; each file is written atomically. Returns
    ``{"events": ..., "timeline": ..., "timelinejs": ...}``. A table of several stories gives a
    page with a menu of them (see ``to_html``) and TimelineJS slides grouped by story.

    :param knowledge: event types (order, labels) and lexicons (``load_knowledge()``); default
        the packaged knowledge.
    :param corpus: the reports, to read each mention in its report in ``timeline.html`` (see
        ``to_html``).
    """
    validate_table(table)
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(
            f"out_dir {folder} exists and is not a folder; choose a folder path"
        )
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "events": write_table(table, folder / "events.csv"),
        "timeline": export_html(
            table, folder / "timeline.html", title=title, knowledge=knowledge, corpus=corpus
        ),
        "timelinejs": write_timelinejs(
            table, folder / "timeline.json", title=title, knowledge=knowledge
        ),
    }
