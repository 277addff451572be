"""The real-world evaluation corpus: gather its texts, check them, score the kit on them.

The corpus (``tests/realworld/``) holds annotations, addresses and fingerprints of excerpts of
real outlets' reports; the texts themselves are third-party material and live in the
git-ignored ``tests/realworld/texts/``. Commands:

    python scripts/realworld.py gather [--from DIR]   # fetch each address (or copy from DIR),
                                                     # cut the excerpt by its anchors, check it
    python scripts/realworld.py gather --pages DIR    # cut from stored pages' text in DIR
                                                     # (<report>.md, or the search tool's
                                                     # answer as <report>.md.json)
    python scripts/realworld.py check                 # are all texts there and unchanged?
    python scripts/realworld.py score [--details]     # development and holdout figures
    python scripts/realworld.py score --present       # ... of the texts there (some lost or
                                                     # changed: left out, and counted)
    python scripts/realworld.py attest                # which knowledge entries dev texts use

``score`` reads each split's texts as one corpus (several stories mixed, as an analyst's folder
would be) and prints event, alignment and attribute figures for both splits. It runs outside CI
(the texts are not in the repository).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import urllib.request
import warnings
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "realworld"
TEXTS = CORPUS / "texts"


#: libyaml's loader where PyYAML was built with it (ten times faster on the corpus's files, the
#: same values), else PyYAML's own.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def stories(split: str | None = None) -> list[dict[str, Any]]:
    """The story files (with their path), optionally of one split. A file that holds no story
    (empty, a comment only, as one being written may) is named on stderr and left out."""
    found = []
    for path in sorted((CORPUS / "expected").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        if not isinstance(data, dict):
            print(f"{path.name}: holds no story (left out)", file=sys.stderr)
            continue
        data["_path"] = path
        if split is None or data.get("split") == split:
            found.append(data)
    return found


def _body(text: str) -> str:
    """The excerpt after the front matter."""
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        return text[end + 5 :]
    return text


def _fingerprint_ok(report: dict[str, Any], text: str) -> str | None:
    body = _body(text)
    want = report["excerpt"]
    if len(body) != want["chars"]:
        return f"{len(body)} characters, expected {want['chars']}"
    if hashlib.sha256(body.encode("utf-8")).hexdigest() != want["sha256"]:
        return "sha256 differs"
    return None


def _loose(words: str) -> str:
    """A pattern for ``words`` with any whitespace between them."""
    return r"\s+".join(re.escape(w) for w in words.split())


def _fetch(url: str) -> str:
    import trafilatura

    request = urllib.request.Request(url, headers={"User-Agent": "summit-timeline corpus"})
    with urllib.request.urlopen(request, timeout=30) as response:
        raw = response.read().decode("utf-8", errors="replace")
    return trafilatura.extract(raw, include_comments=False) or raw


#: The stored page's date, which the search tool prints before the page's text.
_STORE_DATE = re.compile(r"\s*date (\d{4}-\d{2}(?:-\d{2})?)\s")


def _from_page(report: dict[str, Any], page: str) -> str:
    """The text file of ``report`` cut from a page's text (fetched, or stored as the search tool
    printed it) between the excerpt's first and last words, whitespace-tolerant.

    A stored page's leading date goes into the front matter as ``published``, as when the corpus
    was gathered (see the NOTES files). Where the anchors occur more than once, or whitespace
    around the excerpt may belong to it, the cut that fits the fingerprint is taken, else the
    shortest.
    """
    front = f"url: {report['url']}\n"
    dated = _STORE_DATE.match(page)
    if dated:
        front += f"published: {dated.group(1)}\n"
        page = page[dated.end() :]
    excerpt = report["excerpt"]
    starts = [m.start() for m in re.finditer(_loose(excerpt["begins"]), page)]
    ends = [m.end() for m in re.finditer(_loose(excerpt["ends"]), page)]
    cuts = sorted(((e - s, s, e) for s in starts for e in ends if e > s), key=lambda c: c[0])
    if not cuts:
        raise ValueError("excerpt anchors not found in the page")
    for _, start, end in cuts:
        before = len(page[:start]) - len(page[:start].rstrip())
        after = len(page[end:]) - len(page[end:].lstrip())
        for lead in range(before + 1):
            for trail in range(after + 1):
                candidate = page[start - lead : end + trail]
                if _fingerprint_ok(report, candidate) is None:
                    return f"---\n{front}---\n{candidate}"
    _, start, end = cuts[0]
    return f"---\n{front}---\n{page[start:end]}"


def _same_address(a: str, b: str) -> bool:
    """Whether two addresses name one page (scheme, "www." and a trailing slash aside)."""

    def bare(url: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/")

    return bare(a) == bare(b)


def _stored_page(report: dict[str, Any], pages: Path) -> str | None:
    """The stored page of ``report`` in ``pages``: its text as the search tool printed it
    (``<file>``), or the tool's answer for it copied as JSON, escapes and all
    (``<file>.json``: ``{"url": ..., "excerpt": ...}``), which spares retyping quotes and line
    breaks; ``None`` when neither is there. A JSON page of another address is refused."""
    text = pages / report["file"]
    if text.exists():
        return text.read_text("utf-8")
    answer = pages / f"{report['file']}.json"
    if not answer.exists():
        return None
    try:
        page = json.loads(answer.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{answer.name}: not JSON ({exc})") from exc
    if not isinstance(page, dict) or not isinstance(page.get("excerpt"), str):
        raise ValueError(f'{answer.name}: expected {{"url": ..., "excerpt": ...}}')
    if page.get("url") and not _same_address(page["url"], report["url"]):
        raise ValueError(f"{answer.name}: the page of {page['url']}, not of {report['url']}")
    return page["excerpt"]


def cut_stored(report: dict[str, Any], pages: Path) -> tuple[str | None, str | None]:
    """The text of ``report`` cut from its stored page in ``pages`` (``_stored_page``), and why
    it does not match its fingerprint (None when it does); (None, None) where no page is
    stored, (None, reason) where the page cannot be read or cut."""
    try:
        page = _stored_page(report, pages)
        if page is None:
            return None, None
        text = _from_page(report, page)
    except (OSError, ValueError) as exc:
        return None, str(exc)
    return text, _fingerprint_ok(report, text)


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (the kit's ``atomic_write``: an
    interrupted gathering leaves no half text behind)."""
    from summit_timeline.files import atomic_write

    atomic_write(path, lambda temp: temp.write_text(text, encoding="utf-8"))


