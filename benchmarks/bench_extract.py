"""Benchmark: event extraction over a few thousand reports vs. a bare dateparser pass.

Builds a corpus of varied reports from the bundled samples and the test reports (paragraphs
reordered and dropped, so no two texts are the same), then prints

- reports per second for loading (ingest) and for ``extract_events``,
- peak memory of the extraction (tracemalloc) and the process's peak RSS,
- the time of ``dateparser.search.search_dates(text, languages=[lang])`` alone over the same
  texts, and the ratio extraction / search_dates (target: at most 0.5).

    python benchmarks/bench_extract.py --reports 2000
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "data" / "reports", ROOT / "tests" / "data" / "reports"]


def _variants(corpus, count: int, seed: int):
    """``count`` reports made from ``corpus`` by reordering and dropping body paragraphs."""
    from summit_timeline.reading.load import parse_report

    rng = random.Random(seed)
    out = []
    base = list(corpus)
    i = 0
    while len(out) < count:
        report = base[i % len(base)]
        paragraphs = [p for p in report.text.split("\n") if p.strip()]
        head, body = paragraphs[:1], paragraphs[1:]
        if i >= len(base) and len(body) > 2:
            rng.shuffle(body)
            body = body[: max(2, int(len(body) * rng.uniform(0.6, 1.0)))]
        text = "\n\n".join(head + body)
        out.append(
            parse_report(
                text,
                report_id=f"{report.report_id}-{i}",
                language=report.language,
                published=report.published,
                outlet=report.outlet or report.report_id,
                form="text",
            )
        )
        i += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import summit_timeline as st

    t0 = time.perf_counter()
    corpus = st.load_reports(SOURCES)
    t_load = time.perf_counter() - t0
    reports = _variants(corpus, args.reports, args.seed)
    chars = sum(len(r.text) for r in reports)
    print(f"corpus: {len(reports)} reports, {chars / len(reports):.0f} characters each on average")
    print(f"loading {len(corpus)} source files: {len(corpus) / t_load:.1f} reports/s")

    # warm caches that are paid once per process (gazetteer indexes, compiled lexicons)
    st.extract_events(reports[:2])

    t0 = time.perf_counter()
    table = st.extract_events(reports)
    t_extract = time.perf_counter() - t0
    print(
        f"extract_events: {t_extract:.1f} s, {len(reports) / t_extract:.1f} reports/s, "
        f"{1000 * t_extract / len(reports):.1f} ms/report, {len(table)} mentions"
    )
    # memory is measured on a second run: tracing slows Python down, so it is not timed
    tracemalloc.start()
    st.extract_events(reports)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory allocated during extraction (tracemalloc): {peak / 2**20:.0f} MiB")

    from dateparser.search import search_dates

    search_dates("am 15. August", languages=["de"])  # load dateparser's language data once
    t0 = time.perf_counter()
    for r in reports:
        search_dates(r.text, languages=[r.language])
    t_search = time.perf_counter() - t0
    print(f"search_dates alone: {t_search:.1f} s, {len(reports) / t_search:.1f} reports/s")
    # without repetition: the source reports once each, the sentence-split cache emptied
    from summit_timeline.mentions.sentences import _split_line

    _split_line.cache_clear()
    originals = list(corpus)
    t0 = time.perf_counter()
    st.extract_events(originals)
    t_cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for r in originals:
        search_dates(r.text, languages=[r.language])
    t_cold_search = time.perf_counter() - t0
    print(
        f"unique reports, cold split cache: {1000 * t_cold / len(originals):.1f} ms/report vs "
        f"search_dates {1000 * t_cold_search / len(originals):.1f} ms/report "
        f"(ratio {t_cold / t_cold_search:.2f})"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ratio extraction / search_dates: {t_extract / t_search:.2f} (target <= 0.50)")
    print(f"process peak RSS: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
