"""The same remark as printed by different outlets: pairing quotes and a word-level diff."""

from __future__ import annotations

import difflib
import html
import re
from itertools import combinations
from typing import Any, Literal

import pandas as pd

from ..knowledge import Knowledge
from ..views.cells import as_dicts, text_of
from ..views.stories import select_story
from .attributes import UNATTRIBUTED
from .frames import SOURCE, check_frame, events_in_order

DiffOp = Literal["equal", "replace", "delete", "insert"]

VARIANT_COLUMNS: tuple[str, ...] = (
    "story_id",
    "event_id",
    "event_type",
    "label",
    "speaker",
    "outlet_a",
    "report_id_a",
    "quote_a",
    "outlet_b",
    "report_id_b",
    "quote_b",
    "similarity",
    "match",
    "word_diff",
)

_CELL = "text-align:left;vertical-align:top;padding:6px"
_MIN_SHARED = 0.3
_MAX_RUN = 3  # a remark one outlet prints whole may be split by another ("...," he said, "...")
_RUN_PENALTY = 0.02


def _tokens(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def _key(token: str) -> str:
    key = "".join(re.findall(r"\w+", token.casefold()))
    return key or token


def word_diff(a: str, b: str) -> list[tuple[DiffOp, str, str]]:
    """Word-level diff of two texts: ``(op, words of a, words of b)`` per run, as printed.

    Words are compared without case and punctuation; the texts of each run keep both.

    :param a: the first text.
    :param b: the second text.
    """
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    matcher = difflib.SequenceMatcher(
        None, [_key(t) for t in tokens_a], [_key(t) for t in tokens_b], autojunk=False
    )
    return [
        (op, " ".join(tokens_a[i0:i1]), " ".join(tokens_b[j0:j1]))  # type: ignore[misc]
        for op, i0, i1, j0, j1 in matcher.get_opcodes()
    ]


def _ratios(a: str, b: str) -> tuple[float, float, float]:
    keys_a = [_key(t) for t in _tokens(a)]
    keys_b = [_key(t) for t in _tokens(b)]
    words = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).ratio()
    chars = difflib.SequenceMatcher(
        None, " ".join(keys_a), " ".join(keys_b), autojunk=False
    ).ratio()
    stems_a = {k[:5] for k in keys_a if len(k) > 3}
    stems_b = {k[:5] for k in keys_b if len(k) > 3}
    both = len(stems_a) + len(stems_b)
    shared = 2 * len(stems_a & stems_b) / both if both else 0.0
    return words, chars, shared


def similarity(a: str, b: str) -> float:
    """0..1: how alike two quotes are.

    The mean of three ratios that fail differently: word order (difflib over words), spelling
    (difflib over characters) and shared content words (words of four or more letters compared
    by their first five, a rough stem for German and English inflection).
    """
    return round(sum(_ratios(a, b)) / 3, 3)


def _same_remark(a: str, b: str, min_similarity: float) -> float | None:
    """The similarity of ``a`` and ``b`` if they read as one remark, else None.

    Besides the overall similarity, a third of their content words must be shared: short quotes
    are alike in spelling by chance ("sehr erfahrener Staatsmann", "sehr ausgeglichener Mann").
    """
    ratios = _ratios(a, b)
    score = round(sum(ratios) / 3, 3)
    return score if score >= min_similarity and ratios[2] >= _MIN_SHARED else None


def diff_html(a: str, b: str, *, label_a: str = "", label_b: str = "") -> str:
    """Two lines of HTML: ``a`` with words missing from ``b`` struck, ``b`` with new ones marked.

    All text is HTML-escaped.

    :param a: the first text.
    :param b: the second text.
    :param label_a: label shown before the first line (e.g. the outlet).
    :param label_b: label shown before the second line.
    """
    line_a: list[str] = []
    line_b: list[str] = []
    for op, words_a, words_b in word_diff(a, b):
        if op == "equal":
            line_a.append(html.escape(words_a))
            line_b.append(html.escape(words_b))
            continue
        if words_a:
            line_a.append(
                '<del style="background:#fbb4ae;text-decoration:line-through">'
                f"{html.escape(words_a)}</del>"
            )
        if words_b:
            line_b.append(
                f'<ins style="background:#b3de69;text-decoration:none">{html.escape(words_b)}</ins>'
            )
    head_a = f"<b>{html.escape(label_a)}</b>: " if label_a else ""
    head_b = f"<b>{html.escape(label_b)}</b>: " if label_b else ""
    return (
        f'<div class="st-diff"><div>{head_a}{" ".join(line_a)}</div>'
        f"<div>{head_b}{' '.join(line_b)}</div></div>"
    )


def _runs(quotes: list[str]) -> list[tuple[tuple[int, ...], str]]:
    runs = []
    for size in range(1, min(_MAX_RUN, len(quotes)) + 1):
        for first in range(len(quotes) - size + 1):
            members = tuple(range(first, first + size))
            runs.append((members, " … ".join(quotes[i] for i in members)))
    return runs


