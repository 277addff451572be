"""Hand-made event tables for the timeline, explorer and export tests.

They follow ``summit_timeline/schema.py`` column by column, so the figure and export code can be
tested without the extraction pipeline:

- ``alaska_table()``: the two sample reports as the gold file ``alaska-2025.yaml`` annotates them
  (no clock times anywhere: placement must come from order cues and the ontology's order);
- ``clock_table()``: a second, invented summit in Geneva with clock times (one given in UTC),
  an announced follow-up meeting on a later date and an undated proposal;
- ``hostile_table()``: a report whose every text field carries ``<script>``, ``<img onerror>``,
  ``javascript:`` and plotly-template payloads that must be shown literally and never run;
- ``gift_table()`` and ``gift_knowledge(folder)``: two outlets reporting an event of a type the
  packaged ontology does not know, and a knowledge object that adds it (a user's new type).
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from summit_timeline.knowledge import Knowledge, load_knowledge
from summit_timeline.table.schema import COLUMN_NAMES, validate_table

ANCHORAGE = "America/Anchorage"
GENEVA = "Europe/Zurich"

#: JavaScript that flags the page if it ever runs; the browser test checks ``window.__pwned``.
PWN = "window.__pwned=1"


def mention(**values: Any) -> dict[str, Any]:
    """One row of the event table: ``values`` over neutral defaults (evidence from ``sentence``)."""
    defaults: dict[str, Any] = {
        "story_id": "story",
        "notes": [],
        "corrected": [],
        "correction_note": None,
        "author": None,
        "title": None,
        "url": None,
        "published": None,
        "published_precision": "none",
        "cameo": "040",
        "trigger": "",
        "actors": [],
        "place": None,
        "timezone": None,
        "date": None,
        "date_source": "none",
        "start": None,
        "end": None,
        "time_precision": "none",
        "duration_min": None,
        "duration_hedge": None,
        "planned_duration_min": None,
        "order_cue": None,
        "quotes": [],
        "char_start": 0,
        "char_end": 0,
        "evidence": [],
        "confidence": 0.9,
    }
    row = {**defaults, **values}
    if not row["evidence"]:
        row["evidence"] = [
            {
                "sentence": row["sentence"],
                "char_start": row["char_start"],
                "char_end": row["char_end"] or row["char_start"] + len(row["sentence"]),
            }
        ]
    if not row["char_end"]:
        row["char_end"] = row["char_start"] + len(row["sentence"])
    return row


def frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A schema-conformant table from ``mention(...)`` rows."""
    table = pd.DataFrame(rows)
    table = table[list(COLUMN_NAMES)]
    validate_table(table)
    return table


def _alaska_report(report_id: str, outlet: str, **meta: Any) -> dict[str, Any]:
    return {"report_id": report_id, "outlet": outlet, "language": "de", **meta}


