"""Archives (JSON Lines, Parquet: one article a row) read like files; a table partitioned by story.

The archives are made of ``tests/data/reports`` (sixteen reports: text, front matter, HTML), one
row a file, so their table must be the files' table.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import DATA

import summit_timeline as st
from summit_timeline.cli import main
from summit_timeline.reading import ReportWarning
from summit_timeline.reading import archive as archive_module
from summit_timeline.reading.archive import iter_archive, load_archive, load_corpus
from summit_timeline.table.write import read_partitioned, write_table

REPORTS = DATA / "reports"


def _rows() -> list[dict[str, str | None]]:
    """One row per report file, as a crawler would store it: the page as html, else the text."""
    files = [r.source for r in st.load_reports(REPORTS)]
    rows = []
    for name in files:
        path = Path(name)
        raw = path.read_text(encoding="utf-8")
        page = path.suffix == ".html"
        rows.append({"id": path.stem, "text": None if page else raw, "html": raw if page else None})
    return rows


def _jsonl(path: Path, rows: list[dict], *, bad_after: int | None = None) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i, row in enumerate(rows):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            if i == bad_after:
                handle.write('{"id": "cut", "text": "Trump and Putin met\n')
    return path


def _parquet(path: Path, rows: list[dict]) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=5)
    return path


@pytest.fixture(scope="module")
def rows():
    return _rows()


def _same_reports(archive, files) -> None:
    assert [r.report_id for r in archive] == [r.report_id for r in files]
    for a, b in zip(archive, files, strict=True):
        differ = [
            f.name
            for f in dataclasses.fields(a)
            if f.name != "source" and getattr(a, f.name) != getattr(b, f.name)
        ]
        assert not differ, (a.report_id, differ)


@pytest.mark.parametrize("kind", ["jsonl", "jsonl.gz", "parquet"])
def test_an_archive_gives_the_table_of_the_same_reports_as_files(
    kind, rows, tmp_path, dev_table, monkeypatch
):
    monkeypatch.setattr(archive_module, "BATCH_ROWS", 3)  # several batches of a small file
    path = tmp_path / f"crawl.{kind}"
    if kind == "parquet":
        _parquet(path, rows)
    else:
        _jsonl(tmp_path / "crawl.jsonl", rows)
        if kind.endswith(".gz"):
            path.write_bytes(gzip.compress((tmp_path / "crawl.jsonl").read_bytes()))
    corpus = load_archive(path, progress=True)
    assert not corpus.errors
    _same_reports(corpus, st.load_reports(REPORTS))
    assert corpus[0].source == f"{path}, {'row' if kind == 'parquet' else 'line'} 1"
    pd.testing.assert_frame_equal(st.extract_events(corpus), dev_table)


def test_a_bad_line_is_one_error_naming_file_and_line_and_the_rest_are_read(rows, tmp_path):
    path = _jsonl(tmp_path / "crawl.jsonl", rows, bad_after=2)
    with pytest.warns(ReportWarning, match=r"crawl\.jsonl, line 4: not valid JSON"):
        corpus = load_archive(path)
    (error,) = corpus.errors
    # json's wording differs between Python versions; where and why must be said
    assert re.fullmatch(
        rf"{re.escape(str(path))}, line 4: not valid JSON: \w.* at column \d+", str(error)
    )
    assert len(corpus) == len(rows)


_TEXT = "Leaders in Bern\n\nPresident Trump and President Putin met in Bern on Monday.\n"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"id": "a"}, "no article: give its text in 'text' or its page in 'html'"),
        ({"id": "a", "text": "   "}, "no article"),
        ({"id": "a", "text": 17}, "text must be text; got int"),
        ({"id": "a", "text": _TEXT, "outlet": ["A", "B"]}, "outlet must be text; got list"),
        ({"id": "a", "text": _TEXT, "published": "the day after"}, "cannot be read as a date"),
        ({"id": "a", "text": _TEXT, "language": "xx"}, "not a supported language"),
        ({"id": 1.5, "text": _TEXT}, "id must be text or a whole number; got float"),
        ({"id": "first", "text": _TEXT}, "report_id 'first' is already used by"),
        ([_TEXT], "expected a JSON object"),
    ],
)
def test_a_row_that_cannot_be_read_is_named(row, reason, tmp_path):
    path = _jsonl(tmp_path / "crawl.jsonl", [{"id": "first", "text": _TEXT}, row, {"text": _TEXT}])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_archive(path)
    assert len(corpus.errors) == 1
    assert corpus.errors[0].source == f"{path}, line 2"
    assert reason in corpus.errors[0].reason
    assert [r.report_id for r in corpus] == ["first", "crawl-3"]  # no id: file name and row


def test_a_rows_metadata_is_read_as_load_reports_reads_its_options(tmp_path):
    text = (REPORTS / "geneva-2021" / "geneva_en_wire.txt").read_text(encoding="utf-8")
    meta = {
        "outlet": "Lake Courier",
        "url": "https://example.org/2021/06/16/geneva",
        "published": "2021-06-16 21:10",
        "language": "en",
        "timezone": "Europe/Zurich",
    }
    path = _jsonl(tmp_path / "crawl.jsonl", [{"id": "geneva_en_wire", "text": text, **meta}])
    (archived,) = load_archive(path)
    (read,) = st.load_reports(REPORTS / "geneva-2021" / "geneva_en_wire.txt", **meta)
    _same_reports([archived], [read])
    assert archived.outlet == "Lake Courier"
    # the caller's options win over the row's
    (forced,) = load_archive(path, outlet="Desk")
    assert forced.outlet == "Desk"


def test_parquet_times_and_renamed_columns_are_read(tmp_path):
    import datetime as dt

    path = tmp_path / "crawl.parquet"
    when = dt.datetime(2021, 6, 16, 19, 10, tzinfo=dt.UTC)
    _parquet(path, [{"maintext": _TEXT, "date_publish": when, "extra": 1}])
    (report,) = load_archive(path, fields={"maintext": "text", "date_publish": "published"})
    assert report.published == when and report.published_precision == "minute"
    with pytest.raises(ValueError, match=r"fields\['maintext'\] = 'body'"):
        load_archive(path, fields={"maintext": "body"})


def test_an_option_that_cannot_be_used_is_refused_before_any_row(tmp_path):
    path = _jsonl(tmp_path / "crawl.jsonl", [{"text": _TEXT}])
    with pytest.raises(ValueError, match="language="):
        iter_archive(path, language="xx")
    with pytest.raises(TypeError, match="unknown option 'colour'"):
        load_archive(path, colour="red")


def test_a_file_that_is_no_archive_is_one_error(tmp_path):
    path = tmp_path / "crawl.parquet"
    path.write_text("not parquet", encoding="utf-8")
    with pytest.warns(ReportWarning) as caught:
        corpus = load_archive([path, tmp_path / "missing.jsonl"])
    assert [e.source for e in corpus.errors] == [str(path), str(tmp_path / "missing.jsonl")]
    assert "not a Parquet file" in str(caught[0].message)
    assert "missing.jsonl: no such file" in str(caught[1].message)


def test_files_and_archives_make_one_corpus_with_each_id_once(rows, tmp_path):
    path = _jsonl(tmp_path / "crawl.jsonl", rows[:6])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus([REPORTS / "geneva-2021", path])
    assert len(corpus) == 6  # the folder's four, then the archive's two others
    assert [e.reason.split(" is already")[0] for e in corpus.errors] == [
        f"report_id {row['id']!r}" for row in rows[:4]
    ]


# --- a table partitioned by story ---------------------------------------------------------------


def test_a_table_partitioned_by_story_reads_back_equal(dev_table, tmp_path):
    whole = write_table(dev_table, tmp_path / "events.parquet")
    folder = write_table(dev_table, tmp_path / "events", partition_by="story_id")
    stories = sorted(p.name for p in folder.iterdir())
    assert stories == sorted(f"story_id={s}" for s in dev_table.story_id.unique())
    pd.testing.assert_frame_equal(read_partitioned(folder), pd.read_parquet(whole))
    # written again: replaced whole
    write_table(
        dev_table[dev_table.story_id == dev_table.story_id[0]], folder, partition_by="story_id"
    )
    assert len(list(folder.iterdir())) == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_partitioned_write_that_fails_leaves_the_old_table(dev_table, tmp_path, monkeypatch):
    import pyarrow.dataset as ds

    folder = write_table(dev_table, tmp_path / "events", partition_by="story_id")
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    real = ds.write_dataset

    def fail_after_writing(data, base_dir, **options):
        real(data, base_dir, **options)
        raise OSError("disk full")

    monkeypatch.setattr(ds, "write_dataset", fail_after_writing)
    with pytest.raises(OSError, match="disk full"):
        write_table(dev_table.head(3), folder, partition_by="story_id")
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["events"]


def test_a_partitioned_write_never_replaces_a_folder_of_other_files(dev_table, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="not a partitioned table"):
        write_table(dev_table, tmp_path, partition_by="story_id")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    with pytest.raises(ValueError, match="expected a text column"):
        write_table(dev_table, tmp_path / "out", partition_by="duration_min")


def test_the_command_line_reads_an_archive_into_a_partitioned_table(rows, tmp_path, dev_table):
    path = _parquet(tmp_path / "crawl.parquet", rows)
    out = tmp_path / "events"
    argv = ["extract", str(path), "-o", str(out), "--partition-by", "story_id", "--quiet"]
    assert main(argv) == 0
    expected = write_table(dev_table, tmp_path / "dev", partition_by="story_id")
    pd.testing.assert_frame_equal(read_partitioned(out), read_partitioned(expected))
    assert main(["extract", str(path), "-o", str(tmp_path / "e.csv"), "--partition-by", "x"]) == 2
