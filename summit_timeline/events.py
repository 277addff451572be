"""Event mentions in one report: triggers, status, actors, place, times, quotes and evidence.

A sentence becomes a mention when it holds a trigger of an ontology type (outside quotations,
unless the type is ``quoted``). The trigger's clause decides the status: a cancellation word
makes it cancelled, a negation makes it no event at all (or cancelled, if the event was
planned), a future or intent word makes it announced, an invitation is proposed. Actors come
from the sentence (pronouns and "beide"/"both" resolved from the discourse), places from place
prepositions, times and durations from ``temporal.find_temporal``. Quotations go to the event
whose trigger shares their sentence, else to the press statement when a leader speaks, else to
the mention before them. Mentions of one event in one report (headline and body) are merged.
"""

from __future__ import annotations

import bisect
import copy
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .actors import ActorFinder, ActorMention
from .corpus import Report
from .matching import Match, lexicon_matcher
from .places import Place, find_places
from .quotes import QuoteSpan, find_quotes
from .quotes import inside as _inside
from .resources import lexicon, ontology
from .temporal import TimeExpression, find_temporal
from .text import Sentence, split_sentences

_CLAUSE_PUNCT = ",;:–—()"


@dataclass
class Mention:
    """An event mention in one report, before alignment and dating."""

    report_id: str
    language: str
    event_type: str
    status: str
    trigger: str
    sentence: Sentence
    actors: list[str] = field(default_factory=list)
    place: Place | None = None
    quotes: list[dict[str, Any]] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    duration: TimeExpression | None = None
    planned: TimeExpression | None = None
    order_cue: str | None = None
    talk_format: str | None = None
    evidence: list[Sentence] = field(default_factory=list)
    in_quote: bool = False
    confidence: float = 0.8
    speakers: list[str] = field(default_factory=list)
    stamps: list[TimeExpression] = field(default_factory=list)
    context: TimeExpression | None = None

    def score(self) -> float:
        """How informative the mention's sentence is, to pick the evidence shown first."""
        s = 0.0
        s += 3 if self.duration else 0
        s += 3 if any(t.time for t in self.times) else 0
        said_here = any(q["text"] in self.sentence.text for q in self.quotes)
        s += 2 if said_here and self.event_type == "invitation" else 0
        s += 1 if self.place else 0
        s += 1 if any(t.date or t.weekday is not None for t in self.times) else 0
        s += 0 if self.sentence.is_heading else 1
        return s


@dataclass(frozen=True)
class _Words:
    triggers: Any
    formats: Any
    container: Any
    cancelled: Any
    negation: Any
    negation_exempt: Any
    planned: Any
    announced: Any
    announcing: Any
    sequence: Any
    speech: Any
    clause_breaks: Any


@cache
def _words(language: str) -> _Words:
    status = lexicon(language, "events")["status"]
    from .matching import Lexicon

    return _Words(
        triggers=lexicon_matcher(language, "events", "triggers"),
        formats=lexicon_matcher(language, "events", "talk_formats"),
        container=lexicon_matcher(language, "events", "container"),
        cancelled=Lexicon(language, {"cancelled": status["cancelled"]}),
        negation=Lexicon(language, {"negation": status["negation"]}),
        negation_exempt=Lexicon(language, {"exempt": status.get("negation_exempt", [])}),
        planned=Lexicon(language, {"planned": status["planned"]}),
        announced=Lexicon(language, {"announced": status["announced"]}),
        announcing=lexicon_matcher(language, "events", "announcing"),
        sequence=lexicon_matcher(language, "events", "sequence"),
        speech=lexicon_matcher(language, "events", "speech_verbs"),
        clause_breaks=lexicon_matcher(language, "events", "clause_breaks"),
    )


def _types() -> dict[str, dict[str, Any]]:
    return ontology()["types"]