def alaska_table() -> pd.DataFrame:
    """The sample reports as annotated in the gold file: two outlets, no clock times."""
    a = _alaska_report(
        "000_a00dd4f110c38dcf",
        "Alpenblatt",
        author="Stefanie Hermann",
        title='Putin macht Angebot, Trump: "Dafür könnte ich Ärger bekommen"',
        url="https://alpenblatt.example/politik/gipfel",
        published=pd.Timestamp("2025-08-16 06:56", tz="Europe/Vienna"),
        published_precision="minute",
    )
    b = _alaska_report(
        "001_c4231c246326d5c6",
        "Seeblick Zeitung",
        published=pd.Timestamp("2025-08-16", tz="Europe/Zurich"),
        published_precision="day",
    )
    day = date(2025, 8, 15)
    common = {"timezone": ANCHORAGE, "date": day, "date_source": "publication"}
    rows = [
        mention(
            **a,
            **common,
            event_id="ev-talks-cancelled",
            mention_id="a-1",
            event_type="talks",
            status="cancelled",
            label="Talks: Trump, Putin (cancelled)",
            trigger="Vieraugengespräch",
            actors=["Trump", "Putin"],
            sentence="Das ursprünglich geplante Vieraugengespräch wurde kurzfristig abgesagt.",
            char_start=900,
        ),
        mention(
            **a,
            **common,
            event_id="ev-talks",
            mention_id="a-2",
            event_type="talks",
            status="occurred",
            label="Talks: Trump, Putin, Rubio, Lavrov, Witkoff, Ushakov · Alaska",
            trigger="Runde",
            actors=["Trump", "Putin", "Rubio", "Lavrov", "Witkoff", "Ushakov"],
            place="Alaska",
            duration_min=165.0,
            duration_hedge="nur",
            planned_duration_min=360.0,
            sentence=(
                "Insgesamt dauerte die Runde nur 2 Stunden 45 Minuten, deutlich kürzer als die "
                "vorgesehenen sechs Stunden, und blieb ohne Ergebnis."
            ),
            char_start=1300,
        ),
        mention(
            **a,
            **common,
            event_id="ev-press",
            mention_id="a-3",
            event_type="press_statement",
            cameo="010",
            status="occurred",
            label="Press statement: Trump, Putin",
            trigger="Auftritt vor der Presse",
            actors=["Trump", "Putin"],
            duration_min=12.0,
            duration_hedge="nur",
            quotes=[
                {
                    "speaker": "Trump",
                    "text": "Es war ein extrem produktives Treffen, "
                    "ich muss jetzt sehr viel telefonieren.",
                }
            ],
            sentence="Nach nur zwölf Minuten dauerte der gemeinsame Auftritt vor der Presse.",
            char_start=1900,
        ),
        mention(
            **a,
            timezone=ANCHORAGE,
            event_id="ev-phone",
            mention_id="a-4",
            event_type="phone_call",
            status="announced",
            label="Phone call: Trump (announced)",
            trigger="telefonieren",
            actors=["Trump"],
            sentence=(
                "Trump erklärte im Anschluss: „Es war ein extrem produktives Treffen, ich muss "
                "jetzt sehr viel telefonieren.“"
            ),
            char_start=1500,
        ),
        mention(
            **a,
            **common,
            event_id="ev-invitation",
            mention_id="a-5",
            event_type="invitation",
            cameo="039",
            status="proposed",
            label="Invitation: Putin, Trump · Moscow",
            trigger="Angebot",
            actors=["Putin", "Trump"],
            place="Moscow",
            quotes=[
                {"speaker": "Putin", "text": "Das nächste Mal in Moskau!"},
                {
                    "speaker": "Trump",
                    "text": "Das ist ein interessantes Angebot. Da könnte ich Ärger bekommen. "
                    "Aber ich sehe eine Möglichkeit, dass es passiert.",
                },
            ],
            sentence=(
                "Mit seinem anschließenden Angebot, das er an seinen Dank an Trump anschloss, "
                "sorgte er für Verwunderung bis Stirnrunzeln: „Das nächste Mal in Moskau!“"
            ),
            char_start=2100,
        ),
        mention(
            **a,
            **common,
            event_id="ev-departure",
            mention_id="a-6",
            event_type="departure",
            cameo="042",
            status="occurred",
            label="Departure: Trump, Putin",
            trigger="verließen",
            actors=["Trump", "Putin"],
            sentence=(
                "Mit einem Schulterklopfen verabschiedete er Putin, bevor beide Delegationen das "
                "Podium verließen."
            ),
            char_start=2500,
        ),
        mention(
            **b,
            **common,
            event_id="ev-talks",
            mention_id="b-1",
            event_type="talks",
            status="occurred",
            label="Talks: Trump, Putin · Anchorage",
            trigger="Gespräch",
            actors=["Trump", "Putin"],
            place="Anchorage",
            duration_min=150.0,
            duration_hedge="gut",
            sentence=(
                "Gut zweieinhalb Stunden hat das Gespräch zwischen Trump und Putin in der Stadt "
                "Anchorage in Alaska gedauert."
            ),
            char_start=300,
        ),
        mention(
            **b,
            **common,
            event_id="ev-press",
            mention_id="b-2",
            event_type="press_statement",
            cameo="010",
            status="occurred",
            label="Press statement: Putin, Trump · Anchorage",
            trigger="vor die Medien getreten",
            actors=["Putin", "Trump"],
            place="Anchorage",
            order_cue="after",
            quotes=[
                {
                    "speaker": "Trump",
                    "text": "Wir sind noch nicht angekommen, aber wir haben eine sehr gute "
                    "Chance, dahin zu gelangen.",
                }
            ],
            sentence=(
                "Danach sind der US-Präsident und der Kremlchef vor die Medien getreten, aber: "
                "Konkrete Angaben wurden nicht gemacht, beide blieben sehr vage."
            ),
            char_start=410,
        ),
        mention(
            **b,
            timezone=ANCHORAGE,
            event_id="ev-phone",
            mention_id="b-3",
            event_type="phone_call",
            status="announced",
            label="Phone call: Trump, NATO, Zelensky (announced)",
            trigger="telefonieren",
            actors=["Trump", "NATO", "Zelensky"],
            sentence=(
                "Trump kündigte an, nun telefonieren zu wollen, unter anderem mit Nato-Partnern "
                "und dem ukrainischen Präsidenten Wolodimir Selenski."
            ),
            char_start=1500,
        ),
        mention(
            **b,
            **common,
            event_id="ev-invitation",
            mention_id="b-4",
            event_type="invitation",
            cameo="039",
            status="proposed",
            label="Invitation: Putin, Trump · Moscow",
            trigger="Nächstes Mal in Moskau",
            actors=["Putin", "Trump"],
            place="Moscow",
            quotes=[
                {"speaker": "Putin", "text": "Nächstes Mal in Moskau."},
                {
                    "speaker": "Trump",
                    "text": "Das ist interessant. Das wird mir wohl etwas Ärger einbringen",
                },
            ],
            sentence="«Nächstes Mal in Moskau.»",
            char_start=1800,
        ),
        mention(
            **b,
            **common,
            event_id="ev-departure",
            mention_id="b-5",
            event_type="departure",
            cameo="042",
            status="occurred",
            label="Departure: Trump, Putin",
            trigger="verliessen",
            actors=["Trump", "Putin"],
            sentence=(
                "Doch es gab nur Dank für die Aufmerksamkeit – und beide verliessen den Raum."
            ),
            char_start=2300,
        ),
    ]
    return frame(rows)


