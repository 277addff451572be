"""Assembling the table: mentions of all reports -> one row per mention, with a venue, dates in
the venue's zone, and one ``event_id`` per real-world event.

``build.py`` (``extract_events``) runs the stages: ``dating.py`` (the time-zone rule),
``align.py`` (one ``event_id`` across reports); ``schema.py`` declares the columns and
``write.py`` writes the table.
"""

from __future__ import annotations

from .build import extract_events
from .schema import COLUMN_NAMES, COLUMNS, validate_table
from .write import table_records, write_table

__all__ = [
    "COLUMNS",
    "COLUMN_NAMES",
    "extract_events",
    "table_records",
    "validate_table",
    "write_table",
]