def _is_clause_mark(text: str, i: int) -> bool:
    """Punctuation that ends a clause: not the colon of "11:55" or the comma of "1,000"."""
    ch = text[i]
    if ch not in _CLAUSE_PUNCT:
        return False
    return not (ch in ",:" and i + 1 < len(text) and not text[i + 1].isspace())


def _span(text: str, start: int, end: int, breaks: list[Match]) -> str:
    """The text around a trigger up to a semicolon, a dash or a break word (commas included)."""
    left, right = 0, len(text)
    for i in range(start - 1, -1, -1):
        if text[i] in ";–—":
            left = i + 1
            break
    for i in range(end, len(text)):
        if text[i] in ";–—":
            right = i
            break
    for b in breaks:
        if b.end <= start and b.start >= left and b.label == "clause_breaks":
            left = b.end
        if b.start >= end and b.start < right:
            right = b.start
    return text[left:right]


def _clause(text: str, start: int, end: int, breaks: list[Match]) -> tuple[int, int]:
    """The clause of ``text`` around ``[start, end)``: bounded by punctuation and break words."""
    left, right = 0, len(text)
    for i in range(start - 1, -1, -1):
        if _is_clause_mark(text, i):
            left = i + 1
            break
    for i in range(end, len(text)):
        if _is_clause_mark(text, i):
            right = i
            break
    for b in breaks:
        if b.end <= start and b.start >= left:
            left = b.end
        if b.start >= end and b.start < right:
            right = b.start
    return left, right


def _by_sentence(matches: list[Match], sentences: list[Sentence]) -> dict[int, list[Match]]:
    """Matches over a whole text, per sentence index, with offsets into the sentence."""
    starts = [s.start for s in sentences]
    out: dict[int, list[Match]] = {}
    for m in matches:
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0:
            continue
        s = sentences[i]
        if m.end > s.end:
            continue  # across a sentence end
        out.setdefault(i, []).append(
            Match(m.start - s.start, m.end - s.start, m.label, m.entry, m.text)
        )
    return out


def _outside(matches: list[Match], quotes: list[QuoteSpan], offset: int) -> list[Match]:
    return [m for m in matches if not _inside(quotes, offset + m.start, offset + m.end)]


