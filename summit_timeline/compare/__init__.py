"""Comparing outlets: who reported what, where they differ, how quotes were rendered, and the
reporter's own voice.

``differences.py`` (coverage, side by side, discrepancies), ``quotes.py`` (quote variants and
their word-level differences), ``voice.py`` (evaluative language, attribution, who spoke first).
"""

from __future__ import annotations

from . import differences
from .differences import *  # noqa: F403  (the comparison verbs, listed in differences.__all__)

__all__ = list(differences.__all__)
