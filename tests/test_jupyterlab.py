"""The notebooks in a real JupyterLab: the quickstart runs and its explorer reacts; the explorer
fills its cell at any width; its review mode writes corrections and redraws.

Starts ``jupyter lab`` on localhost with a token and a temporary root folder (once for the
module), opens a notebook in headless Chromium and runs every cell. For the quickstart: finds
the rendered timeline and the explorer's outlet checkboxes, unticks one outlet and checks that
the explorer's figure changes. For the layout: explorers of the sample reports and of the Geneva
reports at windows 1400, 800 and 1000 px wide, with JupyterLab's file browser open (a cell of
about 970, 370 and 570 px): the figure is as wide as its cell, no tick labels overlap, and no
text runs out of the figure. For the review: an explorer given a copy of the Geneva reports; a
click on a mark opens its report at the sentence, a duration is edited and saved, a row of the
table is dropped, and the corrections file on disk and the redrawn figure both show it.
Screenshots go to ``$SUMMIT_TIMELINE_SHOTS`` if set. The server is stopped when the module's
tests end, whatever happens.
"""

from __future__ import annotations

import itertools
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CHROMIUM, MARK_AT_JS
from conftest import CHROMIUM_ARGS as ARGS

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's /usr/bin/chromium"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


#: A notebook of two explorers: the sample reports (no clock time), the Geneva reports (two
#: days with clock times and bands of events without).
LAYOUT_CELLS = [
    "import summit_timeline as st\n"
    "sample = st.extract_events(st.load_reports('../data/reports/alaska-2025'))\n"
    "st.TimelineExplorer(sample)",
    "geneva = st.extract_events(st.load_reports('../data/reports/geneva-2021'))\n"
    "st.TimelineExplorer(geneva)",
]
#: JupyterLab's settings for the tests: no question about news over the notebook, and every
#: cell drawn (not only those scrolled into view), so that every output can be measured.
LAB_SETTINGS = {
    "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "notebook-extension/tracker": {"windowingMode": "none"},
}


def _notebook(cells: list[str]) -> str:
    code = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
             "source": source} for source in cells]  # fmt: skip
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return json.dumps({"cells": code, "metadata": {"kernelspec": kernel}, "nbformat": 4,
                       "nbformat_minor": 5})  # fmt: skip


#: A notebook of one explorer in review mode, over a copy of the Geneva reports of its own.
REVIEW_CELLS = [
    "import summit_timeline as st\n"
    "corpus = st.load_reports('../data/review/geneva-2021')\n"
    "explorer = st.TimelineExplorer(st.extract_events(corpus), corpus=corpus)\n"
    "explorer",
]


