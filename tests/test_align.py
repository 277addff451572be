"""One event_id for the same event across reports and languages."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

import summit_timeline as st
from summit_timeline.knowledge.model import formats_differ
from summit_timeline.reading.load import parse_report
from summit_timeline.table.align import (
    _SMALL,
    Candidate,
    _bridge,
    _Cluster,
    _similarity,
    align,
    event_id_for,
)

DE = """---
title: Biden und Putin beenden Gipfel in Genf
outlet: Testblatt
published: 2021-06-16 21:30
timezone: Europe/Berlin
language: de
---
Biden und Putin haben am Mittwoch in Genf knapp vier Stunden lang Gespräche geführt.
Danach gab Putin eine Pressekonferenz.
"""

EN = """---
title: Biden, Putin meet in Geneva
outlet: Test Wire
published: 2021-06-16 20:10
timezone: UTC
language: en
---
Biden and Putin held talks in Geneva on Wednesday for about three and a half hours.
Putin then gave a news conference.
Biden will fly back to Washington later on Wednesday.
"""

OTHER = """---
title: Trump und Kim in Singapur
outlet: Testblatt
published: 2018-06-12 12:00
timezone: Europe/Berlin
language: de
---
Trump und Kim haben am Dienstag in Singapur Gespräche geführt.
"""


def _table(*texts: tuple[str, str]):
    return st.extract_events([parse_report(t, report_id=rid) for rid, t in texts])


def test_same_talks_in_two_languages_share_an_event_id():
    table = _table(("de", DE), ("en", EN))
    talks = table[table.event_type == "talks"]
    assert len(talks) == 2
    assert talks.event_id.nunique() == 1
    assert set(talks.duration_min) == {240.0, 210.0}
    press = table[table.event_type == "press_statement"]
    assert press.event_id.nunique() == 1


def test_events_of_another_summit_stay_apart():
    table = _table(("de", DE), ("en", EN), ("other", OTHER))
    talks = table[table.event_type == "talks"]
    assert talks.event_id.nunique() == 2
    assert set(talks[talks.report_id == "other"].date.astype(str)) == {"2018-06-12"}


def test_event_ids_do_not_depend_on_report_order():
    a = _table(("de", DE), ("en", EN))
    b = _table(("en", EN), ("de", DE))
    assert dict(zip(a.mention_id, a.event_id, strict=True)) == dict(
        zip(b.mention_id, b.event_id, strict=True)
    )


def test_an_english_report_joins_the_german_samples_events():
    """tests/data/crosslang/alaska_en_wire.txt (written for the project) + the two samples."""
    from conftest import DATA, SAMPLES

    table = st.extract_events(st.load_reports([SAMPLES, DATA / "crosslang" / "alaska_en_wire.txt"]))
    english = table[table.report_id == "alaska_en_wire"]
    assert set(zip(english.event_type, english.status, strict=True)) >= {
        ("talks", "occurred"),
        ("talks", "cancelled"),
        ("press_statement", "occurred"),
        ("invitation", "proposed"),
        ("phone_call", "announced"),
        ("departure", "occurred"),
    }
    for event_type, status in [
        ("talks", "occurred"),
        ("talks", "cancelled"),
        ("press_statement", "occurred"),
        ("invitation", "proposed"),
        ("phone_call", "announced"),
    ]:
        rows = table[(table.event_type == event_type) & (table.status == status)]
        assert rows.event_id.nunique() == 1, (event_type, status, rows.report_id.tolist())
    # "He flew back to Washington" is Trump's own departure; the samples tell both leaders
    # leaving the room: each leader's departure is an event of its own
    left = table[(table.event_type == "departure") & (table.status == "occurred")]
    alone = left[left.report_id == "alaska_en_wire"]
    assert list(alone.iloc[0].actors) == ["Trump"]
    assert alone.iloc[0].event_id not in set(left[left.report_id != "alaska_en_wire"].event_id)
    assert left[left.report_id != "alaska_en_wire"].event_id.nunique() == 1
    press = english[english.event_type == "press_statement"].iloc[0]
    assert (press.duration_min, press.duration_hedge) == (12.0, "about")


# --------------------------------------------------------------------------- pairs of mentions

GENEVA = {"place": "Geneva", "place_within": ("Switzerland",), "timezone": "Europe/Zurich"}


def _candidate(report_id: str, **fields: object) -> Candidate:
    values: dict[str, object] = {
        "mention_id": f"{report_id}-1",
        "report_id": report_id,
        "event_type": "talks",
        "status": "occurred",
        "actors": ("Biden", "Putin"),
        **GENEVA,
        "dates": (dt.date(2021, 6, 16),),
        "talk_format": None,
        "position": 1,
    }
    values.update(fields)
    values.setdefault("people", values["actors"])
    return Candidate(**values)  # type: ignore[arg-type]


# (fields of the first mention, fields of the second, whether they are one event)
PAIRS = [
    ({}, {}, True),
    # status: announced and proposed are both "not yet"
    ({"status": "announced"}, {"status": "proposed"}, True),
    ({"status": "occurred"}, {"status": "cancelled"}, False),
    # announced for the day it was held (or called off): one event told before and after
    ({"status": "occurred"}, {"status": "announced"}, True),
    ({"status": "cancelled"}, {"status": "announced"}, True),
    # ... but not an announcement of no day written after it, nor one of another day
    (
        {"status": "occurred"},
        {"status": "announced", "dates": (), "published": dt.date(2021, 6, 18)},
        False,
    ),
    (
        {"status": "occurred"},
        {"status": "announced", "dates": (dt.date(2021, 6, 18),)},
        False,
    ),
    ({"event_type": "talks"}, {"event_type": "arrival"}, False),
    # actors: overlapping, or one names none
    ({"actors": ("Biden", "Putin")}, {"actors": ("Putin",)}, True),
    ({"actors": ("Biden",)}, {"actors": ()}, True),
    ({"actors": ("Biden",)}, {"actors": ("Putin",)}, False),
    # a meeting with another counterpart is another meeting; an arrival of the same leader is not
    (
        {"meeting": True, "actors": ("Xi", "Putin")},
        {"meeting": True, "actors": ("Macron", "Putin")},
        False,
    ),
    (
        {"meeting": True, "actors": ("Biden", "Putin", "Lavrov")},
        {"meeting": True, "actors": ("Blinken", "Biden", "Putin")},
        True,
    ),
    ({"actors": ("Xi", "Putin")}, {"actors": ("Macron", "Putin")}, True),
    # each leader's arrival is an event of its own; a greeting of both is another
    (
        {"event_type": "arrival", "per_person": True, "actors": ("Biden",)},
        {"event_type": "arrival", "per_person": True, "actors": ("Biden", "Putin")},
        False,
    ),
    (
        {"event_type": "arrival", "per_person": True, "actors": ("Putin",)},
        {"event_type": "arrival", "per_person": True, "actors": ("Putin",)},
        True,
    ),
    ({"event_type": "arrival", "per_person": True}, {"event_type": "arrival", "actors": ()}, True),
    # a group named beside a leader is no counterpart
    (
        {"meeting": True, "actors": ("Orbán", "EU"), "people": ("Orbán",)},
        {"meeting": True, "actors": ("Orbán", "Putin")},
        True,
    ),
    # ... but one person who meets a group given as the other side meets no one named
    (
        {"meeting": True, "actors": ("Orbán", "EU"), "people": ("Orbán",), "meets_group": True},
        {"meeting": True, "actors": ("Orbán", "Putin")},
        False,
    ),
    # ... nor do meetings told as several of two with others not named ("will hold further
    # bilateral talks"), though the report's other principal was taken as their side
    ({"meeting": True, "several_others": True}, {"meeting": True}, False),
    ({"meeting": True}, {"meeting": True, "several_others": True}, False),
    # places: the same, one inside the other, one zone, or one unknown
    ({}, {"place": "Villa La Grange", "place_within": ("Geneva",)}, True),
    ({}, {"place": "Switzerland", "place_within": (), "timezone": "Europe/Zurich"}, True),
    ({}, {"place": "Bern", "place_within": ("Switzerland",)}, True),
    ({}, {"place": None, "place_within": (), "timezone": None}, True),
    ({}, {"place": "Moscow", "place_within": ("Russia",), "timezone": "Europe/Moscow"}, False),
    # ... but not one zone for types whose places must differ
    (
        {"distinct_places": True},
        {"place": "Bern", "place_within": ("Switzerland",), "distinct_places": True},
        False,
    ),
    # dates: sharing a candidate, or one undated
    (
        {"dates": (dt.date(2021, 6, 16),)},
        {"dates": (dt.date(2021, 6, 15), dt.date(2021, 6, 16))},
        True,
    ),
    ({"dates": (dt.date(2021, 6, 16),)}, {"dates": ()}, True),
    ({"dates": (dt.date(2021, 6, 16),)}, {"dates": (dt.date(2021, 6, 17),)}, False),
    # talk formats: only two different ones keep mentions apart
    ({"talk_format": "one_on_one"}, {"talk_format": None}, True),
    ({"talk_format": "one_on_one"}, {"talk_format": "delegations"}, False),
    # a meeting naming one person, told by a report that names the other nowhere, is not that
    # person's meeting with the other; told by one that names the other, it may be
    (
        {"meeting": True, "in_person": True, "actors": ("Putin",), "names": frozenset({"Putin"})},
        {"meeting": True, "in_person": True, "actors": ("Xi", "Putin")},
        False,
    ),
    (
        {"meeting": True, "in_person": True, "actors": ("Putin",), "names": frozenset({"Xi"})},
        {"meeting": True, "in_person": True, "actors": ("Xi", "Putin")},
        True,
    ),
]


@pytest.mark.parametrize(("first", "second", "same"), PAIRS)
def test_compatible_and_incompatible_pairs(first: dict, second: dict, same: bool) -> None:
    a, b = _candidate("a", **first), _candidate("b", **second)
    for pair in ([a, b], [b, a]):
        ids = align(pair)
        assert (ids[a.mention_id] == ids[b.mention_id]) is same


def test_an_announcement_joins_only_the_one_event_held_that_day() -> None:
    """Two meetings held that day (with different counterparts): an announcement naming only
    the common leader could be either, so it joins neither; one naming both joins its own."""
    xi = _candidate("a", actors=("Putin", "Xi"), meeting=True)
    modi = _candidate("b", actors=("Putin", "Modi"), meeting=True)
    vague = _candidate("c", actors=("Putin",), status="announced", meeting=True)
    ids = align([xi, modi, vague])
    assert ids["c-1"] not in (ids["a-1"], ids["b-1"])
    named = _candidate("c", actors=("Putin", "Modi"), status="announced", meeting=True)
    ids = align([xi, modi, named])
    assert ids["c-1"] == ids["b-1"] != ids["a-1"]


def test_an_announcement_joins_the_event_held_though_its_report_tells_both() -> None:
    """A live blog announces the press conference, then reports it held; another report tells
    it held: one event, told three times."""
    day = (dt.date(2025, 9, 29),)
    ahead = _candidate("a", status="announced", dates=day, actors=("Trump", "Netanyahu"))
    held = _candidate("a", mention_id="a-2", position=2, dates=day, actors=("Trump", "Netanyahu"))
    other = _candidate("b", dates=day, actors=("Trump", "Netanyahu"))
    ids = align([ahead, held, other])
    assert ids["a-1"] == ids["a-2"] == ids["b-1"]


def test_an_announcement_joins_no_event_held_that_only_its_own_report_tells() -> None:
    """A report says the two are to hold talks this afternoon and recalls that they first met at
    a summit in another town; no other report tells either: two events. Another report telling
    the talks held makes them the one event the first told twice."""
    day = (dt.date(2024, 11, 7),)
    people = {"actors": ("Lindqvist", "Oyelaran"), "meeting": True}
    ahead = _candidate("a", status="announced", dates=day, **people)
    recalled = _candidate("a", mention_id="a-2", position=5, dates=(), **people)
    ids = align([ahead, recalled])
    assert ids["a-1"] != ids["a-2"]
    other = _candidate("b", dates=day, **people)
    ids = align([ahead, recalled, other])
    assert ids["a-1"] == ids["b-1"]


def test_an_announcement_joins_the_event_held_that_one_of_its_reports_tells_twice() -> None:
    """Two reports tell the talks held; one of them tells them a second time, lower down, and
    that mention is left an event of its own (an event holds one mention of a report). An
    announcement of the talks that day joins the event both reports tell, not the repeat."""
    day = (dt.date(2024, 3, 5),)
    people = {"actors": ("Lindqvist", "Oyelaran"), "meeting": True}
    first = _candidate("a", dates=day, **people)
    other = _candidate("b", dates=day, **people)
    again = _candidate("b", mention_id="b-2", position=9, dates=day, **people)
    ahead = _candidate("c", status="announced", dates=day, **people)
    ids = align([first, other, again, ahead])
    assert ids["a-1"] == ids["b-1"] != ids["b-2"]
    assert ids["c-1"] == ids["a-1"]


def test_an_announcement_joins_a_held_event_only_if_it_fits_all_its_mentions() -> None:
    """The held meeting's first mention names Lula alone, a later one Lula and Putin: Lula's
    announced meeting with Fico that day is another event."""
    day = (dt.date(2025, 5, 9),)
    lula = _candidate("a", dates=day, actors=("Lula",), meeting=True)
    both = _candidate("b", dates=day, actors=("Lula", "Putin"), meeting=True)
    fico = _candidate("c", status="announced", dates=day, actors=("Lula", "Fico"), meeting=True)
    ids = align([lula, both, fico])
    assert ids["a-1"] == ids["b-1"] != ids["c-1"]


def test_an_announcement_with_no_day_joins_the_event_held_only_from_a_preview() -> None:
    """A report written the day before the talks announces them with no day: the talks it
    previews; one written after them announcing talks with no day looks ahead to others, and
    one naming other people is about another meeting."""
    day = dt.date(2021, 6, 16)
    held = _candidate("a", dates=(day,), meeting=True)
    before = day - dt.timedelta(days=1)
    preview = _candidate("b", status="announced", dates=(), published=before, meeting=True)
    ids = align([held, preview])
    assert ids["a-1"] == ids["b-1"]
    after = _candidate("b", status="announced", dates=(), published=day + dt.timedelta(days=2))
    ids = align([held, after])
    assert ids["a-1"] != ids["b-1"]
    others = _candidate(
        "b",
        status="announced",
        dates=(),
        published=before,
        actors=("Biden", "Putin", "Zelensky"),
        meeting=True,
    )
    ids = align([held, others])
    assert ids["a-1"] != ids["b-1"]


def test_a_preview_written_on_a_day_the_held_event_may_have_taken_joins_it() -> None:
    """Reports leave the held talks on the 15th or the 16th (one published the morning after
    may tell the evening before); an announcement with no day written on the 16th previews
    them; one written on the 17th looks ahead to other talks."""
    day = dt.date(2021, 6, 16)
    held = _candidate("a", dates=(day - dt.timedelta(days=1), day), meeting=True)
    preview = _candidate("b", status="announced", dates=(), published=day, meeting=True)
    ids = align([held, preview])
    assert ids["a-1"] == ids["b-1"]
    after = replace(preview, published=day + dt.timedelta(days=1))
    ids = align([held, after])
    assert ids["a-1"] != ids["b-1"]


def test_an_announcement_from_a_report_of_no_known_day_joins_the_one_event_held() -> None:
    """A report whose day is not known announces talks with no day: the one held event of its
    story's type told with the same people, unless it tells that event itself (then it looks
    ahead to other talks), one of them was told with other people, or two were held."""
    day = dt.date(2021, 6, 16)
    held = _candidate("a", dates=(day,), meeting=True)
    unknown = _candidate("b", status="announced", dates=(), meeting=True)
    ids = align([held, unknown])
    assert ids["a-1"] == ids["b-1"]
    told_there = _candidate("a", mention_id="a-2", status="announced", dates=(), meeting=True)
    ids = align([held, told_there])
    assert ids["a-1"] != ids["a-2"]
    others = _candidate("b", status="announced", dates=(), actors=("Biden",), meeting=True)
    ids = align([held, others])
    assert ids["a-1"] != ids["b-1"]
    next_day = _candidate("c", dates=(day + dt.timedelta(days=1),), meeting=True)
    ids = align([held, next_day, unknown])
    assert ids["a-1"] != ids["c-1"]
    assert ids["b-1"] not in (ids["a-1"], ids["c-1"])
    # an arrival announced may be another leg of the journey
    landed = _candidate("a", event_type="arrival", actors=("Biden",), per_person=True)
    coming = _candidate(
        "b", event_type="arrival", status="announced", dates=(), actors=("Biden",), per_person=True
    )
    ids = align([landed, coming])
    assert ids["a-1"] != ids["b-1"]


def test_a_dated_announcement_joins_the_one_event_held_that_names_no_day() -> None:
    """Talks announced for a day, and talks of the same two told held with no day that their
    story gives none either: one event; not talks told with other people, not one of two
    such, and not talks held on another day."""
    day = dt.date(2022, 11, 17)
    ahead = _candidate("a", status="announced", dates=(day,), meeting=True)
    held = _candidate("b", dates=(), meeting=True)
    ids = align([ahead, held])
    assert ids["a-1"] == ids["b-1"]
    others = _candidate("b", dates=(), actors=("Biden", "Xi"), meeting=True)
    ids = align([ahead, others])
    assert ids["a-1"] != ids["b-1"]
    nowhere = replace(ahead, place=None, place_within=(), timezone=None)
    helsinki = {"place": "Helsinki", "place_within": ("Finland",), "timezone": "Europe/Helsinki"}
    twice = _candidate("c", dates=(), meeting=True, **helsinki)
    ids = align([nowhere, held, twice])
    assert ids["b-1"] != ids["c-1"]
    assert ids["a-1"] not in (ids["b-1"], ids["c-1"])
    before = _candidate("b", dates=(day - dt.timedelta(days=3),), meeting=True)
    ids = align([ahead, before])
    assert ids["a-1"] != ids["b-1"]


def test_a_dated_announcement_joins_the_undated_event_held_though_others_were_held() -> None:
    """Talks announced for a day join the talks of the same two told held with no day (that
    their story gives none either) also where talks of other people were held that day: none
    held that day could be the announced ones."""
    day = dt.date(2022, 11, 17)
    ahead = _candidate("a", status="announced", dates=(day,), meeting=True)
    held = _candidate("b", dates=(), meeting=True)
    ministers = _candidate("c", dates=(day,), actors=("Blinken", "Lavrov"), meeting=True)
    ids = align([ahead, held, ministers])
    assert ids["a-1"] == ids["b-1"]
    assert ids["c-1"] not in (ids["a-1"], ids["b-1"])


def test_an_announcement_whose_report_tells_the_talks_held_there_joins_them() -> None:
    """A report that announces talks with no day ("she flew to Geneva to meet him") and tells
    them held in Geneva, as another report does, tells one event; not if it names no place or
    another one, nor if no other report tells the talks held (then it may look ahead)."""
    day = dt.date(2021, 6, 16)
    held = _candidate("a", dates=(day,), meeting=True)
    also = _candidate("b", dates=(day,), meeting=True)
    coming = _candidate(
        "a", mention_id="a-2", position=0, status="announced", dates=(), meeting=True
    )
    ids = align([held, also, coming])
    assert ids["a-1"] == ids["b-1"] == ids["a-2"]
    nowhere = replace(coming, place=None, place_within=(), timezone=None)
    ids = align([held, also, nowhere])
    assert ids["a-1"] == ids["b-1"] != ids["a-2"]
    elsewhere = replace(coming, place="Lausanne")
    ids = align([held, also, elsewhere])
    assert ids["a-2"] != ids["a-1"]
    ids = align([held, coming])
    assert ids["a-1"] != ids["a-2"]


def test_an_announcement_given_its_day_by_its_story_joins_the_event_held_that_day() -> None:
    """An announcement that names no day ("in the afternoon") but whose story sets it on a day
    joins the event held that day, not one held on another."""
    day = dt.date(2023, 2, 25)
    held = _candidate("a", dates=(day,), meeting=True)
    programme = _candidate("b", status="announced", dates=(), settled=(day,), meeting=True)
    ids = align([held, programme])
    assert ids["a-1"] == ids["b-1"]
    other = _candidate("a", dates=(day + dt.timedelta(days=1),), meeting=True)
    ids = align([other, programme])
    assert ids["a-1"] != ids["b-1"]


def test_an_announcement_joins_by_the_day_one_of_its_reports_is_given() -> None:
    """An announcement told by two previews, one of which its story sets on a day, joins the
    event held that day: the other preview, given no day, does not hold it back; of two events
    held that day, it joins the one told with the same people, not the delegations' talks."""
    day = dt.date(2023, 2, 25)
    held = _candidate("a", dates=(day,), meeting=True, actors=("Scholz", "Modi"))
    delegations = _candidate(
        "a",
        mention_id="a-2",
        position=2,
        dates=(day,),
        meeting=True,
        actors=("Scholz", "Modi", "Jaishankar", "Doval"),
    )
    settled = _candidate(
        "b", status="announced", dates=(), settled=(day,), meeting=True, actors=("Scholz", "Modi")
    )
    unsettled = _candidate(
        "c", status="announced", dates=(), meeting=True, actors=("Scholz", "Modi")
    )
    ids = align([held, delegations, settled, unsettled])
    assert ids["b-1"] == ids["c-1"] == ids["a-1"] != ids["a-2"]


