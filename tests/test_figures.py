"""The timeline figure: rows, outlets side by side, buttons, colours, escaping, no made-up times."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest
from tables import (
    GIFT_LABEL,
    GIFT_NEUTRAL,
    STORIES,
    alaska_table,
    clock_table,
    gift_knowledge,
    gift_table,
    hostile_table,
    stories_table,
    summits_table,
    visible_mentions,
)

from summit_timeline.views.chronology import chronology
from summit_timeline.views.figures import (
    BAND_COLOUR,
    MIN_TICK_PX,
    OKABE_ITO,
    outlet_colors,
    timeline_figure,
)

#: a clock time such as 14:05 (not a UTC offset such as UTC-08:00)
HHMM = re.compile(r"(?<![+\-−\d])\b\d{1,2}:\d{2}\b")


def _strings(value: Any) -> list[str]:
    """Every string inside a figure's JSON."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def _figure_json(figure: go.Figure) -> dict:
    return json.loads(figure.to_json())


def _row_of(figure: go.Figure, mention_id: str) -> tuple[go.BaseTraceType, int]:
    for trace in figure.data:
        ids = list(trace.customdata or ())
        if mention_id in ids:
            return trace, ids.index(mention_id)
    raise AssertionError(f"mention {mention_id} is not drawn")


def _bars(figure: go.Figure) -> dict[str, tuple[float, float, float]]:
    """mention_id -> (base, length, y) of every bar."""
    bars = {}
    for trace in figure.data:
        if trace.type == "bar":
            for mid, base, length, y in zip(
                trace.customdata, trace.base, trace.x, trace.y, strict=True
            ):
                bars[mid] = (base, length, y)
    return bars


def _tick_label(figure: go.Figure, y: float) -> str:
    axis = figure.layout.yaxis
    return axis.ticktext[list(axis.tickvals).index(round(y))]


def check_sample_placement(table: pd.DataFrame) -> None:
    """The issue's figure test, for a table of the two sample reports (hand-made or extracted)."""
    figure = timeline_figure(table)
    talks = table[(table["event_type"] == "talks") & (table["status"] == "occurred")]
    assert talks["event_id"].nunique() == 1, "both reports' talks are one event"
    bars = _bars(figure)
    lengths = sorted(bars[m][1] for m in talks["mention_id"])
    assert lengths == [150, 165]
    rows = {round(bars[m][2]) for m in talks["mention_id"]}
    assert len(rows) == 1, "both outlets' talks bars sit on one row"
    assert len({bars[m][2] for m in talks["mention_id"]}) == 2, "side by side, not on top"
    talks_end = max(bars[m][0] + bars[m][1] for m in talks["mention_id"])
    press = table[(table["event_type"] == "press_statement")]
    assert not press.empty
    for mid in press["mention_id"]:
        trace, i = _row_of(figure, mid)
        x = trace.base[i] if trace.type == "bar" else trace.x[i]
        assert x >= talks_end, "the press statement comes after the talks"
    strings = _strings(_figure_json(figure))
    assert [s for s in strings if HHMM.search(s)] == [], "no clock time the reports do not give"
    assert "America/Anchorage" in figure.layout.xaxis.title.text


def test_sample_placement_on_the_hand_made_table() -> None:
    check_sample_placement(alaska_table())


def test_sample_placement_on_the_extracted_sample_reports(sample_table: pd.DataFrame) -> None:
    check_sample_placement(sample_table)


def test_one_row_per_event_grouped_by_type() -> None:
    table = alaska_table()
    figure = timeline_figure(table)
    assert len(figure.layout.yaxis.tickvals) == table["event_id"].nunique()
    labels = [label.replace("<br>", " ") for label in figure.layout.yaxis.ticktext]
    assert labels[0].startswith("Talks") and labels[1].startswith("Talks")
    assert labels.index("Press statement: Putin, Trump · Anchorage") == 2


