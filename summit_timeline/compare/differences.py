"""Where outlets differ on an event: the one computation behind the comparison tables, the
timeline's hover texts and the exported page.

:func:`discrepancies` gives one row per event, attribute and source (long format, for a
notebook to filter and pivot); :func:`discrepancy_list` groups those rows into
:class:`Discrepancy` objects, each with the source's values as shown (``"not given"``, ``"not
reported"``), which the hover texts and the page's table render; :func:`discrepancy_summary`
puts the sources side by side in a frame.

An event that some sources of its story do not report gets a ``reported_by`` row for each
source that reports it, never one for each that does not: a story of an archive may be told by
hundreds of reports, and a row per silent source per event would grow as events times sources.
Who the story's sources are is kept once per story in the frame's ``attrs["sources"]``, and the
grouped and side-by-side views name the silent ones from there (a few by name, many as a
count).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from ..knowledge import Knowledge, resolve
from ..reading.corpus import Corpus
from ..table.schema import is_missing
from ..views.cells import source_labels
from ..views.stories import select_story, story_keys
from .attributes import Evidence, Key, Value, main_evidence, row_attributes
from .frames import check_frame, event_records_in_order

DiscrepancyKind = Literal["reported_by_some", "given_by_some", "differs"]

DISCREPANCY_COLUMNS: tuple[str, ...] = (
    "story_id",
    "event_id",
    "event_type",
    "label",
    "attribute",
    "detail",
    "kind",
    "outlet",
    "report_id",
    "value",
    "evidence",
    "char_start",
    "char_end",
)
"""Columns of :func:`discrepancies`, in order.

- ``story_id``: the story the event belongs to (rows come story by story, the main one first);
- ``event_id``, ``event_type``, ``label``: the event, labelled as its row in the timeline
  (``views.cells.event_label``: the label most of its mentions give);
- ``attribute``: ``reported_by``, ``status``, ``duration``, ``planned_duration``, ``place``,
  ``date``, ``time``, ``first_speaker``, ``actor`` or ``quote``;
- ``detail``: for ``actor`` the actor's name, for ``quote`` the speaker (``"unattributed"`` when
  the text names none), else empty;
- ``kind``: ``reported_by_some`` (the event is not reported by every outlet of its story: one
  row per outlet that reports it, value ``"reported"``; the story's outlets are in
  ``attrs["sources"]``),
  ``given_by_some`` (some outlets reporting the event give the attribute, others do not) or
  ``differs`` (outlets give different values);
- ``outlet``, ``report_id``: the source of this row (see :func:`source_labels`);
- ``value``: the source's value as a readable string, or None when it does not give one;
- ``evidence``, ``char_start``, ``char_end``: the sentence of the report that gives the value,
  with its offsets in ``Report.text`` (None where the source gives no value).