def test_announcements_their_stories_set_on_different_days_are_two_events() -> None:
    """Two previews their stories set on different days ("official talks are planned for
    Tuesday", "the informal meeting will begin at 4:30 pm" on Monday) announce two events, even
    with a preview of no day between them: the one set on Monday joins the meeting held then."""
    monday = dt.date(2023, 3, 20)
    held = _candidate("a", dates=(monday,), meeting=True)
    tuesday = _candidate(
        "b", status="announced", dates=(), settled=(monday + dt.timedelta(days=1),), meeting=True
    )
    no_day = _candidate("c", status="announced", dates=(), meeting=True)
    informal = _candidate("d", status="announced", dates=(), settled=(monday,), meeting=True)
    ids = align([held, tuesday, no_day, informal])
    assert ids["d-1"] == ids["a-1"] != ids["b-1"]


def test_held_events_told_undated_that_their_stories_set_on_different_days_are_two() -> None:
    """The ministers "met on Sunday" in one report and met "hours before" Monday's summit in
    another: told with no day the kit can align on, they are one event until their stories
    set them on different days; then one event per day. Where one mention has no such day,
    nothing tells them apart."""
    sunday, monday = dt.date(2016, 9, 4), dt.date(2016, 9, 5)
    days = {"a": sunday, "b": monday, "c": sunday, "d": monday}
    told = [_candidate(r, dates=(), settled=(day,), meeting=True) for r, day in days.items()]
    ids = align(told)
    assert ids["a-1"] == ids["c-1"] != ids["b-1"] == ids["d-1"]
    ids = align([*told, _candidate("e", dates=(), meeting=True)])
    assert len(set(ids.values())) == 1
    # a day some mention names settles the event: the stories' days do not split it
    ids = align([*told, _candidate("e", dates=(sunday,), meeting=True)])
    assert len(set(ids.values())) == 1


