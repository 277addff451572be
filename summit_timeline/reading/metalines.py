"""Date and author lines: what a line at the top or bottom of a report says about the report.

Used by ``clean`` (to find and remove such lines) and ``dates`` (to read a date written like one).
``scan_meta`` reads a line token by token with the compiled patterns of ``patterns.py``: labels
("Published", "Von"), dates, clock times, zones, relative times ("2 hours ago"), connectors,
weekdays, agencies and names. A line made only of such tokens is a date or author line; a line
that starts with a labelled date and goes on with text gives the date and where the text starts.
All words come from the lexicons, through ``Patterns``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import Patterns, casefold_key

#: A date or author line is at most this long; longer lines are text.
MAX_META_CHARS = 200

_WORD = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_WORD_CHARS = re.compile(r"\w+")


@dataclass(frozen=True)
class MetaLine:
    """What a date or author line says (spans as printed; ``dates`` parses them)."""

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


@dataclass
class _Scan:
    """What ``scan_meta`` has read of one line so far, and where it is."""

    line: str
    pos: int = 0
    date: str | None = None
    date_kind: str | None = None
    label: str | None = None
    hour: int | None = None
    minute: int | None = None
    second: int = 0
    ampm: str | None = None
    zone: str | None = None
    authors: str | None = None
    outlet: str | None = None
    expect_names: bool = False  # an author label was read: names must follow
    labelled_authors: bool = False  # names were read after an author label
    has_label: bool = False
    loose: bool = False  # words were read that are not labels, dates or agencies
    relative: bool = False  # a relative time or a widget word ("2 hours ago", "min read")
    prefix_end: int | None = None

    def meta(
        self,
        *,
        authors: str | None = None,
        outlet: str | None = None,
        prefix_end: int | None = None,
        awaits_author: bool = False,
    ) -> MetaLine:
        """The date and time read so far, with the other fields given, as a ``MetaLine``."""
        return MetaLine(
            date=self.date,
            date_kind=self.date_kind,
            label=self.label,
            hour=self.hour,
            minute=self.minute,
            second=self.second,
            ampm=self.ampm,
            zone=self.zone,
            authors=authors,
            outlet=outlet,
            prefix_end=prefix_end,
            awaits_author=awaits_author,
        )


def scan_meta(line: str, *, p: Patterns) -> MetaLine | None:
    """Read a date/author line, or a line that starts with a labelled date; None for text.

    Tokens are read from left to right, each by the first reader of ``_READERS`` that matches at
    the current position; the scan stops at the first token no reader knows. What was read and
    where it stopped decide (``_verdict``) whether the line is metadata.
    """
    if not _DIGIT.search(line) and p.label_words.isdisjoint(_WORD_CHARS.findall(line.casefold())):
        return None  # neither a date nor a byline
    scan = _Scan(line)
    while scan.pos < len(line):
        m = p.separator.match(line, scan.pos)
        if m and m.end() > scan.pos:
            scan.pos = m.end()
            continue
        if scan.expect_names:
            if not _read_expected_names(scan, p):
                return None  # "By" followed by something that is not a name
            continue
        if not any(read(scan, p) for read in _READERS):
            break
    return _verdict(scan)


def _read_expected_names(scan: _Scan, p: Patterns) -> bool:
    """After an author label: the names (and outlet) of a byline, or an agency."""
    found = names_at(p, scan.line, scan.pos, single_ok=True)
    if found:
        scan.pos, (scan.authors, scan.outlet) = found[0], split_outlet(p, found[1])
    else:
        m = p.agency.match(scan.line, scan.pos)
        if not m:
            return False
        scan.authors, scan.pos = m.group(), m.end()
    scan.expect_names, scan.labelled_authors = False, True
    return True


def _read_label(scan: _Scan, p: Patterns) -> bool:
    """A published, updated or author label ("Published", "Aktualisiert am", "By")."""
    m = p.label.match(scan.line, scan.pos)
    if not m:
        return False
    scan.has_label = True
    if m.group("auth"):
        scan.expect_names = True
    elif scan.label is None or scan.date is None:
        scan.label = "published" if m.group("pub") else "updated"
    scan.pos = m.end()
    return True


def _read_date(scan: _Scan, p: Patterns) -> bool:
    """A date (ISO, day.month.year, slashes or with a month name); the first one counts."""
    m = p.date.match(scan.line, scan.pos)
    if not m:
        return False
    if scan.date is None:
        kind = next(k for k, v in m.groupdict().items() if v)
        scan.date, scan.date_kind = m.group(), "text" if kind.startswith("text") else kind
    scan.pos = m.end()
    return True


def _read_time(scan: _Scan, p: Patterns) -> bool:
    """A clock time with its am/pm marker; the first one counts."""
    m = p.time.match(scan.line, scan.pos)
    if not m:
        return False
    if scan.hour is None:
        g = m.groupdict()
        scan.hour = int(g["h"] or g["h2"] or g["h3"] or g["h4"] or g["h5"])
        scan.minute = int(g["m"] or g["m2"] or g["m5"] or 0)
        scan.second = int(g["s"] or 0)
        marker = g["ampm"] or g["ampm3"]
        if marker:
            key = casefold_key(marker)
            scan.ampm = "am" if key in p.am else "pm" if key in p.pm else None
    scan.pos = m.end()
    return True


def _read_zone(scan: _Scan, p: Patterns) -> bool:
    """A zone name or UTC offset; it counts only after a clock time (else it is just read)."""
    m = p.zone.match(scan.line, scan.pos)
    if not m:
        return False
    clock = scan.hour is not None or (scan.date_kind == "iso" and ":" in (scan.date or ""))
    if scan.zone is None and clock:
        abbr = m.group("abbr")
        scan.zone = p.zones.get(abbr) if abbr else _offset(m.group("off"))
    scan.pos = m.end()
    return True


def _read_relative(scan: _Scan, p: Patterns) -> bool:
    """A relative time ("2 hours ago") or a widget word ("min read") beside a date; after a
    date, also a widget's label ("18.10.2024, 11:00 Uhr Artikel anhören": chrome lines)."""
    m = p.relative.match(scan.line, scan.pos) or p.chrome_token.match(scan.line, scan.pos)
    if not (m and m.end() > scan.pos) and scan.date is not None:
        m = p.chrome_word.match(scan.line, scan.pos)
    if not (m and m.end() > scan.pos):
        return False
    scan.relative = True
    scan.pos = m.end()
    return True


