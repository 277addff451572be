"""Hover texts of the timeline: what one outlet says of one event, and where outlets differ.

Plotly renders ``<b>``, ``<br>`` and ``<a href>`` in hover texts, tick labels, legend entries and
buttons, so every string from a report goes through ``esc`` (or ``wrap``) first.

A hover names the mention by its label as the table has it (its actors in their order, its
place as spelled), and, where the event's row in the timeline is labelled otherwise (another
report's wording, ``cells.event_label``), the row's label too: the reader can match the two.

The lines on where outlets differ are the :class:`~summit_timeline.compare.Discrepancy` objects
of ``compare.discrepancies``, in the words the exported page's table uses.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from ..compare.differences import Discrepancy
from ..table.schema import is_missing
from .cells import date_text, duration_text, format_minutes, quote_list, text_of
from .provenance import correction_mark, correction_text

STATUS_TEXT: dict[str, str] = {
    "occurred": "occurred",
    "announced": "announced (said it will happen)",
    "proposed": "proposed (offered, not agreed)",
    "cancelled": "cancelled (did not take place)",
}
DATE_SOURCE_TEXT: dict[str, str] = {
    "stated": "stated in the report",
    "relative": "from a relative day and the publication date",
    "context": "from an earlier sentence of the report",
    "publication": "from the publication time, in the venue's zone",
    "aligned": "from another report of the same event",
    "story": "the day of the summit the report is about",
    "trip": "a guess: the day other reports give the same guest's trip there",
    "corrected": "set by a person (corrections file)",
    "none": "not reported",
}


#: A hover lists at most this many sources' values of one point where outlets differ, and at
#: most this many points: an event of an archive may be told by dozens of reports, and each of
#: its marks carries the list (the page's table of differences has them all).
HOVER_SOURCES = 4
HOVER_POINTS = 8


def esc(value: Any) -> str:
    """``value`` as text plotly shows literally: ``&``, ``<``, ``>`` escaped (missing -> '').

    Quotes stay as they are: plotly's text renderer decodes ``&lt;``/``&gt;``/``&amp;`` but shows
    ``&quot;`` literally, and a quote outside a tag is harmless to it.
    """
    if is_missing(value):
        return ""
    return html.escape(str(value), quote=False)


def wrap(value: Any, width: int = 80) -> str:
    """Escaped ``value`` wrapped to ``width`` characters with ``<br>`` between lines."""
    if text_of(value) is None:
        return ""
    lines = textwrap.wrap(" ".join(str(value).split()), width=width) or [""]
    return "<br>".join(esc(line) for line in lines)


def time_text(place: Mapping[str, Any], zone: str | None) -> str:
    """How the chronology placed a mention in time, in words (``place``: its placement row)."""
    placed_by = place["placed_by"]
    if placed_by == "clock":
        start = place["local_start"]
        end = place["local_end"]
        span = f"{start:%H:%M}" + (f"–{end:%H:%M}" if not is_missing(end) else "")
        return f"{span} local time{f' ({zone})' if zone else ''}, as reported"
    if placed_by == "other_outlet":
        return "not given in this report; placed at the time another report gives"
    if placed_by == "order":
        return f"no clock time reported; #{place['step']} in the order the reports give"
    return "no date reported; shown apart"


def hover_text(
    row: Mapping[str, Any],
    place: Mapping[str, Any],
    outlet: str,
    differences: Sequence[Discrepancy],
    *,
    zone: str | None,
    width: int = 80,
    event: str | None = None,
) -> str:
    """The hover text of one mention, escaped, with the points where outlets differ on its event.

    Lines: outlet and label, what a person did to the row (corrected, checked or added, with
    who, when and why: ``provenance.correction_text``), the row's label where it differs,
    status, date, time, duration, evidence, quotes, differences.

    :param row: the mention (a row of the event table).
    :param place: its placement (a row of ``Chronology.placements``).
    :param outlet: its source, as named by ``source_labels``.
    :param differences: the discrepancies of its event (``compare.discrepancy_list``).
    :param zone: the venue's time zone.
    :param width: characters per line.
    :param event: the label of the event's row (``cells.event_label`` of its mentions); default
        the label ``differences`` carry, which is the same.
    """
    if event is None and differences:
        event = differences[0].label
    lines = [f"<b>{esc(outlet)}</b> — {wrap(row['label'], width)}"]
    done = correction_text(row)
    if done:
        lines.append(
            f"<b>{esc(correction_mark(row))}</b> {wrap(done[0].upper() + done[1:], width)}"
        )
    if text_of(event) and str(event) != str(row["label"]):
        lines.append(f"Row: {wrap(event, width)}")
    lines.append(f"Status: {esc(STATUS_TEXT.get(str(row['status']), row['status']))}")
    day = date_text(row.get("date"))
    source = DATE_SOURCE_TEXT.get(str(row.get("date_source")), str(row.get("date_source")))
    lines.append(f"Date: {esc(day)} ({esc(source)})" if day else "Date: not reported")
    lines.append(f"Time: {esc(time_text(place, zone))}")
    duration = duration_text(row)
    planned = format_minutes(row.get("planned_duration_min"))
    if duration or planned:
        text = f"Duration: {esc(duration) if duration else 'not reported'}"
        lines.append(text + (f" (planned: {esc(planned)})" if planned else ""))
    lines.append(f"Evidence: «{wrap(row.get('sentence'), width)}»")
    for speaker, quote in quote_list(row.get("quotes")):
        who = f"{esc(speaker)}: " if speaker else ""
        lines.append(f"Quote: {who}«{wrap(quote, width)}»")
    if differences:
        lines.append("<b>Outlets differ</b>:")
        lines.extend(f"· {wrap(difference_text(d), width)}" for d in differences[:HOVER_POINTS])
        if len(differences) > HOVER_POINTS:
            more = len(differences) - HOVER_POINTS
            lines.append(f"· … and {more} more (the table of differences lists them all)")
    return "<br>".join(lines)


def difference_text(difference: Discrepancy) -> str:
    """A point where outlets differ in one line of a hover: its first ``HOVER_SOURCES``
    sources' values, then how many more there are."""
    parts = difference.parts()
    if len(parts) > HOVER_SOURCES:
        parts = [*parts[:HOVER_SOURCES], f"… {len(parts) - HOVER_SOURCES} more"]
    return f"{difference.aspect}: {' · '.join(parts)}"
