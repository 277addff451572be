"""The stories of a table, named for a reader, and the rows of one story.

Every mention belongs to a story (``story_id``): the summit, meeting or call it is about. The
timeline, the exported page, the explorer and the comparisons show one story at a time, so they
need to list the stories in a useful order (the main one first), name each one readably, and
take a story's rows. The names are read from the rows themselves - the place most mentions give,
the day most of them give, the people most of them name - never parsed from the id.

>>> listed = story_list(table)            # doctest: +SKIP
>>> listed[0].label                       # doctest: +SKIP
'Helsinki, 16 July 2018 — Putin, Trump (3 reports)'
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import pandas as pd
from babel.dates import format_date

from ..table.schema import as_date, validate_table
from .cells import as_list, text_of

#: Days apart that two busy days of one story may be and still read as one span ("11–12 June").
SPAN_DAYS = 2
_NO_PLACE = "Place not reported"
_NO_DATE = "date not reported"


@dataclass(frozen=True)
class Story:
    """One story of a table: its id, how it is named, and how much the reports say of it.

    ``title`` names it ("Helsinki, 16 July 2018 — Putin, Trump"); ``label`` adds how many
    reports tell it ("... (3 reports)", or "(recalled in 1 report)" for a story that its reports
    only recall while telling another one).
    """

    story_id: str
    title: str
    label: str
    place: str | None
    days: tuple[dt.date, ...]
    actors: tuple[str, ...]
    reports: int
    mentions: int
    recalled: bool


def story_key(value: object) -> str:
    """A ``story_id`` cell as text ('' for a missing one)."""
    return text_of(value) or ""


def story_keys(table: pd.DataFrame) -> pd.Series:
    """Each row's story as text, indexed like ``table`` ('' where the cell is missing)."""
    return table["story_id"].map(story_key)


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    return max(counts, key=lambda v: counts[v]) if counts else None  # first seen wins a tie


def _place(rows: pd.DataFrame) -> str | None:
    """The place most mentions of events that took place give (else most mentions): not the
    place proposed for the next meeting."""
    # as lists: a filtered frame per story would take most of an archive's list of stories
    places = [text_of(value) for value in rows["place"]]
    occurred = [t for t, s in zip(places, rows["status"], strict=True) if s == "occurred" and t]
    return _most_common(occurred) or _most_common(t for t in places if t)


def _days(rows: pd.DataFrame) -> tuple[dt.date, ...]:
    """The day most mentions give, widened to the neighbouring days that at least half as many
    mentions give (first and last day), or () when no mention is dated."""
    counts = Counter(d for d in map(as_date, rows["date"]) if d is not None)
    if not counts:
        return ()
    top = max(counts, key=lambda d: (counts[d], -d.toordinal()))
    busy = [d for d in counts if 2 * counts[d] >= counts[top] and abs((d - top).days) <= SPAN_DAYS]
    return (min(busy), max(busy)) if len(busy) > 1 else (top,)


def _actors(rows: pd.DataFrame) -> tuple[str, ...]:
    """The people named in at least half as many mentions as the most named one, by name."""
    counts = Counter(str(a) for value in rows["actors"] for a in dict.fromkeys(as_list(value)))
    if not counts:
        return ()
    top = max(counts.values())
    return tuple(sorted(a for a, n in counts.items() if 2 * n >= top))


def date_span_text(days: tuple[dt.date, ...], locale: str = "en") -> str:
    """'16 July 2018', '11–12 June 2018', '30 June – 1 July 2018', or '' for no day."""
    if not days:
        return ""
    first, last = days[0], days[-1]
    end = format_date(last, "d MMMM y", locale=locale)
    if first == last:
        return end
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{end}"
    pattern = "d MMMM" if first.year == last.year else "d MMMM y"
    return f"{format_date(first, pattern, locale=locale)} – {end}"


def _own_stories(keys: pd.Series, reports: pd.Series) -> dict[str, set[str]]:
    """Each report's own stories: those it has the most mentions of."""
    counts = Counter(zip(reports, keys, strict=True))
    best: dict[str, int] = {}
    for (report, _), n in counts.items():
        best[report] = max(best.get(report, 0), n)
    own: dict[str, set[str]] = {}
    for (report, key), n in counts.items():
        if n == best[report]:
            own.setdefault(report, set()).add(key)
    return own


