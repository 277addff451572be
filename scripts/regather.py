"""Gather the corpus's lost texts again, several people at once, from one shared queue.

When the texts (``tests/realworld/texts/``, git-ignored) are lost with a machine, they can be cut
again from the stored pages the search tool prints (``realworld.py gather --pages``). Looking
them up is the slow part, and a look-up often brings back other outlets of the same story, or of
another: this script lets several people share the work without doing it twice and save every
page a look-up brings that some report needs.

    python scripts/regather.py queue DIR            # write the queue and the address index
    python scripts/regather.py claim DIR NAME       # take the next story; print its reports
    python scripts/regather.py show DIR STORY       # print a story's reports again
    python scripts/regather.py want DIR URL...      # which reports have these addresses, lack text
    python scripts/regather.py cut DIR FILE...      # cut pages/FILE(.json) into texts/, checked
    python scripts/regather.py done DIR NAME STORY  # mark a story looked for

The queue takes the stories whose texts matter first: fresh batches (scored at a round's start,
then joined to the splits), then the development halves and the holdout in turn, so that each
split has texts to measure on however far the look-ups go; within each, stories with more
reports first (one look-up may bring several of their outlets back). A text is written only
when it matches its fingerprint.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realworld as rw

#: The report keys the index keeps (what a person looking for the page needs, and the cut).
KEPT = ("file", "url", "language", "outlet", "kind", "published", "excerpt")


def _group(story: dict[str, Any], halves: dict[str, str]) -> str:
    split = str(story["split"])
    if split.startswith("fresh"):
        return "fresh"
    return halves.get(story["story"], split)


def queue_order(stories: list[dict[str, Any]], halves: dict[str, str]) -> list[str]:
    """Story ids: fresh first, then deva, holdout and devb taken in turn (more reports first)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for story in stories:
        groups.setdefault(_group(story, halves), []).append(story)
    for members in groups.values():
        members.sort(key=lambda s: (-len(s["reports"]), s["story"]))
    order = [s["story"] for s in groups.pop("fresh", [])]
    turns = [groups.pop(name, []) for name in ("deva", "holdout", "devb")] + list(groups.values())
    while any(turns):
        for members in turns:
            if members:
                order.append(members.pop(0)["story"])
    return order


def write_queue(folder: Path, stories: list[dict[str, Any]], halves: dict[str, str]) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    index = {
        s["story"]: {
            "split": s["split"],
            "name": (s.get("summit") or {}).get("name"),
            "reports": [
                {
                    k: (str(v) if k == "published" and v is not None else v)
                    for k, v in r.items()
                    if k in KEPT
                }
                for r in s["reports"]
            ],
        }
        for s in stories
    }
    (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")
    order = queue_order(stories, halves)
    (folder / "queue.txt").write_text("\n".join(order) + "\n", encoding="utf-8")
    for name in ("claimed.txt", "done.txt"):
        (folder / name).touch()
    return len(order)


class Queue:
    """A queue folder made by ``write_queue``, and the corpus's texts and pages folders."""

    def __init__(self, folder: Path, texts: Path = rw.TEXTS, pages: Path = rw.CORPUS / "pages"):
        self.folder, self.texts, self.pages = folder, texts, pages
        self.index: dict[str, Any] = json.loads((folder / "index.json").read_text("utf-8"))

    def reports(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for story, entry in self.index.items():
            for report in entry["reports"]:
                yield story, report

    def present(self, report: dict[str, Any]) -> bool:
        return rw.text_problem(report, self.texts) is None

    def show(self, story: str) -> str:
        entry = self.index[story]
        lines = [f"STORY {story}  ({entry['split']}; {entry['name']})"]
        for r in entry["reports"]:
            e = r["excerpt"]
            state = "PRESENT" if self.present(r) else "MISSING"
            lines += [
                f"- {r['file']}  [{state}]  {r.get('language')} {r.get('outlet')} "
                f"({r.get('kind')}) published {r.get('published')}",
                f"    url:    {r['url']}",
                f"    begins: {e['begins']!r}",
                f"    ends:   {e['ends']!r}   ({e['chars']} chars)",
            ]
        return "\n".join(lines)

    def claim(self, name: str) -> str | None:
        """The next story nobody has claimed and whose texts are not all there (claimed now)."""
        with open(self.folder / "queue.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            claimed_file = self.folder / "claimed.txt"
            claimed = {line.split("\t")[0] for line in claimed_file.read_text().splitlines()}
            for story in (self.folder / "queue.txt").read_text().split():
                if story in claimed or story not in self.index:
                    continue
                if all(self.present(r) for r in self.index[story]["reports"]):
                    continue
                with open(claimed_file, "a") as out:
                    out.write(f"{story}\t{name}\t{time.strftime('%H:%M:%S')}\n")
                return story
        return None

    def want(self, urls: list[str]) -> list[str]:
        found = []
        for url in urls:
            hits = [(s, r) for s, r in self.reports() if rw._same_address(r["url"], url)]
            if not hits:
                found.append(f"{url}: no report has this address")
            for story, r in hits:
                state = "already PRESENT" if self.present(r) else "MISSING -> save it"
                found.append(f"{url}: {r['file']} (story {story}) {state}")
        return found

    def cut(self, names: list[str]) -> list[str]:
        """Cut each report's saved page into its text file, written only when it matches."""
        by_file = {r["file"]: r for _, r in self.reports()}
        said = []
        self.texts.mkdir(parents=True, exist_ok=True)
        for name in names:
            name = name.removesuffix(".json")
            report = by_file.get(name)
            if report is None:
                said.append(f"{name}: no such report file")
                continue
            text, reason = rw.cut_stored(report, self.pages)
            if text is None and reason is None:
                said.append(f"{name}: no page saved as {self.pages.name}/{name}.json")
                continue
            if reason:
                said.append(f"{name}: FAILED: {reason}")
            else:
                rw.write_whole(self.texts / name, text)
                said.append(f"{name}: OK")
        return said

    def done(self, name: str, story: str) -> None:
        with open(self.folder / "done.txt", "a") as out:
            out.write(f"{story}\t{name}\t{time.strftime('%H:%M:%S')}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["queue", "claim", "show", "want", "cut", "done"])
    parser.add_argument("folder", type=Path, help="the queue's folder (outside the repository)")
    parser.add_argument("args", nargs="*")
    args = parser.parse_args(argv)
    if args.command == "queue":
        every = rw.stories()
        dev = [s for s in every if s["split"] == "dev"]
        halves = {s["story"]: name for name in rw.HALVES for s in rw.half(name, dev)}
        print(f"{write_queue(args.folder, every, halves)} stories queued in {args.folder}")
        return 0
    queue = Queue(args.folder)
    if args.command == "claim":
        story = queue.claim(args.args[0])
        print(queue.show(story) if story else "QUEUE EMPTY")
    elif args.command == "show":
        print(queue.show(args.args[0]))
    elif args.command == "want":
        print("\n".join(queue.want(args.args)))
    elif args.command == "cut":
        said = queue.cut(args.args)
        print("\n".join(said))
        return 1 if any("FAILED" in line for line in said) else 0
    else:
        queue.done(*args.args[:2])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
