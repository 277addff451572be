"""Event mentions in one report: passes over a per-report context.

1. *Reading* (``_context``): sentences, quotations, time expressions, actors per sentence, the
   report's principals, and one pass of each event lexicon over the whole text.
2. *Sentences* (``_sentence_pass``), in order: what the sentence offers (``_view``); a mention
   for each trigger of an ontology type outside quotations (inside them only for ``quoted``
   types), with its status from its clause, its actors, place and times (``_mention``); the
   quotations it claims; statements without quotation; participants named right after a
   meeting; the discourse's last person.
3. *Report* (``extract_mentions``): unclaimed quotations and live-blog stamps
   (``statements.py``), one mention per event (``merge.py``), and the last day named before
   each event (its context date).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any

from ..knowledge import Knowledge, LanguageKnowledge, resolve
from ..knowledge.matching import Lexicon, Match
from ..reading.corpus import Report
from .actors import (
    PERSON_KINDS,
    ActorFinder,
    ActorMention,
    gazetteers_for,
    genitive_endings,
    name_articles,
    nationality_of,
)
from .clauses import by_sentence, clause, outside, span
from .days import year_for
from .discourse import (
    Discourse,
    first_subject,
    named_people,
    principals,
    speaker_of,
    speech_subject,
)
from .mention import LEAD_PARAGRAPHS, EventWords, Mention, ReportMentions, event_words
from .merge import away, fold_into_call, fuller, merge_mentions, one_names_all
from .periods import Period, find_periods
from .places import (
    Place,
    PlaceMention,
    country_codes,
    dateline,
    dateline_span,
    find_places,
    index_for,
    left_places,
    namesakes_told,
    stayed_before,
)
from .quotes import QuoteSpan, find_quotes, inside
from .sentences import Sentence, split_sentences
from .statements import (
    DAY_KINDS,
    attach_statements,
    live_stamps,
    programme_lines,
    quotes_to_their_event,
)
from .status import (
    FUTURE,
    headline_plan,
    named_known,
    names_earlier,
    negated,
    reads_as_sentence,
    status,
)
from .temporal import TimeExpression, find_temporal

_LEXICONS = (
    "container",
    "no_event",
    "habitual",
    "habitual_occasions",
    "triggers",
    "clause_breaks",
    "formats",
    "sequence",
    "speech",
    "source_prepositions",
    "relative_openers",
    "since",
    "examples",
    "purpose",
    "other_event",
    "group_sides",
    "caption_positions",
    "reporting",
    "plural_pronouns",
)
#: What may stand between a quantifier over occasions and the occasion's word: space and at
#: most one word ("for each state dinner").
_OCCASION_NEXT = re.compile(r"\s+(?:[^\W\d_][\w-]*\s+)?")
#: Words after a verb of saying within which a time or place is the saying's ("said on Friday").
_SAID_REACH = 2
#: A quotation covering this share of its sentence is a statement even with no verb of saying.
_STATEMENT_SHARE = 0.6
#: Characters around a trigger within which a talks format belongs to it.
_FORMAT_REACH = 40
_QUOTED_CONFIDENCE, _CONFIDENCE = 0.6, 0.8


@dataclass
class _Context:
    """One report as the passes see it, and what they have found so far."""

    report: Report
    lang: LanguageKnowledge
    words: EventWords
    sentences: list[Sentence]
    quotes: list[QuoteSpan]
    times: list[TimeExpression]
    finder: ActorFinder
    per_sentence: list[tuple[Sentence, list[ActorMention]]]
    discourse: Discourse
    found: dict[str, dict[int, list[Match]]]
    mentions: list[Mention] = field(default_factory=list)
    quote_speaker: dict[int, str | None] = field(default_factory=dict)
    unclaimed: list[int] = field(default_factory=list)  # quotations no trigger claims
    addressed: set[int] = field(default_factory=set)  # of those, said to the other principal
    scare_quotes: set[int] = field(default_factory=set)
    speech_order: list[tuple[int, str]] = field(default_factory=list)  # (offset, speaker)
    last_mention: Mention | None = None
    waiting: tuple[int, list[str]] | None = None  # participants after a cancelled meeting
    # sentences without a trigger naming a call word and a duration ("The first major
    # conversation ... took place on February 12, lasting an hour and a half")
    call_spans: list[tuple[Sentence, TimeExpression, list[TimeExpression]]] = field(
        default_factory=list
    )
    #: where the days stand that date only the noun their clause describes (``_note_aside_days``)
    aside_days: set[int] = field(default_factory=set)
    #: the place of the report's dateline (where it was filed) and where its name stands
    filed_in: Place | None = None
    filed_at: tuple[int, int] | None = None
    #: the paragraphs that print a programme's items (``statements.programme_lines``)
    programme: dict[int, TimeExpression | None] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.report.text

    @property
    def year(self) -> int | None:
        """The year the report was published in, if it says."""
        return self.report.published.year if self.report.published else None

    @property
    def month(self) -> int | None:
        """The month the report was published in, if it says."""
        return self.report.published.month if self.report.published else None

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def line_starts(self) -> dict[int, int]:
        """Where each paragraph (line) begins: the start of its first sentence."""
        starts: dict[int, int] = {}
        for s in self.sentences:
            starts.setdefault(s.paragraph, s.start)
        return starts

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds ``offset``."""
        i = bisect_right(self.sentence_starts, offset) - 1
        return self.sentences[i] if i >= 0 else None

    def hits(self, lexicon: str, sentence: Sentence) -> list[Match]:
        return self.found[lexicon].get(sentence.index, [])

    def quoted(self, offset: int, start: int, end: int) -> QuoteSpan | None:
        return inside(self.quotes, offset + start, offset + end)


@dataclass(frozen=True)
class _Relative:
    """A time expression with offsets relative to its sentence (text offsets in ``expr``)."""

    expr: TimeExpression
    offset: int

    @property
    def start(self) -> int:
        return self.expr.start - self.offset

    @property
    def end(self) -> int:
        return self.expr.end - self.offset


