"""The explorer, driven through its widget objects (no browser, no kernel)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from tables import (
    GIFT,
    GIFT_LABEL,
    alaska_table,
    clock_table,
    gift_knowledge,
    gift_table,
    hostile_table,
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
