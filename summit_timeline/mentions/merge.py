"""One mention per event in one report: the headline, the lead and the body merged.

Two mentions of one report are the same event when their types and statuses agree, their
formats, places (for types with ``distinct_places``; for ``per_person`` types, places in two
countries) and actors do not exclude it, and the days and clock times they name overlap (for
a meeting of the same people told as "on Tuesday" and as "today", counted from the day the
report was written).
"""

from __future__ import annotations

import copy
import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterable, Set

from ..knowledge.model import formats_differ
from .discourse import Discourse
from .mention import Mention
from .periods import Period
from .sentences import Sentence
from .status import FUTURE, PROVISIONAL
from .temporal import TimeExpression, resolve_day

#: Confidence of an event whose status only a heading gave, and of leaders implied by delegations.
_HEADING_CONFIDENCE, _IMPLIED_CONFIDENCE = 0.6, 0.7


def _day_keys(m: Mention) -> set[tuple[str, object]]:
    keys: set[tuple[str, object]] = set()
    for t in m.times:
        if t.date:
            keys.add(("date", t.date))
        elif t.weekday is not None:
            keys.add(("weekday", t.weekday))
        elif t.day_offset is not None:
            keys.add(("offset", t.day_offset))
    return keys


def _weekday_of_date(a: set[tuple[str, object]], b: set[tuple[str, object]]) -> bool:
    """Whether one side names only a weekday and the other a date on that weekday ("Tuesday"
    and "Tuesday, Sept. 23, 2025" in a report that gives no day to count from)."""

    def split(keys: set[tuple[str, object]]) -> tuple[set[object], set[int]]:
        dates = {v for k, v in keys if k == "date"}
        return dates, {v.weekday() for v in dates} | {v for k, v in keys if k == "weekday"}

    dates_a, weekdays_a = split(a)
    dates_b, weekdays_b = split(b)
    if dates_a and dates_b:
        return False
    return bool(weekdays_a & weekdays_b) and (bool(dates_a) or bool(dates_b))


def one_names_all(a: Set[str], b: Set[str]) -> bool:
    """Whether one of two sets of people names all the other does."""
    return a <= b or b <= a


def _actors_compatible(
    a: Mention, b: Mention, principals: frozenset[str], groups: frozenset[str]
) -> bool:
    if not (a.actors and b.actors):
        return True
    if not set(a.actors) & set(b.actors):
        return False
    # each leader's arrival or departure is an event of its own
    if a.kind.per_person and set(a.actors) != set(b.actors):
        return False
    # a meeting with another counterpart is another event (breakfast with the host); a group
    # named beside one leader ("Orbán, who holds the EU presidency") is no counterpart
    people_a = set(a.actors) - groups
    people_b = set(b.actors) - groups
    if not (a.kind.meeting or a.kind.pairs) or len(people_a) < 2 or len(people_b) < 2:
        return True
    if people_a & principals != people_b & principals:
        return False
    # one sentence's meetings of one person with two others, neither a principal (Modi with
    # Sunak, and with Zelensky, on the sidelines); in two sentences, a principal's meetings
    # where each tells its other as the one it is held with ("Trump will meet with Merkel" and
    # "Trump will also meet with Abe"), not one named beside it ("Walz said after the talks")
    others = people_a ^ people_b
    return not (
        len(people_a) == len(people_b) == 2
        and len(people_a & people_b) == 1
        and not others & principals
        and (
            a.sentence.start == b.sentence.start
            or (
                people_a & people_b <= principals
                and bool(others & a.met_with)
                and bool(others & b.met_with)
            )
        )
    )


#: Days from the report's day beyond which a period ("last week") recalls another meeting.
_RECALL_DAYS = 3


def recalled(m: Mention, year: int | None, month: int | None = None) -> tuple[object, ...] | None:
    """The period a mention's clause names away from the report's own time ("in July 2019",
    "last week"), as a key; None if it names none."""
    return away(m.periods, year, month)


def away(
    periods: list[Period], year: int | None, month: int | None = None
) -> tuple[object, ...] | None:
    """The first of ``periods`` away from the report's own time (``period_away``), as a key;
    None if none is."""
    p = period_away(periods, year, month)
    if p is None:
        return None
    return ("days", p.days) if p.days is not None else ("month", p.year or year, p.month)


