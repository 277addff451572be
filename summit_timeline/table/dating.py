"""Dates and times of mentions in the local time of the event's place.

Rule (shared/gold README): a date the text states is taken as stated; a weekday or relative day
("am Freitag", "yesterday") is resolved against the publication time converted into the place's
zone; an event the text dates only by the report's publication is dated from that converted
publication time, never later than publication. When a report gives only its publication day,
that day in the outlet's zone may fall on two local dates at the place: the mention then keeps
both candidates, and alignment with another report that fixes the date settles it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..mentions.temporal import TimeExpression, resolve_day
from ..reading.corpus import Report


@dataclass(frozen=True)
class Dating:
    """A mention's date and times, and how they were found."""

    date: dt.date | None
    date_source: str  # stated, relative, context, publication, none (later: aligned, story, trip)
    candidates: tuple[dt.date, ...]
    start: dt.datetime | None
    end: dt.datetime | None
    time_precision: str  # minute, hour, day, none


def zone(name: str | None) -> ZoneInfo | None:
    """The ``ZoneInfo`` for ``name``, or None if unknown."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def publication_dates(report: Report, tz: ZoneInfo) -> tuple[dt.date, ...]:
    """Local dates at the place that the report's publication time can fall on."""
    published = report.published
    if published is None or not report.gives_day:
        return ()
    if report.published_precision == "day":
        first = published.astimezone(tz).date()
        last = (published + dt.timedelta(hours=23, minutes=59)).astimezone(tz).date()
        return (first,) if first == last else (first, last)
    return (published.astimezone(tz).date(),)


_MINUTES_PRINTED = re.compile(r"\d[:.h]\d\d(?!\d)")


def _clock_precision(expr: TimeExpression) -> str:
    """ "minute" when the text prints the minutes ("11.30 Uhr", "9:04 a.m."), else "hour"."""
    if (expr.time and expr.time.minute) or _MINUTES_PRINTED.search(expr.text):
        return "minute"
    return "hour"


def _local_datetime(
    day: dt.date, expr: TimeExpression, clock: dt.time, tz: ZoneInfo
) -> dt.datetime:
    """``clock`` on ``day`` at the place; a time printed in another zone is converted."""
    stated = None if expr.tz in (None, "local") else zone(expr.tz)
    if stated is None:
        return dt.datetime.combine(day, clock, tzinfo=tz)
    for shift in (0, -1, 1):
        candidate = dt.datetime.combine(day + dt.timedelta(days=shift), clock, tzinfo=stated)
        local = candidate.astimezone(tz)
        if local.date() == day:
            return local
    return dt.datetime.combine(day, clock, tzinfo=stated).astimezone(tz)


_CONTEXT_WINDOW = dt.timedelta(days=7)


def with_year(day: dt.date, year: int) -> dt.date | None:
    """``day`` in ``year``; None for 29 February in a common year."""
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


#: Years from the report's year searched for one where a printed weekday falls on the date.
_WEEKDAY_YEARS = 6


def year_of_weekday(t: TimeExpression, year_hint: int) -> dt.date | None:
    """``t``'s day and month in ``year_hint``, or, when a weekday is printed with it ("Sunday,
    July 15") and falls elsewhere that year, in the nearest year where it falls on the date
    (the later of two as near: a report looks back more than ahead); None if none is near."""
    assert t.date is not None
    day = with_year(t.date, year_hint)
    if t.weekday is None or (day is not None and day.weekday() == t.weekday):
        return day
    for shift in range(1, _WEEKDAY_YEARS + 1):
        for year in (year_hint + shift, year_hint - shift):
            found = with_year(t.date, year)
            if found is not None and found.weekday() == t.weekday:
                return found
    return None


def _resolve(
    t: TimeExpression, anchor: dt.date | None, year_hint: int | None = None
) -> dt.date | None:
    if t.kind in ("date", "datetime") and t.date:
        if not t.year_given and anchor:
            return resolve_day(t, anchor) or t.date
        if not t.year_given:
            # no day to count from: the year the report speaks of, else none at all; a weekday
            # printed with it must fall on it there, else the nearest year it falls on
            return year_of_weekday(t, year_hint) if year_hint else None
        return t.date
    if t.kind in ("weekday", "relative_day") and anchor:
        return resolve_day(t, anchor)
    return None


def _relative_candidates(
    offset: int, pub_dates: tuple[dt.date, ...], report: Report
) -> tuple[dt.date, ...]:
    """The days "today" (``offset`` 0), "yesterday" or "tomorrow" can be: counted from each
    local date the publication can fall on at the place, and from the writer's own date (the
    publication's date where the outlet printed it): "heute" written at 07:13 in Berlin on the
    15th is the 15th to its readers and the 14th in Anchorage. Alignment or the story settles
    which; read alone, the place's count stands."""
    anchors = set(pub_dates)
    if report.published is not None and report.gives_day:
        anchors.add(report.published.date())
    return tuple(sorted(d + dt.timedelta(days=offset) for d in anchors))