def test_a_mention_does_not_join_a_cluster_holding_a_mention_of_another_format() -> None:
    """A cluster opened by talks of no format that a working lunch has joined takes no dinner:
    "talks up to a working lunch on Friday" and "the pre-dinner talks" are two events, though
    the first mention ("talks on trade") fits both."""
    opened = _candidate("a")
    lunch = _candidate("b", talk_format="meal_lunch")
    dinner = _candidate("c", talk_format="meal_dinner")
    ids = align([opened, lunch, dinner])
    assert ids["a-1"] == ids["b-1"] != ids["c-1"]


WASHINGTON_REPORT = """---
title: Biden and Albanese
outlet: {outlet}
published: 2023-10-26 08:00
timezone: America/New_York
language: en
---
{body}
"""


def test_a_dinner_told_as_such_is_not_the_talks_told_with_no_format() -> None:
    """Invented reports: "had dinner at the White House" tells the dinner, another event than
    "met ... in the Oval Office"; talks "that ended with a dinner" are still those talks."""
    met = WASHINGTON_REPORT.format(
        outlet="Wire A",
        body="President Biden met Prime Minister Albanese in the Oval Office in Washington on "
        "Wednesday.",
    )
    dinner = WASHINGTON_REPORT.format(
        outlet="Wire B",
        body="President Biden and Prime Minister Albanese had dinner at the White House in "
        "Washington on Wednesday.",
    )
    capped = WASHINGTON_REPORT.format(
        outlet="Wire C",
        body="President Biden and Prime Minister Albanese held talks in Washington on Wednesday "
        "that ended with a dinner.",
    )
    apart = _table(("a", met), ("b", dinner))
    assert apart[apart.event_type == "talks"].event_id.nunique() == 2
    joined = _table(("a", met), ("c", capped))
    assert joined[joined.event_type == "talks"].event_id.nunique() == 1


