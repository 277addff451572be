"""Benchmark: event extraction on a local Dask cluster, 2 workers against 1.

Writes a corpus of unique reports (``unique_corpus.py``: no line repeats, so no cache can hit,
as in an archive of many outlets), loads it, then times ``extract_events(corpus, scheduler=...)``
on a ``LocalCluster`` of one worker process and on one of two, and, for reference, the run in
this process. Each cluster is started, and its workers load the words and read a report of each
language, before the clock starts, as this process does before its own run (started once, a
cluster serves many runs); those seconds are printed apart. It prints

- the time of each run, ms/report and the speed-up of 2 workers over 1 (goal: at least 1.8 on
  a machine with 2 cores), and over the run in this process;
- the peak memory (RSS) of each worker process, and of this process (the client, which holds
  the corpus and puts the table together);
- whether every table equals the one of this process (it must).

    python benchmarks/bench_parallel.py                  # 2,000 reports
    python benchmarks/bench_parallel.py --reports 200    # smaller, quicker

The machine's load average is printed first: other work on the cores makes the figures noisy.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from unique_corpus import write_corpus


def _peak_rss_mib() -> float:
    """This process's peak resident memory (``VmHWM``: since its program started; ``ru_maxrss``
    of a worker would also count the client's memory at the moment it was forked)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: an upper bound


def _cpu_seconds() -> float:
    """CPU seconds this process has used (all its threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _warm(words, reports) -> None:
    """Load the words on a worker and read a few reports, as ``main`` does in this process
    before its clock starts (each language's splitter and dates are set up on first use)."""
    from summit_timeline.table.parallel import extract_partition

    extract_partition(reports, words)


def _cluster_run(corpus, workers: int, knowledge):
    """(seconds of the run, seconds to start the cluster, table, peak MiB of each worker, CPU
    seconds of the workers in the run, CPU seconds of this process, client and scheduler)."""
    from distributed import Client, LocalCluster

    import summit_timeline as st
    from summit_timeline.table.parallel import _travelling, words_of

    t0 = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        client.wait_for_workers(workers)
        firsts = {r.language: r for r in reversed(corpus)}  # a report of each language
        client.run(_warm, words_of(knowledge), [_travelling(r) for r in firsts.values()])
        started = time.perf_counter() - t0
        before = sum(client.run(_cpu_seconds).values())
        own = _cpu_seconds()
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            table = st.extract_events(corpus, scheduler=client, knowledge=knowledge)
        seconds = time.perf_counter() - t0
        own = _cpu_seconds() - own
        cpu = sum(client.run(_cpu_seconds).values()) - before
        peaks = sorted(client.run(_peak_rss_mib).values())
    return seconds, started, table, peaks, cpu, own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--corpus",
        type=Path,
        help="a folder written by unique_corpus.py to read instead of writing a new one",
    )
    parser.add_argument("--no-serial", action="store_true", help="skip the run in this process")
    args = parser.parse_args()

    import pandas as pd

    import summit_timeline as st
    from summit_timeline.knowledge import default_knowledge

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load} (1, 5, 15 min)")
    with tempfile.TemporaryDirectory(prefix="bench-parallel-") as temp:
        folder = args.corpus
        if folder is None:
            folder = Path(temp)
            written, repeated = write_corpus(folder, args.reports, args.seed)
            print(f"corpus: {written} unique reports written, {repeated} repeated lines")
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = st.load_reports(folder)
        t_load = time.perf_counter() - t0
    chars = sum(len(r.text) for r in corpus)
    print(
        f"loaded {len(corpus)} reports ({chars / max(1, len(corpus)):.0f} characters each on "
        f"average) in {t_load:.1f} s"
    )
    knowledge = default_knowledge()

    serial = None
    if not args.no_serial:
        firsts = {r.language: r for r in reversed(corpus)}
        st.extract_events(list(firsts.values()), knowledge=knowledge)  # paid once a process
        t0, own = time.perf_counter(), _cpu_seconds()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            serial = st.extract_events(corpus, knowledge=knowledge)
        t_serial, own = time.perf_counter() - t0, _cpu_seconds() - own
        print(
            f"in this process: {t_serial:.1f} s (CPU {own:.1f} s), "
            f"{1000 * t_serial / len(corpus):.1f} ms/report, "
            f"{len(serial)} mentions, {serial['event_id'].nunique()} events"
        )

    times = {}
    for workers in (1, 2):
        seconds, started, table, peaks, cpu, own = _cluster_run(corpus, workers, knowledge)
        times[workers] = seconds
        same = serial is None or _same(table, serial, pd)
        print(
            f"{workers} worker{'s' if workers > 1 else ''}: {seconds:.1f} s, "
            f"{1000 * seconds / len(corpus):.1f} ms/report (cluster started and words loaded "
            f"in {started:.1f} s); CPU: workers {cpu:.1f} s, client and scheduler {own:.1f} s; "
            f"peak RSS per worker: {', '.join(f'{p:.0f} MiB' for p in peaks)}"
            + ("" if serial is None else f"; same table as in this process: {same}")
        )
    print(f"speed-up of 2 workers over 1: {times[1] / times[2]:.2f}x (goal >= 1.8x)")
    if serial is not None:
        print(f"speed-up of 2 workers over this process: {t_serial / times[2]:.2f}x")
    print(f"peak RSS of this process (the client): {_peak_rss_mib():.0f} MiB")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average at the end: {load}")


def _same(table, serial, pd) -> bool:
    try:
        pd.testing.assert_frame_equal(table, serial)
    except AssertionError:
        return False
    return True


if __name__ == "__main__":
    main()
