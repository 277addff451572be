"""Tests of summit_timeline.table.stories: which summit or meeting each mention belongs to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import summit_timeline as st

DATA = Path(__file__).parent / "data"
SUMMITS = ("helsinki-2018", "geneva-2021", "singapore-2018")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


#: A wire report of the Geneva talks, dated and placed (invented).
GENEVA_WIRE = (
    "---\noutlet: Wire\npublished: 2021-06-16 21:00+02:00\nlanguage: en\n---\n"
    "GENEVA (Wire) - Presidents Joe Biden and Vladimir Putin held talks in Geneva on "
    "Wednesday that lasted about three hours.\n"
)


def _beside_the_wire(folder: Path, name: str, text: str):
    """The table of the Geneva wire report and one more report, ``name`` with ``text``."""
    _write(folder, "wire.md", GENEVA_WIRE)
    _write(folder, name, text)
    return st.extract_events(st.load_reports(folder))


def _with_two_leaders(folder: Path):
    """The table of the reports in ``folder``, read with two invented leaders added to the
    people gazetteer (Ann Example, Ben Sample)."""
    people = folder / "words"
    (people / "gazetteers").mkdir(parents=True)
    (people / "gazetteers" / "people.yaml").write_text(
        "Example: {country: US, names: [Ann Example, Example]}\n"
        "Sample: {country: DE, names: [Ben Sample, Sample]}\n",
        encoding="utf-8",
    )
    knowledge = st.load_knowledge(people)
    return st.extract_events(st.load_reports(folder, knowledge=knowledge), knowledge=knowledge)


def _talks(table: pd.DataFrame) -> pd.DataFrame:
    """The talks of ``table``, by report."""
    return table[table.event_type == "talks"].set_index("report_id")


@pytest.fixture(scope="module")
def three_summits():
    files = sorted(p for s in SUMMITS for p in (DATA / "reports" / s).iterdir())
    return st.extract_events(st.load_reports(files))


def test_three_summits_in_one_corpus_make_three_stories(three_summits) -> None:
    table = three_summits
    table = table.assign(summit=table.report_id.str.split("_").str[0])
    own = (
        table[table.event_type == "talks"]
        .groupby("summit")
        .story_id.agg(lambda s: s.value_counts().index[0])
    )
    assert own.nunique() == 3, own  # each summit's talks in a story of its own
    for summit, story in own.items():
        others = table[(table.story_id == story) & (table.summit != summit)]
        assert others.empty, (summit, story, sorted(set(others.report_id)))
    dates = {s: table[table.story_id == own[s]].date.dropna() for s in own.index}
    assert dt.date(2018, 7, 16) in set(dates["helsinki"])
    assert dt.date(2021, 6, 16) in set(dates["geneva"])


def test_no_event_id_spans_two_stories(three_summits) -> None:
    assert three_summits.groupby("event_id").story_id.nunique().max() == 1


def test_a_recalled_meeting_is_a_story_of_its_own(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "ledger.md",
        "---\noutlet: Ledger\npublished: 2025-03-14 18:00\nlanguage: en\ntimezone: Europe/Rome\n"
        "---\nLeaders meet in Rome\n\n"
        "President Ann Example and Chancellor Ben Sample met in Rome on Friday; their talks "
        "lasted three hours.\n\n"
        "When they met in Oslo in July 2019, the talks lasted roughly two hours.\n",
    )
    table = _with_two_leaders(tmp_path)
    talks = table[table.event_type == "talks"].sort_values("char_start")
    assert len(talks) == 2
    now, then = talks.iloc[0], talks.iloc[1]
    assert now.story_id != then.story_id
    assert now.event_id != then.event_id
    assert (now.duration_min, now.date) == (180.0, dt.date(2025, 3, 14))
    assert then.duration_min == 120.0 and then.place == "Oslo"
    assert then.date is None  # July 2019 gives no day: no day is made up
    assert "2019-07" in then.story_id


@pytest.mark.parametrize(
    "earlier",
    [
        # "their last meeting" names an earlier occasion, though its clause gives no period
        "Their last meeting",
        # and "previous meetings" with no determiner (a plural, a headline's words) does too
        "Previous meetings",
    ],
)
def test_a_meeting_named_as_an_earlier_one_is_recalled_not_the_reports_own(
    tmp_path: Path, earlier: str
) -> None:
    _write(
        tmp_path,
        "courier.md",
        "---\noutlet: Courier\npublished: 2025-03-14 18:00\nlanguage: en\n"
        "timezone: Europe/Rome\n---\nLeaders to meet in Rome\n\n"
        f"President Ann Example will meet Chancellor Ben Sample in Rome on Saturday. {earlier} "
        "had taken place weeks after the floods.\n",
    )
    table = _with_two_leaders(tmp_path)
    talks = table[table.event_type == "talks"].set_index("status")
    ahead, last = talks.loc["announced"], talks.loc["occurred"]
    assert ahead.date == dt.date(2025, 3, 15)
    assert last.story_id != ahead.story_id
    assert last.date is None  # not the day of the report's own story


def test_an_undated_report_takes_its_story_day(tmp_path: Path) -> None:
    table = _beside_the_wire(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: de\n---\n"
        "Joe Biden und Wladimir Putin haben sich in Genf zu Gesprächen getroffen. "
        "Die Gespräche dauerten rund drei Stunden.\n",
    )
    talks = table[table.event_type == "talks"]
    assert talks.story_id.nunique() == 1 and talks.event_id.nunique() == 1
    paper = talks[talks.report_id == "paper"].iloc[0]
    assert paper.date == dt.date(2021, 6, 16)
    assert paper.date_source in ("story", "aligned")


def test_a_story_is_dated_by_the_day_its_reports_state(tmp_path: Path) -> None:
    # published on Wednesday, about talks "on monday" (lowercase, as some outlets print it):
    # the story's day is Monday, and an undated report's "on Sunday" is the day before it
    _write(
        tmp_path,
        "gazette.md",
        "---\noutlet: Gazette\npublished: 2024-05-15 09:00\nlanguage: en\n"
        "timezone: Europe/Lisbon\n---\n"
        "Presidents Ann Example and Ben Sample met on monday in Lisbon. Their talks lasted "
        "four hours.\n",
    )
    _write(
        tmp_path,
        "digest.md",
        "---\noutlet: Digest\nlanguage: en\n---\n"
        "Ann Example and Ben Sample held talks in Lisbon. Ann Example had arrived in Lisbon on "
        "Sunday.\n",
    )
    table = _with_two_leaders(tmp_path)
    assert table.story_id.nunique() == 1
    talks = _talks(table)
    assert talks.loc["gazette"].date == dt.date(2024, 5, 13)
    assert talks.loc["digest"].date == dt.date(2024, 5, 13)
    assert talks.loc["digest"].date_source == "story"
    arrival = table[(table.event_type == "arrival") & (table.report_id == "digest")].iloc[0]
    assert arrival.date == dt.date(2024, 5, 12)


def test_a_day_one_report_states_outranks_the_day_two_were_printed_on(tmp_path: Path) -> None:
    # two papers of the morning after tell the guest's arrival without a day; a third says the
    # talks were on Thursday: the story's day is Thursday, not the day the two were printed on
    for outlet, verb in (("Morning", "arrived"), ("Daybreak", "landed")):
        _write(
            tmp_path,
            f"{outlet.lower()}.md",
            f"---\noutlet: {outlet}\npublished: 2023-07-28 08:00-04:00\nlanguage: en\n---\n"
            f"Ben Sample {verb} in Washington to see Ann Example.\n",
        )
    _write(
        tmp_path,
        "weekly.md",
        "---\noutlet: Weekly\npublished: 2023-07-29 10:00-04:00\nlanguage: en\n---\n"
        "Ann Example and Ben Sample held talks in Washington on Thursday.\n",
    )
    table = _with_two_leaders(tmp_path)
    assert table.story_id.nunique() == 1
    assert _talks(table).loc["weekly"].date == dt.date(2023, 7, 27)
    arrivals = table[table.event_type == "arrival"].set_index("report_id")
    assert list(arrivals.loc[["morning", "daybreak"]].date) == [dt.date(2023, 7, 27)] * 2


def _beside_an_undated_report(folder: Path) -> pd.DataFrame:
    """The table of the folder's reports and an undated one of the two leaders' talks in
    Vienna (``almanac``)."""
    _write(
        folder,
        "almanac.md",
        "---\noutlet: Almanac\nlanguage: en\n---\n"
        "Ann Example and Ben Sample held talks in Vienna.\n",
    )
    return _with_two_leaders(folder)


def test_an_arrival_the_evening_before_does_not_date_the_story(tmp_path: Path) -> None:
    # the guest lands on Saturday evening and the paper is printed on Sunday morning: the
    # evening's arrival is the eve of the visit, so an undated report's talks take the day the
    # paper was printed on, not Saturday
    _write(
        tmp_path,
        "courier.md",
        "---\noutlet: Courier\npublished: 2024-03-10 08:00+01:00\nlanguage: en\n---\n"
        "Ben Sample landed in Vienna on Saturday evening for a visit to Ann Example.\n",
    )
    table = _beside_an_undated_report(tmp_path)
    assert table.story_id.nunique() == 1
    arrival = table[(table.event_type == "arrival") & (table.report_id == "courier")].iloc[0]
    assert arrival.date == dt.date(2024, 3, 9)
    talks = _talks(table).loc["almanac"]
    assert (talks.date, talks.date_source) == (dt.date(2024, 3, 10), "story")


def test_a_day_told_for_a_stop_elsewhere_does_not_date_the_story(tmp_path: Path) -> None:
    # the paper tells two events of the guest's stop in Prague on Wednesday and the talks in
    # Vienna on Thursday: the story is held in Vienna, so its day is Thursday, and an undated
    # report's talks in Vienna take Thursday, not the day of the stop before
    _write(
        tmp_path,
        "courier.md",
        "---\noutlet: Courier\npublished: 2024-03-08 08:00+01:00\nlanguage: en\n---\n"
        "Ann Example and Ben Sample held talks in Vienna on Thursday. Ben Sample arrived in "
        "Prague on Wednesday. On Wednesday he visited the old town of Prague.\n",
    )
    table = _beside_an_undated_report(tmp_path)
    courier = table[table.report_id == "courier"].set_index("event_type")
    assert courier.loc["talks"].date == dt.date(2024, 3, 7)
    assert courier.loc["arrival"].date == dt.date(2024, 3, 6)
    talks = _talks(table).loc["almanac"]
    assert (talks.date, talks.date_source) == (dt.date(2024, 3, 7), "story")


def test_an_invitation_told_in_passing_takes_no_day_from_the_text_around_it(
    tmp_path: Path,
) -> None:
    # an invitation the report tells in its own words was made on a day it does not give: not
    # the day it named before (Thursday, the talks) nor the day of writing; one a leader says
    # she makes is made as she speaks, and keeps that day
    head = "---\noutlet: {}\npublished: 2024-03-08 08:00+01:00\nlanguage: en\n---\n"
    talks = "Ann Example and Ben Sample held talks in Vienna on Thursday.\n\n"
    _write(
        tmp_path,
        "courier.md",
        head.format("Courier")
        + talks
        + "In a letter, Ann Example invited Ben Sample to Washington.\n",
    )
    _write(
        tmp_path,
        "herald.md",
        head.format("Herald")
        + talks
        + "Ann Example invited Ben Sample to Washington, she told reporters.\n",
    )
    table = _with_two_leaders(tmp_path)
    offers = table[table.event_type == "invitation"].set_index("report_id")
    assert offers.loc["courier"].date is None
    assert offers.loc["courier"].date_source == "none"
    assert offers.loc["herald"].date == dt.date(2024, 3, 7)


def test_yesterday_in_a_paper_of_one_printed_day_dates_its_story(tmp_path: Path) -> None:
    # a paper that prints only its day tells the talks of "yesterday", a day the place's zone
    # leaves one of two; a report known only to the month tells them without a day: the story's
    # day is the one the writer counted from the printed day, not the day the paper was printed
    for outlet, published, told in (
        ("Daily", "2022-11-20", "held talks with Ben Sample in Kyiv yesterday"),
        ("Monthly", "2022-11", "and Ben Sample held talks in Kyiv"),
    ):
        _write(
            tmp_path,
            f"{outlet.lower()}.md",
            f"---\noutlet: {outlet}\npublished: {published}\nlanguage: en\n---\n"
            f"Ann Example {told}.\n",
        )
    table = _with_two_leaders(tmp_path)
    assert table.story_id.nunique() == 1
    talks = _talks(table)
    assert talks.loc["daily"].date == dt.date(2022, 11, 19)
    assert talks.loc["monthly"].date == dt.date(2022, 11, 19)


def test_a_held_event_takes_no_story_day_after_the_day_its_report_prints(tmp_path: Path) -> None:
    # the talks in Tokyo were on Monday the 13th; a paper that prints only Sunday the 12th tells
    # the guest's arrival without a day: at the place, its printed day may be the 12th or the
    # 13th, but what it tells as done was done by the day it prints, not on the story's day
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2024-05-13 20:00+09:00\nlanguage: en\n---\n"
        "TOKYO (Wire) - Ann Example and Ben Sample held talks in Tokyo on Monday.\n",
    )
    _write(
        tmp_path,
        "sunday.md",
        "---\noutlet: Sunday Paper\npublished: 2024-05-12\nlanguage: en\n---\n"
        "Ben Sample has arrived in Tokyo for talks with Ann Example.\n",
    )
    table = _with_two_leaders(tmp_path)
    assert table.story_id.nunique() == 1
    assert _talks(table).loc["wire"].date == dt.date(2024, 5, 13)
    arrival = table[(table.event_type == "arrival") & (table.report_id == "sunday")].iloc[0]
    assert arrival.date == dt.date(2024, 5, 12)


def test_a_held_meeting_of_another_story_told_with_no_day_takes_none(tmp_path: Path) -> None:
    # the wire dates the Geneva talks; a paper about the Rome talks tells that Biden met Putin
    # in Geneva too, but says nothing of when: the row joins the Geneva story without taking
    # its day (the paper's own talks keep theirs)
    _write(tmp_path, "wire.md", GENEVA_WIRE)
    _write(
        tmp_path,
        "daily.md",
        "---\noutlet: Daily\npublished: 2021-06-18\nlanguage: en\n---\n"
        "ROME (Daily) - President Ann Example and Chancellor Ben Sample held talks in Rome on "
        "Friday.\n\nJoe Biden has also held talks with Vladimir Putin in Geneva.\n",
    )
    table = _with_two_leaders(tmp_path)
    talks = table[table.event_type == "talks"]
    wire = talks[talks.report_id == "wire"].iloc[0]
    daily = talks[talks.report_id == "daily"].set_index("place")
    assert wire.date == dt.date(2021, 6, 16)
    assert daily.loc["Geneva"].event_id == wire.event_id
    assert daily.loc["Geneva"].date is None
    assert daily.loc["Rome"].date == dt.date(2021, 6, 18)


def test_today_in_a_paper_of_one_printed_day_counts_from_that_day(tmp_path: Path) -> None:
    # a paper printed on the day after the talks announces a press conference "later today":
    # at the place, its printed day may be the 17th or the 18th, neither the story's 16th;
    # "today" is the day its writer counted from the day it prints
    table = _beside_the_wire(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\npublished: 2021-06-17\nlanguage: en\n---\n"
        "Joe Biden and Vladimir Putin met in Geneva on Wednesday. "
        "Biden will give a press conference later today.\n",
    )
    press = table[table.event_type == "press_statement"].iloc[0]
    assert (press.status, press.date) == ("announced", dt.date(2021, 6, 17))


def test_a_report_of_the_morning_after_takes_the_day_another_states(tmp_path: Path) -> None:
    # one report states the day; one published the next morning tells the same talks without
    # a day: one event, on the stated day
    _write(
        tmp_path,
        "evening.md",
        "---\noutlet: Evening\npublished: 2021-06-16 22:00+02:00\nlanguage: en\n---\n"
        "GENEVA (Evening) - Joe Biden and Vladimir Putin held talks in Geneva on Wednesday.\n",
    )
    _write(
        tmp_path,
        "morning.md",
        "---\noutlet: Morning\npublished: 2021-06-17 07:00+02:00\nlanguage: de\n---\n"
        "Joe Biden und Wladimir Putin haben in Genf Gespräche geführt.\n",
    )
    talks = _talks(st.extract_events(st.load_reports(tmp_path)))
    assert talks.event_id.nunique() == 1
    assert talks.loc["morning"].date == dt.date(2021, 6, 16)
    assert talks.loc["morning"].date_source == "aligned"


def test_a_report_that_names_no_venue_takes_its_storys(tmp_path: Path) -> None:
    table = _beside_the_wire(
        tmp_path,
        "column.md",
        "---\noutlet: Column\npublished: 2021-06-16 22:00+02:00\nlanguage: de\n---\n"
        "Joe Biden und Wladimir Putin haben am Mittwoch miteinander gesprochen. Das Gespräch "
        "dauerte rund drei Stunden.\n",
    )
    column = table[(table.report_id == "column") & (table.event_type == "talks")].iloc[0]
    assert (column.place, column.timezone) == ("Geneva", "Europe/Zurich")
    assert any("its story's venue" in note for note in column.notes)
    assert table[table.event_type == "talks"].event_id.nunique() == 1


def test_talks_another_story_places_in_the_venues_country_are_at_the_venue(
    tmp_path: Path,
) -> None:
    # a report of another meeting tells the Geneva talks of the day before only "in
    # Switzerland": they are the Geneva story's talks, at its venue
    table = _beside_the_wire(
        tmp_path,
        "daily.md",
        "---\noutlet: Daily\npublished: 2021-06-17 09:00+02:00\nlanguage: en\n---\n"
        "President Emmanuel Macron met Chancellor Angela Merkel in Berlin on Thursday. The day "
        "before, Joe Biden and Vladimir Putin had held talks in Switzerland.\n",
    )
    talks = table[table.event_type == "talks"]
    recalled = talks[(talks.report_id == "daily") & talks.actors.map(lambda a: "Putin" in a)]
    wire = talks[talks.report_id == "wire"].iloc[0]
    assert len(recalled) == 1
    assert recalled.iloc[0].story_id == wire.story_id
    assert (recalled.iloc[0].place, recalled.iloc[0].timezone) == ("Geneva", "Europe/Zurich")
    assert any("its story's venue in Switzerland" in n for n in recalled.iloc[0].notes)


def test_an_undated_report_joins_the_dated_story_it_fits(tmp_path: Path) -> None:
    # two reports that name only the year make an undated Hamburg story; a report of July 2017
    # in Hamburg fits it and the dated story of the wire: it joins the dated one, which is then
    # the Hamburg meeting of 2017, so the undated story is that one too
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2017-07-07 20:00+02:00\nlanguage: en\n---\n"
        "Donald Trump and Vladimir Putin met on Friday. The talks lasted more than two hours.\n",
    )
    for name, noun in (("a1.md", "Treffen"), ("a2.md", "Gespräch")):
        _write(
            tmp_path,
            name,
            "---\nlanguage: de\n---\nTrump und Putin trafen sich beim G20-Gipfel 2017 in "
            f"Hamburg. Das {noun} dauerte über zwei Stunden.\n",
        )
    _write(
        tmp_path,
        "b.md",
        "---\npublished: 2017-07\nlanguage: de\n---\nTrump und Putin trafen sich in Hamburg. "
        "Das Gespräch dauerte mehr als zwei Stunden.\n",
    )
    talks = _talks(st.extract_events(st.load_reports(tmp_path)))
    assert talks.loc["b"].story_id == talks.loc["wire"].story_id
    assert talks.loc["b"].date == dt.date(2017, 7, 7)
    assert talks.loc["a1"].story_id == talks.loc["wire"].story_id
    assert talks.loc["a1"].event_id == talks.loc["wire"].event_id


def test_a_report_without_a_year_meets_the_story_a_dated_report_is_placed_in(
    tmp_path: Path,
) -> None:
    """A wire report dates the meeting and places it nowhere; a report of its month places it in
    Hamburg. A report that gives no year but Hamburg is that meeting, whichever of the two
    undated reports is read first (here the one without a year)."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2017-07-07 21:00+02:00\nlanguage: en\n---\n"
        "Vladimir Putin and Donald Trump met for the first time on Friday, for over two hours.\n",
    )
    _write(
        tmp_path,
        "a-noyear.md",
        "---\noutlet: Paper\nlanguage: de\n---\nIn Hamburg sind Putin und Trump zu einem "
        "ersten Gespräch zusammengekommen.\n",
    )
    _write(
        tmp_path,
        "b-month.md",
        "---\noutlet: Monthly\npublished: 2017-07\nlanguage: de\n---\nPutin und Trump haben "
        "sich in Hamburg zum ersten Mal getroffen.\n",
    )
    talks = _talks(st.extract_events(st.load_reports(tmp_path)))
    assert talks.loc["b-month"].story_id == talks.loc["wire"].story_id
    assert talks.loc["a-noyear"].story_id == talks.loc["wire"].story_id
    assert talks.loc["a-noyear"].event_id == talks.loc["wire"].event_id


