"""The status of a mention from the cues of its clause.

A cancellation word makes it cancelled; a negation makes it no event at all, or cancelled if
the event was planned ("the planned lunch did not take place"); a trigger that is a travel verb
in the present tense ("reist nach Kiew", lexicon key ``travel_present``) makes it announced,
and so does an appearance before the press with its verb in the present tense ("treten ... vor
die Presse", ``programme_present``) and what a journey is for, before it in its clause
("arrived in Moscow to attend the parade", ``journey_purpose``); a preposition of time just
before the trigger makes it past ("after their call", but not with a planning word right after
the trigger: "after a lunch scheduled for 1:30 p.m."), unless the main clause after it is still
ahead ("After their talks the two will hold a news conference": ``before_main``,
``main_ahead``); a plan around the trigger in its clause, however long the noun's phrase
("Später war ein Mittagessen der beiden Paare ... geplant": ``frame_open``, ``frame_close``),
makes it announced; a future or intent word, a planning word in its own clause, or a verb in
the present tense with a word for the day of writing, a clock time or a date after the day of
writing (where the report gives none: "morgen" or a day of the week without its date; "kommt
heute ... zusammen", "beginnt um 11 Uhr", "kommen am Donnerstag zusammen", lexicon keys
``present`` and ``ahead``) makes it announced (unless it reports the past: "soll ... gedauert
haben"); a trigger in the simple past (``past``) is announced only by
a cue of its own clause before it; an item of a programme with no cue is what the day holds in
store ("9:30 am to 10:30 am: Arrival of leaders", ``statements.programme_lines``); otherwise it
has its type's default status (``default_status`` in the ontology: an offer is proposed,
anything else occurred).

A meeting a host receives a guest for, told in the present tense ("empfängt Selenskyj zu
Gesprächen", lexicon keys ``reception``, ``reception_purpose``), is announced as what a journey
is for is: the reception is told as it happens or as the day's programme, the meeting follows.

What an agreement is about ("agreed to set up a meeting", "haben ein Treffen in Rom
vereinbart", lexicon keys ``agreed_before``, ``agreed_after``) is announced; not the occasion
it was agreed at ("bei ihrem Telefonat vereinbarten sie") nor what goes on ("agreed to continue
their talks", ``agreed_exempt``). That occasion, a word of agreement in the past right after it
(``agreed_past``), took place.

A verb of saying keeps what it reports apart from the trigger's status: a verb of announcing
before a trigger in the simple past is the saying ("announced that the president left"), and a
future in what a verb of saying after a trigger in the present reports is what was said
("Netanyahu arrives at the White House and Trump says a deal will be reached").

What a verb of looking forward governs, its event noun or its infinitive clause, is announced
("looks forward to the talks", "is poised for her first meeting", "Sie freue sich darauf, mit
dem Kanzler zu sprechen", lexicon keys ``anticipation``, ``correlate``); not a trigger in the simple
past.
"""

from __future__ import annotations

from ..knowledge import EventType
from ..knowledge.matching import Lexicon
from .mention import EventWords

#: Statuses of an event still to come (announced and proposed can be one event).
FUTURE = frozenset({"announced", "proposed"})

#: Statuses that a mention holds until its report's other mentions of the event tell one: a
#: heading with no verb ("unspecified", else occurred) and a clause whose future words speak of
#: what the event is about ("topical", else announced). Such a mention joins any status.
PROVISIONAL = {"unspecified": "occurred", "topical": "announced"}

#: Characters between a preposition or planning word and the trigger it governs ("after their
#: two-hour call", "the originally planned one-on-one").
_PAST_REACH = 40
#: Quotation marks around a word (stripped before it is read).
_QUOTES = "\"'„“”‘’«»"
#: Characters between a trigger and a planning word that belongs to it ("lunch scheduled for").
_NEXT_TO = 3


#: Characters between a future word and a word of what the event is about ("will also focus
#: on", "soll es vor allem um ... gehen").
_TOPIC_REACH = 25
_TOPIC_WORDS = 2


