"""Reading the table's cells for display: lists, quotes, durations, dates, clock times, sources.

One helper per kind of cell, shared by the figures, the exports and the comparisons, so that a
duration or an outlet reads the same in a hover text, a table of the page and a comparison.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..table.schema import as_date, is_missing, validate_table

CLOCK_PRECISIONS: tuple[str, ...] = ("minute", "hour")


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


def source_names(
    outlets: Iterable[Any], report_ids: Iterable[Any], stories: Iterable[Any] | None = None
) -> list[str]:
    """The name of each report's source, given its outlet and report id (and story).

    The outlet; ``"outlet (report_id)"`` when the outlet has several reports (in the same story,
    when ``stories`` are given); the ``report_id`` when the outlet is not known. The one naming
    of sources: legends, buttons, filters, tables and comparisons all use it, so two reports
    are never merged by accident and a source is called the same everywhere.
    """
    reports_ = [str(report) for report in report_ids]
    pairs = list(zip((text_of(outlet) for outlet in outlets), reports_, strict=True))
    groups = (
        [text_of(story) or "" for story in stories] if stories is not None else [""] * len(pairs)
    )
    if len(groups) != len(pairs):
        raise ValueError(
            f"stories must give one story per report id; got {len(groups)} for {len(pairs)}"
        )
    reports: dict[tuple[str, str], set[str]] = {}
    for group, (outlet, report) in zip(groups, pairs, strict=True):
        if outlet is not None:
            reports.setdefault((group, outlet), set()).add(report)
    names = []
    for group, (outlet, report) in zip(groups, pairs, strict=True):
        if outlet is None:
            names.append(report)
        elif len(reports[(group, outlet)]) > 1:
            names.append(f"{outlet} ({report})")
        else:
            names.append(outlet)
    return names


def source_labels(table: pd.DataFrame) -> pd.Series:
    """Each row's source (see ``source_names``), indexed like ``table``, named ``outlet``.

    Sources are named within each story: an outlet with one report about a summit is called
    by its name there, even if it has reports about other summits too.

    :param table: an event table from ``extract_events``.
    """
    validate_table(table)
    names = source_names(table["outlet"], table["report_id"], table["story_id"])
    return pd.Series(names, index=table.index, name="outlet", dtype=object)


def event_label(group: pd.DataFrame) -> str:
    """The label of an event: the longest label its mentions give ('' if none)."""
    return max((str(v) for v in group["label"] if text_of(v)), key=len, default="")
