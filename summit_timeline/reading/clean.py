"""Cleaning a report's text: page chrome, photo credits, date and author lines, the headline.

Used by ``load``. Works on a string (the raw file, the body after front matter, or the text
trafilatura extracted from HTML) and a map from its characters to indices in the raw file, and
returns the cleaned text with the map composed, so ``raw[offsets[i]] == text[i]`` for every
character copied verbatim. All words come from ``lexicons/<lang>/boilerplate.yaml``,
``lexicons/<lang>/metadata.yaml`` (the entries of every language together: pages mix languages in
their widgets) and ``gazetteers/agencies.yaml``, compiled in ``Patterns``.

``clean`` makes passes over the lines of one text (``_Draft``): chrome and credits, date and
author lines (``metalines.scan_meta``), the headline, then the kept lines joined into paragraphs.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .metalines import MAX_META_CHARS, MetaLine, names_at, scan_meta, split_outlet
from .patterns import EDGE_PUNCT, Patterns, casefold_key

#: Lines near the top (non-blank, after chrome) searched for date, author and headline lines.
HEAD_LINES = 12
#: Lines at the bottom searched for date and author lines ("Published 16 July 2018").
TAIL_LINES = 4
#: A headline has at most this many words and characters.
MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_CHARS = 220
#: A credit line has at most this many words.
MAX_CREDIT_WORDS = 14

_ZERO_WIDTH = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_NEEDS_FIX = re.compile(r"\s{2,}|[^\S ]|[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_MD_HEADING = re.compile(r"#{1,6}\s+")
_URL_LINE = re.compile(r"<?(https?://[^\s<>]+)>?")
_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,6}", re.I)
_DATELINE = re.compile(
    r"[^\W\d_][\w .'’/-]{0,40}?(?:,\s*[^()\n]{1,25}?)?\s+\(([^()\n]{2,40})\)\s*[-–—]\s"
)
_SENTENCE_END = re.compile(r"[.!?…:;,]$")
_HEADLINE_END = re.compile(r"[.:;,]$")
#: A list item's marker opening a line ("- Date: ...", "* Time: ...").
_LIST_ITEM = re.compile(r"[-*]\s")
_BREADCRUMB_SPLIT = re.compile(r"\s+[|›»>]\s+")
_LINE_END_TEXT = re.compile(r"[.!?…:\"“”»«’')\]]$")


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text, its map into raw, and what the text said about itself."""

    text: str
    offsets: list[int]
    title: str | None
    dates: tuple[MetaLine, ...]
    authors: str | None
    outlet: str | None
    url: str | None


# --- line classification -----------------------------------------------------------------


def _chrome_key(line: str) -> str:
    return casefold_key(line.strip(EDGE_PUNCT))


def is_chrome(line: str, *, head: bool = False, p: Patterns) -> bool:
    """Whether a whole (stripped) line is page chrome: a widget label, tag list or breadcrumb."""
    key = _chrome_key(line)
    if not key:
        return bool(line.strip())  # a line of only separators ("|", "* * *")
    if key in p.chrome_lines or p.chrome_line.fullmatch(key):
        return True
    if p.chrome_prefix.match(line.strip(EDGE_PUNCT)):
        return True
    return head and _is_breadcrumb(line)


def _is_breadcrumb(line: str) -> bool:
    parts = _BREADCRUMB_SPLIT.split(line.strip())
    if len(parts) < 2:
        return False
    return all(0 < len(part.split()) <= 2 and not _SENTENCE_END.search(part) for part in parts)


def is_credit(line: str, *, p: Patterns) -> bool:
    """Whether a line is a photo or copyright credit ("NAME / AFP", "Foto: dpa", "(c) Getty")."""
    text = line.strip()
    words = text.split()
    if not words or len(words) > MAX_CREDIT_WORDS or len(text) > 160:
        return False
    if text.endswith(("?", "!")):
        return False
    label = p.label.match(text)
    if label and label.group("auth"):
        return False  # a byline: "By Jane Doe, Reuters"
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()  # "(Photo: AP)"
    m = p.credit_start.match(text)
    if m:
        rest = text[m.end() :].strip().rstrip(".")
        if not rest:
            return m.group("label") is None
        if m.group("label") is None:  # ©, (c), Copyright: the rest is the holder
            return len(rest.split()) <= 10
        return len(rest.split()) <= 4 or _credit_parts(p, rest)
    return _credit_parts(p, text.rstrip("."))


