"""The explorer's review mode, driven through its widget objects (no browser, no kernel): a mark
or a row opens the mention's report, and each edit is written to the corrections file beside the
reports and redrawn; what cannot be written says why and leaves the file alone."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pytest
from conftest import DATA
from plotly.callbacks import Points
from tables import alaska_table, visible_mentions

import summit_timeline as st
from summit_timeline.table.corrections import Correction, read_corrections
from summit_timeline.views.explorer import TimelineExplorer

GENEVA = DATA / "reports" / "geneva-2021"
PRESS = "Putin then held a news conference of nearly an hour"
FIRST = "Putin spoke to reporters first."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the Geneva reports: the review writes its corrections beside them."""
    return Path(shutil.copytree(GENEVA, tmp_path / "geneva-2021"))


@pytest.fixture
def explorer(folder: Path) -> TimelineExplorer:
    corpus = st.load_reports(folder)
    return TimelineExplorer(st.extract_events(corpus), corpus=corpus)


def _id(explorer: TimelineExplorer, words: str) -> str:
    table = explorer.table
    rows = table[table["sentence"].str.contains(words, regex=False)]
    assert len(rows) == 1, words
    return str(rows["mention_id"].iloc[0])


def _click(explorer: TimelineExplorer, mention_id: str) -> None:
    """A click on the mention's mark, as plotly's widget reports it to the kernel."""
    for number, trace in enumerate(explorer.figure.data):
        ids = list(trace.customdata or ())
        if mention_id in ids:
            index = ids.index(mention_id)
            points = Points(point_inds=[index], xs=[0], ys=[0], trace_name=trace.name,
                            trace_index=number)  # fmt: skip
            trace._dispatch_on_click(points, None)
            return
    raise AssertionError(f"no mark of {mention_id}")


def _mark(explorer: TimelineExplorer, mention_id: str) -> tuple[str, str] | None:
    """The text beside a mention's mark and its hover, or None when it has no mark."""
    for trace in explorer.figure.data:
        ids = list(trace.customdata or ())
        if mention_id in ids:
            index = ids.index(mention_id)
            text = trace.text[index] if isinstance(trace.text, tuple) else ""
            return text or "", trace.hovertext[index]
    return None


def _entries(folder: Path) -> list[Correction]:
    entries, problems = read_corrections(folder / "corrections.yaml")
    assert problems == []
    return entries


def test_without_the_reports_review_says_how_to_get_it() -> None:
    explorer = TimelineExplorer(alaska_table())
    explorer.review_button.value = True
    assert explorer.review_box.layout.display == "flex"
    said = " ".join(getattr(w, "value", "") for w in explorer.review_box.children)
    assert "corpus=" in said and "load_reports" in said
    explorer.select("a-2")
    assert explorer.selected == "a-2"
    assert explorer.save() is False and explorer.corrections is None


def test_a_click_on_a_mark_opens_its_report_at_the_sentence(explorer: TimelineExplorer) -> None:
    press = _id(explorer, PRESS)
    assert explorer.review_button.value is False
    _click(explorer, press)
    assert explorer.selected == press and explorer.review_button.value is True
    shown = explorer.report_view.value
    assert shown.count('class="st-sentence"') == 1
    sentence = shown.split('class="st-sentence"')[1].split("</span>")[0]
    assert PRESS in re.sub(r"<[^>]+>", "", sentence)
    assert ">news conference</mark>" in sentence and ">nearly an hour</mark>" in sentence
    assert "Biden and Putin agree to return envoys" in shown, "the whole report"
    inputs = {name: control.value for name, control in explorer.form.inputs.items()}
    assert inputs["duration_min"] == "60" and inputs["start"] == "17:40"
    assert inputs["event_type"] == "press_statement" and inputs["actors"] == "Putin"
    assert explorer.table_view.selected == press
    assert explorer.mention_select.value == press


