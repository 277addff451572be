"""What each outlet says, leaves out, or says differently: coverage, discrepancies, quote variants.

The functions here read the event table of :func:`summit_timeline.extract_events` (and, for the
reporter's voice, the corpus) and return plain DataFrames, so a notebook can filter, pivot and
plot them:

- :func:`coverage` / :func:`coverage_figure`: which outlet reports which event, and
  :func:`side_by_side`: what each outlet says about it;
- :func:`discrepancies`: where outlets differ on an event, in long format (one row per event,
  attribute and outlet);
- :func:`quote_variants`: the same remark as printed by different outlets, with a word-level diff
  (:func:`word_diff`, :func:`diff_html`, :func:`quote_variants_html`);
- :func:`evaluative_language` / :func:`attribution` (:func:`attribution_figure`): the reporter's
  own evaluative wording and how much of a report is quotation, attributed paraphrase or the
  outlet's own voice (:func:`highlight_html` shows both in the text).

Outlets are told apart by the ``outlet`` column; when an outlet has several reports in the table,
or a report has no outlet, the source is labelled ``"outlet (report_id)"`` or ``report_id`` so
that no two reports are merged by accident (:func:`source_labels`).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import pandas as pd

from .quotes import diff_html, quote_variants, quote_variants_html, similarity, word_diff
from .voice import (
    attribution,
    attribution_figure,
    evaluative_language,
    highlight_html,
    report_sentences,
    speaking_first,
    voice_segments,
)
from ..knowledge import default_knowledge
from ..reading.corpus import Corpus
from ..table.schema import as_date, validate_table

__all__ = [
    "DISCREPANCY_COLUMNS",
    "attribution",
    "attribution_figure",
    "coverage",
    "coverage_figure",
    "diff_html",
    "discrepancies",
    "discrepancy_summary",
    "evaluative_language",
    "highlight_html",
    "quote_variants",
    "quote_variants_html",
    "report_sentences",
    "side_by_side",
    "similarity",
    "source_labels",
    "voice_segments",
    "word_diff",
]

DiscrepancyKind = Literal["reported_by_some", "given_by_some", "differs"]

DISCREPANCY_COLUMNS: tuple[str, ...] = (
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

- ``event_id``, ``event_type``, ``label``: the event (label of its first mention);
- ``attribute``: ``reported_by``, ``status``, ``duration``, ``planned_duration``, ``place``,
  ``date``, ``time``, ``first_speaker``, ``actor`` or ``quote``;
- ``detail``: for ``actor`` the actor's name, for ``quote`` the speaker (``"unattributed"`` when
  the text names none), else empty;
- ``kind``: ``reported_by_some`` (the event is not reported by every outlet of the table),
  ``given_by_some`` (some outlets reporting the event give the attribute, others do not) or
  ``differs`` (outlets give different values);
- ``outlet``, ``report_id``: the source of this row (see :func:`source_labels`);
- ``value``: the source's value as a readable string, or None when it does not give one;
- ``evidence``, ``char_start``, ``char_end``: the sentence of the report that gives the value,
  with its offsets in ``Report.text`` (None where the source gives no value).
"""

# A date taken from the publication time or from another report is not given by the outlet.
_GIVEN_DATE_SOURCES = frozenset({"stated", "relative"})
_GIVEN_TIME_PRECISIONS = frozenset({"minute", "hour"})


# --------------------------------------------------------------------------- sources and order


def source_labels(table: pd.DataFrame) -> pd.Series:
    """Each row's source: the outlet, or ``"outlet (report_id)"`` if it has several reports.

    :param table: an event table from ``extract_events``.
    """
    validate_table(table)
    outlets = table["outlet"].map(_clean_str)
    reports_per_outlet = (
        pd.DataFrame({"outlet": outlets, "report_id": table["report_id"]})
        .dropna(subset=["outlet"])
        .groupby("outlet")["report_id"]
        .nunique()
    )
    labels = []
    for outlet, report_id in zip(outlets, table["report_id"], strict=True):
        if outlet is None:
            labels.append(str(report_id))
        elif reports_per_outlet.get(outlet, 1) > 1:
            labels.append(f"{outlet} ({report_id})")
        else:
            labels.append(outlet)
    return pd.Series(labels, index=table.index, name="outlet", dtype=object)


