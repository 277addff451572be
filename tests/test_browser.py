"""The exported page in headless Chromium, offline: toggles work, planted payloads never run."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CHROMIUM, MARK_AT_JS
from conftest import CHROMIUM_ARGS as ARGS
from tables import IMG, PWN, SCRIPT, alaska_table, hostile_table, summits_table

from summit_timeline.views.cells import source_labels
from summit_timeline.views.chronology import chronology
from summit_timeline.views.export import export_html
from summit_timeline.views.stories import story_list

pytestmark = pytest.mark.browser


#: plotly treats two clicks within its double-click delay (300 ms) as a double click
CLICK_PAUSE_MS = 650
ALPEN = ["a-1", "a-2", "a-3", "a-4", "a-5", "a-6"]
SEE = ["b-1", "b-2", "b-3", "b-4", "b-5"]
ALL = sorted(ALPEN + SEE)

VISIBLE_JS = """() => {
  const gd = document.getElementById('timeline-figure');
  const shown = new Set();
  for (const trace of gd.data) {
    if (trace.visible === false || trace.visible === 'legendonly') continue;
    for (const id of trace.customdata || []) if (id !== null) shown.add(id);
  }
  return Array.from(shown).sort();
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Page:
    """An exported page opened from disk with the network blocked; records what it tries."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.context = browser.new_context(offline=True, viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None
        )
        self.page.route("**/*", self._route)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function(
            "() => { const gd = document.getElementById('timeline-figure');"
            " return gd && gd._fullLayout && gd.data && gd.data.length > 0; }"
        )

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def visible(self) -> list[str]:
        return self.page.evaluate(VISIBLE_JS)

    def click_legend(self, outlet: str) -> None:
        item = self.page.locator(".legend .traces").filter(has_text=outlet)
        item.locator(".legendtoggle").click()
        self.page.wait_for_timeout(CLICK_PAUSE_MS)

    def click_button(self, label: str) -> None:
        self.page.locator(".updatemenu-button").filter(has_text=label).click()
        self.page.wait_for_timeout(CLICK_PAUSE_MS)

    def hover(self, mention_id: str) -> str:
        """Show the hover label of a mention (through plotly's own hover) and return its text."""
        self.page.evaluate(
            """(id) => {
              const gd = document.getElementById('timeline-figure');
              gd.data.forEach((trace, curve) => {
                const point = (trace.customdata || []).indexOf(id);
                if (point >= 0) Plotly.Fx.hover(gd, [{curveNumber: curve, pointNumber: point}]);
              });
            }""",
            mention_id,
        )
        self.page.wait_for_timeout(200)
        return " ".join(self.page.locator(".hoverlayer .hovertext").all_text_contents())

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def alaska(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    path = export_html(alaska_table(), tmp_path_factory.mktemp("alaska") / "timeline.html")
    page = Page(browser, path)
    yield page
    page.close()


def test_page_renders_offline_without_errors(alaska: Page) -> None:
    assert alaska.visible() == ALL
    assert alaska.page.locator(".legend .traces").count() == 2
    assert alaska.blocked == []
    assert alaska.errors == []
    title = alaska.page.locator(".g-xtitle").text_content() or ""
    assert "America/Anchorage" in title


def test_legend_clicks_hide_and_show_an_outlet(alaska: Page) -> None:
    alaska.click_button("All outlets")
    steps = [
        ("Alpenblatt", SEE),
        ("Alpenblatt", ALL),
        ("Seeblick Zeitung", ALPEN),
        ("Seeblick Zeitung", ALL),
        ("Alpenblatt", SEE),
        ("Seeblick Zeitung", []),
        ("Alpenblatt", ALPEN),
        ("Seeblick Zeitung", ALL),
    ]
    for outlet, expected in steps:
        alaska.click_legend(outlet)
        assert alaska.visible() == expected, f"after clicking {outlet}"


def test_a_legend_click_acts_at_once_and_a_double_click_shows_an_outlet_alone(
    alaska: Page,
) -> None:
    """The page acts on a click without plotly's double-click wait, and keeps the double-click:
    an outlet alone, then every outlet again."""
    alaska.click_button("All outlets")
    toggle = alaska.page.locator(".legend .traces").filter(has_text="Alpenblatt")
    toggle.locator(".legendtoggle").click()
    alaska.page.wait_for_timeout(100)  # well under plotly's wait (doubleClickDelay)
    assert alaska.visible() == SEE
    alaska.page.wait_for_timeout(CLICK_PAUSE_MS)
    toggle.locator(".legendtoggle").click()
    alaska.page.wait_for_timeout(CLICK_PAUSE_MS)
    assert alaska.visible() == ALL
    for expected in (ALPEN, ALL):
        toggle.locator(".legendtoggle").dblclick()
        alaska.page.wait_for_timeout(CLICK_PAUSE_MS)
        assert alaska.visible() == expected
    alaska.page.locator(".legend .traces").filter(has_text="Seeblick Zeitung").locator(
        ".legendtoggle"
    ).dblclick()
    alaska.page.wait_for_timeout(CLICK_PAUSE_MS)
    assert alaska.visible() == SEE
    alaska.click_button("All outlets")
    assert alaska.errors == []


def test_buttons_show_outlets_and_single_outlet_events(alaska: Page) -> None:
    steps = [
        ("Alpenblatt only", ALPEN),
        ("Seeblick Zeitung only", SEE),
        ("Reported by one outlet only", ["a-1"]),
        ("All outlets", ALL),
    ]
    for label, expected in steps:
        alaska.click_button(label)
        assert alaska.visible() == expected, f"after button {label}"
    # after one outlet alone, a click on the other's legend entry brings it back
    alaska.click_button("Alpenblatt only")
    alaska.click_legend("Seeblick Zeitung")
    assert alaska.visible() == ALL


def test_hover_shows_the_evidence(alaska: Page) -> None:
    alaska.click_button("All outlets")
    text = alaska.hover("a-2")
    assert "Insgesamt dauerte die Runde nur 2 Stunden 45 Minuten" in text
    assert "nur 165 min" in text and "gut 150 min" in text


def test_planted_payloads_are_shown_and_never_run(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = export_html(hostile_table(), tmp_path_factory.mktemp("hostile") / "t.html")
    page = Page(browser, path)
    try:
        for mention_id in ("e-1", "f-1", "e-2"):
            hover = page.hover(mention_id)
            assert hover, f"no hover label for {mention_id}"
        page.click_legend("Fair Herald")
        page.click_button("All outlets")
        page.page.locator("#sources td span").first.click()
        page.page.wait_for_timeout(300)
        assert page.page.evaluate("() => window.__pwned") is None
        assert page.dialogs == []
        assert page.page.locator("img").count() == 0
        assert page.page.locator('a[href^="javascript"]').count() == 0
        body = page.page.inner_text("body")
        assert SCRIPT in body and f"javascript:{PWN}" in body
        legend = " ".join(page.page.locator(".legendtext").all_text_contents())
        assert SCRIPT in legend
        hover = page.hover("e-1")
        assert f"They talked {SCRIPT}" in hover and "%{customdata}" in hover
        assert page.blocked == []
    finally:
        page.close()


# ---------------------------------------------------------------- several stories


class StoriesPage(Page):
    """The exported page of a table of several stories."""

    def choose_story(self, start: str) -> None:
        """Choose the story whose name starts with ``start`` in the menu of stories."""
        menu = self.page.locator("#story-select")
        labels = menu.locator("option").all_text_contents()
        menu.select_option(label=next(label for label in labels if label.startswith(start)))
        self.page.wait_for_function(
            "(start) => { const gd = document.getElementById('timeline-figure');"
            " return gd.layout.title.text.startsWith(start); }",
            arg=html.escape(start),
        )
        self.page.wait_for_timeout(CLICK_PAUSE_MS)

    def shown_blocks(self) -> set[str]:
        return set(
            self.page.evaluate(
                "() => Array.from(document.querySelectorAll('[data-story]'))"
                ".filter(e => !e.hidden).map(e => e.getAttribute('data-story'))"
            )
        )

    def legend(self) -> list[str]:
        return self.page.locator(".legend .traces .legendtext").all_text_contents()


@pytest.fixture(scope="module")
def summits(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[StoriesPage, Any]]:
    table = summits_table()
    path = export_html(table, tmp_path_factory.mktemp("summits") / "timeline.html")
    page = StoriesPage(browser, path)
    yield page, table
    page.close()


def _mentions(table: Any, story: str, outlet: str | None = None) -> list[str]:
    rows = table[table["story_id"] == story]
    if outlet is not None:
        rows = rows[source_labels(rows) == outlet]
    return sorted(rows["mention_id"])


def test_the_story_menu_switches_the_story_and_its_tables(summits: tuple[StoriesPage, Any]) -> None:
    page, table = summits
    listed = story_list(table)
    assert page.errors == [] and page.blocked == []
    assert page.visible() == _mentions(table, listed[0].story_id)
    assert page.shown_blocks() == {"0"}
    for number in (1, len(listed) - 1, 0):
        story = listed[number]
        page.choose_story(story.label.split(" —")[0])
        assert page.visible() == _mentions(table, story.story_id), story.label
        assert page.shown_blocks() == {str(number)}
        outlets = sorted(set(source_labels(table[table["story_id"] == story.story_id])))
        assert sorted(page.legend()) == outlets
        title = page.page.locator(".gtitle").text_content() or ""
        assert title == story.title
        # the figure's box fits the story shown: no empty space below a shorter one
        box, height = page.page.evaluate(
            "() => { const gd = document.getElementById('timeline-figure');"
            " return [gd.parentElement.getBoundingClientRect().height, gd._fullLayout.height]; }"
        )
        assert round(box) == height
    page.page.locator("#all-stories").check()
    assert page.shown_blocks() == {str(n) for n in range(len(listed))}
    page.page.locator("#all-stories").uncheck()
    assert page.shown_blocks() == {"0"}
    assert page.errors == []


def test_outlet_toggles_work_in_the_story_chosen(summits: tuple[StoriesPage, Any]) -> None:
    page, table = summits
    story = story_list(table)[1]
    page.choose_story(story.label.split(" —")[0])
    rows = table[table["story_id"] == story.story_id]
    first, second, *_ = sorted(set(source_labels(rows)))
    everything = _mentions(table, story.story_id)
    page.click_legend(first)
    assert page.visible() == sorted(set(everything) - set(_mentions(table, story.story_id, first)))
    page.click_legend(first)
    assert page.visible() == everything
    page.click_button(f"{second} only")
    assert page.visible() == _mentions(table, story.story_id, second)
    page.click_button("All outlets")
    assert page.visible() == everything
    # another story's outlet buttons and legend groups are untouched by these clicks
    main = story_list(table)[0]
    page.choose_story(main.label.split(" —")[0])
    assert page.visible() == _mentions(table, main.story_id)
    assert page.errors == [] and page.blocked == []


# ---------------------------------------------------------------- a clock day's band

#: Boxes on the page: each drawn mark by mention, the bands (shapes filled with the band's
#: colour), the clock-hour tick labels and the band labels.
BOXES_JS = """(band) => {
  const gd = document.getElementById('timeline-figure');
  const box = (node) => { const r = node.getBoundingClientRect();
                          return [r.left, r.right, r.top, r.bottom]; };
  const marks = {};
  for (const layer of gd.querySelectorAll('.scatterlayer .trace, .barlayer .trace')) {
    const trace = layer.__data__[0].trace;
    for (const node of layer.querySelectorAll('.point')) {
      const id = (trace.customdata || [])[node.__data__.i];
      const shape = node.tagName === 'path' ? node : node.querySelector('path');  // not the text
      if (id && shape.getBoundingClientRect().width > 0) marks[id] = box(shape);
    }
  }
  const fill = (node) => getComputedStyle(node).fill.replace(/ /g, '');
  const bands = [...gd.querySelectorAll('.shapelayer path')]
    .filter((node) => fill(node) === band).map(box);
  const hours = [...gd.querySelectorAll('.xtick text')]
    .filter((node) => /^\\d\\d:\\d\\d$/.test(node.textContent)).map(box);
  const labels = [...gd.querySelectorAll('.annotation-text')]
    .filter((node) => node.textContent === 'time not reported').map(box);
  return {marks, bands, hours, labels};
}"""


def _centre(box: list[float]) -> float:
    return (box[0] + box[1]) / 2


def test_untimed_events_lie_in_their_bands_with_the_story_menu_and_outlet_toggles(
    summits: tuple[StoriesPage, Any],
) -> None:
    """The real pipeline's Geneva summit: the events no report times lie in their day's band,
    apart from its clock hours, in the story the menu shows and as outlets are hidden again."""
    page, table = summits
    listed = story_list(table)
    geneva = next(s for s in listed if s.story_id.startswith("biden-putin-geneva"))
    places = chronology(table, story=geneva.story_id).placements.set_index("mention_id")
    untimed = sorted(places.index[places["block"].str.endswith("/untimed")])
    timed = sorted(places.index[places["placed_by"].isin(["clock", "other_outlet"])])
    assert untimed and timed
    page.choose_story(geneva.label.split(" —")[0])

    def check(hidden: frozenset[str] = frozenset()) -> None:
        boxes = page.page.evaluate(BOXES_JS, "rgb(120,120,120)")
        bands = boxes["bands"]
        assert len(bands) == 2, "a band for each of the two days with clock times"
        assert len(boxes["labels"]) == 2, "each band labelled"
        hours = [_centre(tick) for tick in boxes["hours"]]
        inside = [[left <= centre <= right for left, right, _, _ in bands] for centre in hours]
        assert hours and not any(map(any, inside)), "no clock hour in a band"
        for mention in untimed:
            if mention in hidden:
                assert mention not in boxes["marks"]
                continue
            centre = _centre(boxes["marks"][mention])
            assert any(left <= centre <= right for left, right, _, _ in bands), mention
        for mention in timed:
            if mention not in hidden:
                centre = _centre(boxes["marks"][mention])
                assert not any(left <= centre <= right for left, right, _, _ in bands), mention

    check()
    assert "Time: no clock time reported" in page.hover(untimed[0])
    outlet = source_labels(table).loc[table["mention_id"] == untimed[0]].iloc[0]
    mine = frozenset(table.loc[source_labels(table) == outlet, "mention_id"])
    page.click_legend(outlet)
    check(hidden=mine)
    page.click_legend(outlet)
    check()
    page.choose_story(listed[0].label.split(" —")[0])
    assert page.errors == [] and page.blocked == []


# ---------------------------------------------------------------- reading a mention in its report

PRESS = "Putin then held a news conference of nearly an hour at 5:40 p.m. (1540 GMT)."
LANDED = "Putins Maschine war um 12.35 Uhr auf dem Flughafen Genf gelandet."
#: A person's corrections of two Geneva mentions: a duration set, a mention checked.
GENEVA_CORRECTIONS = f"""\
- {{report: geneva_en_wire, sentence: "{PRESS}", type: press_statement,
   set: {{duration_min: 55, duration_hedge: null}}, by: Anna, why: the wire rounds}}
- {{report: geneva_de_agentur, sentence: "{LANDED}", check: true, by: Ben}}
"""


class ReaderPage(Page):
    """An exported page with the reports' texts."""

    def click_mark(self, mention_id: str) -> None:
        x, y = self.page.evaluate(MARK_AT_JS, ["#timeline-figure", mention_id])
        self.page.mouse.click(x, y)
        self.page.wait_for_timeout(CLICK_PAUSE_MS)

    def reading(self) -> dict[str, Any]:
        """What the reader shows: whether it is open, its line on the mention, the sentence
        highlighted, and the words marked in it by kind."""
        return self.page.evaluate(
            """() => {
              const reader = document.getElementById('st-reader');
              const shown = [...reader.querySelectorAll('article')].filter((a) => !a.hidden);
              const marks = {};
              for (const mark of reader.querySelectorAll('.st-current mark')) {
                const kind = [...mark.classList].find((c) => c.startsWith('st-')).slice(3);
                (marks[kind] = marks[kind] || []).push(mark.textContent);
              }
              const sentence = reader.querySelector('.st-current .st-sentence');
              const box = sentence && sentence.getBoundingClientRect();
              return {open: !reader.hidden, info: reader.querySelector('#st-reader-info').innerText,
                      articles: shown.length, sentence: sentence ? sentence.textContent : null,
                      inView: Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight),
                      marks};
            }"""
        )


@pytest.fixture(scope="module")
def geneva_reader(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[ReaderPage, Any]]:
    """The Geneva reports with a person's corrections, exported with their texts."""
    import shutil

    from conftest import DATA

    import summit_timeline as st

    folder = tmp_path_factory.mktemp("geneva") / "reports"
    shutil.copytree(DATA / "reports" / "geneva-2021", folder)
    (folder / "corrections.yaml").write_text(GENEVA_CORRECTIONS, encoding="utf-8")
    corpus = st.load_reports(folder)
    table = st.extract_events(corpus)
    assert table.attrs["corrections"] == {"applied": 2, "stale": []}
    path = export_html(table, folder.parent / "timeline.html", corpus=corpus)
    page = ReaderPage(browser, path)
    yield page, table
    page.close()


def _geneva_id(table: Any, sentence: str) -> str:
    rows = table[table["sentence"] == sentence]
    assert len(rows) == 1, sentence
    return str(rows["mention_id"].iloc[0])


def test_a_click_on_a_mark_opens_its_report_at_the_sentence(
    geneva_reader: tuple[ReaderPage, Any],
) -> None:
    page, table = geneva_reader
    assert page.reading()["open"] is False
    page.click_mark(_geneva_id(table, PRESS))
    seen = page.reading()
    assert seen["open"] and seen["articles"] == 1
    assert seen["sentence"] == PRESS and seen["inView"]
    assert seen["marks"]["trigger"] == ["news conference"]
    assert seen["marks"]["time"] == ["5:40 p.m. (1540 GMT)"]
    assert "duration" not in seen["marks"], "55 min is the person's, not the report's"
    assert "Press statement" in seen["info"] and "corrected by a person: duration" in seen["info"]
    page.page.keyboard.press("Escape")
    assert page.reading()["open"] is False
    assert page.errors == [] and page.blocked == [] and page.dialogs == []


def test_a_row_of_the_events_table_opens_its_report(geneva_reader: tuple[ReaderPage, Any]) -> None:
    page, table = geneva_reader
    landed = _geneva_id(table, LANDED)
    row = page.page.locator(f'#events td[data-mention="{landed}"]')
    assert "✓ checked by a person" in row.inner_text()
    row.click()
    seen = page.reading()
    assert seen["sentence"] == LANDED and seen["inView"]
    assert seen["marks"]["time"] == ["12.35 Uhr"] and seen["marks"]["actor"] == ["Putins"]
    assert "✓ checked by a person (Ben)" in seen["info"]
    page.page.locator("#st-reader-close").click()
    assert page.reading()["open"] is False and page.errors == []


def test_corrected_and_checked_mentions_are_marked_in_hover_table_and_key(
    geneva_reader: tuple[ReaderPage, Any],
) -> None:
    page, table = geneva_reader
    hover = page.hover(_geneva_id(table, PRESS))
    assert "✎ Corrected by a person: duration, hedge (Anna: the wire rounds)" in hover
    assert "Duration: 55 min" in hover
    assert "✓ Checked by a person (Ben)" in page.hover(_geneva_id(table, LANDED))
    key = " ".join(page.page.locator(".annotation-text").all_text_contents())
    assert "✎ corrected by a person · ✓ checked by a person" in key
    events = page.page.locator("#events table").inner_text()
    assert "✎ corrected by a person: duration, hedge" in events
    assert events.count("✓ checked by a person") == 1


def test_report_text_in_the_reader_is_shown_and_never_run(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from summit_timeline.reading.corpus import Report

    table = hostile_table()
    first = table.set_index("mention_id").loc["e-1"]
    text = f"{first['sentence']} Later: {IMG} and {SCRIPT}."
    reports = [Report(report_id="evil-1", text=text, language="en")]
    path = export_html(table, tmp_path_factory.mktemp("evil") / "t.html", corpus=reports)
    page = ReaderPage(browser, path)
    try:
        page.click_mark("e-1")
        seen = page.reading()
        assert seen["open"] and SCRIPT in seen["sentence"]
        shown = page.page.locator("#st-reader article:not([hidden]) .st-text").inner_text()
        assert shown == text
        assert page.page.evaluate("() => window.__pwned") is None
        assert page.page.locator("#st-reader img, #st-reader script").count() == 0
        page.click_mark("f-1")  # its report was not given: the reader says so
        seen = page.reading()
        assert seen["open"] and seen["articles"] == 0 and seen["sentence"] is None
        assert page.page.locator("#st-reader-missing").is_visible()
        assert page.dialogs == [] and page.errors == [] and page.blocked == []
    finally:
        page.close()
