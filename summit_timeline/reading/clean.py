"""Cleaning a report's text: page chrome, photo credits, date and author lines, the headline.

Used by ``ingest``. Works on a string (the raw file, the body after front matter, or the text
trafilatura extracted from HTML) and a map from its characters to indices in the raw file, and
returns the cleaned text with the map composed, so ``raw[offsets[i]] == text[i]`` for every
character copied verbatim. All words come from ``lexicons/<lang>/boilerplate.yaml``,
``lexicons/<lang>/metadata.yaml`` (the entries of every language together: pages mix languages in
their widgets) and ``gazetteers/agencies.yaml``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .patterns import EDGE_PUNCT, Patterns, casefold_key

#: Lines near the top (non-blank, after chrome) searched for date, author and headline lines.
HEAD_LINES = 12
#: Lines at the bottom searched for date and author lines ("Published 16 July 2018").
TAIL_LINES = 4
#: A date or author line is at most this long; longer lines are text.
MAX_META_CHARS = 200
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
_WORD = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_DATELINE = re.compile(
    r"[^\W\d_][\w .'’/-]{0,40}?(?:,\s*[^()\n]{1,25}?)?\s+\(([^()\n]{2,40})\)\s*[-–—]\s"
)
_WORD_CHARS = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…:;,]$")
_HEADLINE_END = re.compile(r"[.:;,]$")
_QUOTE_END = re.compile(r"[\"“”»«’'\)]$")
_BREADCRUMB_SPLIT = re.compile(r"\s+[|›»>]\s+")
_LINE_END_TEXT = re.compile(r"[.!?…:\"“”»«’')\]]$")


@dataclass(frozen=True)
class MetaLine:
    """What a date or author line says (spans as printed; parsing happens in ``ingest``)."""

    date: str | None = None
    date_kind: str | None = None  # iso | dmy | slash | text
    label: str | None = None  # published | updated | None
    hour: int | None = None
    minute: int | None = None
    second: int = 0
    ampm: str | None = None  # am | pm
    zone: str | None = None  # IANA name or "+HH:MM"
    authors: str | None = None
    outlet: str | None = None
    prefix_end: int | None = None  # the line continues with text from here
    awaits_author: bool = False  # a lone "By": the next line is the name


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


def scan_meta(line: str, *, p: Patterns) -> MetaLine | None:
    """Read a date/author line, or a line that starts with a labelled date; None for text."""
    if not _DIGIT.search(line) and p.label_words.isdisjoint(_WORD_CHARS.findall(line.casefold())):
        return None  # neither a date nor a byline
    n = len(line)
    pos = 0
    date = date_kind = label = ampm = zone = authors = outlet = None
    hour = minute = None
    second = 0
    expect_names = labelled_authors = has_label = loose = False
    relative = False
    prefix_end: int | None = None
    while pos < n:
        m = p.separator.match(line, pos)
        if m and m.end() > pos:
            pos = m.end()
            continue
        if expect_names:
            found = _names_at(p, line, pos, single_ok=True)
            if found:
                pos, (authors, outlet) = found[0], _split_outlet(p, found[1])
                expect_names, labelled_authors = False, True
                continue
            m = p.agency.match(line, pos)
            if m:
                authors, pos, expect_names, labelled_authors = m.group(), m.end(), False, True
                continue
            return None
        m = p.label.match(line, pos)
        if m:
            has_label = True
            if m.group("auth"):
                expect_names = True
            elif label is None or date is None:
                label = "published" if m.group("pub") else "updated"
            pos = m.end()
            continue
        m = p.date.match(line, pos)
        if m:
            if date is None:
                date, date_kind = m.group(), next(k for k, v in m.groupdict().items() if v)
                date_kind = "text" if date_kind.startswith("text") else date_kind
            pos = m.end()
            continue
        m = p.time.match(line, pos)
        if m:
            if hour is None:
                g = m.groupdict()
                hour = int(g["h"] or g["h2"] or g["h3"] or g["h4"] or g["h5"])
                minute = int(g["m"] or g["m2"] or g["m5"] or 0)
                second = int(g["s"] or 0)
                marker = g["ampm"] or g["ampm3"]
                if marker:
                    key = casefold_key(marker)
                    ampm = "am" if key in p.am else "pm" if key in p.pm else None
            pos = m.end()
            continue
        m = p.zone.match(line, pos)
        if m:
            clock = hour is not None or (date_kind == "iso" and ":" in (date or ""))
            if zone is None and clock:
                zone = p.zones.get(m.group("abbr")) if m.group("abbr") else _offset(m.group("off"))
            pos = m.end()
            continue
        m = p.relative.match(line, pos) or p.chrome_token.match(line, pos)
        if m and m.end() > pos:
            relative = True
            pos = m.end()
            continue
        m = p.connector.match(line, pos) or p.weekday.match(line, pos)
        if m:
            pos = m.end()
            continue
        m = p.agency.match(line, pos)
        if m:
            outlet = outlet or m.group()
            pos = m.end()
            continue
        found = _names_at(p, line, pos, single_ok=True)
        if found:
            if not loose:
                prefix_end = pos  # "date 2019-02-28 Der Gipfel ...": text starts here
            pos, loose = found[0], True
            if authors is None and _valid_names(p, found[1], single_ok=False):
                authors, outlet = _split_outlet(p, found[1])  # "28.02.2019, Jane Doe"
            continue  # a single word: the place of a dateline ("Helsinki, 16.07.2018")
        break
    if pos >= n and n <= MAX_META_CHARS:
        # a date line, a byline, or a label with an update time ("Updated 2 hours ago")
        if date is not None or (not loose and (labelled_authors or has_label or relative)):
            return MetaLine(
                date,
                date_kind,
                label,
                hour,
                minute,
                second,
                ampm,
                zone,
                authors,
                outlet,
                awaits_author=expect_names,
            )
        return None
    if prefix_end is None:
        prefix_end = pos
    rest = line[prefix_end:]
    if (
        date is not None
        and (has_label or date_kind == "iso")
        and not labelled_authors
        and not expect_names
        and len(rest.split()) >= 3
        and rest[:1].isalpha()
    ):
        return MetaLine(
            date, date_kind, label, hour, minute, second, ampm, zone, prefix_end=prefix_end
        )
    return None


def _offset(text: str) -> str:
    sign, digits = text[0], text[1:].replace(":", "")
    hours, minutes = (digits, "00") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    return f"{sign}{int(hours):02d}:{minutes}"


def _names_at(p: Patterns, line: str, pos: int, *, single_ok: bool) -> tuple[int, str] | None:
    """The longest valid list of names starting at ``pos``: (end, text) or None."""
    m = p.name_list.match(line, pos)
    if not m:
        return None
    ends = [pos + w.end() for w in _WORD.finditer(m.group())]
    for end in reversed(ends):
        text = line[pos:end].rstrip(" ,&")
        if text and _valid_names(p, text, single_ok=single_ok):
            return pos + len(text), text
    return None


def _valid_names(p: Patterns, text: str, *, single_ok: bool) -> bool:
    """Every name in a list is 1-5 capitalised words (particles aside), none a date word."""
    names = p.author_joiner.split(text)
    names = [part for name in names for part in name.split(",")]
    for name in names:
        words = name.split()
        if not words or (len(words) < 2 and not single_ok):
            return False
        content = [w for w in words if w.casefold() not in p.particles]
        if not content or not words[0][0].isupper():
            return False
        for word in content:
            if not word[0].isupper() or word.casefold().rstrip(".") in p.stop_names:
                return False
    return True


def _split_outlet(p: Patterns, text: str) -> tuple[str, str | None]:
    """Authors and outlet of a byline: "Jane Doe and John Roe, Outlet", "Jane Doe, AGENCY".

    The last comma part is the outlet unless it continues the list of names ("A, B and C"),
    is a job title ("Staff Writer": dropped) or a single word (a place: dropped).
    """
    trailing = p.agency.search(text)
    if trailing and trailing.end() == len(text) and trailing.start() > 0:  # "JANE DOE AP"
        authors = text[: trailing.start()].strip(" ,|-")
        if _valid_names(p, authors, single_ok=False):
            return authors, trailing.group()
    head, sep, last = text.rpartition(",")
    last = last.strip()
    if not sep or not head.strip() or p.author_joiner.search(last):
        return text.strip(), None
    if p.agency.fullmatch(last):
        return head.strip(), last
    if p.roles.search(last) or len(last.split()) < 2:
        return head.strip(), None
    return head.strip(), last


def looks_like_headline(line: str) -> bool:
    """A short line that does not end like a sentence ("." or ":"), with at least two words."""
    words = line.split()
    if not 2 <= len(words) <= MAX_HEADLINE_WORDS or len(line) > MAX_HEADLINE_CHARS:
        return False
    if line.endswith(("...", "…")):
        return True
    return not _HEADLINE_END.search(line) and any(c.isalpha() for c in line)


# --- the cleaning pass ---------------------------------------------------------------------


@dataclass
class _Line:
    start: int  # content start in the source string (after indentation and markers)
    end: int  # content end (exclusive, trailing whitespace removed)
    text: str
    kind: str = "text"  # text | blank | chrome | credit | meta | dup | url | furniture
    meta: MetaLine | None = None


def _split_lines(source: str, start: int, end: int) -> list[_Line]:
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
    lines = _split_lines(source, start, end)
    nonblank = [ln for ln in lines if ln.kind == "text"]

    # 1. chrome, credits, repeated lines
    previous: _Line | None = None
    head_seen = 0
    for ln in nonblank:
        in_head = head_seen < HEAD_LINES
        if is_chrome(ln.text, head=in_head, p=p):
            ln.kind = "chrome"
            continue
        if is_credit(ln.text, p=p):
            ln.kind = "credit"
            continue
        if previous is not None and casefold_key(previous.text) == casefold_key(ln.text):
            ln.kind = "dup"
            continue
        previous = ln
        head_seen += 1

    # 2. date, author and URL lines in the head and the tail
    content = [ln for ln in nonblank if ln.kind == "text"]
    region = content[:HEAD_LINES] + content[max(HEAD_LINES, len(content) - TAIL_LINES) :]
    url = None
    awaits_author = False
    for index, ln in enumerate(region):
        if len(ln.text) > MAX_META_CHARS and index >= HEAD_LINES:
            continue
        if awaits_author:
            awaits_author = False
            found = _names_at(p, ln.text, 0, single_ok=False)
            if found and found[0] == len(ln.text):
                authors, outlet = _split_outlet(p, found[1])
                ln.kind, ln.meta = "meta", MetaLine(authors=authors, outlet=outlet)
                continue
        m = _URL_LINE.fullmatch(ln.text)
        if m:
            ln.kind, url = "url", url or m.group(1)
            continue
        meta = scan_meta(ln.text, p=p) if len(ln.text) <= MAX_META_CHARS else None
        if meta is None and index < HEAD_LINES and len(ln.text) > MAX_META_CHARS:
            meta = scan_meta(ln.text[:MAX_META_CHARS], p=p)
            if meta is not None and meta.prefix_end is None:
                meta = None
        if meta is None:
            continue
        ln.meta = meta
        awaits_author = meta.awaits_author
        if meta.prefix_end is None:
            ln.kind = "meta"
        else:
            if index >= HEAD_LINES:
                ln.meta = None
                continue
            skip = meta.prefix_end
            ln.start += skip
            ln.text = ln.text[skip:]

    # 3. the headline: a known title, else the line above the first date/author line, else a
    # short first line; lines above it (hero image, its caption, navigation) are page furniture
    content = [ln for ln in nonblank if ln.kind == "text"]
    head = content[:HEAD_LINES]
    title_line: _Line | None = None
    if known_title:
        key = casefold_key(known_title)
        title_line = next((ln for ln in head if casefold_key(ln.text) == key), None)
    if title_line is None and not known_title:
        ordered = [ln for ln in nonblank if ln.kind in ("text", "meta")][:HEAD_LINES]
        first_meta = next((ln for ln in ordered if ln.kind == "meta"), None)
        if first_meta is not None:
            above = [ln for ln in head if ln.start < first_meta.start][-2:]
            title_line = next((ln for ln in reversed(above) if looks_like_headline(ln.text)), None)
        if title_line is None and head and head[0].meta is None:
            first = head[0]
            after = lines[lines.index(first) + 1 :]
            follower = next((ln for ln in after if ln.kind != "chrome"), None)
            separated = follower is None or follower.kind in ("blank", "meta", "credit", "dup")
            if len(content) > 1 and looks_like_headline(first.text) and separated:
                title_line = first
    if title_line is not None:
        for ln in content:
            if ln is title_line:
                break
            ln.kind = "furniture"

    # 4. assemble
    width = _wrap_width(lines) if paragraph_break == "auto" else None
    out: list[str] = []
    offs: list[int] = []
    last_kept: _Line | None = None
    blank_since = False
    for ln in lines:
        if ln.kind != "text":
            blank_since = True  # a blank or removed line ends the paragraph
            continue
        if last_kept is not None:
            newline_at = last_kept.end
            raw_nl = _raw(positions, min(newline_at, len(source) - 1))
            if paragraph_break == "blank" or blank_since or last_kept is title_line:
                out.append("\n\n")
                offs.extend((raw_nl, raw_nl))
            elif _continues(last_kept.text, ln.text, width):
                out.append(" ")  # one paragraph wrapped over several lines
                offs.append(raw_nl)
            else:
                out.append("\n")
                offs.append(raw_nl)
        _emit(source, ln.start, ln.end, positions, out, offs)
        last_kept = ln
        blank_since = False
    text = "".join(out)
    dates = tuple(ln.meta for ln in nonblank if ln.meta is not None and ln.meta.date is not None)
    authored = next((ln.meta for ln in nonblank if ln.meta is not None and ln.meta.authors), None)
    outlet = next((ln.meta.outlet for ln in nonblank if ln.meta and ln.meta.outlet), None)
    if outlet is None:
        body = [ln for ln in lines if ln.kind == "text" and ln is not title_line][:3]
        outlet = next((o for ln in body if (o := _dateline_outlet(p, ln.text))), None)
    return Cleaned(
        text=text,
        offsets=offs,
        title=title_line.text if title_line is not None else None,
        dates=dates,
        authors=authored.authors if authored else None,
        outlet=outlet,
        url=url,
    )


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
    """Append ``source[start:end]`` with whitespace runs collapsed, invisibles dropped, NFC."""
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