def clock_table() -> pd.DataFrame:
    """An invented Geneva summit with clock times (one in UTC), a later and an undated event."""
    x = {
        "report_id": "geneva-x",
        "outlet": "Xenia Wire",
        "language": "en",
        "author": "A. Writer",
        "title": "Leaders meet by the lake",
        "url": "https://xenia.example/geneva",
        "published": pd.Timestamp("2021-06-16 20:00", tz=GENEVA),
        "published_precision": "minute",
    }
    y = {
        "report_id": "geneva-y",
        "outlet": "Ypsilon Post",
        "language": "en",
        "url": "http://ypsilon.example/news/1",
        "published": pd.Timestamp("2021-06-16 21:30", tz=GENEVA),
        "published_precision": "minute",
    }
    day = date(2021, 6, 16)
    where = {"timezone": GENEVA, "date": day, "date_source": "stated", "place": "Geneva"}

    def at(hhmm: str, tz: str = GENEVA) -> pd.Timestamp:
        return pd.Timestamp(f"2021-06-16 {hhmm}", tz=tz)

    rows = [
        mention(
            **x,
            **where,
            event_id="g-arrival",
            mention_id="x-1",
            event_type="arrival",
            cameo="042",
            status="occurred",
            label="Arrival: Leader A · Geneva",
            actors=["LeaderA"],
            start=at("12:55"),
            time_precision="minute",
            sentence="Leader A arrived at the villa at 12:55.",
            char_start=10,
        ),
        mention(
            **x,
            **where,
            event_id="g-talks",
            mention_id="x-2",
            event_type="talks",
            status="occurred",
            label="Talks: LeaderA, LeaderB · Geneva",
            actors=["LeaderA", "LeaderB"],
            # given in UTC on purpose: the figure must show it as 13:40 Geneva time
            start=at("11:40", "UTC"),
            end=at("13:05", "UTC"),
            time_precision="minute",
            duration_min=85.0,
            sentence="The talks began at 13:40 and ended at 15:05.",
            char_start=80,
        ),
        mention(
            **y,
            **{**where, "date_source": "publication"},
            event_id="g-talks",
            mention_id="y-1",
            event_type="talks",
            status="occurred",
            label="Talks: LeaderA, LeaderB",
            actors=["LeaderA", "LeaderB"],
            duration_min=180.0,
            duration_hedge="about",
            planned_duration_min=300.0,
            sentence="The talks lasted about three hours, far less than the five planned.",
            char_start=50,
        ),
        mention(
            **y,
            **{**where, "date_source": "publication"},
            event_id="g-press",
            mention_id="y-2",
            event_type="press_statement",
            cameo="010",
            status="occurred",
            label="Press statement: LeaderB · Geneva",
            actors=["LeaderB"],
            order_cue="after",
            quotes=[{"speaker": "LeaderB", "text": "There was no hostility."}],
            sentence="Afterwards LeaderB spoke to reporters.",
            char_start=200,
        ),
        mention(
            **x,
            **{**where, "date": date(2021, 7, 1)},
            event_id="g-followup",
            mention_id="x-3",
            event_type="talks",
            status="announced",
            label="Talks: delegations (announced) · Geneva",
            actors=["LeaderA", "LeaderB"],
            duration_min=60.0,
            sentence="Delegations will meet again on 1 July for an hour.",
            char_start=300,
        ),
        mention(
            **y,
            timezone=GENEVA,
            event_id="g-visit",
            mention_id="y-3",
            event_type="visit",
            cameo="042",
            status="proposed",
            label="Visit: LeaderA (proposed) · Capital B",
            actors=["LeaderA"],
            place="Capital B",
            sentence="LeaderB suggested a visit to his capital some day.",
            char_start=400,
        ),
    ]
    return frame(rows)


