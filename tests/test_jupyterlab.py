"""01_quickstart.ipynb in a real JupyterLab: run all cells, see the timeline, drive the explorer.

Starts ``jupyter lab`` on localhost with a token and a temporary root folder, opens the notebook in
headless Chromium, runs every cell, finds the rendered timeline and the explorer's outlet
checkboxes, unticks one outlet and checks that the explorer's figure changes. The server is
stopped when the test ends, whatever happens.
"""

from __future__ import annotations

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

import pytest
from conftest import CHROMIUM
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


@pytest.fixture()
def lab(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A running JupyterLab on a copy of the notebook and the sample reports: (base url, token)."""
    root = tmp_path / "root"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / "notebooks" / "01_quickstart.ipynb", root / "notebooks")
    shutil.copytree(ROOT / "data" / "reports" / "alaska-2025", root / "data/reports/alaska-2025")
    home = tmp_path / "jupyter"
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


# the explorer's FigureWidget: the plot in the same output as the outlet checkboxes
EXPLORER_PLOT = ".jp-OutputArea-output:has(.widget-checkbox) .js-plotly-plot"
_TRACES = """el => el._fullData
    ? el._fullData.filter(t => t.visible === true).length
    : el.querySelectorAll('.cartesianlayer .trace').length"""


def test_quickstart_runs_in_jupyterlab_and_the_explorer_reacts(lab: tuple[str, str]) -> None:
    from playwright.sync_api import sync_playwright

    base, token = lab
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            # only the local server: nothing from the internet
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(base) else route.abort()
                ),
            )
            page.goto(f"{base}/lab/tree/notebooks/01_quickstart.ipynb?token={token}")
            page.wait_for_function(
                "window.jupyterapp && window.jupyterapp.shell.currentWidget"
                " && window.jupyterapp.shell.currentWidget.sessionContext"
                " && window.jupyterapp.shell.currentWidget.sessionContext.session"
                " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel",
                timeout=120_000,
            )
            page.wait_for_function(
                "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status"
                " === 'idle'",
                timeout=120_000,
            )
            page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
            checkboxes = page.locator(".jp-OutputArea-output .widget-checkbox input[type=checkbox]")
            checkboxes.first.wait_for(timeout=300_000)
            # wait for the last cell (the export) to finish
            page.wait_for_function(
                """() => {
                    const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
                    return prompts.length > 0
                        && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
                }""",
                timeout=300_000,
            )
            errors = page.locator(
                ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
            )
            tracebacks = [t for t in errors.all_inner_texts() if "Traceback" in t or "Error" in t]
            assert tracebacks == []

            # JupyterLab's plotly renderer makes the output itself the plot element
            plots = page.locator(
                ".jp-OutputArea-output.js-plotly-plot, .jp-OutputArea-output .js-plotly-plot"
            )
            assert plots.count() >= 2, "the timeline and the explorer's figure are drawn"
            assert checkboxes.count() >= 2, "one checkbox per outlet"
            explorer_plot = page.locator(
                ".jp-OutputArea-output .widget-box .js-plotly-plot, "
                ".jp-OutputArea-output .jupyter-widgets .js-plotly-plot"
            ).first
            explorer_plot.wait_for()
            before = explorer_plot.evaluate(_TRACES)
            assert before > 0
            checkboxes.first.uncheck()
            page.wait_for_function(
                f"n => ({_TRACES})(document.querySelector({EXPLORER_PLOT!r})) < n",
                arg=before,
                timeout=60_000,
            )
            after = explorer_plot.evaluate(_TRACES)
            assert after < before
            checkboxes.first.check()
            page.wait_for_function(
                f"n => ({_TRACES})(document.querySelector({EXPLORER_PLOT!r})) === n",
                arg=before,
                timeout=60_000,
            )
        finally:
            browser.close()
