"""Reading an HTML page: main text and metadata through trafilatura, offsets into the raw HTML.

Used by ``load``. trafilatura is imported here only, and this module only when a page is read,
so reading plain text never pays for it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

#: Block-level elements: their tags separate words in the visible text.
_BLOCK_TAGS = frozenset(
    (
        "address", "article", "aside", "blockquote", "body", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "tbody", "td", "th", "thead", "time", "title", "tr", "ul",
    )
)  # fmt: skip
_TOKEN = re.compile(
    r"<!--.*?-->|<(script|style|noscript|template|svg)\b.*?</\1\s*>|<(/?)([a-zA-Z][\w:-]*)[^>]*>"
    r"|<[^>]*>|&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]\w*);?",
    re.S | re.I,
)
_SPACE = re.compile(r"\s+")
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*([\"'])(.*?)\1", re.I | re.S)
_JSON_LD_DATE = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]+)\"")
_HTML_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][\w-]+)?", re.I)
_BODY = re.compile(r"<body\b", re.I)
_TITLE_TAG = re.compile(r"<title\b[^>]*>", re.I)
_CHARSET = re.compile(rb"<meta\b[^>]*charset\s*=\s*[\"']?([\w-]+)", re.I)
#: Meta names and properties that give the publication time, best first.
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
)
_ALIGN_WINDOW = 40


@dataclass(frozen=True)
class Page:
    """The text trafilatura found, the raw index of each of its characters, and the metadata."""

    text: str
    positions: list[int]
    title: str | None
    author: str | None
    published: str | None  # as printed in the page's metadata (ISO) or by trafilatura
    sitename: str | None
    url: str | None
    language: str | None  # the <html lang> attribute, two letters


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag, if any."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts like an HTML document."""
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:2000].lower()


