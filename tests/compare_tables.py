# ruff: noqa: E501  (quotations are kept on one line as printed)
"""Hand-made, schema-conformant event tables for the comparison tests.

They say what ``extract_events`` is meant to return for the sample reports (following
``/work/shared/gold/alaska-2025.yaml``) and for the Helsinki reports in ``tests/data/compare/``,
so the comparison functions can be tested on their own. Offsets are found in the report texts.
``TABLES`` adds the real pipeline's tables of the same reports, so that each test can run on both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from summit_timeline.reading.corpus import Corpus, Report
from summit_timeline.table.schema import COLUMN_NAMES

ROOT = Path(__file__).resolve().parents[1]
ALASKA = ROOT / "data" / "reports" / "alaska-2025"
HELSINKI = ROOT / "tests" / "data" / "compare"


def read_report(path: Path) -> Report:
    """A report from a text file with optional YAML front matter (no cleaning)."""
    raw = path.read_text(encoding="utf-8")
    meta: dict[str, Any] = {}
    text = raw
    if raw.startswith("---\n"):
        head, text = raw[4:].split("\n---\n", 1)
        meta = yaml.safe_load(head) or {}
    published = meta.get("published")
    if isinstance(published, str):
        published = dt.datetime.fromisoformat(published)
    return Report(
        report_id=path.stem,
        text=text,
        language=str(meta.get("language", "de")),
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        title=meta.get("title"),
        url=meta.get("url"),
        published=published,
        source=str(path),
        raw=raw,
    )


def hand_corpus(folder: Path) -> Corpus:
    """All ``.txt`` reports of ``folder``, read without the ingest pipeline."""
    return Corpus(tuple(read_report(p) for p in sorted(folder.glob("*.txt"))))


def _evidence(report: Report, phrase: str) -> dict[str, Any]:
    """The sentence of ``report`` containing ``phrase``, with offsets."""
    at = report.text.find(phrase)
    assert at >= 0, f"{phrase!r} not in {report.report_id}"
    start = max(report.text.rfind(". ", 0, at) + 2, report.text.rfind("\n", 0, at) + 1, 0)
    if report.text[start:at].strip() == "":
        start = at
    ends = [i for i in (report.text.find(". ", at), report.text.find("\n", at)) if i >= 0]
    end = min(ends) + 1 if ends else len(report.text)
    return {"sentence": report.text[start:end].strip(), "char_start": start, "char_end": end}


def mention(
    report: Report,
    event_id: str,
    event_type: str,
    phrases: list[str],
    *,
    status: str = "occurred",
    actors: list[str] | None = None,
    place: str | None = None,
    duration: float | None = None,
    hedge: str | None = None,
    planned: float | None = None,
    quotes: list[tuple[str | None, str]] = (),  # type: ignore[assignment]
    date: dt.date | None = None,
    date_source: str = "none",
) -> dict[str, Any]:
    """One row of an event table."""
    evidence = [_evidence(report, p) for p in phrases]
    row: dict[str, Any] = dict.fromkeys(COLUMN_NAMES)
    row.update(
        event_id=event_id,
        mention_id=f"{report.report_id}:{event_id}",
        report_id=report.report_id,
        outlet=report.outlet or report.report_id,
        author=report.author,
        title=report.title,
        url=report.url,
        published=report.published,
        published_precision="minute" if report.published else "none",
        language=report.language,
        event_type=event_type,
        cameo="040",
        status=status,
        label=f"{event_type}: {', '.join(actors or [])}",
        trigger=phrases[0].split()[0],
        actors=list(actors or []),
        place=place,
        timezone=None,
        date=date,
        date_source=date_source,
        start=None,
        end=None,
        time_precision="day" if date else "none",
        duration_min=duration,
        duration_hedge=hedge,
        planned_duration_min=planned,
        order_cue=None,
        quotes=[{"speaker": s, "text": t} for s, t in quotes],
        sentence=evidence[0]["sentence"],
        char_start=evidence[0]["char_start"],
        char_end=evidence[0]["char_end"],
        evidence=evidence,
        confidence=0.9,
    )
    return row


def alaska_table() -> tuple[pd.DataFrame, Corpus]:
    """What extract_events should give for the two sample reports (per the gold annotation)."""
    corpus = hand_corpus(ALASKA)
    one, two = corpus[0], corpus[1]
    day = dt.date(2025, 8, 15)
    rows = [
        mention(
            one,
            "talks-cancelled",
            "talks",
            ["Vieraugengespräch wurde"],
            status="cancelled",
            actors=["Trump", "Putin"],
            date=day,
            date_source="publication",
        ),
        mention(
            one,
            "talks",
            "talks",
            ["Insgesamt dauerte die Runde", "saßen beide Präsidenten"],
            actors=["Trump", "Putin", "Rubio", "Lavrov", "Witkoff", "Ushakov"],
            place="Alaska",
            duration=165,
            hedge="nur",
            planned=360,
            date=day,
            date_source="publication",
        ),
        mention(
            two,
            "talks",
            "talks",
            ["Gut zweieinhalb Stunden"],
            actors=["Trump", "Putin"],
            place="Anchorage",
            duration=150,
            hedge="gut",
            date=day,
            date_source="aligned",
        ),
        mention(
            one,
            "press",
            "press_statement",
            ["Nach nur zwölf Minuten"],
            actors=["Trump", "Putin"],
            duration=12,
            hedge="nur",
            date=day,
            date_source="publication",
            quotes=[
                (
                    "Trump",
                    "Es war ein extrem produktives Treffen, ich muss jetzt sehr viel telefonieren.",
                ),
                ("Putin", "Danke, Donald Trump, für diesen warmen, herzlichen Empfang"),
            ],
        ),
        mention(
            two,
            "press",
            "press_statement",
            ["vor die Medien getreten", "traten vor die Weltpresse"],
            actors=["Putin", "Trump"],
            place="Anchorage",
            date=day,
            date_source="aligned",
            quotes=[
                (
                    "Trump",
                    "Wir sind noch nicht angekommen, aber wir haben eine sehr gute Chance, dahin zu gelangen.",
                ),
            ],
        ),
        mention(
            one,
            "call",
            "phone_call",
            ["sehr viel telefonieren"],
            status="announced",
            actors=["Trump"],
        ),
        mention(
            two,
            "call",
            "phone_call",
            ["Trump kündigte an"],
            status="announced",
            actors=["Trump", "NATO", "Zelensky"],
        ),
        mention(
            one,
            "invitation",
            "invitation",
            ["Das nächste Mal in Moskau"],
            status="proposed",
            actors=["Putin", "Trump"],
            place="Moscow",
            date=day,
            date_source="publication",
            quotes=[
                ("Putin", "Das nächste Mal in Moskau!"),
                (
                    "Trump",
                    "Das ist ein interessantes Angebot. Da könnte ich Ärger bekommen. Aber ich sehe eine Möglichkeit, dass es passiert.",
                ),
            ],
        ),
        mention(
            two,
            "invitation",
            "invitation",
            ["Nächstes Mal in Moskau", "Das ist interessant"],
            status="proposed",
            actors=["Putin", "Trump"],
            place="Moscow",
            date=day,
            date_source="aligned",
            quotes=[
                ("Putin", "Nächstes Mal in Moskau."),
                ("Trump", "Das ist interessant. Das wird mir wohl etwas Ärger einbringen"),
                ("Trump", "Ich könnte mir vorstellen, dass das passiert."),
            ],
        ),
        mention(
            one,
            "departure",
            "departure",
            ["Delegationen das Podium verließen"],
            actors=["Trump", "Putin"],
            date=day,
            date_source="publication",
        ),
        mention(
            two,
            "departure",
            "departure",
            ["beide verliessen den Raum"],
            actors=["Trump", "Putin"],
            date=day,
            date_source="aligned",
        ),
    ]
    return pd.DataFrame(rows, columns=list(COLUMN_NAMES)), corpus


def helsinki_table() -> tuple[pd.DataFrame, Corpus]:
    """What extract_events should give for the three Helsinki reports in tests/data/compare/."""
    corpus = hand_corpus(HELSINKI)
    agentur, courier, tagespost = (corpus[i] for i in range(3))
    day = dt.date(2018, 7, 16)
    trump_en = "President Putin says it's not Russia. I don't see any reason why it would be."
    rows = [
        mention(
            courier,
            "arrival",
            "arrival",
            ["Putin arrived almost"],
            actors=["Putin"],
            date=day,
            date_source="relative",
        ),
        mention(
            tagespost,
            "arrival",
            "arrival",
            ["Putin kam fast"],
            actors=["Putin"],
            date=day,
            date_source="relative",
        ),
        mention(
            courier,
            "talks",
            "talks",
            ["The meeting lasted", "met one-on-one"],
            actors=["Trump", "Putin"],
            place="Helsinki",
            duration=120,
            hedge="about",
            planned=90,
            date=day,
            date_source="relative",
        ),
        mention(
            tagespost,
            "talks",
            "talks",
            ["Das Vieraugengespräch"],
            actors=["Trump", "Putin"],
            place="Helsinki",
            duration=120,
            hedge="gut",
            date=day,
            date_source="relative",
        ),
        mention(
            agentur,
            "talks",
            "talks",
            ["Das Gespräch unter vier Augen"],
            actors=["Trump", "Putin"],
            duration=130,
            hedge="etwa",
            planned=90,
            date=day,
            date_source="relative",
        ),
        mention(
            courier,
            "lunch",
            "talks",
            ["working lunch"],
            actors=["Pompeo", "Bolton", "Lavrov", "Trump", "Putin"],
            date=day,
            date_source="relative",
        ),
        mention(
            tagespost,
            "lunch",
            "talks",
            ["Arbeitsessen"],
            actors=["Pompeo", "Lavrov"],
            date=day,
            date_source="relative",
        ),
        mention(
            courier,
            "press",
            "press_statement",
            ["At the joint news conference", "The news conference lasted"],
            actors=["Putin", "Trump"],
            duration=46,
            date=day,
            date_source="relative",
            quotes=[("Trump", trump_en), ("Putin", "Now the ball is in your court,")],
        ),
        mention(
            tagespost,
            "press",
            "press_statement",
            ["Bei der anschließenden Pressekonferenz"],
            actors=["Trump", "Putin"],
            date=day,
            date_source="relative",
            quotes=[
                (
                    "Trump",
                    "Präsident Putin sagt, es war nicht Russland. Ich sehe keinen Grund, warum es so sein sollte.",
                ),
                ("Putin", "Jetzt liegt der Ball in Ihrem Feld"),
            ],
        ),
        mention(
            agentur,
            "press",
            "press_statement",
            ["Anschließend traten beide", "Die Pressekonferenz dauerte"],
            actors=["Trump", "Putin"],
            duration=45,
            hedge="rund",
            date=day,
            date_source="relative",
            quotes=[
                (
                    "Trump",
                    "Präsident Putin sagt, es sei nicht Russland gewesen. Ich sehe keinen Grund, warum es das sein sollte",
                )
            ],
        ),
        mention(
            courier,
            "departure",
            "departure",
            ["Trump left Helsinki"],
            actors=["Trump"],
            date=day,
            date_source="relative",
        ),
        mention(
            agentur,
            "departure",
            "departure",
            ["Trump flog am Abend"],
            actors=["Trump"],
            place="Washington",
            date=day,
            date_source="relative",
        ),
    ]
    return pd.DataFrame(rows, columns=list(COLUMN_NAMES)), corpus


@cache
def pipeline(folder: Path) -> tuple[pd.DataFrame, Corpus]:
    """``extract_events`` on the reports of ``folder`` (once per test session; not to be modified)."""
    import summit_timeline as st

    corpus = st.load_reports(folder)
    return st.extract_events(corpus), corpus


#: The tables the comparison tests run on: hand-made (what extraction should give) and extracted.
TABLES: dict[str, Callable[[], tuple[pd.DataFrame, Corpus]]] = {
    "alaska-hand": alaska_table,
    "helsinki-hand": helsinki_table,
    "alaska-real": lambda: pipeline(ALASKA),
    "helsinki-real": lambda: pipeline(HELSINKI),
}


def table_fixture(name: str, *tables: str) -> Any:
    """A module-scoped fixture ``name`` that runs each test on each of ``tables`` (keys of
    ``TABLES``): ``alaska = table_fixture("alaska", "alaska-hand", "alaska-real")``."""

    @pytest.fixture(scope="module", params=tables, name=name)
    def fixture(request: pytest.FixtureRequest) -> tuple[pd.DataFrame, Corpus]:
        return TABLES[request.param]()

    return fixture