def _credit_parts(p: Patterns, text: str) -> bool:
    """Short name-like parts, at least one of them an agency or a domain."""
    parts = [part.strip() for part in p.credit_split.split(text) if part and part.strip()]
    if not parts:
        return False
    has_source = False
    for part in parts:
        if p.agency.fullmatch(part) or _DOMAIN.fullmatch(part):
            has_source = True
            continue
        words = part.split()
        if len(words) > 5 or not all(w[0].isupper() or not w[0].isalpha() for w in words):
            return False
        has_source = has_source or bool(p.agency.search(part))  # "AP Photo"
    return has_source


def is_caption(line: str, *, p: Patterns) -> bool:
    """Whether a line ends with a photo credit: a picture's caption ("Scholz and Modi in Delhi
    (Photo: Jane Doe/AFP)", "Xi und Lula in Peking Bild: Reuters"), not a headline."""
    text = line.strip()
    if text.endswith(")"):
        opening = text.rfind("(")
        if opening > 0 and is_credit(text[opening:], p=p):
            return True
    return any(
        m.start() > 0 and is_credit(text[m.start() :], p=p) for m in p.credit_start.finditer(text)
    )


def looks_like_headline(line: str) -> bool:
    """A short line that does not end like a sentence ("." or ":"), with at least two words."""
    words = line.split()
    if not 2 <= len(words) <= MAX_HEADLINE_WORDS or len(line) > MAX_HEADLINE_CHARS:
        return False
    if line.endswith(("...", "…")):
        return True
    return not _HEADLINE_END.search(line) and any(c.isalpha() for c in line)


# --- the cleaning pass ---------------------------------------------------------------------

LineKind = Literal["text", "blank", "chrome", "credit", "meta", "dup", "url", "furniture"]


@dataclass
class _Line:
    start: int  # content start in the source string (after indentation and markers)
    end: int  # content end (exclusive, trailing whitespace removed)
    text: str
    kind: LineKind = "text"
    meta: MetaLine | None = None


@dataclass
class _Draft:
    """One text being cleaned: its lines, what each pass found them to be, and what they said.

    Each pass of ``clean`` changes the ``kind`` of lines (a line stays in the text only while its
    kind is ``"text"``) and fills the fields the later passes and the result need.
    """

    source: str
    positions: Sequence[int] | None
    lines: list[_Line]
    nonblank: list[_Line] = field(init=False)
    url: str | None = None
    title_line: _Line | None = None

    def __post_init__(self) -> None:
        self.nonblank = [ln for ln in self.lines if ln.kind == "text"]

    def content(self) -> list[_Line]:
        """The non-blank lines no pass has removed (yet)."""
        return [ln for ln in self.nonblank if ln.kind == "text"]


def clean(
    source: str,
    *,
    start: int = 0,
    end: int | None = None,
    positions: Sequence[int] | None = None,
    known_title: str | None = None,
    paragraph_break: str = "auto",
    p: Patterns,
) -> Cleaned:
    """Clean ``source[start:end]``; ``positions[i]`` is the raw index of ``source[i]`` (identity).

    ``paragraph_break``: ``"auto"`` keeps the layout (a blank line in the source gives a blank
    line), ``"blank"`` puts a blank line between all kept lines (extracted HTML paragraphs).
    """
    end = len(source) if end is None else end
    draft = _Draft(source, positions, _split_lines(source, start, end))
    _mark_chrome(draft, p)
    _mark_meta_lines(draft, p)
    _find_headline(draft, known_title, p)
    text, offsets = _assemble(draft, paragraph_break)
    return _result(draft, text, offsets, p)


def _split_lines(source: str, start: int, end: int) -> list[_Line]:
    """The lines of ``source[start:end]``, each trimmed of whitespace and a Markdown ``#``."""
    lines: list[_Line] = []
    pos = start
    while pos < end:
        nl = source.find("\n", pos, end)
        stop = end if nl < 0 else nl
        a, b = pos, stop
        while a < b and source[a].isspace():
            a += 1
        while b > a and source[b - 1].isspace():
            b -= 1
        heading = _MD_HEADING.match(source, a, b)
        if heading:
            a = heading.end()
        lines.append(_Line(a, b, source[a:b], "text" if a < b else "blank"))
        pos = stop + 1
    return lines