def test_a_new_duration_is_written_beside_the_reports_and_redrawn(
    explorer: TimelineExplorer, folder: Path
) -> None:
    press = _id(explorer, PRESS)
    explorer.table_view.selected = press  # a click on its row
    explorer.form.inputs["duration_min"].value = "55"
    explorer.form.by.value = "Anna"
    explorer.form.why.value = "nearly an hour"
    assert explorer.save() is True
    (entry,) = _entries(folder)
    assert entry.action == "set" and entry.targets[0].report == "geneva_en_wire"
    assert dict(entry.values) == {"duration_min": 55.0, "duration_hedge": None}
    assert entry.note.startswith("Anna, ") and entry.note.endswith(": nearly an hour")
    row = explorer.table.set_index("mention_id").loc[press]
    assert row["duration_min"] == 55 and list(row["corrected"]) == [
        "duration_min",
        "duration_hedge",
    ]
    text, hover = _mark(explorer, press)
    assert text == "✎ 55 min" and "Corrected by a person: duration, hedge (Anna, " in hover
    notes = " ".join(a.text for a in explorer.figure.layout.annotations)
    assert "✎ corrected by a person · ✓ checked by a person" in notes, "the key to the signs"
    assert "✎ corrected by a person: duration, hedge" in explorer.table_view.value
    assert "entry 1" in explorer.review_message.value
    assert "1 corrections applied, 0 stale" in explorer.review_message.value
    assert explorer.form.inputs["duration_min"].value == "55", "the form shows the new value"
    assert explorer.form.why.value == "" and explorer.form.by.value == "Anna"


def test_a_dropped_row_leaves_the_table_and_the_figure(
    explorer: TimelineExplorer, folder: Path
) -> None:
    first = _id(explorer, FIRST)
    before = len(explorer.table)
    explorer.select(first)
    explorer.form.drop.click()
    assert explorer.form.confirm.layout.display == "flex", "a drop is asked first"
    explorer.form.confirm_drop.click()
    assert [e.action for e in _entries(folder)] == ["drop"]
    assert len(explorer.table) == before - 1 and first not in set(explorer.table["mention_id"])
    assert first not in visible_mentions(explorer.figure.data)
    assert f'data-mention="{first}"' not in explorer.table_view.value
    assert explorer.selected is None and explorer.report_view.value == ""


def test_a_checked_row_is_marked(explorer: TimelineExplorer) -> None:
    press = _id(explorer, PRESS)
    explorer.select(press)
    assert explorer.mark_checked() is True
    text, hover = _mark(explorer, press)
    assert text.startswith("✓") and "Checked by a person" in hover
    assert "✓ checked by a person" in explorer.table_view.value


def test_what_cannot_be_written_says_why_and_leaves_the_file_alone(
    explorer: TimelineExplorer, folder: Path
) -> None:
    explorer.select(_id(explorer, PRESS))
    day = explorer.form.inputs["date"].value
    explorer.form.inputs["date"].value = "2021-13-01"
    assert explorer.save() is False
    assert "is no date" in explorer.review_message.value
    explorer.form.inputs["date"].value = day
    assert explorer.save() is False and "Nothing changed" in explorer.review_message.value
    # two arrivals the extractor read from one sentence: a file cannot tell them apart
    table = explorer.table
    shared = table[table["trigger"].isin(["shook hands", "welcomed"])]
    assert shared["sentence"].nunique() == 1 and len(shared) == 2
    explorer.select(str(shared["mention_id"].iloc[0]))
    assert explorer.mark_checked() is False
    assert "cannot single this one out" in explorer.review_message.value
    assert not (folder / "corrections.yaml").exists()


def test_a_rebuild_keeps_the_filters_and_applies_the_corrections_found(folder: Path) -> None:
    (folder / "corrections.yaml").write_text(
        f"- {{report: geneva_en_brief, sentence: {FIRST}, type: press_statement, check: true}}\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = st.load_reports(folder)
        explorer = TimelineExplorer(st.extract_events(corpus), corpus=corpus)
    assert explorer.corrections == folder / "corrections.yaml"
    outlet = sorted(explorer.outlet_boxes)[0]
    explorer.outlet_boxes[outlet].value = False
    explorer.status_filter.value = ("occurred",)
    explorer.select(_id(explorer, PRESS))
    explorer.form.inputs["place"].value = "Genf"
    assert explorer.save() is True
    assert explorer.outlet_boxes[outlet].value is False
    assert explorer.status_filter.value == ("occurred",)
    assert [e.action for e in _entries(folder)] == ["check", "set"]
    assert "2 corrections applied, 0 stale" in explorer.review_message.value
