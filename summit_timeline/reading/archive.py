"""Archives: many articles in one JSON Lines or Parquet file, one article a line or row.

>>> corpus = load_archive("crawl.parquet", progress=True)            # doctest: +SKIP
>>> corpus = load_corpus(["reports/", "crawl.jsonl.gz"])              # doctest: +SKIP

An archive is streamed: JSON Lines line by line, Parquet batch by batch
(``ParquetFile.iter_batches``, only the columns used), so a file larger than memory can be read
as long as its reports fit. Each row becomes a ``Report`` through ``parse_report``, the function
a report file goes through, so text, front matter and HTML are read and metadata is resolved the
same way. The fields of a row (``ARCHIVE_FIELDS``; other fields are ignored):

- ``text`` (the article as text, with or without front matter) or ``html`` (the page); when both
  are given the text is read, since it needs no page extraction;
- ``id``: the ``report_id`` (text or a whole number); without one, the file's name and the
  row's number (``crawl-17``);
- ``url``, ``outlet``, ``published`` (text, a date or a time), ``language``, and the other keys
  of a front matter (``title``, ``author``, ``timezone``). They win over what the article says
  about itself, like the keyword options of ``load_reports``; this function's own keyword options
  win over both.

A row that cannot be read (not JSON, no text, a value of the wrong kind, an unsupported
language, a repeated id) is one ``ReportError`` naming the file and the row, counted from 1 like
lines (``crawl.jsonl, line 17: not valid JSON ...``), and a ``ReportWarning``; the other rows are
still read. ``fields`` renames an archive's own columns: ``fields={"maintext": "text"}``.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ..knowledge import Knowledge
from .corpus import Corpus, Report, ReportError
from .frontmatter import FRONT_MATTER_KEYS
from .load import _TAG, ReportWarning, _checked, _flag_copy, load_reports, parse_report
from .sources import corrections_beside

#: The fields of an archive row that are read.
ARCHIVE_FIELDS: tuple[str, ...] = ("id", "text", "html", *FRONT_MATTER_KEYS)
#: Name endings read as JSON Lines (optionally gzip-compressed) and as Parquet.
JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES: tuple[str, ...] = (".parquet",)
#: Rows of a Parquet file read at once: a batch of pages stays a few megabytes.
BATCH_ROWS = 256

PathArg = str | os.PathLike[str]


def is_archive(path: PathArg) -> bool:
    """Whether ``path`` names an archive file (by its ending), not a report or a folder."""
    name = Path(path).name.lower()
    return name.endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES)


def _base_name(path: Path) -> str:
    """The file's name without its archive ending: ``crawl`` of ``crawl.jsonl.gz``."""
    name = path.name
    for suffix in sorted(JSONL_SUFFIXES + PARQUET_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


# --- rows --------------------------------------------------------------------------------------


class _Broken(Exception):
    """The rest of an archive cannot be read (a truncated or corrupt file)."""


def _jsonl_rows(path: Path) -> Iterator[tuple[str, dict[str, Any] | ValueError]]:
    """``(where, row)`` for each line that is not blank; a line that is no JSON object gives
    the error instead of the row. Read line by line, decoded line by line, so one bad byte
    spoils one line."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    number = 0
    try:
        with opener(path, "rb") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                yield f"{path}, line {number}", _json_row(line)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise _Broken(f"cannot be read after line {number}: {exc}") from exc


def _json_row(line: bytes) -> dict[str, Any] | ValueError:
    # the line's end is the separator, not part of the JSON: left on, a cut line would be
    # reported as a control character rather than as the unterminated value it is
    line = line.rstrip(b"\r\n")
    try:
        value = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return ValueError(f"not UTF-8 (invalid byte at column {exc.start + 1})")
    except json.JSONDecodeError as exc:
        reason = exc.msg.removesuffix(" at")  # json's own wording ends some messages so
        return ValueError(f"not valid JSON: {reason} at column {exc.colno}")
    if not isinstance(value, dict):
        return ValueError(
            f"expected a JSON object with text or html, id, url, ...; got {type(value).__name__}"
        )
    return value


def _parquet_rows(
    path: Path, columns: Iterable[str]
) -> Iterator[tuple[str, dict[str, Any] | ValueError]]:
    """``(where, row)`` for each row, read a batch at a time and only the ``columns`` wanted."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise _Broken(f"not a Parquet file that can be read: {exc}") from exc
    present = [c for c in parquet.schema_arrow.names if c in set(columns)]
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=present):
            for row in batch.to_pylist():
                number += 1
                yield f"{path}, row {number}", row
    except (OSError, pa.ArrowException) as exc:
        raise _Broken(f"cannot be read after row {number}: {exc}") from exc


def count_rows(path: PathArg) -> int | None:
    """Rows of a Parquet archive (from its footer, without reading it); None for JSON Lines."""
    path = Path(path)
    if not path.name.lower().endswith(PARQUET_SUFFIXES):
        return None
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # an unreadable file is reported when it is read
        return None