def story_list(table: pd.DataFrame, *, locale: str = "en") -> list[Story]:
    """The stories of ``table``, the main one first.

    Stories that some report tells come before those only recalled; then more reports first,
    then more mentions, then the earlier day. The main story - the one the timeline shows first
    - is the first: the one with most reports, then most mentions.

    :param table: an event table from ``extract_events``.
    :param locale: locale of the dates in the names (babel), e.g. ``"en"`` or ``"de"``.
    """
    validate_table(table)
    keys = story_keys(table)
    reports = table["report_id"].astype(str)
    own = _own_stories(keys, reports)
    found = []
    for key, rows in table.groupby(keys, sort=False):
        place = _place(rows)
        days = _days(rows)
        actors = _actors(rows)
        title = f"{place or _NO_PLACE}, {date_span_text(days, locale) or _NO_DATE}"
        if actors:
            title += f" — {', '.join(actors)}"
        tellers = set(reports[rows.index])
        recalled = not any(str(key) in own[r] for r in tellers)
        count = f"{len(tellers)} report{'' if len(tellers) == 1 else 's'}"
        label = f"{title} ({'recalled in ' if recalled else ''}{count})"
        found.append(
            Story(str(key), title, label, place, days, actors, len(tellers), len(rows), recalled)
        )
    found.sort(
        key=lambda s: (
            s.recalled,
            -s.reports,
            -s.mentions,
            s.days[:1] or (dt.date.max,),
            s.story_id,
        )
    )
    return _unique_labels(found)


def _unique_labels(found: list[Story]) -> list[Story]:
    """Stories whose names read the same get their id added, so that a menu tells them apart."""
    titles = Counter(s.title for s in found)
    named = []
    for story in found:
        if titles[story.title] > 1:
            title = f"{story.title} [{story.story_id}]"
            story = replace(story, title=title, label=story.label.replace(story.title, title, 1))
        named.append(story)
    return named


def stories(table: pd.DataFrame, *, locale: str = "en") -> pd.DataFrame:
    """The stories of ``table`` as a frame, the main one first (see ``story_list``).

    Columns: ``story_id``, ``label``, ``place``, ``first_day``, ``last_day``, ``actors``,
    ``reports``, ``mentions``, ``recalled``. Pass a ``story_id`` as ``story=`` to the timeline,
    the page and the comparisons to show that story.
    """
    rows = [
        {
            "story_id": s.story_id,
            "label": s.label,
            "place": s.place,
            "first_day": s.days[0] if s.days else None,
            "last_day": s.days[-1] if s.days else None,
            "actors": list(s.actors),
            "reports": s.reports,
            "mentions": s.mentions,
            "recalled": s.recalled,
        }
        for s in story_list(table, locale=locale)
    ]
    columns = ["story_id", "label", "place", "first_day", "last_day", "actors", "reports"]
    return pd.DataFrame(rows, columns=[*columns, "mentions", "recalled"])


def select_story(
    table: pd.DataFrame, story: str | None, *, argument: str = "story"
) -> pd.DataFrame:
    """The rows of ``table`` that belong to ``story`` (the whole table when it is None).

    Raises ``ValueError`` listing the table's stories when ``story`` is not one of them.
    """
    validate_table(table)
    if story is None:
        return table
    if not isinstance(story, str):
        raise TypeError(f"{argument} must be a story_id (str) or None; got {type(story).__name__}")
    keys = story_keys(table)
    if story not in set(keys):
        choices = ", ".join(repr(s) for s in dict.fromkeys(keys)) or "none (the table is empty)"
        raise ValueError(
            f"{argument}={story!r} is not a story of the table; its stories: {choices}"
        )
    return table[keys == story]


def split_stories(table: pd.DataFrame) -> Iterator[tuple[Story, pd.DataFrame]]:
    """Each story of ``table`` (in ``story_list`` order) with its rows."""
    keys = story_keys(table)
    for story in story_list(table):
        yield story, table[keys == story.story_id]
