"""The table's shape, ids and writers."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from conftest import SAMPLES

import summit_timeline as st
from summit_timeline.table.schema import COLUMN_NAMES


def test_columns_are_the_schema(sample_table):
    assert list(sample_table.columns) == list(COLUMN_NAMES)


def test_every_row_points_at_its_sentence(sample_corpus, sample_table):
    texts = {r.report_id: r.text for r in sample_corpus}
    for row in sample_table.itertuples():
        assert texts[row.report_id][row.char_start : row.char_end] == row.sentence
        for ev in row.evidence:
            assert texts[row.report_id][ev["char_start"] : ev["char_end"]] == ev["sentence"]


def test_no_clock_time_the_reports_do_not_give(sample_table):
    assert sample_table.start.isna().all()
    assert set(sample_table.time_precision) <= {"day", "none"}


def test_ids_are_stable_across_processes(sample_table):
    code = (
        "import summit_timeline as st, json;"
        f"t = st.extract_events(st.load_reports({str(SAMPLES)!r}));"
        "print(json.dumps(sorted(zip(t.mention_id, t.event_id))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert json.loads(out.stdout) == [
        list(p) for p in sorted(zip(sample_table.mention_id, sample_table.event_id, strict=True))
    ]


def test_extract_does_not_mutate_and_is_repeatable(sample_corpus, sample_table):
    again = st.extract_events(sample_corpus)
    pd.testing.assert_frame_equal(again, sample_table)


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_write_table_round_trip(tmp_path, sample_table, suffix):
    path = st.write_table(sample_table, tmp_path / f"events{suffix}")
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    if suffix == ".json":
        records = json.loads(path.read_text(encoding="utf-8"))
        assert len(records) == len(sample_table)
        assert records[0]["date"] is None or len(records[0]["date"]) == 10
    elif suffix == ".csv":
        back = pd.read_csv(path)
        assert list(back.columns) == list(COLUMN_NAMES)
        assert json.loads(back.actors[0]) == list(sample_table.actors[0])
    else:
        back = pd.read_parquet(path)
        assert len(back) == len(sample_table)


def test_write_table_refuses_other_tables(tmp_path):
    with pytest.raises(ValueError, match="missing columns"):
        st.write_table(pd.DataFrame({"a": [1]}), tmp_path / "x.csv")
    assert not list(tmp_path.iterdir())


def test_one_failing_report_does_not_stop_the_others(sample_corpus, monkeypatch):
    from summit_timeline.table import build as table_module

    real = table_module.read_report

    def flaky(report, **options):
        if report.report_id.startswith("000"):
            raise RuntimeError("boom")
        return real(report, **options)

    monkeypatch.setattr(table_module, "read_report", flaky)
    with pytest.warns(UserWarning, match="000_a00dd4f110c38dcf"):
        table = st.extract_events(sample_corpus)
    assert set(table.report_id) == {"001_c4231c246326d5c6"}


def test_what_was_wrong_is_noted_on_the_row(tmp_path):
    (tmp_path / "x.md").write_text(
        "---\nlanguage: de\npublished: 12:30\n---\n"
        "Trump und Putin trafen sich in Genf um 25:70 Uhr. Das Gespräch dauerte 99 Stunden.\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match="front matter 'published'"):
        corpus = st.load_reports(tmp_path)
    (row,) = st.extract_events(corpus).itertuples()
    assert row.duration_min is None or row.duration_min != row.duration_min  # not 5940
    notes = " | ".join(row.notes)
    assert "'12:30' cannot be read as a date" in notes
    assert "'25:70 Uhr' is no time of day" in notes
    assert "'99 Stunden' (5940 min) is longer than" in notes


def test_parquet_keeps_the_declared_types(sample_table, tmp_path):
    import pyarrow.parquet as pq

    table = sample_table.assign(author=None, date=None)  # all-empty columns
    path = st.write_table(table, tmp_path / "events.parquet")
    schema = pq.read_schema(path)
    assert str(schema.field("published").type) == "timestamp[us, tz=UTC]"
    assert str(schema.field("date").type) == "date32[day]"
    assert str(schema.field("author").type) in ("string", "large_string")
    back = pd.read_parquet(path)
    expected = sample_table.published.map(lambda v: v.tz_convert("UTC"))
    assert list(back.published) == list(expected)


def test_json_keeps_times_with_their_offset_and_dates_as_dates(sample_table, tmp_path):
    import json

    path = st.write_table(sample_table, tmp_path / "events.json")
    row = json.loads(path.read_text(encoding="utf-8"))[0]
    assert row["published"].startswith("2025-08-16T") and row["published"][-6] in "+-"
    assert row["date"] == "2025-08-15"


def test_progress_moves_within_a_long_report(sample_corpus):
    from summit_timeline.mentions import read_report
    from summit_timeline.reading.load import parse_report

    report = sample_corpus[0]
    long = parse_report(
        "\n\n".join([report.text] * 40), report_id="long", language="de", published="2025-08-16"
    )
    seen: list[int] = []
    read_report(long, progress=seen.append)
    assert len(seen) > 2 and seen == sorted(seen) and seen[-1] > len(long.text) // 2
