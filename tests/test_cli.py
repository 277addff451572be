"""The command line, run as a user runs it: as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
from conftest import SAMPLES

_SCRIPT = Path(sys.executable).parent / "summit-timeline"
# the installed console script when there is one (as a user runs it), else the module
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "summit_timeline.cli"]


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def test_extract_writes_csv_and_prints_the_table(tmp_path):
    out = tmp_path / "events.csv"
    result = _run("extract", str(SAMPLES), "-o", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(out)
    assert {"event_id", "sentence", "char_start"} <= set(table.columns)
    assert set(table.event_type) >= {"talks", "press_statement", "invitation", "departure"}
    assert "events ->" in result.stdout


def test_extract_json_and_parquet_by_suffix(tmp_path):
    for suffix in (".json", ".parquet"):
        out = tmp_path / f"events{suffix}"
        result = _run("extract", str(SAMPLES), "-o", str(out), "--quiet")
        assert result.returncode == 0, result.stderr
        table = pd.read_json(out) if suffix == ".json" else pd.read_parquet(out)
        assert len(table) == 11
    records = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    assert all(isinstance(r["actors"], list) for r in records)


def test_bad_report_is_named_others_still_written(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for f in SAMPLES.glob("*.txt"):
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\xff binary")
    out = tmp_path / "events.csv"
    result = _run("extract", str(folder), "-o", str(out), "--quiet")
    assert result.returncode == 1
    assert "broken.txt" in result.stderr
    assert len(pd.read_csv(out)) == 11


def test_unknown_suffix_is_refused_and_nothing_written(tmp_path):
    out = tmp_path / "events.xlsx"
    result = _run("extract", str(SAMPLES), "-o", str(out), "--quiet")
    assert result.returncode == 2
    assert ".csv, .parquet or .json" in result.stderr
    assert not out.exists()
    assert not list(tmp_path.iterdir())


def test_missing_input_fails_clearly(tmp_path):
    result = _run("extract", str(tmp_path / "nothing-here"), "-o", str(tmp_path / "x.csv"))
    assert result.returncode == 2
    assert "nothing-here" in result.stderr
