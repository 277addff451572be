"""Scoring an event table against annotations (the format of ``shared/gold/alaska-2025.yaml``).

An annotated event and a row match when the row comes from the annotated report and has the
same type and status; among candidates, the row whose evidence contains the annotated
evidence, then the one sharing most actors, wins. Event F1 counts matches over the ontology's
packaged types. Attribute accuracy is measured over matched pairs, and alignment as pairwise
precision and recall of "same event" across reports. A place is right when it is the annotated
one under any of its names ("New York" and "New York City"). An annotated event belongs to its
file's story (``story:`` at the top, else the file name) unless it names another (``story:`` on
the event: a background meeting, with ``same_as:`` its id in that story's own file, if it has
one); two events of different stories that share an ``event_id`` are counted as cross-story
merges.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .knowledge import load_knowledge
from .mentions.places import lookup
from .table.schema import as_date

#: The annotated types: those of the packaged ontology (a user's added types are not annotated).
_KNOWLEDGE = load_knowledge(environment=False)
SCORED_TYPES = tuple(_KNOWLEDGE.types)


@dataclass
class Score:
    """Counts and rates of one evaluation."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    attributes: dict[str, list[bool]] = field(default_factory=dict)
    alignment_pairs: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})
    cross_story_pairs: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def attribute_accuracy(self) -> dict[str, float]:
        return {k: sum(v) / len(v) for k, v in sorted(self.attributes.items()) if v}

    def alignment_f1(self) -> float:
        a = self.alignment_pairs
        p = a["tp"] / (a["tp"] + a["fp"]) if a["tp"] + a["fp"] else 1.0
        r = a["tp"] / (a["tp"] + a["fn"]) if a["tp"] + a["fn"] else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        lines = [
            f"events: P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.true_positives} fp={self.false_positives} fn={self.false_negatives})",
            f"alignment pairs F1={self.alignment_f1():.3f} {self.alignment_pairs}",
            f"event_id pairs across stories: {self.cross_story_pairs}",
        ]
        for name, value in self.attribute_accuracy().items():
            lines.append(f"  {name:<22} {value:.3f} (n={len(self.attributes[name])})")
        return "\n".join(lines)


def load_annotations(paths: str | Path | Iterable[str | Path]) -> list[dict[str, Any]]:
    """Annotated reports from one or more YAML files; each gets ``report_id`` (file stem)."""
    if isinstance(paths, str | Path):
        paths = [paths]
    reports: list[dict[str, Any]] = []
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        for report in data.get("reports", []):
            report = dict(report)
            report["report_id"] = Path(report["file"]).stem
            report["annotation_set"] = Path(path).stem
            report["story"] = data.get("story") or Path(path).stem
            reports.append(report)
    return reports


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def _evidence_hit(row: pd.Series, evidence: str | None) -> bool:
    if not evidence:
        return False
    needle = _norm(evidence)
    sentences = [e["sentence"] for e in row["evidence"]] or [row["sentence"]]
    return any(needle in _norm(s) or _norm(s) in needle for s in sentences)


def _pair_score(row: pd.Series, gold: dict[str, Any]) -> float:
    score = 0.0
    if _evidence_hit(row, gold.get("evidence")):
        score += 2
    actors = set(gold.get("actors") or [])
    if actors:
        score += len(actors & set(row["actors"])) / len(actors | set(row["actors"]) or {1})
    # between rows of one sentence (two meetings in one clause), the one at the gold's place
    if gold.get("place") and _same_place(gold["place"], row["place"]):
        score += 0.1
    return score


def _same_place(annotated: str, found: Any) -> bool:
    """Whether the row's place is the annotated one, by name or as the place that name is
    looked up as (the table names places as the gazetteers do)."""
    if not isinstance(found, str):
        return False
    if annotated == found:
        return True
    place = lookup(annotated, _KNOWLEDGE)
    return place is not None and place.name == found


