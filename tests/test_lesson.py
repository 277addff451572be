"""The teacher's handout: the executed lesson as one HTML page that works offline.

Opened from disk in headless Chromium with every network request blocked and counted: nothing
may be requested, the page carries the exported page's security policy and breaks none of it,
the figures must be drawn, the exercises and highlighted words shown, the text must read in
plain words (no NaN, None, reprs, dtype lines or kernel warnings), and report text must never run
as code. The checks of the arguments and of the reports handed to the notebook need no browser.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from conftest import CHROMIUM
from conftest import CHROMIUM_ARGS as ARGS
from tables import GIFT, SUMMITS, gift_knowledge

from summit_timeline.cli import main
from summit_timeline.reading.corpus import Corpus
from summit_timeline.views import lesson
from summit_timeline.views.export import CSP

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "reports" / "alaska-2025"

PAYLOAD = """---
outlet: <b>Evil</b> Outlet
title: Planted markup <script>window.__pwned = 1</script>
language: en
---
President Donald Trump met Russian President Vladimir Putin in Helsinki on Monday. The meeting
lasted about two hours, a stunning <script>window.__pwned = 1</script> result.

<img src=x onerror="window.__pwned = 1"> Trump said:
"It was a <a href=javascript:window.__pwned=1>good</a> meeting."
"""

GIFTS = """---
outlet: Courier
published: 2026-03-02 19:30
language: en
---
President Donald Trump met President Emmanuel Macron for talks in Bern on Monday.

Afterwards Trump and Macron exchanged gifts.
"""

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's /usr/bin/chromium"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


#: What a reader must not meet in the handout: a missing value as Python or pandas prints it, a
#: repr, a Series' dtype line, a traceback or a warning.
NOT_FOR_READERS = re.compile(
    r"(?<![\w-])(?:NaN|NaT|None|nan)(?![\w-])(?! of\b)|<NA>|<[\w.]+ object at 0x|^dtype: "
    r"|datetime\.datetime\(|Timestamp\(|PosixPath\(|Traceback \(most recent|\w+Warning\b",
    re.MULTILINE,
)


@pytest.fixture(scope="module")
def handout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handout of the sample reports, written by the command line (once per module)."""
    out = tmp_path_factory.mktemp("handout") / "lesson.html"
    assert main(["lesson", str(SAMPLES), "--out", str(out), "--quiet"]) == 0
    return out


def _open_offline(browser, path: Path):
    """A page with ``path`` loaded from disk; every non-file request is blocked and recorded,
    and console errors (a policy the page breaks, a script that fails) are collected."""
    context = browser.new_context()
    blocked: list[str] = []

    def route(request_route) -> None:
        if request_route.request.url.startswith("file:"):
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length > 0")
    page.wait_for_timeout(500)
    return page, blocked, errors


