"""Timelines of an archive: one story or day drawn at a time, bounded figures, WebGL marks past
a count, paged tables, and differences that never list each silent outlet.

The tables are generated (``benchmarks/bench_render.py``: ``event_table``, schema-valid, many
stories, outlets and days), not extracted, so that thousands of events take a second.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import re
from functools import cache
from types import ModuleType

import pandas as pd
import pytest
from conftest import ROOT
from test_export import data_blocks

from summit_timeline import compare
from summit_timeline.views import figures, marks, parts
from summit_timeline.views.chronology import chronology
from summit_timeline.views.export import to_html
from summit_timeline.views.html_tables import PAGE_ROWS, events_table_html
from summit_timeline.views.stories import story_list


@cache
def _bench() -> ModuleType:
    path = ROOT / "benchmarks" / "bench_render.py"
    spec = importlib.util.spec_from_file_location("bench_render", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def archive_table(events: int, stories: int | None = None) -> pd.DataFrame:
    """A generated event table of ``events`` events (see ``bench_render.event_table``)."""
    return _bench().event_table(events, stories=stories)


@pytest.fixture(scope="module")
def long_story() -> pd.DataFrame:
    """One story of 300 events over 5 days (the generator's first story), alone."""
    table = archive_table(1500)
    main = story_list(table)[0].story_id
    return table[table["story_id"] == main]


def test_the_generated_table_is_an_archive() -> None:
    table = archive_table(1000)
    assert table["event_id"].nunique() == 1000
    assert table["story_id"].nunique() >= 20
    assert table["outlet"].nunique() >= 12
    assert table.equals(_bench().event_table(1000)), "the same arguments, the same table"


def test_a_long_story_is_drawn_day_by_day(long_story: pd.DataFrame) -> None:
    story = story_list(long_story)[0]
    chrono = chronology(long_story)
    found = parts.story_parts(story, chrono)
    assert len(found) == 5 and not any(p.whole for p in found)
    assert [p.day for p in found] == sorted(p.day for p in found)
    assert sum(len(p.events) for p in found) == long_story["event_id"].nunique()
    assert found[0].label.endswith(f"({len(found[0].events)} events)")
    assert found[0].key == f"{story.story_id}@{found[0].day.isoformat()}"
    short = long_story[long_story["event_id"].isin(found[0].events)]
    assert [p.whole for p in parts.story_parts(story, chronology(short))] == [True]


def test_a_day_is_drawn_on_an_axis_of_its_own(long_story: pd.DataFrame) -> None:
    chrono = chronology(long_story)
    day = parts.story_parts(story_list(long_story)[0], chrono)[2]
    cut = parts.part_chronology(long_story, chrono, day)
    assert {b.day for b in cut.blocks} == {day.day}
    assert set(cut.events) == set(day.events)
    hours = [text for _, text in cut.ticks if ":" in text]
    assert len(hours) == len(set(hours)), "a day's clock hours once, not stretched over weeks"
    assert (
        parts.part_chronology(
            long_story, chrono, parts.story_parts(story_list(long_story)[0], chrono)[0]
        )
        is not chrono
    )


def test_a_day_that_is_not_the_storys_is_refused_by_name(long_story: pd.DataFrame) -> None:
    story = story_list(long_story)[0]
    with pytest.raises(ValueError, match=r"no day of the story .*; its days: 2000-01-03"):
        parts.day_part(story, chronology(long_story), dt.date(1999, 1, 1))
    with pytest.raises(ValueError, match="must be a date"):
        parts.as_day("yesterday")


def test_a_day_of_many_rows_has_a_bounded_figure_that_pans(long_story: pd.DataFrame) -> None:
    chrono = chronology(long_story)
    day = parts.story_parts(story_list(long_story)[0], chrono)[0]
    figure = figures.timeline_figure(
        parts.part_rows(long_story, day), placement=parts.part_chronology(long_story, chrono, day)
    )
    rows = len(figure.layout.yaxis.tickvals)
    assert rows == len(day.events) > 30
    assert figure.layout.height <= figures.MAX_FIGURE_PX
    low, high = figure.layout.yaxis.range
    assert high == -0.5 and figures.MIN_ROWS_SHOWN <= low + 0.5 < rows
    assert figure.layout.dragmode == "pan"
    notes = " ".join(a.text for a in figure.layout.annotations)
    assert f"{rows} rows: drag the plot up or down" in notes
    # many outlets: no button per outlet (a row of forty), the legend's double-click instead
    outlets = {m.get("outlet") for m in (t.meta for t in figure.data) if m}
    assert len(outlets) > figures.BUTTON_OUTLETS
    labels = [b.label for b in figure.layout.updatemenus[0].buttons]
    assert labels == ["All outlets", "Reported by one outlet only"]


def test_a_figure_of_many_marks_is_drawn_with_webgl() -> None:
    table = archive_table(600, stories=1)  # one story of 600 events on 10 days
    chrono = chronology(table)
    figure = figures.timeline_figure(table, placement=chrono, height=900)
    kinds = {t.type for t in figure.data if (t.meta or {}).get("kind") != "legend"}
    assert len(table) > marks.GL_MARKS and kinds == {"scattergl"}
    small = table[table["event_id"].isin(sorted(set(table["event_id"]))[:20])]
    kinds = {t.type for t in figures.timeline_figure(small).data}
    assert "scattergl" not in kinds, "a few marks stay SVG: hatching, texts beside them"
    # every mention keeps its id on its mark (the reader and the tests find it there)
    ids = {i for t in figure.data for i in (t.customdata or ()) if i}
    assert ids == set(table["mention_id"])


def test_a_long_table_is_shown_a_page_of_rows_at_a_time(long_story: pd.DataFrame) -> None:
    page = events_table_html(long_story, page=PAGE_ROWS)
    assert f'class="events paged" data-page="{PAGE_ROWS}"' in page
    assert page.count("<tr>") == PAGE_ROWS + 1  # the heading's row, then the first page
    assert page.count("<tr hidden>") == len(long_story) - PAGE_ROWS
    assert "paged" not in events_table_html(long_story.head(PAGE_ROWS), page=PAGE_ROWS)


def test_differences_of_a_story_of_many_sources_name_the_few_and_count_the_rest(
    long_story: pd.DataFrame,
) -> None:
    found = compare.discrepancies(long_story)
    reported = found[found["attribute"] == "reported_by"]
    events = long_story.groupby("event_id")["report_id"].nunique()
    # one row per outlet that reports each event, never one per outlet that does not
    assert len(reported) == int(events[reported["event_id"].unique()].sum())
    listed = compare.discrepancy_list(found)
    point = next(d for d in listed if d.attribute == "reported_by")
    sources = found.attrs["sources"][point.story_id]  # forty outlets' reports, day by day
    assert len(sources) > 100
    assert point.unnamed == len(sources) - len(point.values) > 100
    assert point.text().endswith(f"{point.unnamed} other sources: not reported")


def test_the_page_of_an_archive_draws_one_part_at_a_time() -> None:
    table = archive_table(1000)
    page = to_html(table)
    blocks = data_blocks(page)
    index = blocks["timeline-index"]
    listed = story_list(table)
    assert len(index) == len(listed)
    assert len(index[0]["parts"]) > 1, "the main story day by day"
    assert all(len(story["parts"]) == 1 for story in index[1:])
    assert len(blocks) == 1 + sum(len(story["parts"]) for story in index), "the first once"
    # the menus: every story, the main story's days; the overview with a button per day
    options = re.findall(r'<select id="story-select">(.*?)</select>', page, re.S)[0]
    assert options.count("<option") == len(listed)
    assert html.escape(listed[0].label) in options
    days = re.findall(r'<select id="day-select">(.*?)</select>', page, re.S)[0]
    assert days.count("<option") == len(index[0]["parts"])
    assert page.count('data-show-story="0"') == len(index[0]["parts"])
    # each figure is bounded, the page under the goal (issue 11: 8 MB for ~1,000 events)
    heights = [
        blocks[p["block"]]["layout"]["height"] for s in index for p in s["parts"] if p["block"]
    ]
    assert max(heights) <= figures.MAX_FIGURE_PX
    assert len(page.encode()) < 8_000_000


def test_timeline_figure_draws_one_day_of_a_story(long_story: pd.DataFrame) -> None:
    chrono = chronology(long_story)
    day = parts.story_parts(story_list(long_story)[0], chrono)[1]
    figure = figures.timeline_figure(long_story, day=day.day.isoformat())
    ids = {i for t in figure.data for i in (t.customdata or ()) if i}
    assert ids == set(long_story.loc[long_story["event_id"].isin(day.events), "mention_id"])
    assert figure.layout.title.text.endswith(day.label)
    with pytest.raises(ValueError, match="day= draws one day of one story"):
        figures.timeline_figure(archive_table(1000), day="2000-01-03")
