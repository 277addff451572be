"""Who a report is about: its principals, the last person spoken of, and who says a quotation.

Pronouns resolve to the last person named; words for "both" resolve to the report's two
principals (the two people named most often). A quotation's speaker is the subject of the clause
just before it ("Trump erklärte: ..."), else of the clause just after it ("..., so Putin"), else
the first subject of the sentence, else the last person spoken of.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from ..knowledge.matching import Match
from .actors import ActorFinder, ActorMention
from .clauses import comma_clause
from .quotes import QuoteSpan, inside
from .sentences import Sentence

#: Characters between a speech verb and its subject ("sagte Trump", "Putin lobte").
_SPEECH_REACH = 12


class Discourse:
    """What the report has said so far: the last person named, and the summit's principals."""

    def __init__(self, principals: list[str]) -> None:
        self.principals = principals
        self.last_person: str | None = None
        #: the people the last sentence joined as its subject ("Trump and Erdogan met"), for
        #: a plural pronoun after it ("they")
        self.together: list[str] = []
        #: pronouns of the sentence at hand that its own words resolve (start -> name)
        self.here: dict[int, str] = {}

    def resolve(self, actor: ActorMention) -> list[str]:
        """The canonical names an actor mention stands for here."""
        if actor.kind == "joint":
            return list(self.principals)
        if actor.kind == "pronoun":
            if actor.start in self.here:
                return [self.here[actor.start]]
            return [self.last_person] if self.last_person else []
        return [actor.name] if actor.name else []

    def other_principal(self, name: str | None) -> str | None:
        """The principal who is not ``name``."""
        for p in self.principals:
            if p != name:
                return p
        return None


def principals(
    all_actors: list[tuple[Sentence, list[ActorMention]]],
    spouses: Mapping[str, str] | None = None,
) -> list[str]:
    """The two people (or offices) a report names most often, earlier first on a tie; a
    leader's spouse (``spouses``: spouse -> leader) counts for the leader, whose visit or
    welcome the spouse shares ("President Trump and first lady Melania Trump")."""
    counts, first = _named(all_actors, spouses)
    ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
    return ranked[:2]


def named_people(
    all_actors: list[tuple[Sentence, list[ActorMention]]],
    spouses: Mapping[str, str] | None = None,
) -> list[str]:
    """Everyone (a person or an office) a report names, a leader's spouse as the leader (as
    ``principals`` counts them), in the order first named."""
    _, first = _named(all_actors, spouses)
    return sorted(first, key=first.__getitem__)


def _named(
    all_actors: list[tuple[Sentence, list[ActorMention]]],
    spouses: Mapping[str, str] | None,
) -> tuple[Counter[str], dict[str, int]]:
    """How often a report names each person or office (a spouse as the leader), and where first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    spouses = spouses or {}
    for sentence, actors in all_actors:
        for a in actors:
            if a.name and a.kind in {"person", "office"}:
                name = spouses.get(a.name, a.name)
                counts[name] += 1
                first.setdefault(name, sentence.start + a.start)
    return counts, first


def first_subject(
    text: str,
    actors: list[ActorMention],
    quotes: list[QuoteSpan],
    offset: int,
    finder: ActorFinder,
    discourse: Discourse,
    within: tuple[int, int] | None = None,
) -> str | None:
    """The first person named (or pronoun) that is not an object, optionally within a span."""
    lo, hi = within or (0, len(text))
    for a in actors:
        if a.kind not in {"person", "office", "titled", "pronoun"}:
            continue
        if a.start < lo or a.end > hi:
            continue
        if inside(quotes, offset + a.start, offset + a.end):
            continue
        if a.kind != "pronoun" and finder.is_object(text, a.start):
            continue
        names = discourse.resolve(a)
        if names:
            return names[0]
    return None


def speech_subject(
    speech: list[Match],
    actors: list[ActorMention],
    quotes: list[QuoteSpan],
    offset: int,
    discourse: Discourse,
) -> str | None:
    """The actor standing closest to a speech verb (within a few characters), if any."""
    best: tuple[int, int, str] | None = None
    for verb in speech:
        for a in actors:
            if a.kind == "joint" or inside(quotes, offset + a.start, offset + a.end):
                continue
            gap = verb.start - a.end if a.end <= verb.start else a.start - verb.end
            if 0 <= gap <= _SPEECH_REACH:
                names = discourse.resolve(a)
                # a name beats a pronoun at the same distance
                rank = (gap, 1 if a.kind == "pronoun" else 0)
                if names and (best is None or rank < best[:2]):
                    best = (*rank, names[0])
    return best[2] if best else None


def speaker_of(
    quote: QuoteSpan,
    sentence: Sentence,
    actors: list[ActorMention],
    finder: ActorFinder,
    discourse: Discourse,
    quotes: list[QuoteSpan],
) -> tuple[str | None, bool]:
    """The speaker of ``quote`` and whether the sentence names it (not only the discourse)."""
    q_start = quote.start - sentence.start
    q_end = quote.end - sentence.start
    text = sentence.text

    def subject(lo: int, hi: int) -> str | None:
        return first_subject(
            text, actors, quotes, sentence.start, finder, discourse, within=(lo, hi)
        )

    before_lo = max(
        max(text.rfind(ch, 0, max(q_start - 1, 0)) for ch in ",;") + 1,
        max(
            (q.end - sentence.start for q in quotes if q.end - sentence.start <= q_start), default=0
        ),
    )
    found = subject(before_lo, q_start) if q_start > 0 else None
    if found is None and q_end < len(text):
        _, after_hi = comma_clause(text, q_end + 1, q_end + 1)
        found = subject(q_end, after_hi)
    if found is None:
        found = subject(0, q_start)
    if found is not None:
        return found, True
    return discourse.last_person, False