def test_a_day_long_before_its_people_held_office_is_not_an_undated_reports_day(
    tmp_path: Path,
) -> None:
    """A report with no publication day whose lead dates only what took place decades before
    either of its people first held an office (a conference in the city in 1955) recalls it:
    that day is not its own meeting's, which is the Geneva talks a dated report tells."""
    table = _beside_the_wire(
        tmp_path,
        "noday.md",
        "---\noutlet: Paper\nlanguage: de\n---\nJoe Biden und Wladimir Putin haben in Genf "
        "Gespräche geführt.\n\nIn derselben Stadt hatte am 18. Juli 1955 eine Pressekonferenz "
        "der vier Mächte stattgefunden.\n",
    )
    talks = _talks(table)
    assert talks.loc["noday"].story_id == talks.loc["wire"].story_id
    assert talks.loc["noday"].event_id == talks.loc["wire"].event_id


def test_a_placed_report_without_a_year_joins_the_unplaced_story_of_a_month(
    tmp_path: Path,
) -> None:
    """A report of a month that places nothing and one without a year that places the meeting,
    of the same two people: one story, though the report of the month is read first."""
    _write(
        tmp_path,
        "a-month.md",
        "---\noutlet: Monthly\npublished: 2018-06\nlanguage: en\n---\n"
        "Kim Jong Un and Donald Trump held talks for the first time.\n",
    )
    _write(
        tmp_path,
        "b-placed.md",
        "---\noutlet: Paper\nlanguage: en\n---\n"
        "Kim Jong Un and Donald Trump held talks in Singapore.\n",
    )
    talks = _talks(st.extract_events(st.load_reports(tmp_path)))
    assert talks.loc["b-placed"].story_id == talks.loc["a-month"].story_id