def test_statuses_are_drawn_apart() -> None:
    figure = timeline_figure(alaska_table())
    symbols = {}
    for trace in figure.data:
        if trace.type == "scatter" and trace.customdata:
            marker = trace.marker.symbol
            for i, mid in enumerate(trace.customdata):
                symbols[mid] = marker if isinstance(marker, str) else marker[i]
    assert symbols["a-4"] == "circle-open"  # announced phone call
    assert symbols["a-5"] == "diamond-open"  # proposed invitation
    assert symbols["a-1"] == "x-open"  # cancelled talks
    assert symbols["a-6"] == "circle"  # departure that occurred


def test_announced_duration_is_a_dashed_line_on_its_own_day() -> None:
    figure = timeline_figure(clock_table())
    trace, i = _row_of(figure, "x-3")
    assert trace.type == "scatter" and trace.line.dash == "dash"
    assert trace.x[i + 1] - trace.x[i] == pytest.approx(60)
    annotations = " ".join(a.text for a in figure.layout.annotations)
    assert "Wed 16 Jun 2021" in annotations and "Thu 1 Jul" in annotations


def test_clock_times_are_the_venue_wall_time() -> None:
    figure = timeline_figure(clock_table())
    trace, i = _row_of(figure, "x-2")
    assert "13:40–15:05 local time (Europe/Zurich), as reported" in trace.hovertext[i]
    other, j = _row_of(figure, "y-1")
    assert "placed at the time another report gives" in other.hovertext[j]
    assert "13:00" in figure.layout.xaxis.ticktext


def test_hover_shows_outlet_evidence_quotes_duration_and_differences() -> None:
    figure = timeline_figure(alaska_table())
    trace, i = _row_of(figure, "a-2")
    hover = trace.hovertext[i]
    assert hover.startswith("<b>Alpenblatt</b>")
    assert "Insgesamt dauerte die Runde nur 2 Stunden 45 Minuten" in hover
    assert "Duration: nur 165 min (2 h 45 min) (planned: 360 min (6 h))" in hover
    assert "Outlets differ" in hover and "gut 150 min" in hover
    press, j = _row_of(figure, "b-2")
    assert "Quote: Trump: «Wir sind noch nicht angekommen" in press.hovertext[j]
    alone, k = _row_of(figure, "a-1")
    assert (
        "reported by: Alpenblatt: reported · Seeblick Zeitung: not reported" in (alone.hovertext[k])
    )
    assert all(t.hovertemplate is None for t in figure.data)


def test_hover_lists_the_discrepancies_of_the_event() -> None:
    figure = timeline_figure(alaska_table(), hover_width=200)
    trace, i = _row_of(figure, "b-1")
    differ = trace.hovertext[i].split("<b>Outlets differ</b>:<br>", 1)[1].split("<br>")
    assert differ == [
        "· duration: Alpenblatt: nur 165 min (2 h 45 min) · Seeblick Zeitung: gut 150 min "
        "(2 h 30 min)",
        "· planned duration: Alpenblatt: 360 min (6 h) · Seeblick Zeitung: not given",
        "· place: Alpenblatt: Alaska · Seeblick Zeitung: Anchorage",
        *(
            f"· actor ({name}): Alpenblatt: named · Seeblick Zeitung: not given"
            for name in ("Rubio", "Lavrov", "Witkoff", "Ushakov")
        ),
    ]
    departure, j = _row_of(figure, "a-6")
    assert "Outlets differ" not in departure.hovertext[j]  # both say the same


def test_each_outlet_is_one_legend_group_with_one_entry() -> None:
    figure = timeline_figure(alaska_table())
    groups: dict[str, set[str]] = {}
    entries: dict[str, int] = {}
    for trace in figure.data:
        groups.setdefault(trace.legendgroup, set()).add(trace.name)
        entries[trace.legendgroup] = entries.get(trace.legendgroup, 0) + bool(trace.showlegend)
    assert sorted(n for names in groups.values() for n in names) == [
        "Alpenblatt",
        "Seeblick Zeitung",
    ]
    assert all(len(names) == 1 for names in groups.values())
    assert set(entries.values()) == {1}
    assert figure.layout.legend.groupclick == "togglegroup"


