"""Data the page reads only when it needs it: gzip-compressed JSON in base64, in data blocks.

A browser parses every element of a page before it is quick to a click, hidden or not. An
archive's page holds the figures of hundreds of stories or days, their tables, and the reports'
texts for the reader: as HTML they are most of the page's size and of its parsing. So they are
kept as data blocks (``<script type="application/x-gzip-base64">``: never run, allowed by no
hash, one text node to the parser; base64 holds no '<', so a block cannot end early), read by
the page's own scripts when a story is chosen or a mention opened (``UNPACK_SCRIPT``: the
browser's ``DecompressionStream``).

A block of HTML (``packed_html``) stands where its HTML goes and is replaced by it. That HTML
was built and escaped here, in Python, as the page's own; the browser parses it with
``DOMParser`` (a document that runs no script and loads nothing), and the page's policy still
allows no script but the page's own, nor any event handler.
"""

from __future__ import annotations

import base64
import gzip
import json
from typing import Any

from plotly.io.json import to_json_plotly

#: The type of the page's data blocks: gzip-compressed JSON in base64.
PACKED = "application/x-gzip-base64"
#: The class of a data block that holds HTML, replaced by it when read (``UNPACK_SCRIPT``).
PACKED_HTML = "packed-html"


def plain(value: Any) -> Any:
    """What ``json`` cannot write by itself, as plotly writes it: arrays as lists, numbers of
    numpy as numbers, dates as ISO text."""
    for method in ("tolist", "isoformat"):
        if hasattr(value, method):
            return getattr(value, method)()
    return json.loads(to_json_plotly(value))


def packed(value: Any) -> str:
    """``value`` as gzip-compressed JSON in base64 (hover texts and tables repeat their words:
    a tenth of their size or less)."""
    data = json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=plain)
    return base64.b64encode(gzip.compress(data.encode("utf-8"), mtime=0)).decode("ascii")


def packed_html(html: str) -> str:
    """A data block holding ``html`` (escaped already), read and put in its place by
    ``UNPACK_SCRIPT``'s ``unpackInto``."""
    return f'<script type="{PACKED}" class="{PACKED_HTML}">{packed(html)}</script>'


#: Functions of the page's scripts (each script has its own copy: the reader runs without the
#: selector in the lesson's handout): ``unpack(element)`` a promise of a block's value;
#: ``unpackInto(element)`` a promise that the blocks of HTML within ``element`` stand replaced
#: by their HTML (each read once, however often asked).
UNPACK_SCRIPT = """
  function unpack(block) {  // a data block: gzip-compressed JSON in base64
    var text = atob(block.textContent);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }
  function unpackInto(element) {
    if (!element) return Promise.resolve();
    var blocks = element.querySelectorAll("script.%(cls)s");
    return Promise.all(Array.prototype.map.call(blocks, function (block) {
      if (!block.__unpacked) {
        block.__unpacked = unpack(block).then(function (markup) {
          if (!block.parentNode) return;
          var read = new DOMParser().parseFromString("<body>" + markup, "text/html");
          var nodes = Array.prototype.slice.call(read.body.childNodes).map(function (node) {
            return document.adoptNode(node);
          });
          block.replaceWith.apply(block, nodes);
        });
      }
      return block.__unpacked;
    }));
  }
""".replace("%(cls)s", PACKED_HTML)


__all__ = ["PACKED", "PACKED_HTML", "UNPACK_SCRIPT", "packed", "packed_html", "plain"]
