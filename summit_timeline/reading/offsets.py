"""Where each character of a cleaned text came from in the raw file, stored compactly.

Cleaning removes page chrome and joins lines, but most of a report is copied through unchanged:
the raw offsets of its characters rise one by one over long runs. ``Offsets`` keeps one pair
(start in the cleaned text, offset in the raw file) per run instead of one number per
character, so a report's map costs a few hundred bytes rather than eight bytes a character,
and reads like the tuple it replaces (``offsets[i]``, ``len``, iteration, slices).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload


class Offsets(Sequence[int]):
    """Raw-file offsets of a cleaned text's characters, as runs of consecutive offsets."""

    __slots__ = ("_bases", "_length", "_starts")

    def __init__(self, values: Iterable[int] = ()) -> None:
        starts, bases = array("q"), array("q")
        length = 0
        previous = None
        for value in values:
            if previous is None or value != previous + 1:
                starts.append(length)
                bases.append(value)
            previous = value
            length += 1
        self._starts, self._bases, self._length = starts, bases, length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        run = bisect.bisect_right(self._starts, index) - 1
        return self._bases[run] + index - self._starts[run]

    def __iter__(self) -> Iterator[int]:
        if not self._length:
            return
        ends = [*self._starts[1:], self._length]
        for start, end, base in zip(self._starts, ends, self._bases, strict=True):
            yield from range(base, base + end - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return (self._length, self._starts, self._bases) == (
                other._length,
                other._starts,
                other._bases,
            )
        if isinstance(other, Sequence):
            return len(other) == self._length and all(
                a == b for a, b in zip(self, other, strict=True)
            )
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._length, self._starts.tobytes(), self._bases.tobytes()))

    def __repr__(self) -> str:
        return f"Offsets({self._length} characters in {len(self._starts)} runs)"

    @property
    def runs(self) -> int:
        """How many runs of consecutive offsets the map holds."""
        return len(self._starts)


def as_offsets(values: Sequence[int] | Iterable[int]) -> Offsets:
    """``values`` as ``Offsets`` (unchanged if they already are)."""
    return values if isinstance(values, Offsets) else Offsets(values)