def _clean_str(value: Any) -> str | None:
    if _missing(value):
        return None
    text = str(value).strip()
    return text or None


def _missing(value: Any) -> bool:
    if value is None or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, list | tuple | dict) else False
    except (TypeError, ValueError):
        return False


def _event_order(table: pd.DataFrame) -> list[str]:
    """Event ids in the ontology's natural order of a summit day, then by first appearance."""
    knowledge = default_knowledge()
    first_seen: dict[str, int] = {}
    kinds: dict[str, str] = {}
    for position, (event_id, event_type) in enumerate(
        zip(table["event_id"], table["event_type"], strict=True)
    ):
        first_seen.setdefault(event_id, position)
        kinds.setdefault(event_id, event_type)

    def key(event_id: str) -> tuple[int, int]:
        order = knowledge.event_type(kinds[event_id]).order
        return int(order), first_seen[event_id]

    return sorted(first_seen, key=key)


def _sources_in_order(labels: pd.Series) -> list[str]:
    return list(dict.fromkeys(labels.tolist()))


# --------------------------------------------------------------------------- coverage


def coverage(table: pd.DataFrame, *, binary: bool = False) -> pd.DataFrame:
    """Event × outlet matrix: how many mentions each outlet has of each event.

    Rows are indexed by ``(event_id, event_type, label)`` in the natural order of a summit day;
    columns are the outlets (see :func:`source_labels`) in the table's order.

    :param table: an event table from ``extract_events``.
    :param binary: True for booleans (reported or not) instead of mention counts.
    """
    validate_table(table)
    columns = pd.Index(_sources_in_order(source_labels(table)), name="outlet")
    index_names = ["event_id", "event_type", "label"]
    if table.empty:
        empty = pd.DataFrame(
            columns=columns, index=pd.MultiIndex.from_tuples([], names=index_names)
        )
        return empty.astype(bool if binary else int)
    frame = pd.DataFrame(
        {
            "event_id": table["event_id"].astype(str),
            "outlet": source_labels(table),
        }
    )
    counts = pd.crosstab(frame["event_id"], frame["outlet"])
    order = _event_order(table)
    counts = counts.reindex(index=order, columns=columns, fill_value=0)
    first = table.drop_duplicates("event_id").set_index("event_id")
    counts.index = pd.MultiIndex.from_tuples(
        [(eid, str(first.at[eid, "event_type"]), str(first.at[eid, "label"])) for eid in order],
        names=index_names,
    )
    counts.columns.name = "outlet"
    return counts.astype(bool) if binary else counts.astype(int)


def coverage_figure(table: pd.DataFrame, *, title: str | None = None) -> Any:
    """Plotly heatmap of :func:`coverage`: one row per event, one column per outlet.

    :param table: an event table from ``extract_events``.
    :param title: figure title (default: "Which outlet reports which event").
    """
    import plotly.graph_objects as go

    matrix = coverage(table)
    labels = [html.escape(label) for _, _, label in matrix.index]
    outlets = [html.escape(str(c)) for c in matrix.columns]
    z = matrix.to_numpy()
    text = [[("✓" if n == 1 else f"✓ ×{n}") if n else "–" for n in row] for row in z]
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=outlets,
            y=labels,
            text=text,
            texttemplate="%{text}",
            colorscale=[[0.0, "#f7f7f7"], [1.0, "#2c7fb8"]],
            zmin=0,
            zmax=max(1, int(z.max()) if z.size else 1),
            showscale=False,
            xgap=2,
            ygap=2,
            hovertemplate="%{y}<br>%{x}: %{z} mention(s)<extra></extra>",
        )
    )
    figure.update_layout(
        title=html.escape(title or "Which outlet reports which event"),
        xaxis={"side": "top", "title": None},
        yaxis={"autorange": "reversed", "title": None, "automargin": True},
        height=max(260, 60 + 38 * len(labels)),
        margin={"l": 10, "r": 10, "t": 90, "b": 10},
        plot_bgcolor="white",
    )
    return figure


