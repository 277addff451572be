"""One ``event_id`` for the mentions of one real-world event across reports.

Two mentions from different reports can be the same event when their type and status agree
(announced and proposed are both "not yet"), their actors overlap (or one names none), their
places agree or contain one another (or lie in one time zone, unless the type has
``distinct_places``), their dates share a candidate,
and their talk formats do not differ. Mentions are clustered greedily in a fixed order (report
id, then position), each joining the compatible cluster whose first mention is most
similar and that holds no mention of its own report yet, so five outlets reporting one
afternoon make one event of five mentions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

_FUTURE = {"announced", "proposed"}


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
    distinct_places: bool = False


@dataclass
class _Cluster:
    seed: Candidate
    members: list[Candidate] = field(default_factory=list)
    reports: set[str] = field(default_factory=set)
    dates: set[dt.date] = field(default_factory=set)

    def add(self, cand: Candidate) -> None:
        self.members.append(cand)
        self.reports.add(cand.report_id)
        if cand.dates:
            self.dates = self.dates & set(cand.dates) if self.dates else set(cand.dates)


def _status_ok(a: str, b: str) -> bool:
    return a == b or (a in _FUTURE and b in _FUTURE)


def _place_ok(a: Candidate, b: Candidate) -> bool:
    if not a.place or not b.place:
        return True
    if a.place == b.place or a.place in b.place_within or b.place in a.place_within:
        return True
    if a.distinct_places:
        return False
    return a.timezone is not None and a.timezone == b.timezone


def _similarity(a: Candidate, b: Candidate) -> float | None:
    """None when ``a`` and ``b`` cannot be one event; else a score, higher is more alike."""
    if a.event_type != b.event_type or not _status_ok(a.status, b.status):
        return None
    if a.talk_format and b.talk_format and a.talk_format != b.talk_format:
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
        score += len(shared) / len(set(a.actors) | set(b.actors))
    if a.status == b.status:
        score += 0.5
    if a.dates and b.dates:
        score += 0.5
    if a.place and a.place == b.place:
        score += 0.25
    if a.talk_format and a.talk_format == b.talk_format:
        score += 0.25
    return score


def align(candidates: Sequence[Candidate]) -> dict[str, str]:
    """``mention_id -> event_id`` for all candidates.

    A candidate is compared with each open cluster's first mention and the dates its members
    agree on; clusters are kept per event type, so the work grows with the events of a type,
    not with all mentions.
    """
    by_type: dict[str, list[_Cluster]] = {}
    for cand in sorted(candidates, key=lambda c: (c.report_id, c.position, c.mention_id)):
        best: tuple[float, _Cluster] | None = None
        for cluster in by_type.get(cand.event_type, []):
            if cand.report_id in cluster.reports:
                continue
            if cand.dates and cluster.dates and not cluster.dates & set(cand.dates):
                continue
            score = _similarity(cand, cluster.seed)
            if score is not None and (best is None or score > best[0]):
                best = (score, cluster)
        if best is None:
            cluster = _Cluster(seed=cand)
            by_type.setdefault(cand.event_type, []).append(cluster)
        else:
            cluster = best[1]
        cluster.add(cand)
    result: dict[str, str] = {}
    for clusters in by_type.values():
        for cluster in clusters:
            event_id = event_id_for(cluster.members)
            for m in cluster.members:
                result[m.mention_id] = event_id
    return result


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
