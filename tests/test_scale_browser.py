"""The page of a generated archive of 10,000 events in headless Chromium, offline: it draws one
story (or day) at a time, the story and day menus and a legend toggle work, tables are paged."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from test_browser import Page, browser  # noqa: F401  (the module's browser fixture)
from test_scale import archive_table

from summit_timeline.views.cells import source_labels
from summit_timeline.views.chronology import chronology
from summit_timeline.views.export import export_html
from summit_timeline.views.figures import MAX_FIGURE_PX
from summit_timeline.views.html_tables import PAGE_ROWS
from summit_timeline.views.parts import Part, story_parts
from summit_timeline.views.stories import split_stories

pytestmark = pytest.mark.browser

#: plotly waits its double-click delay (300 ms) before it acts on a click in the legend
CLICK_PAUSE_MS = 650
EVENTS = 10_000


class ArchivePage(Page):
    """The page of the archive, with its menus."""

    def title(self) -> str:
        return self.page.evaluate(
            "() => document.getElementById('timeline-figure').layout.title.text"
        )

    def choose(self, menu: str, value: int) -> None:
        """Choose entry ``value`` of the menu ``menu`` ('story' or 'day'); wait for the plot."""
        before = self.title()
        self.page.locator(f"#{menu}-select").select_option(str(value))
        self.page.wait_for_function(
            "(before) => document.getElementById('timeline-figure').layout.title.text !== before",
            arg=before,
        )
        self.page.wait_for_timeout(200)


@pytest.fixture(scope="module")
def archive(
    browser: Any,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[ArchivePage, pd.DataFrame, list[list[Part]]]]:
    """10,000 events in 24 stories (the first of 2,000 events over 33 days), each drawn in
    parts; the page opened offline."""
    table = archive_table(EVENTS, stories=24)
    path = export_html(table, tmp_path_factory.mktemp("archive") / "timeline.html")
    drawn = [story_parts(story, chronology(rows)) for story, rows in split_stories(table)]
    page = ArchivePage(browser, path)
    yield page, table, drawn
    page.close()


def _mentions(table: pd.DataFrame, part: Part, outlet: str | None = None) -> list[str]:
    rows = table[(table["story_id"] == part.story_id) & table["event_id"].isin(part.events)]
    if outlet is not None:
        rows = rows[source_labels(table).loc[rows.index] == outlet]
    return sorted(rows["mention_id"])


def test_the_archive_page_draws_the_first_day_of_the_main_story(
    archive: tuple[ArchivePage, pd.DataFrame, list[list[Part]]],
) -> None:
    page, table, drawn = archive
    assert table["event_id"].nunique() == EVENTS
    assert len(drawn[0]) > 30, "the main story day by day"
    assert page.visible() == _mentions(table, drawn[0][0])
    height = page.page.evaluate(
        "() => document.getElementById('timeline-figure')._fullLayout.height"
    )
    assert height <= MAX_FIGURE_PX
    assert page.page.locator("#day-select option").count() == len(drawn[0])
    assert page.page.locator("#story-select option").count() == len(drawn)
    assert page.errors == [] and page.blocked == []


def test_the_story_and_day_menus_draw_the_part_chosen(
    archive: tuple[ArchivePage, pd.DataFrame, list[list[Part]]],
) -> None:
    page, table, drawn = archive
    page.choose("story", 5)
    assert page.visible() == _mentions(table, drawn[5][0])
    shown = page.page.evaluate(
        "() => [...document.querySelectorAll('[data-story]')].filter((e) => !e.hidden)"
        ".map((e) => e.getAttribute('data-story'))"
    )
    assert set(shown) == {"5"}, "the tables of the story chosen"
    assert page.page.locator("#day-select").is_visible() == (len(drawn[5]) > 1)
    page.choose("story", 0)
    page.choose("day", 7)
    assert page.visible() == _mentions(table, drawn[0][7])
    assert drawn[0][7].label.split(" (")[0] in page.title()
    assert page.errors == [] and page.blocked == []


def test_a_legend_click_hides_and_shows_an_outlet(
    archive: tuple[ArchivePage, pd.DataFrame, list[list[Part]]],
) -> None:
    page, table, drawn = archive
    part = drawn[0][7]
    everything = _mentions(table, part)
    first = page.page.locator(".legend .traces .legendtext").first.text_content() or ""
    mine = set(_mentions(table, part, first))
    assert mine
    page.page.locator(".legend .traces .legendtoggle").first.click()
    page.page.wait_for_timeout(CLICK_PAUSE_MS)
    assert page.visible() == sorted(set(everything) - mine)
    page.page.locator(".legend .traces .legendtoggle").first.click()
    page.page.wait_for_timeout(CLICK_PAUSE_MS)
    assert page.visible() == everything
    assert page.errors == []


def test_the_events_table_shows_a_page_of_rows_at_a_time(
    archive: tuple[ArchivePage, pd.DataFrame, list[list[Part]]],
) -> None:
    page, table, drawn = archive
    rows = page.page.locator('#events [data-story="0"] table.paged tbody tr')
    shown = "(rows) => rows.filter((r) => !r.hidden).length"
    assert rows.evaluate_all(shown) == PAGE_ROWS
    pager = page.page.locator('#events [data-story="0"] .pager')
    assert pager.locator("span").text_content() == (
        f"rows 1–{PAGE_ROWS} of {(table['story_id'] == drawn[0][0].story_id).sum()}"
    )
    pager.locator("button").nth(1).click()
    assert pager.locator("span").text_content().startswith(f"rows {PAGE_ROWS + 1}–")
    assert rows.evaluate_all(shown) == PAGE_ROWS
    assert page.errors == []
