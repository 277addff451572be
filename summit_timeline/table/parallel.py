"""The event table on a Dask cluster: the same table as in one process, its heavy part spread.

``extract_events(corpus, scheduler=...)`` runs the steps of ``build.py`` where they are cheapest:

1. *per report, on the workers*: the reports go out in partitions of about equal length, a few
   per worker at a time, and each worker reads each report's mentions (``_report_rows``: nearly
   all of the time). A row comes back without its report (the client holds the corpus and puts
   it back) and with its mention cut to what dating a background mention needs, so little
   travels.
2. *over all reports, on the client*: stories (``assign_stories``) need every report's frame,
   then the background mentions' places and dates, alignment story by story (``build._align``:
   rows grouped by ``story_id``, since an event never crosses a story) and the dates left open,
   as ``build.py`` does them. These take a tenth of the time or less. Alignment was first sent to
   the workers, a task per group of stories: with alignment linear in the mentions, sending the
   rows there and the ids back cost four to eight times the alignment itself (2,000 reports:
   0.45-1.4 s on the cluster against 0.12 s here), so it stays here.

The knowledge is not sent: it holds locks and compiled patterns that do not pickle, and it is
large. Each worker process loads it once from the same folders (``load_knowledge``) and keeps it
while the words stay the same; a digest of the loaded words, sent with every task, makes sure a
worker reads with the very words the client holds (else the task fails and says why).
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import logging
import math
import socket
import threading
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..knowledge import Knowledge, load_knowledge
from ..mentions import Mention
from ..reading.corpus import Corpus, Report
from .build import _filed_on, _report_rows, across_reports
from .stories import ReportFrame

#: Characters of report text per task at most: small enough that the last tasks of a run leave
#: no worker idle for long, large enough that a task's overhead (milliseconds) does not count.
PARTITION_CHARS = 40_000
#: Tasks per worker thread at least, so that uneven reports even out.
TASKS_PER_THREAD = 8
#: Tasks out on the cluster per worker thread at a time: enough that a worker that finishes
#: finds its next task waiting, few enough that an archive is not all on the cluster at once.
IN_FLIGHT = 3
#: Seconds to wait for a first worker on a cluster that has none yet.
WORKER_WAIT = 60
#: Seconds to wait for the scheduler to answer (a mistyped address should fail soon).
CONNECT_WAIT = 10

# --- connecting --------------------------------------------------------------------------------


@contextmanager
def connect(scheduler: Any) -> Iterator[Any]:
    """A ``distributed.Client`` for ``scheduler``, closed afterwards if it was opened here.

    :param scheduler: a ``distributed.Client`` (used as it is), a scheduler address
        (``"tcp://10.0.0.5:8786"``), a cluster object (``LocalCluster``, anything with a
        ``scheduler_address``), or a number of worker processes to start on this machine (one
        thread each: the work is Python, so threads of one process would wait for each other).
    """
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        yield scheduler
        return
    if isinstance(scheduler, bool) or not (
        isinstance(scheduler, int | str) or hasattr(scheduler, "scheduler_address")
    ):
        raise TypeError(
            "scheduler must be a distributed.Client, a scheduler address like "
            "'tcp://127.0.0.1:8786', a cluster (LocalCluster) or a number of local worker "
            f"processes; got {type(scheduler).__name__}"
        )
    if isinstance(scheduler, int):
        if scheduler < 1:
            raise ValueError(
                f"scheduler: the number of local workers must be 1 or more; got {scheduler}"
            )
        with (
            LocalCluster(
                n_workers=scheduler,
                threads_per_worker=1,
                processes=True,
                # any free port: without one, its web server takes 8787 and warns when a
                # cluster of the user's holds it already
                dashboard_address=":0",
                # a cluster of our own: its notes on a busy machine ("event loop was
                # unresponsive") are not the user's business; errors still show
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster, set_as_default=False) as client,
        ):
            yield client
        return
    if isinstance(scheduler, str):
        check_scheduler(scheduler)
    with Client(scheduler, set_as_default=False, timeout=f"{CONNECT_WAIT}s") as client:
        yield client


def check_scheduler(address: str) -> None:
    """Refuse a scheduler address nobody answers at (``ValueError`` for one that is no address,
    ``OSError`` for one nobody listens at), before a ``Client`` is made: a client that failed to
    connect spends another 20 s closing itself when it is collected, and the command line asks
    before it reads an archive for minutes."""
    from distributed.comm import parse_address
    from distributed.comm.addressing import parse_host_port

    scheme, location = parse_address(address)
    if scheme not in ("tcp", "tls"):
        return
    try:
        host, port = parse_host_port(location)
    except ValueError as exc:
        raise ValueError(f"scheduler address {address!r}: {exc}") from exc
    try:
        socket.create_connection((host, port), timeout=CONNECT_WAIT).close()
    except OSError as exc:
        raise OSError(
            f"cannot reach the Dask scheduler at {address}: {exc.strerror or exc}; is "
            "'dask scheduler' running there?"
        ) from exc


def _threads(client: Any) -> int:
    """Worker threads of the cluster, after waiting for a first worker to join."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except TimeoutError as exc:
        raise TimeoutError(
            f"no Dask worker joined the scheduler {client.scheduler.address} within "
            f"{WORKER_WAIT} s; start one with: dask worker {client.scheduler.address}"
        ) from exc
    return max(1, sum(client.nthreads().values()))