@dataclass
class _View:
    """What one sentence offers to the mentions found in it."""

    sentence: Sentence
    actors: list[ActorMention]
    quotes: list[QuoteSpan]
    times: list[TimeExpression]
    triggers: list[Match]
    breaks: list[Match]
    formats: list[Match]
    #: the sequence cues of the sentence (outside quotations)
    cues: list[Match]
    #: the stretches that list three or more people (``_lists``): their commas bound no clause
    lists: tuple[tuple[int, int], ...]
    speech: list[Match]
    named: list[str]
    places: list[PlaceMention]
    speakers: dict[int, str | None] = field(default_factory=dict)
    clauses: dict[int, tuple[int, int]] = field(default_factory=dict)  # trigger start -> clause
    labels: dict[int, str] = field(default_factory=dict)  # trigger start -> event type
    #: relative clauses after a comma: (start, end, where the comma stands)
    relatives: list[tuple[int, int, int]] = field(default_factory=list)
    #: phrases of the time since which ("seit dem Gipfel in Bali") and lists of examples
    #: ("darunter ein Vorhaben in Thailand"): (start, end)
    sinces: list[tuple[int, int]] = field(default_factory=list)
    #: people named as the source of what the sentence says ("Peskov said", "according to")
    sources: set[str] = field(default_factory=set)
    #: a name and a photo caption's word of where its person stands ("Scholz, left,"): (start,
    #: end after the closing comma)
    captions: tuple[tuple[int, int], ...] = ()
    #: names in apposition between two commas ("mit dem Präsidenten der USA, Donald Trump,
    #: abhalten wird"): (the opening comma, end after the closing comma)
    appositions: tuple[tuple[int, int], ...] = ()
    #: where the words of journeys called off start (``_called_off``): cancelled, whatever
    #: verb calls them off ("had to scrap his trip")
    called_off: frozenset[int] = frozenset()

    @property
    def order_cue(self) -> str | None:
        """The label of the sentence's first sequence cue that places it ('first', 'after');
        a cue of what comes before another item ('before') places none."""
        return next((c.label for c in self.cues if c.label in ("first", "after")), None)

    def attached(self, trig: Match, start: int, end: int) -> bool:
        """Whether ``[start, end)`` (sentence offsets) may belong to ``trig``: it stands in the
        trigger's own clause, or in no clause of a trigger of another type in the sentence."""
        if self.bounds_only(trig, start, end) or self._reported(trig, start):
            return False
        lo, hi = self.clauses[trig.start]
        if lo <= start and end <= hi:
            return True
        if any(self._describes_another(trig, r, start, end) for r in self.relatives):
            return False
        return not any(
            a <= start and end <= b
            for other, (a, b) in self.clauses.items()
            if self.labels[other] != trig.label and not (a <= trig.start < b)
        )

    def _reported(self, trig: Match, start: int) -> bool:
        """Whether what starts at ``start`` lies in what a verb of saying after the trigger
        reports ("Speaking to reporters, Scholz said he was encouraged by the Senate's move on
        Thursday"), not next to the verb, where the saying's own time stands ("said Friday")."""
        return any(
            trig.end <= s.start
            and s.end <= start
            and len(self.sentence.text[s.end : start].split()) > _SAID_REACH
            for s in self.speech
        )

    def bounds_only(self, trig: Match, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies in a phrase of the time since which, or a list of
        examples, that does not hold the trigger: "the first meeting since the summit in Bali"
        is not in Bali, "signed 50 agreements, including one on a plant in Angola" not in
        Angola."""
        return any(a <= start and end <= b and not a <= trig.start < b for a, b in self.sinces)

    def _describes_another(
        self, trig: Match, relative: tuple[int, int, int], start: int, end: int
    ) -> bool:
        """Whether ``[start, end)`` lies in a relative clause about another noun than the
        trigger's: one that does not follow the trigger (a word may stand between: "the talks
        in Geneva, which lasted")."""
        a, b, comma = relative
        if not (a <= start and end <= b) or a <= trig.start < b:
            return False
        between = self.sentence.text[trig.end : comma].split()
        return not (trig.end <= comma and len(between) <= 2)

    def own(self, trig: Match, start: int, end: int) -> bool:
        lo, hi = self.clauses[trig.start]
        return lo <= start and end <= hi

    @property
    def offset(self) -> int:
        return self.sentence.start


def _phrases(text: str, openers: list[Match], bounds: list[Match]) -> list[tuple[int, int]]:
    """The phrases ``openers`` open, each to the end of its clause."""
    return [(m.start, clause(text, m.start, m.end, bounds)[1]) for m in openers]


def _context(report: Report, knowledge: Knowledge) -> _Context:
    lang = knowledge.language(report.language)
    words = event_words(lang)
    text = report.text
    sentences = split_sentences(text, lang)
    on = report.published.date() if report.published else None
    finder = ActorFinder(lang, on=on, text=text)
    spans = [(s.start, s.end) for s in sentences]
    per_sentence = list(zip(sentences, finder.find_sentences(text, spans), strict=True))
    found = {name: by_sentence(getattr(words, name).find(text), sentences) for name in _LEXICONS}
    filed = dateline_span(text, knowledge)  # the day of filing dates no event
    filed_in = dateline(text, knowledge)  # where it was filed: no place named for its summit
    times = [
        t
        for t in find_temporal(text, report.language, knowledge=knowledge)
        if not (filed and filed[0] <= t.start < filed[1])
    ]
    return _Context(
        report=report,
        filed_in=filed_in[0] if filed_in else None,
        filed_at=filed_in[1] if filed_in else None,
        lang=lang,
        words=words,
        sentences=sentences,
        quotes=find_quotes(text),
        times=times,
        finder=finder,
        per_sentence=per_sentence,
        discourse=Discourse(principals(per_sentence, gazetteers_for(knowledge).spouses)),
        found=found,
        programme=programme_lines(sentences, times, words.programme_heading),
    )


#: Words between a name and a verb of saying after it ("Peskov said"), and between the verb and
#: a name after it ("said Kremlin spokesman Peskov", "according to Peskov").
_SPEAKER_BEFORE, _SPEAKER_AFTER = 1, 2


def _says(
    text: str,
    actor: ActorMention,
    speech: list[Match],
    naming: list[Match],
    possessors: list[ActorMention],
) -> bool:
    """Whether the name's bearer is the source of what the sentence says: a verb of saying
    right after the name ("Peskov said"), or one of ``naming`` before it, after which the
    speaker is named (lexicon key ``speaker_after``: "said Peskov", not "told Erdogan"; and
    the prepositions of a source, key ``source_prepositions``: "laut Peskow", "nach Angaben
    von Kremlsprecher Peskow", which are not in ``speech``: "Putin und Lukaschenko treffen
    sich laut Peskow" names no Lukaschenko as source). A name in the genitive before the
    speaker's title is no word between ("sagte Putins außenpolitischer Berater Uschakow")."""
    before = any(
        actor.end <= s.start and _next_to(text[actor.end : s.start], _SPEAKER_BEFORE)
        for s in speech
    )
    return before or any(
        s.end <= actor.start
        and _next_to(_without(text, s.end, actor.start, possessors), _SPEAKER_AFTER)
        for s in naming
    )


def _without(text: str, start: int, end: int, names: list[ActorMention]) -> str:
    """``text[start:end]`` without the names that lie wholly inside it."""
    inside = [(a.start, a.end) for a in names if start <= a.start and a.end <= end]
    for lo, hi in sorted(inside, reverse=True):
        text = text[:lo] + text[hi:]
        end -= hi - lo
    return text[start:end]


def _next_to(between: str, words: int) -> bool:
    """Whether ``between`` is at most ``words`` words, with no punctuation that parts them."""
    return len(between.split()) <= words and not any(c in between for c in ",;:()")


def _joins_names(text: str, word: Match, ends: set[int], starts: set[int]) -> bool:
    """Whether the break word stands between two names, with only spaces around it."""
    before = text[: word.start].rstrip()
    after = len(text) - len(text[word.end :].lstrip())
    return len(before) in ends and after in starts and after > word.end


#: Words at most between two people of one list ("Pompeo, dem Sicherheitsberater John Bolton",
#: "Macron of France, Prime Minister Rishi Sunak").
_LIST_GAP = 6
#: Words at most of an apposition between a speaker and the verb of saying ("Anna Berg, the
#: ministry's spokeswoman for trade, told reporters").
_APPOSITION_WORDS = 8
#: Words at most between a word of ``other_event`` and the event's word ("after his bilateral
#: meeting", "nach dem ersten Treffen").
_OTHER_EVENT_WORDS = 2
#: Words from a meeting's word to a group met (``_meets_group``): all, and after its link.
_GROUP_REACH, _GROUP_ARTICLE = 5, 2


def _list_gap(ctx: _Context, text: str, a: ActorMention, b: ActorMention) -> str | None:
    """The text between two people named one after the other if it may part two names of one
    list (a comma or a coordinator and a few words of title, no other clause mark); else
    None."""
    gap = text[a.end : b.start]
    listed = (
        b.start >= a.end
        and ctx.words.joins.match(gap.lstrip()) is not None
        and len(gap.split()) <= _LIST_GAP
        and not any(c in gap for c in ";:()")
    )
    return gap if listed else None


def _lists(
    ctx: _Context, text: str, actors: list[ActorMention], triggers: list[Match]
) -> tuple[tuple[int, int], ...]:
    """The stretches of a sentence that list three or more people, from the first name to the
    last ("mit US-Außenminister Mike Pompeo, dem Sicherheitsberater John Bolton und Vizepräsident
    Mike Pence"): names parted by a comma or a coordinator and a few words of title, with a
    coordinator before the last and no trigger between."""
    people = sorted((a for a in actors if a.kind in PERSON_KINDS), key=lambda a: a.start)
    starts = sorted(t.start for t in triggers)
    found: list[tuple[int, int]] = []
    run: list[ActorMention] = []
    commas = 0

    def close() -> None:
        # three or more names, a comma between two of them, a coordinator before the last
        if len(run) < 3 or not commas:
            return
        last = text[run[-2].end : run[-1].start]
        if any(j.group() != "," for j in ctx.words.joins.finditer(last)):
            found.append((run[0].start, run[-1].end))

    for a, b in pairwise(people):
        gap = _list_gap(ctx, text, a, b)
        if gap is None or bisect_left(starts, a.end) != bisect_left(starts, b.start):
            close()
            run, commas = [], 0
            continue
        if not run:
            run = [a]
        run.append(b)
        commas += gap.lstrip().startswith(",")
    close()
    return tuple(found)


#: Words at most between a person named in the genitive and the person they possess.
_POSSESSED_REACH = 3


def _possessors(
    ctx: _Context, text: str, actors: list[ActorMention], triggers: list[Match]
) -> set[int]:
    """The starts of the people named in the genitive who only say whose the next person named
    is ("Trump's deputy JD Vance", "Putins Sprecher Dmitri Peskow"): no party to what the
    sentence tells. Not where a trigger stands between ("Trump's meeting with Putin")."""
    starts = sorted(t.start for t in triggers)
    genitives = genitive_endings(ctx.lang.knowledge)
    found = set()
    for a, b in pairwise(sorted(actors, key=lambda x: x.start)):
        if a.kind != "person" or b.kind != "person" or not a.text.endswith(genitives):
            continue
        between = text[a.end : b.start]
        if b.start < a.end or len(between.split()) > _POSSESSED_REACH:
            continue
        trigger_between = bisect_left(starts, a.end) < bisect_left(starts, b.start)
        if not ctx.words.joins.search(between) and not trigger_between:
            found.add(a.start)
    return found


#: Words that may stand between a verb of welcoming and the thing it takes as its object
#: ("begrüßte der Minister die Entscheidung", "welcomed Norway's move").
_THING_REACH = 3
#: What bounds the clause a verb of welcoming takes its object in.
_THING_BOUNDS = ",;:.()–—"
#: What stands between an owner's name and the thing it owns: a possessive ending, if any.
_POSSESSIVE_GAP = re.compile(r"(?:['’]s?|s)?\s+")


def _takes_thing(ctx: _Context, text: str, actors: list[ActorMention], trig: Match) -> bool:
    """Whether the trigger is a verb of welcoming (lexicon key ``thing_objects``, ``verbs``)
    whose object is a thing, not a guest (``things``: a decision, a move, an agreement): one
    of them at most ``_THING_REACH`` words after it in its clause, or before it ("die
    Vereinbarung begrüßt", "the decision was welcomed"), with no person named between but
    the thing's owner right before it (``_owner``) or the subject after the verb
    (``_subject_after_verb``). Such a verb tells no arrival ("Merkel welcomed Norway's move",
    "Scholz begrüßte die jüngste Vereinbarung", "welcomed Lula's decision"); "welcomed Modi
    and his plans" names the guest first. A trigger that is the
    verb and the capitalised word after it ("welcome {Name}") is read from the verb's end: the
    word may be the thing's owner ("welcome Norway's decision")."""
    verbs = ctx.words.thing_verbs.find(trig.text)
    verb = next((m for m in verbs if m.start == 0 and _verb_alone(trig.text[m.end :])), None)
    if verb is None:
        return False
    trig_end = trig.start + verb.end
    lo = max(text.rfind(ch, 0, trig.start) for ch in _THING_BOUNDS) + 1
    ends = [i for i in (text.find(ch, trig.end) for ch in _THING_BOUNDS) if i >= 0]
    hi = min(ends, default=len(text))
    people = [a for a in actors if a.kind in PERSON_KINDS]
    for m in ctx.words.things.find(text[lo:hi]):
        start, end = m.start + lo, m.end + lo
        if trig.start < end and start < trig_end:
            continue
        gap = (trig_end, start) if start >= trig_end else (end, trig.start)
        if len(text[gap[0] : gap[1]].split()) > _THING_REACH:
            continue
        if not any(
            gap[0] <= a.start < gap[1]
            and not _owner(text, a, start)
            and not _subject_after_verb(ctx, text, a, trig_end, start)
            for a in people
        ):
            return True
    return False


def _subject_after_verb(
    ctx: _Context, text: str, person: ActorMention, verb_end: int, thing: int
) -> bool:
    """Whether ``person`` stands right after the verb and right before the thing's phrase,
    which one word of ``thing_objects.determiners`` opens: the subject that follows the verb
    (German word order after an opening phrase), who welcomes the thing ("Am Mittwoch
    begrüßte Lula die Unterstützung Norwegens"), not a guest. A guest and a thing the verb
    takes both stand apart by a word that links them ("begrüßte Modi und seine Pläne",
    "begrüßte Modi nach der Einigung")."""
    if text[verb_end : person.start].strip():
        return False
    word = text[person.end : thing].strip()
    if len(word.split()) != 1:
        return False
    return any(m.start == 0 and m.end == len(word) for m in ctx.words.thing_determiners.find(word))


def _owner(text: str, person: ActorMention, thing: int) -> bool:
    """Whether ``person`` stands right before the thing that starts at ``thing``, with at most
    a possessive ending between: the thing's owner, not a guest ("welcomed Lula's decision",
    "begrüßte Lulas Entscheidung")."""
    return bool(_POSSESSIVE_GAP.fullmatch(text[person.end : thing]))


def _verb_alone(rest: str) -> bool:
    """Whether what a trigger holds after its verb of welcoming is nothing or one capitalised
    word (the name a "welcome {Name}" entry takes), not a noun of its own ("welcoming
    ceremony")."""
    rest = rest.strip()
    return not rest or (len(rest.split()) == 1 and rest[0].isupper())


def _ordered(view: _View, trig: Match) -> bool:
    """Whether a sequence cue stands in the trigger's own clause ("a joint press conference is
    planned afterwards"), not in the clause that tells of it ("Afterwards, Trump said ..."), or
    at one of its edges with nothing but a comma between: a cue that opens the clause ("Later,
    the crown prince will host a dinner"; not with a word of speaking before the trigger:
    "Later, Trump said he would call Putin" orders the saying) or the break word that ends it
    and sets it beside the next item ("a lunch is planned after the talks", "will have tea
    before talking")."""
    left, right = view.clauses.get(trig.start, (trig.start, trig.end))
    text = view.sentence.text

    def opens(c: Match) -> bool:
        return (
            c.start < left
            and _EDGE_GAP.fullmatch(text[min(c.end, left) : left]) is not None
            and not any(c.end <= s.start < trig.start for s in view.speech)
        )

    return any(
        left <= c.start < right
        or opens(c)
        or (c.start >= right and _EDGE_GAP.fullmatch(text[right : c.start]) is not None)
        for c in view.cues
    )


#: What may stand between a sequence cue and the clause it opens or ends: spaces and a comma.
_EDGE_GAP = re.compile(r"[\s,]*")


def _placeless(ctx: _Context, trigger: Match) -> bool:
    """Whether ``trigger`` tells an event held at no place (``place: none`` in the ontology, a
    call): a container word covering it ("Videogipfel": the call word against the container
    "*gipfel", a summit as a whole) does not drop it, as "video summit" in two words keeps its
    call word before the container "summit"; an event at no place contains none."""
    return ctx.lang.knowledge.event_type(trigger.label).place == "none"


def _called_off(
    ctx: _Context, sentence: Sentence, containers: list[Match]
) -> list[tuple[Match, str]]:
    """The container words of a journey as a whole (``journeys``: "visit", "trip", "Besuch")
    with a word of calling off in their own clause, each with the event type it then tells
    ("Lula cancelled his trip to Chile", "had to scrap his trip", "der Besuch wurde
    abgesagt"): no stop is held in a journey called off, so the journey itself is the event (a
    visit, cancelled). Only the clause between commas, not the span over them: "began his state
    visit, having cancelled a trip to Chile" calls off the trip, not the state visit; and only
    where no word of another event stands in that clause, which the calling off may be of ("on
    his trip to Asia he cancelled a meeting with Kishida", "bei seinem Besuch wurde die
    Pressekonferenz abgesagt"). Not a journey put off to a later day (``journey_putting_off``:
    "having postponed a trip to Chile", "der Besuch wurde verschoben"), which is made up later
    (the visit as a whole), nor one whose clause denies the calling off ("did not cancel his
    trip"). Not in a quotation."""
    text = sentence.text
    breaks = ctx.hits("clause_breaks", sentence)
    triggers = ctx.hits("triggers", sentence)
    words = ctx.words
    called = []
    for c in containers:
        journey = words.journeys.find(c.text)
        if not journey or ctx.quoted(sentence.start, c.start, c.end):
            continue
        lo, hi = clause(text, c.start, c.end, breaks)
        part = text[lo:hi]
        if any(lo <= t.start < hi and not c.start <= t.start < c.end for t in triggers):
            continue
        putting_off = words.journey_putting_off.find(part)
        calling_off = [
            m
            for m in [*words.cancelled.find(part), *words.journey_cancelling.find(part)]
            if not any(p.start <= m.start < p.end for p in putting_off)
        ]
        if calling_off and not negated(words, part):
            called.append((c, journey[0].label))
    return called


def _view(ctx: _Context, sentence: Sentence, actors: list[ActorMention]) -> _View:
    offset = sentence.start
    containers = ctx.hits("container", sentence)
    # a journey as a whole called off ("cancelled his trip to Chile", "der Besuch wurde
    # abgesagt") holds no stops: its word tells the visit, which its clause makes cancelled
    called_off = _called_off(ctx, sentence, containers)
    containers = [c for c in containers if all(c != o for o, _ in called_off)]
    # a phrase that holds a trigger word but tells no event ("Vorkehrungen getroffen")
    no_event = ctx.hits("no_event", sentence)
    cues = outside(ctx.hits("sequence", sentence), ctx.quotes, offset)
    named: list[str] = []
    speech = outside(ctx.hits("speech", sentence), ctx.quotes, offset)
    naming = [s for s in speech if ctx.words.speaker_after.find(s.text)]
    # prepositions of a source ("laut", "according to") name it after them only
    prepositions = outside(ctx.hits("source_prepositions", sentence), ctx.quotes, offset)
    at = {(p.start, p.end) for p in prepositions}
    saying = [s for s in speech if (s.start, s.end) not in at]
    sources: set[str] = set()
    triggers = [
        m
        for m in ctx.hits("triggers", sentence)
        if not any(
            c.start <= m.start < c.end and not (c in containers and _placeless(ctx, m))
            for c in [*containers, *no_event]
        )
    ]
    triggers = sorted(
        [
            *triggers,
            *(
                Match(c.start, c.end, label, c.entry, c.text)
                for c, label in called_off
                if not any(c.start <= t.start < c.end for t in triggers)
            ),
        ],
        key=lambda t: t.start,
    )
    # a verb of welcoming whose object is a thing, not a guest ("welcomed Norway's move",
    # "begrüßte der Minister die Entscheidung"): no arrival
    triggers = [t for t in triggers if not _takes_thing(ctx, sentence.text, actors, t)]
    # what is usual, not one event ("Es ist üblich, dass ...", "as he does whenever he
    # meets"): the triggers from the habitual word on to a semicolon; those before it stay
    habitual = outside(ctx.hits("habitual", sentence), ctx.quotes, offset)
    # a quantifier over occasions ("For each dinner, ...", "Bei jedem Treffen ..."): only where
    # an occasion's word follows it ("love for each other" quantifies none)
    habitual += [
        q
        for q in outside(ctx.hits("habitual_occasions", sentence), ctx.quotes, offset)
        if any(_OCCASION_NEXT.fullmatch(sentence.text[q.end : t.start]) for t in triggers)
    ]
    for h in habitual:
        stop = sentence.text.find(";", h.end)
        stop = len(sentence.text) if stop < 0 else stop
        triggers = [t for t in triggers if not h.start <= t.start < stop]
    # a word for both before a meeting word with a side after it ("ein gemeinsames Treffen mit
    # Vertretern aus Katar") names the one who holds it and that side, not the two principals
    actors = [a for a in actors if not _joint_with_side(ctx, sentence.text, a, triggers)]
    possessors = _possessors(ctx, sentence.text, actors, triggers)
    # names in the genitive, which may stand in a speaker's title ("Putins Berater")
    genitives = genitive_endings(ctx.lang.knowledge)
    possessing = [a for a in actors if a.kind in PERSON_KINDS and a.text.endswith(genitives)]
    for a in actors:
        if ctx.quoted(offset, a.start, a.end) or _names_a_meeting(ctx, sentence, a):
            continue
        if a.start in possessors:
            continue
        for name in ctx.discourse.resolve(a):
            if name and name not in named:
                named.append(name)
            if name and _says(sentence.text, a, saying, [*naming, *prepositions], possessing):
                sources.add(name)
    text = sentence.text
    breaks = [
        b
        for b in ctx.hits("clause_breaks", sentence)
        # "besuchte sie jedoch nicht": an adverb inside the clause, not a clause of its own
        if not ctx.words.clause_adverbs.find(b.text)
        or not text[: b.start].strip()
        or text[: b.start].rstrip()[-1] in ",;:–—-("
    ]
    # "Um 17 Uhr treten Scholz und Macron vor die Presse": "and" between two names joins
    # them in one clause; it parts no clause whose verb and time the event shares
    ends = {a.end for a in actors}
    starts = {a.start for a in actors}
    breaks = [b for b in breaks if not _joins_names(text, b, ends, starts)]
    # attachment stops at subordinate and relative clauses, not at "and" between phrases
    # (a break word inside a trigger, "before reporters", is no break)
    coordinators = ctx.words.coordinators
    bounds = [
        b
        for b in breaks
        if b.text.lower() not in coordinators
        and not any(t.start <= b.start < t.end for t in triggers)
    ]
    lists = _lists(ctx, sentence.text, actors, triggers)
    # a photo caption's word of where a person stands between commas ("Scholz, left, and Macron
    # lay a wreath") bounds no clause: the person is the clause's as the name alone would be
    captions = tuple(_caption_positions(ctx, sentence, actors))
    inserts = (*lists, *captions)
    return _View(
        called_off=frozenset(c.start for c, _ in called_off),
        captions=captions,
        appositions=_appositions(
            ctx,
            sentence.text,
            actors,
            [*ctx.hits("relative_openers", sentence), *breaks, *speech],
        ),
        relatives=_relatives(ctx, sentence, bounds),
        sinces=[
            *_phrases(sentence.text, ctx.hits("since", sentence), bounds),
            # examples that name an event are that event told ("will meet several leaders,
            # including Putin on Thursday")
            *(
                (a, b)
                for a, b in _phrases(sentence.text, ctx.hits("examples", sentence), bounds)
                if not any(a <= t.start < b for t in triggers)
            ),
        ],
        clauses={t.start: clause(sentence.text, t.start, t.end, bounds, inserts) for t in triggers},
        labels={t.start: t.label for t in triggers},
        sentence=sentence,
        actors=actors,
        quotes=[q for q in ctx.quotes if q.start < sentence.end and q.end > sentence.start],
        times=[t for t in ctx.times if sentence.start <= t.start < sentence.end],
        triggers=triggers,
        breaks=breaks,
        formats=ctx.hits("formats", sentence),
        cues=cues,
        lists=lists,
        speech=speech,
        named=named,
        sources=sources,
        # the far end of a journey is where its traveller arrives ("arrived on a night train
        # from Poland to Kyiv and will meet Zelensky"); a departure takes no destination
        places=[
            p
            for p in _view_places(ctx, sentence, triggers)
            if not ctx.quoted(offset, p.start, p.end)
        ],
    )


def _view_places(ctx: _Context, sentence: Sentence, triggers: list[Match]) -> list[PlaceMention]:
    """The places ``sentence`` names, with the far end of a span ("from Poland to Kyiv") only
    where the sentence tells a journey (a trigger of a type each traveller has of their own:
    an arrival, a visit, a departure): with none, a span names how far something reaches ("an
    audience from Washington to Pyongyang and beyond"), not where anything happens."""
    knowledge = ctx.lang.knowledge
    journey = any(knowledge.event_type(t.label).per_person for t in triggers)
    return find_places(sentence.text, ctx.lang, far_ends=journey)


def _appositions(
    ctx: _Context, text: str, actors: list[ActorMention], openers: list[Match]
) -> tuple[tuple[int, int], ...]:
    """In a language whose verb phrase frames its objects (setting ``verb_bracket``), the
    stretches from a comma to the next one that name a person and hold nothing but names
    (capitalised words, up to ``_APPOSITION_WORDS``) and the coordinators that join them:
    names in apposition to the noun before them ("wird ... ein Treffen mit dem Präsidenten der
    Vereinigten Staaten, Donald Trump, abhalten", "werde mit den Regierungschefs, Albanese und
    Ardern, zusammenkommen"). They are no clause: the clause runs on over them to the verb
    that closes the frame; not where a clause of its own opens after them (``openers``: a
    relative pronoun, a break word, a verb of saying: "traf den Präsidenten, Emmanuel Macron,
    der am Dienstag weiterreist")."""
    if not ctx.lang.settings.get("verb_bracket"):
        return ()  # the auxiliary and its verb stand together: no names stand between them
    coordinators = ctx.words.coordinators
    opening_at = {m.start for m in openers}
    found: list[tuple[int, int]] = []
    for a in sorted((a for a in actors if a.kind in PERSON_KINDS), key=lambda a: a.start):
        opening = text.rfind(",", 0, a.start)
        closing = text.find(",", a.end)
        if opening < 0 or closing < 0 or (found and found[-1][0] == opening):
            continue
        words = text[opening + 1 : closing].split()
        rest = text[closing + 1 :]
        if rest.strip() and len(text) - len(rest.lstrip()) in opening_at:
            continue  # a clause of its own opens after the names
        if len(words) <= _APPOSITION_WORDS and all(
            w[:1].isupper() or w.lower() in coordinators for w in words
        ):
            found.append((opening, closing + 1))
    return tuple(found)


#: Words at most in names in apposition ("Anthony Albanese und Jacinda Ardern").
_APPOSITION_WORDS = 6


def _caption_positions(
    ctx: _Context, sentence: Sentence, actors: list[ActorMention]
) -> list[tuple[int, int]]:
    """The stretches of a photo caption from a person's name to the comma that closes the word
    of where that person stands (lexicon key ``caption_positions``: "Scholz, left, and Macron",
    "Scholz, second from right, is welcomed by ..."): their commas bound no clause."""
    text = sentence.text
    starts = {a.end: a.start for a in actors if a.kind in PERSON_KINDS}  # name end -> start
    found = []
    for m in ctx.hits("caption_positions", sentence):
        before = text[: m.start].rstrip()
        name_end = len(before[:-1].rstrip())
        if before.endswith(",") and name_end in starts and text.startswith(",", m.end):
            found.append((starts[name_end], m.end + 1))
    return found


def _relatives(
    ctx: _Context, sentence: Sentence, bounds: list[Match]
) -> list[tuple[int, int, int]]:
    """The relative clauses of the sentence that open after a comma: (start, end, comma)."""
    text = sentence.text
    found = []
    for m in ctx.hits("relative_openers", sentence):
        before = text[: m.start].rstrip()
        if before.endswith(","):
            lo, hi = clause(text, m.start, m.end, bounds)
            found.append((lo, hi, len(before) - 1))
    return found


def _names_a_meeting(ctx: _Context, sentence: Sentence, actor: ActorMention) -> bool:
    """Whether a group names a meeting, not a party to it ("G20-Gipfel", "the G20 summit",
    "beim G20-Treffen"): a container word, or a trigger of the meeting itself, continues its
    compound or follows it directly."""
    if actor.kind != "group":
        return False
    window = sentence.text[actor.start : actor.end + 40]
    glued = window.replace("-", " ")  # "G20-Gipfel": the compound's parts as words
    types = ctx.lang.knowledge.types
    meetings = [
        hit
        for hit in ctx.words.triggers.find(glued)
        if hit.label in types and types[hit.label].meeting
    ]
    return any(
        hit.start <= len(actor.text) + 1
        for hit in [*ctx.words.container.find(glued), *meetings]
        if hit.start
    )


def _joint_with_side(ctx: _Context, text: str, actor: ActorMention, triggers: list[Match]) -> bool:
    """Whether a word for both stands right before a meeting word that a word of
    ``separate_with`` follows right after ("ein gemeinsames Treffen mit Vertretern aus Katar",
    "a joint meeting with representatives from Italy"): it tells the meeting as held together
    with the side named after it, by whoever the clause names, not as the report's two
    principals' own. Not an event of speaking: "a joint press conference with Tusk" is told by
    the two who speak at it, as the principals of a report about them are."""
    if actor.kind != "joint":
        return False
    types = ctx.lang.knowledge.types
    for t in triggers:
        if t.start < actor.end or text[actor.end : t.start].strip():
            continue
        if t.label not in types or not types[t.label].meeting:
            return False
        after = text[t.end : t.end + _REFERENCE_REACH]
        return any(
            m.start > 0 and not after[: m.start].strip()
            for m in ctx.words.separate_with.find(after)
        )
    return False


def _find_speakers(ctx: _Context, view: _View) -> None:
    """Speakers of the quotations that open in this sentence; titles in quotes are not speech.

    A quotation that opens a sentence and runs on past it is the next sentences' until the one
    where it closes, whose words outside it tell who spoke ("“We have to approve a roadmap. It
    will be a document on the accords,” he said in a press conference"): ``_deferred_to``."""
    sentence = view.sentence
    for q in view.quotes:
        qi = ctx.quotes.index(q)
        if q.start < sentence.start:
            if _deferred_to(ctx, q) is not sentence:
                continue
        elif _deferred_to(ctx, q) is not None:
            continue
        speaker, named_here = speaker_of(
            q, sentence, view.actors, ctx.finder, ctx.discourse, ctx.quotes
        )
        covers = (q.end - q.start) >= _STATEMENT_SHARE * (sentence.end - sentence.start)
        if named_here or covers or view.speech:
            view.speakers[qi] = speaker
        else:
            view.speakers[qi] = None
            ctx.scare_quotes.add(qi)


def _deferred_to(ctx: _Context, quote: QuoteSpan) -> Sentence | None:
    """The later sentence ``quote`` closes in, if it opens its own sentence and that later one
    tells, outside quotations, an event of speaking (a type that is ``spoken``) or whom the
    words were said to (a word of ``addressee_before``: "“... You have my full support,” Scholz
    told Sánchez")."""
    opening, closing = ctx.sentence_at(quote.start), ctx.sentence_at(quote.end - 1)
    if opening is None or closing is None or closing is opening:
        return None
    if ctx.text[opening.start : quote.start].strip():
        return None
    types = ctx.lang.knowledge.types
    spoken = any(
        (kind := types.get(t.label)) is not None and kind.spoken
        for t in outside(ctx.hits("triggers", closing), ctx.quotes, closing.start)
    )
    # or it names, outside quotations, whom the words were said to ("..., Scholz told Sánchez")
    told = any(
        not inside(ctx.quotes, closing.start + hit.start, closing.start + hit.end)
        for hit in ctx.words.addressee_before.find(closing.text)
    )
    return closing if spoken or told else None


def _unquoted(ctx: _Context, view: _View) -> str:
    """The sentence with its quotations blanked: their words are not the reporter's cues."""
    chars = list(view.sentence.text)
    for q in view.quotes:
        lo, hi = max(q.start - view.offset, 0), min(q.end - view.offset, len(chars))
        chars[lo:hi] = " " * max(hi - lo, 0)
    return "".join(chars)


def _trigger_status(
    ctx: _Context, view: _View, trig: Match, quote: QuoteSpan | None
) -> tuple[str | None, str]:
    """The status the trigger's clause gives, and the clause itself ("'We cancelled the
    meeting,' Trump told reporters": the quotation's words do not cancel the statement)."""
    s_text = view.sentence.text if quote else _unquoted(ctx, view)
    kind = ctx.lang.knowledge.event_type(trig.label)
    if quote:
        clause_text = wider = ctx.text[quote.inner_start : quote.inner_end]
        found = status(ctx.words, kind, clause_text, wider, clause_text, trig.text)
    else:
        # (names in apposition between commas part no clause: "wird mit dem Präsidenten, Donald
        # Trump, zusammenkommen" is one clause, its auxiliary the trigger's)
        inserts = (*view.lists, *view.appositions)
        c_start, c_end = clause(s_text, trig.start, trig.end, view.breaks, inserts)
        clause_text = s_text[c_start:c_end]
        lo = c_start  # where the clause whose cues tell the status begins
        w_start, w_end = clause(s_text, trig.start, trig.end, [], inserts)
        wider = s_text[w_start:w_end]
        if ctx.words.announcing.find(s_text[: trig.start]):
            wider = s_text[:w_end]
        elif w_start > 0 and _opens_purpose(ctx.words, s_text[w_start : trig.start]):
            # "wird er sich in den Palazzo Chigi begeben, um Meloni zu treffen": a purpose
            # clause is as far ahead as the clause it serves
            lead, _ = clause(s_text, w_start - 1, w_start, [], view.lists)
            wider = s_text[lead:w_end]
        elif s_text[w_start - 1 : w_start] == "," and _shares_verb(
            ctx.words, s_text[w_start:w_end]
        ):
            # "will visit the president, and have a meeting with the premier": a verb phrase
            # with no subject of its own shares the auxiliary of the clauses it follows
            wider = s_text[_verb_lead(ctx.words, s_text, w_start, view.lists) : w_end]
        elif s_text[w_start - 1 : w_start] == "," and _hangs_on(ctx.words, s_text[w_start:w_end]):
            # "stehen Gespräche auf dem Programm, gefolgt von einer Pressekonferenz": a phrase
            # with no verb of its own is as far ahead as the clause it hangs on
            lo = clause(s_text, w_start - 1, w_start, [], view.lists)[0]
            wider = s_text[lo:w_end]
        elif not s_text[:w_start].strip():
            wider += _main_lead(ctx.words, s_text, w_end)
        spoken = bool(ctx.words.speech.find(trig.text))
        if spoken:
            # "told reporters he would call": what follows a verb of saying is what was said
            wider = s_text[w_start : trig.end]
        elif ctx.words.present.find(trig.text) and wider.endswith(s_text[trig.end : w_end]):
            # "Netanyahu arrives at the White House and Trump says a deal will be reached": a
            # verb in the present tells its own event, a future in what is said after it is not
            # its own (a noun may be what is said about: "confirmed the meeting and noted that
            # the leaders will discuss")
            wider = wider[: len(wider) - (w_end - trig.end)] + _unsaid(
                ctx.words, s_text[trig.end : w_end]
            )
        around = span(s_text, trig.start, trig.end, view.breaks)
        # ("after" may open the clause of "after a long call": look before it too)
        before, after = s_text[: trig.start], s_text[trig.end : c_end]
        if spoken:
            # "told reporters he expected to meet": nor does a planning word in what was said
            after = ""
        # "the scheduled 30-minute meeting": the planning word governs the duration
        plans = any(
            t.kind == "duration" and t.planned and c_start <= t.start - view.offset < c_end
            for t in view.times
        )
        # "Das Treffen beginnt um 11 Uhr", "Am 14. Februar reist er nach Kiew": a clock time,
        # or a date after the day of writing, with the present tense is the programme
        today = ctx.report.written_on
        clocked = any(
            (t.time is not None or _after_writing(t, today)) and lo <= t.start - view.offset < c_end
            for t in view.times
        )
        # where the clause names a day after the day of writing, for the present progressive
        # ("is meeting ... on Wednesday"), which of the day of writing may tell what is under way
        later = tuple(
            t.start - view.offset - lo
            for t in view.times
            if _after_writing(t, today, later=True) and lo <= t.start - view.offset < c_end
        )
        # the last break word before the trigger ("after their meeting and deliver speeches"):
        # a preposition of time before it governs another phrase
        joined = max(
            (b.start for b in view.breaks if b.end <= trig.start),
            default=0,
        )
        found = status(
            ctx.words,
            kind,
            s_text[lo:c_end],
            wider,
            around,
            trig.text,
            before,
            after,
            plans,
            clocked,
            joined,
            later,
            _main_after(ctx, view, s_text, trig),
            _planned_around(ctx, s_text, trig),
            view.sentence.paragraph in ctx.programme,
        )
    if found is None:
        return None, clause_text
    if found == "occurred" and not quote and not reads_as_sentence(s_text):
        to = headline_plan(ctx.words, s_text[c_start : trig.start], trig.text)
        if to >= 0 and _only_subject(ctx, view, s_text, c_start, c_start + to):
            # "Putin to hold talks with Merkel in Sochi": a headline's infinitive is the plan
            found = "announced"
    if view.sentence.is_heading and not reads_as_sentence(s_text):
        # a headline tells in the present what happened and, with "to"/"soll", what was
        # planned: the body's telling of the event decides
        found = {"occurred": "unspecified", "announced": "topical"}.get(found, found)
    return found, clause_text


def _only_subject(ctx: _Context, view: _View, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (after a colon in it: "Summit: Putin, Xi to meet") names
    people and nothing else: one at least, and outside them only capitalised words, office
    titles ("UN chief", "president") and coordinators; a verb before the people's infinitive
    ("Trump urges Putin to meet Zelensky") makes it the object's, not a plan of the headline."""
    start = max(start, text.rfind(":", start, end) + 1)
    people = [
        a for a in view.actors if a.kind in PERSON_KINDS and start <= a.start and a.end <= end
    ]
    if not people:
        return False
    rest = list(text[start:end])
    for a in people:
        rest[a.start - start : a.end - start] = " " * (a.end - a.start)
    rest_text = "".join(rest)
    offices = ctx.lang.matcher("actors", "office_titles")
    covered = [(m.start, m.end) for m in offices.find(rest_text)]
    for w in _WORD.finditer(rest_text):
        if w.group()[0].isupper() or w.group().lower() in ctx.words.coordinators:
            continue
        if not any(lo <= w.start() < hi for lo, hi in covered):
            return False
    return True


def _unsaid(words: EventWords, text: str) -> str:
    """``text`` up to its first verb of saying: what follows one is what was said."""
    said = [m.start for m in words.speech.find(text)]
    return text[: min(said)] if said else text


def _main_after(ctx: _Context, view: _View, text: str, trig: Match) -> str:
    """The rest of the trigger's sentence after it in which the main clause may stand: up to a
    semicolon, a dash or the next break word other than a coordinator, and up to a verb of
    saying (what follows one was said: "After the talks, Putin said he will return"), its
    relative clauses blanked ("reist weiter nach Köln, wo er ... einweihen wird"); none where a
    verb of saying stands before the trigger ("told reporters after the meeting that ...") or
    the rest names a day of its own
    ("Nach einem Abendessen werden beide am Freitag zusammenkommen": another occasion, whose
    being ahead says nothing of the dinner's)."""
    stops = [i for i in (text.find(ch, trig.end) for ch in ";–—") if i >= 0]
    # ("the Danish and Chilean presidents will": a coordinator may join the main clause's subject)
    coordinators = ctx.words.coordinators
    stops.extend(
        b.start for b in view.breaks if b.start >= trig.end and b.text.lower() not in coordinators
    )
    end = min(stops, default=len(text))
    lead = max((text.rfind(ch, 0, trig.start) for ch in ";–—"), default=-1) + 1
    if ctx.words.speech.find(text[lead : trig.start]):
        return ""
    chars = list(text[:end])
    for _, hi, comma in view.relatives:
        if comma >= trig.end:
            chars[comma:hi] = " " * max(min(hi, end) - comma, 0)
    rest = "".join(chars)[trig.end :]
    said = ctx.words.speech.find(rest)
    if said:
        rest = rest[: min(m.start for m in said)]
    if any(
        t.kind in DAY_KINDS and trig.end <= t.start - view.offset < trig.end + len(rest)
        for t in view.times
    ):
        return ""
    return rest


def _planned_around(ctx: _Context, text: str, trig: Match) -> bool:
    """Whether a plan stands around the trigger in its clause between commas, however long the
    noun's phrase: an auxiliary (lexicon key ``frame_open``) and after it, and after the
    trigger, the planning word that closes the plan (``frame_close``: "Für Freitag war ein
    Treffen der Präsidentinnen mit den Bürgermeistern der beiden Hauptstädte geplant"), not one
    of a comparison ("länger als geplant")."""
    lead = max((text.rfind(ch, 0, trig.start) for ch in ",;:–—"), default=-1) + 1
    stops = [i for i in (text.find(ch, trig.end) for ch in ",;:–—") if i >= 0]
    part = text[lead : min(stops, default=len(text))]
    at = trig.start - lead
    exempt = ctx.words.announced_exempt.find(part)
    closers = [
        c
        for c in ctx.words.frame_close.find(part)
        if c.start >= at + len(trig.text) and not any(e.start <= c.start < e.end for e in exempt)
    ]
    return any(o.end <= c.start for o in ctx.words.frame_open.find(part) for c in closers)


def _after_writing(t: TimeExpression, today: dt.date | None, later: bool = False) -> bool:
    """Whether ``t`` names a day after the day of writing: a date after ``today``, or, where
    the report gives no day of writing, a relative day ahead of it ("morgen", "tomorrow") or a
    day of the week without its date ("Moon und Trump kommen am Donnerstag zusammen": with the
    present tense, the programme; "meets Zelensky on Tuesday, Sept. 23, 2025" may be a caption's
    present of what took place). A date without its year falls in the year of writing (or the
    one before) and, as "today" does, counts on the day of writing itself unless ``later``; with
    ``later``, a day of the week other than that of the day of writing counts as well ("is
    meeting Putin on Wednesday" in a report of Monday)."""
    if today is not None:
        if t.date is None:
            return (
                later and t.weekday is not None and not t.narrative and t.weekday != today.weekday()
            )
        if t.year_given:
            return t.date > today
        day = year_for(t.date.month, t.date.day, today)
        return day is not None and (day > today or (day == today and not later))
    if t.kind == "relative_day":
        return not t.narrative and (t.day_offset or 0) > 0
    return t.weekday is not None and t.date is None and not t.narrative


def _main_lead(words: EventWords, text: str, end: int) -> str:
    """The first word after a clause that opens the sentence and ends at ``end`` with a comma,
    when it is a future word (the finite verb of a German main clause comes right after the
    clause that opens the sentence): the opening clause is as far ahead as its main clause
    ("Was die beiden bei ihrem Treffen besprechen, wollen sie danach erklären"). A main clause
    that opens with another word ("..., danach sollen") is a clause of its own."""
    if not text[end:].startswith(","):
        return ""
    _, stop = clause(text, end + 1, end + 2, [])
    head = text[end:stop]
    first = len(head) - len(head[1:].lstrip())  # where the main clause's first word begins
    for m in [*words.announced.find(head), *words.announcing.find(head)]:
        if m.start == first:
            return head[: m.end]
    return ""


def _shares_verb(words: EventWords, text: str) -> bool:
    """Whether ``text`` (a clause after a comma) opens with a bare verb, after a word that
    continues the clause before it if any ("and have a meeting", "attend a dinner": lexicon
    keys ``continuation`` and ``bare_verbs``): a verb phrase with no subject or auxiliary of
    its own, which shares those of the clause before it."""
    head = text.lstrip()
    for m in words.continuation.find(head):
        if m.start == 0:
            head = head[m.end :].lstrip()
            break
    return any(m.start == 0 for m in words.bare_verbs.find(head))


def _verb_lead(words: EventWords, text: str, start: int, lists: tuple[tuple[int, int], ...]) -> int:
    """Where the clause begins whose subject and auxiliary the verb phrase at ``start``
    shares: the clause before its comma, and before that one's while it too is such a verb
    phrase ("will have tea, meet the ministers, and have a dinner")."""
    lead, _ = clause(text, start - 1, start, [], lists)
    while text[lead - 1 : lead] == "," and _shares_verb(words, text[lead:start]):
        start = lead
        lead, _ = clause(text, start - 1, start, [], lists)
    return lead


def _hangs_on(words: EventWords, text: str) -> bool:
    """Whether ``text`` (a clause after a comma) opens with a word that hangs a phrase with
    no verb of its own on the clause before it ("gefolgt von einer Pressekonferenz",
    "darunter ein Abendessen", "followed by a dinner": lexicon key ``appending``)."""
    first = len(text) - len(text.lstrip())
    return any(m.start == first for m in words.appending.find(text))


def _opens_purpose(words: EventWords, text: str) -> bool:
    """Whether ``text`` (a clause up to its trigger) opens with a word of purpose ("um ... zu",
    "in order to": lexicon key ``purpose_clause``)."""
    first = len(text) - len(text.lstrip())
    return any(m.start == first for m in words.purpose_clause.find(text))


def _travellers(ctx: _Context, view: _View, trig: Match) -> tuple[str, ...]:
    """For an arrival or departure: the people of the trigger's own clause (``_own_people``)
    but those named after a word of purpose in it, whom the journey is for (lexicon key
    ``purpose``: "arrived in Moscow for talks with Putin", "ist zu Gesprächen mit Biden
    eingetroffen"), unless that leaves no one."""
    who = _own_people(ctx, view, trig)
    text = view.sentence.text
    lo, hi = clause(text, trig.start, trig.end, [])
    cues = [m.start for m in ctx.hits("purpose", view.sentence) if lo <= m.start < hi]
    if not cues:
        return who
    first = min(cues)
    visited = {
        name
        for a in view.actors
        if first <= a.start < hi and a.end <= hi
        for name in ctx.discourse.resolve(a)
    }
    travellers = tuple(p for p in who if p not in visited)
    if not travellers and len(visited) == 1:
        # only the one visited is named ("Der Regierungschef ist in Kiew zu Gesprächen mit
        # Selenskyj eingetroffen"): the traveller is the report's other principal
        other = ctx.discourse.other_principal(next(iter(visited)))
        if other:
            return (other,)
    return travellers or who


def _in_next_predicate(ctx: _Context, view: _View, trig: Match, who: tuple[str, ...]) -> list[str]:
    """Of the travellers ``who``, those named only after a coordinator that follows the
    trigger and no name, and before a word in lower case and a meeting's trigger: it opens the
    next predicate of the same subject, what the traveller did there ("arrived in Moscow and
    will hold talks with Putin", "ist nach Minsk gereist und hat dort Lukaschenko getroffen"),
    which tells that meeting with them; they leave the arrival's people once all its sentences
    are merged, unless that leaves no one or another sentence names them as its own. A welcome
    told next ("gelandet und von Lee empfangen worden") is still the arrival's, and a
    coordinator right after a name or before one joins people ("was greeted by Putin and the
    foreign minister", "rolled out the red carpet for Donald and Melania Trump")."""
    coordinators = ctx.words.coordinators
    text = view.sentence.text
    _, hi = clause(text, trig.start, trig.end, [])
    types = ctx.lang.knowledge.types
    ends = {a.end for a in view.actors if a.kind in PERSON_KINDS}
    cut = min(
        (
            b.start
            for b in view.breaks
            if b.text.lower() in coordinators
            and trig.end <= b.start < hi
            and len(text[: b.start].rstrip(" ,")) not in ends
            and text[b.end :].lstrip()[:1].islower()
            and any(
                t.start >= b.end and t.label in types and types[t.label].meeting
                for t in view.triggers
            )
        ),
        default=None,
    )
    if cut is None:
        return []
    later = {name for a in view.actors if a.start >= cut for name in ctx.discourse.resolve(a)}
    earlier = {name for a in view.actors if a.start < cut for name in ctx.discourse.resolve(a)}
    out = [p for p in who if p in later and p not in earlier]
    return out if len(out) < len(who) else []


def _with_other_event(
    ctx: _Context, view: _View, trig: Match, who: tuple[str, ...], keep: int = 1
) -> list[str]:
    """Of the people ``who``, those named only with another event that a word of time heads
    (lexicon key ``other_event``: "after talks with Putin", "a day after meeting Putin", "Noch vor
    seinem Treffen mit Selenskij"): they take part in that event, not in the journey or meeting
    the trigger tells ("After meeting Putin, Modi flew to Tokyo": the flight is Modi's; "Nach
    einer Pressekonferenz mit Putin traf Modi Xi": the talks are Modi's and Xi's). The event's
    people are the name right after its word, or after a word of ``separate_with`` a few words
    on, and those a list with a coordinator joins to it; none where that leaves fewer than
    ``keep`` people."""
    text = view.sentence.text
    people = sorted(
        (a for a in view.actors if not ctx.quoted(view.offset, a.start, a.end)),
        key=lambda a: a.start,
    )
    spans: list[tuple[int, int]] = []
    for cue in ctx.hits("other_event", view.sentence):
        head = next(
            (
                t
                for t in sorted(view.triggers, key=lambda t: t.start)
                if t.start >= cue.end
                and len(text[cue.end : t.start].split()) <= _OTHER_EVENT_WORDS
                and not any(c in text[cue.end : t.start] for c in ",;:()")
            ),
            None,
        )
        if head is None or head.start <= trig.start < head.end:
            continue
        chain = _event_people(ctx, view, head, people)
        if chain:
            spans.append((cue.start, chain[-1].end))
    if not spans:
        return []
    inside, outside = _named_within(ctx, view, spans)
    out = [p for p in who if p in inside and p not in outside]
    return out if len(who) - len(out) >= keep else []


def _event_people(
    ctx: _Context, view: _View, head: Match, people: list[ActorMention]
) -> list[ActorMention]:
    """The people named with the event word ``head`` (``_with_other_event``)."""
    text = view.sentence.text
    starts = [t.start for t in view.triggers]
    after = [a for a in people if a.start >= head.end]
    if not after:
        return []
    first = after[0]
    gap = text[head.end : first.start]
    if gap.strip() and (
        len(gap.split()) > _LIST_GAP
        or any(c in gap for c in ",;:()")
        or any(head.end <= s < first.start for s in starts)
        or not ctx.words.separate_with.find(gap)
    ):
        return []
    chain, joined = [first], 1
    for a, b in pairwise(after):
        between = _list_gap(ctx, text, a, b)
        if between is None or any(a.end <= s < b.start for s in starts):
            break
        chain.append(b)
        if any(j.group() != "," for j in ctx.words.joins.finditer(between)):
            joined = len(chain)
    return chain[:joined]


def _own_people(ctx: _Context, view: _View, trig: Match) -> tuple[str, ...]:
    """For ``per_person`` types: the people named in the trigger's own clause, with a list of
    names the clause begins ("Scholz, Macron und Draghi waren ... gereist") and the name a
    relative clause of no names follows ("Scholz, who arrived in India, met Modi")."""
    text = view.sentence.text
    lo, hi = clause(text, trig.start, trig.end, [], view.captions)
    ends = {a.end: a.start for a in view.actors}
    starts = {a.start for a in view.actors}
    # a relative clause that names no one, right after a name, is that person's ("Scholz, who
    # arrived in India early today, met Modi"): it reaches back over the comma to the name
    named = any(lo <= a.start < hi for a in view.actors)
    relatives = set() if named else {m.start for m in ctx.hits("relative_openers", view.sentence)}
    while True:
        head = text[:lo].rstrip()
        first = lo + len(text[lo:]) - len(text[lo:].lstrip())  # where the clause's words begin
        if not head.endswith(",") or len(head) - 1 not in ends:
            break
        if first not in starts and first not in relatives:
            break
        lo = ends[len(head) - 1]
    return tuple(
        dict.fromkeys(
            name
            for a in view.actors
            if lo <= a.start < hi and not ctx.quoted(view.offset, a.start, a.end)
            for name in ctx.discourse.resolve(a)
        )
    )


def _joined_subjects(ctx: _Context, view: _View, subject: str) -> list[str]:
    """The people a coordinator joins to the subject who speaks, so that they speak with it
    ("Scholz and Biden held a press conference", "geben Scholz und Biden eine
    Pressekonferenz"): each next name after a coordinator and at most a few words of title."""
    text = view.sentence.text
    people = sorted(
        (
            a
            for a in view.actors
            if a.kind in PERSON_KINDS and not ctx.quoted(view.offset, a.start, a.end)
        ),
        key=lambda a: a.start,
    )
    joined: list[str] = []
    run = False
    for a, b in pairwise(people):
        if not run and subject not in ctx.discourse.resolve(a):
            continue
        gap = _list_gap(ctx, text, a, b)
        if gap is None or all(j.group() == "," for j in ctx.words.joins.finditer(gap)):
            if run:
                break
            continue
        run = True
        joined.extend(ctx.discourse.resolve(b))
    return joined


def _in_subordinates(ctx: _Context, view: _View, trig: Match) -> set[str]:
    """The people named outside the trigger's own clause, in a clause that a word of its own
    opens before or after it ("met King Charles on Monday after earlier dropping in to see
    Sunak", "Nachdem Scholz mit Duda gesprochen hatte, traf er Macron"): who takes part in what
    that clause tells, where the trigger's own clause names two people. Coordinators ("and",
    "but") open none: the people they join may share the meeting."""
    lo, hi = view.clauses[trig.start]
    coordinators = ctx.words.coordinators
    opens = [b for b in view.breaks if b.text.lower() not in coordinators]
    after = [b.start for b in opens if b.start >= hi]
    before = [b.start for b in opens if b.end <= lo]
    if not after and not before:
        return set()
    own = {
        name
        for a in view.actors
        if lo <= a.start and a.end <= hi
        for name in ctx.discourse.resolve(a)
        if a.kind in PERSON_KINDS | {"pronoun"}
    }
    if len(own) < 2:
        # the clause names no two people who meet: the others may be named elsewhere
        return set()
    elsewhere = {
        name
        for a in view.actors
        if (after and a.start >= min(after)) or (before and min(before) <= a.start < lo)
        for name in ctx.discourse.resolve(a)
    }
    return elsewhere - own


def _reported_spans(ctx: _Context, view: _View, trig: Match) -> list[tuple[int, int]]:
    """What a verb of saying reports in the sentence of a statement, where the statement is
    told beside it (lexicon key ``reporting_verbs``): from the verb to the end of the sentence
    when the statement's trigger comes first or is the verb itself ("Kishida told reporters
    that the two leaders reaffirmed ..."), or to the clause of a trigger told after it ("Abe
    said he had Trump's support to meet Kim, during a joint press conference"); none where
    the trigger stands after the verb in the verb's own clause."""
    text = view.sentence.text
    lo, _ = view.clauses[trig.start]
    spans = []
    for verb in ctx.hits("reporting", view.sentence):
        if ctx.quoted(view.offset, verb.start, verb.end):
            continue
        if verb.start >= trig.start or trig.start < verb.end:
            spans.append((verb.end, len(text)))
        elif lo >= verb.end:
            spans.append((verb.end, lo))
    return spans


def _within(spans: list[tuple[int, int]], actor: ActorMention) -> bool:
    return any(a <= actor.start and actor.end <= b for a, b in spans)


def _in_report(ctx: _Context, view: _View, spans: list[tuple[int, int]]) -> list[str]:
    """The people named only in what a verb of saying reports (``_reported_spans``): those
    the words are about, no party to the statement; not its speaker ("sagte Merkel, ...")."""
    inside, outside = _named_within(ctx, view, spans)
    return [n for n in inside - outside if n not in view.sources]


def _named_within(
    ctx: _Context, view: _View, spans: list[tuple[int, int]]
) -> tuple[set[str], set[str]]:
    """The people the sentence names (outside quotations) within ``spans``, and those it
    names elsewhere."""
    inside: set[str] = set()
    outside: set[str] = set()
    for a in view.actors:
        if ctx.quoted(view.offset, a.start, a.end):
            continue
        names = ctx.discourse.resolve(a)
        (inside if _within(spans, a) else outside).update(n for n in names if n)
    return inside, outside


def _outside_relatives(ctx: _Context, view: _View, trig: Match) -> list[str]:
    """For a journey whose own clause names no one: the sentence's people but those named only
    in a relative clause after a comma that does not hold the trigger, which tells of them, not
    of the journey ("Putin, der zuvor Gespräche mit Renzi geführt hatte, traf im Vatikan ein",
    "arrived in Kazan for the summit, which Putin hosts")."""
    clauses = [(a, b) for a, b, _ in view.relatives if not a <= trig.start < b]
    if not clauses:
        return []
    inside, outside = _named_within(ctx, view, clauses)
    return [n for n in view.named if n not in inside or n in outside]


def _set_actors(
    ctx: _Context,
    view: _View,
    mention: Mention,
    quote: QuoteSpan | None,
    who: tuple[str, ...],
    trig: Match,
) -> None:
    if quote:
        speaker = (
            view.speakers.get(ctx.quotes.index(quote))
            or speaker_of(quote, view.sentence, view.actors, ctx.finder, ctx.discourse, ctx.quotes)[
                0
            ]
        )
        mention.actors = [speaker] if speaker else []
        if mention.kind.counterpart:
            other = ctx.discourse.other_principal(speaker)
            if other:
                mention.actors.append(other)
        return
    mention.actors = list(who or view.named)
    officials = _officials_of(ctx, view, trig) if mention.kind.meeting and not who else None
    if officials:
        # a meeting whose own clause gives officials of countries as its sides ("talks between
        # the Russian and Ukrainian delegations took place in Paris, which were a test of
        # whether Putin ...") takes no one the sentence names outside that clause, nor (below)
        # the report's other principal beside one it names
        lo, hi = view.clauses[trig.start]
        mention.actors = list(
            dict.fromkeys(
                name
                for a in _person_actors(ctx, view, lo, hi, PERSON_KINDS | {"pronoun"})
                for name in ctx.discourse.resolve(a)
            )
        )
    if not who and mention.kind.per_person:
        kept = _outside_relatives(ctx, view, trig)
        if kept:
            mention.aside = [a for a in mention.actors if a not in kept]
    if who and mention.kind.per_person:
        mention.aside = _in_next_predicate(ctx, view, trig, who)
        mention.aside += [
            p for p in _with_other_event(ctx, view, trig, who) if p not in mention.aside
        ]
    if not who and (mention.kind.meeting or mention.kind.pairs or mention.kind.counterpart):
        elsewhere = _in_subordinates(ctx, view, trig)
        mention.aside = [a for a in mention.actors if a in elsewhere]
        if not mention.aside:
            mention.aside = _with_other_event(ctx, view, trig, tuple(mention.actors), keep=2)
    reported = _reported_spans(ctx, view, trig) if mention.kind.spoken else []
    if reported:
        mention.aside = _in_report(ctx, view, reported)
    if mention.kind.spoken:
        if not mention.actors and _says_they(ctx, view):
            mention.actors = list(ctx.discourse.together)
        mention.subjects = _speakers(ctx, view, mention, trig, reported)
    if mention.kind.meeting or mention.kind.pairs or mention.kind.counterpart:
        # who reports on a meeting, a call or an invitation is no party to it, unless the
        # report is about them
        principals = set(ctx.discourse.principals)
        mention.actors = [a for a in mention.actors if a in principals or a not in view.sources]
    _part_companions(ctx, mention)
    # an invitation, a meeting or a call has two sides: one principal named alone met the other
    two_sided = mention.kind.counterpart or mention.kind.meeting or mention.kind.pairs
    if two_sided:
        mention.meets_group = _meets_group(ctx, view, trig, named=True)
    if mention.kind.meeting and not mention.actors:
        # officials of countries named as its sides: the principals' meeting only where no
        # other country's officials are among them (``merge._finish``)
        mention.officials_of = officials or frozenset()
    lone = two_sided and len(mention.actors) == 1 and not officials
    # "will hold further bilateral talks", with no one else named: meetings with others, though
    # the report's other principal is taken as their side below
    mention.several_others = lone and mention.kind.meeting and _several_others(ctx, view, trig)
    # (a side of the lexicon's group words is one of ``meets_group``'s: no need to look again
    # where that found none)
    if lone and not (mention.meets_group and _meets_group(ctx, view, trig)):
        other = ctx.discourse.other_principal(mention.actors[0])
        if other:
            mention.actors.append(other)


#: Words after a word for both and its ``joint_of`` word within which it names whose leaders.
_JOINT_OF_REACH = 6


def _leaders_of_others(
    ctx: _Context, sentence: Sentence, actors: list[ActorMention]
) -> list[ActorMention]:
    """``actors`` with each word for both that a word of ``joint_of`` right after it gives as the
    leaders of others ("Xi held talks with the leaders of eight countries", "the leaders of
    Germany, France and Ukraine" in a report about Putin and Merkel) read as a group of people
    no one names: not the principals, but a side a meeting may have (``_meets_group``). They are
    the leaders of others where a country named after the word is no principal's, or a noun for
    countries (``joint_countries``) follows with no word of the pair (``joint_pair``: "the
    leaders of the two countries", "both of the nations") before it, or a group of the gazetteer
    ("the leaders of the G20")."""
    side = ctx.lang.compiled(_side_words)
    if not side.joint_of or not any(a.kind == "joint" for a in actors):
        return actors
    own = {ctx.finder.country_of(p) for p in ctx.discourse.principals} - {None}
    groups = [a for a in actors if a.kind == "group"]
    text = sentence.text
    out = []
    for a in actors:
        if a.kind == "joint" and _of_others(ctx, text, a, groups, side, own):
            a = ActorMention(a.start, a.end, None, "group", None, a.text)
        out.append(a)
    return out


@dataclass(frozen=True)
class _SideWords:
    """The events lexicon's words of whose leaders or officials meet (casefolded): ``joint_of``,
    ``joint_countries``, ``joint_pair`` and ``official_links``."""

    joint_of: frozenset[str]
    joint_countries: frozenset[str]
    joint_pair: frozenset[str]
    official_links: frozenset[str]


def _side_words(lang: LanguageKnowledge) -> _SideWords:
    words = lang.lexicon("events")
    return _SideWords(
        *(
            frozenset(str(w).lower() for w in words.get(key) or ())
            for key in ("joint_of", "joint_countries", "joint_pair", "official_links")
        )
    )


#: Quotation marks around a word, and with punctuation after it (stripped before it is read).
_MARKS = "\"'“”„«»"
_MARKS_AND_STOPS = _MARKS + ".,;:!?()"


def _of_others(
    ctx: _Context,
    text: str,
    joint: ActorMention,
    groups: list[ActorMention],
    side: _SideWords,
    own: set[str],
) -> bool:
    """Whether the words after a word for both name whose leaders they are, and others' (see
    ``_leaders_of_others``)."""
    rest = text[joint.end :]
    words = rest.split()
    if not words or words[0].lower() not in side.joint_of or not rest[:1].isspace():
        return False
    paired = any(w in side.joint_pair for w in joint.text.lower().split())
    pos = joint.end + rest.find(words[0]) + len(words[0])
    for raw in words[1 : 1 + _JOINT_OF_REACH]:
        start = text.find(raw, pos)
        pos = start + len(raw)
        word = raw.strip(_MARKS_AND_STOPS)
        lower = word.lower()
        if any(g.start <= start < g.end for g in groups) and not paired:
            return True
        code = _country_word(ctx, word) if own else None
        if code and code not in own:
            return True
        if lower in side.joint_pair:
            paired = True
        elif lower in side.joint_countries:
            return not paired
        if raw[-1:] in ",;:()" or (raw.endswith(".") and not code):
            break
    return False


def _officials_of(ctx: _Context, view: _View, trig: Match) -> frozenset[str]:
    """The countries (codes) whose officials the trigger's own clause names as the sides of a
    meeting that names no one: a word of ``official_sides`` ("delegations", "Vertretern") with
    the nationality words and names of countries or capitals in a run of such words and of
    ``official_links`` right before it and right after it ("Russian and U.S. delegations met",
    "Verhandlungen zwischen Vertretern Kiews und Moskaus", "delegations from Ukraine and
    Russia"; not "delegations met in Warsaw": a venue)."""
    text = view.sentence.text
    lo, hi = view.clauses.get(trig.start, (0, len(text)))
    links = ctx.lang.compiled(_side_words).official_links
    found: set[str] = set()
    for word in ctx.words.official_sides.find(text):
        if not (lo <= word.start and word.end <= hi):
            continue
        if ctx.quoted(view.offset, word.start, word.end):
            continue
        before = text[lo : word.start].split()[-_OFFICIALS_REACH:]
        after = text[word.end : hi].split()[:_OFFICIALS_REACH]
        for run in (reversed(before), after):
            for w in run:
                code = _country_word(ctx, w.strip(_MARKS))
                if code:
                    found.add(code)
                elif w.lower() not in links:
                    break
    return frozenset(found)


def _country_word(ctx: _Context, word: str) -> str | None:
    """The country (code) a word names as a nationality ("Russian", "russischen") or by the
    name of the country or its capital ("Russland", "Polens", "Kiews"), if any."""
    code = nationality_of(word, ctx.lang) if word else None
    name = word.rstrip(".,;:!?")
    if code is not None or not name[:1].isupper():
        return code
    place = index_for(ctx.lang.knowledge).lookup(name)
    if place is None:
        return None
    countries, capitals = country_codes(ctx.lang.knowledge)
    return (countries if place.kind == "country" else capitals).get(place.name)


#: Words before and after a word of ``official_sides`` that may name the officials' countries.
_OFFICIALS_REACH = 4


def _speakers(
    ctx: _Context, view: _View, mention: Mention, trig: Match, reported: list[tuple[int, int]]
) -> list[str] | None:
    """Who speaks at a statement, of its people: the subject of the verb of saying that the
    statement's word holds, else of one in its sentence ("Scholz told Lula that ..., his
    spokesman Paul Weber told reporters": Weber), with those a coordinator joins to it; where
    the sentence says both (a word of ``joint`` outside what a verb of saying reports: "At a
    joint news conference, Scholz restated the European Union's position"), the two principals
    with them, and no one else it names. None: all its people (no subject among them)."""
    joint = [
        name
        for a in view.actors
        if a.kind == "joint" and not _within(reported, a)
        for name in ctx.discourse.resolve(a)
    ]
    args = (view.actors, ctx.quotes, view.offset)
    # the verb of saying the statement's word holds ("Weber told reporters"), not another's
    own = [v for v in view.speech if trig.start <= v.start < trig.end]
    subject = (
        speech_subject(own or view.speech, *args, ctx.discourse)
        or _apposed_subject(ctx, view, own)
        or first_subject(view.sentence.text, *args, ctx.finder, ctx.discourse)
    )
    if subject not in mention.actors:
        if not joint:
            return None
        speakers = joint
    else:
        speakers = [*joint, subject, *_joined_subjects(ctx, view, subject)]
    return [s for s in dict.fromkeys(speakers) if s in mention.actors]


def _says_they(ctx: _Context, view: _View) -> bool:
    """Whether the sentence names people by a plural pronoun outside quotations ("they", "sie";
    lexicon key ``plural_pronouns``)."""
    return any(
        not ctx.quoted(view.offset, m.start, m.end)
        for m in ctx.hits("plural_pronouns", view.sentence)
    )


def _apposed_subject(ctx: _Context, view: _View, verbs: list[Match]) -> str | None:
    """The person named right before an apposition between commas that runs up to one of
    ``verbs`` ("Anna Berg, the ministry's spokeswoman, told reporters"): the verb's subject."""
    text = view.sentence.text
    for verb in verbs:
        head = text[: verb.start].rstrip()
        if not head.endswith(","):
            continue
        comma = head.rfind(",", 0, len(head) - 1)
        insert = head[comma + 1 : -1]
        if comma < 0 or len(insert.split()) > _APPOSITION_WORDS:
            continue
        if any(comma < a.start < len(head) for a in view.actors):
            continue  # the insert names someone: no apposition of the name before it
        for a in view.actors:
            if (
                a.kind in PERSON_KINDS
                and a.end <= comma
                and not text[a.end : comma].strip()
                and not ctx.quoted(view.offset, a.start, a.end)
            ):
                return a.name
    return None


def _meets_group(ctx: _Context, view: _View, trig: Match, *, named: bool = False) -> bool:
    """Whether the trigger's own clause gives as its side, right after the trigger or after a
    word of ``group_links`` a few words on, a group of several people (lexicon key
    ``group_sides``: "will meet with leaders from Britain, France and Italy", "talks with members
    of the parties", "ein Gipfeltreffen der Staats- und Regierungschefs"): the one person named
    meets them, not the report's other principal."""
    text = view.sentence.text
    lo, hi = view.clauses.get(trig.start, (0, len(text)))
    # with ``named``, a group of the gazetteer is such a side too ("to meet with European Union
    # leaders"), but not one a person the sentence names belongs to ("talks with NATO chief
    # Stoltenberg"): a side for alignment (``Mention.meets_group``), not for the actors, which
    # name the group
    # leaders of others that a word for both stands for (``_leaders_of_others``) are a group
    # side as the lexicon's group words are
    groups = [a for a in view.actors if a.kind == "group" and a.name is None]
    if named:
        own = {a.country for a in view.actors if a.kind in PERSON_KINDS}
        groups += [a for a in view.actors if a.kind == "group" and a.name and a.name not in own]
    for g in [*ctx.hits("group_sides", view.sentence), *groups]:
        gap = text[trig.end : g.start]
        if not (lo <= g.start and g.end <= hi and trig.end <= g.start):
            continue
        if ctx.quoted(view.offset, g.start, g.end) or any(c in gap for c in ",;:()"):
            continue
        if len(gap.split()) <= _GROUP_ARTICLE:  # the verb's object ("invited leaders from")
            return True
        links = ctx.words.group_links.find(gap)
        if (
            links
            and len(gap.split()) <= _GROUP_REACH
            and len(gap[links[-1].end :].split()) <= _GROUP_ARTICLE
        ):
            return True
    return False


def _several_others(ctx: _Context, view: _View, trig: Match) -> bool:
    """Whether a word of ``several_others`` stands right before a word of ``bilateral`` that
    stands right before the meeting word or is it, in its clause ("will hold further bilateral
    talks", "held a series of bilateral meetings", "wird weitere bilaterale Gespräche führen"):
    several meetings of two, each of the one person the clause names with another side that it
    does not name. Not with no such word: "further talks" are as often the same two's again."""
    text = view.sentence.text
    words = ctx.words
    several = [w for w in words.several_others.find(text) if view.own(trig, w.start, w.end)]
    if not several:
        return False
    for b in words.bilateral.find(text):
        if b.start > trig.start or not view.own(trig, b.start, b.end):
            continue
        covers = b.start < trig.end and trig.start < b.end
        if not covers and _words_between(text, b.end, trig.start) > _SIDES_REACH:
            continue
        if any(w.end <= b.start and not _words_between(text, w.end, b.start) for w in several):
            return True
    return False


def _words_between(text: str, start: int, end: int) -> int:
    """How many words stand between two offsets of ``text``."""
    return len(text[start:end].split())


def _part_companions(ctx: _Context, mention: Mention) -> None:
    """Leaders' spouses (people.yaml, ``spouse_of``) named beside their spouse among the
    mention's people leave its actors for its companions: they are no party to which event it
    is, and the table adds them where its type takes them ("Trump and his wife Melania were
    greeted by Xi": Trump's arrival, with Melania Trump). A spouse named without the leader
    acts on their own and stays ("were greeted by Brigitte Macron", "Michelle Obama arrived"),
    but in no meeting or call: a spouse is no party to the leaders' talks, and the first ladies'
    own programme beside them is none of the table's meetings (nor their companion at a meal,
    ontology ``companion_formats``: only a spouse named beside the leader is)."""
    spouses = gazetteers_for(ctx.lang.knowledge).spouses
    meeting = mention.kind.meeting or mention.kind.pairs
    found = [
        a for a in mention.actors if a in spouses and (meeting or spouses[a] in mention.actors)
    ]
    if not found:
        return
    beside = [a for a in found if spouses[a] in mention.actors]
    mention.actors = [a for a in mention.actors if a not in found]
    mention.companions = list(dict.fromkeys([*mention.companions, *beside]))


def _proposed_place(ctx: _Context, text: str) -> PlaceMention | None:
    places = find_places(text, ctx.lang, visits=True)
    return places[-1] if places else None


def _offered_place(
    ctx: _Context, view: _View, trig: Match, places: list[PlaceMention]
) -> PlaceMention:
    """The place an offer proposes, of the places attached to its trigger (``places``, those of
    its own clause first): the last, but for where someone stayed before what the sentence tells
    ("After his visit to Papua New Guinea, Modi will travel to Sydney at the invitation of
    Albanese": Sydney, not Papua New Guinea; ``places.stayed_before``) and where a verb of saying
    that reports the offer was said ("Wie der Sprecher in Berlin sagte, nahm Trump die Einladung
    zum Gipfel in Hamburg an": Hamburg, not Berlin; ``_saying_before``), as for the
    other events; all of them when nothing else is named."""
    text = view.sentence.text
    said = _saying_before(ctx, view, trig)
    offered = [
        p
        for p in places
        if not stayed_before(text, ctx.lang, p, trig.start)
        and not any(p.end <= v.start for v in said)
    ]
    return (offered or places)[-1]


def _prefer_own(view: _View, trig: Match, items: list[Any]) -> list[Any]:
    """Items (with sentence offsets) attached to the trigger, those of its own clause first."""
    attached = [i for i in items if view.attached(trig, i.start, i.end)]
    return sorted(attached, key=lambda i: not view.own(trig, i.start, i.end))


def _set_place(
    ctx: _Context,
    view: _View,
    mention: Mention,
    quote: QuoteSpan | None,
    clause_text: str,
    trig: Match,
) -> None:
    if mention.kind.place == "none":
        return

    def here(found: list[PlaceMention]) -> list[PlaceMention]:
        # where a person stayed before ("Nach seinem Aufenthalt in Belarus reist Putin weiter nach
        # Usbekistan") is not where that person's arrival or visit happens; a departure may start
        # there
        if mention.kind.place_from_start or not mention.kind.per_person:
            return found
        text = view.sentence.text
        return [p for p in found if not stayed_before(text, ctx.lang, p, trig.start)]

    places = here(view.places if quote else _prefer_own(view, trig, view.places))
    if mention.kind.place == "proposed":
        if not quote:
            # an offer proposes the place a verb of visiting takes ("invited Carney to visit
            # China"), as well as one after a preposition
            visited = [
                p
                for p in find_places(view.sentence.text, ctx.lang, visits=True)
                if not ctx.quoted(view.offset, p.start, p.end)
            ]
            places = here(_prefer_own(view, trig, visited))
        proposed = _proposed_place(ctx, clause_text) if quote else None
        mention.place = proposed.place if proposed else None
        if mention.place is None and places:
            mention.place = (places[-1] if quote else _offered_place(ctx, view, trig, places)).place
        return
    if not quote and not mention.kind.place_from_start and not mention.kind.meeting:
        where = _where_place(ctx, view, trig)
        if where is not None:
            # "flew on to Rome, where he was welcomed by Conte": the clause "where" opens
            # happens at the place named right before it, a destination or not. Not a meeting:
            # placed in another town, it is aligned with that town's talks of other stories
            # (on the holdout, one pair across stories more)
            mention.place, mention.place_own, mention.place_in_clause = where.place, True, True
            return
    if not quote and not mention.kind.place_from_start:
        there = _there_place(ctx, view, trig)
        if there is not None:
            # "fliegt weiter nach Oslo. Dort spricht sie mit ...": an adverb that refers back
            # places what its clause tells where the place named last before it is
            mention.place, mention.place_own, mention.place_in_clause = there.place, True, True
            return
    if not quote and not mention.kind.place_from_start:
        # a verb of visiting names the place of what its own clause tells ("visited London to
        # address Parliament and hold a meeting": the visit and the meeting), as a preposition does
        places = places + here(_visited_places(ctx, view, trig))
    if mention.kind.place_from_start and not quote:
        # a departure happens at the place a verb of leaving takes ("Putin left Moscow")
        places = places + _prefer_own(
            view,
            trig,
            [
                p
                for p in left_places(view.sentence.text, ctx.lang)
                if not ctx.quoted(view.offset, p.start, p.end)
                # a journey's start only where its trigger names it ("flew from Oslo to Ottawa")
                # or its phrase opens right after it ("his departure from Oslo", "vor dem
                # Abflug aus Oslo")
                and (
                    p.preposition not in ctx.words.starts
                    or trig.start <= p.start < trig.end
                    or _starts_right_after(view.sentence.text, trig, p)
                )
            ],
        )
    usable = [
        p
        for p in places
        if not (mention.kind.place_from_start and p.preposition in ctx.words.destinations)
    ]
    if usable:
        own = [p for p in usable if view.own(trig, p.start, p.end)] if not quote else []
        if not own and not mention.kind.per_person:
            # another clause's destination is where someone or something goes, not where a
            # meeting or statement of this clause happens ("told Trump that arms to Ukraine ...");
            # a place before a verb of saying that reports the trigger is where it was said,
            # not where what it reports happens ("In Rome, it was noted that the meeting ...")
            said = _saying_before(ctx, view, trig)
            usable = [
                p
                for p in usable
                if p.preposition not in ctx.words.destinations
                and not any(p.end <= v.start for v in said)
            ]
        if own or usable:
            chosen = max(own or usable, key=lambda p: p.place.specificity)
            mention.place = chosen.place
            # a departure's start names where it happens, though a word of origin opens it
            mention.place_own = chosen in own and (
                _names_where(ctx, view, trig, chosen)
                or (mention.kind.place_from_start and chosen.preposition in ctx.words.starts)
            )
            mention.place_in_clause = chosen in own


#: Between a journey's trigger and the place its start names: the preposition and at most two
#: words of the phrase ("departure from the capital, Oslo"), no punctuation ending a clause.
_START_GAP = re.compile(r"\s+([\w-]+)\s+(?:[\w-]+,?\s+){0,2}")


def _starts_right_after(text: str, trig: Match, place: PlaceMention) -> bool:
    """Whether ``place`` is named by a preposition of a journey's start that follows the trigger
    right away ("the departure from Oslo", "der Abflug aus Oslo"): where that departure
    happens."""
    gap = _START_GAP.fullmatch(text, trig.end, place.start)
    return gap is not None and gap.group(1).lower() == place.preposition


def _saying_before(ctx: _Context, view: _View, trig: Match) -> list[Match]:
    """The verbs of saying whose words follow them (lexicon key ``reporting_verbs``) that stand
    before the trigger, outside quotations: the trigger lies in what they report."""
    return [
        v
        for v in ctx.hits("reporting", view.sentence)
        if v.end <= trig.start and not ctx.quoted(view.offset, v.start, v.end)
    ]


def _said_days(ctx: _Context, view: _View, trig: Match, times: list[_Relative]) -> list[_Relative]:
    """The days of ``times`` that date a verb of saying reporting the trigger (``_saying_before``)
    rather than the trigger: before the verb, or right after it ("said Friday", "sagte am
    Donnerstag"), and before the trigger. Not a day after a comma or a word that opens what the
    verb reports (lexicon key ``reported_openers``): "said that on Friday he will meet Putin",
    "sagte, am Freitag werde er Putin treffen" name the day of the meeting."""
    text = view.sentence.text
    verbs = _saying_before(ctx, view, trig)
    return [
        r
        for r in times
        if r.expr.kind in DAY_KINDS
        and r.end <= trig.start
        and any(
            r.end <= v.start
            or (
                v.end <= r.start
                and len(text[v.end : r.start].split()) <= _SAID_REACH
                and not _opens_reported(ctx, text[v.end : r.start])
            )
            for v in verbs
        )
    ]


def _opens_reported(ctx: _Context, between: str) -> bool:
    """Whether ``between`` (the words from a verb of saying to a day after it) opens what the
    verb reports: a comma, or a word such as "that" or "dass" (``reported_openers``)."""
    if "," in between:
        return True
    return any(w.lower() in ctx.words.reported_openers for w in _WORD.findall(between))


def _visited_places(ctx: _Context, view: _View, trig: Match) -> list[PlaceMention]:
    """The places a verb of visiting takes with no preposition in the trigger's own clause
    ("He visited London to hold a meeting"), outside quotations."""
    named = {(p.start, p.end) for p in view.places}
    return [
        p
        for p in find_places(view.sentence.text, ctx.lang, visits=True)
        if (p.start, p.end) not in named
        and p.place.kind in ("city", "venue")
        and view.own(trig, p.start, p.end)
        and not ctx.quoted(view.offset, p.start, p.end)
    ]


#: Between a place and the comma before "where": a short phrase of no clause of its own
#: ("to Berlin on May 14, where").
_BEFORE_WHERE = re.compile(r"[^,;:()\"“”„]{0,40}")


def _where_place(ctx: _Context, view: _View, trig: Match) -> PlaceMention | None:
    """The place a relative adverb of place refers back to when it opens the trigger's clause
    after a comma ("reist weiter nach Genf, wo er Putin trifft": Geneva), the last place
    before the comma, even the far end of a journey ("von Brüssel nach Genf, wo")."""
    text = view.sentence.text
    lo, hi = view.clauses[trig.start]
    adverbs = [
        m
        for m in _WORD.finditer(text, 0, trig.start)
        if m.group().lower() in ctx.words.where_adverbs
        and lo <= m.end()
        and text[: m.start()].rstrip().endswith(",")
    ]
    if not adverbs:
        return None
    adverb = adverbs[-1]
    if any(p.start >= adverb.end() and view.own(trig, p.start, p.end) for p in view.places):
        return None  # the clause names its own place ("in Germany, where he met Scholz in Berlin")
    comma = len(text[: adverb.start()].rstrip()) - 1
    before = [
        p
        for p in find_places(text, ctx.lang, far_ends=True)
        if p.end <= comma and not ctx.quoted(view.offset, p.start, p.end)
    ]
    if not before or not _BEFORE_WHERE.fullmatch(text, before[-1].end, comma):
        return None
    # another year or month recalls another trip ("in Helsinki in 2018, where they met"): the
    # place is that trip's, which its own story has
    if away(find_periods(text[before[-1].start : hi], ctx.lang), ctx.year) is not None:
        return None
    return before[-1]


def _there_place(ctx: _Context, view: _View, trig: Match) -> PlaceMention | None:
    """The place an adverb of place that refers back ("dort", lexicon key ``there_adverbs``)
    names when it stands in the trigger's own clause, which names no place of its own: the
    place named last before it, in its sentence or else in the sentence before it in the same
    paragraph ("Sie fliegt weiter nach Oslo. Dort spricht sie mit ...": Oslo); None if there is
    none. Not after a word of origin ("aus"): that is where someone came from."""
    if not ctx.words.there_adverbs:
        return None
    text = view.sentence.text
    lo, hi = view.clauses[trig.start]
    adverbs = [
        m
        for m in _WORD.finditer(text, lo, hi)
        if m.group().lower() in ctx.words.there_adverbs
        and not ctx.quoted(view.offset, m.start(), m.end())
    ]
    if not adverbs or any(view.own(trig, p.start, p.end) for p in view.places):
        return None
    adverb = adverbs[0]
    preceding = _WORD.findall(text, 0, adverb.start())
    if preceding and preceding[-1].lower() in ctx.words.origins:
        return None
    before = [p for p in view.places if p.end <= adverb.start()]
    if before:
        return before[-1]
    index = view.sentence.index
    if index < 1 or ctx.sentences[index - 1].paragraph != view.sentence.paragraph:
        return None
    previous = ctx.sentences[index - 1]
    named = [
        p
        for p in find_places(previous.text, ctx.lang, far_ends=True)
        if not ctx.quoted(previous.start, p.start, p.end)
    ]
    return named[-1] if named else None


def _names_where(ctx: _Context, view: _View, trig: Match, place: PlaceMention) -> bool:
    """Whether a place of the trigger's own clause names where its event happens, so that it
    holds against the report's venue elsewhere ("Merkel ist in Peking eingetroffen", in a report
    whose venue a proposed talk in Hong Kong gave). Not a destination ("Kim had invited Trump to
    Pyongyang during the talks"), nor a place behind a word of origin between the two ("had
    arrived in the Swiss city on Tuesday from a NATO summit in Brussels"), nor one the sentence
    opens with, which may tell what happened there about an event elsewhere ("In Südkorea wurde
    das Treffen mit Erleichterung aufgenommen")."""
    if place.preposition in ctx.words.destinations:
        return False
    text = view.sentence.text
    if len(_WORD.findall(text, 0, place.start)) < 2:
        return False  # "In Südkorea ...": only its preposition before it
    lo, hi = (trig.end, place.start) if trig.end <= place.start else (place.end, trig.start)
    return not any(w.lower() in ctx.words.origins for w in _WORD.findall(text, lo, hi))


#: A word, without the punctuation around it ("from,", "„In").
_WORD = re.compile(r"[\w'’-]+")


def _clause_periods(ctx: _Context, view: _View, trig: Match) -> list[Period]:
    """The periods the trigger's clause names ("in November last year"), but for those that
    only bound it ("since") and clock times ("11:17 a.m. (1917 GMT)" is no year)."""
    lo, hi = clause(view.sentence.text, trig.start, trig.end, [], view.lists)
    clocks = [
        (t.start - view.offset, t.end - view.offset) for t in view.times if t.time is not None
    ]
    return [
        p
        for p in find_periods(view.sentence.text[lo:hi], ctx.lang)
        if not view.bounds_only(trig, lo + p.start, lo + p.end)
        and not any(a < lo + p.end and lo + p.start < b for a, b in clocks)
    ]


def _set_times(ctx: _Context, view: _View, mention: Mention, trig: Match) -> None:
    if not mention.in_quote:
        mention.periods = _clause_periods(ctx, view, trig)
    times = [t for t in view.times if not inside(ctx.quotes, t.start, t.end)]
    if not mention.in_quote:
        relative = _prefer_own(view, trig, [_Relative(t, view.offset) for t in times])
        if mention.made_before:
            # made before what its sentence tells ("arrived today at the invitation of"): the
            # sentence's days are of the later event
            relative = [r for r in relative if r.expr.kind not in DAY_KINDS]
        elif away(mention.periods, ctx.year) is not None:
            # a clause that recalls another time takes no day from the rest of its sentence
            # ("trafen sich am Mittwoch ..., zuletzt hatte man sich im November 2022 gesprochen")
            relative = [
                r
                for r in relative
                if r.expr.kind not in DAY_KINDS or view.own(trig, r.start, r.end)
            ]
        said = _said_days(ctx, view, trig, relative)
        if said:
            # the day of the saying that reports the trigger ("a spokesman said Wednesday that
            # Scholz will meet Macron on Saturday", "On Wednesday, Scholz said he hoped to use
            # the meeting"): what is still to come is not on it, nor what was called off ("said
            # Wednesday that Lula had to scrap his trip"); a held event takes it only where its
            # sentence names no other day
            kept = [r for r in relative if r not in said]
            relative = kept if mention.status in ("announced", "cancelled") else [*kept, *said]
        times = [r.expr for r in relative]
    mention.notes.extend(t.note for t in times if t.kind == "invalid" and t.note)
    if mention.kind.duration:
        elapsed = _elapsed(ctx, view, trig)
        _to_the_meeting_before(ctx, view, mention, elapsed)
        others = [*_non_event_durations(ctx, view), *elapsed]
        spans = [
            t for t in times if t.kind == "duration" and t not in others and _plausible(mention, t)
        ]
        if _reports_speech(ctx, mention):
            # what a speech verb's clause tells before it is what was said, not the statement
            # ("It lasted two hours, Putin told reporters": the length is the call's)
            lo = view.clauses[trig.start][0]
            spans = [t for t in spans if t.start - view.offset >= lo]
        here = view.offset + trig.start
        spans.sort(key=lambda t: min(abs(t.start - here), abs(t.end - here)))
        if not mention.in_quote:  # the trigger's own clause first
            lo, hi = view.clauses[trig.start]
            spans.sort(key=lambda t: not lo <= t.start - view.offset < hi)
        mention.duration = next((t for t in spans if not t.planned), None)
        mention.planned = next((t for t in spans if t.planned), None)
        mention.lasted = _lasted(ctx, view, mention.duration)
    mention.times = [t for t in times if t.kind not in ("duration", "invalid")]
    heading_day = ctx.programme.get(view.sentence.paragraph)
    if heading_day is not None and not any(t.kind in DAY_KINDS for t in mention.times):
        # an item of a programme under a heading that names its day ("Day 1 (September 9)")
        mention.times.append(heading_day)


#: Characters between a duration and the noun it measures ("ten-hour flight", "stay of 3 days").
_NOUN_REACH_AFTER, _NOUN_REACH_BEFORE = 2, 8


def _non_event_durations(ctx: _Context, view: _View) -> list[TimeExpression]:
    """Durations of the sentence that measure a flight, a stay or a war, not an event."""
    nouns = ctx.lang.matcher("temporal", "non_event_durations").find(view.sentence.text)
    if not nouns:
        return []
    found = []
    for t in view.times:
        if t.kind != "duration":
            continue
        lo, hi = t.start - view.offset, t.end - view.offset
        if any(
            0 <= n.start - hi <= _NOUN_REACH_AFTER or 0 <= lo - n.end <= _NOUN_REACH_BEFORE
            for n in nouns
        ):
            found.append(t)
    return found


def _to_the_meeting_before(
    ctx: _Context, view: _View, mention: Mention, elapsed: list[TimeExpression]
) -> None:
    """Time gone by before an event of another type ("Nach zwei Stunden und 45 Minuten traten
    beide vor die Presse") is the length of the meeting told last before it, if that has none;
    the sentence that says so joins the meeting's evidence."""
    if not elapsed or mention.in_quote or mention.kind.meeting:
        return
    before = next((m for m in reversed(ctx.mentions) if not m.in_quote), None)
    if before is None or not before.kind.meeting or before.status != "occurred":
        return
    if before.duration is not None or not _plausible(before, elapsed[0], noted=False):
        return
    before.duration = elapsed[0]
    if view.sentence not in before.evidence:
        before.evidence.append(view.sentence)


def _elapsed(ctx: _Context, view: _View, trig: Match) -> list[TimeExpression]:
    """Durations that tell how long before the trigger's event something went on ("Nach zwei
    Stunden traten beide vor die Presse": the talks lasted them), unless they measure the
    trigger itself ("after two hours of talks") or a verb of lasting in the trigger's clause
    says it is the event's length (lexicon key ``lasting``)."""
    words = ctx.lang.matcher("temporal", "elapsed")
    text = view.sentence.text
    c_lo, c_hi = view.clauses[trig.start]
    if ctx.lang.matcher("temporal", "lasting").find(text[c_lo:c_hi]):
        return []
    found = []
    for t in view.times:
        lo, hi = t.start - view.offset, t.end - view.offset
        if t.kind != "duration" or hi > trig.start or trig.start - hi <= _MEASURED_REACH:
            continue
        base = max(0, lo - _ELAPSED_REACH)
        if any(lo - (base + w.end) <= 1 for w in words.find(text[base:lo])):
            found.append(t)
    return found


#: Characters between a duration and a trigger it measures ("two hours of talks"), and the
#: characters before a duration searched for a word that makes it time gone by ("nach").
_MEASURED_REACH, _ELAPSED_REACH = 5, 12


def _plausible(mention: Mention, duration: TimeExpression, *, noted: bool = True) -> bool:
    """Whether a duration can be the event's; a longer one than its type allows is noted
    (unless ``noted`` is false: a duration told of another event)."""
    limit = mention.kind.max_duration_min
    if limit is None or duration.minutes is None or duration.minutes <= limit:
        return True
    if noted:
        mention.notes.append(
            f"{duration.text!r} ({duration.minutes:g} min) is longer than an event of type "
            f"{mention.kind.label!r} can last ({limit:g} min); not taken as its duration"
        )
    return False


def _format_told(view: _View, trig: Match, fmt: str | None) -> bool:
    """Whether the trigger itself names the format ("had dinner", "ein Abendessen"), so the
    mention tells the meal, not talks that a meal followed ("talks capped by dinner")."""
    return fmt is not None and any(
        f.label == fmt and f.start < trig.end and trig.start < f.end for f in view.formats
    )


def _right_after(view: _View, trig: Match, *lexicons: Lexicon) -> bool:
    """Whether a phrase of ``lexicons`` follows the trigger right after it, past spaces only
    ("dinner with Xi", "the meeting was also attended by")."""
    after = view.sentence.text[trig.end : trig.end + _REFERENCE_REACH]
    return any(
        not after[: m.start].strip() and m.start > 0
        for words in lexicons
        for m in words.find(after)
    )


def _covering(view: _View, trig: Match, words: Lexicon) -> bool:
    """Whether a phrase of ``words`` in the trigger's sentence covers the trigger ("before he
    left", "reporters were asked to leave")."""
    return any(w.start < trig.end and trig.start < w.end for w in words.find(view.sentence.text))


def _met_with(ctx: _Context, view: _View, trig: Match) -> frozenset[str]:
    """The people the trigger's clause names right after a word of ``separate_with`` (at most
    ``_WITH_GAP`` words between, a title: "talks with Abe", "mit dem japanischen
    Ministerpräsidenten Shinzo Abe treffen"): those its meeting is told with."""
    text = view.sentence.text
    lo, hi = view.clauses[trig.start]
    people = _person_actors(ctx, view, lo, hi)
    met: set[str] = set()
    for hit in ctx.words.separate_with.find(text):
        if not lo <= hit.start < hi:
            continue
        after = next((a for a in people if a.start >= hit.end), None)
        if after is None or not _title_gap(text[hit.end : after.start]):
            continue
        names = ctx.discourse.resolve(after)
        if len(names) == 1:
            met.add(names[0])
    return frozenset(met)


def _in_clause(view: _View, trig: Match, words: Lexicon) -> bool:
    """Whether a word of ``words`` stands in the trigger's clause ("held a trilateral meeting",
    "met Trump separately")."""
    lo, hi = view.clauses[trig.start]
    return any(lo <= w.start < hi for w in words.find(view.sentence.text))


def _at_airport(ctx: _Context, view: _View, trig: Match) -> bool:
    """Whether the trigger's clause tells its meeting at an airfield (lexicon key
    ``airport_words``: "a short talk at the airport", "auf dem Flughafen treffen"), with no
    coordinator between that word and the trigger: "landed at the airport and will meet him"
    tells the landing there, not the meeting."""
    lo, hi = view.clauses[trig.start]
    for word in ctx.words.airport.find(view.sentence.text):
        if not lo <= word.start < hi:
            continue
        left, right = sorted((word.end, trig.start if word.start > trig.start else trig.end))
        between = [b for b in view.breaks if left <= b.start < right]
        if not any(b.text.lower() in ctx.words.coordinators for b in between):
            return True
    return False


def _format_near(view: _View, trig: Match) -> str | None:
    near = [
        f
        for f in view.formats
        if f.start <= trig.end + _FORMAT_REACH and f.end >= trig.start - _FORMAT_REACH
    ]
    return near[0].label if near else None


def _overridden(ctx: _Context, view: _View, trig: Match) -> bool:
    """Whether a trigger of a type that stands for this one shares its clause ("discussed ...
    during the call": the call)."""
    lo, hi = view.clauses[trig.start]
    types = ctx.lang.knowledge.types
    return any(
        trig.label in types[other.label].overrides and lo <= other.start < hi
        for other in view.triggers
        if other.label in types and other is not trig
    )


#: Words that may stand between a word of what a guest is received for and the meeting's word
#: ("zu einem bilateralen Treffen").
_RECEIVED_TO_WORDS = 2


def _received_to_meeting(ctx: _Context, view: _View, trig: Match) -> bool:
    """Whether the trigger is a host's verb of receiving (lexicon key ``received_to``) whose
    clause names the meeting the guest is received to: a trigger of a ``meeting`` type at most
    ``_RECEIVED_TO_WORDS`` words after a word of what for (``reception_purpose``: "hat den
    Gast zu Gesprächen empfangen", "wird ihn zu einem bilateralen Treffen empfangen").
    The clause tells that meeting; the reception is no arrival of its own."""
    if not ctx.words.received_to.find(trig.text):
        return False
    lo, hi = view.clauses[trig.start]
    text = view.sentence.text
    types = ctx.lang.knowledge.types
    for other in view.triggers:
        kind = types.get(other.label)
        if other is trig or kind is None or not kind.meeting or not lo <= other.start < hi:
            continue
        for word in ctx.words.reception_purpose.find(text[lo : other.start]):
            if len(text[lo + word.end : other.start].split()) <= _RECEIVED_TO_WORDS:
                return True
    return False


#: Characters before or after an event noun searched for words next to it ("nach dem langen
#: ...", "... was also attended by", "dinner with").
_REFERENCE_REACH = 40


def _told_present(ctx: _Context, clause_text: str) -> bool:
    """Whether the clause tells its event with a verb in the present tense (lexicon key
    ``present``: "Erdogan kommt mit Biden zusammen", "Biden holds talks with Lula") and no
    auxiliary of the perfect or the passive (``perfect``: "hat ... getroffen")."""
    return bool(ctx.words.present.find(clause_text)) and not ctx.words.perfect.find(clause_text)


def _refers_back(ctx: _Context, view: _View, trig: Match) -> bool:
    """Whether the trigger is an event noun that only refers to an event told before: a
    ``reference`` phrase right before it, one word at most between ("after the long meeting"), or
    an ``also_attended`` or ``framing_told`` phrase right after it ("the meeting was also attended
    by", "the talks came amid")."""
    before = view.sentence.text[max(0, trig.start - _REFERENCE_REACH) : trig.start]
    for m in ctx.words.reference.find(before):
        between = before[m.end :].split()
        if len(between) <= 1 and before[m.end : m.end + 1].isspace():
            return True
    # who else took part, said right after the noun ("The meeting was also attended by ...",
    # "Am Treffen nahmen auch ... teil"): the event told before
    # or what it came amid or coincided with ("The talks came amid ...", "Bei den Gesprächen
    # ging es um ..."): a sentence about the event told before, not the telling of one
    return _right_after(view, trig, ctx.words.also_attended, ctx.words.framing_told)


def _mentions_of(ctx: _Context, view: _View) -> dict[str, Mention]:
    """One mention per type, format, status and (for ``per_person`` types) person in this
    sentence ("landed on Sunday and is due to arrive on Tuesday" tells two arrivals)."""
    new: dict[str, Mention] = {}
    firsts: dict[str, Match] = {}  # the trigger that made each mention
    # the clause of each meeting word of a mention and the sides it tells
    told: dict[str, list[tuple[tuple[int, int], frozenset[str] | None]]] = {}
    for trig in view.triggers:
        kind = ctx.lang.knowledge.types.get(trig.label)
        if kind is None or _overridden(ctx, view, trig):
            continue
        # "zu Gesprächen empfangen": the meeting the guest is received to, no arrival
        if _received_to_meeting(ctx, view, trig):
            continue
        quote = ctx.quoted(view.offset, trig.start, trig.end)
        if quote and not kind.quoted:
            continue
        found, clause_text = _trigger_status(ctx, view, trig, quote)
        if found is None:
            continue
        if trig.start in view.called_off:
            # a journey called off is a visit cancelled, whatever verb calls it off
            found = "cancelled"
        fmt = _format_near(view, trig) if kind.formats else None
        who = _travellers(ctx, view, trig) if kind.per_person and not quote else ()
        key = f"{kind.key}:{fmt}:{found}:{'|'.join(sorted(who))}"
        item = _programme_item(ctx, view, trig)
        if item is not None:
            key = f"{key}&{item[1]}"
        if key in new and not quote:
            # "their first meeting since their last meeting in Bangkok in November last year":
            # a trigger whose clause recalls another time is another event
            recalls = away(_clause_periods(ctx, view, trig), ctx.year)
            if recalls != away(new[key].periods, ctx.year):
                key = f"{key}@{recalls}"
            elif kind.meeting and not who:
                # "... met Zelensky on Aug. 17, two days after Trump met Putin in Alaska": a
                # clause that names two other people meeting tells another meeting
                who = _own_people(ctx, view, trig)
                first = _own_people(ctx, view, firsts[key])
                if len(who) > 1 and len(first) > 1 and not one_names_all(set(who), set(first)):
                    key = f"{key}@{'|'.join(sorted(who))}"
                else:
                    who = ()
        if key in new:
            earlier = new[key]
            if kind.meeting or kind.pairs:
                told.setdefault(key, []).append((view.clauses[trig.start], _sides(ctx, view, trig)))
            # a sentence that names the event as well as referring back to it names it
            earlier.reference = earlier.reference and _refers_back(ctx, view, trig)
            if not named_known(ctx.words, view.sentence.text[: trig.start], trig.text):
                # "The one-on-one will be followed by delegation-level talks": a sentence that
                # names the event again, not as one the reader knows, keeps its clause's status
                earlier.status = found
            if earlier.kind.place == "proposed" and earlier.place is None:
                proposed = _proposed_place(ctx, clause_text if quote else view.sentence.text)
                earlier.place = proposed.place if proposed else None
            continue
        format_told = _format_told(view, trig, fmt)
        mention = Mention(
            report_id=ctx.report.report_id,
            language=ctx.report.language,
            kind=kind,
            status=found,
            trigger=trig.text,
            sentence=view.sentence,
            order_cue=view.order_cue,
            ordered=_ordered(view, trig),
            evidence=[view.sentence],
            in_quote=bool(quote),
            confidence=_QUOTED_CONFIDENCE if quote else _CONFIDENCE,
            talk_format=fmt,
            format_told=format_told,
            # a meal told as shared with the one named after it ("dinner with Xi")
            meal_shared=format_told and _right_after(view, trig, ctx.words.separate_with),
            joined=bool(ctx.words.joining.find(view.sentence.text)),
            reference=_refers_back(ctx, view, trig),
            present_tense=found == "occurred" and _told_present(ctx, clause_text),
            # an offer told as what brought the event about ("at the invitation of")
            made_before=kind.place == "proposed"
            and any(
                w.start <= trig.start < w.end
                for w in ctx.words.made_before.find(view.sentence.text)
            ),
            left_after=_covering(view, trig, ctx.words.left_after),
            sent_away=_covering(view, trig, ctx.words.sent_away),
            item=item,
            multilateral=kind.meeting and _in_clause(view, trig, ctx.words.multilateral),
            told_separate=kind.meeting and _in_clause(view, trig, ctx.words.separate_each),
            at_airport=kind.meeting and _at_airport(ctx, view, trig),
            to_own_occasion=kind.place == "proposed"
            and any(
                view.own(trig, w.start, w.end)
                for w in ctx.words.own_occasion.find(view.sentence.text)
            ),
            earlier=names_earlier(ctx.words, view.sentence.text[: trig.start], trig.text),
        )
        if kind.meeting or kind.pairs:
            told[key] = [(view.clauses[trig.start], _sides(ctx, view, trig))]
        _set_actors(ctx, view, mention, quote, who, trig)
        if kind.meeting and not quote:
            mention.met_with = _met_with(ctx, view, trig)
        _set_place(ctx, view, mention, quote, clause_text, trig)
        _set_times(ctx, view, mention, trig)
        if (
            found == "announced"
            and not (mention.times or mention.periods or mention.duration or mention.planned)
            and not fmt
            and named_known(ctx.words, view.sentence.text[: trig.start], trig.text)
        ):
            # "The meeting will be virtual", "Das Treffen soll die Beziehungen stärken": the
            # future of a sentence that opens with an event the reader knows, with no time of
            # its own, tells what it will be or bring; whether it takes place, the report's
            # other mentions of it tell (else it stays announced). Not a meal or other format,
            # an item of the programme of its own ("The dinner will be held in the State Room")
            mention.status = "topical"
        new[key] = mention
        firsts[key] = trig
        for n, other in enumerate(_coordinated(ctx, view, mention, trig), 1):
            new[f"{key}#{n}"] = other
        for n, other in enumerate(_separate(ctx, view, mention, trig), 1):
            new[f"{key}+{n}"] = other
    for key, mention in new.items():
        # the meetings made from one list ("bilateral talks with Kishida and Yoon") share it
        mention.sides = _sides_agreed(told.get(re.split(r"[#+]", key)[0], ()))
    return new


def _sides_agreed(
    told: Iterable[tuple[tuple[int, int], frozenset[str] | None]],
) -> frozenset[str]:
    """The sides a sentence tells a meeting of, from those its meeting words of it tell
    (``_sides``, with their clauses). The words of one clause tell one meeting ("will meet
    Macron and Starmer for four-way talks"); where those of another clause tell other sides
    ("met Zelensky ahead of their bilateral talks", "The meeting took place soon after a
    trilateral meeting"), the sentence tells two meetings and which one the mention is, is not
    told (``_BOTH_SIDES``). A meeting word that is itself a word of two sides ("bilateral")
    tells nothing (None)."""
    clauses: dict[tuple[int, int], frozenset[str]] = {}
    for where, sides in told:
        if sides is not None:
            clauses[where] = clauses.get(where, frozenset()) | sides
    readings = set(clauses.values())
    if len(readings) > 1:
        return _BOTH_SIDES
    return readings.pop() if readings else frozenset()


def _sides(ctx: _Context, view: _View, trig: Match) -> frozenset[str] | None:
    """How many sides a meeting word is told of: "more" where a word of ``multilateral``
    stands right before it or is a part of it ("a trilateral meeting", "Dreiergespräch"), "two"
    where a word of ``bilateral`` stands right before it ("bilateral talks"); both where both
    do ("bilateral and trilateral talks"). A word further on tells another event ("met Trump
    on the sidelines of the trilateral summit": the pair's own meeting). None for a meeting
    word that is itself a word of ``bilateral``: "bilateral" is as often the ties of two
    countries that a meeting discussed ("discussed bilateral ties"), and "bilateral talks" are
    told by "talks"."""
    text = view.sentence.text
    words = ctx.words
    counted, two = words.multilateral.find(text), words.bilateral.find(text)
    if any(w.start < trig.end and trig.start < w.end for w in two):
        return None
    # words of either kind and coordinators between the word and the meeting word do not count
    # ("bilateral and trilateral talks")
    told = [(w.start, w.end) for w in (*counted, *two)]

    def before(w: Match) -> bool:
        if w.end > trig.start or not view.own(trig, w.start, w.end):
            return False
        between = [
            m
            for m in re.finditer(r"\S+", text[w.end : trig.start])
            if m.group().lower() not in words.coordinators
            and not any(a <= w.end + m.start() < b for a, b in told)
        ]
        return len(between) <= _SIDES_REACH

    found = set()
    if any(before(w) or (w.start < trig.end and trig.start < w.end) for w in counted):
        found.add("more")
    if any(before(w) for w in two):
        found.add("two")
    return frozenset(found)


#: The sides of a mention whose sentence does not tell which meeting it is (``_sides_agreed``).
_BOTH_SIDES = frozenset({"more", "two"})
#: Words that may stand between a word counting a meeting's sides and the meeting word
#: ("a trilateral summit meeting", "bilateral leaders' talks").
_SIDES_REACH = 1


def _programme_item(ctx: _Context, view: _View, trig: Match) -> tuple[int, int] | None:
    """The item of a programme the trigger names: its line (``_Context.programme``) and how
    many words of sequence that tell what comes after (lexicon key ``sequence``, label
    ``after``: "followed by", "subsequently") stand before it on the line."""
    paragraph = view.sentence.paragraph
    if paragraph not in ctx.programme:
        return None
    before = ctx.text[ctx.line_starts[paragraph] : view.offset + trig.start]
    return paragraph, sum(m.label == "after" for m in ctx.words.sequence.find(before))


def _separate(ctx: _Context, view: _View, mention: Mention, trig: Match) -> list[Mention]:
    """Meetings of one person with each of several listed after them, told as separate ones
    (lexicon key ``separate`` in the sentence: "Putin traf in Samarkand auch Raisi und Sharif",
    "On the sidelines, Modi met Macron of France, Sunak of the United Kingdom and Zelensky"):
    the mention keeps the first, and one more is made for each other. Not where the list begins
    with the one who meets ("Biden, Kishida and Yoon also met"), nor where more than one of
    those listed is a principal of the report (the report's own meeting of three). A name no
    gazetteer knows, known by its title ("Mongolian President Batbayar Dorjsuren"), is one
    of the list as a known name is; so is an office that names one person ("The Chinese
    president also met Ramaphosa, Albanese and Orbán"), which gives way to that person's name
    further on ("the presidents of Russia, Brazil and China - Putin, Bolsonaro and Xi": the list
    is read at the names). A clause that puts a word of ``separate_with`` before each
    one met, or each group ("talks with Japarov, with Mirziyoyev and Raisi", "sowohl mit Biden
    als auch mit Selenski"), tells them separate without a word of ``separate`` (_with_each),
    though two of them are the report's principals (a third leader met each of the two).
    A word of ``together`` in the sentence keeps every list one meeting."""
    if not mention.kind.meeting or mention.kind.pairs or mention.in_quote:
        return []
    text = view.sentence.text
    if ctx.words.together.find(text):
        return []
    lo, hi = view.clauses[trig.start]
    each = _with_each(ctx, view, lo, hi)
    if each is not None:
        who, listed, parts = each
        # a "with" of its own before each tells them apart, the report's principals too
        others = _one_by_one(ctx, mention, who, listed, told_apart=True)
        if others:
            _own_days([mention, *others], parts, view.offset)
        return others
    if not ctx.words.separate.find(text):
        return []
    leaders = _leaders_listed(ctx, view, trig)
    if leaders is not None:
        return _one_by_one(ctx, mention, *leaders, told_apart=True, named=False)
    named: dict[str, ActorMention] = {}
    for a in view.actors:
        if (
            a.start >= lo
            and (a.kind in PERSON_KINDS or (a.kind == "pronoun" and a.end <= trig.start))
            and not ctx.quoted(view.offset, a.start, a.end)
        ):
            names = ctx.discourse.resolve(a)
            if a.kind in {"pronoun", "office"} and len(names) != 1:
                continue
            for name in names:
                if name not in named or named[name].kind == "office":
                    named[name] = a
    spans = sorted(named.items(), key=lambda item: item[1].start)
    each = _met_each(ctx, text, trig, spans)
    if each is not None:
        who, listed = each
    else:
        if len(spans) < 3 or not _listed_in(ctx, text, trig, hi, spans):
            return []
        who, listed = spans[0][0], _listed_after(ctx, text, spans)
        if listed is None:
            return []
    return _one_by_one(ctx, mention, who, listed)


def _one_by_one(
    ctx: _Context,
    mention: Mention,
    who: str,
    listed: list[str],
    *,
    told_apart: bool = False,
    named: bool = True,
) -> list[Mention]:
    """The meetings of ``who`` with each of ``listed``: the mention keeps the first, one more
    for each other. Nothing where more than one of those listed is a principal of the report (the
    report's own meeting of three), unless the clause tells each meeting apart (``told_apart``:
    "sowohl mit Biden als auch mit Xi"), or where the mention lacks any of them (unless they are
    not ``named`` as people: the leaders of the countries a clause lists, ``_leaders_listed``)."""
    if len(listed) < 2:
        return []
    if not told_apart and sum(p in ctx.discourse.principals for p in listed) > 1:
        return []
    if who in listed or (named and not {who, *listed} <= set(mention.actors)):
        return []
    mention.actors = [who, listed[0]]
    others = []
    for person in listed[1:]:
        other = copy.copy(mention)
        other.actors, other.evidence = [who, person], list(mention.evidence)
        other.times, other.quotes = list(mention.times), list(mention.quotes)
        others.append(other)
    return others


def _leaders_listed(ctx: _Context, view: _View, trig: Match) -> tuple[str, list[str]] | None:
    """The one who meets and those met where the trigger's clause tells meetings with the
    leaders of countries it lists by name (lexicon key ``leaders_listed``: "separate meetings
    with the leaders of Hungary and Australia", "mit den Spitzenpolitikern Ungarns und
    Australiens"): each country's leader on the report's date (offices.yaml, role leader), the
    one who meets the one person the sentence names before the word for the leaders; None if
    the clause does not, or lists fewer than two leaders the gazetteer knows, or the sentence
    names anyone else ("met Kishida and held separate meetings with the leaders of ...": the
    meeting it names is told as found), or a leader listed is a principal of the report (its
    own meeting, which its other sentences tell as theirs). The word may stand past the
    clause's end after its trigger ("separate meetings while in Hanoi with the leaders of
    ..."), with no trigger of another clause and no one named between."""
    text = view.sentence.text
    lo, hi = view.clauses[trig.start]
    for word in ctx.words.leaders_listed.find(text):
        if word.start < lo or ctx.quoted(view.offset, word.start, word.end):
            continue
        if word.start >= hi and (
            word.start < trig.end
            or any(
                trig.end <= t.start < word.start and view.clauses[t.start] != (lo, hi)
                for t in view.triggers
            )
            or _person_actors(ctx, view, trig.end, word.start)
        ):
            continue  # past the clause only after its own trigger, no one else's between
        # a word inside the trigger's own words: the list follows them ("kam mit weiteren
        # Staats- und Regierungschefs zusammen, unter anderem Ungarns und Australiens")
        inside = trig.start <= word.start < trig.end
        countries = _countries_listed(ctx, text, max(word.end, trig.end) if inside else word.end)
        if len(countries) < 2:
            continue
        before = {
            names[0]
            for a in _person_actors(ctx, view, 0, word.start)
            if len(names := ctx.discourse.resolve(a)) == 1
        }
        everyone = {
            n for a in _person_actors(ctx, view, 0, len(text)) for n in ctx.discourse.resolve(a)
        }
        if len(before) != 1 or everyone != before:
            return None
        who = next(iter(before))
        own = ctx.finder.country_of(who)
        leaders = [
            leader
            for code in countries
            if code != own and (leader := ctx.finder.leader_of(code)) and leader != who
        ]
        leaders = list(dict.fromkeys(leaders))
        if any(p in ctx.discourse.principals for p in leaders):
            return None
        return (who, leaders) if len(leaders) > 1 else None
    return None


#: Words at most between a word of ``leaders_listed`` and the first country listed (words of
#: ``joint_of`` or ``examples``, an article), and in a country's name.
_LEADERS_GAP = 3


def _countries_listed(ctx: _Context, text: str, pos: int) -> list[str]:
    """The countries (codes) listed by name from ``pos`` of ``text`` on, each joined to the one
    before by a comma or a coordinator (an article after it: "des Sudan und des Tschad"), after
    at most ``_LEADERS_GAP`` words of ``joint_of``, of ``examples`` or articles; none if the
    list does not begin there."""
    side = ctx.lang.compiled(_side_words)
    articles = name_articles(ctx.lang)
    index = index_for(ctx.lang.knowledge)
    countries, _ = country_codes(ctx.lang.knowledge)
    rest = text[pos:]
    lead = re.match(r"[\s,]*", rest)
    at = lead.end() if lead else 0
    skipped = 0
    while skipped <= _LEADERS_GAP:
        example = next((m for m in ctx.words.examples.find(rest) if m.start == at), None)
        word = re.match(r"[^\W\d_]+", rest[at:])
        if example is not None:
            end = example.end
        elif word and (word[0].lower() in side.joint_of or word[0].lower() in articles):
            end = at + word.end()
        else:
            break
        skipped += 1
        gap = re.match(r"[\s,]*", rest[end:])
        at = end + (gap.end() if gap else 0)
    found: list[str] = []
    while True:
        words = re.findall(r"[^\s,;:()]+", rest[at:])[:_LEADERS_GAP]
        code = None
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n]).rstrip(".!?")
            if not name[:1].isupper():
                continue
            place = index.lookup(name)
            code = countries.get(place.name) if place is not None else None
            if code is not None:
                at = rest.index(words[n - 1], at) + len(words[n - 1])
                break
        if code is None:
            break
        found.append(code)
        join = ctx.lang.compiled(_list_join).match(rest, at)
        if join is None:
            break
        at = join.end()
        after = re.match(r"([^\W\d_]+)\s+", rest[at:])
        if after and after[1].lower() in articles:
            at += after.end()
    return list(dict.fromkeys(found))


