"""The handout's tables in plain words: what a source does not say is said in words, and the
reports are listed as the comparisons name them."""

from __future__ import annotations

import pandas as pd
from tables import stories_table

from summit_timeline import compare
from summit_timeline.compare.differences import NOT_GIVEN, NOT_REPORTED


def test_the_summary_says_not_given_and_not_reported_in_words() -> None:
    """As the hover texts and the exported page say it; an outlet of another story: ''."""
    summary = compare.discrepancy_summary(compare.discrepancies(stories_table()))
    alaska = summary[summary["story_id"] == "alaska-2025"]
    cancelled = alaska[alaska["attribute"] == "reported_by"].iloc[0]
    assert [cancelled["Alpenblatt"], cancelled["Seeblick Zeitung"]] == ["reported", NOT_REPORTED]
    planned = alaska[alaska["attribute"] == "planned_duration"].iloc[0]
    assert planned["Seeblick Zeitung"] == NOT_GIVEN
    assert set(alaska["Xenia Wire"]) == {""}, "an outlet of another story has nothing to say"
    assert not summary.isna().any().any()


def test_the_reports_are_listed_as_the_comparisons_name_them(sample_corpus) -> None:
    reports = compare.source_table(sample_corpus)
    assert list(reports.columns) == list(compare.SOURCE_COLUMNS)
    assert list(reports["outlet"]) == ["Sample report 1", "Sample report 2"]
    # a publication time as far as it is known: the second report gives its day only
    assert list(reports["published"]) == ["2025-08-16 06:56 CEST", "2025-08-16"]
    shown = compare.readable(reports)
    assert shown.loc[1, "author"] == "not stated"
    assert "None" not in shown.to_html() and "NaN" not in shown.to_html()
    assert isinstance(compare.readable(reports["outlet"]), pd.DataFrame)