def period_away(
    periods: Iterable[Period], year: int | None, month: int | None = None, days: int = _RECALL_DAYS
) -> Period | None:
    """The first of ``periods`` away from the report's own time: another year or month than the
    report's (``year``, ``month``: "im März" in a report of July), or counted from the report's
    day more than ``days`` from it ("last week")."""
    for p in periods:
        if p.days is not None:
            if abs(p.days) > days:
                return p
            continue
        if p.year is not None and year is not None and p.year != year:
            return p
        if p.month is not None and month is not None and p.month != month:
            return p
    return None


def compatible(
    a: Mention,
    b: Mention,
    principals: frozenset[str] = frozenset(),
    year: int | None = None,
    groups: frozenset[str] = frozenset(),
    month: int | None = None,
    day: dt.date | None = None,
) -> bool:
    """Whether two mentions of one report can be the same event (``year``, ``month``: the
    report's; ``groups``: the canonical names of groups, which are no counterpart in a
    meeting; ``day``: the day the report was written, when it gives one)."""
    if a.event_type != b.event_type:
        return False
    if recalled(a, year, month) != recalled(b, year, month):
        return False
    if _other_months(a, b):
        return False  # a meeting in July is not the one in August
    if a.status != b.status and a.status not in PROVISIONAL and b.status not in PROVISIONAL:
        return False
    if _about_programme(a, b) or _about_programme(b, a):
        return False
    if a.item and b.item and a.item != b.item:
        return False  # two items of a programme
    if _meal_of_programme(a, b) or _meal_of_programme(b, a):
        return False
    if formats_differ(a.talk_format, b.talk_format) or sides_differ(a.sides, b.sides):
        return False
    if a.kind.distinct_places and a.place and b.place and not a.place.meets(b.place):
        return False
    if a.kind.per_person and _other_countries(a, b):
        return False  # one leader's arrival in Berlin is not the one in Paris that day
    if not _actors_compatible(a, b, principals, groups):
        return False
    if not (
        _days_agree(a, b)
        or _weekday_of_date(_day_keys(a), _day_keys(b))
        or _same_days_counted(a, b, day)
    ):
        return False
    clocks_a = {t.time for t in a.times if t.time}
    clocks_b = {t.time for t in b.times if t.time}
    return not (clocks_a and clocks_b and not clocks_a & clocks_b)


def sides_differ(a: Set[str], b: Set[str]) -> bool:
    """Whether one meeting is told as of three or more sides and the other as two people's
    own (``Mention.sides``: "a trilateral meeting" and "held bilateral talks with Trump"):
    two meetings."""
    return {frozenset(a), frozenset(b)} == {frozenset({"more"}), frozenset({"two"})}


def _meal_of_programme(a: Mention, b: Mention) -> bool:
    """Whether ``a`` is a meal still to come that its trigger names as such (ontology
    ``formats_apart``: "A state dinner will be held at the palace") and ``b`` talks still to
    come told with no format ("will meet Trump"): two items of the programme. Not a meal told
    as shared with someone named right after it ("will have dinner with Xi"), which may be the
    pair's talks themselves."""
    return (
        a.status in FUTURE
        and b.status in FUTURE
        and a.format_told
        and not a.meal_shared
        and a.talk_format in a.kind.formats_apart
        and not b.talk_format
    )


def _about_programme(a: Mention, b: Mention) -> bool:
    """Whether ``a`` tells in its body what an event will be about ("Die Gespräche würden sich
    auf ... konzentrieren") and ``b`` tells it held only in the present tense ("kommt mit Biden
    zusammen"), which may be the programme as well: no sign that it took place."""
    return (
        a.status == "topical"
        and not a.sentence.is_heading
        and b.status == "occurred"
        and b.present_tense
    )


def _other_countries(a: Mention, b: Mention) -> bool:
    """Whether both mentions name a place and the two lie in different countries."""
    countries = {m.place.country for m in (a, b) if m.place}
    return len(countries) == 2 and None not in countries