def _list_join(lang: LanguageKnowledge) -> re.Pattern[str]:
    """What joins one item of a list to the next: a comma, a coordinator of the language's
    settings, or both (", and")."""
    words = "|".join(re.escape(str(c)) for c in lang.settings.get("coordinators") or ())
    coordinator = rf"(?:{words})\s+" if words else r"(?!)"
    return re.compile(rf"\s*(?:,\s*(?:{coordinator})?|\s{coordinator})", re.IGNORECASE)


def _own_days(mentions: list[Mention], parts: dict[str, tuple[int, int]], offset: int) -> None:
    """Each of the meetings ``_with_each`` tells one by one keeps the days named in its own part
    of the clause, from its word of ``separate_with`` to the next ("mit Modi und Xi am Dienstag
    und mit Erdogan am Mittwoch": Erdogan is met on Wednesday), where at least two parts name
    one; a part naming none takes none of the others' days."""
    spans = list(dict.fromkeys(parts.values()))

    def inside(t: Any, span: tuple[int, int]) -> bool:
        return span[0] <= t.start - offset < span[1]

    days = [t for t in mentions[0].times if t.kind in DAY_KINDS]
    if sum(any(inside(t, span) for t in days) for span in spans) < 2:
        return
    for m in mentions:
        span = parts.get(m.actors[-1]) if m.actors else None
        if span is None:
            continue
        m.times = [
            t
            for t in m.times
            if t.kind not in DAY_KINDS or inside(t, span) or not any(inside(t, s) for s in spans)
        ]


