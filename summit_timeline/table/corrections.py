"""Corrections: what a person changed in the table, kept as data so that it survives a rebuild.

A ``corrections.yaml`` beside the reports holds one entry per change. An entry finds its mention
by what stays the same when reports are added or the extractor changes: the report, words of
the evidence sentence, and (where a sentence states several events) the event type; never a row
number::

    - report: 000_a00dd4f110c38dcf       # the report's id (its file name without the ending)
      sentence: dauerten die Gespräche   # words of the evidence sentence (any part of it)
      type: talks                        # only needed when the sentence states several events
      set: {duration_min: 150, duration_hedge: gut}
      by: Anna                           # who, when and why: optional, shown with the row
      on: 2026-12-01
      why: the report says two and a half hours
    - {report: 001_bericht, sentence: legte einen Kranz nieder, drop: true}
    - report: 001_bericht
      sentence: legte einen Kranz nieder          # the evidence: words of the report's text
      add: {type: visit, status: occurred, actors: [Putin], date: 2025-08-15}
    - merge:                                      # one event_id for these mentions
        - {report: 000_a00dd4f110c38dcf, sentence: Pressekonferenz, type: press_statement}
        - {report: 001_bericht, sentence: vor die Presse, type: press_statement}
    - {report: 001_bericht, sentence: Abendessen, type: talks, split: true}  # its own event_id
    - {report: 001_bericht, sentence: Abendessen, type: talks, check: true} # a person checked it

Every value is read as written (no YAML guessing: ``14:30`` is a clock time, not a number).
``extract_events`` applies the entries in file order after extraction and marks each row it
changed: ``corrected`` lists the fields (``added``, ``event_id`` for merge and split, ``checked``)
and ``correction_note`` says who, when and why. An entry whose mention no longer exists (the
report changed or is gone), or that matches several, is *stale*: it changes nothing and is
reported with the file, the entry's number and the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd
import yaml

from ..files import write_text_atomic
from ..knowledge import Knowledge
from ..reading.corpus import Corpus, Report
from ..reading.sources import CORRECTIONS_FILES, corrections_beside
from .schema import COLUMN_NAMES, as_date, is_missing, label_text

__all__ = [
    "CORRECTIONS_FILES",
    "Correction",
    "CorrectionResult",
    "CorrectionWarning",
    "append_correction",
    "apply_corrections",
    "corrections_beside",
    "load_corrections",
    "read_corrections",
    "save_corrections",
]

#: Fields ``set`` may change, and how their written values are read.
SETTABLE: tuple[str, ...] = (
    "event_type",
    "status",
    "actors",
    "place",
    "date",
    "start",
    "end",
    "duration_min",
    "duration_hedge",
    "planned_duration_min",
    "quote_speaker",
)
_ACTIONS = ("set", "drop", "add", "merge", "split", "check")
_KEYS = {"report", "sentence", "type", "trigger", "by", "on", "why", *_ACTIONS}
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")


class CorrectionWarning(UserWarning):
    """A correction that could not be applied (stale, ambiguous or invalid)."""


@dataclass(frozen=True)
class Target:
    """Which mention an entry means: report, words of its evidence, and optionally its type and
    trigger (for two mentions of one type in one sentence: "shook hands", "welcomed")."""

    report: str
    sentence: str
    event_type: str | None = None
    trigger: str | None = None

    def __str__(self) -> str:
        kind = f" ({self.event_type})" if self.event_type else ""
        word = f" [{self.trigger}]" if self.trigger else ""
        return f"{self.report}: «{self.sentence}»{kind}{word}"


@dataclass(frozen=True)
class Correction:
    """One entry of a corrections file."""

    action: str  # set, drop, add, merge, split or check
    targets: tuple[Target, ...]
    values: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None  # who, when, why
    source: str = ""  # "corrections.yaml, entry 3"


@dataclass
class CorrectionResult:
    """What applying corrections did: the entries applied, and those that could not be."""

    applied: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.applied)} corrections applied, {len(self.stale)} stale"


# --- reading -------------------------------------------------------------------------------------


def read_corrections(path: str | Path) -> tuple[list[Correction], list[str]]:
    """The entries of a corrections file, and a message for each entry that cannot be used.

    A file that cannot be read gives no entries and one message naming it.
    """
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
        return [], [f"{path}: cannot be read: {str(exc).splitlines()[0]}"]
    if data is None or data == "":
        return [], []
    if not isinstance(data, list):
        return [], [f"{path}: must be a list of entries (each starting with '- ')"]
    entries: list[Correction] = []
    problems: list[str] = []
    for number, raw in enumerate(data, start=1):
        where = f"{path}, entry {number}"
        try:
            entries.append(_entry(raw, where))
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
    return entries, problems


def _entry(raw: Any, where: str) -> Correction:
    if not isinstance(raw, dict):
        raise ValueError("must map keys such as report, sentence, set")
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        raise ValueError(f"unknown keys {unknown}; allowed {sorted(_KEYS)}")
    actions = [a for a in _ACTIONS if a in raw]
    if len(actions) != 1:
        raise ValueError(f"needs exactly one of {list(_ACTIONS)}; has {actions or 'none'}")
    action = actions[0]
    note = _note(raw)
    if action == "merge":
        members = raw["merge"]
        if not isinstance(members, list) or len(members) < 2:
            raise ValueError("merge needs a list of at least two mentions (report, sentence)")
        return Correction(action, tuple(_target(m) for m in members), {}, note, where)
    target = _target(raw)
    values: dict[str, Any] = {}
    if action == "set":
        if not isinstance(raw["set"], dict) or not raw["set"]:
            raise ValueError(f"set needs fields to change, among {list(SETTABLE)}")
        values = {name: _value(name, value) for name, value in raw["set"].items()}
    elif action == "add":
        if not isinstance(raw["add"], dict) or "type" not in raw["add"]:
            raise ValueError("add needs at least the event's type: add: {type: ...}")
        fields = {k: v for k, v in raw["add"].items() if k != "type"}
        values = {"event_type": _value("event_type", raw["add"]["type"])}
        values.update({name: _value(name, value) for name, value in fields.items()})
    elif str(raw[action]).lower() not in ("true", "yes"):
        raise ValueError(f"{action} must be true")
    return Correction(action, (target,), values, note, where)


def _target(raw: Any) -> Target:
    if not isinstance(raw, dict):
        raise ValueError("a mention is given as {report: ..., sentence: ..., type: ...}")
    report, sentence = raw.get("report"), raw.get("sentence")
    if not isinstance(report, str) or not report.strip():
        raise ValueError("report (the report's id, its file name without the ending) is missing")
    if not isinstance(sentence, str) or not _words(sentence):
        raise ValueError("sentence (words of the evidence sentence) is missing")
    kind, trigger = raw.get("type"), raw.get("trigger")
    if kind is not None and not isinstance(kind, str):
        raise ValueError("type must be an event type such as talks")
    if trigger is not None and not isinstance(trigger, str):
        raise ValueError("trigger must be the words that signal the event, as in the table")
    return Target(
        report.strip(),
        " ".join(sentence.split()),
        kind.strip() if kind else None,
        " ".join(trigger.split()) if trigger else None,
    )


def _note(raw: Mapping[str, Any]) -> str | None:
    """Who, when and why, as one line ("Anna, 2026-12-01: the wire gives local time")."""
    who = ", ".join(t for t in (_text(raw.get(k)) for k in ("by", "on")) if t)
    why = _text(raw.get("why"))
    if who and why:
        return f"{who}: {why}"
    return who or why


def _value(name: str, value: Any) -> Any:
    """A written value as the table holds it; ``null``/empty clears a field."""
    if name not in SETTABLE:
        raise ValueError(f"cannot set {name!r}; can set {list(SETTABLE)}")
    if name == "actors":
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(a, str) for a in items):
            raise ValueError("actors must be a list of names")
        return [a.strip() for a in items if a.strip()]
    if name == "quote_speaker":
        if not isinstance(value, dict) or not {"quote", "speaker"} <= set(value):
            raise ValueError("quote_speaker needs {quote: words of the quote, speaker: name}")
        return {"quote": " ".join(str(value["quote"]).split()), "speaker": _text(value["speaker"])}
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a single value")
    text = _text(value)
    if text is None:
        if name in ("event_type", "status"):
            raise ValueError(f"{name} cannot be empty")
        return None
    if name in ("duration_min", "planned_duration_min"):
        try:
            minutes = float(text)
        except ValueError:
            raise ValueError(f"{name} {text!r} is no number of minutes") from None
        if not 0 < minutes <= 60 * 24 * 30:
            raise ValueError(f"{name} {text!r} is not a duration in minutes")
        return minutes
    if name == "date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"date {text!r} is no date; write it like 2025-08-15") from None
    if name in ("start", "end"):
        m = _CLOCK.fullmatch(text)
        if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
            raise ValueError(f"{name} {text!r} is no clock time; write it like 14:30")
        return dt.time(int(m.group(1)), int(m.group(2)))
    return text


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return None if text.lower() in ("", "null", "~", "none") else text


def _words(text: str) -> str:
    """Text compared without case, spacing or typographic quote differences."""
    text = text.replace("’", "'").replace("„", '"').replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())


# --- applying ------------------------------------------------------------------------------------


def apply_corrections(
    table: pd.DataFrame,
    corrections: Sequence[Correction],
    *,
    corpus: Corpus | None = None,
    knowledge: Knowledge,
) -> tuple[pd.DataFrame, CorrectionResult]:
    """``table`` with the corrections applied in order; the result says which were stale."""
    result = CorrectionResult()
    rows = [dict(r) for r in table.to_dict("records")]
    for row in rows:
        row["corrected"] = list(row.get("corrected") or [])
        if is_missing(row.get("correction_note")):
            row["correction_note"] = None
    reports = {r.report_id: r for r in corpus} if corpus is not None else {}
    for c in corrections:
        problem = _apply(rows, c, reports, knowledge)
        if problem:
            result.stale.append(f"{c.source}: {problem}")
        else:
            result.applied.append(c.source)
    columns = [*COLUMN_NAMES]
    out = pd.DataFrame(rows, columns=columns) if rows else table.iloc[0:0].copy()
    out = out.sort_values(["event_id", "report_id", "char_start"], kind="stable")
    return out.reset_index(drop=True), result


def _find(rows: list[dict[str, Any]], t: Target) -> list[dict[str, Any]] | str:
    """The rows a target means, or why there are none."""
    own = [r for r in rows if r["report_id"] == t.report]
    if not own:
        return f"no mention of report {t.report!r} is in the table (renamed, removed or unread?)"
    words = _words(t.sentence)
    said = [r for r in own if any(words in _words(e["sentence"]) for e in r["evidence"])]
    if not said:
        return f"no mention of {t.report} has a sentence with «{t.sentence}» (the text changed?)"
    if t.event_type:
        said = [r for r in said if r["event_type"] == t.event_type]
        if not said:
            return f"no {t.event_type} mention of {t.report} has a sentence with «{t.sentence}»"
    if t.trigger:
        said = [r for r in said if _words(str(r["trigger"])) == _words(t.trigger)]
        if not said:
            return f"no mention of {t.report} with «{t.sentence}» has the trigger «{t.trigger}»"
    if len(said) > 1:
        kinds = sorted({r["event_type"] for r in said})
        which = "trigger:" if len(kinds) == 1 else "type:"
        return f"{t} matches {len(said)} mentions ({', '.join(kinds)}); add {which} to choose one"
    return said


def _apply(
    rows: list[dict[str, Any]],
    c: Correction,
    reports: Mapping[str, Report],
    knowledge: Knowledge,
) -> str | None:
    """Apply one correction to ``rows``; returns why it could not be, or None."""
    if c.action == "add":
        return _add(rows, c, reports, knowledge)
    found: list[dict[str, Any]] = []
    for t in c.targets:
        match = _find(rows, t)
        if isinstance(match, str):
            return match
        found.extend(match)
    if c.action == "drop":
        rows.remove(found[0])
        return None
    if c.action == "set":
        problem = _check_values(c.values, knowledge)
        if problem:
            return problem
        _set(found[0], c.values, knowledge)
        changed = [k if k != "quote_speaker" else "quotes" for k in c.values]
    elif c.action == "merge":
        first = found[0]
        for r in found[1:]:
            r["event_id"], r["story_id"] = first["event_id"], first["story_id"]
        changed = ["event_id"]
    elif c.action == "split":
        row = found[0]
        digest = hashlib.sha1(f"split/{row['mention_id']}".encode()).hexdigest()[:6]
        day = row["date"].isoformat() if not is_missing(row["date"]) else "undated"
        row["event_id"] = f"{row['event_type']}-{day}-{digest}"
        changed = ["event_id"]
    else:  # check
        changed = ["checked"]
    for r in found:
        _mark(r, changed, c.note)
    return None


def _mark(row: dict[str, Any], changed: Iterable[str], note: str | None) -> None:
    row["corrected"] = [*row["corrected"], *(f for f in changed if f not in row["corrected"])]
    if note:
        row["correction_note"] = note


def _check_values(values: Mapping[str, Any], knowledge: Knowledge) -> str | None:
    kind = values.get("event_type")
    if kind is not None and kind not in knowledge.types:
        return f"event_type {kind!r} is not in the ontology; known: {sorted(knowledge.types)}"
    status = values.get("status")
    if status is not None and status not in _STATUSES:
        return f"status {status!r} is not one of {list(_STATUSES)}"
    return None


_STATUSES = ("occurred", "cancelled", "announced", "proposed", "unspecified")


def _set(row: dict[str, Any], values: Mapping[str, Any], knowledge: Knowledge) -> None:
    """Change the row's fields, and what follows from them (label, cameo, zone, end)."""
    for name, value in values.items():
        if name == "quote_speaker":
            _set_speaker(row, value)
        elif name == "place":
            row["place"] = value
            place = _lookup_place(value, knowledge) if value else None
            if place is not None and place.timezone:
                row["timezone"] = place.timezone
        elif name in ("start", "end"):
            continue  # after the date, below
        else:
            row[name] = value
    if "date" in values:
        row["date_source"] = "corrected" if values["date"] else "none"
        _move_times(row)
    for name in ("start", "end"):
        if name in values:
            row[name] = _on_day(row, values[name])
    if "start" in values:
        row["time_precision"] = "minute" if row["start"] is not None else _day_precision(row)
    if ("duration_min" in values or "start" in values) and "end" not in values:
        minutes = row.get("duration_min")
        if row["start"] is not None and not is_missing(minutes):
            row["end"] = row["start"] + dt.timedelta(minutes=float(minutes))
    if "date" in values and row["date"] is None:
        row["start"] = row["end"] = None
        row["time_precision"] = "none"
    kind = knowledge.types.get(row["event_type"])
    if kind is not None:
        row["cameo"] = kind.cameo
        row["label"] = _label(kind.label, row)


