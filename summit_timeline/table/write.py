"""Writing the event table: CSV, Parquet or JSON, atomically."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from ..files import atomic_write
from .schema import COLUMN_NAMES, COLUMNS, validate_table

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


def _utc(values: pd.Series) -> pd.Series:
    """Times of many zones as one column of UTC instants (Parquet keeps one zone a column)."""
    return pd.to_datetime(
        values.map(lambda v: None if v is None or pd.isna(v) else pd.Timestamp(v)), utc=True
    )


def typed(table: pd.DataFrame) -> pd.DataFrame:
    """The table with each column in its declared type, also when every value is missing.

    Times become UTC instants (the ``timezone`` column keeps the place's zone), dates stay
    calendar dates, text columns are strings and numbers floats or integers.
    """
    frame = table[list(COLUMN_NAMES)].copy()
    for column in COLUMNS:
        kind, values = column.dtype.removesuffix("|None"), frame[column.name]
        if kind == "Timestamp":
            frame[column.name] = _utc(values)
        elif kind == "date":
            frame[column.name] = values.map(lambda v: None if v is None or pd.isna(v) else v)
        elif kind == "str":
            frame[column.name] = values.astype("string")
        elif kind == "float":
            frame[column.name] = pd.to_numeric(values, errors="coerce").astype("float64")
        elif kind == "int":
            frame[column.name] = values.astype("int64")
    return frame


def _parquet(table: pd.DataFrame, path: Path) -> None:
    import pyarrow as pa

    frame = typed(table)
    arrow = pa.Table.from_pandas(frame, preserve_index=False)
    # a column of dates, also when empty, is a date column
    index = arrow.schema.get_field_index("date")
    arrow = arrow.set_column(index, "date", pa.array(frame["date"].tolist(), type=pa.date32()))
    import pyarrow.parquet as pq

    pq.write_table(arrow, path)


def write_table(table: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write the event table to ``path`` (.csv, .parquet or .json by suffix), atomically.

    Lists and mappings become JSON text in CSV; times are ISO 8601 with their offset in CSV and
    JSON, UTC instants in Parquet (with the place's zone in ``timezone``); dates stay dates.
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
            for col in (c.name for c in COLUMNS if c.dtype.startswith("list")):
                flat[col] = flat[col].map(lambda v: json.dumps(v, ensure_ascii=False))
            flat.to_csv(tmp, index=False)
        else:
            _parquet(table, tmp)

    return atomic_write(path, write)
