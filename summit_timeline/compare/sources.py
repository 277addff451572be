"""The reports being compared, one row each: the source as every comparison names it, who
wrote it, when it was published, in which language, and its file.

The first thing a reader of a comparison needs: which names stand for which reports. A report
without an outlet is named by its author (the byline), and by its file only when neither is
known (``views.cells.source_names``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..reading.corpus import Corpus
from ..views.cells import published_text
from .voice import _check_corpus, _sources

SOURCE_COLUMNS: tuple[str, ...] = ("outlet", "author", "title", "published", "language", "report")
"""Columns of :func:`source_table`: ``outlet`` (the source, as the comparisons name it),
``author``, ``title``, ``published`` (as far as it is known: a day, or a time with its zone),
``language`` and ``report`` (the report's id, its file name)."""


def source_table(corpus: Corpus | Any) -> pd.DataFrame:
    """One row per report of ``corpus``, in its order (see ``SOURCE_COLUMNS``).

    Missing values are None; show the table with ``readable`` for people.

    :param corpus: a ``Corpus`` from ``load_reports`` (or one ``Report``).
    """
    corpus = _check_corpus(corpus)
    names = _sources(corpus)
    rows = [
        {
            "outlet": names[report.report_id],
            "author": report.author,
            "title": report.title,
            "published": published_text(report.published, report.published_precision) or None,
            "language": report.language,
            "report": report.report_id,
        }
        for report in corpus
    ]
    return pd.DataFrame(rows, columns=list(SOURCE_COLUMNS))
