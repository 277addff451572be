"""What the comparisons share: the table's events story by story in time order, with each
mention's source, and the check of a frame a comparison returned when it is passed back in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pandas as pd

from ..knowledge import Knowledge
from ..views.cells import event_label, source_labels, text_of
from ..views.chronology import chronology
from ..views.stories import split_stories

#: the column ``events_in_order`` adds to the mentions: their source, as ``source_labels`` names it
SOURCE = "_source"


def events_in_order(
    table: pd.DataFrame, *, knowledge: Knowledge | None = None
) -> Iterator[tuple[dict[str, Any], pd.DataFrame]]:
    """Each event of ``table``, story by story (``story_list``: the main story first), each
    story's events in the order of ``chronology``, with its mentions.

    Yields ``({"story_id", "event_id", "event_type", "label"}, mentions)``; the mentions carry
    their source (``source_labels``) in the column ``SOURCE``.
    """
    work = table.assign(**{SOURCE: source_labels(table).to_numpy()})
    for story, rows in split_stories(work):
        events = dict(list(rows.groupby(rows["event_id"].astype(str), sort=False)))
        for event_id in chronology(rows, knowledge=knowledge).events:
            mentions = events[event_id]
            event = {
                "story_id": story.story_id,
                "event_id": event_id,
                "event_type": mentions["event_type"].iloc[0],
                "label": event_label(mentions),
            }
            yield event, mentions


def check_frame(value: Any, columns: Sequence[str], *, argument: str, made_by: str) -> None:
    """Raise unless ``value`` is a DataFrame with ``columns``, as ``made_by`` returns it."""
    if not isinstance(value, pd.DataFrame):
        raise TypeError(
            f"{argument} must be the DataFrame from {made_by}; got {type(value).__name__}"
        )
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise ValueError(f"{argument} must come from {made_by}; missing columns {missing}")


def event_records_in_order(
    table: pd.DataFrame,
    *,
    knowledge: Knowledge | None = None,
    orders: Mapping[str, Sequence[str]] | None = None,
) -> Iterator[tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]]:
    """What ``events_in_order`` yields, with each event's mentions as rows (dicts, with their
    source in ``SOURCE``) grouped by source in the table's order: an archive's story has
    thousands of events, and a frame per event and per source would take most of the time.

    :param orders: story -> its events in time order (``Chronology.events``), where known.
    """
    work = table.assign(**{SOURCE: source_labels(table).to_numpy()})
    for story, rows in split_stories(work):
        by_event: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for row in rows.to_dict("records"):
            by_event.setdefault(str(row["event_id"]), {}).setdefault(row[SOURCE], []).append(row)
        known = (orders or {}).get(story.story_id)
        order = known if known is not None else chronology(rows, knowledge=knowledge).events
        for event_id in order:
            by_source = by_event[event_id]
            mentions = [row for found in by_source.values() for row in found]
            labels = Counter(str(r["label"]) for r in mentions if text_of(r["label"]))
            event = {
                "story_id": story.story_id,
                "event_id": event_id,
                "event_type": mentions[0]["event_type"],
                # as ``event_label``: most given, then longest, then first
                "label": max(labels, key=lambda label: (labels[label], len(label)), default=""),
            }
            yield event, by_source
