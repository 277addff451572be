"""The ``summit-timeline`` command line, over the public API only.

    summit-timeline extract PATH... -o events.csv     # the event table (.csv, .parquet, .json)
    summit-timeline build PATH... --out DIR           # events.csv, timeline.html, timeline.json
    summit-timeline lesson PATH... --out lesson.html  # the executed comparison lesson, offline

Exit status: 0 when every report was read, 1 when some report could not be read (the others are
still processed and written), 2 on usage errors or when nothing could be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK = 0
EXIT_SOME_UNREADABLE = 1
EXIT_FAILED = 2


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    parser.add_argument("--language", help="language of every report (default: detected)")
    parser.add_argument(
        "--timezone",
        help="IANA zone for publication times printed without one (default: per language)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summit-timeline",
        description="News reports about a summit in; a dated, sourced event table out.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="write the event table")
    _add_input_options(extract)
    extract.add_argument(
        "-o", "--output", required=True, type=Path, help="output file: .csv, .parquet or .json"
    )

    build = commands.add_parser("build", help="write events.csv, timeline.html, timeline.json")
    _add_input_options(build)
    build.add_argument("--out", required=True, type=Path, help="output folder")
    build.add_argument("--title", help="title of the timeline page")

    lesson = commands.add_parser("lesson", help="write the comparison lesson as one HTML page")
    _add_input_options(lesson)
    lesson.add_argument("--out", required=True, type=Path, help="output .html file")
    return parser


def _load(args: argparse.Namespace):
    from .reading import load_reports

    overrides = {}
    if args.language:
        overrides["language"] = args.language
    if args.timezone:
        overrides["timezone"] = args.timezone
    many = sum(1 for p in args.paths if Path(p).is_dir()) > 0 or len(args.paths) > 20
    corpus = load_reports(list(args.paths), progress=many and not args.quiet, **overrides)
    for error in corpus.errors:
        print(f"summit-timeline: cannot read {error.source}: {error.reason}", file=sys.stderr)
    return corpus


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
    print(table[_SHOWN].to_string(index=False, max_colwidth=40))


def _extract(args: argparse.Namespace, corpus) -> None:
    from .table import extract_events, write_table

    table = extract_events(corpus, progress=len(corpus) > 20 and not args.quiet)
    path = write_table(table, args.output)
    _print_table(table)
    print(f"\n{len(table)} event mentions, {table['event_id'].nunique()} events -> {path}")


def _build(args: argparse.Namespace, corpus) -> None:
    from .table import extract_events
    from .views.export import build_outputs

    table = extract_events(corpus, progress=len(corpus) > 20 and not args.quiet)
    written = build_outputs(table, args.out, title=args.title)
    _print_table(table)
    print()
    for kind, path in written.items():
        print(f"{kind}: {path}")


def _lesson(args: argparse.Namespace, corpus) -> None:
    from .views.lesson import write_lesson

    path = write_lesson(corpus, args.out)
    print(f"lesson: {path}")


_COMMANDS = {"extract": _extract, "build": _build, "lesson": _lesson}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        corpus = _load(args)
    except (ValueError, OSError) as exc:
        print(f"summit-timeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if len(corpus) == 0:
        print("summit-timeline: no report could be read; nothing written", file=sys.stderr)
        return EXIT_FAILED
    try:
        _COMMANDS[args.command](args, corpus)
    except (ValueError, OSError) as exc:
        print(f"summit-timeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_SOME_UNREADABLE if corpus.errors else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
