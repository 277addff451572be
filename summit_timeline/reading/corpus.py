"""Reports and corpora: what ``load_reports`` returns and ``extract_events`` reads."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

PublishedPrecision = Literal["minute", "day", "month", "none"]


@dataclass(frozen=True)
class Report:
    """One cleaned news report with its metadata.

    ``text`` is the cleaned text (page chrome removed); ``offsets[i]`` is the index in ``raw`` of
    ``text[i]``, so any span found in the text can be shown in the original file.
    """

    report_id: str
    text: str
    language: str
    outlet: str | None = None
    author: str | None = None
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    published_precision: PublishedPrecision = "none"
    timezone: str | None = None
    source: str | None = None
    raw: str = ""
    offsets: Sequence[int] = ()  # compact: see ``offsets.Offsets``
    form: Literal["text", "front_matter", "html"] = "text"
    notes: tuple[str, ...] = ()  # what was found wrong but not fatal ("published: no 31 February")

    @property
    def gives_day(self) -> bool:
        """Whether the publication gives a day (a date, or a date and time), not a month alone."""
        return self.published is not None and self.published_precision in ("day", "minute")

    @property
    def written_on(self) -> date | None:
        """The day the report was published, where the publication gives it (``gives_day``)."""
        return self.published.date() if self.published is not None and self.gives_day else None

    def raw_offset(self, index: int) -> int:
        """Offset in ``raw`` of the cleaned text's character ``index`` (``len(text)``: the end)."""
        if not self.offsets:
            return index
        if index >= len(self.offsets):
            return len(self.raw)
        return self.offsets[index]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``raw`` that the cleaned span ``[start, end)`` came from."""
        if end <= start:
            pos = self.raw_offset(start)
            return pos, pos
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    def clean_offset(self, raw_index: int) -> int:
        """The first cleaned-text index at or after ``raw_index`` in ``raw``."""
        if not self.offsets:
            return raw_index
        return bisect.bisect_left(self.offsets, raw_index)


@dataclass(frozen=True)
class ReportError:
    """A report that could not be read: the file and the reason."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Corpus(Sequence[Report]):
    """The reports that were read, plus the files that could not be (``errors``), and the
    corrections files found beside them (``corrections``: applied by ``extract_events``)."""

    reports: tuple[Report, ...] = ()
    errors: tuple[ReportError, ...] = field(default=())
    corrections: tuple[Path, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.reports)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, str):
            for report in self.reports:
                if report.report_id == index:
                    return report
            raise KeyError(
                f"no report with report_id {index!r}; have {[r.report_id for r in self.reports]}"
            )
        return self.reports[index]

    def __iter__(self) -> Iterator[Report]:
        return iter(self.reports)

    def __repr__(self) -> str:
        ids = ", ".join(r.report_id for r in self.reports[:5])
        more = ", ..." if len(self.reports) > 5 else ""
        errs = f", {len(self.errors)} unreadable" if self.errors else ""
        return f"Corpus({len(self.reports)} reports: {ids}{more}{errs})"