#: Characters between a journey verb and the purpose infinitive that tells what it is for
#: ("arrived in the Black Sea resort of Sochi on Friday to meet").
_JOURNEY_REACH = 60


def _uncovered(cues: list, exempt: list) -> bool:
    return any(not any(e.start <= c.start < e.end for e in exempt) for c in cues)


def negated(words: EventWords, text: str) -> bool:
    """Whether ``text`` holds a negation that no exempt phrase ("nicht nur") covers."""
    return _uncovered(words.negation.find(text), words.negation_exempt.find(text))


def _announced(words: EventWords, text: str) -> bool:
    cues = [*words.announced.find(text), *words.announcing.find(text)]
    return _uncovered(_on_occurrence(words, text, cues), words.announced_exempt.find(text))


def _on_occurrence(words: EventWords, text: str, cues: list) -> list:
    """The future words of ``text`` that say an event will take place: not those that say what
    it will be about or bring ("the talks will focus on trade", "soll es um ... gehen", lexicon
    key ``topic``)."""
    topics = words.topic.find(text)
    return [
        c
        for c in cues
        if not any(
            0 <= t.start - c.end <= _TOPIC_REACH and _near(text[c.end : t.start]) for t in topics
        )
    ]


def _near(gap: str) -> bool:
    """Whether ``gap`` holds at most two words ("will also focus on", "soll es vor allem")."""
    return len(gap.split()) <= _TOPIC_WORDS


def _topical(words: EventWords, text: str) -> bool:
    """Whether ``text`` has future words, each of them about what an event will be about."""
    cues = [*words.announced.find(text), *words.announcing.find(text)]
    cues.extend(words.planned.find(text))
    return bool(cues) and not _on_occurrence(words, text, cues)


def _journey_for(words: EventWords, before: str, trigger: str) -> bool:
    """Whether the trigger is what a journey before it in its sentence is for: a journey verb
    (lexicon key ``journey``), then within ``_JOURNEY_REACH`` characters a purpose infinitive
    (``purpose_infinitive``) that reaches the trigger or ends at most two words before it
    ("arrived in Sochi to meet Putin", "travelled to Kyiv to hold talks", "ist nach Sotschi
    gereist, um Putin zu treffen")."""
    return _serves(words.journey, words.purpose_infinitive, before, trigger)


def _received_for(words: EventWords, before: str, trigger: str) -> bool:
    """Whether the trigger is what a guest is received for: a host's verb of receiving in the
    present tense (lexicon key ``reception``), then within ``_JOURNEY_REACH`` characters a word
    of what for (``reception_purpose``) at most two words before the trigger ("empfängt
    Selenskyj zu Gesprächen", "empfängt ihn zu einem Staatsbankett"): the reception is told as
    it happens or as the day's programme, what it is for comes after it."""
    return _serves(words.reception, words.reception_purpose, before, trigger)


def _serves(verbs: Lexicon, purposes: Lexicon, before: str, trigger: str) -> bool:
    """Whether a verb of ``verbs`` in ``before`` is followed, within ``_JOURNEY_REACH``
    characters, by a word of ``purposes`` that reaches the trigger or ends at most two words
    before it."""
    found_verbs = verbs.find(before) if trigger else []
    if not found_verbs:
        return False
    start = max(j.end for j in found_verbs)
    head = before[start:]
    text = head + trigger
    at = len(head)  # where the trigger begins in ``text``
    # ("um Putin zu": a separable ending is looked for where the clause ends, before the trigger)
    found = [*purposes.find(head), *purposes.find(text)]
    return any(m.start <= _JOURNEY_REACH and (m.end > at or _near(text[m.end : at])) for m in found)


#: Words before a trigger searched for a preposition that makes it the occasion an agreement
#: was made at ("bei ihrem Treffen vereinbarten sie", "agreed at their summit to").
_GOVERNING_WORDS = 3


