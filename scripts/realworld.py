"""The real-world evaluation corpus: gather its texts, check them, score the kit on them.

The corpus (``tests/realworld/``) holds annotations, addresses and fingerprints of excerpts of
real outlets' reports; the texts themselves are third-party material and live in the
git-ignored ``tests/realworld/texts/``. Commands:

    python scripts/realworld.py gather [--from DIR]   # fetch each address (or copy from DIR),
                                                     # cut the excerpt by its anchors, check it
    python scripts/realworld.py gather --pages DIR    # cut from stored pages' text in DIR
    python scripts/realworld.py check                 # are all texts there and unchanged?
    python scripts/realworld.py score [--details]     # development and holdout figures
    python scripts/realworld.py attest                # which knowledge entries dev texts use

``score`` reads each split's texts as one corpus (several stories mixed, as an analyst's folder
would be) and prints event, alignment and attribute figures for both splits. It runs outside CI
(the texts are not in the repository).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
import urllib.request
import warnings
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "realworld"
TEXTS = CORPUS / "texts"


def stories(split: str | None = None) -> list[dict[str, Any]]:
    """The story files (with their path), optionally of one split."""
    found = []
    for path in sorted((CORPUS / "expected").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
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


def _cut(page_text: str, begins: str, ends: str) -> str | None:
    """The excerpt of a page's text between its first and last words (whitespace-tolerant)."""
    found = _span(page_text, begins, ends)
    return page_text[found[0] : found[1]] if found else None


def _span(page_text: str, begins: str, ends: str) -> tuple[int, int] | None:
    """Where the excerpt between its first and last words lies in a page's text."""

    def loose(words: str) -> str:
        return r"\s+".join(re.escape(w) for w in words.split())

    m = re.search(loose(begins) + r".*?" + loose(ends), page_text, re.S)
    return m.span() if m else None


def _fetch(url: str) -> str:
    import trafilatura

    request = urllib.request.Request(url, headers={"User-Agent": "summit-timeline corpus"})
    with urllib.request.urlopen(request, timeout=30) as response:
        raw = response.read().decode("utf-8", errors="replace")
    return trafilatura.extract(raw, include_comments=False) or raw


#: The stored page's date, which the search tool prints before the page's text.
_STORE_DATE = re.compile(r"\s*date (\d{4}-\d{2}(?:-\d{2})?)\s")


def _from_page(report: dict[str, Any], page: str) -> str:
    """The text file of ``report`` cut from its stored page's text as the search tool printed it.

    The store's leading date goes into the front matter as ``published``, as when the corpus was
    gathered (see the NOTES files).
    """
    front = f"url: {report['url']}\n"
    dated = _STORE_DATE.match(page)
    if dated:
        front += f"published: {dated.group(1)}\n"
        page = page[dated.end() :]
    found = _span(page, report["excerpt"]["begins"], report["excerpt"]["ends"])
    if found is None:
        raise ValueError("excerpt anchors not found in the stored page")
    start, end = found
    # some excerpts were gathered with the whitespace around them: the fingerprint tells
    before = len(page[:start]) - len(page[:start].rstrip())
    after = len(page[end:]) - len(page[end:].lstrip())
    excerpt = page[start:end]
    for lead in range(before + 1):
        for trail in range(after + 1):
            candidate = page[start - lead : end + trail]
            if _fingerprint_ok(report, candidate) is None:
                excerpt = candidate
    return f"---\n{front}---\n{excerpt}"