def _with_each(
    ctx: _Context, view: _View, lo: int, hi: int
) -> tuple[str, list[str], dict[str, tuple[int, int]]] | None:
    """The one who meets and those met where the clause puts a word of ``separate_with`` of its
    own before each of them, or each group of them ("meet with Japarov, with Berdymukhamedov,
    Mirziyoyev and Raisi", "sowohl mit Biden als auch mit Selenski", "mit Modi und Xi am Dienstag
    und mit Erdogan am Mittwoch"): one meeting with each, the one who meets named before the
    first such word (or a pronoun of one person there: "he will meet with Putin, and later
    with Xi"), and each one's part of the clause (from its group's word to the next group's:
    ``_own_days``); None if the clause does not. A list begun in the clause goes on past its
    comma where a short join links the next group's word, not in a relative clause nor past
    someone else named ("met with A, who had talks with B", "with A, while C met with B")."""
    text = view.sentence.text
    # a list begun in the clause may go on past its comma ("meetings with Putin, as well as
    # with Xi"): the words after it count where they join one more group to it
    last = len(text)
    people: list[tuple[str, ActorMention]] = []
    for a in _person_actors(ctx, view, lo, last):
        names = ctx.discourse.resolve(a)
        if len(names) == 1:
            people.append((names[0], a))
    hits = [
        h
        for h in ctx.words.separate_with.find(text)
        if lo <= h.start and not ctx.quoted(view.offset, h.start, h.end)
    ]
    groups: list[tuple[Match, list[tuple[str, ActorMention]]]] = []
    for n, hit in enumerate(hits):
        # past the clause, not in a relative clause ("met Putin, who had talks with Xi")
        if hit.start >= hi and (
            not groups or any(a <= hit.start < b for a, b, _ in view.relatives)
        ):
            break
        stop = hits[n + 1].start if n + 1 < len(hits) else last
        if hit.start < hi:
            stop = min(stop, hi)
        after = [(name, a) for name, a in people if hit.end <= a.start < stop]
        if not after or not _title_gap(text[hit.end : after[0][1].start]):
            if len(groups) > 1 or hit.start >= hi:
                break
            groups = []
            continue
        group = after[:1]
        for (_, a), (name, b) in pairwise(after):
            between = text[a.end : b.start]
            if not ctx.words.joins.search(between) or len(between.split()) > _LIST_GAP:
                break
            group.append((name, b))
        if groups:
            link = text[groups[-1][1][-1][1].end : hit.start]
            if (
                not (ctx.words.joins.search(link) or ctx.words.separate_also.find(link))
                or len(link.split()) > _LIST_GAP
                or any(c in link for c in ";:()")
                # past the clause, not where the words name someone else ("..., then Scholz
                # with B"): that is another's meeting
                or (
                    hit.start >= hi
                    and any(hit.start - len(link) <= a.start < hit.start for a in view.actors)
                )
            ):
                if len(groups) > 1 or hit.start >= hi:
                    break
                groups = []
        groups.append((hit, group))
    if len(groups) < 2:
        return None
    before = [name for name, a in people if a.end <= groups[0][0].start]
    if not before:
        # a pronoun of one person in the clause before the first such word is the one who
        # meets ("he will hold meetings with Putin, as well as with Xi")
        before = [
            names[0]
            for a in _person_actors(ctx, view, lo, groups[0][0].start, frozenset({"pronoun"}))
            if len(names := ctx.discourse.resolve(a)) == 1
        ]
    if not before:
        return None
    listed = list(dict.fromkeys(name for _, group in groups for name, _ in group))
    # each group's part of the clause: from its word to the next group's (the last: the clause,
    # or the sentence where the list went on past the clause)
    ends = [hit.start for hit, _ in groups[1:]] + [hi if groups[-1][0].start < hi else last]
    parts: dict[str, tuple[int, int]] = {}
    for (hit, group), end in zip(groups, ends, strict=True):
        for name, _ in group:
            parts.setdefault(name, (hit.start, end))
    return before[-1], listed, parts


