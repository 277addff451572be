"""The command line, run as a user runs it: as a subprocess."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
from conftest import SAMPLES
from tables import GIFT, GIFT_LABEL, SUMMITS, gift_knowledge, unpacked

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
    page = unpacked(
        (tmp_path / "timeline.html").read_text(encoding="utf-8")
    )  # other stories packed
    assert 'id="all-stories"' in page
    menu = re.search(r'<select id="story-select">(.*?)</select>', page, re.S)
    assert menu is not None  # the three summits and the meetings their reports recall
    for place in ("Singapore", "Geneva", "Helsinki"):
        assert f"<h3>{place}, " in page, place
        assert place in menu.group(1), place


# --- one way to say where outputs go, checked before reading -----------------------------------


def test_every_command_writes_where_dash_o_and_dash_dash_out_say():
    from summit_timeline.cli import _parser

    for command, out in (("extract", "t.csv"), ("build", "site"), ("lesson", "l.html")):
        for flag in ("-o", "--out"):
            args = _parser().parse_args([command, "reports", flag, out])
            assert args.out == Path(out)


def test_build_with_dash_o(tmp_path):
    result = _run("build", str(SAMPLES), "-o", str(tmp_path / "site"), "--quiet")
    assert result.returncode == 0, result.stderr
    assert {p.name for p in (tmp_path / "site").iterdir()} == {
        "events.csv",
        "timeline.html",
        "timeline.json",
    }


def test_version():
    from summit_timeline import __version__

    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"summit-timeline {__version__}"


def test_an_output_that_cannot_be_written_is_refused_before_any_report_is_read(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    cases = [
        ("extract", blocker / "events.csv", "a-file"),
        ("build", blocker, "not a folder"),
        ("lesson", tmp_path / "lesson.pdf", ".html"),
        ("extract", tmp_path, "is a folder"),
    ]
    for command, out, reason in cases:
        result = _run(command, str(SAMPLES), "-o", str(out))
        assert result.returncode == 2, (command, result.stderr)
        assert str(out) in result.stderr and reason in result.stderr
        assert result.stdout == ""  # no table printed: nothing was extracted
        assert "%" not in result.stderr  # and no progress bar started
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_failed_write_names_the_path_given_not_a_temporary_file(tmp_path):
    from summit_timeline.files import write_text_atomic

    target = tmp_path / "events.csv"
    target.mkdir()
    (target / "keep").write_text("x", encoding="utf-8")  # a folder that cannot be replaced
    try:
        write_text_atomic(target, "a,b\n")
    except OSError as exc:
        message = str(exc)
    else:
        raise AssertionError("writing over a folder should fail")
    assert str(target) in message and ".tmp" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]


def test_warnings_are_printed_once_in_the_commands_words(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for f in SAMPLES.glob("*.txt"):
        text = f.read_text(encoding="utf-8")
        (folder / f.name).write_text(text, encoding="utf-8")
        (folder / f"copy-of-{f.name}").write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\xff binary")
    result = _run("extract", str(folder), "-o", str(tmp_path / "events.csv"))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "summit-timeline:" in line]
    assert lines and len(lines) == len(set(lines))
    assert all(line.startswith("summit-timeline: warning: ") for line in lines)
    assert sum("broken.txt" in line for line in lines) == 1
    assert any("copy-of-" in line for line in lines)  # the duplicates are flagged
    # no Python warning lines ("file.py:12: ReportWarning: ...", "warnings.warn(")
    assert "Warning:" not in result.stderr and "warnings.warn" not in result.stderr


def test_a_forced_language_that_finds_nothing_gives_a_hint(tmp_path):
    report = tmp_path / "en.txt"
    report.write_text(
        "Leaders meet in Geneva\n\nPresident Joe Biden and President Vladimir Putin held talks "
        "in Geneva on Wednesday. The talks lasted about four hours.\n",
        encoding="utf-8",
    )
    forced = _run("extract", str(report), "-o", str(tmp_path / "de.csv"), "--language", "de")
    assert "hint" in forced.stderr and "en.txt" in forced.stderr and "en" in forced.stderr
    detected = _run("extract", str(report), "-o", str(tmp_path / "en.csv"))
    assert detected.returncode == 0 and "hint" not in detected.stderr
    assert "talks" in detected.stdout


def test_the_printed_table_says_not_stated_without_nan_or_none(tmp_path):
    result = _run("extract", str(SAMPLES), "-o", str(tmp_path / "events.csv"), "--quiet")
    assert result.returncode == 0
    assert "NaN" not in result.stdout and "None" not in result.stdout
    assert "[" not in result.stdout  # actors as names, not a Python list
