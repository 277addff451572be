"""Front matter: a YAML block of metadata between ``---`` lines at the top of a text report.

Used by ``load``. ``read_front_matter`` checks the block's syntax, keys and value types and says
where the body starts; ``load`` then checks the values against the knowledge (a supported
language, an IANA zone) like it checks keyword options. ``with_title`` puts the front matter's
title above a cleaned body that has none.

>>> read_front_matter("---\\ntitle: Leaders meet\\n---\\nThe two presidents met.")
({'title': 'Leaders meet'}, 28)
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .clean import Cleaned

#: Keys a front matter block may have.
FRONT_MATTER_KEYS: tuple[str, ...] = (
    "title",
    "outlet",
    "author",
    "published",
    "language",
    "url",
    "timezone",
)

#: What YAML writes for "no value" (read as text by the loader that guesses nothing).
_EMPTY = ("", "~", "null", "Null", "NULL")
_OPEN = re.compile(r"---[ \t]*\r?\n")  # used with .match(): at the start (or after a BOM)
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


def has_front_matter(raw: str) -> bool:
    """Whether ``raw`` starts with a ``---`` line (after a byte order mark)."""
    return _OPEN.match(raw.removeprefix("\ufeff")) is not None


def read_front_matter(raw: str) -> tuple[dict[str, Any], int]:
    """The front matter's values and where the body starts; ``ValueError`` says what is wrong.

    Values are single strings with whitespace runs collapsed, read as written: "2025-02-31"
    and "12:30" stay text (YAML would make them an error and a number of minutes), to be checked
    where they are used. Empty values are left out.
    """
    start = len(raw) - len(raw.removeprefix("\ufeff"))
    opening = _OPEN.match(raw, start)
    if opening is None:
        raise ValueError("form='front_matter' but the file does not start with a '---' line")
    closing = _CLOSE.search(raw, opening.end())
    if closing is None:
        raise ValueError(
            "front matter opened with '---' on line 1 is never closed; add a line '---' after it"
        )
    data = _yaml_mapping(raw[opening.end() : closing.start()])
    values: dict[str, Any] = {}
    for key, value in data.items():
        if value is None or value in _EMPTY:
            continue
        if isinstance(value, str):
            values[key] = " ".join(value.split())
        else:
            raise ValueError(
                f"front matter {key!r} must be a single value; got {type(value).__name__}"
            )
    body = closing.end()
    if raw.startswith("\n", body):
        body += 1
    return values, body


def _yaml_mapping(block: str) -> dict[Any, Any]:
    """The block read as YAML: a mapping with known keys (an empty block: no keys)."""
    try:
        # every scalar as written: no dates, times or numbers guessed by YAML
        data = yaml.load(block, Loader=yaml.BaseLoader)
    except RecursionError:
        raise ValueError(
            "front matter nests too deeply to be read; it may hold only 'key: value' lines"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ValueError(f"front matter is not valid YAML{where}: {problem}") from None
    if data is None or data == "":
        return {}
    if not isinstance(data, dict):
        raise ValueError(
            "front matter must be 'key: value' lines with keys "
            f"{list(FRONT_MATTER_KEYS)}; got a {type(data).__name__}"
        )
    unknown = sorted(str(k) for k in data if k not in FRONT_MATTER_KEYS)
    if unknown:
        raise ValueError(
            f"front matter has unknown keys {unknown}; allowed: {list(FRONT_MATTER_KEYS)}"
        )
    return data


def with_title(cleaned: Cleaned, title: str, head: str) -> Cleaned:
    """``cleaned`` with the front matter's title as its first line (mapped into the block).

    ``head`` is the raw text up to the body; the title's characters point at its value in the
    block (or at the start when it is not written there verbatim).
    """
    at = head.find(title)
    title_offsets = list(range(at, at + len(title))) if at >= 0 else [0] * len(title)
    newline = head.find("\n", at + len(title)) if at >= 0 else -1
    joint = newline if newline >= 0 else title_offsets[-1]  # the end of the title's line
    return Cleaned(
        text=title + "\n\n" + cleaned.text,
        offsets=[*title_offsets, joint, joint, *cleaned.offsets],
        title=title,
        dates=cleaned.dates,
        authors=cleaned.authors,
        outlet=cleaned.outlet,
        url=cleaned.url,
    )
