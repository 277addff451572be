"""The reporter's voice: evaluative wording and how much of a report is quotation, attributed
paraphrase or the outlet's own voice.

Words come from ``knowledge/data/lexicons/<lang>/evaluative.yaml`` of the ``knowledge=`` passed
(default: the packaged knowledge); the grammar that inflects them (the endings listed there) is
applied here. Quotations are found with ``summit_timeline.mentions.quotes.find_quotes`` so that
words inside a quotation are never counted as the outlet's own judgement.
"""

from __future__ import annotations

import html
import itertools
import re
import warnings
from collections.abc import Iterable
from typing import Any, Literal

import pandas as pd

from ..knowledge import Knowledge, LanguageKnowledge, resolve
from ..mentions.quotes import find_quotes
from ..mentions.sentences import split_sentences
from ..reading.corpus import Corpus, Report
from ..views.cells import source_names

Voice = Literal["quoted", "paraphrase", "own"]
Span = tuple[int, int]

EVALUATIVE_COLUMNS: tuple[str, ...] = (
    "report_id",
    "outlet",
    "language",
    "category",
    "term",
    "match",
    "char_start",
    "char_end",
    "sentence",
    "sentence_start",
    "sentence_end",
    "voice",
)

ATTRIBUTION_COLUMNS: tuple[str, ...] = (
    "report_id",
    "outlet",
    "language",
    "chars",
    "quoted_chars",
    "paraphrase_chars",
    "own_chars",
    "quoted",
    "paraphrase",
    "own",
)

_SENTENCE_MEMO = 256


# --------------------------------------------------------------------------- quotations, sentences


def quote_spans(text: str) -> list[Span]:
    """``(start, end)`` of each quotation in ``text``, marks included."""
    return sorted((q.start, q.end) for q in find_quotes(text))


def _sentence_memo(lang: LanguageKnowledge) -> dict[str, tuple[Span, ...]]:
    return {}


def report_sentences(
    text: str, language: str, *, knowledge: Knowledge | None = None
) -> tuple[Span, ...]:
    """``(start, end)`` of each sentence of ``text`` (``mentions.sentences.split_sentences``).

    Kept per language of ``knowledge`` for the last texts asked for: the comparisons ask for the
    sentences of one report many times.
    """
    lang = resolve(knowledge).language(language)
    memo = lang.compiled(_sentence_memo)
    found = memo.get(text)
    if found is None:
        if len(memo) >= _SENTENCE_MEMO:
            memo.clear()
        found = memo[text] = tuple((s.start, s.end) for s in split_sentences(text, lang))
    return found


def _sentence_at(sentences: Iterable[Span], position: int) -> Span:
    for start, end in sentences:
        if start <= position < end:
            return start, end
    return position, position


# --------------------------------------------------------------------------- lexicon patterns


def word_pattern(body: str) -> re.Pattern[str]:
    """``body`` as a case-insensitive pattern that matches whole words only."""
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def phrases_pattern(phrases: Iterable[str]) -> str:
    """A pattern body for any of ``phrases``, longest first, words joined by spaces or hyphens."""
    ordered = sorted((str(p) for p in phrases), key=len)[::-1]
    return "|".join(r"[\s\-]+".join(map(re.escape, p.split())) for p in ordered)


def _alternatives(words: Iterable[str], endings: Iterable[str]) -> str:
    suffix = "|".join(re.escape(e) for e in sorted(endings, key=len, reverse=True))
    tail = f"(?:{suffix})?" if suffix else ""
    return "|".join(re.escape(w) + tail for w in sorted(words, key=len, reverse=True))


def _phrase_pattern(phrase: str, adjective_endings: list[str]) -> str:
    parts = []
    for word in phrase.split():
        if word.endswith("~"):
            parts.append(_alternatives([word[:-1]], adjective_endings))
        else:
            parts.append(re.escape(word))
    return r"[\s\-]+".join(parts)