def _set_speaker(row: dict[str, Any], value: Mapping[str, Any]) -> None:
    words = _words(value["quote"])
    quotes = [dict(q) for q in row["quotes"]]
    for q in quotes:
        if words in _words(q["text"]):
            q["speaker"] = value["speaker"]
    row["quotes"] = quotes


def _zone(row: dict[str, Any]) -> ZoneInfo:
    try:
        return ZoneInfo(row["timezone"]) if row.get("timezone") else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _on_day(row: dict[str, Any], clock: dt.time | None) -> pd.Timestamp | None:
    day = as_date(row.get("date"))
    if clock is None or day is None:
        return None
    return pd.Timestamp(dt.datetime.combine(day, clock, tzinfo=_zone(row)))


def _move_times(row: dict[str, Any]) -> None:
    """Keep the clock times of a row whose date changed, on the new date."""
    for name in ("start", "end"):
        value = row.get(name)
        if value is not None and not is_missing(value):
            row[name] = _on_day(row, pd.Timestamp(value).tz_convert(_zone(row)).time())


def _day_precision(row: dict[str, Any]) -> str:
    return "day" if as_date(row.get("date")) is not None else "none"


def _label(type_label: str, row: Mapping[str, Any]) -> str:
    return label_text(type_label, row["status"], list(row["actors"] or []), row["place"])


