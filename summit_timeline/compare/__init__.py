"""Comparing outlets: who reported what, where they differ, how quotes were rendered, and the
reporter's own voice.

``matrices.py`` (event × outlet: who reports which event, and what each says),
``differences.py`` (where outlets differ: ``discrepancies``, from what ``attributes.py`` reads per
source and event; the one computation behind the timeline's hover texts and the exported page),
``variants.py`` (one remark as printed by different outlets, with a word-level diff),
``voice.py`` (evaluative language, attribution), ``first_speaker.py`` (who the report says
spoke first) and ``sources.py`` (the reports compared, as the comparisons name them);
``frames.py`` holds what they share. No module is named like a function, so
``compare.coverage`` is always the function.

``readable(frame)`` shows any of their frames (or the event table) in plain words for people:
'not stated' where a cell has no value, lists as text (``views.cells.readable``).

Every function takes the table (or corpus) first; those that order events or read lexicons take
``knowledge=`` (default: the packaged knowledge). Those over the event table work story by story
(``stories(table)`` lists them, the main one first): rows about events carry their
``story_id``, outlets are compared within a story, and ``story=`` keeps one story. Sources are
named by ``summit_timeline.views.cells.source_labels``, events ordered by
``summit_timeline.chronology``.
"""

from __future__ import annotations

from ..views.cells import readable, source_labels
from ..views.stories import stories
from .differences import (
    DISCREPANCY_COLUMNS,
    Discrepancy,
    discrepancies,
    discrepancy_list,
    discrepancy_summary,
)
from .matrices import coverage, coverage_figure, side_by_side
from .sources import SOURCE_COLUMNS, source_table
from .variants import (
    VARIANT_COLUMNS,
    diff_html,
    quote_variants,
    quote_variants_html,
    similarity,
    word_diff,
)
from .voice import (
    attribution,
    attribution_figure,
    evaluative_language,
    highlight_html,
    report_sentences,
    voice_segments,
)

__all__ = [
    "DISCREPANCY_COLUMNS",
    "SOURCE_COLUMNS",
    "VARIANT_COLUMNS",
    "Discrepancy",
    "attribution",
    "attribution_figure",
    "coverage",
    "coverage_figure",
    "diff_html",
    "discrepancies",
    "discrepancy_list",
    "discrepancy_summary",
    "evaluative_language",
    "highlight_html",
    "quote_variants",
    "quote_variants_html",
    "readable",
    "report_sentences",
    "side_by_side",
    "similarity",
    "source_labels",
    "source_table",
    "stories",
    "voice_segments",
    "word_diff",
]
