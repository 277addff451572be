"""The teacher's handout: the comparison lesson, executed on given reports, as one HTML page.

``write_lesson(corpus_or_paths, out_file)`` runs ``notebooks/02_compare_sources.ipynb`` on a fresh
kernel (nbclient) with the reports passed in the ``SUMMIT_TIMELINE_REPORTS`` environment variable,
and converts the executed notebook to a single HTML file (nbconvert) whose figures carry plotly.js
inline. The same as the command line's ``summit-timeline lesson PATH... --out lesson.html``.

The page is as offline as the exported ``timeline.html``: nothing is loaded from elsewhere (the
MathJax that plotly's notebook renderer links before each figure, and nbconvert's require.js,
MathJax and mermaid loaders, are left out), and the same Content-Security-Policy
(``export.CSP``) forbids every request and every inline script but the page's own. What the
kernel writes to stderr (warnings) is for whoever makes the handout, not for the class: it is
taken out of the page and raised as a ``LessonWarning``.

The notebook runs in a kernel of its own, so a ``knowledge`` passed in reaches it as the folders
it was loaded from (``SUMMIT_TIMELINE_DATA``), which the notebook's calls read by default.

The handout is a reader too, like the exported page (``reader.py``): a click on a
mark of a timeline opens the mention's report beside the page at its sentence, highlighted. The
reports are read again here from the files the kernel read (a corpus passed in is written out
first, with its corrections), so the table and its mention ids are the kernel's.
"""

from __future__ import annotations

import os
import re
import tempfile
import warnings
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from ..files import write_text_atomic
from ..knowledge import DATA_VARIABLE, Knowledge, packaged_root, resolve
from ..reading.corpus import Corpus, Report
from ..reading.sources import CORRECTIONS_FILES

__all__ = [
    "LESSON_NOTEBOOK",
    "OUT_ENV",
    "REPORTS_ENV",
    "LessonError",
    "LessonWarning",
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


#: nbconvert's lab page without the scripts it would fetch: require.js, MathJax (the lesson has
#: no formulas), mermaid (no diagrams) and the widget manager (no widgets in the lesson).
_OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""
_TEMPLATE_NAME = "summit_lesson.html.j2"
#: A script an output links from elsewhere: plotly's notebook renderer puts one (MathJax from a
#: CDN) before every figure.
_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>", re.IGNORECASE
)
_SCRIPT_ELEMENT = re.compile(r"<script\b[^>]*>.*?</script>", re.IGNORECASE | re.DOTALL)
_CHARSET = "<meta charset="


class LessonError(ValueError):
    """The lesson notebook could not be executed on the given reports (names the failing cell)."""


class LessonWarning(UserWarning):
    """The lesson notebook wrote to stderr (a warning) while running; the handout leaves it out."""


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


def _snapshot_corrections(corpus: Corpus, folder: Path) -> None:
    """The entries of the corpus's corrections files, in order, as the corrections file beside
    its written reports: the notebook applies them as ``extract_events(corpus)`` would."""
    from ..table.corrections import save_corrections

    entries: list[Any] = []
    for path in corpus.corrections:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        entries.extend(data if isinstance(data, list) else [])
    if entries:
        save_corrections(folder / CORRECTIONS_FILES[0], entries)


def _report_paths(corpus_or_paths: Any, folder: Path) -> list[Path]:
    if isinstance(corpus_or_paths, Corpus):
        if len(corpus_or_paths) == 0:
            raise ValueError("corpus_or_paths: the corpus has no reports; nothing to compare")
        _snapshot_corrections(corpus_or_paths, folder)
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
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

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
    # the kernel process's own messages (ipykernel's notes on its transport) go to a log, not
    # to the terminal of whoever makes the handout; a kernel that dies is reported with them
    log = work / "kernel.log"
    try:
        with log.open("w", encoding="utf-8") as stream:
            client.execute(env=env, stderr=stream)
    except (CellExecutionError, CellTimeoutError) as exc:
        first_line = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise LessonError(
            f"lesson notebook {notebook.name} failed on the given reports: {first_line}"
        ) from exc
    except DeadKernelError as exc:
        said = log.read_text(encoding="utf-8").strip().splitlines()[-5:]
        raise LessonError(
            f"the kernel running lesson notebook {notebook.name} died ({exc}); it said: "
            + (" / ".join(said) or "nothing")
        ) from exc
    return nb