def test_a_format_told_apart_joins_no_cluster_holding_talks_of_no_format() -> None:
    """A dinner told as such ("had dinner") joins neither talks of no format nor a cluster that
    holds them beside a dinner attached to talks; a dinner attached to talks joins either."""
    talks = _candidate("a")
    capped = _candidate("b", talk_format="meal_dinner")
    dinner = _candidate("c", talk_format="meal_dinner", format_apart=True)
    ids = align([talks, capped, dinner])
    assert ids["a-1"] == ids["b-1"] != ids["c-1"]
    assert len(set(align([dinner, _candidate("d")]).values())) == 2


def test_announced_talks_join_no_event_held_as_the_meal_their_report_tells_apart() -> None:
    """A preview names talks and, apart, the dinner to follow ("they will meet in the morning;
    in the evening the hosts give a dinner"); the held event of that day that other reports
    tell holds both their talks and the dinner one of them attached to them. The talks the
    preview names with no format are not that event; without the dinner told apart they are."""
    day = (dt.date(2024, 5, 14),)
    people = {"actors": ("Lindqvist", "Oyelaran"), "meeting": True}
    held = _candidate("a", dates=day, **people)
    capped = _candidate("b", dates=day, talk_format="meal_dinner", **people)
    ahead = _candidate("c", status="announced", dates=day, **people)
    dinner = _candidate(
        "c",
        mention_id="c-2",
        position=2,
        status="announced",
        dates=day,
        talk_format="meal_dinner",
        format_apart=True,
        **people,
    )
    ids = align([held, capped, ahead, dinner])
    assert ids["a-1"] == ids["b-1"] != ids["c-1"]
    ids = align([held, capped, ahead])
    assert ids["a-1"] == ids["b-1"] == ids["c-1"]