#: Payloads planted in every text field of ``hostile_table()``.
SCRIPT = f"<script>{PWN}</script>"
IMG = f'<img src=x onerror="{PWN}">'
LINK = f'<a href="javascript:{PWN}">click</a>'


def hostile_table() -> pd.DataFrame:
    """One report whose text fields carry script, onerror, javascript: and template payloads."""
    evil = {
        "report_id": "evil-1",
        "outlet": f"Evil{SCRIPT}",
        "language": "en",
        "author": f"<b>Bold</b> {IMG}",
        "title": f"Title {IMG} %{{x}}",
        "url": f"javascript:{PWN}",
        "published": pd.Timestamp("2024-05-01 10:00", tz="UTC"),
        "published_precision": "minute",
    }
    good = {
        "report_id": "fair-1",
        "outlet": "Fair Herald",
        "language": "en",
        "url": "https://fair.example/a?x=1&y=<2>",
        "published": pd.Timestamp("2024-05-01 11:00", tz="UTC"),
        "published_precision": "minute",
    }
    where = {"timezone": "UTC", "date": date(2024, 5, 1), "date_source": "stated"}
    rows = [
        mention(
            **evil,
            **where,
            event_id="h-talks",
            mention_id="e-1",
            event_type="talks",
            status="occurred",
            label=f"Talks {SCRIPT}",
            actors=[f"<i>Actor</i>{IMG}"],
            place=f"</script><script>{PWN}</script>",
            duration_min=30.0,
            duration_hedge=IMG,
            sentence=f"They talked {SCRIPT} {IMG} {LINK} %{{customdata}} <b>bold</b>.",
            quotes=[{"speaker": LINK, "text": f"Quote {IMG} <br>broken"}],
            char_start=0,
        ),
        mention(
            **good,
            **where,
            event_id="h-talks",
            mention_id="f-1",
            event_type="talks",
            status="occurred",
            label="Talks",
            actors=["Actor"],
            duration_min=45.0,
            sentence="The talks lasted 45 minutes & ended <calmly>.",
            char_start=0,
        ),
        mention(
            **evil,
            **where,
            event_id="h-press",
            mention_id="e-2",
            event_type="press_statement",
            cameo="010",
            status="occurred",
            label=f"Press {IMG}",
            actors=[],
            sentence=f"Then a statement {LINK}.",
            order_cue="after",
            char_start=100,
        ),
    ]
    return frame(rows)


#: The added type: key, its label in ``gift_knowledge``, and the neutral label without it.
GIFT = "gift_exchange"
GIFT_LABEL = "Exchange of gifts"
GIFT_NEUTRAL = "Gift exchange"


def gift_knowledge(folder: Path) -> Knowledge:
    """The packaged knowledge plus a type ``gift_exchange`` that comes first in a summit day."""
    files = {
        "ontology.yaml": f"types:\n  {GIFT}:\n    label: {GIFT_LABEL}\n    order: 5\n",
        "lexicons/de/events.yaml": f"triggers:\n  {GIFT}: [tauschten Geschenke]\n",
        "lexicons/en/events.yaml": f"triggers:\n  {GIFT}: [exchanged gifts]\n",
    }
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    return load_knowledge(folder, environment=False)


