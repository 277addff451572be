"""summit_timeline: news reports about a summit in; a dated, sourced event table and timeline out.

>>> import summit_timeline as st
>>> corpus = st.load_reports("data/reports/alaska-2025")   # doctest: +SKIP
>>> table = st.extract_events(corpus)                       # doctest: +SKIP

Public names are imported lazily so that ``import summit_timeline`` stays fast and the plotting
and widget stacks load only when used.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # reading reports
    "load_reports": "ingest",
    "Report": "corpus",
    "Corpus": "corpus",
    "ReportError": "corpus",
    # the event table
    "extract_events": "table",
    "COLUMNS": "schema",
    # figures, explorer, exports
    "timeline_figure": "plot",
    "TimelineExplorer": "widgets",
    "export_html": "export",
    "to_html": "export",
    "to_timelinejs": "export",
    "write_table": "table",
    "build_outputs": "export",
    "write_timelinejs": "export",
    "chronology": "chronology",
    # comparisons
    "coverage": "compare",
    "discrepancies": "compare",
    "quote_variants": "compare",
    "evaluative_language": "compare",
    "coverage_figure": "compare",
    "attribution": "compare",
    "write_lesson": "lesson",
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
