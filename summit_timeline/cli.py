"""The ``summit-timeline`` command line, over the public API only.

    summit-timeline extract PATH... -o events.csv     # the event table (.csv, .parquet, .json)
    summit-timeline build PATH... -o DIR              # events.csv, timeline.html, timeline.json
    summit-timeline lesson PATH... -o lesson.html     # the executed comparison lesson, offline
    summit-timeline --version

An archive (``.jsonl``, ``.jsonl.gz``, ``.parquet``: one article a line or row) is read like a
folder of reports, streamed. ``extract`` and ``build`` take ``--workers N`` (a Dask cluster of N
processes on this machine) or ``--scheduler ADDRESS`` (a running one) and write the same table
as without; ``extract --partition-by story_id -o DIR`` writes Parquet in one folder per story.

Every command writes where ``-o/--out`` says; the path is checked (suffix, folder, that it can be
written) before any report is read, and a failed write leaves the old file as it was.

Every command reads with the packaged words, the folders named in ``SUMMIT_TIMELINE_DATA`` and
those given with ``--data FOLDER`` (laid out like the packaged data: ``ontology.yaml``,
``lexicons/<lang>/*.yaml``, ``gazetteers/*.yaml``), loaded once with ``load_knowledge``.

Warnings (a report skipped, a field that could not be read) are gathered while the progress bar
runs and printed once each, afterwards, as ``summit-timeline: warning: ...``.

Exit status: 0 when every report was read, 1 when some report could not be read (the others are
still processed and written), 2 on usage errors or when nothing could be read.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__

EXIT_OK = 0
EXIT_SOME_UNREADABLE = 1
EXIT_FAILED = 2


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="report files or folders, or archives: .jsonl, .jsonl.gz or .parquet, one article "
        "a line or row (text or html, id, url, outlet, published, language)",
    )
    parser.add_argument("--language", help="language of every report (default: detected)")
    parser.add_argument(
        "--timezone",
        help="IANA zone for publication times printed without one (default: per language)",
    )
    parser.add_argument(
        "--data",
        action="append",
        type=Path,
        metavar="FOLDER",
        help="a folder of your own words, people, places or event types, laid out like the "
        "packaged data (may be given more than once; added to SUMMIT_TIMELINE_DATA)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def _add_corrections_options(parser: argparse.ArgumentParser) -> None:
    corrections = parser.add_mutually_exclusive_group()
    corrections.add_argument(
        "--corrections",
        action="append",
        type=Path,
        metavar="FILE",
        help="a corrections file to apply (default: corrections.yaml beside the reports)",
    )
    corrections.add_argument(
        "--no-corrections", action="store_true", help="apply no corrections file"
    )


def _workers(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"expected a number of workers, 1 or more; got {value!r}")
    return count


def _add_cluster_options(parser: argparse.ArgumentParser) -> None:
    cluster = parser.add_mutually_exclusive_group()
    cluster.add_argument(
        "--workers",
        type=_workers,
        metavar="N",
        help="extract on N worker processes of this machine (a Dask LocalCluster); the table "
        "is the same as without",
    )
    cluster.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract on a running Dask cluster, e.g. tcp://10.0.0.5:8786 (started with "
        "'dask scheduler' and 'dask worker ADDRESS')",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summit-timeline",
        description="News reports about a summit in; a dated, sourced event table out.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="write the event table")
    _add_input_options(extract)
    _add_corrections_options(extract)
    _add_cluster_options(extract)
    extract.add_argument(
        "-o",
        "--out",
        "--output",
        dest="out",
        required=True,
        type=Path,
        help="output file: .csv, .parquet or .json (a folder with --partition-by)",
    )
    extract.add_argument(
        "--partition-by",
        metavar="COLUMN",
        help="write Parquet into the folder -o, one folder per value of COLUMN (story_id)",
    )

    build = commands.add_parser("build", help="write events.csv, timeline.html, timeline.json")
    _add_input_options(build)
    _add_corrections_options(build)
    _add_cluster_options(build)
    build.add_argument("-o", "--out", required=True, type=Path, help="output folder")
    build.add_argument("--title", help="title of the timeline page")

    lesson = commands.add_parser("lesson", help="write the comparison lesson as one HTML page")
    _add_input_options(lesson)
    lesson.add_argument("-o", "--out", required=True, type=Path, help="output .html file")
    return parser


_SUFFIXES = {"extract": (".csv", ".parquet", ".json"), "lesson": (".html", ".htm")}


def _check_output(command: str, out: Path) -> None:
    """Refuse an output path that cannot be written, before any report is read."""
    suffixes = _SUFFIXES.get(command)
    if suffixes is not None:
        hint = " (or add --partition-by story_id for a folder)" if command == "extract" else ""
        if out.is_dir():
            raise ValueError(
                f"output {out} is a folder; give a file name ending in {suffixes[0]}{hint}"
            )
        if out.suffix.lower() not in suffixes:
            wanted = " or ".join([", ".join(suffixes[:-1]), suffixes[-1]])
            raise ValueError(
                f"output {out}: expected a {wanted} file, got {out.suffix or 'none'}{hint}"
            )
    elif out.exists() and not out.is_dir():
        raise ValueError(f"output {out} exists and is not a folder; give a folder")
    folder = out if suffixes is None else out.parent
    existing = next((p for p in (folder, *folder.parents) if p.exists()), Path("."))
    if not existing.is_dir():
        raise ValueError(f"output {out}: {existing} is a file, so no folder can be made there")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ValueError(f"output {out}: folder {existing} is not writable")


def _output_kind(args: argparse.Namespace) -> str:
    """What ``-o`` names: a file of the command, or a folder (``build``, a partitioned table)."""
    if getattr(args, "partition_by", None):
        if args.out.suffix.lower() in (".csv", ".json"):
            raise ValueError(
                f"output {args.out}: --partition-by writes Parquet into a folder; give a folder "
                "name (events/ or events.parquet)"
            )
        from .table.write import is_partitioned_table

        if args.out.is_dir() and not is_partitioned_table(args.out):
            raise ValueError(
                f"output {args.out} is a folder of other files; give a new folder for the "
                "partitioned table (an earlier one is replaced)"
            )
        return "folder"
    return args.command


def _check_scheduler(args: argparse.Namespace) -> None:
    """Ask the ``--scheduler`` address before reading: an archive may take minutes to read."""
    if getattr(args, "scheduler", None):
        from .table.parallel import check_scheduler

        check_scheduler(args.scheduler)


def _knowledge(args: argparse.Namespace) -> Any:
    """The packaged knowledge with ``SUMMIT_TIMELINE_DATA`` and the ``--data`` folders."""
    from .knowledge import load_knowledge

    return load_knowledge(args.data or None)


def _load(args: argparse.Namespace, knowledge: Any):
    from .reading import load_reports

    overrides: dict[str, Any] = {"knowledge": knowledge}
    if args.language:
        overrides["language"] = args.language
    if args.timezone:
        overrides["timezone"] = args.timezone
    many = sum(1 for p in args.paths if Path(p).is_dir()) > 0 or len(args.paths) > 20
    if _archives(args):
        from .reading.archive import load_corpus

        return load_corpus(list(args.paths), progress=not args.quiet, **overrides)
    return load_reports(list(args.paths), progress=many and not args.quiet, **overrides)


def _archives(args: argparse.Namespace) -> bool:
    """Whether a path is an archive (JSON Lines, Parquet: one article a row)."""
    from .reading.archive import is_archive

    return any(is_archive(p) for p in args.paths)


_SHOWN = [
    "event_id",
    "outlet",
    "event_type",
    "status",
    "actors",
    "place",
    "date",
    "time_precision",
    "duration_min",
    "duration_hedge",
    "planned_duration_min",
]


def _print_table(table) -> None:
    if table.empty:
        print("no events found")
        return
    shown = _SHOWN if table["story_id"].nunique() <= 1 else ["story_id", *_SHOWN]
    printed = table[shown].astype(object)
    printed = printed.where(printed.map(_stated), "-")  # not stated: no NaN or None on screen
    printed["actors"] = printed["actors"].map(lambda a: ", ".join(a) if isinstance(a, list) else a)
    printed = printed.map(lambda v: int(v) if isinstance(v, float) and v.is_integer() else v)
    print(printed.to_string(index=False, max_colwidth=40))


def _stated(value: object) -> bool:
    if isinstance(value, list | tuple):
        return True
    return not (value is None or value == "" or value != value)  # NaN is not equal to itself


def _table(args: argparse.Namespace, corpus, knowledge: Any):
    """The event table, with the corrections the options name applied and counted."""
    from .table import extract_events

    progress = len(corpus) > 20 and not args.quiet
    corrections = False if args.no_corrections else args.corrections
    table = extract_events(
        corpus,
        progress=progress,
        knowledge=knowledge,
        corrections=corrections,
        scheduler=args.workers or args.scheduler,
    )
    done = table.attrs.get("corrections")
    if done is not None:
        stale = f", {len(done['stale'])} stale (see the warnings)" if done["stale"] else ""
        print(f"corrections: {done['applied']} applied{stale}", file=sys.stderr)
    return table


def _extract(args: argparse.Namespace, corpus, knowledge: Any) -> None:
    from .table import write_table

    table = _table(args, corpus, knowledge)
    path = write_table(table, args.out, partition_by=args.partition_by)
    _print_table(table)
    print(f"\n{len(table)} event mentions, {table['event_id'].nunique()} events -> {path}")
    _language_hint(args, corpus, table)


def _build(args: argparse.Namespace, corpus, knowledge: Any) -> None:
    from .views.export import build_outputs

    table = _table(args, corpus, knowledge)
    written = build_outputs(table, args.out, title=args.title, knowledge=knowledge, corpus=corpus)
    _print_table(table)
    print()
    for kind, path in written.items():
        print(f"{kind}: {path}")
    _language_hint(args, corpus, table)


def _language_hint(args: argparse.Namespace, corpus, table) -> None:
    """When ``--language`` was forced and reports gave no event, say what they look like."""
    if not args.language:
        return
    import py3langid

    found = set(table["report_id"])
    empty = [r for r in corpus if r.report_id not in found]
    looks = {r.report_id: py3langid.classify(r.text[:5000])[0] for r in empty}
    other = sorted({code for code in looks.values() if code != args.language})
    if not other:
        return
    names = ", ".join(r.source or r.report_id for r in empty if looks[r.report_id] != args.language)
    print(
        f"summit-timeline: hint: no events found in {names}, read as --language "
        f"{args.language}; the text looks like {'/'.join(other)}. Leave out --language to "
        "detect each report's language.",
        file=sys.stderr,
    )


def _lesson(args: argparse.Namespace, corpus, knowledge: Any) -> None:
    from .views.lesson import write_lesson

    path = write_lesson(corpus, args.out, knowledge=knowledge)
    print(f"lesson: {path}")


_COMMANDS = {"extract": _extract, "build": _build, "lesson": _lesson}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            status = _run(args)
        finally:
            _print_warnings(caught)
    return status


def _run(args: argparse.Namespace) -> int:
    try:
        _check_output(_output_kind(args), args.out)
        _check_scheduler(args)
        knowledge = _knowledge(args)
        corpus = _load(args, knowledge)
    except (ValueError, OSError) as exc:
        return _fail(exc)
    if len(corpus) == 0:
        print("summit-timeline: no report could be read; nothing written", file=sys.stderr)
        return EXIT_FAILED
    try:
        _COMMANDS[args.command](args, corpus, knowledge)
    except (ValueError, OSError, RuntimeError) as exc:  # RuntimeError: a Dask cluster's task
        return _fail(exc)
    return EXIT_SOME_UNREADABLE if corpus.errors else EXIT_OK


def _fail(exc: Exception) -> int:
    print(f"summit-timeline: {exc}", file=sys.stderr)
    return EXIT_FAILED


def _print_warnings(caught: list[warnings.WarningMessage]) -> None:
    """Each warning once, in the command's words (no Python file and line)."""
    seen: set[str] = set()
    for w in caught:
        text = " ".join(str(w.message).split())
        if text and text not in seen:
            seen.add(text)
            print(f"summit-timeline: warning: {text}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
