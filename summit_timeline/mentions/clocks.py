"""Clock times: "um 11.30 Uhr Ortszeit", "from 10 to 11:30 a.m.", "gegen 14 Uhr", "1100 GMT".

A time needs a clock word, a.m./p.m. or minutes after a colon, so "3 Themen" is no time; a
range needs a range word ("von 11 bis 14 Uhr"), and "und" only after "zwischen". A zone after
the time (``zones`` of ``time.yaml``) gives ``tz``; a hedge before it ("gegen") its ``hedge``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .temporal_rules import Rules, match_end, norm, token_key, tokens
from .time_expression import Candidate, expression


def _clock_value(
    m: re.Match[str], n: int, rules: Rules, meridiem: str | None = None
) -> dt.time | None:
    """The time of the ``n``-th clock atom of ``m`` (1: a range's start, 2: the time)."""
    hour = int(m.group(f"h{n}"))
    minute = int(m.group(f"m{n}") or m.group(f"mm{n}") or 0)
    marker = norm(m.group(f"ap{n}")) if m.group(f"ap{n}") else meridiem
    if marker is not None:
        if not 1 <= hour <= 12:
            return None
        if marker in rules.pm:
            hour = hour % 12 + 12
        elif marker in rules.am:
            hour %= 12
    if hour == 24:
        return dt.time(0, 0) if minute == 0 else None
    return dt.time(hour, minute)


def _clock_hedge(text: str, start: int, rules: Rules) -> tuple[int, str | None, str | None]:
    """The start of a hedge just before ``start`` ("gegen 14 Uhr"), its lemma and kind."""
    toks = tokens(text, max(0, start - 40), start)
    hit = match_end(toks, len(toks), rules.clock_hedges)
    if hit is None:
        return start, None, None
    length, (lemma, kind) = hit
    return toks[-length][1], lemma, kind


def zone_of(name: str, rules: Rules) -> str | None:
    """The IANA zone of a zone name after a clock ("ET"), or of a universal-time offset
    ("GMT + 4" -> "Etc/GMT-4", whose sign runs the other way)."""
    m = rules.utc_offset_re.fullmatch(name.strip())
    if m is None:
        return rules.tz.get(norm(name))
    hours = int(m.group("hours"))
    if hours == 0:
        return "UTC"
    return f"Etc/GMT{'-' if m.group('sign') == '+' else '+'}{hours}"


def _range_begin(m: re.Match[str], end_time: dt.time, rules: Rules) -> dt.time | None:
    """The start of a range "von 11 bis 14 Uhr", or None if the match is no range."""
    if m.group("h1") is None:
        return None
    to_word = token_key(m.group("to"))
    from_word = norm(m.group("from")) if m.group("from") else None
    if to_word in rules.range_and and token_key(from_word or "") not in rules.range_between:
        return None  # "11 und 14 Uhr" without "zwischen" is no range
    meridiem = None
    end_marker = norm(m.group("ap2")) if m.group("ap2") else None
    if end_marker and not m.group("ap1"):  # "from 10 to 11:30 a.m."
        meridiem = end_marker
        trial = _clock_value(m, 1, rules, meridiem)
        if trial is None or trial > end_time:
            meridiem = next(iter(rules.am if end_marker in rules.pm else rules.pm), None)
    return _clock_value(m, 1, rules, meridiem)


def find_bad_clocks(text: str, rules: Rules) -> Iterable[Candidate]:
    """Clock times that name no time of day ("25:70 Uhr"), to be reported, not used."""
    for m in rules.bad_clock_re.finditer(text):
        hour, minute = int(m.group("h")), int(m.group("m"))
        if hour > 24 or minute > 59 or (hour == 24 and minute):
            note = f"{m.group().strip()!r} is no time of day; not used"
            yield Candidate(expression("invalid", text, m.start(), m.end(), note=note), 1)


def find_clocks(text: str, rules: Rules) -> Iterable[Candidate]:
    """Clock times and ranges with their zone and hedge, then military times ("1100 GMT")."""
    for m in rules.clock_re.finditer(text):
        end_time = _clock_value(m, 2, rules)
        if end_time is None:
            continue
        begin = _range_begin(m, end_time, rules)
        start = m.start() if begin is not None else m.start("h2")
        zone = m.group("tz") or m.group("tzp") or m.group("tzw")
        hedge = kind = None
        if begin is None:
            start, hedge, kind = _clock_hedge(text, start, rules)
        yield Candidate(
            expression(
                "time",
                text,
                start,
                m.end(),
                time=begin or end_time,
                time_end=end_time if begin else None,
                tz=zone_of(zone, rules) if zone else None,
                hedge=hedge,
                hedge_kind=kind,
            ),
            priority=5,
            meridiem=bool(m.group("ap2")),
        )
    for m in rules.military_re.finditer(text):
        yield Candidate(
            expression(
                "time",
                text,
                m.start(),
                m.end(),
                time=dt.time(int(m.group("h")), int(m.group("m"))),
                tz=rules.tz[norm(m.group("tz"))],
            ),
            priority=5,
            meridiem=True,
        )