# --- the knowledge on the workers --------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """Where a worker finds the client's knowledge: the folders of additions over the packaged
    data, and a digest of what the client loaded from them."""

    additions: tuple[str, ...]
    digest: str


def words_of(knowledge: Knowledge) -> Words:
    """What a worker needs to load ``knowledge`` itself."""
    return Words(tuple(str(root) for root in knowledge.roots[1:]), knowledge_digest(knowledge))


def knowledge_digest(knowledge: Knowledge) -> str:
    """A digest of the loaded words (not of file paths): two installations agree on it when
    they read with the same words. Mappings keep the order of their files, so it is stable."""
    content = repr((knowledge.ontology, knowledge.gazetteers, knowledge.lexicons))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


# The knowledge of this worker process: the words of the latest run only, by digest. A worker
# reads many partitions with it; new words (a new digest) replace it.
_LOADED: dict[str, Knowledge] = {}
_LOADING = threading.Lock()


def worker_knowledge(words: Words) -> Knowledge:
    """The knowledge ``words`` names, loaded once per worker process."""
    with _LOADING:
        found = _LOADED.get(words.digest)
        if found is not None:
            return found
        try:
            found = load_knowledge(words.additions, environment=False)
        except Exception as exc:
            raise RuntimeError(
                f"a Dask worker cannot load the words ({exc}); every worker needs this version "
                "of summit_timeline and the folders of additions at the same paths: "
                f"{', '.join(words.additions) or 'none'}"
            ) from exc
        if knowledge_digest(found) != words.digest:
            raise RuntimeError(
                "a Dask worker reads other words than the client: install the same version of "
                "summit_timeline on every worker and give it the same folders of additions "
                f"({', '.join(words.additions) or 'none'}), unchanged since the client loaded them"
            )
        _LOADED.clear()
        _LOADED[words.digest] = found
        return found


# --- step 1: per report, on the workers --------------------------------------------------------


def partitions(reports: Sequence[Report], count: int) -> list[list[Report]]:
    """``reports`` in at most ``count`` runs of consecutive reports of about equal length.

    Consecutive, so that putting the results together again keeps the corpus order, on which
    the table's order of equal rows depends.
    """
    total = sum(len(r.text) for r in reports)
    target = max(1, total / max(1, count))
    parts: list[list[Report]] = [[]]
    done = 0
    for report in reports:
        if parts[-1] and done >= target * len(parts):
            parts.append([])
        parts[-1].append(report)
        done += len(report.text)
    return parts


def _travelling(report: Report) -> Report:
    """The report without its raw file and offsets: reading mentions uses neither, and the
    raw file of an HTML page is many times its text."""
    return dataclasses.replace(report, raw="", offsets=())


def _portable(row: dict[str, Any]) -> dict[str, Any]:
    """A row ready to travel: without its report, with its mention cut to what dating it again
    needs (type, status, actors, place, times, duration, the day before it and live-blog
    stamps): a background mention is dated at its story's venue, one whose report names no
    venue in its story's venue's zone."""
    m: Mention = row["_mention"]
    slim = dataclasses.replace(
        m,
        quotes=[],
        evidence=[],
        speakers=[],
        periods=[],
        notes=[],
        planned=None,
    )
    return {**{k: v for k, v in row.items() if k != "_report"}, "_mention": slim}


@dataclass
class Extracted:
    """What a worker gives back for one report: its frame and rows, or why it failed."""

    report_id: str
    frame: ReportFrame | None
    rows: list[dict[str, Any]]
    failure: str | None = None


class Parcel:
    """Reports that travel to a task as one object Dask does not look into.

    Dask searches the lists and dataclasses given to a task for collections to compute first:
    with a partition of reports passed as a list, that search cost the client a fifth of a
    second per 2,000 reports, time its two cores then lacked for the workers.
    """

    __slots__ = ("reports",)

    def __init__(self, reports: list[Report]) -> None:
        self.reports = reports


def extract_partition(reports: list[Report] | Parcel, words: Words) -> list[Extracted]:
    """Step 1 on a worker: each report's frame and rows (a failing report is named, and the
    others are still read)."""
    if isinstance(reports, Parcel):
        reports = reports.reports
    knowledge = worker_knowledge(words)
    done: list[Extracted] = []
    for report in reports:
        try:
            frame, rows = _report_rows(report, knowledge)
        except Exception as exc:  # one bad report never stops the others
            done.append(Extracted(report.report_id, None, [], f"{type(exc).__name__}: {exc}"))
            continue
        done.append(Extracted(report.report_id, frame, [_portable(row) for row in rows]))
    return done


# --- the run -----------------------------------------------------------------------------------


def parallel_rows(
    corpus: Corpus, *, scheduler: Any, knowledge: Knowledge, progress: bool = False
) -> list[dict[str, Any]]:
    """The rows ``build.extract_events`` makes of ``corpus``, made on a Dask cluster.

    The rows and their order are those of the run in one process; so are the warnings for
    reports whose extraction failed.
    """
    words = words_of(knowledge)
    with _collector_paused():
        with connect(scheduler) as client:
            extracted = _extract(client, corpus, words, _threads(client), progress)
        rows, frames = _put_together(corpus, extracted, knowledge)
        if rows:
            across_reports(rows, frames)
    return rows


def _put_together(
    corpus: Corpus, extracted: list[Extracted], knowledge: Knowledge
) -> tuple[list[dict[str, Any]], dict[str, ReportFrame]]:
    """The rows with their reports again (as the worker read them: dated by their dateline,
    ``_filed_on``), and each report's frame; a report that failed is warned about as in one
    process."""
    by_id = {r.report_id: r for r in corpus}
    rows: list[dict[str, Any]] = []
    frames: dict[str, ReportFrame] = {}
    for item in extracted:
        report = by_id[item.report_id]
        if item.frame is None:
            warnings.warn(
                f"{report.source or report.report_id}: event extraction failed "
                f"({item.failure}); its events are left out",
                stacklevel=5,
            )
            continue
        frames[item.report_id] = item.frame
        filed = _filed_on(report, knowledge)
        for row in item.rows:
            row["_report"] = filed
        rows.extend(item.rows)
    return rows, frames


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the rows come back and become the table,
    and restore it after.

    The rows are hundreds of thousands of small objects, made by unpickling, that all live
    until the table is made: each collection walks them again, which cost the client a third of
    its time (1,000 reports: 1.5 s CPU, 1.0 s paused) while the workers waited for nothing. What
    becomes garbage meanwhile is collected when the collector runs again.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _extract(
    client: Any, corpus: Corpus, words: Words, threads: int, progress: bool
) -> list[Extracted]:
    """Step 1 over the whole corpus, in corpus order, with a progress bar over its characters.

    At most ``IN_FLIGHT`` tasks per worker thread are out at a time, the next sent as one comes
    back, and each result is dropped from the cluster once fetched: the scheduler and the
    workers hold a few partitions of an archive, never the whole of it.
    """
    from distributed import as_completed

    reports = [_travelling(r) for r in corpus]
    total = sum(len(r.text) for r in reports)
    count = max(threads * TASKS_PER_THREAD, math.ceil(total / PARTITION_CHARS))
    parts = partitions(reports, min(count, len(reports)))
    results: list[list[Extracted]] = [[] for _ in parts]
    index: dict[str, int] = {}
    waiting = iter(range(len(parts)))
    running = as_completed(loop=client.loop)  # the client may be no default one

    def send_next() -> None:
        i = next(waiting, None)
        if i is not None:
            future = client.submit(extract_partition, Parcel(parts[i]), words, pure=False)
            index[future.key] = i
            running.add(future)

    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(
            total=total, desc=f"extracting ({threads} workers)", unit="char", unit_scale=True
        )
    try:
        for _ in range(threads * IN_FLIGHT):
            send_next()
        for future in running:
            i = index.pop(future.key)
            try:
                results[i] = future.result()
            except Exception as exc:  # the task itself failed, not a report: say where
                first, last = parts[i][0], parts[i][-1]
                raise RuntimeError(
                    f"the Dask cluster could not read reports {first.report_id} to "
                    f"{last.report_id}: {type(exc).__name__}: {exc}"
                ) from exc
            finally:
                future.release()
            send_next()
            if bar is not None:
                bar.update(sum(len(r.text) for r in parts[i]))
    finally:
        if bar is not None:
            bar.close()
    return [item for part in results for item in part]