def test_a_call_last_week_is_not_this_weeks_meeting(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "courier.md",
        "---\noutlet: Courier\npublished: 2025-10-22 12:00\nlanguage: en\n"
        "timezone: America/New_York\n---\n"
        "Trump calls off Budapest meeting with Putin\n\n"
        "President Donald Trump said on Wednesday he had called off a planned meeting with "
        "Vladimir Putin in Budapest.\n\n"
        "Trump had announced the meeting last week after a long phone call with Putin.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    call = table[table.event_type == "phone_call"].iloc[0]
    meeting = table[(table.event_type == "talks") & (table.status == "cancelled")].iloc[0]
    assert call.story_id != meeting.story_id
    assert call.status == "occurred"


def test_the_story_index_offers_every_story_a_report_or_mention_could_join() -> None:
    """Assigning stories asks only the stories of the same principals and nearby days or the
    same year (``_Stories.near``), of all the people of a meeting known only by its place
    (``of_all``) or of exactly a report's people (``alike``): every story a scan of all of them
    would accept is among them, for reports (``_same_meeting``, ``_only_candidate``) and
    recalled meetings (``_matches``), as stories change or are dropped."""
    import random

    from summit_timeline.mentions.places import Place
    from summit_timeline.table.stories import (
        ReportFrame,
        Story,
        _Background,
        _held_at_host,
        _home_named,
        _matches,
        _named_story,
        _same_meeting,
        _Stories,
    )

    rng = random.Random(11)
    people = ["A", "B", "C", "D"]
    zone = "Europe/Zurich"
    places = [
        None,
        Place("Geneva", zone, "city", ("Switzerland",)),
        Place("Versoix", zone, "city", ("Geneva", "Switzerland")),
        Place("Bern", zone, "city", ("Switzerland",)),
        Place("Switzerland", zone, "country", ()),
        Place("Vaduz", zone, "city", ("Liechtenstein",)),
        Place("Liechtenstein", zone, "country", ()),
    ]
    countries = ["Switzerland", "Liechtenstein"]
    start = dt.date(2024, 12, 20)

    def day() -> dt.date | None:
        return rng.choice([None, start + dt.timedelta(days=rng.randrange(30))])

    def who() -> frozenset[str]:
        return frozenset(rng.sample(people, rng.randrange(0, 3)))

    index = _Stories()
    dropped: list[Story] = []
    for n in range(300):
        d = day()
        year = d.year if d else rng.choice([None, 2024, 2025])
        story = index.add(Story(who(), d, year, d.month if d else None, rng.choice(places)))
        if n % 3 == 0:  # a story whose day and principals change as reports join it
            story.principals |= who()
            story.day = day() or story.day
            story.year = story.day.year if story.day else story.year
            index.update(story)
        if n % 7 == 0:  # a story found to be another
            index.remove(story)
            dropped.append(story)
        kept = [s for s in index.made if all(s is not x for x in dropped)]
        d = day()
        frame = ReportFrame(
            "r",
            who(),
            d,
            d.year if d else rng.choice([None, year]),
            d.month if d else None,
            rng.choice(places),
            named=tuple(p for p in rng.sample(places, 2) if p is not None),
            countries={p: rng.choice(countries) for p in people},
        )
        offered = index.near_report(frame)
        assert [s for s in kept if _same_meeting(s, frame)] == [
            s for s in offered if _same_meeting(s, frame)
        ]
        assert index.alike(frame.principals) == [
            s for s in kept if s.principals == frame.principals
        ]
        if frame.day is None:  # the venue rules for reports without a day, as on every story
            theirs = index.near(frame.principals)  # of its people
            placed = index.placed(frame.principals, frame.named)
            assert _named_story(placed, frame) is _named_story(theirs, frame)
            held = index.held_in(frame.principals, [_home_named(frame), *countries])
            assert _held_at_host(held, frame) is _held_at_host(theirs, frame)
        b = _Background({}, who(), day(), rng.choice([None, 2024, 2025]), None, rng.choice(places))
        if b.day is None and b.year is None:
            offered = index.of_all(b.principals)
        else:
            offered = index.near(b.principals, b.day, b.year)
        assert [s for s in kept if _matches(s, b)] == [s for s in offered if _matches(s, b)]


def test_a_meeting_known_only_by_its_place_joins_a_story_of_the_same_people() -> None:
    """ "A meeting with Putin in Moscow is planned": a story of Putin's elsewhere in Russia with
    other people is not it; one of the same people there is."""
    from summit_timeline.mentions.places import Place
    from summit_timeline.table.stories import Story, _Background, _matches

    russia = ("Russia",)
    sochi = Place("Sochi", "Europe/Moscow", "city", russia)
    moscow = Place("Moscow", "Europe/Moscow", "city", russia)
    story = Story(frozenset({"Putin", "Merkel"}), dt.date(2017, 5, 2), 2017, 5, sochi)

    def recalled(*people: str) -> _Background:
        return _Background({}, frozenset(people), None, None, None, moscow)

    assert not _matches(story, recalled("Putin", "Scholz"))
    assert not _matches(story, recalled("Putin"))
    assert _matches(story, recalled("Putin", "Merkel"))
    # a story placed nowhere (their call) is not one known by its place
    call = Story(frozenset({"Putin", "Merkel"}), dt.date(2017, 5, 2), 2017, 5, None)
    assert not _matches(call, recalled("Putin", "Merkel"))


def test_a_clock_time_is_placed_on_the_day_the_story_gives(tmp_path: Path) -> None:
    """A report with no day of its own: "um 13 Uhr" starts on the story's day."""
    table = _beside_the_wire(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: de\n---\n"
        "Joe Biden und Wladimir Putin haben sich in Genf getroffen. "
        "Die Gespräche begannen um 13.30 Uhr.\n",
    )
    paper = table[(table.report_id == "paper") & (table.event_type == "talks")].iloc[0]
    assert paper.date == dt.date(2021, 6, 16)
    assert paper.start.strftime("%Y-%m-%d %H:%M %Z") == "2021-06-16 13:30 CEST"


def test_an_undated_report_joins_the_story_whose_venue_its_lead_names(tmp_path: Path) -> None:
    """Biden and Putin met in Geneva and spoke by phone in December: a report without a date
    and without an event placed anywhere joins the story of the city its lead names."""
    _write(
        tmp_path,
        "call.md",
        "---\noutlet: Wire\npublished: 2021-12-07 20:00+01:00\nlanguage: en\n---\n"
        "Joe Biden and Vladimir Putin spoke by phone on Tuesday for two hours.\n",
    )
    text = (
        "---\noutlet: Paper\nlanguage: de\n---\n"
        "Joe Biden und Wladimir Putin haben miteinander gesprochen. "
        "In Genf war die Innenstadt abgesperrt. Das Gespräch dauerte drei Stunden.\n"
    )
    table = _beside_the_wire(tmp_path, "paper.md", text)
    talks = _talks(table)
    assert talks.loc["paper"].story_id == talks.loc["wire"].story_id
    assert talks.loc["paper"].date == dt.date(2021, 6, 16)
    assert talks.loc["paper"].event_id == talks.loc["wire"].event_id


def test_a_park_named_after_a_town_does_not_place_a_report_there(tmp_path: Path) -> None:
    """A report of talks "in Phoenix Park" (in Dublin; named after no town of Arizona) is not
    placed in Phoenix, Arizona: without a day it joins the one story of its people."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2023-04-12 18:00+01:00\nlanguage: en\n---\n"
        "DUBLIN (Wire) - Ann Example and Ben Sample held talks in Dublin on Wednesday.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: en\n---\n"
        "Ann Example held talks with Ben Sample at the residence in Phoenix Park. "
        "The talks lasted an hour.\n",
    )
    talks = _talks(_with_two_leaders(tmp_path))
    assert talks.loc["paper"].story_id == talks.loc["wire"].story_id


def test_a_meeting_of_officials_joins_the_story_held_where_and_when_it_was(tmp_path: Path) -> None:
    # delegations of two countries no principal leads meet among themselves: a report of the
    # leaders' call that recalls their talks "last week in Berlin", and an undated one of the
    # leaders' meeting in Hamburg the day before that announces them for "this afternoon" in
    # Berlin, tell the story the delegations' own report tells, not one of the leaders
    _write(
        tmp_path,
        "bulletin.md",
        "---\noutlet: Bulletin\npublished: 2025-03-13 20:00\nlanguage: en\n"
        "timezone: Europe/Berlin\n---\n"
        "BERLIN (Bulletin) - Polish and Italian delegations held talks in Berlin on Thursday "
        "that lasted four hours.\n",
    )
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2025-03-12 20:00\nlanguage: en\n"
        "timezone: Europe/Berlin\n---\n"
        "HAMBURG (Wire) - President Ann Example and Chancellor Ben Sample met in Hamburg on "
        "Wednesday.\n",
    )
    _write(
        tmp_path,
        "courier.md",
        "---\noutlet: Courier\nlanguage: en\n---\n"
        "President Ann Example and Chancellor Ben Sample met in Hamburg. In Berlin, Polish and "
        "Italian delegations are expected to hold talks this afternoon.\n",
    )
    _write(
        tmp_path,
        "ledger.md",
        "---\noutlet: Ledger\npublished: 2025-03-17 18:00\nlanguage: en\n"
        "timezone: Europe/Berlin\n---\n"
        "President Ann Example and Chancellor Ben Sample spoke by phone on Monday. "
        "Polish and Italian delegations met last week in Berlin.\n",
    )
    table = _with_two_leaders(tmp_path)
    talks = table[(table.event_type == "talks") & (table.place == "Berlin")]
    assert set(talks.report_id) == {"bulletin", "courier", "ledger"}
    assert talks.story_id.nunique() == 1, talks[["report_id", "story_id"]]
    leaders = table[table.report_id == "wire"].story_id
    assert talks.story_id.iloc[0] not in set(leaders)
    courier = talks[talks.report_id == "courier"].iloc[0]
    assert courier.date == dt.date(2025, 3, 12)  # "this afternoon": its report's day


def test_an_undated_report_of_a_call_joins_the_call_of_its_weekday(tmp_path: Path) -> None:
    """Biden and Putin met in Geneva on a Wednesday and spoke by phone on a Tuesday in December:
    a report of a call "am Dienstag" that gives no date is that call, not the Geneva meeting
    whose city its lead names for something else (an envoy going back there)."""
    _write(
        tmp_path,
        "call.md",
        "---\noutlet: Wire\npublished: 2021-12-07 20:00+01:00\nlanguage: en\n---\n"
        "Joe Biden and Vladimir Putin spoke by phone on Tuesday for two hours.\n",
    )
    text = (
        "---\noutlet: Paper\nlanguage: de\n---\n"
        "Joe Biden und Wladimir Putin haben am Dienstag miteinander telefoniert. "
        "Der Gesandte soll in der kommenden Woche nach Genf zurückkehren.\n"
    )
    table = _beside_the_wire(tmp_path, "paper.md", text)
    calls = table[table.event_type == "phone_call"].set_index("report_id")
    assert calls.loc["paper"].story_id == calls.loc["call"].story_id
    assert calls.loc["paper"].event_id == calls.loc["call"].event_id
    paper = table[table.report_id == "paper"]
    assert set(paper.story_id).isdisjoint(table[table.report_id == "wire"].story_id)


def test_a_place_in_a_clause_of_another_year_does_not_place_an_undated_report(
    tmp_path: Path,
) -> None:
    text = (
        "---\noutlet: Paper\nlanguage: de\n---\n"
        "Joe Biden und Wladimir Putin haben miteinander gesprochen. "
        "Im Juni 2021 war die Innenstadt von Genf abgesperrt. Das Gespräch dauerte zwei Stunden.\n"
    )
    _write(
        tmp_path,
        "call.md",
        "---\noutlet: Wire\npublished: 2021-12-07 20:00+01:00\nlanguage: en\n---\n"
        "Joe Biden and Vladimir Putin spoke by phone on Tuesday for two hours.\n",
    )
    table = _beside_the_wire(tmp_path, "paper.md", text)
    paper = table[table.report_id == "paper"]
    assert set(paper.story_id).isdisjoint(table[table.report_id == "wire"].story_id)


@pytest.mark.parametrize(
    "text",
    [
        # at a time of day ("am Abend"): the story's day; at no time ("demnächst"): no day
        "Joe Biden und Wladimir Putin haben sich in Genf getroffen. "
        "Am Abend will Biden vor die Presse treten. "
        "Putin will Biden demnächst anrufen.",
        # set after another of the day's events in its own clause ("danach soll es ... geben"):
        # the story's day; "Danach sagte Biden, ..." orders the saying, not the call it announces
        "Joe Biden und Wladimir Putin haben sich in Genf getroffen, danach soll es eine "
        "Pressekonferenz geben. "
        "Danach sagte Biden, er wolle Putin anrufen.",
    ],
)
def test_the_days_programme_takes_the_storys_day(tmp_path: Path, text: str) -> None:
    """Still to come that day: the story's day; still to come some day: no day."""
    table = _beside_the_wire(
        tmp_path, "paper.md", f"---\noutlet: Paper\nlanguage: de\n---\n{text}\n"
    )
    paper = table[table.report_id == "paper"].set_index("event_type")
    assert paper.loc["press_statement"].status == "announced"
    assert paper.loc["press_statement"].date == dt.date(2021, 6, 16)
    assert paper.loc["phone_call"].status == "announced"
    assert paper.loc["phone_call"].date is None


@pytest.mark.parametrize(
    "text",
    [
        "---\noutlet: Paper\nlanguage: en\n---\nJoe Biden and Vladimir Putin met in Geneva. "
        "Biden told reporters before his departure that the talks had gone well.\n",
        "---\noutlet: Paper\nlanguage: de\n---\nJoe Biden und Wladimir Putin haben sich in Genf "
        "getroffen. Vor seinem Abflug sagte Biden, die Gespräche seien gut verlaufen.\n",
    ],
)
def test_a_departure_named_as_the_moment_before_takes_no_story_day(
    tmp_path: Path, text: str
) -> None:
    """What was said "before his departure" is told; the departure itself may be on the day
    before the meeting (leaving home) or after it: the text gives no day of it, so it takes
    none from its story (lexicon key ``left_after``), while the talks do."""
    table = _beside_the_wire(tmp_path, "paper.md", text)
    paper = table[table.report_id == "paper"].set_index("event_type")
    assert paper.loc["talks"].date == dt.date(2021, 6, 16)
    assert paper.loc["departure"].status == "occurred"
    assert paper.loc["departure"].date is None


def test_a_departure_named_as_the_moment_before_keeps_a_day_its_sentence_names(
    tmp_path: Path,
) -> None:
    table = _beside_the_wire(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: en\n---\nJoe Biden and Vladimir Putin met in Geneva. "
        "Biden said on Wednesday before leaving Geneva that the talks had gone well.\n",
    )
    departure = table[(table.report_id == "paper") & (table.event_type == "departure")].iloc[0]
    assert departure.date == dt.date(2021, 6, 16)


def test_the_days_programme_takes_the_storys_venue(tmp_path: Path) -> None:
    """A report naming no place: what took place and what is still to come that day ("am
    Abend") are at the venue the story's other report names; a call some day is not."""
    table = _beside_the_wire(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: de\n---\n"
        "Joe Biden und Wladimir Putin haben sich getroffen. "
        "Am Abend will Biden vor die Presse treten. "
        "Putin will Biden demnächst anrufen.\n",
    )
    paper = table[table.report_id == "paper"].set_index("event_type")
    assert paper.loc["talks"].place == "Geneva"
    assert paper.loc["press_statement"].place == "Geneva"
    assert pd.isna(paper.loc["phone_call"].place)


def test_talks_still_to_come_take_the_storys_venue(tmp_path: Path) -> None:
    """A preview naming no place: the talks it announces are at the venue the story's other
    report names."""
    table = _beside_the_wire(
        tmp_path,
        "preview.md",
        "---\noutlet: Preview\npublished: 2021-06-15 09:00+02:00\nlanguage: en\n---\n"
        "Joe Biden will hold talks with Vladimir Putin on Wednesday.\n",
    )
    talks = _talks(table)
    assert talks.loc["preview"].status == "announced"
    assert talks.loc["preview"].place == "Geneva"


def test_talks_in_the_venues_country_take_the_storys_venue(tmp_path: Path) -> None:
    """Talks a report places only "in Switzerland" are at the venue in Switzerland that the
    story's other report names, where this report names that town too ("Geneva's hotels");
    an arrival "in Switzerland" is one into the country."""
    table = _beside_the_wire(
        tmp_path,
        "zeitung.md",
        "---\noutlet: Paper\npublished: 2021-06-16 22:00+02:00\nlanguage: en\n---\n"
        "Joe Biden arrived in Switzerland on Tuesday. He held talks with Vladimir Putin in "
        "Switzerland on Wednesday. Geneva's hotels were full.\n",
    )
    paper = table[table.report_id == "zeitung"].set_index("event_type")
    assert paper.loc["talks"].place == "Geneva"
    assert any("Switzerland" in note for note in paper.loc["talks"].notes)
    assert paper.loc["arrival"].place == "Switzerland"


def test_talks_in_the_venues_country_stay_there_where_the_report_never_names_the_town(
    tmp_path: Path,
) -> None:
    """A report that places the talks and an arrival only in the venue's country and never
    names the town the story's other report names keeps the country (tests/data/README.md: an
    event at the venue takes the venue's city when its report names that city anywhere)."""
    table = _beside_the_wire(
        tmp_path,
        "zeitung.md",
        "---\noutlet: Paper\npublished: 2021-06-16 22:00+02:00\nlanguage: en\n---\n"
        "Joe Biden, who is on his first trip to Switzerland as president, arrived on Tuesday. "
        "He held talks with Vladimir Putin in Switzerland on Wednesday.\n",
    )
    paper = table[table.report_id == "zeitung"].set_index("event_type")
    assert paper.loc["talks"].place == "Switzerland"
    assert paper.loc["arrival"].place == "Switzerland"
    talks = _talks(table)
    assert talks.event_id.nunique() == 1  # still one event with the wire's talks in Geneva


def test_an_arrival_placed_in_the_venues_country_by_another_clause_is_at_the_venue(
    tmp_path: Path,
) -> None:
    """An arrival whose own clause names no place, in a sentence that names only the venue's
    country in another clause ("who is on his first trip to Switzerland"), was at the venue in
    it that the story's other report names and this one names too ("Geneva's hotels"), not "in
    Switzerland"."""
    table = _beside_the_wire(
        tmp_path,
        "zeitung.md",
        "---\noutlet: Paper\npublished: 2021-06-16 22:00+02:00\nlanguage: en\n---\n"
        "Joe Biden, who is on his first trip to Switzerland as president, arrived on Tuesday. "
        "He held talks with Vladimir Putin on Wednesday. Geneva's hotels were full.\n",
    )
    paper = table[table.report_id == "zeitung"].set_index("event_type")
    assert paper.loc["arrival"].place == "Geneva"
    assert any("Switzerland" in note for note in paper.loc["arrival"].notes)


def test_an_arrival_in_a_country_is_at_the_town_its_report_lands_in(tmp_path: Path) -> None:
    """An arrival its own clause places only in a country ("arrived in Switzerland") was at the
    town of that country where the same report tells the traveller's plane landing that day
    (Zurich, not the venue Geneva); a welcome in a town told without a landing is another event
    and leaves the arrival in the country."""
    table = _beside_the_wire(
        tmp_path,
        "zeitung.md",
        "---\noutlet: Paper\npublished: 2021-06-15 22:00+02:00\nlanguage: en\n---\n"
        "Joe Biden arrived in Switzerland on Tuesday. He was welcomed by President Guy Parmelin "
        "at Zurich airport after his plane landed there on Tuesday afternoon. He will hold "
        "talks with Vladimir Putin on Wednesday.\n",
    )
    alone = table[(table.report_id == "zeitung") & (table.event_type == "arrival")]
    alone = alone[alone.actors.map(lambda a: list(a) == ["Biden"])].iloc[0]
    assert alone.place == "Zürich"
    assert any("Switzerland" in note for note in alone.notes)
    welcome = _beside_the_wire(
        tmp_path,
        "zeitung.md",
        "---\noutlet: Paper\npublished: 2021-06-15 22:00+02:00\nlanguage: en\n---\n"
        "Joe Biden arrived in Switzerland on Tuesday. He was welcomed by President Guy Parmelin "
        "at the town hall of Zurich on Tuesday afternoon. He will hold talks with Vladimir "
        "Putin on Wednesday.\n",
    )
    alone = welcome[(welcome.report_id == "zeitung") & (welcome.event_type == "arrival")]
    assert list(alone[alone.actors.map(lambda a: list(a) == ["Biden"])].place) == ["Switzerland"]


def test_a_story_placed_in_a_country_takes_the_town_another_report_names(tmp_path: Path) -> None:
    """A story its first report places only in a country ("in Switzerland") takes the town in
    it that a later report names: one story, at Geneva; the first report's talks stay "in
    Switzerland", a town it never names."""
    table = _beside_the_wire(
        tmp_path,
        "a-paper.md",
        "---\noutlet: Paper\npublished: 2021-06-16 22:00+02:00\nlanguage: en\n---\n"
        "Joe Biden held talks with Vladimir Putin in Switzerland on Wednesday.\n",
    )
    assert set(table.story_id) == {"biden-putin-geneva-2021-06-16"}
    assert _talks(table).place.to_dict() == {"a-paper": "Switzerland", "wire": "Geneva"}


def test_the_summits_own_place_outranks_an_event_told_elsewhere(tmp_path: Path) -> None:
    """The reaction in another country names the meeting there; the summit is where the report
    says it is."""
    table = _beside_the_wire(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\npublished: 2021-06-17\nlanguage: de\n---\n"
        "Der Gipfel in Genf ist vorbei. Putin war am Mittwoch in Genf gelandet. In Moskau "
        "wurde das Treffen mit Joe Biden mit Erleichterung aufgenommen.\n",
    )
    paper = table[(table.report_id == "paper") & (table.event_type == "talks")].iloc[0]
    wire = table[(table.report_id == "wire") & (table.event_type == "talks")].iloc[0]
    assert paper.place == "Geneva"
    assert (paper.story_id, paper.event_id) == (wire.story_id, wire.event_id)


def test_a_meeting_recalled_last_year_joins_that_years_story_of_any_month(tmp_path: Path) -> None:
    """ "Last year", in a report of February 2022, is any month of 2021: the Geneva talks of
    June 2021, not a meeting of February 2021."""
    table = _beside_the_wire(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\npublished: 2022-02-20 12:00+01:00\nlanguage: en\n---\n"
        "Joe Biden spoke with Vladimir Putin by phone on Sunday.\n\n"
        "Biden and Putin last met in Geneva last year.\n",
    )
    talks = _talks(table)
    assert talks.loc["paper", "story_id"] == talks.loc["wire", "story_id"]
    assert talks.loc["paper", "event_id"] == talks.loc["wire", "event_id"]


def test_a_recalled_meeting_joins_a_story_of_the_same_people() -> None:
    """Orbán meeting Putin in February 2022 is not Macron's visit to Putin that month; Putin's
    meeting that month, or Macron's with him, may be."""
    from summit_timeline.mentions.places import Place
    from summit_timeline.table.stories import Story, _Background, _matches

    moscow = Place("Moscow", "Europe/Moscow", "city", ("Russia",))
    story = Story(frozenset({"Putin", "Macron"}), dt.date(2022, 2, 7), 2022, 2, moscow)

    def recalled(*people: str) -> _Background:
        return _Background({}, frozenset(people), None, 2022, 2, moscow)

    assert not _matches(story, recalled("Putin", "Orbán"))
    assert _matches(story, recalled("Putin"))
    assert _matches(story, recalled("Putin", "Macron"))


def test_an_undated_story_at_its_venue_is_the_recalled_meeting_of_that_year() -> None:
    from summit_timeline.mentions.places import Place
    from summit_timeline.table.stories import Story, _Background, _matches

    helsinki = Place("Helsinki", "Europe/Helsinki", "city", ("Finland",))
    geneva = Place("Geneva", "Europe/Zurich", "city", ("Switzerland",))
    undated = Story(frozenset({"Putin", "Trump"}), None, None, None, helsinki, {"paper"})
    recalled = _Background({}, frozenset({"Putin", "Trump"}), None, 2018, 7, helsinki)
    assert _matches(undated, recalled)
    # a story that a mention with neither day nor year began, no report, is of no year
    told = Story(frozenset({"Putin", "Trump"}), None, None, None, helsinki)
    assert not _matches(told, recalled)
    assert not _matches(undated, _Background({}, recalled.principals, None, 2018, 7, geneva))
    assert not _matches(undated, _Background({}, recalled.principals, None, 2018, 7, None))


def test_an_undated_report_recalls_a_meeting_of_another_month_than_its_storys(
    tmp_path: Path,
) -> None:
    """The report names no date; its story (the wire's) is of June 2021: a meeting "im
    November" is another one."""
    table = _beside_the_wire(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: de\n---\n"
        "Joe Biden und Wladimir Putin haben sich in Genf getroffen. "
        "Im November hatten beide miteinander telefoniert.\n",
    )
    paper = table[table.report_id == "paper"].set_index("event_type")
    wire = table[(table.report_id == "wire") & (table.event_type == "talks")].iloc[0]
    assert paper.loc["talks"].story_id == wire.story_id
    assert paper.loc["phone_call"].story_id != wire.story_id


def test_an_undated_report_joins_only_a_story_of_its_own_venue(tmp_path: Path) -> None:
    """Without a year, Versailles is not Paris (both in France): two meetings of the same people
    years apart stay apart; a report from Paris joins the Paris story."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2019-08\nlanguage: de\n---\n"
        "Emmanuel Macron und Wladimir Putin haben sich in Paris getroffen.\n",
    )
    _write(
        tmp_path,
        "versailles.md",
        "---\noutlet: Paper\nlanguage: de\n---\n"
        "Emmanuel Macron und Wladimir Putin haben sich in Versailles getroffen.\n",
    )
    _write(
        tmp_path,
        "paris.md",
        "---\noutlet: Other\nlanguage: de\n---\n"
        "In Paris sind Emmanuel Macron und Wladimir Putin zusammengekommen.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    story = _talks(table).story_id
    assert story["versailles"] != story["wire"]
    assert story["paris"] == story["wire"]


@pytest.mark.parametrize(
    "thursday_outlets",
    [("Wire",), ("Wire", "Agency")],
    ids=["one report each", "more reports of the other story"],
)
def test_an_undated_report_joins_the_story_whose_day_its_weekdays_fit(
    tmp_path: Path, thursday_outlets: tuple[str, ...]
) -> None:
    """Two dated meetings of the same people at one venue: a report with no date that says they
    met "on Monday" is of the one held on a Monday (2025-05-12), not the earlier one of a
    Thursday (2023-03-23), however many reports tell that one."""
    wires = [(outlet, "2023-03-23") for outlet in thursday_outlets] + [("Wire", "2025-05-12")]
    for outlet, day in wires:
        _write(
            tmp_path,
            f"{outlet.lower()}-{day}.md",
            f"---\noutlet: {outlet}\npublished: {day} 20:00+03:00\nlanguage: en\n---\n"
            "Xi Jinping and Vladimir Putin held talks in Moscow today.\n",
        )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: en\n---\n"
        "Xi Jinping and Vladimir Putin held talks in Moscow on Monday.\n",
    )
    talks = st.extract_events(st.load_reports(tmp_path)).set_index("report_id")
    assert talks.loc["paper"].story_id == talks.loc["wire-2025-05-12"].story_id
    assert talks.loc["paper"].date == dt.date(2025, 5, 12)


def _saturday_call_and(folder: Path, papers: dict[str, str]) -> pd.DataFrame:
    """The calls of a wire report of a Biden-Putin call on Saturday 2022-02-12 and of undated
    reports (name -> sentence) of the same two people's calls."""
    _write(
        folder,
        "wire.md",
        "---\noutlet: Wire\npublished: 2022-02-12 21:00+00:00\nlanguage: en\n---\n"
        "Joe Biden and Vladimir Putin spoke by phone today for an hour.\n",
    )
    for name, sentence in papers.items():
        _write(folder, f"{name}.md", f"---\noutlet: {name}\nlanguage: en\n---\n{sentence}\n")
    table = st.extract_events(st.load_reports(folder))
    return table[table.event_type == "phone_call"].set_index("report_id")


def test_an_undated_report_of_another_weekday_is_not_the_only_story_of_its_people(
    tmp_path: Path,
) -> None:
    """A report with neither day nor venue whose call was "on Tuesday" is not the one story of
    the same two people in the folder, a call of a Saturday (2022-02-12): it tells another; so
    does one of a call "on Thursday", and the two stories, both of those people, unplaced and
    undated, keep two ids: their calls are not one event."""
    calls = _saturday_call_and(
        tmp_path,
        {
            "paper": "Joe Biden and Vladimir Putin spoke by phone on Tuesday for two hours.",
            "other": "Joe Biden and Vladimir Putin spoke by phone on Thursday.",
        },
    )
    assert calls.loc["paper"].story_id != calls.loc["wire"].story_id
    assert calls.loc["paper"].event_id != calls.loc["wire"].event_id
    assert calls.loc["paper"].story_id != calls.loc["other"].story_id
    assert calls.loc["paper"].event_id != calls.loc["other"].event_id


def test_two_reports_with_neither_day_nor_venue_of_one_weekday_are_one_story(
    tmp_path: Path,
) -> None:
    """Two reports that give neither day, year nor venue, of the same two people's call "on
    Tuesday", are one story and their calls one event, though the folder holds another story of
    those people (a call of a Saturday) and neither is that one."""
    calls = _saturday_call_and(
        tmp_path,
        {
            "paper": "Joe Biden and Vladimir Putin spoke by phone on Tuesday for two hours.",
            "other": "Joe Biden and Vladimir Putin spoke by phone on Tuesday evening.",
        },
    )
    assert calls.loc["paper"].story_id == calls.loc["other"].story_id
    assert calls.loc["paper"].event_id == calls.loc["other"].event_id
    assert calls.loc["paper"].story_id != calls.loc["wire"].story_id


def test_an_undated_report_joins_the_only_story_of_its_people_once_all_are_made(
    tmp_path: Path,
) -> None:
    """A report with neither day nor venue nor weekday joins the only story of its people, but
    only if it is the only one once every report has made its own: here a call "on Tuesday"
    makes a second one besides the call of a Saturday, and which report is read first does not
    decide."""
    calls = _saturday_call_and(
        tmp_path,
        {
            "a-paper": "Joe Biden and Vladimir Putin spoke by phone for two hours.",
            "b-paper": "Joe Biden and Vladimir Putin spoke by phone on Tuesday.",
        },
    )
    assert calls.loc["b-paper"].story_id != calls.loc["wire"].story_id
    assert calls.loc["a-paper"].story_id != calls.loc["wire"].story_id


def test_an_undated_report_placed_in_a_guests_home_country_joins_the_hosts_story(
    tmp_path: Path,
) -> None:
    """An undated report names only the guest's country (the critics at home), not where the
    two met: the one story of the two held in the host's country is its own, and its talks are
    held there. Without that story, the report keeps its own."""
    paper = (
        "---\noutlet: Paper\nlanguage: en\n---\n"
        "Ann Example held talks with Ben Sample on Tuesday. Her visit drew criticism in the "
        "United States, where her opponents called it a mistake.\n"
    )
    both, alone = tmp_path / "both", tmp_path / "alone"
    both.mkdir()
    alone.mkdir()
    _write(
        both,
        "wire.md",
        "---\noutlet: Wire\npublished: 2024-03-12 18:00+01:00\nlanguage: en\n---\n"
        "BERLIN (Wire) - Ann Example and Ben Sample held talks in Berlin on Tuesday.\n",
    )
    _write(both, "paper.md", paper)
    talks = _talks(_with_two_leaders(both))
    assert talks.loc["paper"].story_id == talks.loc["wire"].story_id
    assert talks.loc["paper"].event_id == talks.loc["wire"].event_id
    assert talks.loc["paper"].place == "Berlin"
    _write(alone, "paper.md", paper)
    assert _talks(_with_two_leaders(alone)).loc["paper"].place == "United States"


def test_the_days_programme_joins_the_event_held_that_day(tmp_path: Path) -> None:
    """An undated report announces talks "im Laufe des Tages"; its story (a wire report of
    talks held on Saturday 25 February) gives that day, so the announcement is those talks."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2023-02-25 18:00+05:30\nlanguage: en\n---\n"
        "Olaf Scholz and Narendra Modi held talks in New Delhi on Saturday.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: de\n---\n"
        "Olaf Scholz ist in Indien eingetroffen. Scholz will im Laufe des Tages in Neu Delhi "
        "mit Narendra Modi zusammenkommen.\n",
    )
    talks = _talks(st.extract_events(st.load_reports(tmp_path)))
    assert talks.loc["paper"].status == "announced"
    assert talks.loc["paper"].date == dt.date(2023, 2, 25)
    assert talks.loc["paper"].event_id == talks.loc["wire"].event_id


def test_a_meeting_recalled_in_the_sentence_of_todays_is_another_event(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2023-11-17 09:00+09:00\nlanguage: en\n---\n"
        "Kishida met Xi in San Francisco on Thursday, their first meeting since their last "
        "meeting on the sidelines of the APEC summit in Bangkok in November last year.\n",
    )
    talks = st.extract_events(st.load_reports(tmp_path)).set_index("place")
    assert talks.loc["San Francisco"].story_id != talks.loc["Bangkok"].story_id
    assert talks.loc["San Francisco"].event_id != talks.loc["Bangkok"].event_id


def test_an_undated_story_is_not_joined_to_one_of_two_dated_stories_it_fits() -> None:
    from summit_timeline.mentions.places import Place
    from summit_timeline.table.stories import Story, _join_dated, _Stories

    hamburg = Place("Hamburg", "Europe/Berlin", "city", ("Germany",))
    people = frozenset({"Putin", "Trump"})
    stories = _Stories()
    undated = stories.add(Story(people, None, 2017, None, hamburg, reports={"u"}))
    first = stories.add(Story(people, dt.date(2017, 7, 7), 2017, 7, hamburg, reports={"a"}))
    _join_dated(stories)
    assert first.reports == {"a", "u"} and not undated.reports
    second = stories.add(Story(people, dt.date(2017, 7, 8), 2017, 7, hamburg, reports={"b"}))
    again = stories.add(Story(people, None, 2017, None, hamburg, reports={"v"}))
    _join_dated(stories)
    assert again.reports == {"v"} and "v" not in first.reports | second.reports


def test_a_date_without_a_year_is_of_the_storys_year(tmp_path: Path) -> None:
    """An undated report's "Saturday, October 12" is of the year its story gives (another
    report's month), as its weekday confirms; its "Wednesday" is then the one before."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2024-10\nlanguage: en\n---\n"
        "Olaf Scholz and Emmanuel Macron held talks in Lyon.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: en\n---\n"
        "Emmanuel Macron welcomes Olaf Scholz in Lyon on Saturday, October 12. "
        "Scholz arrived in Lyon on Wednesday.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    paper = table[table.report_id == "paper"].set_index("trigger")
    assert paper.loc["welcomes", "date"] == dt.date(2024, 10, 12)
    assert paper.loc["arrived", "date"] == dt.date(2024, 10, 9)
    # the weekday printed with it must agree: 12 October 2025 is a Sunday
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2025-10\nlanguage: en\n---\n"
        "Olaf Scholz and Emmanuel Macron held talks in Lyon.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    paper = table[table.report_id == "paper"].set_index("trigger")
    assert paper.loc["welcomes", "date"] is None


def _assert_the_other_pairs_talks_are_its_own(folder: Path) -> None:
    """Biden's talks with Xi, told by the wire and by the paper of Kishida's: one event of one
    story, not Kishida's; Kishida's talks stay one event."""
    table = st.extract_events(st.load_reports(folder))
    talks = table[table.event_type == "talks"]
    kishida = talks[talks.actors.map(lambda a: "Kishida" in a)]
    biden = talks[talks.actors.map(lambda a: "Biden" in a)]
    assert len(kishida) == 1 and set(biden.report_id) == {"wire", "paper"}
    assert biden.story_id.nunique() == 1
    assert biden.story_id.iloc[0] != kishida.story_id.iloc[0]
    assert biden.event_id.nunique() == 1


def test_a_meeting_of_another_pair_joins_that_pairs_story(tmp_path: Path) -> None:
    """A report of Kishida's talks with Xi that tells of Biden's with Xi the day before: the
    Biden-Xi talks are of the story the Biden-Xi report tells, not of Kishida's, and the
    Kishida-Xi talks stay where they are."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2023-11-15 20:00-08:00\nlanguage: en\n---\n"
        "WOODSIDE (Wire) - Joe Biden and Xi Jinping held talks in Woodside today.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\npublished: 2023-11-16 21:00-08:00\nlanguage: en\n---\n"
        "SAN FRANCISCO - Fumio Kishida and Xi Jinping held talks in San Francisco today.\n\n"
        "Xi Jinping met Joe Biden in Woodside on Wednesday.\n",
    )
    _assert_the_other_pairs_talks_are_its_own(tmp_path)


def test_a_meeting_of_another_pair_joins_that_pairs_story_of_no_year_at_its_venue(
    tmp_path: Path,
) -> None:
    """A report of Kishida's talks with Xi in Lima that tells of Biden's with Xi there that day:
    the Biden-Xi talks are of the story the report of them tells, though that report gives no
    year or day (only its venue), not of Kishida's story."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\nlanguage: en\n---\n"
        "LIMA (Wire) - Joe Biden and Xi Jinping held talks in Lima on the sidelines of the "
        "summit.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\npublished: 2024-11-16 21:00-05:00\nlanguage: en\n---\n"
        "LIMA - Fumio Kishida and Xi Jinping held talks in Lima on Saturday.\n\n"
        "Xi Jinping also met Joe Biden in Lima on Saturday.\n",
    )
    _assert_the_other_pairs_talks_are_its_own(tmp_path)


