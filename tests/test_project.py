"""Project rules that a reader of the README or a contributor relies on."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml
from conftest import ROOT, SAMPLES

from summit_timeline.knowledge import load_knowledge
from summit_timeline.table.schema import COLUMN_NAMES


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    listed: set[str] = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            listed.update(_name(d) for d in dep.get("pip", []) if not d.startswith("-"))
        else:
            listed.add(_name(dep))
    listed -= {"python", "pip"}
    assert listed == wanted


def test_readme_documents_every_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in COLUMN_NAMES if f"| `{c}` |" not in readme]
    assert not missing


def test_readme_quick_start_has_the_ci_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash tests/run.sh" in ci
    assert "bash tests/run.sh" in readme


def test_every_language_has_the_same_lexicon_files_and_keys():
    knowledge = load_knowledge(environment=False)
    assert set(knowledge.languages) >= {"de", "en"}
    topics = {lang: knowledge.language(lang).lexicons for lang in knowledge.languages}
    for topic in topics["en"]:
        keys = {lang: set(lexicons[topic]) for lang, lexicons in topics.items()}
        assert len({frozenset(k) for k in keys.values()}) == 1, (topic, keys)


def test_ontology_has_the_seven_types_with_cameo_codes():
    knowledge = load_knowledge(environment=False)
    types = knowledge.types
    for key in (
        "arrival",
        "talks",
        "press_statement",
        "invitation",
        "phone_call",
        "departure",
        "visit",
    ):
        assert key in types
        assert re.fullmatch(r"\d{2,4}", types[key].cameo)
    for lang in knowledge.languages:
        assert set(knowledge.language(lang).lexicon("events")["triggers"]) == set(types)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_package_does_not_know_the_sample_reports():
    grams = set()
    for path in SAMPLES.glob("*.txt"):
        w = _words(path.read_text(encoding="utf-8"))
        grams.update(tuple(w[i : i + 6]) for i in range(len(w) - 5))
    hits = []
    for path in (ROOT / "summit_timeline").rglob("*"):
        if path.suffix not in {".py", ".yaml", ".yml", ".json", ".txt", ".csv", ".toml"}:
            continue
        w = _words(path.read_text(encoding="utf-8", errors="replace"))
        hits.extend(
            f"{path.name}: {' '.join(w[i : i + 6])}"
            for i in range(len(w) - 5)
            if tuple(w[i : i + 6]) in grams
        )
    assert not hits


@pytest.mark.parametrize("lang", ["de", "en"])
def test_lexicon_entries_are_strings(lang):
    lexicons = load_knowledge(environment=False).language(lang).lexicons
    for topic in ("events", "actors", "places"):
        stack = [lexicons[topic]]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, tuple):
                for entry in item:
                    assert isinstance(entry, str | tuple | dict), (topic, entry)
                    if isinstance(entry, tuple | dict):
                        stack.append(entry)


# Entries that only the sample reports use, each kept for a reason a general rule cannot carry
# yet. The list may only shrink: an entry that another report starts to use must leave it.
SAMPLE_ONLY = {
    # "Das nächste Mal in Moskau!": the only invitation of the samples is said this way
    "de/events: nächst* mal in",
    # a page's "more" button pasted as a line of its own
    "en/boilerplate: more",
}


def _other_texts() -> list[str]:
    texts = []
    for path in (ROOT / "tests" / "data").rglob("*"):
        if path.suffix in {".txt", ".md", ".html"} and path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


def test_no_knowledge_entry_serves_only_the_sample_reports():
    """Every lexicon or gazetteer entry the samples use also occurs in another report: one of
    the tests, or a development text of the real-world corpus (``tests/realworld/attested.txt``,
    written by ``scripts/realworld.py attest``: the texts themselves are not in the repository)."""
    from summit_timeline.knowledge.audit import used

    knowledge = load_knowledge(environment=False)
    samples = [p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")]
    in_samples = {str(e) for e in used(samples, knowledge)}
    elsewhere = {str(e) for e in used(_other_texts(), knowledge)}
    attested = ROOT / "tests" / "realworld" / "attested.txt"
    elsewhere |= {
        line.strip()
        for line in attested.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    only_samples = in_samples - elsewhere
    assert only_samples == SAMPLE_ONLY
