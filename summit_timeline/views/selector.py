"""The page of an archive: one story (or one day of a long story) drawn at a time, chosen in a
selector or in the overview of stories and days; long tables shown a page of rows at a time.

A figure of every story, each shown by a menu, is as large as all of them and makes a browser
draw, hide and restyle every trace of every story at each click. So each part (a story, or a
day of a story of more than ``parts.PART_EVENTS`` events: ``parts.story_parts``) is its own
figure, kept in the page as gzip-compressed JSON in base64 (``<script type="application/
x-gzip-base64">``: data, never run; the browser's ``DecompressionStream`` reads it) and drawn by
the page's script (``PAGE_SCRIPT``) with ``Plotly.react`` when it is chosen. The first part is
drawn by plotly's own script; the others are read only when chosen. The plotly template, the
same for every part, is in the page once.

Tables (events, differences, sources, the overview) of more than ``PAGE_ROWS`` rows show a page
of rows at a time (``hidden`` on the others; the script adds the buttons): the browser lays out
a page, not thousands of rows. The tables of a story other than the first are kept packed
(``packed.packed_html``) until the story is first shown: the page opens having parsed one
story's tables, not an archive's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.io as pio

from ..compare.differences import Discrepancy, discrepancy_list, story_discrepancies
from ..knowledge import Knowledge
from .cells import source_labels
from .chronology import Chronology, chronology
from .figures import story_figure_data, story_title
from .html_tables import PAGE_ROWS, esc_html, paged_table
from .packed import PACKED, PACKED_HTML, UNPACK_SCRIPT, packed, plain
from .parts import Part, part_chronology, part_rows, story_parts
from .stories import Story, split_stories

#: Stories in a page of the overview.
OVERVIEW_ROWS = 20
_FIGURE_ID = "timeline-figure"


@dataclass(frozen=True)
class PagePart:
    """One figure of the page: the story's place in the selector (``story``), the part, and
    the figure as plotly JSON (a dict, its layout without the template)."""

    story: int
    part: Part
    figure: dict[str, Any]


@dataclass(frozen=True)
class StoryView:
    """What the page shows of one story, read once: its rows, chronology and differences."""

    story: Story
    rows: pd.DataFrame
    chrono: Chronology
    differences: list[Discrepancy]


def story_views(table: pd.DataFrame, knowledge: Knowledge) -> list[StoryView]:
    """Each story of ``table`` (``split_stories``) with its chronology and where its outlets
    differ (``compare.discrepancy_list``)."""
    found = []
    for story, rows in split_stories(table):
        chrono = chronology(rows, knowledge=knowledge)
        orders = {story.story_id: chrono.events}
        told = story_discrepancies(rows, knowledge=knowledge, orders=orders) if len(rows) else None
        found.append(StoryView(story, rows, chrono, [] if told is None else discrepancy_list(told)))
    return found


def page_parts(
    views: Sequence[StoryView],
    *,
    palette: Mapping[str, str],
    knowledge: Knowledge,
    title: str | None,
    height: int | None,
    named: bool,
) -> tuple[list[PagePart], dict[str, Any]]:
    """Each part's figure of each story, and the template they share.

    :param named: the table holds several stories: each figure's title is its story's name.
    """
    found: list[PagePart] = []
    for number, view in enumerate(views):
        story, chrono, told = view.story, view.chrono, view.differences
        # sources named on the whole story, as its colours and differences name them: a day
        # of it may hold one of an outlet's several reports
        rows = view.rows.assign(outlet=source_labels(view.rows))
        heading = story_title(title, story if named else None)
        for part in story_parts(story, chrono):
            figure = story_figure_data(
                part_rows(rows, part),
                part_chronology(rows, chrono, part, knowledge=knowledge),
                palette,
                heading if part.whole else f"{heading} · {part.label}",
                buttons=True,
                hover_width=80,
                height=height,
                knowledge=knowledge,
                differences=told,
                title_above=True,
            )
            found.append(PagePart(number, part, figure))
    return found, pio.templates["plotly_white"].to_plotly_json()


def _json(value: Any) -> str:
    """``value`` as JSON that cannot end its ``<script>`` element nor open a comment there:
    '</' and '<!' (only ever inside a JSON string) written with an escape."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=plain)
    return text.replace("</", "<\\/").replace("<!", "\\u003c!")


