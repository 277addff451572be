"""The explorer, driven through its widget objects (no browser, no kernel)."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
import pytest
from tables import (
    GIFT,
    GIFT_LABEL,
    STORIES,
    alaska_table,
    clock_table,
    gift_knowledge,
    gift_table,
    hostile_table,
    stories_table,
    visible_mentions,
)

from summit_timeline.views.explorer import TimelineExplorer

ALPEN = {"a-1", "a-2", "a-3", "a-4", "a-5", "a-6"}
SEE = {"b-1", "b-2", "b-3", "b-4", "b-5"}


def _shown(explorer: TimelineExplorer) -> set[str]:
    return visible_mentions(explorer.figure.data)


def _table_rows(explorer: TimelineExplorer) -> int:
    return explorer.table_view.value.count("<tr>") - 1


def _traces_of(explorer: TimelineExplorer, outlet: str) -> list[go.BaseTraceType]:
    return [t for t in explorer.figure.data if t.name == outlet and t.visible is not False]


def test_starts_with_everything() -> None:
    explorer = TimelineExplorer(alaska_table())
    assert isinstance(explorer.figure, go.FigureWidget)
    assert _shown(explorer) == ALPEN | SEE
    assert _table_rows(explorer) == 11
    assert explorer.count.value.startswith("11 of 11 mentions")
    assert explorer.figure.layout.updatemenus == ()  # the checkboxes replace the buttons


def test_unticking_an_outlet_hides_its_traces_and_rows() -> None:
    explorer = TimelineExplorer(alaska_table())
    explorer.outlet_boxes["Alpenblatt"].value = False
    assert _traces_of(explorer, "Alpenblatt") == []
    assert _shown(explorer) == SEE
    assert _table_rows(explorer) == len(SEE)
    assert "Alpenblatt" not in explorer.table_view.value
    explorer.outlet_boxes["Alpenblatt"].value = True
    assert _shown(explorer) == ALPEN | SEE


# (filters to apply, mentions expected to remain)
FILTER_CASES = [
    ({"status_filter": ("occurred",)}, {"a-2", "a-3", "a-6", "b-1", "b-2", "b-5"}),
    ({"type_filter": ("talks",)}, {"a-1", "a-2", "b-1"}),
    ({"type_filter": ("talks",), "status_filter": ("occurred",)}, {"a-2", "b-1"}),
    ({"search": "moskau"}, {"a-5", "b-4"}),
    ({"search": "MOSKAU nächste"}, {"a-5", "b-4"}),
    ({"search": "moskau nächstes"}, {"b-4"}),
    ({"search": "Ärger"}, {"a-5", "b-4"}),
    ({"search": "moskau", "outlets": ("Seeblick Zeitung",)}, {"b-4"}),
    ({"search": "telefonieren", "status_filter": ("announced",)}, {"a-4", "b-3"}),
    ({"search": "telefonieren", "status_filter": ("occurred",)}, {"a-3"}),
    ({"search": "no such words"}, set()),
]


@pytest.mark.parametrize(("filters", "expected"), FILTER_CASES)
def test_filters_and_search_combine(filters: dict, expected: set[str]) -> None:
    explorer = TimelineExplorer(alaska_table())
    for name, value in filters.items():
        if name == "outlets":
            for outlet, box in explorer.outlet_boxes.items():
                box.value = outlet in value
        else:
            getattr(explorer, name).value = value
    assert set(explorer.filtered["mention_id"]) == expected
    assert _shown(explorer) == expected
    assert _table_rows(explorer) == len(expected)


def test_filtering_does_not_move_the_remaining_mentions() -> None:
    explorer = TimelineExplorer(clock_table())

    def positions() -> dict[str, float]:
        found = {}
        for trace in explorer.figure.data:
            xs = trace.base if trace.type == "bar" else trace.x
            for mid, x in zip(trace.customdata or (), xs or (), strict=False):
                if mid is not None:
                    found.setdefault(mid, x)
        return found

    before = positions()
    explorer.outlet_boxes["Xenia Wire"].value = False
    after = positions()
    assert after and all(after[m] == before[m] for m in after)


def test_filtering_does_not_rename_an_outlet_with_two_reports() -> None:
    table = alaska_table()
    table.loc[table["report_id"].str.startswith("001"), "outlet"] = "Alpenblatt"
    explorer = TimelineExplorer(table)
    first, second = sorted(explorer.outlet_boxes)
    assert first.startswith("Alpenblatt (") and second.startswith("Alpenblatt (")
    explorer.outlet_boxes[second].value = False
    assert {t.name for t in explorer.figure.data} == {first}
    assert first in explorer.table_view.value
    assert set(explorer.filtered["outlet"]) == {"Alpenblatt"}  # the table itself is untouched


def test_type_labels_come_from_the_knowledge_passed(tmp_path: Path) -> None:
    explorer = TimelineExplorer(gift_table(), knowledge=gift_knowledge(tmp_path))
    assert (GIFT_LABEL, GIFT) in explorer.type_filter.options
    assert explorer.figure.layout.yaxis.ticktext[0] == GIFT_LABEL


def test_table_view_is_escaped() -> None:
    explorer = TimelineExplorer(hostile_table())
    assert "<script>" not in explorer.table_view.value
    assert "&lt;script&gt;" in explorer.table_view.value


def test_input_is_not_modified() -> None:
    table = alaska_table()
    before = table.copy(deep=True)
    explorer = TimelineExplorer(table)
    explorer.search.value = "moskau"
    pd.testing.assert_frame_equal(table, before)


def test_refuses_a_non_table() -> None:
    with pytest.raises(ValueError, match="missing columns"):
        TimelineExplorer(pd.DataFrame({"outlet": ["x"]}))


def test_displays_as_a_widget() -> None:
    explorer = TimelineExplorer(alaska_table())
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "2 outlets" not in repr(explorer) and "Alpenblatt" in repr(explorer)


# ---------------------------------------------------------------- several stories


def test_one_story_has_no_story_menu() -> None:
    explorer = TimelineExplorer(alaska_table())
    assert explorer.story_select is None
    menus = [w for w in explorer.widget.children if isinstance(w, widgets.Dropdown)]
    assert menus == [explorer.day_select] and menus[0].layout.display == "none", "nor of days"


def test_several_stories_get_a_story_menu_main_story_first() -> None:
    table = stories_table()
    explorer = TimelineExplorer(table)
    assert explorer.story_select is not None
    assert explorer.widget.children[0] is explorer.story_select
    assert [label for label, _ in explorer.story_select.options] == list(STORIES.values())
    assert explorer.story == explorer.story_select.value == "alaska-2025"
    assert _shown(explorer) == ALPEN | SEE
    assert sorted(explorer.outlet_boxes) == ["Alpenblatt", "Seeblick Zeitung"]
    assert explorer.figure.layout.title.text.startswith("Anchorage, 15 August 2025")
    assert explorer.count.value.startswith("11 of 11 mentions")


def test_choosing_a_story_shows_its_figure_table_and_filters() -> None:
    explorer = TimelineExplorer(stories_table())
    explorer.search.value = "talks"
    explorer.story_select.value = "geneva-2021"
    assert sorted(explorer.outlet_boxes) == ["Xenia Wire", "Ypsilon Post"]
    assert set(explorer.type_filter.value) == {"arrival", "talks", "press_statement", "visit"}
    assert explorer.search.value == "talks"  # the search stays
    assert set(explorer.filtered["mention_id"]) == {"x-2", "y-1"}
    assert _shown(explorer) == {"x-2", "y-1"}
    assert _table_rows(explorer) == 2
    assert "Europe/Zurich" in explorer.figure.layout.xaxis.title.text
    # the new story's filters work
    explorer.search.value = ""
    explorer.outlet_boxes["Xenia Wire"].value = False
    assert _shown(explorer) == {"y-1", "y-2", "y-3"}
    # and a story only recalled is reachable
    explorer.story_select.value = "helsinki-2018"
    assert _shown(explorer) == {"a-9"} and _table_rows(explorer) == 1
    assert explorer.count.value.startswith("1 of 1 mentions")


def test_the_story_to_show_first_can_be_given() -> None:
    explorer = TimelineExplorer(stories_table(), story="geneva-2021", title="Mine")
    assert explorer.story_select.value == "geneva-2021"
    assert explorer.figure.layout.title.text == "Mine: Geneva, 16 June 2021 — LeaderA, LeaderB"
    with pytest.raises(ValueError, match="'alaska-2025'"):
        TimelineExplorer(stories_table(), story="nowhere")


def test_a_story_keeps_its_positions_when_filtered() -> None:
    explorer = TimelineExplorer(stories_table(), story="geneva-2021")
    alone = TimelineExplorer(clock_table().assign(story_id="geneva-2021"))

    def positions(which: TimelineExplorer) -> dict[str, float]:
        found = {}
        for trace in which.figure.data:
            xs = trace.base if trace.type == "bar" else trace.x
            for mid, x in zip(trace.customdata or (), xs or (), strict=False):
                if mid is not None:
                    found.setdefault(mid, x)
        return found

    explorer.outlet_boxes["Ypsilon Post"].value = False
    assert positions(explorer) == {m: x for m, x in positions(alone).items() if m.startswith("x")}


# ---------------------------------------------------------------- in a notebook cell


def test_the_figure_follows_its_cells_width() -> None:
    """Plotly's widget draws at 700 px until told otherwise: the explorer has no fixed width,
    a responsive figure, a watcher of the cell's width, and places its texts for that width."""
    explorer = TimelineExplorer(alaska_table())
    assert explorer.widget.layout.width == "100%"
    assert explorer.fit_plots in explorer.widget.children
    assert explorer.figure._config["responsive"] is True
    assert explorer.figure.layout.width is None and explorer.figure.layout.autosize is True
    assert explorer.figure.layout.showlegend is False  # the checkboxes are the legend
    assert explorer.figure.layout.yaxis.showticklabels is False  # row labels inside the rows
    explorer.fit_plots.width = 368
    assert explorer.figure.layout.width == 368
    assert explorer.figure.layout.meta == {"fit_width": 368}
    assert _shown(explorer) == ALPEN | SEE
    explorer.outlet_boxes["Alpenblatt"].value = False  # filtering keeps the width
    assert explorer.figure.layout.width == 368


