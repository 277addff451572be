"""Publication times: date lines, front matter values and page dates read in a time zone.

Used by ``load``. A time printed without a zone is read in the zone the caller resolved
(``timezone=``, front matter, or the language's default); a printed zone ("ET", "MESZ", "+02:00")
wins. dateparser reads only the short spans found by the date-line patterns (cached).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from datetime import timezone as fixed_zone
from functools import cache, lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .metalines import MetaLine, scan_meta
from .patterns import Patterns

_HAS_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/")
_DMY = re.compile(r"(\d{1,2})([.-])\s?(\d{1,2})\2\s?(\d{2,4})")
_TEXT_DATE = re.compile(
    r"(\d{1,2})\D+?([^\W\d_]+)\.?,?\s+(\d{4})|([^\W\d_]+)\.?\s+(\d{1,2})\D*?(\d{4})"
)

Published = tuple[datetime | None, str, str | None]


@cache
def _zone_cached(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def zone(name: Any, *, where: str) -> ZoneInfo:
    """The zone ``name``; ``ValueError`` naming ``where`` if it is not an IANA zone."""
    try:
        if not isinstance(name, str) or not name:
            raise ValueError
        return _zone_cached(name)
    except (ValueError, ZoneInfoNotFoundError):
        raise ValueError(
            f"{where} {name!r} is not an IANA time zone (like 'Europe/Berlin' or 'UTC')"
        ) from None


def from_lines(
    lines: Sequence[MetaLine], zone_name: str, langs: Sequence[str], *, p: Patterns
) -> tuple[datetime | None, str, str | None]:
    """The publication time stated by the first date line (an update time only as a fallback)."""
    ordered = [m for m in lines if m.label != "updated"] + [
        m for m in lines if m.label == "updated"
    ]
    for meta in ordered:
        when = _meta_datetime(meta, langs, p)
        if when is not None:
            return _place(when[0], when[1], meta.zone or zone_name)
    return None, "none", zone_name


def resolve(
    value: datetime | date | str, zone_name: str, langs: Sequence[str], *, where: str, p: Patterns
) -> tuple[datetime | None, str, str | None]:
    """A publication time given as a value (option, front matter, page metadata), in its zone.

    A naive value is read in ``zone_name``; an error names ``where`` the value came from.
    """
    if isinstance(value, datetime):
        return _place(value, True, zone_name)
    if isinstance(value, date):
        return _place(datetime(value.year, value.month, value.day), False, zone_name)
    month_only = _YEAR_MONTH.fullmatch(str(value).strip())
    if month_only:
        # "2022-11" gives the month, not the day: nothing may be dated by a day read from it
        year, month = int(month_only.group(1)), int(month_only.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"{where} {value!r}: there is no month {month}")
        when, _, zone_used = _place(datetime(year, month, 1), False, zone_name)
        return when, "month", zone_used
    parsed = parse_when(str(value), tuple(langs), p=p)
    if parsed is None:
        raise ValueError(
            f"{where} {value!r} cannot be read as a date; write it like '2019-02-28 10:47' "
            "or '2019-02-28T10:47:00+07:00'"
        )
    when, has_time, printed_zone = parsed
    return _place(when, has_time, printed_zone or zone_name)


def _place(when: datetime, has_time: bool, zone_name: str) -> tuple[datetime, str, str | None]:
    """``when`` made zone-aware: naive times are read in ``zone_name``."""
    precision = "minute" if has_time else "day"
    if zone_name.startswith(("+", "-")):  # a printed offset ("UTC+2")
        sign = -1 if zone_name[0] == "-" else 1
        hours, minutes = zone_name[1:].split(":")
        offset = sign * timedelta(hours=int(hours), minutes=int(minutes))
        if when.tzinfo is None:
            when = when.replace(tzinfo=fixed_zone(offset))
        zone_name = "UTC"
        preferred = None
    else:
        preferred = zone(zone_name, where="timezone")
    if when.tzinfo is None:
        return when.replace(tzinfo=preferred), precision, zone_name
    if isinstance(when.tzinfo, ZoneInfo):
        return when, precision, when.tzinfo.key
    offset = when.utcoffset()
    if preferred is not None and when.astimezone(preferred).utcoffset() == offset:
        return when.astimezone(preferred), precision, zone_name
    if offset == timedelta(0):
        return when.astimezone(_zone_cached("UTC")), precision, "UTC"
    if offset is not None and offset % timedelta(hours=1) == timedelta(0):
        hours = int(offset / timedelta(hours=1))
        name = f"Etc/GMT{-hours:+d}"  # POSIX sign: Etc/GMT-2 is UTC+2
        return when.astimezone(_zone_cached(name)), precision, name
    return when, precision, None


def parse_when(
    text: str, langs: Sequence[str], *, p: Patterns
) -> tuple[datetime, bool, str | None] | None:
    """A date (and time) written as ISO, as a date line, or anything dateparser reads."""
    text = " ".join(text.split())
    if not re.search(r"\d", text):
        return None  # "yesterday" would be read relative to today
    try:
        iso = datetime.fromisoformat(text)
    except ValueError:
        iso = None
    if iso is not None:
        return iso, bool(re.search(r"\d[T ]\d", text)), None
    meta = scan_meta(text, p=p)
    if meta is not None and meta.date is not None:
        when = _meta_datetime(meta, langs, p)
        if when is not None:
            return when[0], when[1], meta.zone
    parsed = _dateparse(text, tuple(langs), require_day=True)  # a time alone is no date
    if parsed is None:
        return None
    has_time = bool(_HAS_CLOCK.search(text)) or (parsed.hour, parsed.minute) != (0, 0)
    return parsed, has_time, None


def _meta_datetime(
    meta: MetaLine, langs: Sequence[str], p: Patterns
) -> tuple[datetime, bool] | None:
    """The date of a date line with its clock time (naive), and whether a time was given."""
    day = _meta_date(meta, tuple(langs), p)
    if day is None:
        return None
    if isinstance(day, datetime):  # ISO with a time
        return day, True
    if meta.hour is None:
        return datetime(day.year, day.month, day.day), False
    hour = meta.hour
    if meta.ampm == "pm" and hour < 12:
        hour += 12
    elif meta.ampm == "am" and hour == 12:
        hour = 0
    return datetime(day.year, day.month, day.day, hour, meta.minute or 0, meta.second), True


def _meta_date(meta: MetaLine, langs: tuple[str, ...], p: Patterns) -> date | datetime | None:
    span = meta.date or ""
    if meta.date_kind == "iso":
        try:
            value = datetime.fromisoformat(span.replace(" ", "T", 1) if ":" in span else span)
        except ValueError:
            return None
        return value if ":" in span else value.date()
    if meta.date_kind == "dmy":
        m = _DMY.match(span)
        if m:
            day, month, year = int(m[1]), int(m[3]), int(m[4])
            year = year + 2000 if year < 100 else year
            try:
                return date(year, month, day)
            except ValueError:
                return None
    parsed = _dateparse(span, langs, require_day=True)
    if parsed is not None:
        return parsed.date()
    return _month_name_date(span, p)


def _month_name_date(span: str, p: Patterns) -> date | None:
    """A textual date read with the lexicon's month names (when dateparser does not know them)."""
    m = _TEXT_DATE.search(span)
    if not m:
        return None
    if m.group(1):
        day, name, year = int(m.group(1)), m.group(2), int(m.group(3))
    else:
        name, day, year = m.group(4), int(m.group(5)), int(m.group(6))
    month = p.month_number(name)
    try:
        return date(year, month, day) if month else None
    except ValueError:
        return None


