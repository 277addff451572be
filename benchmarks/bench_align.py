"""Benchmark: time per mention of alignment at 1k, 5k and 20k reports of many summits.

The candidates are those ``extract_events`` hands to alignment for a unique corpus
(``unique_corpus.py``: summits with other leaders, cities and years, each in several outlets'
versions). Larger archives are made of copies of that corpus, each copy's dates moved by a week
more than the last (summits overlapping in time, as in a year of wire copy), with their own
report and mention ids. Alignment is timed two ways:

- *per story*, as ``extract_events`` runs it (``build._align``: one call per story), and
- *one call* over all candidates of all summits, where only the blocking of ``align`` by type,
  status, date and actor keeps a mention from meeting every open cluster of its type.

``--old PATH`` also times another ``align.py`` (e.g. the one before blocking, written with
``git show HEAD~1:summit_timeline/table/align.py > /tmp/align_old.py``) on the sizes up to
``--old-up-to``, and checks that both give every mention the same event id.

    python benchmarks/bench_align.py --reports 1000,5000,20000 --base 1000
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib.util
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: Days between one copy of the corpus and the next.
SHIFT_DAYS = 7


def base_candidates(count: int, seed: int) -> tuple[list[list], int]:
    """The candidates of each story of a unique corpus of ``count`` reports, and its reports."""
    from unique_corpus import generate

    import summit_timeline.table.build as build
    from summit_timeline.reading.load import parse_report

    reports = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for relative, raw, _ in generate(count, seed):
            path = Path(relative)
            reports.append(parse_report(raw, report_id=path.stem, source=path.name))
    stories: list[list] = []
    original = build.align

    def record(candidates: Sequence) -> dict[str, str]:
        stories.append(list(candidates))
        return original(candidates)

    build.align = record
    try:
        build.extract_events(reports, corrections=False)
    finally:
        build.align = original
    return stories, len(reports)


def scaled(stories: list[list], copies: int) -> list[list]:
    """``copies`` copies of ``stories``, copy ``c`` moved by ``c`` weeks, with its own ids."""
    out = []
    for c in range(copies):
        shift = dt.timedelta(days=SHIFT_DAYS * c)
        for story in stories:
            out.append(
                [
                    dataclasses.replace(
                        cand,
                        mention_id=f"{cand.mention_id}#{c}",
                        report_id=f"{cand.report_id}#{c}",
                        dates=tuple(d + shift for d in cand.dates),
                    )
                    for cand in story
                ]
            )
    return out


def _timed(align: Callable, stories: list[list], one_call: bool) -> tuple[float, dict[str, str]]:
    t0 = time.perf_counter()
    if one_call:
        result = align([c for story in stories for c in story])
    else:
        result = {}
        for story in stories:
            result.update(align(story))
    return time.perf_counter() - t0, result


def _load_align(path: Path) -> Callable:
    spec = importlib.util.spec_from_file_location("_other_align", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.align


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", default="1000,5000,20000", help="sizes, comma-separated")
    parser.add_argument("--base", type=int, default=1000, help="unique reports extracted")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--old", type=Path, help="another align.py to time and compare")
    parser.add_argument("--old-up-to", type=int, default=5000, help="largest size for --old")
    args = parser.parse_args()

    from summit_timeline.table.align import align

    old = _load_align(args.old) if args.old else None
    t0 = time.perf_counter()
    stories, base_reports = base_candidates(args.base, args.seed)
    mentions = sum(len(s) for s in stories)
    print(
        f"base: {base_reports} unique reports, {mentions} mentions in {len(stories)} stories "
        f"(extracted in {time.perf_counter() - t0:.0f} s)"
    )
    for size in (int(s) for s in args.reports.split(",")):
        copies = max(1, round(size / base_reports))
        corpus = scaled(stories, copies)
        n = sum(len(s) for s in corpus)
        line = [f"{copies * base_reports:>6} reports, {n:>6} mentions:"]
        for one_call in (False, True):
            how = "one call" if one_call else "per story"
            took, result = _timed(align, corpus, one_call)
            line.append(f"{how} {1e6 * took / n:6.1f} µs/mention ({took:.2f} s)")
            if old is not None and copies * base_reports <= args.old_up_to:
                took_old, expected = _timed(old, corpus, one_call)
                same = "same ids" if expected == result else "DIFFERENT ids"
                line.append(f"[old {1e6 * took_old / n:.1f} µs/mention, {took_old:.2f} s, {same}]")
        print("  ".join(line), flush=True)


if __name__ == "__main__":
    main()
