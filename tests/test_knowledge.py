"""Tests of summit_timeline.knowledge: one validated, immutable knowledge object, and a user's
folder of additions taking effect in a running process."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

import summit_timeline as st
from summit_timeline import compare
from summit_timeline.knowledge import KnowledgeError, load_knowledge
from summit_timeline.knowledge.loader import packaged_root

PACKAGE = Path(st.__file__).parent


def _write(folder: Path, relative: str, text: str) -> None:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def packaged():
    return load_knowledge(environment=False)


# --------------------------------------------------------------------------- the object


def test_packaged_knowledge_has_languages_types_and_gazetteers(packaged) -> None:
    assert set(packaged.languages) >= {"de", "en"}
    assert packaged.types["talks"].order < packaged.types["departure"].order
    assert packaged.gazetteer("people")["Putin"]["country"] == "RU"
    assert "Januar" in packaged.language("de").time["months"][1]


def test_knowledge_is_immutable(packaged) -> None:
    with pytest.raises(TypeError, match="immutable"):
        packaged.gazetteer("people")["Nobody"] = {"country": "XX"}
    with pytest.raises(AttributeError):
        packaged.types["talks"].label = "Meeting"  # type: ignore[misc]
    assert isinstance(packaged.language("en").lexicon("events")["triggers"]["talks"], tuple)


def test_unknown_language_lists_the_supported_ones(packaged) -> None:
    with pytest.raises(KnowledgeError, match=r"no lexicons for language 'fr'.*'de', 'en'"):
        packaged.language("fr")


def test_compiled_patterns_live_on_the_object(packaged) -> None:
    calls: list[str] = []

    def build(lang):
        calls.append(lang.code)
        return object()

    de = packaged.language("de")
    assert de.compiled(build) is de.compiled(build)
    assert calls == ["de"]
    assert load_knowledge(environment=False).language("de").compiled(build) is not de.compiled(
        build
    )


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("relative", "content", "message"),
    [
        (
            "lexicons/de/events.yaml",
            "trigers:\n  talks: [tagten]\n",
            r"lexicons/de/events\.yaml: unknown key 'trigers'; expected one of .*triggers",
        ),
        (
            "lexicons/en/events.yaml",
            "status:\n  canceled: [scrapped]\n",
            r"lexicons/en/events\.yaml: unknown key 'status\.canceled'; expected one of "
            r".*cancelled",
        ),
        (
            "lexicons/en/events.yaml",
            "triggers:\n  talks: conferred\n",
            r"lexicons/en/events\.yaml: key 'triggers\.talks': expected a list of a string",
        ),
        (
            "gazetteers/people.yaml",
            "Example: {country: XX, name: [Ann Example]}\n",
            r"gazetteers/people\.yaml: unknown key 'Example\.name'",
        ),
        (
            "lexicons/de/time.yaml",
            "zones:\n  Mondzeit: Moon/Crater\n",
            r"lexicons/de/time\.yaml: key 'zones\.Mondzeit': expected an IANA time zone",
        ),
        (
            "ontology.yaml",
            "types:\n  talks:\n    per_persn: true\n",
            r"ontology\.yaml: unknown key 'types\.talks\.per_persn'",
        ),
        (
            "ontology.yaml",
            "types:\n  talks:\n    default_status: happened\n",
            r"ontology\.yaml: key 'types\.talks\.default_status': expected one of 'occurred'",
        ),
        (
            "lexicons/de/events.yaml",
            "triggers:\n  summit_dinner: [Gala]\n",
            r"triggers for unknown event type 'summit_dinner'",
        ),
        (
            "lexicons/de/places.yaml",
            "prepositions: [in\n",
            r"lexicons/de/places\.yaml: not valid YAML",
        ),
    ],
)
def test_a_bad_file_is_refused_naming_file_key_and_expectation(
    tmp_path: Path, relative: str, content: str, message: str
) -> None:
    _write(tmp_path, relative, content)
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(tmp_path, environment=False)


def test_a_new_type_without_triggers_in_every_language_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "ontology.yaml", "types:\n  gift_exchange: {label: Gifts, order: 30}\n")
    _write(tmp_path, "lexicons/de/events.yaml", "triggers:\n  gift_exchange: [Gastgeschenk*]\n")
    with pytest.raises(KnowledgeError, match=r"lexicons/en/events.yaml: no triggers .*gift"):
        load_knowledge(tmp_path, environment=False)


def test_a_new_language_needs_every_topic(tmp_path: Path) -> None:
    _write(tmp_path, "lexicons/fr/events.yaml", "triggers: {}\n")
    with pytest.raises(KnowledgeError, match=r"lexicons/fr/\w+\.yaml not found"):
        load_knowledge(tmp_path, environment=False)


def test_an_additions_folder_that_is_missing_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"nowhere: not a folder"):
        load_knowledge(tmp_path / "nowhere", environment=False)


# --------------------------------------------------------------------------- additions


_ADDITIONS = {
    "gazetteers/people.yaml": "Beispiel: {country: DE, names: [Erika Beispiel, Beispiel]}\n",
    "lexicons/de/events.yaml": (
        "triggers:\n  talks: [tagten]\n  gift_exchange: [tauschten ... Geschenke aus]\n"
    ),
    "lexicons/en/events.yaml": (
        "triggers:\n  talks: [conferred]\n  gift_exchange: [exchanged gifts]\n"
    ),
    "ontology.yaml": (
        "types:\n  gift_exchange:\n    label: Gift exchange\n    order: 35\n"
        "    at_venue: true\n    instant: true\n"
    ),
}

_REPORTS = {
    "tagesbote.md": (
        "---\noutlet: Tagesbote\npublished: 2026-03-02 18:00\nlanguage: de\n---\n"
        "Kanzlerin und Präsident in Bern\n\n"
        "Bundeskanzlerin Erika Beispiel und US-Präsident Donald Trump tagten am Montag "
        "in Bern drei Stunden lang.\n\n"
        "Zum Abschluss tauschten Beispiel und Trump im Bundeshaus Geschenke aus.\n"
    ),
    "courier.md": (
        "---\noutlet: Courier\npublished: 2026-03-02 19:30\nlanguage: en\n---\n"
        "Chancellor and President in Bern\n\n"
        "Chancellor Erika Beispiel and President Donald Trump conferred for about three hours "
        "in Bern on Monday.\n\n"
        "Afterwards Beispiel and Trump exchanged gifts.\n"
    ),
}


@pytest.fixture(scope="module")
def additions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("knowledge")
    words, reports = root / "my_words", root / "reports"
    for relative, text in _ADDITIONS.items():
        _write(words, relative, text)
    for name, text in _REPORTS.items():
        _write(reports, name, text)
    return words, reports


def test_additions_take_effect_in_the_same_process(additions: tuple[Path, Path]) -> None:
    words, reports = additions
    corpus = st.load_reports(reports)
    before = st.extract_events(corpus)
    assert "gift_exchange" not in set(before.event_type)
    assert not any("Beispiel" in actors for actors in before.actors)
    assert "talks" not in set(before.event_type)  # "tagten"/"conferred" are not packaged words

    mine = st.load_knowledge(words)
    table = st.extract_events(corpus, knowledge=mine)
    talks = table[table.event_type == "talks"]
    assert set(talks.outlet) == {"Tagesbote", "Courier"}  # the added trigger, both languages
    assert talks.event_id.nunique() == 1
    assert all({"Beispiel", "Trump"} <= set(a) for a in talks.actors)  # the added person
    assert set(talks.duration_min) == {180.0}
    gifts = table[table.event_type == "gift_exchange"]  # the added type
    assert set(gifts.outlet) == {"Tagesbote", "Courier"}
    assert gifts.event_id.nunique() == 1
    assert set(gifts.place) == {"Bern"}  # at_venue: the talks' place
    assert all(label.startswith("Gift exchange") for label in gifts.label)

    # the packaged knowledge in the same process is untouched
    assert "gift_exchange" not in set(st.extract_events(corpus).event_type)


def test_a_new_type_shows_in_the_timeline_and_the_comparisons(
    additions: tuple[Path, Path],
) -> None:
    words, reports = additions
    mine = st.load_knowledge(words)
    table = st.extract_events(st.load_reports(reports), knowledge=mine)
    figure = st.timeline_figure(table)
    hover = " ".join(str(t.hovertext or t.hovertemplate or "") for t in figure.data)
    assert "Gift exchange" in hover or "gift" in " ".join(figure.layout.yaxis.ticktext or ())
    covered = st.coverage(table)
    gift_rows = [i for i in covered.index if "gift" in str(i).lower()]
    assert gift_rows and covered.loc[gift_rows[0]].astype(bool).sum() == 2
    found = compare.discrepancies(table)
    assert not found.empty


# --------------------------------------------------------------------------- words live in data


def _string_parts(node: ast.AST):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        for value in node.values:
            if isinstance(value, ast.Constant):
                yield value.value
    elif isinstance(node, ast.BinOp):
        yield from _string_parts(node.left)
        yield from _string_parts(node.right)


#: Group names, escapes (\\w, \\u00ad, \\x7f), ranges (a-z) and hexadecimal digits in a class.
_NOT_WORDS = re.compile(
    r"\(\?P<\w+>|\(\?P=\w+\)|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\[a-zA-Z]|\w-\w|\[xX\]"
)
_REGEX_CALLS = {"compile", "search", "match", "fullmatch", "sub", "findall", "finditer", "split"}
#: Letters that regular expressions of markup and URLs may hold: tag and attribute names.
_MARKUP = {
    "https", "script", "style", "noscript", "template", "svg", "meta", "time", "datetime",
    "datePublished", "html", "lang", "body", "title", "src",
}  # fmt: skip


def test_no_word_of_a_natural_language_in_the_package_patterns() -> None:
    """Regular expressions in .py files match punctuation, digits and classes, never words."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            if not (
                isinstance(node, ast.Call)
                and getattr(func, "attr", None) in _REGEX_CALLS
                and getattr(getattr(func, "value", None), "id", None) == "re"
                and node.args
            ):
                continue
            for text in _string_parts(node.args[0]):
                bare = re.sub(_NOT_WORDS, " ", text)
                words = set(re.findall(r"[^\W\d_]{2,}", bare)) - _MARKUP
                if words:
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {sorted(words)}")
    assert not found


def test_no_event_type_name_in_package_logic() -> None:
    types = set(yaml.safe_load((packaged_root() / "ontology.yaml").read_text())["types"])
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value in types
            ):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}")
    assert not found