_URL_SEP = r"[/_.-]"
_URL_YEAR = r"((?:19|20)\d\d)"
_URL_NAME = r"([^\W\d_]{3,9})"
_URL_DAY = r"(\d{1,2})(?!\d)"
#: A day in an address that htmldate's rule leaves: a month name between year and day, or before
#: day and year, each part set off by separators; or eight digits year-month-day set off so.
_URL_NAMED = (
    re.compile(rf"(?<={_URL_SEP}){_URL_YEAR}{_URL_SEP}{_URL_NAME}{_URL_SEP}{_URL_DAY}"),
    re.compile(rf"(?<={_URL_SEP}){_URL_NAME}{_URL_SEP}(\d{{1,2}}){_URL_SEP}{_URL_YEAR}(?!\d)"),
)
_URL_COMPACT = re.compile(rf"(?<={_URL_SEP}){_URL_YEAR}(\d\d)(\d\d)(?={_URL_SEP}|$)")


def _url_day(url: str, p: Patterns) -> date | None:
    """The day of a path segment with a month name (``/2019/aug/21/``, ``la-xpm-2009-jul-07``,
    ``/October-22-2024/``) or of eight digits set off by separators (``/en/20150212-deal``)."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    for index, pattern in enumerate(_URL_NAMED):
        for m in pattern.finditer(path):
            year, name, day = (m[1], m[2], m[3]) if index == 0 else (m[3], m[1], m[2])
            month = p.month_number(name)
            if month is not None:
                try:
                    return date(int(year), month, int(day))
                except ValueError:
                    continue
    for m in _URL_COMPACT.finditer(path):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    return None


@lru_cache(maxsize=4096)
def _dateparse(text: str, langs: tuple[str, ...], *, require_day: bool) -> datetime | None:
    import dateparser

    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if require_day:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    for lang in langs:
        try:
            parsed = dateparser.parse(text, languages=[lang], settings=settings)
        except Exception:  # dateparser raises assorted errors on odd input
            parsed = None
        if parsed is not None:
            return parsed.replace(tzinfo=None) if parsed.tzinfo is None else parsed
    return None


def from_url(
    url: str | None, zone_name: str, p: Patterns | None = None
) -> tuple[datetime | None, str, str | None]:
    """The publication day an address carries (``/2025/08/15/``), read by htmldate's URL rule.

    Many outlets put the day of first publication in the path; it is the day in the outlet's
    zone, so it is read in ``zone_name`` with day precision. With the lexicons' month names
    (``p``), a day htmldate does not read is read too (``_url_day``: ``/2019/aug/21/``,
    ``2009-jul-07``, ``October-22-2024``, ``/20150212-``). A year and a month as two segments
    of their own (``/2017/04/``) give the month; an article number gives nothing.
    """
    if not url:
        return None, "day", None
    from htmldate import find_date

    found = find_date("<html></html>", url=url, extensive_search=False, outputformat="%Y-%m-%d")
    if found:
        return _place(datetime.fromisoformat(found), False, zone_name)
    day = _url_day(url, p) if p is not None else None
    if day is not None:
        return _place(datetime(day.year, day.month, day.day), False, zone_name)
    month = _URL_MONTH.search(url)
    if month is None:
        return None, "day", None
    when, _, zone_used = _place(datetime(int(month[1]), int(month[2]), 1), False, zone_name)
    return when, "month", zone_used
