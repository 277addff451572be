"""The reporter's voice: evaluative wording, attribution shares, and who spoke first.

Words come from ``resources/lexicons/<lang>/evaluative.yaml``; the grammar that inflects them
(adjective and noun endings) is applied here. Quotations are found with
``summit_timeline.quotes.find_quotes`` so that words inside a quotation are never counted as the
outlet's own judgement.
"""

from __future__ import annotations

import html
import itertools
import re
import warnings
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Literal

import pandas as pd

from ..knowledge import LanguageKnowledge, default_knowledge
from ..mentions.quotes import find_quotes
from ..mentions.sentences import split_sentences
from ..reading.corpus import Corpus, Report

Voice = Literal["quoted", "paraphrase", "own"]

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


# --------------------------------------------------------------------------- quotations


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each quotation in ``text``, marks included."""
    return sorted((q.start, q.end) for q in find_quotes(text))


# --------------------------------------------------------------------------- sentences


@lru_cache(maxsize=256)
def report_sentences(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of each sentence of ``text`` (``summit_timeline.text.split_sentences``)."""
    return tuple(
        (s.start, s.end) for s in split_sentences(text, default_knowledge().language(language))
    )


def _sentence_at(sentences: Iterable[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in sentences:
        if start <= position < end:
            return start, end
    return position, position


# --------------------------------------------------------------------------- lexicon patterns


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


def _languages() -> tuple[str, ...]:
    return default_knowledge().languages


def _compiled(builder, language: str):
    return default_knowledge().language(language).compiled(builder)


def _patterns(language: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """``(category, entry, pattern)`` for every evaluative entry of ``language``, phrases first."""
    return _compiled(_build_patterns, language)


def _build_patterns(lang: LanguageKnowledge) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    data = lang.lexicon("evaluative")
    adjective_endings = [str(e) for e in data.get("adjective_endings") or []]
    noun_endings = [str(e) for e in data.get("noun_endings") or []]
    found: list[tuple[str, str, re.Pattern[str]]] = []
    for phrase in data.get("phrases") or []:
        body = _phrase_pattern(str(phrase), adjective_endings)
        found.append(("phrase", str(phrase), _word(body)))
    for noun in data.get("nouns") or []:
        found.append(("noun", str(noun), _word(_alternatives([str(noun)], noun_endings))))
    for adjective in data.get("adjectives") or []:
        pattern = _alternatives([str(adjective)], adjective_endings)
        found.append(("adjective", str(adjective), _word(pattern)))
    return tuple(found)


def _word(body: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _attribution_pattern(language: str) -> re.Pattern[str] | None:
    return _compiled(_build_attribution_pattern, language)


def _build_attribution_pattern(lang: LanguageKnowledge) -> re.Pattern[str] | None:
    data = lang.lexicon("evaluative")
    words = [
        str(w)
        for key in ("speech_verbs", "attribution_phrases", "reported_speech")
        for w in data.get(key) or []
    ]
    if not words:
        return None
    body = "|".join(
        r"[\s\-]+".join(map(re.escape, w.split())) for w in sorted(words, key=len)[::-1]
    )
    return _word(body)


def _first_speaker_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    return _compiled(_build_first_speaker_patterns, language)


def _build_first_speaker_patterns(
    lang: LanguageKnowledge,
) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    data = lang.lexicon("evaluative")
    cues = [str(c) for c in data.get("first_speaker_cues") or []]
    verbs = [str(v) for v in data.get("speech_verbs") or []]
    if not cues or not verbs:
        return None
    cue = "|".join(r"\s+".join(map(re.escape, c.split())) for c in sorted(cues, key=len)[::-1])
    verb = "|".join(map(re.escape, sorted(verbs, key=len)[::-1]))
    return _word(cue), _word(verb)


def _has_lexicon(report: Report, purpose: str) -> bool:
    if report.language in _languages():
        return True
    warnings.warn(
        f"report {report.report_id!r}: no lexicons for language {report.language!r} "
        f"(supported: {list(_languages())}); skipped in {purpose}",
        stacklevel=3,
    )
    return False


def _check_corpus(corpus: Any) -> Corpus:
    if isinstance(corpus, Corpus):
        return corpus
    if isinstance(corpus, Report):
        return Corpus((corpus,))
    raise TypeError(
        f"corpus must be a summit_timeline Corpus (from load_reports); got {type(corpus).__name__}"
    )


# --------------------------------------------------------------------------- evaluative language


def _evaluative_matches(report: Report) -> list[tuple[str, str, int, int]]:
    """``(category, entry, start, end)`` of each evaluative match; the longest wins overlaps."""
    matches: list[tuple[str, str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for category, entry, pattern in _patterns(report.language):
        for found in pattern.finditer(report.text):
            start, end = found.span()
            if any(start < t1 and t0 < end for t0, t1 in taken):
                continue
            taken.append((start, end))
            matches.append((category, entry, start, end))
    return sorted(matches, key=lambda m: m[2])


def evaluative_language(corpus: Corpus, *, include_quoted: bool = False) -> pd.DataFrame:
    """The reporter's own evaluative or loaded wording, one row per match, with its sentence.

    Words are matched from the language's ``evaluative.yaml`` (adjectives with their endings,
    nouns, phrases). Words inside a quotation are somebody else's: they are left out unless
    ``include_quoted`` is true, and then marked ``voice="quoted"``. Reports in a language without
    lexicons are skipped with a warning.

    :param corpus: reports from ``load_reports`` (a single ``Report`` is accepted too).
    :param include_quoted: also list matches inside quotations.
    """
    corpus = _check_corpus(corpus)
    rows: list[dict[str, Any]] = []
    for report in corpus:
        if not _has_lexicon(report, "evaluative_language"):
            continue
        quotes = quote_spans(report.text)
        sentences = report_sentences(report.text, report.language)
        for category, entry, start, end in _evaluative_matches(report):
            quoted = any(q0 <= start and end <= q1 for q0, q1 in quotes)
            if quoted and not include_quoted:
                continue
            s0, s1 = _sentence_at(sentences, start)
            rows.append(
                {
                    "report_id": report.report_id,
                    "outlet": report.outlet,
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


def voice_segments(report: Report) -> list[tuple[int, int, Voice]]:
    """Segments of ``report.text`` by voice: quotation, attributed paraphrase or the outlet's own.

    A sentence with a speech verb, an attribution phrase or a reported-speech form from the
    lexicon is attributed paraphrase outside its quotations; quotations are ``quoted``.
    """
    pattern = _attribution_pattern(report.language) if report.language in _languages() else None
    quotes = quote_spans(report.text)
    segments: list[tuple[int, int, Voice]] = []
    for start, end in report_sentences(report.text, report.language):
        inside = [(max(q0, start), min(q1, end)) for q0, q1 in quotes if q0 < end and start < q1]
        outside = _subtract((start, end), inside)
        attributed = pattern is not None and any(
            pattern.search(report.text[o0:o1]) for o0, o1 in outside
        )
        for o0, o1 in outside:
            segments.append((o0, o1, "paraphrase" if attributed else "own"))
        segments.extend((q0, q1, "quoted") for q0, q1 in inside)
    return sorted(segments)


def _subtract(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = []
    position = span[0]
    for h0, h1 in sorted(holes):
        if h0 > position:
            pieces.append((position, h0))
        position = max(position, h1)
    if position < span[1]:
        pieces.append((position, span[1]))
    return pieces


def attribution(corpus: Corpus) -> pd.DataFrame:
    """Per report: the share of characters in direct quotation, attributed paraphrase, own voice.

    Characters are counted without whitespace; shares are between 0 and 1 and sum to 1.

    :param corpus: reports from ``load_reports`` (a single ``Report`` is accepted too).
    """
    corpus = _check_corpus(corpus)
    rows = []
    for report in corpus:
        if not _has_lexicon(report, "attribution"):
            continue
        counts = {"quoted": 0, "paraphrase": 0, "own": 0}
        for start, end, voice in voice_segments(report):
            counts[voice] += sum(1 for c in report.text[start:end] if not c.isspace())
        total = sum(counts.values())
        rows.append(
            {
                "report_id": report.report_id,
                "outlet": report.outlet,
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


def attribution_figure(corpus: Corpus, *, title: str | None = None) -> Any:
    """Stacked bars of :func:`attribution`: per report, quotation, paraphrase and own voice.

    :param corpus: reports from ``load_reports``.
    :param title: figure title (default: "Whose voice? Share of each report's characters").
    """
    import plotly.graph_objects as go

    shares = attribution(corpus)
    names = [
        html.escape(str(outlet or rid))
        for outlet, rid in zip(shares["outlet"], shares["report_id"], strict=True)
    ]
    if len(set(names)) < len(names):
        names = [
            f"{n} ({html.escape(str(r))})" for n, r in zip(names, shares["report_id"], strict=True)
        ]
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


# --------------------------------------------------------------------------- who spoke first


def speaking_first(
    mention: pd.Series, *, report: Report | None = None, table: pd.DataFrame | None = None
) -> tuple[str, tuple[str, int, int]] | None:
    """Who the report says spoke first at this event, with the sentence saying so, or None.

    Looks for a sentence with a first-speaker cue next to a speech verb ("Zuerst sprach X",
    "X spoke first") among the mention's evidence and, when ``report`` is given, in the report
    text from the mention's evidence to the next evidence of another event of that report.

    :param mention: one row of the event table.
    :param report: the report the row comes from.
    :param table: the whole table, to find where the next event's evidence begins.
    """
    language = str(mention.get("language") or (report.language if report else ""))
    if language not in _languages():
        return None
    patterns = _first_speaker_patterns(language)
    if patterns is None:
        return None
    cue, verb = patterns
    candidates: list[tuple[str, int, int]] = [
        (str(e["sentence"]), e.get("char_start"), e.get("char_end"))
        for e in _as_dicts(mention.get("evidence"))
        if e.get("sentence")
    ] or [(str(mention["sentence"]), mention["char_start"], mention["char_end"])]
    if report is not None:
        candidates.extend(_window_sentences(mention, report, table))
    actors = [str(a) for a in _as_dicts_or_list(mention.get("actors"))]
    for sentence, start, end in candidates:
        cue_match = cue.search(sentence)
        if cue_match is None or not _near(verb, sentence, cue_match.span()):
            continue
        named = [
            (found.start(), actor)
            for actor in actors
            if (found := re.search(rf"(?<!\w){re.escape(actor)}", sentence, re.IGNORECASE))
        ]
        if named:
            return min(named)[1], (sentence, start, end)
        if actors:
            return actors[0], (sentence, start, end)
    return None


def _near(verb: re.Pattern[str], sentence: str, span: tuple[int, int], words: int = 3) -> bool:
    left = sentence[: span[0]].split()[-words:]
    right = sentence[span[1] :].split()[:words]
    return bool(verb.search(" ".join([*left, "|", *right])))


def _window_sentences(
    mention: pd.Series, report: Report, table: pd.DataFrame | None
) -> list[tuple[str, int, int]]:
    starts = [int(e["char_start"]) for e in _as_dicts(mention.get("evidence")) if _int(e)]
    if not starts and _int(mention):
        starts = [int(mention["char_start"])]
    if not starts:
        return []
    begin = min(starts)
    stop = len(report.text)
    if table is not None:
        others = table[
            (table["report_id"] == mention["report_id"])
            & (table["event_id"] != mention["event_id"])
        ]
        for _, other in others.iterrows():
            for item in _as_dicts(other["evidence"]) or [other]:
                if _int(item) and begin < int(item["char_start"]) < stop:
                    stop = int(item["char_start"])
    return [
        (report.text[s0:s1], s0, s1)
        for s0, s1 in report_sentences(report.text, report.language)
        if begin <= s0 < stop
    ]


def _int(item: Any) -> bool:
    try:
        value = item["char_start"]
    except (KeyError, TypeError, IndexError):
        return False
    return value is not None and not pd.isna(value)


def _as_dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in _as_dicts_or_list(value) if isinstance(v, dict)]


def _as_dicts_or_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    if hasattr(value, "tolist"):
        listed = value.tolist()
        return listed if isinstance(listed, list) else []
    return []


# --------------------------------------------------------------------------- highlighting

_STYLE = (
    "<style>.st-voice{white-space:pre-wrap;line-height:1.6;font-family:Georgia,serif;"
    "max-width:48em}.st-voice .q{background:#dbe9f6}.st-voice .p{background:#fdf1d2}"
    ".st-voice mark{background:#f4a582;font-weight:bold;padding:0 2px}"
    ".st-voice mark.quoted{background:#d9d9d9;font-weight:normal}"
    ".st-legend span{padding:0 6px;margin-right:8px}</style>"
)


def highlight_html(report: Report, *, include_quoted: bool = True, heading: bool = True) -> str:
    """HTML of ``report.text`` with quotations, attributed paraphrase and evaluative words marked.

    Every piece of report text is HTML-escaped. Evaluative words in the outlet's own voice are
    marked strongly; inside quotations (when ``include_quoted``) in grey.

    :param report: one report of a corpus.
    :param include_quoted: also mark evaluative words inside quotations (in grey).
    :param heading: start with a heading naming the outlet and the report.
    """
    if not isinstance(report, Report):
        raise TypeError(f"report must be a summit_timeline Report; got {type(report).__name__}")
    text = report.text
    segments = voice_segments(report) if report.language in _languages() else []
    found = evaluative_language(Corpus((report,)), include_quoted=include_quoted)
    marks = [
        (int(r.char_start), int(r.char_end), str(r.term), str(r.voice)) for r in found.itertuples()
    ]
    cuts = {0, len(text)}
    for start, end, *_ in [*segments, *marks]:
        cuts.update((start, end))
    points = sorted(cuts)
    voice_class = {"quoted": "q", "paraphrase": "p", "own": ""}
    parts = [_STYLE]
    if heading:
        name = report.outlet or report.report_id
        parts.append(
            f"<h4>{html.escape(name)} <small>({html.escape(report.report_id)})</small></h4>"
        )
    parts += [_legend(), '<div class="st-voice">']
    for start, end in itertools.pairwise(points):
        piece = html.escape(text[start:end])
        voice = next((v for s0, s1, v in segments if s0 <= start and end <= s1), "own")
        mark = next((m for m in marks if m[0] <= start and end <= m[1]), None)
        if mark is not None:
            css = ' class="quoted"' if mark[3] == "quoted" else ""
            piece = f'<mark{css} title="{html.escape(mark[2])}">{piece}</mark>'
        if voice_class[voice]:
            piece = f'<span class="{voice_class[voice]}">{piece}</span>'
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