def _listed_in(
    ctx: _Context, text: str, trig: Match, hi: int, spans: list[tuple[str, ActorMention]]
) -> bool:
    """Whether the first listed (the second of ``spans``) is in the trigger's clause, or just
    after its end where that end is a list's comma after a name no gazetteer knows ("held
    meetings with his Azerbaijani counterpart Ilham Aliyev, Chinese President Xi Jinping, ..."),
    the one who meets named before the trigger."""
    start = spans[1][1].start
    if start < hi:
        return True
    gap = text[hi:start]
    return (
        spans[0][1].end <= trig.start
        and ctx.words.joins.match(gap) is not None
        and len(gap.split()) <= _LIST_GAP
        and not any(c in gap for c in ";:()")
    )


#: Words at most between a word of ``separate_with`` and the one who meets (a title).
_WITH_GAP = 4


def _title_gap(gap: str) -> bool:
    """Whether the words between a word of ``separate_with`` and a name are at most a title
    ("mit dem japanischen Ministerpräsidenten"): ``_WITH_GAP`` words, no comma or bracket."""
    return len(gap.split()) <= _WITH_GAP and not any(c in gap for c in ",;:()")


def _person_actors(
    ctx: _Context, view: _View, lo: int, hi: int, kinds: frozenset[str] = PERSON_KINDS
) -> list[ActorMention]:
    """The people (not groups or countries; actors of ``kinds``) named from ``lo`` to before
    ``hi`` of the sentence, outside quotations, in the order named."""
    return sorted(
        (
            a
            for a in view.actors
            if lo <= a.start < hi
            and a.kind in kinds
            and not ctx.quoted(view.offset, a.start, a.end)
        ),
        key=lambda a: a.start,
    )