def _visible_figures(page) -> int:
    return page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].filter(el => {
            const box = el.getBoundingClientRect();
            return box.width > 100 && box.height > 100 && el.querySelector('.main-svg')
                && (el.querySelectorAll('.bars .point, .heatmaplayer image, .scatterlayer .point,'
                    + ' .heatmaplayer path, .barlayer .point').length > 0);
        }).length"""
    )


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_lesson_command_writes_an_offline_handout(browser, handout: Path) -> None:
    out = handout
    assert out.is_file()
    assert not list(out.parent.glob("*.tmp*")), "temporary file left behind"
    page, blocked, errors = _open_offline(browser, out)
    try:
        # timeline, coverage heatmap, attribution bars: all drawn without the network
        assert _visible_figures(page) >= 3
        assert page.evaluate("typeof window.Plotly") == "object"
        assert errors == []
        assert blocked == [], "the handout asked the network for something"
        text = page.inner_text("body")
        for words in ("Exercise 1", "Exercise 4", "Whose voice?", "zweifelhafte Einladung"):
            assert words in text
        # the code is left out of the handout; evaluative words and quote diffs are highlighted
        assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0
        assert page.locator(".st-voice mark").count() >= 4
        assert page.locator(".st-diff ins").count() >= 1
    finally:
        page.context.close()


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_the_handout_has_the_exported_pages_policy_and_keeps_it(browser, handout: Path) -> None:
    """The policy of ``timeline.html``: nothing from elsewhere, no inline script but the page's
    own (by hash); every figure is drawn under it, and the page breaks none of it."""
    text = handout.read_text(encoding="utf-8")
    assert not re.search(r"<script\b[^>]*\bsrc=", text), "a script is loaded from a file or URL"
    assert not re.search(r"<link\b[^>]*\bhref=", text), "a style sheet or font is linked"
    page, blocked, errors = _open_offline(browser, handout)
    try:
        policy = page.evaluate(
            "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content"
        )
        head, tail = CSP.split("{scripts}")
        assert policy.startswith(head) and policy.endswith(tail)
        assert re.fullmatch(r"(?:'sha256-[A-Za-z0-9+/=]+' ?)+", policy[len(head) : -len(tail)])
        figures = page.evaluate("document.querySelectorAll('.js-plotly-plot').length")
        drawn = page.evaluate("document.querySelectorAll('.js-plotly-plot .main-svg').length")
        assert figures >= 3 and drawn >= figures
        assert blocked == [] and errors == []
    finally:
        page.context.close()


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_the_handout_reads_in_plain_words(browser, handout: Path) -> None:
    """No NaN, None, repr, dtype line or kernel warning meets the teacher; a value a report
    does not give (the second sample report names no author) says 'not stated'."""
    page, _, _ = _open_offline(browser, handout)
    try:
        text = page.evaluate("document.body.innerText")
        assert [m.group() for m in NOT_FOR_READERS.finditer(text)] == []
        assert "not stated" in text
        assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0
    finally:
        page.context.close()


#: Clicks the first mark of a timeline (a figure whose marks carry mention ids, as
#: ``report/number``) and returns its mention's id; null if there is none.
_CLICK_A_MARK = """() => {
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    for (const layer of plot.querySelectorAll('.scatterlayer .trace, .barlayer .trace')) {
      const trace = layer.__data__[0].trace;
      for (const node of layer.querySelectorAll('.point')) {
        const id = (trace.customdata || [])[node.__data__.i];
        if (typeof id !== 'string' || !id.includes('/')) continue;
        const shape = node.tagName === 'path' ? node : node.querySelector('path');
        if (shape.getBoundingClientRect().width === 0) continue;
        shape.scrollIntoView({block: 'center'});
        const box = shape.getBoundingClientRect();
        return [id, box.left + box.width / 2, box.top + box.height / 2];
      }
    }
  }
  return null;
}"""


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_a_click_on_a_timeline_mark_opens_its_report_in_the_handout(browser, handout: Path) -> None:
    """The handout is a reader like the exported page: the mention's report opens beside the
    lesson at its sentence, highlighted, under the page's policy."""
    import summit_timeline as st

    table = st.extract_events(st.load_reports(SAMPLES))
    page, blocked, errors = _open_offline(browser, handout)
    try:
        mention, x, y = page.evaluate(_CLICK_A_MARK)
        page.mouse.click(x, y)
        page.wait_for_timeout(600)
        sentence = page.locator("#st-reader:not([hidden]) .st-current .st-sentence")
        expected = table.set_index("mention_id").loc[mention, "sentence"]
        assert sentence.first.text_content() == expected
        assert page.locator("#st-reader .st-current mark.st-trigger").count() >= 1
        assert page.evaluate("document.querySelectorAll('#st-reader article').length") == 2
        assert blocked == [] and errors == []
    finally:
        page.context.close()


def _notebook(*outputs: dict) -> nbformat.NotebookNode:
    """A notebook of one code cell with ``outputs`` (as the kernel would have left them)."""
    cell = nbformat.v4.new_code_cell("x", outputs=[nbformat.from_dict(o) for o in outputs])
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"), cell])


FIGURE_HTML = (
    '<script src="https://cdnjs.example/mathjax.js"></script><div></div><script>draw()</script>'
)
PLANTED_HTML = "<p>a report</p><script>window.__pwned = 1</script>"


