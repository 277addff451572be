"""Reading reports: plain text pasted from a web page, text with YAML front matter, HTML pages.

>>> corpus = load_reports("data/reports/alaska-2025")          # doctest: +SKIP
>>> corpus[0].author, corpus[0].published                      # doctest: +SKIP

Each file becomes a :class:`~summit_timeline.corpus.Report`: the cleaned text (page chrome, photo
credits and date/author lines removed, the headline kept as the first line), its metadata and,
for every character, its index in the raw file. A file that cannot be read becomes a
:class:`~summit_timeline.corpus.ReportError` in ``Corpus.errors`` and a :class:`ReportWarning`;
the other files are still read.

Precedence of metadata: keyword overrides, then front matter, then the HTML page's metadata,
then what the text says (date and author lines, the headline). Times printed without a zone are
read in ``timezone=``, else the front matter's ``timezone``, else ``default_timezones[language]``
(from ``lexicons/<lang>/metadata.yaml``: de Europe/Berlin, en UTC).

Encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, the charset an HTML page declares, and
Windows-1252 only when the bytes decode without undefined or control characters.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import timezone as fixed_zone
from functools import cache
from os import PathLike
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from . import _ingest_text as _text
from .corpus import Corpus, Report, ReportError
from .resources import languages, lexicon

__all__ = [
    "FRONT_MATTER_KEYS",
    "ReportWarning",
    "language_timezones",
    "load_reports",
    "parse_report",
]

Form = Literal["text", "front_matter", "html"]
PathArg = str | PathLike[str]

#: Keys a front matter block may have.
FRONT_MATTER_KEYS: tuple[str, ...] = (
    "title",
    "outlet",
    "author",
    "published",
    "language",
    "url",
    "timezone",
)
#: File name endings read from a folder.
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
#: Zone for a language whose metadata.yaml names none.
FALLBACK_TIMEZONE = "UTC"
#: Characters of the cleaned text given to language detection.
DETECT_CHARS = 10_000

_FM_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_HAS_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\d\s*[ap]\.?m\b", re.I)
_DMY = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2,4})")
_TEXT_DATE = re.compile(
    r"(\d{1,2})\D+?([^\W\d_]+)\.?,?\s+(\d{4})|([^\W\d_]+)\.?\s+(\d{1,2})\D*?(\d{4})"
)


class ReportWarning(UserWarning):
    """A report file could not be read (it is listed in ``Corpus.errors``).

    Silence with ``warnings.filterwarnings("ignore", category=ReportWarning)``.
    """


@dataclass(frozen=True)
class _Options:
    language: str | None
    outlet: str | None
    author: str | None
    title: str | None
    url: str | None
    published: datetime | date | str | None
    timezone: str | None
    zones: Mapping[str, str]


def language_timezones() -> dict[str, str]:
    """The zone each supported language reads unzoned times in (``metadata.yaml``)."""
    return {
        lang: str(lexicon(lang, "metadata").get("default_timezone") or FALLBACK_TIMEZONE)
        for lang in languages()
    }


def load_reports(
    path_or_paths: PathArg | Iterable[PathArg],
    *,
    language: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: datetime | date | str | None = None,
    timezone: str | None = None,
    default_timezones: Mapping[str, str] | None = None,
    progress: bool = False,
) -> Corpus:
    """Read reports from files and folders into a :class:`Corpus`.

    :param path_or_paths: a file, a folder (its .txt, .md, .html and .htm files, recursively,
        sorted by path) or a list of those. Each report's ``report_id`` is its file stem.
    :param language: ISO 639-1 code for every report (else front matter, ``<html lang>``, or
        detection with py3langid over the cleaned text).
    :param outlet: outlet of every report (else front matter, page site name, byline, URL host).
    :param author: author of every report (else front matter, page metadata, byline).
    :param title: headline of every report (else front matter, page title, the text's headline).
    :param url: address of every report.
    :param published: publication time of every report (datetime, date or string).
    :param timezone: IANA zone for times printed without a zone, for every report.
    :param default_timezones: zone per language when neither ``timezone`` nor front matter gives
        one; merged over :func:`language_timezones`.
    :param progress: show a progress bar (tqdm).
    :returns: the reports read, plus ``errors`` for files that could not be read.
    """
    options = _options(
        language=language,
        outlet=outlet,
        author=author,
        title=title,
        url=url,
        published=published,
        timezone=timezone,
        default_timezones=default_timezones,
    )
    files, errors = _collect(path_or_paths)
    for error in errors:
        _warn(error)
    reports: list[Report] = []
    used: dict[str, str] = {}
    iterable: Iterable[Path] = files
    if progress:
        from tqdm.auto import tqdm

        iterable = tqdm(files, desc="reading reports", unit="file")
    for path in iterable:
        try:
            raw = read_text(path)
            form: Form | None = "html" if path.suffix.lower() in HTML_SUFFIXES else None
            report = _parse(raw, report_id=path.stem, source=str(path), form=form, options=options)
            if report.report_id in used:
                raise ValueError(
                    f"report_id {report.report_id!r} is already used by {used[report.report_id]}; "
                    "rename one of the files (report ids are file names without the ending)"
                )
        except ValueError as exc:
            error = ReportError(source=str(path), reason=str(exc))
            errors.append(error)
            _warn(error)
            continue
        used[report.report_id] = str(path)
        reports.append(report)
    return Corpus(reports=tuple(reports), errors=tuple(errors))


def parse_report(
    raw: str,
    *,
    report_id: str,
    source: str | None = None,
    form: Form | None = None,
    language: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: datetime | date | str | None = None,
    timezone: str | None = None,
    default_timezones: Mapping[str, str] | None = None,
) -> Report:
    """Read one report from its raw content; ``ValueError`` says why it cannot be read.

    :param raw: the file's content (text, text with front matter, or HTML).
    :param report_id: id of the report (``load_reports`` uses the file stem).
    :param source: where it came from (a path), kept in ``Report.source``.
    :param form: ``"text"``, ``"front_matter"`` or ``"html"``; guessed from the content if None.
    The other options are those of :func:`load_reports`.
    """
    if not isinstance(report_id, str) or not report_id.strip():
        raise ValueError(f"report_id must be a non-empty string; got {report_id!r}")
    if form is not None and form not in ("text", "front_matter", "html"):
        raise ValueError(f"form must be 'text', 'front_matter', 'html' or None; got {form!r}")
    options = _options(
        language=language,
        outlet=outlet,
        author=author,
        title=title,
        url=url,
        published=published,
        timezone=timezone,
        default_timezones=default_timezones,
    )
    return _parse(raw, report_id=report_id, source=source, form=form, options=options)


# --- files -----------------------------------------------------------------------------------


def _collect(path_or_paths: Any) -> tuple[list[Path], list[ReportError]]:
    """The files to read, in order, and errors for paths that are not there."""
    if isinstance(path_or_paths, str | PathLike):
        items: Sequence[Any] = [path_or_paths]
    elif isinstance(path_or_paths, Iterable) and not isinstance(path_or_paths, bytes | Mapping):
        items = list(path_or_paths)
    else:
        raise TypeError(
            "path_or_paths must be a file, a folder or a list of them; "
            f"got {type(path_or_paths).__name__}"
        )
    files: list[Path] = []
    errors: list[ReportError] = []
    seen: set[Path] = set()
    for item in items:
        if not isinstance(item, str | PathLike):
            raise TypeError(
                f"path_or_paths must hold paths (str or pathlib.Path); got {type(item).__name__}"
            )
        path = Path(item)
        if path.is_dir():
            found = sorted(
                (
                    f
                    for f in path.rglob("*")
                    if f.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES
                    and not any(part.startswith(".") for part in f.relative_to(path).parts)
                    and f.is_file()
                ),
                key=lambda f: f.relative_to(path).as_posix(),
            )
            if not found:
                errors.append(
                    ReportError(str(path), "folder has no .txt, .md, .html or .htm files")
                )
        elif path.is_file():
            found = [path]
        elif path.exists():
            errors.append(ReportError(str(path), "not a regular file or folder"))
            continue
        else:
            errors.append(ReportError(str(path), "no such file or folder"))
            continue
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, errors


def read_text(path: PathArg) -> str:
    """The content of a report file as text; ``ValueError`` says why it cannot be decoded."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot be read: {exc.strerror or exc}") from exc
    return decode(data, html=Path(path).suffix.lower() in HTML_SUFFIXES)