def parts_data_html(parts: Sequence[PagePart], template: Mapping[str, Any]) -> str:
    """The parts' figures as data blocks (not scripts: never run, allowed by no hash), each
    gzip-compressed JSON in base64 (``PACKED``), the template once, and the index the selector
    reads (each story's parts: label, block). The first part is plotly's own figure (its
    block None): the page holds it once."""
    index: list[dict[str, Any]] = []
    blocks = [f'<script type="{PACKED}" id="timeline-template">{packed(template)}</script>']
    for number, part in enumerate(parts):
        if not index or index[-1]["story"] != part.story:
            index.append({"story": part.story, "parts": []})
        block = f"timeline-part-{number}" if number else None
        index[-1]["parts"].append({"label": part.part.label, "block": block})
        if number:
            blocks.append(f'<script type="{PACKED}" id="{block}">{packed(part.figure)}</script>')
    blocks.insert(0, f'<script type="application/json" id="timeline-index">{_json(index)}</script>')
    return "\n".join(blocks)


def selector_html(stories: Sequence[Story], parts: Sequence[PagePart]) -> str:
    """The story menu (several stories) and the day menu (a story drawn day by day; hidden
    while the story chosen is drawn whole), above the figure."""
    first = [p.part for p in parts if p.story == 0]
    story_menu = ""
    if len(stories) > 1:
        options = "".join(
            f'<option value="{number}">{esc_html(story.label)}</option>'
            for number, story in enumerate(stories)
        )
        story_menu = (
            '<label class="pick">Story <select id="story-select">' + options + "</select></label>"
        )
    days = "".join(
        f'<option value="{number}">{esc_html(part.label)}</option>'
        for number, part in enumerate(first)
    )
    hidden = " hidden" if len(first) < 2 else ""
    day_menu = f'<label class="pick"{hidden}>Day <select id="day-select">{days}</select></label>'
    return f'<div class="pickers">{story_menu}{day_menu}</div>'


def overview_html(stories: Sequence[Story], parts: Sequence[PagePart]) -> str:
    """Every story with its days and events, each day a button that draws it: the overview of
    an archive, a page of stories at a time."""
    by_story: dict[int, list[Part]] = {}
    for page_part in parts:
        by_story.setdefault(page_part.story, []).append(page_part.part)
    rows = []
    for number, story in enumerate(stories):
        mine = by_story.get(number, [])
        events = sum(len(p.events) for p in mine)
        buttons = " ".join(
            f'<button type="button" data-show-story="{number}" data-show-part="{k}">'
            f"{esc_html(p.label if not p.whole else 'show')}</button>"
            for k, p in enumerate(mine)
        )
        rows.append(
            f"<tr><td>{esc_html(story.title)}</td><td class=num>{events}</td>"
            f"<td class=num>{story.reports}</td><td>{buttons}</td></tr>"
        )
    total = sum(len(p.part.events) for p in parts)
    summary = (
        f"Overview: {len(stories)} stor{'y' if len(stories) == 1 else 'ies'}, {total} events, "
        f"{len(parts)} timelines (a story of more than a few dozen events is drawn day by day)"
    )
    head = "<tr><th>Story</th><th>Events</th><th>Reports</th><th>Draw</th></tr>"
    table = paged_table(head, rows, css="overview", page=OVERVIEW_ROWS)
    return f'<details class="overview"><summary>{esc_html(summary)}</summary>{table}</details>'


PAGE_STYLE = """
.pickers{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;margin:.4rem 0}
.pickers label{font-weight:600}.pickers select{max-width:min(60rem,90vw);font-size:.9rem}
details.overview{margin:.4rem 0 .8rem}details.overview summary{cursor:pointer;color:#333}
table.overview button{font-size:.75rem;margin:.1rem;cursor:pointer}
.pager{display:flex;gap:.6rem;align-items:center;margin:.3rem 0;font-size:.85rem;color:#555}
"""

