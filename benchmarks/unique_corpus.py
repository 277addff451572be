"""Unique report corpora for the benchmarks: the project's reports, varied so no line repeats.

A corpus is a set of *summits*. Each summit takes one story of the project's own reports
(``data/reports/alaska-2025``, ``tests/data/reports/<summit>``, ``tests/data/holdout/<summit>``)
and gives it other leaders (people of the gazetteer), another city (cities named in the
reports), another year and other day and clock numbers, the same for all its reports. Each
report of the story then appears in several outlets' versions: body paragraphs reordered,
sentences of a paragraph reordered, some paragraphs left out, another outlet name and address.
The files keep their form (plain text, front matter, HTML), so loading them costs what loading
such files costs.

A line of a cleaned text that is already in the corpus is replaced (a headline by the start of
another sentence of the report), joined to the next paragraph or dropped, so every line of
every report is unique: no cache keyed by a line or a text can hit, as in an archive of
different outlets. ``write_corpus`` returns how many lines still repeat (0 on every corpus
measured so far).

    python benchmarks/unique_corpus.py --reports 1000 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import random
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Versions of each report of a story in one summit (outlets that carry it).
OUTLETS_PER_SUMMIT = 5
_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"<(p|h1|h2|li)\b[^>]*>(.*?)</\1>", re.S)
_YEAR = re.compile(r"(?<![\w.])(1[89]\d\d|20\d\d)(?![\w])")
_SMALL = re.compile(r"(?<![\w.,:])(1[3-9]|2[0-3])(?![\w])")


@dataclass
class Source:
    """One report file of a story: its raw content, language and cleaned text."""

    path: Path
    raw: str
    language: str
    text: str


@dataclass
class Story:
    """The reports of one summit in the project's data, and the names they use."""

    name: str
    sources: list[Source]
    people: dict[str, list[str]] = field(default_factory=dict)  # canonical -> forms in text
    cities: dict[str, dict[str, str]] = field(default_factory=dict)  # canonical -> lang -> form


def _story_folders() -> list[tuple[str, list[Path]]]:
    folders = [ROOT / "data" / "reports" / "alaska-2025"]
    for split in ("reports", "holdout"):
        folders.extend(sorted(p for p in (ROOT / "tests" / "data" / split).iterdir() if p.is_dir()))
    stories = []
    for folder in folders:
        files = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".html"})
        if folder.name == "alaska-2025":
            files.append(ROOT / "tests" / "data" / "crosslang" / "alaska_en_wire.txt")
        stories.append((folder.name, files))
    return stories


def load_stories() -> tuple[list[Story], dict[str, dict[str, Counter[str]]]]:
    """The project's stories with their people and cities, and every city's forms by language."""
    import summit_timeline as st
    from summit_timeline.knowledge import default_knowledge
    from summit_timeline.mentions.places import find_places

    knowledge = default_knowledge()
    people = knowledge.gazetteer("people")
    forms: dict[str, dict[str, Counter[str]]] = {}
    stories = []
    for name, files in _story_folders():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = st.load_reports(files)
        by_id = {r.report_id: r for r in corpus}
        story = Story(name, [])
        for path in files:
            report = by_id[path.stem]
            raw = path.read_text(encoding="utf-8")
            story.sources.append(Source(path, raw, report.language, report.text))
            lang = knowledge.language(report.language)
            for mention in find_places(report.text, lang):
                if mention.place.kind == "city":
                    canonical = mention.place.name
                    by_lang = forms.setdefault(canonical, {})
                    by_lang.setdefault(report.language, Counter())[mention.text] += 1
                    story.cities.setdefault(canonical, {})[report.language] = mention.text
        everything = "\n".join(s.raw for s in story.sources)
        for canonical, entry in people.items():
            found = [n for n in entry.get("names", [canonical]) if _word(n).search(everything)]
            if found:
                story.people[canonical] = found
        stories.append(story)
    return stories, forms


def _word(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(text)}(?![\w-])")


