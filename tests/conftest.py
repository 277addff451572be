"""Shared fixtures: the bundled sample reports, the evaluation sets, and their tables."""

from __future__ import annotations

from pathlib import Path

import pytest

import summit_timeline as st

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "data" / "reports" / "alaska-2025"
#: Debian's Chromium, driven by Playwright; no browser download ever happens
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def sample_corpus():
    return st.load_reports(SAMPLES)


@pytest.fixture(scope="session")
def sample_table(sample_corpus):
    return st.extract_events(sample_corpus)


@pytest.fixture(scope="session")
def dev_table():
    return st.extract_events(st.load_reports(DATA / "reports"))
