"""Writing the event table: CSV, Parquet or JSON, atomically."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from ..files import atomic_write
from .schema import COLUMN_NAMES, validate_table

_SUFFIXES = (".csv", ".parquet", ".json")


def _plain(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def table_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """The table as JSON-ready records (times as ISO 8601 with offset, dates as ISO dates)."""
    return [{k: _plain(v) for k, v in row.items()} for row in table.to_dict(orient="records")]


def write_table(table: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write the event table to ``path`` (.csv, .parquet or .json by suffix), atomically.

    Lists and mappings become JSON text in CSV; times are ISO 8601 with their offset.
    """
    validate_table(table)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES:
        raise ValueError(f"output {path}: expected a .csv, .parquet or .json file, got {suffix!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    records = table_records(table)

    def write(tmp: Path) -> None:
        if suffix == ".json":
            tmp.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
            return
        flat = pd.DataFrame(records, columns=list(COLUMN_NAMES))
        if suffix == ".csv":
            for col in ("actors", "quotes", "evidence", "notes"):
                flat[col] = flat[col].map(lambda v: json.dumps(v, ensure_ascii=False))
            flat.to_csv(tmp, index=False)
        else:
            flat.to_parquet(tmp, index=False)

    return atomic_write(path, write)