def _lookup_place(name: str, knowledge: Knowledge):
    from ..mentions.places import lookup

    return lookup(name, knowledge)


def _add(
    rows: list[dict[str, Any]],
    c: Correction,
    reports: Mapping[str, Report],
    knowledge: Knowledge,
) -> str | None:
    """A mention the extractor missed, with its evidence found in the report's text."""
    (t,) = c.targets
    report = reports.get(t.report)
    if report is None:
        return f"report {t.report!r} is not among the reports read (renamed or removed?)"
    span = _span(report.text, t.sentence)
    if span is None:
        return f"the text of {t.report} has no «{t.sentence}» (the text changed?)"
    problem = _check_values(c.values, knowledge)
    if problem:
        return problem
    kind = knowledge.types[c.values["event_type"]]
    start, end = span
    sentence = report.text[start:end]
    digest = hashlib.sha1(f"{t.report}/{sentence}/{kind.key}".encode()).hexdigest()[:6]
    own = [r for r in rows if r["report_id"] == t.report]
    stories = Counter(r["story_id"] for r in own)
    row: dict[str, Any] = {
        "event_id": f"{kind.key}-undated-{digest}",
        "story_id": stories.most_common(1)[0][0] if stories else f"added-{t.report}",
        "mention_id": f"{t.report}/added-{digest}",
        "report_id": t.report,
        "outlet": report.outlet or report.report_id,
        "author": report.author,
        "title": report.title,
        "url": report.url,
        "published": pd.Timestamp(report.published) if report.published else None,
        "published_precision": report.published_precision,
        "language": report.language,
        "event_type": kind.key,
        "cameo": kind.cameo,
        "status": c.values.get("status") or kind.default_status,
        "label": "",
        "trigger": "",
        "actors": [],
        "place": None,
        "timezone": own[0]["timezone"] if own else report.timezone,
        "date": None,
        "date_source": "none",
        "start": None,
        "end": None,
        "time_precision": "none",
        "duration_min": None,
        "duration_hedge": None,
        "planned_duration_min": None,
        "order_cue": None,
        "quotes": [],
        "sentence": sentence,
        "char_start": start,
        "char_end": end,
        "evidence": [{"sentence": sentence, "char_start": start, "char_end": end}],
        "confidence": 1.0,
        "notes": [],
        "corrected": [],
        "correction_note": None,
    }
    values = {k: v for k, v in c.values.items() if k != "event_type"}
    _set(row, values, knowledge)
    if as_date(row["date"]) is not None:
        row["event_id"] = f"{kind.key}-{as_date(row['date']).isoformat()}-{digest}"
    kind_label = knowledge.types[kind.key]
    row["label"] = _label(kind_label.label, row)
    rows.append(row)
    _mark(row, ["added"], c.note)
    return None