@dataclass
class Variation:
    """What one summit changes in its story: names, places, years and small numbers."""

    names: dict[str, str]
    year_shift: int
    small_shift: int
    pattern: re.Pattern[str] | None = None

    def apply(self, raw: str) -> str:
        if self.pattern is not None:
            raw = self.pattern.sub(lambda m: self.names[m.group()], raw)
        raw = _YEAR.sub(lambda m: str(int(m.group()) + self.year_shift), raw)
        # days, hours and minutes from 13 to 23 stay days, hours and minutes
        return _SMALL.sub(lambda m: str(13 + (int(m.group()) - 13 + self.small_shift) % 11), raw)


def _variation(
    story: Story, rng: random.Random, forms: dict[str, dict[str, Counter[str]]], lang_of: str
) -> dict[str, str]:
    """Surface form -> replacement, for one language: people to people, cities to cities."""
    from summit_timeline.knowledge import default_knowledge

    people = default_knowledge().gazetteer("people")
    others = sorted(people)
    names: dict[str, str] = {}
    chosen = rng.sample(others, len(story.people))
    for (_, found), target in zip(sorted(story.people.items()), chosen, strict=True):
        entry = people[target].get("names", [target])
        single = next((n for n in entry if " " not in n), target)
        full = next((n for n in entry if " " in n), single)
        for form in found:
            names[form] = full if " " in form else single
    cities = sorted(forms)
    for _, by_lang in sorted(story.cities.items()):
        if lang_of not in by_lang:
            continue
        target = rng.choice(cities)
        counts = forms[target].get(lang_of)
        names[by_lang[lang_of]] = counts.most_common(1)[0][0] if counts else target
    return names


def _split_front(raw: str) -> tuple[str, str]:
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 4)
        if end > 0:
            return raw[: end + 5], raw[end + 5 :]
    return "", raw


def _reorder_text(body: str, rng: random.Random, drop: float, split_sentences) -> str:
    """Body paragraphs (long lines) shuffled in place, sentences of some shuffled, some dropped."""
    lines = body.split("\n")
    slots = [i for i, line in enumerate(lines) if len(line.split()) > 12]
    paragraphs = [lines[i] for i in slots]
    lead, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    rest = [split_sentences(p, rng) for p in rest if rng.random() >= drop]
    kept = lead + rest
    out = []
    for i, line in enumerate(lines):
        if i in slots:
            if kept:
                out.append(kept.pop(0))
            continue
        out.append(line)
    return "\n".join(out)


def _reorder_html(body: str, rng: random.Random, drop: float, split_sentences) -> str:
    """The same for the paragraphs of a page (``<p>`` without a class)."""
    blocks = [m for m in _BLOCK.finditer(body) if m.group(1) == "p" and "class=" not in m.group()]
    if len(blocks) < 2:
        return body
    inner = [m.group(2) for m in blocks]
    lead, rest = inner[:1], inner[1:]
    rng.shuffle(rest)
    rest = [split_sentences(p, rng) if "<" not in p else p for p in rest]
    kept = lead + [p for p in rest if rng.random() >= drop]
    pieces, last = [], 0
    for m in blocks:
        pieces.append(body[last : m.start()])
        if kept:
            pieces.append(f"<p>{kept.pop(0)}</p>")
        last = m.end()
    pieces.append(body[last:])
    return "".join(pieces)


def _sentence_shuffler(language: str):
    from summit_timeline.knowledge import default_knowledge
    from summit_timeline.mentions.sentences import split_sentences

    lang = default_knowledge().language(language)

    def shuffle(paragraph: str, rng: random.Random) -> str:
        sentences = [s.text for s in split_sentences(paragraph, lang)]
        if len(sentences) > 2 and rng.random() < 0.5:
            head, tail = sentences[:1], sentences[1:]
            rng.shuffle(tail)
            sentences = head + tail
        return " ".join(sentences)

    return shuffle


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _repair(raw: str, repeated: set[str], text_lines: list[str], seen: set[str]) -> str:
    """``raw`` without the lines (or page blocks) whose cleaned text is already in the corpus."""
    fresh = [line for line in text_lines if line not in repeated and len(line.split()) > 12]
    starts = [" ".join(line.split()[:9]).rstrip(",;:.") for line in fresh]
    starts = [s for s in starts if s not in seen and s not in text_lines]
    for line in sorted(repeated):  # a fixed order: the same corpus in every process
        replacement = ""
        if len(line.split()) <= 12 and starts:  # a headline: the start of another sentence
            replacement = starts.pop(0)
        escaped = re.escape(line)
        block = re.compile(rf"(<(p|h1|h2|li)\b[^>]*>)\s*{escaped}\s*(</\2>)")
        if block.search(raw):
            raw = block.sub(lambda m, r=replacement: m.group(1) + r + m.group(3) if r else "", raw)
            continue
        raw = re.sub(rf"(?m)^[ \t]*{escaped}[ \t]*$", replacement, raw)
    return raw