def _evaluative_patterns(lang: LanguageKnowledge) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """``(category, entry, pattern)`` for every evaluative entry of ``lang``, phrases first."""
    data = lang.lexicon("evaluative")
    adjective_endings = [str(e) for e in data.get("adjective_endings") or []]
    noun_endings = [str(e) for e in data.get("noun_endings") or []]
    found: list[tuple[str, str, re.Pattern[str]]] = []
    for phrase in data.get("phrases") or []:
        body = _phrase_pattern(str(phrase), adjective_endings)
        found.append(("phrase", str(phrase), word_pattern(body)))
    for noun in data.get("nouns") or []:
        found.append(("noun", str(noun), word_pattern(_alternatives([str(noun)], noun_endings))))
    for adjective in data.get("adjectives") or []:
        pattern = _alternatives([str(adjective)], adjective_endings)
        found.append(("adjective", str(adjective), word_pattern(pattern)))
    return tuple(found)


def _attribution_pattern(lang: LanguageKnowledge) -> re.Pattern[str] | None:
    data = lang.lexicon("evaluative")
    words = [
        str(w)
        for key in ("speech_verbs", "attribution_phrases", "reported_speech")
        for w in data.get(key) or []
    ]
    return word_pattern(phrases_pattern(words)) if words else None


# --------------------------------------------------------------------------- arguments


def _lexicons(report: Report, knowledge: Knowledge, purpose: str) -> LanguageKnowledge | None:
    """The lexicons of the report's language, or None with a warning naming the report."""
    if report.language in knowledge.languages:
        return knowledge.language(report.language)
    warnings.warn(
        f"report {report.report_id!r}: no lexicons for language {report.language!r} "
        f"(supported: {list(knowledge.languages)}); skipped in {purpose}",
        stacklevel=3,
    )
    return None


def _check_corpus(corpus: Any) -> Corpus:
    if isinstance(corpus, Corpus):
        return corpus
    if isinstance(corpus, Report):
        return Corpus((corpus,))
    raise TypeError(
        f"corpus must be a summit_timeline Corpus (from load_reports); got {type(corpus).__name__}"
    )


def _sources(corpus: Corpus) -> dict[str, str]:
    """Report id -> the report's source, named as everywhere else (``source_names``)."""
    ids = [report.report_id for report in corpus]
    names = source_names([r.outlet for r in corpus], ids, authors=[r.author for r in corpus])
    return dict(zip(ids, names, strict=True))


# --------------------------------------------------------------------------- evaluative language


def _evaluative_matches(report: Report, lang: LanguageKnowledge) -> list[tuple[str, str, int, int]]:
    """``(category, entry, start, end)`` of each evaluative match; the longest wins overlaps."""
    matches: list[tuple[str, str, int, int]] = []
    taken: list[Span] = []
    for category, entry, pattern in lang.compiled(_evaluative_patterns):
        for found in pattern.finditer(report.text):
            start, end = found.span()
            if any(start < t1 and t0 < end for t0, t1 in taken):
                continue
            taken.append((start, end))
            matches.append((category, entry, start, end))
    return sorted(matches, key=lambda m: m[2])


def evaluative_language(
    corpus: Corpus, *, include_quoted: bool = False, knowledge: Knowledge | None = None
) -> pd.DataFrame:
    """The reporter's own evaluative or loaded wording, one row per match, with its sentence.

    Words are matched from the language's ``evaluative.yaml`` (adjectives with their endings,
    nouns, phrases). Words inside a quotation are somebody else's: they are left out unless
    ``include_quoted`` is true, and then marked ``voice="quoted"``. Reports in a language without
    lexicons are skipped with a warning.

    :param corpus: reports from ``load_reports`` (a single ``Report`` is accepted too).
    :param include_quoted: also list matches inside quotations.
    :param knowledge: the lexicons (``load_knowledge()``); default the packaged knowledge.
    """
    corpus = _check_corpus(corpus)
    knowledge = resolve(knowledge)
    sources = _sources(corpus)
    rows: list[dict[str, Any]] = []
    for report in corpus:
        lang = _lexicons(report, knowledge, "evaluative_language")
        if lang is None:
            continue
        quotes = quote_spans(report.text)
        sentences = report_sentences(report.text, report.language, knowledge=knowledge)
        for category, entry, start, end in _evaluative_matches(report, lang):
            quoted = any(q0 <= start and end <= q1 for q0, q1 in quotes)
            if quoted and not include_quoted:
                continue
            s0, s1 = _sentence_at(sentences, start)
            rows.append(
                {
                    "report_id": report.report_id,
                    "outlet": sources[report.report_id],
                    "language": report.language,
                    "category": category,
                    "term": entry,
                    "match": report.text[start:end],
                    "char_start": start,
                    "char_end": end,
                    "sentence": report.text[s0:s1],
                    "sentence_start": s0,
                    "sentence_end": s1,
                    "voice": "quoted" if quoted else "own",
                }
            )
    return pd.DataFrame(rows, columns=list(EVALUATIVE_COLUMNS))