def _mark_chrome(draft: _Draft, p: Patterns) -> None:
    """Pass 1: page chrome, photo credits and a line repeating the one before it.

    Breadcrumbs count as chrome only among the first ``HEAD_LINES`` kept lines, where navigation
    is printed; further down a short "A | B" line may be text.
    """
    previous: _Line | None = None
    head_seen = 0
    for ln in draft.nonblank:
        if is_chrome(ln.text, head=head_seen < HEAD_LINES, p=p):
            ln.kind = "chrome"
        elif is_credit(ln.text, p=p):
            ln.kind = "credit"
        elif previous is not None and casefold_key(previous.text) == casefold_key(ln.text):
            ln.kind = "dup"  # a caption printed twice (image alt text and caption)
        else:
            previous = ln
            head_seen += 1


def _mark_meta_lines(draft: _Draft, p: Patterns) -> None:
    """Pass 2: date, author and URL lines among the first and the last lines of the text.

    Only the head (``HEAD_LINES``) and the tail (``TAIL_LINES``) are searched: a date line in
    the middle of a report is a sentence about a date. A line that starts with a labelled date
    and goes on with text ("Stand: 16.07.2018 Der Gipfel ...") keeps its text, in the head only.
    A lone author label ("By") makes the next line the byline.
    """
    content = draft.content()
    region = content[:HEAD_LINES] + content[max(HEAD_LINES, len(content) - TAIL_LINES) :]
    awaits_author = False
    for index, ln in enumerate(region):
        in_head = index < HEAD_LINES
        if len(ln.text) > MAX_META_CHARS and not in_head:
            continue
        if awaits_author:
            awaits_author = False
            if _mark_byline(ln, p):
                continue
        m = _URL_LINE.fullmatch(ln.text)
        if m:
            ln.kind, draft.url = "url", draft.url or m.group(1)
            continue
        meta = _line_meta(ln.text, in_head=in_head, p=p)
        if meta is None or (_LIST_ITEM.match(ln.text) and not _labelled_date(meta)):
            # a list item is read only for a labelled date ("- Date: ..."): an item that is a
            # date alone may be any date of a list (a forum's "- Joined" "- Jan 17, 2009")
            continue
        ln.meta = meta
        awaits_author = meta.awaits_author
        if meta.prefix_end is None:
            ln.kind = "meta"
        elif not in_head:
            ln.meta = None
        else:
            ln.start += meta.prefix_end
            ln.text = ln.text[meta.prefix_end :]


def _labelled_date(meta: MetaLine) -> bool:
    """Whether a date line says what its date is ("Date:", "Published", "Updated")."""
    return meta.date is not None and meta.label is not None


#: A date closing a line glued to the word before it.
_GLUED_DATE = re.compile(r"(?<=[^\W\d_])\d{1,2}[./-]\d{1,2}[./-]\d{4}$")


def _line_meta(text: str, *, in_head: bool, p: Patterns) -> MetaLine | None:
    """What a line says as a date or author line; a long head line only as a dated prefix. A
    line that is one date printed twice by two page elements ("16.08.2025, 07:3616.08.2025,
    07:36") is read once, and one whose date is glued to the label before it ("Morning
    Courier21-03-2024") as if a space stood between them."""
    half = len(text) // 2
    if len(text) % 2 == 0 and half and text[:half] == text[half:]:
        meta = scan_meta(text[:half], p=p)
        if meta is not None and meta.date is not None and meta.prefix_end is None:
            return meta
    if len(text) <= MAX_META_CHARS:
        meta = scan_meta(text, p=p)
        glued = _GLUED_DATE.search(text) if meta is None else None
        if glued is not None:
            # a page label and its date printed without a space ("Morning Courier21-03-2024")
            spaced = scan_meta(f"{text[: glued.start()]} {text[glued.start() :]}", p=p)
            if spaced is not None and spaced.date is not None and spaced.prefix_end is None:
                return spaced
        return meta
    if not in_head:
        return None
    meta = scan_meta(text[:MAX_META_CHARS], p=p)
    return meta if meta is not None and meta.prefix_end is not None else None