def _status(
    words: _Words,
    event_type: str,
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
    if words.planned.find(span) and _negated(words, span_n):
        return "cancelled"
    if _negated(words, clause_n):
        return "cancelled" if words.planned.find(clause) else None
    if event_type == "invitation":
        return "proposed"
    if words.announced.find(wider) or words.announcing.find(wider):
        return "announced"
    return "occurred"


def _negated(words: _Words, text: str) -> bool:
    exempt = words.negation_exempt.find(text)
    return any(
        not any(e.start <= n.start < e.end for e in exempt) for n in words.negation.find(text)
    )


class _Discourse:
    """What the report has said so far: the last person named, and the summit's principals."""

    def __init__(self, principals: list[str]) -> None:
        self.principals = principals
        self.last_person: str | None = None

    def resolve(self, actor: ActorMention) -> list[str]:
        if actor.kind == "joint":
            return list(self.principals)
        if actor.kind == "pronoun":
            return [self.last_person] if self.last_person else []
        return [actor.name] if actor.name else []

    def other_principal(self, name: str | None) -> str | None:
        for p in self.principals:
            if p != name:
                return p
        return None


def _principals(all_actors: list[tuple[Sentence, list[ActorMention]]]) -> list[str]:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for sentence, actors in all_actors:
        for a in actors:
            if a.name and a.kind in {"person", "office"}:
                counts[a.name] += 1
                first.setdefault(a.name, sentence.start + a.start)
    ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
    return ranked[:2]


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` that ``[start, end)`` stands in: between , ; : and quotation edges."""
    left = max(text.rfind(ch, 0, start) for ch in ",;") + 1
    right_candidates = [i for i in (text.find(ch, end) for ch in ",;") if i >= 0]
    return left, min(right_candidates) if right_candidates else len(text)


def _speaker_of(
    quote: QuoteSpan,
    sentence: Sentence,
    actors: list[ActorMention],
    finder: ActorFinder,
    discourse: _Discourse,
    quotes: list[QuoteSpan],
) -> tuple[str | None, bool]:
    """The speaker of ``quote`` and whether the sentence names it (not only the discourse).

    The subject of the clause just before the quotation ("Trump erklärte: ...", "bevor der
    russische Präsident nachschob: ..."), else the clause just after it ("..., so Putin",
    "..., sagte er"), else the first subject of the sentence, else the last person spoken of.
    """
    q_start = quote.start - sentence.start
    q_end = quote.end - sentence.start
    text = sentence.text

    def subject(lo: int, hi: int) -> str | None:
        return _first_subject(
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
        _, after_hi = _clause_bounds(text, q_end + 1, q_end + 1)
        found = subject(q_end, after_hi)
    if found is None:
        found = subject(0, q_start)
    if found is not None:
        return found, True
    return discourse.last_person, False


def extract_mentions(report: Report) -> list[Mention]:
    """The event mentions of one report, merged per event, in text order."""
    language = report.language
    words = _words(language)
    types = _types()
    text = report.text
    sentences = split_sentences(text, language)
    quotes = find_quotes(text)
    times = find_temporal(text, language)
    on = report.published.date() if report.published else None
    finder = ActorFinder(language, on=on)
    per_sentence = [(s, finder.find(s.text)) for s in sentences]
    discourse = _Discourse(_principals(per_sentence))

    destinations = {
        p.lower() for p in lexicon(language, "places").get("destination_prepositions", [])
    }
    mentions: list[Mention] = []
    quote_speaker: dict[int, str | None] = {}
    unclaimed: list[int] = []  # quotations no trigger of their sentence claims
    scare_quotes: set[int] = set()
    speech_order: list[tuple[int, str]] = []  # (offset, speaker) of statements not claimed
    last_mention: Mention | None = None

    # one pass of each lexicon over the whole text, shared out to the sentences
    found = {
        name: _by_sentence(getattr(words, name).find(text), sentences)
        for name in ("container", "triggers", "clause_breaks", "formats", "sequence", "speech")
    }
    for sentence, actors in per_sentence:
        offset = sentence.start
        s_text = sentence.text
        s_quotes = [q for q in quotes if q.start < sentence.end and q.end > sentence.start]
        s_times = [t for t in times if sentence.start <= t.start < sentence.end]
        containers = found["container"].get(sentence.index, [])
        triggers = [
            m
            for m in found["triggers"].get(sentence.index, [])
            if not any(c.start <= m.start < c.end for c in containers)
        ]
        breaks = found["clause_breaks"].get(sentence.index, [])
        formats_here = found["formats"].get(sentence.index, [])
        cues = _outside(found["sequence"].get(sentence.index, []), quotes, offset)
        order_cue = cues[0].label if cues else None
        speech = _outside(found["speech"].get(sentence.index, []), quotes, offset)

        # actors of this sentence outside quotations, resolved
        named: list[str] = []
        for a in actors:
            if _inside(quotes, offset + a.start, offset + a.end):
                continue
            for name in discourse.resolve(a):
                if name and name not in named:
                    named.append(name)
        places = [
            p
            for p in find_places(s_text, language)
            if not _inside(quotes, offset + p.start, offset + p.end)
        ]

        # quotations in this sentence and their speakers
        q_speakers: dict[int, str | None] = {}
        for q in s_quotes:
            qi = quotes.index(q)
            if q.start < sentence.start:
                continue
            speaker, named_here = _speaker_of(q, sentence, actors, finder, discourse, quotes)
            covers = (q.end - q.start) >= 0.6 * (sentence.end - sentence.start)
            if (
                named_here
                or covers
                or _outside(found["speech"].get(sentence.index, []), quotes, offset)
            ):
                q_speakers[qi] = speaker
            else:
                q_speakers[qi] = None
                scare_quotes.add(qi)

        new: dict[str, Mention] = {}
        for trig in triggers:
            event_type = trig.label
            spec = types.get(event_type)
            if spec is None:
                continue
            quote = _inside(quotes, offset + trig.start, offset + trig.end)
            if quote and not spec.get("quoted", False):
                continue
            if quote:
                clause = wider = text[quote.inner_start : quote.inner_end]
            else:
                c_start, c_end = _clause(s_text, trig.start, trig.end, breaks)
                clause = s_text[c_start:c_end]
                w_start, w_end = _clause(s_text, trig.start, trig.end, [])
                wider = s_text[w_start:w_end]
                if words.announcing.find(s_text[: trig.start]):
                    wider = s_text[:w_end]
            span = clause if quote else _span(s_text, trig.start, trig.end, breaks)
            status = _status(words, event_type, clause, wider, span, trig.text)
            if status is None:
                continue
            if sentence.is_heading and status == "occurred" and not _has_verb_cue(s_text):
                status = "unspecified"
            fmt = None
            if event_type == "talks":
                near = [
                    f for f in formats_here if f.start <= trig.end + 40 and f.end >= trig.start - 40
                ]
                fmt = near[0].label if near else None
            who: tuple[str, ...] = ()
            if _per_person(event_type) and not quote:
                lo, hi = _clause(s_text, trig.start, trig.end, [])
                who = tuple(
                    dict.fromkeys(
                        name
                        for a in actors
                        if lo <= a.start < hi
                        and not _inside(quotes, offset + a.start, offset + a.end)
                        for name in discourse.resolve(a)
                    )
                )
            key = f"{event_type}:{fmt}:{'|'.join(sorted(who))}"
            if key in new:
                earlier = new[key]
                if event_type == "invitation" and earlier.place is None:
                    earlier.place = _proposed_place(clause if quote else s_text, language)
                continue
            mention = Mention(
                report_id=report.report_id,
                language=language,
                event_type=event_type,
                status=status,
                trigger=trig.text,
                sentence=sentence,
                order_cue=order_cue,
                evidence=[sentence],
                in_quote=bool(quote),
                confidence=0.6 if quote else 0.8,
            )
            # actors
            if quote:
                speaker = (
                    q_speakers.get(quotes.index(quote))
                    or _speaker_of(quote, sentence, actors, finder, discourse, quotes)[0]
                )
                mention.actors = [speaker] if speaker else []
                if event_type == "invitation":
                    other = discourse.other_principal(speaker)
                    if other:
                        mention.actors.append(other)
            else:
                mention.actors = list(who or named)
                if event_type == "invitation" and len(mention.actors) == 1:
                    other = discourse.other_principal(mention.actors[0])
                    if other:
                        mention.actors.append(other)
            # place
            if event_type == "invitation":
                mention.place = _proposed_place(clause, language) if quote else None
                if mention.place is None and places:
                    mention.place = places[-1].place
            else:
                usable = [
                    p
                    for p in places
                    if not (event_type == "departure" and p.preposition in destinations)
                ]
                if usable:
                    mention.place = max(usable, key=lambda p: p.place.specificity).place
            # times
            if spec.get("duration", False):
                spans = [
                    t
                    for t in s_times
                    if t.kind == "duration" and not _inside(quotes, t.start, t.end)
                ]
                here = offset + trig.start
                spans.sort(key=lambda t: min(abs(t.start - here), abs(t.end - here)))
                mention.duration = next((t for t in spans if not t.planned), None)
                mention.planned = next((t for t in spans if t.planned), None)
            mention.times = [
                t for t in s_times if t.kind != "duration" and not _inside(quotes, t.start, t.end)
            ]
            if event_type == "talks":
                mention.talk_format = fmt
            new[key] = mention

        # quotations: claimed by an invitation said in them, or by a trigger outside them in
        # the same sentence; the rest are statements, placed after the loop
        for qi, speaker in q_speakers.items():
            if qi in scare_quotes:
                continue  # a title or a word in quotation marks, not a statement
            quote_speaker[qi] = speaker
            owner = next(
                (m for m in new.values() if m.in_quote and m.event_type == "invitation"), None
            )
            if owner is None:
                owner = next((m for m in new.values() if not m.in_quote), None)
            if owner is not None:
                owner.quotes.append({"speaker": speaker, "text": quotes[qi].text})
            else:
                unclaimed.append(qi)
                if speaker:
                    speech_order.append((quotes[qi].start, speaker))

        # statements without quotation ("Zuerst sprach Putin.")
        if speech and not new:
            subject = _speech_subject(speech, actors, quotes, offset, discourse)
            if subject:
                speech_order.append((offset, subject))

        # a sentence without a trigger that names participants right after talks adds them
        if (
            not new
            and last_mention is not None
            and last_mention.event_type == "talks"
            and last_mention.sentence.paragraph == sentence.paragraph
        ):
            for a in actors:
                if (
                    a.kind in {"person", "titled", "office"}
                    and a.name
                    and a.name not in last_mention.actors
                    and not _inside(quotes, offset + a.start, offset + a.end)
                ):
                    last_mention.actors.append(a.name)

        for m in new.values():
            mentions.append(m)
            last_mention = m

        # discourse: who the text is about now - the last speaker quoted in this sentence, else
        # the one a speech verb names ("sagte Trump", "Putin lobte"), else the first subject
        speakers_here = [q_speakers[qi] for qi in sorted(q_speakers) if q_speakers[qi]]
        if speakers_here:
            discourse.last_person = speakers_here[-1]
        else:
            subject = _speech_subject(speech, actors, quotes, offset, discourse)
            if subject is None:
                subject = _first_subject(s_text, actors, quotes, offset, finder, discourse)
            if subject is not None:
                discourse.last_person = subject

    _attach_statements(mentions, quotes, unclaimed, quote_speaker, speech_order, discourse)
    _live_stamps(mentions, sentences, times)
    merged = _merge(mentions, discourse, finder.country_of)
    days = [t for t in times if t.kind in _DAY_KINDS and not _inside(quotes, t.start, t.end)]
    for m in merged:
        first = min(m.evidence, key=lambda e: e.start)
        before = [t for t in days if t.start < first.start]
        m.context = before[-1] if before else None
    return merged


_DAY_KINDS = ("date", "datetime", "weekday", "relative_day")


def _live_stamps(
    mentions: list[Mention], sentences: list[Sentence], times: list[TimeExpression]
) -> None:
    """Live-blog entries: a line that is only a clock time stamps the entry below it.

    A mention in the entry whose own sentence gives no day or clock time takes the stamp.
    """
    stamp_at: dict[int, TimeExpression] = {}
    current: TimeExpression | None = None
    for sentence in sentences:
        clock = [t for t in times if sentence.start <= t.start < sentence.end and t.time]
        printed = sum(t.end - t.start for t in clock)
        if clock and printed >= 0.6 * len(sentence.text.strip()):
            current = clock[0]
            continue
        if sentence.is_heading and not clock:
            continue
        if current is not None:
            stamp_at[sentence.index] = current
    for m in mentions:
        stamp = stamp_at.get(m.sentence.index)
        if stamp is None:
            continue
        if any(t.time or t.kind in _DAY_KINDS for t in m.times):
            continue
        m.stamps.append(stamp)


def _speech_subject(
    speech: list[Match],
    actors: list[ActorMention],
    quotes: list[QuoteSpan],
    offset: int,
    discourse: _Discourse,
) -> str | None:
    """The actor standing closest to a speech verb (within a few characters), if any."""
    best: tuple[int, int, str] | None = None
    for verb in speech:
        for a in actors:
            if a.kind == "joint" or _inside(quotes, offset + a.start, offset + a.end):
                continue
            gap = verb.start - a.end if a.end <= verb.start else a.start - verb.end
            if 0 <= gap <= 12:
                names = discourse.resolve(a)
                # a name beats a pronoun at the same distance
                rank = (gap, 1 if a.kind == "pronoun" else 0)
                if names and (best is None or rank < best[:2]):
                    best = (*rank, names[0])
    return best[2] if best else None


def _first_subject(
    text: str,
    actors: list[ActorMention],
    quotes: list[QuoteSpan],
    offset: int,
    finder: ActorFinder,
    discourse: _Discourse,
    within: tuple[int, int] | None = None,
) -> str | None:
    """The first person named (or pronoun) that is not an object, optionally within a span."""
    lo, hi = within or (0, len(text))
    for a in actors:
        if a.kind not in {"person", "office", "titled", "pronoun"}:
            continue
        if a.start < lo or a.end > hi:
            continue
        if _inside(quotes, offset + a.start, offset + a.end):
            continue
        if a.kind != "pronoun" and finder.is_object(text, a.start):
            continue
        names = discourse.resolve(a)
        if names:
            return names[0]
    return None


def _proposed_place(text: str, language: str) -> Place | None:
    places = find_places(text, language)
    return places[-1].place if places else None


def _has_verb_cue(text: str) -> bool:
    """Whether a heading reads like a sentence (it then keeps its status)."""
    return text.rstrip().endswith((".", "!", "?"))


def _attach_statements(
    mentions: list[Mention],
    quotes: list[QuoteSpan],
    unclaimed: list[int],
    quote_speaker: dict[int, str | None],
    speech_order: list[tuple[int, str]],
    discourse: _Discourse,
) -> None:
    """Give unclaimed quotations to a reply, the press statement, or the mention before them."""
    press = [m for m in mentions if m.event_type == "press_statement" and m.status == "occurred"]
    invitations = [m for m in mentions if m.event_type == "invitation"]
    for qi in unclaimed:
        q = quotes[qi]
        speaker = quote_speaker.get(qi)
        # a reply to an invitation: the next quotation by the other side, shortly after
        target: Mention | None = None
        for inv in invitations:
            proposer = inv.actors[0] if inv.actors else None
            if not speaker or speaker == proposer:
                continue
            replies = [x for x in inv.quotes if x.get("reply")]
            last_end = replies[-1]["_end"] if replies else max(e.end for e in inv.evidence)
            limit = 200 if replies else 400
            if 0 <= q.start - last_end <= limit:
                target = inv
                break
        if target is not None:
            target.quotes.append({"speaker": speaker, "text": q.text, "reply": True, "_end": q.end})
            continue
        if speaker and speaker in discourse.principals and press:
            press[0].quotes.append({"speaker": speaker, "text": q.text})
            continue
        before = [m for m in mentions if m.sentence.start <= q.start]
        if before:
            before[-1].quotes.append({"speaker": speaker, "text": q.text})
    # the order in which leaders spoke, for the press statement's actors
    if press:
        order: list[str] = []
        for _, name in sorted(speech_order):
            if name in discourse.principals and name not in order:
                order.append(name)
        if order:
            p = press[0]
            rest = [a for a in p.actors if a not in order]
            p.speakers = order
            if len(set(order) & set(p.actors)) >= 2:
                p.actors = [*[a for a in order if a in p.actors], *rest]


def _per_person(event_type: str) -> bool:
    """Whether each leader's event of this type is one of its own (ontology ``per_person``)."""
    return bool(_types().get(event_type, {}).get("per_person"))


def _day_keys(m: Mention) -> set[tuple[str, object]]:
    keys: set[tuple[str, object]] = set()
    for t in m.times:
        if t.date:
            keys.add(("date", t.date))
        elif t.weekday is not None:
            keys.add(("weekday", t.weekday))
        elif t.day_offset is not None:
            keys.add(("offset", t.day_offset))
    return keys


def _compatible(a: Mention, b: Mention, principals: frozenset[str] = frozenset()) -> bool:
    """Whether two mentions of one report can be the same event."""
    if a.event_type != b.event_type:
        return False
    if a.status != b.status and "unspecified" not in (a.status, b.status):
        return False
    if a.talk_format and b.talk_format and a.talk_format != b.talk_format:
        return False
    if a.event_type in {"invitation", "visit"} and a.place and b.place:
        same = a.place.name == b.place.name
        if not (same or a.place.contains(b.place) or b.place.contains(a.place)):
            return False
    if a.actors and b.actors:
        shared = set(a.actors) & set(b.actors)
        if not shared:
            return False
        # each leader's arrival or departure is an event of its own
        if _per_person(a.event_type) and set(a.actors) != set(b.actors):
            return False
        # talks with another counterpart are other talks (breakfast with the host)
        if (
            a.event_type == "talks"
            and len(a.actors) > 1
            and len(b.actors) > 1
            and set(a.actors) & principals != set(b.actors) & principals
        ):
            return False
    days_a, days_b = _day_keys(a), _day_keys(b)
    if days_a and days_b and not days_a & days_b:
        return False
    clocks_a = {t.time for t in a.times if t.time}
    clocks_b = {t.time for t in b.times if t.time}
    return not (clocks_a and clocks_b and not clocks_a & clocks_b)


def _merge(
    mentions: list[Mention], discourse: _Discourse, country_of: Callable[[str], str | None]
) -> list[Mention]:
    """One mention per event in this report, with all its evidence."""
    merged: list[Mention] = []
    members: list[list[Mention]] = []  # what each merged mention was made of, as found
    principals = frozenset(discourse.principals)
    # definite statuses first, so headings join them
    ordered = sorted(mentions, key=lambda m: (m.status == "unspecified", m.sentence.start))
    for m in ordered:
        found = copy.copy(m)
        found.actors = list(m.actors)
        index = next(
            (
                i
                for i, group in enumerate(members)
                if all(_compatible(x, found, principals) for x in group)
            ),
            None,
        )
        if index is None:
            merged.append(m)
            members.append([found])
            continue
        members[index].append(found)
        _absorb(merged[index], m)
    for m in merged:
        m.quotes.sort(key=lambda q: bool(q.get("reply")))
        if m.status == "unspecified":
            m.status = "occurred"
            m.confidence = min(m.confidence, 0.6)
        if m.event_type == "talks" and not set(m.actors) & set(discourse.principals):
            # talks naming only members of the leaders' delegations are the leaders' talks
            countries = {country_of(p) for p in discourse.principals}
            if all(country_of(a) in countries for a in m.actors):
                m.actors = [*discourse.principals, *m.actors]
                m.confidence = min(m.confidence, 0.7)
        m.evidence.sort(key=lambda s: s.start)
    merged.sort(key=lambda m: min(s.start for s in m.evidence))
    return merged


def _absorb(target: Mention, other: Mention) -> None:
    primary_first = other.score() > target.score()
    for name in other.actors:
        if name not in target.actors:
            target.actors.append(name)
    for q in other.quotes:
        if all(q["text"] != x["text"] for x in target.quotes):
            target.quotes.append(q)
    for s in other.evidence:
        if s not in target.evidence:
            target.evidence.append(s)
    more_specific = other.place and (
        target.place is None or other.place.specificity > target.place.specificity
    )
    # an invitation keeps the place first proposed
    if more_specific and (target.event_type != "invitation" or target.place is None):
        target.place = other.place
    target.duration = target.duration or other.duration
    target.planned = target.planned or other.planned
    target.talk_format = target.talk_format or other.talk_format
    target.times = target.times or other.times
    target.order_cue = target.order_cue or other.order_cue
    target.stamps.extend(t for t in other.stamps if t not in target.stamps)
    target.confidence = min(1.0, max(target.confidence, other.confidence) + 0.05)
    if target.status == "unspecified":
        target.status = other.status
    if primary_first:
        target.sentence = other.sentence
        target.trigger = other.trigger
    if other.speakers and not target.speakers:
        target.speakers = other.speakers