# --------------------------------------------------------------------------- attribution


def voice_segments(
    report: Report, *, knowledge: Knowledge | None = None
) -> list[tuple[int, int, Voice]]:
    """Segments of ``report.text`` by voice: quotation, attributed paraphrase or the outlet's own.

    A sentence with a speech verb, an attribution phrase or a reported-speech form from the
    lexicon is attributed paraphrase outside its quotations; quotations are ``quoted``. A report
    in a language without lexicons has no segments.
    """
    knowledge = resolve(knowledge)
    if report.language not in knowledge.languages:
        return []
    pattern = knowledge.language(report.language).compiled(_attribution_pattern)
    quotes = quote_spans(report.text)
    segments: list[tuple[int, int, Voice]] = []
    for start, end in report_sentences(report.text, report.language, knowledge=knowledge):
        inside = [(max(q0, start), min(q1, end)) for q0, q1 in quotes if q0 < end and start < q1]
        outside = _subtract((start, end), inside)
        attributed = pattern is not None and any(
            pattern.search(report.text[o0:o1]) for o0, o1 in outside
        )
        for o0, o1 in outside:
            segments.append((o0, o1, "paraphrase" if attributed else "own"))
        segments.extend((q0, q1, "quoted") for q0, q1 in inside)
    return sorted(segments)


def _subtract(span: Span, holes: list[Span]) -> list[Span]:
    pieces = []
    position = span[0]
    for h0, h1 in sorted(holes):
        if h0 > position:
            pieces.append((position, h0))
        position = max(position, h1)
    if position < span[1]:
        pieces.append((position, span[1]))
    return pieces


def attribution(corpus: Corpus, *, knowledge: Knowledge | None = None) -> pd.DataFrame:
    """Per report: the share of characters in direct quotation, attributed paraphrase, own voice.

    Characters are counted without whitespace; shares are between 0 and 1 and sum to 1.

    :param corpus: reports from ``load_reports`` (a single ``Report`` is accepted too).
    :param knowledge: the lexicons (``load_knowledge()``); default the packaged knowledge.
    """
    corpus = _check_corpus(corpus)
    knowledge = resolve(knowledge)
    sources = _sources(corpus)
    rows = []
    for report in corpus:
        if _lexicons(report, knowledge, "attribution") is None:
            continue
        counts = {"quoted": 0, "paraphrase": 0, "own": 0}
        for start, end, voice in voice_segments(report, knowledge=knowledge):
            counts[voice] += sum(1 for c in report.text[start:end] if not c.isspace())
        total = sum(counts.values())
        rows.append(
            {
                "report_id": report.report_id,
                "outlet": sources[report.report_id],
                "language": report.language,
                "chars": total,
                "quoted_chars": counts["quoted"],
                "paraphrase_chars": counts["paraphrase"],
                "own_chars": counts["own"],
                **{k: (v / total if total else 0.0) for k, v in counts.items()},
            }
        )
    return pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS))


_VOICE_COLOURS = {"quoted": "#2c7fb8", "paraphrase": "#fdae61", "own": "#bababa"}
_VOICE_NAMES = {
    "quoted": "direct quotation",
    "paraphrase": "attributed paraphrase",
    "own": "outlet's own voice",
}