def date_mention(
    times: list[TimeExpression],
    duration_min: float | None,
    *,
    report: Report,
    tz: ZoneInfo | None,
    context: TimeExpression | None = None,
    stamps: list[TimeExpression] | None = None,
    dated_by_publication: bool = True,
    forward: bool = False,
    year_hint: int | None = None,
) -> Dating:
    """Date one mention from its sentence's time expressions.

    ``context`` is the last day the report named before the mention (used when it lies within
    a week before publication, and not after the date the publication prints); ``stamps`` are
    live-blog entry times; ``dated_by_publication`` says whether a mention with no date of its
    own may take the publication date (not for announced events); ``forward`` reads weekdays
    as the coming ones (announced events); ``year_hint`` is the year a report without a
    publication day speaks of, for dates printed without a year.
    """
    tz = tz or zone(report.timezone) or dt.UTC
    pub_dates = publication_dates(report, tz)
    anchor = pub_dates[-1] if pub_dates else None
    day: dt.date | None = None
    source = "none"
    candidates: tuple[dt.date, ...] = ()
    # "will fly home on Saturday": the coming Saturday, which may be the day of writing
    writing = report.written_on
    weekday_named = False  # the day is the one a weekday names ("Friday's state dinner")
    for t in times:
        resolved = _resolve(t, anchor, year_hint)
        coming = forward and t.kind == "weekday" and anchor is not None
        if resolved and coming and resolved < (writing or pub_dates[0]):
            resolved += dt.timedelta(days=7)
        if resolved:
            day = resolved
            source = "stated" if t.kind in ("date", "datetime") else "relative"
            weekday_named = t.kind == "weekday"
            if t.day_offset is not None:
                candidates = _relative_candidates(t.day_offset, pub_dates, report)
            break
    if day is None and context is not None and dated_by_publication:
        resolved = _resolve(context, anchor)
        printed = report.published.date() if report.published else None
        # within the week before publication, and not after the date it prints
        latest = min(anchor, printed) if anchor and printed else anchor
        within = resolved and latest and latest - _CONTEXT_WINDOW <= resolved <= latest
        # the report's own date line is its publication, not a day of the event
        if within and not (resolved == printed and len(pub_dates) > 1):
            day, source = resolved, "context"
            weekday_named = context.kind == "weekday"
    if day is None and dated_by_publication and pub_dates:
        day, source, candidates = pub_dates[0], "publication", pub_dates
    if day is None and forward and pub_dates:
        day, candidates = _next_clock_day(times, report, tz, pub_dates)
        source = "publication" if day else source
    if day is not None and not candidates:
        candidates = (day,)

    dating = Dating(day, source, candidates, None, None, "day" if day else "none")
    return on_day(
        dating,
        times,
        duration_min,
        report=report,
        tz=tz,
        stamps=stamps,
        forward=forward,
        weekday_named=weekday_named,
    )


def _next_clock_day(
    times: list[TimeExpression], report: Report, tz: ZoneInfo, pub_dates: tuple[dt.date, ...]
) -> tuple[dt.date | None, tuple[dt.date, ...]]:
    """The day of an announced event that the text gives only a clock time ("will start talks
    at 4:30 pm local time"), with the days it may be: the next time that clock strikes at the
    place after the report was published; the publication's day (or days) when the publication
    gives no time."""
    clock = next((t for t in times if t.time is not None), None)
    if clock is None or report.published is None:
        return None, ()
    if report.published_precision != "minute":
        return pub_dates[0], pub_dates
    published = report.published.astimezone(tz)
    for shift in (0, 1):
        day = published.date() + dt.timedelta(days=shift)
        if _local_datetime(day, clock, clock.time, tz) > published:
            return day, (day,)
    return None, ()


def _latest_publication(report: Report) -> dt.datetime:
    """The latest the report can have been published: a date-only publication may be as late as
    the end of its day, one known only to the month ("published: 2025-05") as the end of its
    month."""
    assert report.published is not None
    if report.published_precision == "day":
        return report.published + dt.timedelta(hours=23, minutes=59)
    if report.published_precision == "month":
        last = calendar.monthrange(report.published.year, report.published.month)[1]
        return report.published.replace(day=last, hour=23, minute=59, second=0, microsecond=0)
    return report.published


def on_day(
    dating: Dating,
    times: list[TimeExpression],
    duration_min: float | None,
    *,
    report: Report,
    tz: ZoneInfo,
    stamps: list[TimeExpression] | None = None,
    forward: bool = False,
    weekday_named: bool = False,
) -> Dating:
    """``dating`` with the start and end its clock time gives on its day (none without a day).

    A clock time that would lie after the publication belongs to the day before (unless the
    day was stated, or the event is still to come: ``forward``). A day its text names by its
    weekday (``weekday_named``: "the toasts at Friday's state dinner", 8:30 p.m.) stays that
    day: moved back it would no longer be the weekday named; the clock of publication, printed
    without a zone, is what was read in the wrong one.
    """
    day, source, candidates = dating.date, dating.date_source, dating.candidates
    clock = next((t for t in times if t.time is not None), None)
    if clock is None and stamps:
        clock = min(stamps, key=lambda t: t.start)
    if clock is None or day is None:
        return replace(dating, start=None, end=None, time_precision="day" if day else "none")
    start = _local_datetime(day, clock, clock.time, tz)
    end = None
    if clock.time_end:
        end = _local_datetime(day, clock, clock.time_end, tz)
    elif duration_min:
        end = start + dt.timedelta(minutes=duration_min)
    elif stamps and len(stamps) > 1:
        last = _local_datetime(day, stamps[0], max(s.time for s in stamps), tz)
        end = last if last > start else None
    late = report.published and start > _latest_publication(report)
    if late and source != "stated" and not forward and not weekday_named:
        # never after publication: the clock time belongs to the day before
        start -= dt.timedelta(days=1)
        end = end - dt.timedelta(days=1) if end else None
        day = start.date()
        candidates = (day,)
    return Dating(day, source, candidates, start, end, _clock_precision(clock))
