"""A sources file beside the reports: what the reports do not say about themselves.

Pasted text often lacks its outlet, address or date. A ``sources.yaml`` in a folder of reports
fills these in, file by file, with the keys of a front matter::

    report-01.txt:
      outlet: Rheinische Tagespost
      url: https://example.org/gipfel
      published: 2025-08-16 06:56

A value fills in only what the report itself does not carry (front matter, page metadata, byline
and date lines come first). A broken file, a key it does not know or a file name no report has is
reported with a warning naming the sources file; the reports are read all the same.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

import yaml

from .frontmatter import FRONT_MATTER_KEYS

#: File names read as the sources file of the folder they are in.
SOURCES_FILES: tuple[str, ...] = ("sources.yaml", "sources.yml")
#: File names read as the corrections of the folder they are in (``table/corrections.py``).
CORRECTIONS_FILES: tuple[str, ...] = ("corrections.yaml", "corrections.yml")


class SourcesWarning(UserWarning):
    """A sources file (or an entry of it) could not be used."""


def _problem(path: Path, reason: str) -> None:
    warnings.warn(f"{path}: {reason} (ignored)", SourcesWarning, stacklevel=4)


def _entries(path: Path) -> dict[str, dict[str, str]]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
        _problem(path, f"cannot be read: {str(exc).splitlines()[0]}")
        return {}
    if not data:
        return {}
    if not isinstance(data, dict):
        _problem(path, "must map file names to their outlet, url, published, ...")
        return {}
    entries: dict[str, dict[str, str]] = {}
    for name, values in data.items():
        if not isinstance(values, dict):
            _problem(path, f"entry {name!r} must map keys such as outlet to values")
            continue
        unknown = sorted(k for k in values if k not in FRONT_MATTER_KEYS)
        if unknown:
            allowed = list(FRONT_MATTER_KEYS)
            _problem(path, f"entry {name!r}: unknown keys {unknown}; allowed {allowed}")
        entries[str(name)] = {
            k: " ".join(v.split())
            for k, v in values.items()
            if k in FRONT_MATTER_KEYS and isinstance(v, str) and v.strip()
        }
    return entries


def read_sources(files: list[Path]) -> dict[Path, dict[str, str]]:
    """For each report file, the values its folder's sources file gives it (may be empty)."""
    by_folder: dict[Path, dict[str, dict[str, str]]] = {}
    found: dict[Path, dict[str, str]] = {}
    for f in files:
        folder = f.parent
        if folder not in by_folder:
            by_folder[folder] = {}
            for name in SOURCES_FILES:
                if (folder / name).is_file():
                    by_folder[folder] = _entries(folder / name)
                    break
        if f.name in by_folder[folder]:
            found[f] = by_folder[folder][f.name]
    for folder, entries in by_folder.items():
        names = {f.name for f in files if f.parent == folder}
        for name in sorted(set(entries) - names):
            path = next(folder / n for n in SOURCES_FILES if (folder / n).is_file())
            _problem(path, f"no report file {name!r} in {folder}")
    return found


def corrections_beside(files: Iterable[Path]) -> tuple[Path, ...]:
    """The corrections files in the folders of ``files``, each once, in folder order."""
    found: list[Path] = []
    for folder in dict.fromkeys(Path(f).parent for f in files):
        for name in CORRECTIONS_FILES:
            path = folder / name
            if path.is_file() and path not in found:
                found.append(path)
    return tuple(found)