def attribution_figure(
    corpus: Corpus, *, title: str | None = None, knowledge: Knowledge | None = None
) -> Any:
    """Stacked bars of :func:`attribution`: per report, quotation, paraphrase and own voice.

    :param corpus: reports from ``load_reports``.
    :param title: figure title (default: "Whose voice? Share of each report's characters").
    :param knowledge: the lexicons (``load_knowledge()``); default the packaged knowledge.
    """
    import plotly.graph_objects as go

    shares = attribution(corpus, knowledge=knowledge)
    names = [html.escape(str(name)) for name in shares["outlet"]]
    figure = go.Figure(
        [
            go.Bar(
                y=names,
                x=shares[voice],
                name=_VOICE_NAMES[voice],
                orientation="h",
                marker_color=_VOICE_COLOURS[voice],
                text=[f"{v:.0%}" for v in shares[voice]],
                textposition="inside",
                hovertemplate="%{y}: %{x:.0%} " + _VOICE_NAMES[voice] + "<extra></extra>",
            )
            for voice in ("quoted", "paraphrase", "own")
        ]
    )
    figure.update_layout(
        barmode="stack",
        title=html.escape(title or "Whose voice? Share of each report's characters"),
        xaxis={"tickformat": ".0%", "range": [0, 1]},
        yaxis={"autorange": "reversed", "automargin": True},
        height=max(220, 120 + 50 * len(names)),
        legend={"orientation": "h", "y": -0.2},
        plot_bgcolor="white",
    )
    return figure


# --------------------------------------------------------------------------- highlighting

_STYLE = (
    "<style>.st-voice{white-space:pre-wrap;line-height:1.6;font-family:Georgia,serif;"
    "max-width:48em}.st-voice .q{background:#dbe9f6}.st-voice .p{background:#fdf1d2}"
    ".st-voice mark{background:#f4a582;font-weight:bold;padding:0 2px}"
    ".st-voice mark.quoted{background:#d9d9d9;font-weight:normal}"
    ".st-legend span{padding:0 6px;margin-right:8px}</style>"
)
_VOICE_CLASS = {"quoted": "q", "paraphrase": "p", "own": ""}


def highlight_html(
    report: Report,
    *,
    include_quoted: bool = True,
    heading: bool = True,
    knowledge: Knowledge | None = None,
) -> str:
    """HTML of ``report.text`` with quotations, attributed paraphrase and evaluative words marked.

    Every piece of report text is HTML-escaped. Evaluative words in the outlet's own voice are
    marked strongly; inside quotations (when ``include_quoted``) in grey.

    :param report: one report of a corpus.
    :param include_quoted: also mark evaluative words inside quotations (in grey).
    :param heading: start with a heading naming the outlet and the report.
    :param knowledge: the lexicons (``load_knowledge()``); default the packaged knowledge.
    """
    if not isinstance(report, Report):
        raise TypeError(f"report must be a summit_timeline Report; got {type(report).__name__}")
    text = report.text
    segments = voice_segments(report, knowledge=knowledge)
    found = evaluative_language(
        Corpus((report,)), include_quoted=include_quoted, knowledge=knowledge
    )
    marks = [
        (int(r.char_start), int(r.char_end), str(r.term), str(r.voice)) for r in found.itertuples()
    ]
    cuts = {0, len(text)}
    for start, end, *_ in [*segments, *marks]:
        cuts.update((start, end))
    parts = [_STYLE]
    if heading:
        name = source_names([report.outlet], [report.report_id], authors=[report.author])[0]
        parts.append(
            f"<h4>{html.escape(name)} <small>({html.escape(report.report_id)})</small></h4>"
        )
    parts += [_legend(), '<div class="st-voice">']
    for start, end in itertools.pairwise(sorted(cuts)):
        piece = html.escape(text[start:end])
        voice = next((v for s0, s1, v in segments if s0 <= start and end <= s1), "own")
        mark = next((m for m in marks if m[0] <= start and end <= m[1]), None)
        if mark is not None:
            css = ' class="quoted"' if mark[3] == "quoted" else ""
            piece = f'<mark{css} title="{html.escape(mark[2])}">{piece}</mark>'
        if _VOICE_CLASS[voice]:
            piece = f'<span class="{_VOICE_CLASS[voice]}">{piece}</span>'
        parts.append(piece)
    parts.append("</div>")
    return "".join(parts)


def _legend() -> str:
    return (
        '<div class="st-legend"><span class="st-voice"><span class="q">direct quotation</span>'
        '</span><span class="st-voice"><span class="p">attributed paraphrase</span></span>'
        '<span class="st-voice"><mark>evaluative word, own voice</mark></span>'
        '<span class="st-voice"><mark class="quoted">evaluative word, quoted</mark></span></div>'
    )
