"""Corrections kept as data: applied after extraction, surviving rebuilds, stale ones reported."""

from __future__ import annotations

import datetime as dt
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA

import summit_timeline as st
from summit_timeline.table.corrections import (
    CorrectionWarning,
    append_correction,
    read_corrections,
)

GENEVA = DATA / "reports" / "geneva-2021"
FIRST = ("geneva_de_agentur.txt", "geneva_de_landbote.html", "geneva_en_wire.txt")
LATER = "geneva_en_brief.md"

CORRECTIONS = """\
- report: geneva_en_wire
  sentence: Putin then held a news conference of nearly an hour
  set: {duration_min: 55, start: "17:40"}
  by: Anna
  on: 2026-12-01
  why: the wire gives the time in local time
- {report: geneva_en_wire, sentence: He described Biden as, type: talks, drop: true}
- report: geneva_de_agentur
  sentence: Biden folgte wenige Minuten später
  add: {type: arrival, actors: [Biden], place: Geneva, date: 2021-06-16}
- merge:
    - {report: geneva_en_wire, sentence: "The talks, first in a small format", type: talks}
    - {report: geneva_de_agentur, sentence: "Die Gespräche, zunächst im kleinen Kreis"}
    - {report: geneva_de_landbote, sentence: Gut drei Stunden sassen, type: talks}
- {report: geneva_de_landbote, sentence: sehr ausgeglichener, type: press_statement, split: true}
- {report: geneva_de_agentur, sentence: Putins Maschine war um 12.35 Uhr, check: true}
"""


def _folder(tmp_path: Path, names: tuple[str, ...], corrections: str = CORRECTIONS) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(GENEVA / name, folder / name)
    (folder / "corrections.yaml").write_text(corrections, encoding="utf-8")
    return folder


def _table(folder: Path, **options) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return st.extract_events(st.load_reports(folder), **options)


def _row(table: pd.DataFrame, report: str, words: str, kind: str | None = None) -> pd.Series:
    rows = table[
        (table.report_id == report)
        & table.evidence.map(lambda ev: any(words in e["sentence"] for e in ev))
        & ((table.event_type == kind) if kind else True)
    ]
    assert len(rows) == 1, rows[["event_type", "sentence"]]
    return rows.iloc[0]


def _check_applied(table: pd.DataFrame) -> None:
    press = _row(table, "geneva_en_wire", "news conference of nearly an hour")
    assert press.duration_min == 55
    assert press.start.strftime("%H:%M") == "17:40"
    assert press.end - press.start == pd.Timedelta(minutes=55)
    assert press.corrected == ["duration_min", "start"]
    assert press.correction_note == "Anna, 2026-12-01: the wire gives the time in local time"
    dropped = table[
        (table.report_id == "geneva_en_wire")
        & (table.event_type == "talks")
        & table.sentence.str.contains("He described Biden as")
    ]
    assert dropped.empty
    added = _row(table, "geneva_de_agentur", "Biden folgte wenige Minuten später")
    assert (added.event_type, added.status, added.actors) == ("arrival", "occurred", ["Biden"])
    assert (added.place, added.date, added.timezone) == (
        "Geneva",
        dt.date(2021, 6, 16),
        "Europe/Zurich",
    )
    assert added.corrected == ["added"] and added.sentence == "Biden folgte wenige Minuten später."
    assert added.sentence == added_text(added)
    talks = [
        _row(table, "geneva_en_wire", "The talks, first in a small format", "talks"),
        _row(table, "geneva_de_agentur", "Die Gespräche, zunächst im kleinen Kreis", "talks"),
        _row(table, "geneva_de_landbote", "Gut drei Stunden sassen", "talks"),
    ]
    assert len({t.event_id for t in talks}) == 1
    assert all("event_id" in t.corrected for t in talks)
    split = _row(table, "geneva_de_landbote", "sehr ausgeglichener", "press_statement")
    others = table[(table.event_id == split.event_id) & (table.report_id != "geneva_de_landbote")]
    assert others.empty and split.corrected == ["event_id"]
    checked = _row(table, "geneva_de_agentur", "Putins Maschine war um 12.35 Uhr")
    assert checked.corrected == ["checked"]
    untouched = table[table.corrected.map(len) == 0]
    assert len(untouched) > 10  # the rest stays as extracted


def added_text(row: pd.Series) -> str:
    text = st.load_reports(GENEVA / "geneva_de_agentur.txt")[0].text
    return text[row.char_start : row.char_end]


def test_each_kind_of_correction_is_applied_and_survives_a_new_report(tmp_path):
    folder = _folder(tmp_path, FIRST)
    first = _table(folder)
    _check_applied(first)
    assert first.attrs["corrections"] == {"applied": 6, "stale": []}
    shutil.copy(GENEVA / LATER, folder / LATER)
    again = _table(folder)
    _check_applied(again)
    assert "geneva_en_brief" in set(again.report_id)
    assert again.attrs["corrections"] == {"applied": 6, "stale": []}


def test_without_the_file_nothing_is_corrected(tmp_path):
    folder = _folder(tmp_path, FIRST)
    plain = _table(folder, corrections=False)
    assert plain.corrected.map(len).sum() == 0
    assert _row(plain, "geneva_en_wire", "news conference of nearly an hour").duration_min != 55


