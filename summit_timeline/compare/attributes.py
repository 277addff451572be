"""What one source says about one event: the attributes outlets are compared on.

For the mentions of one event by one source, ``source_attributes`` gives each attribute it
states - status, duration with its hedge, planned duration, place, date, clock time, who spoke
first, each actor named, the quotes of each speaker - as ``(key, text, evidence)``: what is
compared, the text shown (the same words as the figure's hover and the page's tables), and the
sentence of the report that states it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..knowledge import Knowledge
from ..reading.corpus import Corpus, Report
from ..table.schema import as_date, is_missing
from ..views.cells import (
    as_dicts,
    as_list,
    clock_text,
    duration_text,
    format_minutes,
    has_clock,
    number_text,
    text_of,
)
from .first_speaker import Evidence, speaking_first
from .voice import report_sentences

#: ``(attribute, detail)``: ``("duration", "")``, ``("actor", "Lavrov")``, ``("quote", "Trump")``
Key = tuple[str, str]
#: ``(what is compared, the text shown, the sentence stating it)``
Value = tuple[Any, str, Evidence]

#: ``detail`` of the quotes whose speaker the text does not name
UNATTRIBUTED = "unattributed"
# A date taken from the publication time or from another report is not given by the outlet.
_GIVEN_DATE_SOURCES = frozenset({"stated", "relative"})


@dataclass(frozen=True)
class _Source:
    """The mentions of one event by one source, and what they are read with."""

    rows: list[pd.Series]
    report: Report | None
    table: pd.DataFrame
    knowledge: Knowledge

    def first_given(self, column: str) -> pd.Series | None:
        return next((r for r in self.rows if not is_missing(r[column])), None)


def source_attributes(
    group: pd.DataFrame, *, corpus: Corpus | None, table: pd.DataFrame, knowledge: Knowledge
) -> dict[Key, Value]:
    """The attributes one source gives for one event (``group``: its mentions of the event).

    :param corpus: the reports, to read who spoke first and the quotes' sentences from the text.
    :param table: the whole table, to find where the next event's evidence begins.
    """
    return row_attributes(
        [row for _, row in group.iterrows()], corpus=corpus, table=table, knowledge=knowledge
    )


def row_attributes(
    rows: Sequence[Mapping[str, Any]],
    *,
    corpus: Corpus | None,
    table: pd.DataFrame,
    knowledge: Knowledge,
) -> dict[Key, Value]:
    """``source_attributes`` of mentions given as rows (``Series`` or dicts by column)."""
    source = _Source(list(rows), _report_for(rows[0], corpus), table, knowledge)
    found: dict[Key, Value] = {}
    for read in _READERS:
        found.update(read(source))
    return found


def _status(source: _Source) -> dict[Key, Value]:
    row = source.first_given("status")
    if row is None:
        return {}
    return {("status", ""): (row["status"], str(row["status"]), main_evidence(row))}


def _duration(source: _Source) -> dict[Key, Value]:
    row = source.first_given("duration_min")
    if row is None:
        return {}
    minutes = float(row["duration_min"])
    hedge = text_of(row["duration_hedge"])
    evidence = _evidence_with(row, [hedge, number_text(minutes)])
    return {("duration", ""): ((minutes, (hedge or "").casefold()), duration_text(row), evidence)}


def _planned(source: _Source) -> dict[Key, Value]:
    row = source.first_given("planned_duration_min")
    if row is None:
        return {}
    minutes = float(row["planned_duration_min"])
    evidence = _evidence_with(row, [number_text(minutes)])
    return {("planned_duration", ""): (minutes, format_minutes(minutes), evidence)}


def _place(source: _Source) -> dict[Key, Value]:
    row = next((r for r in source.rows if text_of(r["place"])), None)
    if row is None:
        return {}
    name = str(row["place"])
    return {("place", ""): (name.casefold(), name, _evidence_with(row, [name]))}


def _date(source: _Source) -> dict[Key, Value]:
    row = next(
        (r for r in source.rows if as_date(r["date"]) and r["date_source"] in _GIVEN_DATE_SOURCES),
        None,
    )
    if row is None:
        return {}
    day = as_date(row["date"])
    text = day.isoformat() if day else str(row["date"])
    if row["date_source"] != "stated":
        text += f" ({row['date_source']})"
    return {("date", ""): (day, text, main_evidence(row))}


def _time(source: _Source) -> dict[Key, Value]:
    row = next((r for r in source.rows if has_clock(r)), None)
    if row is None:
        return {}
    zone = text_of(row["timezone"])
    moments = (_instant(row["start"]), _instant(row["end"]))
    text = clock_text(row, zone) + (f" ({zone})" if zone else "")
    return {("time", ""): (moments, text, main_evidence(row))}


def _instant(value: Any) -> str | None:
    """A moment as comparable text: the same instant given in two zones reads the same."""
    if is_missing(value):
        return None
    stamp = pd.Timestamp(value)
    return (stamp.tz_convert("UTC") if stamp.tzinfo is not None else stamp).isoformat()


def _first_speaker(source: _Source) -> dict[Key, Value]:
    first = speaking_first(
        source.rows[0], report=source.report, table=source.table, knowledge=source.knowledge
    )
    if first is None:
        return {}
    return {("first_speaker", ""): (first[0].casefold(), first[0], first[1])}


def _actors(source: _Source) -> dict[Key, Value]:
    found: dict[Key, Value] = {}
    for row in source.rows:
        for actor in as_list(row["actors"]):
            name = str(actor)
            found.setdefault(("actor", name), (True, "named", _evidence_with(row, [name])))
    return found


def _quotes(source: _Source) -> dict[Key, Value]:
    quotes: dict[str, list[str]] = {}
    for row in source.rows:
        for quote in as_dicts(row["quotes"]):
            text = text_of(quote.get("text"))
            if text:
                speaker = text_of(quote.get("speaker")) or UNATTRIBUTED
                quotes.setdefault(speaker, []).append(text)
    found: dict[Key, Value] = {}
    for speaker, texts in quotes.items():
        key = tuple(sorted({_normalise_quote(t) for t in texts}))
        evidence = _sentence_with(source.report, texts[0], source.knowledge) or _evidence_with(
            source.rows[0], [texts[0][:40]]
        )
        found[("quote", speaker)] = (key, " … ".join(texts), evidence)
    return found


_READERS: tuple[Callable[[_Source], dict[Key, Value]], ...] = (
    _status,
    _duration,
    _planned,
    _place,
    _date,
    _time,
    _first_speaker,
    _actors,
    _quotes,
)


# --------------------------------------------------------------------------- evidence


def _report_for(row: pd.Series, corpus: Corpus | None) -> Report | None:
    if corpus is None:
        return None
    return next((r for r in corpus if r.report_id == row["report_id"]), None)


def _sentence_with(report: Report | None, needle: str, knowledge: Knowledge) -> Evidence | None:
    """The sentence of ``report`` (if any) in which ``needle`` is printed."""
    if report is None or not needle:
        return None
    at = report.text.find(needle)
    if at < 0:
        return None
    for start, end in report_sentences(report.text, report.language, knowledge=knowledge):
        if start <= at < end:
            return report.text[start:end], start, end
    return None


def _normalise_quote(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def main_evidence(row: pd.Series) -> Evidence:
    """The mention's evidence sentence with its offsets."""
    return (str(row["sentence"]), row["char_start"], row["char_end"])


def _evidence_with(row: pd.Series, needles: Iterable[str | None]) -> Evidence:
    """The first evidence sentence of ``row`` with one of ``needles``, else its main sentence."""
    wanted = [n.casefold() for n in needles if n]
    candidates = [main_evidence(row)] + [
        (str(e["sentence"]), e.get("char_start"), e.get("char_end"))
        for e in as_dicts(row["evidence"])
        if text_of(e.get("sentence"))
    ]
    for needle in wanted:
        pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
        for candidate in candidates:
            if pattern.search(candidate[0].casefold()):
                return candidate
    return candidates[0]