def _other_months(a: Mention, b: Mention) -> bool:
    """Whether both clauses name a month and no month of one can be one of the other's ("im
    Juli" and "July 2025" can be one; July and August, or July 2018 and July 2019, cannot)."""
    months_a = [(p.year, p.month) for p in a.periods if p.month]
    months_b = [(p.year, p.month) for p in b.periods if p.month]
    return bool(months_a and months_b) and not any(
        ma == mb and (ya is None or yb is None or ya == yb)
        for ya, ma in months_a
        for yb, mb in months_b
    )


def merge_mentions(
    mentions: list[Mention],
    discourse: Discourse,
    country_of: Callable[[str], str | None],
    year: int | None = None,
    groups: frozenset[str] = frozenset(),
    month: int | None = None,
    day: dt.date | None = None,
) -> list[Mention]:
    """One mention per event in this report, with all its evidence (``year``, ``month``: the
    report's; ``groups``, ``day``: see ``compatible``)."""
    merged: list[Mention] = []
    members: list[list[Mention]] = []  # what each merged mention was made of, as found
    principals = frozenset(discourse.principals)
    countries = {country_of(p) for p in principals}
    # definite statuses first, so headings join them
    ordered = sorted(mentions, key=lambda m: (m.status in PROVISIONAL, m.sentence.start))
    for m in ordered:
        found = copy.copy(m)
        found.actors = list(m.actors)
        index = next(
            (
                i
                for i, group in enumerate(members)
                if all(
                    compatible(x, found, principals, year, groups, month, day)
                    and not _officials_apart(x, found, countries)
                    for x in group
                )
            ),
            None,
        )
        if index is None:
            merged.append(m)
            members.append([found])
            continue
        members[index].append(found)
        _absorb(merged[index], m)
    for m in merged:
        _finish(m, discourse, country_of)
        people = [a for a in m.actors if a not in groups]
        if (m.kind.meeting and len(people) > 1) or (m.kind.per_person and people):
            # a group beside two people who meet is the setting (the UN of a General Assembly),
            # not a party; on a call it is one ("telefonieren mit Selenskyj und der Nato"); a
            # person arrives or leaves, the group is where to ("arrived to attend the G7")
            m.actors = people
    merged = _plans_of_held(merged, principals, year, groups, month, day)
    merged.sort(key=lambda m: min(s.start for s in m.evidence))
    return _without_references(merged)


def _officials_apart(a: Mention, b: Mention, countries: set[str | None]) -> bool:
    """Whether one of two meetings names no one and its clause gives officials of a country
    that is no principal's as its sides (``Mention.officials_of``: "talks between the Russian
    and Ukrainian delegations" in a report of Macron's call with Putin), and the other names
    people: the officials' own meeting, not one of those people."""
    return any(
        m.kind.meeting and not m.actors and bool(m.officials_of - countries) and bool(o.actors)
        for m, o in ((a, b), (b, a))
    )


def _plans_of_held(
    merged: list[Mention],
    principals: frozenset[str],
    year: int | None,
    groups: frozenset[str],
    month: int | None,
    day: dt.date | None = None,
) -> list[Mention]:
    """A length planned for an event the report tells held is that event's plan ("Das Gespräch
    sollte 35 Minuten dauern" beside the talks that took place): the mention that only states
    the plan (no time or place of its own) joins the one held event it can be, as its planned
    length."""
    kept = []
    for m in merged:
        if m.status not in FUTURE or m.planned is None or m.duration or m.times or m.place:
            kept.append(m)
            continue
        as_held = copy.copy(m)
        as_held.status = "occurred"
        held = [
            h
            for h in merged
            if h.status == "occurred"
            and h.planned is None
            and compatible(h, as_held, principals, year, groups, month, day)
        ]
        if len(held) != 1:
            kept.append(m)
            continue
        held[0].planned = m.planned
        held[0].evidence.extend(s for s in m.evidence if s not in held[0].evidence)
        _take_quotes(held[0], m)
    return kept


def _without_references(merged: list[Mention]) -> list[Mention]:
    """The mentions without those that only refer back to an event the report told before
    ("after the meeting, Tillerson said"): each gives its sentences to the last mention before
    it of its type or of a type that stands for it (``overrides``: "the conversation" after a
    call is the call)."""
    kept: list[Mention] = []
    for m in merged:
        # one that names its own time is another meeting ("after their meeting in Bali in 2022")
        if m.reference and not (m.times or m.periods or m.duration):
            first = min(s.start for s in m.evidence)
            told = [
                k
                for k in kept
                if min(s.start for s in k.evidence) < first
                and (k.kind is m.kind or m.kind.key in k.kind.overrides)
            ]
            if told:
                told[-1].evidence.extend(s for s in m.evidence if s not in told[-1].evidence)
                _take_quotes(told[-1], m)
                continue
        kept.append(m)
    return kept