def side_by_side(table: pd.DataFrame, *, column: str = "sentence") -> pd.DataFrame:
    """Event × outlet matrix of what each outlet says about each event (default: its sentence).

    Rows and columns as in :func:`coverage`; an empty string means the outlet does not report
    the event (or does not give that column). Several mentions by one outlet are joined with " / ".

    :param table: an event table from ``extract_events``.
    :param column: the table column to show (e.g. ``"sentence"``, ``"duration_min"``, ``"actors"``).
    """
    validate_table(table)
    if column not in table.columns:
        raise ValueError(f"column must be a column of the table; got {column!r}")
    matrix = coverage(table)
    labels = source_labels(table)
    cells: dict[tuple[str, str], list[str]] = {}
    for event_id, source, value in zip(table["event_id"], labels, table[column], strict=True):
        if not _missing(value):
            text = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
            cells.setdefault((event_id, source), []).append(text)
    frame = pd.DataFrame(
        [
            [" / ".join(cells.get((key[0], source), [])) for source in matrix.columns]
            for key in matrix.index
        ],
        index=matrix.index,
        columns=matrix.columns,
        dtype=object,
    )
    return frame


# --------------------------------------------------------------------------- discrepancies


def discrepancies(table: pd.DataFrame, *, corpus: Corpus | None = None) -> pd.DataFrame:
    """Where outlets differ: one row per event, attribute and outlet (see ``DISCREPANCY_COLUMNS``).

    For each event reported by two or more outlets, the attributes on which they differ - status,
    duration with its hedge, planned duration, place, date, clock time, who spoke first, the
    actors named, and the quotes per speaker - with each outlet's value and evidence sentence. An
    attribute given by some outlets only counts as a difference (``kind="given_by_some"``). Events
    not reported by every outlet get ``attribute="reported_by"`` rows (``kind="reported_by_some"``,
    value ``"reported"`` or None). A table with a single outlet has no discrepancies.

    :param table: an event table from ``extract_events``.
    :param corpus: the reports the table was built from; when given, who spoke first is also
        read from the report text between an event's evidence and the next event's, not only
        from the evidence sentences.
    """
    validate_table(table)
    if corpus is not None and not isinstance(corpus, Corpus):
        raise TypeError(
            "corpus must be a summit_timeline Corpus (from load_reports); "
            f"got {type(corpus).__name__}"
        )
    labels = source_labels(table)
    all_sources = _sources_in_order(labels)
    rows: list[dict[str, Any]] = []
    if len(all_sources) < 2:
        return pd.DataFrame(rows, columns=list(DISCREPANCY_COLUMNS))
    work = table.assign(_source=labels.to_numpy())
    for event_id in _event_order(table):
        mentions = work[work["event_id"] == event_id]
        first = mentions.iloc[0]
        event = {
            "event_id": event_id,
            "event_type": first["event_type"],
            "label": first["label"],
        }
        by_source = {source: group for source, group in mentions.groupby("_source", sort=False)}
        sources = [s for s in all_sources if s in by_source]
        if len(sources) < len(all_sources):
            for source in all_sources:
                group = by_source.get(source)
                row = None if group is None else group.iloc[0]
                rows.append(
                    _row(
                        event,
                        "reported_by",
                        "",
                        "reported_by_some",
                        source,
                        row,
                        "reported" if row is not None else None,
                        None if row is None else _main_evidence(row),
                    )
                )
        if len(sources) < 2:
            continue
        values = {
            source: _attributes(group, corpus=corpus, table=work)
            for source, group in by_source.items()
        }
        attributes: dict[tuple[str, str], None] = {}
        for source in sources:
            for key in values[source]:
                attributes.setdefault(key, None)
        for attribute, detail in attributes:
            given = {s: values[s].get((attribute, detail)) for s in sources}
            keys = {repr(v[0]) for v in given.values() if v is not None}
            if len(keys) == 1 and all(v is not None for v in given.values()):
                continue
            kind: DiscrepancyKind = "differs" if len(keys) > 1 else "given_by_some"
            for source in sources:
                value = given[source]
                row = by_source[source].iloc[0]
                rows.append(
                    _row(
                        event,
                        attribute,
                        detail,
                        kind,
                        source,
                        row,
                        None if value is None else value[1],
                        None if value is None else value[2],
                    )
                )
    return pd.DataFrame(rows, columns=list(DISCREPANCY_COLUMNS))


