"""Tests of summit_timeline.reading.sources: a sources file beside the reports."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import summit_timeline as st
from summit_timeline.reading.sources import SourcesWarning

TEXT = "Presidents Trump and Putin met in Geneva on Friday.\n"


def _folder(tmp_path: Path, sources: str, **files: str) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(sources, encoding="utf-8")
    return tmp_path


def test_the_sources_file_fills_in_what_a_report_lacks(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "plain.txt:\n  outlet: Harbour Times\n  url: https://example.org/a\n"
        "  published: 2025-08-16 06:56\n  language: en\n"
        "own.md:\n  outlet: Not This One\n  published: 2020-01-01\n",
        **{
            "plain.txt": TEXT,
            "own.md": "---\noutlet: Own Name\npublished: 2025-08-17\nlanguage: en\n---\n" + TEXT,
        },
    )
    corpus = st.load_reports(folder)
    plain, own = corpus["plain"], corpus["own"]
    assert (plain.outlet, plain.url, plain.language) == (
        "Harbour Times",
        "https://example.org/a",
        "en",
    )
    assert plain.published.strftime("%Y-%m-%d %H:%M") == "2025-08-16 06:56"
    assert (own.outlet, own.published.date().isoformat()) == ("Own Name", "2025-08-17")


def test_the_samples_have_outlet_names_not_file_names() -> None:
    corpus = st.load_reports(Path(__file__).parents[1] / "data" / "reports" / "alaska-2025")
    assert [r.outlet for r in corpus] == ["Sample report 1", "Sample report 2"]


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ("plain.txt: [\n", "cannot be read"),
        ("- a\n- b\n", "must map file names"),
        ("plain.txt:\n  section: world\n", "unknown keys ['section']"),
        ("other.txt:\n  outlet: X\n", "no report file 'other.txt'"),
    ],
)
def test_a_sources_file_problem_is_warned_and_the_reports_are_read(
    tmp_path: Path, sources: str, message: str
) -> None:
    folder = _folder(tmp_path, sources, **{"plain.txt": TEXT})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = st.load_reports(folder, language="en")
    assert [r.report_id for r in corpus] == ["plain"]
    found = [str(w.message) for w in caught if issubclass(w.category, SourcesWarning)]
    assert len(found) == 1 and message in found[0] and "sources.yaml" in found[0]
