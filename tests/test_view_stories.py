"""The stories of a table as the views show them: their order, their names, one story's rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest
from tables import STORIES, alaska_table, frame, mention, stories_table

from summit_timeline import compare
from summit_timeline.views.cells import source_labels
from summit_timeline.views.chronology import chronology, event_order
from summit_timeline.views.figures import outlet_colors
from summit_timeline.views.stories import (
    date_span_text,
    select_story,
    split_stories,
    stories,
    story_list,
)

DAY = dt.date(2018, 7, 16)


def _story(*rows: dict[str, Any]) -> pd.DataFrame:
    """A table of one story from short row specs (report, status, place, date, actors)."""
    return frame(
        [
            mention(
                event_id=f"e-{number}",
                mention_id=f"m-{number}",
                report_id=row.get("report", "r-1"),
                outlet=row.get("outlet", "Wire"),
                language="en",
                story_id=row.get("story", "s"),
                event_type="talks",
                status=row.get("status", "occurred"),
                label="Talks",
                place=row.get("place"),
                date=row.get("date"),
                actors=row.get("actors", []),
                sentence="They met.",
            )
            for number, row in enumerate(rows)
        ]
    )


# (rows of one story, its name): place, days and people are read from the rows
LABEL_CASES = [
    (
        [{"place": "Helsinki", "date": DAY, "actors": ["Trump", "Putin"]}],
        "Helsinki, 16 July 2018 — Putin, Trump (1 report)",
    ),
    # the place of what took place, not the one proposed for the next meeting
    (
        [
            {"place": "Moscow", "status": "proposed", "date": DAY},
            {"place": "Moscow", "status": "proposed", "date": DAY},
            {"place": "Helsinki", "date": DAY, "report": "r-2"},
        ],
        "Helsinki, 16 July 2018 (2 reports)",
    ),
    # people named in fewer than half as many mentions as the most named are left out
    (
        [
            {"place": "Geneva", "date": DAY, "actors": ["Biden", "Putin", "Lavrov"]},
            {"place": "Geneva", "date": DAY, "actors": ["Biden", "Putin"]},
            {"place": "Geneva", "date": DAY, "actors": ["Putin", "Biden"]},
        ],
        "Geneva, 16 July 2018 — Biden, Putin (1 report)",
    ),
    # two busy days read as a span; a stray date does not
    (
        [
            {"place": "Hanoi", "date": dt.date(2019, 2, 27)},
            {"place": "Hanoi", "date": dt.date(2019, 2, 28)},
            {"place": "Hanoi", "date": dt.date(2019, 2, 28)},
            {"place": "Hanoi", "date": dt.date(2019, 3, 20)},
        ],
        "Hanoi, 27–28 February 2019 (1 report)",
    ),
    ([{"actors": ["Kim"]}], "Place not reported, date not reported — Kim (1 report)"),
]


@pytest.mark.parametrize(("rows", "label"), LABEL_CASES)
def test_a_story_is_named_from_its_rows(rows: list[dict[str, Any]], label: str) -> None:
    (story,) = story_list(_story(*rows))
    assert story.label == label
    assert story.title == label.rsplit(" (", 1)[0]


@pytest.mark.parametrize(
    ("days", "text"),
    [
        ((), ""),
        ((DAY,), "16 July 2018"),
        ((dt.date(2018, 6, 11), dt.date(2018, 6, 12)), "11–12 June 2018"),
        ((dt.date(2018, 6, 30), dt.date(2018, 7, 1)), "30 June – 1 July 2018"),
        ((dt.date(2018, 12, 31), dt.date(2019, 1, 1)), "31 December 2018 – 1 January 2019"),
    ],
)
def test_date_span_text(days: tuple[dt.date, ...], text: str) -> None:
    assert date_span_text(days) == text


def test_stories_come_main_first_and_recalled_last() -> None:
    listed = story_list(stories_table())
    assert [s.story_id for s in listed] == list(STORIES)
    assert [s.label for s in listed] == list(STORIES.values())
    assert [(s.reports, s.mentions, s.recalled) for s in listed] == [
        (2, 11, False),
        (2, 6, False),
        (1, 1, True),
    ]


def test_more_reports_come_before_more_mentions() -> None:
    table = _story(
        {"story": "big", "place": "A", "date": DAY},
        {"story": "big", "place": "A", "date": DAY},
        {"story": "big", "place": "A", "date": DAY},
        {"story": "wide", "place": "B", "date": DAY, "report": "r-2"},
        {"story": "wide", "place": "B", "date": DAY, "report": "r-3"},
    )
    assert [s.story_id for s in story_list(table)] == ["wide", "big"]


def test_stories_that_read_the_same_are_told_apart_by_their_id() -> None:
    table = _story(
        {"story": "one", "place": "Bern", "date": DAY},
        {"story": "two", "place": "Bern", "date": DAY, "report": "r-2"},
    )
    labels = [s.label for s in story_list(table)]
    assert labels == [
        "Bern, 16 July 2018 [one] (1 report)",
        "Bern, 16 July 2018 [two] (1 report)",
    ]


def test_stories_frame() -> None:
    found = stories(stories_table())
    assert list(found["story_id"]) == list(STORIES)
    assert list(found.columns) == [
        "story_id",
        "label",
        "place",
        "first_day",
        "last_day",
        "actors",
        "reports",
        "mentions",
        "recalled",
    ]
    assert found.iloc[0]["actors"] == ["Putin", "Trump"]
    assert compare.stories is stories


def test_select_story_keeps_its_rows_and_names_the_choices() -> None:
    table = stories_table()
    assert set(select_story(table, "helsinki-2018")["mention_id"]) == {"a-9"}
    assert select_story(table, None) is table
    with pytest.raises(ValueError, match="'geneva-2021'") as info:
        select_story(table, "tokyo")
    assert "'tokyo' is not a story" in str(info.value)
    with pytest.raises(TypeError, match="story_id"):
        select_story(table, 3)  # type: ignore[arg-type]


def test_split_stories_gives_every_row_once() -> None:
    table = stories_table()
    parts = list(split_stories(table))
    assert [s.story_id for s, _ in parts] == list(STORIES)
    assert sorted(i for _, rows in parts for i in rows.index) == sorted(table.index)


def test_a_missing_story_id_is_one_story() -> None:
    table = alaska_table().assign(story_id=None)
    (story,) = story_list(table)
    assert story.story_id == "" and story.mentions == len(table)
    assert len(select_story(table, "")) == len(table)


def test_sources_are_named_within_each_story() -> None:
    """An outlet with one report about each of two summits is called by its name in both."""
    table = stories_table()
    table.loc[table["report_id"] == "geneva-y", "outlet"] = "Alpenblatt"
    names = source_labels(table)
    assert set(names) == {"Alpenblatt", "Seeblick Zeitung", "Xenia Wire"}
    # in one story, two reports of one outlet are still two sources
    one = table.assign(story_id="all")
    assert "Alpenblatt (geneva-y)" in set(source_labels(one))


def test_outlets_of_a_story_get_different_colours_and_keep_them_in_every_story() -> None:
    table = stories_table()
    table.loc[table["report_id"] == "geneva-y", "outlet"] = "Alpenblatt"
    colours = outlet_colors(table, palette=["red", "blue"])
    names, keys = source_labels(table), table["story_id"]
    for key in set(keys):
        shown = {colours[n] for n in set(names[keys == key])}
        assert len(shown) == len(set(names[keys == key])), key
    assert colours["Alpenblatt"] == "red"


def test_event_order_goes_story_by_story() -> None:
    table = stories_table()
    order = event_order(table)
    assert order[-1] == "h-talks"
    stories_of = table.drop_duplicates("event_id").set_index("event_id")["story_id"]
    assert [stories_of[e] for e in order] == sorted(
        (stories_of[e] for e in order), key=list(STORIES).index
    )
    assert chronology(table, story="geneva-2021").timezone == "Europe/Zurich"
    with pytest.raises(ValueError, match="not a story"):
        chronology(table, story="nowhere")
