"""Direct quotations: spans in „…“, «…», »…«, “…”, "…", ‚…‘, ‘…’ and '…' with mixed closers.

Pasted text often opens with one mark and closes with another („…" is common), so each opener
accepts a set of closers. Single quotes are taken only where they cannot be apostrophes: the
opener follows a space or an opening bracket and precedes a letter, the closer follows a
letter or punctuation and precedes no letter. Quotations do not span paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass

# opener -> closers it accepts (first is the typographically matching one)
_PAIRS: dict[str, str] = {
    "„": '“"”',
    "“": '”"“',
    "”": '”"',
    "«": "»",
    "»": "«",
    '"': '"“”',
    "‚": "‘’'",
    "‘": "’'",
    "'": "'’",
}
_SINGLE = {"‚", "‘", "'"}
_MAX_LENGTH = 1500


@dataclass(frozen=True)
class QuoteSpan:
    """A direct quotation: ``start``/``end`` include the marks, ``inner_*`` the quoted words."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str
    mark: str


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and after.isalpha()


def _single_closes(text: str, j: int) -> bool:
    before = text[j - 1] if j > 0 else " "
    after = text[j + 1] if j + 1 < len(text) else " "
    return (before.isalnum() or before in ".!?,…") and not after.isalpha()


def _find_closer(text: str, i: int, opener: str) -> int:
    closers = _PAIRS[opener]
    limit = min(len(text), i + _MAX_LENGTH)
    j = i + 1
    while j < limit:
        ch = text[j]
        if ch == "\n" and text[j + 1 : j + 2] == "\n":
            return -1
        if ch == "\n" and opener not in _SINGLE:
            # a quotation may not run past the end of its line (paragraph)
            return -1
        if ch in closers and j > i + 1:
            if opener in _SINGLE and not _single_closes(text, j):
                j += 1
                continue
            return j
        j += 1
    return -1


def find_quotes(text: str) -> list[QuoteSpan]:
    """All outermost direct quotations in ``text``, in order."""
    spans: list[QuoteSpan] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _PAIRS and (ch not in _SINGLE or _single_opens(text, i)):
            j = _find_closer(text, i, ch)
            if j > 0:
                inner = text[i + 1 : j]
                stripped = inner.strip().rstrip(",").rstrip()
                if stripped:
                    lead = len(inner) - len(inner.lstrip())
                    spans.append(
                        QuoteSpan(
                            start=i,
                            end=j + 1,
                            inner_start=i + 1 + lead,
                            inner_end=i + 1 + lead + len(stripped),
                            text=stripped,
                            mark=ch,
                        )
                    )
                i = j + 1
                continue
        i += 1
    return spans


def inside(spans: list[QuoteSpan], start: int, end: int) -> QuoteSpan | None:
    """The quotation that contains ``[start, end)``, if any."""
    for span in spans:
        if span.start <= start and end <= span.end:
            return span
        if span.start > start:
            break
    return None