def _button(figure: go.Figure, label: str) -> list[Any]:
    for button in figure.layout.updatemenus[0].buttons:
        if button.label == label:
            return button.args[0]["visible"]
    raise AssertionError(f"no button {label!r}")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        (
            "All outlets",
            {"a-1", "a-2", "a-3", "a-4", "a-5", "a-6", "b-1", "b-2", "b-3", "b-4", "b-5"},
        ),
        ("Alpenblatt only", {"a-1", "a-2", "a-3", "a-4", "a-5", "a-6"}),
        ("Seeblick Zeitung only", {"b-1", "b-2", "b-3", "b-4", "b-5"}),
        ("Reported by one outlet only", {"a-1"}),
    ],
)
def test_buttons(label: str, expected: set[str]) -> None:
    figure = timeline_figure(alaska_table())
    assert visible_mentions(figure.data, _button(figure, label)) == expected


def test_no_buttons_when_asked() -> None:
    assert timeline_figure(alaska_table(), buttons=False).layout.updatemenus == ()


def test_colours_are_colour_blind_safe_and_stable() -> None:
    table = alaska_table()
    colours = outlet_colors(table)
    assert set(colours.values()) <= set(OKABE_ITO)
    assert colours == outlet_colors(table.iloc[::-1])
    figure = timeline_figure(table)
    for trace in figure.data:
        assert trace.marker.color == colours[trace.name]
    with pytest.raises(ValueError, match="Seeblick"):
        timeline_figure(table, colors={"Alpenblatt": "#000000"})


def test_report_text_is_escaped_everywhere() -> None:
    figure = timeline_figure(hostile_table(), title="<b>Title</b>")
    strings = _strings(_figure_json(figure))
    for needle in ("<script", "<img", "<a ", "<i>", "</script"):
        assert [s for s in strings if needle in s] == [], needle
    hover = " ".join(s for s in strings if "They talked" in s)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in hover
    assert "%{customdata}" in hover  # shown as text: no hovertemplate expands it
    assert figure.layout.title.text == "&lt;b&gt;Title&lt;/b&gt;"
    labels = [b.label for b in figure.layout.updatemenus[0].buttons]
    assert "Evil&lt;script&gt;window.__pwned=1&lt;/script&gt; only" in labels


def test_two_reports_of_one_outlet_are_two_sources() -> None:
    table = alaska_table()
    table.loc[table["report_id"].str.startswith("001"), "outlet"] = "Alpenblatt"
    figure = timeline_figure(table)
    names = sorted({t.name for t in figure.data})
    assert names == ["Alpenblatt (000_a00dd4f110c38dcf)", "Alpenblatt (001_c4231c246326d5c6)"]
    bars = _bars(figure)
    assert bars["a-2"][2] != bars["b-1"][2], "each report its own lane"


@pytest.mark.parametrize(
    ("with_knowledge", "expected"), [(False, GIFT_NEUTRAL), (True, GIFT_LABEL)]
)
def test_row_labels_and_order_come_from_the_knowledge_passed(
    tmp_path: Path, with_knowledge: bool, expected: str
) -> None:
    mine = gift_knowledge(tmp_path) if with_knowledge else None
    labels = list(timeline_figure(gift_table(), knowledge=mine).layout.yaxis.ticktext)
    assert expected in labels
    # the added type comes before the talks only with the knowledge that orders it so
    assert (labels.index(expected) < labels.index("Talks")) is with_knowledge


def test_empty_table_gives_an_empty_figure() -> None:
    figure = timeline_figure(alaska_table().iloc[0:0])
    assert len(figure.data) == 0
    assert figure.layout.annotations[0].text == "No events to show"


def test_input_is_not_modified() -> None:
    table = alaska_table()
    before = table.copy(deep=True)
    timeline_figure(table)
    pd.testing.assert_frame_equal(table, before)


# ---------------------------------------------------------------- several stories


def _story_menu(figure: go.Figure) -> Any:
    menu = figure.layout.updatemenus[0]
    assert menu.name == "stories" and menu.type == "dropdown"
    return menu