def gather(source: Path | None, pages: Path | None = None) -> int:
    TEXTS.mkdir(parents=True, exist_ok=True)
    problems = 0
    for story in stories():
        for report in story["reports"]:
            target = TEXTS / report["file"]
            try:
                if pages is not None:
                    if not (pages / report["file"]).exists():
                        continue
                    text = _from_page(report, (pages / report["file"]).read_text("utf-8"))
                    target.write_text(text, encoding="utf-8")
                elif source is not None:
                    shutil.copyfile(source / report["file"], target)
                    text = target.read_text(encoding="utf-8")
                else:
                    page = _fetch(report["url"])
                    excerpt = _cut(page, report["excerpt"]["begins"], report["excerpt"]["ends"])
                    if excerpt is None:
                        raise ValueError("excerpt anchors not found in the page")
                    text = f"---\nurl: {report['url']}\n---\n{excerpt}"
                    target.write_text(text, encoding="utf-8")
                reason = _fingerprint_ok(report, text)
            except (OSError, ValueError) as exc:
                reason = str(exc)
            if reason:
                problems += 1
                print(f"{report['file']}: {reason}", file=sys.stderr)
    return 1 if problems else 0


def check() -> int:
    problems = 0
    for story in stories():
        for report in story["reports"]:
            path = TEXTS / report["file"]
            reason = (
                _fingerprint_ok(report, path.read_text(encoding="utf-8"))
                if path.exists()
                else "missing"
            )
            if reason:
                problems += 1
                print(f"{report['file']}: {reason}")
    count = sum(len(s["reports"]) for s in stories())
    print(f"{count - problems} of {count} texts present and unchanged")
    return 1 if problems else 0


def _score_split(split: str, details: bool) -> None:
    import summit_timeline as st
    from summit_timeline.evaluation import load_annotations, score_table

    chosen = stories(split)
    files = [TEXTS / r["file"] for s in chosen for r in s["reports"]]
    missing = [f.name for f in files if not f.exists()]
    if missing:
        raise SystemExit(f"{len(missing)} texts missing (run 'gather' first): {missing[:3]}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = st.load_reports(files)
        table = st.extract_events(corpus)
    score = score_table(table, load_annotations([s["_path"] for s in chosen]))
    events = sum(len(r.get("events", [])) for s in chosen for r in s["reports"])
    print(
        f"\n[{split}: {len(files)} reports, {len(chosen)} stories, {events} annotated events]\n"
        f"{score.summary()}"
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


def attest() -> int:
    """Write the knowledge entries that the development texts use (``attested.txt``).

    The list holds our own words, never the texts: the test that no entry serves only the
    sample reports reads it where the texts are not (CI).
    """
    from summit_timeline.knowledge import load_knowledge
    from summit_timeline.knowledge.audit import used

    files = [TEXTS / r["file"] for s in stories("dev") for r in s["reports"]]
    missing = [f.name for f in files if not f.exists()]
    if missing:
        raise SystemExit(f"{len(missing)} texts missing (run 'gather' first): {missing[:3]}")
    texts = [f.read_text(encoding="utf-8") for f in files]
    found = sorted(str(e) for e in used(texts, load_knowledge(environment=False)))
    header = (
        "# Knowledge entries that the development texts of tests/realworld use, one per line\n"
        "# (where: entry). Written by `python scripts/realworld.py attest`; our words, no text.\n"
    )
    ATTESTED.write_text(header + "".join(f"{line}\n" for line in found), encoding="utf-8")
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
        help="cut from the stored pages' texts in this folder (one file per report, named as it)",
    )
    sub.add_parser("check", help="check the texts against their fingerprints")
    sub.add_parser("attest", help="list the knowledge entries the development texts use")
    s = sub.add_parser("score", help="print development and holdout figures")
    s.add_argument("--split", help="only this split (dev, holdout, fresh, ...)")
    s.add_argument("--details", action="store_true", help="list misses, extras, wrong values")
    args = parser.parse_args(argv)
    if args.command == "gather":
        return gather(args.source, args.pages)
    if args.command == "check":
        return check()
    if args.command == "attest":
        return attest()
    if args.split and args.split not in _splits():
        parser.error(f"no story has split {args.split!r}; have {', '.join(_splits())}")
    for split in [args.split] if args.split else _splits():
        _score_split(split, args.details)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
