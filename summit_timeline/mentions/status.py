"""The status of a mention from the cues of its clause.

A cancellation word makes it cancelled; a negation makes it no event at all, or cancelled if
the event was planned ("the planned lunch did not take place"); a future or intent word makes it
announced; otherwise it has its type's default status (``default_status`` in the ontology: an
offer is proposed, anything else occurred).
"""

from __future__ import annotations

from ..knowledge import EventType
from .mention import EventWords


def negated(words: EventWords, text: str) -> bool:
    """Whether ``text`` holds a negation that no exempt phrase ("nicht nur") covers."""
    exempt = words.negation_exempt.find(text)
    return any(
        not any(e.start <= n.start < e.end for e in exempt) for n in words.negation.find(text)
    )


def status(
    words: EventWords,
    kind: EventType,
    clause: str,
    wider: str,
    span: str | None = None,
    trigger: str = "",
) -> str | None:
    """Status from the clause's cues; None if the clause negates the event.

    ``wider`` is the clause with the clauses coordinated to it ("will meet X and leave on
    Saturday"), where an announcing verb or a modal also counts. ``span`` runs over commas to
    the next semicolon or break word, so "the lunch, which was due at noon, was called off" is
    cancelled. A negation inside the ``trigger`` itself ("took no questions") negates nothing.
    """
    span = span if span is not None else clause
    if trigger:
        blank = " " * len(trigger)
        clause_n, span_n = clause.replace(trigger, blank, 1), span.replace(trigger, blank, 1)
    else:
        clause_n, span_n = clause, span
    if words.cancelled.find(span):
        return "cancelled"
    if words.planned.find(span) and negated(words, span_n):
        return "cancelled"
    if negated(words, clause_n):
        return "cancelled" if words.planned.find(clause) else None
    if kind.default_status != "occurred":
        return kind.default_status
    if words.announced.find(wider) or words.announcing.find(wider):
        return "announced"
    return "occurred"


def reads_as_sentence(text: str) -> bool:
    """Whether a heading reads like a sentence (it then keeps its status)."""
    return text.rstrip().endswith((".", "!", "?"))
