"""Benchmark: load + extract on unique reports vs. a bare dateparser pass, side by side.

Writes a corpus of ``--reports`` unique reports (``unique_corpus.py``: no line of a cleaned
text occurs twice, so no cache keyed by a line or a text can hit), then in one process, for
each of ``--rounds`` rounds, times

- ``load_reports(folder)`` and ``extract_events(corpus)`` (the per-report work and alignment),
- ``dateparser.search.search_dates(text, languages=[lang])`` over the same cleaned texts,

with the project's caches emptied before each round. The corpus is timed in chunks of
``--chunk`` reports, each chunk by both passes one after the other, in alternating order, so
both meet the same load of a busy machine; the ratio (load + extract) / search_dates is printed
per round and as the median, of process CPU time (what other processes disturb least) and of
wall time.
Then, untimed, the peak memory of load + extract (tracemalloc) and the process's peak RSS.

    python benchmarks/bench_extract.py --reports 1000
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent


def _clear_caches() -> None:
    """Empty the caches keyed by text (lines, date spans), as for a new archive."""
    from summit_timeline.mentions import days, sentences
    from summit_timeline.reading import dates

    for cached in (
        getattr(sentences, "_full_split_starts", None),
        getattr(sentences, "_split_line", None),  # the cache of an older checkout's splitter
        days.parse_date_span,
        dates._dateparse,
    ):
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()


def _load_and_extract(paths: list[Path]) -> tuple[list, int, float, float]:
    """The reports of ``paths`` and their mention count, timed: (CPU s, wall s)."""
    import summit_timeline as st

    c0, w0 = time.process_time(), time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = st.load_reports(paths)
    table = st.extract_events(corpus, corrections=False)
    return list(corpus), len(table), time.process_time() - c0, time.perf_counter() - w0


def _search(corpus: list) -> tuple[float, float]:
    from dateparser.search import search_dates

    c0, w0 = time.process_time(), time.perf_counter()
    for report in corpus:
        search_dates(report.text, languages=[report.language])
    return time.process_time() - c0, time.perf_counter() - w0


def _round(files: list[Path], chunk: int, first: int) -> dict[str, float]:
    """One pass over ``files`` in chunks, each timed for both, in alternating order."""
    total = dict.fromkeys(("cpu", "wall", "search_cpu", "search_wall", "reports", "mentions"), 0.0)
    for i in range(0, len(files), chunk):
        part = files[i : i + chunk]
        if (i // chunk + first) % 2 == 0:
            corpus, mentions, cpu, wall = _load_and_extract(part)
            search_cpu, search_wall = _search(corpus)
        else:
            # search_dates needs the cleaned texts: load untimed, then empty the caches again
            corpus, *_ = _load_and_extract(part)
            _clear_caches()
            search_cpu, search_wall = _search(corpus)
            _, mentions, cpu, wall = _load_and_extract(part)
        for key, value in zip(
            total, (cpu, wall, search_cpu, search_wall, len(corpus), mentions), strict=True
        ):
            total[key] += value
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="a corpus folder to use instead")
    parser.add_argument("--chunk", type=int, default=50, help="reports timed together")
    args = parser.parse_args()

    from unique_corpus import write_corpus

    import summit_timeline as st

    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} CPUs)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.corpus
        if folder is None:
            folder = Path(tmp) / "corpus"
            t0 = time.perf_counter()
            written, repeats = write_corpus(folder, args.reports, args.seed)
            took = time.perf_counter() - t0
            print(f"corpus: {written} reports written in {took:.0f} s, repeated lines: {repeats}")

        # paid once per process: imports, compiled lexicons, gazetteer indexes, dateparser data
        st.extract_events(st.load_reports(ROOT / "data" / "reports"), corrections=False)
        from dateparser.search import search_dates

        search_dates("am 15. August 2025", languages=["de"])
        search_dates("on Aug. 15, 2025", languages=["en"])

        files = sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".md", ".html"})
        ratios, walls = [], []
        for round_ in range(args.rounds):
            _clear_caches()
            t = _round(files, args.chunk, round_)
            n = t["reports"]
            ratio, wall = t["cpu"] / t["search_cpu"], t["wall"] / t["search_wall"]
            ratios.append(ratio)
            walls.append(wall)
            print(
                f"round {round_ + 1}: {n:.0f} reports, {t['mentions']:.0f} mentions; "
                f"load + extract "
                f"{1000 * t['cpu'] / n:.1f} ms/report CPU ({1000 * t['wall'] / n:.1f} wall), "
                f"search_dates {1000 * t['search_cpu'] / n:.1f} ms/report CPU "
                f"({1000 * t['search_wall'] / n:.1f} wall); ratio {ratio:.2f} CPU, {wall:.2f} wall"
            )
        print(
            f"ratio (load + extract) / search_dates, median of {args.rounds} rounds: "
            f"{statistics.median(ratios):.2f} CPU time, {statistics.median(walls):.2f} wall time"
        )

        # memory on a run of its own: tracing slows Python down, so it is not timed
        _clear_caches()
        tracemalloc.start()
        corpus, *_ = _load_and_extract(files)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(
        f"peak memory of load + extract (tracemalloc): {peak / 2**20:.0f} MiB, "
        f"{peak / 2**10 / len(corpus):.0f} KiB/report"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MiB")
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
