"""The command line, run as a user runs it: as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
from conftest import SAMPLES
from tables import GIFT, GIFT_LABEL, SUMMITS, gift_knowledge

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


_GIFTS = {
    "courier.md": (
        "---\noutlet: Courier\npublished: 2026-03-02 19:30\nlanguage: en\n---\n"
        "President Donald Trump met President Emmanuel Macron for talks in Bern on Monday.\n\n"
        "Afterwards Trump and Macron exchanged gifts.\n"
    ),
    "herald.md": (
        "---\noutlet: Herald\npublished: 2026-03-02 20:00\nlanguage: en\n---\n"
        "Donald Trump and Emmanuel Macron held talks in Bern on Monday.\n\n"
        "Then Trump and Macron exchanged gifts.\n"
    ),
}


def _gift_reports(folder: Path) -> Path:
    folder.mkdir()
    for name, text in _GIFTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_data_folders_reach_reading_extraction_and_the_page(tmp_path, monkeypatch):
    words = tmp_path / "words"
    gift_knowledge(words)
    reports = _gift_reports(tmp_path / "reports")
    plain, mine = tmp_path / "plain", tmp_path / "mine"
    monkeypatch.delenv("SUMMIT_TIMELINE_DATA", raising=False)
    assert _run("build", str(reports), "--out", str(plain), "--quiet").returncode == 0
    result = _run("build", str(reports), "--out", str(mine), "--data", str(words), "--quiet")
    assert result.returncode == 0, result.stderr
    assert GIFT not in set(pd.read_csv(plain / "events.csv").event_type)
    table = pd.read_csv(mine / "events.csv")
    assert set(table.loc[table.event_type == GIFT, "outlet"]) == {"Courier", "Herald"}
    # the page labels the added type as the added ontology says
    assert GIFT_LABEL in (mine / "timeline.html").read_text(encoding="utf-8")
    assert GIFT_LABEL not in (plain / "timeline.html").read_text(encoding="utf-8")
    timelinejs = json.loads((mine / "timeline.json").read_text(encoding="utf-8"))
    assert GIFT_LABEL in {slide["group"] for slide in timelinejs["events"]}


def test_the_data_variable_still_counts(tmp_path, monkeypatch):
    words = tmp_path / "words"
    gift_knowledge(words)
    reports = _gift_reports(tmp_path / "reports")
    monkeypatch.setenv("SUMMIT_TIMELINE_DATA", str(words))
    out = tmp_path / "events.csv"
    assert _run("extract", str(reports), "-o", str(out), "--quiet").returncode == 0
    assert GIFT in set(pd.read_csv(out).event_type)


def test_a_missing_data_folder_is_named(tmp_path):
    missing = tmp_path / "no-words"
    result = _run("extract", str(SAMPLES), "-o", str(tmp_path / "x.csv"), "--data", str(missing))
    assert result.returncode == 2
    assert "no-words" in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_build_of_several_summits_offers_the_stories(tmp_path):
    result = _run("build", *map(str, SUMMITS), "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "story_id" in result.stdout.splitlines()[0]
    page = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    assert 'id="all-stories"' in page and '"name":"stories"' in page
    for place in ("Singapore", "Geneva", "Helsinki"):
        assert f"<h3>{place}, " in page, place