def fold_into_call(
    merged: list[Mention],
    is_call_word: Callable[[str], bool],
    spans: Iterable[tuple[Sentence, TimeExpression, list[TimeExpression]]] = (),
) -> list[Mention]:
    """The mentions of a report about one call and no meeting, with the meetings it tells in
    words a call shares ("das Gespräch dauerte rund zwei Stunden", "the discussions also covered
    Iran") given to the call: their sentences, and their duration if the call has none.

    A call is a type that stands for another (``overrides``: a phone call for talks), not a
    journey that does (a trip back stands for a visit). A report tells a meeting, and its talks
    stay talks, when anyone went anywhere (an arrival, a departure, a visit that names who:
    ``per_person`` types; "Minuten vor dem Abflug" names no one) or talks took place at a place
    or in words that only a meeting has ("met", "Treffen"). Of several calls, such words belong
    to the last one told before them ("Am Samstag telefonierte Biden mit Putin. Das Gespräch
    habe etwa eine Stunde gedauert"). So do sentences without a trigger that name a call word
    and a duration (``spans``, in text order: "The first major conversation ... took place on
    February 12, lasting an hour and a half"): the call before them, or the only one, lasts that
    long, and on their day if it names none.
    """
    # (a call named inside a quotation is the one the report tells: "Der Anruf von Olaf ...")
    # (a journey that stands for another, a trip back for a visit, is no call)
    calls = [
        m
        for m in merged
        if m.kind.overrides and not m.kind.per_person and m.status == "occurred" and not m.in_quote
    ]
    if not calls:
        return merged

    def call_of(m: Mention) -> Mention | None:
        before = [c for c in calls if c.sentence.start <= m.sentence.start]
        if before:
            return max(before, key=lambda c: c.sentence.start)
        return calls[0] if len(calls) == 1 else None

    overridden = {key for c in calls for key in c.kind.overrides}  # the types a call stands for

    def told_as_call(m: Mention) -> bool:
        return (
            m.kind.key in overridden
            and m.status == "occurred"
            and m.place is None
            and is_call_word(m.trigger)
        )

    def in_person(m: Mention) -> bool:
        if m.status != "occurred" or any(m is c for c in calls):
            return False
        # a journey told of no one ("Minuten vor dem Abflug") takes no one anywhere
        return (m.kind.per_person and bool(m.actors)) or (
            m.kind.key in overridden and not told_as_call(m)
        )

    if any(in_person(m) for m in merged):
        return merged
    told = sorted(calls, key=lambda c: c.sentence.start)
    starts = [c.sentence.start for c in told]
    for sentence, span, days in spans:
        i = bisect_right(starts, sentence.start)  # the call told last before it, or the only one
        call = told[i - 1] if i else told[0] if len(told) == 1 else None
        limit = call.kind.max_duration_min if call is not None else None
        if (
            call is None
            or call.duration is not None
            or (limit is not None and span.minutes is not None and span.minutes > limit)
        ):
            continue
        call.duration = span
        if days and not call.times:
            call.times = list(days)
        if sentence not in call.evidence:
            call.evidence.append(sentence)
    kept: list[Mention] = []
    for m in merged:
        call = call_of(m) if told_as_call(m) else None
        if not (
            call is not None
            and (not m.actors or bool(set(m.actors) & set(call.actors)))
            and _days_agree(m, call)
        ):
            kept.append(m)
            continue
        call.evidence.extend(s for s in m.evidence if s not in call.evidence)
        call.duration = call.duration or m.duration
        _take_quotes(call, m)
    return kept


