"""The page's HTML tables: events, sources and where outlets differ, every cell escaped.

All report text goes through ``html.escape`` before it is written; only ``http(s)`` addresses
become links. The table of differences lists what the timeline's hover texts list
(``compare.discrepancies``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from ..compare.differences import Discrepancy, discrepancies, discrepancy_list
from ..knowledge import Knowledge
from ..table.schema import is_missing, validate_table
from .cells import (
    as_list,
    clock_text,
    date_text,
    duration_text,
    format_minutes,
    quote_list,
    source_labels,
    text_of,
)
from .chronology import event_order
from .provenance import correction_mark, correction_text

_HTTP_URL = re.compile(r"^https?://[^\s<>\"'`\\\x00-\x1f\x7f]+$", re.IGNORECASE)


def esc_html(value: Any) -> str:
    """``value`` escaped for HTML text and attributes ('' when missing)."""
    if is_missing(value):
        return ""
    return html.escape(str(value), quote=True)


def quotes_html(value: Any) -> str:
    return "<br>".join(
        (f"<b>{esc_html(speaker)}</b>: " if speaker else "") + f"«{esc_html(text)}»"
        for speaker, text in quote_list(value)
    )


def html_table(
    headers: Iterable[str],
    rows: Iterable[Iterable[str]],
    *,
    css: str = "",
    page: int | None = None,
) -> str:
    """A table from already-escaped cell HTML (``page``: see ``paged_table``)."""
    head = "<tr>" + "".join(f"<th>{esc_html(h)}</th>" for h in headers) + "</tr>"
    body = ["<tr>" + "".join(rows_cell for rows_cell in row) + "</tr>" for row in rows]
    return paged_table(head, body, css=esc_html(css), page=page)


#: Rows of a table of the exported page shown at a time; the pager's buttons show the others.
PAGE_ROWS = 100


def paged_table(head: str, rows: list[str], *, css: str, page: int | None = PAGE_ROWS) -> str:
    """A table of already-escaped rows (``<tr>...</tr>``) that shows ``page`` rows at a time
    when it has more: the others are ``hidden`` and the table is marked ``paged`` for the
    page's script (``selector.PAGE_SCRIPT``), which adds the buttons. None: every row shown."""
    if page is None or len(rows) <= page:
        body = "\n".join(rows)
        return f'<table class="{css}"><thead>{head}</thead><tbody>\n{body}\n</tbody></table>'
    shown = [r if k < page else r.replace("<tr>", "<tr hidden>", 1) for k, r in enumerate(rows)]
    body = "\n".join(shown)
    return (
        f'<table class="{css} paged" data-page="{page}"><thead>{head}</thead>'
        f"<tbody>\n{body}\n</tbody></table>"
    )


def td(value: str, css: str = "") -> str:
    return f'<td class="{css}">{value}</td>' if css else f"<td>{value}</td>"