def _agreed_on(words: EventWords, in_front: str, after: str) -> bool:
    """Whether the trigger is what an agreement is about: a word of agreement in its clause
    before it (lexicon key ``agreed_before``: "agreed to set up a meeting", "vereinbarten ein
    Treffen") or after it (``agreed_after``: "haben ein Treffen in Rom vereinbart"), at most
    ``_JOURNEY_REACH`` characters away, and no preposition of an occasion or of time among the
    ``_GOVERNING_WORDS`` words before the trigger (``occasion``, ``occurred``: "beim Treffen
    vereinbart", "agreed during their call to"): the occasion where it was agreed took place,
    what was agreed is still ahead; not where the clause agrees to go on with what is under way
    (``agreed_exempt``: "agreed to continue their talks", "to resume", "to maintain contact")."""
    agreed = any(
        len(in_front) - m.end <= _JOURNEY_REACH for m in words.agreed_before.find(in_front)
    ) or any(m.start <= _JOURNEY_REACH for m in words.agreed_after.find(after))
    if not agreed:
        return False  # the common case: no word of agreement, nothing more to read
    near = " ".join(in_front.split()[-_GOVERNING_WORDS:])
    if words.occasion.find(near) or words.occurred.find(near):
        return False
    # "agreed to continue their talks", "vereinbart, die Gespräche fortzusetzen": what is under
    # way goes on, no new event is agreed on
    return not (words.agreed_exempt.find(in_front) or words.agreed_exempt.find(after))


def _after_saying(words: EventWords, text: str) -> str:
    """``text`` after the last verb of saying in it: what that verb reports."""
    said = [m.end for m in words.speech.find(text)]
    return text[max(said) :] if said else text


def _agreed_at(words: EventWords, before: str, after: str) -> bool:
    """Whether the trigger is the occasion an agreement was made at: a preposition of an
    occasion or of time among the ``_GOVERNING_WORDS`` words before it (lexicon keys
    ``occasion``, ``occurred``) and a word of agreement in the past at most two words after it
    (``agreed_past``: "Bei ihrem ersten Telefonat vereinbarten sie ein Treffen", "At their
    meeting they agreed to"). What was agreed is still ahead; the occasion it was agreed at
    took place."""
    near = " ".join(before.split()[-_GOVERNING_WORDS:])
    if not (words.occasion.find(near) or words.occurred.find(near)):
        return False
    return any(_near(after[: m.start]) for m in words.agreed_past.find(after))


def _anticipated(words: EventWords, before: str, in_front: str) -> bool:
    """Whether a word of looking forward to an event governs the trigger (lexicon key
    ``anticipation``): it ends at most ``_JOURNEY_REACH`` characters before the trigger, in the
    trigger's clause ("looks forward to the talks", "is poised for her first meeting", "freut
    sich auf das Treffen") or, ending in a word that points to the clause after its comma
    (``correlate``), right before the comma that opens the trigger's clause ("freue sich
    darauf, mit dem Kanzler zu sprechen"). The event looked forward to is still ahead."""
    own = len(in_front.lstrip())  # the trigger's clause before it
    for m in words.anticipation.find(before):
        gap = before[m.end :]
        if len(gap) > _JOURNEY_REACH:
            continue
        rest = gap.lstrip()
        if len(rest) <= own:
            return True
        if (
            rest.startswith(",")
            and len(rest[1:].lstrip()) <= own
            and any(c.end == m.end for c in words.correlate.find(before[: m.end]))
        ):
            return True
    return False


def _said_at(words: EventWords, before: str) -> bool:
    """Whether the trigger is the occasion of a saying just before it: a verb of saying
    (lexicon key ``speech_verbs``), right after it a preposition of occasion, with those it
    was said to if any (``occasion``: "at", "reporters during"), and at most two words before
    the trigger ("said at a news conference", "told reporters during a breakfast", "sagte bei
    der Begrüßung"; not "said that at the meeting he will", where the meeting is in what was
    said). What was said there was said: the occasion took place."""
    for m in words.occasion.find(before):
        if not _near(before[m.end :]):
            continue
        head = before[: m.start]
        if any(not head[s.end :].strip() for s in words.speech.find(head)):
            return True
    return False