def _sha(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_kernel_warnings_go_to_the_maker_not_into_the_handout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the kernel wrote to stderr is raised as a LessonWarning and left out of the page;
    the remote script plotly puts before a figure is dropped; the policy allows the figure's
    script and no other."""
    stderr = {"output_type": "stream", "name": "stderr", "text": "FutureWarning: old pandas\n"}
    figure = {
        "output_type": "display_data",
        "metadata": {},
        "data": {"application/vnd.plotly.v1+json": {}, "text/html": FIGURE_HTML},
    }
    planted = {"output_type": "display_data", "metadata": {}, "data": {"text/html": PLANTED_HTML}}
    fake = _notebook(stderr, figure, planted)
    monkeypatch.setattr(lesson, "_execute", lambda *args, **kwargs: fake)
    with pytest.warns(lesson.LessonWarning, match="FutureWarning: old pandas"):
        out = lesson.write_lesson([SAMPLES], tmp_path / "lesson.html")
    page = out.read_text(encoding="utf-8")
    assert "old pandas" not in page and "cdnjs" not in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert _sha("draw()") in policy
    assert _sha("window.__pwned = 1") not in policy


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_lesson_from_a_corpus_escapes_report_text(browser, tmp_path: Path) -> None:
    import summit_timeline as st

    planted = tmp_path / "reports"
    planted.mkdir()
    (planted / "planted.txt").write_text(PAYLOAD, encoding="utf-8")
    corpus = st.load_reports([planted / "planted.txt", *sorted(SAMPLES.glob("*.txt"))[:1]])
    assert isinstance(corpus, Corpus) and len(corpus) == 2
    out = lesson.write_lesson(corpus, tmp_path / "lesson.html", show_code=True)
    page, _, errors = _open_offline(browser, out)
    try:
        assert page.evaluate("window.__pwned === undefined")
        assert errors == []
        text = page.inner_text("body")
        assert "<script>window.__pwned = 1</script>" in text
        assert page.locator(".jp-CodeCell .jp-InputArea").count() > 0
        assert _visible_figures(page) >= 3
    finally:
        page.context.close()


@pytest.mark.parametrize(
    ("arguments", "error", "words"),
    [
        (([ROOT / "no-such-folder"], "x.html"), FileNotFoundError, "no-such-folder"),
        (([SAMPLES], "lesson.pdf"), ValueError, r"\.html"),
        ((Corpus(), "x.html"), ValueError, "no reports"),
        ((42, "x.html"), TypeError, "Corpus"),
    ],
)
def test_bad_arguments_are_named(tmp_path: Path, arguments, error, words) -> None:
    source, name = arguments
    with pytest.raises(error, match=words):
        lesson.write_lesson(source, tmp_path / name)
    assert not (tmp_path / name).exists()


def test_the_lesson_notebook_is_the_repository_one() -> None:
    assert lesson.lesson_notebook() == ROOT / "notebooks" / lesson.LESSON_NOTEBOOK


def test_a_corpus_reaches_the_notebook_as_it_was_read(tmp_path: Path) -> None:
    """The reports written for the notebook read back with the same text and metadata."""
    import summit_timeline as st

    corpus = st.load_reports(SAMPLES)
    paths = lesson._report_paths(corpus, tmp_path)
    again = st.load_reports(paths)
    fields = ("report_id", "text", "language", "outlet", "title", "published")
    assert [[getattr(r, f) for f in fields] for r in again] == [
        [getattr(r, f) for f in fields] for r in corpus
    ]


def test_the_knowledge_passed_reaches_the_notebook_as_its_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summit_timeline as st

    monkeypatch.delenv("SUMMIT_TIMELINE_DATA", raising=False)
    words = tmp_path / "words"
    gift_knowledge(words)
    assert lesson._data_folders(st.load_knowledge(words)) == str(words.resolve())
    assert lesson._data_folders(None) == ""
    with pytest.raises(TypeError, match="knowledge"):
        lesson._data_folders("words")  # type: ignore[arg-type]


@pytest.mark.slow
def test_lesson_on_several_summits_with_a_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The handout of three summits and a meeting in Bern whose event type only the --data
    folder knows: the comparisons go story by story, and the notebook reads with the words."""
    monkeypatch.delenv("SUMMIT_TIMELINE_DATA", raising=False)
    words = tmp_path / "words"
    gift_knowledge(words)
    bern = tmp_path / "bern"
    bern.mkdir()
    (bern / "courier.md").write_text(GIFTS, encoding="utf-8")
    out = tmp_path / "lesson.html"
    paths = [*map(str, SUMMITS), str(bern)]
    assert main(["lesson", *paths, "--data", str(words), "--out", str(out), "--quiet"]) == 0
    page = out.read_text(encoding="utf-8")
    for place in ("Singapore", "Geneva", "Helsinki", "Bern"):
        assert f"{place}, " in page, place
    assert "story_id" in page
    assert GIFT in page, "the kernel read with the words of --data"
    shown = re.sub(r"<script\b.*?</script>|<style\b.*?</style>", "", page, flags=re.DOTALL)
    shown = re.sub(r"<[^>]+>", "\t", shown)
    assert [m.group() for m in NOT_FOR_READERS.finditer(shown)] == []


def test_a_corpus_reaches_the_notebook_with_its_corrections(tmp_path: Path) -> None:
    """The reports written for the notebook carry the corpus's corrections beside them, so the
    kernel's table (and the handout's reader) is the one ``extract_events(corpus)`` gives."""
    import shutil

    import summit_timeline as st
    from summit_timeline.table.corrections import read_corrections

    folder = Path(shutil.copytree(SAMPLES, tmp_path / "reports"))
    entry = {"report": "000_a00dd4f110c38dcf", "sentence": "Insgesamt dauerte die Runde"}
    st.append_correction(folder / "corrections.yaml", {**entry, "check": True})
    corpus = st.load_reports(folder)
    written = tmp_path / "written"
    written.mkdir()
    again = st.load_reports(lesson._report_paths(corpus, written))
    assert again.corrections == (written / "corrections.yaml",)
    entries, problems = read_corrections(written / "corrections.yaml")
    assert problems == [] and [(e.action, e.targets[0].sentence) for e in entries] == [
        ("check", "Insgesamt dauerte die Runde")
    ]