def gather(source: Path | None, pages: Path | None = None) -> int:
    """Write each report's text into ``TEXTS``, only where it matches its fingerprint: a page
    that changed since (or another stored version of it) is said, never written."""
    TEXTS.mkdir(parents=True, exist_ok=True)
    problems = 0
    for story in stories():
        for report in story["reports"]:
            if pages is not None:
                text, reason = cut_stored(report, pages)
                if text is None and reason is None:
                    continue
            else:
                try:
                    if source is not None:
                        text = (source / report["file"]).read_text(encoding="utf-8")
                    else:
                        text = _from_page(report, _fetch(report["url"]))
                    reason = _fingerprint_ok(report, text)
                except (OSError, ValueError) as exc:
                    reason = str(exc)
            if reason:
                problems += 1
                print(f"{report['file']}: {reason} (not written)", file=sys.stderr)
            else:
                write_whole(TEXTS / report["file"], text)
    return 1 if problems else 0


def _same_as_problems(all_stories: list[dict]) -> list[str]:
    """Each ``same_as`` names an event of its story's own file."""
    own: dict[str, set[str]] = {}
    for story in all_stories:
        for report in story["reports"]:
            for event in report.get("events") or []:
                if not event.get("story"):
                    own.setdefault(story["story"], set()).add(event["event"])
    found = []
    for story in all_stories:
        for report in story["reports"]:
            for event in report.get("events") or []:
                target = event.get("same_as")
                if target and target not in own.get(event.get("story"), set()):
                    found.append(
                        f"{report['file']}: {event['event']}: same_as {target!r} is no event of "
                        f"story {event.get('story')!r}"
                    )
    return found


