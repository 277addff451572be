"""summit_timeline: news reports about a summit in; a dated, sourced event table and timeline out.

>>> import summit_timeline as st
>>> corpus = st.load_reports("data/reports/alaska-2025")   # doctest: +SKIP
>>> table = st.extract_events(corpus)                       # doctest: +SKIP

Public names are imported lazily so that ``import summit_timeline`` stays fast and the plotting
and widget stacks load only when used. The sub-packages are the stages a report goes through:
``knowledge`` (the words), ``reading`` (files -> reports), ``mentions`` (report -> mentions),
``table`` (mentions -> rows), ``views`` (rows -> figures and pages), ``compare`` (outlets side by
side); ``docs/DESIGN.md`` walks them.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # knowledge: ontology, lexicons, gazetteers
    "load_knowledge": "knowledge",
    "Knowledge": "knowledge",
    "KnowledgeError": "knowledge",
    # reading reports
    "load_reports": "reading",
    "load_archive": "reading.archive",
    "load_corpus": "reading.archive",
    "Report": "reading.corpus",
    "Corpus": "reading.corpus",
    "ReportError": "reading.corpus",
    # the event table
    "extract_events": "table",
    "COLUMNS": "table.schema",
    "write_table": "table",
    "read_partitioned": "table.write",
    "append_correction": "table.corrections",
    "read_corrections": "table.corrections",
    "CorrectionWarning": "table.corrections",
    # figures, explorer, exports
    "chronology": "views.chronology",
    "stories": "views.stories",
    "timeline_figure": "views.figures",
    "TimelineExplorer": "views.explorer",
    "export_html": "views.export",
    "to_html": "views.export",
    "to_timelinejs": "views.export",
    "build_outputs": "views.export",
    "write_timelinejs": "views.export",
    "write_lesson": "views.lesson",
    # comparisons
    "coverage": "compare",
    "discrepancies": "compare",
    "quote_variants": "compare",
    "evaluative_language": "compare",
    "coverage_figure": "compare",
    "attribution": "compare",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'summit_timeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
