"""Who a report says spoke first: a first-speaker cue next to a speech verb, in the evidence or
in the report text up to the next event's evidence."""

from __future__ import annotations

import pandas as pd
import pytest

from summit_timeline.compare.first_speaker import speaking_first
from summit_timeline.reading.corpus import Report


def _mention(sentence: str, language: str, actors: list[str], **values: object) -> pd.Series:
    row = {
        "report_id": "r1",
        "event_id": "press",
        "language": language,
        "sentence": sentence,
        "char_start": 0,
        "char_end": len(sentence),
        "evidence": [{"sentence": sentence, "char_start": 0, "char_end": len(sentence)}],
        "actors": actors,
        **values,
    }
    return pd.Series(row)


@pytest.mark.parametrize(
    ("lang", "sentence", "actors", "expected"),
    [
        ("de", "Zuerst sprach Putin, dann Trump.", ["Trump", "Putin"], "Putin"),
        ("de", "Als Erster sprach Trump.", ["Putin", "Trump"], "Trump"),
        ("en", "Putin spoke first, then Trump.", ["Trump", "Putin"], "Putin"),
        # no actor named in the sentence: the mention's first actor
        ("en", "First the leaders said they were pleased.", ["Trump", "Putin"], "Trump"),
        ("en", "Trump spoke at length.", ["Trump", "Putin"], None),
        ("en", "Putin arrived first.", ["Putin"], None),  # a cue without a speech verb
        ("fr", "Putin a parlé en premier.", ["Putin"], None),  # no lexicons for French
    ],
)
def test_speaking_first_in_the_evidence(
    lang: str, sentence: str, actors: list[str], expected: str | None
) -> None:
    found = speaking_first(_mention(sentence, lang, actors))
    assert (found[0] if found else None) == expected
    if found:
        assert found[1] == (sentence, 0, len(sentence))


def test_speaking_first_in_the_report_text_up_to_the_next_event() -> None:
    text = (
        "The leaders met the press at noon. Putin spoke first. "
        "Later Trump left for Washington. Trump spoke first at the airport."
    )
    report = Report(report_id="r1", text=text, language="en", outlet="Wire")
    press = _mention("The leaders met the press at noon.", "en", ["Trump", "Putin"])
    departure_at = text.index("Later")
    table = pd.DataFrame(
        [
            {**press.to_dict()},
            {
                "report_id": "r1",
                "event_id": "departure",
                "char_start": departure_at,
                "evidence": [{"sentence": "Later", "char_start": departure_at}],
            },
        ]
    )
    assert speaking_first(press) is None  # not in the evidence sentence itself
    who, (sentence, start, end) = speaking_first(press, report=report, table=table)
    assert who == "Putin" and sentence == "Putin spoke first." == text[start:end]
