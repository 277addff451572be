"""Reading reports: files (text, text with front matter, HTML) -> a ``Corpus`` of ``Report``.

In the order a file goes through them: ``load.py`` finds and decodes files, picks the form and
the metadata by precedence; ``frontmatter.py`` reads a YAML front matter block; ``pages.py``
extracts an article from an HTML page (trafilatura); ``clean.py`` removes page chrome and credits
and finds the headline; ``metalines.py`` reads date and author lines; ``dates.py`` reads
publication times in their zone; ``corpus.py`` holds the result. ``patterns.py`` compiles the
words of the metadata, boilerplate and time lexicons that all of them use (``patterns_for``).
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
