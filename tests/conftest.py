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


#: The centre of a mention's mark in a plot (``[selector, mention_id]``), scrolled into view, or
#: null: where a user clicks to open the mention.
MARK_AT_JS = """([selector, id]) => {
  const plot = document.querySelector(selector);
  for (const layer of plot ? plot.querySelectorAll('.scatterlayer .trace, .barlayer .trace') : []) {
    const trace = layer.__data__[0].trace;
    for (const node of layer.querySelectorAll('.point')) {
      if ((trace.customdata || [])[node.__data__.i] !== id) continue;
      const shape = node.tagName === 'path' ? node : node.querySelector('path');
      if (shape.getBoundingClientRect().width === 0) continue;
      shape.scrollIntoView({block: 'center'});
      const box = shape.getBoundingClientRect();
      return [box.left + box.width / 2, box.top + box.height / 2];
    }
  }
  return null;
}"""