def test_a_meeting_of_another_pair_told_by_an_undated_report_joins_that_pairs_story(
    tmp_path: Path,
) -> None:
    """A report of Kishida's talks with Xi in Lima that gives no day or year and tells of
    Biden's talks with Xi there: those are the talks the dated report from Lima tells (one
    story, one event), not talks of Kishida's story."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2024-11-16 21:00-05:00\nlanguage: en\n---\n"
        "LIMA (Wire) - Joe Biden and Xi Jinping held talks in Lima on Saturday.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: en\n---\n"
        "LIMA - Fumio Kishida and Xi Jinping held talks in Lima on the sidelines of the "
        "summit.\n\nXi Jinping also met Joe Biden in Lima.\n",
    )
    _assert_the_other_pairs_talks_are_its_own(tmp_path)


def test_a_dated_meeting_of_another_pair_placed_nowhere_joins_that_pairs_story(
    tmp_path: Path,
) -> None:
    """A report of Macron's talks with Zelensky in Paris that says Zelensky had met Scholz that
    same day, naming no place for it: those are the talks the wire from Aachen tells (one
    story, one event), not talks in Paris of Macron's story."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2023-05-14 18:00+02:00\nlanguage: en\n---\n"
        "AACHEN (Wire) - Olaf Scholz and Volodymyr Zelensky held talks in Aachen on Sunday.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\npublished: 2023-05-14 23:30+02:00\nlanguage: en\n---\n"
        "PARIS - Emmanuel Macron and Volodymyr Zelensky held talks in Paris on Sunday "
        "evening.\n\nZelensky had met Olaf Scholz on May 14 before flying on.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    talks = table[table.event_type == "talks"]
    scholz = talks[talks.actors.map(lambda a: "Scholz" in a)]
    macron = talks[talks.actors.map(lambda a: "Macron" in a)]
    assert set(scholz.report_id) == {"wire", "paper"} and len(macron) == 1
    assert scholz.story_id.nunique() == 1 and scholz.event_id.nunique() == 1
    assert macron.story_id.iloc[0] not in set(scholz.story_id)