def gift_table() -> pd.DataFrame:
    """Talks, then an exchange of gifts, reported by two outlets; no clock times, no labels."""
    day = {"timezone": "Europe/Zurich", "date": date(2026, 3, 2), "date_source": "stated"}
    rows = []
    for report, outlet in (("r-a", "Tagesbote"), ("r-b", "Courier")):
        common = {**day, "report_id": report, "outlet": outlet, "language": "en", "label": None}
        rows += [
            mention(
                **common,
                event_id="talks",
                mention_id=f"{report}-1",
                event_type="talks",
                status="occurred",
                sentence="They met for talks.",
                char_start=0,
            ),
            mention(
                **common,
                event_id="gifts",
                mention_id=f"{report}-2",
                event_type=GIFT,
                status="occurred",
                sentence="Then they exchanged gifts.",
                char_start=40,
            ),
        ]
    return frame(rows)


def visible_text_payloads() -> tuple[str, ...]:
    """Planted strings that must appear literally (as text) in an exported page."""
    return (SCRIPT, IMG, "javascript:")


def visible_mentions(traces: Any, visible: list[Any] | None = None) -> set[str]:
    """Mention ids drawn by the traces that are shown (``visible`` overrides the traces' own)."""
    shown: set[str] = set()
    for number, trace in enumerate(traces):
        state = visible[number] if visible is not None else trace.visible
        if state is False or state == "legendonly":
            continue
        shown.update(str(i) for i in (trace.customdata or ()) if i is not None)
    return shown


#: The stories of ``stories_table()``, main story first, and their names.
STORIES = {
    "alaska-2025": "Anchorage, 15 August 2025 — Putin, Trump (2 reports)",
    "geneva-2021": "Geneva, 16 June 2021 — LeaderA, LeaderB (2 reports)",
    "helsinki-2018": "Helsinki, 16 July 2018 — Putin, Trump (recalled in 1 report)",
}


def stories_table() -> pd.DataFrame:
    """Two summits and a recalled meeting in one table: the sample reports' Alaska summit (two
    reports, 11 mentions), the Geneva summit of ``clock_table`` (two reports, 6 mentions), and
    talks in Helsinki that one Alaska report recalls (mention ``a-9``)."""
    alaska = alaska_table().assign(story_id="alaska-2025")
    geneva = clock_table().assign(story_id="geneva-2021")
    report = ("report_id", "outlet", "language", "author", "title", "url", "published")
    first = alaska.iloc[0]
    recalled = mention(
        **{key: first[key] for key in report},
        published_precision=first["published_precision"],
        story_id="helsinki-2018",
        timezone="Europe/Helsinki",
        date=date(2018, 7, 16),
        date_source="stated",
        event_id="h-talks",
        mention_id="a-9",
        event_type="talks",
        status="occurred",
        label="Talks: Trump, Putin · Helsinki",
        actors=["Trump", "Putin"],
        place="Helsinki",
        sentence="Zuletzt hatten sich beide im Juli 2018 in Helsinki getroffen.",
        char_start=3000,
    )
    return frame([*alaska.to_dict("records"), *geneva.to_dict("records"), recalled])


#: Reports about three summits (tests/data/reports/): one story each, and the meetings they recall.
SUMMITS = tuple(
    Path(__file__).resolve().parent / "data" / "reports" / name
    for name in ("helsinki-2018", "geneva-2021", "singapore-2018")
)


@cache
def _summits_table() -> pd.DataFrame:
    import summit_timeline as st

    return st.extract_events(st.load_reports(list(SUMMITS)))


def summits_table() -> pd.DataFrame:
    """The real pipeline's table of the three summits of ``SUMMITS`` (a copy; built once)."""
    return _summits_table().copy()


def unpacked(page: str) -> str:
    """``page`` with each block of packed HTML (``views.packed.packed_html``) replaced by its
    HTML, as the page's scripts put it when it is read."""
    return re.sub(
        r'<script type="application/x-gzip-base64" class="packed-html">([^<]*)</script>',
        lambda m: json.loads(gzip.decompress(base64.b64decode(m.group(1))).decode("utf-8")),
        page,
    )
