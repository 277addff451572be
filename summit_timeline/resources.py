"""Access to the package's data files: ontology, per-language lexicons and gazetteers.

Words live here, not in Python. ``resources/lexicons/<lang>/<topic>.yaml`` holds one topic
(temporal, events, evaluative, boilerplate, ...) for one language; every language folder has the
same topics with the same top-level keys (``check_lexicons`` says where they differ). A new
language is a new folder. Users can point ``SUMMIT_TIMELINE_DATA`` at a folder laid out like
``resources/`` whose files are merged over the packaged ones (lists are extended, mappings updated).
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import yaml

_PACKAGE = "summit_timeline"


def _packaged_root() -> Path:
    return Path(str(importlib_resources.files(_PACKAGE) / "resources"))


def data_roots() -> tuple[Path, ...]:
    """Folders data is read from: the packaged one, then those in ``SUMMIT_TIMELINE_DATA``."""
    roots = [_packaged_root()]
    extra = os.environ.get("SUMMIT_TIMELINE_DATA", "")
    roots.extend(Path(p) for p in extra.split(os.pathsep) if p)
    return tuple(roots)


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc


@cache
def load_data(relative: str) -> Any:
    """The YAML file ``relative`` (e.g. ``"ontology.yaml"``), merged over all data roots.

    Raises ``FileNotFoundError`` naming the folders searched if no root has it.
    """
    found = None
    for root in data_roots():
        path = root / relative
        if path.is_file():
            content = _read_yaml(path)
            found = content if found is None else _merge(found, content)
    if found is None:
        roots = ", ".join(str(r) for r in data_roots())
        raise FileNotFoundError(f"data file {relative!r} not found in {roots}")
    return found


def languages() -> tuple[str, ...]:
    """Languages that have a lexicon folder (``resources/lexicons/<lang>/``)."""
    return _languages(os.environ.get("SUMMIT_TIMELINE_DATA", ""))


@cache
def _languages(extra: str) -> tuple[str, ...]:
    del extra  # part of the cache key: the folders searched
    langs: set[str] = set()
    for root in data_roots():
        folder = root / "lexicons"
        if folder.is_dir():
            langs.update(
                p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("_")
            )
    return tuple(sorted(langs))


def lexicon(language: str, topic: str) -> dict[str, Any]:
    """The ``topic`` lexicon for ``language`` (e.g. ``lexicon("de", "temporal")``).

    Raises ``ValueError`` listing the supported languages if there is none for ``language``.
    """
    if language not in languages():
        raise ValueError(
            f"no lexicons for language {language!r}; supported: {list(languages())}. "
            "Add a folder resources/lexicons/<lang>/ with the same files as the others."
        )
    return load_data(f"lexicons/{language}/{topic}.yaml") or {}


def gazetteer(name: str) -> Any:
    """A gazetteer (``people``, ``offices``, ``places``, ``groups``) of ``resources/gazetteers``."""
    return load_data(f"gazetteers/{name}.yaml")


def ontology() -> dict[str, Any]:
    """The event ontology: types with CAMEO code, description and natural order."""
    return load_data("ontology.yaml")


def check_lexicons() -> list[str]:
    """Differences between language folders: topics or top-level keys one language lacks."""
    problems: list[str] = []
    langs = languages()
    topics: dict[str, set[str]] = {}
    for lang in langs:
        names: set[str] = set()
        for root in data_roots():
            folder = root / "lexicons" / lang
            if folder.is_dir():
                names.update(p.stem for p in folder.glob("*.yaml"))
        topics[lang] = names
    all_topics = set().union(*topics.values()) if topics else set()
    for lang in langs:
        for topic in sorted(all_topics - topics[lang]):
            problems.append(f"lexicons/{lang}/{topic}.yaml is missing")
    for topic in sorted(all_topics):
        keys = {lang: set(lexicon(lang, topic)) for lang in langs if topic in topics[lang]}
        every = set().union(*keys.values()) if keys else set()
        for lang, have in keys.items():
            for key in sorted(every - have):
                problems.append(f"lexicons/{lang}/{topic}.yaml lacks key {key!r}")
    return problems


def clear_cache() -> None:
    """Forget loaded data files (after editing them or changing ``SUMMIT_TIMELINE_DATA``)."""
    load_data.cache_clear()
    _languages.cache_clear()