def _row(
    event: dict[str, Any],
    attribute: str,
    detail: str,
    kind: str,
    source: str,
    mention: pd.Series | None,
    value: str | None,
    evidence: tuple[str, int, int] | None,
) -> dict[str, Any]:
    sentence, start, end = evidence if evidence is not None else (None, None, None)
    return {
        **event,
        "attribute": attribute,
        "detail": detail,
        "kind": kind,
        "outlet": source,
        "report_id": None if mention is None else mention["report_id"],
        "value": value,
        "evidence": sentence,
        "char_start": start,
        "char_end": end,
    }


Value = tuple[Any, str, tuple[str, int, int]]


def _attributes(
    group: pd.DataFrame, *, corpus: Corpus | None, table: pd.DataFrame
) -> dict[tuple[str, str], Value]:
    """Attributes one source gives for one event: key -> (compare key, text, evidence)."""
    found: dict[tuple[str, str], Value] = {}
    rows = [row for _, row in group.iterrows()]
    main = rows[0]

    def first_given(column: str) -> pd.Series | None:
        return next((r for r in rows if not _missing(r[column])), None)

    status = first_given("status")
    if status is not None:
        found[("status", "")] = (status["status"], str(status["status"]), _main_evidence(status))

    duration = first_given("duration_min")
    if duration is not None:
        minutes = float(duration["duration_min"])
        hedge = _clean_str(duration["duration_hedge"])
        text = f"{_minutes(minutes)}" + (f" ({hedge})" if hedge else "")
        needles = [n for n in (hedge, _number(minutes)) if n]
        found[("duration", "")] = (
            (minutes, (hedge or "").casefold()),
            text,
            _evidence_with(duration, needles),
        )

    planned = first_given("planned_duration_min")
    if planned is not None:
        minutes = float(planned["planned_duration_min"])
        found[("planned_duration", "")] = (
            minutes,
            _minutes(minutes),
            _evidence_with(planned, [_number(minutes)]),
        )

    place = first_given("place")
    if place is not None:
        name = str(place["place"])
        found[("place", "")] = (name.casefold(), name, _evidence_with(place, [name]))

    dated = next(
        (r for r in rows if not _missing(r["date"]) and r["date_source"] in _GIVEN_DATE_SOURCES),
        None,
    )
    if dated is not None:
        day = as_date(dated["date"])
        text = day.isoformat() if day else str(dated["date"])
        if dated["date_source"] != "stated":
            text += f" ({dated['date_source']})"
        found[("date", "")] = (day, text, _main_evidence(dated))

    timed = next(
        (
            r
            for r in rows
            if not _missing(r["start"]) and r["time_precision"] in _GIVEN_TIME_PRECISIONS
        ),
        None,
    )
    if timed is not None:
        start = pd.Timestamp(timed["start"])
        end = None if _missing(timed["end"]) else pd.Timestamp(timed["end"])
        text = start.strftime("%H:%M") + (f"–{end.strftime('%H:%M')}" if end is not None else "")
        zone = _clean_str(timed["timezone"])
        found[("time", "")] = (
            (start.isoformat(), None if end is None else end.isoformat()),
            text + (f" ({zone})" if zone else ""),
            _main_evidence(timed),
        )

    report = _report_for(main, corpus)
    first = speaking_first(main, report=report, table=table)
    if first is not None:
        found[("first_speaker", "")] = (first[0].casefold(), first[0], first[1])

    for row in rows:
        for actor in _as_list(row["actors"]):
            name = str(actor)
            found.setdefault(("actor", name), (True, "named", _evidence_with(row, [name])))

    quotes: dict[str, list[str]] = {}
    for row in rows:
        for quote in _as_list(row["quotes"]):
            if not isinstance(quote, dict) or not _clean_str(quote.get("text")):
                continue
            speaker = _clean_str(quote.get("speaker")) or "unattributed"
            quotes.setdefault(speaker, []).append(str(quote["text"]).strip())
    for speaker, texts in quotes.items():
        key = tuple(sorted({_normalise_quote(t) for t in texts}))
        evidence = _sentence_with(report, texts[0]) or _evidence_with(main, [texts[0][:40]])
        found[("quote", speaker)] = (key, " … ".join(texts), evidence)
    return found


