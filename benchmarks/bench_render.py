"""Benchmark: the timeline page of an archive, from a thousand events to ten thousand.

Extracting thousands of reports takes long and the test reports hold about seventy events, so
the tables come from two places:

- ``event_table(events)``: a generated, schema-valid event table of ``events`` events over many
  stories, outlets and days: one long story (an archive of many days, many outlets) and many
  small summits, events reported by one to four outlets that differ on durations and times;
- ``real_table(events)``: the test reports' own table (``extract_events(load_reports(...))``)
  copied with distinct ids until it holds ``events`` events, with the reports copied alike
  (``real_corpus``), so that the page carries their texts as ``summit-timeline build`` does.

For each table it prints what ``to_html`` and ``build_outputs`` take, the page's size, the
explorer's start-up (``TimelineExplorer(table)``, plotly's widget imported before), and in
headless Chromium (Debian's, through playwright; nothing is downloaded) the time to the first
plot and of a click on an outlet in the legend (the page acts on it at once, not after plotly's
double-click delay: ``views/legend.py``; the clicks are that delay apart, so that two are not a
double-click). Each measurement runs in a process of its own with a memory limit, so a page that
runs out of memory or crashes the browser is reported, not fatal.

    python benchmarks/bench_render.py                     # 1,000 and 10,000 events, both kinds
    python benchmarks/bench_render.py --events 1000 --kind generated --no-browser
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "data" / "reports"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip

# ---------------------------------------------------------------- generated tables

#: Event types, their CAMEO codes and how long the outlets say they lasted (minutes; None: an
#: instant).
_TYPES: tuple[tuple[str, str, str, float | None], ...] = (
    ("arrival", "Arrival", "042", None),
    ("talks", "Talks", "040", 120.0),
    ("press_statement", "Press statement", "010", 40.0),
    ("visit", "Visit", "042", 90.0),
    ("phone_call", "Phone call", "040", 30.0),
    ("departure", "Departure", "042", None),
    ("invitation", "Invitation", "039", None),
)
_PLACES = (
    ("Geneva", "Europe/Zurich"),
    ("Helsinki", "Europe/Helsinki"),
    ("Hanoi", "Asia/Ho_Chi_Minh"),
    ("Singapore", "Asia/Singapore"),
    ("Anchorage", "America/Anchorage"),
    ("Vienna", "Europe/Vienna"),
    ("Reykjavik", "Atlantic/Reykjavik"),
    ("Budapest", "Europe/Budapest"),
    ("Osaka", "Asia/Tokyo"),
)
_LEADERS = ("Putin", "Trump", "Biden", "Kim", "Xi", "Merkel", "Macron", "Zelensky", "Erdogan",
            "Modi", "Lula", "Moon", "Abe", "Lavrov", "Rubio", "Blinken")  # fmt: skip
_HEDGES = (None, None, "about", "nearly", "more than", "only")
_STATUSES = ("occurred",) * 12 + ("announced", "proposed", "cancelled")
_WORDS = (
    "delegations",
    "the leaders",
    "advisers",
    "reporters",
    "the hosts",
    "the ministers",
    "in the morning",
    "after lunch",
    "behind closed doors",
    "at the palace",
    "briefly",
    "according to officials",
    "as planned",
    "without an agreement",
    "in a small format",
)


def _sizes(events: int, stories: int, rng: random.Random) -> list[int]:
    """Events per story: the first, long story holds a fifth (at least one event each)."""
    if stories == 1:
        return [events]
    main = max(1, events // 5)
    weights = [rng.uniform(0.3, 3.0) for _ in range(stories - 1)]
    rest = events - main
    sizes = [max(1, int(rest * w / sum(weights))) for w in weights]
    sizes[-1] += rest - sum(sizes)
    while sizes[-1] < 1:  # taken from the largest others, keeping every story at one event
        largest = max(range(len(sizes) - 1), key=sizes.__getitem__)
        sizes[largest] -= 1
        sizes[-1] += 1
    return [main, *sizes]


def _story_rows(
    number: int, size: int, outlets: list[str], rng: random.Random, first_id: int
) -> list[dict[str, Any]]:
    """The mentions of one story of ``size`` events told by ``outlets``."""
    place, zone = _PLACES[number % len(_PLACES)]
    day0 = dt.date(2000, 1, 3) + dt.timedelta(days=37 * number)
    days = max(1, size // 60) if number == 0 else rng.randint(1, max(1, min(4, size // 5)))
    clock_days = {d for d in range(days) if rng.random() < 0.5}
    principals = rng.sample(_LEADERS, 2)
    story_id = f"story-{number:04d}-{place.lower()}"
    rows: list[dict[str, Any]] = []
    for index in range(size):
        kind, kind_label, cameo, length = _TYPES[rng.randrange(len(_TYPES))]
        status = _STATUSES[rng.randrange(len(_STATUSES))]
        day_no = min(days - 1, index * days // size)
        day = day0 + dt.timedelta(days=day_no)
        actors = [*principals, *rng.sample(_LEADERS, rng.randint(0, 2))]
        actors = list(dict.fromkeys(actors))
        tellers = rng.sample(outlets, min(len(outlets), 1 + int(rng.expovariate(1.2))))
        hour = rng.randint(7, 21) * 60 + rng.choice((0, 15, 30, 45))
        event_id = f"e{first_id + index:06d}"
        for mention_no, outlet in enumerate(tellers):
            report_id = f"{story_id}-{outlet.lower().replace(' ', '-')}-{day_no}"
            timed = day_no in clock_days and rng.random() < 0.7
            start = end = None
            duration = None
            if length is not None and rng.random() < 0.6:
                duration = float(round(length * rng.uniform(0.6, 1.4) / 5) * 5)
            if timed:
                start = pd.Timestamp(dt.datetime.combine(day, dt.time())).tz_localize(zone)
                start += pd.Timedelta(minutes=hour + rng.choice((0, 0, 5, -10)))
                end = start + pd.Timedelta(minutes=duration) if duration else None
            label = f"{kind_label}{'' if status == 'occurred' else f' ({status})'}: "
            label += ", ".join(actors) + f" – {place}"
            sentence = (
                f"{kind_label} of {', '.join(actors)} in {place} took place "
                + " ".join(rng.sample(_WORDS, 3))
                + (f", lasting {duration:.0f} minutes" if duration else "")
                + f" ({outlet}, report {index})."
            )
            quotes = (
                [{"speaker": principals[0], "text": f"We spoke {rng.choice(_WORDS)}."}]
                if rng.random() < 0.15
                else []
            )
            rows.append(
                {
                    "event_id": event_id,
                    "story_id": story_id,
                    "mention_id": f"{report_id}/{event_id}-{mention_no}",
                    "report_id": report_id,
                    "outlet": outlet,
                    "author": None,
                    "title": f"{place}: {principals[0]} and {principals[1]} meet",
                    "url": f"https://{outlet.lower().replace(' ', '')}.example/{story_id}",
                    "published": pd.Timestamp(dt.datetime.combine(day, dt.time(22))).tz_localize(
                        zone
                    ),
                    "published_precision": "minute",
                    "language": "en",
                    "event_type": kind,
                    "cameo": cameo,
                    "status": status,
                    "label": label,
                    "trigger": kind_label.lower(),
                    "actors": actors,
                    "place": place,
                    "timezone": zone,
                    "date": day,
                    "date_source": "stated",
                    "start": start,
                    "end": end,
                    "time_precision": "minute" if timed else "day",
                    "duration_min": duration,
                    "duration_hedge": rng.choice(_HEDGES) if duration else None,
                    "planned_duration_min": 180.0
                    if kind == "talks" and rng.random() < 0.2
                    else None,
                    "order_cue": rng.choice((None, None, "after", "first")),
                    "quotes": quotes,
                    "sentence": sentence,
                    "char_start": 100 * index,
                    "char_end": 100 * index + len(sentence),
                    "evidence": [
                        {
                            "sentence": sentence,
                            "char_start": 100 * index,
                            "char_end": 100 * index + len(sentence),
                        }
                    ],
                    "confidence": 0.9,
                    "notes": [],
                    "corrected": [],
                    "correction_note": None,
                }
            )
    return rows


def event_table(
    events: int, *, stories: int | None = None, outlets: int | None = None, seed: int = 0
) -> pd.DataFrame:
    """A schema-valid event table of ``events`` events (about 1.6 mentions each).

    :param stories: how many stories; default one per 35 events (1,000 events: 28 stories).
        The first holds a fifth of the events over one day per 60 of them, told by up to 40
        outlets; the others one to four days each, told by 2 to 12 outlets.
    :param outlets: the outlets there are; default one per 60 events, at least 12.
    :param seed: the random seed: the same arguments give the same table.
    """
    from summit_timeline.table.schema import COLUMN_NAMES, validate_table

    if events < 1:
        raise ValueError(f"events must be at least 1; got {events}")
    rng = random.Random(seed)
    stories = stories or max(1, events // 35)
    names = [f"Outlet {n:03d}" for n in range(outlets or max(12, events // 60))]
    rows: list[dict[str, Any]] = []
    first = 0
    for number, size in enumerate(_sizes(events, min(stories, events), rng)):
        told_by = rng.sample(names, min(len(names), 40 if number == 0 else rng.randint(2, 12)))
        rows += _story_rows(number, size, told_by, rng, first)
        first += size
    table = pd.DataFrame(rows)[list(COLUMN_NAMES)]
    validate_table(table)
    return table


# ---------------------------------------------------------------- the test reports, copied


def _real() -> tuple[pd.DataFrame, Any]:
    import summit_timeline as st

    corpus = st.load_reports(sorted(p for p in REPORTS.iterdir() if p.is_dir()))
    return st.extract_events(corpus), corpus


def real_table(events: int) -> tuple[pd.DataFrame, Any]:
    """The test reports' table copied (ids suffixed ``~k``) until it holds ``events`` events,
    and the reports copied alike (a ``Corpus``), as ``build`` is given them."""
    from summit_timeline.reading.corpus import Corpus

    table, corpus = _real()
    per_copy = table["event_id"].nunique()
    copies = max(1, -(-events // per_copy))
    parts, reports = [], []
    for k in range(copies):
        suffix = f"~{k}"
        part = table.copy()
        for column in ("event_id", "story_id", "mention_id", "report_id"):
            part[column] = part[column].astype(str) + suffix
        parts.append(part)
        reports += [dataclasses.replace(r, report_id=r.report_id + suffix) for r in corpus]
    return pd.concat(parts, ignore_index=True), Corpus(tuple(reports))


# ---------------------------------------------------------------- measuring


def _page_times(path: Path, timeout_s: float) -> dict[str, Any]:
    """First plot and a legend click of the page at ``path`` in headless Chromium."""
    from playwright.sync_api import sync_playwright

    found: dict[str, Any] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(offline=True, viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            crashed: list[str] = []
            page.on("crash", lambda *_: crashed.append("crash"))
            t0 = time.perf_counter()
            page.goto(path.resolve().as_uri(), timeout=timeout_s * 1000, wait_until="commit")
            page.wait_for_function(
                "() => { const gd = document.getElementById('timeline-figure');"
                " return gd && gd._fullLayout && gd.querySelector('.legend .traces'); }",
                timeout=timeout_s * 1000,
                polling="raf",
            )
            found["first_plot_s"] = time.perf_counter() - t0
            found["figure_px"] = page.evaluate(
                "() => document.getElementById('timeline-figure')._fullLayout.height"
            )
            found["traces"] = page.evaluate(
                "() => document.getElementById('timeline-figure').data.length"
            )
            found["legend_click_s"] = _legend_click(page, timeout_s)
            found["legend_click_back_s"] = _legend_click(page, timeout_s)
            found["crashed"] = bool(crashed)
        except Exception as exc:  # a crash or a time-out is the measurement
            found["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
        finally:
            browser.close()
    return found


_LEGEND_STATE = """() => {
  const gd = document.getElementById('timeline-figure');
  return gd.data.map((t) => String(t.visible)).join(',');
}"""


def _legend_click(page: Any, timeout_s: float) -> float:
    """Seconds from a click on the first legend entry until the figure has redrawn."""
    before = page.evaluate(_LEGEND_STATE)
    page.evaluate(
        "() => { const gd = document.getElementById('timeline-figure'); window.__drawn = 0;"
        " gd.on('plotly_afterplot', () => { window.__drawn += 1; }); }"
    )
    toggle = page.locator(".legend .traces .legendtoggle").first
    # the clicks a double-click's delay apart (a quicker second click shows the outlet alone)
    page.wait_for_timeout(
        page.evaluate("() => document.getElementById('timeline-figure')._context.doubleClickDelay")
        + 100
    )
    t0 = time.perf_counter()
    toggle.click()
    page.wait_for_function(
        "(before) => { const gd = document.getElementById('timeline-figure');"
        " return gd.data.map((t) => String(t.visible)).join(',') !== before"
        " && window.__drawn > 0; }",
        arg=before,
        timeout=timeout_s * 1000,
        polling="raf",
    )
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done()))")
    return time.perf_counter() - t0


def _measure(kind: str, events: int, folder: Path) -> dict[str, Any]:
    """Build the table, the page and the build folder (in ``folder``), in this process."""
    from summit_timeline.views.cells import source_labels
    from summit_timeline.views.export import build_outputs, to_html

    t0 = time.perf_counter()
    if kind == "generated":
        table, corpus = event_table(events), None
    else:
        table, corpus = real_table(events)
    found: dict[str, Any] = {
        "kind": kind,
        "events": int(table["event_id"].nunique()),
        "mentions": len(table),
        "stories": int(table["story_id"].nunique()),
        "outlets": int(source_labels(table).nunique()),
        "table_s": time.perf_counter() - t0,
    }
    found.update(_differences(table))
    t0 = time.perf_counter()
    page = to_html(table, corpus=corpus)
    found["to_html_s"] = time.perf_counter() - t0
    del page
    t0 = time.perf_counter()
    written = build_outputs(table, folder, corpus=corpus)
    found["build_outputs_s"] = time.perf_counter() - t0
    found["page_mb"] = written["timeline"].stat().st_size / 1e6
    found["explorer_s"] = _explorer_start(table)
    found["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return found


def _explorer_start(table: pd.DataFrame) -> float:
    """Seconds ``TimelineExplorer(table)`` takes, plotly's widget imported before (as a
    kernel does once)."""
    import plotly.graph_objects as go

    from summit_timeline import TimelineExplorer

    go.FigureWidget  # noqa: B018 - the import, once per kernel
    t0 = time.perf_counter()
    TimelineExplorer(table)
    return time.perf_counter() - t0


def _differences(table: pd.DataFrame) -> dict[str, Any]:
    """ "Where outlets differ" of the whole table: its time, then (a second run, traced) the
    memory its allocations peak at, and how many rows and points it gives."""
    import tracemalloc

    from summit_timeline.compare import discrepancies, discrepancy_list

    t0 = time.perf_counter()
    rows = discrepancies(table)
    points = discrepancy_list(rows)
    seconds = time.perf_counter() - t0
    del rows, points
    tracemalloc.start()
    rows = discrepancies(table)
    points = discrepancy_list(rows)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"differences_s": seconds, "differences_peak_mb": peak / 2**20,
            "difference_rows": len(rows), "difference_points": len(points)}  # fmt: skip


def _child(kind: str, events: int, folder: Path, memory_gb: float, out: Any) -> None:
    limit = int(memory_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        out.send(_measure(kind, events, folder))
    except MemoryError:
        out.send({"kind": kind, "events": events, "error": f"out of memory ({memory_gb} GB)"})
    except Exception as exc:
        out.send({"kind": kind, "events": events, "error": f"{type(exc).__name__}: {exc}"[:200]})


def measure(
    kind: str, events: int, *, browser: bool = True, timeout_s: float = 180, memory_gb: float = 8
) -> dict[str, Any]:
    """The page of ``events`` events of ``kind`` built in a process of its own, limited to
    ``memory_gb`` of address space and an hour, then opened in Chromium (``timeout_s`` seconds
    for each step there)."""
    with tempfile.TemporaryDirectory() as folder:
        receive, send = multiprocessing.Pipe(duplex=False)
        process = multiprocessing.get_context("fork").Process(
            target=_child, args=(kind, events, Path(folder), memory_gb, send)
        )
        process.start()
        found = receive.recv() if receive.poll(3600) else None
        process.join(10)
        if process.is_alive():
            process.kill()
        if found is None:
            return {"kind": kind, "events": events, "error": f"no answer (exit {process.exitcode})"}
        page = Path(folder) / "timeline.html"
        if browser and "error" not in found:
            found.update(_page_times(page, timeout_s))
    return found


def _line(found: dict[str, Any]) -> str:
    parts = [f"{found['kind']:>9} {found['events']:>6} events"]
    if "mentions" in found:
        parts.append(
            f"({found['mentions']} mentions, {found['stories']} stories, "
            f"{found['outlets']} outlets)"
        )
    for key, text in (
        ("differences_s", "differences {:.1f} s"),
        ("differences_peak_mb", "(peak {:.0f} MB traced"),
        ("difference_rows", "{} rows"),
        ("difference_points", "{} points)"),
        ("to_html_s", "to_html {:.1f} s"),
        ("build_outputs_s", "build_outputs {:.1f} s"),
        ("page_mb", "page {:.1f} MB"),
        ("peak_rss_mb", "peak RSS {:.0f} MB"),
        ("explorer_s", "explorer start-up {:.1f} s"),
        ("first_plot_s", "first plot {:.2f} s"),
        ("figure_px", "figure {} px tall"),
        ("traces", "{} traces"),
        ("legend_click_s", "legend click {:.2f} s"),
        ("legend_click_back_s", "and back {:.2f} s"),
    ):
        if key in found:
            parts.append(text.format(found[key]))
    if found.get("crashed"):
        parts.append("RENDERER CRASHED")
    if "error" in found:
        parts.append(f"ERROR {found['error']}")
    return ", ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--kind", nargs="+", choices=["generated", "real"],
                        default=["generated", "real"])  # fmt: skip
    parser.add_argument("--no-browser", action="store_true", help="skip headless Chromium")
    parser.add_argument("--timeout", type=float, default=180, help="seconds per browser step")
    parser.add_argument("--memory-gb", type=float, default=8, help="address space per run")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()
    if not args.no_browser and not CHROMIUM.exists():
        sys.exit(f"needs Debian's chromium at {CHROMIUM} (or --no-browser)")
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs",
          flush=True)  # fmt: skip
    results = []
    for events in args.events:
        for kind in args.kind:
            found = measure(kind, events, browser=not args.no_browser, timeout_s=args.timeout,
                            memory_gb=args.memory_gb)  # fmt: skip
            print(_line(found), flush=True)
            results.append(found)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