def _met_each(
    ctx: _Context, text: str, trig: Match, spans: list[tuple[str, ActorMention]]
) -> tuple[str, list[str]] | None:
    """The one who meets and those met one by one where the person after a word of
    ``separate_with`` right behind the meeting word meets each of those listed before it, one
    by one (a word of ``separate_each`` in the sentence)
    ("Neben Xi wollen auch Lula und Vucic bilaterale Gespräche mit Putin führen": Putin meets
    Lula and Vucic; Xi, not joined to the list, is left out); None if the sentence does not
    say so."""
    if not ctx.words.separate_each.find(text):
        return None
    for hit in ctx.words.separate_with.find(text):
        if hit.start < trig.end or len(text[trig.end : hit.start].split()) > 1:
            continue  # right behind the meeting word ("talks with", "met separately with")
        after = [(name, a) for name, a in spans if a.start >= hit.end]
        before = [(name, a) for name, a in spans if a.end <= trig.start]
        if not after or not before:
            return None
        who, first = after[0]
        if not _title_gap(text[hit.end : first.start]):
            return None
        if len(after) > 1:
            more = text[first.end : after[1][1].start]
            if ctx.words.joins.match(more.lstrip()) and len(more.split()) <= _LIST_GAP:
                return None  # a list after "with": those met ("talks with A, B and C")
        listed = [before[-1][0]]
        for (_, b), (name, a) in pairwise(reversed(before)):
            between = text[a.end : b.start]
            if not ctx.words.joins.search(between) or len(between.split()) > _LIST_GAP:
                break
            listed.insert(0, name)
        return who, listed
    return None