def decode(data: bytes, *, html: bool = False) -> str:
    """Bytes of a report file as text (see the module docstring for the encodings tried)."""
    if not data.strip():
        raise ValueError("file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise ValueError(f"not valid UTF-16 despite its byte order mark: {exc.reason}") from exc
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes); expected UTF-8 text or HTML")
    try:
        return _checked(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        first = exc
    from ._ingest_html import declared_charset

    declared = declared_charset(data) if html or data.lstrip()[:1] == b"<" else None
    for encoding in (declared, "cp1252"):
        if not encoding or encoding.lower().replace("-", "") == "utf8":
            continue
        try:
            return _checked(data.decode(encoding))
        except (UnicodeDecodeError, LookupError, ValueError):
            continue
    raise ValueError(
        f"not UTF-8 text (invalid byte 0x{data[first.start]:02x} at byte {first.start}) and not "
        "clean Windows-1252 either; save the file as UTF-8"
    )


def _checked(text: str) -> str:
    text = text.removeprefix("\ufeff")
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(2, len(text[:20000]) // 200):
        raise ValueError("binary file (control characters); expected UTF-8 text or HTML")
    if not text.strip():
        raise ValueError("file is empty")
    return text


def _warn(error: ReportError) -> None:
    warnings.warn(f"{error.source}: {error.reason} (skipped)", ReportWarning, stacklevel=3)


# --- options ---------------------------------------------------------------------------------


def _options(
    *,
    language: str | None,
    outlet: str | None,
    author: str | None,
    title: str | None,
    url: str | None,
    published: datetime | date | str | None,
    timezone: str | None,
    default_timezones: Mapping[str, str] | None,
) -> _Options:
    """Check the keyword overrides once; errors name the argument."""
    for name, value in (("outlet", outlet), ("author", author), ("title", title), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a string or None; got {type(value).__name__}")
    if language is not None:
        language = _language_code(language, where="language=")
    if timezone is not None:
        _zone(timezone, where="timezone=")
    zones = language_timezones()
    if default_timezones is not None:
        if not isinstance(default_timezones, Mapping):
            raise TypeError(
                "default_timezones must map language codes to IANA zones, e.g. "
                f"{{'de': 'Europe/Berlin'}}; got {type(default_timezones).__name__}"
            )
        for lang, zone in default_timezones.items():
            _zone(zone, where=f"default_timezones[{lang!r}]")
            zones[str(lang)] = str(zone)
    if published is not None:
        if isinstance(published, str):
            if _parse_when(published, languages()) is None:
                raise ValueError(
                    f"published={published!r} cannot be read as a date; give a datetime, a date "
                    "or a string like '2025-08-16 06:56'"
                )
        elif not isinstance(published, date):
            raise TypeError(
                f"published must be a datetime, date or string; got {type(published).__name__}"
            )
    return _Options(language, outlet, author, title, url, published, timezone, zones)


def _language_code(value: Any, *, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where} must be a language code like 'de' or 'en'; got {value!r}")
    code = re.split(r"[-_]", value.strip())[0].lower()
    if code not in languages():
        raise ValueError(
            f"{where} {value!r} is not a supported language; supported: {list(languages())}"
        )
    return code


@cache
def _zone_cached(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _zone(name: Any, *, where: str) -> ZoneInfo:
    try:
        if not isinstance(name, str) or not name:
            raise ValueError
        return _zone_cached(name)
    except (ValueError, ZoneInfoNotFoundError):
        raise ValueError(
            f"{where} {name!r} is not an IANA time zone (like 'Europe/Berlin' or 'UTC')"
        ) from None


# --- one report ------------------------------------------------------------------------------


def _sniff(raw: str) -> Form:
    from ._ingest_html import looks_like_html

    if _FM_OPEN.match(raw.removeprefix("\ufeff")):
        return "front_matter"
    return "html" if looks_like_html(raw) else "text"


def _parse(
    raw: str, *, report_id: str, source: str | None, form: Form | None, options: _Options
) -> Report:
    if not isinstance(raw, str):
        raise TypeError(f"raw must be the report's text (str); got {type(raw).__name__}")
    if not raw.strip():
        raise ValueError("file is empty")
    form = form or _sniff(raw)
    front: dict[str, Any] = {}
    page = None
    known_title = options.title
    if form == "html":
        from ._ingest_html import read_page

        page = read_page(raw, url=options.url)
        cleaned = _text.clean(
            page.text,
            positions=page.positions,
            known_title=known_title or page.title,
            paragraph_break="blank",
        )
    else:
        body = 0
        if form == "front_matter":
            front, body = _front_matter(raw)
            known_title = known_title or front.get("title")
        cleaned = _text.clean(raw, start=body, known_title=known_title)
        if form == "front_matter" and front.get("title") and cleaned.title is None:
            cleaned = _with_title(cleaned, front["title"], raw[:body])
    if not cleaned.text.strip():
        raise ValueError("no text left after removing page chrome")

    language = options.language or front.get("language")
    if language is None and page is not None and page.language in languages():
        language = page.language
    if language is None:
        language = _detect_language(cleaned.text)

    zone_name = options.timezone or front.get("timezone") or options.zones.get(language)
    zone_name = zone_name or FALLBACK_TIMEZONE
    when, precision, zone_used = _published(
        options, front, page, cleaned, language=language, zone_name=zone_name
    )
    url = options.url or front.get("url") or (page.url if page else None) or cleaned.url
    outlet = (
        options.outlet
        or front.get("outlet")
        or (page.sitename if page else None)
        or cleaned.outlet
        or _host(url)
    )
    return Report(
        report_id=report_id,
        text=cleaned.text,
        language=language,
        outlet=outlet,
        author=options.author
        or front.get("author")
        or (page.author if page else None)
        or cleaned.authors,
        title=options.title
        or front.get("title")
        or (page.title if page else None)
        or cleaned.title,
        url=url,
        published=when,
        published_precision=precision,
        timezone=zone_used,
        source=source,
        raw=raw,
        offsets=tuple(cleaned.offsets),
        form=form,
    )


def _front_matter(raw: str) -> tuple[dict[str, Any], int]:
    """The front matter's values (checked) and where the body starts."""
    start = len(raw) - len(raw.removeprefix("\ufeff"))
    opening = _FM_OPEN.match(raw, start)
    if opening is None:
        raise ValueError("form='front_matter' but the file does not start with a '---' line")
    closing = _FM_CLOSE.search(raw, opening.end())
    if closing is None:
        raise ValueError(
            "front matter opened with '---' on line 1 is never closed; add a line '---' after it"
        )
    block = raw[opening.end() : closing.start()]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ValueError(f"front matter is not valid YAML{where}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ValueError(
            "front matter must be 'key: value' lines with keys "
            f"{list(FRONT_MATTER_KEYS)}; got a {type(data).__name__}"
        )
    unknown = sorted(str(k) for k in data if k not in FRONT_MATTER_KEYS)
    if unknown:
        raise ValueError(
            f"front matter has unknown keys {unknown}; allowed: {list(FRONT_MATTER_KEYS)}"
        )
    values: dict[str, Any] = {}
    for key, value in data.items():
        if value is None or value == "":
            continue
        if key == "published" and isinstance(value, date):
            values[key] = value
        elif isinstance(value, str | int | float | date) and not isinstance(value, bool):
            values[key] = " ".join(str(value).split())
        else:
            raise ValueError(
                f"front matter {key!r} must be a single value; got {type(value).__name__}"
            )
    if "language" in values:
        values["language"] = _language_code(values["language"], where="front matter 'language'")
    if "timezone" in values:
        _zone(values["timezone"], where="front matter 'timezone'")
    body = closing.end()
    if raw.startswith("\n", body):
        body += 1
    return values, body


def _with_title(cleaned: _text.Cleaned, title: str, head: str) -> _text.Cleaned:
    """``cleaned`` with the front matter's title as its first line (mapped into the block)."""
    at = head.find(title)
    title_offsets = list(range(at, at + len(title))) if at >= 0 else [0] * len(title)
    joint = title_offsets[-1]
    return _text.Cleaned(
        text=title + "\n\n" + cleaned.text,
        offsets=[*title_offsets, joint, joint, *cleaned.offsets],
        title=title,
        dates=cleaned.dates,
        authors=cleaned.authors,
        outlet=cleaned.outlet,
        url=cleaned.url,
    )


def _detect_language(text: str) -> str:
    import py3langid

    code, _score = py3langid.classify(text[:DETECT_CHARS])
    if code not in languages():
        raise ValueError(
            f"language detected as {code!r}, which has no lexicons; supported: "
            f"{list(languages())}. If the detection is wrong, give language= or a front matter "
            "'language'"
        )
    return code


def _host(url: str | None) -> str | None:
    if not url:
        return None
    m = re.match(r"(?:[a-z][\w+.-]*:)?//([^/:?#\s]+)", url.strip(), re.I)
    if not m:
        return None
    host = m.group(1).lower()
    return host.removeprefix("www.") or None


# --- publication time ------------------------------------------------------------------------


def _published(
    options: _Options,
    front: Mapping[str, Any],
    page: Any,
    cleaned: _text.Cleaned,
    *,
    language: str,
    zone_name: str,
) -> tuple[datetime | None, str, str | None]:
    """Publication time, its precision, and the zone it was read in."""
    langs = (language, *(lang for lang in languages() if lang != language))
    if options.published is not None:
        return _resolve(options.published, zone_name, langs, where="published=")
    if "published" in front:
        return _resolve(front["published"], zone_name, langs, where="front matter 'published'")
    guess = _from_lines(cleaned.dates, zone_name, langs)
    if page is not None and page.published:
        try:
            found = _resolve(page.published, zone_name, langs, where="page date")
        except ValueError:
            found = None
        if found is not None and found[0] is not None:
            same_day = guess[0] is not None and guess[0].date() == found[0].date()
            if found[1] == "day" and guess[1] == "minute" and same_day:
                return guess
            return found
    return guess


def _from_lines(
    lines: Sequence[_text.MetaLine], zone_name: str, langs: Sequence[str]
) -> tuple[datetime | None, str, str | None]:
    """The publication time stated by the first date line (an update time only as a fallback)."""
    ordered = [m for m in lines if m.label != "updated"] + [
        m for m in lines if m.label == "updated"
    ]
    for meta in ordered:
        when = _meta_datetime(meta, langs)
        if when is not None:
            return _place(when[0], when[1], meta.zone or zone_name)
    return None, "none", zone_name


def _resolve(
    value: datetime | date | str, zone_name: str, langs: Sequence[str], *, where: str
) -> tuple[datetime | None, str, str | None]:
    if isinstance(value, datetime):
        return _place(value, True, zone_name)
    if isinstance(value, date):
        return _place(datetime(value.year, value.month, value.day), False, zone_name)
    parsed = _parse_when(str(value), tuple(langs))
    if parsed is None:
        raise ValueError(
            f"{where} {value!r} cannot be read as a date; write it like '2025-08-16 06:56' "
            "or '2025-08-16T06:56:00+02:00'"
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
        preferred = _zone(zone_name, where="timezone")
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


def _parse_when(text: str, langs: Sequence[str]) -> tuple[datetime, bool, str | None] | None:
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
    meta = _text.scan_meta(text)
    if meta is not None and meta.date is not None:
        when = _meta_datetime(meta, langs)
        if when is not None:
            return when[0], when[1], meta.zone
    parsed = _dateparse(text, tuple(langs), require_day=False)
    if parsed is None:
        return None
    return parsed, bool(_HAS_CLOCK.search(text)), None


def _meta_datetime(meta: _text.MetaLine, langs: Sequence[str]) -> tuple[datetime, bool] | None:
    """The date of a date line with its clock time (naive), and whether a time was given."""
    day = _meta_date(meta, tuple(langs))
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


def _meta_date(meta: _text.MetaLine, langs: tuple[str, ...]) -> date | datetime | None:
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
            day, month, year = (int(g) for g in m.groups())
            year = year + 2000 if year < 100 else year
            try:
                return date(year, month, day)
            except ValueError:
                return None
    parsed = _dateparse(span, langs, require_day=True)
    if parsed is not None:
        return parsed.date()
    return _month_name_date(span)


def _month_name_date(span: str) -> date | None:
    """A textual date read with the lexicon's month names (when dateparser does not know them)."""
    m = _TEXT_DATE.search(span)
    if not m:
        return None
    if m.group(1):
        day, name, year = int(m.group(1)), m.group(2), int(m.group(3))
    else:
        name, day, year = m.group(4), int(m.group(5)), int(m.group(6))
    month = _text.month_number(name)
    try:
        return date(year, month, day) if month else None
    except ValueError:
        return None


@cache
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