def test_a_placed_report_without_a_year_joins_the_only_story_of_its_people_placed_nowhere(
    tmp_path: Path,
) -> None:
    """A report that places the talks of two leaders in Berlin but gives no year or day, beside
    the one report of their talks, dated and placed nowhere: one story, one event (nothing the
    placed report says is another place or period of theirs)."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2024-03-12 18:00+01:00\nlanguage: en\n---\n"
        "Olaf Scholz and Emmanuel Macron held talks on Tuesday, a spokesman said.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: en\n---\n"
        "BERLIN - Olaf Scholz and Emmanuel Macron held talks in Berlin.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    talks = table[table.event_type == "talks"]
    assert set(talks.report_id) == {"wire", "paper"}
    assert talks.story_id.nunique() == 1 and talks.event_id.nunique() == 1


def test_reports_that_name_none_of_their_people_at_one_venue_are_one_story(
    tmp_path: Path,
) -> None:
    """Two reports of talks whose people the gazetteers do not know (the advisers of four
    countries), one dated and one that gives no day, both in Paris: one story, one event (a
    report that names no one was a story of its own); such a report of talks in Geneva is
    another story."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2024-03-06 21:00+01:00\nlanguage: en\n---\n"
        "PARIS (Wire) - Advisers to the leaders of four countries held talks in Paris on "
        "Wednesday that lasted eight hours.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: de\n---\n"
        "Die Berater der vier Staaten haben in Paris acht Stunden lang Gespräche geführt.\n",
    )
    _write(
        tmp_path,
        "other.md",
        "---\noutlet: Other\nlanguage: de\n---\n"
        "Die Berater der vier Staaten haben in Genf acht Stunden lang Gespräche geführt.\n",
    )
    talks = _talks(st.extract_events(st.load_reports(tmp_path)))
    assert talks.loc["paper"].story_id == talks.loc["wire"].story_id
    assert talks.loc["paper"].event_id == talks.loc["wire"].event_id
    assert talks.loc["paper"].date == dt.date(2024, 3, 6)
    assert talks.loc["other"].story_id != talks.loc["wire"].story_id


