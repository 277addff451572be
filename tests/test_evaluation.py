"""Event F1 on our own annotated reports (tests/data/README.md): printed, and held to a floor."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import DATA

import summit_timeline as st
from summit_timeline.evaluation import load_annotations, score_table


def _score(folder: str, prefix: str):
    corpus = st.load_reports(DATA / folder)
    assert not corpus.errors
    table = st.extract_events(corpus)
    annotations = load_annotations(sorted((DATA / "expected").glob(f"{prefix}-*.yaml")))
    return score_table(table, annotations)


def test_development_set_event_f1(capsys):
    score = _score("reports", "dev")
    with capsys.disabled():
        print(f"\n[development set: 16 reports, 4 summits, de+en]\n{score.summary()}")
    assert score.f1 >= 0.9


def test_holdout_set_event_f1(capsys):
    """Scored like unseen reports: never tuned on. The floor only catches regressions."""
    score = _score("holdout", "holdout")
    with capsys.disabled():
        print(f"\n[holdout set: 8 reports, 4 other summits, de+en]\n{score.summary()}")
    assert score.f1 >= 0.7


def _row(**fields: object) -> dict:
    """A table row with the columns the scorer reads: a talk that took place, else ``fields``."""
    return {
        "report_id": "r",
        "event_id": "e",
        "event_type": "talks",
        "status": "occurred",
        "actors": [],
        "sentence": "x",
        "evidence": [],
        "quotes": [],
        "place": None,
        "date": None,
        "start": None,
        "duration_min": None,
        "duration_hedge": None,
        "planned_duration_min": None,
        **fields,
    }


@pytest.mark.parametrize(
    ("gold", "found", "expected_f1"),
    [
        ([("talks", "occurred")], [("talks", "occurred")], 1.0),
        ([("talks", "occurred")], [("talks", "cancelled")], 0.0),
        ([("talks", "occurred"), ("arrival", "occurred")], [("talks", "occurred")], 2 / 3),
    ],
)
def test_scorer_counts_type_and_status(gold, found, expected_f1):
    import pandas as pd

    table = pd.DataFrame(
        [_row(event_id=f"e{i}", event_type=t, status=s) for i, (t, s) in enumerate(found)]
    )
    annotations = [{"report_id": "r", "events": [{"type": t, "status": s} for t, s in gold]}]
    assert score_table(table, annotations).f1 == pytest.approx(expected_f1)


def test_rows_of_one_sentence_are_matched_by_their_place():
    """Two meetings told in one sentence share its evidence and actors: each gold event is
    matched with the row at its place, whatever order the rows come in."""
    import pandas as pd

    sentence = "They met in Oslo in May and in Bern in June."
    row = _row(actors=["A", "B"], sentence=sentence, evidence=[{"sentence": sentence}])
    table = pd.DataFrame(
        [{**row, "event_id": "e1", "place": "Bern"}, {**row, "event_id": "e2", "place": "Oslo"}]
    )
    gold = {"type": "talks", "status": "occurred", "actors": ["A", "B"], "evidence": sentence}
    annotations = [
        {"report_id": "r", "events": [{**gold, "place": "Oslo"}, {**gold, "place": "Bern"}]}
    ]
    assert score_table(table, annotations).attribute_accuracy()["place"] == 1.0


@pytest.mark.parametrize(
    ("annotated", "found", "right"),
    [
        ("New York", "New York City", True),  # the city, as geonames names it
        ("Brasilia", "Brasília", True),
        ("New Delhi", "Delhi", False),  # a place in another, not the same place
        ("Moscow", None, False),
    ],
)
def test_a_place_is_right_under_any_of_its_names(annotated, found, right):
    import pandas as pd

    table = pd.DataFrame([_row(place=found)])
    gold = {"type": "talks", "status": "occurred", "place": annotated}
    annotations = [{"report_id": "r", "events": [gold]}]
    assert score_table(table, annotations).attribute_accuracy()["place"] == float(right)


def test_a_wrong_value_is_listed_with_the_sentence_it_stands_on():
    import pandas as pd

    sentence = "They met in Bern on Monday."
    table = pd.DataFrame([_row(place="Bern", sentence=sentence)])
    annotations = [
        {"report_id": "r", "events": [{"type": "talks", "status": "occurred", "place": "Oslo"}]}
    ]
    assert score_table(table, annotations).wrong == [
        f"r: talks/occurred place: expected 'Oslo' got 'Bern' «{sentence}»"
    ]


def test_a_recalled_event_is_scored_by_its_id_in_its_own_story():
    """Report "b" recalls the Bali talks that report "a" tells; b's file names them
    "bali-talks" and links them to "talks-main" of their own story (``same_as``): one event
    found once is one pair right, found twice is one pair missed."""
    import pandas as pd

    row = _row(actors=["A", "B"])
    gold = {"type": "talks", "status": "occurred"}
    annotations = [
        {"report_id": "a", "story": "bali", "events": [{**gold, "event": "talks-main"}]},
        {
            "report_id": "b",
            "story": "woodside",
            "events": [{**gold, "event": "bali-talks", "story": "bali", "same_as": "talks-main"}],
        },
    ]
    for ids, pairs in ((("e1", "e1"), {"tp": 1, "fp": 0, "fn": 0}), (("e1", "e2"), {"fn": 1})):
        table = pd.DataFrame(
            [{**row, "report_id": r, "event_id": e} for r, e in zip("ab", ids, strict=True)]
        )
        counts = score_table(table, annotations).alignment_pairs
        assert {k: counts[k] for k in pairs} == pairs


def test_every_link_to_another_storys_event_names_one_of_its_own_file():
    realworld = _realworld()
    assert realworld._same_as_problems(realworld.stories()) == []


def test_an_event_told_without_its_day_takes_the_day_other_reports_of_its_story_give():
    realworld = _realworld()
    assert realworld._undated_problems(realworld.stories()) == []
    event = {"event": "talks-main", "type": "talks", "status": "occurred"}
    story = {
        "story": "s",
        "reports": [
            {"file": "a.md", "events": [{**event, "date": dt.date(2019, 2, 27)}]},
            {"file": "b.md", "events": [{**event, "date": None}]},
            {"file": "c.md", "events": [{**event, "status": "announced", "date": None}]},
        ],
    }
    assert realworld._undated_problems([story]) == [
        "b.md: talks-main: date null, the other reports give 2019-02-27"
    ]
    # two days given: the event's day is not settled, null stays
    story["reports"].append({"file": "d.md", "events": [{**event, "date": dt.date(2019, 2, 28)}]})
    assert realworld._undated_problems([story]) == []


def test_the_development_split_falls_in_two_halves_that_keep_a_summits_stories_together():
    realworld = _realworld()
    a, b = (realworld.half(name) for name in realworld.HALVES)
    ids = {name: {s["_path"].stem for s in part} for name, part in zip("ab", (a, b), strict=True)}
    assert ids["a"] and ids["b"] and not ids["a"] & ids["b"]
    assert ids["a"] | ids["b"] == {s["_path"].stem for s in realworld.stories("dev")}
    # the stories of one summit's days (one year and month) stand in one half
    month = {realworld._month(i): side for side in "ab" for i in ids[side]}
    assert all(month[realworld._month(i)] == side for side in "ab" for i in ids[side])
    assert abs(len(a) - len(b)) < len(a) / 4


def test_a_story_file_that_holds_no_story_is_named_and_left_out(tmp_path, capsys):
    realworld = _realworld()
    (tmp_path / "expected").mkdir()
    (tmp_path / "expected" / "a-summit.yaml").write_text("story: a-summit\nsplit: dev\n")
    (tmp_path / "expected" / "being-written.yaml").write_text("# claimed, in progress\n")
    realworld.CORPUS = tmp_path
    assert [s["story"] for s in realworld.stories()] == ["a-summit"]
    assert "being-written.yaml: holds no story" in capsys.readouterr().err


def _realworld():
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("realworld", ROOT / "scripts" / "realworld.py")
    realworld = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(realworld)
    return realworld


def test_a_stored_page_copied_as_the_search_tools_json_answer_is_cut_and_checked(tmp_path):
    import hashlib
    import json

    realworld = _realworld()
    excerpt = "Two leaders met “at last”\nin Geneva on Tuesday."
    report = {
        "file": "geneva-paper-en.md",
        "url": "https://www.paper.example/geneva/",
        "excerpt": {
            "chars": len(excerpt),
            "sha256": hashlib.sha256(excerpt.encode("utf-8")).hexdigest(),
            "begins": "Two leaders met",
            "ends": "on Tuesday.",
        },
    }
    page = f" date 2021-06-16 Menu Home {excerpt} Share this"
    answer = tmp_path / "geneva-paper-en.md.json"
    answer.write_text(json.dumps({"url": "http://paper.example/geneva", "excerpt": page}))
    text = realworld._from_page(report, realworld._stored_page(report, tmp_path))
    assert realworld._fingerprint_ok(report, text) is None
    assert "published: 2021-06-16" in text

    answer.write_text(json.dumps({"url": "https://other.example/geneva", "excerpt": page}))
    with pytest.raises(ValueError, match=r"other\.example"):
        realworld._stored_page(report, tmp_path)
    answer.write_text("{not json")
    with pytest.raises(ValueError, match=r"geneva-paper-en\.md\.json: not JSON"):
        realworld._stored_page(report, tmp_path)
    assert realworld._stored_page({**report, "file": "absent.md"}, tmp_path) is None


def test_a_text_that_differs_from_its_fingerprint_is_never_written_nor_scored(tmp_path, capsys):
    import hashlib
    import json

    realworld = _realworld()

    def report(name, excerpt):
        digest = hashlib.sha256(excerpt.encode("utf-8")).hexdigest()
        return {
            "file": name,
            "url": f"https://paper.example/{name}",
            "excerpt": {"chars": len(excerpt), "sha256": digest, "begins": "The", "ends": "Oslo."},
        }

    kept = report("kept.md", "The ministers met in Oslo.")
    other = report("other.md", "The ministers met again in Oslo.")
    lost = report("lost.md", "The leaders spoke in Oslo.")
    realworld.stories = lambda split=None: [{"story": "oslo", "reports": [kept, other, lost]}]
    realworld.TEXTS = tmp_path / "texts"
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, page in (
        ("kept.md", "The ministers met in Oslo."),
        ("other.md", "The ministers met in Oslo."),
    ):
        (pages / f"{name}.json").write_text(
            json.dumps({"url": f"https://paper.example/{name}", "excerpt": page})
        )
    assert realworld.gather(None, pages) == 1
    said = capsys.readouterr().err
    assert "other.md: " in said and "(not written)" in said and "kept.md" not in said
    assert sorted(p.name for p in realworld.TEXTS.iterdir()) == ["kept.md"]

    (realworld.TEXTS / "other.md").write_text("The ministers met in Oslo.", encoding="utf-8")
    usable, left_out = realworld._texts_of([kept, other, lost])
    assert [p.name for p in usable] == ["kept.md"]
    assert left_out["lost.md"] == "missing"
    assert left_out["other.md"] != "missing"
