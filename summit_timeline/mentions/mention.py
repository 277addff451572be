"""What the mention stage produces: ``Mention``, and the event words it reads them with."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..knowledge import EventType, LanguageKnowledge
from ..knowledge.matching import Lexicon
from .periods import Period
from .places import Place
from .sentences import Sentence
from .temporal import TimeExpression


@dataclass
class Mention:
    """An event mention in one report, before alignment and dating."""

    report_id: str
    language: str
    kind: EventType
    status: str
    trigger: str
    sentence: Sentence
    actors: list[str] = field(default_factory=list)
    place: Place | None = None
    #: its own clause names the place as where it happened ("told reporters in Beijing"): the
    #: place holds against the report's venue elsewhere
    place_own: bool = False
    #: its own clause names the place at all ("arrived in China", "reiste nach China"), not only
    #: another clause of its sentence ("Both had arrived in the city", of a place named before)
    place_in_clause: bool = False
    quotes: list[dict[str, Any]] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    duration: TimeExpression | None = None
    #: the duration is told with a verb of lasting ("it lasted 110 minutes"), not as an
    #: attribute of a noun ("a nearly two-hour call")
    lasted: bool = False
    planned: TimeExpression | None = None
    order_cue: str | None = None
    #: its own clause places it before or after another event ("a press conference is planned
    #: afterwards"; not "Afterwards, Trump said they would meet")
    ordered: bool = False
    talk_format: str | None = None
    #: its trigger names the format itself ("dinner", "Abendessen"): every sentence of it tells
    #: the meal (or the signing), not talks that one followed
    format_told: bool = False
    #: its trigger names a meal shared with someone named right after it ("have dinner with
    #: Xi", "zum Mittagessen mit Macron"): the pair's meeting held over a meal, maybe their talks
    meal_shared: bool = False
    #: its sentence tells people taking part in it beside others ("joined by", "nahmen ... teil";
    #: lexicon key ``joining``)
    joined: bool = False
    evidence: list[Sentence] = field(default_factory=list)
    in_quote: bool = False
    confidence: float = 0.8
    speakers: list[str] = field(default_factory=list)
    #: for a type whose people are who speak (``spoken``): the subjects its sentences name;
    #: None when a sentence names none
    subjects: list[str] | None = None
    #: people its sentences name in a clause that a break word opens before or after the
    #: event's own clause ("met King Charles after earlier dropping in to see Sunak"): they
    #: leave its actors once all its sentences are merged
    aside: list[str] = field(default_factory=list)
    #: leaders' spouses named beside the leader in its sentence (``extract._part_companions``):
    #: no party to its merging and alignment; the table adds them to its actors where its type
    #: takes them (ontology ``companions``: a welcome, a visit). A merged mention keeps those of
    #: the mention it was built on: a spouse told in another sentence ("his wife was greeted
    #: by ...") is told beside, not of, the leader's own arrival
    companions: list[str] = field(default_factory=list)
    #: an invitation told as made before what its sentence tells, on a day the text does not
    #: give ("arrived at the invitation of Putin"): it takes no day from the sentence, the
    #: publication, the context or the story (lexicon key ``made_before``)
    made_before: bool = False
    #: a departure named as the moment before which what its sentence tells happened ("said
    #: before his departure", "vor seinem Abflug"; lexicon key ``left_after``): it may be the day
    #: before the meeting or after it, so only a day its own sentence names dates it
    left_after: bool = False
    #: its trigger is told as people asked or ordered to leave ("reporters were asked to leave
    #: the room"; lexicon key ``sent_away``): with no leader named, no departure of a leader
    sent_away: bool = False
    #: a meeting its clause names as one of three or more ("a trilateral meeting with Trump and
    #: Abe", "Dreiergespräch"; lexicon key ``multilateral``): not the talks of two of its people
    multilateral: bool = False
    #: a meeting its clause tells as held apart from others ("met Trump separately", "held
    #: bilateral talks"; lexicon key ``separate_each``)
    told_separate: bool = False
    #: a meeting its clause tells at an airfield ("a short talk at the airport"; lexicon key
    #: ``airport_words``): a sitting on arrival or departure, not talks told with no such word
    at_airport: bool = False
    #: a meeting its clause tells as several of two, each with another side it does not name
    #: ("will hold further bilateral talks", "weitere bilaterale Gespräche"; lexicon key
    #: ``several_others``): none of the meetings other reports tell (alignment)
    several_others: bool = False
    #: the people its clause names right after a word of ``separate_with`` ("talks with Abe",
    #: "sich mit dem Ministerpräsidenten Abe treffen"): whom it tells met. Two meetings of one
    #: person told with another such counterpart each are two events (``merge``)
    met_with: frozenset[str] = frozenset()
    #: a meeting whose clause gives a group as its other side (``extract._meets_group``, with
    #: the gazetteer's groups too: "talks with members of the parties", "met with European
    #: Union leaders"): one person it names alone meets them, not someone named (alignment)
    meets_group: bool = False
    #: an event noun named as an earlier occasion ("their last meeting", "das letzte Treffen";
    #: ``status.names_earlier``): a meeting its report recalls, not its own
    earlier: bool = False
    #: for a meeting that names no one: the countries (codes) whose officials its clause names
    #: as its sides ("Russian and U.S. delegations met", "Verhandlungen zwischen Vertretern
    #: Kiews und Moskaus"; lexicon key ``official_sides``): where one is no principal's, the
    #: officials meet among themselves, not the report's principals (``merge._finish``), and
    #: no meeting that names people is theirs (``merge._officials_apart``)
    officials_of: frozenset[str] = frozenset()
    #: the principals among the people of such a meeting of officials that no format or
    #: joining word makes the leaders' own ("representatives of Germany and France
    #: negotiated"; ``merge._finish``): merging, stories and alignment read them as its side,
    #: the table shows them not, as its clause names no one (``build._shown_actors``)
    implied: tuple[str, ...] = ()
    #: how many sides the meeting words of its sentence tell it of right at them
    #: (``extract._sides``, lexicon keys ``multilateral`` and ``bilateral``): "more" for three
    #: or more ("a trilateral meeting"), "two" for two on their own ("bilateral talks"); both
    #: where its sentence does not tell which of its meetings it is (``extract._sides_agreed``).
    #: Two mentions of a report told with different sides are two meetings
    #: (``merge.sides_differ``); a merged mention keeps that of the sentence it shows
    sides: frozenset[str] = frozenset()
    #: an invitation to an occasion its own day names ("invited Trump to Friday's celebration",
    #: "an invitation for Wednesday's meeting"): to the summit's own, where the summit is
    #: (lexicon key ``own_occasion``)
    to_own_occasion: bool = False
    #: the item of a programme it is (``statements.programme_lines``): its line, and how many
    #: words of sequence stand before it on that line ("10:30 am to 1:30 pm: The first session,
    #: followed by a working lunch": two items); another item of the line is another event
    item: tuple[int, int] | None = None
    stamps: list[TimeExpression] = field(default_factory=list)
    #: of an event still to come: the clock times another sentence of the same event gives ("Das
    #: Treffen beginnt um 11 Uhr"); they set its start on the day it is given, never its day
    clocks_told: list[TimeExpression] = field(default_factory=list)
    context: TimeExpression | None = None
    periods: list[Period] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what in its text was wrong ("25:70 Uhr")
    #: every sentence of it only refers back to an event told before ("after the meeting")
    reference: bool = False
    #: held only by default, told with a verb in the present tense (lexicon key ``present``:
    #: "Erdogan kommt mit Biden zusammen"), which may be the programme as well
    present_tense: bool = False

    @property
    def event_type(self) -> str:
        """The ontology key of the mention's type (``"talks"``, ...)."""
        return self.kind.key

    def score(self) -> float:
        """How informative the mention's sentence is, to pick the evidence shown first."""
        s = 0.0
        s += 3 if self.duration else 0
        s += 3 if any(t.time for t in self.times) else 0
        said_here = any(q["text"] in self.sentence.text for q in self.quotes)
        s += 2 if said_here and self.kind.claims_quote else 0
        s += 1 if self.place else 0
        s += 1 if any(t.date or t.weekday is not None for t in self.times) else 0
        s += 0 if self.sentence.is_heading else 1
        return s


