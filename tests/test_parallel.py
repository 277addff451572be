"""Extraction on a Dask cluster gives the table of one process: every id, every column.

One real cluster of two worker processes serves the module (``tests/data/reports``: four
summits, sixteen reports in three forms).
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA, SAMPLES
from distributed import Client, LocalCluster
from test_cli import CLI
from test_corrections import CORRECTIONS, GENEVA

import summit_timeline as st
from summit_timeline.table import parallel


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def client(cluster):
    with Client(cluster, set_as_default=False) as client:
        yield client


@pytest.fixture(scope="module")
def corpus():
    return st.load_reports(DATA / "reports")


#: The command line as a user runs it (``tests/test_cli.py``), on a small corpus of two summits.
_CLI_REPORTS = (str(DATA / "reports" / "geneva-2021"), str(SAMPLES))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300)


def _loaded_on_worker() -> int:
    return len(parallel._LOADED)


def test_the_cluster_gives_the_table_of_one_process(client, corpus, dev_table):
    table = st.extract_events(corpus, scheduler=client, progress=True)
    pd.testing.assert_frame_equal(table, dev_table)
    assert table["story_id"].nunique() >= 4
    # both workers read reports, each with the words it loaded once
    assert set(client.run(_loaded_on_worker).values()) == {1}


def test_the_samples_and_the_test_reports_together_give_the_table_of_one_process(client):
    corpus = st.load_reports([SAMPLES, DATA / "reports"])
    pd.testing.assert_frame_equal(
        st.extract_events(corpus, scheduler=client), st.extract_events(corpus)
    )


def test_a_scheduler_address_and_corrections_give_the_same_table(cluster, tmp_path):
    folder = tmp_path / "geneva"
    shutil.copytree(GENEVA, folder)
    (folder / "corrections.yaml").write_text(CORRECTIONS, encoding="utf-8")
    corpus = st.load_reports(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        serial = st.extract_events(corpus)
        table = st.extract_events(corpus, scheduler=cluster.scheduler_address)
    pd.testing.assert_frame_equal(table, serial)
    assert table.attrs["corrections"] == serial.attrs["corrections"]
    assert table.attrs["corrections"]["applied"] > 0


_TRIGGER = "lexicons/en/events.yaml", "triggers:\n  talks: [parleyed]\n"
_REPORT = (
    "---\noutlet: Courier\npublished: 2026-03-02 19:30\nlanguage: en\n---\n"
    "Leaders in Bern\n\n"
    "President Donald Trump and President Vladimir Putin parleyed for about three hours in "
    "Bern on Monday.\n"
)


def test_workers_read_with_the_clients_folder_of_additions(client, tmp_path):
    words = tmp_path / "my_words"
    (words / _TRIGGER[0]).parent.mkdir(parents=True)
    (words / _TRIGGER[0]).write_text(_TRIGGER[1], encoding="utf-8")
    (tmp_path / "courier.md").write_text(_REPORT, encoding="utf-8")
    corpus = st.load_reports(tmp_path / "courier.md")
    mine = st.load_knowledge(words)
    serial = st.extract_events(corpus, knowledge=mine)
    assert "talks" in set(serial.event_type)  # only the added word says so
    pd.testing.assert_frame_equal(
        st.extract_events(corpus, knowledge=mine, scheduler=client), serial
    )


def test_a_report_that_fails_is_named_and_the_others_kept(client, corpus):
    broken = dataclasses.replace(corpus[0], report_id="broken", language="xx")
    reports = [broken, *corpus[1:4]]
    with pytest.warns(UserWarning, match="event extraction failed") as serial_warnings:
        serial = st.extract_events(reports)
    with pytest.warns(UserWarning, match="event extraction failed") as cluster_warnings:
        table = st.extract_events(reports, scheduler=client)
    pd.testing.assert_frame_equal(table, serial)
    assert [str(w.message) for w in cluster_warnings] == [str(w.message) for w in serial_warnings]
    assert "broken" not in set(table.report_id)


def test_the_command_line_writes_the_same_table_with_workers(tmp_path):
    one = _cli("extract", *_CLI_REPORTS, "-o", str(tmp_path / "one.csv"), "--quiet")
    assert one.returncode == 0, one.stderr
    two = _cli("extract", *_CLI_REPORTS, "-o", str(tmp_path / "two.csv"), "--workers", "2")
    assert two.returncode == 0, two.stderr
    assert (tmp_path / "two.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()
    assert two.stdout.replace("two.csv", "one.csv") == one.stdout  # the printed table too
    assert "warning" not in two.stderr  # a cluster's own talk stays out of the user's way


def test_the_command_line_builds_on_a_running_cluster(cluster, tmp_path):
    serial = _cli("extract", *_CLI_REPORTS, "-o", str(tmp_path / "one.csv"), "--quiet")
    assert serial.returncode == 0, serial.stderr
    at = cluster.scheduler_address
    built = _cli("build", *_CLI_REPORTS, "-o", str(tmp_path / "site"), "--scheduler", at)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site" / "events.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("tcp://127.0.0.1:1", "cannot reach the Dask scheduler at tcp://127.0.0.1:1"),
        ("localhost", "scheduler address 'localhost'"),
    ],
)
def test_the_command_line_names_a_scheduler_it_cannot_use_before_reading(address, words, tmp_path):
    out = tmp_path / "events.csv"
    done = _cli("extract", str(DATA / "reports"), "-o", str(out), "--scheduler", address)
    assert done.returncode == 2
    assert f"summit-timeline: {words}" in done.stderr
    assert "reading reports" not in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_the_command_line_refuses_a_number_of_workers_that_is_none():
    done = _cli("extract", str(DATA / "reports"), "-o", "x.csv", "--workers", "0")
    assert done.returncode == 2 and "expected a number of workers, 1 or more" in done.stderr


@pytest.mark.parametrize(
    ("scheduler", "error", "words"),
    [
        (2.5, TypeError, "scheduler must be"),
        (0, ValueError, "1 or more"),
        ("localhost", ValueError, "missing port"),
        ("tcp://127.0.0.1:1", OSError, "cannot reach the Dask scheduler at tcp://127.0.0.1:1"),
    ],
)
def test_a_scheduler_that_cannot_be_used_is_named(corpus, scheduler, error, words):
    with pytest.raises(error, match=words):
        st.extract_events(corpus[:1], scheduler=scheduler)


def test_a_worker_with_other_words_refuses_to_read():
    words = parallel.Words((), "0" * 64)
    with pytest.raises(RuntimeError, match="other words than the client"):
        parallel.worker_knowledge(words)


def test_partitions_are_consecutive_and_about_equally_long(corpus):
    reports = list(corpus)
    for count in (1, 3, 5, len(reports), 100):
        parts = parallel.partitions(reports, count)
        assert [r for part in parts for r in part] == reports
        assert all(parts) and len(parts) <= count
    lengths = [sum(len(r.text) for r in part) for part in parallel.partitions(reports, 4)]
    assert max(lengths) < 2 * min(lengths)


def test_the_garbage_collector_is_left_as_it_was(client, corpus):
    import gc

    assert gc.isenabled()
    st.extract_events(corpus[:2], scheduler=client)
    assert gc.isenabled()
    gc.disable()
    try:
        st.extract_events(corpus[:2], scheduler=client)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_row_that_travels_keeps_what_the_client_needs(corpus):
    from summit_timeline.knowledge import resolve
    from summit_timeline.table.build import _report_rows

    _, rows = _report_rows(corpus[0], resolve(None))
    moved = parallel._portable(rows[0])
    assert "_report" not in moved and set(moved) == set(rows[0]) - {"_report"}
    m = moved["_mention"]
    assert (m.kind, m.status, m.actors, m.place, m.times, m.duration) == (
        rows[0]["_mention"].kind,
        rows[0]["_mention"].status,
        rows[0]["_mention"].actors,
        rows[0]["_mention"].place,
        rows[0]["_mention"].times,
        rows[0]["_mention"].duration,
    )
    assert not m.evidence and m.context is None


def test_reports_travel_without_their_raw_file(corpus):
    moved = parallel._travelling(corpus[1])
    assert moved.raw == "" and not moved.offsets and moved.text == corpus[1].text
    assert Path(corpus[1].source).suffix == ".html"