def _mark_byline(ln: _Line, p: Patterns) -> bool:
    """Mark ``ln`` as the names after a lone author label, if it is only names (and outlet)."""
    found = names_at(p, ln.text, 0, single_ok=False)
    if not found or found[0] != len(ln.text):
        return False
    authors, outlet = split_outlet(p, found[1])
    ln.kind, ln.meta = "meta", MetaLine(authors=authors, outlet=outlet)
    return True


def _find_headline(draft: _Draft, known_title: str | None, p: Patterns) -> None:
    """Pass 3: the headline, and the page furniture above it.

    The headline is the line equal to a known title (front matter, page metadata), else the line
    above the first date/author line, else a short first line set apart from the text. Lines
    above the headline (a hero image's caption, navigation) are page furniture and removed. A
    caption (``is_caption``) is no headline: a photo printed between the headline and the byline
    does not make the lines above it furniture.
    """
    content = draft.content()
    head = content[:HEAD_LINES]
    title_line: _Line | None = None
    if known_title:
        key = casefold_key(known_title)
        title_line = next((ln for ln in head if casefold_key(ln.text) == key), None)
    else:
        title_line = _headline_above_meta(draft, head, p)
        if title_line is None:
            title_line = _headline_first_line(draft, head, p, several=len(content) > 1)
    if title_line is not None:
        for ln in content:
            if ln is title_line:
                break
            ln.kind = "furniture"
    draft.title_line = title_line


def _headline_above_meta(draft: _Draft, head: list[_Line], p: Patterns) -> _Line | None:
    """A headline-like line among the two text lines just above the first date/author line,
    when text follows that line (a date line that ends a short report is no head's: the line
    above it is the report's last, not its headline)."""
    ordered = [ln for ln in draft.nonblank if ln.kind in ("text", "meta")][:HEAD_LINES]
    # a date printed as a list item belongs to a box of facts below the lead, not to the head
    first_meta = next(
        (ln for ln in ordered if ln.kind == "meta" and not _LIST_ITEM.match(ln.text)), None
    )
    if first_meta is None:
        return None
    if not any(ln.kind == "text" and ln.start > first_meta.start for ln in draft.nonblank):
        return None
    above = [ln for ln in head if ln.start < first_meta.start][-2:]
    return next(
        (
            ln
            for ln in reversed(above)
            if looks_like_headline(ln.text) and not is_caption(ln.text, p=p)
        ),
        None,
    )


def _headline_first_line(
    draft: _Draft, head: list[_Line], p: Patterns, *, several: bool
) -> _Line | None:
    """The first line, if it looks like a headline and a blank or removed line follows it."""
    if not head or head[0].meta is not None or not several:
        return None
    first = head[0]
    after = draft.lines[draft.lines.index(first) + 1 :]
    follower = next((ln for ln in after if ln.kind != "chrome"), None)
    separated = follower is None or follower.kind in ("blank", "meta", "credit", "dup")
    if not separated or is_caption(first.text, p=p):
        return None
    return first if looks_like_headline(first.text) else None


def _assemble(draft: _Draft, paragraph_break: str) -> tuple[str, list[int]]:
    """Pass 4: the kept lines joined into paragraphs, with each character's raw index.

    Between two kept lines goes a blank line (a blank or removed line between them, after the
    headline, or always with ``paragraph_break="blank"``), a space (a paragraph wrapped over
    several lines, also one double-spaced: a line ending mid-sentence, a blank line, a line
    going on in lower case) or a newline. The joint takes the raw index of the first line's end.
    """
    width = _wrap_width(draft.lines) if paragraph_break == "auto" else None
    out: list[str] = []
    offs: list[int] = []
    last_kept: _Line | None = None
    blank_since = False
    for ln in draft.lines:
        if ln.kind != "text":
            blank_since = True  # a blank or removed line ends the paragraph
            continue
        if last_kept is not None:
            if paragraph_break == "blank" or last_kept is draft.title_line:
                joint = "\n\n"
            elif blank_since:
                # a sentence cut by a blank line goes on in lower case (a page printed with a
                # line break and a blank line every 70 characters): one paragraph
                joint = " " if _continues(last_kept.text, ln.text, None) else "\n\n"
            elif _continues(last_kept.text, ln.text, width):
                joint = " "  # one paragraph wrapped over several lines
            else:
                joint = "\n"
            newline_at = min(last_kept.end, len(draft.source) - 1)
            out.append(joint)
            offs.extend([_raw(draft.positions, newline_at)] * len(joint))
        _emit(draft.source, ln.start, ln.end, draft.positions, out, offs)
        last_kept = ln
        blank_since = False
    return "".join(out), offs