def _read_closing(scan: _Scan, p: Patterns) -> bool:
    """The words that close a sentence stating the publication date after its label ("Diese
    Nachricht wurde am 16.10.2025 im Programm Deutschlandfunk gesendet."), to the line's end."""
    if not scan.has_label or scan.date is None:
        return False
    m = p.closing.fullmatch(scan.line, scan.pos)
    if not m:
        return False
    scan.pos = m.end()
    return True


def _read_filler(scan: _Scan, p: Patterns) -> bool:
    """A connector between date and time ("um", "at") or a weekday: read and ignored."""
    m = p.connector.match(scan.line, scan.pos) or p.weekday.match(scan.line, scan.pos)
    if not m:
        return False
    scan.pos = m.end()
    return True


def _read_agency(scan: _Scan, p: Patterns) -> bool:
    """An agency's name: the outlet (the first one counts)."""
    m = p.agency.match(scan.line, scan.pos)
    if not m:
        return False
    scan.outlet = scan.outlet or m.group()
    scan.pos = m.end()
    return True


def _read_loose_names(scan: _Scan, p: Patterns) -> bool:
    """Names without a label: authors ("28.02.2019, Jane Doe") or a dateline's place.

    The first such words may also be where text begins after a labelled date ("date 2019-02-28
    Der Gipfel ..."), so their position is kept as ``prefix_end``.
    """
    found = names_at(p, scan.line, scan.pos, single_ok=True)
    if not found:
        return False
    if not scan.loose:
        scan.prefix_end = scan.pos
    scan.pos, scan.loose = found[0], True
    if scan.authors is None and _valid_names(p, found[1], single_ok=False):
        scan.authors, scan.outlet = split_outlet(p, found[1])
    return True  # a single word: the place of a dateline ("Helsinki, 16.07.2018")


#: The token readers of ``scan_meta``, in the order they are tried at each position.
_READERS = (
    _read_label,
    _read_date,
    _read_time,
    _read_zone,
    _read_relative,
    _read_closing,
    _read_filler,
    _read_agency,
    _read_loose_names,
)


def _verdict(scan: _Scan) -> MetaLine | None:
    """Whether the scanned line is metadata: a whole date/author line, or a dated prefix.

    A whole line needs a date, or (without loose words) an author label with names, a label, or
    a relative time ("Updated 2 hours ago"). A prefix needs a labelled (or ISO) date, or a date
    with its year and a clock time ("12/02/2025 - 17:30"), followed by at least three words of
    text, so that a sentence starting with a date stays text.
    """
    line = scan.line
    if scan.pos >= len(line) and len(line) <= MAX_META_CHARS:
        labelled = scan.labelled_authors or scan.has_label or scan.relative
        if scan.date is not None or (not scan.loose and labelled):
            return scan.meta(
                authors=scan.authors, outlet=scan.outlet, awaits_author=scan.expect_names
            )
        return None
    prefix_end = scan.pos if scan.prefix_end is None else scan.prefix_end
    rest = line[prefix_end:]
    if (
        scan.date is not None
        and (scan.has_label or scan.date_kind == "iso" or _stamped(scan))
        and not scan.labelled_authors
        and not scan.expect_names
        and len(rest.split()) >= 3
        and rest[:1].isalpha()
    ):
        return scan.meta(prefix_end=prefix_end)
    return None


_YEAR = re.compile(r"(?:1[89]|2\d)\d{2}(?!\d)")


def _stamped(scan: _Scan) -> bool:
    """A date with its year and a clock time: a time stamp, which no sentence starts with."""
    return scan.hour is not None and scan.date is not None and bool(_YEAR.search(scan.date))


def _offset(text: str) -> str:
    """A printed UTC offset ("+2", "-0530", "+02:00") as "+HH:MM"."""
    sign, digits = text[0], text[1:].replace(":", "")
    hours, minutes = (digits, "00") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    return f"{sign}{int(hours):02d}:{minutes}"


# --- names -----------------------------------------------------------------------------------


def names_at(p: Patterns, line: str, pos: int, *, single_ok: bool) -> tuple[int, str] | None:
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


def split_outlet(p: Patterns, text: str) -> tuple[str, str | None]:
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
