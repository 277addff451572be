"""After the sentence pass: quotations no trigger claimed, and live-blog time stamps.

A quotation that no trigger of its sentence claims is a reply (to an event whose type
``carries_reply``, by the other side, shortly after), else a statement of the event whose type
``gathers_statements`` (when a principal speaks who gives it: another's words are not the
statement one leader gave alone), else a quotation of the mention before it that took place
(words already said are no event still to come; of the first one told after it when it leads
the report); one a principal says to the other goes to their
meeting or call told nearest it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Set

from ..knowledge.matching import Lexicon
from .discourse import Discourse
from .mention import Mention
from .quotes import QuoteSpan
from .sentences import Sentence
from .status import FUTURE
from .temporal import TimeExpression

#: Characters after the offer (or the last reply) within which a reply may follow.
_REPLY_REACH, _NEXT_REPLY_REACH = 400, 200
#: Share of a line a clock time must fill to be a live blog's entry stamp.
_STAMP_SHARE = 0.6

DAY_KINDS = ("date", "datetime", "weekday", "relative_day")


def _reply_target(offers: list[Mention], quote: QuoteSpan, speaker: str | None) -> Mention | None:
    """The offer that ``quote`` replies to: the other side speaks, shortly after it."""
    for offer in offers:
        proposer = offer.actors[0] if offer.actors else None
        if not speaker or speaker == proposer:
            continue
        replies = [x for x in offer.quotes if x.get("reply")]
        last_end = replies[-1]["_end"] if replies else max(e.end for e in offer.evidence)
        limit = _NEXT_REPLY_REACH if replies else _REPLY_REACH
        if 0 <= quote.start - last_end <= limit:
            return offer
    return None


def attach_statements(
    mentions: list[Mention],
    quotes: list[QuoteSpan],
    unclaimed: list[int],
    quote_speaker: dict[int, str | None],
    speech_order: list[tuple[int, str]],
    discourse: Discourse,
    addressed: set[int] | frozenset[int] = frozenset(),
) -> None:
    """Give unclaimed quotations to a reply, the statements (the first one whose people include
    the speaker, or that names none), or the mention before them (before all: the first after
    them); one that a principal says to the other (``addressed``) to their meeting or call told
    nearest it, one that took place if the report tells any (words already said)."""
    gathering = [m for m in mentions if m.kind.gathers_statements and m.status == "occurred"]
    offers = [m for m in mentions if m.kind.carries_reply]
    meetings = _meetings(mentions) if addressed else []
    # words said to the other principal were said at a meeting or call that took place
    meetings = [m for m in meetings if m.status == "occurred"] or meetings
    starts = [m.sentence.start for m in meetings]
    first_told = min(mentions, key=lambda m: m.sentence.start, default=None)
    for qi in unclaimed:
        q = quotes[qi]
        speaker = quote_speaker.get(qi)
        meeting = _told_near(meetings, starts, q) if qi in addressed else None
        if meeting is not None:
            meeting.quotes.append({"speaker": speaker, "text": q.text})
            continue
        target = _reply_target(offers, q, speaker)
        if target is not None:
            target.quotes.append({"speaker": speaker, "text": q.text, "reply": True, "_end": q.end})
            continue
        given = [g for g in gathering if not g.actors or speaker in g.actors]
        if speaker and speaker in discourse.principals and given:
            given[0].quotes.append({"speaker": speaker, "text": q.text})
            continue
        before = [m for m in mentions if m.sentence.start <= q.start]
        # words already said go to an event that took place, not one still to come
        held = [m for m in before if m.status == "occurred" and not m.in_quote]
        before = held or before
        # before every event the report tells (a lead quotation): the first one told after it
        told = before[-1] if before else first_told
        if told is not None:
            told.quotes.append({"speaker": speaker, "text": q.text})
    if gathering:
        _order_speakers(gathering[0], speech_order, discourse)


def _meetings(mentions: list[Mention]) -> list[Mention]:
    """The meetings and calls of ``mentions`` in the order of their sentences (not one called
    off, not one said in a quotation)."""
    found = [
        m
        for m in mentions
        if (m.kind.meeting or m.kind.pairs) and not m.in_quote and m.status != "cancelled"
    ]
    return sorted(found, key=lambda m: m.sentence.start)


def _told_near(mentions: list[Mention], starts: list[int], quote: QuoteSpan) -> Mention | None:
    """Of ``mentions`` (in the order of their sentences, which begin at ``starts``), the one
    told last before ``quote``, else the first after it."""
    before = bisect.bisect_right(starts, quote.start)
    if before:
        return mentions[before - 1]
    return mentions[0] if mentions else None


def quotes_to_their_event(
    mentions: list[Mention],
    quotes: list[QuoteSpan],
    words: Lexicon,
    quote_speaker: dict[int, str | None],
    scare_quotes: set[int],
) -> None:
    """Quotations holding ``words`` (lexicon key ``quote_words``, by event type: a welcome,
    "Welcome to Moscow", „herzlich willkommen“) belong to an event of that type wherever the
    report tells it: the first one told in the later sentence they close in ("“... Welcome to
    Moscow. I am glad ...,” Putin greeted Xi"), else the first one told in their sentence, else
    the one told last before them, else the first after (``_told_near``; one that took place,
    not one said in a quotation), unless one such already has them. They are taken from the
    mention they went to."""
    holders: dict[str, list[Mention]] = {}
    for m in mentions:
        for q in m.quotes:
            holders.setdefault(q["text"], []).append(m)
    by_kind: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.sentence.start):
        if not m.in_quote and m.status == "occurred":
            by_kind.setdefault(m.kind.key, []).append(m)
    starts = {key: [m.sentence.start for m in told] for key, told in by_kind.items()}
    for qi, quote in enumerate(quotes):
        hits = words.find(quote.text)
        if not hits or qi in scare_quotes or hits[0].label not in by_kind:
            continue
        key = hits[0].label
        told, begun = by_kind[key], starts[key]
        held = holders.get(quote.text, [])
        if any(m.kind.key == key and not m.in_quote and m.status == "occurred" for m in held):
            continue  # it already went to one
        target = _told_near(told, begun, quote)
        if target is None:
            continue
        # the sentence it closes in tells it ("“... Welcome to Moscow. ...,” Putin greeted Xi")
        closing = [m for m in told if quote.start < m.sentence.start < quote.end <= m.sentence.end]
        if closing:
            target = closing[0]
        elif quote.start < target.sentence.end:  # told in its sentence: the first told there
            target = told[bisect.bisect_left(begun, target.sentence.start)]
        said = {"speaker": quote_speaker.get(qi), "text": quote.text}
        for m in held:  # taken from the mention it went to
            said["speaker"] = next(q for q in m.quotes if q["text"] == quote.text).get("speaker")
            m.quotes = [q for q in m.quotes if q["text"] != quote.text]
        target.quotes.append(said)
        holders[quote.text] = [target]


def _order_speakers(
    statement: Mention, speech_order: list[tuple[int, str]], discourse: Discourse
) -> None:
    """The order in which the principals spoke orders the statement's actors."""
    order: list[str] = []
    for _, name in sorted(speech_order):
        if name in discourse.principals and name not in order:
            order.append(name)
    if order:
        rest = [a for a in statement.actors if a not in order]
        statement.speakers = order
        if len(set(order) & set(statement.actors)) >= 2:
            statement.actors = [*[a for a in order if a in statement.actors], *rest]


def _opening_stamp(sentence: Sentence, clock: TimeExpression, times: list[TimeExpression]) -> bool:
    """Whether ``clock`` opens ``sentence``, the first of its line, as an entry's stamp: only
    marks stand before it ("+++"), and the line is a heading or a colon follows the clock; a
    line that names a day ("14:31 JST, November 17, 2022") is a date line, no stamp."""
    before = sentence.text[: clock.start - sentence.start]
    if any(ch.isalnum() for ch in before):
        return False
    after = sentence.text[clock.end - sentence.start :].lstrip()
    if not (sentence.is_heading or after.startswith(":")):
        return False
    line = _within(times, sentence.start, sentence.end)
    return not any(t.kind in DAY_KINDS or t.date is not None for t in line)


def _within(times: list[TimeExpression], start: int, end: int) -> list[TimeExpression]:
    """The times of ``times`` (sorted by start, as ``find_temporal`` gives them) that begin
    between ``start`` and ``end``: a search, not a scan of the report's times per line."""
    lo = bisect.bisect_left(times, start, key=lambda t: t.start)
    hi = bisect.bisect_left(times, end, lo=lo, key=lambda t: t.start)
    return times[lo:hi]


def _opening_clock(sentence: Sentence, times: list[TimeExpression]) -> TimeExpression | None:
    """The clock time that opens ``sentence`` with a colon after it ("9:30 am to 10:30 am:",
    "11.00 Uhr:"), only marks before it, on a line that names no day (``_opening_stamp``, with
    the colon required of a heading too)."""
    first = next((t for t in _within(times, sentence.start, sentence.end) if t.time), None)
    if first is None or not sentence.text[first.end - sentence.start :].lstrip().startswith(":"):
        return None
    return first if _opening_stamp(sentence, first, times) else None


#: A mark that opens an item of a list: a bullet, a dash, or a number with a stop or bracket.
_LIST_MARK = re.compile(r"(?:[•·▪◦*\-–—]|\d{1,2}[.)])\s")
#: Words of a line that names only a day ("Day 1 (September 9)", "Saturday, September 9").
_DAY_HEADING_WORDS = 2


def _first_sentences(sentences: list[Sentence]) -> dict[int, Sentence]:
    """The first sentence of each paragraph (line)."""
    firsts: dict[int, Sentence] = {}
    for sentence in sentences:
        firsts.setdefault(sentence.paragraph, sentence)
    return firsts


def _line_days(line: Sentence, times: list[TimeExpression]) -> list[TimeExpression]:
    return [t for t in _within(times, line.start, line.end) if t.kind in DAY_KINDS]


def _heading_day(line: Sentence | None, times: list[TimeExpression]) -> TimeExpression | None:
    """The day a line names that names one day and little else ("Day 1 (September 9)",
    "Saturday, September 9:"), or one that ends with a colon and names one day ("Here is the
    schedule for Saturday:")."""
    if line is None:
        return None
    days = _line_days(line, times)
    if len(days) != 1:
        return None
    rest = line.text[: days[0].start - line.start] + line.text[days[0].end - line.start :]
    few = len(re.findall(r"[^\W\d_]+", rest)) <= _DAY_HEADING_WORDS
    return days[0] if few or line.text.rstrip().endswith(":") else None


def _heads_list(line: Sentence | None, headings: Lexicon) -> bool:
    """Whether ``line`` heads a programme's list: it ends with a colon and names a programme
    (lexicon key ``programme_heading``: "Here is the schedule for day two:")."""
    if line is None:
        return False
    text = line.text.rstrip()
    return text.endswith(":") and bool(headings.find(text))


def programme_lines(
    sentences: list[Sentence], times: list[TimeExpression], headings: Lexicon
) -> dict[int, TimeExpression | None]:
    """The paragraphs that print the items of a programme, with the day their heading names:
    a line opening with a span of clock times and a colon ("9:30 am to 10:30 am: Arrival of
    leaders at the venue"), which no entry's stamp is; two or more lines in a row each opening
    with a clock time and a colon, later down the page ("11.00 Uhr: Empfang mit militärischen
    Ehren", "12.30 Uhr: Mittagessen"; a live blog's stamps run the other way, newest first, and
    the entry's text stands between them); and the items of a list (lines opening with a
    bullet, a dash or a number) under a line that heads a programme (``_heads_list``). The day
    is that of the line right above the programme's first line (``_heading_day``)."""
    firsts = _first_sentences(sentences)
    opening = {
        p: clock for p, line in firsts.items() if (clock := _opening_clock(line, times)) is not None
    }
    found = {p for p, clock in opening.items() if clock.time_end is not None}
    for p, clock in opening.items():
        following = opening.get(p + 1)
        if following is not None and clock.time and following.time and clock.time < following.time:
            found.update((p, p + 1))
    items = {p for p, line in firsts.items() if _LIST_MARK.match(line.text)}
    for p in sorted(items):
        if p - 1 not in items and _heads_list(firsts.get(p - 1), headings):
            run = p
            while run in items:
                found.add(run)
                run += 1
    days: dict[int, TimeExpression | None] = {}
    for p in sorted(found):
        days[p] = days[p - 1] if p - 1 in found else _heading_day(firsts.get(p - 1), times)
    return days


def live_stamps(
    mentions: list[Mention],
    sentences: list[Sentence],
    times: list[TimeExpression],
    programme: Set[int] = frozenset(),
) -> None:
    """Live-blog entries: a line that is only a clock time stamps the entry below it, and so
    does a clock that opens a heading or a paragraph as its entry's stamp ("+++ 18:42 So
    empfängt der Kanzler seinen Gast +++", "18:42 Uhr: Der Kanzler wartet. Der König ist
    eingetroffen.") when its line names no day (a date line is not one), and not the items of
    a programme (``programme``: the paragraphs of ``programme_lines``).

    A mention in the entry whose own sentence gives no day or clock time takes the stamp, but
    for one still to come ("Dort wird er am Abend mit Macron zusammentreffen"): the stamp tells
    when the entry was written, not when that begins.
    """
    stamp_at: dict[int, TimeExpression] = {}
    current: TimeExpression | None = None
    last_paragraph = -1
    for sentence in sentences:
        if sentence.paragraph in programme:
            continue
        clock = [t for t in _within(times, sentence.start, sentence.end) if t.time]
        printed = sum(t.end - t.start for t in clock)
        if clock and printed >= _STAMP_SHARE * len(sentence.text.strip()):
            current = clock[0]
            continue
        opens = sentence.paragraph != last_paragraph
        last_paragraph = sentence.paragraph
        if opens and clock and _opening_stamp(sentence, clock[0], times):
            current = clock[0]
            continue  # its own mentions have the clock
        if sentence.is_heading and not clock:
            continue
        if current is not None:
            stamp_at[sentence.index] = current
    for m in mentions:
        stamp = stamp_at.get(m.sentence.index)
        if stamp is None or m.status in FUTURE:
            continue
        if any(t.time or t.kind in DAY_KINDS for t in m.times):
            continue
        m.stamps.append(stamp)
