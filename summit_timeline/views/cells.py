"""Reading the table's cells for display: lists, quotes, durations, dates, clock times, sources,
labels, and whole frames in plain words.

One helper per kind of cell, shared by the figures, the exports, the comparisons and the
notebooks, so that a duration, an outlet or an event's label reads the same in a hover text, a
table of the page, a comparison and the teacher's handout; and a cell with no value says so in
words (``NOT_STATED``), never as ``NaN`` or ``None``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..table.schema import as_date, is_missing, validate_table

CLOCK_PRECISIONS: tuple[str, ...] = ("minute", "hour")
#: What a reader is shown where a cell has no value.
NOT_STATED = "not stated"


def as_list(value: Any) -> list[Any]:
    """A list cell (``actors``, ``quotes``, ``evidence``) as a list, whatever it was stored as.

    Missing values give ``[]``; lists, tuples and arrays their items; any other value is a list
    of one.
    """
    if is_missing(value):
        return []
    if isinstance(value, list | tuple):
        return list(value)
    if hasattr(value, "tolist") and not isinstance(value, str):
        listed = value.tolist()
        return list(listed) if isinstance(listed, list | tuple) else [listed]
    return [value]


def as_dicts(value: Any) -> list[Mapping[str, Any]]:
    """The mappings of a list cell (``quotes``, ``evidence``); other items are left out."""
    return [item for item in as_list(value) if isinstance(item, Mapping)]


def text_of(value: Any) -> str | None:
    """A cell as stripped text, or None when it is missing or blank."""
    if is_missing(value):
        return None
    text = str(value).strip()
    return text or None


def quote_list(value: Any) -> list[tuple[str | None, str]]:
    """The ``quotes`` cell as ``(speaker, text)`` pairs (tolerates lists, arrays and None)."""
    pairs = []
    for item in as_list(value):
        if isinstance(item, Mapping):
            text = item.get("text")
            if text_of(text):
                speaker = item.get("speaker")
                pairs.append((None if is_missing(speaker) else str(speaker), str(text)))
        elif not is_missing(item):
            pairs.append((None, str(item)))
    return pairs


def number_text(value: float) -> str:
    """``165`` for 165.0, ``7.5`` for 7.5."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def format_minutes(minutes: Any) -> str:
    """'165 min (2 h 45 min)' style text for a number of minutes ('' when missing)."""
    if is_missing(minutes):
        return ""
    value = float(minutes)
    text = f"{number_text(value)} min"
    if value >= 60:
        hours, rest = divmod(round(value), 60)
        text += f" ({hours} h {rest} min)" if rest else f" ({hours} h)"
    return text


def duration_text(row: Mapping[str, Any]) -> str:
    """The duration as reported, hedge first ('nur 165 min (2 h 45 min)'), or ''."""
    minutes = format_minutes(row.get("duration_min"))
    if not minutes:
        return ""
    hedge = text_of(row.get("duration_hedge"))
    return f"{hedge} {minutes}" if hedge else minutes


def date_text(value: Any) -> str:
    """A date cell as an ISO date ('2025-08-15'), or ''."""
    day = as_date(value)
    return day.isoformat() if day is not None else ""


def local_wall_time(value: Any, timezone: str | None) -> dt.datetime | None:
    """``value`` as a naive wall-clock datetime in ``timezone`` (naive input is taken as local)."""
    if is_missing(value):
        return None
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is not None:
        if timezone:
            stamp = stamp.tz_convert(timezone)
        stamp = stamp.tz_localize(None)
    return stamp.to_pydatetime()


def has_clock(row: Mapping[str, Any]) -> bool:
    """Whether the row gives a clock time of its own (minute or hour precision)."""
    return row.get("time_precision") in CLOCK_PRECISIONS and not is_missing(row.get("start"))


def clock_text(row: Mapping[str, Any], timezone: str | None) -> str:
    """The row's clock time as wall time in ``timezone``, '13:40' or '13:40–15:05', or ''."""
    if not has_clock(row):
        return ""
    start = local_wall_time(row["start"], timezone)
    end = local_wall_time(row.get("end"), timezone)
    return f"{start:%H:%M}" + (f"–{end:%H:%M}" if end is not None else "")


def _source_name(outlet: Any, report_id: str, author: Any) -> str | None:
    """The name a report's source goes by: its outlet, else its author, else None.

    An outlet that is only the report's id counts as none: ``extract_events`` writes the id
    there when a report names no outlet, and a file name says less than a byline.
    """
    name = text_of(outlet)
    if name is not None and name != report_id:
        return name
    return text_of(author)