def _listed_after(
    ctx: _Context, text: str, spans: list[tuple[str, ActorMention]]
) -> list[str] | None:
    """Those the first of ``spans`` meets: the names listed after it; None where the list
    begins with the one who meets ("Biden, Kishida and Yoon also met")."""
    joins = ctx.words.joins
    if joins.fullmatch(text[spans[0][1].end : spans[1][1].start].strip() or ","):
        return None  # the one who meets is the list's first
    listed = [spans[1][0]]
    for (_, a), (name, b) in pairwise(spans[1:]):
        between = text[a.end : b.start]
        if not joins.search(between) or len(between.split()) > _LIST_GAP:
            break
        listed.append(name)
    return listed


def _coordinated(ctx: _Context, view: _View, mention: Mention, trig: Match) -> list[Mention]:
    """Meetings that one clause tells at several places, each at a time of its own ("met in
    Rome in April and in The Hague in June", "in Tehran in July, in Sochi in August"): the
    mention keeps the first place and time, and one more mention is made for each other.

    The places follow one another joined by a comma or a coordinator, each after a
    preposition, none in another; each stretch between two joins names a year or month, all
    different. Anything less is one meeting, as found.
    """
    if not mention.kind.meeting or mention.in_quote:
        return []
    text = view.sentence.text
    lo, _ = view.clauses[trig.start]
    joins = ctx.words.joins
    chain: list[PlaceMention] = []
    bounds = [lo]
    for p in view.places:
        if p.start < lo or p.preposition is None or view.bounds_only(trig, p.start, p.end):
            continue
        if not chain:
            if not view.own(trig, p.start, p.end):
                return []
            chain.append(p)
            continue
        last = chain[-1]
        if p.place.meets(last.place):
            continue
        between = text[last.end : p.start]
        cuts = [m.start() for m in joins.finditer(between)]
        if not cuts or ";" in between:
            break
        chain.append(p)
        bounds.append(last.end + cuts[-1])
    if len(chain) < 2:
        return []
    end = chain[-1].end + len(text[chain[-1].end :].split(",")[0].split(";")[0])
    bounds.append(end)
    periods = [
        p
        for p in find_periods(text[lo:end], ctx.lang)
        if not view.bounds_only(trig, lo + p.start, lo + p.end)
    ]
    parts = [
        [p for p in periods if bounds[i] <= lo + p.start < bounds[i + 1]] for i in range(len(chain))
    ]
    keys = [{(p.year, p.month, p.days) for p in part} for part in parts]
    if any(len(k) != 1 for k in keys) or len({next(iter(k)) for k in keys}) != len(keys):
        return []
    mention.place, mention.periods = chain[0].place, parts[0]
    others = []
    for place, part in zip(chain[1:], parts[1:], strict=True):
        other = copy.copy(mention)
        other.actors, other.evidence = list(mention.actors), list(mention.evidence)
        other.place, other.periods = place.place, part
        other.times, other.duration, other.planned = [], None, None
        others.append(other)
    return others