def test_a_meal_announced_is_not_the_talks_its_report_tells_held_with_no_format() -> None:
    """A report tells the two met this morning and that a lunch with their spouses was planned
    later; another tells the talks held: the lunch is another item of the day. The other way
    round too: a report that tells their lunch held and announces that they will then meet again
    announces other talks. A lunch announced by a report that tells no talks held still joins
    the lunch another report tells held."""
    day = (dt.date(2024, 9, 12),)
    people = {"actors": ("Lindqvist", "Oyelaran"), "meeting": True, "dates": day}
    lunch = {"talk_format": "meal_lunch", "format_item": True}
    later = {"mention_id": "a-2", "position": 4, "status": "announced", "sequenced": True}
    met = _candidate("a", **people)
    other = _candidate("b", **people)
    ids = align([met, _candidate("a", **later, **people, **lunch), other])
    assert ids["a-1"] == ids["b-1"] != ids["a-2"]
    # told with no word of a sequence ("a lunch is planned"), it may be the meeting itself
    ids = align([met, _candidate("a", **{**later, "sequenced": False}, **people, **lunch), other])
    assert ids["a-1"] == ids["b-1"] == ids["a-2"]
    had = _candidate("a", **people, **lunch)
    ids = align([had, _candidate("a", **later, **people), _candidate("b", **people, **lunch)])
    assert ids["a-1"] == ids["b-1"] != ids["a-2"]
    ahead = _candidate("c", **{**later, "mention_id": "c-1"}, **people, **lunch)
    ids = align([ahead, _candidate("d", **people, **lunch)])
    assert ids["c-1"] == ids["d-1"]