def test_a_stale_correction_is_reported_and_changes_nothing(tmp_path):
    stale = (
        "- {report: geneva_en_wire, sentence: words no report has, set: {duration_min: 10}}\n"
        "- {report: gone_report, sentence: anything, drop: true}\n"
        "- {report: geneva_en_wire, sentence: Putin, set: {duration_min: 10}}\n"
    )
    folder = _folder(tmp_path, FIRST, stale)
    plain = _table(folder, corrections=False)
    with pytest.warns(CorrectionWarning) as caught:
        table = st.extract_events(st.load_reports(folder))
    messages = [str(w.message) for w in caught if issubclass(w.category, CorrectionWarning)]
    assert len(messages) == 3
    assert all("corrections.yaml, entry" in m for m in messages)
    assert "words no report has" in messages[0] and "gone_report" in messages[1]
    assert "add type:" in messages[2] or "matches" in messages[2]  # ambiguous: never a guess
    columns = [c for c in table.columns if c not in ("corrected", "correction_note")]
    pd.testing.assert_frame_equal(table[columns], plain[columns])
    assert table.attrs["corrections"]["applied"] == 0


def test_invalid_entries_are_named_and_the_others_applied(tmp_path):
    text = (
        "- {report: geneva_en_wire, sentence: news conference of nearly an hour,"
        " set: {duration_min: soon}}\n"
        "- {report: geneva_en_wire, sentence: x, colour: red, drop: true}\n"
        "- {report: geneva_de_agentur, sentence: Putins Maschine war, check: true}\n"
    )
    entries, problems = read_corrections(_folder(tmp_path, FIRST, text) / "corrections.yaml")
    assert len(entries) == 1 and len(problems) == 2
    assert "entry 1" in problems[0] and "soon" in problems[0]
    assert "entry 2" in problems[1] and "colour" in problems[1]
    table = _table(tmp_path / "reports")
    assert _row(table, "geneva_de_agentur", "Putins Maschine war").corrected == ["checked"]


def test_values_are_read_as_written_not_guessed():
    # YAML 1.1 would read 17:40 as the number 1060 and "no" as False
    path = Path(__file__).parent / "data" / "corrections-values.yaml"
    entries, problems = read_corrections(path)
    assert problems == []
    (entry,) = entries
    assert entry.values["start"] == dt.time(17, 40)
    assert entry.values["duration_hedge"] == "no"


def test_corrections_written_by_the_review_are_read_back(tmp_path):
    path = tmp_path / "corrections.yaml"
    entry = {
        "report": "geneva_en_wire",
        "sentence": "news conference of nearly an hour",
        "set": {"duration_min": 55.0, "start": dt.time(17, 40), "date": dt.date(2021, 6, 16)},
        "by": "Anna",
    }
    append_correction(path, entry)
    append_correction(path, {"report": "geneva_en_wire", "sentence": "He described", "drop": True})
    entries, problems = read_corrections(path)
    assert problems == [] and [e.action for e in entries] == ["set", "drop"]
    assert entries[0].values == {
        "duration_min": 55.0,
        "start": dt.time(17, 40),
        "date": dt.date(2021, 6, 16),
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corrections.yaml"]  # no temp file left


def test_the_command_line_applies_the_same_corrections_and_counts_them(tmp_path):
    import json
    import subprocess
    import sys

    folder = _folder(
        tmp_path, FIRST, CORRECTIONS + "- {report: geneva_en_wire, sentence: gone, drop: true}\n"
    )
    script = Path(sys.executable).parent / "summit-timeline"
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "summit_timeline.cli"]
    out = tmp_path / "events.json"
    run = subprocess.run(
        [*cli, "extract", str(folder), "-o", str(out), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "corrections: 6 applied, 1 stale" in run.stderr
    assert "corrections.yaml, entry 7" in run.stderr and "«gone»" in run.stderr
    written = pd.DataFrame(json.loads(out.read_text(encoding="utf-8")))
    library = _table(folder)
    key = ["mention_id", "event_id", "duration_min", "correction_note"]
    pd.testing.assert_frame_equal(
        written[key].sort_values("mention_id").reset_index(drop=True),
        library[key].sort_values("mention_id").reset_index(drop=True),
        check_dtype=False,
    )
    assert (
        written.corrected.map(tuple).tolist()
        == library.set_index("mention_id").loc[written.mention_id, "corrected"].map(tuple).tolist()
    )
    plain = subprocess.run(
        [
            *cli,
            "extract",
            str(folder),
            "-o",
            str(tmp_path / "p.csv"),
            "--quiet",
            "--no-corrections",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert plain.returncode == 0 and "corrections:" not in plain.stderr


def test_two_mentions_of_one_type_in_a_sentence_are_told_apart_by_their_trigger(tmp_path):
    sentence = "The two leaders shook hands at the entrance"
    text = (
        f"- {{report: geneva_en_wire, sentence: {sentence}, type: arrival, check: true}}\n"
        f"- {{report: geneva_en_wire, sentence: {sentence}, trigger: welcomed, check: true}}\n"
    )
    folder = _folder(tmp_path, FIRST, text)
    with pytest.warns(CorrectionWarning, match="add trigger: to choose one"):
        table = st.extract_events(st.load_reports(folder))
    rows = table[table.sentence.str.startswith("The two leaders shook hands")]
    checked = rows[rows.corrected.map(len) > 0]
    assert checked.trigger.tolist() == ["welcomed"]


def test_appending_keeps_what_a_person_wrote(tmp_path):
    path = tmp_path / "corrections.yaml"
    written = (
        "# checked against the wire on Monday\n- {report: a, sentence: b, drop: true}  # wrong\n"
    )
    path.write_text(written, encoding="utf-8")
    append_correction(path, {"report": "a", "sentence": "c", "check": True, "why": None})
    text = path.read_text(encoding="utf-8")
    assert text.startswith(written)
    assert "check: true" in text and "why: null" in text
    entries, problems = read_corrections(path)
    assert problems == [] and [e.action for e in entries] == ["drop", "check"]
    assert entries[1].note is None