#: Paragraphs (lines) of a report that make its lead: headline, subheading, first paragraphs.
LEAD_PARAGRAPHS = 4


@dataclass(frozen=True)
class ReportMentions:
    """What the mention stage says of one report: its mentions, its two principals, the places
    it names for the summit as a whole ("the summit in Hanoi"), and, for a report that gives no
    day of publication, the places its lead names outside a clause of another year
    (``named_places``: a report that dates nothing still says where it is)."""

    mentions: list[Mention]
    principals: list[str]
    summit_places: list[Place] = field(default_factory=list)
    named_places: list[Place] = field(default_factory=list)
    #: the time expressions of the report, as the mentions were dated from them (not those of
    #: the day of filing in a dateline)
    times: list[TimeExpression] = field(default_factory=list)
    #: the place of its dateline, where it was filed (``places.dateline``)
    filed_in: Place | None = None
    #: everyone of the people (or offices) gazetteer it names, a spouse as the leader
    people: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EventWords:
    """The compiled event lexicon of one language (``lexicons/<lang>/events.yaml``)."""

    triggers: Lexicon
    formats: Lexicon
    container: Lexicon
    #: the container words that name a journey as a whole ("visit", "trip", "Besuch"), under
    #: the event type they tell called off ("cancelled his trip": a visit, cancelled)
    journeys: Lexicon
    #: words that call a journey off besides those of ``cancelled`` ("needed to scrap his
    #: trip"), and the words of ``cancelled`` that put it off to a later day ("postponed"): a
    #: journey put off is made up later, no visit called off
    journey_cancelling: Lexicon
    journey_putting_off: Lexicon
    no_event: Lexicon
    #: words of a sentence that tells what is usual, not one event ("it is customary")
    habitual: Lexicon
    #: quantifiers over occasions ("for each", "bei jedem"): the occasion word after them
    #: names what is usual, not one event ("For each dinner, ...")
    habitual_occasions: Lexicon
    thing_verbs: Lexicon
    things: Lexicon
    #: words that open a thing's phrase right after the subject that follows the verb
    #: ("begrüßte Lula die Unterstützung"): that person is who welcomes, not the guest
    thing_determiners: Lexicon
    cancelled: Lexicon
    negation: Lexicon
    negation_exempt: Lexicon
    planned: Lexicon
    announced: Lexicon
    announced_exempt: Lexicon
    occurred: Lexicon
    #: the prepositions of ``occurred`` that tell an event before the main clause's ("after
    #: their talks"), and the words of a main clause still ahead ("will", "wollen")
    before_main: Lexicon
    main_ahead: Lexicon
    #: an auxiliary before a trigger and a planning word closing its clause ("ist ... geplant")
    frame_open: Lexicon
    frame_close: Lexicon
    present: Lexicon
    perfect: Lexicon
    ahead: Lexicon
    #: the present progressive ("is meeting"): the programme only with a later day
    progressive: Lexicon
    past: Lexicon
    travel_present: Lexicon
    programme_present: Lexicon
    #: words of a line that heads a programme's list ("schedule", "Programm")
    programme_heading: Lexicon
    journey_purpose: Lexicon
    purpose_clause: Lexicon
    #: words that continue the clause before a comma ("and") and bare verbs ("hold",
    #: "have"): a verb phrase after them shares the auxiliary of the clause before
    continuation: Lexicon
    bare_verbs: Lexicon
    #: the infinitive marker of a headline ("Putin to hold talks"): with a bare verb after it,
    #: in a line that is no sentence, the plan
    headline_infinitive: Lexicon
    #: words that hang a phrase with no verb of its own on the clause before a comma
    #: ("followed by", "darunter"): it shares that clause's tense
    appending: Lexicon
    topic: Lexicon
    #: determiners before an event noun that name an event the reader knows ("the meeting"),
    #: unless a word of ``other_occasion`` stands between ("the next meeting")
    definite: Lexicon
    other_occasion: Lexicon
    #: of those, the words that name an earlier occasion ("their last meeting")
    earlier_occasion: Lexicon
    #: of those, the ones that never qualify a verb: with no determiner before them too
    #: ("previous meetings", "bei früheren Treffen")
    earlier_alone: Lexicon
    journey: Lexicon
    purpose_infinitive: Lexicon
    #: a host's verb of receiving a guest in the present tense ("empfängt"), and the words
    #: after it that name what the guest is received for ("zu Gesprächen"): still ahead
    reception: Lexicon
    reception_purpose: Lexicon
    #: a host's verbs of receiving in any tense: received to a meeting its clause names ("zu
    #: Gesprächen empfangen"), the guest's reception is that meeting, no arrival
    received_to: Lexicon
    occasion: Lexicon
    #: words of an agreement before and after the event agreed on ("agreed to hold talks",
    #: "ein Treffen vereinbart"): that event is still ahead, unless the clause agrees to go on
    #: with what is under way (``agreed_exempt``: "agreed to continue their talks")
    agreed_before: Lexicon
    agreed_after: Lexicon
    agreed_exempt: Lexicon
    #: words of an agreement in the past ("agreed", "vereinbarten"): right after an occasion
    #: ("bei ihrem Telefonat vereinbarten sie") they tell that the occasion took place
    agreed_past: Lexicon
    #: words of looking forward to an event, right before it or its infinitive clause ("looks
    #: forward to the talks", "freue sich darauf, mit ihm zu sprechen"): it is still ahead
    anticipation: Lexicon
    #: words that end such a word and point to the clause after its comma ("darauf")
    correlate: Lexicon
    #: articles that open a noun phrase of their own after a preposition's ("nach dem Gipfel ein
    #: Treffen"): the preposition governs its own noun, not the trigger after the article
    object_articles: Lexicon
    announcing: Lexicon
    made_before: Lexicon
    left_after: Lexicon
    sent_away: Lexicon
    own_occasion: Lexicon
    reference: Lexicon
    also_attended: Lexicon
    framing_told: Lexicon
    relative_openers: Lexicon
    since: Lexicon
    examples: Lexicon
    separate: Lexicon
    #: words right after a meeting word before the one who meets each of several people listed
    #: before it ("talks with", "Gespräche mit"), where a word of ``separate_each`` says they
    #: meet one by one ("bilateral", "separately")
    separate_with: Lexicon
    separate_each: Lexicon
    #: words of an airfield ("airport", "Rollfeld"): a meeting told there is a sitting of its own
    airport: Lexicon
    #: pronouns that stand for several people ("they", "sie")
    plural_pronouns: Lexicon
    #: words besides a comma and a coordinator that join one more person met, each after a
    #: word of ``separate_with`` of its own ("sowohl mit Biden als auch mit Selenski")
    separate_also: Lexicon
    #: words telling one meeting of all those named ("four-way talks", "Dreiergespräch")
    together: Lexicon
    #: words naming one meeting of three or more as such ("trilateral", "Dreier*"); right before
    #: a meeting word they count its sides, as words telling a meeting of two on their own
    #: there do ("bilateral")
    multilateral: Lexicon
    bilateral: Lexicon
    #: words right before a word of ``bilateral`` before a meeting word that tell several
    #: meetings of two with others not named ("further bilateral talks", "weitere bilaterale
    #: Gespräche")
    several_others: Lexicon
    #: words for the leaders of countries that a list of those countries follows ("separate
    #: meetings with the leaders of Hungary and Australia", "mit den Spitzenpolitikern Ungarns
    #: und Australiens")
    leaders_listed: Lexicon
    joining: Lexicon
    call_words: Lexicon
    sequence: Lexicon
    speech: Lexicon
    speaker_after: Lexicon
    #: verbs of saying whose report follows them ("said", "told", "sagte")
    reporting: Lexicon
    addressee_before: Lexicon
    quote_words: Lexicon
    source_prepositions: Lexicon
    purpose: Lexicon
    #: words of time before another event's word ("after talks with", "nach dem Treffen mit")
    other_event: Lexicon
    #: words for a group of several people as a meeting's other side ("leaders from",
    #: "members of", "Staats- und Regierungschefs")
    group_sides: Lexicon
    #: words for officials meeting in their country's name ("delegations", "Vertreter"): a
    #: meeting naming no one whose sides are those of a country no principal leads is theirs
    official_sides: Lexicon
    #: a photo caption's words of where a person stands ("right", "second from left")
    caption_positions: Lexicon
    #: words before such a group that make it the meeting's side ("with", "of", "mit", "der")
    group_links: Lexicon
    clause_breaks: Lexicon
    clause_adverbs: Lexicon
    destinations: frozenset[str]
    #: prepositions of where someone or something comes from ("from", "aus")
    origins: frozenset[str]
    #: prepositions of where a journey starts ("from", "von"): a departure's place when its
    #: trigger holds them ("flew from Oslo to Ottawa")
    starts: frozenset[str]
    #: relative adverbs of place ("where", "wo"): after a comma, the clause they open happens at
    #: the place named right before it
    where_adverbs: frozenset[str]
    #: adverbs of place that refer back ("dort"): the clause they stand in happens at the place
    #: named last before them
    there_adverbs: frozenset[str]
    #: words that open what a verb of saying reports ("that", "dass"): a day after them is of
    #: what is reported, not of the saying ("said that on Friday he will")
    reported_openers: frozenset[str]
    #: the coordinators of the language's settings ("and", "und"), lower case: they join
    #: phrases, and open no subordinate clause
    coordinators: frozenset[str]
    #: what joins two phrases of one clause: a comma or a coordinator ("and", "und")
    joins: re.Pattern[str]