def _undated_problems(all_stories: list[dict]) -> list[str]:
    """Events told as having happened with ``date: null`` where the other reports of the same
    story file give that event (its id and background story) exactly one day: the day is the
    event's (tests/data/README.md, "date")."""
    found = []
    for story in all_stories:
        days: dict[tuple[str | None, str], set[Any]] = {}
        for report in story["reports"]:
            for event in report.get("events") or []:
                if event.get("date") and event["status"] == "occurred":
                    days.setdefault((event.get("story"), event["event"]), set()).add(event["date"])
        for report in story["reports"]:
            for event in report.get("events") or []:
                told_held = event["status"] == "occurred"
                if not told_held or "date" not in event or event["date"] is not None:
                    continue
                given = days.get((event.get("story"), event["event"]), set())
                if len(given) == 1:
                    found.append(
                        f"{report['file']}: {event['event']}: date null, the other reports give "
                        f"{next(iter(given))}"
                    )
    return found


def check() -> int:
    all_stories = stories()
    annotated = _same_as_problems(all_stories) + _undated_problems(all_stories)
    for line in annotated:
        print(line)
    reports = [r for s in all_stories for r in s["reports"]]
    _, left_out = _texts_of(reports)
    for name, reason in left_out.items():
        print(f"{name}: {reason}")
    print(f"{len(reports) - len(left_out)} of {len(reports)} texts present and unchanged")
    return 1 if left_out or annotated else 0


def text_problem(report: dict[str, Any], texts: Path | None = None) -> str | None:
    """Why ``report``'s text in ``texts`` (``TEXTS``) cannot be used: "missing", or how it
    differs from its fingerprint; None where it is there and matches."""
    path = (TEXTS if texts is None else texts) / report["file"]
    if not path.exists():
        return "missing"
    return _fingerprint_ok(report, path.read_text(encoding="utf-8"))


def _texts_of(reports: list[dict[str, Any]]) -> tuple[list[Path], dict[str, str]]:
    """The text files of ``reports`` that are there and match their fingerprints, and why each
    other one is left out (``text_problem``)."""
    usable, left_out = [], {}
    for report in reports:
        reason = text_problem(report)
        if reason:
            left_out[report["file"]] = reason
        else:
            usable.append(TEXTS / report["file"])
    return usable, left_out


#: The development split's two halves (``score --split deva``, ``devb``): its stories by the
#: year and month their ids end in, so that the stories of one summit stay together, the months
#: sorted and taken alternately. A rule is written reading one half and checked on the other's
#: counts alone, as on the holdout's; a story that joins dev may move the later months' stories
#: to the other half.
HALVES = ("deva", "devb")


def _month(story_id: str) -> str:
    parts = story_id.split("-")
    return "-".join(parts[-2:]) if len(parts) > 2 and parts[-1].isdigit() else story_id


