"""Where outlets differ on an event: the one computation behind the comparison tables, the
timeline's hover texts and the exported page.

:func:`discrepancies` gives one row per event, attribute and source (long format, for a
notebook to filter and pivot); :func:`discrepancy_list` groups those rows into
:class:`Discrepancy` objects, each with the source's values as shown (``"not given"``, ``"not
reported"``), which the hover texts and the page's table render; :func:`discrepancy_summary`
puts the sources side by side in a frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from ..knowledge import Knowledge, resolve
from ..reading.corpus import Corpus
from ..table.schema import is_missing
from ..views.cells import source_labels
from ..views.stories import select_story, story_keys
from .attributes import Evidence, Key, Value, main_evidence, source_attributes
from .frames import SOURCE, check_frame, events_in_order

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
- ``kind``: ``reported_by_some`` (the event is not reported by every outlet of its story),
  ``given_by_some`` (some outlets reporting the event give the attribute, others do not) or
  ``differs`` (outlets give different values);
- ``outlet``, ``report_id``: the source of this row (see :func:`source_labels`);
- ``value``: the source's value as a readable string, or None when it does not give one;
- ``evidence``, ``char_start``, ``char_end``: the sentence of the report that gives the value,
  with its offsets in ``Report.text`` (None where the source gives no value).
"""

#: How a source that gives no value is shown: it does not report the event, or does not say.
NOT_REPORTED = "not reported"
NOT_GIVEN = "not given"
_REPORTED = "reported"


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
    (``kind="reported_by_some"``, value ``"reported"`` or None). A story told by a single outlet
    has no discrepancies. Events come story by story (the main story first), each story's in the
    order of :func:`summit_timeline.chronology`.

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
    knowledge = resolve(knowledge)
    names, keys = source_labels(table), story_keys(table)
    sources = {key: list(dict.fromkeys(names[keys == key])) for key in dict.fromkeys(keys)}
    rows: list[dict[str, Any]] = []
    if all(len(found) < 2 for found in sources.values()):
        return pd.DataFrame(rows, columns=list(DISCREPANCY_COLUMNS))
    for event, mentions in events_in_order(table, knowledge=knowledge):
        everyone = sources[event["story_id"]]
        if len(everyone) < 2:
            continue
        by_source = dict(list(mentions.groupby(SOURCE, sort=False)))
        rows += _reported_by(event, everyone, by_source)
        telling = [s for s in everyone if s in by_source]
        if len(telling) >= 2:
            values = {
                s: source_attributes(by_source[s], corpus=corpus, table=table, knowledge=knowledge)
                for s in telling
            }
            rows += _differing(event, {s: by_source[s].iloc[0] for s in telling}, values)
    return pd.DataFrame(rows, columns=list(DISCREPANCY_COLUMNS))


def _reported_by(
    event: dict[str, Any], everyone: list[str], by_source: Mapping[str, pd.DataFrame]
) -> list[dict[str, Any]]:
    """``reported_by`` rows, one per source of the table, if some source does not report it."""
    if len(by_source) == len(everyone):
        return []
    rows = []
    for source in everyone:
        group = by_source.get(source)
        mention = None if group is None else group.iloc[0]
        given = None if mention is None else (_REPORTED, main_evidence(mention))
        rows.append(_row(event, ("reported_by", ""), "reported_by_some", source, mention, given))
    return rows


def _differing(
    event: dict[str, Any],
    mentions: Mapping[str, pd.Series],
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
    mention: pd.Series | None,
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

    @property
    def aspect(self) -> str:
        """What differs, as shown: 'duration', 'planned duration', 'actor (Lavrov)'."""
        name = self.attribute.replace("_", " ")
        return f"{name} ({self.detail})" if self.detail else name

    def text(self) -> str:
        """Plain one-line text: 'duration: A: nur 165 min · B: gut 150 min'."""
        parts = " · ".join(f"{source}: {value}" for source, value in self.values.items())
        return f"{self.aspect}: {parts}"


def discrepancy_list(found: pd.DataFrame) -> list[Discrepancy]:
    """The rows of :func:`discrepancies` as one ``Discrepancy`` per event, attribute and detail.

    In the frame's order; a source that gives no value shows ``NOT_GIVEN`` (``NOT_REPORTED`` for
    ``reported_by``).

    :param found: the frame returned by :func:`discrepancies`.
    """
    check_frame(found, DISCREPANCY_COLUMNS, argument="found", made_by="discrepancies()")
    grouped: list[Discrepancy] = []
    keys = ["event_id", "attribute", "detail"]
    for _, group in found.groupby(keys, sort=False, dropna=False):
        first = group.iloc[0]
        empty = NOT_REPORTED if first["attribute"] == "reported_by" else NOT_GIVEN
        values = {
            str(row["outlet"]): empty if is_missing(row["value"]) else str(row["value"])
            for _, row in group.iterrows()
        }
        grouped.append(
            Discrepancy(
                event_id=str(first["event_id"]),
                label=str(first["label"]),
                attribute=str(first["attribute"]),
                detail="" if is_missing(first["detail"]) else str(first["detail"]),
                kind=first["kind"],
                values=values,
                story_id=str(first["story_id"]),
            )
        )
    return grouped


def discrepancy_summary(found: pd.DataFrame, *, story: str | None = None) -> pd.DataFrame:
    """One row per (story, event, attribute, detail) with the outlets' values side by side.

    A source that gives no value shows ``NOT_GIVEN`` (``NOT_REPORTED`` for ``reported_by``), in
    the words of the hover texts and the exported page; an outlet with no report in the row's
    story shows ''.

    :param found: the frame returned by :func:`discrepancies`.
    :param story: a ``story_id`` to keep that story's rows only (its outlets' columns only).
    """
    check_frame(found, DISCREPANCY_COLUMNS, argument="found", made_by="discrepancies()")
    if story is not None:
        found = found[found["story_id"] == story]
    keys = ["story_id", "event_id", "label", "attribute", "detail", "kind"]
    if found.empty:
        return pd.DataFrame(columns=keys)
    # one row per combination that occurs (a pivot table would span every product of keys)
    values = found.groupby([*keys, "outlet"], sort=False, dropna=False)["value"]
    columns = list(dict.fromkeys(found["outlet"]))
    wide = values.first().unstack("outlet").reindex(columns=columns).astype(object)
    present = values.size().unstack("outlet").reindex(columns=columns).notna()
    reported_by = wide.index.get_level_values("attribute") == "reported_by"
    empty = pd.Series([NOT_REPORTED if f else NOT_GIVEN for f in reported_by], index=wide.index)
    for column in columns:
        given = wide[column].where(wide[column].notna(), empty)
        wide[column] = given.where(present[column], "")
    wide.columns.name = None
    rows = found.drop_duplicates(["event_id", "attribute", "detail"])[keys]
    return rows.merge(wide.reset_index(), how="left", on=keys).reset_index(drop=True)