def _ahead(
    words: EventWords,
    clause: str,
    clocked: bool = False,
    wider: str = "",
    later: tuple[int, ...] = (),
) -> bool:
    """Whether the clause tells the day's programme: a verb in the present tense and a word for
    the day of writing or after it ("Macron kommt heute mit Putin zusammen"), or a day after it
    (``clocked``: a clock time, "Das Treffen beginnt um 11 Uhr", or a later day). A verb after
    an auxiliary of the perfect or the passive in its clause or in the clauses it is coordinated
    with (``wider``; lexicon key ``perfect``), or right before one, is a past participle that
    reads like the present tense ("Um 12 Uhr wurde Selenskyj im Kanzleramt empfangen", "hat
    heute Kiew besucht", "haben er und Ruhani am Freitag telefoniert", "der am Montag Starmer
    empfangen hat", "ist am Samstag empfangen worden"): it tells what took place. The present
    progressive (lexicon key ``progressive``) is the programme only with a day after the day of
    writing named after it (``later``: where such days begin in the clause), not with one of the
    words of key ``ahead``: of the day of writing it may tell what is under way."""
    at = wider.find(clause) if wider else -1
    text, shift = (wider, at) if at >= 0 else (clause, 0)
    auxiliaries = words.perfect.find(text)
    present = [
        m
        for m in words.present.find(clause)
        if not any(
            a.end <= m.start + shift
            or (a.start >= m.end + shift and not text[m.end + shift : a.start].strip())
            for a in auxiliaries
        )
    ]
    if any(m.end <= day for m in words.progressive.find(clause) for day in later):
        # the present progressive with a later day after it ("is meeting Putin on Wednesday";
        # "said on Tuesday that guests are arriving" names the day of saying)
        return True
    return bool(present) and (clocked or bool(words.ahead.find(clause)))


def _main_ahead(words: EventWords, before: str, main: str) -> bool:
    """Whether a preposition just before the trigger tells its event as one before what the
    main clause tells (lexicon key ``before_main``: "after their talks", "nach einer
    Unterredung"; not "since") and that clause, after the trigger in ``main``, is still ahead:
    a future word of its own (``main_ahead``: "will", "wollen") or an appearance before the
    press in the present tense (``programme_present``: "Im Anschluss an ihre Gespräche geben
    Scholz und Biden eine Pressekonferenz"). What comes before what is still ahead is too."""
    if not any(m.end >= len(before) - _PAST_REACH for m in words.before_main.find(before)):
        return False
    cues = [*words.main_ahead.find(main), *words.programme_present.find(main)]
    return _uncovered(cues, words.announced_exempt.find(main))


def _past(words: EventWords, before: str) -> bool:
    """Whether a past-marking preposition stands just before the trigger, with no future or
    intent word between ("after their call", but "After their talks they will dine") and no
    article after its own noun that opens the trigger's phrase (lexicon key ``object_articles``:
    "werden am 14. November nach dem Gipfel ein Treffen haben": "nach dem" governs the summit,
    not the meeting)."""
    return any(
        m.end >= len(before) - _PAST_REACH
        and not _announced(words, before[m.end :])
        and not _opens_object(words, before[m.end :])
        for m in words.occurred.find(before)
    )


def _opens_object(words: EventWords, gap: str) -> bool:
    """Whether ``gap``, the text between a preposition and the trigger, holds an article of a
    noun phrase of its own after its first word ("Gipfel ein"): the preposition governs that
    first noun, the article the trigger."""
    first = gap.split()[:1]
    if not first:
        return False
    after_first = gap.find(first[0]) + len(first[0])
    return bool(words.object_articles.find(gap[after_first:]))