def ordered_mentions(
    table: pd.DataFrame,
    *,
    knowledge: Knowledge | None = None,
    order: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The table's rows story by story (the main one first), in time order of their events
    (``chronology``), then by outlet (a copy).

    :param knowledge: the event types' order (``load_knowledge()``); default the packaged one.
    :param order: the events' ``event_id`` in that order, when known (``Chronology.events`` of
        a table of one story); default read here.
    """
    validate_table(table)
    if table.empty:
        return table.copy()
    events = order if order is not None else event_order(table, knowledge=knowledge)
    order_of = {e: i for i, e in enumerate(events)}
    keys = pd.DataFrame(
        {"rank": table["event_id"].astype(str).map(order_of), "outlet": source_labels(table)},
        index=table.index,
    )
    return table.loc[keys.sort_values(["rank", "outlet"], kind="stable").index].copy()


def _event_cell(row: pd.Series, mention_ids: bool) -> str:
    """The first cell of a mention's row: its label, what a person did to it (✎ corrected, ✓
    checked), and, with ``mention_ids``, its id in ``data-mention`` (for the click on a row
    that opens its report)."""
    done = correction_text(row)
    mark = (
        f'<br><span class="st-mark" title="{esc_html(done)}">'
        f"{esc_html(correction_mark(row))} {esc_html(done.split(' (')[0])}</span>"
        if done
        else ""
    )
    key = f' data-mention="{esc_html(row["mention_id"])}"' if mention_ids else ""
    return f"<td{key}>{esc_html(row['label'])}{mark}</td>"


def events_table_html(
    table: pd.DataFrame,
    *,
    zone: str | None = None,
    knowledge: Knowledge | None = None,
    mention_ids: bool = False,
    page: int | None = None,
    order: Sequence[str] | None = None,
) -> str:
    """The event table as an HTML table: one row per mention, every cell escaped; a row a person
    corrected or checked says so under its label (✎, ✓: ``provenance.correction_mark``).

    :param zone: the venue's time zone, to show clock times in; default as stored.
    :param knowledge: the event types' order (``load_knowledge()``); default the packaged one.
    :param mention_ids: give each row's first cell its ``mention_id`` (``data-mention``): the
        explorer and a page with the reports' texts open a row's report when it is clicked.
    :param page: rows shown at a time (``paged_table``); default every row.
    :param order: the events in time order, when known (see ``ordered_mentions``).
    """
    validate_table(table)
    rows = ordered_mentions(table, knowledge=knowledge, order=order)
    names = source_labels(rows)
    body = []
    for index, row in rows.iterrows():
        planned = format_minutes(row["planned_duration_min"])
        body.append(
            [
                _event_cell(row, mention_ids),
                td(esc_html(row["status"])),
                td(esc_html(names[index])),
                td(esc_html(date_text(row["date"])), "num"),
                td(esc_html(clock_text(row, zone)), "num"),
                td(
                    esc_html(duration_text(row))
                    + (
                        f"<br><span class=muted>planned {esc_html(planned)}</span>"
                        if planned
                        else ""
                    )
                ),
                td(esc_html(", ".join(map(str, as_list(row["actors"]))))),
                td(esc_html(row["place"])),
                td(quotes_html(row["quotes"])),
                td(esc_html(row["sentence"]), "evidence"),
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
    return html_table(headers, body, css="events", page=page)


def safe_link(url: Any) -> str:
    """Escaped HTML for ``url``: a link only for a plain http(s) address, otherwise text."""
    text = text_of(url)
    if text is None:
        return ""
    if _HTTP_URL.match(text):
        return f'<a href="{esc_html(text)}" rel="noopener noreferrer nofollow">{esc_html(text)}</a>'
    return f"<span>{esc_html(text)}</span>"


def sources_html(table: pd.DataFrame, *, page: int | None = None) -> str:
    """The reports behind the table: outlet, author, title, published, language, address
    (``page``: rows shown at a time, ``paged_table``)."""
    validate_table(table)
    frame = table.assign(_outlet=source_labels(table)).drop_duplicates("report_id")
    frame = frame.sort_values(["_outlet", "report_id"], kind="stable")
    body = []
    for _, row in frame.iterrows():
        published = row["published"]
        published_text = "" if is_missing(published) else pd.Timestamp(published).isoformat()
        body.append(
            [
                td(esc_html(row["_outlet"])),
                td(esc_html(row["author"])),
                td(esc_html(row["title"])),
                td(esc_html(published_text), "num"),
                td(esc_html(row["language"])),
                td(safe_link(row["url"])),
                td(esc_html(row["report_id"])),
            ]
        )
    headers = ["Outlet", "Author", "Title", "Published", "Language", "Address", "Report"]
    return html_table(headers, body, css="sources", page=page)


_NO_DIFFERENCES = (
    '<p class="muted">No event is reported by more than one outlet, or they agree.</p>'
)


def differences_html(
    table: pd.DataFrame,
    *,
    knowledge: Knowledge | None = None,
    found: Sequence[Discrepancy] | None = None,
    page: int | None = None,
) -> str:
    """Where outlets differ on an event, and the events only some outlets report.

    One row per ``compare.Discrepancy`` of ``compare.discrepancies``: the same points, in the
    same words, as the timeline's hover texts. An event some outlets of a story of many do not
    report names those that do and counts the others (``Discrepancy.parts``).

    :param knowledge: event types and lexicons (``load_knowledge()``); default the packaged one.
    :param found: the table's ``discrepancy_list``, when already read; default read here.
    :param page: rows shown at a time (``paged_table``); default every row.
    """
    validate_table(table)
    if found is None:
        found = discrepancy_list(discrepancies(table, knowledge=knowledge))
    if not found:
        return _NO_DIFFERENCES
    body = []
    for difference in found:
        values = [
            f"<b>{esc_html(source)}</b>: {esc_html(value)}"
            for source, value in difference.values.items()
        ]
        if difference.unnamed:
            values.append(esc_html(difference.parts()[-1]))
        cells = [td(esc_html(difference.label)), td(esc_html(difference.aspect))]
        body.append([*cells, td("<br>".join(values))])
    return html_table(["Event", "What differs", "By outlet"], body, css="differences", page=page)
