"""Comparisons over a table of several stories: grouped story by story, outlets compared within
a story, and ``story=`` to keep one.

``stories_table()`` (tests/tables.py) holds the Alaska summit of the sample reports, an invented
Geneva summit with two other outlets, and a meeting in Helsinki that one Alaska report recalls;
``summits_table()`` is the real pipeline's table of three summits (tests/data/reports/).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest
from tables import STORIES, alaska_table, stories_table, summits_table

from summit_timeline import compare

MAIN, GENEVA, HELSINKI = STORIES


def _story_runs(values: pd.Series | pd.Index) -> list[str]:
    """The stories in the order their rows come, each once per run of rows."""
    runs: list[str] = []
    for value in values:
        if not runs or runs[-1] != value:
            runs.append(str(value))
    return runs


def test_coverage_groups_events_by_story_main_first() -> None:
    matrix = compare.coverage(stories_table())
    assert _story_runs(matrix.index.get_level_values("story_id")) == [MAIN, GENEVA, HELSINKI]
    assert list(matrix.columns) == ["Alpenblatt", "Seeblick Zeitung", "Xenia Wire", "Ypsilon Post"]
    geneva = compare.coverage(stories_table(), story=GENEVA)
    assert list(geneva.columns) == ["Xenia Wire", "Ypsilon Post"]
    assert set(geneva.index.get_level_values("story_id")) == {GENEVA}
    assert geneva.to_numpy().sum() == 6


def test_side_by_side_keeps_the_story() -> None:
    frame = compare.side_by_side(stories_table(), story=HELSINKI)
    assert frame.shape == (1, 1)
    assert frame.iloc[0, 0].startswith("Zuletzt hatten sich beide")


def test_coverage_figure_heads_each_story_with_its_name() -> None:
    figure = compare.coverage_figure(stories_table())
    ticks = list(figure.layout.yaxis.ticktext)
    headings = [t for t in ticks if t.startswith("<b>")]
    assert headings == [f"<b>{label.rsplit(' (', 1)[0]}</b>" for label in STORIES.values()]
    assert len(ticks) == len(compare.coverage(stories_table())) + len(STORIES)
    one = compare.coverage_figure(stories_table(), story=GENEVA)
    assert not any(t.startswith("<b>") for t in one.layout.yaxis.ticktext)


def test_discrepancies_compare_the_outlets_of_each_story() -> None:
    found = compare.discrepancies(stories_table())
    assert found.columns[0] == "story_id"
    assert _story_runs(found["story_id"]) == [MAIN, GENEVA]  # Helsinki: one outlet, no difference
    for story, outlets in (
        (MAIN, {"Alpenblatt", "Seeblick Zeitung"}),
        (GENEVA, {"Xenia Wire", "Ypsilon Post"}),
    ):
        assert set(found.loc[found["story_id"] == story, "outlet"]) == outlets
    # the same as comparing each story alone
    alone = compare.discrepancies(alaska_table().assign(story_id=MAIN))
    pd.testing.assert_frame_equal(
        found[found["story_id"] == MAIN].reset_index(drop=True), alone.reset_index(drop=True)
    )
    pd.testing.assert_frame_equal(
        compare.discrepancies(stories_table(), story=GENEVA).reset_index(drop=True),
        found[found["story_id"] == GENEVA].reset_index(drop=True),
    )
    assert {d.story_id for d in compare.discrepancy_list(found)} == {MAIN, GENEVA}


def test_discrepancy_summary_by_story() -> None:
    found = compare.discrepancies(stories_table())
    summary = compare.discrepancy_summary(found)
    assert list(summary.columns[:6]) == [
        "story_id",
        "event_id",
        "label",
        "attribute",
        "detail",
        "kind",
    ]
    assert _story_runs(summary["story_id"]) == [MAIN, GENEVA]
    geneva = compare.discrepancy_summary(found, story=GENEVA)
    assert set(geneva["story_id"]) == {GENEVA}
    assert list(geneva.columns[6:]) == ["Xenia Wire", "Ypsilon Post"]
    assert len(geneva) == len(
        found[found["story_id"] == GENEVA].drop_duplicates(["event_id", "attribute", "detail"])
    )


def test_quote_variants_carry_their_story() -> None:
    variants = compare.quote_variants(stories_table())
    assert variants.columns[0] == "story_id"
    assert set(variants["story_id"]) == {MAIN}
    assert compare.quote_variants(stories_table(), story=GENEVA).empty


CALLS: list[Callable[..., Any]] = [
    lambda table, story: compare.coverage(table, story=story),
    lambda table, story: compare.coverage_figure(table, story=story),
    lambda table, story: compare.side_by_side(table, story=story),
    lambda table, story: compare.discrepancies(table, story=story),
    lambda table, story: compare.quote_variants(table, story=story),
]


@pytest.mark.parametrize("call", CALLS)
def test_a_story_the_table_does_not_hold_is_named(call: Callable[..., Any]) -> None:
    with pytest.raises(ValueError, match=f"'nowhere' is not a story.*'{MAIN}'"):
        call(stories_table(), "nowhere")


def test_the_three_summits_are_compared_one_by_one() -> None:
    table = summits_table()
    stories = compare.stories(table)
    found = compare.discrepancies(table)
    order = list(stories["story_id"])
    runs = _story_runs(found["story_id"])
    assert runs == sorted(runs, key=order.index) and len(runs) == len(set(runs))
    for story, rows in found.groupby("story_id"):
        outlets = set(table.loc[table["story_id"] == story, "outlet"])
        assert set(rows["outlet"]) <= outlets, story
    matrix = compare.coverage(table)
    assert _story_runs(matrix.index.get_level_values("story_id")) == order
    assert matrix.to_numpy().sum() == len(table)