def test_a_call_of_another_pair_joins_that_calls_story_wherever_it_is_placed(
    tmp_path: Path,
) -> None:
    """A report of Zelensky's talks with Trump in Washington that tells of Trump's call with
    Putin the day before: the call is of the story the report of the call tells, though that
    story is placed in Moscow (where Putin spoke after it): a call has no venue to compare."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2025-10-16 18:00-04:00\nlanguage: en\n---\n"
        "Donald Trump and Vladimir Putin spoke by phone on Thursday.\n\n"
        "After the call, Putin gave a press conference in Moscow.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\npublished: 2025-10-17 20:00+02:00\nlanguage: de\n---\n"
        "Washington – US-Präsident Donald Trump hat Wolodymyr Selenskyj am Freitag in "
        "Washington empfangen. Die beiden sprachen im Weißen Haus.\n\n"
        "Am Vortag hatte Trump mit Wladimir Putin telefoniert.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    calls = table[table.event_type == "phone_call"]
    welcome = table[(table.event_type == "arrival") & (table.report_id == "paper")]
    assert set(calls.report_id) == {"wire", "paper"}
    assert calls.story_id.nunique() == 1 and calls.event_id.nunique() == 1
    assert calls.story_id.iloc[0] not in set(welcome.story_id)


def test_talks_of_its_own_pair_held_elsewhere_join_the_story_told_there(tmp_path: Path) -> None:
    """A report of a guest's talks in Kyiv that tells of his talks with Putin in Moscow the day
    before: those are the talks the report from Moscow tells (one story, one event), not talks
    of the Kyiv story; the talks in Kyiv stay where they are."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2022-02-07 23:00+03:00\nlanguage: en\n---\n"
        "MOSCOW (Wire) - Emmanuel Macron and Vladimir Putin held talks in Moscow on Monday.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\npublished: 2022-02-08 20:00+02:00\nlanguage: en\n---\n"
        "KYIV (Paper) - Emmanuel Macron held talks in Kyiv on Tuesday with his Ukrainian "
        "counterpart. The two presidents then met reporters in Kyiv.\n\n"
        "On Monday, Macron had held talks with Vladimir Putin in Moscow.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    talks = table[table.event_type == "talks"]
    moscow = talks[talks.place == "Moscow"]
    kyiv = talks[talks.place == "Kyiv"]
    assert set(moscow.report_id) == {"wire", "paper"} and len(kyiv) == 1
    assert moscow.story_id.nunique() == 1 and moscow.event_id.nunique() == 1
    assert kyiv.story_id.iloc[0] not in set(moscow.story_id)