def _attributes(score: Score, row: pd.Series, gold: dict[str, Any]) -> None:
    def _check(_score: Score, name: str, ok: bool) -> None:
        score.attributes.setdefault(name, []).append(ok)
        if not ok:
            got = {
                "actors (set)": row["actors"],
                "place": row["place"],
                "date": row["date"],
                "start": row["start"],
                "quote": [q["text"][:50] for q in row["quotes"]],
                "reply_quote": [q["text"][:50] for q in row["quotes"]],
                "evidence": row["sentence"][:80],
            }.get(name, row.get(name.replace(" (set)", "")))
            key = name.replace(" (set)", "")
            # the sentence the row stands on, to read the value against (evidence is that)
            told = "" if name == "evidence" else f" «{row['sentence'][:80]}»"
            score.wrong.append(
                f"{row['report_id']}: {gold['type']}/{gold['status']} {name}: "
                f"expected {gold.get(key)!r} got {got!r}{told}"
            )

    if "actors" in gold:
        _check(score, "actors (set)", set(gold["actors"] or []) == set(row["actors"]))
    if gold.get("place"):
        _check(score, "place", _same_place(gold["place"], row["place"]))
    if "date" in gold:
        _check(score, "date", as_date(gold["date"]) == as_date(row["date"]))
    for key, column in (
        ("duration_min", "duration_min"),
        ("planned_duration_min", "planned_duration_min"),
    ):
        if gold.get(key) is not None:
            value = row[column]
            _check(
                score,
                key,
                value is not None and not pd.isna(value) and float(value) == float(gold[key]),
            )
    if gold.get("duration_hedge"):
        _check(score, "duration_hedge", gold["duration_hedge"] == row["duration_hedge"])
    texts = [_norm(q["text"]) for q in row["quotes"]]
    for key in ("quote", "reply_quote"):
        if gold.get(key):
            needle = _norm(gold[key])
            _check(score, key, any(needle in t or (t and t in needle) for t in texts))
    if gold.get("start"):
        start = row["start"]
        _check(
            score,
            "start",
            start is not None and not pd.isna(start) and start.strftime("%H:%M") == gold["start"],
        )
    if gold.get("evidence"):
        _check(score, "evidence", _evidence_hit(row, gold["evidence"]))


def score_table(table: pd.DataFrame, annotations: list[dict[str, Any]]) -> Score:
    """Score ``table`` against annotated reports (see ``load_annotations``)."""
    score = Score()
    table = table[table["event_type"].isin(SCORED_TYPES)]
    matched: dict[tuple[str, str], str] = {}  # (report_id, gold event key) -> event_id
    for report in annotations:
        rid = report["report_id"]
        rows = table[table["report_id"] == rid]
        used: set[int] = set()
        golds = [e for e in report.get("events", []) if e["type"] in SCORED_TYPES]
        pairs: list[tuple[float, int, int]] = []
        for gi, gold in enumerate(golds):
            for idx, row in rows.iterrows():
                if row["event_type"] == gold["type"] and row["status"] == gold["status"]:
                    pairs.append((_pair_score(row, gold), gi, idx))
        pairs.sort(key=lambda p: -p[0])
        gold_done: set[int] = set()
        for _, gi, idx in pairs:
            if gi in gold_done or idx in used:
                continue
            gold_done.add(gi)
            used.add(idx)
            score.true_positives += 1
            row = rows.loc[idx]
            _attributes(score, row, golds[gi])
            # an event of another story that has its own file: its id there (``same_as``)
            event = golds[gi].get("same_as") or golds[gi].get("event")
            story = golds[gi].get("story") or report.get("story") or report.get("annotation_set")
            key = f"{story}:{event}" if event else f"{story}:{rid}#{gi}"
            matched[(rid, key)] = row["event_id"]
        for gi, gold in enumerate(golds):
            if gi not in gold_done:
                score.false_negatives += 1
                score.misses.append(
                    f"{rid}: {gold['type']}/{gold['status']} «{gold.get('evidence')}»"
                )
        for idx, row in rows.iterrows():
            if idx not in used:
                score.false_positives += 1
                score.extras.append(
                    f"{rid}: {row['event_type']}/{row['status']} {row['actors']} "
                    f"«{row['sentence'][:90]}»"
                )
    _score_alignment(score, matched)
    return score


def _score_alignment(score: Score, matched: dict[tuple[str, str], str]) -> None:
    """Pairs of matched annotated events: same event (gold) against same ``event_id``."""
    items = sorted(matched.items())
    for i, ((rid_a, key_a), eid_a) in enumerate(items):
        for (rid_b, key_b), eid_b in items[i + 1 :]:
            same_pred = eid_a == eid_b
            if same_pred and key_a.split(":", 1)[0] != key_b.split(":", 1)[0]:
                score.cross_story_pairs += 1
            if rid_a == rid_b:
                continue
            same_gold = key_a == key_b and "#" not in key_a
            if same_gold and same_pred:
                score.alignment_pairs["tp"] += 1
            elif same_pred:
                score.alignment_pairs["fp"] += 1
            elif same_gold:
                score.alignment_pairs["fn"] += 1