@pytest.fixture(scope="module")
def lab_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The server's root folder: the quickstart, the layout and review notebooks, and copies of
    the reports they read (the review writes its corrections beside its copy)."""
    root = tmp_path_factory.mktemp("lab") / "root"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / "notebooks" / "01_quickstart.ipynb", root / "notebooks")
    (root / "notebooks" / "explorer_layout.ipynb").write_text(_notebook(LAYOUT_CELLS))
    (root / "notebooks" / "review.ipynb").write_text(_notebook(REVIEW_CELLS))
    shutil.copytree(ROOT / "data" / "reports" / "alaska-2025", root / "data/reports/alaska-2025")
    geneva = ROOT / "tests" / "data" / "reports" / "geneva-2021"
    shutil.copytree(geneva, root / "data/reports/geneva-2021")
    shutil.copytree(geneva, root / "data/review/geneva-2021")
    return root


@pytest.fixture(scope="module")
def lab(lab_root: Path) -> Iterator[tuple[str, str]]:
    """A running JupyterLab on ``lab_root``: (base url, token)."""
    tmp_path, root = lab_root.parent, lab_root
    home = tmp_path / "jupyter"
    for name, values in LAB_SETTINGS.items():
        settings = home / "settings" / "@jupyterlab" / f"{name}.jupyterlab-settings"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(json.dumps(values))
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        # the kernel imports this checkout's package (the installed one under tests/run.sh)
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    env.pop("SUMMIT_TIMELINE_REPORTS", None)
    env.pop("SUMMIT_TIMELINE_OUT", None)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers often run tests as root
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if server.poll() is not None:
                pytest.fail(f"jupyter lab exited: {(tmp_path / 'lab.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("jupyter lab did not start within 90 s")
                time.sleep(0.5)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Headless Chromium (Debian's), for the module's tests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _run_notebook(chromium: Any, lab: tuple[str, str], notebook: str, width: int) -> Any:
    """A page of ``notebook`` in JupyterLab, a window ``width`` px wide, every cell run."""
    base, token = lab
    page = chromium.new_page(viewport={"width": width, "height": 1000})
    # only the local server: nothing from the internet
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(base) else route.abort(),
    )
    # a workspace of its own: the server's other notebooks stay closed
    workspace = Path(notebook).stem
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/notebooks/{notebook}?reset&token={token}")
    kernel = "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
    page.wait_for_function(
        "window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.sessionContext"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session"
        f" && {kernel} && {kernel}.status === 'idle'",
        timeout=120_000,
    )
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    # wait for the last cell to finish
    page.wait_for_function(
        """() => {
            const notebook = window.jupyterapp.shell.currentWidget.node;
            const prompts = [...notebook.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        timeout=300_000,
    )
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    tracebacks = [t for t in errors.all_inner_texts() if "Traceback" in t or "Error" in t]
    assert tracebacks == []
    return page


# the explorer's FigureWidget: the plot in the same output as the outlet checkboxes
EXPLORER_PLOT = ".jp-OutputArea-output:has(.widget-checkbox) .js-plotly-plot"
#: The traces the explorer's figure shows, or -1 while it has none drawn (between redraws).
_TRACES = """el => el && el._fullData
    ? el._fullData.filter(t => t.visible === true).length
    : -1"""


def _settled_traces(plot: Any, accept: Any, timeout: float = 60.0) -> int:
    """The traces ``plot`` shows once their count meets ``accept`` and has held for a second.

    The figure passes through other counts while the kernel redraws it (fitting it to its cell
    deletes and adds traces), so one reading that meets ``accept`` proves nothing.
    """
    deadline = time.monotonic() + timeout
    seen: list[int] = []
    while time.monotonic() < deadline:
        seen = [*seen[-4:], plot.evaluate(_TRACES)]
        if len(seen) == 5 and len(set(seen)) == 1 and seen[0] >= 0 and accept(seen[0]):
            return seen[0]
        time.sleep(0.25)
    raise AssertionError(f"the explorer's figure did not settle as expected: last counts {seen}")


def test_quickstart_runs_in_jupyterlab_and_the_explorer_reacts(
    lab: tuple[str, str], chromium: Any
) -> None:
    page = _run_notebook(chromium, lab, "01_quickstart.ipynb", 1400)
    try:
        checkboxes = page.locator(".jp-OutputArea-output .widget-checkbox input[type=checkbox]")
        checkboxes.first.wait_for(timeout=300_000)
        # JupyterLab's plotly renderer makes the output itself the plot element
        plots = page.locator(
            ".jp-OutputArea-output.js-plotly-plot, .jp-OutputArea-output .js-plotly-plot"
        )
        assert plots.count() >= 2, "the timeline and the explorer's figure are drawn"
        assert checkboxes.count() >= 2, "one checkbox per outlet"
        explorer_plot = page.locator(EXPLORER_PLOT).first
        explorer_plot.wait_for()
        before = _settled_traces(explorer_plot, lambda n: n > 0)
        checkboxes.first.uncheck()
        assert _settled_traces(explorer_plot, lambda n: n < before) < before
        checkboxes.first.check()
        assert _settled_traces(explorer_plot, lambda n: n == before) == before
    finally:
        page.close()


# ---------------------------------------------------------------- the explorer's layout

#: Whether every explorer's figure is drawn for its cell's width, once the cell is no longer
#: ``before`` px wide: as wide as the cell, and its texts placed for that width
#: (``layout.meta.fit_width``, set by the explorer).
_FITTED = """([selector, before]) => {
  const plots = [...document.querySelectorAll(selector)];
  return plots.length === 2 && plots.every((plot) => {
    const cell = Math.round(plot.closest('.jp-OutputArea-output').getBoundingClientRect().width);
    const svg = plot.querySelector('.main-svg');
    return cell !== before && plot.layout && plot.layout.meta
      && plot.layout.meta.fit_width === cell
      && svg && Math.abs(svg.getBoundingClientRect().width - cell) <= 2;
  });
}"""

#: For each explorer's figure: the boxes of its cell, of its svg, and of the texts drawn in it
#: (tick labels of the x axis apart, annotations apart: day and row labels, notes).
_BOXES = """(selector) => [...document.querySelectorAll(selector)].map((plot) => {
  const box = (node) => { const r = node.getBoundingClientRect();
                          return [r.left, r.top, r.right, r.bottom]; };
  const drawn = (node) => node.textContent.trim() && node.getBoundingClientRect().width > 0;
  const texts = (selector) => [...plot.querySelectorAll(selector)].filter(drawn);
  return {
    cell: box(plot.closest('.jp-OutputArea-output')),
    svg: box(plot.querySelector('.main-svg')),
    ticks: texts('.xtick text').map(box),
    notes: texts('.annotation-text').map(box),
    texts: texts('.main-svg text').map((node) => [node.textContent, ...box(node)]),
  };
})"""


def _overlap(a: list[float], b: list[float]) -> float:
    """The area two boxes (left, top, right, bottom) share."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return max(0.0, width) * max(0.0, height)


def _check_layout(figure: dict[str, Any], width: int) -> None:
    cell, svg = figure["cell"], figure["svg"]
    assert abs(svg[0] - cell[0]) <= 3 and abs(svg[2] - cell[2]) <= 3, (width, cell, svg)
    for a, b in itertools.combinations(figure["ticks"], 2):
        assert _overlap(a, b) < 1, f"tick labels overlap at {width}: {a} {b}"
    for a, b in itertools.combinations(figure["notes"], 2):
        assert _overlap(a, b) < 1, f"labels overlap at {width}: {a} {b}"
    for text, *box in figure["texts"]:
        inside = svg[0] - 1 <= box[0] and box[2] <= svg[2] + 1
        assert inside and svg[1] - 1 <= box[1] and box[3] <= svg[3] + 1, (width, text, box, svg)


def test_the_explorer_fills_its_cell_at_any_width(lab: tuple[str, str], chromium: Any) -> None:
    """Plotly's widget drew 700 px wide in a cell of 968 (labels on each other, texts cut)."""
    shots = os.environ.get("SUMMIT_TIMELINE_SHOTS")
    page = _run_notebook(chromium, lab, "explorer_layout.ipynb", 1400)
    try:
        cells: list[int] = []
        for width in (1400, 800, 1000):  # as opened, narrower, wider again
            page.set_viewport_size({"width": width, "height": 1000})
            before = cells[-1] if cells else None
            page.wait_for_function(_FITTED, arg=[EXPLORER_PLOT, before], timeout=60_000)
            page.wait_for_timeout(300)  # plotly's redraw after the new layout
            figures = page.evaluate(_BOXES, EXPLORER_PLOT)
            cells.append(round(figures[0]["cell"][2] - figures[0]["cell"][0]))
            for number, figure in enumerate(figures):
                _check_layout(figure, width)
                if shots:
                    Path(shots).mkdir(parents=True, exist_ok=True)
                    plot = page.locator(EXPLORER_PLOT).nth(number)
                    page.set_viewport_size({"width": width, "height": 2400})  # all of it
                    plot.screenshot(path=str(Path(shots) / f"explorer-{number}-{width}.png"))
                    page.set_viewport_size({"width": width, "height": 1000})
    finally:
        page.close()


# ---------------------------------------------------------------- the review mode

#: What the figure shows of a mention: the text beside its mark and its hover; null if no mark.
_MARK_SHOWN = """([selector, id]) => {
  const plot = document.querySelector(selector);
  for (const trace of plot.data) {
    const i = (trace.customdata || []).indexOf(id);
    if (i < 0) continue;
    const text = Array.isArray(trace.text) ? trace.text[i] : '';
    const hover = Array.isArray(trace.hovertext) ? trace.hovertext[i] : trace.hovertext;
    return {text: text || '', hover: hover || ''};
  }
  return null;
}"""


#: Whether the explorer's figure is drawn for its cell's width (its marks then stay where they
#: are until the next change).
_FITTED_ONE = """(selector) => {
  const plot = document.querySelector(selector);
  const cell = plot && plot.closest('.jp-OutputArea-output');
  return Boolean(cell && plot.layout && plot.layout.meta
    && plot.layout.meta.fit_width === Math.round(cell.getBoundingClientRect().width));
}"""


def _mention(table: Any, words: str) -> str:
    rows = table[table["sentence"].str.contains(words, regex=False)]
    assert len(rows) == 1, words
    return str(rows["mention_id"].iloc[0])


def _field(page: Any, label: str) -> Any:
    """The text input of the review form's field ``label``."""
    return (
        page.locator(".widget-text")
        .filter(has=page.get_by_text(label, exact=True))
        .locator("input")
    )


def test_the_review_mode_writes_corrections_and_redraws(
    lab: tuple[str, str], lab_root: Path, chromium: Any
) -> None:
    """A click on a mark opens its report at the sentence; a new duration and a dropped row of
    the table are written to the corrections file beside the reports and redrawn."""
    import summit_timeline as st
    from summit_timeline.table.corrections import read_corrections

    folder = lab_root / "data" / "review" / "geneva-2021"
    table = st.extract_events(st.load_reports(folder))
    press = _mention(table, "news conference of nearly an hour")
    first = _mention(table, "Putin spoke to reporters first.")
    shots = os.environ.get("SUMMIT_TIMELINE_SHOTS")
    page = _run_notebook(chromium, lab, "review.ipynb", 1400)
    try:
        page.wait_for_function(_FITTED_ONE, arg=EXPLORER_PLOT, timeout=60_000)
        page.wait_for_timeout(300)  # plotly's redraw at the cell's width
        x, y = page.evaluate(MARK_AT_JS, [EXPLORER_PLOT, press])
        page.mouse.click(x, y)
        sentence = page.locator(".st-reader-box .st-sentence")
        sentence.wait_for(timeout=30_000)
        assert "news conference of nearly an hour" in sentence.inner_text()
        marked = page.locator(".st-reader-box mark").all_inner_texts()
        assert "news conference" in marked and "nearly an hour" in marked
        duration = _field(page, "Duration")
        assert duration.input_value() == "60"
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.locator(".st-reader-box").scroll_into_view_if_needed()
            page.screenshot(path=str(Path(shots) / "review-opened.png"))
        duration.fill("55")
        page.get_by_role("button", name="Save changes").click()
        page.wait_for_function(
            f"a => (({_MARK_SHOWN})(a) || {{text: ''}}).text.includes('55 min')",
            arg=[EXPLORER_PLOT, press],
            timeout=30_000,
        )
        shown = page.evaluate(_MARK_SHOWN, [EXPLORER_PLOT, press])
        assert shown["text"].startswith("✎") and "Corrected by a person: duration" in shown["hover"]
        entries, problems = read_corrections(folder / "corrections.yaml")
        assert problems == [] and [e.action for e in entries] == ["set"]
        assert entries[0].values["duration_min"] == 55
        assert entries[0].targets[0].report == "geneva_en_wire"
        if shots:
            page.locator(".st-reader-box").scroll_into_view_if_needed()
            page.screenshot(path=str(Path(shots) / "review-saved.png"))
        # a row of the table: chosen, dropped after the question, gone from figure and table
        page.locator(f'.st-events td[data-mention="{first}"]').click()
        page.wait_for_function(
            "t => document.querySelector('.st-reader-box .st-sentence').textContent.includes(t)",
            arg="Putin spoke to reporters first.",
            timeout=30_000,
        )
        page.get_by_role("button", name="Drop mention").click()
        page.get_by_role("button", name="Drop it").click()
        page.wait_for_function(
            f"a => ({_MARK_SHOWN})(a) === null", arg=[EXPLORER_PLOT, first], timeout=30_000
        )
        page.locator(f'.st-events td[data-mention="{first}"]').wait_for(state="detached")
        entries, problems = read_corrections(folder / "corrections.yaml")
        assert problems == [] and [e.action for e in entries] == ["set", "drop"]
        assert "Putin spoke to reporters first." in entries[1].targets[0].sentence
        assert "55 min" in page.evaluate(_MARK_SHOWN, [EXPLORER_PLOT, press])["text"]
        # the message is redrawn after the table: wait for the second entry's
        saved = page.locator(".widget-html", has_text="(entry 2)").last
        saved.wait_for(timeout=30_000)
        message = saved.inner_text()
        assert "written to" in message and "2 corrections applied, 0 stale" in message
    finally:
        page.close()
