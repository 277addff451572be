"""Compact offset maps read exactly like the tuple of one offset per character they replace."""

from __future__ import annotations

import bisect
import random

import pytest

from summit_timeline.reading.offsets import Offsets, as_offsets


def _cases() -> list[list[int]]:
    rng = random.Random(3)
    walk, position = [], 0
    for _ in range(2000):  # runs of copied text, skipped chrome, repeated joins
        position += rng.choice([1, 1, 1, 1, 0, 5, 40])
        walk.append(position)
    return [[], [7], list(range(10, 60)), [0, 1, 2, 10, 11, 11, 11, 30], walk]


@pytest.mark.parametrize("values", _cases())
def test_reads_like_the_tuple(values: list[int]) -> None:
    offsets = Offsets(values)
    assert len(offsets) == len(values)
    assert list(offsets) == values
    assert [offsets[i] for i in range(len(values))] == values
    assert offsets == tuple(values) and offsets == Offsets(values)
    assert hash(offsets) == hash(Offsets(values))
    if values:
        assert offsets[-1] == values[-1]
        assert offsets[3:9] == values[3:9]
        for raw in (values[0], values[len(values) // 2], values[-1] + 1):
            assert bisect.bisect_left(offsets, raw) == bisect.bisect_left(values, raw)
    with pytest.raises(IndexError):
        offsets[len(values)]


def test_a_copied_text_is_one_run() -> None:
    offsets = as_offsets(range(1000, 101000))
    assert offsets.runs == 1 and offsets[99999] == 100999
    assert as_offsets(offsets) is offsets