def status(
    words: EventWords,
    kind: EventType,
    clause: str,
    wider: str,
    span: str | None = None,
    trigger: str = "",
    before: str = "",
    after: str = "",
    plans_duration: bool = False,
    clocked: bool = False,
    joined: int = 0,
    later: tuple[int, ...] = (),
    main: str = "",
    framed: bool = False,
    programme: bool = False,
) -> str | None:
    """Status from the clause's cues; None if the clause negates the event.

    ``wider`` is the clause with the clauses coordinated to it ("will meet X and leave on
    Saturday"), where an announcing verb or a modal also counts. ``span`` runs over commas to
    the next semicolon or break word, so "the lunch, which was due at noon, was called off" is
    cancelled. A negation inside the ``trigger`` itself ("took no questions") negates nothing.
    ``before`` and ``after`` are the text of the clause before and after the trigger: a planning
    word right next to the trigger ("the planned lunch", "a meeting planned for Friday") makes
    it announced; one further away may govern something else ("shorter than the five hours
    they had expected"), and one that governs a duration does ("the scheduled 30-minute meeting":
    ``plans_duration``). A preposition of time before ``joined`` (where the last break word
    before the trigger opens, "and" in "issue a statement after their meeting and deliver
    speeches") governs what comes before that word, not the trigger. ``main`` is the rest of
    the sentence after the trigger that its main clause may stand in ("After their talks the
    two leaders will hold a news conference": see ``_main_ahead``). ``framed``: a plan stands
    around the trigger in its clause, however long the noun's phrase ("Später war ein Mittagessen
    der beiden Paare im Schloss geplant"). ``programme``: the clause is an item of a programme
    ("9:30 am to 10:30 am: Arrival of leaders"): with no cue of its own and no verb of the past
    (lexicon keys ``past``, ``perfect``) it is what the day holds in store, "topical" (announced
    unless the report tells it held).
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
    if _said_at(words, before) or _agreed_at(words, before, after):
        return "occurred"
    if words.travel_present.find(trigger):
        # "Nach dem Aufenthalt in Belarus reist Putin weiter": a verb in the present tense, not
        # a noun that "nach" could make past
        return "announced"
    at = clause.find(trigger) if trigger else -1
    if at >= 0 and any(m.start <= at < m.end for m in words.programme_present.find(clause)):
        # "Anschließend treten Scholz und Macron vor die Presse": an appearance before the press
        # with its verb in the present tense is still ahead in the day's programme
        return "announced"
    in_front = clause[:at] if at >= 0 else clause  # the clause before its trigger
    if (at > 0 and words.journey_purpose.find(in_front)) or _journey_for(words, before, trigger):
        # "arrived in Moscow to attend the parade", "arrived in Sochi to meet Putin": what a
        # journey is for
        return "announced"
    if kind.meeting and _received_for(words, before, trigger):
        # "Trump empfängt Selenskyj zu Gesprächen": the meeting a guest is received for
        return "announced"
    if _agreed_on(words, in_front, after):
        # "agreed to set up a meeting", "haben ein Treffen in Rom vereinbart": what was agreed on
        return "announced"
    plans_after = _plans(words, after)
    # "after a working lunch scheduled for 1:30 p.m.": the planning word right after the
    # trigger tells more than the preposition before it
    if _past(words, before[joined:]) and not any(m.start <= _NEXT_TO for m in plans_after):
        return "announced" if _main_ahead(words, before[joined:], main) else "occurred"
    announced = _announced(words, wider)
    simple_past = bool(words.past.find(trigger))
    if announced and simple_past:
        # a trigger in the simple past tells what took place whatever the clause it is joined
        # to will do ("will give a press conference as the US leader arrived"), and whatever
        # comes after it ("has arrived in Sochi for talks expected to focus on Syria")
        # and a verb of saying before it is the saying, not the trigger's cue ("The White House
        # announced that the president left Washington")
        announced = _announced(words, _after_saying(words, in_front))
    if not simple_past and _anticipated(words, before or in_front, in_front):
        # "is poised for her first meeting", "freue sich darauf, mit dem Kanzler zu
        # sprechen": what is looked forward to
        return "announced"
    if announced or framed or _ahead(words, clause, clocked, wider, later):
        return "announced"
    if plans_duration:
        return "occurred"
    if any(m.end >= len(before) - _PAST_REACH for m in _plans(words, before)):
        return "announced"
    if not simple_past and any(m.start <= _PAST_REACH for m in plans_after):
        return "announced"
    if _topical(words, in_front if simple_past else wider):
        # "the talks will focus on trade": whether they take place, the clause does not say;
        # the report's other mentions of the event do (else it is announced)
        return "topical"
    if programme and not (words.past.find(clause) or words.perfect.find(clause)):
        # an item of a programme with no cue of its own and no verb of the past ("9:30 am to
        # 10:30 am: Arrival of leaders") is what the day holds in store, unless the report
        # tells it held
        return "topical"
    return "occurred"


def _plans(words: EventWords, text: str) -> list:
    """The planning words of ``text`` that no exempt phrase covers ("longer than planned" says
    what happened)."""
    exempt = words.announced_exempt.find(text)
    plans = _on_occurrence(words, text, words.planned.find(text))
    return [m for m in plans if not any(e.start <= m.start < e.end for e in exempt)]


def named_known(words: EventWords, before: str, trigger: str) -> bool:
    """Whether the trigger is an event noun that opens its sentence as one the reader knows: a
    determiner (lexicon key ``definite``) first in the sentence, right before it or one word
    before it that names no other occasion (``other_occasion``: "The meeting will be virtual",
    "Ihr erstes Treffen wird ... belastet", not "The next meeting" nor "what will be the sixth
    meeting"); not a verb ("The two met", lexicon keys ``past`` and ``present``). ``before``
    is the sentence's text before the trigger."""
    if words.past.find(trigger) or words.present.find(trigger):
        return False
    for m in words.definite.find(before):
        gap = before[m.end :]
        opens = not before[: m.start].strip(" \t•-" + _QUOTES)
        if opens and gap[:1].isspace() and len(gap.split()) <= 1:
            return not words.other_occasion.find(gap)
    return False


def names_earlier(words: EventWords, before: str, trigger: str) -> bool:
    """Whether the trigger is an event noun named as an earlier occasion: a determiner (lexicon
    key ``definite``) and a word of ``earlier_occasion`` right before it ("their last meeting",
    "Das letzte Treffen des Generalsekretärs mit Putin"), or a word of ``earlier_alone`` (one
    that never qualifies a verb) with no determiner, as plurals and headlines name them
    ("Reflecting Previous Meetings with ...", "bei früheren Treffen"); not a verb. ``before``
    is the sentence's text before the trigger."""
    if words.past.find(trigger) or words.present.find(trigger):
        return False
    tokens = [t.strip(_QUOTES) for t in before.split()[-2:]]
    if not tokens:
        return False
    word = tokens[-1]
    if len(tokens) == 2 and words.definite.find(tokens[0]) and words.earlier_occasion.find(word):
        return True
    # with no determiner, only right before the noun ("previous, talks" is no phrase)
    alone = before[-1:].isspace() and word[-1:].isalpha()
    return alone and bool(words.earlier_alone.find(word))


#: Words from a headline's "to" to its trigger at most ("to hold four bilaterals").
_HEADLINE_GAP = 3


def headline_plan(words: EventWords, before: str, trigger: str) -> int:
    """Where the infinitive of a headline opens that the clause before a trigger (``before``,
    of a line that is no sentence) ends in, or -1: a word of ``headline_infinitive`` ("to") and
    a bare verb right after it, the trigger itself or one at most ``_HEADLINE_GAP`` words before
    it, with no verb of the present or the past before ("Putin to hold talks with Merkel",
    "Modi to meet Xi"; not "arrives in Brasilia, to meet Xi", nor "returns to talks", "heads to
    Japan for talks"). Who comes before it is the caller's to check (the headline's subject)."""
    for m in words.headline_infinitive.find(before):
        ahead = before[: m.start]
        if words.present.find(ahead) or words.past.find(ahead):
            continue
        rest = before[m.end :].strip()
        if not rest:
            verb = words.bare_verbs.find(trigger)
        else:
            verb = words.bare_verbs.find(rest)
            if len(rest.split()) > _HEADLINE_GAP:
                continue
        if verb and verb[0].start == 0:
            return m.start
    return -1


def reads_as_sentence(text: str) -> bool:
    """Whether a heading reads like a sentence (it then keeps its status)."""
    return text.rstrip().endswith((".", "!", "?"))