def _mentions_of(table: pd.DataFrame, story: str) -> set[str]:
    return set(table.loc[table["story_id"] == story, "mention_id"])


def test_a_table_of_several_stories_shows_the_main_one_with_a_menu() -> None:
    table = stories_table()
    figure = timeline_figure(table)
    menu = _story_menu(figure)
    assert [b.label for b in menu.buttons] == list(STORIES.values())
    assert menu.active == 0
    assert visible_mentions(figure.data) == _mentions_of(table, "alaska-2025")
    assert figure.layout.title.text == "Anchorage, 15 August 2025 — Putin, Trump"
    assert "America/Anchorage" in figure.layout.xaxis.title.text


@pytest.mark.parametrize("number", range(len(STORIES)))
def test_each_menu_entry_shows_its_story(number: int) -> None:
    table = stories_table()
    figure = timeline_figure(table)
    story = list(STORIES)[number]
    visible, layout = _story_menu(figure).buttons[number].args
    assert visible_mentions(figure.data, visible["visible"]) == _mentions_of(table, story)
    alone = timeline_figure(table, story=story)
    assert layout["yaxis.ticktext"] == list(alone.layout.yaxis.ticktext)
    assert layout["xaxis.ticktext"] == list(alone.layout.xaxis.ticktext)
    assert layout["xaxis.title.text"] == alone.layout.xaxis.title.text
    assert layout["title.text"] == alone.layout.title.text
    assert layout["height"] == alone.layout.height
    days = {a["text"] for a in layout["annotations"]} - {"<b>Story</b>"}
    assert days <= {a.text for a in alone.layout.annotations}
    # the outlet buttons of that story only
    shown = [layout[f"updatemenus[{i + 1}].visible"] for i in range(len(STORIES))]
    assert shown == [i == number for i in range(len(STORIES))]


def test_outlet_buttons_restyle_their_story_only() -> None:
    table = stories_table()
    figure = timeline_figure(table)
    geneva = figure.layout.updatemenus[2]
    assert geneva.visible is False
    labels = [b.label for b in geneva.buttons]
    assert labels == [
        "All outlets",
        "Xenia Wire only",
        "Ypsilon Post only",
        "Reported by one outlet only",
    ]
    visible, indices = geneva.buttons[1].args
    traces = [figure.data[i] for i in indices]
    assert {t.meta["story"] for t in traces} == {"geneva-2021"}
    assert visible_mentions(traces, visible["visible"]) == {"x-1", "x-2", "x-3"}


def test_each_story_has_legend_groups_of_its_own() -> None:
    figure = timeline_figure(stories_table())
    groups: dict[str, set[str]] = {}
    for trace in figure.data:
        groups.setdefault(trace.legendgroup, set()).add(trace.meta["story"])
    assert all(len(stories) == 1 for stories in groups.values())
    assert sum(bool(t.showlegend) for t in figure.data) == 2 + 2 + 1


def test_a_story_drawn_alone_has_no_menu_and_its_name_as_title() -> None:
    table = stories_table()
    figure = timeline_figure(table, story="helsinki-2018", title="Recalled")
    assert visible_mentions(figure.data) == {"a-9"}
    assert [m.name for m in figure.layout.updatemenus] == [None]  # the outlet buttons only
    assert figure.layout.title.text == "Recalled: Helsinki, 16 July 2018 — Putin, Trump"
    assert "Europe/Helsinki" in figure.layout.xaxis.title.text
    # the colours of the whole table: an outlet looks the same in every story
    colours = outlet_colors(table)
    assert {t.marker.color for t in figure.data} == {colours["Alpenblatt"]}


def test_a_bad_story_and_a_placement_of_several_stories_are_refused() -> None:
    table = stories_table()
    with pytest.raises(ValueError, match="'alaska-2025'"):
        timeline_figure(table, story="nowhere")
    with pytest.raises(ValueError, match="pass story="):
        timeline_figure(table, placement=chronology(table, story="alaska-2025"))


