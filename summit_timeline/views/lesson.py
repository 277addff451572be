"""The teacher's handout: the comparison lesson, executed on given reports, as one HTML page.

``write_lesson(corpus_or_paths, out_file)`` runs ``notebooks/02_compare_sources.ipynb`` on a fresh
kernel (nbclient) with the reports passed in the ``SUMMIT_TIMELINE_REPORTS`` environment variable,
and converts the executed notebook to a single HTML file (nbconvert) whose figures carry plotly.js
inline, so the page works offline. The same as the command line's
``summit-timeline lesson PATH... --out lesson.html``.

The notebook runs in a kernel of its own, so a ``knowledge`` passed in reaches it as the folders
it was loaded from (``SUMMIT_TIMELINE_DATA``), which the notebook's calls read by default.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from ..files import write_text_atomic
from ..knowledge import DATA_VARIABLE, Knowledge, packaged_root, resolve
from ..reading.corpus import Corpus, Report

__all__ = [
    "LESSON_NOTEBOOK",
    "OUT_ENV",
    "REPORTS_ENV",
    "LessonError",
    "lesson_notebook",
    "write_lesson",
]

#: File name of the lesson notebook.
LESSON_NOTEBOOK = "02_compare_sources.ipynb"
#: Environment variable the notebooks read the report paths from (``os.pathsep``-separated).
REPORTS_ENV = "SUMMIT_TIMELINE_REPORTS"
#: Environment variable the notebooks read their output folder from.
OUT_ENV = "SUMMIT_TIMELINE_OUT"

_TITLE = "Comparing how outlets report a summit"
#: The folder that holds the ``summit_timeline`` package (a checkout, or site-packages).
_PACKAGE_PARENT = Path(__file__).resolve().parents[2]


class LessonError(ValueError):
    """The lesson notebook could not be executed on the given reports (names the failing cell)."""


def lesson_notebook() -> Path:
    """Where the lesson notebook is: packaged with the data files, or the repository's notebooks/.

    Raises ``FileNotFoundError`` naming the places searched.
    """
    candidates = [
        _PACKAGE_PARENT / "summit_timeline" / "resources" / "lessons" / LESSON_NOTEBOOK,
        _PACKAGE_PARENT / "notebooks" / LESSON_NOTEBOOK,
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"lesson notebook {LESSON_NOTEBOOK} not found; looked in "
        + ", ".join(str(c.parent) for c in candidates)
    )


def _snapshot(report: Report, folder: Path) -> Path:
    """Write ``report`` as a text file with front matter, so the notebook reads the same report."""
    meta: dict[str, Any] = {"language": report.language}
    for key in ("outlet", "author", "title", "url", "timezone"):
        value = getattr(report, key)
        if value:
            meta[key] = str(value)
    if isinstance(report.published, datetime):
        if report.published_precision == "day":
            meta["published"] = report.published.date().isoformat()
        elif report.published_precision == "minute":
            meta["published"] = report.published.isoformat()
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path = folder / f"{report.report_id}.txt"
    path.write_text(f"---\n{head}---\n{report.text}\n", encoding="utf-8")
    return path


def _report_paths(corpus_or_paths: Any, folder: Path) -> list[Path]:
    if isinstance(corpus_or_paths, Corpus):
        if len(corpus_or_paths) == 0:
            raise ValueError("corpus_or_paths: the corpus has no reports; nothing to compare")
        return [_snapshot(report, folder) for report in corpus_or_paths]
    items: Iterable[Any]
    if isinstance(corpus_or_paths, str | os.PathLike):
        items = [corpus_or_paths]
    elif isinstance(corpus_or_paths, Iterable):
        items = list(corpus_or_paths)
    else:
        raise TypeError(
            "corpus_or_paths must be a Corpus (from load_reports) or report files and folders; "
            f"got {type(corpus_or_paths).__name__}"
        )
    paths = []
    for item in items:
        if not isinstance(item, str | os.PathLike):
            raise TypeError(
                f"corpus_or_paths: expected a path, got {type(item).__name__}: {item!r}"
            )
        path = Path(item).expanduser().resolve()
        if not path.exists():
            raise FileNotFoundError(f"corpus_or_paths: {item} does not exist")
        paths.append(path)
    if not paths:
        raise ValueError("corpus_or_paths: no report files or folders given")
    return paths


def _data_folders(knowledge: Knowledge | None) -> str:
    """The folders of additions ``knowledge`` was loaded from, as ``SUMMIT_TIMELINE_DATA``."""
    packaged = packaged_root().resolve()
    roots = [Path(root) for root in resolve(knowledge).roots]
    return os.pathsep.join(str(r.resolve()) for r in roots if r.resolve() != packaged)


def _execute(
    notebook: Path,
    reports: list[Path],
    work: Path,
    *,
    timeout: int,
    kernel: str,
    knowledge: Knowledge | None = None,
) -> Any:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    nb = nbformat.read(notebook, as_version=4)
    env = dict(os.environ)
    env[REPORTS_ENV] = os.pathsep.join(str(p) for p in reports)
    env[OUT_ENV] = str(work / "output")
    env[DATA_VARIABLE] = _data_folders(knowledge)
    # the kernel imports the same summit_timeline as the caller, installed or not
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(_PACKAGE_PARENT), os.environ.get("PYTHONPATH", "")) if p
    )
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel,
        resources={"metadata": {"path": str(notebook.parent)}},
    )
    try:
        client.execute(env=env)
    except (CellExecutionError, CellTimeoutError) as exc:
        first_line = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise LessonError(
            f"lesson notebook {notebook.name} failed on the given reports: {first_line}"
        ) from exc
    return nb


def _to_html(nb: Any, *, title: str, show_code: bool) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        # no scripts from a CDN: the page must work offline (plotly.js is inlined by the notebook)
        mathjax_url="",
        require_js_url="",
    )
    nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return re.sub(r'<script src=""></script>\s*', "", body)


def write_lesson(
    corpus_or_paths: Corpus | str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out_file: str | os.PathLike[str],
    *,
    show_code: bool = False,
    title: str | None = None,
    timeout: int = 600,
    kernel_name: str = "python3",
    knowledge: Knowledge | None = None,
) -> Path:
    """Execute the comparison lesson on the given reports and write it as one offline HTML page.

    :param corpus_or_paths: a ``Corpus`` from ``load_reports`` (its reports are passed to the
        notebook as they are, metadata included), or report files and folders.
    :param out_file: the ``.html`` file to write (atomically); missing folders are created.
    :param show_code: keep the notebook's code cells in the page (default: outputs and prose).
    :param title: page title (default: "Comparing how outlets report a summit").
    :param timeout: seconds a single cell may run.
    :param kernel_name: Jupyter kernel to run the notebook with.
    :param knowledge: the words to read with (``load_knowledge(folder)``): the notebook's kernel
        gets the folders it was loaded from in ``SUMMIT_TIMELINE_DATA``; default the packaged
        words and the folders ``SUMMIT_TIMELINE_DATA`` names here.
    :returns: the path written.
    """
    out = Path(out_file).expanduser()
    if out.suffix.lower() not in (".html", ".htm"):
        raise ValueError(f"out_file must end in .html; got {str(out_file)!r}")
    if out.exists() and out.is_dir():
        raise IsADirectoryError(f"out_file {out} is a folder; give a .html file name")
    notebook = lesson_notebook()
    with tempfile.TemporaryDirectory(prefix="summit-lesson-") as tmp:
        work = Path(tmp)
        reports = _report_paths(corpus_or_paths, work)
        nb = _execute(
            notebook, reports, work, timeout=timeout, kernel=kernel_name, knowledge=knowledge
        )
    page = _to_html(nb, title=title or _TITLE, show_code=show_code)
    out.parent.mkdir(parents=True, exist_ok=True)
    return write_text_atomic(out, page)