def _days_counted(m: Mention, day: dt.date) -> set[dt.date]:
    """The calendar days ``m``'s times name, counted from ``day`` (the day the report was
    written): a weekday is the last such day up to it, or for an event still to come the next
    from it; "today" and "yesterday" are counted from it. Empty if one of its times names a
    day that is not counted from the day of writing (a printed date, "later that day")."""
    found: set[dt.date] = set()
    for t in m.times:
        if not (t.date or t.weekday is not None or t.day_offset is not None):
            continue
        if t.narrative or t.date is not None:
            # counted from the day the text tells of ("later that day"); a printed date is
            # compared as printed (``_days_agree``, ``_weekday_of_date``)
            return set()
        counted = resolve_day(t, day, forward=m.status in FUTURE)
        if counted is None:
            return set()
        found.add(counted)
    return found


def _same_days_counted(a: Mention, b: Mention, day: dt.date | None) -> bool:
    """Whether two mentions that name their days in different ways ("on Tuesday" and "today",
    "yesterday" and "on Monday") name the same calendar day, counted from the day the report
    was written, and both are meetings of the same people with no clock time: one meeting
    told twice. Not a day counted from the day told (``temporal.yaml`` ``narrative_days``:
    "later that day" is the next item of that day's programme); not where a clock time may
    tell one apart (a dinner "at 8 p.m. today" after the talks "on Tuesday"); not other
    types, whose second mention on one day is often an event of its own (a second statement,
    a greeting after the arrival)."""
    if day is None or not a.kind.meeting or not a.actors or set(a.actors) != set(b.actors):
        return False
    if any(t.time for m in (a, b) for t in m.times):
        return False
    days_a, days_b = _days_counted(a, day), _days_counted(b, day)
    return bool(days_a & days_b)


def _days_agree(a: Mention, b: Mention) -> bool:
    days_a, days_b = _day_keys(a), _day_keys(b)
    return not (days_a and days_b and not days_a & days_b)


def _finish(m: Mention, discourse: Discourse, country_of: Callable[[str], str | None]) -> None:
    m.quotes.sort(key=lambda q: bool(q.get("reply")))
    if m.status in PROVISIONAL:
        m.status = PROVISIONAL[m.status]
        m.confidence = min(m.confidence, _HEADING_CONFIDENCE)
    if m.status != "occurred" and m.duration is not None and m.planned is None:
        # an event still to come, or called off, lasts only as long as planned ("sollte 35
        # Minuten dauern")
        m.planned, m.duration = m.duration, None
    if m.kind.meeting and not set(m.actors) & set(discourse.principals):
        # a meeting naming only members of the leaders' delegations is the leaders' meeting,
        # unless officials of every side meet among themselves (the ministers beside the
        # summit) and no format or joining word tells them taking part in the leaders' one
        countries = {country_of(p) for p in discourse.principals}
        sides = {country_of(a) for a in m.actors}
        apart = len(countries) > 1 and sides >= countries and not (m.talk_format or m.joined)
        # officials of a country that is no principal's, named as the sides of a meeting
        # that names no one ("Russian and U.S. delegations met"): theirs alone
        apart = apart or (not m.actors and bool(m.officials_of - countries))
        if all(country_of(a) in countries for a in m.actors) and not apart:
            m.actors = [*discourse.principals, *m.actors]
            m.confidence = min(m.confidence, _IMPLIED_CONFIDENCE)
    if m.kind.meeting and m.officials_of and not (m.talk_format or m.joined):
        # officials of countries are its sides, and no format or joining word makes it the
        # leaders' own ("representatives of Germany and France negotiated"): the principals
        # stand for them in stories and alignment, not in the table (``build._shown_actors``)
        m.implied = tuple(p for p in discourse.principals if p in m.actors)
    m.evidence.sort(key=lambda s: s.start)


def fuller(kept: TimeExpression | None, other: TimeExpression | None) -> TimeExpression | None:
    """The duration kept, or the other one when it says the same with a hedge the kept one
    leaves out (a headline's "Fünf Stunden" and the text's "Gut fünf Stunden")."""
    if kept is None:
        return other
    if other is not None and kept.hedge is None and other.hedge and other.minutes == kept.minutes:
        return other
    return kept


