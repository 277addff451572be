"""Reading reports: files (text, text with front matter, HTML) -> a ``Corpus`` of ``Report``.

``load.py`` reads files and metadata; ``clean.py`` removes page chrome and finds date and author
lines; ``dates.py`` reads publication times in their zone; ``pages.py`` extracts an article from
a page (trafilatura); ``patterns.py`` compiles the words of the metadata, boilerplate and time
lexicons; ``corpus.py`` holds the result.
"""

from __future__ import annotations

from .corpus import Corpus, Report, ReportError
from .load import ReportWarning, language_timezones, load_reports, parse_report

__all__ = [
    "Corpus",
    "Report",
    "ReportError",
    "ReportWarning",
    "language_timezones",
    "load_reports",
    "parse_report",
]
