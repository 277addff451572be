"""Reading the data files: the packaged folder, then the user's folders of additions, merged.

A folder of additions is laid out like ``knowledge/data/`` and holds only what it adds or
changes: ``lexicons/de/events.yaml`` with ``triggers: {arrival: [...]}`` extends the German
arrival triggers; mappings are merged key by key, lists are extended. Each file is checked
against its declared shape (``schema.py``) as read, and again after merging.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import yaml

from .schema import KnowledgeError, Shape, validate

#: Environment variable naming folders of additions (``os.pathsep``-separated).
DATA_VARIABLE = "SUMMIT_TIMELINE_DATA"


def packaged_root() -> Path:
    """The folder of the packaged data files."""
    return Path(str(importlib_resources.files("summit_timeline.knowledge") / "data"))


def environment_roots() -> tuple[Path, ...]:
    """The folders of additions named in ``SUMMIT_TIMELINE_DATA``."""
    value = os.environ.get(DATA_VARIABLE, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


def as_roots(
    extra: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None,
) -> tuple[Path, ...]:
    """``extra`` as a tuple of folders, each checked to exist."""
    if extra is None:
        return ()
    items = [extra] if isinstance(extra, str | os.PathLike) else list(extra)
    roots = tuple(Path(p) for p in items)
    for root in roots:
        if not root.is_dir():
            raise KnowledgeError(
                f"folder of additions {root}: not a folder; expected a folder laid out like "
                f"{packaged_root()} (lexicons/<lang>/*.yaml, gazetteers/*.yaml, ontology.yaml)"
            )
    return roots


class FrozenDict(dict):
    """A mapping that refuses changes: loaded knowledge is shared, so nobody may edit it."""

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("knowledge is immutable: load a new object with load_knowledge(extra=...)")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return id(self)


def freeze(value: Any) -> Any:
    """``value`` with every mapping a ``FrozenDict`` and every list a tuple."""
    if isinstance(value, Mapping):
        return FrozenDict((k, freeze(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value


def merge(base: Any, extra: Any) -> Any:
    """``extra`` merged over ``base``: mappings key by key, lists extended without repeats."""
    if isinstance(base, Mapping) and isinstance(extra, Mapping):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list | tuple) and isinstance(extra, list | tuple):
        return [*base, *(item for item in extra if item not in base)]
    return extra


def read_yaml(path: Path) -> Any:
    """A YAML file's content; a syntax error names the file and the line."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot be read: {exc}") from exc


def read_merged(roots: tuple[Path, ...], relative: str, shape: Shape) -> Any:
    """The file ``relative`` of every root, each checked, merged, and the result checked.

    The packaged root must have it (a missing packaged file is a broken installation); a
    user's root may lack it. A user's file may leave keys out; the merged file may not.
    """
    found: Any = None
    first: Path | None = None
    for index, root in enumerate(roots):
        path = root / relative
        if not path.is_file():
            continue
        content = read_yaml(path)
        if content is None:
            content = {}
        validate(shape, content, str(path), partial=index > 0 or found is not None)
        first = first or path
        found = content if found is None else merge(found, content)
    if found is None:
        raise KnowledgeError(
            f"data file {relative} not found in {', '.join(str(r) for r in roots)}; every "
            "language folder needs the same files as lexicons/en/"
        )
    validate(shape, found, f"{relative} (merged from {first} and additions)")
    return found


def lexicon_languages(roots: tuple[Path, ...]) -> tuple[str, ...]:
    """Languages with a lexicon folder in any root."""
    found: set[str] = set()
    for root in roots:
        folder = root / "lexicons"
        if folder.is_dir():
            found.update(p.name for p in folder.iterdir() if p.is_dir() and p.name[:1] not in "._")
    return tuple(sorted(found))