def test_an_announcement_dated_by_its_story_joins_a_held_event_dated_by_it_too() -> None:
    """An announcement and a held event that name no day but that their story sets on one
    ("danach soll es eine Pressekonferenz geben", and the one a report tells held) are one
    event when told with the same people; with other people, they are not."""
    day = dt.date(2023, 5, 14)
    held = _candidate("a", event_type="press_statement", dates=(), settled=(day,))
    coming = _candidate(
        "b", event_type="press_statement", status="announced", dates=(), settled=(day,)
    )
    ids = align([held, coming])
    assert ids["a-1"] == ids["b-1"]
    other = _candidate(
        "b",
        event_type="press_statement",
        status="announced",
        dates=(),
        settled=(day,),
        actors=("Biden",),
    )
    ids = align([held, other])
    assert ids["a-1"] != ids["b-1"]


def test_a_joint_press_conference_is_one_event_whoever_is_quoted_from_it() -> None:
    """One report quotes Putin from a press conference, another Macron, a third tells it as
    Putin's and Macron's together: one event. Two statements of the two that no report tells
    as held together stay two, though given on one day in one city."""
    press = {"event_type": "press_statement", "spoken": True}
    putin = _candidate("a", actors=("Putin",), **press)
    both = _candidate("b", actors=("Putin", "Macron"), **press)
    macron = _candidate("c", actors=("Macron",), **press)
    ids = align([putin, both, macron])
    assert ids["a-1"] == ids["b-1"] == ids["c-1"]
    ids = align([putin, macron])
    assert ids["a-1"] != ids["c-1"]
    # only a type whose people are who speak at it
    ids = align([replace(m, spoken=False) for m in (putin, both, macron)])
    assert ids["a-1"] != ids["c-1"]


def test_two_mentions_of_one_report_are_never_one_event() -> None:
    a = _candidate("a")
    b = _candidate("a", mention_id="a-2", position=2)
    ids = align([a, b])
    assert ids[a.mention_id] != ids[b.mention_id]


def test_a_mention_joins_the_most_similar_cluster() -> None:
    # report a has two talks, one naming Biden, one naming both; report b's names both
    biden = _candidate("a", actors=("Biden",), mention_id="a-1")
    both = _candidate("a", actors=("Biden", "Putin"), mention_id="a-2", position=2)
    other = _candidate("b", actors=("Biden", "Putin"))
    ids = align([biden, both, other])
    assert ids["b-1"] == ids["a-2"] != ids["a-1"]


def test_dates_agreed_by_a_cluster_narrow_what_joins_it() -> None:
    # a day-only report (15 or 16) joins a report of the 16th; a third report of the 15th
    # no longer fits the cluster, whose members agree on the 16th only
    a = _candidate("a", dates=(dt.date(2021, 6, 15), dt.date(2021, 6, 16)))
    b = _candidate("b", dates=(dt.date(2021, 6, 16),))
    c = _candidate("c", dates=(dt.date(2021, 6, 15),))
    ids = align([a, b, c])
    assert ids["a-1"] == ids["b-1"] != ids["c-1"]
    assert ids["a-1"].startswith("talks-2021-06-16-")
    assert ids["c-1"].startswith("talks-2021-06-15-")


def test_a_cluster_dated_by_its_members_is_not_outbid_by_a_reports_second_telling() -> None:
    # report a tells the talks with no day; report b dates them and tells them once more lower
    # down, a second telling that cannot join its first and opens an event of its own; report
    # c, dated too, joins the talks a and b told, not b's second telling
    a = _candidate("a", dates=())
    b = _candidate("b")
    again = _candidate("b", mention_id="b-2", position=2)
    c = _candidate("c")
    ids = align([a, b, again, c])
    assert ids["c-1"] == ids["a-1"] == ids["b-1"] != ids["b-2"]


def test_event_ids_are_stable_and_name_type_and_day() -> None:
    pair = [_candidate("a"), _candidate("b")]
    assert align(pair) == align(list(reversed(pair)))
    assert align(pair)["a-1"].startswith("talks-2021-06-16-")
    assert align([_candidate("a", dates=())])["a-1"].startswith("talks-undated-")


# ------------------------------------------------------------------ blocking changes no result


def _every_cluster(candidates: list[Candidate]) -> dict[str, str]:
    """The greedy clustering without blocking: each candidate meets every cluster of its type."""
    clusters: list[tuple[Candidate, list[Candidate], set[dt.date]]] = []
    for cand in sorted(candidates, key=lambda c: (c.report_id, c.position, c.mention_id)):
        best = None
        for cluster in clusters:
            seed, members, dates = cluster
            if seed.event_type != cand.event_type:
                continue
            if any(m.report_id == cand.report_id for m in members):
                continue
            if cand.dates and dates and not dates & set(cand.dates):
                continue
            if any(formats_differ(cand.talk_format, m.talk_format) for m in members):
                continue
            if any(
                (cand.format_apart and not m.talk_format)
                or (m.format_apart and not cand.talk_format)
                for m in members
            ):
                continue
            score = _similarity(cand, seed)
            if score is not None and cand.dates and dates and not seed.dates:
                score += 0.5
            if score is not None and (best is None or score > best[0]):
                best = (score, cluster)
        if best is None:
            clusters.append((cand, [cand], set(cand.dates)))
            continue
        _, members, dates = best[1]
        members.append(cand)
        if cand.dates:
            narrowed = dates & set(cand.dates) if dates else set(cand.dates)
            dates.clear()
            dates.update(narrowed)
    # then announcements join the events held on their day, as in ``align``
    made = []
    for order, (seed, members, _) in enumerate(clusters):
        cluster = _Cluster(seed=seed, order=order)
        for m in members:
            cluster.add(m)
        made.append(cluster)
    return {m.mention_id: event_id_for(c.members) for c in _bridge(made) for m in c.members}


