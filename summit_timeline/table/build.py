"""The event table: ``extract_events(corpus)`` -> one row per event mention.

Each report's mentions (``mentions.read_report``) get the report's venue, a date and times in
the venue's zone (``dating.py``); each mention is given its story (``stories.py``: the report's
own meeting, or one it recalls), background mentions are placed and dated in their own story;
mentions of one event across reports get one ``event_id`` within their story (``align.py``);
a date left open is settled by the aligned event, else by the story.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import pandas as pd

from ..knowledge import EventType, Knowledge, resolve
from ..mentions import (
    Mention,
    ReportMentions,
    TimeExpression,
    find_temporal,
    read_report,
    resolve_day,
)
from ..mentions.actors import first_in_office, gazetteers_for
from ..mentions.merge import recalled
from ..mentions.periods import find_periods
from ..mentions.places import (
    Place,
    dateline_day,
    index_for,
    names_in,
    namesakes_as,
    namesakes_now,
    namesakes_told,
)
from ..mentions.status import FUTURE
from ..reading.corpus import Corpus, Report
from .align import Candidate, align
from .dating import Dating, date_mention, on_day, with_year, year_of_weekday, zone
from .schema import COLUMN_NAMES, empty_table, label_text
from .stories import (
    BACKGROUND_DAYS,
    ReportFrame,
    Story,
    assign_stories,
    before_their_time,
    report_frame,
    same_region,
)

#: Minutes in a day: an event of a type that may last longer may span several of a story's days.
_DAY_MINUTES = 24 * 60


def _venue(
    reading: ReportMentions, report: Report, year: int | None
) -> tuple[Place | None, Place | None]:
    """Where the report's summit takes place: the place of the events that took place (of those of
    its own days, if it tells any: not one more than ``BACKGROUND_DAYS`` before it was written)
    whose type has ``venue_rank`` 1, then 2, else the place named for the summit as a whole (the
    most specific, then the most often named); a wire dateline ("GENEVA (Agency) -",
    "Paris (AFP) -") where that names none or a place in the same region and no more specific one
    (the dateline is where the report was filed: "BERLIN (dpa) - ... trafen sich in Peking" was
    not held in Berlin). A report written before its meeting, where nothing has taken place yet,
    tells the venue by the place it announces: in the dateline's region ("Paris (AFP) - ...
    empfängt Putin um 17.30 Uhr in Brégançon"), or, with no dateline, anywhere ("will meet
    Sánchez in Valencia on Friday": a report that tells nothing held keeps the story its
    announcements place, so "meets him there tomorrow" read as held or as ahead is one story).
    With it, the place the arrivals named where the town the trip is to took the venue's place
    (``_trip_destination``), else None."""
    # what took place tells where; a meeting announced or recalled may lie elsewhere
    # (another year or month than the report's: "hatten sich Mitte August in Alaska getroffen",
    # in a report of October)
    month = report.published.month if report.published else None
    mentions = [
        m for m in reading.mentions if m.status == "occurred" and recalled(m, year, month) is None
    ]
    # and what it tells of its own days before what took place days earlier ("Am Freitag hatte
    # Trump Putin in Alaska empfangen", in a report of a summit in Washington on Monday)
    written = report.written_on
    recent = [m for m in mentions if not _days_before(m, written)]
    if recent:
        mentions = recent
    # the summit's own place ("Gipfel in Singapur") outranks what one event elsewhere tells ("In
    # Südkorea wurde das Treffen mit Erleichterung aufgenommen")
    summit = reading.summit_places
    if summit:
        there = [m for m in mentions if m.place and any(same_region(m.place, p) for p in summit)]
        mentions = there or mentions
    ranks = sorted({m.kind.venue_rank for m in mentions if m.kind.venue_rank is not None})
    pools = [[m.place for m in mentions if m.place and m.kind.venue_rank == r] for r in ranks]
    told = left = None
    for rank, pool in [*zip(ranks, pools, strict=True), (None, reading.summit_places)]:
        if pool:
            told = _within_named(_most_specific(pool), mentions)
            if rank is not None and rank > 1:
                town = _trip_destination(told, summit)
                if town is not told:
                    told, left = town, told
            break
    if told is None and any(m.kind.place == "none" for m in mentions):
        # a report of a call held where nothing else took place: it was held nowhere, not
        # where the report was filed ("Berlin/Moskau (dpa) - Scholz hat mit Putin telefoniert")
        return None, None
    # a dateline is where the report was filed: the venue, unless what took place lies elsewhere
    dateline = reading.filed_in  # read with the mentions
    if told is None and (dateline is not None or not mentions):
        # a report written before its meeting: what it announces (in the dateline's region,
        # where it has one; else where it tells nothing held) tells where it will be ("Paris
        # (AFP) - ... empfängt Putin in Brégançon", "Merkel meets Obama in Washington tomorrow")
        ahead = [
            m.place
            for m in reading.mentions
            if m.status in FUTURE
            and m.place
            and m.kind.venue_rank is not None
            and recalled(m, year, month) is None
            and (dateline is None or same_region(m.place, dateline))
        ]
        if ahead:
            told = _most_specific(ahead)
    if dateline is None or (told is not None and not same_region(dateline, told)):
        return told, left
    # of the two in one region, the more specific ("Singapur (Agentur) -", talks on Sentosa)
    return (
        told if told is not None and told.specificity > dateline.specificity else dateline
    ), left


def _trip_destination(told: Place, summit: list[Place]) -> Place:
    """The venue read only from arrivals and the like, or the town the trip is to: a region
    (a state) an arrival names ("met at Andrews air force base in Maryland") does not outrank the
    town of the same country the report names for the trip as a whole ("his visit to
    Washington", "sein erstes Reiseziel, das Weiße Haus in Washington"), which lies outside it."""
    towns = [
        p
        for p in summit
        if p.specificity > told.specificity
        and not p.meets(told)
        and p.within
        and told.within
        and p.country == told.country
    ]
    return _most_specific(towns) if towns else told


def _called_off_where_announced(mentions: list[Mention]) -> list[Mention]:
    """The mentions, a meeting called off taking the place of the same meeting announced in its
    report (its type and people): it was to be held there, not at the venue of what was held
    ("Trump said last week that he will meet with Putin in Budapest", then "he has canceled his
    planned meeting with Putin", in a report filed in Washington)."""
    announced: dict[tuple[str, frozenset[str]], list[Place]] = {}
    for a in mentions:
        if a.status in FUTURE and a.place is not None:
            announced.setdefault((a.kind.key, frozenset(a.actors)), []).append(a.place)
    found = []
    for m in mentions:
        there = announced.get((m.kind.key, frozenset(m.actors)))
        if m.status == "cancelled" and m.kind.meeting and m.actors and there:
            m = replace(m, place=_most_specific(there), place_own=True)
        found.append(m)
    return found


def _sent_away(m: Mention) -> bool:
    """Whether ``m`` tells people who are no leader asked or ordered to leave (``sent_away``:
    "reporters were asked to leave the room"): a room cleared, not a leader's departure."""
    return m.sent_away and not m.actors


def _days_before(m: Mention, written: dt.date | None) -> bool:
    """Whether every day the mention's clause names (else the day named last before it) lies
    more than ``BACKGROUND_DAYS`` days before the day of writing (a weekday: the last one on or
    before it)."""
    if written is None:
        return False
    days = [d for t in m.times if (d := resolve_day(t, written)) is not None]
    if not days and m.context is not None and (d := resolve_day(m.context, written)):
        days = [d]
    return bool(days) and all((written - d).days > BACKGROUND_DAYS for d in days)


def _most_specific(places: list[Place]) -> Place:
    """The most specific of ``places``, then the most often named."""
    counts = Counter(p.name for p in places)
    return max(places, key=lambda p: (p.specificity, counts[p.name]))


def _within_named(venue: Place, mentions: list[Mention]) -> Place:
    """The venue, or the place inside it that the report names for an event there: talks "in
    Alaska" and the arrival "in Anchorage" took place in Anchorage."""
    inside = [m.place for m in mentions if m.place and venue.name in m.place.within]
    if not inside:
        return venue
    counts = Counter(p.name for p in inside)
    return max(inside, key=lambda p: (counts[p.name], p.specificity))


def _label(label: str, status: str, actors: list[str], place: str | None) -> str:
    return label_text(label, status, actors, place)


def _timestamp(value: dt.datetime | None) -> pd.Timestamp | None:
    return pd.Timestamp(value) if value is not None else None


def _place_and_zone(
    m: Mention, venue: Place | None, report: Report
) -> tuple[Place | None, str | None]:
    """The event's place, and the zone it is dated in.

    An event at the venue takes the venue unless the text names a place in its region, or its
    own clause names where it happened (``Mention.place_own``: "Merkel ist in Peking
    eingetroffen", though a talk proposed in Hong Kong made Hong Kong the venue); one that
    happens where it starts (``place_from_start``) starts at the venue unless its own clause
    names the place left ("before he left Washington", in a report of talks in Lisbon: the trip
    began at home); any other (a visit) takes its own place, else the venue: the text names no
    other. A proposed place is where the event would happen; it is dated where it was made, at
    the venue.
    """
    place = m.place
    if (
        m.kind.at_venue
        and venue is not None
        and (
            place is None
            or (m.kind.place_from_start and not m.place_own)
            or (not same_region(place, venue) and not m.place_own)
        )
    ):
        place = venue
    if place is None and venue is not None and m.kind.place == "event":
        place = venue  # "attended the parade": where the summit was
    if place is None and venue is not None and (m.made_before or m.to_own_occasion):
        # an offer told as what brought the summit about ("had invited Trump", "at the
        # invitation of Meloni"), or to an occasion its day names ("to Friday's celebration"),
        # proposed where the summit is
        place = venue
    where = venue if m.kind.place == "proposed" else (place or venue)
    if where is not None:
        return place, where.timezone
    # no place: a clock printed with its zone ("9:03 ET") is dated in that zone, not shifted
    stated = next(
        (t.tz for t in m.times if t.time is not None and t.tz not in (None, "local")), None
    )
    return place, stated or report.timezone


def _report_rows(
    report: Report, knowledge: Knowledge, progress: Callable[[int], None] | None = None
) -> tuple[ReportFrame, list[dict[str, Any]]]:
    # a name several towns bear names the one the report's other places tell, all through
    with namesakes_told(report.text, knowledge.language(report.language)):
        return _rows_of(report, knowledge, progress)


def _rows_of(
    report: Report, knowledge: Knowledge, progress: Callable[[int], None] | None
) -> tuple[ReportFrame, list[dict[str, Any]]]:
    report = _filed_on(report, knowledge)
    reading = read_report(report, knowledge=knowledge, progress=progress)
    hint, weekday_fixed, years = _year_hint(report, knowledge, reading.times)
    year = report.published.year if report.published else None
    venue, left = _venue(reading, report, year)
    mentions = [m for m in _called_off_where_announced(reading.mentions) if not _sent_away(m)]
    if left is not None:
        # the arrivals there keep it: landed in Maryland, the visit is to Washington
        mentions = [
            replace(m, place_own=True) if m.place == left and m.status == "occurred" else m
            for m in mentions
        ]
    told = _offers_told(mentions, knowledge.language(report.language))
    rows = [
        _row(report, index, m, venue, hint, told=id(m) in told) for index, m in enumerate(mentions)
    ]
    named = _NamedPlaces(report.text, knowledge)  # the places it names anywhere (_names_venue)
    for r in rows:
        r["_named"] = named
    groups = knowledge.gazetteer("groups") or {}
    landing = knowledge.language(report.language).matcher("places", "landing_words")
    greeting = knowledge.language(report.language).matcher("places", "greeting_words")
    died = gazetteers_for(knowledge).died
    told = frozenset(reading.people)  # everyone it names (``Candidate.names``)
    for r in rows:  # a group is no counterpart in a meeting (alignment)
        r["_people"] = tuple(a for a in r["actors"] if a not in groups)
        r["_names"] = told
        # the day each of its people who has died died (``_shown_actors``)
        r["_died"] = {a: died[a] for a in r["actors"] if a in died}
        # an arrival whose sentences tell where a plane came down ("nach der Landung in Delhi");
        # only arrivals are read (``_arrivals_at_town``)
        r["_landing"] = _journey_end(r) and any(landing.find(e["sentence"]) for e in r["evidence"])
        # an arrival told as a greeting between two or more people ("shook hands with the host
        # in Brazil", "empfängt Lula in Brasilien"): held at the venue, not a journey into the
        # country
        r["_greeting"] = (
            _journey_end(r)
            and len(r["_people"]) > 1
            and any(greeting.find(e["sentence"]) for e in r["evidence"])
        )
    frame = report_frame(
        report.report_id,
        reading.principals,
        rows,
        venue,
        report.published,
        report.published_precision,
        reading.named_places,
        _countries(reading.principals, knowledge),
        _led_from(reading.principals, knowledge),
        reading.people,
    )
    if frame.day is None and weekday_fixed and not before_their_time(hint, frame.led_from):
        # a report without a day whose year a printed weekday fixed is of that year, not of
        # the years its lead names (what it recalls: "the 2014 Minsk accords")
        frame = replace(frame, year=hint)
    if frame.year is None:
        # what tells its year apart where its story's reports are of several years
        frame = replace(frame, named_years=years)
    return frame, rows


def _countries(people: Iterable[str], knowledge: Knowledge) -> dict[str, str]:
    """The country each of ``people`` leads, by its English name, where the people gazetteer
    gives it."""
    gazetteer = knowledge.gazetteer("people") or {}
    countries = index_for(knowledge).countries
    found = {}
    for person in people:
        code = (gazetteer.get(person) or {}).get("country")
        if code in countries:
            found[person] = countries[code]
    return found


def _led_from(people: Iterable[str], knowledge: Knowledge) -> dt.date | None:
    """The earliest day any of ``people`` took an office the offices gazetteer lists (None if it
    lists none of them)."""
    first = knowledge.compiled(first_in_office)
    return min((first[p] for p in people if p in first), default=None)


def _filed_on(report: Report, knowledge: Knowledge) -> Report:
    """The report with its publication day read where its dated dateline was filed.

    A publication that gives only a day ("2024-02-09", from the address) may fall on two local
    dates at the venue; "WASHINGTON, Feb 9 (Reuters) -" says it is the 9th in Washington. A
    dateline that gives its year dates a report that gives no publication at all, and one of
    the month the publication gives dates it to the day.
    """
    if report.published_precision == "minute":
        return report
    found = dateline_day(report.text, knowledge)
    if found is None:
        return report
    place, printed = found
    # the dateline's day, read as any date of the text is ("Feb 9", "Nov. 15, 2023")
    parsed = next(
        (
            t
            for t in find_temporal(printed, report.language, knowledge=knowledge)
            if t.kind == "date" and t.date is not None
        ),
        None,
    )
    if parsed is None or parsed.date is None:
        return report
    printed_day = parsed.date
    published = report.published
    if report.published_precision == "day" and published is not None:
        day = published.date()
        if (day.month, day.day) != (printed_day.month, printed_day.day):
            return report
    elif report.published_precision == "month" and published is not None:
        if published.month != printed_day.month or (
            parsed.year_given and published.year != printed_day.year
        ):
            return report
        day = dt.date(published.year, printed_day.month, printed_day.day)
    elif parsed.year_given:
        day = printed_day
    else:
        return report
    filed = dt.datetime.combine(day, dt.time(0), tzinfo=zone(place.timezone))
    note = f"published: the day of the dateline ({place.name}, {printed})"
    return replace(report, published=filed, published_precision="day", notes=(*report.notes, note))


def _year_hint(
    report: Report, knowledge: Knowledge, times: Iterable[TimeExpression]
) -> tuple[int | None, bool, frozenset[int]]:
    """The year a report speaks of, whether a printed weekday fixed it, and the years it names:
    its publication's (and none named), else the year it names most often; a weekday printed
    with a day and month but no year ("Wednesday (19 October)") fixes it: the year nearest that
    one where the weekday falls on the date (the years a report names are mostly of what it
    recalls). ``times``: the report's time expressions, as its reading found them."""
    if report.published is not None:
        return report.published.year, False, frozenset()
    years = Counter(
        p.year for p in find_periods(report.text, knowledge.language(report.language)) if p.year
    )
    named = max(years, key=lambda y: (years[y], y)) if years else None
    fixed = _weekday_year(times, named)
    named_years = frozenset(years)
    return (fixed, True, named_years) if fixed is not None else (named, False, named_years)


def _weekday_year(times: Iterable[TimeExpression], named: int | None) -> int | None:
    """The year a weekday printed with a day and month but no year fixes (of ``times``), nearest
    the year the report names most often; None without one."""
    if named is None:
        return None
    for t in times:
        if t.kind in ("date", "datetime") and t.date and t.weekday is not None and not t.year_given:
            fixed = year_of_weekday(t, named)
            if fixed is not None:
                return fixed.year
    return None


def _offers_told(mentions: list[Mention], language: Any) -> set[int]:
    """The offers (invitations) of ``mentions`` (by ``id``) that the report tells in its own
    words: no quotation in their sentence, no verb of saying (lexicon key ``speech_verbs``) and
    no form of reported speech (``reported_speech``, "habe ... eingeladen"). What a leader says
    she offers ("Come and see us in the spring," she told her guest) is offered as she speaks;
    what the report tells in passing ("in a letter she invited him to her capital", "the
    ministers are invited to the conference") was offered on a day it does not give."""
    speech = language.matcher("events", "speech_verbs")
    reported = language.matcher("evaluative", "reported_speech")
    told = set()
    for m in mentions:
        if m.kind.place != "proposed" or m.in_quote:
            continue
        text = m.sentence.text
        if _QUOTE_MARKS.search(text) or speech.find(text) or reported.find(text):
            continue
        told.add(id(m))
    return told


_QUOTE_MARKS = re.compile('["“”„«»]')


def _date(
    m: Mention,
    report: Report,
    tz_name: str | None,
    *,
    own: bool,
    year_hint: int | None,
    told: bool = False,
) -> Dating:
    """Date a mention; one of the report's own story may be dated by the publication, but not
    one made before what its sentence tells (``Mention.made_before``), which is dated as a
    recalled one is, nor a departure named as the moment before which it happened
    (``Mention.left_after``: "said before his departure"), which may be on the day before the
    meeting or after it: only a day its sentence names dates it. Nor an offer the report tells
    in its own words (``told``, ``_offers_told``): it was made on a day the text does not give,
    so only a day its sentence names dates it."""
    own = own and not m.made_before and not m.left_after and not told
    return date_mention(
        m.times,
        m.duration.minutes if m.duration else None,
        report=report,
        tz=zone(tz_name),
        context=m.context if own else None,
        stamps=m.stamps if own else None,
        dated_by_publication=own and m.status != "announced" and not _journey_off(m),
        forward=m.status == "announced",
        year_hint=year_hint,
    )


def _journey_off(m: Mention) -> bool:
    """Whether ``m`` is called off and of a type held away from the venue (ontology
    ``at_venue`` not set: a visit, "cancelled his trip to Chile"): it took place on no day, so
    only a day its sentence names (the day it was set for) dates it, not the report's day nor
    the day the report named before. A format at the venue called off was set for the day of
    the meeting its report tells."""
    return m.status == "cancelled" and not m.kind.at_venue


def _takes_companions(m: Mention) -> bool:
    """Whether the spouses named beside the leaders take part in ``m``: its type takes them
    (ontology ``companions``: a welcome, a visit), or its trigger names a talk format that does
    (ontology ``companion_formats``: a meal of the leaders, "a state dinner for Macron and his
    wife", which the spouses share, unlike the talks or talks a meal followed)."""
    fmt = (m.format_told and m.talk_format) or ""
    return m.kind.companions or any(fmt.startswith(f) for f in m.kind.companion_formats)


def _row(
    report: Report,
    index: int,
    m: Mention,
    venue: Place | None,
    year_hint: int | None,
    *,
    told: bool = False,
) -> dict[str, Any]:
    place, tz_name = _place_and_zone(m, venue, report)
    duration = m.duration.minutes if m.duration else None
    dating = _date(m, report, tz_name, own=True, year_hint=year_hint, told=told)
    evidence = [{"sentence": s.text, "char_start": s.start, "char_end": s.end} for s in m.evidence]
    quotes = [
        {"speaker": q.get("speaker"), "text": q["text"], "reply": bool(q.get("reply"))}
        for q in m.quotes
    ]
    confidence = m.confidence - (0.1 if not m.actors else 0.0)
    return {
        "mention_id": f"{report.report_id}/{index:02d}",
        "report_id": report.report_id,
        "outlet": report.outlet or report.report_id,
        "author": report.author,
        "title": report.title,
        "url": report.url,
        "published": _timestamp(report.published),
        "published_precision": report.published_precision,
        "language": report.language,
        "event_type": m.event_type,
        "cameo": m.kind.cameo,
        "status": m.status,
        "label": _label(m.kind.label, m.status, m.actors, place.name if place else None),
        "trigger": m.trigger,
        "actors": list(m.actors),
        "place": place.name if place else None,
        "timezone": tz_name,
        "date": dating.date,
        "date_source": dating.date_source,
        "start": _timestamp(dating.start),
        "end": _timestamp(dating.end),
        "time_precision": dating.time_precision,
        "duration_min": float(duration) if duration is not None else None,
        "duration_hedge": m.duration.hedge if m.duration else None,
        "planned_duration_min": _planned_minutes(m),
        "order_cue": m.order_cue,
        "quotes": quotes,
        "sentence": m.sentence.text,
        "char_start": m.sentence.start,
        "char_end": m.sentence.end,
        "evidence": evidence,
        "confidence": round(max(0.05, min(1.0, confidence)), 2),
        "notes": [*report.notes, *m.notes],
        "corrected": [],
        "correction_note": None,
        # for alignment only
        "_candidates": dating.candidates,
        "_align_dates": _align_dates(dating, m.kind),
        "_settled": (),  # the day its story gives an event that names none (for bridging)
        # it names a day of its own, which its story counts when the report gives none
        "_day_told": any(
            t.date or t.weekday is not None or t.day_offset is not None for t in m.times
        ),
        "_place_within": place.within if place else (),
        "_place": place,
        "_told_place": place,  # where its report places it, before the steps across reports
        "_talk_format": m.talk_format,
        # its trigger names a format that is an event of its own ("had dinner")
        "_format_apart": m.format_told and m.talk_format in m.kind.formats_apart,
        # its format is an item of the day's programme of its own (a meal)
        "_format_item": bool(m.talk_format)
        and any(m.talk_format.startswith(f) for f in m.kind.programme_formats),
        "_position": m.sentence.start,
        "_paragraph": min(e.paragraph for e in m.evidence),
        "_distinct_places": m.kind.distinct_places,
        "_meeting": m.kind.meeting or m.kind.pairs,  # people who meet, in person or by phone
        "_per_person": m.kind.per_person,
        "_spoken": m.kind.spoken,
        "_multilateral": m.multilateral,
        "_told_separate": m.told_separate,
        "_at_airport": m.at_airport,
        "_several_others": m.several_others,
        "_meets_group": m.meets_group,
        "_programme": m.item is not None,
        # a traveller's people that its next predicate names (extract._in_next_predicate):
        # none of its actors, but alignment reads them as before
        "_aside": [a for a in m.aside if a not in m.actors] if m.kind.per_person else [],
        # leaders' spouses beside its people: added to its actors once aligned
        "_companions": [a for a in m.companions if a not in m.actors]
        if _takes_companions(m)
        else [],
        # for stories only
        "_periods": m.periods,
        "_earlier": m.earlier,
        "_own_place": m.place,
        "_proposed_place": m.kind.place == "proposed",
        "_mention": m,
        "_report": report,
        "_year_hint": year_hint,
        "_offer_told": told,
    }


def _align_dates(dating: Dating, kind: EventType) -> tuple[dt.date, ...]:
    """The days an event may have taken place, for alignment: its candidates, and for one its
    report dates only by the publication, the day before too (what a report published in the
    morning tells without a day of its own may have happened the evening before; a report
    that states the day settles it). A clock time before the publication keeps it on the
    publication's day ("um 12.35 Uhr gelandet" in a report of 20:34), and a leader's own
    event (``per_person``: an arrival) may have a twin the day before (in the city the evening
    before, at the venue in the morning)."""
    if dating.date_source == "publication" and dating.start is None and not kind.per_person:
        return (dating.candidates[0] - dt.timedelta(days=1), *dating.candidates)
    return dating.candidates


def _planned_minutes(m: Mention) -> float | None:
    """A planned duration; of a planned range ("four to five hours") its upper bound."""
    if m.planned is None:
        return None
    value = m.planned.minutes_max if m.planned.minutes_max is not None else m.planned.minutes
    return float(value) if value is not None else None


def _set_place_and_date(
    row: dict[str, Any], place: Place | None, tz_name: str | None, *, own: bool = False
) -> None:
    """Place the row and date it again in the zone of its place (``own``: as a mention of its
    report's own story, which the publication may date)."""
    m: Mention = row["_mention"]
    dating = _date(
        m, row["_report"], tz_name, own=own, year_hint=row["_year_hint"], told=row["_offer_told"]
    )
    row.update(
        place=place.name if place else None,
        timezone=tz_name,
        label=_label(m.kind.label, m.status, m.actors, place.name if place else None),
        date=dating.date,
        date_source=dating.date_source,
        start=_timestamp(dating.start),
        end=_timestamp(dating.end),
        time_precision=dating.time_precision,
        _candidates=dating.candidates,
        _align_dates=_align_dates(dating, m.kind),
        _place_within=place.within if place else (),
        _place=place,
    )


def _place_background(rows: list[dict[str, Any]], stories: dict[str, Story]) -> None:
    """A background mention happens at its own place, else at its story's venue, and is dated
    there, never by the report's publication. Talks it places only in the country of its
    story's venue, with no period of their own ("talks in Belarus" of a story in Minsk, told in
    a report of another story those days), are at the venue, as those of the story's own
    reports are (``_place_from_stories``); a meeting recalled by its period ("last year in
    China") keeps the country its report names."""
    for row in rows:
        story: Story = row["_story"]
        if row["report_id"] in story.reports:
            continue
        m: Mention = row["_mention"]
        place = m.place if m.place is not None or not m.kind.at_venue else story.venue
        note = None
        if place is not None and not m.periods and _in_venue_country(m, place, story.venue):
            note = f"place: its story's venue in {place.name}, named by other reports"
            place = story.venue
        where = story.venue if m.kind.place == "proposed" else place
        tz_name = where.timezone if where else None
        _set_place_and_date(row, place, tz_name)
        if note:
            row["notes"] = [*row["notes"], note]


def _in_venue_country(m: Mention, place: Place, venue: Place | None) -> bool:
    """Whether ``m``, at the venue and no person's own event, is placed only in the country
    ``venue`` lies in (a country lies in nothing; a state names a place of its own)."""
    return (
        venue is not None
        and m.kind.at_venue
        and not m.kind.per_person
        and place.name in venue.within
        and not place.within
    )


def _place_from_stories(rows: list[dict[str, Any]]) -> None:
    """An event at the venue of its report's own story that its report places nowhere (the
    report names no venue) takes the story's venue, which other reports of the story name, and
    is dated in its zone: what took place, was called off or is still to come there ("will
    hold talks on Thursday"); one it places only in the venue's country, where it names the
    venue's town anywhere (``_names_venue``). One still to come that names a place elsewhere
    ("a summit in Budapest") is another story's (``stories.is_background``) and keeps its
    own."""
    for row in rows:
        story: Story = row["_story"]
        m: Mention = row["_mention"]
        if story.venue is None or not m.kind.at_venue or row["report_id"] not in story.reports:
            continue
        if row["place"] is None:
            note = "place: its story's venue, named by other reports"
        elif story.at_host.get(row["report_id"]) == row["place"] and not m.place_in_clause:
            # placed by its report only in the country one of its people leads, of a story held
            # in another's (``stories._held_at_host``): where the others say
            note = "place: its story's venue, not its report's country of one of its people"
        elif (
            row["place"] in story.venue.within
            and not row["_place_within"]
            and not m.kind.per_person
            and _names_venue(row, story.venue)
        ):
            # talks placed only in the venue's country (which lies in nothing), "in China":
            # where in China, other reports of the story say, if this one names that town too;
            # a person's arrival "in China" is one into the country, and a state ("in Alaska")
            # names a place of its own
            note = f"place: its story's venue in {row['place']}, named by other reports"
        else:
            continue
        _set_place_and_date(row, story.venue, story.venue.timezone, own=True)
        row["notes"] = [*row["notes"], note]


def _arrivals_at_venue(rows: list[dict[str, Any]]) -> None:
    """A person's arrival (a ``per_person`` type at the venue) of its report's own story that
    its report places only in the country of the story's venue, by a clause other than its own
    ("Biden, who is on his first trip to Switzerland, arrived on Tuesday"), was at the venue,
    which other reports of the story name, where it names that town too (``_names_venue``).
    One its own clause places there ("arrived in China", "reiste nach China") is one into the
    country and keeps it. Done after alignment, which compares the places the reports tell: a
    country holds any place in it."""
    for row in rows:
        story: Story = row["_story"]
        m: Mention = row["_mention"]
        if (
            story.venue is not None
            and m.kind.at_venue
            and m.kind.per_person
            and not m.place_in_clause
            and row["report_id"] in story.reports
            and row["place"] in story.venue.within
            and not row["_place_within"]
            and _names_venue(row, story.venue)
        ):
            note = f"place: its story's venue in {row['place']}, named by other reports"
            _set_place_and_date(row, story.venue, story.venue.timezone, own=True)
            row["notes"] = [*row["notes"], note]


class _NamedPlaces:
    """The places a report names anywhere (``places.names_in``), found the first time they are
    asked for: few reports place an event only in its venue's country, so most never scan."""

    __slots__ = ("_chosen", "_knowledge", "_names", "_text")

    def __init__(self, text: str, knowledge: Knowledge) -> None:
        self._text, self._knowledge = text, knowledge
        self._names: frozenset[str] | None = None
        self._chosen = namesakes_now()  # the towns its names several bear name (its reading)

    def _found(self) -> frozenset[str]:
        if self._names is None:
            with namesakes_as(self._chosen):
                self._names = names_in(self._text, self._knowledge)
        return self._names

    def __contains__(self, name: object) -> bool:
        return name in self._found()

    def __reduce__(self) -> tuple[type, tuple[tuple[str, ...]]]:
        # sent to another process (a Dask worker) as the names themselves: the knowledge it
        # would read them with holds a lock, which does not pickle
        return frozenset, (tuple(self._found()),)


def _names_venue(row: dict[str, Any], venue: Place) -> bool:
    """Whether the row's report names its story's venue anywhere (``places.names_in``): an
    event at the venue takes the venue's town only where its report names that town; one
    placed only in the venue's country by a report that never names the town ("the talks in
    Saudi Arabia", where other reports name Riyadh) keeps the country (tests/data/README.md)."""
    return venue.name in row.get("_named", ())


def _arrivals_at_town(rows: list[dict[str, Any]]) -> None:
    """A person's arrival its report places only in a country ("ist in der Schweiz
    eingetroffen", "arrived in Switzerland") was at the one town of that country where the same
    report tells that person's plane coming down, that day and with that status ("Nach der
    Landung in Zürich begrüßte ihn der Präsident", "greeted him at Zurich airport"; lexicon key
    ``landing_words``): the report names where in the country the journey ended. A welcome
    in a town told without a landing ("welcomed him at the town hall") is another event; two
    such towns, or none, leave the country."""
    towns: dict[tuple[Any, ...], set[Place]] = {}
    for row in rows:
        place: Place | None = row.get("_place")
        if row["_landing"] and place is not None and place.within:
            for person in row["actors"]:
                key = (row["report_id"], row["status"], row["date"], place.country, person)
                towns.setdefault(key, set()).add(place)
    for row in rows:
        place = row.get("_place")
        if not (_journey_end(row) and place is not None and place.kind == "country"):
            continue
        found = [
            towns.get((row["report_id"], row["status"], row["date"], place.name, person), set())
            for person in row["actors"]
        ]
        if not found or any(len(f) != 1 or f != found[0] for f in found):
            continue
        (town,) = found[0]
        _to_town(row, town, f"place: the town in {place.name} its report lands in")


def _at_town_named(rows: list[dict[str, Any]]) -> None:
    """An event at the venue that its report places only in a country or a state ("the meeting
    in Texas", "talks in China") took place in the one town of that country or state where the
    same report places another event of the same story at the venue ("the arrival in Austin"):
    the report names the venue's town (tests/data/README.md: an event at the venue takes the
    venue's city when the report names that city anywhere). A person's journey into the country
    ("arrived in China", "reiste nach Südkorea") keeps it; a greeting between people there
    ("shook hands with the host in Brazil") is held at the venue. Done after alignment, which
    compares the places the reports tell: a country or a state holds any place in it."""
    towns: dict[tuple[str, str], set[Place]] = {}
    for row in rows:
        told: Place | None = row["_told_place"]  # not a venue other reports name
        if row["_mention"].kind.at_venue and told is not None and told.kind in ("city", "venue"):
            towns.setdefault((row["report_id"], row["story_id"]), set()).add(told)
            towns.setdefault((row["report_id"], ""), set()).add(told)
    for row in rows:
        place: Place | None = row.get("_place")
        m: Mention = row["_mention"]
        if (
            place is None
            or place.kind not in ("country", "state")
            or not m.kind.at_venue
            or m.kind.place_from_start
            or (m.kind.per_person and not row["_greeting"])
        ):
            continue
        inside = {
            t.name: t
            for t in towns.get((row["report_id"], row["story_id"]), ())
            if place.name in t.within
        }
        # the one town there the report names for any meeting ("met her in Osaka", "the
        # summit in Kobe": which one is not told)
        anywhere = {t.name for t in towns.get((row["report_id"], ""), ()) if place.name in t.within}
        if len(inside) != 1 or set(inside) != anywhere:
            continue
        (town,) = inside.values()
        _to_town(row, town, f"place: the town in {place.name} its report names")


def _to_town(row: dict[str, Any], town: Place, note: str) -> None:
    """Place a row in the town its report names inside the country or state it gave, dated
    there, with ``note`` saying why."""
    own = row["report_id"] in row["_story"].reports
    _set_place_and_date(row, town, town.timezone, own=own)
    row["notes"] = [*row["notes"], note]


def _journey_end(row: dict[str, Any]) -> bool:
    """Whether the row is a person's arrival: each leader's own event at the venue that is
    not where a journey starts (``per_person``, ``at_venue``, no ``place_from_start``)."""
    kind = row["_mention"].kind
    return kind.per_person and kind.at_venue and not kind.place_from_start


class _Progress:
    """A progress bar over the characters of the corpus, moved within a long report too."""

    def __init__(self, corpus: Corpus, shown: bool) -> None:
        self.bar = None
        if shown:
            from tqdm.auto import tqdm

            total = sum(len(r.text) for r in corpus)
            self.bar = tqdm(total=total, desc="extracting", unit="char", unit_scale=True)
        self.done = 0

    def within(self, report: Report) -> Callable[[int], None] | None:
        """A callback for the characters of ``report`` read so far, or None without a bar."""
        if self.bar is None:
            return None
        start = self.done

        def seen(position: int) -> None:
            self.bar.update(max(0, start + position - self.done))
            self.done = max(self.done, start + position)

        return seen

    def finish(self, report: Report, start: int) -> None:
        if self.bar is not None:
            self.bar.update(max(0, start + len(report.text) - self.done))
            self.done = start + len(report.text)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def extract_events(
    corpus: Corpus | Iterable[Report],
    *,
    progress: bool = False,
    knowledge: Knowledge | None = None,
    corrections: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | bool | None = None,
    scheduler: Any = None,
) -> pd.DataFrame:
    """The event table of ``corpus``: one row per event mention (columns: ``schema.COLUMNS``).

    Mentions of the same real-world event share an ``event_id``. A report whose extraction fails
    is skipped with a warning naming it; the others are still extracted.

    :param knowledge: the ontology and words to read with (``load_knowledge(...)``, e.g. with a
        folder of your own additions); the packaged ones if None.
    :param corrections: corrections files to apply after extraction (``table/corrections.py``);
        None: the ``corrections.yaml`` found beside the reports (``corpus.corrections``); False:
        none. What was applied and what was stale is in ``table.attrs["corrections"]``; each
        stale or invalid entry is also a ``CorrectionWarning`` naming the file and entry.
    :param scheduler: run on a Dask cluster (``parallel.py``): a ``distributed.Client``, a
        scheduler address (``"tcp://10.0.0.5:8786"``), a ``LocalCluster``, or a number of worker
        processes to start on this machine. The table is the same as without (every id and
        column); None: in this process.

    >>> table = extract_events(load_reports("data/reports/alaska-2025"))  # doctest: +SKIP
    >>> table = extract_events(corpus, scheduler=2)  # two local worker processes  # doctest: +SKIP
    """
    knowledge = resolve(knowledge)
    if not isinstance(corpus, Corpus):
        corpus = Corpus(tuple(corpus))
    if scheduler is not None:
        table = _parallel_table(corpus, scheduler, knowledge, progress)
        return _corrected(table, corpus, corrections, knowledge)
    rows: list[dict[str, Any]] = []
    frames: dict[str, ReportFrame] = {}
    bar = _Progress(corpus, progress)
    for report in corpus:
        start = bar.done
        try:
            frame, found = _report_rows(report, knowledge, bar.within(report))
        except Exception as exc:  # one bad report never stops the others
            warnings.warn(
                f"{report.source or report.report_id}: event extraction failed "
                f"({type(exc).__name__}: {exc}); its events are left out",
                stacklevel=2,
            )
            continue
        finally:
            bar.finish(report, start)
        frames[report.report_id] = frame
        rows.extend(found)
    bar.close()
    if not rows:
        return _corrected(empty_table(), corpus, corrections, knowledge)
    across_reports(rows, frames)
    return _corrected(_rows_table(rows), corpus, corrections, knowledge)


def across_reports(rows: list[dict[str, Any]], frames: dict[str, ReportFrame]) -> None:
    """The steps that need every report's rows (one place for the run in one process and the
    one on a cluster): stories, places from stories, event ids, dates settled."""
    stories = assign_stories(rows, frames)
    _place_background(rows, stories)
    _place_from_stories(rows)
    _people_named(rows)
    _align(rows)
    _arrivals_at_venue(rows)
    _at_town_named(rows)
    _arrivals_at_town(rows)
    _settle_dates(rows)
    _bridge_settled(rows)
    for r in rows:
        _clock_on_settled_day(r, told=True)
        # the spouses who take part, no party to which event it is (extract._part_companions)
        r["actors"] = [*r["actors"], *r.get("_companions", ())]
        _shown_actors(r)


def _shown_actors(row: dict[str, Any]) -> None:
    """The row's actors as the table shows them, without two kinds of people its sentences
    name who take no part in it; merging, stories and alignment read both as named, as they
    read what else its sentences name.

    - Those who had died before its day (its report's day where it has none; people.yaml
      ``died``): its report talks about them ("met Trudeau ahead of the Queen's funeral",
      "laid a wreath at Karimov's mausoleum"), they take part in nothing it tells of a later day.
    - The principals of a meeting whose sides are officials of countries, named by no one
      ("Verhandlungen zwischen Vertretern der Ukraine und Russlands", "representatives of
      Germany and France negotiated": ``Mention.implied``): the officials take part, not the
      leaders (a talks format, "delegations met", stays the leaders'); stories and alignment
      read the principals as its side, as for any meeting of the principals' countries."""
    m = row["_mention"]
    gone = set(m.implied)
    if row.get("_died"):
        report = row["_report"]
        day = row["date"] or (report.published.date() if report.published else None)
        if day is not None:
            gone |= {a for a, died in row["_died"].items() if died < day}
    if gone:
        row["actors"] = [a for a in row["actors"] if a not in gone]
        people = [a for a in m.actors if a not in gone]
        row["label"] = _label(m.kind.label, m.status, people, row["place"])


def _corrected(
    table: pd.DataFrame, corpus: Corpus, corrections: Any, knowledge: Knowledge
) -> pd.DataFrame:
    """The table with the corrections files applied, and what they did in ``attrs``."""
    from .corrections import apply_corrections, load_corrections, warn_problems

    if corrections is None:
        paths: list[Any] = list(corpus.corrections)
    elif corrections is False or corrections is True:
        paths = list(corpus.corrections) if corrections else []
    elif isinstance(corrections, str | os.PathLike):
        paths = [corrections]
    else:
        paths = list(corrections)
    if not paths:
        return table
    entries, problems = load_corrections(paths)
    table, result = apply_corrections(table, entries, corpus=corpus, knowledge=knowledge)
    warn_problems([*problems, *result.stale])
    table.attrs["corrections"] = {
        "applied": len(result.applied),
        "stale": [*problems, *result.stale],
    }
    return table


def _people_named(rows: list[dict[str, Any]]) -> None:
    """Give each row the people its report's events name (``Candidate.report_people``)."""
    named: dict[str, set[str]] = {}
    for r in rows:
        named.setdefault(r["report_id"], set()).update(r["_people"])
    shared = {report: frozenset(people) for report, people in named.items()}  # one per report
    for r in rows:
        r["_report_people"] = shared[r["report_id"]]


def _align(rows: list[dict[str, Any]]) -> None:
    """One ``event_id`` per event, never across stories."""
    by_story: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_story.setdefault(r["story_id"], []).append(r)
    for members in by_story.values():
        _align_story(members)


def _align_story(rows: list[dict[str, Any]]) -> None:
    candidates = [
        Candidate(
            mention_id=r["mention_id"],
            report_id=r["report_id"],
            event_type=r["event_type"],
            status=r["status"],
            actors=(*r["actors"], *r.get("_aside", ())),
            place=r["place"],
            place_within=tuple(r["_place_within"]),
            timezone=r["timezone"],
            dates=r["_align_dates"],
            talk_format=r["_talk_format"],
            format_apart=r["_format_apart"],
            format_item=r["_format_item"],
            sequenced=r["order_cue"] is not None,
            position=r["_position"],
            distinct_places=r["_distinct_places"],
            meeting=r["_meeting"],
            in_person=r["_mention"].kind.meeting,
            people=(*r["_people"], *r.get("_aside", ())),
            meets_group=r.get("_meets_group", False),
            per_person=r["_per_person"],
            spoken=r["_spoken"],
            multilateral=r.get("_multilateral", False),
            told_separate=r.get("_told_separate", False),
            at_airport=r.get("_at_airport", False),
            several_others=r.get("_several_others", False),
            programme=r.get("_programme", False),
            report_people=r.get("_report_people", frozenset()),
            names=r.get("_names", frozenset()),
            published=_written_on(r),
            settled=r["_settled"],
            day_told=r["_day_told"],
        )
        for r in rows
    ]
    event_ids = align(candidates)
    for r in rows:
        r["event_id"] = event_ids[r["mention_id"]]


def _bridge_settled(rows: list[dict[str, Any]]) -> None:
    """An announcement that named no day and is given one by its story (the day's programme:
    "am Nachmittag", "im Laufe des Tages") may be the event held that day. The stories that
    have one are aligned again, the day used only to join a held event (``Candidate.settled``)
    and to keep apart two announcements set on different days, so the events as clustered
    otherwise stay as they were. A held event that named no day is given its
    story's day for the same purpose: an announcement set on that day may be it; the stories
    where one held event told undated had its mentions set on different days are aligned again
    too, as one event per day (``align._by_settled_day``), and those where a person's arrival
    or departure that names a weekday its story counted joined mentions that date it on other
    days (``align._settled_elsewhere``)."""
    stories = set()
    held_days: dict[str, set[dt.date]] = {}
    for r in rows:
        if not r["_align_dates"] and r["date"] is not None:
            r["_settled"] = (r["date"],)
            if r["status"] in FUTURE:
                stories.add(r["story_id"])
            else:
                held_days.setdefault(r["event_id"], set()).add(r["date"])
    # held events told undated whose rows were set on different days are told apart
    stories.update(r["story_id"] for r in rows if len(held_days.get(r["event_id"], ())) > 1)
    # and so are those where a person's arrival set on the weekday it names joined rows dating
    # it on other days
    dated: dict[str, set[dt.date]] = {}
    for r in rows:
        if r["_align_dates"] and r["status"] not in FUTURE:
            days = set(r["_align_dates"])
            dated[r["event_id"]] = dated[r["event_id"]] & days if r["event_id"] in dated else days
    stories.update(
        r["story_id"]
        for r in rows
        if r["_settled"]
        and r["_day_told"]
        and r["_per_person"]
        and r["status"] not in FUTURE
        and dated.get(r["event_id"])
        and r["_settled"][0] not in dated[r["event_id"]]
    )
    if stories:
        _align([r for r in rows if r["story_id"] in stories])


def _after_its_report(r: dict[str, Any], day: dt.date) -> bool:
    """Whether ``day`` lies after the last local date on which the row's report can have told
    that its event took place: an event a report tells as held happened before it was
    published. The last date is the publication's, converted to the place, where the report
    gives the minute; the day it prints, where it gives the day only (outlets publish in their
    own daytime: a page of the 18th tells nothing of the 19th at a venue an hour ahead).
    Only for a row its text gives no day of its own (dated by the publication, or not at all):
    of two days a relative day may fall on, the story still chooses."""
    if r["status"] != "occurred" or r["date_source"] not in ("publication", "none"):
        return False
    report: Report = r["_report"]
    if report.published is None or not report.gives_day:
        return False
    last = report.published.date()
    if report.published_precision == "minute":
        tz = zone(r["timezone"])
        last = report.published.astimezone(tz).date() if tz else last
    return day > last


def _written_on(row: dict[str, Any]) -> dt.date | None:
    """The day the row's report was published, where the report gives it."""
    return row["_report"].written_on


def _settle_dates(rows: list[dict[str, Any]]) -> None:
    """Dates a report leaves open: from the aligned event, else from the story.

    Of two dates a relative day may fall on, the story's is taken, unless the report prints only
    its day: then the writer's count from it (``_counted_from_printed_day``), which also settles
    the two where neither is the story's day ("later today" in a paper printed on the 12th is
    the 12th, not the 13th east of UTC).
    A departure named as the moment before which its sentence's events happened ("said before
    his departure": ``left_after``) takes no day from the story, only a weekday its sentence
    names. Nor does a held row its text gives no day of its own take a story's day after the
    last date its report can have been published on at the place (``_after_its_report``): a
    paper that prints the 18th tells what was done by then, not on the story's 19th.

    A date printed without a year takes the story's year first (``_dates_in_story_year``).
    A story's day here is the day its own reports say its events took place (``_event_days``),
    else its reports' day. What a report published the day after that day dates only by its
    publication took place on it, unless the story tells of that day too
    (``_written_the_day_after``). A mention whose report has no day to count from but that
    names a weekday takes that weekday nearest the story's day ("on Wednesday night", the day
    before a Thursday summit), and one that names a day counted from the day told of ("am
    Vorabend", ``_counted_from_story_day``) that day counted from the story's day; an undated
    one that took place takes the story's day, and so
    does one of the day's programme (``_of_the_day``); not one its report recalls of another
    story by a month, a year or a span alone ("im März", "last month"), nor one that took place
    at a meeting of another story than its report's that names no day at all ("Putin also met
    Modi and Kim"): its text gives no day.
    An undated one that took place (of a type that lasts a day at most: not a visit) whose
    report states one day for the held events of its type and people takes that day instead
    ("Harris greeted Scholz at the airport" in a report that says he arrived on the 6th, the
    talks on the 7th: ``_told_key``), unless it names a day of its own the text left unread.
    A story no report dates takes the day of the story of the same guest's trip there that month
    (``Story.trip``), shown as the guess it is (``date_source`` "trip"). One whose story has
    no day at all but that names a weekday takes it in the week its report tells
    (``_weekdays_of_told_weeks``).
    A row still to come that names a time of day but no day ("this afternoon") and tells a
    meeting of another story than its report's takes its report's story's day, not that
    story's (``_later_today``).
    """
    _settle_ambiguous_dates(rows)
    _dates_in_story_year(rows)
    event_days = _event_days(rows)
    held_days = _held_days(rows, event_days)
    told: dict[tuple[int, str, str], list[tuple[dt.date, set[str]]]] = {}
    for r in rows:
        if _states_held(r):
            told.setdefault(_told_key(r), []).append((r["date"], set(r["actors"])))
    plain: list[dict[str, Any]] = []
    own = {r["report_id"]: r["_story"] for r in rows if r["report_id"] in r["_story"].reports}
    dayless: list[dict[str, Any]] = []
    for r in rows:
        story: Story = r["_story"]
        if r["report_id"] not in story.reports and _later_today(r):
            # "this afternoon" is its report's day, whichever meeting it tells
            story = own.get(r["report_id"], story)
        day, source = event_days.get(id(story), story.day), "story"
        if day is None and story.trip is not None:
            # a guess the table shows as one: the day of the same guest's trip there
            day, source = event_days.get(id(story.trip), story.trip.day), "trip"
        if day is None:
            dayless.append(r)
            continue
        if _after_its_report(r, day):
            # held, yet told in a report printed before that day: not the story's day
            continue
        if len(r["_candidates"]) > 1 and day in r["_candidates"]:
            day = _counted_from_printed_day(r) or day
            _set_day(r, day, source)
            continue
        counted = _counted_from_printed_day(r) if len(r["_candidates"]) > 1 else None
        if counted is not None:
            # neither of the two dates is the story's day ("will speak later today" of a day
            # after the meeting): the day its writer counted from the day the report prints
            _set_day(r, counted, r["date_source"])
            continue
        if _written_the_day_after(r, day, held_days.get(id(story), set())):
            _set_day(r, day, source)
            continue
        if r["date"] is not None or r["_mention"].made_before:
            continue
        if _period_conflict(r["_periods"], day):
            continue
        if r["_periods"] and r["report_id"] not in story.reports:
            # recalled by a month, a year or a span only ("das letzte Telefonat war im März",
            # "after a phone call last month"): the text gives no day of it, so it takes none
            # of the story it recalls, whose day other reports give
            continue
        weekday = _weekday_near(r["_mention"].times, day)
        counted = _counted_from_story_day(r["_mention"].times, day)
        if weekday is None and counted is None and r["_mention"].left_after:
            # a departure named as the moment before which its sentence's events happened
            # ("said before his departure"): the story's day is not its day
            continue
        if weekday is not None:
            _set_day(r, weekday, source)
            if r["status"] == "occurred":
                told.setdefault(_told_key(r), []).append((weekday, set(r["actors"])))
        elif counted is not None and r["status"] == "occurred":
            _set_day(r, counted, source)
        elif r["status"] == "occurred":
            if r["report_id"] not in story.reports:
                # a meeting of another story that its report tells as held but names no day
                # of ("He also met Xi and Modi"): the report says nothing of when that was
                continue
            _set_day(r, day, source)
            plain.append(r)
            continue
        elif _of_the_day(r, story, day):
            _set_day(r, day, source)
        else:
            continue
        _clock_on_settled_day(r)
    _printed_days(rows)
    _weekdays_of_told_weeks(rows, dayless)
    for r in plain:
        people = set(r["actors"])
        days = {d for d, who in told.get(_told_key(r), []) if who & people}
        if len(days) == 1 and not _names_a_day(r["_mention"].times) and _within_a_day(r):
            _set_day(r, next(iter(days)), r["date_source"])
        _clock_on_settled_day(r)


def _weekdays_of_told_weeks(rows: list[dict[str, Any]], dayless: list[dict[str, Any]]) -> None:
    """Rows whose story has no day (``dayless``) and that name a weekday ("am Donnerstag" in
    a report that prints no date) take that weekday nearest the day their report gives its
    events most often (``_weekday_near``), else, where their story has a month, the day its
    rows are given most often: a report tells of one week, and a bare weekday names a day of
    it. Only days in the row's story's year and month count, where it has them (a day outside
    is a recalled meeting's or a misread date); not a row recalled by a month, a year or a span
    the day contradicts, nor a departure named as the moment before its sentence's events."""
    by_report: dict[str, Counter[dt.date]] = {}
    by_story: dict[int, Counter[dt.date]] = {}
    for r in rows:
        if r["date"] is None or len(r["_candidates"]) != 1 or r["date_source"] == "none":
            continue
        by_report.setdefault(r["report_id"], Counter())[r["date"]] += 1
        by_story.setdefault(id(r["_story"]), Counter())[r["date"]] += 1
    for r in dayless:
        m: Mention = r["_mention"]
        story: Story = r["_story"]
        if r["date"] is not None or m.made_before or m.left_after:
            continue
        if not _weekdays_named(m.times):
            continue
        days = Counter(
            {d: n for d, n in by_report.get(r["report_id"], {}).items() if _in_month(d, story)}
        )
        if not days and story.year is not None and story.month is not None:
            days = Counter(
                {d: n for d, n in by_story.get(id(story), {}).items() if _in_month(d, story)}
            )
        if not days:
            continue
        anchor = max(days, key=lambda d: (days[d], d))
        if _period_conflict(r["_periods"], anchor):
            continue
        weekday = _weekday_near(m.times, anchor)
        if weekday is not None:
            _set_day(r, weekday, "context")
            _clock_on_settled_day(r)


def _in_month(day: dt.date, story: Story) -> bool:
    """Whether ``day`` lies in its story's year and month, where the story has them."""
    return (story.year is None or day.year == story.year) and (
        story.month is None or day.month == story.month
    )


def _printed_days(rows: list[dict[str, Any]]) -> None:
    """A row its report dates only by a publication that prints its day alone, where that day
    falls on two local dates at the place and neither the aligned event nor the story settled
    between them, takes the day the report prints: a page of the 22nd, read in UTC, may have
    gone out on the evening of the 21st in Washington, but most of its day there is the 22nd.
    Not one with a clock time, which its own day holds (``dating.on_day``)."""
    for r in rows:
        printed = _written_on(r)
        if (
            r["date_source"] == "publication"
            and r["start"] is None
            and len(r["_candidates"]) > 1
            and printed in r["_candidates"]
        ):
            _set_day(r, printed, "publication")


def _within_a_day(r: dict[str, Any]) -> bool:
    """Whether the row's type lasts a day at most (an instant, a talk; not a visit, which may
    span days: ontology ``max_duration_min``)."""
    limit = r["_mention"].kind.max_duration_min
    return limit is None or limit <= _DAY_MINUTES


def _names_a_day(times: Iterable[Any]) -> bool:
    """Whether any of ``times`` names a day of its own (a date, a weekday, "yesterday")."""
    return any(
        t.date is not None or t.weekday is not None or t.day_offset is not None for t in times
    )


def _told_key(r: dict[str, Any]) -> tuple[int, str, str]:
    """A held row's report, story and type: a report that states one day for the held events
    of one type tells of that day in its undated rows of that type too."""
    return (id(r["_story"]), r["report_id"], r["event_type"])


def _set_day(r: dict[str, Any], day: dt.date, source: str) -> None:
    """Settle a row on ``day``, found as ``source`` says (its one candidate from now on)."""
    r["date"], r["date_source"], r["_candidates"] = day, source, (day,)


def _counted_from_printed_day(r: dict[str, Any]) -> dt.date | None:
    """The day a relative day ("yesterday", "today", "the day before") falls on in a report
    that prints only its publication day, counted from that printed day as its writer counted,
    where the place's zone leaves it one of two dates: "Mr Sunak met him on the tarmac
    yesterday" in a paper of 12 April is the 11th, not the story's 12th. None otherwise: where
    the clock of writing is known, the story's day still settles between the place's count and
    the writer's."""
    report: Report = r["_report"]
    if r["date_source"] != "relative" or report.published_precision != "day":
        return None
    written = report.written_on
    offset = next((t.day_offset for t in r["_mention"].times if t.day_offset is not None), None)
    if written is None or offset is None:
        return None
    counted = written + dt.timedelta(days=offset)
    return counted if counted in r["_candidates"] else None


def _states_held(r: dict[str, Any]) -> bool:
    """Whether the row is of an event that took place on a day its text states."""
    return r["status"] == "occurred" and r["date_source"] in ("stated", "relative")


def _held_days(
    rows: list[dict[str, Any]], event_days: dict[int, dt.date]
) -> dict[int, set[dt.date]]:
    """Per story (by ``id``): the days its reports state for events that took place, the
    day a held event takes from another report that states it (``aligned``: "the talks took
    place" in one report, "the summit on Friday" in another), and the day a held event of a
    report that prints no day of its own names by its weekday, read nearest the story's day
    (``event_days``: "they met again on Thursday" in a paper that prints no date)."""
    days: dict[int, set[dt.date]] = {}
    for r in rows:
        story: Story = r["_story"]
        aligned = r["status"] == "occurred" and r["date_source"] == "aligned"
        if _states_held(r) or aligned:
            days.setdefault(id(story), set()).add(r["date"])
            continue
        day = event_days.get(id(story), story.day)
        if (
            day is None
            or r["date"] is not None
            or r["status"] != "occurred"
            or r["report_id"] not in story.reports
            or r["_mention"].made_before
        ):
            continue
        weekday = _weekday_near(r["_mention"].times, day)
        if weekday is not None:
            days.setdefault(id(story), set()).add(weekday)
    return days


def _written_the_day_after(r: dict[str, Any], day: dt.date, held: set[dt.date]) -> bool:
    """Whether a row of its report's own story that took place and is dated only by its
    publication was written the day after the story's ``day``, a day on which none of the
    story's reports states anything took place (``held``, ``_held_days``: stated, taken by a
    held event from the report that states it, or named by its weekday in a report that prints
    no day): "Putin gave a press conference" in a
    report of the next morning was told of that day, not of the day of writing; a story held
    over two days keeps it."""
    return (
        r["date_source"] == "publication"
        and r["status"] == "occurred"
        and r["report_id"] in r["_story"].reports
        and r["date"] - day == dt.timedelta(days=1)
        and r["date"] not in held
    )


def _dates_in_story_year(rows: list[dict[str, Any]]) -> None:
    """A date printed without a year ("Saturday June 8") in a report that gives no year to
    read it by is of its story's year, if the weekday printed with it agrees. It counts as
    stated (the text gives day and month) for the day its story settles on."""
    for r in rows:
        story: Story = r["_story"]
        if r["date"] is not None or story.year is None:
            continue
        for t in r["_mention"].times:
            if t.kind not in ("date", "datetime") or t.date is None or t.year_given:
                continue
            day = with_year(t.date, story.year)
            if day is not None and (t.weekday is None or t.weekday == day.weekday()):
                _set_day(r, day, "stated")
                _clock_on_settled_day(r)
            break


def _later_today(r: dict[str, Any]) -> bool:
    """Whether a row still to come names no day of its own but a time of its report's day ("am
    Nachmittag", "at 4:30 pm", "today")."""
    if r["status"] not in ("announced", "cancelled") or r["date"] is not None:
        return False
    return _of_today(r["_mention"])


def _of_today(m: Mention) -> bool:
    """Whether a mention names a time of day but no day ("at 4:30 pm", "this evening", "today")."""
    return any(
        t.time is not None or t.part_of_day is not None or t.day_offset == 0 for t in m.times
    )


def _of_the_day(r: dict[str, Any], story: Story, day: dt.date) -> bool:
    """Whether a row still to come (or called off) that names no day of its own is part of its
    story's ``day`` by the time of day it is set for: the programme of the meeting its report
    is about ("a joint press conference at 6 p.m.", "noch am Abend"), and an invitation made
    then; or, in a report written that day (or giving no day), by its own clause setting it
    after or before another event ("danach soll es eine Pressekonferenz geben":
    ``Mention.ordered``)."""
    if r["report_id"] not in story.reports:
        return False
    m: Mention = r["_mention"]
    if r["status"] not in ("announced", "cancelled") and m.kind.place != "proposed":
        return False
    # "at 4:30 pm", "this evening", "today"
    if _of_today(m):
        return True
    return m.ordered and _written_on(r) in (None, day)


def _clock_on_settled_day(r: dict[str, Any], *, told: bool = False) -> None:
    """The start and end a row's clock time gives on the day its story settled ("at 00:51 local
    time" in a report that names no day); ``told``: the clock another sentence gives the same
    event still to come (``Mention.clocks_told``), on the day the row has once every date is
    settled (it gives no day of its own, and none to align by)."""
    m: Mention = r["_mention"]
    times = m.clocks_told if told else m.times
    # a live blog's entry stamp, as on the day the mention was dated by (``_date``)
    stamps = [] if told or m.made_before else m.stamps
    if r["start"] is not None or r["date"] is None:
        return
    if not any(t.time is not None for t in [*times, *stamps]):
        return
    tz = zone(r["timezone"])
    if tz is None:
        return
    dating = Dating(r["date"], r["date_source"], (r["date"],), None, None, "day")
    timed = on_day(
        dating,
        times,
        r["duration_min"],
        report=r["_report"],
        tz=tz,
        stamps=stamps,
        forward=r["status"] in FUTURE,
    )
    if timed.date != r["date"]:
        return  # the clock would move the day the story gave: leave both as they are
    r["start"], r["end"] = _timestamp(timed.start), _timestamp(timed.end)
    r["time_precision"] = timed.time_precision


def _event_days(rows: list[dict[str, Any]]) -> dict[int, dt.date]:
    """Per story (by ``id``): the day its own reports say it took place.

    Each report gives one day: the one it most often states (or counts from its publication) for
    an event that took place, the later of equals, else its own day (``ReportFrame.day``, its
    publication's) when that is not one of two local dates a date-only publication can fall on.
    The day most reports state wins, the later of equals; only where none states one, the day
    most are published on: two papers printed the morning after a Thursday meeting do not
    outvote one that says it was on Thursday. A report published the morning after
    dates its story by that morning; its "on Monday" says when the meeting was. A stated day
    outside the story's year or month is a misreading of another date and is not counted, and
    neither is the day of a guest's arrival told in the evening or at night ("touched down on
    Sunday evening": ``_arrived_the_eve``), the eve of the days the visit is about, nor the
    day of an event its own clause holds outside the story's venue (``_stop_elsewhere``: "He
    visited London on Wednesday" in a report of the Brussels summit on Thursday).
    A report that states no day of one date but tells a held event of "yesterday" while printing
    only its day gives the day its writer counted (``_counted_from_printed_day``).
    Where no report states a day, the day its reports give is the day after what they tell if
    a report that prints no day names the weekday before it for what took place and none names
    its own (``_told_the_day_before``).
    """
    stated: dict[str, Counter[dt.date]] = {}
    counted: dict[str, Counter[dt.date]] = {}
    stories: dict[str, Story] = {}
    for r in rows:
        story: Story = r["_story"]
        if r["report_id"] not in story.reports:
            continue
        stories[r["report_id"]] = story
        day = r["date"]
        single = len(r["_candidates"]) == 1
        if not single:
            # "yesterday" in a paper that prints only its day: the day its writer counted
            day = _counted_from_printed_day(r)
        if (
            day is not None
            and _states_held(r)
            and not _arrived_the_eve(r)
            and not _stop_elsewhere(r, story)
            and (story.year is None or day.year == story.year)
            and (story.month is None or day.month == story.month)
        ):
            (stated if single else counted).setdefault(r["report_id"], Counter())[day] += 1
    stating: dict[int, Counter[dt.date]] = {}
    printing: dict[int, Counter[dt.date]] = {}
    for report_id, story in stories.items():
        days = stated.get(report_id) or counted.get(report_id)
        if days:
            stating.setdefault(id(story), Counter())[max(days, key=lambda d: (days[d], d))] += 1
        elif report_id in story.frame_days:
            printing.setdefault(id(story), Counter())[story.frame_days[report_id]] += 1
    votes = {**printing, **stating}
    days = {key: max(c, key=lambda d: (c[d], d)) for key, c in votes.items()}
    named: dict[int, set[int]] = {}
    for r in rows:
        story = r["_story"]
        if (
            r["report_id"] in story.reports
            and r["date"] is None
            and r["status"] == "occurred"
            and not r["_mention"].made_before
        ):
            named.setdefault(id(story), set()).update(_weekdays_named(r["_mention"].times))
    for story in {id(s): s for s in stories.values()}.values():
        day = days.get(id(story), story.day)
        if id(story) not in stating and day is not None:
            days[id(story)] = _told_the_day_before(day, named.get(id(story), set()))
    return days


def _told_the_day_before(day: dt.date, weekdays: set[int]) -> dt.date:
    """The day a story no report dates took place, given the day its reports give (their
    publication's) and the ``weekdays`` its reports that print no day name for what took place:
    the day before, where they name that weekday and not the day's own ("Macron received Putin
    on Monday" beside a paper printed on Tuesday): papers print the morning after what they
    tell."""
    before = day - dt.timedelta(days=1)
    if day.weekday() in weekdays or before.weekday() not in weekdays:
        return day
    return before


def _stop_elsewhere(r: dict[str, Any], story: Story) -> bool:
    """Whether the row's own clause holds its event at a place outside its story's venue and
    the venue's region (``Mention.place_own``: "visited London", "traf sich ... in Rom"): a stop
    of the trip before or after, whose day is not the day the story was held at its venue. A
    place its clause names otherwise (where a guest came from, where an invitation is to) says
    nothing of where the event was."""
    return r["_mention"].place_own and not same_region(r["_own_place"], story.venue)


def _arrived_the_eve(r: dict[str, Any]) -> bool:
    """Whether the row is a person's arrival its text sets in the evening or at night ("touched
    down on Sunday evening", "ist am Sonntagabend eingetroffen"): a guest who arrives
    so is met the day after, so that day is no vote for the day of the story's meeting."""
    return _journey_end(r) and any(
        t.part_of_day in ("evening", "night") for t in r["_mention"].times
    )


def _weekday_near(times: Iterable[Any], day: dt.date) -> dt.date | None:
    """The first weekday named in ``times`` (without a date), nearest ``day``: up to three days
    after it, else up to three days before."""
    for t in times:
        if t.weekday is not None and t.date is None:
            shift = (t.weekday - day.weekday()) % 7
            return day + dt.timedelta(days=shift if shift <= 3 else shift - 7)
    return None


def _counted_from_story_day(times: Iterable[Any], day: dt.date) -> dt.date | None:
    """The day a relative day that counts from the day the text tells of names ("am Vorabend",
    "the night before": ``temporal.yaml`` ``narrative_days``), counted from the story's ``day``,
    for a mention whose report has no day to count from; None without one. Not "yesterday":
    that counts from the day of writing, which may be the story's day or the one after."""
    for t in times:
        if t.day_offset and t.narrative and t.weekday is None and t.date is None:
            return day + dt.timedelta(days=t.day_offset)
    return None


def _period_conflict(periods: list[Any], day: dt.date) -> bool:
    return any(
        (p.year is not None and p.year != day.year)
        or (p.month is not None and p.month != day.month)
        for p in periods
    )


def _settle_ambiguous_dates(rows: list[dict[str, Any]]) -> None:
    """A mention whose report leaves its date open takes the date its event has elsewhere; one
    its report dates only by the publication takes the day another report states for the
    event, if that is the day before, also where the publication's day falls on two local dates
    at the place (a paper of the 17th, in Tokyo the 17th or the 18th, tells talks held there on
    the evening of the 16th): neither of its two dates is then the only day it may be."""
    by_event: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_event.setdefault(r["event_id"], []).append(r)
    for members in by_event.values():
        single = [r for r in members if r["date"] is not None and len(r["_candidates"]) == 1]
        fixed = {r["date"] for r in single if r["date_source"] != "none"}
        stated = {r["date"] for r in single if r["date_source"] in ("stated", "relative")}
        for r in members:
            if len(r["_candidates"]) > 1:
                agreed = fixed & set(r["_candidates"])
                if not agreed and r["date_source"] == "publication":
                    agreed = stated & set(r["_align_dates"])
            elif r["date_source"] == "publication":
                agreed = (stated & set(r["_align_dates"])) - {r["date"]}
            elif r["date"] is None and (weekdays := _weekdays_named(r["_mention"].times)):
                # a weekday and no day to count it from ("met on Thursday" in a report that
                # prints no date): the day the event has elsewhere, if it is that weekday
                agreed = {d for d in stated if d.weekday() in weekdays}
            else:
                continue
            if len(agreed) == 1:
                named = r["date"] is None
                r["date"] = agreed.pop()
                r["date_source"] = "aligned"
                r["_candidates"] = (r["date"],)
                if named:
                    _clock_on_settled_day(r)  # "am Freitag (10.45 Uhr)": its clock on that day


def _weekdays_named(times: Iterable[Any]) -> set[int]:
    """The weekdays ``times`` name without a date."""
    return {t.weekday for t in times if t.weekday is not None and t.date is None}


def _rows_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The rows as the table: its columns in order, sorted by event, report and position (one
    place for both runs, so the one in one process and the one on a cluster cannot drift)."""
    table = pd.DataFrame(rows)
    table = table[list(COLUMN_NAMES)]
    table = table.sort_values(["event_id", "report_id", "char_start"], kind="stable")
    return table.reset_index(drop=True)


def _parallel_table(
    corpus: Corpus, scheduler: Any, knowledge: Knowledge, progress: bool
) -> pd.DataFrame:
    """The table of ``corpus`` made on a Dask cluster (``parallel.py``), before corrections."""
    from .parallel import parallel_rows

    rows = parallel_rows(corpus, scheduler=scheduler, knowledge=knowledge, progress=progress)
    return _rows_table(rows) if rows else empty_table()
