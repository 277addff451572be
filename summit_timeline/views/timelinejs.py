"""Knight Lab TimelineJS JSON: one slide per dated event, evidence as escaped text."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from ..files import write_text_atomic
from ..knowledge import Knowledge, resolve
from .cells import date_text, duration_text, event_label, has_clock, local_wall_time, source_labels
from .chronology import chronology
from .html_tables import esc_html, quotes_html
from .stories import Story, select_story, split_stories


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
        text = f"<p><b>{esc_html(names[index])}</b> ({esc_html(row['status'])})"
        duration = duration_text(row)
        if duration:
            text += f", {esc_html(duration)}"
        text += f": {esc_html(row['sentence'])}</p>"
        quotes = quotes_html(row["quotes"])
        parts.append(text + (f"<p>{quotes}</p>" if quotes else ""))
    return "".join(parts)


def _story_slides(
    rows: pd.DataFrame, story: Story | None, taken: set[str], knowledge: Knowledge
) -> tuple[list[dict[str, Any]], int, str | None]:
    """One story's slides, how many of its events are undated, and its venue's zone."""
    placement = chronology(rows, knowledge=knowledge)
    zone = placement.timezone
    names = source_labels(rows)
    groups = dict(list(rows.groupby(rows["event_id"].astype(str), sort=False)))
    slides: list[dict[str, Any]] = []
    for event_id in placement.events:
        group = groups[event_id]
        dates = _tl_dates(group, zone)
        if dates is None:
            continue
        kind = knowledge.event_type(str(group["event_type"].iloc[0])).label
        text = {"headline": esc_html(event_label(group) or kind), "text": _tl_text(group, names)}
        slide: dict[str, Any] = {
            "start_date": dates[0],
            "text": text,
            "group": esc_html(story.title) if story is not None else kind,
            "unique_id": _unique_id(event_id, taken),
        }
        if dates[1] is not None:
            slide["end_date"] = dates[1]
        slides.append(slide)
    return slides, len(placement.events) - len(slides), zone


def to_timelinejs(
    table: pd.DataFrame,
    *,
    story: str | None = None,
    title: str | None = None,
    knowledge: Knowledge | None = None,
) -> dict[str, Any]:
    """Knight Lab TimelineJS JSON: one slide per dated event, evidence as text.

    Slides are grouped by event type; with several stories (``story_id``), by story. Dates
    carry only what the reports give: year, month, day, then hour and minute only from a
    reported clock time, local at each story's venue. Events no report dates cannot be placed
    by TimelineJS and are left out (the title slide says how many).

    :param story: a ``story_id`` to keep that story's events only; default every story.
    :param title: headline of the title slide (escaped); default 'Summit timeline'.
    :param knowledge: event types (order, labels) (``load_knowledge()``); default the packaged
        knowledge.
    """
    table = select_story(table, story)
    knowledge = resolve(knowledge)
    parts = list(split_stories(table))
    taken: set[str] = set()
    events: list[dict[str, Any]] = []
    skipped = 0
    zones: list[str] = []
    for listed, rows in parts:
        slides, undated, zone = _story_slides(
            rows, listed if len(parts) > 1 else None, taken, knowledge
        )
        events += slides
        skipped += undated
        zones += [zone] if zone else []
    note = f"{len(events)} dated events" + (
        f"; {skipped} undated event{'' if skipped == 1 else 's'} not shown" if skipped else ""
    )
    if len(zones) == 1:
        note += f". Times are local at the venue ({zones[0]})."
    elif zones:
        note += f" from {len(parts)} stories. Times are local at each venue."
    headline = esc_html(title or "Summit timeline")
    return {
        "title": {"text": {"headline": headline, "text": f"<p>{esc_html(note)}</p>"}},
        "events": events,
    }


def write_timelinejs(
    table: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    story: str | None = None,
    title: str | None = None,
    knowledge: Knowledge | None = None,
) -> Path:
    """Write ``to_timelinejs(table)`` as JSON to ``path`` atomically; returns the path."""
    data = to_timelinejs(table, story=story, title=title, knowledge=knowledge)
    return write_text_atomic(Path(path), json.dumps(data, ensure_ascii=False, indent=1) + "\n")
