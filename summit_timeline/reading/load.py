"""Reading reports: plain text pasted from a web page, text with YAML front matter, HTML pages.

>>> corpus = load_reports("reports/")                           # doctest: +SKIP
>>> corpus[0].author, corpus[0].published                      # doctest: +SKIP

Each file becomes a :class:`~summit_timeline.reading.corpus.Report`: the cleaned text (page
chrome, photo credits and date/author lines removed, the headline kept as the first line), its
metadata and, for every character, its index in the raw file. A file that cannot be read becomes
a :class:`~summit_timeline.reading.corpus.ReportError` in ``Corpus.errors`` and a
:class:`ReportWarning`; the other files are still read.

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
from dataclasses import dataclass, replace
from datetime import date, datetime
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..knowledge import Knowledge, resolve
from . import clean as _text
from . import dates as _dates
from .corpus import Corpus, Report, ReportError
from .frontmatter import FRONT_MATTER_KEYS, has_front_matter, read_front_matter, with_title
from .offsets import Offsets
from .patterns import FALLBACK_TIMEZONE, Patterns, patterns_for
from .sources import corrections_beside, read_sources

if TYPE_CHECKING:  # pages is imported only when a page is read (see pages.py)
    from .pages import Page

__all__ = [
    "FRONT_MATTER_KEYS",
    "ReportWarning",
    "language_timezones",
    "load_reports",
    "parse_report",
]


def language_timezones(knowledge: Knowledge | None = None) -> dict[str, str]:
    """The zone each language reads unzoned times in (``lexicons/<lang>/metadata.yaml``)."""
    return dict(patterns_for(resolve(knowledge)).timezones)


Form = Literal["text", "front_matter", "html"]
PathArg = str | PathLike[str]

#: File name endings read from a folder.
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
#: Characters of the cleaned text given to language detection.
DETECT_CHARS = 3_000
#: The longest report read, in characters (a long news article has 50,000; this is about 200
#: pages). Longer files are refused at once with the reason: split them into reports.
MAX_REPORT_CHARS = 500_000

_TAG = re.compile(r"<[a-zA-Z!/]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


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
    patterns: Patterns

    @property
    def languages(self) -> tuple[str, ...]:
        return self.patterns.languages


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
    knowledge: Knowledge | None = None,
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
    :param knowledge: the words to read with (``load_knowledge()``); the packaged ones if None.
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
        knowledge=knowledge,
    )
    files, errors = _collect(path_or_paths)
    for error in errors:
        _warn(error)
    sources = read_sources(files)
    reports: list[Report] = []
    used: dict[str, str] = {}
    seen: dict[int, str] = {}  # hash of a cleaned text -> the file it came from
    iterable: Iterable[Path] = files
    if progress:
        from tqdm.auto import tqdm

        iterable = tqdm(files, desc="reading reports", unit="file")
    for path in iterable:
        try:
            raw = read_text(path)
            is_html = path.suffix.lower() in HTML_SUFFIXES and _TAG.search(raw)
            form: Form | None = "html" if is_html else None
            report = _parse(
                raw,
                report_id=path.stem,
                source=str(path),
                form=form,
                options=options,
                fallback=sources.get(path, {}),
            )
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
        report = _flag_copy(report, seen)
        for note in report.notes:
            warnings.warn(f"{report.source}: {note}", ReportWarning, stacklevel=2)
        reports.append(report)
    return Corpus(
        reports=tuple(reports), errors=tuple(errors), corrections=corrections_beside(files)
    )


def _flag_copy(report: Report, seen: dict[int, str]) -> Report:
    """``report``, noted as a copy when an earlier file of the corpus has the same text."""
    key = hash(" ".join(report.text.split()))
    earlier = seen.setdefault(key, report.source or report.report_id)
    if earlier == (report.source or report.report_id):
        return report
    note = f"same text as {earlier}: one report under two names counts its events twice"
    return replace(report, notes=(*report.notes, note))


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
    knowledge: Knowledge | None = None,
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
        knowledge=knowledge,
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
        size = Path(path).stat().st_size
        if size > 4 * MAX_REPORT_CHARS:  # more characters than allowed in any encoding
            raise ValueError(_too_long(size, "bytes"))
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot be read: {exc.strerror or exc}") from exc
    return decode(data, html=Path(path).suffix.lower() in HTML_SUFFIXES)


def _too_long(size: int, unit: str) -> str:
    return (
        f"too long: {size:,} {unit}; reports over {MAX_REPORT_CHARS:,} characters are not read "
        "(split the file into reports)"
    )


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
    from .pages import declared_charset

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
    if len(text) > MAX_REPORT_CHARS:
        raise ValueError(_too_long(len(text), "characters"))
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
    knowledge: Knowledge | None,
) -> _Options:
    """Check the keyword overrides once; errors name the argument."""
    p = patterns_for(resolve(knowledge))
    for name, value in (("outlet", outlet), ("author", author), ("title", title), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a string or None; got {type(value).__name__}")
    if language is not None:
        language = _language_code(language, where="language=", languages=p.languages)
    if timezone is not None:
        _dates.zone(timezone, where="timezone=")
    zones = dict(p.timezones)
    if default_timezones is not None:
        if not isinstance(default_timezones, Mapping):
            raise TypeError(
                "default_timezones must map language codes to IANA zones, e.g. "
                f"{{'de': 'Europe/Berlin'}}; got {type(default_timezones).__name__}"
            )
        for lang, zone in default_timezones.items():
            _dates.zone(zone, where=f"default_timezones[{lang!r}]")
            zones[str(lang)] = str(zone)
    if published is not None:
        if isinstance(published, str):
            if _dates.parse_when(published, p.languages, p=p) is None:
                raise ValueError(
                    f"published={published!r} cannot be read as a date; give a datetime, a date "
                    "or a string like '2019-02-28 10:47'"
                )
        elif not isinstance(published, date):
            raise TypeError(
                f"published must be a datetime, date or string; got {type(published).__name__}"
            )
    return _Options(language, outlet, author, title, url, published, timezone, zones, p)


def _language_code(value: Any, *, where: str, languages: Sequence[str]) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where} must be a language code like 'de' or 'en'; got {value!r}")
    code = re.split(r"[-_]", value.strip())[0].lower()
    if code not in languages:
        raise ValueError(
            f"{where} {value!r} is not a supported language; supported: {list(languages)}"
        )
    return code


# --- one report ------------------------------------------------------------------------------


def _sniff(raw: str) -> Form:
    from .pages import looks_like_html

    if has_front_matter(raw):
        return "front_matter"
    return "html" if looks_like_html(raw) else "text"


def _parse(
    raw: str,
    *,
    report_id: str,
    source: str | None,
    form: Form | None,
    options: _Options,
    fallback: Mapping[str, str] | None = None,
) -> Report:
    """One report: its text cleaned, then each field from the first source that gives it.

    The sources, in order: keyword options, front matter, the HTML page, the text itself, then
    ``fallback`` (the folder's ``sources.yaml``: what the report does not carry).
    """
    fallback = fallback or {}
    if not isinstance(raw, str):
        raise TypeError(f"raw must be the report's text (str); got {type(raw).__name__}")
    if not raw.strip():
        raise ValueError("file is empty")
    form = form or _sniff(raw)
    cleaned, front, page = _read_form(raw, form, options)
    if not cleaned.text.strip():
        raise ValueError("no text left after removing page chrome")
    language = _language(options, front, page, cleaned, fallback)
    zone_name = (
        options.timezone
        or front.get("timezone")
        or fallback.get("timezone")
        or options.zones.get(language)
    )
    zone_name = zone_name or FALLBACK_TIMEZONE
    url = (
        options.url
        or front.get("url")
        or (page.url if page else None)
        or cleaned.url
        or fallback.get("url")
    )
    notes: list[str] = []
    when, precision, zone_used = _published(
        options,
        {**({"published": fallback["published"]} if "published" in fallback else {}), **front},
        page,
        cleaned,
        language=language,
        zone_name=zone_name,
        notes=notes,
        text_first="published" not in front,
        url=url,
    )
    outlet = (
        options.outlet
        or front.get("outlet")
        or (page.sitename if page else None)
        or cleaned.outlet
        or fallback.get("outlet")
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
        or cleaned.authors
        or fallback.get("author"),
        title=options.title
        or front.get("title")
        or (page.title if page else None)
        or cleaned.title
        or fallback.get("title"),
        url=url,
        published=when,
        published_precision=precision,
        timezone=zone_used,
        source=source,
        raw=raw,
        offsets=Offsets(cleaned.offsets),
        form=form,
        notes=tuple(notes),
    )


def _read_form(
    raw: str, form: Form, options: _Options
) -> tuple[_text.Cleaned, dict[str, Any], Page | None]:
    """The cleaned text, the front matter's values and the HTML page, as ``form`` has them.

    A page's text is what trafilatura extracted, one paragraph a line (``paragraph_break=
    "blank"``); a front matter's body starts after its closing line. A title the text lacks is
    looked for as its first line (``known_title``); the front matter's is put there if missing.
    """
    front: dict[str, Any] = {}
    known_title = options.title
    if form == "html":
        from .pages import read_page

        page = read_page(raw, url=options.url)
        cleaned = _text.clean(
            page.text,
            positions=page.positions,
            known_title=known_title or page.title,
            paragraph_break="blank",
            p=options.patterns,
        )
        return cleaned, front, page
    body = 0
    if form == "front_matter":
        front, body = read_front_matter(raw)
        front = _checked_front(front, options.languages)
        known_title = known_title or front.get("title")
    cleaned = _text.clean(raw, start=body, known_title=known_title, p=options.patterns)
    if form == "front_matter" and front.get("title") and cleaned.title is None:
        cleaned = with_title(cleaned, front["title"], raw[:body])
    return cleaned, front, None


def _language(
    options: _Options,
    front: Mapping[str, Any],
    page: Page | None,
    cleaned: _text.Cleaned,
    fallback: Mapping[str, str],
) -> str:
    """The report's language: given, in the front matter, the page's ``lang``, the sources
    file's, else detected."""
    language = options.language or front.get("language")
    if language is None and page is not None and page.language in options.languages:
        language = page.language
    if language is None and fallback.get("language"):
        language = _language_code(
            fallback["language"], where="sources file 'language'", languages=options.languages
        )
    if language is None:
        language = _detect_language(cleaned.text, options.languages)
    return language