#: Draws the part chosen (the story menu, the day menu, a button of the overview) with
#: ``Plotly.react`` from its JSON block, fits the figure's box to its height, shows the chosen
#: story's tables (``data-story``; every story's while ``all-stories`` is ticked), and pages
#: the long tables. A story's tables are kept as a block of HTML (``packed.packed_html``)
#: until the story is first shown; nothing else read from the page is parsed as HTML.
PAGE_SCRIPT = (
    """
(function () {
  "use strict";
  var figure = document.getElementById("%(figure)s");
  var stories = document.getElementById("story-select");
  var days = document.getElementById("day-select");
  var every = document.getElementById("all-stories");
  var indexBlock = document.getElementById("timeline-index");
  var index = indexBlock ? JSON.parse(indexBlock.textContent) : [];
  var template = null;
  var shown = 0;
  // the first part, as plotly's own script drew it (its objects, toggles and all)
  var first = {data: figure.data, layout: figure.layout};
  var config = {displaylogo: false, responsive: true};
%(unpack)s
  function tables() {  // the chosen story's (or every story's), its rows read when first shown
    var blocks = document.querySelectorAll("[data-story]");
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      var mine = block.getAttribute("data-story") === String(shown);
      block.hidden = !(every && every.checked) && !mine;
      if (!block.hidden && block.querySelector("script.%(cls)s")) {
        unpackInto(block).then(pageTables.bind(null, block));
      }
    }
  }
  function fit(height) {
    if (!height) return;
    figure.style.height = height + "px";
    figure.parentElement.style.height = height + "px";
  }
  function dayOptions(story) {
    var parts = index[story].parts;
    var options = [];
    for (var k = 0; k < parts.length; k++) {
      var option = document.createElement("option");
      option.value = String(k);
      option.textContent = parts[k].label;
      options.push(option);
    }
    days.replaceChildren.apply(days, options);
    days.parentElement.hidden = parts.length < 2;
  }
  var asked = 0;
  function draw(story, part) {
    if (!index[story] || !index[story].parts[part]) return;
    if (story !== shown) dayOptions(story);
    shown = story;
    if (stories) stories.value = String(story);
    days.value = String(part);
    tables();
    var block = index[story].parts[part].block;
    var mine = ++asked;
    var ready = Promise.resolve(first);
    if (block) {
      template = template || unpack(document.getElementById("timeline-template"));
      var read = unpack(document.getElementById(block));
      ready = Promise.all([read, template]).then(function (both) {
        both[0].layout.template = both[1];
        return both[0];
      });
    }
    ready.then(function (fig) {
      if (mine !== asked) return;  // another part was chosen meanwhile
      fit(fig.layout.height);
      Plotly.react(figure, fig.data, fig.layout, config);
    });
  }
  if (stories) {
    stories.addEventListener("change", function () { draw(Number(stories.value), 0); });
  }
  days.addEventListener("change", function () { draw(shown, Number(days.value)); });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-show-story]");
    if (!button) return;
    draw(Number(button.getAttribute("data-show-story")),
         Number(button.getAttribute("data-show-part")));
    figure.scrollIntoView({block: "start"});
  });
  if (every) every.addEventListener("change", tables);
  function pager(table) {
    if (table.__paged) return;
    table.__paged = true;
    var size = Number(table.getAttribute("data-page"));
    var rows = table.tBodies[0].rows;
    var pages = Math.ceil(rows.length / size);
    var page = 0;
    var nav = document.createElement("div");
    nav.className = "pager";
    var back = document.createElement("button");
    var next = document.createElement("button");
    var where = document.createElement("span");
    back.type = next.type = "button";
    back.textContent = "\\u2039 previous";
    next.textContent = "next \\u203a";
    nav.append(back, where, next);
    function turn(to) {
      page = Math.max(0, Math.min(pages - 1, to));
      for (var i = 0; i < rows.length; i++) {
        rows[i].hidden = Math.floor(i / size) !== page;
      }
      var last = Math.min(rows.length, (page + 1) * size);
      where.textContent = "rows " + (page * size + 1) + "\\u2013" + last + " of " + rows.length;
      back.disabled = page === 0;
      next.disabled = page === pages - 1;
    }
    back.addEventListener("click", function () { turn(page - 1); });
    next.addEventListener("click", function () { turn(page + 1); });
    table.parentNode.insertBefore(nav, table);
    turn(0);
  }
  function pageTables(root) {
    Array.prototype.forEach.call(root.querySelectorAll("table.paged"), pager);
  }
  pageTables(document);
  tables();
})();
""".replace("%(figure)s", _FIGURE_ID)
    .replace("%(unpack)s", UNPACK_SCRIPT)
    .replace("%(cls)s", PACKED_HTML)
)


def first_figure_json(part: PagePart, template: Mapping[str, Any]) -> dict[str, Any]:
    """The first part's figure with its template, for plotly's own script to draw."""
    layout = {**part.figure["layout"], "template": template}
    return {"data": part.figure["data"], "layout": layout}


__all__ = [
    "OVERVIEW_ROWS",
    "PAGE_ROWS",
    "PAGE_SCRIPT",
    "PAGE_STYLE",
    "PagePart",
    "StoryView",
    "first_figure_json",
    "overview_html",
    "page_parts",
    "paged_table",
    "parts_data_html",
    "selector_html",
    "story_views",
]
