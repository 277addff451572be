"""The event table: ``extract_events(corpus)`` and ``write_table(table, path)``."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import warnings
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .align import Candidate, align
from .corpus import Corpus, Report
from .dating import Dating, date_mention, zone
from .events import Mention, extract_mentions
from .places import Place, dateline_place
from .resources import ontology
from .schema import COLUMN_NAMES, empty_table, validate_table


def _at_venue(event_type: str) -> bool:
    """Whether events of this type happen at the venue (ontology ``at_venue``)."""
    return bool(ontology()["types"].get(event_type, {}).get("at_venue"))


def _venue(mentions: list[Mention], report: Report) -> Place | None:
    """Where the report's summit takes place: a wire dateline, else the place of its talks, else
    of its other events at the venue (the most specific, then the most often named)."""
    dateline = dateline_place(report.text)
    if dateline is not None:
        return dateline
    for types in (("talks",), ("press_statement", "arrival")):
        pool = [m.place for m in mentions if m.place and m.event_type in types]
        if pool:
            counts = Counter(p.name for p in pool)
            return max(pool, key=lambda p: (p.specificity, counts[p.name]))
    return None


def _same_region(a: Place, b: Place) -> bool:
    """Whether two places are one, or one lies in the other, or both lie in one region."""
    if a.name == b.name or a.name in b.within or b.name in a.within:
        return True
    return bool(set(a.within) & set(b.within))


def _label(event_type: str, status: str, actors: list[str], place: str | None) -> str:
    spec = ontology()["types"].get(event_type, {})
    label = spec.get("label", event_type.replace("_", " ").title())
    if status != "occurred":
        label += f" ({status})"
    if actors:
        label += ": " + ", ".join(actors)
    if place:
        label += f" – {place}"
    return label


def _timestamp(value: dt.datetime | None) -> pd.Timestamp | None:
    return pd.Timestamp(value) if value is not None else None


def _report_rows(report: Report) -> list[dict[str, Any]]:
    mentions = extract_mentions(report)
    venue = _venue(mentions, report)
    rows: list[dict[str, Any]] = []
    for index, m in enumerate(mentions):
        place = m.place
        # a departure happens where it starts; a place far from the venue is another story
        if (
            _at_venue(m.event_type)
            and venue is not None
            and (place is None or m.event_type == "departure" or not _same_region(place, venue))
        ):
            place = venue
        where = venue if m.event_type == "invitation" else (place or venue)
        tz_name = where.timezone if where else report.timezone
        tz = zone(tz_name)
        duration = m.duration.minutes if m.duration else None
        dating: Dating = date_mention(
            m.times,
            duration,
            report=report,
            tz=tz,
            context=m.context,
            stamps=m.stamps,
            dated_by_publication=m.status != "announced",
            forward=m.status == "announced",
        )
        cameo = ontology()["types"].get(m.event_type, {}).get("cameo", "")
        evidence = [
            {"sentence": s.text, "char_start": s.start, "char_end": s.end} for s in m.evidence
        ]
        quotes = [
            {"speaker": q.get("speaker"), "text": q["text"], "reply": bool(q.get("reply"))}
            for q in m.quotes
        ]
        confidence = m.confidence - (0.1 if not m.actors else 0.0)
        rows.append(
            {
                "mention_id": f"{report.report_id}/{index:02d}",
                "report_id": report.report_id,
                "outlet": report.outlet or report.report_id,
                "author": report.author,
                "title": report.title,
                "url": report.url,
                "published": _timestamp(report.published),
                "published_precision": report.published_precision,
                "language": report.language,
                "event_type": m.event_type,
                "cameo": cameo,
                "status": m.status,
                "label": _label(m.event_type, m.status, m.actors, place.name if place else None),
                "trigger": m.trigger,
                "actors": list(m.actors),
                "place": place.name if place else None,
                "timezone": tz_name,
                "date": dating.date,
                "date_source": dating.date_source,
                "start": _timestamp(dating.start),
                "end": _timestamp(dating.end),
                "time_precision": dating.time_precision,
                "duration_min": float(duration) if duration is not None else None,
                "duration_hedge": m.duration.hedge if m.duration else None,
                "planned_duration_min": float(m.planned.minutes)
                if m.planned and m.planned.minutes is not None
                else None,
                "order_cue": m.order_cue,
                "quotes": quotes,
                "sentence": m.sentence.text,
                "char_start": m.sentence.start,
                "char_end": m.sentence.end,
                "evidence": evidence,
                "confidence": round(max(0.05, min(1.0, confidence)), 2),
                # for alignment only
                "_candidates": dating.candidates,
                "_place_within": place.within if place else (),
                "_talk_format": m.talk_format,
                "_position": m.sentence.start,
            }
        )
    return rows


def _iterate(corpus: Corpus, progress: bool) -> Iterable[Report]:
    if not progress:
        return corpus
    from tqdm.auto import tqdm

    return tqdm(corpus, desc="extracting", unit="report")


def extract_events(corpus: Corpus | Iterable[Report], *, progress: bool = False) -> pd.DataFrame:
    """The event table of ``corpus``: one row per event mention (columns: ``schema.COLUMNS``).

    Mentions of the same real-world event share an ``event_id``. A report whose extraction fails
    is skipped with a warning naming it; the others are still extracted.

    >>> table = extract_events(load_reports("data/reports/alaska-2025"))  # doctest: +SKIP
    """
    if not isinstance(corpus, Corpus):
        corpus = Corpus(tuple(corpus))
    rows: list[dict[str, Any]] = []
    for report in _iterate(corpus, progress):
        try:
            rows.extend(_report_rows(report))
        except Exception as exc:  # one bad report never stops the others
            warnings.warn(
                f"{report.source or report.report_id}: event extraction failed: {exc!r}",
                stacklevel=2,
            )
    if not rows:
        return empty_table()
    candidates = [
        Candidate(
            mention_id=r["mention_id"],
            report_id=r["report_id"],
            event_type=r["event_type"],
            status=r["status"],
            actors=tuple(r["actors"]),
            place=r["place"],
            place_within=tuple(r["_place_within"]),
            timezone=r["timezone"],
            dates=tuple(r["_candidates"]),
            talk_format=r["_talk_format"],
            position=r["_position"],
        )
        for r in rows
    ]
    event_ids = align(candidates)
    for r in rows:
        r["event_id"] = event_ids[r["mention_id"]]
    _settle_ambiguous_dates(rows)
    table = pd.DataFrame(rows)
    table = table[list(COLUMN_NAMES)]
    table = table.sort_values(["event_id", "report_id", "char_start"], kind="stable")
    return table.reset_index(drop=True)


def _settle_ambiguous_dates(rows: list[dict[str, Any]]) -> None:
    """A mention whose report leaves its date open takes the date its event has elsewhere."""
    by_event: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_event.setdefault(r["event_id"], []).append(r)
    for members in by_event.values():
        fixed = {
            r["date"]
            for r in members
            if r["date"] is not None and len(r["_candidates"]) == 1 and r["date_source"] != "none"
        }
        for r in members:
            if len(r["_candidates"]) > 1:
                agreed = fixed & set(r["_candidates"])
                if len(agreed) == 1:
                    r["date"] = agreed.pop()
                    r["date_source"] = "aligned"


# -- writing ---------------------------------------------------------------------------------

_SUFFIXES = (".csv", ".parquet", ".json")


def _plain(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def table_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """The table as JSON-ready records (times as ISO 8601 with offset, dates as ISO dates)."""
    return [{k: _plain(v) for k, v in row.items()} for row in table.to_dict(orient="records")]


def write_table(table: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write the event table to ``path`` (.csv, .parquet or .json by suffix), atomically.

    Lists and mappings become JSON text in CSV; times are ISO 8601 with their offset.
    """
    validate_table(table)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES:
        raise ValueError(f"output {path}: expected a .csv, .parquet or .json file, got {suffix!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    records = table_records(table)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if suffix == ".json":
            tmp.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            flat = pd.DataFrame(records, columns=list(COLUMN_NAMES))
            if suffix == ".csv":
                for col in ("actors", "quotes", "evidence"):
                    flat[col] = flat[col].map(lambda v: json.dumps(v, ensure_ascii=False))
                flat.to_csv(tmp, index=False)
            else:
                flat.to_parquet(tmp, index=False)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a table is meant to be shared
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path