def test_a_date_only_publication_dates_its_story_by_the_date_it_prints(tmp_path: Path) -> None:
    """Published "2025-11-07" in Berlin, the talks in Washington told with no day: the 7th,
    the date printed, not the 6th whose last hours in Washington the 7th in Berlin begins
    with."""
    _write(
        tmp_path,
        "radio.md",
        "---\noutlet: Radio\npublished: 2025-11-07\nlanguage: de\ntimezone: Europe/Berlin\n---\n"
        "US-Präsident Donald Trump hat Viktor Orbán im Weißen Haus in Washington empfangen. "
        "Die beiden sprachen über Energie.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    assert set(table.date) == {dt.date(2025, 11, 7)}
    assert table.story_id.str.endswith("2025-11-07").all()


def test_an_event_dated_only_by_a_printed_day_takes_that_day_where_nothing_settles_it(
    tmp_path: Path,
) -> None:
    """Published "2021-06-17" with no zone, a press conference in Washington told with no day
    in a story another report dates to the Monday of an arrival: the 16th's evening and the
    17th are both that day in Washington, and neither is the story's; the 17th, the date
    printed, not the 16th."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2021-06-16 10:00\nlanguage: en\n---\n"
        "Scholz arrived in Washington on Monday for a visit of four days.\n",
    )
    _write(
        tmp_path,
        "page.md",
        "---\noutlet: Page\npublished: 2021-06-17\nlanguage: en\n---\n"
        "Biden and Scholz gave a joint press conference at the White House in Washington.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    press = table[table.event_type == "press_statement"]
    assert table.story_id.nunique() == 1
    assert list(press.date) == [dt.date(2021, 6, 17)]
    assert list(press.date_source) == ["publication"]


def test_what_took_place_is_not_dated_after_the_date_its_publication_prints(
    tmp_path: Path,
) -> None:
    """Published "2023-04-12" with no zone: in Belfast that day runs into the first hour of
    the 13th, but "today" before the talks does not date them after the 12th."""
    _write(
        tmp_path,
        "wire.md",
        "---\npublished: 2023-04-12\nlanguage: en\n---\n"
        "BELFAST - Joe Biden is in Belfast today.\n\n"
        "The US president has told reporters he is here to listen as he met Rishi Sunak.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    assert set(table.date) == {dt.date(2023, 4, 12)}


def _morning_after(folder: Path, next_day: str = "") -> pd.DataFrame:
    """The table of the wire report and an evening report that state the day of the Geneva
    talks, and one of the next morning that tells, with no day, a press conference only it
    reports (so no aligned event dates it); ``next_day``: a report of the next evening."""
    _write(folder, "wire.md", GENEVA_WIRE)
    _write(
        folder,
        "evening.md",
        "---\noutlet: Evening\npublished: 2021-06-16 22:00+02:00\nlanguage: en\n---\n"
        "GENEVA (Evening) - Joe Biden and Vladimir Putin held talks in Geneva on Wednesday.\n",
    )
    _write(
        folder,
        "morning.md",
        "---\noutlet: Morning\npublished: 2021-06-17 07:00+02:00\nlanguage: en\n---\n"
        "Joe Biden and Vladimir Putin met in Geneva. Putin gave a press conference.\n",
    )
    if next_day:
        _write(
            folder,
            "next.md",
            "---\noutlet: Next\npublished: 2021-06-17 20:00+02:00\nlanguage: en\n---\n"
            f"{next_day}\n",
        )
    return st.extract_events(st.load_reports(folder))


def test_what_a_report_of_the_morning_after_tells_took_place_on_its_storys_day(
    tmp_path: Path,
) -> None:
    # published the morning after the talks, the report tells the press conference with no day
    # of its own: it took place on the day the story's reports say the meeting was, not the
    # day of writing
    table = _morning_after(tmp_path)
    press = table[table.event_type == "press_statement"].iloc[0]
    assert (press.date, press.date_source) == (dt.date(2021, 6, 16), "story")


def test_a_story_held_on_the_day_of_writing_too_keeps_the_day_of_writing(tmp_path: Path) -> None:
    # a report of the story states that something took place the next day too (a two-day
    # meeting): the day of writing may be the day of what the morning report tells (a third
    # report of the first day keeps that the story's day)
    _write(
        tmp_path,
        "radio.md",
        "---\noutlet: Radio\npublished: 2021-06-16 23:00+02:00\nlanguage: en\n---\n"
        "Joe Biden and Vladimir Putin met in Geneva on Wednesday.\n",
    )
    table = _morning_after(
        tmp_path,
        "Joe Biden and Vladimir Putin met again in Geneva on Thursday before Biden left.",
    )
    press = table[table.event_type == "press_statement"].iloc[0]
    assert (press.date, press.date_source) == (dt.date(2021, 6, 17), "publication")


def test_a_story_held_on_the_day_of_writing_by_an_aligned_event_keeps_the_day_of_writing(
    tmp_path: Path,
) -> None:
    # no report states a day for the second meeting, but one dated only by its day tells that
    # it took place and another announced it for that day: the story was held on the day of
    # writing too, so the morning report's press conference keeps it
    _write(
        tmp_path,
        "plan.md",
        "---\noutlet: Plan\npublished: 2021-06-16 22:30+02:00\nlanguage: en\n---\n"
        "Joe Biden and Vladimir Putin will meet again in Geneva on Thursday.\n",
    )
    _write(
        tmp_path,
        "daily.md",
        "---\noutlet: Daily\npublished: 2021-06-17\nlanguage: en\n---\n"
        "Joe Biden and Vladimir Putin met again in Geneva.\n",
    )
    table = _morning_after(tmp_path)
    talks = table[(table.report_id == "daily") & (table.event_type == "talks")].iloc[0]
    assert (talks.date, talks.date_source) == (dt.date(2021, 6, 17), "aligned")
    press = table[table.event_type == "press_statement"].iloc[0]
    assert (press.date, press.date_source) == (dt.date(2021, 6, 17), "publication")


def test_a_story_held_on_the_day_of_writing_by_a_weekday_keeps_the_day_of_writing(
    tmp_path: Path,
) -> None:
    # a report that prints no date tells that the two met again on Thursday, the day after the
    # story's Wednesday: read nearest the story's day, that weekday is the morning report's day
    # of writing, on which something took place, so its press conference keeps that day
    _write(
        tmp_path,
        "weekly.md",
        "---\noutlet: Weekly\nlanguage: en\n---\n"
        "Joe Biden and Vladimir Putin met again in Geneva on Thursday.\n",
    )
    table = _morning_after(tmp_path)
    again = table[(table.report_id == "weekly") & (table.event_type == "talks")].iloc[0]
    assert again.date == dt.date(2021, 6, 17)
    press = table[table.event_type == "press_statement"].iloc[0]
    assert (press.date, press.date_source) == (dt.date(2021, 6, 17), "publication")


def _visit(folder: Path, venue: str, hosts: tuple[str, str]) -> pd.DataFrame:
    """The table of two reports of one guest's days in ``venue``, each of its meeting with one
    of ``hosts`` on the day of writing."""
    for day, host in zip((17, 18), hosts, strict=True):
        _write(
            folder,
            f"day{day}.md",
            f"---\noutlet: Paper {day}\npublished: 2024-10-{day} 20:00+02:00\nlanguage: en\n---\n"
            f"{venue.upper()} (Paper) - Joe Biden met {host} in {venue} today for talks.\n",
        )
    return st.extract_events(st.load_reports(folder))


def test_a_guests_meetings_with_two_hosts_of_one_country_are_one_visit(tmp_path: Path) -> None:
    # Biden with the German president, then with the chancellor, in Berlin: one visit
    table = _visit(tmp_path, "Berlin", ("Frank-Walter Steinmeier", "Olaf Scholz"))
    assert table.story_id.nunique() == 1
    assert set(_talks(table).story_id) == {"biden-scholz-steinmeier-berlin-2024-10-17"}


def test_two_hosts_met_abroad_are_two_stories(tmp_path: Path) -> None:
    # two Chinese leaders Biden meets in Berlin are not his hosts there: two meetings
    table = _visit(tmp_path, "Berlin", ("Xi Jinping", "Li Qiang"))
    assert table.story_id.nunique() == 2


def test_what_took_place_days_before_the_report_is_not_its_venue(tmp_path: Path) -> None:
    # written on Tuesday about a call of the day; the welcome in Alaska four days before is
    # another meeting, not the place of the report's own story
    _write(
        tmp_path,
        "call.md",
        "---\noutlet: Zeitung\npublished: 2025-08-19\nlanguage: de\n---\n"
        "Am Freitag hatte US-Präsident Donald Trump Kremlchef Wladimir Putin in Alaska "
        "empfangen. Heute hat Trump ein Treffen unterbrochen, um mit Putin zu telefonieren.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    call = table[table.event_type == "phone_call"].iloc[0]
    welcome = table[table.event_type == "arrival"].iloc[0]
    assert "alaska" not in call.story_id
    assert welcome.place == "Alaska"
    assert welcome.story_id != call.story_id


def test_a_row_dated_days_before_its_story_joins_the_story_of_that_day(tmp_path: Path) -> None:
    """A report of a call on Monday that tells how one leader received the other in Lisbon on
    Friday: three days before its own story's day (not far enough to recall another meeting),
    that welcome is of the story the report of Friday's talks tells."""
    for name, published, language, text in (
        (
            "wire",
            "2024-05-17 20:00+01:00",
            "en",
            "Ann Example and Ben Sample held talks in Lisbon on Friday.",
        ),
        (
            "paper",
            "2024-05-20 20:00+02:00",
            "de",
            "Ann Example und Ben Sample haben am Montag telefoniert.\n\n"
            "Am Freitag hatte Example ihren Gast Sample noch in Lissabon empfangen.",
        ),
    ):
        _write(
            tmp_path,
            f"{name}.md",
            f"---\noutlet: {name.title()}\npublished: {published}\nlanguage: {language}\n---\n"
            f"{text}\n",
        )
    table = _with_two_leaders(tmp_path)
    talks = table[table.report_id == "wire"]
    call = table[(table.report_id == "paper") & (table.event_type == "phone_call")]
    welcome = table[(table.report_id == "paper") & (table.event_type == "arrival")]
    assert len(welcome) == 1 and len(call) == 1
    assert welcome.story_id.iloc[0] in set(talks.story_id)
    assert call.story_id.iloc[0] not in set(talks.story_id)


def test_a_meeting_called_off_is_where_it_was_announced_not_where_it_was_reported(
    tmp_path: Path,
) -> None:
    # two reports filed in two cities tell one meeting called off, which each says had been
    # announced for Vienna: it is one event, planned for Vienna
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2021-03-10 18:00-05:00\nlanguage: en\n---\n"
        "WASHINGTON (Wire) - President Joe Biden said on Wednesday that he has canceled his "
        "planned meeting with Russian President Vladimir Putin.\n\n"
        "Biden said last week that he would meet Putin in Vienna for talks.\n",
    )
    _write(
        tmp_path,
        "post.md",
        "---\noutlet: Post\npublished: 2021-03-11 09:00+00:00\nlanguage: en\n---\n"
        "LONDON (Post) - U.S. President Joe Biden has called off his planned meeting with "
        "Vladimir Putin, he told reporters.\n\n"
        "Biden had said he would meet Putin in Vienna.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    called_off = table[(table.event_type == "talks") & (table.status == "cancelled")]
    assert list(called_off.place) == ["Vienna", "Vienna"]
    assert called_off.event_id.nunique() == 1


def test_a_call_recalled_by_its_month_takes_no_day_of_the_story_it_joins(tmp_path: Path) -> None:
    # a report of talks in July recalls the call of March "in March": the call joins the March
    # story, whose day another report gives, but its own text gives it none
    for outlet, published, body in (
        ("Wire", "2022-03-18 20:00", "spoke by phone on Friday for nearly two hours."),
        (
            "Courier",
            "2022-07-28 18:00",
            "held talks in Washington on Thursday.\n\n"
            "The two leaders had last spoken by phone in March.",
        ),
    ):
        _write(
            tmp_path,
            f"{outlet.lower()}.md",
            f"---\noutlet: {outlet}\npublished: {published}\nlanguage: en\n"
            f"timezone: America/New_York\n---\n"
            f"WASHINGTON ({outlet}) - President Joe Biden and Xi Jinping {body}\n",
        )
    table = st.extract_events(st.load_reports(tmp_path))
    calls = table[table.event_type == "phone_call"].set_index("report_id")
    assert calls.loc["wire", "date"] == dt.date(2022, 3, 18)
    recalled = calls.loc["courier"]
    assert recalled.story_id == calls.loc["wire", "story_id"]
    assert recalled.date is None  # "in March" gives no day: the story's is not taken


def test_an_undated_story_of_a_guest_takes_the_day_of_the_guests_dated_visit_there(
    tmp_path: Path,
) -> None:
    """A report of a month tells Putin's talks in Tehran with his host; the one dated report
    of that month has him there with another guest. The guest's visit dates the undated
    story's events, and the two stories stay apart (the meetings are two)."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2022-07-19 21:00+04:30\nlanguage: en\n---\n"
        "TEHRAN (Wire) - Vladimir Putin and Recep Tayyip Erdogan held talks in Tehran on "
        "Tuesday.\n",
    )
    _write(
        tmp_path,
        "monthly.md",
        "---\noutlet: Monthly\npublished: 2022-07\nlanguage: en\n---\n"
        "Vladimir Putin held talks with Ebrahim Raisi in Tehran.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    talks = table[table.event_type == "talks"].set_index("report_id")
    assert talks.loc["monthly"].story_id != talks.loc["wire"].story_id
    assert talks.loc["wire"].date == dt.date(2022, 7, 19)
    assert talks.loc["monthly"].date == dt.date(2022, 7, 19)
    assert talks.loc["monthly"].date_source == "trip"  # a guess, and shown as one


def test_a_meeting_to_come_known_only_by_its_place_is_not_one_years_later() -> None:
    """ "The talks will be followed by a dinner at the Harbour hall" in a report of 2019 is
    not a meeting of the same two at a town named Harbour six years on; one a few weeks after
    the report may be."""
    from summit_timeline.mentions.places import Place
    from summit_timeline.table.stories import Story, _Background, _recalled, _Stories

    harbour = Place("Harbour", "Asia/Shanghai", "city", ("Country",))
    home = Place("Riverton", "Asia/Kolkata", "city", ("Other Country",))
    people = frozenset({"Example", "Sample"})
    stories = _Stories()
    own = stories.add(Story(people, dt.date(2019, 10, 12), 2019, 10, home))
    later = stories.add(Story(people, dt.date(2025, 8, 31), 2025, 8, harbour))

    def announced(written: dt.date) -> _Background:
        b = _Background(
            {"status": "announced", "report_id": "paper"}, people, None, None, None, harbour
        )
        b.written = written
        return b

    assert _recalled(stories, announced(dt.date(2019, 10, 12)), own) is None
    assert _recalled(stories, announced(dt.date(2025, 8, 1)), own) is later


@pytest.mark.parametrize(("weekday", "joins"), [("Tuesday", True), ("Friday", False)])
def test_an_undated_reports_arrival_elsewhere_on_its_weekday_joins_the_story_held_there(
    tmp_path: Path, weekday: str, joins: bool
) -> None:
    """A report with no date filed from Warsaw that tells the guest "arrived in Kyiv on Tuesday":
    the arrival is the one of the dated story in Kyiv, held on a Tuesday, and takes its day; on a
    weekday days away from that story's it stays in its report's story."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2022-02-08 20:00+02:00\nlanguage: en\n---\n"
        "KYIV (Wire) - Emmanuel Macron arrived in Kyiv on Tuesday and held talks with "
        "Volodymyr Zelensky.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: en\n---\n"
        "WARSAW (Paper) - Emmanuel Macron and Volodymyr Zelensky spoke to reporters in Warsaw.\n\n"
        f"Macron arrived in Kyiv on {weekday}.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    arrivals = table[table.event_type == "arrival"].set_index("report_id")
    statement = table[table.event_type == "press_statement"].iloc[0]
    assert (arrivals.loc["paper"].story_id == arrivals.loc["wire"].story_id) is joins
    assert (arrivals.loc["paper"].story_id != statement.story_id) is joins
    if joins:
        assert arrivals.loc["paper"].date == dt.date(2022, 2, 8)


def test_the_foreign_ministers_meeting_beside_a_summit_is_not_the_leaders(
    tmp_path: Path,
) -> None:
    """Leaders the people gazetteer lists (Raúl Castro, Bruno Rodríguez, Ferdinand Marcos Jr.)
    are actors of their own meetings: the Cuban foreign minister's talks with Kerry the evening
    before are not Obama's with Castro, and Marcos is one of the three at the White House."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2015-04-11 22:00-05:00\nlanguage: en\n---\n"
        "PANAMA CITY (Wire) - Barack Obama and Raúl Castro held talks in Panama City on "
        "Saturday. On Thursday evening John Kerry had met Bruno Rodríguez there for two "
        "hours.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\npublished: 2024-04-11 21:00-04:00\nlanguage: en\n---\n"
        "WASHINGTON (Paper) - Joe Biden held talks with Fumio Kishida and Ferdinand Marcos Jr. "
        "at the White House on Thursday.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    talks = table[table.event_type == "talks"]
    leaders = talks[talks.actors.map(lambda a: "Castro" in a)]
    ministers = talks[talks.actors.map(lambda a: "Rodríguez" in a)]
    assert len(leaders) == 1 and len(ministers) == 1
    assert set(leaders.actors.iloc[0]) == {"Obama", "Castro"}
    assert set(ministers.actors.iloc[0]) == {"Kerry", "Rodríguez"}
    assert leaders.event_id.iloc[0] != ministers.event_id.iloc[0]
    white_house = talks[talks.report_id == "paper"]
    assert set(white_house.actors.iloc[0]) == {"Biden", "Kishida", "Marcos"}


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [("Donnerstag", (dt.date(2023, 3, 9), "aligned")), ("Freitag", (None, "none"))],
)
def test_a_weekday_in_a_report_without_a_day_takes_its_events_day_if_it_falls_on_it(
    tmp_path: Path, weekday: str, expected: tuple
) -> None:
    # neither report prints a day; one announces the talks for a date, the other tells them
    # held on a weekday: the weekday of that date is that date, another weekday is no day
    _write(
        tmp_path,
        "plan.md",
        "---\noutlet: Plan\nlanguage: en\n---\n"
        "Emmanuel Macron will hold talks with Olaf Scholz in Lyon on March 9, 2023.\n",
    )
    _write(
        tmp_path,
        "held.md",
        "---\noutlet: Held\nlanguage: de\n---\n"
        f"Emmanuel Macron und Olaf Scholz haben am {weekday} in Lyon Gespräche geführt.\n",
    )
    talks = _talks(st.extract_events(st.load_reports(tmp_path)))
    assert talks.event_id.nunique() == 1
    held = talks.loc["held"]
    assert (None if pd.isna(held.date) else held.date, held.date_source) == expected


def test_an_event_placed_in_a_state_takes_the_town_there_its_report_names(tmp_path: Path) -> None:
    """Talks and a welcome that a report places only in a state ("in Texas") were held in the
    one town of that state where the same report places another event of the meeting (Austin);
    a guest's journey into the state keeps it, and a report that names no town there keeps the
    state."""
    (tmp_path / "named").mkdir()
    _write(
        tmp_path / "named",
        "paper.md",
        "---\noutlet: Paper\npublished: 2024-03-09 08:00-06:00\nlanguage: en\n---\n"
        "Ben Sample arrived in Texas on Thursday. Ann Example greeted Ben Sample in Texas on "
        "Friday morning. Their talks in Texas lasted three hours. Afterwards the two leaders "
        "gave a joint press conference in Austin.\n",
    )
    table = _with_two_leaders(tmp_path / "named")
    rows = table.set_index(["event_type", table.actors.map(len)])
    assert rows.loc[("talks", 2)].place == "Austin"
    assert any("Texas" in note for note in rows.loc[("talks", 2)].notes)
    assert rows.loc[("arrival", 2)].place == "Austin"
    assert rows.loc[("arrival", 1)].place == "Texas"
    (tmp_path / "unnamed").mkdir()
    _write(
        tmp_path / "unnamed",
        "paper.md",
        "---\noutlet: Paper\npublished: 2024-03-09 08:00-06:00\nlanguage: en\n---\n"
        "Ann Example greeted Ben Sample in Texas on Friday morning. Their talks in Texas "
        "lasted three hours.\n",
    )
    table = _with_two_leaders(tmp_path / "unnamed")
    assert set(table[table.event_type.isin(["talks", "arrival"])].place) == {"Texas"}


def _call_and_talks(folder: Path, papers: dict[str, str]) -> pd.DataFrame:
    """A report filed in Vienna of talks held there, whose lead also tells a call of the same
    two leaders that day, beside ``papers`` (invented)."""
    _write(
        folder,
        "a_talks.md",
        "---\noutlet: Agency\npublished: 2024-03-11 18:00+01:00\nlanguage: en\n---\n"
        "VIENNA (Agency) - Joe Biden and Xi Jinping held talks in Vienna on Monday. "
        "Later that day, Biden and Xi also spoke by phone.\n",
    )
    for name, text in papers.items():
        _write(folder, name, text)
    return st.extract_events(st.load_reports(folder))


def test_a_report_of_a_call_joins_the_story_of_that_call_not_a_meeting(tmp_path: Path) -> None:
    """A call is held nowhere: a report that tells only a call and names no place is the call
    another report of that call tells (filed in Washington), not the meeting of the same two
    leaders that a report filed in Vienna tells, whatever place each report names."""
    table = _call_and_talks(
        tmp_path,
        {
            "b_wire.md": "---\noutlet: Wire\npublished: 2024-03-11 20:00-04:00\nlanguage: en\n"
            "---\nWASHINGTON (Wire) - Joe Biden and Xi Jinping spoke by phone on Monday for "
            "an hour, Biden told reporters in Washington.\n",
            "c_paper.md": "---\noutlet: Paper\npublished: 2024-03-12\nlanguage: en\n---\n"
            "Joe Biden said his phone call with Xi Jinping on Monday had been frank.\n",
        },
    )
    calls = table[(table.event_type == "phone_call") & (table.status == "occurred")]
    calls = calls.set_index("report_id")
    assert calls.loc["c_paper"].story_id == calls.loc["b_wire"].story_id
    assert calls.loc["c_paper"].event_id == calls.loc["b_wire"].event_id


def test_two_reports_of_one_call_are_one_story_whatever_town_each_names(tmp_path: Path) -> None:
    """A call is held nowhere: two reports that tell only a call of the same two leaders that
    day are one story, though one is filed in Washington and the other in Beijing."""
    table = _call_and_talks(
        tmp_path,
        {
            "b_wire.md": "---\noutlet: Wire\npublished: 2024-03-11 20:00-04:00\nlanguage: en\n"
            "---\nWASHINGTON (Wire) - Joe Biden and Xi Jinping spoke by phone on Monday for "
            "an hour, Biden told reporters in Washington.\n",
            "d_agency.md": "---\noutlet: Agency\npublished: 2024-03-12 09:00+08:00\n"
            "language: en\n---\nBEIJING (Agency) - Xi Jinping and Joe Biden spoke by phone on "
            "Monday, a spokeswoman told reporters in Beijing.\n",
        },
    )
    calls = table[(table.event_type == "phone_call") & (table.status == "occurred")]
    calls = calls.set_index("report_id")
    assert calls.loc["d_agency"].story_id == calls.loc["b_wire"].story_id
    assert calls.loc["d_agency"].event_id == calls.loc["b_wire"].event_id


def test_a_paper_of_the_morning_after_tells_the_day_a_report_without_a_day_names(
    tmp_path: Path,
) -> None:
    """No report states a day: a paper printed on Thursday tells the talks with none of its
    own, and a report that prints no day says the guest was welcomed on Wednesday. The story
    took place on the Wednesday (papers print the morning after what they tell), so the
    paper's talks took place then too, not on the day it was printed."""
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\npublished: 2021-06-17 06:00+02:00\nlanguage: en\n---\n"
        "GENEVA - Joe Biden and Vladimir Putin held talks in Geneva that lasted about three "
        "hours.\n",
    )
    _write(
        tmp_path,
        "undated.md",
        "---\noutlet: Undated\nlanguage: en\n---\n"
        "Joe Biden met Vladimir Putin in Geneva on Wednesday.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    assert table.story_id.nunique() == 1
    paper = table[(table.report_id == "paper") & (table.event_type == "talks")].iloc[0]
    assert paper.date == dt.date(2021, 6, 16)


def test_a_report_without_a_year_joins_the_story_of_the_year_its_text_names(
    tmp_path: Path,
) -> None:
    """The same two met in Moscow in March 2023 (a dated wire report) and in May 2025 (a report
    of that month): a report that prints no publication and gives no year in its lead, but
    names 2025 further down (the day a statement is due), is of the meeting of 2025, not the
    dated one of 2023."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2023-03-21 20:00+03:00\nlanguage: en\n---\n"
        "Xi Jinping and Vladimir Putin held talks in Moscow today.\n",
    )
    _write(
        tmp_path,
        "monthly.md",
        "---\noutlet: Monthly\npublished: 2025-05\nlanguage: en\n---\n"
        "Xi Jinping and Vladimir Putin held talks in Moscow.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\nlanguage: en\n---\n"
        "Xi Jinping and Vladimir Putin held talks in Moscow.\n\n"
        "Trade was high on the agenda.\n\nSo was energy.\n\nGrain came up too.\n\n"
        "Their statement on trade is to be published on May 9, 2025.\n",
    )
    talks = _talks(st.extract_events(st.load_reports(tmp_path)))
    assert talks.loc["paper"].story_id == talks.loc["monthly"].story_id
    assert talks.loc["paper"].story_id != talks.loc["wire"].story_id


def test_a_meeting_held_in_a_month_after_the_reports_was_held_the_year_before(
    tmp_path: Path,
) -> None:
    """A report of January tells that the two "had met in Geneva in June": the June before
    (the story of the Geneva talks of June 2021), not a June of the report's year."""
    _write(tmp_path, "wire.md", GENEVA_WIRE)
    _write(
        tmp_path,
        "call.md",
        "---\noutlet: Courier\npublished: 2022-01-10 18:00+01:00\nlanguage: en\n---\n"
        "Joe Biden and Vladimir Putin spoke by phone on Monday.\n\n"
        "The two presidents had met in Geneva in June.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    geneva = table[table.report_id == "wire"].story_id.iloc[0]
    recalled = table[(table.report_id == "call") & (table.event_type == "talks")]
    assert len(recalled) == 1
    assert recalled.iloc[0].story_id == geneva


def test_a_weekday_of_a_story_without_a_day_falls_in_the_week_its_report_tells(
    tmp_path: Path,
) -> None:
    """A report that prints no day of publication states the day of one meeting and names only
    a weekday for the next stop of the trip, a story of its own that no report dates: the
    weekday is the one nearest the day the report tells, not left undated."""
    _write(
        tmp_path,
        "monthly.md",
        "---\noutlet: Monthly\npublished: 2024-03\nlanguage: en\n---\n"
        "Prime Minister Justin Trudeau welcomed President Lula da Silva in Ottawa on March 6, "
        "2024, for talks on trade.\n\n"
        "Lula will fly on to Mexico City on Friday to meet President Andrés Manuel López "
        "Obrador.\n",
    )
    _write(
        tmp_path,
        "weekly.md",
        "---\noutlet: Weekly\nlanguage: de\n---\n"
        "Bundeskanzler Olaf Scholz ist am 14. Mai 2025 in Paris von Präsident Emmanuel Macron "
        "empfangen worden.\n\n"
        "Am Freitag will Scholz in Warschau den polnischen Regierungschef Donald Tusk treffen.\n",
    )
    table = st.extract_events(st.load_reports(tmp_path))
    ahead = table[(table.event_type == "talks") & (table.status == "announced")]
    days = dict(zip(ahead.report_id, ahead.date, strict=True))
    assert days == {"monthly": dt.date(2024, 3, 8), "weekly": dt.date(2025, 5, 16)}


def test_a_report_that_never_names_a_storys_principal_is_not_that_story(tmp_path: Path) -> None:
    """Two reports of talks in one city that day share Macron, but the second never names
    Scholz: it tells Macron's talks with others, not the talks of Macron and Scholz."""
    _write(
        tmp_path,
        "both.md",
        "---\noutlet: Wire\npublished: 2024-03-05 20:00+01:00\nlanguage: en\n---\n"
        "PARIS (Wire) - French President Emmanuel Macron and German Chancellor Olaf Scholz held "
        "talks in Paris on Tuesday. Macron and Scholz discussed support for Ukraine over lunch "
        "at the Elysee Palace.\n",
    )
    _write(
        tmp_path,
        "one.md",
        "---\noutlet: Courier\npublished: 2024-03-05 21:00+01:00\nlanguage: en\n---\n"
        "PARIS (Courier) - French President Emmanuel Macron held talks in Paris on Tuesday with "
        "the leaders of a group of island states. Macron said the talks had been useful.\n",
    )
    talks = _talks(st.extract_events(st.load_reports(tmp_path)))
    assert talks.loc["both", "story_id"] != talks.loc["one", "story_id"]


def test_a_report_of_a_guest_that_never_names_the_host_is_the_visits_story(
    tmp_path: Path,
) -> None:
    """A report of a guest's day abroad that never names the host, printed the day after the
    host's talks with the guest, tells the visit the story of the two is: its arrival is the one
    the other report tells (a report that never names a story's principal is not that story,
    but for the host of a guest's visit)."""
    _write(
        tmp_path,
        "wire.md",
        "---\noutlet: Wire\npublished: 2024-03-12 18:00+01:00\nlanguage: en\n---\n"
        "BERLIN (Wire) - Ann Example and Ben Sample held talks in Berlin on Tuesday. Example "
        "arrived in Berlin on Tuesday morning.\n",
    )
    _write(
        tmp_path,
        "paper.md",
        "---\noutlet: Paper\npublished: 2024-03-13 09:00+01:00\nlanguage: en\n---\n"
        "BERLIN (Paper) - Ann Example arrived in Berlin on Tuesday morning for a two-day visit "
        "to Germany.\n",
    )
    table = _with_two_leaders(tmp_path)
    arrivals = table[table.event_type == "arrival"].set_index("report_id")
    assert arrivals.loc["paper", "story_id"] == arrivals.loc["wire", "story_id"]
    assert arrivals.loc["paper", "event_id"] == arrivals.loc["wire", "event_id"]


def _two_summit_papers(folder: Path, second: bool = True) -> pd.DataFrame:
    """Reports of two meetings at one summit, each telling of a third pair's meeting on its
    sidelines (invented); without ``second``, only the first report tells it."""
    _write(
        folder,
        "wire.md",
        "---\noutlet: Wire\npublished: 2024-11-19 20:00-03:00\nlanguage: en\n---\n"
        "RIO DE JANEIRO (Wire) - Olaf Scholz and Xi Jinping held talks in Rio de Janeiro "
        "today.\n\nOn the sidelines of the summit, Scholz also met Fumio Kishida.\n",
    )
    _write(
        folder,
        "paper.md",
        "---\noutlet: Paper\npublished: 2024-11-19 21:00-03:00\nlanguage: en\n---\n"
        "RIO DE JANEIRO - Joe Biden and Fumio Kishida held talks in Rio de Janeiro today.\n\n"
        + ("Kishida later met Olaf Scholz on the sidelines of the summit.\n" if second else ""),
    )
    table = st.extract_events(st.load_reports(folder))
    return table[table.event_type == "talks"]


def test_a_meeting_of_a_third_pair_two_stories_tell_is_one_event(tmp_path: Path) -> None:
    """Scholz's talks with Kishida, which neither report is about and which each tells beside
    its own talks (Scholz's with Xi, Biden's with Kishida): one event, of a story of their own;
    each report's own talks stay in its story, and the side meeting keeps its report's day and
    place."""
    talks = _two_summit_papers(tmp_path)
    side = talks[talks.actors.map(lambda a: set(a) == {"Scholz", "Kishida"})]
    assert set(side.report_id) == {"wire", "paper"}
    assert side.event_id.nunique() == 1
    own = talks.drop(side.index).set_index("report_id")
    assert side.story_id.iloc[0] not in set(own.story_id)
    assert own.loc["wire", "story_id"] != own.loc["paper", "story_id"]
    assert set(side.date.astype(str)) == {"2024-11-19"}
    assert set(side.place) == {"Rio de Janeiro"}


def test_a_meeting_of_a_third_pair_one_story_tells_stays_in_it(tmp_path: Path) -> None:
    """Told by one report only, Scholz's talks with Kishida stay in that report's story."""
    talks = _two_summit_papers(tmp_path, second=False)
    side = talks[talks.actors.map(lambda a: set(a) == {"Scholz", "Kishida"})]
    wire = talks[(talks.report_id == "wire") & ~talks.index.isin(side.index)]
    assert list(side.report_id) == ["wire"]
    assert side.story_id.iloc[0] == wire.story_id.iloc[0]
