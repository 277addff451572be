"""What one source says about one event: each attribute as compared, as shown, and its sentence."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from tables import frame, mention

from summit_timeline.compare.attributes import source_attributes
from summit_timeline.knowledge import default_knowledge

SENTENCE = "The talks in Geneva lasted about 85 minutes, longer than the planned 60."


def _attributes(*rows: dict) -> dict:
    table = frame(
        [
            mention(
                **{
                    "event_id": "talks",
                    "mention_id": f"m{i}",
                    "report_id": "r1",
                    "outlet": "Wire",
                    "language": "en",
                    "event_type": "talks",
                    "status": "occurred",
                    "label": "Talks",
                    "sentence": SENTENCE,
                    **row,
                }
            )
            for i, row in enumerate(rows)
        ]
    )
    return source_attributes(table, corpus=None, table=table, knowledge=default_knowledge())


def _shown(found: dict) -> dict:
    return {key: text for key, (_, text, _) in found.items()}


# (the row's values, the attribute, the text shown; None: the attribute is not given)
CASES = [
    ({"duration_min": 85.0, "duration_hedge": "about"}, "duration", "about 85 min (1 h 25 min)"),
    ({"planned_duration_min": 60.0}, "planned_duration", "60 min (1 h)"),
    ({"place": "Geneva"}, "place", "Geneva"),
    ({"place": "  "}, "place", None),
    ({"date": date(2021, 6, 16), "date_source": "stated"}, "date", "2021-06-16"),
    ({"date": date(2021, 6, 16), "date_source": "relative"}, "date", "2021-06-16 (relative)"),
    # a date from the publication time or another report is not the outlet's
    ({"date": date(2021, 6, 16), "date_source": "publication"}, "date", None),
    (
        {
            "start": pd.Timestamp("2021-06-16 11:40", tz="UTC"),
            "end": pd.Timestamp("2021-06-16 13:05", tz="UTC"),
            "time_precision": "minute",
            "timezone": "Europe/Zurich",
        },
        "time",
        "13:40–15:05 (Europe/Zurich)",
    ),
    (
        {"start": pd.Timestamp("2021-06-16 00:00", tz="UTC"), "time_precision": "day"},
        "time",
        None,
    ),
    ({"status": "cancelled"}, "status", "cancelled"),
]


@pytest.mark.parametrize(("values", "attribute", "shown"), CASES)
def test_attribute_as_shown(values: dict, attribute: str, shown: str | None) -> None:
    assert _shown(_attributes(values)).get((attribute, "")) == shown


def test_duration_is_compared_with_its_hedge_and_found_in_its_sentence() -> None:
    found = _attributes({"duration_min": 85.0, "duration_hedge": "About"})
    compared, _, (sentence, start, end) = found[("duration", "")]
    assert compared == (85.0, "about")
    assert sentence == SENTENCE and (start, end) == (0, len(SENTENCE))


def test_the_same_instant_in_two_zones_compares_equal() -> None:
    moment = {"time_precision": "minute", "timezone": "Europe/Zurich"}
    utc = _attributes({**moment, "start": pd.Timestamp("2021-06-16 11:40", tz="UTC")})
    local = _attributes({**moment, "start": pd.Timestamp("2021-06-16 13:40", tz="Europe/Zurich")})
    assert utc[("time", "")][0] == local[("time", "")][0]
    assert utc[("time", "")][1] == local[("time", "")][1] == "13:40 (Europe/Zurich)"


def test_actors_and_quotes_of_several_mentions() -> None:
    found = _attributes(
        {"actors": ["Trump", "Putin"], "quotes": [{"speaker": "Trump", "text": "Great."}]},
        {
            "actors": ["Putin", "Lavrov"],
            "quotes": [{"speaker": None, "text": "Fine."}, {"speaker": "Trump", "text": "Good."}],
        },
    )
    shown = _shown(found)
    assert [k[1] for k in shown if k[0] == "actor"] == ["Trump", "Putin", "Lavrov"]
    assert shown[("quote", "Trump")] == "Great. … Good."
    assert shown[("quote", "unattributed")] == "Fine."
    assert found[("quote", "Trump")][0] == ("good", "great")  # compared without case or marks