def _take_stderr(nb: Any) -> list[str]:
    """Remove what the kernel wrote to stderr from ``nb``'s outputs; returns it, cell by cell.

    Warnings (a FutureWarning, a report skipped) are for whoever makes the handout; the class
    reads the lesson's results, not the kernel's complaints.
    """
    found = []
    for number, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.outputs:
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                found.append(f"cell {number}: {output.get('text', '').strip()}")
            else:
                kept.append(output)
        cell.outputs = kept
    return found


def _drop_remote_scripts(nb: Any) -> None:
    """Take the scripts outputs link from elsewhere out of ``nb``'s HTML outputs (in place)."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if isinstance(data.get("text/html"), str):
                data["text/html"] = _REMOTE_SCRIPT.sub("", data["text/html"])


def _plotly_html(nb: Any) -> str:
    """The HTML of ``nb``'s plotly outputs: its figures, and the loader that inlines plotly.js
    (an HTML output of scripts only). Their scripts are the page's own; any other script, as
    report text that escaped escaping would be, is not allowed to run."""
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            html = data.get("text/html")
            if not isinstance(html, str):
                continue
            figure = "application/vnd.plotly.v1+json" in data
            if figure or (len(data) == 1 and not _SCRIPT_ELEMENT.sub("", html).strip()):
                parts.append(html)
    return "".join(parts)


def _with_policy(page: str, scripts_html: str) -> str:
    """``page`` with the exported page's security policy, right after its charset: no request,
    and no inline script but those of ``scripts_html`` (by their hashes)."""
    from .export import _csp  # the page's policy, made as the export makes it (loads plotly)

    policy = f'<meta http-equiv="Content-Security-Policy" content="{_csp(scripts_html)}">'
    start = page.find(_CHARSET)
    if start < 0:  # pragma: no cover - nbconvert's lab template always declares it
        raise LessonError("the converted lesson has no <meta charset>; cannot add its policy")
    end = page.index(">", start) + 1
    return page[:end] + "\n" + policy + page[end:]


def _reader(reports: list[Path], knowledge: Knowledge | None) -> str:
    """The reader of the reports the kernel read (``reader.reader_html``), with its style
    and script: the handout opens a mention's report when a mark of a timeline is clicked."""
    from ..reading import load_reports
    from ..table import extract_events
    from .provenance import READER_STYLE
    from .reader import READER_PAGE_STYLE, READER_SCRIPT, reader_html

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the kernel said it already (LessonWarning)
        corpus = load_reports(reports, knowledge=knowledge)
        table = extract_events(corpus, knowledge=knowledge)
    return (
        f"<style>{READER_STYLE}{READER_PAGE_STYLE}.muted{{color:#777}}</style>"
        f"{reader_html(table, corpus, knowledge=knowledge)}<script>{READER_SCRIPT}</script>"
    )


def _to_html(nb: Any, *, title: str, show_code: bool, reader: str = "") -> str:
    """The executed notebook as one page, with ``reader`` (HTML, scripts included) at the end
    of its body; the policy allows the figures' scripts and the reader's."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    _drop_remote_scripts(nb)
    scripts = _plotly_html(nb) + reader
    exporter = HTMLExporter(
        template_name="lab",
        template_file=_TEMPLATE_NAME,
        extra_loaders=[DictLoader({_TEMPLATE_NAME: _OFFLINE_TEMPLATE})],
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    if reader:
        end = body.rindex("</body>")
        body = body[:end] + reader + "\n" + body[end:]
    return _with_policy(body, scripts)


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

    The page loads nothing from elsewhere and carries the exported page's security policy; what
    the kernel wrote to stderr is left out of it and raised as a ``LessonWarning`` here. A click
    on a mark of a timeline opens the mention's report at its sentence, highlighted.

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
        reader = _reader(reports, knowledge)
    for text in _take_stderr(nb):
        warnings.warn(f"lesson notebook {notebook.name}, {text}", LessonWarning, stacklevel=2)
    page = _to_html(nb, title=title or _TITLE, show_code=show_code, reader=reader)
    out.parent.mkdir(parents=True, exist_ok=True)
    return write_text_atomic(out, page)
