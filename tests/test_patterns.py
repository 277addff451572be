"""The compiled words of reading (``reading/patterns.py``): built from the knowledge object it is
given, kept on it, and the same in every run."""

from __future__ import annotations

import pytest
from reading_cases import BODY, HEADLINE, MORE

from summit_timeline.knowledge import default_knowledge, load_knowledge
from summit_timeline.reading.load import language_timezones, parse_report
from summit_timeline.reading.patterns import build_patterns, patterns_for


@pytest.fixture(scope="module")
def knowledge():
    return default_knowledge()


def test_patterns_are_kept_on_their_knowledge_object(knowledge) -> None:
    assert patterns_for(knowledge) is patterns_for(knowledge)
    other = load_knowledge(environment=False)
    assert patterns_for(other) is not patterns_for(knowledge)


def test_patterns_are_the_same_in_every_build(knowledge) -> None:
    one, two = build_patterns(knowledge), build_patterns(knowledge)
    for name in ("agency", "label", "date", "time", "zone", "credit_split", "weekday"):
        assert getattr(one, name).pattern == getattr(two, name).pattern, name


def test_patterns_cannot_be_changed(knowledge) -> None:
    p = patterns_for(knowledge)
    with pytest.raises(TypeError):
        p.zones["XT"] = "Europe/Berlin"  # type: ignore[index]
    with pytest.raises(TypeError):
        p.timezones["en"] = "Asia/Tokyo"  # type: ignore[index]


@pytest.mark.parametrize(
    ("lang", "name", "number"),
    [
        ("de", "März", 3),
        ("de", "Jänner", 1),
        ("de", "Okt.", 10),
        ("en", "Sept.", 9),
        ("en", "sept", 9),  # case and the dot do not matter
        ("en", "Mayday", None),
    ],
)
def test_month_number(knowledge, lang: str, name: str, number: int | None) -> None:
    assert patterns_for(knowledge).month_number(name) == number


@pytest.mark.parametrize(
    ("lang", "line", "label"),
    [
        ("en", "Last modified on Mon 16 Jul 2018", "Last modified on"),  # the longest label
        ("en", "Published: 16 July 2018", "Published:"),
        ("de", "Veröffentlicht am 12. Juni 2018", "Veröffentlicht am"),
        ("de", "Zuletzt aktualisiert am 16.07.2018", "Zuletzt aktualisiert am"),
    ],
)
def test_longest_label_is_read(knowledge, lang: str, line: str, label: str) -> None:
    m = patterns_for(knowledge).label.match(line)
    assert m is not None
    assert m.group().strip() == label


@pytest.mark.parametrize(
    ("file", "content", "line"),
    [
        ("lexicons/en/boilerplate.yaml", "chrome_lines: [Zap this banner]\n", "Zap this banner"),
        ("lexicons/de/boilerplate.yaml", "chrome_prefixes: [Schlagzeilen]\n", "Schlagzeilen: A, B"),
        ("gazetteers/agencies.yaml", "agencies: [Zeta Pictures]\n", "Jane Doe / Zeta Pictures"),
    ],
)
def test_words_of_a_given_knowledge_are_used(tmp_path, file: str, content: str, line: str) -> None:
    """Knowledge is passed, not fetched: a user's words take effect in that call only."""
    path = tmp_path / file
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    mine = load_knowledge(tmp_path, environment=False)
    raw = f"{HEADLINE['en']}\n\n{BODY['en']}\n{line}\n{MORE['en']}\n"
    assert line not in parse_report(raw, report_id="x", knowledge=mine).text
    assert line in parse_report(raw, report_id="x").text


def test_language_timezones_of_a_given_knowledge(tmp_path) -> None:
    path = tmp_path / "lexicons" / "en" / "metadata.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("default_timezone: America/New_York\n", encoding="utf-8")
    mine = load_knowledge(tmp_path, environment=False)
    assert language_timezones(mine)["en"] == "America/New_York"
    assert language_timezones()["en"] == "UTC"
