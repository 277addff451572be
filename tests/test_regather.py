"""The shared queue for gathering the corpus's texts again (``scripts/regather.py``)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys

from conftest import ROOT


def _regather():
    spec = importlib.util.spec_from_file_location("regather", ROOT / "scripts" / "regather.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _report(file: str, url: str, body: str) -> dict:
    words = body.split()
    return {
        "file": file,
        "url": url,
        "language": "en",
        "excerpt": {
            "chars": len(body),
            "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
            "begins": " ".join(words[:3]),
            "ends": " ".join(words[-3:]),
        },
    }


BODIES = {
    "a1.md": "Two leaders met in Geneva on Tuesday for talks.",
    "a2.md": "The presidents held talks in Geneva on Tuesday.",
    "b1.md": "The chancellor flew to Rome on Friday evening.",
    "c1.md": "The prime minister called the president on Monday.",
    "d1.md": "Ministers met in Oslo on Sunday for two hours.",
}


def _stories() -> list[dict]:
    def story(sid, split, files):
        reports = [_report(f, f"https://paper.example/{f[:-3]}/", BODIES[f]) for f in files]
        return {"story": sid, "split": split, "summit": {"name": sid}, "reports": reports}

    return [
        story("devb-one", "dev", ["b1.md"]),
        story("holdout-one", "holdout", ["c1.md"]),
        story("deva-two", "dev", ["a1.md", "a2.md"]),
        story("deva-one", "dev", ["d1.md"]),
        story("fresh-one", "fresh70", ["b1.md"]),
    ]


HALVES = {"devb-one": "devb", "deva-two": "deva", "deva-one": "deva"}


def test_the_queue_takes_fresh_stories_first_then_the_halves_and_holdout_in_turn():
    regather = _regather()
    order = regather.queue_order(_stories(), HALVES)
    assert order == ["fresh-one", "deva-two", "holdout-one", "devb-one", "deva-one"]


def test_two_people_claim_different_stories_and_a_story_with_all_its_texts_is_passed(tmp_path):
    regather = _regather()
    texts, pages = tmp_path / "texts", tmp_path / "pages"
    texts.mkdir()
    pages.mkdir()
    # fresh-one's only text is there already
    (texts / "b1.md").write_text(BODIES["b1.md"], encoding="utf-8")
    regather.write_queue(tmp_path / "q", _stories(), HALVES)
    queue = regather.Queue(tmp_path / "q", texts=texts, pages=pages)
    assert queue.claim("G1") == "deva-two"
    assert queue.claim("G2") == "holdout-one"
    assert "a1.md  [MISSING]" in queue.show("deva-two")


def test_a_page_saved_for_one_report_is_cut_only_when_it_matches_its_fingerprint(tmp_path):
    regather = _regather()
    texts, pages = tmp_path / "texts", tmp_path / "pages"
    pages.mkdir()
    regather.write_queue(tmp_path / "q", _stories(), HALVES)
    queue = regather.Queue(tmp_path / "q", texts=texts, pages=pages)

    # another address form of a report's page is recognised as that report's
    said = queue.want(["http://www.paper.example/a2", "https://elsewhere.example/x"])
    assert said == [
        "http://www.paper.example/a2: a2.md (story deva-two) MISSING -> save it",
        "https://elsewhere.example/x: no report has this address",
    ]
    page = f"Menu Home {BODIES['a2.md']} Share this"
    (pages / "a2.md.json").write_text(
        json.dumps({"url": "https://paper.example/a2/", "excerpt": page})
    )
    assert queue.cut(["a2.md.json"]) == ["a2.md: OK"]
    assert (texts / "a2.md").read_text("utf-8").endswith(BODIES["a2.md"])
    assert queue.want(["https://paper.example/a2/"])[0].endswith("already PRESENT")

    # a page of another version (one word changed) writes nothing and says why
    other = page.replace(BODIES["a2.md"], BODIES["a1.md"].replace("Geneva", "Genf"))
    (pages / "a1.md.json").write_text(
        json.dumps({"url": "https://paper.example/a1/", "excerpt": other})
    )
    [line] = queue.cut(["a1.md"])
    assert line.startswith("a1.md: FAILED: ") and "characters, expected" in line
    assert not (texts / "a1.md").exists()
    assert queue.cut(["d1.md"]) == ["d1.md: no page saved as pages/d1.md.json"]


def test_the_command_writes_a_queue_of_the_corpus_and_shows_its_stories(tmp_path):
    script = ROOT / "scripts" / "regather.py"
    made = subprocess.run(
        [sys.executable, str(script), "queue", str(tmp_path)], capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    assert "stories queued" in made.stdout
    index = json.loads((tmp_path / "index.json").read_text())
    assert len((tmp_path / "queue.txt").read_text().split()) == len(index)
    got = subprocess.run(
        [sys.executable, str(script), "show", str(tmp_path), next(iter(index))],
        capture_output=True,
        text=True,
    )
    assert got.returncode == 0 and got.stdout.startswith("STORY ")
