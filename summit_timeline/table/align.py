"""One ``event_id`` for the mentions of one real-world event across reports.

Two mentions from different reports can be the same event when their type and status agree
(announced and proposed are both "not yet"), their actors overlap (or one names none; for a
meeting, one names all the other does or they share two), their places agree or contain one
another (or lie in one time zone, unless the type has ``distinct_places``), their dates share a
candidate, and their talk formats do not differ. Mentions are clustered greedily in a fixed
order (report id, then position), each joining the compatible cluster whose first mention is
most similar (the days its members agree on counting as that mention's) and that holds no
mention of its own report yet, so five outlets reporting one afternoon make one event of five
mentions. A meeting named as one of three or more ("a trilateral meeting") does not take the
talks of two of its people told as held apart or by a report that never names the others
(``_two_of_several``); one person's meeting with a group its clause gives as the other side
("met with European Union leaders") is not that person's meeting with someone named
(``_meets_group_only``); a meeting told at an airfield ("a brief conversation at the airport")
is a sitting on arrival or departure, not the talks told with no such word (``at_airport``);
meetings told as several of two with others not named ("will hold further bilateral talks") are
none of the meetings other reports tell (``several_others``); a meeting that names one person,
told by a report that names none of the others a meeting of that person names, is not that
meeting (``_never_named``). An
event of speaking that one report tells as held by two together ("a joint press conference") is
the one another report quotes either of them from (``_joint_score``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field, replace

from ..knowledge.model import formats_differ
from ..mentions.merge import one_names_all
from ..mentions.status import FUTURE


@dataclass
class Candidate:
    """What alignment needs to know of a mention."""

    mention_id: str
    report_id: str
    event_type: str
    status: str
    actors: tuple[str, ...]
    place: str | None
    place_within: tuple[str, ...]
    timezone: str | None
    dates: tuple[dt.date, ...]
    talk_format: str | None
    position: int
    #: its trigger names a format that is an event of its own (``formats_apart`` in the
    #: ontology: "had dinner with Biden"): it is not talks told with no format
    format_apart: bool = False
    #: its format is an item of the day's programme of its own (ontology ``programme_formats``:
    #: a meal): an announcement of it is not the talks its report tells held with no format
    format_item: bool = False
    #: its sentence tells it as one of a sequence ("later", "after that", "im Anschluss an":
    #: ``Mention.order_cue``)
    sequenced: bool = False
    distinct_places: bool = False
    meeting: bool = False
    #: a meeting in person, not by phone (ontology ``meeting``)
    in_person: bool = False
    #: the actors that are people, not groups (a group is no counterpart in a meeting)
    people: tuple[str, ...] = ()
    #: a meeting whose clause gives a group as its other side (``Mention.meets_group``: "met with
    #: European Union leaders"): one person named alone meets them, no one else
    meets_group: bool = False
    #: each person's arrival or departure is an event of its own
    per_person: bool = False
    #: its people are who speak at it (ontology ``spoken``: a press conference, a statement)
    spoken: bool = False
    #: a meeting told as one of three or more (``Mention.multilateral``: "a trilateral meeting")
    multilateral: bool = False
    #: a meeting told as held apart from others (``Mention.told_separate``: "met him separately")
    told_separate: bool = False
    #: a meeting told at an airfield (``Mention.at_airport``: "a short talk at the airport"): a
    #: sitting on arrival or departure, not the talks told with no such word
    at_airport: bool = False
    #: a meeting told as several of two, each of one person with another side it does not name
    #: (``Mention.several_others``: "will hold further bilateral talks"): none of the meetings
    #: that other reports tell, though its report's other principal was taken as its side
    several_others: bool = False
    #: an item of a programme its report prints (``Mention.item``)
    programme: bool = False
    #: the people its report's events name
    report_people: frozenset[str] = frozenset()
    #: everyone (of the people gazetteer) its report names anywhere
    names: frozenset[str] = frozenset()
    #: the day its report was published, when the report gives it
    published: dt.date | None = None
    #: for one that names no day: the day its story gives it, only for joining an announced
    #: event to a held one, and for keeping apart two announced that their stories set on
    #: different days
    settled: tuple[dt.date, ...] = ()
    #: it names a day of its own ("am Samstagabend", "on Thursday morning"), which its story
    #: counts to ``settled`` when the report gives none to count from
    day_told: bool = False


@dataclass(eq=False)
class _Cluster:
    seed: Candidate
    order: int = 0  # opening order: ties go to the cluster opened first
    members: list[Candidate] = field(default_factory=list)
    reports: set[str] = field(default_factory=set)
    dates: set[dt.date] = field(default_factory=set)
    #: the talk formats its members name ("dinner", "one-on-one")
    formats: set[str] = field(default_factory=set)
    #: the days their stories give its members that name none (``Candidate.settled``)
    settled: set[dt.date] = field(default_factory=set)
    #: of those, the days of held members that name a day of their own (``Candidate.day_told``)
    told: set[dt.date] = field(default_factory=set)
    #: a member tells a format that is an event of its own; a member names no format
    apart: bool = False
    bare: bool = False

    def __lt__(self, other: _Cluster) -> bool:
        return self.order < other.order

    def add(self, cand: Candidate) -> None:
        self.members.append(cand)
        self.reports.add(cand.report_id)
        if cand.talk_format:
            self.formats.add(cand.talk_format)
        self.apart = self.apart or cand.format_apart
        self.bare = self.bare or not cand.talk_format
        if cand.dates:
            self.dates = self.dates & set(cand.dates) if self.dates else set(cand.dates)
        if cand.settled:
            days = set(cand.settled)
            self.settled = self.settled & days if self.settled else days
            if cand.day_told and cand.status not in FUTURE:
                self.told = self.told & days if self.told else days


def _told_apart(a: Candidate, b: Candidate) -> bool:
    """A format told as an event of its own ("had dinner with Biden") is not talks told with no
    format ("met Biden in the Oval Office")."""
    return (a.format_apart and not b.talk_format) or (b.format_apart and not a.talk_format)


def _status_ok(a: str, b: str) -> bool:
    return a == b or (a in FUTURE and b in FUTURE)


def _place_ok(a: Candidate, b: Candidate) -> bool:
    if not a.place or not b.place:
        return True
    if a.place == b.place or a.place in b.place_within or b.place in a.place_within:
        return True
    if a.distinct_places:
        return False
    return a.timezone is not None and a.timezone == b.timezone


def same_counterparts(a: Set[str], b: Set[str]) -> bool:
    """Whether two meetings' people can be one meeting: one names all the other does, or they
    share two; a meeting of Putin with Xi is not one of Putin with Macron."""
    return one_names_all(a, b) or len(a & b) > 1


def _two_of_several(a: Candidate, b: Candidate) -> bool:
    """Whether ``a`` is a meeting told as one of three or more people ("a trilateral meeting
    with Trump and Abe") and ``b`` the talks of two of them told as held apart ("later, Modi
    met Trump separately", "held bilateral talks") or by a report that names none of the
    others anywhere: two meetings, though one names all the other does. Two people told with
    no such word, by a report that names the others, may be those of the meeting of three."""
    if not a.multilateral or len(set(a.people)) < 3 or len(set(b.people)) != 2:
        return False
    if b.multilateral:
        return False
    others = set(a.people) - set(b.people)
    return b.told_separate or (bool(b.report_people) and not others & b.report_people)


def _meets_group_only(a: Candidate, b: Candidate) -> bool:
    """Whether ``a`` is one person's meeting with a group its clause gives as the other side
    ("Zelensky met with European Union leaders") and ``b`` a meeting of that person with others
    it names ("Zelensky and Macron held talks"): two meetings, though ``a`` names no one ``b``
    does not."""
    people = set(a.people)
    return a.meets_group and len(people) == 1 and people < set(b.people)


def _never_named(a: Candidate, b: Candidate) -> bool:
    """Whether ``a`` is a meeting in person that names one person, ``b`` one of that person with
    others, and ``a``'s report names none of those others anywhere (``Candidate.names``): a
    report of Trump's talks that never names Guterres does not tell Trump's talks with Guterres
    that day, though ``a`` names no one ``b`` does not (its other side may be one the people
    gazetteer does not know, or a group). Where what its report names is not known, nothing
    tells; nor for a call, which one side tells as one of many it has to make, naming none ("I
    have to make a lot of calls now")."""
    if not a.in_person:
        return False
    people = set(a.people)
    others = set(b.people) - people
    told = a.report_people | a.names
    if len(people) != 1 or not others or not people < set(b.people) or not told:
        return False
    return not others & told


#: What two dated mentions add to their likeness (``_similarity``), and a cluster its members
#: dated (``align``).
_BOTH_DATED = 0.5


def _similarity(a: Candidate, b: Candidate) -> float | None:
    """None when ``a`` and ``b`` cannot be one event; else a score, higher is more alike."""
    if a.event_type != b.event_type or not _status_ok(a.status, b.status):
        return None
    if formats_differ(a.talk_format, b.talk_format) or _told_apart(a, b):
        return None
    if not _place_ok(a, b):
        return None
    if a.dates and b.dates and not set(a.dates) & set(b.dates):
        return None
    score = 1.0
    if a.actors and b.actors:
        shared = set(a.actors) & set(b.actors)
        if not shared:
            return None
        if a.meeting and not same_counterparts(set(a.people), set(b.people)):
            return None
        if a.meeting and (_meets_group_only(a, b) or _meets_group_only(b, a)):
            return None
        if a.meeting and (a.several_others or b.several_others):
            return None
        if a.meeting and (_never_named(a, b) or _never_named(b, a)):
            return None
        if a.per_person and a.people and b.people and set(a.people) != set(b.people):
            return None
        score += len(shared) / len(set(a.actors) | set(b.actors))
    if a.status == b.status:
        score += 0.5
    if a.dates and b.dates:
        score += _BOTH_DATED
    if a.place and a.place == b.place:
        score += 0.25
    if a.talk_format and a.talk_format == b.talk_format:
        score += 0.25
    return score


def align(candidates: Sequence[Candidate]) -> dict[str, str]:
    """``mention_id -> event_id`` for all candidates.

    A candidate is compared with each open cluster's first mention and the dates its members
    agree on, and joins the most similar (of equals, the one opened first); it joins none
    whose members name a talk format other than its own (a dinner, a working lunch). Clusters
    are kept in blocks of one type and status (``_Block``), indexed by the dates they agree on
    and their first mention's actors, so a candidate meets only the clusters it could join: the
    work per mention stays flat as the corpus grows (but for undated mentions, which may join
    any cluster of their actors).
    """
    blocks: dict[tuple[str, str], _Block] = {}
    clusters: list[_Cluster] = []
    for cand in sorted(candidates, key=lambda c: (c.report_id, c.position, c.mention_id)):
        key = (cand.event_type, _status_group(cand.status))
        block = blocks.get(key)
        if block is None:
            block = blocks[key] = _Block()
        dates = set(cand.dates)
        best: _Cluster | None = None
        best_score = 0.0
        for cluster in block.meeting(cand):
            if cand.report_id in cluster.reports:
                continue
            if dates and cluster.dates and cluster.dates.isdisjoint(dates):
                continue
            # announcements whose stories give them different days are two ("Am Dienstag
            # sind Verhandlungen geplant" is not the meeting another preview sets on Monday)
            if (
                cand.status in FUTURE
                and cand.settled
                and cluster.settled
                and cluster.settled.isdisjoint(cand.settled)
            ):
                continue
            # a person's arrival its story sets on the weekday it names is not one that other
            # mentions date on other days ("am Samstagabend eingetroffen" is not the arrival at
            # the cathedral on Monday)
            if _settled_elsewhere(cand, cluster):
                continue
            # a dinner does not join talks of no format that a lunch joined ("talks up to a
            # working lunch on Friday" is not "the pre-dinner talks")
            if any(formats_differ(cand.talk_format, f) for f in cluster.formats):
                continue
            # nor does a dinner told as such ("had dinner with him") join talks told with no
            # format ("met him in the Oval Office"), or those talks a cluster with such a dinner
            if (cand.format_apart and cluster.bare) or (not cand.talk_format and cluster.apart):
                continue
            # nor do the talks of two told apart join a meeting of three or more told as such
            # ("later, Modi met Trump separately" is not "a trilateral meeting with Trump and
            # Abe"), or the other way round, whichever mention opened the cluster (the
            # trilateral told by a later report as by the first); only here: an announcement
            # still joins the meeting held that day that reports told with both (``_bridge``)
            if any(_two_of_several(cand, m) or _two_of_several(m, cand) for m in cluster.members):
                continue
            # nor does a meeting told at the airport join talks told with no such word ("a short
            # talk at the airport" is not "the talks"), or the other way round, whichever
            # mention opened the cluster
            if cand.meeting and any(m.at_airport != cand.at_airport for m in cluster.members):
                continue
            score = _similarity(cand, cluster.seed)
            if score is None:
                score = _joint_score(cand, cluster)
            if score is None:
                continue
            # the days its members agree on count as the first mention's would: a cluster
            # opened by a mention naming no day, that later ones dated, is as dated as one
            # opened by a dated mention (a report's second telling, which cannot join its
            # first, does not outbid the event others told first)
            if dates and cluster.dates and not cluster.seed.dates:
                score += _BOTH_DATED
            # the first of equals in opening order, as when every cluster is visited in turn
            if best is None or score > best_score or (score == best_score and cluster < best):
                best, best_score = cluster, score
        if best is None:
            best = _Cluster(seed=cand, order=len(clusters))
            best.add(cand)
            clusters.append(best)
            block.open(best)
            continue
        undated = not best.dates
        best.add(cand)
        if undated and best.dates:
            block.dated(best)
    clusters = _bridge([part for c in clusters for part in _by_settled_day(c)])
    result: dict[str, str] = {}
    for cluster in clusters:
        event_id = event_id_for(cluster.members)
        for m in cluster.members:
            result[m.mention_id] = event_id
    return result


def _joint_score(cand: Candidate, cluster: _Cluster) -> float | None:
    """How alike ``cand`` is to a member of ``cluster`` that tells an event of speaking as held
    by two or more people together ("Putin and Macron took part in a joint press conference"),
    when ``cand`` names one of them speaking at it and the cluster's first mention another: a
    joint press conference is one event whoever of its people a report quotes from it ("Macron
    said at the press conference", "Putin said in the press conference"). Two statements that
    no report tells as held together stay two, though given on one day ("Putin told state
    media", "Trump told reporters")."""
    if not cand.spoken or not cand.people:
        return None
    scores = [
        score
        for m in cluster.members[1:]
        if len(set(m.people)) > 1
        and set(cand.people) <= set(m.people)
        and (score := _similarity(cand, m)) is not None
    ]
    return max(scores, default=None)


def _settled_elsewhere(cand: Candidate, cluster: _Cluster) -> bool:
    """Whether a person's held arrival or departure (``per_person``) whose own day (a weekday,
    "am Vorabend") its story counted for it (``Candidate.day_told``, ``settled``) and held
    mentions that date the cluster's event agree on no day: "am Samstagabend in London
    eingetroffen" is not the arrival at the cathedral that other reports date on Monday; and
    the other way round (a dated mention and a cluster of such mentions). Only a day the
    mention names counts: the story's own day, given to all it leaves undated, may be another
    one's (talks told "in the Kremlin" the day after)."""
    if not cand.per_person or cand.status in FUTURE:
        return False
    if _status_group(cluster.seed.status) == "future":
        return False
    if cand.day_told and cand.settled and not cand.dates and cluster.dates:
        return cluster.dates.isdisjoint(cand.settled)
    if cand.dates and not cluster.dates and cluster.told:
        return cluster.told.isdisjoint(cand.dates)
    return False


def _by_settled_day(cluster: _Cluster) -> list[_Cluster]:
    """A held event that no mention dates, whose mentions their stories set on different days,
    as one event per day: the ministers' talks "on Sunday" in one report are not those "hours
    before" Monday's meeting in another. Only when every mention has such a day."""
    if cluster.dates or _status_group(cluster.seed.status) == "future":
        return [cluster]
    days = [m.settled for m in cluster.members]
    if not all(days) or len(set(days)) < 2:
        return [cluster]
    parts: dict[tuple[dt.date, ...], _Cluster] = {}
    for m in cluster.members:
        part = parts.get(m.settled)
        if part is None:
            part = parts[m.settled] = _Cluster(seed=m, order=cluster.order)
        part.add(m)
    return list(parts.values())


def _bridge(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join a meeting announced for a day to the one reported held (or called off) that day.

    A report written before an event announces it, one written after reports it: the same
    event. A cluster of an announced event joins the one cluster of the same type, held or
    cancelled, whose dates meet its own and that it could be one event with (but for the
    status); where none held on its day can be it (none was, or those held were of other
    people: the ministers' talks), the one held with no day (not even one its story gives) told
    with the same people (``_told_alike``). A report may tell both (a live blog's
    entry before the press conference and the one after it, a report updated once the talks
    were held): its two mentions are then one event told twice, where other reports tell it
    too; a report alone in announcing it and alone in telling one held tells two
    (``_alone_in_both``: "they are to hold talks this afternoon", "the two first met at a
    summit in Lima"), and no announcement joins the one held. An announcement that names
    no day joins one by the day its story gives it (``Candidate.settled``) or one that names
    no day either and that its story gives that day too, told with the same people
    (``_told_alike``), else only from reports written before or on its day, naming the same
    people (``_previewed``, ``_told_alike``), or, failing that, the one held event of its type
    that its reports do not tell and were not written after (``_held_elsewhere``); of several
    held that day, it joins the one told with its people, a report's second mention of one of
    them, left an event of its own, counting as none where the announcement names a day
    (``_told_again``). A meeting announced with two or more people that the held one is never
    told with is another meeting (``_others_announced``), and a meal announced as one of a
    sequence by a report that tells the talks held with no format, or talks of no format so
    announced by one that tells the meal held, another item of the day
    (``_format_told_otherwise``). Clusters are looked up by type and date.
    """
    by_day: dict[tuple[str, dt.date], list[_Cluster]] = {}
    for c in clusters:
        if _status_group(c.seed.status) != "future":
            # a held event that names no day, by the day its story gives it
            for day in c.dates or _settled(c):
                by_day.setdefault((c.seed.event_type, day), []).append(c)
    held = _Held(clusters)
    # held events with a day, by type and the people their first mention names
    by_people = {key: [c for c in found if c.dates] for key, found in held.named.items()}
    # a report alone in announcing an event and alone in telling one held tells two: the one
    # held is another occasion (a meeting it recalls), which no announcement of the day is,
    # and its announcement is then none of the others held that day either
    futures = [c for c in clusters if _status_group(c.seed.status) == "future"]
    alone = {
        id(f): [c for c in _held_fits(f, by_day, held, by_people, set()) if _alone_in_both(f, c)]
        for f in futures
        if len(f.reports) == 1
    }
    recalled = {id(c) for found in alone.values() for c in found}
    kept: list[_Cluster] = []
    for future in clusters:
        if _status_group(future.seed.status) != "future" or alone.get(id(future)):
            kept.append(future)
            continue
        fits = _held_fits(future, by_day, held, by_people, recalled)
        if len(fits) != 1:
            kept.append(future)
            continue
        for m in future.members:
            fits[0].add(m)
    return kept


def _held_fits(
    future: _Cluster,
    by_day: dict[tuple[str, dt.date], list[_Cluster]],
    held: _Held,
    by_people: dict[tuple[str, frozenset[str]], list[_Cluster]],
    recalled: set[int],
) -> list[_Cluster]:
    """The held events an announcement (``future``) may join (``_bridge``), none of those
    (by ``id``) in ``recalled``."""
    days = future.dates or _settled(future)
    # an item of a programme is not an event its own report tells held apart from it
    # ("10:30 am to 1:30 pm: The first session", beside the leaders' talks of the eve)
    listed = {m.report_id for m in future.members if m.programme}
    # talks announced with no format are not the held event told as a meal that their own
    # report tells as an event of its own ("an Oval Office meeting, and the Bidens will host a
    # state dinner" is not the dinner others tell held)
    meals = held.told_apart(future) if future.bare else set()
    if days:
        met = {
            c.order: c
            for day in days
            for c in by_day.get((future.seed.event_type, day), ())
            if (c.dates or _settled(c)) & days and id(c) not in recalled
        }
        fits = _fitting(future, met, days, listed, meals)
        if not fits:
            # none held that day that it could be: a held event of the same people that
            # names no day and that its story gives none ("Kishida will meet Xi on
            # Thursday" and "Kishida and Xi met in Bangkok", told undated), also where
            # others of its type were held that day (the talks of his ministers)
            met = {
                c.order: c
                for c in held.alike(future)
                if not c.dates
                and not _settled(c)
                and _told_alike(future, c)
                and id(c) not in recalled
            }
            fits = _fitting(future, met, days, listed, meals)
    else:
        met = _previewed(future, by_people) or _held_elsewhere(future, held)
        met = {k: c for k, c in met.items() if id(c) not in recalled}
        fits = _fitting(future, met, days, listed, meals)
    if len(fits) > 1:
        # of several held that day, the one told with the same people ("Scholz met Modi",
        # not the delegations' talks with their ministers)
        fits = [c for c in fits if _told_alike(future, c)]
        # a report that tells the event twice leaves its second mention an event of its
        # own (a cluster holds one mention of a report): not another one held that day
        if future.dates:
            fits = [c for c in fits if not any(_told_again(c, o) for o in fits)]
    return fits


def _fitting(
    future: _Cluster,
    met: dict[int, _Cluster],
    days: set[dt.date],
    listed: set[str],
    meals: Set[str],
) -> list[_Cluster]:
    """The held events of ``met`` that an announcement (``future``) can be: it must fit every
    mention of the held event, not only the first ("Lula" alone fits a meeting of Lula with
    Fico; "Lula and Putin" does not); a held event dated only by its story, as the
    announcement may be, must be told alike ("danach soll es eine Pressekonferenz geben" and
    the press conference held); none that a report of an item of a programme (``listed``)
    tells held apart from it; none told as a format (a dinner) that the announcement's own
    report tells as an event of its own (``meals``, ``_Held.told_apart``)."""
    as_told = replace(future.seed, status="occurred")
    return [
        c
        for c in met.values()
        if not c.reports & listed
        and not c.formats & meals
        and all(_similarity(as_told, replace(m, status="occurred")) is not None for m in c.members)
        and ((days and c.dates) or _told_alike(future, c))
        and not _others_announced(future, c)
        and not _format_told_otherwise(future, c)
    ]


def _format_told_otherwise(future: _Cluster, held: _Cluster) -> bool:
    """Whether a report announces, as one of a sequence (``Candidate.sequenced``), a meal or
    other item of the programme of its own (``Candidate.format_item``) and tells the held event
    with no format, or the other way round: it announces another item of the day ("they met on
    Saturday morning; a lunch with their wives was planned later", "after a lunch they are to
    meet again in the afternoon"). Told with no such word, a meal announced may be the meeting
    itself (a working lunch)."""
    told = {
        (m.report_id, m.format_item) for m in held.members if m.format_item or not m.talk_format
    }
    return any(
        (f.report_id, not f.format_item) in told
        for f in future.members
        if f.sequenced and (f.format_item or not f.talk_format)
    )


def _alone_in_both(future: _Cluster, held: _Cluster) -> bool:
    """Whether one report alone announces an event and alone tells one held: two events ("they
    are to hold talks this afternoon" and "the two first met at a summit in Lima", "she will see
    him tonight, after he met the premier this morning"); a report telling one event twice (a
    live blog's entry before the press conference and the one after it) has others telling it
    too."""
    return len(future.reports) == 1 and held.reports == future.reports


def _told_again(a: _Cluster, b: _Cluster) -> bool:
    """Whether ``a`` is one mention of a report that tells ``b`` higher up, with others telling
    ``b`` too, naming no talk format and no place that ``b`` does not (a working lunch after the
    talks is an event of its own): the report telling ``b`` a second time."""
    if a is b or len(a.members) != 1 or not a.reports < b.reports:
        return False
    if not a.formats <= b.formats or (a.apart and not b.apart):
        return False
    again = a.members[0]
    if again.place and again.place not in {m.place for m in b.members}:
        return False
    return any(m.report_id == again.report_id and m.position < again.position for m in b.members)


def _others_announced(future: _Cluster, held: _Cluster) -> bool:
    """Whether a meeting announced names two or more people that no mention of the held meeting
    names: it announces another meeting, not the one held ("Biden and Putin will meet Macron
    and Scholz on Wednesday" is not the talks of Biden and Putin held that day; the two foreign
    ministers' meeting announced for Monday is not their leaders' talks held that day)."""
    if not future.seed.meeting:
        return False
    told = {p for m in held.members for p in m.people}
    return any(len(set(m.people) - told) > 1 for m in future.members)


def _settled(cluster: _Cluster) -> set[dt.date]:
    """The day the stories give the mentions of an undated event (announced or held) that they
    date, if one (a preview its story leaves undated does not hold the others back)."""
    days = {m.settled for m in cluster.members if m.settled}
    return set(days.pop()) if len(days) == 1 else set()


def _previewed(
    future: _Cluster, by_people: dict[tuple[str, frozenset[str]], list[_Cluster]]
) -> dict[int, _Cluster]:
    """For an announcement that names no day but its people: the held events of its type and
    people that its reports were all written before or on a day it may have been held (a
    preview tells the event it announces; a report written after an event that announces one
    with no day looks ahead to another); of an event whose reports leave two days open (the
    evening before a morning report, or that morning), the later one counts: "he will hold
    talks with Modi" written on the day of talks dated the 5th or the 6th previews them."""
    written = [m.published for m in future.members]
    people = {frozenset(m.people) for m in future.members if m.people}
    if len(people) != 1 or any(day is None for day in written):
        return {}
    last = max(d for d in written if d is not None)
    found = by_people.get((future.seed.event_type, people.pop()), ())
    return {c.order: c for c in found if max(c.dates) >= last}


class _Held:
    """The held (or called off) events of a story by type and the people their first mention
    names, so that an announcement meets only those it could be told alike with."""

    def __init__(self, clusters: list[_Cluster]) -> None:
        self.named: dict[tuple[str, frozenset[str]], list[_Cluster]] = {}
        self.unnamed: dict[str, list[_Cluster]] = {}
        self.by_type: dict[str, list[_Cluster]] = {}
        #: the formats each report tells as an event of their own (``Candidate.format_apart``)
        self.apart: dict[tuple[str, str], set[str]] = {}
        for c in clusters:
            for m in c.members:
                if m.format_apart and m.talk_format:
                    self.apart.setdefault((m.event_type, m.report_id), set()).add(m.talk_format)
            if _status_group(c.seed.status) == "future":
                continue
            kind = c.seed.event_type
            self.by_type.setdefault(kind, []).append(c)
            if c.seed.people:
                self.named.setdefault((kind, frozenset(c.seed.people)), []).append(c)
            else:
                self.unnamed.setdefault(kind, []).append(c)

    def told_apart(self, future: _Cluster) -> set[str]:
        """The formats (a dinner) the reports of an announcement tell as events of their own, of
        its type."""
        kind = future.seed.event_type
        return {f for r in future.reports for f in self.apart.get((kind, r), ())}

    def alike(self, future: _Cluster) -> list[_Cluster]:
        """The held events of the announcement's type it could be told alike with
        (``_told_alike``): those of its people, and those naming no one, or, if it names no
        one, all; none where that would be more than ``_SMALL`` events naming no one (among
        many, one that names no one cannot be told apart)."""
        kind = future.seed.event_type
        people = {frozenset(m.people) for m in future.members if m.people}
        if len(people) > 1:
            return []
        unnamed = self.unnamed.get(kind, [])
        if people:
            named = self.named.get((kind, people.pop()), [])
            return named + (unnamed if len(unnamed) <= _SMALL else [])
        found = self.by_type.get(kind, [])
        return found if len(found) <= _SMALL else []


def _held_elsewhere(future: _Cluster, held: _Held) -> dict[int, _Cluster]:
    """For an announcement that names no day, when its reports' days do not tell when it was
    made: the held events of its type in its story that none of its reports tells and none was
    written after (a report that tells the talks held, or was written after them, and announces
    talks looks ahead to other ones, unless it and other reports tell them held at its place:
    ``_told_there``); it joins one only told with the same people (``_told_alike``), and only
    if one. None for a person's arrival or departure: one announced may be another leg of the
    journey."""
    if future.seed.per_person:
        return {}
    written = [m.published for m in future.members if m.published is not None]
    return {
        c.order: c
        for c in held.alike(future)
        if (not c.reports & future.reports or _told_there(future, c))
        and not (c.dates and any(day > min(c.dates) for day in written))
    }


def _told_there(future: _Cluster, held: _Cluster) -> bool:
    """Whether an announcement whose report tells the held event too is that event: all their
    mentions name one place, and other reports tell it held as well ("she flew to Geneva to meet
    him", in a report that then tells the talks in Geneva that others tell too); a report alone
    in telling the talks held is looking ahead to other ones."""
    places = {m.place for m in (*future.members, *held.members)}
    return len(places) == 1 and None not in places and bool(held.reports - future.reports)


def _told_alike(a: _Cluster, b: _Cluster) -> bool:
    """Whether every mention of two clusters that names people names the same ones, and, for a
    type held at distinct places (visits), the same place: what joins an event by no day must
    say who and where as it does."""
    members = (*a.members, *b.members)
    people = {frozenset(m.people) for m in members if m.people}
    if len(people) > 1:
        return False
    return not a.seed.distinct_places or len({m.place for m in members}) == 1


def _status_group(status: str) -> str:
    """Statuses that can be one event share a group (``_status_ok``)."""
    return "future" if status in FUTURE else status


#: Up to this many clusters in a block, visiting them all costs less than looking them up.
_SMALL = 12


class _Block:
    """The clusters of one type and status group, indexed so a candidate meets few of them.

    A cluster can take a candidate only when their dates meet (or one is undated) and their
    actors meet (or one names none). A dated candidate meets the clusters filed under its dates
    and the undated clusters of its actors; an undated one the clusters of its actors (all when
    it names none). The lists may also hold clusters the candidate cannot join (a cluster stays
    filed under a date its members no longer agree on): ``align`` checks each one it meets. A
    small block (most stories) is not indexed: visiting its clusters costs less.
    """

    __slots__ = ("all", "by_actor", "by_date", "indexed", "no_actors", "undated")

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self.indexed = False
        self.by_date: dict[dt.date, list[_Cluster]] = {}
        self.by_actor: dict[str, list[_Cluster]] = {}
        self.no_actors: list[_Cluster] = []
        # undated clusters by their seed's actors ("" for none); emptied as they get dates
        self.undated: dict[str, dict[int, _Cluster]] = {}

    def open(self, cluster: _Cluster) -> None:
        """Add a new cluster (with its first mention)."""
        self.all.append(cluster)
        if self.indexed:
            self._file(cluster)

    def dated(self, cluster: _Cluster) -> None:
        """File a cluster under its dates once it has some (they only narrow after that)."""
        if not self.indexed:
            return
        for actor in set(cluster.seed.actors) or ("",):
            self.undated[actor].pop(cluster.order, None)
        self._file_dates(cluster)

    def meeting(self, cand: Candidate) -> Iterable[_Cluster]:
        """The clusters ``cand`` may join, with perhaps some it may not, in no set order."""
        if len(self.all) <= _SMALL or not (cand.dates or cand.actors):
            return self.all
        if not self.indexed:
            self.indexed = True
            for cluster in self.all:
                self._file(cluster)
        found: dict[int, _Cluster] = {}
        if cand.dates:
            for day in cand.dates:
                for cluster in self.by_date.get(day, ()):
                    found[cluster.order] = cluster
            keys = {*cand.actors, ""} if cand.actors else self.undated.keys()
            for key in keys:
                found.update(self.undated.get(key, {}))
            return found.values()
        for actor in cand.actors:
            for cluster in self.by_actor.get(actor, ()):
                found[cluster.order] = cluster
        for cluster in self.no_actors:
            found[cluster.order] = cluster
        return found.values()

    def _file(self, cluster: _Cluster) -> None:
        """File a cluster under its seed's actors and its dates (or as undated)."""
        actors = set(cluster.seed.actors)
        for actor in actors:
            self.by_actor.setdefault(actor, []).append(cluster)
        if not actors:
            self.no_actors.append(cluster)
        if cluster.dates:
            self._file_dates(cluster)
            return
        for actor in actors or ("",):
            self.undated.setdefault(actor, {})[cluster.order] = cluster

    def _file_dates(self, cluster: _Cluster) -> None:
        for day in cluster.dates:
            self.by_date.setdefault(day, []).append(cluster)


def event_id_for(members: Sequence[Candidate]) -> str:
    """A stable id: the type, the earliest agreed date, and a hash of the first member."""
    first = min(members, key=lambda m: (m.report_id, m.position, m.mention_id))
    common = set(members[0].dates)
    for m in members[1:]:
        if m.dates:
            common = common & set(m.dates) if common else set(m.dates)
    day = min(common).isoformat() if common else "undated"
    digest = hashlib.sha1(first.mention_id.encode("utf-8")).hexdigest()[:6]
    return f"{first.event_type}-{day}-{digest}"
