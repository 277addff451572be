"""The event table's columns, their types and meanings: the one source of truth.

Every module that builds or reads the table (extraction, plots, exports, comparisons) takes the
column names from here, and the README's column reference is checked against ``COLUMNS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

EventStatus = Literal["occurred", "cancelled", "announced", "proposed"]
TimePrecision = Literal["minute", "hour", "day", "none"]
DateSource = Literal[
    "stated", "relative", "context", "publication", "aligned", "story", "trip", "corrected", "none"
]

STATUSES: tuple[str, ...] = ("occurred", "cancelled", "announced", "proposed")
TIME_PRECISIONS: tuple[str, ...] = ("minute", "hour", "day", "none")
DATE_SOURCES: tuple[str, ...] = (
    "stated",
    "relative",
    "context",
    "publication",
    "aligned",
    "story",
    "trip",
    "corrected",
    "none",
)


@dataclass(frozen=True)
class Column:
    """One column of the event table."""

    name: str
    dtype: str
    meaning: str


COLUMNS: tuple[Column, ...] = (
    Column(
        "event_id",
        "str",
        "Id of the real-world event; mentions of one event in any report share it.",
    ),
    Column(
        "story_id",
        "str",
        "The summit, meeting or call the mention belongs to: principals, venue and day "
        "(a report's own story, or an earlier or later meeting it recalls).",
    ),
    Column("mention_id", "str", "Id of this mention: stable for the same report text and options."),
    Column("report_id", "str", "The report's file stem (or the id given when loading)."),
    Column(
        "outlet",
        "str",
        "Outlet that published the report (front matter, page metadata or URL host).",
    ),
    Column("author", "str|None", "Author as printed, if known."),
    Column("title", "str|None", "Headline, if known."),
    Column("url", "str|None", "Address of the report, if known."),
    Column("published", "Timestamp|None", "Publication time, time-zone aware."),
    Column(
        "published_precision", "str", "What the publication time gives: minute, day, month or none."
    ),
    Column("language", "str", "Language of the report (ISO 639-1, e.g. de, en)."),
    Column(
        "event_type",
        "str",
        "Type from the ontology: arrival, talks, press_statement, invitation, ...",
    ),
    Column(
        "cameo", "str", "CAMEO code of the event type, for interoperability with event datasets."
    ),
    Column(
        "status",
        "str",
        "occurred, cancelled, announced (said it will happen) or proposed (offered).",
    ),
    Column("label", "str", "Short human-readable label: type, actors and place."),
    Column("trigger", "str", "The word or phrase of the text that signals the event."),
    Column(
        "actors",
        "list[str]",
        "Canonical actor names (surnames or groups), in the order the text gives.",
    ),
    Column("place", "str|None", "Where it happens; for an invitation, the place proposed."),
    Column("timezone", "str|None", "IANA zone that date, start and end are given in: the venue's."),
    Column("date", "date|None", "Local calendar date at the venue."),
    Column(
        "date_source",
        "str",
        "How the date was found: stated, relative (weekday, yesterday), context (an earlier sentence), publication, aligned (another report), story (the day of the meeting the mention belongs to) or none.",
    ),
    Column(
        "start",
        "Timestamp|None",
        "Start, time-zone aware in the venue's zone, only if a clock time is given.",
    ),
    Column(
        "end", "Timestamp|None", "End, likewise; from a stated end time or start plus duration."
    ),
    Column("time_precision", "str", "What is known of the time: minute, hour, day or none."),
    Column("duration_min", "float|None", "Duration in minutes as the text states it."),
    Column(
        "duration_hedge",
        "str|None",
        "Hedge word before the duration as printed ('gut', 'nur', 'about').",
    ),
    Column(
        "planned_duration_min", "float|None", "Planned or scheduled duration in minutes, if stated."
    ),
    Column("order_cue", "str|None", "Sequence cue in the evidence: 'first', 'after' or None."),
    Column(
        "quotes",
        "list[dict]",
        "Direct quotations as printed: [{'speaker': name or None, 'text': ...}].",
    ),
    Column(
        "sentence", "str", "The evidence sentence that states the event (the most informative one)."
    ),
    Column("char_start", "int", "Offset of the evidence sentence in the report's cleaned text."),
    Column("char_end", "int", "End offset (exclusive) of the evidence sentence."),
    Column(
        "evidence",
        "list[dict]",
        "All sentences of this report stating the event: [{'sentence', 'char_start', 'char_end'}].",
    ),
    Column("confidence", "float", "0..1: how sure the extractor is of type and status."),
    Column(
        "notes",
        "list[str]",
        "What was wrong in the report or the sentence and left out: a date that names no day, "
        "a clock time that is no time, a duration too long for the event, an unreadable field.",
    ),
    Column(
        "corrected",
        "list[str]",
        "What a person changed in this row through the corrections file: the fields set, "
        "'added', 'event_id' (merged or split) or 'checked'; empty for a row as extracted.",
    ),
    Column("correction_note", "str|None", "Who, when and why, as the corrections file says."),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)


def empty_table() -> pd.DataFrame:
    """An event table with all columns and no rows."""
    return pd.DataFrame({name: pd.Series(dtype=object) for name in COLUMN_NAMES})


def validate_table(table: pd.DataFrame, *, argument: str = "table") -> None:
    """Raise ``ValueError`` naming the missing columns if ``table`` is not an event table."""
    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            f"{argument} must be a pandas DataFrame from extract_events(); "
            f"got {type(table).__name__}"
        )
    missing = [name for name in COLUMN_NAMES if name not in table.columns]
    if missing:
        raise ValueError(
            f"{argument} is not an event table: missing columns {missing}. "
            "Build it with summit_timeline.extract_events(corpus)."
        )


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT and pandas NA (but not for empty lists or strings)."""
    if value is None:
        return True
    if isinstance(value, list | tuple | dict):
        return False
    try:
        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if isinstance(result, bool) else False


def as_date(value: Any) -> dt.date | None:
    """A table cell's value as a ``datetime.date`` (from a date, a timestamp or ISO text)."""
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None


def label_text(kind: str, status: str, actors: Iterable[Any], place: Any) -> str:
    """A mention's label: its type, its status unless it occurred, its actors, its place.

    ``label_text("Talks", "cancelled", ["Trump", "Putin"], "Alaska")`` gives
    ``'Talks (cancelled): Trump, Putin – Alaska'``. The table's ``label`` column is written by
    it (``extract_events``, corrections), so a label names the row's ``actors`` in their order
    and its ``place`` as the ``place`` column spells it; the views print labels, never rebuild
    them.

    :param kind: the event type's label (``knowledge.event_type(...).label``).
    """
    label = kind if status == "occurred" else f"{kind} ({status})"
    names = [str(actor).strip() for actor in actors if _text(actor)]
    if names:
        label += ": " + ", ".join(names)
    where = _text(place)
    if where:
        label += f" – {where}"
    return label


def _text(value: Any) -> str | None:
    if is_missing(value):
        return None
    return str(value).strip() or None