def _checked_front(values: dict[str, Any], languages: Sequence[str]) -> dict[str, Any]:
    """The front matter's values with its language (as a supported code) and zone checked."""
    if "language" in values:
        values["language"] = _language_code(
            values["language"], where="front matter 'language'", languages=languages
        )
    if "timezone" in values:
        _dates.zone(values["timezone"], where="front matter 'timezone'")
    return values


def _detect_language(text: str, languages: Sequence[str]) -> str:
    import py3langid

    code, _score = py3langid.classify(text[:DETECT_CHARS])
    if code not in languages:
        raise ValueError(
            f"language detected as {code!r}, which has no lexicons; supported: "
            f"{list(languages)}. If the detection is wrong, give language= or a "
            "front matter 'language'"
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


def _finer(
    given: tuple[datetime | None, str, str | None], printed: tuple[datetime | None, str, str | None]
) -> tuple[datetime | None, str, str | None]:
    """The publication time given as metadata, or the text's date line when that says the same
    day (or month) to the minute (or day): "published: 2025-08-15" and a line "15.08.2025 -
    07:13 Uhr" make 07:13."""
    when, precision = given[0], given[1]
    line, line_precision = printed[0], printed[1]
    if when is None or line is None:
        return given
    finer = {"month": ("day", "minute"), "day": ("minute",)}.get(precision, ())
    if line_precision not in finer:
        return given
    same = (line.year, line.month) == (when.year, when.month)
    if precision == "day":
        same = line.date() == when.date()
    return printed if same else given


def _published(
    options: _Options,
    front: Mapping[str, Any],
    page: Page | None,
    cleaned: _text.Cleaned,
    *,
    language: str,
    zone_name: str,
    notes: list[str],
    text_first: bool = False,
    url: str | None = None,
) -> tuple[datetime | None, str, str | None]:
    """Publication time, its precision, and the zone it was read in.

    A front matter value that is no date is noted (and the text's date lines are read instead),
    so one wrong field does not lose the report. ``text_first``: the value comes from the
    sources file and counts only when the text's date lines give none. The date in the report's
    address (``url``: a day, or a year and month) outranks a date line of a later month (the day
    the page was shown), gives the day of a publication known only to the month, and is the last
    resort.
    """
    p = options.patterns
    langs = (language, *(lang for lang in p.languages if lang != language))
    if options.published is not None:
        return _dates.resolve(options.published, zone_name, langs, where="published=", p=p)
    guess = _dates.from_lines(cleaned.dates, zone_name, langs, p=p)
    address = _dates.from_url(url, zone_name, p)
    if guess[0] is not None and address[0] is not None:
        line, first = guess[0], address[0]
        if (line.year, line.month) > (first.year, first.month):
            # an address keeps the day of first publication: a later date line is the day the
            # page was shown or changed ("Tuesday, February 27th, 2024" over /2017/04/)
            notes.append(
                f"published: the date line {line.date()} is later than the address's "
                f"{first:%Y-%m}; the address's date taken"
            )
            guess = address
    if text_first and guess[0] is not None:
        return guess
    if "published" in front:
        try:
            found = _dates.resolve(
                front["published"], zone_name, langs, where="front matter 'published'", p=p
            )
        except ValueError as exc:
            notes.append(f"{exc}; publication time taken from the text instead")
            return guess
        return _finer(_finer(found, guess), address)
    if page is not None and page.published:
        try:
            found = _dates.resolve(page.published, zone_name, langs, where="page date", p=p)
        except ValueError:
            found = None
        if found is not None and found[0] is not None:
            return _finer(_finer(found, guess), address)
    if guess[0] is None and address[0] is not None:
        return address
    return guess