"""

#: How a source that gives no value is shown: it does not report the event, or does not say.
#: A mention as the comparison reads it: a row by column name (a dict, or a ``Series``).
Row = Mapping[str, Any]

NOT_REPORTED = "not reported"
NOT_GIVEN = "not given"
_REPORTED = "reported"
#: The sources that do not report an event are named (``Discrepancy.values``) when their story
#: has at most this many; a story with more counts them (``Discrepancy.unnamed``).
NAMED_SOURCES = 8


def discrepancies(
    table: pd.DataFrame,
    *,
    story: str | None = None,
    corpus: Corpus | None = None,
    knowledge: Knowledge | None = None,
) -> pd.DataFrame:
    """Where outlets differ: one row per event, attribute and outlet (see ``DISCREPANCY_COLUMNS``).

    For each event reported by two or more outlets, the attributes on which they differ - status,
    duration with its hedge, planned duration, place, date, clock time, who spoke first, the
    actors named, and the quotes per speaker - with each outlet's value and evidence sentence. An
    attribute given by some outlets only counts as a difference (``kind="given_by_some"``). Events
    not reported by every outlet of its story get ``attribute="reported_by"`` rows
    (``kind="reported_by_some"``, value ``"reported"``), one per outlet that reports it: the
    others are the story's outlets (``attrs["sources"]``: story -> its outlets, in order) that
    have no such row. A story told by a single outlet has no discrepancies. Events come story
    by story (the main story first), each story's in the order of
    :func:`summit_timeline.chronology`.

    :param table: an event table from ``extract_events``.
    :param story: a ``story_id`` to compare the outlets on that story only; default every story.
    :param corpus: the reports the table was built from; when given, who spoke first is also
        read from the report text between an event's evidence and the next event's, not only
        from the evidence sentences.
    :param knowledge: event types and lexicons (``load_knowledge()``); default the packaged one.
    """
    table = select_story(table, story)
    if corpus is not None and not isinstance(corpus, Corpus):
        raise TypeError(
            "corpus must be a summit_timeline Corpus (from load_reports); "
            f"got {type(corpus).__name__}"
        )
    return story_discrepancies(table, corpus=corpus, knowledge=resolve(knowledge))


def story_discrepancies(
    table: pd.DataFrame,
    *,
    corpus: Corpus | None = None,
    knowledge: Knowledge,
    orders: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """``discrepancies`` of a table already checked, with its stories' events in time order
    where known (``orders``: story -> ``Chronology.events``), so that a view that has placed
    them does not place them again."""
    names, keys = source_labels(table), story_keys(table)
    sources = {key: list(dict.fromkeys(names[keys == key])) for key in dict.fromkeys(keys)}
    rows: list[dict[str, Any]] = []
    compared = {key: found for key, found in sources.items() if len(found) >= 2}
    if not compared:
        return _frame(rows, compared)
    for event, by_source in event_records_in_order(table, knowledge=knowledge, orders=orders):
        everyone = sources[event["story_id"]]
        if len(everyone) < 2:
            continue
        rows += _reported_by(event, everyone, by_source)
        telling = [s for s in everyone if s in by_source]
        if len(telling) >= 2:
            values = {
                s: row_attributes(by_source[s], corpus=corpus, table=table, knowledge=knowledge)
                for s in telling
            }
            rows += _differing(event, {s: by_source[s][0] for s in telling}, values)
    return _frame(rows, compared)


def _frame(rows: list[dict[str, Any]], sources: dict[str, list[str]]) -> pd.DataFrame:
    """The rows as the frame ``discrepancies`` returns, with each compared story's sources in
    ``attrs["sources"]``."""
    found = pd.DataFrame(rows, columns=list(DISCREPANCY_COLUMNS))
    found.attrs["sources"] = sources
    return found


def _reported_by(
    event: dict[str, Any], everyone: list[str], by_source: Mapping[str, list[Row]]
) -> list[dict[str, Any]]:
    """``reported_by`` rows, one per source that reports the event, if some source of its story
    does not (those get no row: see the module's note)."""
    if len(by_source) == len(everyone):
        return []
    rows = []
    for source in everyone:
        group = by_source.get(source)
        if group:
            mention = group[0]
            given = (_REPORTED, main_evidence(mention))
            rows.append(
                _row(event, ("reported_by", ""), "reported_by_some", source, mention, given)
            )
    return rows


def _differing(
    event: dict[str, Any],
    mentions: Mapping[str, Row],
    values: Mapping[str, dict[Key, Value]],
) -> list[dict[str, Any]]:
    """Rows for each attribute whose values differ between the sources, or that some omit."""
    keys: dict[Key, None] = {}
    for source in mentions:
        keys.update(dict.fromkeys(values[source]))
    rows = []
    for key in keys:
        given = {s: values[s].get(key) for s in mentions}
        compared = {repr(v[0]) for v in given.values() if v is not None}
        if len(compared) == 1 and all(v is not None for v in given.values()):
            continue
        kind: DiscrepancyKind = "differs" if len(compared) > 1 else "given_by_some"
        for source, mention in mentions.items():
            value = given[source]
            shown = None if value is None else (value[1], value[2])
            rows.append(_row(event, key, kind, source, mention, shown))
    return rows


def _row(
    event: dict[str, Any],
    key: Key,
    kind: DiscrepancyKind,
    source: str,
    mention: Row | None,
    given: tuple[str, Evidence] | None,
) -> dict[str, Any]:
    value, (sentence, start, end) = given if given is not None else (None, (None, None, None))
    return {
        **event,
        "attribute": key[0],
        "detail": key[1],
        "kind": kind,
        "outlet": source,
        "report_id": None if mention is None else mention["report_id"],
        "value": value,
        "evidence": sentence,
        "char_start": start,
        "char_end": end,
    }


# --------------------------------------------------------------------------- grouped


@dataclass(frozen=True)
class Discrepancy:
    """One point where outlets differ on an event, with each source's value as shown."""

    event_id: str
    label: str
    attribute: str
    detail: str = ""
    kind: DiscrepancyKind = "differs"
    #: source -> its value, or ``NOT_GIVEN`` / ``NOT_REPORTED``
    values: Mapping[str, str] = field(default_factory=dict)
    story_id: str = ""
    #: sources of the story that do not report the event and are not named in ``values`` (a
    #: story of more than ``NAMED_SOURCES`` sources)
    unnamed: int = 0

    @property
    def aspect(self) -> str:
        """What differs, as shown: 'duration', 'planned duration', 'actor (Lavrov)'."""
        name = self.attribute.replace("_", " ")
        return f"{name} ({self.detail})" if self.detail else name

    def parts(self) -> list[str]:
        """Each source's value as shown ('A: nur 165 min'), then the unnamed ones' count."""
        parts = [f"{source}: {value}" for source, value in self.values.items()]
        if self.unnamed:
            others = "other source" if self.unnamed == 1 else "other sources"
            parts.append(f"{self.unnamed} {others}: {NOT_REPORTED}")
        return parts

    def text(self) -> str:
        """Plain one-line text: 'duration: A: nur 165 min · B: gut 150 min'."""
        return f"{self.aspect}: {' · '.join(self.parts())}"


def story_sources(found: pd.DataFrame) -> dict[str, list[str]]:
    """Each story's sources compared in ``found`` (a frame of :func:`discrepancies`): its
    ``attrs["sources"]``, or, for a frame that lost them, the sources its rows name."""
    given = found.attrs.get("sources")
    if isinstance(given, dict):
        return {str(k): list(v) for k, v in given.items()}
    named: dict[str, dict[str, None]] = {}
    for story, outlet in zip(found["story_id"], found["outlet"], strict=True):
        named.setdefault(str(story), {})[str(outlet)] = None
    return {story: list(outlets) for story, outlets in named.items()}


def discrepancy_list(found: pd.DataFrame) -> list[Discrepancy]:
    """The rows of :func:`discrepancies` as one ``Discrepancy`` per event, attribute and detail.

    In the frame's order; a source that gives no value shows ``NOT_GIVEN``. For ``reported_by``,
    the story's sources that do not report the event show ``NOT_REPORTED`` when the story has at
    most ``NAMED_SOURCES`` sources, else they are counted in ``unnamed``.

    :param found: the frame returned by :func:`discrepancies`.
    """
    check_frame(found, DISCREPANCY_COLUMNS, argument="found", made_by="discrepancies()")
    sources = story_sources(found)
    grouped: list[Discrepancy] = []
    # rows grouped by (event, attribute, detail) in the frame's order, as dicts: a frame per
    # group would take most of the time on an archive's thousands of events
    groups: dict[tuple[str, str, str | None], list[dict[str, Any]]] = {}
    for row in found.to_dict("records"):
        detail = None if is_missing(row["detail"]) else str(row["detail"])
        groups.setdefault((str(row["event_id"]), str(row["attribute"]), detail), []).append(row)
    for group in groups.values():
        first = group[0]
        values = {
            str(row["outlet"]): NOT_GIVEN if is_missing(row["value"]) else str(row["value"])
            for row in group
        }
        unnamed = 0
        if first["attribute"] == "reported_by":
            values, unnamed = _silent(values, sources.get(str(first["story_id"]), []))
        grouped.append(
            Discrepancy(
                event_id=str(first["event_id"]),
                label=str(first["label"]),
                attribute=str(first["attribute"]),
                detail="" if is_missing(first["detail"]) else str(first["detail"]),
                kind=first["kind"],
                values=values,
                story_id=str(first["story_id"]),
                unnamed=unnamed,
            )
        )
    return grouped


def _silent(reporting: dict[str, str], everyone: list[str]) -> tuple[dict[str, str], int]:
    """The values of a ``reported_by`` point: the reporting sources, and the silent ones named
    ``NOT_REPORTED`` in the story's order (a story of few sources) or counted."""
    silent = [s for s in everyone if s not in reporting]
    if len(everyone) > NAMED_SOURCES:
        return reporting, len(silent)
    return {s: reporting.get(s, NOT_REPORTED) for s in [*everyone, *reporting] if s}, 0


def discrepancy_summary(found: pd.DataFrame, *, story: str | None = None) -> pd.DataFrame:
    """One row per (story, event, attribute, detail) with the outlets' values side by side.

    A source that gives no value shows ``NOT_GIVEN``; on a ``reported_by`` row, a source of the
    story that does not report the event shows ``NOT_REPORTED`` (in the words of the hover texts
    and the exported page); an outlet with no report in the row's story shows ''.

    :param found: the frame returned by :func:`discrepancies`.
    :param story: a ``story_id`` to keep that story's rows only (its outlets' columns only).
    """
    check_frame(found, DISCREPANCY_COLUMNS, argument="found", made_by="discrepancies()")
    sources = story_sources(found)
    if story is not None:
        found = found[found["story_id"] == story]
        sources = {story: sources.get(story, [])}
    keys = ["story_id", "event_id", "label", "attribute", "detail", "kind"]
    if found.empty:
        return pd.DataFrame(columns=keys)
    # one row per combination that occurs (a pivot table would span every product of keys)
    values = found.groupby([*keys, "outlet"], sort=False, dropna=False)["value"]
    told = {s: None for key in dict.fromkeys(found["story_id"]) for s in sources.get(key, [])}
    columns = list(dict.fromkeys([*found["outlet"], *told]))
    wide = values.first().unstack("outlet").reindex(columns=columns).astype(object)
    present = values.size().unstack("outlet").reindex(columns=columns).notna()
    reported_by = wide.index.get_level_values("attribute") == "reported_by"
    member = _members(wide.index.get_level_values("story_id"), columns, sources)
    for column in columns:
        given = wide[column].where(wide[column].notna(), NOT_GIVEN)
        silent = pd.Series(NOT_REPORTED, index=wide.index).where(reported_by & member[column], "")
        wide[column] = given.where(present[column], silent)
    wide.columns.name = None
    rows = found.drop_duplicates(["event_id", "attribute", "detail"])[keys]
    return rows.merge(wide.reset_index(), how="left", on=keys).reset_index(drop=True)


def _members(
    stories: pd.Index, columns: list[str], sources: Mapping[str, list[str]]
) -> dict[str, np.ndarray]:
    """For each column (a source), which rows (by their story) belong to a story it tells."""
    keys = np.asarray([str(s) for s in stories], dtype=object)
    member = {column: np.zeros(len(keys), dtype=bool) for column in columns}
    for story, outlets in sources.items():
        rows = keys == story
        for outlet in outlets:
            if outlet in member:
                member[outlet] |= rows
    return member