def _clocks_given(other: Mention, target: Mention) -> list[TimeExpression]:
    """The clock times ``other`` gives ``target``, the same event told with no clock, when it
    names no day ``target`` does not: of one that took place, its times that carry a clock
    ("spoke on Friday" and "the call took place at 2:30 p.m."); of one still to come, those and
    the clocks told to ``other`` before, to be kept apart from its times
    (``Mention.clocks_told``: "kommen am Freitag zusammen" and "Das Treffen beginnt um 11 Uhr"
    give a start on the day it is given, never a day of their own)."""
    to_come = target.status in FUTURE
    own = [*target.times, *target.clocks_told] if to_come else target.times
    if other.times == target.times or any(t.time is not None for t in own):
        return []
    if not _day_keys(other) <= _day_keys(target):
        return []
    clocks = [t for t in other.times if t.time is not None]
    return [*other.clocks_told, *clocks] if to_come else clocks


def _take_quotes(target: Mention, other: Mention) -> None:
    """``other``'s quotations that ``target`` lacks go to it (replies last, as ``_finish`` puts
    them: a stable sort by the same key, so sorting again later changes nothing)."""
    target.quotes.extend(
        q for q in other.quotes if all(q["text"] != x["text"] for x in target.quotes)
    )
    target.quotes.sort(key=lambda q: bool(q.get("reply")))


def _absorb(target: Mention, other: Mention) -> None:
    primary_first = other.score() > target.score()
    # a name that one of its sentences tells in a clause beside the event's own is none of its
    # people, though another sentence names it anywhere (extract._in_subordinates)
    aside = list(dict.fromkeys([*target.aside, *other.aside]))
    if target.kind.per_person or target.kind.spoken:
        # a traveller's next predicate names whom it meets (extract._in_next_predicate), a
        # statement's words whom they are about (extract._in_report): a sentence that names
        # them as one of the event's own people keeps them
        own = {a for m in (target, other) for a in m.actors if a not in m.aside}
        aside = [a for a in aside if a not in own]
    target.aside = aside
    for name in other.actors:
        if name not in target.actors:
            target.actors.append(name)
    _take_quotes(target, other)
    for s in other.evidence:
        if s not in target.evidence:
            target.evidence.append(s)
    more_specific = other.place and (
        target.place is None or other.place.specificity > target.place.specificity
    )
    # a proposed place keeps the one first proposed
    if more_specific and (target.kind.place != "proposed" or target.place is None):
        target.place, target.place_own = other.place, other.place_own
        target.place_in_clause = other.place_in_clause
    if other.lasted and not target.lasted and other.duration is not None:
        # a length told with a verb of lasting ("It lasted one hour and 50 minutes") is more
        # exact than one told as a noun's attribute ("a nearly two-hour call")
        target.duration, target.lasted = other.duration, True
    else:
        target.duration = fuller(target.duration, other.duration)
    target.planned = target.planned or other.planned
    target.format_told = target.format_told and other.format_told
    target.talk_format = target.talk_format or other.talk_format
    target.joined = target.joined or other.joined
    target.officials_of = target.officials_of | other.officials_of
    target.times = target.times or other.times
    given = _clocks_given(other, target)
    if target.status in FUTURE:
        target.clocks_told.extend(t for t in given if t not in target.clocks_told)
    else:
        target.times = [*target.times, *given]
    target.periods = target.periods or other.periods
    target.notes.extend(n for n in other.notes if n not in target.notes)
    target.order_cue = target.order_cue or other.order_cue
    target.ordered = target.ordered or other.ordered
    target.stamps.extend(t for t in other.stamps if t not in target.stamps)
    target.confidence = min(1.0, max(target.confidence, other.confidence) + 0.05)
    target.reference = target.reference and other.reference
    target.present_tense = target.present_tense and other.present_tense
    if target.status in PROVISIONAL:
        target.status = other.status
    if primary_first:
        target.sentence = other.sentence
        target.trigger = other.trigger
        target.left_after = other.left_after
        target.multilateral = other.multilateral
        target.told_separate = other.told_separate
        target.at_airport = other.at_airport
        target.several_others = other.several_others
        target.meets_group = other.meets_group
        target.earlier = other.earlier
        target.sides = other.sides
    if other.speakers and not target.speakers:
        target.speakers = other.speakers
    target.made_before = target.made_before and other.made_before
    target.to_own_occasion = target.to_own_occasion or other.to_own_occasion
    if target.subjects is None or other.subjects is None:
        target.subjects = None
    else:
        target.subjects.extend(s for s in other.subjects if s not in target.subjects)