def _random_candidates(rng: random.Random, count: int) -> list[Candidate]:
    people = ["Biden", "Putin", "Xi", "Kim", "Moon", "Trump"]
    places = [GENEVA, {"place": "Hanoi", "place_within": ("Vietnam",), "timezone": "Asia/Bangkok"}]
    places.append({"place": None, "place_within": (), "timezone": None})
    days = [dt.date(2021, 6, 14) + dt.timedelta(days=i) for i in range(5)]
    out = []
    for i in range(count):
        fmt = rng.choice([None, None, "one_on_one", "delegations", "meal_dinner"])
        out.append(
            _candidate(
                f"r{rng.randrange(count // 3 + 1)}",
                mention_id=f"m{i}",
                position=i,
                event_type=rng.choice(["talks", "talks", "press_statement"]),
                status=rng.choice(["occurred", "occurred", "announced", "proposed", "cancelled"]),
                actors=tuple(rng.sample(people, rng.choice([0, 1, 1, 2, 2, 3]))),
                dates=tuple(sorted(rng.sample(days, rng.choice([0, 1, 1, 1, 2, 3])))),
                talk_format=fmt,
                # a dinner told as such ("had dinner") or attached to talks
                format_apart=fmt == "meal_dinner" and rng.random() < 0.5,
                **rng.choice(places),
            )
        )
    return out


@pytest.mark.parametrize("seed", range(30))
def test_blocking_gives_the_ids_of_meeting_every_cluster(seed: int) -> None:
    candidates = _random_candidates(random.Random(seed), 200)
    assert align(candidates) == _every_cluster(candidates)


def test_an_undated_announcement_naming_no_one_joins_one_of_few_held_events() -> None:
    """Among a story's held events of its type that name no one, an announcement naming no one
    joins the one it can be; among many (more than ``_SMALL``) it is not compared with them
    all, and joins none: one that names no one cannot be told apart there."""
    day = dt.date(2021, 6, 16)
    unnamed = {"actors": (), "people": (), "meeting": True}
    coming = _candidate("z", status="announced", dates=(), **unnamed)
    held = _candidate("a", dates=(day,), **unnamed)
    ids = align([held, coming])
    assert ids["z-1"] == ids["a-1"]
    # the announcement's own report tells many more held talks: those it cannot be
    told_there = [
        _candidate(
            "z",
            mention_id=f"z-{i + 2}",
            position=i + 2,
            dates=(day + dt.timedelta(days=i + 1),),
            **unnamed,
        )
        for i in range(_SMALL)
    ]
    ids = align([held, *told_there, coming])
    assert len({ids[m.mention_id] for m in told_there}) == _SMALL
    assert ids["z-1"] != ids["a-1"]


def test_an_arrival_its_story_sets_on_its_own_weekday_is_not_one_dated_otherwise() -> None:
    """A person's arrival that names a weekday its story counted ("am Samstagabend
    eingetroffen": the Saturday, ``settled``) is not the arrival other reports date on the
    Monday, whichever report comes first; it joins one of its own day. One whose story gave it
    the story's day only (no day of its own) joins as before, and so do talks."""
    saturday, monday = dt.date(2022, 9, 17), dt.date(2022, 9, 19)
    arrival = {"event_type": "arrival", "actors": ("Biden",), "per_person": True}
    dated = _candidate("a", **arrival, dates=(monday,))
    told = _candidate("b", **arrival, dates=(), settled=(saturday,), day_told=True)
    again = _candidate("c", **arrival, dates=(saturday,))
    ids = align([dated, told, again])
    assert ids["a-1"] != ids["b-1"] == ids["c-1"]
    ids = align([replace(told, report_id="0", mention_id="0-1"), dated])
    assert ids["0-1"] != ids["a-1"]
    assert len(set(align([dated, replace(told, day_told=False)]).values())) == 1
    talks = {"event_type": "talks", "per_person": False}
    ids = align([replace(dated, **talks), replace(told, **talks)])
    assert len(set(ids.values())) == 1


