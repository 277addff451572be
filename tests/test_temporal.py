"""Tests for summit_timeline.mentions.temporal (and the finders of days.py, clocks.py,
durations.py, time_joins.py it assembles): case tables of (lang, text, expected)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from summit_timeline.knowledge import KnowledgeError, load_knowledge
from summit_timeline.mentions import days
from summit_timeline.mentions.temporal import (
    TimeExpression,
    find_temporal,
    parse_duration,
    resolve_day,
)

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports" / "alaska-2025"
ANCHOR = dt.date(2025, 8, 16)  # a Saturday
T = dt.time

# ------------------------------------------------------------------ durations (durations.py)

# expected: (minutes, minutes_max, hedge, hedge_kind, planned)
DURATIONS = [
    (
        "de",
        "Am Ende währte die Sitzung nur 3 Stunden 20 Minuten.",
        (200, None, "nur", "only", False),
    ),
    (
        "de",
        "Gut dreieinhalb Stunden saßen die Delegationen zusammen.",
        (210, None, "gut", "at_least", False),
    ),
    ("de", "Sie sprachen eine knappe Dreiviertelstunde.", (45, None, "knapp", "at_most", False)),
    ("de", "Der Auftritt dauerte zwölf Minuten.", (12, None, None, None, False)),
    ("de", "Das Treffen dauerte eineinhalb Stunden.", (90, None, None, None, False)),
    ("de", "Das Treffen dauerte anderthalb Stunden.", (90, None, None, None, False)),
    # a number glued to a quarter fraction: "eindreiviertel" = 1 3/4, "eineinviertel" = 1 1/4
    (
        "de",
        "Bei dem rund eindreiviertel Stunden langen Gespräch ging es um Handel.",
        (105, None, "rund", "approx", False),
    ),
    ("de", "Das Telefonat dauerte eineinviertel Stunden.", (75, None, None, None, False)),
    ("de", "ein zweidreiviertelstündiges Gespräch", (165, None, None, None, False)),
    ("de", "Nach einer halben Stunde war es vorbei.", (30, None, None, None, False)),
    ("de", "Nach einer Viertelstunde war es vorbei.", (15, None, None, None, False)),
    ("de", "Man sprach mehr als zwei Stunden.", (120, None, "mehr als", "at_least", False)),
    ("de", "Es dauerte weniger als eine Stunde.", (60, None, "weniger als", "at_most", False)),
    ("de", "Das Telefonat dauerte rund 40 Minuten.", (40, None, "rund", "approx", False)),
    ("de", "Nach nur zwölf Minuten war der Auftritt vorbei.", (12, None, "nur", "only", False)),
    ("de", "Sie sprachen etwa einundzwanzig Minuten.", (21, None, "etwa", "approx", False)),
    ("de", "Es dauerte zwei Stunden und 45 Minuten.", (165, None, None, None, False)),
    ("de", "ein zweistündiges Gespräch", (120, None, None, None, False)),
    ("de", "die 90-minütigen Beratungen", (90, None, None, None, False)),
    ("de", "ein halbstündiges Telefonat", (30, None, None, None, False)),
    ("de", "Es dauerte 1,5 Stunden.", (90, None, None, None, False)),
    ("de", "Sie verhandelten vier bis fünf Stunden.", (240, 300, None, None, False)),
    ("de", "Sie verhandelten zwischen vier und fünf Stunden.", (240, 300, None, None, False)),
    ("de", "Sie verhandelten 4-5 Stunden.", (240, 300, None, None, False)),
    ("de", "nach der 45-Minuten-Pause", (45, None, None, None, False)),
    ("de", "Es dauerte bis zu drei Stunden.", (180, None, "bis zu", "at_most", False)),
    ("de", "Es dauerte fast drei Stunden.", (180, None, "fast", "at_most", False)),
    ("de", "länger als die vorgesehenen vier Stunden", (240, None, None, None, True)),
    ("de", "Geplant waren ursprünglich sechs Stunden.", (360, None, None, None, True)),
    ("de", "Sechs Stunden waren dafür angesetzt.", (360, None, None, None, True)),
    ("de", "Die geplanten Gespräche dauerten zwei Stunden.", (120, None, None, None, False)),
    ("de", "Es dauerte zwei Stunden länger als geplant.", (120, None, None, None, False)),
    ("en", "The talks lasted nearly three hours.", (180, None, "nearly", "at_most", False)),
    (
        "en",
        "They met for more than an hour and a half.",
        (90, None, "more than", "at_least", False),
    ),
    ("en", "They spoke for about 45 minutes.", (45, None, "about", "approx", False)),
    ("en", "The meeting lasted two and a half hours.", (150, None, None, None, False)),
    ("en", "a 90-minute meeting", (90, None, None, None, False)),
    ("en", "a four-hour session", (240, None, None, None, False)),
    ("en", "an hour-long meeting", (60, None, None, None, False)),
    ("en", "The news conference took only 38 minutes.", (38, None, "only", "only", False)),
    ("en", "They talked for forty-five minutes.", (45, None, None, None, False)),
    ("en", "They talked for half an hour.", (30, None, None, None, False)),
    ("en", "They talked for a quarter of an hour.", (15, None, None, None, False)),
    ("en", "They talked for a good hour.", (60, None, "good", "at_least", False)),
    ("en", "It lasted an hour and 15 minutes.", (75, None, None, None, False)),
    ("en", "It lasted 1½ hours.", (90, None, None, None, False)),
    ("en", "It lasted 90 mins.", (90, None, None, None, False)),
    (
        "en",
        "The talks, scheduled for four to five hours, ended early.",
        (240, 300, None, None, True),
    ),
    ("en", "The talks were expected to last six hours.", (360, None, None, None, True)),
    ("en", "far less than the planned six hours", (360, None, None, None, True)),
    ("en", "The planned talks lasted three hours.", (180, None, None, None, False)),
    ("en", "They talked for two hours longer than planned.", (120, None, None, None, False)),
    ("en", "between two and three hours", (120, 180, None, None, False)),
    ("en", "a two-to-three-hour meeting", (120, 180, None, None, False)),
    # a hyphenated number before a compound unit counts it, not the compound's half alone
    ("en", "They held a two-and-a-half-hour meeting.", (150, None, None, None, False)),
    ("en", "They held a one-and-a-half-hour meeting.", (90, None, None, None, False)),
    ("en", "They held a two-and-half-hour meeting.", (150, None, None, None, False)),
    ("en", "a two-and-a-half hour session", (150, None, None, None, False)),
    ("en", "They held a half-hour meeting.", (30, None, None, None, False)),
    ("en", "They held three half-hour meetings.", (90, None, None, None, False)),
    # a fraction in digits after the whole number ("2 1/2") is part of the number phrase
    (
        "en",
        "They met for more than 2 1/2 hours.",
        (150, None, "more than", "at_least", False),
    ),
    ("en", "It lasted 3 1/4 hours.", (195, None, None, None, False)),
    ("de", "Sie sprachen mehr als 2 1/2 Stunden.", (150, None, "mehr als", "at_least", False)),
    # a fraction glued to the unit by hyphens; "-long" units without a number count one
    ("en", "They held an hour-and-a-half meeting.", (90, None, None, None, False)),
    ("en", "Putin and Biden concluded hourlong talks.", (60, None, None, None, False)),
    ("en", "They held hour-long talks.", (60, None, None, None, False)),
    ("en", "They held a two-hour-long meeting.", (120, None, None, None, False)),
    # hedges of several words; a negation turns the comparison round
    (
        "en",
        "They talked for upwards of two hours.",
        (120, None, "upwards of", "at_least", False),
    ),
    (
        "en",
        "They talked for no more than 30 minutes.",
        (30, None, "no more than", "at_most", False),
    ),
    (
        "de",
        "Sie sprachen nicht mehr als zwei Stunden.",
        (120, None, "nicht mehr als", "at_most", False),
    ),
    (
        "de",
        "Länger als eine Stunde beantworteten beide Fragen.",
        (60, None, "länger als", "at_least", False),
    ),
    ("de", "Sie sprachen reichlich zwei Stunden.", (120, None, "reichlich", "at_least", False)),
    # hedges after the duration
    ("en", "They talked for an hour or so.", (60, None, "or so", "approx", False)),
    (
        "de",
        "Sie sprachen eine Stunde oder länger.",
        (60, None, "oder länger", "at_least", False),
    ),
    ("en", "They talked for about an hour or so.", (60, None, "about", "approx", False)),
    # a range's upper end after the unit, where the number ends the phrase
    ("en", "They talked for an hour or two.", (60, 120, None, None, False)),
    ("de", "Sie sprachen eine Stunde oder zwei.", (60, 120, None, None, False)),
    ("en", "They talked for an hour or two aides joined.", (60, None, None, None, False)),
    ("de", "Sie sprachen gut zwei Stunden.", (120, None, "gut", "at_least", False)),
    ("de", "Sie sprachen knapp anderthalb Stunden.", (90, None, "knapp", "at_most", False)),
    ("de", "Sie sprachen eine gute Stunde.", (60, None, "gut", "at_least", False)),
    ("de", "Sie sprachen eine halbe Stunde.", (30, None, None, None, False)),
    # two number words listed one after the other tell a range ("zwei, drei Stunden")
    ("de", "Sie sprachen zwei, drei Stunden.", (120, 180, None, None, False)),
    ("en", "They talked for two, three hours.", (120, 180, None, None, False)),
    # a fraction in words of its own after the number
    ("de", "Sie sprachen eine und eine halbe Stunde.", (90, None, None, None, False)),
    # "-plus" glued to the unit is a lower bound; "a full hour" one hour, no hedge
    ("en", "They held an hour-plus meeting.", (60, None, "plus", "at_least", False)),
    ("en", "They talked for a full hour.", (60, None, None, None, False)),
    ("de", "Sie sprachen eine volle Stunde.", (60, None, None, None, False)),
    # a hyphen joins a range's ends written alike: a slug's article is no lower end
    ("de", "Das Ein-62-Minuten-Telefonat", (62, None, None, None, False)),
]

# Texts that name no exact duration: no number may be made up for them.
NO_DURATION = [
    ("en", "They talked for several hours."),
    ("en", "They talked for a couple of hours."),
    ("en", "They held hours-long talks."),
    ("en", "They met for 21/2 hours."),  # a slash fraction needs its space: "2 1/2"
    ("en", "It was 24/7 hours of work."),
    ("de", "Sie sprachen mehrere Stunden."),
    ("de", "Sie sprachen stundenlang."),
    ("de", "Ein mehrstündiges Gespräch."),
]


@pytest.mark.parametrize(("lang", "text"), NO_DURATION)
def test_no_duration(lang: str, text: str) -> None:
    assert parse_duration(text, lang) is None


@pytest.mark.parametrize(("lang", "text", "expected"), DURATIONS)
def test_durations(lang: str, text: str, expected: tuple) -> None:
    found = parse_duration(text, lang)
    assert found is not None, text
    got = (found.minutes, found.minutes_max, found.hedge, found.hedge_kind, found.planned)
    assert got == expected
    assert found.kind == "duration"
    assert text[found.start : found.end] == found.text


def test_actual_and_planned_in_one_sentence() -> None:
    text = (
        "Am Ende währte die Sitzung nur 3 Stunden 20 Minuten, viel kürzer als die "
        "vorgesehenen fünf Stunden, und endete ohne Einigung."
    )
    got = [(e.minutes, e.hedge, e.planned) for e in find_temporal(text, "de")]
    assert got == [(200, "nur", False), (300, None, True)]


# ------------------------------------------------------------------- clock times (clocks.py)

# expected: (time, time_end, tz, hedge) of the one expression that holds a clock time
CLOCKS = [
    ("de", "Das Treffen begann um 11.30 Uhr Ortszeit.", (T(11, 30), None, "local", None)),
    ("de", "Die Pressekonferenz war um 21.30 Uhr MESZ.", (T(21, 30), None, "Europe/Berlin", None)),
    ("de", "Die Delegationen trafen gegen 14 Uhr ein.", (T(14), None, None, "gegen")),
    ("de", "Kurz nach 13 Uhr landete die Maschine.", (T(13), None, None, "kurz nach")),
    ("de", "Sie verhandelten von 11 bis 14 Uhr.", (T(11), T(14), None, None)),
    ("de", "Sie verhandelten zwischen 11 und 14.30 Uhr.", (T(11), T(14, 30), None, None)),
    ("de", "Er landete um 14:30 Uhr.", (T(14, 30), None, None, None)),
    ("de", "Er landete um 14 Uhr 30.", (T(14, 30), None, None, None)),
    ("de", "Er sprach um 8 Uhr abends.", (T(20), None, None, None)),
    ("de", "um 11.30 Uhr Ortszeit (21.30 Uhr MESZ)", (T(11, 30), None, "local", None)),
    ("de", "Beginn: 16:00 Uhr (Moskauer Zeit)", (T(16), None, "Europe/Moscow", None)),
    ("en", "He landed at 9:04 a.m. local time.", (T(9, 4), None, "local", None)),
    ("en", "The talks began at 1 p.m. (1100 GMT).", (T(13), None, "local", None)),
    ("en", "They met from 10 to 11:30 a.m.", (T(10), T(11, 30), None, None)),
    ("en", "They met from 11 to 1 p.m.", (T(11), T(13), None, None)),
    ("en", "The statement came at 3 p.m. ET.", (T(15), None, "America/New_York", None)),
    ("en", "Trump arrived around 11 a.m.", (T(11), None, None, "around")),
    ("en", "The dinner started at 8 o'clock in the evening.", (T(20), None, None, None)),
    ("en", "He spoke at 12 a.m.", (T(0), None, None, None)),
    ("en", "They will speak to reporters at 6:15pm.", (T(18, 15), None, None, None)),
    ("en", "The plane lands at 9am.", (T(9), None, None, None)),
    ("en", "The meeting began at 14:00 UTC.", (T(14), None, "UTC", None)),
    # a universal-time name with an offset is the zone, not universal time itself
    ("en", "The talks began at 13:15 (GMT + 4).", (T(13, 15), None, "Etc/GMT-4", None)),
    ("en", "The call began at 9:30 a.m. UTC-5.", (T(9, 30), None, "Etc/GMT+5", None)),
    ("de", "Das Treffen begann um 16 Uhr (UTC+3).", (T(16), None, "Etc/GMT-3", None)),
    # the zone after the weekday of the clock ("2am Thursday AEDT") is still the clock's zone
    ("en", "The summit opens at 10am Friday AEST.", (T(10), None, "Australia/Sydney", None)),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CLOCKS)
def test_clock_times(lang: str, text: str, expected: tuple) -> None:
    timed = [e for e in find_temporal(text, lang) if e.time is not None]
    assert len(timed) == 1, timed
    got = timed[0]
    assert (got.time, got.time_end, got.tz, got.hedge) == expected


def test_a_weekday_between_clock_and_zone_stays_its_own_expression() -> None:
    found = find_temporal("They spoke on Tuesday (9pm Wednesday AEST).", "en")
    assert [e.weekday for e in found if e.kind == "weekday"] == [1, 2]
    assert [e.tz for e in found if e.time is not None] == ["Australia/Sydney"]


# ------------------------------------------------------------------------- dates (days.py)

# expected: (kind, date, year_given, weekday, time); anchor 2025-08-16
DATES = [
    (
        "de",
        "Das Treffen fand am 15. August 2025 statt.",
        ("date", dt.date(2025, 8, 15), True, None, None),
    ),
    ("de", "Stand: 16.08.2025", ("date", dt.date(2025, 8, 16), True, None, None)),
    ("de", "am 15.8. in Anchorage", ("date", dt.date(2025, 8, 15), False, None, None)),
    ("de", "Am 15. August trafen sie sich.", ("date", dt.date(2025, 8, 15), False, None, None)),
    ("de", "am Freitag, den 15. August 2025", ("date", dt.date(2025, 8, 15), True, 4, None)),
    ("de", "am 3. Jänner", ("date", dt.date(2025, 1, 3), False, None, None)),
    ("de", "am 15. Dezember", ("date", dt.date(2025, 12, 15), False, None, None)),
    (
        "de",
        "03.07.2024 um 09:12, Redaktion",
        ("datetime", dt.date(2024, 7, 3), True, None, T(9, 12)),
    ),
    ("de", "date 2025-08-16", ("date", dt.date(2025, 8, 16), True, None, None)),
    ("de", "am 15. August um 11 Uhr", ("datetime", dt.date(2025, 8, 15), False, None, T(11))),
    (
        "en",
        "The summit on August 15, 2025 ended.",
        ("date", dt.date(2025, 8, 15), True, None, None),
    ),
    ("en", "Published Aug. 15", ("date", dt.date(2025, 8, 15), False, None, None)),
    ("en", "on 15 August", ("date", dt.date(2025, 8, 15), False, None, None)),
    ("en", "on the 15th of August", ("date", dt.date(2025, 8, 15), False, None, None)),
    ("en", "Friday, Aug. 15 at 3 p.m.", ("datetime", dt.date(2025, 8, 15), False, 4, T(15))),
    ("en", "on Sept. 3, 2024", ("date", dt.date(2024, 9, 3), True, None, None)),
    (
        "de",
        "am Sonntag, 17. August, um 10 Uhr",
        ("datetime", dt.date(2025, 8, 17), False, 6, T(10)),
    ),
    (
        "en",
        "on Sunday, Aug. 17, at 10 a.m. EDT",
        ("datetime", dt.date(2025, 8, 17), False, 6, T(10)),
    ),
    (
        "en",
        "published 2019-06-30T08:55:00-04:00",
        ("datetime", dt.date(2019, 6, 30), True, None, T(8, 55)),
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DATES)
def test_dates(lang: str, text: str, expected: tuple) -> None:
    dated = [e for e in find_temporal(text, lang, anchor=ANCHOR) if e.date is not None]
    assert len(dated) == 1, dated
    got = dated[0]
    assert (got.kind, got.date, got.year_given, got.weekday, got.time) == expected


# ---------------------------------------------------------------- days and parts (days.py)

# expected: (kind, weekday, day_offset, part_of_day) of the only expression found
DAYS = [
    ("de", "Am Freitag trafen sie sich.", ("weekday", 4, None, None)),
    ("de", "Am Montag reist er ab.", ("weekday", 0, None, None)),
    ("de", "Am Freitagabend landete er.", ("weekday", 4, None, "evening")),
    ("de", "Gestern trafen sie sich.", ("relative_day", None, -1, None)),
    ("de", "Sie haben sich gestern getroffen.", ("relative_day", None, -1, None)),
    ("de", "Heute reist er ab.", ("relative_day", None, 0, None)),
    ("de", "Er reist morgen ab.", ("relative_day", None, 1, None)),
    ("de", "Morgen reist er ab.", ("relative_day", None, 1, None)),
    ("de", "Vorgestern kam er an.", ("relative_day", None, -2, None)),
    ("de", "Am Abend gab es ein Essen.", ("part_of_day", None, None, "evening")),
    ("de", "Am Nachmittag sprachen sie.", ("part_of_day", None, None, "afternoon")),
    ("de", "Am Morgen landete er.", ("part_of_day", None, None, "morning")),
    ("de", "Heute Morgen landete er.", ("relative_day", None, 0, "morning")),
    ("de", "Er landete gestern Abend.", ("relative_day", None, -1, "evening")),
    ("de", "Er reist morgen früh ab.", ("relative_day", None, 1, "morning")),
    ("de", "Am Vortag war er angekommen.", ("relative_day", None, -1, None)),
    ("de", "Abends gab es ein Essen.", ("part_of_day", None, None, "evening")),
    ("en", "On Friday they met.", ("weekday", 4, None, None)),
    ("en", "Talks resume on Monday morning.", ("weekday", 0, None, "morning")),
    ("en", "He arrived on Friday night.", ("weekday", 4, None, "night")),
    ("en", "Later that day they spoke.", ("relative_day", None, 0, None)),
    ("en", "That evening they dined.", ("part_of_day", None, None, "evening")),
    ("en", "They met yesterday.", ("relative_day", None, -1, None)),
    ("en", "He left this morning.", ("relative_day", None, 0, "morning")),
    ("en", "They spoke in the afternoon.", ("part_of_day", None, None, "afternoon")),
    ("en", "He left the day before.", ("relative_day", None, -1, None)),
    ("en", "He arrived the day before yesterday.", ("relative_day", None, -2, None)),
    ("en", "He flies out tonight.", ("relative_day", None, 0, "evening")),
    ("en", "He spoke on the eve of the summit.", ("relative_day", None, -1, "evening")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DAYS)
def test_days_and_parts(lang: str, text: str, expected: tuple) -> None:
    found = find_temporal(text, lang)
    assert len(found) == 1, found
    got = found[0]
    assert (got.kind, got.weekday, got.day_offset, got.part_of_day) == expected


# a narrative day and the day it counts from, right after it: the day counted
COUNTED = [
    ("en", "The envoy arrived on the eve of the June 12 ceremony.", ("date", (6, 11), None)),
    ("en", "They spoke the day after March 31.", ("date", (4, 1), None)),
    ("en", "They met the day before Thursday's vote.", ("weekday", None, 2)),
    ("de", "Der Gesandte traf am Vorabend des 12. Juni ein.", ("date", (6, 11), None)),
    ("de", "Sie sprachen am Tag zuvor, dem 12. Juni.", None),
]


@pytest.mark.parametrize(("lang", "text", "expected"), COUNTED)
def test_a_narrative_day_joins_the_day_it_counts_from(lang, text, expected) -> None:
    found = [t for t in find_temporal(text, lang, anchor=dt.date(2021, 7, 1)) if t.kind != "time"]
    if expected is None:  # a comma between: an apposition, two expressions as before
        assert [t.kind for t in found] == ["relative_day", "date"]
        return
    kind, month_day, weekday = expected
    assert len(found) == 1, found
    got = found[0]
    assert got.kind == kind and got.day_offset is None and not got.narrative
    assert ((got.date.month, got.date.day) if got.date else None) == month_day
    assert got.weekday == weekday


# ------------------------------------------------------------------ what joins (time_joins.py)

# expected: the kinds found, in order (a list item never joins its neighbour)
KINDS = [
    ("de", "am Freitag um 14 Uhr", ["weekday"]),
    ("de", "Freitagabend um 20 Uhr Ortszeit", ["weekday"]),
    ("de", "gestern Abend um 9 Uhr", ["relative_day"]),
    ("de", "Am Freitag. Um 14 Uhr begann es.", ["weekday", "time"]),
    ("de", "Sie sprachen von 11 bis 14 Uhr, am Abend aßen sie.", ["time", "part_of_day"]),
    ("en", "from 10 to 11:30 a.m., later that day", ["time", "relative_day"]),
    ("en", "Friday, around 2 p.m.", ["weekday"]),
    ("en", "at 1 p.m. on Friday", ["weekday"]),
    ("en", "on Friday. At 2 p.m. they met", ["weekday", "time"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), KINDS)
def test_what_joins(lang: str, text: str, expected: list[str]) -> None:
    assert [e.kind for e in find_temporal(text, lang)] == expected


# --------------------------------------------------------------------------- negatives

# expected: kinds that must not be found in the text (() means: nothing at all)
NEGATIVES = [
    ("de", "Die Gespräche mit Putin waren so lang wie die mit Selenski.", ()),
    ("de", "Er sagte, die Uhr ticke, mit Blick auf die Ukraine.", ()),
    ("de", "Am Ende währte die Sitzung nur 3 Stunden 20 Minuten.", ("time", "date", "datetime")),
    ("de", "Guten Morgen, sagte er.", ()),
    ("de", "Das Gipfeltreffen 2018 in Helsinki.", ()),
    ("de", "Er war zum 15. Mal dort und sprach über 3 Themen.", ()),
    ("de", "Die Freitagsgebete und die Mittwochsrunde.", ()),
    ("de", "Die erste Stunde war schwierig, es dauerte Stunden.", ()),
    ("de", "Der 2:0-Sieg am Ende", ()),
    ("en", "The 2018 summit was in Helsinki.", ()),
    ("en", "It may take a second summit to march forward.", ()),
    ("en", "They may meet on the 2nd floor.", ()),
    ("en", "He spoke for hours, at length.", ()),
    ("en", "The evening news said so.", ()),
    ("en", "They spoke for 2 hours 45 minutes.", ("time", "date", "datetime")),
    ("en", "The talks lasted 90 minutes, about the time of a match.", ("time", "date")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), NEGATIVES)
def test_negatives(lang: str, text: str, expected: tuple) -> None:
    found = find_temporal(text, lang)
    if expected:
        assert not [e for e in found if e.kind in expected], found
    else:
        assert found == []


# --------------------------------------------------------------------------- resolving days

# expected: the day each expression names, read from a report published on Saturday 2025-08-16
RESOLVE = [
    ("de", "am Freitag", dt.date(2025, 8, 15)),
    ("de", "am Samstag", dt.date(2025, 8, 16)),
    ("de", "am Sonntag", dt.date(2025, 8, 10)),
    ("de", "gestern", dt.date(2025, 8, 15)),
    ("de", "morgen", dt.date(2025, 8, 17)),
    ("de", "am 15. August", dt.date(2025, 8, 15)),
    ("de", "am 20. Dezember", dt.date(2025, 12, 20)),
    ("de", "am 20. Januar", dt.date(2025, 1, 20)),
    ("de", "am 20. Januar 2026", dt.date(2026, 1, 20)),
    ("en", "on Friday", dt.date(2025, 8, 15)),
    ("en", "yesterday", dt.date(2025, 8, 15)),
    ("en", "on Aug. 15", dt.date(2025, 8, 15)),
    ("en", "on February 10", dt.date(2025, 2, 10)),
    ("en", "around 2 p.m.", None),
    ("en", "for two hours", None),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RESOLVE)
def test_resolve_day(lang: str, text: str, expected: dt.date | None) -> None:
    (found,) = find_temporal(text, lang)
    assert resolve_day(found, ANCHOR) == expected
    assert resolve_day(found, dt.datetime(2025, 8, 16, 6, 56)) == expected


# a weekday of an event still to come: the next such day on or after the day of writing
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Friday", dt.date(2025, 8, 22)),
        ("on Saturday", dt.date(2025, 8, 16)),
        ("tomorrow", dt.date(2025, 8, 17)),
    ],
)
def test_resolve_day_forward(text: str, expected: dt.date) -> None:
    (found,) = find_temporal(text, "en")
    assert resolve_day(found, ANCHOR, forward=True) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "published: 2023-03-22T08:05:00+01:00", (T(8, 5), "Etc/GMT-1")),
        ("en", "2019-06-30T08:55:00-04:00", (T(8, 55), "Etc/GMT+4")),
        ("en", "2025-08-16T06:56Z", (T(6, 56), "UTC")),
        ("en", "2025-08-16T06:56+05:30", (T(6, 56), None)),
    ],
)
def test_iso_timestamps(lang: str, text: str, expected: tuple) -> None:
    (found,) = find_temporal(text, lang)
    assert found.kind == "datetime"
    assert (found.time, found.tz) == expected


def test_year_from_anchor_in_find_temporal() -> None:
    (found,) = find_temporal("am 28. Dezember", "de", anchor=dt.date(2026, 1, 5))
    assert (found.date, found.year_given) == (dt.date(2025, 12, 28), False)


# --------------------------------------------------------------------------- the sample reports


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "000_a00dd4f110c38dcf.txt",
            [
                ("datetime", dt.date(2025, 8, 16), T(6, 56), None, None, False),
                ("duration", None, None, 165, "nur", False),
                ("duration", None, None, 360, None, True),
                ("duration", None, None, 12, "nur", False),
            ],
        ),
        (
            "de",
            "001_c4231c246326d5c6.txt",
            [
                ("date", dt.date(2025, 8, 16), None, None, None, False),
                ("duration", None, None, 150, "gut", False),
            ],
        ),
    ],
)
def test_sample_reports(lang: str, text: str, expected: list[tuple]) -> None:
    body = (REPORTS / text).read_text(encoding="utf-8")
    found = find_temporal(body, lang, anchor=ANCHOR)
    got = [(e.kind, e.date, e.time, e.minutes, e.hedge, e.planned) for e in found]
    assert got == expected
    for expr in found:
        assert body[expr.start : expr.end] == expr.text


@pytest.mark.parametrize("name", ["000_a00dd4f110c38dcf.txt", "001_c4231c246326d5c6.txt"])
def test_sorted_and_not_overlapping(name: str) -> None:
    body = (REPORTS / name).read_text(encoding="utf-8") * 3
    found = find_temporal(body, "de")
    assert [e.start for e in found] == sorted(e.start for e in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_dateparser_sees_only_date_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateparser

    seen: list[str] = []
    real = dateparser.parse

    def spy(text: str, *args: object, **kwargs: object) -> object:
        seen.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(dateparser, "parse", spy)
    days.parse_date_span.cache_clear()
    body = (REPORTS / "000_a00dd4f110c38dcf.txt").read_text(encoding="utf-8")
    find_temporal(body + " Am 15. August kam er an.", "de")
    days.parse_date_span.cache_clear()
    assert sorted(seen) == ["15. August", "16.08.2025"]


# --------------------------------------------------------------------------- lexicons and errors


def _leaves(node: object) -> list[object]:
    if isinstance(node, dict):
        return [*node, *(leaf for value in node.values() for leaf in _leaves(value))]
    if isinstance(node, tuple):
        return [leaf for value in node for leaf in _leaves(value)]
    return [node]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("topic", ["temporal", "time"])
def test_no_yaml_booleans(lang: str, topic: str) -> None:
    # YAML 1.1 reads unquoted on/off/yes/no as booleans: "on" must be quoted to stay a word
    lexicon = load_knowledge(environment=False).language(lang).lexicon(topic)
    assert not [leaf for leaf in _leaves(lexicon) if isinstance(leaf, bool)]


def test_lexicon_addition_adds_words(tmp_path: Path) -> None:
    folder = tmp_path / "lexicons" / "de"
    folder.mkdir(parents=True)
    (folder / "temporal.yaml").write_text("hedges:\n  grob: approx\n", encoding="utf-8")
    assert parse_duration("grob zwei Stunden", "de").hedge is None
    knowledge = load_knowledge(tmp_path, environment=False)
    found = parse_duration("grob zwei Stunden", "de", knowledge=knowledge)
    assert (found.minutes, found.hedge, found.hedge_kind) == (120, "grob", "approx")
    # the packaged knowledge is unchanged in the same process
    assert parse_duration("grob zwei Stunden", "de").hedge is None


def test_hedge_of_unknown_kind_names_file_and_hedge(tmp_path: Path) -> None:
    folder = tmp_path / "lexicons" / "de"
    folder.mkdir(parents=True)
    (folder / "temporal.yaml").write_text("hedges:\n  grob: roughly\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"lexicons/de/temporal.yaml: key 'hedges.grob'"):
        load_knowledge(tmp_path, environment=False)


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (("text", "fr"), ValueError, r"no lexicons for language 'fr'.*supported"),
        (("text", ""), ValueError, r"language must be"),
        ((None, "de"), TypeError, r"text must be a str; got NoneType"),
    ],
)
def test_bad_arguments(args: tuple, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        find_temporal(*args)


def test_bad_anchor() -> None:
    with pytest.raises(TypeError, match=r"anchor must be a datetime\.date"):
        find_temporal("am Freitag", "de", anchor="2025-08-16")  # type: ignore[arg-type]
    (found,) = find_temporal("am Freitag", "de")
    with pytest.raises(TypeError, match=r"anchor must be a datetime\.date"):
        resolve_day(found, "2025-08-16")  # type: ignore[arg-type]


def test_language_variants_and_frozen_result() -> None:
    (found,) = find_temporal("am Freitag", "de-AT")
    assert isinstance(found, TimeExpression)
    with pytest.raises(AttributeError):
        found.weekday = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    ("lang", "text", "note"),
    [
        ("de", "Sie trafen sich am 31. Februar.", "'31. Februar' names no day"),
        ("de", "Das Treffen begann um 25:70 Uhr.", "'25:70 Uhr' is no time of day"),
        ("en", "They met at 13:75 p.m. on Friday.", "'13:75 p.m.' is no time of day"),
    ],
)
def test_impossible_dates_and_times_are_kept_as_invalid_with_a_note(
    lang: str, text: str, note: str
) -> None:
    found = find_temporal(text, lang)
    invalid = [t for t in found if t.kind == "invalid"]
    assert len(invalid) == 1 and invalid[0].note.startswith(note)
    assert not any(t.date or t.time for t in found if t.kind != "invalid")


def test_a_day_above_a_blank_line_does_not_join_the_clock_opening_the_next_line() -> None:
    # a programme's heading names the day, the next line opens with the first item's clock
    found = find_temporal("Saturday, March 14\n\n10:00 am to 11:00 am: Welcome ceremony", "en")
    assert [(e.kind, e.time) for e in found] == [("date", None), ("time", dt.time(10, 0))]