def test_hover_differences_compare_the_outlets_of_the_story() -> None:
    """An event of one summit is not 'not reported' by the outlets of another."""
    figure = timeline_figure(stories_table())
    outlets = {"alaska-2025": {"Alpenblatt", "Seeblick Zeitung"}, "helsinki-2018": {"Alpenblatt"}}
    outlets["geneva-2021"] = {"Xenia Wire", "Ypsilon Post"}
    everyone = set().union(*outlets.values())
    for trace in figure.data:
        text = " ".join(t for t in (trace.hovertext or ()) if t)
        named = {o for o in everyone if f"{o}: " in text or f"<b>{o}</b>" in text}
        assert named <= outlets[trace.meta["story"]], trace.meta
    texts = " ".join(t for trace in figure.data for t in (trace.hovertext or ()) if t)
    assert "Seeblick Zeitung: not reported" in texts and "Xenia Wire: not reported" in texts


def test_the_extracted_corpus_of_three_summits_has_a_story_each() -> None:
    table = summits_table()
    figure = timeline_figure(table)
    labels = [b.label for b in _story_menu(figure).buttons]
    for place in ("Singapore", "Geneva", "Helsinki"):
        assert any(label.startswith(place) for label in labels), place
    # every mention is reachable: each is drawn in exactly one story's traces
    drawn = [i for trace in figure.data for i in (trace.customdata or ()) if i is not None]
    assert len(drawn) == len(set(drawn)) >= len(table) - 2 * len(figure.data)
    assert set(drawn) == set(table["mention_id"])


def test_the_first_story_is_laid_out_as_its_menu_entry_lays_it_out() -> None:
    figure = timeline_figure(stories_table())
    _, layout = _story_menu(figure).buttons[0].args
    assert [a.to_plotly_json() for a in figure.layout.annotations] == layout["annotations"]
    assert [s.to_plotly_json() for s in figure.layout.shapes] == layout["shapes"]
    assert list(figure.layout.yaxis.ticktext) == layout["yaxis.ticktext"]
    assert figure.layout.annotations[0].text == "<b>Story</b>"


# ---------------------------------------------------------------- a clock day's band


def _x_of(figure: go.Figure, mention_id: str) -> tuple[float, float]:
    """Where a mention's mark starts and ends on the x axis."""
    trace, i = _row_of(figure, mention_id)
    if trace.type == "bar":
        return trace.base[i], trace.base[i] + trace.x[i]
    return trace.x[i], trace.x[i]


def _bands(layout: Any) -> list[tuple[float, float]]:
    shapes = [s if isinstance(s, dict) else s.to_plotly_json() for s in layout["shapes"]]
    return [(s["x0"], s["x1"]) for s in shapes if s.get("fillcolor") == BAND_COLOUR]


def test_untimed_events_of_a_clock_day_are_drawn_in_a_labelled_band() -> None:
    """The press statement no report times (y-2) is not drawn at an hour after the talks."""
    table = clock_table()
    figure = timeline_figure(table)
    hours, band = chronology(table).blocks[:2]
    assert band.untimed
    ((left, right),) = _bands(figure.layout.to_plotly_json())
    assert hours.end < left <= band.start < band.end <= right
    x0, x1 = _x_of(figure, "y-2")
    assert band.start <= x0 <= x1 <= band.end
    for mention in ("x-1", "x-2", "y-1"):  # timed by its own report or another
        start, end = _x_of(figure, mention)
        assert hours.start <= start <= end <= hours.end
    labels = [a.text for a in figure.layout.annotations]
    assert "<b>time not reported</b>" in labels
    trace, i = _row_of(figure, "y-2")
    assert "Time: no clock time reported; #1 in the order the reports give" in trace.hovertext[i]
    assert "'time not reported'" in " ".join(labels)  # the notes under the plot say what it is
    ticks = dict(zip(figure.layout.xaxis.tickvals, figure.layout.xaxis.ticktext, strict=True))
    assert [text for x, text in ticks.items() if left <= x <= right] == ["#1"]
    assert all(HHMM.search(text) for x, text in ticks.items() if x < left)


