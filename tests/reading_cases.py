"""Shared material of the reading tests: small report texts in each language, paths, checks.

The texts are invented and short: a headline, a body paragraph and one more line per language,
so a test can build a report around the one line it is about.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from summit_timeline.reading.corpus import Report

ROOT = Path(__file__).resolve().parent.parent
#: Small report files for reading: one per form and language (tests/data/ingest/).
FIXTURES = ROOT / "tests" / "data" / "ingest"
#: The bundled sample reports.
SAMPLES = ROOT / "data" / "reports" / "alaska-2025"
#: The development sets, annotated in tests/data/expected/dev-*.yaml.
DEV_REPORTS = ROOT / "tests" / "data" / "reports"
EXPECTED = ROOT / "tests" / "data" / "expected"

BODY = {
    "de": (
        "Die beiden Präsidenten haben sich am Nachmittag zu einem langen Gespräch getroffen. "
        "Danach traten sie gemeinsam vor die Presse und sprachen von einem guten Treffen."
    ),
    "en": (
        "The two presidents met for a long conversation in the afternoon. Afterwards they "
        "appeared together before the press and spoke of a good meeting."
    ),
}
MORE = {
    "de": "Eine gemeinsame Erklärung gab es nicht.",
    "en": "There was no joint statement.",
}
HEADLINE = {"de": "Gipfel endet ohne Einigung", "en": "Summit ends without a deal"}
FRENCH = (
    "Les deux présidents se sont rencontrés pendant quatre heures dans une villa au bord du lac. "
    "Ils ont ensuite tenu des conférences de presse séparées."
)


def iso(value: datetime | None) -> str | None:
    """``value`` in ISO format, or None."""
    return None if value is None else value.isoformat()


def with_front_matter(lines: str, body: str) -> str:
    """A report with a front matter block of ``lines`` above ``body``."""
    return f"---\n{lines}\n---\n{body}"


def assert_round_trip(report: Report) -> None:
    """Every non-space character of the text is the raw character at its offset."""
    assert len(report.offsets) == len(report.text)
    assert all(a <= b for a, b in zip(report.offsets, report.offsets[1:], strict=False))
    for i, ch in enumerate(report.text):
        raw_ch = report.raw[report.offsets[i]]
        if ch.isspace():  # a line break may be added (after a headline): same offset as before
            assert raw_ch.isspace() or report.offsets[i] == report.offsets[i - 1], (i, ch, raw_ch)
        else:
            assert raw_ch == ch, (i, ch, raw_ch)