_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"'“”»«’)]|$)|\n")


def _span(text: str, words: str) -> tuple[int, int] | None:
    """The sentence of ``text`` holding ``words`` (compared as ``_words`` does), as offsets."""
    pattern = r"\s+".join(re.escape(w) for w in _words(words).split())
    pattern = pattern.replace("'", "['’]").replace('"', '["„“”]')
    m = re.search(pattern, text, re.IGNORECASE)  # on the text itself: offsets stay its own
    if m is None:
        return None
    start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
    end_match = _SENTENCE_END.search(text, m.end())
    end = end_match.end() if end_match else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, end if text[end - 1 : end] != "\n" else end - 1


# --- from files ----------------------------------------------------------------------------------


def load_corrections(paths: Iterable[str | Path]) -> tuple[list[Correction], list[str]]:
    """The entries of several corrections files in order, and the problems found reading them."""
    entries: list[Correction] = []
    problems: list[str] = []
    for path in paths:
        found, bad = read_corrections(path)
        entries.extend(found)
        problems.extend(bad)
    return entries, problems


def warn_problems(problems: Iterable[str]) -> None:
    for problem in problems:
        warnings.warn(problem, CorrectionWarning, stacklevel=3)


def save_corrections(path: str | Path, entries: Sequence[Mapping[str, Any]]) -> Path:
    """Write entries (as mappings, in the file's format) to a corrections file, atomically."""
    return write_text_atomic(path, _dump(entries))


def append_correction(path: str | Path, entry: Mapping[str, Any]) -> Path:
    """Add one entry to a corrections file (created if missing), atomically.

    The entry is appended to the file's text, so what a person wrote there (comments, order,
    spelling of values) stays as it was. A file that is not a list of entries is not changed.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text.strip():
        data = yaml.load(text, Loader=yaml.BaseLoader)
        if data is not None and not isinstance(data, list):
            raise ValueError(f"{path}: must be a list of entries; not changed")
        if not text.endswith("\n"):
            text += "\n"
    return write_text_atomic(path, text + _dump([entry]))


def _dump(entries: Sequence[Mapping[str, Any]]) -> str:
    return yaml.safe_dump(
        [_plain(e) for e in entries], allow_unicode=True, sort_keys=False, width=100
    )


def _plain(value: Any) -> Any:
    """Values as the file writes them: dates and times as text, lists and maps kept."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if value is None or isinstance(value, str | bool):
        return value  # written as null, true, false: read back as such
    return str(value)
