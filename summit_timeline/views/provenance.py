"""Where a row of the table comes from: its report's text with the evidence sentence highlighted,
and in it the words that gave the row its type, date or time, duration, place and actors.

One highlighter for every view. The explorer's review mode shows ``report_html`` of the row
chosen; the exported page and the teacher's handout carry each report's text once and, per
mention, its highlighted sentences (``reader.py``). Every character of report text goes through
``html.escape``. A row a person corrected or checked says so in words (``correction_text``) and
by a sign (``correction_mark``) wherever it is shown.

Spans are offsets in the report's cleaned text (``Report.text``, where the table's
``char_start``/``char_end`` and ``evidence`` point). A value is highlighted only where the
sentence can be shown to state it, read with the same finders the extraction uses: an actor
where the sentence names that person (by name, or by an office they held that day), a place
where it names that place (in any language the gazetteer knows), a duration where it states
that many minutes, a date or clock time where it states that day or time. A value a person set
that the text does not state is not marked: the highlight shows what the report says.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..knowledge import Knowledge, KnowledgeError, LanguageKnowledge, resolve
from ..reading.corpus import Report
from ..table.schema import as_date, is_missing
from .cells import as_dicts, as_list, format_minutes, local_wall_time, text_of

__all__ = [
    "BLOCK_KINDS",
    "CORRECTION_KEY",
    "KIND_TEXT",
    "READER_STYLE",
    "Span",
    "correction_mark",
    "correction_text",
    "highlight_html",
    "joined_blocks",
    "key_html",
    "mention_spans",
    "report_html",
    "sentence_spans",
]

#: Kinds of span that hold a whole sentence (drawn as a block of text, never nested); the
#: others mark words inside a sentence.
BLOCK_KINDS: tuple[str, ...] = ("sentence", "evidence", "slot")
#: What each kind of span means, for a reader (the key under the text, the spans' titles).
KIND_TEXT: dict[str, str] = {
    "sentence": "evidence sentence",
    "evidence": "more evidence",
    "trigger": "words that give the type",
    "time": "date or time",
    "duration": "duration",
    "planned": "planned duration",
    "place": "place",
    "actor": "actor",
}
#: Colours of the highlights; the key under the text shows the same.
READER_STYLE = """
.st-text{white-space:pre-wrap;line-height:1.5;font-size:.92rem}
.st-sentence{background:#fff3b0;border-radius:2px}
.st-evidence{background:#fff9dc;border-radius:2px}
.st-text mark{background:none;color:inherit;border-radius:2px;padding:0 1px}
.st-text mark.st-trigger{font-weight:600;text-decoration:underline 2px #b8860b}
.st-text mark.st-actor{background:#d6e9ff}
.st-text mark.st-place{background:#d5f5dd}
.st-text mark.st-time,.st-text mark.st-duration{background:#ffd9b3}
.st-text mark.st-planned{background:#ffd9b3;text-decoration:underline dashed}
.st-key{margin:.3rem 0 .6rem;font-size:.85rem;line-height:1.8;display:flex;flex-wrap:wrap;
row-gap:.2rem;white-space:normal}
.st-key mark{padding:0 .3em;margin-right:.4em;border-radius:2px;color:inherit;white-space:nowrap}
.st-key .st-trigger{background:none;font-weight:600;text-decoration:underline 2px #b8860b}
.st-key .st-actor{background:#d6e9ff}.st-key .st-place{background:#d5f5dd}
.st-key .st-time{background:#ffd9b3}.st-key .st-sentence{background:#fff3b0}
.st-mark{color:#8a4b00;font-weight:600;white-space:normal}
"""


@dataclass(frozen=True)
class Span:
    """A stretch of a report's text and what it shows (``kind``: ``KIND_TEXT``, or ``slot``);
    ``note`` is the value the table gives it (an actor's name, '165 min'), for its title."""

    start: int
    end: int
    kind: str
    note: str = ""


# ---------------------------------------------------------------- locating the spans


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _find_words(
    text: str, words: str, lo: int = 0, hi: int | None = None
) -> tuple[int, int] | None:
    """Where ``words`` stand in ``text[lo:hi]``, whatever the spacing and case, or None."""
    parts = words.split()
    if not parts:
        return None
    pattern = re.compile(r"\s+".join(re.escape(p) for p in parts), re.IGNORECASE)
    m = pattern.search(text, lo, len(text) if hi is None else hi)
    return (m.start(), m.end()) if m else None


def _located(text: str, sentence: str, start: Any, end: Any) -> tuple[int, int] | None:
    """The offsets of an evidence sentence in ``text``: the table's, if they hold the sentence,
    else where the sentence is found (a table read from another copy of the report)."""
    if not is_missing(start) and not is_missing(end):
        a, b = int(start), int(end)
        if 0 <= a < b <= len(text) and _squeezed(text[a:b]) == _squeezed(sentence):
            return a, b
    return _find_words(text, sentence) if text_of(sentence) else None


def sentence_spans(row: Mapping[str, Any], text: str) -> list[Span]:
    """The row's evidence sentences in ``text``: its own sentence (``sentence``), then the others
    of ``evidence``; a sentence the text does not hold is left out."""
    spans: list[Span] = []
    main = _located(
        text, str(row.get("sentence") or ""), row.get("char_start"), row.get("char_end")
    )
    if main is not None:
        spans.append(Span(*main, "sentence"))
    for item in as_dicts(row.get("evidence")):
        found = _located(
            text, str(item.get("sentence") or ""), item.get("char_start"), item.get("char_end")
        )
        if found is not None and all((s.start, s.end) != found for s in spans):
            spans.append(Span(*found, "evidence"))
    return spans


def _language(report: Report | None, row: Mapping[str, Any], knowledge: Knowledge):
    """The lexicons of the report's language, or None for a language the knowledge lacks."""
    code = (report.language if report is not None else None) or text_of(row.get("language"))
    try:
        return knowledge.language(str(code).split("-")[0].lower()) if code else None
    except KnowledgeError:
        return None


def _trigger(row: Mapping[str, Any], text: str, within: Span) -> list[Span]:
    words = text_of(row.get("trigger"))
    found = _find_words(text, words, within.start, within.end) if words else None
    return [Span(*found, "trigger", words or "")] if found else []


def _actors(
    row: Mapping[str, Any], text: str, within: Span, language: LanguageKnowledge | None
) -> list[Span]:
    """Where the sentence names the row's actors: as the extraction finds people (names,
    offices held that day, groups), else the name as written in the table."""
    names = [str(a) for a in as_list(row.get("actors")) if text_of(a)]
    if not names:
        return []
    found: list[Span] = []
    if language is not None:
        from ..mentions.actors import ActorFinder

        finder = ActorFinder(language, on=as_date(row.get("date")))
        for actor in finder.find(text[within.start : within.end]):
            if actor.name in names:
                found.append(
                    Span(within.start + actor.start, within.start + actor.end, "actor", actor.name)
                )
    named = {span.note for span in found}
    for name in names:
        if name in named:
            continue
        m = re.compile(rf"(?<!\w){re.escape(name)}").search(text, within.start, within.end)
        if m:
            found.append(Span(m.start(), m.end(), "actor", name))
    return found


def _place(
    row: Mapping[str, Any], text: str, within: Span, language: LanguageKnowledge | None
) -> list[Span]:
    """Where the sentence names the row's place, or a place within it (its venue), as the
    extraction reads places ("Lake Geneva" is not Geneva); the name as written in the table
    only for a language the knowledge lacks."""
    place = text_of(row.get("place"))
    if place is None:
        return []
    if language is not None:
        from ..mentions.places import find_places

        found_places = find_places(text[within.start : within.end], language)
        return [
            Span(within.start + named.start, within.start + named.end, "place", place)
            for named in found_places
            if named.place.name == place or place in named.place.within
        ]
    found = _find_words(text, place, within.start, within.end)
    return [Span(*found, "place", place)] if found else []


def _same_minutes(value: Any, *candidates: float | None) -> bool:
    if is_missing(value):
        return False
    return any(c is not None and abs(float(c) - float(value)) < 0.5 for c in candidates)


def _clock(value: Any, zone: str | None) -> dt.time | None:
    wall = local_wall_time(value, zone)
    return wall.time().replace(second=0, microsecond=0) if wall is not None else None


def _times(
    row: Mapping[str, Any],
    text: str,
    within: Span,
    language: LanguageKnowledge | None,
    knowledge: Knowledge,
) -> list[Span]:
    """The sentence's time expressions that state the row's duration, planned duration, clock
    times or date (read as the extraction reads them)."""
    if language is None:
        return []
    from ..mentions.temporal import find_temporal, resolve_day

    published = row.get("published")
    anchor = None if is_missing(published) else pd.Timestamp(published).date()
    zone = text_of(row.get("timezone"))
    clocks = {_clock(row.get("start"), zone), _clock(row.get("end"), zone)} - {None}
    day = as_date(row.get("date"))
    found: list[Span] = []
    expressions = find_temporal(
        text[within.start : within.end], language.code, anchor=anchor, knowledge=knowledge
    )
    for expr in expressions:
        where = (within.start + expr.start, within.start + expr.end)
        if expr.kind == "duration":
            if expr.planned and _same_minutes(
                row.get("planned_duration_min"), expr.minutes, expr.minutes_max
            ):
                found.append(Span(*where, "planned", format_minutes(row["planned_duration_min"])))
            elif not expr.planned and _same_minutes(
                row.get("duration_min"), expr.minutes, expr.minutes_max
            ):
                found.append(Span(*where, "duration", format_minutes(row["duration_min"])))
            continue
        stated = {t for t in (expr.time, expr.time_end) if t is not None}
        on_day = expr.date or (resolve_day(expr, anchor) if anchor is not None else None)
        if stated & clocks:
            found.append(
                Span(*where, "time", ", ".join(f"{t:%H:%M}" for t in sorted(stated & clocks)))
            )
        elif day is not None and on_day == day:
            found.append(Span(*where, "time", day.isoformat()))
    return found


def mention_spans(
    row: Mapping[str, Any], report: Report | None, *, knowledge: Knowledge | None = None
) -> list[Span]:
    """The spans of one row (a mention) in its report's text: the evidence sentences, and in
    them what states its type, date or time, duration, place and actors (see the module's
    docstring: only what can be located is given).

    :param row: a row of the event table (a mapping of its columns).
    :param report: its report (``Report.text`` is what the offsets point into); None gives none.
    :param knowledge: the words to read with; default the packaged ones.
    """
    if report is None:
        return []
    knowledge = resolve(knowledge)
    text = report.text
    sentences = sentence_spans(row, text)
    language = _language(report, row, knowledge)
    spans = list(sentences)
    for sentence in sentences:
        spans += _trigger(row, text, sentence) if sentence.kind == "sentence" else []
        spans += _times(row, text, sentence, language, knowledge)
        spans += _place(row, text, sentence, language)
        spans += _actors(row, text, sentence, language)
    if not any(s.kind == "trigger" for s in spans):  # a trigger in another evidence sentence
        for sentence in sentences[1:]:
            spans += _trigger(row, text, sentence)
    return spans


# ---------------------------------------------------------------- spans to HTML


def joined_blocks(spans: Iterable[Span]) -> list[Span]:
    """The block spans (whole sentences) as disjoint blocks: overlapping ones joined, taking the
    kind (and note) of the strongest (a slot, then the row's own sentence, then evidence)."""
    rank = {kind: i for i, kind in enumerate(("slot", "sentence", "evidence"))}
    merged: list[Span] = []
    for span in sorted((s for s in spans if s.kind in BLOCK_KINDS), key=lambda s: s.start):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            first = last if rank[last.kind] <= rank[span.kind] else span
            merged[-1] = Span(last.start, max(last.end, span.end), first.kind, first.note)
        else:
            merged.append(span)
    return merged


def _title(spans: Sequence[Span]) -> str:
    parts = [
        f"{KIND_TEXT.get(s.kind, s.kind)}: {s.note}" if s.note else KIND_TEXT.get(s.kind, s.kind)
        for s in spans
    ]
    return "; ".join(dict.fromkeys(parts))


def _words_html(text: str, spans: Sequence[Span], lo: int, hi: int) -> str:
    """``text[lo:hi]`` escaped; each stretch that word spans cover in a ``<mark>`` of their
    kinds."""
    inside = [s for s in spans if s.start < hi and s.end > lo and s.end > s.start]
    cuts = sorted({lo, hi, *(max(lo, s.start) for s in inside), *(min(hi, s.end) for s in inside)})
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = [s for s in inside if s.start <= a and b <= s.end]
        piece = html.escape(text[a:b], quote=False)
        if not covering:
            out.append(piece)
            continue
        kinds = " ".join(dict.fromkeys(f"st-{s.kind}" for s in covering))
        title = html.escape(_title(covering), quote=True)
        out.append(f'<mark class="{kinds}" title="{title}">{piece}</mark>')
    return "".join(out)


def highlight_html(
    text: str, spans: Iterable[Span], *, start: int = 0, end: int | None = None
) -> str:
    """``text[start:end]`` as HTML, every character escaped: each block span (a sentence) in a
    ``<span class="st-<kind>">``, each stretch of word spans in a ``<mark class="st-<kind> ...">``
    (several kinds where spans overlap) titled with what the table gives it.

    A ``slot`` block gets ``data-key="<start>-<end>"`` (its offsets), the key the exported page's
    script finds it by. Spans that reach outside ``[start, end)`` are cut at its edges.

    >>> highlight_html("Talks <b>ended</b>.", [Span(0, 5, "actor", "A")])
    '<mark class="st-actor" title="actor: A">Talks</mark> &lt;b&gt;ended&lt;/b&gt;.'
    """
    end = len(text) if end is None else end
    spans = [s for s in spans if s.start < end and s.end > start]
    words = [s for s in spans if s.kind not in BLOCK_KINDS]
    out, at = [], start
    for block in joined_blocks(spans):
        lo, hi = max(start, block.start), min(end, block.end)
        out.append(_words_html(text, words, at, lo))
        key = f' data-key="{block.start}-{block.end}"' if block.kind == "slot" else ""
        title = (
            f' title="{html.escape(_title([block]), quote=True)}"' if block.kind != "slot" else ""
        )
        out.append(f'<span class="st-{block.kind}"{key}{title}>')
        out.append(_words_html(text, words, lo, hi) + "</span>")
        at = hi
    out.append(_words_html(text, words, at, end))
    return "".join(out)


def key_html(kinds: Iterable[str] | None = None) -> str:
    """The key to the highlights: one marked word per kind (default: those of ``KIND_TEXT``
    that mark words, and the sentence)."""
    shown = kinds or ("sentence", "trigger", "time", "duration", "place", "actor")
    marks = []
    for kind in shown:
        css = "time" if kind in ("duration", "planned") else kind
        marks.append(f'<mark class="st-{css}">{html.escape(KIND_TEXT[kind])}</mark>')
    return f'<div class="st-key">{"".join(marks)}</div>'


def correction_text(row: Mapping[str, Any]) -> str:
    """What a person did to the row, in words ('' if nothing): 'corrected by a person: duration,
    start (Anna, 2026-12-01: why)', 'checked by a person', 'added by a person'."""
    done = [str(f) for f in as_list(row.get("corrected")) if text_of(f)]
    if not done:
        return ""
    fields = [FIELD_TEXT.get(f, f.replace("_", " ")) for f in done if f not in ("checked", "added")]
    parts = []
    if "added" in done:
        parts.append("added by a person")
    if fields:
        parts.append(f"corrected by a person: {', '.join(fields)}")
    if "checked" in done:
        parts.append("checked by a person")
    note = text_of(row.get("correction_note"))
    return "; ".join(parts) + (f" ({note})" if note else "")


def correction_mark(row: Mapping[str, Any]) -> str:
    """The sign a corrected or checked row carries in the table, the hover and the timeline:
    ✎ changed (or added) by a person, ✓ only checked; '' for a row nobody touched."""
    done = {str(f) for f in as_list(row.get("corrected")) if text_of(f)}
    if not done:
        return ""
    return "✓" if done == {"checked"} else "✎"


#: The columns a correction changes, as a reader calls them (the review form's labels).
FIELD_TEXT: dict[str, str] = {
    "event_type": "type",
    "duration_min": "duration",
    "duration_hedge": "hedge",
    "planned_duration_min": "planned duration",
    "event_id": "event (merged or split)",
}

#: The key to ``correction_mark``, for the legend of a figure and the page's table.
CORRECTION_KEY = "✎ corrected by a person · ✓ checked by a person"


def report_html(
    report: Report,
    row: Mapping[str, Any] | None = None,
    *,
    knowledge: Knowledge | None = None,
) -> str:
    """The whole text of ``report`` as escaped HTML (``white-space: pre-wrap``), with the spans
    of ``row`` (``mention_spans``) highlighted: its own sentence is the ``st-sentence``."""
    spans = mention_spans(row, report, knowledge=knowledge) if row is not None else []
    return f'<div class="st-text">{highlight_html(report.text, spans)}</div>'