def _result(draft: _Draft, text: str, offsets: list[int], p: Patterns) -> Cleaned:
    """Pass 5: the cleaned text with what its lines said: dates, authors, outlet, URL, title.

    The outlet is a byline's; failing that, the wire service named in a dateline of one of the
    first three paragraphs.
    """
    metas = [ln.meta for ln in draft.nonblank if ln.meta is not None]
    authored = next((meta for meta in metas if meta.authors), None)
    outlet = next((meta.outlet for meta in metas if meta.outlet), None)
    if outlet is None:
        body = [ln for ln in draft.lines if ln.kind == "text" and ln is not draft.title_line]
        outlet = next((o for ln in body[:3] if (o := _dateline_outlet(p, ln.text))), None)
    return Cleaned(
        text=text,
        offsets=offsets,
        title=draft.title_line.text if draft.title_line is not None else None,
        dates=tuple(meta for meta in metas if meta.date is not None),
        authors=authored.authors if authored else None,
        outlet=outlet,
        url=draft.url,
    )


def _wrap_width(lines: Sequence[_Line]) -> int | None:
    """The width paragraphs are wrapped at (a hand-written or e-mailed text), or None."""
    texts = [ln for ln in lines if ln.kind == "text"]
    if len(texts) < 3:
        return None
    width = max(len(ln.text) for ln in texts)
    if width > 100:
        return None  # pasted web text: one paragraph per line
    pairs = [
        a
        for a, b in itertools.pairwise(lines)
        if a.kind == "text" and b.kind == "text" and len(a.text) >= 0.6 * width
    ]
    if len(pairs) >= 2 and any(not _LINE_END_TEXT.search(a.text) for a in pairs):
        return width
    return None


def _dateline_outlet(p: Patterns, line: str) -> str | None:
    """The wire service of a dateline: "GENEVA, June 16 (Global Desk) - ..." gives Global Desk."""
    m = _DATELINE.match(line)
    if not m:
        return None
    name = m.group(1).strip()
    if p.agency.fullmatch(name) or all(w[0].isupper() for w in name.split()):
        return name
    return None  # "(jd)": the initials of an editor


def _continues(line: str, following: str, width: int | None) -> bool:
    """Whether ``following`` continues the paragraph of ``line`` (a wrapped line)."""
    mid_sentence = not _LINE_END_TEXT.search(line)
    if width is not None:
        return mid_sentence or len(line) >= 0.5 * width
    return mid_sentence and following[:1].islower()


def _raw(positions: Sequence[int] | None, index: int) -> int:
    return index if positions is None else positions[index]


def _emit(
    source: str,
    start: int,
    end: int,
    positions: Sequence[int] | None,
    out: list[str],
    offs: list[int],
) -> None:
    """Append ``source[start:end]`` with whitespace runs collapsed, invisibles dropped, NFC.

    The fast path copies a line that needs none of that; otherwise each kept character keeps the
    raw index it came from (a composed character: its base's), so offsets stay exact.
    """
    piece = source[start:end]
    if not _NEEDS_FIX.search(piece) and (
        piece.isascii() or unicodedata.is_normalized("NFC", piece)
    ):
        out.append(piece)
        offs.extend(range(start, end) if positions is None else positions[start:end])
        return
    chars: list[str] = []
    idx: list[int] = []
    space = False
    for i in range(start, end):
        c = source[i]
        if c in _ZERO_WIDTH:
            continue
        if c.isspace():
            if not space:
                chars.append(" ")
                idx.append(_raw(positions, i))
            space = True
            continue
        space = False
        if unicodedata.combining(c) and chars:
            # compose with the base character; the result keeps the base's offset
            composed = unicodedata.normalize("NFC", chars[-1] + c)
            if len(composed) == 1:
                chars[-1] = composed
                continue
        chars.append(c)
        idx.append(_raw(positions, i))
    out.append("".join(chars))
    offs.extend(idx)
