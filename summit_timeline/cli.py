"""The ``summit-timeline`` command line, over the public API only.

    summit-timeline extract PATH... -o events.csv     # the event table (.csv, .parquet, .json)
    summit-timeline build PATH... --out DIR           # events.csv, timeline.html, timeline.json
    summit-timeline lesson PATH... --out lesson.html  # the executed comparison lesson, offline

Every command reads with the packaged words, the folders named in ``SUMMIT_TIMELINE_DATA`` and
those given with ``--data FOLDER`` (laid out like the packaged data: ``ontology.yaml``,
``lexicons/<lang>/*.yaml``, ``gazetteers/*.yaml``), loaded once with ``load_knowledge``.

Exit status: 0 when every report was read, 1 when some report could not be read (the others are
still processed and written), 2 on usage errors or when nothing could be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

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
    parser.add_argument(
        "--data",
        action="append",
        type=Path,
        metavar="FOLDER",
        help="a folder of your own words, people, places or event types, laid out like the "
        "packaged data (may be given more than once; added to SUMMIT_TIMELINE_DATA)",
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
    shown = _SHOWN if table["story_id"].nunique() <= 1 else ["story_id", *_SHOWN]
    print(table[shown].to_string(index=False, max_colwidth=40))


def _extract(args: argparse.Namespace, corpus, knowledge: Any) -> None:
    from .table import extract_events, write_table

    progress = len(corpus) > 20 and not args.quiet
    table = extract_events(corpus, progress=progress, knowledge=knowledge)
    path = write_table(table, args.output)
    _print_table(table)
    print(f"\n{len(table)} event mentions, {table['event_id'].nunique()} events -> {path}")


def _build(args: argparse.Namespace, corpus, knowledge: Any) -> None:
    from .table import extract_events
    from .views.export import build_outputs

    progress = len(corpus) > 20 and not args.quiet
    table = extract_events(corpus, progress=progress, knowledge=knowledge)
    written = build_outputs(table, args.out, title=args.title, knowledge=knowledge)
    _print_table(table)
    print()
    for kind, path in written.items():
        print(f"{kind}: {path}")


def _lesson(args: argparse.Namespace, corpus, knowledge: Any) -> None:
    from .views.lesson import write_lesson

    path = write_lesson(corpus, args.out, knowledge=knowledge)
    print(f"lesson: {path}")


_COMMANDS = {"extract": _extract, "build": _build, "lesson": _lesson}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        knowledge = _knowledge(args)
        corpus = _load(args, knowledge)
    except (ValueError, OSError) as exc:
        print(f"summit-timeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if len(corpus) == 0:
        print("summit-timeline: no report could be read; nothing written", file=sys.stderr)
        return EXIT_FAILED
    try:
        _COMMANDS[args.command](args, corpus, knowledge)
    except (ValueError, OSError) as exc:
        print(f"summit-timeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_SOME_UNREADABLE if corpus.errors else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
