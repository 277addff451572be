"""One-file HTML page, TimelineJS JSON, and the build folder (events.csv, timeline.html/.json).

The page works offline: plotly.js is inlined, a Content-Security-Policy forbids every network
request, and all report text is escaped (``html.escape``) before it is written; only ``http(s)``
addresses become links. Files are written atomically (``summit_timeline.files``). The page's
table of differences lists what the timeline's hover texts list (``compare.discrepancies``).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .. import __version__
from ..compare.differences import discrepancies, discrepancy_list
from ..files import write_text_atomic
from ..knowledge import Knowledge, resolve
from ..table import write_table
from ..table.schema import is_missing, validate_table
from .cells import (
    as_list,
    clock_text,
    date_text,
    duration_text,
    event_label,
    format_minutes,
    has_clock,
    local_wall_time,
    quote_list,
    source_labels,
    text_of,
)
from .chronology import chronology
from .figures import timeline_figure

#: No network, no plugins; plotly needs inline styles. ``{scripts}``: hashes of plotly's own
#: inline scripts, so that no other script or event handler runs even if some text were unescaped.
CSP = (
    "default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_HTTP_URL = re.compile(r"^https?://[^\s<>\"'`\\\x00-\x1f\x7f]+$", re.IGNORECASE)

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem auto;
max-width:1400px;padding:0 1rem;color:#222;line-height:1.4}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem}
p.summary{color:#555;margin-top:0}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4;position:sticky;top:0}
td.evidence{max-width:36rem}td.num{text-align:right;white-space:nowrap}
.muted{color:#777}
"""


