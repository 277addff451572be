"""The reader of the exported page and the teacher's handout: a click on a mark of a timeline,
or on a row of the table of events, opens the mention's report beside the page, scrolled to its
sentence, with the words that gave its values highlighted (``provenance.py``).

The page carries each report's text once, its evidence sentences in slots (``<span
data-key="start-end">``), and one inert ``<template>`` per mention holding its highlighted
sentences for those slots and a line saying what it is. Texts and templates are one block of
packed HTML (``packed.packed_html``: compressed, and one text node to parse as the page
opens), read at the first opening of a mention. The page's script
(``READER_SCRIPT``, allowed by its hash like the page's other scripts) then moves a template's
nodes into the slots and puts the plain text back when another mention is opened. All text was
escaped here, in Python.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..knowledge import Knowledge, resolve
from ..reading.corpus import Corpus, Report
from .cells import source_labels, text_of
from .packed import UNPACK_SCRIPT, packed_html
from .provenance import (
    Span,
    correction_mark,
    correction_text,
    highlight_html,
    joined_blocks,
    key_html,
    mention_spans,
)

__all__ = ["READER_PAGE_STYLE", "READER_SCRIPT", "reader_html"]


def _slots(spans_by_mention: Mapping[str, list[Span]]) -> list[Span]:
    """Every evidence sentence of a report's mentions, joined where they overlap: the slots of
    its text that the page's script fills with one mention's highlights."""
    blocks = [
        Span(s.start, s.end, "slot")
        for spans in spans_by_mention.values()
        for s in spans
        if s.kind in ("sentence", "evidence")
    ]
    return joined_blocks(blocks)


def _info_html(row: Mapping[str, Any], outlet: str) -> str:
    """The line above the text: which mention it is, and what a person did to it."""
    mark = correction_mark(row)
    done = correction_text(row)
    said = f'<div class="st-mark">{html.escape(mark)} {html.escape(done)}</div>' if done else ""
    label = html.escape(str(text_of(row.get("label")) or row.get("event_type") or ""))
    return f'<div class="st-info"><b>{label}</b> ({html.escape(outlet)}){said}</div>'


def _report_head(report: Report, outlet: str) -> str:
    """The report's outlet and title, then when it was published, its address and its id."""
    from .html_tables import safe_link

    title = text_of(report.title)
    head = f"<b>{html.escape(outlet)}</b>" + (f": <i>{html.escape(title)}</i>" if title else "")
    when = report.published.isoformat() if report.published else ""
    meta = [
        m for m in (html.escape(when), safe_link(report.url), html.escape(report.report_id)) if m
    ]
    return f'<p class="st-head">{head}<br><span class="muted">{" · ".join(meta)}</span></p>'


def reader_html(
    table: pd.DataFrame, corpus: Corpus | Iterable[Report], *, knowledge: Knowledge | None = None
) -> str:
    """The page's reader: an ``<aside id="st-reader">`` holding each report's text once (its
    evidence sentences in slots), and one ``<template data-mention=...>`` per mention of the
    table with its highlighted sentences and a line saying what it is, texts and templates in
    one block of packed HTML (``packed.packed_html``) in the aside; ``READER_SCRIPT`` reads it
    at the first click and opens the mention. Mentions whose report is not in ``corpus`` get
    no template.

    :param table: the event table (``extract_events``).
    :param corpus: the reports the table was read from (``load_reports``).
    """
    knowledge = resolve(knowledge)
    reports = {r.report_id: r for r in corpus}
    names = source_labels(table) if len(table) else pd.Series(dtype=object)
    by_report: dict[str, dict[str, list[Span]]] = {}
    rows: dict[str, Mapping[str, Any]] = {}
    for index, row in table.iterrows():
        report = reports.get(str(row["report_id"]))
        if report is None:
            continue
        mention = str(row["mention_id"])
        rows[mention] = {**row.to_dict(), "_outlet": names[index]}
        by_report.setdefault(report.report_id, {})[mention] = mention_spans(
            row, report, knowledge=knowledge
        )
    articles, templates = [], []
    for number, (report_id, spans_by_mention) in enumerate(by_report.items()):
        report = reports[report_id]
        slots = _slots(spans_by_mention)
        outlet = str(next(iter(rows[m]["_outlet"] for m in spans_by_mention)))
        articles.append(
            f'<article class="st-report" id="st-report-{number}" hidden>'
            f"{_report_head(report, outlet)}"
            f'<div class="st-text">{highlight_html(report.text, slots)}</div></article>'
        )
        for mention, spans in spans_by_mention.items():
            pieces = [
                f'<span data-key="{slot.start}-{slot.end}">'
                f"{highlight_html(report.text, spans, start=slot.start, end=slot.end)}</span>"
                for slot in slots
                if any(
                    s.kind in ("sentence", "evidence") and s.start < slot.end and s.end > slot.start
                    for s in spans
                )
            ]
            templates.append(
                f'<template data-mention="{html.escape(mention, quote=True)}" '
                f'data-report="st-report-{number}">'
                f"{_info_html(rows[mention], rows[mention]['_outlet'])}{''.join(pieces)}</template>"
            )
    return (
        '<aside id="st-reader" hidden aria-label="The report\'s text" tabindex="-1">'
        '<div class="st-reader-top"><div class="st-reader-bar">'
        '<button type="button" id="st-reader-close">Close</button>'
        '<span class="muted">The report as read (page chrome removed), the evidence '
        "highlighted</span></div>"
        f'<div id="st-reader-info"></div>{key_html()}</div>'
        '<p id="st-reader-missing" class="muted" hidden>This page holds no text for this '
        "mention: its report was not given, or its sentence is not in the report as read "
        "(the report changed?).</p>"
        f"{packed_html(''.join(articles) + ''.join(templates))}</aside>"
    )