def _pair(
    quotes_a: list[str], quotes_b: list[str], min_similarity: float, *, same_language: bool
) -> list[tuple[str, str, float, str]]:
    """Greedy best pairs of quotes (or runs of consecutive quotes) of one speaker in two sources."""
    scored = []
    for members_a, text_a in _runs(quotes_a):
        for members_b, text_b in _runs(quotes_b):
            penalty = _RUN_PENALTY * (len(members_a) + len(members_b) - 2)
            score = _same_remark(text_a, text_b, min_similarity + penalty)
            if score is not None:
                scored.append((score - penalty, score, members_a, text_a, members_b, text_b))
    scored.sort(key=lambda s: -s[0])
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[str, str, float, str]] = []
    for adjusted, score, members_a, text_a, members_b, text_b in scored:
        if adjusted < min_similarity:
            break
        if used_a.intersection(members_a) or used_b.intersection(members_b):
            continue
        used_a.update(members_a)
        used_b.update(members_b)
        pairs.append((text_a, text_b, score, "similar" if same_language else "translation"))
    left_a = [q for i, q in enumerate(quotes_a) if i not in used_a]
    left_b = [q for i, q in enumerate(quotes_b) if i not in used_b]
    if not same_language and not pairs and len(left_a) == 1 and len(left_b) == 1:
        # One remark each by the same speaker at the same event, in two languages: most likely
        # one remark translated, shown side by side without a claim of likeness.
        pairs.append((left_a[0], left_b[0], similarity(left_a[0], left_b[0]), "translation"))
    return pairs


def quote_variants(
    table: pd.DataFrame,
    *,
    story: str | None = None,
    min_similarity: float = 0.35,
    knowledge: Knowledge | None = None,
) -> pd.DataFrame:
    """The same remark as printed by different outlets, side by side with a word-level diff.

    Quotes are grouped by event and speaker; for every two outlets, quotes (or runs of up to three
    consecutive quotes, when one outlet splits a remark) are paired by similarity. Identical
    quotes are left out. ``match`` is ``"similar"`` for two reports in one language, and
    ``"translation"`` for reports in two languages: paired by similarity or, when each has a single
    quote of that speaker at that event, as the only candidates. ``word_diff`` is
    :func:`word_diff` of the pair; :func:`quote_variants_html` renders it highlighted (pairs in
    two languages side by side without highlighting). Rows come story by story (the main story
    first), each story's events in time order.

    :param table: an event table from ``extract_events``.
    :param story: a ``story_id`` to keep that story's quotes only.
    :param min_similarity: lowest similarity (0..1) for two quotes to count as one remark.
    :param knowledge: the event types' order (``load_knowledge()``); default the packaged one.
    """
    table = select_story(table, story)
    if not 0 <= min_similarity <= 1:
        raise ValueError(f"min_similarity must be between 0 and 1; got {min_similarity!r}")
    rows: list[dict[str, Any]] = []
    for event, mentions in events_in_order(table, knowledge=knowledge):
        rows += _event_variants(event, mentions, min_similarity)
    return pd.DataFrame(rows, columns=list(VARIANT_COLUMNS))


def _event_variants(
    event: dict[str, Any], mentions: pd.DataFrame, min_similarity: float
) -> list[dict[str, Any]]:
    """The quote variants of one event: every two sources, every speaker both quote."""
    by_source: dict[str, dict[str | None, list[str]]] = {}
    report_of: dict[str, str] = {}
    language_of: dict[str, str] = {}
    for _, mention in mentions.iterrows():
        source = mention[SOURCE]
        report_of.setdefault(source, mention["report_id"])
        language_of.setdefault(source, str(mention["language"]))
        speakers = by_source.setdefault(source, {})
        for quote in as_dicts(mention["quotes"]):
            text = text_of(quote.get("text"))
            if text:
                speakers.setdefault(text_of(quote.get("speaker")), []).append(text)
    rows = []
    for source_a, source_b in combinations(list(by_source), 2):
        same_language = language_of[source_a] == language_of[source_b]
        for speaker in [s for s in by_source[source_a] if s in by_source[source_b]]:
            pairs = _pair(
                by_source[source_a][speaker],
                by_source[source_b][speaker],
                min_similarity,
                same_language=same_language,
            )
            for text_a, text_b, score, match in pairs:
                if _key_text(text_a) == _key_text(text_b):
                    continue
                rows.append(
                    {
                        **event,
                        "speaker": speaker,
                        "outlet_a": source_a,
                        "report_id_a": report_of[source_a],
                        "quote_a": text_a,
                        "outlet_b": source_b,
                        "report_id_b": report_of[source_b],
                        "quote_b": text_b,
                        "similarity": score,
                        "match": match,
                        "word_diff": word_diff(text_a, text_b),
                    }
                )
    return rows


def _key_text(text: str) -> str:
    return " ".join(_key(t) for t in _tokens(text))


def quote_variants_html(variants: pd.DataFrame) -> str:
    """An HTML table of :func:`quote_variants` with each pair's word diff highlighted (escaped).

    :param variants: the frame returned by :func:`quote_variants`.
    """
    check_frame(variants, VARIANT_COLUMNS, argument="variants", made_by="quote_variants()")
    if variants.empty:
        return "<p><i>No quote is printed differently by two outlets.</i></p>"
    rows = []
    for row in variants.itertuples(index=False):
        speaker = html.escape(str(row.speaker or UNATTRIBUTED))
        if row.match == "translation":
            note = " - two languages: compare the meaning"
            body = (
                f"<div><b>{html.escape(str(row.outlet_a))}</b>: {html.escape(row.quote_a)}</div>"
                f"<div><b>{html.escape(str(row.outlet_b))}</b>: {html.escape(row.quote_b)}</div>"
            )
        else:
            note = ""
            body = diff_html(row.quote_a, row.quote_b, label_a=row.outlet_a, label_b=row.outlet_b)
        rows.append(
            "<tr>"
            f'<td style="{_CELL};width:25%">{html.escape(str(row.label))}<br>'
            f"<small>{speaker}</small></td>"
            f'<td style="{_CELL}">{body}'
            f"<small>similarity {row.similarity:.2f}{html.escape(note)}</small></td>"
            "</tr>"
        )
    return (
        '<table class="st-variants" style="border-collapse:collapse;text-align:left">'
        f'<thead><tr><th style="{_CELL}">event / speaker</th>'
        f'<th style="{_CELL}">as printed by each outlet</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