# --- one row -----------------------------------------------------------------------------------


def _missing(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or (isinstance(value, str) and not value.strip())
    )


def _report_id(row: Mapping[str, Any], fallback: str) -> str:
    value = row.get("id")
    if _missing(value):
        return fallback
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"id must be text or a whole number; got {type(value).__name__}")
    return str(value).strip()


def _content(row: Mapping[str, Any]) -> tuple[str, str | None]:
    """The article and its form: the text if given (form guessed as for a file), else the page."""
    for key, form in (("text", None), ("html", "html")):
        value = row.get(key)
        if _missing(value):
            continue
        if not isinstance(value, str):
            raise ValueError(f"{key} must be text; got {type(value).__name__}")
        raw = _checked(value)
        return raw, (form if form and _TAG.search(raw) else None)
    raise ValueError("no article: give its text in 'text' or its page in 'html'")


def _metadata(row: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The row's metadata under the caller's options; a value of the wrong kind is an error."""
    found: dict[str, Any] = {}
    for key in FRONT_MATTER_KEYS:
        value = row.get(key)
        if _missing(value):
            continue
        if key == "published" and isinstance(value, date):
            found[key] = value
        elif isinstance(value, str):
            found[key] = " ".join(value.split())
        else:
            kind = "text or a date" if key == "published" else "text"
            raise ValueError(f"{key} must be {kind}; got {type(value).__name__} {value!r}")
    found.update((k, v) for k, v in overrides.items() if v is not None)
    return found


def _renamed(row: Mapping[str, Any], fields: Mapping[str, str]) -> dict[str, Any]:
    return {fields.get(k, k): v for k, v in row.items()}


def _check_options(
    overrides: Mapping[str, Any],
    knowledge: Knowledge | None,
    default_timezones: Mapping[str, str] | None,
) -> None:
    """Refuse an unknown or unusable option once, before any row (not once per row)."""
    unknown = sorted(set(overrides) - set(FRONT_MATTER_KEYS))
    if unknown:
        raise TypeError(f"unknown option {unknown[0]!r}; options: {list(FRONT_MATTER_KEYS)}")
    # load_reports checks its options before it reads anything: given no file, it reads none
    load_reports([], knowledge=knowledge, default_timezones=default_timezones, **overrides)


def _check_fields(fields: Mapping[str, str] | None) -> dict[str, str]:
    fields = dict(fields or {})
    for theirs, ours in fields.items():
        if ours not in ARCHIVE_FIELDS:
            raise ValueError(
                f"fields[{theirs!r}] = {ours!r}: not a field of an archive row; "
                f"choose from {list(ARCHIVE_FIELDS)}"
            )
    return fields


# --- files -------------------------------------------------------------------------------------


def iter_archive(
    path: PathArg,
    *,
    fields: Mapping[str, str] | None = None,
    knowledge: Knowledge | None = None,
    default_timezones: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Iterator[Report | ReportError]:
    """The reports of one archive, one at a time, and a ``ReportError`` for each row that
    cannot be read (and for a file that cannot be read further). Warns nothing: the caller
    decides (``load_archive`` warns).

    :param fields: the archive's own column names for the fields of a row, ``{theirs: ours}``.
    :param overrides: ``language``, ``outlet``, ``author``, ``title``, ``url``, ``published``,
        ``timezone`` for every row, as in ``load_reports``.
    """
    fields = _check_fields(fields)
    _check_options(overrides, knowledge, default_timezones)
    return _read(Path(path), fields, knowledge, default_timezones, overrides, {}, {})


def _read(
    path: Path,
    fields: Mapping[str, str],
    knowledge: Knowledge | None,
    default_timezones: Mapping[str, str] | None,
    overrides: Mapping[str, Any],
    used: dict[str, str],
    seen: dict[int, str],
) -> Iterator[Report | ReportError]:
    """One archive; ``used`` (ids -> where) and ``seen`` (text hashes) span all inputs."""
    if not path.is_file():
        yield ReportError(str(path), "no such file" if not path.exists() else "not a file")
        return
    if path.name.lower().endswith(PARQUET_SUFFIXES):
        wanted = {*ARCHIVE_FIELDS, *fields}
        rows = _parquet_rows(path, wanted)
    else:
        rows = _jsonl_rows(path)
    base, number = _base_name(path), 0
    try:
        for where, row in rows:
            number += 1
            if isinstance(row, ValueError):
                yield ReportError(where, str(row))
                continue
            try:
                report = _row_report(
                    _renamed(row, fields),
                    where=where,
                    fallback_id=f"{base}-{number}",
                    knowledge=knowledge,
                    default_timezones=default_timezones,
                    overrides=overrides,
                )
                if report.report_id in used:
                    raise ValueError(
                        f"report_id {report.report_id!r} is already used by "
                        f"{used[report.report_id]}; give each row its own id"
                    )
            except (ValueError, TypeError) as exc:
                yield ReportError(where, str(exc))
                continue
            used[report.report_id] = where
            yield _flag_copy(report, seen)
    except _Broken as exc:
        yield ReportError(str(path), str(exc))


def _row_report(
    row: Mapping[str, Any],
    *,
    where: str,
    fallback_id: str,
    knowledge: Knowledge | None,
    default_timezones: Mapping[str, str] | None,
    overrides: Mapping[str, Any],
) -> Report:
    raw, form = _content(row)
    return parse_report(
        raw,
        report_id=_report_id(row, fallback_id),
        source=where,
        form=form,
        default_timezones=default_timezones,
        knowledge=knowledge,
        **_metadata(row, overrides),
    )


def load_archive(
    path_or_paths: PathArg | Iterable[PathArg],
    *,
    fields: Mapping[str, str] | None = None,
    progress: bool = False,
    knowledge: Knowledge | None = None,
    default_timezones: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Corpus:
    """Read archives (JSON Lines or Parquet, one article a row) into a :class:`Corpus`.

    Rows are read as they stream past (see the module docstring for the fields); a row that
    cannot be read is an entry of ``corpus.errors`` naming the file and the row, and a
    ``ReportWarning``. A ``corrections.yaml`` beside an archive applies to its reports.

    :param fields: the archive's own column names, ``{theirs: ours}``
        (``{"maintext": "text", "date_publish": "published"}``).
    :param progress: show a progress bar (tqdm) over the rows.
    :param overrides: ``language``, ``outlet``, ``author``, ``title``, ``url``, ``published``,
        ``timezone``: for every row, over the rows' own values (as in ``load_reports``).
    """
    paths = _paths(path_or_paths)
    fields = _check_fields(fields)
    _check_options(overrides, knowledge, default_timezones)
    return _collected(paths, Corpus(), fields, progress, knowledge, default_timezones, overrides)


def load_corpus(
    path_or_paths: PathArg | Iterable[PathArg],
    *,
    fields: Mapping[str, str] | None = None,
    progress: bool = False,
    knowledge: Knowledge | None = None,
    default_timezones: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Corpus:
    """Read report files, folders and archives into one :class:`Corpus`.

    Files and folders are read by ``load_reports`` (first, in the order given), then the
    archives (``load_archive``); a report id is used once across all of them, and a text
    given twice is noted as a copy.
    """
    paths = _paths(path_or_paths)
    fields = _check_fields(fields)
    _check_options(overrides, knowledge, default_timezones)
    files = [p for p in paths if not is_archive(p)]
    options = {"default_timezones": default_timezones, "knowledge": knowledge, **overrides}
    corpus = load_reports(files, progress=progress, **options) if files else Corpus()
    archives = [p for p in paths if is_archive(p)]
    return _collected(archives, corpus, fields, progress, knowledge, default_timezones, overrides)


def _paths(path_or_paths: Any) -> list[Path]:
    if isinstance(path_or_paths, str | os.PathLike):
        return [Path(path_or_paths)]
    if isinstance(path_or_paths, Iterable) and not isinstance(path_or_paths, bytes | Mapping):
        items = list(path_or_paths)
        if all(isinstance(p, str | os.PathLike) for p in items):
            return [Path(p) for p in items]
    raise TypeError(
        "path_or_paths must be a file, a folder or a list of them; "
        f"got {type(path_or_paths).__name__}"
    )


def _collected(
    archives: list[Path],
    start: Corpus,
    fields: Mapping[str, str],
    progress: bool,
    knowledge: Knowledge | None,
    default_timezones: Mapping[str, str] | None,
    overrides: Mapping[str, Any],
) -> Corpus:
    """``start`` with the reports and errors of ``archives`` after it."""
    reports, errors = list(start.reports), list(start.errors)
    used = {r.report_id: r.source or r.report_id for r in reports}
    seen: dict[int, str] = {}
    for r in reports:
        _flag_copy(r, seen)  # only to know their texts
    for path in archives:
        found = _read(path, fields, knowledge, default_timezones, overrides, used, seen)
        for item in _bar(found, path, progress):
            if isinstance(item, ReportError):
                errors.append(item)
                warnings.warn(
                    f"{item.source}: {item.reason} (skipped)", ReportWarning, stacklevel=3
                )
                continue
            for note in item.notes:
                warnings.warn(f"{item.source}: {note}", ReportWarning, stacklevel=3)
            reports.append(item)
    corrections = tuple(dict.fromkeys([*start.corrections, *corrections_beside(archives)]))
    return Corpus(reports=tuple(reports), errors=tuple(errors), corrections=corrections)


def _bar(items: Iterator[Any], path: Path, progress: bool) -> Iterator[Any]:
    if not progress:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=f"reading {path.name}", unit="row", total=count_rows(path))