#: The reader's place on the page: a panel at the right, over the page, scrolled by itself.
READER_PAGE_STYLE = """
#st-reader{position:fixed;top:0;right:0;bottom:0;width:min(38rem,92vw);overflow:auto;
background:#fff;box-shadow:-4px 0 16px rgba(0,0,0,.18);padding:0 1.2rem 2rem;z-index:1000;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;line-height:1.4}
.st-reader-top{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;z-index:1}
.st-reader-bar{padding:.6rem 0 0;display:flex;gap:.8rem;align-items:center}
#st-reader-info{margin:.5rem 0 .2rem;font-size:1rem}
.st-head{padding-top:.4rem}
.st-current .st-sentence{outline:2px solid #e0a800;outline-offset:1px}
body.st-reading{padding-right:calc(min(38rem,92vw) + 1rem)}
@media (max-width:60rem){body.st-reading{padding-right:1rem}}
#events tbody tr{cursor:pointer}#events tbody tr:hover{background:#fafafa}
#events tbody tr.st-chosen{background:#fff7d6}
"""

#: Opens the reader at a mention: a click on a mark of a timeline (any plotly figure of the page
#: whose ``customdata`` is a mention's id) or on a row of the events table (``data-mention`` on
#: its first cell) shows the mention's report with its sentences, from the mention's template,
#: in their slots. The text is moved as nodes from templates; the only HTML parsed from a string
#: is the reader's own packed block (``UNPACK_SCRIPT``).
READER_SCRIPT = """
(function () {
  "use strict";
  var reader = document.getElementById("st-reader");
  var info = document.getElementById("st-reader-info");
  var missing = document.getElementById("st-reader-missing");
  var templates = null;
  var filled = [];
  var chosen = null;
%(unpack)s
  function read() {  // the texts and templates, read from their block at the first opening
    return unpackInto(reader).then(function () {
      if (templates) return;
      templates = {};
      Array.prototype.forEach.call(reader.querySelectorAll("template[data-mention]"), function (t) {
        templates[t.getAttribute("data-mention")] = t;
      });
    });
  }
  function restore() {
    filled.forEach(function (slot) {
      slot.textContent = slot.__plain;
      slot.classList.remove("st-current");
    });
    filled = [];
  }
  function show() {  // the page makes room beside the reader; plotly fits the new width
    if (!reader.hidden) return;
    reader.hidden = false;
    document.body.classList.add("st-reading");
    window.dispatchEvent(new Event("resize"));
  }
  var asked = 0;
  function open(id) {
    var mine = ++asked;
    read().then(function () { if (mine === asked) openRead(id); });
  }
  function openRead(id) {
    var template = templates[id];
    restore();
    reader.setAttribute("data-mention", id);
    if (!template) {
      info.replaceChildren();
      Array.prototype.forEach.call(reader.querySelectorAll("article"), function (a) {
        a.hidden = true;
      });
      missing.hidden = false;
      show();
      return;
    }
    var article = document.getElementById(template.getAttribute("data-report"));
    var articles = reader.querySelectorAll("article");
    for (var i = 0; i < articles.length; i++) articles[i].hidden = articles[i] !== article;
    var slots = {};
    Array.prototype.forEach.call(article.querySelectorAll("[data-key]"), function (slot) {
      slots[slot.getAttribute("data-key")] = slot;
    });
    var copy = template.content.cloneNode(true);
    info.replaceChildren(copy.querySelector(".st-info"));
    Array.prototype.forEach.call(copy.querySelectorAll("[data-key]"), function (piece) {
      var slot = slots[piece.getAttribute("data-key")];
      if (!slot) return;
      slot.__plain = slot.textContent;
      slot.replaceChildren.apply(slot, Array.prototype.slice.call(piece.childNodes));
      slot.classList.add("st-current");
      filled.push(slot);
    });
    missing.hidden = filled.length > 0;
    show();
    if (filled.length) filled[0].scrollIntoView({block: "center"});
    reader.focus({preventScroll: true});
  }
  function close() {
    restore();
    reader.hidden = true;
    document.body.classList.remove("st-reading");
    window.dispatchEvent(new Event("resize"));
    if (chosen) chosen.classList.remove("st-chosen");
  }
  document.getElementById("st-reader-close").addEventListener("click", close);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !reader.hidden) close();
  });
  var events = document.getElementById("events");
  if (events) {
    events.addEventListener("click", function (event) {
      var row = event.target.closest("tr");
      var cell = row && row.querySelector("[data-mention]");
      if (!cell || event.target.closest("a")) return;
      if (chosen) chosen.classList.remove("st-chosen");
      chosen = row;
      row.classList.add("st-chosen");
      open(cell.getAttribute("data-mention"));
      row.scrollIntoView({block: "nearest"});  // the page narrowed beside the reader
    });
  }
  function clicked(event) {
    var point = event.points && event.points[0];
    if (point && point.customdata) open(String(point.customdata));
  }
  var waited = 0;
  function listen() {  // plotly draws its figures after this script has run
    var plots = document.querySelectorAll(".js-plotly-plot");
    for (var i = 0; i < plots.length; i++) {
      if (typeof plots[i].on === "function" && !plots[i].__stReader) {
        plots[i].on("plotly_click", clicked);
        plots[i].__stReader = true;
      }
    }
    waited += 1;
    if (waited < 300) window.setTimeout(listen, waited < 50 ? 50 : 500);
  }
  listen();
})();
""".replace("%(unpack)s", UNPACK_SCRIPT)
