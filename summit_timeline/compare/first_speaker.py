"""Who a report says spoke first at an event, with the sentence saying so.

The cue words ("first", "opened", ...) and speech verbs come from the language's
``evaluative.yaml`` (``first_speaker_cues``, ``speech_verbs``).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..knowledge import Knowledge, LanguageKnowledge, resolve
from ..reading.corpus import Report
from ..table.schema import is_missing
from ..views.cells import as_dicts, as_list
from .voice import phrases_pattern, report_sentences, word_pattern

Evidence = tuple[str, Any, Any]


def _patterns(lang: LanguageKnowledge) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    data = lang.lexicon("evaluative")
    cues = data.get("first_speaker_cues") or []
    verbs = data.get("speech_verbs") or []
    if not cues or not verbs:
        return None
    return word_pattern(phrases_pattern(cues)), word_pattern(phrases_pattern(verbs))


def speaking_first(
    mention: pd.Series,
    *,
    report: Report | None = None,
    table: pd.DataFrame | None = None,
    knowledge: Knowledge | None = None,
) -> tuple[str, Evidence] | None:
    """Who the report says spoke first at this event, with the sentence saying so, or None.

    Looks for a sentence with a first-speaker cue next to a speech verb ("Zuerst sprach X",
    "X spoke first") among the mention's evidence and, when ``report`` is given, in the report
    text from the mention's evidence to the next evidence of another event of that report.

    :param mention: one row of the event table.
    :param report: the report the row comes from.
    :param table: the whole table, to find where the next event's evidence begins.
    :param knowledge: the lexicons (``load_knowledge()``); default the packaged knowledge.
    """
    knowledge = resolve(knowledge)
    language = str(mention.get("language") or (report.language if report else ""))
    if language not in knowledge.languages:
        return None
    patterns = knowledge.language(language).compiled(_patterns)
    if patterns is None:
        return None
    cue, verb = patterns
    candidates: list[Evidence] = [
        (str(e["sentence"]), e.get("char_start"), e.get("char_end"))
        for e in as_dicts(mention.get("evidence"))
        if e.get("sentence")
    ] or [(str(mention["sentence"]), mention["char_start"], mention["char_end"])]
    if report is not None:
        candidates.extend(_window_sentences(mention, report, table, knowledge))
    actors = [str(a) for a in as_list(mention.get("actors"))]
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
    mention: pd.Series, report: Report, table: pd.DataFrame | None, knowledge: Knowledge
) -> list[Evidence]:
    """The report's sentences from the mention's evidence to the next event's evidence."""
    starts = [s for s in map(_start, as_dicts(mention.get("evidence"))) if s is not None]
    own = _start(mention)
    if not starts and own is None:
        return []
    begin = min(starts) if starts else own
    stop = len(report.text)
    if table is not None:
        others = table[
            (table["report_id"] == mention["report_id"])
            & (table["event_id"] != mention["event_id"])
        ]
        for _, other in others.iterrows():
            for item in as_dicts(other["evidence"]) or [other]:
                start = _start(item)
                if start is not None and begin < start < stop:
                    stop = start
    return [
        (report.text[s0:s1], s0, s1)
        for s0, s1 in report_sentences(report.text, report.language, knowledge=knowledge)
        if begin <= s0 < stop
    ]


def _start(item: Any) -> int | None:
    """``item["char_start"]`` as an int, or None where it is missing."""
    try:
        value = item["char_start"]
    except (KeyError, TypeError, IndexError):
        return None
    return None if is_missing(value) else int(value)
