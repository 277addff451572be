"""Every notebook runs top to bottom on a fresh kernel, and is stored as the style asks."""

from __future__ import annotations

import itertools
import json
import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from tables import SUMMITS

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SAMPLES = ROOT / "data" / "reports" / "alaska-2025"


#: What a reader must not meet in a notebook's outputs: a missing value as Python or pandas
#: prints it, a repr, a Series' dtype line, a traceback or a warning.
NOT_FOR_READERS = re.compile(
    r"(?<![\w-])(?:NaN|NaT|None|nan)(?![\w-])(?! of\b)|<NA>|<[\w.]+ object at 0x|^dtype: "
    r"|datetime\.datetime\(|Timestamp\(|PosixPath\(|Traceback \(most recent|\w+Warning\b",
    re.MULTILINE,
)
#: What JupyterLab shows of an output, first found first: a figure or widget is drawn, not read.
SHOWN = ("text/html", "text/markdown", "text/plain")
DRAWN = ("application/vnd.plotly.v1+json", "application/vnd.jupyter.widget-view+json")


def _shown_text(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    """(cell number, text) of every output as a reader sees it, scripts and styles left out."""
    found = []
    for number, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                found.append((number, out.text))
                continue
            data = out.get("data", {})
            if any(mime in data for mime in DRAWN):
                continue
            text = next((data[mime] for mime in SHOWN if mime in data), "")
            text = re.sub(r"<script\b.*?</script>|<style\b.*?</style>", "", text, flags=re.S)
            found.append((number, re.sub(r"<[^>]+>", "\t", text)))
    return found


def _assert_readable(nb: nbformat.NotebookNode, name: str) -> None:
    """No kernel warning on stderr, and nothing a reader cannot read (NOT_FOR_READERS)."""
    stderr = [
        (number, out.text)
        for number, cell in enumerate(nb.cells)
        for out in cell.get("outputs", [])
        if out.output_type == "stream" and out.name == "stderr"
    ]
    assert stderr == [], f"{name}: the kernel wrote to stderr"
    bad = [
        (number, m.group(), text[max(0, m.start() - 60) : m.end() + 20])
        for number, text in _shown_text(nb)
        for m in NOT_FOR_READERS.finditer(text)
    ]
    assert bad == [], f"{name}: outputs a reader cannot read"


def _assert_corrected(nb: nbformat.NotebookNode) -> None:
    """The quickstart's loop of corrections ran: one entry written to a copy of the reports,
    applied when they were read again, and the corrected row shown; the reports read stay
    without a corrections file."""
    shown = "\n".join(text for _, text in _shown_text(nb))
    assert "corrections: 1 applied, 0 stale" in shown
    assert "set:\n    duration_min:" in shown and "Quick start: an example of a correction" in shown
    for folder in (SAMPLES, *SUMMITS):
        assert not (folder / "corrections.yaml").exists(), "written into the reports read"


def test_the_three_notebooks_exist() -> None:
    names = [p.name for p in NOTEBOOKS]
    assert names == [
        "01_quickstart.ipynb",
        "02_compare_sources.ipynb",
        "03_your_own_reports.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_clean_and_reads_as_a_document(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    cells = nb.cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    for cell in cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "stored with outputs"
            assert "sys.path" not in cell.source
            assert not re.search(r"^\s*(def|class) ", cell.source, re.M), "library code in a cell"
    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    assert "import summit_timeline as st" in code
    assert 'pio.renderers.default = "jupyterlab+notebook"' in code
    # a line of prose before each step: every code cell follows a markdown cell
    for before, cell in itertools.pairwise(cells):
        if cell.cell_type == "code":
            assert before.cell_type == "markdown", f"{path.name}: no prose before {cell.source!r}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMIT_TIMELINE_REPORTS", str(SAMPLES))
    monkeypatch.setenv("SUMMIT_TIMELINE_OUT", str(tmp_path / "out"))
    monkeypatch.delenv("SUMMIT_TIMELINE_DATA", raising=False)
    # the kernel imports this checkout's package (the same as the installed one under run.sh)
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    try:
        client.execute()
    except CellExecutionError as exc:  # pragma: no cover - the message is the test's output
        pytest.fail(f"{path.name}: a cell failed:\n{exc}")
    errors = [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.output_type == "error"
    ]
    assert errors == []
    _assert_readable(nb, path.name)
    # every figure is shown, and the HTML of the first one carries plotly.js for offline export
    figures = [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if "application/vnd.plotly.v1+json" in out.get("data", {})
    ]
    assert figures, "no figure shown"
    html = json.dumps(
        [out.get("data", {}).get("text/html", "") for c in nb.cells for out in c.get("outputs", [])]
    )
    assert "Plotly" in html and len(html) > 1_000_000
    if path.stem == "01_quickstart":
        _assert_corrected(nb)
    # files go to the output folder given, never next to the notebooks
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    expected = {
        "01_quickstart": ["events.csv", "timeline.html"],
        "03_your_own_reports": ["my_data", "my_reports", "my_timeline.html"],
    }.get(path.stem, [])
    assert written == expected


@pytest.mark.slow
@pytest.mark.parametrize("name", ["01_quickstart", "02_compare_sources"])
def test_notebook_runs_on_reports_about_several_summits(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMIT_TIMELINE_REPORTS", os.pathsep.join(map(str, SUMMITS)))
    monkeypatch.setenv("SUMMIT_TIMELINE_OUT", str(tmp_path / "out"))
    monkeypatch.delenv("SUMMIT_TIMELINE_DATA", raising=False)
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    path = ROOT / "notebooks" / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    try:
        client.execute()
    except CellExecutionError as exc:  # pragma: no cover - the message is the test's output
        pytest.fail(f"{path.name}: a cell failed on several summits:\n{exc}")
    _assert_readable(nb, f"{path.name} on several summits")
    if name == "01_quickstart":
        _assert_corrected(nb)
    text = json.dumps([out.get("data", {}) for c in nb.cells for out in c.get("outputs", [])])
    # the stories are listed, and the timeline offers them in its menu
    for place in ("Singapore", "Geneva", "Helsinki"):
        assert f"{place}, " in text, place
    assert '\\"name\\": \\"stories\\"' in text or '"name": "stories"' in text