def _report_for(row: pd.Series, corpus: Corpus | None) -> Any:
    if corpus is None:
        return None
    for report in corpus:
        if report.report_id == row["report_id"]:
            return report
    return None


def _sentence_with(report: Any, needle: str) -> tuple[str, int, int] | None:
    """The sentence of ``report`` (if any) in which ``needle`` is printed."""
    if report is None or not needle:
        return None
    at = report.text.find(needle)
    if at < 0:
        return None
    for start, end in report_sentences(report.text, report.language):
        if start <= at < end:
            return report.text[start:end], start, end
    return None


def _normalise_quote(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _minutes(minutes: float) -> str:
    return f"{_number(minutes)} min"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    if hasattr(value, "tolist"):
        listed = value.tolist()
        return listed if isinstance(listed, list) else [listed]
    return []


def _evidence_list(row: pd.Series) -> list[tuple[str, int, int]]:
    found = []
    for item in _as_list(row["evidence"]):
        if isinstance(item, dict) and _clean_str(item.get("sentence")):
            found.append((str(item["sentence"]), item.get("char_start"), item.get("char_end")))
    return found


def _main_evidence(row: pd.Series) -> tuple[str, int, int]:
    return (str(row["sentence"]), row["char_start"], row["char_end"])


def _evidence_with(row: pd.Series, needles: Iterable[str | None]) -> tuple[str, int, int]:
    """The first evidence sentence of ``row`` with one of ``needles``, else its main sentence."""
    wanted = [n.casefold() for n in needles if n]
    candidates = [_main_evidence(row), *_evidence_list(row)]
    for needle in wanted:
        pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
        for candidate in candidates:
            if pattern.search(candidate[0].casefold()):
                return candidate
    return candidates[0]


def discrepancy_summary(found: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, attribute, detail) with the outlets' values side by side.

    :param found: the frame returned by :func:`discrepancies`.
    """
    missing = [c for c in DISCREPANCY_COLUMNS if c not in found.columns]
    if missing:
        raise ValueError(f"found must come from discrepancies(); missing columns {missing}")
    if found.empty:
        return pd.DataFrame(columns=["event_id", "label", "attribute", "detail", "kind"])
    wide = found.pivot_table(
        index=["event_id", "label", "attribute", "detail", "kind"],
        columns="outlet",
        values="value",
        aggfunc="first",
        dropna=False,
        sort=False,
    )
    outlets: Sequence[str] = list(dict.fromkeys(found["outlet"]))
    wide = wide.reindex(columns=outlets)
    wide.columns.name = None
    keys = found.drop_duplicates(["event_id", "attribute", "detail"])[
        ["event_id", "label", "attribute", "detail", "kind"]
    ]
    return keys.merge(wide.reset_index(), how="left").reset_index(drop=True)
