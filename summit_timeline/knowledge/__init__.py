"""Knowledge: the ontology, per-language lexicons and gazetteers as one validated object.

>>> knowledge = load_knowledge()                 # the packaged data
>>> knowledge.language("de").lexicon("events")["triggers"]["talks"][:1]  # doctest: +SKIP
>>> mine = load_knowledge("my_words")            # with a folder of additions  # doctest: +SKIP
"""

from __future__ import annotations

from .loader import DATA_VARIABLE, packaged_root
from .model import (
    EventType,
    Knowledge,
    LanguageKnowledge,
    default_knowledge,
    load_knowledge,
    resolve,
)
from .schema import KnowledgeError

__all__ = [
    "DATA_VARIABLE",
    "EventType",
    "Knowledge",
    "KnowledgeError",
    "LanguageKnowledge",
    "default_knowledge",
    "load_knowledge",
    "packaged_root",
    "resolve",
]