#: Words between a word before the addressee ("told") and the addressee's name (titles).
_ADDRESSEE_REACH = 4


def _addressee(ctx: _Context, view: _View) -> str | None:
    """The person the sentence's words are said to: a named person right after a word of
    ``addressee_before`` ("Xi told Trudeau", "quoted Xi as telling Biden", "sagte Putin zu
    Xi"), outside quotations."""
    text = view.sentence.text
    for hit in ctx.words.addressee_before.find(text):
        if ctx.quoted(view.offset, hit.start, hit.end):
            continue
        after = [a for a in view.actors if a.start >= hit.end]
        if not after:
            continue
        first = min(after, key=lambda a: a.start)
        between = text[hit.end : first.start]
        if (
            first.kind in PERSON_KINDS
            and first.name
            and len(between.split()) <= _ADDRESSEE_REACH
            and not any(ch in between for ch in ',;:"“”„«»')
        ):
            return first.name
    return None


def _addressed(ctx: _Context, speaker: str | None, addressee: str | None) -> bool:
    """Whether one principal says the words to the other (to their meeting or call)."""
    principals = ctx.discourse.principals
    return bool(
        speaker
        and addressee
        and speaker != addressee
        and speaker in principals
        and addressee in principals
    )


def _claim_quotes(ctx: _Context, view: _View, new: dict[str, Mention]) -> None:
    """Quotations go to an event said in them, else to a trigger outside them in the sentence
    (an event of speaking first, "told reporters after the meeting"; words one principal says
    to the other to their meeting or call); the rest are statements, placed after the sentence
    pass (words said to the other principal to the meeting or call told nearest them)."""
    addressee = _addressee(ctx, view) if view.speakers else None
    for qi, speaker in view.speakers.items():
        if qi in ctx.scare_quotes:
            continue  # a title or a word in quotation marks, not a statement
        ctx.quote_speaker[qi] = speaker
        owner = next((m for m in new.values() if m.in_quote and m.kind.claims_quote), None)
        outside = [m for m in new.values() if not m.in_quote]
        if owner is None and _addressed(ctx, speaker, addressee):
            owner = next((m for m in outside if m.kind.meeting or m.kind.pairs), None)
            if owner is None:  # the meeting told nearest, once all are known
                ctx.addressed.add(qi)
                ctx.unclaimed.append(qi)
                continue
        if owner is None:
            owner = next((m for m in outside if m.kind.spoken), outside[0] if outside else None)
        if owner is not None:
            owner.quotes.append({"speaker": speaker, "text": ctx.quotes[qi].text})
        else:
            ctx.unclaimed.append(qi)
            if speaker:
                ctx.speech_order.append((ctx.quotes[qi].start, speaker))


def _gather_participants(ctx: _Context, view: _View, new: dict[str, Mention]) -> None:
    """A sentence without a trigger that names people right after a meeting adds them, unless
    the meeting already names both its sides (``_names_both_sides``); after a meeting that was
    called off they wait for the next meeting of the paragraph (the one that took place
    instead). Its durations go to the event before it, in its paragraph or as the first sentence
    of the next (``_follow_durations``)."""
    for m in new.values():
        if m.kind.meeting and m.status != "cancelled" and ctx.waiting:
            if m.sentence.paragraph == ctx.waiting[0]:
                m.actors.extend(n for n in ctx.waiting[1] if n not in m.actors)
            ctx.waiting = None
    last = ctx.last_mention
    said = all(_reports_speech(ctx, m) and m.duration is None for m in new.values())
    if last is None or (new and not said):
        return
    paragraph = view.sentence.paragraph
    same = paragraph == last.sentence.paragraph
    # or the first sentence of the paragraph right after the event's ("The conversation lasted
    # more than two hours"): pages often put each sentence on a line of its own
    opens_next = paragraph == last.sentence.paragraph + 1 and (
        ctx.sentences[view.sentence.index - 1].paragraph != paragraph
    )
    if same or opens_next:
        _follow_durations(ctx, view, last)
    if new or not same or not last.kind.meeting:
        return
    names = [
        a.name
        for a in view.actors
        if a.kind in PERSON_KINDS and a.name and not ctx.quoted(view.offset, a.start, a.end)
    ]
    if last.status == "cancelled":
        earlier = ctx.waiting[1] if ctx.waiting else []
        ctx.waiting = (view.sentence.paragraph, [*earlier, *names])
        return
    if _names_both_sides(last):
        return
    last.actors.extend(n for n in dict.fromkeys(names) if n not in last.actors)


def _reports_speech(ctx: _Context, mention: Mention) -> bool:
    """Whether the mention is a statement told by its speech verb ("told reporters", "told
    state media"): what its sentence says ahead of that verb's clause is what was said."""
    return (
        mention.kind.spoken
        and not mention.in_quote
        and bool(ctx.words.speech.find(mention.trigger))
    )


def _names_both_sides(meeting: Mention) -> bool:
    """Whether a meeting already names two people: its sides are told, and the people of the
    next sentence without a trigger are that sentence's own, not guests of the meeting. "Merkel
    had already met Vice President Kamala Harris in the morning. She is the first head of
    government from Europe to be received by Biden": Biden did not join the breakfast (adding
    him made it the main meeting's mention, merged into it with Harris)."""
    return len(meeting.actors) >= 2


def _follow_durations(ctx: _Context, view: _View, last: Mention) -> None:
    """A sentence without a trigger right after an event that lasts gives it the durations it
    lacks ("Geplant waren bis zu fünf Stunden."), and the hedge its duration leaves out when it
    tells the same length (a headline's "Fünf Stunden Verhandlungen", then "Gut fünf Stunden
    hatten sie gerungen": ``fuller``)."""
    if not last.kind.duration or last.status == "cancelled":
        return
    spans = [
        t
        for t in view.times
        if t.kind == "duration"
        and not inside(ctx.quotes, t.start, t.end)
        and (
            t.minutes is None
            or last.kind.max_duration_min is None
            or t.minutes <= last.kind.max_duration_min
        )
    ]
    if last.planned is None:
        last.planned = next((t for t in spans if t.planned), None)
    kept = fuller(last.duration, next((t for t in spans if not t.planned), None))
    if kept is not last.duration:
        last.duration = kept
        last.lasted = _lasted(ctx, view, last.duration)


#: Words between a verb of lasting and the duration it tells ("lasted nearly two hours", "zwei
#: Stunden gedauert").
_LASTED_REACH = 2


def _lasted(ctx: _Context, view: _View, duration: TimeExpression | None) -> bool:
    """Whether a verb of lasting (lexicon key ``lasting``) tells the duration, right before or
    after it ("It lasted one hour and 50 minutes", "hat zwei Stunden gedauert")."""
    if duration is None:
        return False
    text = view.sentence.text
    lo, hi = duration.start - view.offset, duration.end - view.offset
    for verb in ctx.lang.matcher("temporal", "lasting").find(text):
        if verb.end <= lo and len(text[verb.end : lo].split()) <= _LASTED_REACH:
            return True
        if hi <= verb.start and len(text[hi : verb.start].split()) <= _LASTED_REACH:
            return True
    return False


def _note_call_span(ctx: _Context, view: _View) -> None:
    """Keep a sentence without a trigger that names a call word and a duration, unquoted
    ("The first major conversation ... took place on February 12, lasting an hour and a half";
    "Das Telefonat dauerte rund eine Stunde"): in a report about one call it measures the call
    (``fold_into_call``)."""
    spans = [
        t
        for t in view.times
        if t.kind == "duration" and not t.planned and not inside(ctx.quotes, t.start, t.end)
    ]
    if spans and ctx.words.call_words.find(view.sentence.text):
        days = [
            t for t in view.times if t.kind in DAY_KINDS and not inside(ctx.quotes, t.start, t.end)
        ]
        ctx.call_spans.append((view.sentence, spans[0], days))


def _update_discourse(ctx: _Context, view: _View) -> None:
    """Who the text is about now: the last speaker quoted in this sentence, else the one a speech
    verb names ("sagte Trump", "Putin lobte"), else the first subject."""
    ctx.discourse.together = []
    speakers_here = [view.speakers[qi] for qi in sorted(view.speakers) if view.speakers[qi]]
    if speakers_here:
        ctx.discourse.last_person = speakers_here[-1]
        return
    args = (view.actors, ctx.quotes, view.offset)
    subject = speech_subject(view.speech, *args, ctx.discourse)
    if subject is None:
        subject = first_subject(view.sentence.text, *args, ctx.finder, ctx.discourse)
    if subject is not None:
        ctx.discourse.last_person = subject
        joined = _joined_subjects(ctx, view, subject)
        if joined:
            ctx.discourse.together = list(dict.fromkeys([subject, *joined]))


#: Sentences between two reports of progress within a report.
_PROGRESS_EVERY = 200


def _sentence_pass(ctx: _Context, progress: Callable[[int], None] | None = None) -> None:
    for number, (sentence, found) in enumerate(ctx.per_sentence):
        if progress is not None and number % _PROGRESS_EVERY == 0:
            progress(sentence.start)
        actors = _leaders_of_others(ctx, sentence, found)
        ctx.discourse.here = _pronouns_here(ctx, sentence, actors)
        view = _view(ctx, sentence, actors)
        _find_speakers(ctx, view)
        new = _mentions_of(ctx, view)
        _claim_quotes(ctx, view, new)
        if view.speech and not new:  # a statement without quotation ("Zuerst sprach Putin.")
            subject = speech_subject(view.speech, actors, ctx.quotes, view.offset, ctx.discourse)
            if subject:
                ctx.speech_order.append((view.offset, subject))
        _gather_participants(ctx, view, new)
        if not new:
            _note_call_span(ctx, view)
        _note_aside_days(ctx, view)
        for m in new.values():
            ctx.mentions.append(m)
            ctx.last_mention = m
        _update_discourse(ctx, view)
        ctx.discourse.here = {}


def _object_pronouns(lang: LanguageKnowledge) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lang.lexicon("actors").get("object_pronouns") or ())


def _pronouns_here(ctx: _Context, sentence: Sentence, actors: list[ActorMention]) -> dict[int, str]:
    """Pronouns that the sentence's own words resolve: the first pronoun of a sentence, not one
    of the object (lexicon key ``object_pronouns``: "met him"), after a single person named before
    it as the subject and no one else (no group, no object, no second person, no genitive that
    may own the one it stands for) and no verb of saying between them, is that person
    ("Ferrand waved goodbye before she boarded the plane"), not the last person of the sentences
    before. Quoted words count for neither."""
    objects = ctx.lang.compiled(_object_pronouns)
    genitives = genitive_endings(ctx.lang.knowledge)
    text = sentence.text
    speech = outside(ctx.hits("speech", sentence), ctx.quotes, sentence.start)
    before: list[ActorMention] = []
    for a in sorted(actors, key=lambda a: a.start):
        if ctx.quoted(sentence.start, a.start, a.end):
            continue
        if a.kind != "pronoun":
            before.append(a)
            continue
        if a.text.lower() in objects or len({b.name for b in before}) != 1:
            return {}
        first = before[0]
        if any(first.end <= v.start < a.start for v in speech):
            return {}  # what a person says of "he" tells its plans, not an event of the text
        if first.name and all(
            b.kind in PERSON_KINDS
            and not b.text.endswith(genitives)
            and not ctx.finder.is_object(text, b.start)
            for b in before
        ):
            return {a.start: first.name}
        return {}
    return {}


def _note_aside_days(ctx: _Context, view: _View) -> None:
    """Note the days of the sentence that stand in a relative clause after a comma that tells
    no event of its own ("the formal part of the visit, which ends on Friday"): such a day
    describes the noun before the clause, it is not the day the text has come to. A relative
    clause with a trigger tells an event ("Scholz, who arrived in India today, met Modi") and
    its day stays the context."""
    asides = [
        (a, b)
        for a, b, _ in view.relatives
        if not any(a <= trig.start < b for trig in view.triggers)
    ]
    for t in view.times:
        start, end = t.start - view.offset, t.end - view.offset
        if t.kind in DAY_KINDS and any(a <= start and end <= b for a, b in asides):
            ctx.aside_days.add(t.start)


def _context_dates(ctx: _Context, merged: list[Mention]) -> None:
    """Each event's context date: the last day named (outside quotations) before it, unless
    that is the weekday of an event still to come ("a speech Thursday": the coming one),
    which dates nothing told after it. A day in a relative clause that tells no event
    (``_Context.aside_days``) is passed over."""
    days = [
        t
        for t in ctx.times
        if t.kind in DAY_KINDS
        and not inside(ctx.quotes, t.start, t.end)
        and t.start not in ctx.aside_days
    ]
    ahead = [(e.start, e.end) for m in merged if m.status in FUTURE for e in m.evidence]
    for m in merged:
        first = min(m.evidence, key=lambda e: e.start)
        before = [t for t in days if t.start < first.start]
        last = before[-1] if before else None
        if (
            last is not None
            and last.kind == "weekday"
            and any(lo <= last.start < hi for lo, hi in ahead)
        ):
            last = None
        m.context = last


def extract_mentions(report: Report, *, knowledge: Knowledge | None = None) -> list[Mention]:
    """The event mentions of one report, merged per event, in text order."""
    return read_report(report, knowledge=knowledge).mentions


def read_report(
    report: Report,
    *,
    knowledge: Knowledge | None = None,
    progress: Callable[[int], None] | None = None,
) -> ReportMentions:
    """The event mentions of one report and its principals (the two people it is about).

    ``progress`` is called now and then with the offset in the text read so far. A name
    several towns bear names the one the report's other places tell (``namesakes_told``).
    """
    knowledge = resolve(knowledge)
    with namesakes_told(report.text, knowledge.language(report.language)):
        return _read(report, knowledge, progress)


def _read(
    report: Report, knowledge: Knowledge, progress: Callable[[int], None] | None
) -> ReportMentions:
    ctx = _context(report, knowledge)
    _sentence_pass(ctx, progress)
    attach_statements(
        ctx.mentions,
        ctx.quotes,
        ctx.unclaimed,
        ctx.quote_speaker,
        ctx.speech_order,
        ctx.discourse,
        ctx.addressed,
    )
    quotes_to_their_event(
        ctx.mentions, ctx.quotes, ctx.words.quote_words, ctx.quote_speaker, ctx.scare_quotes
    )
    live_stamps(ctx.mentions, ctx.sentences, ctx.times, ctx.programme)
    for m in ctx.mentions:  # the people a statement or the next sentence gave it
        _part_companions(ctx, m)
    groups = frozenset(ctx.lang.knowledge.gazetteer("groups") or {})
    merged = merge_mentions(
        ctx.mentions,
        ctx.discourse,
        ctx.finder.country_of,
        ctx.year,
        groups,
        ctx.month,
        ctx.report.written_on,
    )
    merged = fold_into_call(
        merged, lambda word: bool(ctx.words.call_words.find(word)), ctx.call_spans
    )
    _context_dates(ctx, merged)
    for m in merged:
        if m.subjects:  # who spoke, once all its sentences are merged
            m.actors = [a for a in m.actors if a in m.subjects]
        m.actors = [a for a in m.actors if a not in m.aside]
    return ReportMentions(
        merged,
        list(ctx.discourse.principals),
        _summit_places(ctx),
        _named_places(ctx),
        ctx.times,
        ctx.filed_in,
        named_people(ctx.per_sentence, gazetteers_for(knowledge).spouses),
    )


def _named_places(ctx: _Context) -> list[Place]:
    """For a report without a day of publication: the places its lead names, unquoted, in
    sentences that name no year ("their last meeting, in Bali in November 2022" is another
    one)."""
    if ctx.report.gives_day:
        return []
    found: list[Place] = []
    for sentence in ctx.sentences:
        if sentence.paragraph >= LEAD_PARAGRAPHS:
            break
        if any(p.year is not None for p in find_periods(sentence.text, ctx.lang)):
            continue
        found.extend(_unquoted_places(ctx, sentence))
    return found


def _unquoted_places(ctx: _Context, sentence: Sentence) -> list[Place]:
    """The places ``sentence`` names outside quotations."""
    return [
        p.place
        for p in find_places(sentence.text, ctx.lang)
        if not ctx.quoted(sentence.start, p.start, p.end)
    ]


def _summit_places(ctx: _Context) -> list[Place]:
    """Places named in sentences about the summit as a whole ("Gipfel in Hanoi"), not about one
    recalled ("Last year, at a summit in Helsinki")."""
    found: list[Place] = []
    year = ctx.year
    # an invitation's place is where a meeting would be ("accepted an invitation to a state
    # visit in Germany"), not where this one is
    inviting = {m.sentence.start for m in ctx.mentions if m.kind.place == "proposed"}
    for sentence in ctx.sentences:
        if not ctx.hits("container", sentence) or sentence.start in inviting:
            continue
        periods = find_periods(sentence.text, ctx.lang)
        for p in find_places(sentence.text, ctx.lang):
            if ctx.quoted(sentence.start, p.start, p.end):
                continue
            # the dateline is where the report was filed ("New Delhi: Modi left for Brazil to
            # attend the summit"), not the summit's place
            if ctx.filed_at and ctx.filed_at[0] <= sentence.start + p.start < ctx.filed_at[1]:
                continue
            # a time after the comma closing the place's phrase tells of what follows it ("the
            # last to Washington as president for Hu, a hydroelectric engineer who has ruled
            # since 2002"), not when the summit was
            comma = sentence.text.find(",", p.end)
            own = [t for t in periods if comma < 0 or t.start < comma]
            if away(own, year) is None:
                found.append(p.place)
    return found