def read_page(raw: str, *, url: str | None = None) -> Page:
    """Extract the main text and metadata of ``raw`` HTML; ``ValueError`` when there is none."""
    import trafilatura  # lazy: only HTML needs it

    try:
        doc = trafilatura.bare_extraction(
            raw,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params={
                "extensive_search": False,
                "original_date": True,
                "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            },
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise ValueError(f"HTML could not be parsed by trafilatura: {exc}") from exc
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise ValueError("no article text found in the HTML page")
    text = doc.text
    title = _clean_value(doc.title)
    flat, flat_pos = _visible_text(raw)
    body_at = _BODY.search(raw)
    cursor = _flat_index(flat_pos, body_at.start()) if body_at else 0
    lines = text.split("\n")
    positions: list[int] = []
    first_paragraph = None
    for number, line in enumerate(lines):
        mapped, cursor = _locate(line, flat, flat_pos, cursor, len(raw))
        if first_paragraph is None and mapped:
            first_paragraph = mapped[0]
        positions.extend(mapped)
        if number < len(lines) - 1:  # the newline: just after the paragraph
            positions.append(
                positions[-1] if positions else (flat_pos[cursor - 1] if cursor else 0)
            )
    if title and _norm(lines[0]) != _norm(title):
        title_pos = _title_positions(title, raw, flat, flat_pos, body_at, first_paragraph)
        text = title + "\n" + text
        positions = [*title_pos, title_pos[-1], *positions]
    return Page(
        text=text,
        positions=_monotonic(positions, len(raw)),
        title=title,
        author=_clean_value(doc.author),
        published=_published_meta(raw) or _day_only(_clean_value(doc.date)),
        sitename=_clean_value(doc.sitename),
        url=_clean_value(doc.url) or url,
        language=_html_lang(raw),
    )


def _clean_value(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _day_only(value: str | None) -> str | None:
    """trafilatura's date; midnight without a zone means only the day is known (a URL date)."""
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00", value):
        return value[:10]
    return value


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _visible_text(raw: str) -> tuple[str, list[int]]:
    """The page's text with tags removed, entities decoded, whitespace collapsed, and its map."""
    chars: list[str] = []
    pos: list[int] = []

    def add(text: str, at: int, *, verbatim: bool) -> None:
        start = 0
        for m in _SPACE.finditer(text):
            if m.start() > start:
                chars.append(text[start : m.start()])
                pos.extend(
                    range(at + start, at + m.start()) if verbatim else [at] * (m.start() - start)
                )
            if not (chars and chars[-1].endswith(" ")):
                chars.append(" ")
                pos.append(at + m.start() if verbatim else at)
            start = m.end()
        if start < len(text):
            chars.append(text[start:])
            pos.extend(
                range(at + start, at + len(text)) if verbatim else [at] * (len(text) - start)
            )

    last = 0
    for m in _TOKEN.finditer(raw):
        if m.start() > last:
            add(raw[last : m.start()], last, verbatim=True)
        token = m.group()
        if token.startswith("&"):
            add(html.unescape(token), m.start(), verbatim=False)
        elif m.group(3) and m.group(3).lower() in _BLOCK_TAGS:
            add(" ", m.start(), verbatim=False)
        last = m.end()
    if last < len(raw):
        add(raw[last:], last, verbatim=True)
    return "".join(chars), pos


def _flat_index(flat_pos: list[int], raw_index: int) -> int:
    import bisect

    return bisect.bisect_left(flat_pos, raw_index)


def _locate(
    line: str, flat: str, flat_pos: list[int], cursor: int, raw_len: int
) -> tuple[list[int], int]:
    """Raw indices of ``line``'s characters: exact match, else aligned from a matched prefix."""
    if not line:
        return [], cursor
    guess = flat_pos[min(cursor, len(flat_pos) - 1)] if flat_pos else 0
    at = flat.find(line, cursor)
    if at >= 0:
        return flat_pos[at : at + len(line)], at + len(line)
    prefix = line[: min(len(line), 24)].strip()
    at = flat.find(prefix, cursor) if len(prefix) >= 6 else -1
    if at < 0:
        return [guess] * len(line), cursor
    mapped: list[int] = []
    j = at
    for ch in line:
        k = flat.find(ch, j, j + _ALIGN_WINDOW) if j < len(flat) else -1
        if k >= 0:
            mapped.append(flat_pos[k])
            j = k + 1
        else:
            mapped.append(flat_pos[min(j, len(flat_pos) - 1)])
    return mapped, j


def _title_positions(
    title: str,
    raw: str,
    flat: str,
    flat_pos: list[int],
    body_at: re.Match[str] | None,
    first_paragraph: int | None,
) -> list[int]:
    """Where the headline is: in the body before the text, else the ``<title>`` element."""
    start = _flat_index(flat_pos, body_at.start()) if body_at else 0
    at = flat.find(title, start)
    if at >= 0 and (first_paragraph is None or flat_pos[at] <= first_paragraph):
        return flat_pos[at : at + len(title)]
    at = flat.find(title)
    if at >= 0 and (first_paragraph is None or flat_pos[at] <= first_paragraph):
        return flat_pos[at : at + len(title)]
    tag = _TITLE_TAG.search(raw)
    return [tag.end() if tag else 0] * len(title)


def _monotonic(positions: list[int], raw_len: int) -> list[int]:
    out: list[int] = []
    last = 0
    top = max(raw_len - 1, 0)
    for value in positions:
        value = min(max(value, last), top)
        out.append(value)
        last = value
    return out


def _published_meta(raw: str) -> str | None:
    """The publication time from ``<meta>``, JSON-LD or the first ``<time datetime>``."""
    found: dict[str, str] = {}
    for tag in _META_TAG.finditer(raw):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag.group())}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and attrs.get("content") and key not in found:
            found[key] = html.unescape(attrs["content"]).strip()
    for key in _PUBLISHED_META:
        if key in found:
            return found[key]
    m = _JSON_LD_DATE.search(raw)
    if m:
        return m.group(1)
    m = _TIME_TAG.search(raw)
    return html.unescape(m.group(2)).strip() if m else None


def _html_lang(raw: str) -> str | None:
    m = _HTML_LANG.search(raw[:5000])
    return m.group(1).lower() if m else None
