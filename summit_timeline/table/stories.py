"""Stories: which summit, meeting or call each mention belongs to.

A report is about one meeting (its *own story*: its two principals, its day, its venue) and may
recall others ("when they met in Helsinki in July 2018", "their call last November") or look
ahead to one elsewhere ("their next meeting in Budapest"). A mention is *background* when its
clause names a year other than the report's, a month or day away from the report's day, or, for
an event still to come, a place away from the venue. Reports whose own stories share principals,
days (within ``DAY_WINDOW``) and venue form one story across the corpus (so do a guest's
meetings with two hosts of the country it visits), but a report never joins the story of a
principal it names nowhere (Trump's day at the United Nations that never names Zelensky is not
their talks); a background mention joins the story that
matches its principals, period and place, or starts one of its own; a meeting of another pair
than the report's principals joins that pair's story of those days (or, when it names its day
and that pair's reports give none, their story of its venue; when its own story has no day,
that pair's one dated story in its region; when its clause dates it but places it nowhere,
that pair's one story of that day, wherever it is held; where that pair has no story
near, the meeting that reports of two or more other dated stories tell on the same days in one
region is aligned in a story of its own, which takes nothing else, its rows placed and dated as
their reports' own), and so does one dated a few
days from its report's (beyond ``DAY_WINDOW``) that a story of its people holds, and one that
took place away from its story's venue where a story of its people of those days is held (in a
report without a day: of the weekday it names). A meeting of officials among themselves that
names none of its people takes none of its report's principals: recalled ("the delegations met
last week in Istanbul") or held in another town than its report's venue, it joins the story held
at its place on its day or in the span its period names.

A report without a publication day takes no day or year from its lead that lies decades before
any of its people first held an office (``GENERATION_YEARS``): an anniversary or a first it
recalls ("the liberation of Belgrade in 1944"), not its meeting.

Alignment never crosses stories, and a mention with no date of its own takes its story's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..mentions.mention import LEAD_PARAGRAPHS
from ..mentions.merge import period_away
from ..mentions.periods import Period
from ..mentions.places import Place
from ..mentions.status import FUTURE
from .align import one_names_all, same_counterparts

#: Days between two reports' dates that can still be one meeting (a call reported the next day).
DAY_WINDOW = 2
#: Days between a mention's own date and its report's day beyond which it recalls another meeting.
BACKGROUND_DAYS = 3
#: Days after its report within which a meeting to come that names no time of its own lies.
YEAR_DAYS = 366
#: The longest span counted in days ("last month") that still names its month.
MONTH_DAYS = 31
#: Years before the first office of any of its people beyond which a year a report names for
#: what took place is history it recalls, not its meeting's: a career before such an office spans
#: less (Xi and Biden met as vice-presidents two years before Xi's presidency); an anniversary
#: or a first ("the liberation of Belgrade on 20 October 1944", "the first such dinner since
#: 1969") lies further back.
GENERATION_YEARS = 20


@dataclass
class ReportFrame:
    """What one report says of its own story."""

    report_id: str
    principals: frozenset[str]
    day: dt.date | None
    year: int | None
    month: int | None
    venue: Place | None
    #: False when the day is one of two local dates a date-only publication can fall on
    day_certain: bool = True
    #: for a report without a day: the places its lead names outside clauses of another year
    #: (``ReportMentions.named_places``)
    named: tuple[Place, ...] = ()
    #: for a report without a day: the weekdays its lead names for events that took place
    weekdays: tuple[int, ...] = ()
    #: the country (its English name) each principal the people gazetteer knows leads
    countries: Mapping[str, str] = field(default_factory=dict)
    #: its lead tells a phone call that took place, and no meeting in person that did
    by_phone: bool = False
    #: for a report that gives no year: the years its text names anywhere (a "Date:" line, a
    #: summit "on 13-14 November 2019" it announces, a year it recalls)
    named_years: frozenset[int] = frozenset()
    #: the earliest day any of its principals took an office the offices gazetteer lists
    led_from: dt.date | None = None
    #: everyone it names: the people (or offices) of the people gazetteer it names anywhere, the
    #: actors of its events, its principals (none where not known)
    people: frozenset[str] = frozenset()


@dataclass
class Story:
    """One summit, meeting or call: its principals, day or period, and venue."""

    principals: frozenset[str]
    day: dt.date | None
    year: int | None
    month: int | None
    venue: Place | None
    reports: set[str] = field(default_factory=set)
    days: Counter[dt.date] = field(default_factory=Counter)
    #: each own report's day (``ReportFrame.day``), by report id
    frame_days: dict[str, dt.date] = field(default_factory=dict)
    #: the principals' countries (``ReportFrame.countries``)
    countries: dict[str, str] = field(default_factory=dict)
    #: for a story no report dates: the dated story of the same guest's trip (``_same_trip``),
    #: whose day its events take where they name none (date_source "trip"); the two stay apart
    trip: Story | None = None
    #: every report of it tells a phone call and no meeting in person (``ReportFrame.by_phone``)
    calls: bool = False
    #: the weekdays its reports without a day name (``ReportFrame.weekdays``)
    weekdays: set[int] = field(default_factory=set)
    #: the country, by report id, of each report that placed it only in a country one of its
    #: principals leads, where the story is held in another's (``_held_at_host``)
    at_host: dict[str, str] = field(default_factory=dict)
    #: everyone its reports name (``ReportFrame.people``)
    people: set[str] = field(default_factory=set)

    @property
    def story_id(self) -> str:
        who = "-".join(sorted(p.lower() for p in self.principals)) or "unknown"
        where = self.venue.name.lower() if self.venue else "unplaced"
        when = (
            self.day.isoformat()
            if self.day
            else f"{self.year}-{self.month:02d}"
            if self.year and self.month
            else str(self.year or "undated")
        )
        return re.sub(r"[^\w-]+", "-", f"{who}-{where}-{when}").strip("-")


def report_frame(
    report_id: str,
    principals: Sequence[str],
    rows: Sequence[dict[str, Any]],
    venue: Place | None,
    published: dt.datetime | None,
    precision: str,
    named: Sequence[Place] = (),
    countries: Mapping[str, str] | None = None,
    led_from: dt.date | None = None,
    people: Iterable[str] = (),
) -> ReportFrame:
    """The report's own story: its principals, its day, its year and month, and its venue.

    The day is the publication day at the venue: of the two local dates a date-only publication
    can fall on there, the one it prints (outlets publish in their own daytime, which is that
    date at venues a few hours away; "2025-11-07" in Berlin is mostly the 7th in Washington,
    not the 6th's last hours). Without one, the latest day the report's lead
    (its first paragraphs, where news puts its own story) gives an event that took place: a
    report is written after its meeting; what it recalls lies before, what it announces after.
    A day or year more than ``GENERATION_YEARS`` before any of its principals first held an
    office (``led_from``) is none it gives its meeting (``before_their_time``).
    """
    day = None
    certain = True
    if published is not None and precision in ("day", "minute"):
        pub = [r for r in rows if r["date_source"] == "publication" and r["date"]]
        day = min(r["date"] for r in pub) if pub else published.date()
        certain = not any(len(r["_candidates"]) > 1 for r in pub)
        if not certain and all(published.date() in r["_candidates"] for r in pub):
            day = published.date()  # the printed date, not the other one it may fall on
    else:
        stated = [
            r["date"]
            for r in rows
            if r["date"] is not None
            and r["date_source"] in ("stated", "relative")
            and r["status"] not in FUTURE
            and r["_paragraph"] < LEAD_PARAGRAPHS
            and not before_their_time(r["date"].year, led_from)
        ]
        day = max(stated) if stated else None
    weekdays = ()
    if day is None:
        weekdays = tuple(
            t.weekday
            for r in rows
            if r["status"] not in FUTURE and r["_paragraph"] < LEAD_PARAGRAPHS
            for t in r["_mention"].times
            if t.weekday is not None and t.date is None
        )
    held = [r for r in rows if r["status"] not in FUTURE and r["_paragraph"] < LEAD_PARAGRAPHS]
    by_phone = any(r["_meeting"] and not r["_mention"].kind.meeting for r in held) and not any(
        r["_mention"].kind.meeting for r in held
    )
    year = day.year if day else (published.year if published is not None else None)
    month = day.month if day else (published.month if published is not None else None)
    if year is None:  # the years the lead names
        years = Counter(
            p.year
            for r in rows
            if r["_paragraph"] < LEAD_PARAGRAPHS
            for p in r["_periods"]
            if p.year and not before_their_time(p.year, led_from)
        )
        year = max(years, key=lambda y: (years[y], y)) if years else None
    return ReportFrame(
        report_id,
        frozenset(principals),
        day,
        year,
        month,
        venue,
        certain,
        tuple(named),
        weekdays,
        dict(countries or {}),
        by_phone,
        led_from=led_from,
        people=frozenset(principals) | set(people) | {a for r in rows for a in r["actors"]},
    )


def before_their_time(year: int | None, led_from: dt.date | None) -> bool:
    """Whether ``year`` lies more than ``GENERATION_YEARS`` before ``led_from``, the first day
    any of a report's principals held an office: what its people did then is no meeting of
    theirs the report tells (a year recalled: "since 1969", the liberation of a city in 1944)."""
    return year is not None and led_from is not None and year < led_from.year - GENERATION_YEARS


def _period_away(periods: Iterable[Period], frame: ReportFrame) -> Period | None:
    """The first period of the clause that lies outside the report's own month (or, counted
    from the report's day, more than ``BACKGROUND_DAYS`` from it)."""
    return period_away(periods, frame.year, frame.month, BACKGROUND_DAYS)


def same_region(a: Place | None, b: Place | None) -> bool:
    """Whether two places are one, one lies in the other, or both lie in the same nearest region
    (a state of the United States, else a country); an unknown place is anywhere."""
    if a is None or b is None:
        return True
    if a.meets(b):
        return True
    return bool(a.within and b.within and a.within[0] == b.within[0])


@dataclass
class _Background:
    row: dict[str, Any]
    principals: frozenset[str]
    day: dt.date | None
    year: int | None
    month: int | None
    place: Place | None
    around: dt.date | None = None  # roughly when ("last week": a week before the report)
    written: dt.date | None = None  # its report's day


def _own_day(row: dict[str, Any]) -> dt.date | None:
    return row["date"] if row["date_source"] in ("stated", "relative") else None


def is_background(row: dict[str, Any], frame: ReportFrame) -> bool:
    """Whether the row recalls (or looks ahead to) another meeting than its report's own: its
    clause names another year or month, it is named as an earlier occasion ("their last
    meeting"; ``Mention.earlier``), its own day lies more than ``BACKGROUND_DAYS`` from the
    report's, or it is still to come (or was called off) somewhere else."""
    if _period_away(row["_periods"], frame) is not None:
        return True
    # "Das letzte Treffen ... hatte ... stattgefunden": a meeting named as an earlier occasion
    if row.get("_earlier") and row["status"] not in FUTURE:
        return True
    own_day = _own_day(row)
    if own_day and frame.day and abs((own_day - frame.day).days) > BACKGROUND_DAYS:
        return True
    # a meeting called off was to be held where it was planned: elsewhere, it is another
    # story's ("he has canceled his planned meeting with Putin", planned for Budapest, in a
    # report filed in Washington)
    ahead = row["status"] in FUTURE or (row["status"] == "cancelled" and row["_meeting"])
    return ahead and not row["_proposed_place"] and not same_region(row["_own_place"], frame.venue)


def _background(row: dict[str, Any], frame: ReportFrame, known: set[str]) -> _Background | None:
    """The story key of a background row (see ``is_background``), or None."""
    if not is_background(row, frame):
        return None
    return replace(_background_key(row, frame, known), written=frame.day)


def _background_key(row: dict[str, Any], frame: ReportFrame, known: set[str]) -> _Background:
    """The story key of a row that ``is_background``: its people, period and place."""
    period = _period_away(row["_periods"], frame)
    own_day = _own_day(row)
    far = own_day is not None and frame.day is not None
    far = far and abs((own_day - frame.day).days) > BACKGROUND_DAYS
    people = frozenset(a for a in row["actors"] if a in known)
    if not people and not _officials_own(row, known):
        people = frame.principals
    if far:
        return _Background(row, people, own_day, own_day.year, own_day.month, row["_own_place"])
    if period is not None and period.days is not None:
        if frame.day is None:
            return _Background(row, people, None, None, None, row["_own_place"])
        around = frame.day + dt.timedelta(days=period.days)
        # a span longer than a month names no month ("last year" is any month of that year)
        month = around.month if abs(period.days) <= MONTH_DAYS else None
        return _Background(row, people, None, around.year, month, row["_own_place"], around)
    if period is not None:
        year = period.year or _year_of_month(period.month, row["status"] == "occurred", frame)
        return _Background(row, people, None, year, period.month, row["_own_place"])
    return _Background(row, people, None, None, None, row["_own_place"])


def _year_of_month(month: int | None, held: bool, frame: ReportFrame) -> int | None:
    """The year of a month a clause names without one: the report's, but a meeting held "in
    June" that a report of January tells was held the June before (a report tells what took
    place before it was written; what is to come "in March" may be dated by when it was
    announced or offered, not by when it will be)."""
    if frame.year is None or month is None or frame.month is None:
        return frame.year
    return frame.year - 1 if held and month > frame.month else frame.year


def _same_meeting(story: Story, frame: ReportFrame) -> bool:
    """Whether a report's own story is this story: the same principals, days within
    ``DAY_WINDOW`` and the same region; a report without a day joins only a story of its venue
    (the same place, or one in the other, when either names no year) or of its year and
    month; one that gives neither day, year nor venue joins a story of its people that gives
    none either (``_bare``), unless they name other weekdays. Reports that name none of their
    people are one story by venue and days (``_unnamed_alike``)."""
    if not story.principals and not frame.principals:
        return _unnamed_alike(story, frame)
    if not story.principals or not frame.principals:
        return False
    if not one_names_all(story.principals, frame.principals):
        return _one_visit(story, frame)
    if not _each_named(story, frame):
        return False
    if story.day and frame.day:
        # a call is held nowhere: the places the reports of one name are their datelines'
        return abs((story.day - frame.day).days) <= DAY_WINDOW and (
            same_region(story.venue, frame.venue) or (frame.by_phone and story.calls)
        )
    if _bare(story) and _bare(frame) and story.principals == frame.principals:
        # two reports that give neither day, year nor venue, of the same people: one story
        # unless they name other weekdays (a call "on Monday" is not one "on Tuesday")
        return not (story.weekdays and frame.weekdays and story.weekdays.isdisjoint(frame.weekdays))
    if story.year and frame.year and story.year != frame.year:
        return False
    if story.month and frame.month and story.month != frame.month:
        return False
    if frame.venue is not None and story.venue is not None:
        if frame.year is None or story.year is None:
            # without a year, only the venue itself tells: Versailles is not Paris
            return story.venue.meets(frame.venue)
        return same_region(story.venue, frame.venue)
    if frame.year is not None and frame.month is not None:
        return True
    # a placed report without a year, of a month's story that no report places or dates to a
    # day (as a report of that month joins the story it began)
    return (
        frame.venue is not None
        and story.venue is None
        and story.day is None
        and story.year is not None
        and story.month is not None
    )


def _each_named(story: Story, frame: ReportFrame) -> bool:
    """Whether a report names (anywhere: ``ReportFrame.people``) each principal of a story that
    it does not count among its own: a report of Trump's day at the United Nations that never
    names Zelensky does not tell his talks with Zelensky that day, though it shares Trump with
    them (its own counterpart may be one the people gazetteer does not know, or none). Where
    what the report names is not known, nothing tells. A guest's visit is the exception: a
    report of a guest at a venue abroad that never names its host tells the visit the story of
    the guest and that host is (``_host_unnamed``: "the Queen laid a wreath in Oslo", beside
    the Queen's talks there with the Norwegian prime minister)."""
    if not frame.people:
        return True
    unnamed = story.principals - frame.principals - frame.people
    return not unnamed or _host_unnamed(unnamed, story, frame)


def _host_unnamed(unnamed: frozenset[str], story: Story, frame: ReportFrame) -> bool:
    """Whether the principals of a story that a report never names (``unnamed``) lead the
    country of the venue that both give (the same place, or one in the other), and each of the
    report's own principals leads another country: the report tells the guest's visit, whose
    host it leaves unnamed."""
    if story.venue is None or frame.venue is None or not story.venue.meets(frame.venue):
        return False
    country = story.venue.country
    countries = {**story.countries, **frame.countries}
    guests = [countries.get(p) for p in frame.principals]
    return (
        country is not None
        and bool(guests)
        and all(g is not None and g != country for g in guests)
        and all(countries.get(p) == country for p in unnamed)
    )


def _unnamed_alike(story: Story, frame: ReportFrame) -> bool:
    """Whether a report that names none of its meeting's people (the advisers of four countries,
    two delegations) tells the meeting of a story no report names anyone of: the same venue (the
    place itself, or one in the other) and days within ``DAY_WINDOW``, or, where either gives no
    day, no other year or month."""
    if story.venue is None or frame.venue is None or not story.venue.meets(frame.venue):
        return False
    if story.day and frame.day:
        return abs((story.day - frame.day).days) <= DAY_WINDOW
    if story.year and frame.year and story.year != frame.year:
        return False
    return not (story.month and frame.month and story.month != frame.month)


def _bare(told: Story | ReportFrame) -> bool:
    """Whether a story or report gives neither day, year nor venue."""
    return told.day is None and told.year is None and told.venue is None


def _one_visit(story: Story, frame: ReportFrame) -> bool:
    """Whether a report of a guest's meeting with one of its hosts tells the visit that a story
    of the guest's meeting with another host is: the same guest, days within ``DAY_WINDOW``
    (or, where either gives none, the same month), the same venue (or one in the other), and
    hosts of one country that the venue lies in (Biden with Steinmeier, then with Scholz in
    Berlin; not two leaders Trump meets at a summit abroad)."""
    if not (story.venue and frame.venue and story.venue.meets(frame.venue)):
        return False
    if story.day and frame.day:
        if abs((story.day - frame.day).days) > DAY_WINDOW:
            return False
    elif not (story.year and story.month) or (story.year, story.month) != (frame.year, frame.month):
        return False
    guests = story.principals & frame.principals
    hosts = story.principals ^ frame.principals
    countries = {**story.countries, **frame.countries}
    home = {countries.get(p) for p in hosts}
    if not guests or len(home) != 1:
        return False
    (country,) = home
    at_home = country is not None and (story.venue.name == country or country in story.venue.within)
    return at_home and all(countries.get(p) != country for p in guests)


def _weekday_distances(story: Story, frame: ReportFrame) -> list[int]:
    """How many days each weekday a report names lies from its story's day (none without one)."""
    return _distances(story.day, frame.weekdays)


def _distances(day: dt.date | None, weekdays: Iterable[int]) -> list[int]:
    """How many days each of ``weekdays`` lies from ``day``, either way (none without a day)."""
    if day is None:
        return []
    shifts = ((w - day.weekday()) % 7 for w in weekdays)
    return [min(shift, 7 - shift) for shift in shifts]


def _weekdays_off(story: Story, frame: ReportFrame) -> int:
    """How many days in all the weekdays a report names lie from its story's day."""
    return sum(_weekday_distances(story, frame))


def _placed_of_its_people(stories: Iterable[Story], frame: ReportFrame) -> Iterator[Story]:
    """Of ``stories``, those with a venue whose people and the report's agree
    (``one_names_all``), and not of another year or month than the report's."""
    for s in stories:
        if s.venue is None or not one_names_all(s.principals, frame.principals):
            continue
        if (frame.year and s.year and frame.year != s.year) or (
            frame.month and s.month and frame.month != s.month
        ):
            continue
        yield s


def _named_story(stories: Iterable[Story], frame: ReportFrame) -> Story | None:
    """For a report without a day: the one story of its principals whose venue it names (the
    venue or a place in it), in its region and not of another year or month ("Bali, Indonesia
    CNN -" with Biden and Xi, among their meetings in Bali, in Woodside and on the phone)."""
    if frame.day is not None or not frame.named or not frame.principals:
        return None
    found = []
    for s in _placed_of_its_people(stories, frame):
        if not same_region(frame.venue, s.venue):
            continue
        if any(s.venue.contains(p) for p in frame.named):
            found.append(s)
    return found[0] if len(found) == 1 else None


def _only_candidate(stories: _Stories, frame: ReportFrame) -> Story | None:
    """For a report that gives neither day nor venue: the one story of its principals, if only
    one exists; so for a report that gives a venue but no year, if that story gives no venue
    (nothing it says is another place or period)."""
    if frame.day or not frame.principals or (frame.venue and frame.year):
        return None
    same = stories.alike(frame.principals)
    if len(same) != 1 or (frame.venue and same[0].venue):
        return None
    return same[0] if not _weekdays_away(same[0], frame) else None


def _weekdays_away(story: Story, frame: ReportFrame) -> bool:
    """Whether every weekday a report without a day names lies more than ``DAY_WINDOW`` days
    from its story's day (a call "on Tuesday" is not the one of a Saturday)."""
    return min(_weekday_distances(story, frame), default=0) > DAY_WINDOW


#: The key under which ``_Stories`` files the stories that name no principal.
_UNNAMED = frozenset({""})


class _Stories:
    """The stories made so far, in the order they were made, found by principal and day.

    A report's story shares a principal with it and, when both have a day, lies within
    ``DAY_WINDOW`` of it (``_same_meeting``); so does a recalled meeting's (``_matches``). Asking
    only the stories of the same principals and nearby days (or the same year; or, for what
    gives neither, the same venue or exactly the same people) keeps assigning stories linear in
    an archive of many summits; the stories asked are taken in the order they were made, so the
    choice among equals is the one a scan of all of them would make.
    """

    def __init__(self) -> None:
        self.made: list[Story] = []
        self._number: dict[int, int] = {}
        # each index maps a key to the numbers of the stories filed under it (``_entries``)
        self._people: dict[str, set[int]] = {}
        self._days: dict[tuple[str, dt.date | None], set[int]] = {}
        self._years: dict[tuple[str, int | None], set[int]] = {}
        self._on_day: dict[dt.date | None, set[int]] = {}
        self._alike: dict[frozenset[str], set[int]] = {}
        self._at: dict[tuple[str, str], set[int]] = {}
        self._in: dict[tuple[str, str], set[int]] = {}
        self._country: dict[tuple[str, str | None], set[int]] = {}
        self._monthly: dict[str, set[int]] = {}
        self._indexed: dict[int, _Filed] = {}
        #: the stories of a pair's meeting that only rows of other stories tell, by its people
        #: and day (``_pair_of_its_own``): found by nothing else
        self.asides: dict[tuple[frozenset[str], dt.date], list[Story]] = {}

    def _entries(self, filed: _Filed) -> Iterator[tuple[dict[Any, set[int]], Any]]:
        """Where a story with these principals, day, year, month and venue is filed."""
        people, day, year, month, venue = filed
        yield self._on_day, day
        yield self._alike, people
        for person in people or _UNNAMED:
            yield self._people, person
            yield self._days, (person, day)
            yield self._years, (person, year)
            if venue is None:
                if day is None and year is not None and month is not None:
                    yield self._monthly, person
                continue
            yield self._at, (person, venue.name)
            for name in (venue.name, *venue.within):
                yield self._in, (person, name)
            yield self._country, (person, venue.country)

    def add(self, story: Story) -> Story:
        self._number[id(story)] = len(self.made)
        self.made.append(story)
        self.update(story)
        return story

    def update(self, story: Story) -> None:
        """Index ``story`` again after its principals, day, year, month or venue changed."""
        n = self._number[id(story)]
        filed = (story.principals, story.day, story.year, story.month, story.venue)
        if self._indexed.get(n) == filed:
            return
        self.remove(story)
        for index, key in self._entries(filed):
            index.setdefault(key, set()).add(n)
        self._indexed[n] = filed

    def remove(self, story: Story) -> None:
        """No longer offer ``story`` (it was found to be another)."""
        n = self._number[id(story)]
        if n not in self._indexed:
            return
        for index, key in self._entries(self._indexed.pop(n)):
            index[key].discard(n)

    def _filed(self, index: dict[Any, set[int]], keys: Iterable[Any]) -> list[Story]:
        found: set[int] = set()
        for key in keys:
            found |= index.get(key, set())
        return [self.made[n] for n in sorted(found)]

    def held_between(self, first: dt.date, last: dt.date) -> list[Story]:
        """The stories whose day lies from ``first`` to ``last``, in the order they were made."""
        days = (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
        return self._filed(self._on_day, days)

    def near(
        self, people: Iterable[str], day: dt.date | None = None, year: int | None = None
    ) -> list[Story]:
        """The stories of any of ``people``, in the order they were made: with ``day``, only
        those within ``DAY_WINDOW`` of it or without a day; else with ``year``, only those of
        that year or without one; else every one."""
        if day is not None:
            shifts = [day + dt.timedelta(days=s) for s in range(-DAY_WINDOW, DAY_WINDOW + 1)]
            keys = [(p, d) for p in people for d in (None, *shifts)]
            return self._filed(self._days, keys)
        if year is not None:
            return self._filed(self._years, [(p, y) for p in people for y in (year, None)])
        return self._filed(self._people, people)

    def of_all(self, people: Iterable[str]) -> list[Story]:
        """The stories whose principals include every one of ``people`` (made order)."""
        found: set[int] | None = None
        for person in people:
            found = set(self._people.get(person, set())) if found is None else found
            found &= self._people.get(person, set())
        return [self.made[n] for n in sorted(found or ())]

    def alike(self, people: frozenset[str]) -> list[Story]:
        """The stories whose principals are exactly ``people`` (made order)."""
        return self._filed(self._alike, [people])

    def placed(self, people: Iterable[str], places: Iterable[Place]) -> list[Story]:
        """The stories of any of ``people`` held at one of ``places`` or at a place one of them
        lies in (``Place.contains``)."""
        names = {n for place in places for n in (place.name, *place.within)}
        return self._filed(self._at, [(p, n) for p in people for n in names])

    def held_in(self, people: Iterable[str], countries: Iterable[str | None]) -> list[Story]:
        """The stories of any of ``people`` held in one of ``countries``."""
        return self._filed(self._country, [(p, c) for p in people for c in set(countries)])

    def near_undated(self, people: frozenset[str], venue: Place | None) -> list[Story]:
        """The stories of any of ``people`` that a report giving neither day nor year may tell
        (``_same_meeting``): without a venue, those of exactly its people; with one, those
        whose venue is it, lies in it or holds it (``Place.meets``), and those of a month that
        nothing places or dates to a day."""
        if venue is None:
            return self.alike(people)
        meet = self.placed(people, [venue])
        inside = self._filed(self._in, [(p, venue.name) for p in people])
        monthly = self._filed(self._monthly, people)
        found = {id(s): s for s in (*meet, *inside, *monthly)}
        return sorted(found.values(), key=lambda s: self._number[id(s)])

    def near_report(self, frame: ReportFrame) -> list[Story]:
        """The stories a report's own story may be (``_same_meeting``): those of its principals
        near its day or year, or by its venue where it gives neither; for a report that names
        none, those that no report names anyone of (``_unnamed_alike``)."""
        people = frame.principals or _UNNAMED
        if frame.day is None and frame.year is None:
            return self.near_undated(people, frame.venue)
        return self.near(people, frame.day, frame.year)


#: How ``_Stories`` last filed a story: its principals, day, year, month and venue.
_Filed = tuple[frozenset[str], dt.date | None, int | None, int | None, Place | None]


def _matches(story: Story, b: _Background) -> bool:
    """Whether a recalled meeting is ``story``: the same people (one names all the other does,
    or they share two: Orbán meeting Putin in February 2022 is not Macron's visit to Putin that
    month), its period and its region."""
    if not story.principals & b.principals or not same_counterparts(story.principals, b.principals):
        return False
    if b.day is not None:
        if story.day is None or abs((story.day - b.day).days) > DAY_WINDOW:
            return False
    elif b.year is not None:
        # a story none of whose reports gives a date is the meeting of that year at its venue
        # (four undated reports from Helsinki, and a report that recalls "Helsinki in July 2018");
        # one that a mention of no day or year began, no report, is not
        undated = story.year is None and story.venue is not None and b.place is not None
        undated = undated and bool(story.reports)
        if story.year != b.year and not undated:
            return False
        if b.month is not None and story.month is not None and story.month != b.month:
            return False
    if not same_region(b.place, story.venue):
        return False
    if b.day is None and b.year is None:
        # known only by its place: the same meeting only if the same people meet there (Putin
        # meets many in Russia)
        # (and a story placed nowhere is not one known by its place)
        return (
            b.place is not None
            and story.venue is not None
            and len(b.principals) > 1
            and b.principals <= story.principals
        )
    return True


def _too_far_ahead(story: Story, b: _Background) -> bool:
    """Whether a story lies more than ``YEAR_DAYS`` after the day its report was written for a
    background mention still to come that names no time of its own, only a place: what a
    report announces without a day comes soon ("delegation-level talks at the Tango hall" in a
    report of 2019 are not a meeting of the same two in 2025 at a town of that name)."""
    if story.day is None or b.written is None or b.day is not None or b.year is not None:
        return False
    return b.row["status"] in FUTURE and (story.day - b.written).days > YEAR_DAYS


def _recalled(stories: _Stories, b: _Background, own: Story) -> Story | None:
    """The story a background mention belongs to: one that matches it other than its report's
    own, the nearest to when it happened if that is known roughly; for a meeting that names
    none of its people (officials among themselves), the story held at its place then
    (``_officials_there``)."""
    if not b.principals:
        return _officials_there(stories, b.place, b.day, b.around, b.written, own)
    if b.day is None and b.year is None:
        # known only by its place: a story of all its people (``_matches``)
        if b.place is None or len(b.principals) < 2:
            return None
        near = stories.of_all(b.principals)
    else:
        near = stories.near(b.principals, b.day, b.year)
    fits = [s for s in near if s is not own and _matches(s, b) and not _too_far_ahead(s, b)]
    when = b.day or b.around
    if when is None:
        return fits[0] if fits else None
    return min(fits, key=lambda s: abs((s.day - when).days) if s.day else 366, default=None)


def _officials_own(row: dict[str, Any], known: set[str]) -> bool:
    """Whether a row tells a meeting of officials among themselves: its clause gives the
    officials of countries as its sides and names no one ("Ukrainian and Russian delegations
    met last week in Istanbul" in a report of a call between two leaders), so that it took
    none of its report's principals (``Mention.officials_of``, ``merge._finish``)."""
    return (
        row["_meeting"]
        and bool(row["_mention"].officials_of)
        and not row["actors"]
        and not any(a in known for a in row["_people"])
    )


def _officials_there(
    stories: _Stories,
    place: Place | None,
    day: dt.date | None,
    around: dt.date | None,
    written: dt.date | None,
    own: Story,
) -> Story | None:
    """The story held at ``place`` when a meeting of officials among themselves took place: on
    ``day`` (within ``DAY_WINDOW``), or in the span a period counted from its report's day
    names ("last week": from ``around`` to the day it was written); of several, the one story
    no report names anyone of (the officials' own), else the only one; None if none."""
    if place is None:
        return None
    if day is not None:
        lo, hi = day - dt.timedelta(days=DAY_WINDOW), day + dt.timedelta(days=DAY_WINDOW)
    elif around is not None and written is not None and around < written:
        lo, hi = around - dt.timedelta(days=DAY_WINDOW), written - dt.timedelta(days=1)
    elif around is not None and written is not None:
        lo, hi = written + dt.timedelta(days=1), around + dt.timedelta(days=DAY_WINDOW)
    else:
        return None
    found = [
        s
        for s in stories.held_between(lo, hi)
        if s is not own and s.reports and s.venue is not None and s.venue.meets(place)
    ]
    unnamed = [s for s in found if not s.principals]
    if len(unnamed) == 1:
        return unnamed[0]
    return found[0] if len(found) == 1 else None


def _officials_elsewhere(
    stories: _Stories, row: dict[str, Any], own: Story, known: set[str]
) -> Story:
    """The story of a meeting of officials among themselves (``_officials_own``) held in
    another town than its report's venue: the story held there that day (``_officials_there``;
    "in Istanbul, delegations of the two countries are expected to negotiate this afternoon"
    in a report of a meeting in Ankara); else its report's own story."""
    place = row["_own_place"]
    if not _officials_own(row, known) or place is None or own.venue is None:
        return own
    if place.meets(own.venue):
        return own
    day = _own_day(row) or own.day
    return _officials_there(stories, place, day, None, None, own) or own


def _other_pair(stories: _Stories, row: dict[str, Any], own: Story, known: set[str]) -> Story:
    """The story of the meeting a row tells when its people are another pair than its report's
    own story and that pair's own meeting is a story of those days (Biden's talks with Xi in a
    report of Kishida's with Xi the day after; a call wherever that story is placed); else its
    report's own story. A meeting it dates itself, of a pair whose reports give no day, joins
    their story held where it took place (``_undated_there``)."""
    if not row["_meeting"] or own.day is None:
        return own
    people = frozenset(a for a in row["_people"] if a in known)
    if len(people) < 2 or one_names_all(people, own.principals):
        return own
    # a call has no venue to compare: the two are wherever they are
    by_phone = not row["_mention"].kind.meeting
    place = row["_own_place"] or own.venue
    day = _own_day(row) or own.day
    found = _the_one(
        stories,
        people,
        day,
        own,
        lambda s: s.principals == people and (by_phone or same_region(place, s.venue)),
    )
    if found is not own or by_phone or place is None or _own_day(row) is None:
        return found
    return _undated_there(stories, people, day, own, place)


def _pair_of_its_own(
    stories: _Stories, row: dict[str, Any], own: Story, known: set[str]
) -> Story | None:
    """The meeting in person of another pair than its report's principals that no story of
    theirs holds near its day, told by a dated report: one story of the pair's own (on the
    row's day, its own else its report's, at its place, its own else its report's venue) that
    the same meeting told by a row of another report joins (of the pair, within ``DAY_WINDOW``
    and in the same region), so that the two are aligned: "on the sidelines, the president
    also met the prime minister of Norway" in two reports of two other meetings at one summit
    is one meeting, not one in each report's story. The row is placed and dated as one of its
    report's own story still (``assign_stories``); no other row or report meets that story.
    None where the row is no such meeting: for three or more people (the summit's sessions),
    or a pair a story of which lies near (``_other_pair`` chooses among those)."""
    if not row["_meeting"] or not row["_mention"].kind.meeting or own.day is None:
        return None
    people = frozenset(a for a in row["_people"] if a in known)
    if len(people) != 2 or one_names_all(people, own.principals):
        return None
    place = row["_own_place"] or own.venue
    day = _own_day(row) or own.day
    if place is None or any(s.principals == people for s in stories.near(people, day)):
        return None
    found = [
        s
        for shift in range(-DAY_WINDOW, DAY_WINDOW + 1)
        for s in stories.asides.get((people, day + dt.timedelta(days=shift)), [])
        if same_region(place, s.venue)
    ]
    if len(found) == 1:
        return found[0]
    if found:
        return None
    story = Story(people, day, day.year, day.month, place)
    stories.asides.setdefault((people, day), []).append(story)
    return story


def _pair_held_there(stories: _Stories, row: dict[str, Any], own: Story, known: set[str]) -> Story:
    """The story of a meeting of another pair than its report's principals, told by a report
    whose story no report dates to a day: the one dated story of that pair held in the region
    of its place (else of the report's venue), of the report's year and month where its story
    gives them (Biden's talks with Xi in Woodside, which Biden's reports date, told by an
    undated report of Kishida's with Xi in San Francisco); else its report's own story. A call
    has no place to tell it by, and a story that takes its day from its guest's trip
    (``Story.trip``) stays apart from that trip's other meetings, as its reports do."""
    if own.day is not None or own.trip is not None:
        return own
    if not row["_meeting"] or not row["_mention"].kind.meeting:
        return own
    place = row["_own_place"] or own.venue
    if place is None:
        return own
    people = frozenset(a for a in row["_people"] if a in known)
    if len(people) < 2 or one_names_all(people, own.principals):
        return own
    day = _own_day(row)
    found = [
        s
        for s in stories.near(people, None, own.year)
        if s is not own
        and s.day is not None
        and s.principals == people
        and s.venue is not None
        and same_region(place, s.venue)
        and (own.year is None or s.year == own.year)
        and (own.month is None or s.month == own.month)
        and (day is None or abs((s.day - day).days) <= DAY_WINDOW)
    ]
    return _one_or(found, own)


def _pair_placed_nowhere(
    stories: _Stories, row: dict[str, Any], own: Story, known: set[str]
) -> Story:
    """The story of a meeting of another pair than its report's principals that its clause
    dates but places nowhere: the one story of that pair held within ``DAY_WINDOW`` of that
    day, wherever that story is placed ("Zelensky had met Scholz on Sunday" in a report of his
    talks in Paris that evening: the talks Scholz's reports place in Germany); else its
    report's own story. The report's venue is no place of theirs."""
    day = _own_day(row)
    if not row["_meeting"] or day is None or own.day is None or row["_own_place"] is not None:
        return own
    people = frozenset(a for a in row["_people"] if a in known)
    if len(people) < 2 or one_names_all(people, own.principals):
        return own
    return _the_one(stories, people, day, own, lambda s: s.principals == people)


def _undated_there(
    stories: _Stories, people: frozenset[str], day: dt.date, own: Story, place: Place
) -> Story:
    """The one story of a pair's meeting that no report dates to a day, of no other year or
    month than ``day``, held at ``place`` (the venue itself, or a place in it, or it in the
    venue): their talks in Osaka told by a report of another pair's meeting there that day, where
    the pair's own reports give no year (as a report without a year joins the dated story of
    its venue); else ``own``."""
    found = [
        s
        for s in stories.near(people, day)
        if s is not own
        and s.day is None
        and s.reports
        and s.principals == people
        and (s.year is None or s.year == day.year)
        and (s.month is None or s.month == day.month)
        and s.venue is not None
        and s.venue.meets(place)
    ]
    return _one_or(found, own)


def _day_of_other(stories: _Stories, row: dict[str, Any], own: Story, known: set[str]) -> Story:
    """The story of the meeting a row tells when its own day lies more than ``DAY_WINDOW`` days
    from its report's story's day (yet not far enough to be background) and one story of its
    people lies within ``DAY_WINDOW`` of that day in its region ("on Friday she had received
    him in Lisbon" in a report of Monday's call); else its report's own story."""
    day = _own_day(row)
    if day is None or own.day is None or abs((day - own.day).days) <= DAY_WINDOW:
        return own
    people = frozenset(a for a in row["_people"] if a in known) or own.principals
    return _the_one(
        stories,
        people,
        day,
        own,
        lambda s: (
            abs((s.day - day).days) <= DAY_WINDOW
            and one_names_all(s.principals, people)
            and same_region(row["_own_place"], s.venue)
        ),
    )


def _place_of_other(stories: _Stories, row: dict[str, Any], own: Story, known: set[str]) -> Story:
    """The story of the meeting a row tells when it took place away from its report's story's
    venue and one story of its people lies within ``DAY_WINDOW`` of its day there ("a day after
    meeting in Moscow with Putin" in a report of the visit to Kyiv), or, in a report no day
    dates, the one held there on the weekday it names (``_held_there``); else its report's own
    story."""
    place = row["_own_place"]
    if place is None or own.venue is None or same_region(place, own.venue):
        return own
    if row["status"] in FUTURE:
        return own
    people = frozenset(a for a in row["_people"] if a in known) or own.principals
    if own.day is None:
        return _held_there(stories, row, own, people, place)
    return _the_one(
        stories,
        people,
        _own_day(row) or own.day,
        own,
        lambda s: (
            s.venue is not None and s.venue.meets(place) and one_names_all(s.principals, people)
        ),
    )


def _held_there(
    stories: _Stories, row: dict[str, Any], own: Story, people: frozenset[str], place: Place
) -> Story:
    """For a row that names its weekday, took place away from its story's venue and whose report
    gives no day: the one dated story of its people held there (of the report's year and month
    where it names them) whose day lies within ``DAY_WINDOW`` of that weekday ("Macron arrived in
    Kyiv on Tuesday" in an undated report filed from Warsaw); else its report's own story. Without
    a weekday nothing ties the row to one of the meetings its people held there."""
    weekdays = [
        t.weekday for t in row["_mention"].times if t.weekday is not None and t.date is None
    ]
    if not weekdays:
        return own
    found = []
    for s in stories.near(people, None, own.year):
        if s is own or s.day is None or s.venue is None or not s.venue.meets(place):
            continue
        if not one_names_all(s.principals, people):
            continue
        if (own.year and s.year != own.year) or (own.month and s.month != own.month):
            continue
        if all(d <= DAY_WINDOW for d in _distances(s.day, weekdays)):
            found.append(s)
    return _one_or(found, own)


def _the_one(
    stories: _Stories,
    people: frozenset[str],
    day: dt.date,
    own: Story,
    fits: Callable[[Story], bool],
) -> Story:
    """The one dated story near ``people`` and ``day``, other than ``own``, that ``fits``;
    ``own`` if none or several do."""
    found = [s for s in stories.near(people, day) if s is not own and s.day is not None and fits(s)]
    return _one_or(found, own)


def _one_or(found: list[Story], own: Story) -> Story:
    """The one story ``found``; ``own`` if none or several were."""
    return found[0] if len(found) == 1 else own


def _as_told(frame: ReportFrame, story: Story) -> ReportFrame:
    """A report's frame with the period its story gives where the report gives none: a meeting
    "in November" told in an undated report of a February story recalls another one."""
    if frame.day is not None or story.year is None:
        return frame
    return replace(
        frame,
        day=story.day,
        year=frame.year or story.year,
        month=frame.month or story.month,
    )


def _join_dated(stories: _Stories) -> None:
    """A story of a year none of whose reports gives a day joins the one dated story it fits
    as a report would (``_same_meeting``): reports taken in turn may have met that story before
    another report gave it its venue. One that fits none but is of the visit of a guest one
    dated story tells (``_same_trip``) stays apart and takes that story's day (``trip``)."""
    for story in list(stories.made):
        # a year bounds the stories to ask (``_Stories.near``)
        if story.day is not None or story.year is None or not story.reports:
            continue
        told = ReportFrame(
            "",
            story.principals,
            None,
            story.year,
            story.month,
            story.venue,
            people=frozenset(story.people),
        )
        near = [s for s in stories.near(story.principals, None, story.year) if s is not story]
        fits = [s for s in near if s.day is not None and _same_meeting(s, told)]
        if not fits:
            trips = [s for s in near if s.day is not None and _same_trip(s, story)]
            story.trip = trips[0] if len(trips) == 1 else None
        if len(fits) != 1:
            continue
        dated = fits[0]
        dated.reports |= story.reports
        dated.calls = dated.calls and story.calls
        dated.principals |= story.principals
        dated.countries.update(story.countries)
        dated.people |= story.people
        dated.venue = _venue_of(dated.venue, story.venue)
        story.reports = set()
        stories.remove(story)
        stories.update(dated)


def _same_trip(dated: Story, story: Story) -> bool:
    """Whether an undated story of a month tells another meeting of the visit a dated story
    tells: a guest they share (``_guests``) at the same venue in the same month (Putin with his
    host in Tehran, where the one dated report has him there with another guest)."""
    return (
        story.month is not None
        and (dated.year, dated.month) == (story.year, story.month)
        and dated.venue is not None
        and story.venue is not None
        and dated.venue.meets(story.venue)
        and _guests(dated.principals & story.principals, dated, story)
    )


def _guests(people: frozenset[str], *stories: Story) -> bool:
    """Whether ``people`` are some and each leads a country the stories' venue lies outside (a
    guest's visit lasts days; a host receives many in a month)."""
    countries = {k: v for s in stories for k, v in s.countries.items()}
    venue = stories[0].venue
    return bool(people) and all(
        venue is not None
        and countries.get(p) is not None
        and countries[p] != venue.name
        and countries[p] not in venue.within
        for p in people
    )


def _venue_of(venue: Place | None, told: Place | None) -> Place | None:
    """A story's venue once a report tells ``told``: the first one told, or a town in the
    country first told ("talks in Russia", then "in Moscow")."""
    if venue is None:
        return told
    if (
        told is not None
        and venue.kind == "country"
        and told.kind != "country"
        and venue.contains(told)
    ):
        return told
    return venue


def _fitting(stories: _Stories, frame: ReportFrame) -> Story | None:
    """The story a report's own story is (``_same_meeting``), or the one whose venue it names
    (``_named_story``); for a report of a phone call, never a story by a place it names, but
    the call of its people on the weekday it names (``_call_on_weekday``)."""
    fits = _of_years_named(
        [s for s in stories.near_report(frame) if _same_meeting(s, frame)], frame
    )
    if fits:
        # a dated story before an undated one, then the one whose day lies nearest the
        # weekdays the report names, then, for a report of a call, a story of a call, then the
        # one most reports tell
        return max(
            fits,
            key=lambda s: (
                s.day is not None,
                -_weekdays_off(s, frame),
                frame.by_phone and s.calls,
                len(s.reports),
            ),
        )
    if frame.by_phone:
        # a call is held nowhere: the places its lead names are another's ("the ambassador
        # returns to Washington", "invited him to Washington"), not its story's venue
        return _call_on_weekday(stories, frame)
    if frame.day is not None:
        return None  # a story by the venue it names is for reports without a day
    countries = [_home_named(frame), *frame.countries.values()]
    return _named_story(stories.placed(frame.principals, frame.named), frame) or _held_at_host(
        stories.held_in(frame.principals, countries), frame
    )


def _home_named(frame: ReportFrame) -> str | None:
    """For a report without a day placed only in a country: that country, where one of its
    principals leads it (``ReportFrame.countries``)."""
    venue = frame.venue
    if frame.day is not None or venue is None or venue.kind != "country":
        return None
    return venue.name if venue.name in frame.countries.values() else None


def _hosted(story: Story, frame: ReportFrame) -> bool:
    """Whether the story is held in a country one of the report's principals leads."""
    return story.venue is not None and story.venue.country in frame.countries.values()


def _placed_at_home(story: Story, frame: ReportFrame) -> str | None:
    """The country a report without a day places its story in, where that is only the country
    one of its principals leads and the story is held in the country another of them leads."""
    home = _home_named(frame)
    held = story.venue
    if home is None or held is None or held.country == home or not _hosted(story, frame):
        return None
    return home


def _held_at_host(stories: Iterable[Story], frame: ReportFrame) -> Story | None:
    """For a report without a day placed only in the country one of its principals leads
    (``_home_named``): the one story of its principals held in the country another of them
    leads, not of another year or month. A report names each leader's country for what is
    no venue (the guest's critics at home, the war at home he came to discuss, their last
    meeting there), and the meeting of two leaders is held in one of their countries: where no
    story of its people is held in the country it names, the one held at the other's is its
    own (the Austrian chancellor's talks "near Moscow", placed in Austria)."""
    home = _home_named(frame)
    if home is None:
        return None
    found = []
    for s in _placed_of_its_people(stories, frame):
        if s.venue.country == home:
            return None  # a story held in the country it names: not the other's
        if _hosted(s, frame):
            found.append(s)
    return found[0] if len(found) == 1 and not _weekdays_away(found[0], frame) else None


def _of_years_named(fits: list[Story], frame: ReportFrame) -> list[Story]:
    """Of the stories a report that gives no year fits, where they are of two or more years
    (its people met at its venue in 2017 and again in 2019): those of the years its text names
    (``ReportFrame.named_years``), when it names some of those years and not all; else all of
    them (nothing it says tells which)."""
    if frame.year is not None or not frame.named_years:
        return fits
    years = {s.year for s in fits if s.year is not None}
    named = years & frame.named_years
    if len(years) < 2 or not named or named == years:
        return fits
    return [s for s in fits if s.year in named]


def _call_on_weekday(stories: _Stories, frame: ReportFrame) -> Story | None:
    """For a report of a phone call that gives neither day, year nor venue: the one dated
    story of a call of its people (a story no report places) held on a weekday it names (a
    call "am Mittwoch" is the Wednesday call of the two, not their state visit in Washington
    that its lead names for something else)."""
    if not frame.by_phone or not frame.weekdays or not _bare(frame) or not frame.principals:
        return None
    found = [
        s
        for s in stories.alike(frame.principals)
        if s.reports and s.day is not None and s.venue is None and 0 in _weekday_distances(s, frame)
    ]
    return found[0] if len(found) == 1 else None


def _tell(stories: _Stories, story: Story | None, frame: ReportFrame) -> None:
    """Add a report to its story (a new one where ``story`` is None)."""
    if story is None:
        story = stories.add(
            Story(frame.principals, frame.day, frame.year, frame.month, frame.venue)
        )
        story.calls = frame.by_phone
    else:
        story.calls = story.calls and frame.by_phone
    story.reports.add(frame.report_id)
    story.weekdays.update(frame.weekdays)
    story.principals |= frame.principals
    story.countries.update(frame.countries)
    story.people |= frame.people
    story.venue = _venue_of(story.venue, frame.venue)
    if frame.day and frame.day_certain:
        story.frame_days[frame.report_id] = frame.day
    if frame.day:
        story.days[frame.day] += 1
        story.day = max(story.days, key=lambda d: (story.days[d], -d.toordinal()))
        story.year, story.month = story.day.year, story.day.month
    elif story.year is None or (story.year == frame.year and story.month is None):
        # a report of a month dates the story an undated report began
        story.year, story.month = frame.year or story.year, frame.month or story.month
    stories.update(story)


def assign_stories(rows: list[dict[str, Any]], frames: dict[str, ReportFrame]) -> dict[str, Story]:
    """Set ``story_id`` on every row; returns the stories by id."""
    stories = _Stories()
    # reports that give a year before those that give none: a report without a year meets the
    # stories the others have made and placed ("in Hamburg" joins the Hamburg meeting of July
    # 2017, not the story of July 2018 that a report placing nothing began)
    ordered = sorted(
        frames.values(),
        key=lambda f: (f.day is None, f.year is None, f.venue is None, f.day or dt.date.min),
    )
    # a report with neither day nor venue (or with a venue but no year) joins the only story
    # of its people (``_only_candidate``) once every other report has made or joined its own:
    # the only one made so far may not be the only one
    later: list[ReportFrame] = []
    for frame in ordered:
        story = _fitting(stories, frame)
        if story is None and _only_candidate(stories, frame):
            later.append(frame)
            continue
        _tell(stories, story, frame)
    for frame in later:
        story = _fitting(stories, frame) or _only_candidate(stories, frame)
        _tell(stories, story, frame)
    for story in stories.made:
        for rid in story.reports:
            home = _placed_at_home(story, frame=frames[rid])
            if home is not None:
                story.at_host[rid] = home
    _join_dated(stories)
    own = {rid: s for s in stories.made for rid in s.reports}
    known = {p for s in stories.made for p in s.principals}
    backgrounds: list[_Background] = []
    told = {rid: _as_told(frame, own[rid]) for rid, frame in frames.items()}
    for row in rows:
        b = _background(row, told[row["report_id"]], known)
        if b is None:
            # the first move that finds the row another story wins
            for move in (
                _officials_elsewhere,
                _other_pair,
                _pair_held_there,
                _pair_placed_nowhere,
                _day_of_other,
                _place_of_other,
            ):
                story = move(stories, row, own[row["report_id"]], known)
                if story is not own[row["report_id"]]:
                    break
            else:
                # aligned with the pair's meeting other reports tell, placed and dated as
                # its report's own story's
                row["_aligned"] = _pair_of_its_own(stories, row, story, known)
            row["_story"] = story
            continue
        backgrounds.append(b)
    for b in backgrounds:
        story = _recalled(stories, b, own[b.row["report_id"]])
        if story is None:
            story = stories.add(Story(b.principals, b.day, b.year, b.month, b.place))
        b.row["_story"] = story
    by_id: dict[str, Story] = {}
    named: dict[int, str] = {}  # a story's id, made once
    # a pair's meeting that rows of one story alone tell stays in that story
    told_in: dict[int, set[int]] = {}
    for row in rows:
        if row.get("_aligned") is not None:
            told_in.setdefault(id(row["_aligned"]), set()).add(id(row["_story"]))
    for row in rows:
        story = row["_story"]
        aligned = row.get("_aligned")
        if aligned is not None and len(told_in[id(aligned)]) > 1:
            story = aligned
        if id(story) not in named:
            # two stories told apart never share an id (two undated calls of one pair): the
            # table aligns events within one id
            name, n = story.story_id, 1
            while name in by_id:
                n += 1
                name = f"{story.story_id}-{n}"
            named[id(story)] = name
            by_id[name] = story
        row["story_id"] = named[id(story)]
    return by_id