def half(name: str, dev: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The story files of one half of the development split (``HALVES``), of ``dev`` when given
    (the development split's story files, read once by a caller that needs both halves)."""
    dev = stories("dev") if dev is None else dev
    months = sorted({_month(s["_path"].stem) for s in dev})
    side = {m: HALVES[i % 2] for i, m in enumerate(months)}
    return [s for s in dev if side[_month(s["_path"].stem)] == name]


def _score_split(split: str, details: bool, present: bool = False) -> None:
    import summit_timeline as st
    from summit_timeline.evaluation import load_annotations, score_table

    chosen = half(split) if split in HALVES else stories(split)
    files, missing = _texts_of([r for s in chosen for r in s["reports"]])
    if missing and not present:
        raise SystemExit(
            f"{len(missing)} texts missing or changed (run 'gather' first, or score with "
            f"--present): {sorted(missing)[:3]}"
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = st.load_reports(files)
        table = st.extract_events(corpus)
    annotations = [
        r for r in load_annotations([s["_path"] for s in chosen]) if r["file"] not in missing
    ]
    score = score_table(table, annotations)
    events = sum(len(r.get("events", [])) for r in annotations)
    stories_there = len({r["story"] for r in annotations})
    changed = sum(reason != "missing" for reason in missing.values())
    left_out = f", {len(missing)} reports without their text left out" if missing else ""
    if changed:
        left_out += f" ({changed} whose text differs from its fingerprint)"
    print(
        f"\n[{split}: {len(files)} reports, {stories_there} stories, {events} annotated events"
        f"{left_out}]\n{score.summary()}"
    )
    if details:
        for title, lines in (
            ("missed", score.misses),
            ("extra", score.extras),
            ("wrong", score.wrong),
        ):
            print(f"-- {title} ({len(lines)})")
            for line in lines:
                print("  ", line)


ATTESTED = CORPUS / "attested.txt"
#: dev: rules may be tuned on it; holdout: never tuned on; fresh (fresh2, ...): stories
#: gathered after the rules of a round were written, scored once as reports nobody had seen,
#: then moved to dev or holdout
SPLITS = ("dev", "holdout")


def _splits() -> list[str]:
    """The splits the story files use: dev and holdout first, then the fresh ones."""
    found = {s.get("split") for s in stories()}
    return [*(s for s in SPLITS if s in found), *sorted(found - set(SPLITS))]


def attest(present: bool = False) -> int:
    """Write the knowledge entries that the development texts use (``attested.txt``).

    The list holds our own words, never the texts: the test that no entry serves only the
    sample reports reads it where the texts are not (CI). With ``present``, the entries the
    texts that are there use are added to the list, which keeps what the others attested.
    """
    from summit_timeline.knowledge import load_knowledge
    from summit_timeline.knowledge.audit import used

    files, missing = _texts_of([r for s in stories("dev") for r in s["reports"]])
    if missing and not present:
        raise SystemExit(
            f"{len(missing)} texts missing or changed (run 'gather' first, or attest with "
            f"--present): {sorted(missing)[:3]}"
        )
    texts = [f.read_text(encoding="utf-8") for f in files]
    found = {str(e) for e in used(texts, load_knowledge(environment=False))}
    if missing and ATTESTED.exists():
        kept = ATTESTED.read_text(encoding="utf-8").splitlines()
        found |= {line for line in kept if line and not line.startswith("#")}
    found = sorted(found)
    header = (
        "# Knowledge entries that the development texts of tests/realworld use, one per line\n"
        "# (where: entry). Written by `python scripts/realworld.py attest`; our words, no text.\n"
    )
    write_whole(ATTESTED, header + "".join(f"{line}\n" for line in found))
    print(f"{len(found)} entries attested in {len(files)} development texts -> {ATTESTED}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("gather", help="fetch the texts into tests/realworld/texts/")
    g.add_argument("--from", dest="source", type=Path, help="copy from this folder instead")
    g.add_argument(
        "--pages",
        type=Path,
        help="cut from the stored pages' texts in this folder (one file per report, named as it,"
        " or the search tool's answer for it as JSON, named as it with .json added)",
    )
    sub.add_parser("check", help="check the texts against their fingerprints")
    a = sub.add_parser("attest", help="list the knowledge entries the development texts use")
    a.add_argument(
        "--present",
        action="store_true",
        help="add what the texts that are there and unchanged use to the list (some texts lost)",
    )
    s = sub.add_parser("score", help="print development and holdout figures")
    s.add_argument(
        "--split", help="only this split (dev, holdout, fresh, ...; deva, devb: dev's halves)"
    )
    s.add_argument("--details", action="store_true", help="list misses, extras, wrong values")
    s.add_argument(
        "--present",
        action="store_true",
        help="score the reports whose texts are there and match their fingerprints (and only"
        " their annotations)",
    )
    args = parser.parse_args(argv)
    if args.command == "gather":
        return gather(args.source, args.pages)
    if args.command == "check":
        return check()
    if args.command == "attest":
        return attest(args.present)
    if args.split and args.split not in [*_splits(), *HALVES]:
        parser.error(f"no story has split {args.split!r}; have {', '.join(_splits())}")
    for split in [args.split] if args.split else _splits():
        _score_split(split, args.details, args.present)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