def test_the_story_menu_shows_each_story_with_its_band() -> None:
    figure = timeline_figure(stories_table())
    entries = {b.label.split(",")[0]: b.args[1] for b in _story_menu(figure).buttons}
    geneva = timeline_figure(stories_table(), story="geneva-2021")
    assert _bands(entries["Geneva"]) == _bands(geneva.layout.to_plotly_json()) != []
    assert _bands(entries["Anchorage"]) == [] == _bands(figure.layout.to_plotly_json())
    assert "<b>time not reported</b>" in {a["text"] for a in entries["Geneva"]["annotations"]}


# ---------------------------------------------------------------- layout in any width


def test_the_figure_has_no_fixed_width_and_wraps_its_texts() -> None:
    figure = timeline_figure(clock_table())
    assert figure.layout.width is None and figure.layout.autosize is True
    assert max(len(line) for line in figure.layout.xaxis.title.text.split("<br>")) <= 26
    for label in figure.layout.yaxis.ticktext:
        assert len(label.split("<br>")) <= 2
        assert max(len(line) for line in label.split("<br>")) <= 26
    assert figure.layout.yaxis.automargin is True
    assert figure.layout.margin.l >= 100  # room for the labels beside the axis


def test_row_labels_inside_the_rows_give_the_plot_the_whole_width() -> None:
    table = alaska_table()
    figure = timeline_figure(table, row_labels="inside")
    assert figure.layout.yaxis.showticklabels is False
    assert figure.layout.margin.l <= 16
    labels = {a.text for a in figure.layout.annotations if a.yref in (None, "y")}
    assert "Press statement: Putin, Trump · Anchorage" in labels
    # each outlet's mark below its row's label: in the lower part of the row
    trace, i = _row_of(figure, "b-2")
    row = round(trace.y[i])
    assert row - 0.2 <= trace.y[i] <= row + 0.44
    with pytest.raises(ValueError, match="row_labels"):
        timeline_figure(table, row_labels="left")  # type: ignore[arg-type]


def _shown_ticks(figure: go.Figure) -> list[tuple[float, str]]:
    axis = figure.layout.xaxis
    return [(x, text) for x, text in zip(axis.tickvals, axis.ticktext, strict=True) if text]


@pytest.mark.parametrize("width", [368, 568, 968])
def test_a_known_width_thins_the_tick_labels_and_stacks_the_day_labels(width: int) -> None:
    table = summits_table()
    story = "biden-putin-geneva-2021-06-16"
    figure = timeline_figure(table, story=story, row_labels="inside", fit_width=width)
    lo, hi = figure.layout.xaxis.range
    plot = width - figure.layout.margin.l - figure.layout.margin.r
    # each shown label (about 7 px a character) beside the next, none on it
    shown = [((x - lo) / (hi - lo) * plot, len(text) * 7.2 / 2) for x, text in _shown_ticks(figure)]
    for (a, half_a), (b, half_b) in itertools.pairwise(shown):
        assert b - a >= half_a + half_b + MIN_TICK_PX
    # the day labels over the plot: none runs into another or out of the figure
    boxes = []
    for note in figure.layout.annotations:
        if note.yref == "paper" and note.y == 1 and note.xanchor in ("left", "right"):
            lines = note.text.replace("<b>", "").replace("</b>", "").split("<br>")
            px = max(len(line) for line in lines) * 11 * 0.6
            start = (note.x - lo) / (hi - lo) * plot - (px if note.xanchor == "right" else 0)
            boxes.append((note.yshift, start, start + px))
    assert len(boxes) == 4
    for shift, start, end in boxes:
        assert -figure.layout.margin.l <= start and end <= plot + figure.layout.margin.r
        for other, other_start, other_end in boxes:
            if (other, other_start) != (shift, start) and other == shift:
                assert end <= other_start or other_end <= start
    with pytest.raises(ValueError, match="fit_width"):
        timeline_figure(table, story=story, fit_width=0)
