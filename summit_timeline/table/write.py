"""Writing the event table: CSV, Parquet or JSON, atomically."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
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


def _arrow(table: pd.DataFrame) -> Any:
    """The table as an Arrow table, each column in its declared type."""
    import pyarrow as pa

    frame = typed(table)
    arrow = pa.Table.from_pandas(frame, preserve_index=False)
    # a column of dates, also when empty, is a date column
    index = arrow.schema.get_field_index("date")
    return arrow.set_column(index, "date", pa.array(frame["date"].tolist(), type=pa.date32()))


def _parquet(table: pd.DataFrame, path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(_arrow(table), path)


def write_table(
    table: pd.DataFrame, path: str | os.PathLike[str], *, partition_by: str | None = None
) -> Path:
    """Write the event table to ``path`` (.csv, .parquet or .json by suffix), atomically.

    Lists and mappings become JSON text in CSV; times are ISO 8601 with their offset in CSV and
    JSON, UTC instants in Parquet (with the place's zone in ``timezone``); dates stay dates.

    :param partition_by: a text column (``"story_id"``): ``path`` is then a folder of Parquet
        files, one folder per value (``story_id=<id>/part-0.parquet``, Hive style, which
        pyarrow, pandas, Dask, DuckDB and Spark read as one table), written whole or not at all.
        ``read_partitioned(path)`` reads it back as the table.
    """
    validate_table(table)
    if partition_by is not None:
        return _write_partitioned(table, Path(path), partition_by)
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


# --- a table partitioned into folders ----------------------------------------------------------


def _partition_column(table: pd.DataFrame, column: str) -> None:
    """Refuse a column that cannot name folders: not a text column, or with missing values."""
    text = [c.name for c in COLUMNS if c.dtype == "str"]
    if column not in text:
        raise ValueError(f"partition_by={column!r}: expected a text column, one of {text}")
    if table[column].isna().any():
        raise ValueError(f"partition_by={column!r}: the column has missing values")


def _write_partitioned(table: pd.DataFrame, folder: Path, column: str) -> Path:
    """Write a Hive-partitioned Parquet dataset into a temporary folder, then put it in place."""
    if folder.suffix.lower() in (".csv", ".json"):
        raise ValueError(
            f"output {folder}: a partitioned table is Parquet in a folder; give a folder name "
            "(events/ or events.parquet), not a .csv or .json file"
        )
    _partition_column(table, column)
    import pyarrow as pa
    import pyarrow.dataset as ds

    arrow = _arrow(table)
    scheme = ds.partitioning(pa.schema([(column, pa.string())]), flavor="hive")

    def write(temp: Path) -> None:
        ds.write_dataset(
            arrow,
            temp,
            format="parquet",
            partitioning=scheme,
            basename_template="part-{i}.parquet",
            existing_data_behavior="error",
        )

    return _atomic_folder(folder, write)


def _atomic_folder(folder: Path, write: Any) -> Path:
    """Call ``write(temp)`` for a new folder beside ``folder``, then rename it to ``folder``.

    An earlier dataset at ``folder`` is replaced only when it holds nothing but what this
    function writes (partition folders of Parquet files): a folder of other files is refused, so
    a mistyped output never deletes someone's work. On any error the temporary folder is removed
    and ``folder`` keeps what it had.
    """
    parent = folder.parent if str(folder.parent) else Path(".")
    if folder.exists() and not is_partitioned_table(folder):
        raise ValueError(
            f"output {folder} exists and is not a partitioned table written here; give a new "
            "folder (or remove it)"
        )
    parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=parent))
    old = None
    try:
        write(temp / "data")
        os.chmod(temp / "data", 0o755)  # mkdtemp makes it private; outputs are meant to be shared
        if folder.exists():
            old = temp / "old"
            os.replace(folder, old)
        os.replace(temp / "data", folder)
    except BaseException:
        if old is not None and not folder.exists():
            os.replace(old, folder)  # put the earlier table back
        raise
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return folder


def is_partitioned_table(folder: Path) -> bool:
    """Whether ``folder`` is empty or holds only ``column=value`` folders of Parquet files."""
    if not folder.is_dir():
        return False
    for entry in folder.iterdir():
        if not (entry.is_dir() and "=" in entry.name):
            return False
        if any(not f.name.endswith(".parquet") for f in entry.iterdir()):
            return False
    return True


def read_partitioned(folder: str | os.PathLike[str]) -> pd.DataFrame:
    """A table written with ``partition_by``, read back: the columns in the table's order, the
    partition column as text, the rows in the table's order (event, report, position)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    folder = Path(folder)
    names = {entry.name.split("=", 1)[0] for entry in folder.iterdir() if "=" in entry.name}
    if len(names) != 1:
        raise ValueError(
            f"{folder}: expected one partition column, found {sorted(names) or 'none'}"
        )
    scheme = ds.partitioning(pa.schema([(names.pop(), pa.string())]), flavor="hive")
    data = ds.dataset(folder, format="parquet", partitioning=scheme).to_table()
    frame = data.select(list(COLUMN_NAMES)).to_pandas()
    frame = frame.sort_values(["event_id", "report_id", "char_start"], kind="stable")
    return frame.reset_index(drop=True)
