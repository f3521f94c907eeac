"""What is already claimed in one text: disjoint intervals, or a byte per character."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class IntervalSet:
    """Disjoint half-open intervals, kept sorted, for what is already claimed in one text."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> IntervalSet:
        """The union of these spans, made in one sorted pass (`add` one by one bisects for each)."""
        union = cls()
        starts, ends = union.starts, union.ends
        for start, end in sorted(spans):
            if ends and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        return union

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.ends, start)
        j = i
        while j < len(self.starts) and self.starts[j] <= end:
            start, end = min(start, self.starts[j]), max(end, self.ends[j])
            j += 1
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.ends, start)
        return i < len(self.starts) and self.starts[i] < end

    def free_count(self, start: int, end: int) -> int:
        """Characters of [start, end) not claimed."""
        return end - start - self.taken.count(1, start, end)

    def free_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        """Pieces of [start, end) not covered by any interval."""
        parts = []
        i = bisect_right(self.ends, start)
        while start < end:
            if i >= len(self.starts) or self.starts[i] >= end:
                parts.append((start, end))
                break
            if self.starts[i] > start:
                parts.append((start, self.starts[i]))
            start = max(start, self.ends[i])
            i += 1
        return parts


class Occupancy:
    """What is claimed in one text up to `size` characters, a byte per character: the same questions as
    an `IntervalSet` (the same answers for the same claims), each a C call over the bytes instead of a
    bisection and list surgery, for the thousands of claims of a long pair. Spans must end by `size`."""

    __slots__ = ("taken",)

    def __init__(self, size: int) -> None:
        self.taken = bytearray(size)

    def add(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) >= 0

    def free_count(self, start: int, end: int) -> int:
        """Characters of [start, end) not claimed."""
        return end - start - self.taken.count(1, start, end)

    def free_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        """Pieces of [start, end) not claimed."""
        parts = []
        taken = self.taken
        while start < end:
            claimed = taken.find(1, start, end)
            if claimed < 0:
                parts.append((start, end))
                break
            if claimed > start:
                parts.append((start, claimed))
            start = taken.find(0, claimed, end)
            if start < 0:
                break
        return parts