def _csp(figure_html: str) -> str:
    """The page's security policy, allowing exactly the inline scripts of ``figure_html``."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _SCRIPT.findall(figure_html)
    ]
    return CSP.format(scripts=" ".join(hashes) or "'none'")


def _esc(value: Any) -> str:
    if is_missing(value):
        return ""
    return html.escape(str(value), quote=True)


# ---------------------------------------------------------------- table cells


def _quotes_html(value: Any) -> str:
    return "<br>".join(
        (f"<b>{_esc(speaker)}</b>: " if speaker else "") + f"«{_esc(text)}»"
        for speaker, text in quote_list(value)
    )


def _html_table(headers: Iterable[str], rows: Iterable[Iterable[str]], *, css: str = "") -> str:
    """A table from already-escaped cell HTML."""
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(rows_cell for rows_cell in row) + "</tr>" for row in rows)
    return (
        f'<table class="{_esc(css)}"><thead><tr>{head}</tr></thead>'
        f"<tbody>\n{body}\n</tbody></table>"
    )


def _td(value: str, css: str = "") -> str:
    return f'<td class="{css}">{value}</td>' if css else f"<td>{value}</td>"


def ordered_mentions(table: pd.DataFrame, *, knowledge: Knowledge | None = None) -> pd.DataFrame:
    """The table's rows in time order of their events (``chronology``), then by outlet (a copy).

    :param knowledge: the event types' order (``load_knowledge()``); default the packaged one.
    """
    validate_table(table)
    if table.empty:
        return table.copy()
    order = {e: i for i, e in enumerate(chronology(table, knowledge=knowledge).events)}
    keys = pd.DataFrame(
        {"rank": table["event_id"].astype(str).map(order), "outlet": source_labels(table)},
        index=table.index,
    )
    return table.loc[keys.sort_values(["rank", "outlet"], kind="stable").index].copy()


def events_table_html(
    table: pd.DataFrame, *, zone: str | None = None, knowledge: Knowledge | None = None
) -> str:
    """The event table as an HTML table: one row per mention, every cell escaped.

    :param zone: the venue's time zone, to show clock times in; default as stored.
    :param knowledge: the event types' order (``load_knowledge()``); default the packaged one.
    """
    validate_table(table)
    rows = ordered_mentions(table, knowledge=knowledge)
    names = source_labels(rows)
    body = []
    for index, row in rows.iterrows():
        planned = format_minutes(row["planned_duration_min"])
        body.append(
            [
                _td(_esc(row["label"])),
                _td(_esc(row["status"])),
                _td(_esc(names[index])),
                _td(_esc(date_text(row["date"])), "num"),
                _td(_esc(clock_text(row, zone)), "num"),
                _td(
                    _esc(duration_text(row))
                    + (f"<br><span class=muted>planned {_esc(planned)}</span>" if planned else "")
                ),
                _td(_esc(", ".join(map(str, as_list(row["actors"]))))),
                _td(_esc(row["place"])),
                _td(_quotes_html(row["quotes"])),
                _td(_esc(row["sentence"]), "evidence"),
            ]
        )
    headers = [
        "Event",
        "Status",
        "Outlet",
        "Date",
        "Time",
        "Duration",
        "Actors",
        "Place",
        "Quotes",
        "Evidence",
    ]
    return _html_table(headers, body, css="events")


def safe_link(url: Any) -> str:
    """Escaped HTML for ``url``: a link only for a plain http(s) address, otherwise text."""
    text = text_of(url)
    if text is None:
        return ""
    if _HTTP_URL.match(text):
        return f'<a href="{_esc(text)}" rel="noopener noreferrer nofollow">{_esc(text)}</a>'
    return f"<span>{_esc(text)}</span>"


def sources_html(table: pd.DataFrame) -> str:
    """The reports behind the table: outlet, author, title, published, language, address."""
    validate_table(table)
    frame = table.assign(_outlet=source_labels(table)).drop_duplicates("report_id")
    frame = frame.sort_values(["_outlet", "report_id"], kind="stable")
    body = []
    for _, row in frame.iterrows():
        published = row["published"]
        published_text = "" if is_missing(published) else pd.Timestamp(published).isoformat()
        body.append(
            [
                _td(_esc(row["_outlet"])),
                _td(_esc(row["author"])),
                _td(_esc(row["title"])),
                _td(_esc(published_text), "num"),
                _td(_esc(row["language"])),
                _td(safe_link(row["url"])),
                _td(_esc(row["report_id"])),
            ]
        )
    headers = ["Outlet", "Author", "Title", "Published", "Language", "Address", "Report"]
    return _html_table(headers, body, css="sources")


_NO_DIFFERENCES = (
    '<p class="muted">No event is reported by more than one outlet, or they agree.</p>'
)


def differences_html(table: pd.DataFrame, *, knowledge: Knowledge | None = None) -> str:
    """Where outlets differ on an event, and the events only some outlets report.

    One row per ``compare.Discrepancy`` of ``compare.discrepancies``: the same points, in the
    same words, as the timeline's hover texts.

    :param knowledge: event types and lexicons (``load_knowledge()``); default the packaged one.
    """
    validate_table(table)
    found = discrepancy_list(discrepancies(table, knowledge=knowledge))
    if not found:
        return _NO_DIFFERENCES
    body = []
    for difference in found:
        values = "<br>".join(
            f"<b>{_esc(source)}</b>: {_esc(value)}" for source, value in difference.values.items()
        )
        body.append([_td(_esc(difference.label)), _td(_esc(difference.aspect)), _td(values)])
    return _html_table(["Event", "What differs", "By outlet"], body, css="differences")


# ---------------------------------------------------------------- the page


def _summary(table: pd.DataFrame, zone: str | None) -> str:
    """'11 events, 14 mentions in 2 reports from 2 outlets (A, B). Times are local at ...'."""
    outlets = sorted(set(source_labels(table)))
    return (
        f"{table['event_id'].nunique()} events, {len(table)} mentions in "
        f"{table['report_id'].nunique()} reports from {len(outlets)} outlets"
        + (f" ({', '.join(outlets)})" if outlets else "")
        + (f". Times are local at the venue ({zone})." if zone else ".")
    )


def to_html(
    table: pd.DataFrame,
    *,
    title: str | None = None,
    include_plotlyjs: bool | str = True,
    figure_height: int | None = None,
    knowledge: Knowledge | None = None,
) -> str:
    """One self-contained HTML page: title, timeline with its toggles, differences, events, sources.

    :param table: the event table (``extract_events``); not modified.
    :param title: page and figure title (escaped); default 'Summit timeline'.
    :param include_plotlyjs: ``True`` inlines plotly.js (~4.8 MB, works offline); ``'cdn'`` links
        it (needs the network and is blocked by the page's security policy, so only for embedding).
    :param figure_height: figure height in pixels; default grows with the number of events.
    :param knowledge: event types (order, labels) and lexicons (``load_knowledge()``); default
        the packaged knowledge.
    """
    validate_table(table)
    knowledge = resolve(knowledge)
    heading = title if title is not None else "Summit timeline"
    placement = chronology(table, knowledge=knowledge)
    figure = timeline_figure(
        table, title="", placement=placement, height=figure_height, knowledge=knowledge
    )
    figure_html = figure.to_html(
        full_html=False,
        include_plotlyjs=include_plotlyjs,
        div_id="timeline-figure",
        config={"displaylogo": False, "responsive": True},
    )
    zone = placement.timezone
    summary = _summary(table, zone)
    # the policy allows only the page's own inline scripts: it fits the inlined plotly.js only
    csp_meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{_csp(figure_html)}">'
        if include_plotlyjs is True
        else ""
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            csp_meta,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="summit_timeline {_esc(__version__)}">',
            f"<title>{_esc(heading)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            f'<header><h1>{_esc(heading)}</h1><p class="summary">{_esc(summary)}</p></header>',
            '<section id="timeline"><h2>Timeline</h2>',
            '<p class="muted">Click an outlet in the legend to hide or show its mentions; the '
            "buttons show all outlets, one outlet, or the events only one outlet reports. Hover "
            "over a bar or marker for the evidence.</p>",
            figure_html,
            "</section>",
            '<section id="differences"><h2>Where the outlets differ</h2>',
            differences_html(table, knowledge=knowledge)
            if len(table)
            else '<p class="muted">No events.</p>',
            "</section>",
            '<section id="events"><h2>Events</h2>',
            events_table_html(table, zone=zone, knowledge=knowledge),
            "</section>",
            '<section id="sources"><h2>Sources</h2>',
            sources_html(table),
            "</section>",
            "</body>",
            "</html>",
            "",
        ]
    )


def export_html(
    table: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    include_plotlyjs: bool | str = True,
    figure_height: int | None = None,
    knowledge: Knowledge | None = None,
) -> Path:
    """Write ``to_html(table, ...)`` to ``path`` atomically; returns the path.

    :param path: the ``.html`` file to write; its folder must exist.
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(
            f"export_html: path {target} is a folder; "
            f"give a file name such as {target / 'timeline.html'}"
        )
    page = to_html(
        table,
        title=title,
        include_plotlyjs=include_plotlyjs,
        figure_height=figure_height,
        knowledge=knowledge,
    )
    return write_text_atomic(target, page)


# ---------------------------------------------------------------- TimelineJS


def _unique_id(event_id: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", event_id).strip("-") or "event"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


TLDate = dict[str, int]


def _tl_date(moment: Any, precision: str) -> TLDate:
    stamp = pd.Timestamp(moment)
    value = {"year": stamp.year, "month": stamp.month, "day": stamp.day}
    if precision in ("minute", "hour"):
        value["hour"] = stamp.hour
    if precision == "minute":
        value["minute"] = stamp.minute
    return value


def _tl_dates(group: pd.DataFrame, zone: str | None) -> tuple[TLDate, TLDate | None] | None:
    """Start and end of an event for TimelineJS: the earliest reported clock time, else the
    date most mentions give; None if no mention dates it."""
    timed = [
        (local_wall_time(r["start"], zone), local_wall_time(r["end"], zone), r["time_precision"])
        for _, r in group.iterrows()
        if has_clock(r)
    ]
    if timed:
        start, end, precision = min(timed, key=lambda t: t[0])
        end_date = _tl_date(end, str(precision)) if end is not None else None
        return _tl_date(start, str(precision)), end_date
    days = Counter(date_text(d) for d in group["date"] if date_text(d))
    if not days:
        return None
    return _tl_date(min(days, key=lambda d: (-days[d], d)), "day"), None


def _tl_text(group: pd.DataFrame, names: pd.Series) -> str:
    """Each mention of an event: outlet, status, duration, evidence and quotes (escaped)."""
    parts = []
    for index, row in group.iterrows():
        text = f"<p><b>{_esc(names[index])}</b> ({_esc(row['status'])})"
        duration = duration_text(row)
        if duration:
            text += f", {_esc(duration)}"
        text += f": {_esc(row['sentence'])}</p>"
        quotes = _quotes_html(row["quotes"])
        parts.append(text + (f"<p>{quotes}</p>" if quotes else ""))
    return "".join(parts)


def to_timelinejs(
    table: pd.DataFrame, *, title: str | None = None, knowledge: Knowledge | None = None
) -> dict[str, Any]:
    """Knight Lab TimelineJS JSON: one slide per dated event, grouped by type, evidence as text.

    Dates carry only what the reports give: year, month, day, then hour and minute only from a
    reported clock time. Events no report dates cannot be placed by TimelineJS and are left out
    (the title slide says how many).

    :param title: headline of the title slide (escaped); default 'Summit timeline'.
    :param knowledge: event types (order, labels) (``load_knowledge()``); default the packaged
        knowledge.
    """
    validate_table(table)
    knowledge = resolve(knowledge)
    placement = chronology(table, knowledge=knowledge)
    zone = placement.timezone
    names = source_labels(table)
    groups = dict(list(table.groupby(table["event_id"].astype(str), sort=False)))
    taken: set[str] = set()
    events: list[dict[str, Any]] = []
    for event_id in placement.events:
        group = groups[event_id]
        dates = _tl_dates(group, zone)
        if dates is None:
            continue
        kind = knowledge.event_type(str(group["event_type"].iloc[0])).label
        slide: dict[str, Any] = {
            "start_date": dates[0],
            "text": {"headline": _esc(event_label(group) or kind), "text": _tl_text(group, names)},
            "group": kind,
            "unique_id": _unique_id(event_id, taken),
        }
        if dates[1] is not None:
            slide["end_date"] = dates[1]
        events.append(slide)
    skipped = len(placement.events) - len(events)
    note = f"{len(events)} dated events" + (
        f"; {skipped} undated event{'' if skipped == 1 else 's'} not shown" if skipped else ""
    )
    if zone:
        note += f". Times are local at the venue ({zone})."
    return {
        "title": {
            "text": {"headline": _esc(title or "Summit timeline"), "text": f"<p>{_esc(note)}</p>"}
        },
        "events": events,
    }


def write_timelinejs(
    table: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    knowledge: Knowledge | None = None,
) -> Path:
    """Write ``to_timelinejs(table)`` as JSON to ``path`` atomically; returns the path."""
    data = to_timelinejs(table, title=title, knowledge=knowledge)
    return write_text_atomic(Path(path), json.dumps(data, ensure_ascii=False, indent=1) + "\n")


# ---------------------------------------------------------------- the build folder


def build_outputs(
    table: pd.DataFrame,
    out_dir: str | os.PathLike[str],
    *,
    title: str | None = None,
    knowledge: Knowledge | None = None,
) -> dict[str, Path]:
    """Write ``events.csv``, ``timeline.html`` and ``timeline.json`` (TimelineJS) into ``out_dir``.

    The folder is created if needed; each file is written atomically. Returns
    ``{"events": ..., "timeline": ..., "timelinejs": ...}``.

    :param knowledge: event types (order, labels) and lexicons (``load_knowledge()``); default
        the packaged knowledge.
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
        "timeline": export_html(table, folder / "timeline.html", title=title, knowledge=knowledge),
        "timelinejs": write_timelinejs(
            table, folder / "timeline.json", title=title, knowledge=knowledge
        ),
    }