def _repaired(raw: str, report_id: str, seen: set[str]) -> tuple[str, list[str]]:
    """``raw`` with its repeated lines repaired, and its cleaned lines ([] if none is left)."""
    from summit_timeline.reading.load import parse_report

    for attempt in range(4):
        try:
            lines = _lines(parse_report(raw, report_id=report_id).text)
        except ValueError:  # no text left
            return raw, []
        twice = {line for line, n in Counter(lines).items() if n > 1}
        repeated = {line for line in lines if line in seen} | twice
        if not repeated:
            return raw, lines
        if attempt < 3:
            raw = _repair(raw, repeated, lines, seen)
    return raw, []


def generate(count: int, seed: int = 7) -> Iterator[tuple[str, str, str]]:
    """``(relative path, raw content, language)`` of ``count`` varied reports."""
    stories, forms = load_stories()
    rng = random.Random(seed)
    seen: set[str] = set()
    shufflers = {lang: _sentence_shuffler(lang) for lang in ("de", "en")}
    made, summit = 0, 0
    while made < count:
        story = stories[summit % len(stories)]
        year_shift = rng.randint(-25, 8)
        small_shift = rng.randint(1, 10)
        variations = {
            lang: Variation(_variation(story, rng, forms, lang), year_shift, small_shift)
            for lang in ("de", "en")
        }
        for v in variations.values():
            if v.names:
                alternatives = sorted(v.names, key=len, reverse=True)
                v.pattern = re.compile(
                    r"(?<![\w-])(?:" + "|".join(map(re.escape, alternatives)) + r")(?=s?(?![\w-]))"
                )
        for outlet in range(OUTLETS_PER_SUMMIT):
            for source in story.sources:
                if made >= count:
                    return
                variation = variations.get(source.language, variations["en"])
                front, body = _split_front(variation.apply(source.raw))
                drop = 0.0 if outlet == 0 else 0.25
                shuffle = shufflers.get(source.language, shufflers["en"])
                if source.path.suffix == ".html":
                    body = _reorder_html(body, rng, drop, shuffle)
                else:
                    body = _reorder_text(body, rng, drop, shuffle)
                front = re.sub(r"(?m)^(url: .+)$", rf"\1-{summit}-{outlet}", front)
                front = re.sub(r"(?m)^(outlet: )(.+)$", rf"\1\2 {outlet + 1}", front)
                raw = front + body
                report_id = f"{source.path.stem}-s{summit}-o{outlet}"
                raw, lines = _repaired(raw, report_id, seen)
                if not lines:
                    continue  # every line already in the corpus: this outlet leaves it out
                seen.update(lines)
                folder = f"{story.name}-{summit}"
                yield f"{folder}/{report_id}{source.path.suffix}", raw, source.language
                made += 1
        summit += 1


def write_corpus(folder: Path, count: int, seed: int = 7) -> tuple[int, int]:
    """Write ``count`` varied reports under ``folder``; returns (reports, repeated lines)."""
    import summit_timeline as st

    written = 0
    for relative, raw, _ in generate(count, seed):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(raw, encoding="utf-8")
        written += 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = st.load_reports(folder)
    return written, repeated_lines(corpus)


def repeated_lines(corpus) -> int:
    """How many lines of the cleaned texts occur more than once in the corpus."""
    counts = Counter(line for report in corpus for line in _lines(report.text))
    return sum(n - 1 for n in counts.values() if n > 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="folder to write (created)")
    args = parser.parse_args()
    written, repeats = write_corpus(args.out, args.reports, args.seed)
    print(f"{written} reports written to {args.out}; repeated lines: {repeats}")


if __name__ == "__main__":
    main()