def source_names(
    outlets: Iterable[Any],
    report_ids: Iterable[Any],
    stories: Iterable[Any] | None = None,
    *,
    authors: Iterable[Any] | None = None,
) -> list[str]:
    """The name of each report's source, given its outlet and report id (and story, and author).

    The outlet; where a report names none, its author (the byline); the ``report_id`` (the
    file name) only when neither is known. ``"name (report_id)"`` when one name stands for
    several reports (in the same story, when ``stories`` are given). The one naming of sources:
    legends, buttons, filters, tables, comparisons and the handout all use it, so two reports
    are never merged by accident and a source is called the same everywhere.
    """
    reports_ = [str(report) for report in report_ids]
    found = [None] * len(reports_) if authors is None else list(authors)
    outlets_ = list(outlets)
    if not len(outlets_) == len(found) == len(reports_):
        raise ValueError(
            "outlets, report_ids and authors must give one value per report; got "
            f"{len(outlets_)}, {len(reports_)} and {len(found)}"
        )
    pairs = [
        (_source_name(outlet, report, author), report)
        for outlet, report, author in zip(outlets_, reports_, found, strict=True)
    ]
    groups = (
        [text_of(story) or "" for story in stories] if stories is not None else [""] * len(pairs)
    )
    if len(groups) != len(pairs):
        raise ValueError(
            f"stories must give one story per report id; got {len(groups)} for {len(pairs)}"
        )
    reports: dict[tuple[str, str], set[str]] = {}
    for group, (name, report) in zip(groups, pairs, strict=True):
        if name is not None:
            reports.setdefault((group, name), set()).add(report)
    names = []
    for group, (name, report) in zip(groups, pairs, strict=True):
        if name is None:
            names.append(report)
        elif len(reports[(group, name)]) > 1:
            names.append(f"{name} ({report})")
        else:
            names.append(name)
    return names


def source_labels(table: pd.DataFrame) -> pd.Series:
    """Each row's source (see ``source_names``), indexed like ``table``, named ``outlet``.

    Sources are named within each story: an outlet with one report about a summit is called
    by its name there, even if it has reports about other summits too. A report without an
    outlet is called by its ``author``.

    :param table: an event table from ``extract_events``.
    """
    validate_table(table)
    names = source_names(
        table["outlet"], table["report_id"], table["story_id"], authors=table["author"]
    )
    return pd.Series(names, index=table.index, name="outlet", dtype=object)


# ---------------------------------------------------------------- labels


def event_label(group: pd.DataFrame) -> str:
    """The label of an event, its row in the timeline: the label most of its mentions give.

    Among labels given equally often, the longest (it names the most), then the first. The
    result is always one mention's label as the table has it, so a row names actors in the
    order and places as spelled by a report; each mention's hover shows its own label and,
    where it differs, this one (``hover_text(..., event=...)``). '' if no mention has a label.
    """
    counts = Counter(str(v) for v in group["label"] if text_of(v))
    return max(counts, key=lambda label: (counts[label], len(label)), default="")


# ---------------------------------------------------------------- plain words for readers


def published_text(value: Any, precision: Any = "minute") -> str:
    """A publication time as far as it is known: '2025-08-16 06:56 CEST', '2025-08-16', or ''.

    A day-only time is shown as its day: its midnight was never published.
    """
    if is_missing(value):
        return ""
    stamp = pd.Timestamp(value)
    if precision == "day":
        return stamp.date().isoformat()
    if precision == "month":
        return f"{stamp:%Y-%m}"
    return f"{stamp:%Y-%m-%d %H:%M} {stamp:%Z}".strip()


def cell_text(value: Any) -> str:
    """Any cell as plain words: lists joined by commas, quotes as «…», dates as ISO dates, whole
    numbers without '.0', yes/no, and ``NOT_STATED`` where there is no value.

    For showing a frame to people (``readable``), who should read 'not stated' where a report
    says nothing, not ``NaN``, ``None`` or a list's brackets. Text stays as it is, an empty
    text too: a comparison's '' says "nothing here" on purpose.
    """
    if isinstance(value, Mapping):
        return _mapping_text(value)
    items = as_list(value)
    if not (len(items) == 1 and items[0] is value):
        texts = [cell_text(item) for item in items]
        shown = [text for text in texts if text and text != NOT_STATED]
        return ", ".join(shown) if shown else NOT_STATED
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return published_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return number_text(value)
    return str(value).strip()


def _mapping_text(value: Mapping[str, Any]) -> str:
    """A quote ('Trump: «…»'), an evidence sentence, or 'key: value' pairs."""
    if text_of(value.get("text")):
        speaker = text_of(value.get("speaker"))
        return (f"{speaker}: " if speaker else "") + f"«{text_of(value['text'])}»"
    if text_of(value.get("sentence")):
        return str(text_of(value["sentence"]))
    pairs = [f"{key}: {cell_text(item)}" for key, item in value.items()]
    return "; ".join(pairs) if pairs else NOT_STATED


def readable(frame: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """``frame`` with every cell in plain words (``cell_text``), for people to read.

    A notebook or the teacher's handout shows ``readable(...)`` of a table or a comparison:
    'not stated' instead of ``NaN`` or ``None``, 'Trump, Putin' instead of a list, a date
    instead of a timestamp's repr. A Series becomes a frame of one column, so no ``dtype:``
    line is printed under it. The input is not modified.

    >>> readable(compare.discrepancy_summary(found))  # doctest: +SKIP
    """
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(frame.name if frame.name is not None else "value")
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be a pandas DataFrame or Series; got {type(frame).__name__}")
    return frame.map(cell_text)