def test_an_undated_reports_arrival_on_another_weekday_is_not_the_dated_one(tmp_path) -> None:
    """An undated report tells the president arriving in London on the Saturday evening; a
    dated one tells him arriving at the cathedral on the Monday of the service: two arrivals,
    the first on the Saturday its story counts."""
    (tmp_path / "wire.md").write_text(
        "---\noutlet: Wire\npublished: 2022-09-19 18:00+01:00\nlanguage: en\n---\n"
        "LONDON (Wire) - President Joe Biden arrived at the cathedral in London on Monday "
        "morning, an hour before the service began.\n",
        encoding="utf-8",
    )
    (tmp_path / "paper.md").write_text(
        "---\noutlet: Paper\nlanguage: de\n---\n"
        "US-Präsident Joe Biden ist am Samstagabend in London eingetroffen.\n",
        encoding="utf-8",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    arrivals = table[table.event_type == "arrival"].set_index("report_id")
    assert arrivals.loc["paper"].story_id == arrivals.loc["wire"].story_id
    assert arrivals.loc["paper"].date == dt.date(2022, 9, 17)
    assert arrivals.loc["paper"].event_id != arrivals.loc["wire"].event_id


def test_an_announced_meeting_of_two_more_people_is_not_the_one_held_that_day() -> None:
    """A preview of a meeting of four leaders on Wednesday does not join the talks of two of
    them held that day: it announces another meeting; one of the same two joins them."""
    held = """---
title: Gipfel in Genf
outlet: Testblatt
published: 2021-06-16 21:30
timezone: Europe/Berlin
language: de
---
Biden und Putin haben am Mittwoch in Genf Gespräche geführt.
"""
    ahead = """---
title: Leaders to gather in Geneva
outlet: Test Wire
published: 2021-06-15 09:00
timezone: UTC
language: en
---
{}
"""
    for told, same in (
        ("Biden and Putin will meet in Geneva on Wednesday.", True),
        ("Biden and Putin will meet Macron and Scholz in Geneva on Wednesday.", False),
    ):
        table = _table(("held", held), ("ahead", ahead.format(told))).set_index("report_id")
        assert (table.loc["ahead"].event_id == table.loc["held"].event_id) is same


def test_the_talks_of_two_told_apart_are_not_the_meeting_of_three_told_as_such() -> None:
    """A meeting named as one of three ("a trilateral meeting") is not the talks of two of its
    people that another report tells as held apart ("bilateral talks") or tells without ever
    naming the third; a report telling all three met is the meeting of three."""
    three = """---
title: Three leaders meet in Lisbon
outlet: Test Wire
published: 2024-03-08 18:00
timezone: UTC
language: en
---
Macron held a trilateral meeting with Scholz and Sánchez in Lisbon on Friday.
"""
    other = """---
title: Leaders in Lisbon
outlet: Other Wire
published: 2024-03-08 19:00
timezone: UTC
language: en
---
{}
"""
    for told, same in (
        ("Macron held bilateral talks with Scholz in Lisbon on Friday.", False),
        ("Macron and Scholz met in Lisbon on Friday to discuss energy prices.", False),
        ("Macron, Scholz and Sánchez met in Lisbon on Friday.", True),
    ):
        table = _table(("three", three), ("other", other.format(told)))
        talks = table[table.event_type == "talks"].set_index("report_id")
        assert (talks.loc["other"].event_id == talks.loc["three"].event_id) is same, told


_SIDES_HELD = """---
title: Lula, Modi in Brasília
outlet: Test Wire
published: 2024-11-19 20:00
timezone: America/Sao_Paulo
language: en
---
{text}
"""


def test_bilateral_talks_join_the_bilateral_row_of_a_report_that_tells_both() -> None:
    """A report telling a trilateral meeting and then two of its people's bilateral talks has a
    row for each (``merge.sides_differ``), so another report's bilateral talks of the two join
    the talks they are, not the trilateral meeting."""
    both = (
        "Lula hosted a trilateral meeting with Ramaphosa and Modi in Brasília on Tuesday.\n"
        "Later, Lula held bilateral talks with Modi.\n"
    )
    pair = "Lula and Modi held bilateral talks in Brasília on Tuesday.\n"
    table = _table(("both", _SIDES_HELD.format(text=both)), ("pair", _SIDES_HELD.format(text=pair)))
    talks = table[table.event_type == "talks"]
    ids = {tuple(sorted(r.actors)): r.event_id for r in talks.itertuples() if r.report_id == "both"}
    assert set(ids) == {("Lula", "Modi"), ("Lula", "Modi", "Ramaphosa")}
    (joined,) = talks[talks.report_id == "pair"].event_id
    assert joined == ids[("Lula", "Modi")]


_GROUP_MET = """---
title: Talks in Lisbon
outlet: Test Wire
published: 2031-03-06 18:00
timezone: Europe/Lisbon
language: en
---
{text}
"""


def test_a_meeting_with_a_group_is_not_one_with_a_person_named() -> None:
    """One person who meets a group given as the other side ("met with European Union leaders")
    holds another meeting than the talks another report tells of that person with someone
    named, though that person's name is all the first names (``Mention.meets_group``)."""
    group = "Zelensky met with European Union leaders in Lisbon on Thursday.\n"
    pair = "Zelensky and Macron held talks in Lisbon on Thursday.\n"
    table = _table(("group", _GROUP_MET.format(text=group)), ("pair", _GROUP_MET.format(text=pair)))
    talks = table[table.event_type == "talks"]
    assert set(talks.report_id) == {"group", "pair"}
    assert talks.event_id.nunique() == 2


def test_the_talks_of_two_told_apart_keep_off_a_trilateral_whoever_opened_it() -> None:
    """The talks of two told as held apart ("met separately") are not a meeting of three that a
    report tells as such ("a trilateral meeting"), also where a report that names the three
    with no such word opened the cluster: every mention of it counts, not only the first."""
    three = ("Macron", "Scholz", "Sánchez")
    plain = _candidate("a", actors=three, meeting=True)
    told = _candidate("b", actors=three, meeting=True, multilateral=True)
    pair = _candidate("c", actors=("Macron", "Scholz"), meeting=True, told_separate=True)
    ids = align([plain, told, pair])
    assert ids["a-1"] == ids["b-1"]
    assert ids["c-1"] != ids["a-1"]


def test_a_meeting_told_at_the_airport_is_not_the_talks_told_with_no_such_word() -> None:
    """Invented reports: a brief conversation at the airfield on arrival ("at the airport", "on
    the tarmac") is a sitting of its own, not the talks another report tells with no such word;
    two reports of the talk at the airport are one event, and an airport that a landing told
    before a coordinator holds ("landed at the airport and then held talks") places no meeting
    there."""
    airport = "Zelensky and Macron had a brief conversation at the airport in Lisbon on Thursday."
    tarmac = "Zelensky and Macron met briefly on the tarmac in Lisbon on Thursday."
    talks = "Zelensky and Macron held talks in Lisbon on Thursday."
    landed = "Zelensky landed at the airport in Lisbon on Thursday and then held talks with Macron."

    def events(*texts: tuple[str, str]) -> int:
        table = _table(*((rid, _GROUP_MET.format(text=text)) for rid, text in texts))
        talks_rows = table[table.event_type == "talks"]
        assert set(talks_rows.report_id) == {rid for rid, _ in texts}
        return talks_rows.event_id.nunique()

    assert events(("airport", airport), ("talks", talks)) == 2
    assert events(("airport", airport), ("tarmac", tarmac)) == 1
    assert events(("landed", landed), ("talks", talks)) == 1
