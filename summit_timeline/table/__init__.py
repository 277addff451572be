"""Assembling the table: mentions of all reports -> one row per mention, with a story, a venue,
dates in the venue's zone, and one ``event_id`` per real-world event.

``build.py`` (``extract_events``) runs the stages: ``stories.py`` (which meeting each mention
belongs to), ``dating.py`` (the time-zone rule), ``align.py`` (one ``event_id`` across reports);
``schema.py`` declares the columns and ``write.py`` writes the table. Names are imported lazily,
so reading ``table.schema`` does not load the extraction pipeline.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "COLUMNS": "schema",
    "COLUMN_NAMES": "schema",
    "validate_table": "schema",
    "extract_events": "build",
    "read_partitioned": "write",
    "table_records": "write",
    "write_table": "write",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