def test_each_outlet_checkbox_comes_after_a_square_of_its_colour() -> None:
    explorer = TimelineExplorer(clock_table())
    rows = [row for row in explorer._outlets_box.children if isinstance(row, widgets.HBox)]
    assert [row.children[1] for row in rows] == list(explorer.outlet_boxes.values())
    colours = {t.name: t.marker.color for t in explorer.figure.data if t.showlegend}
    for row in rows:
        swatch, box = row.children
        assert swatch.style.text_color == colours[box.description]


def test_untimed_events_stay_in_their_band_while_filtering() -> None:
    explorer = TimelineExplorer(clock_table())

    def band() -> list[tuple[float, float]]:
        return [(s.x0, s.x1) for s in explorer.figure.layout.shapes if s.type == "rect"]

    def x_of(mention: str) -> float | None:
        for trace in explorer.figure.data:
            if mention in (trace.customdata or ()):
                return trace.x[list(trace.customdata).index(mention)]
        return None

    ((left, right),) = band()
    x = x_of("y-2")
    assert x is not None and left <= x <= right
    explorer.outlet_boxes["Ypsilon Post"].value = False
    assert x_of("y-2") is None and band() == [(left, right)]
    explorer.outlet_boxes["Ypsilon Post"].value = True
    assert x_of("y-2") == x