def _triggers(lang: LanguageKnowledge) -> Lexicon:
    """The trigger lexicon, types that override others first: a word both types match
    ("Telefongespräch") goes to the overriding type."""
    triggers = lang.lexicon("events")["triggers"]
    types = lang.knowledge.types
    ranked = sorted(triggers, key=lambda key: not types[key].overrides)
    return Lexicon(lang, {key: triggers[key] for key in ranked})


def _compile_event_words(lang: LanguageKnowledge) -> EventWords:
    events = lang.lexicon("events")
    status = events["status"]

    def status_words(key: str) -> Lexicon:
        """The words of the status lexicon's ``key`` (none where a language lists none)."""
        return Lexicon(lang, {key: status.get(key) or ()})

    # verbs of welcoming that take a thing, not a guest, and the things ("welcomed the move")
    objects = events.get("thing_objects") or {}
    places = lang.lexicon("places")
    return EventWords(
        triggers=_triggers(lang),
        formats=lang.matcher("events", "talk_formats"),
        container=lang.matcher("events", "container"),
        journeys=lang.matcher("events", "journeys"),
        journey_cancelling=lang.matcher("events", "journey_cancelling"),
        journey_putting_off=lang.matcher("events", "journey_putting_off"),
        no_event=Lexicon(lang, {"no_event": events.get("no_event") or ()}),
        habitual=Lexicon(lang, {"habitual": events.get("habitual") or ()}),
        habitual_occasions=Lexicon(
            lang, {"habitual_occasions": events.get("habitual_occasions") or ()}
        ),
        thing_verbs=Lexicon(lang, {"verbs": objects.get("verbs") or ()}),
        things=Lexicon(lang, {"things": objects.get("things") or ()}),
        thing_determiners=Lexicon(lang, {"determiners": objects.get("determiners") or ()}),
        cancelled=Lexicon(lang, {"cancelled": status["cancelled"]}),
        negation=Lexicon(lang, {"negation": status["negation"]}),
        negation_exempt=Lexicon(lang, {"exempt": status.get("negation_exempt") or ()}),
        planned=Lexicon(lang, {"planned": status["planned"]}),
        announced=Lexicon(lang, {"announced": status["announced"]}),
        announced_exempt=Lexicon(lang, {"exempt": status.get("announced_exempt") or ()}),
        occurred=status_words("occurred"),
        before_main=status_words("before_main"),
        main_ahead=status_words("main_ahead"),
        frame_open=status_words("frame_open"),
        frame_close=status_words("frame_close"),
        present=status_words("present"),
        perfect=status_words("perfect"),
        ahead=status_words("ahead"),
        progressive=status_words("progressive"),
        past=status_words("past"),
        travel_present=status_words("travel_present"),
        programme_present=status_words("programme_present"),
        programme_heading=status_words("programme_heading"),
        journey_purpose=status_words("journey_purpose"),
        purpose_clause=status_words("purpose_clause"),
        continuation=status_words("continuation"),
        bare_verbs=status_words("bare_verbs"),
        headline_infinitive=status_words("headline_infinitive"),
        appending=status_words("appending"),
        topic=status_words("topic"),
        definite=status_words("definite"),
        other_occasion=status_words("other_occasion"),
        earlier_occasion=status_words("earlier_occasion"),
        earlier_alone=status_words("earlier_alone"),
        journey=status_words("journey"),
        purpose_infinitive=status_words("purpose_infinitive"),
        reception=status_words("reception"),
        reception_purpose=status_words("reception_purpose"),
        received_to=status_words("received_to"),
        occasion=status_words("occasion"),
        agreed_before=status_words("agreed_before"),
        agreed_past=status_words("agreed_past"),
        agreed_after=status_words("agreed_after"),
        agreed_exempt=status_words("agreed_exempt"),
        anticipation=status_words("anticipation"),
        correlate=status_words("correlate"),
        object_articles=status_words("object_articles"),
        announcing=lang.matcher("events", "announcing"),
        made_before=lang.matcher("events", "made_before"),
        left_after=lang.matcher("events", "left_after"),
        sent_away=lang.matcher("events", "sent_away"),
        own_occasion=lang.matcher("events", "own_occasion"),
        reference=lang.matcher("events", "reference"),
        also_attended=lang.matcher("events", "also_attended"),
        framing_told=lang.matcher("events", "framing_told"),
        relative_openers=lang.matcher("events", "relative_openers"),
        since=lang.matcher("events", "since"),
        examples=lang.matcher("events", "examples"),
        separate=lang.matcher("events", "separate"),
        separate_with=lang.matcher("events", "separate_with"),
        separate_each=lang.matcher("events", "separate_each"),
        airport=lang.matcher("events", "airport_words"),
        plural_pronouns=lang.matcher("actors", "plural_pronouns"),
        separate_also=lang.matcher("events", "separate_also"),
        together=lang.matcher("events", "together"),
        multilateral=lang.matcher("events", "multilateral"),
        bilateral=lang.matcher("events", "bilateral"),
        several_others=lang.matcher("events", "several_others"),
        leaders_listed=lang.matcher("events", "leaders_listed"),
        joining=lang.matcher("events", "joining"),
        call_words=lang.matcher("events", "call_words"),
        sequence=lang.matcher("events", "sequence"),
        speech=lang.matcher("events", "speech_verbs"),
        speaker_after=Lexicon(lang, {"speaker_after": events.get("speaker_after") or ()}),
        reporting=Lexicon(lang, {"reporting_verbs": events.get("reporting_verbs") or ()}),
        addressee_before=Lexicon(lang, {"addressee_before": events.get("addressee_before") or ()}),
        quote_words=Lexicon(lang, events.get("quote_words") or {}),
        source_prepositions=lang.matcher("events", "source_prepositions"),
        purpose=lang.matcher("events", "purpose"),
        other_event=lang.matcher("events", "other_event"),
        group_sides=lang.matcher("events", "group_sides"),
        official_sides=lang.matcher("events", "official_sides"),
        caption_positions=lang.matcher("events", "caption_positions"),
        group_links=lang.matcher("events", "group_links"),
        clause_breaks=lang.matcher("events", "clause_breaks"),
        clause_adverbs=lang.matcher("events", "clause_adverbs"),
        destinations=frozenset(p.lower() for p in places.get("destination_prepositions") or ()),
        origins=frozenset(p.lower() for p in places.get("origin_prepositions") or ()),
        starts=frozenset(p.lower() for p in places.get("start_prepositions") or ()),
        where_adverbs=frozenset(p.lower() for p in places.get("where_adverbs") or ()),
        there_adverbs=frozenset(p.lower() for p in places.get("there_adverbs") or ()),
        reported_openers=frozenset(str(w).lower() for w in events.get("reported_openers") or ()),
        coordinators=frozenset(str(c).lower() for c in lang.settings.get("coordinators") or ()),
        joins=_joins(lang),
    )


def _joins(lang: LanguageKnowledge) -> re.Pattern[str]:
    """A comma, or a coordinator of the language's settings as a word."""
    words = "|".join(re.escape(str(c)) for c in lang.settings.get("coordinators") or ())
    return re.compile(rf",|(?<!\w)(?:{words})(?!\w)" if words else ",", re.IGNORECASE)


def event_words(lang: LanguageKnowledge) -> EventWords:
    """The compiled event words of ``lang`` (built once per knowledge object)."""
    return lang.compiled(_compile_event_words)
