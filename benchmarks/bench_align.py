"""Benchmark: time per mention of alignment (and per report of stories) at 1k, 5k and 20k reports.

The candidates are those ``extract_events`` hands to alignment for a unique corpus
(``unique_corpus.py``: summits with other leaders, cities and years, each in several outlets'
versions). Larger archives are made of copies of that corpus, each copy's dates moved by a week
more than the last (summits overlapping in time, as in a year of wire copy), with their own
report and mention ids. Alignment is timed two ways:

- *per story*, as ``extract_events`` runs it (``build._align``: one call per story), and
- *one call* over all candidates of all summits, where only the blocking of ``align`` by type,
  status, date and actor keeps a mention from meeting every open cluster of its type.

Stories (``stories.assign_stories``, which runs before alignment over all reports at once) are
timed per report on the same copies. ``--old-stories PATH`` times another ``stories.py`` too
(``git show 3ff5741:summit_timeline/table/stories.py``, before the index by principal and day)
and checks that both give every mention the same story.

``--undated N`` strips the day, year and month from N of every hundred reports' frames (an
archive of clippings pasted without dates), which the stories of their people must then be
searched for by venue or by the same people.

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


@dataclasses.dataclass
class StoryInput:
    """What ``assign_stories`` was given: every mention's row and every report's frame."""

    rows: list[dict] = dataclasses.field(default_factory=list)
    frames: dict = dataclasses.field(default_factory=dict)


def base_candidates(
    count: int, seed: int, story_input: StoryInput | None = None
) -> tuple[list[list], int]:
    """The candidates of each story of a unique corpus of ``count`` reports, and its reports
    (and, into ``story_input``, what stories were assigned from)."""
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

    assign = build.assign_stories

    def record_stories(rows: list[dict], frames: dict) -> dict:
        if story_input is not None:
            story_input.rows = [dict(row) for row in rows]
            story_input.frames = dict(frames)
        return assign(rows, frames)

    build.align = record
    build.assign_stories = record_stories
    try:
        build.extract_events(reports, corrections=False)
    finally:
        build.align = original
        build.assign_stories = assign
    return stories, len(reports)


def scaled_story_input(given: StoryInput, copies: int, undated: int = 0) -> StoryInput:
    """``copies`` copies of the rows and frames, copy ``c`` moved by ``c`` weeks, own ids;
    ``undated`` of every hundred frames give neither day, year nor month (reports pasted
    without a date, as in an archive of clippings)."""
    out = StoryInput()
    for c in range(copies):
        shift = dt.timedelta(days=SHIFT_DAYS * c)
        for i, (rid, frame) in enumerate(given.frames.items()):
            day = frame.day + shift if frame.day else None
            year, month = (day.year, day.month) if day else (frame.year, frame.month)
            if i % 100 < undated:
                day = year = month = None
            out.frames[f"{rid}#{c}"] = dataclasses.replace(
                frame, report_id=f"{rid}#{c}", day=day, year=year, month=month
            )
        for row in given.rows:
            out.rows.append(
                {
                    **row,
                    "report_id": f"{row['report_id']}#{c}",
                    "date": row["date"] + shift if row["date"] else row["date"],
                }
            )
    return out


def _timed_stories(assign: Callable, given: StoryInput) -> tuple[float, list[str]]:
    rows = [dict(row) for row in given.rows]
    t0 = time.perf_counter()
    assign(rows, given.frames)
    return time.perf_counter() - t0, [row["story_id"] for row in rows]


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


def _load(path: Path, name: str) -> object:
    # named inside the package, so that an older stories.py finds its relative imports
    spec = importlib.util.spec_from_file_location(f"summit_timeline.table._other_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", default="1000,5000,20000", help="sizes, comma-separated")
    parser.add_argument("--base", type=int, default=1000, help="unique reports extracted")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--old", type=Path, help="another align.py to time and compare")
    parser.add_argument("--old-up-to", type=int, default=5000, help="largest size for --old")
    parser.add_argument("--old-stories", type=Path, help="another stories.py to time and compare")
    parser.add_argument(
        "--undated", type=int, default=0, help="frames in a hundred given no day, year or month"
    )
    args = parser.parse_args()

    import summit_timeline  # noqa: F401  (the package an older module is loaded into)
    from summit_timeline.table.align import align
    from summit_timeline.table.stories import assign_stories

    old = _load(args.old, "align").align if args.old else None
    old_stories = _load(args.old_stories, "stories").assign_stories if args.old_stories else None
    t0 = time.perf_counter()
    story_input = StoryInput()
    stories, base_reports = base_candidates(args.base, args.seed, story_input)
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
        given = scaled_story_input(story_input, copies, args.undated)
        took, story_ids = _timed_stories(assign_stories, given)
        line = [
            f"{'':>6} stories: {1e6 * took / len(given.frames):6.1f} µs/report ({took:.2f} s, "
            f"{len(set(story_ids))} stories)"
        ]
        if old_stories is not None and copies * base_reports <= args.old_up_to:
            took_old, expected = _timed_stories(old_stories, given)
            same = "same stories" if expected == story_ids else "DIFFERENT stories"
            per_report = 1e6 * took_old / len(given.frames)
            line.append(f"[old {per_report:.1f} µs/report, {took_old:.2f} s, {same}]")
        print("  ".join(line), flush=True)


if __name__ == "__main__":
    main()
