"""How much of a document its shared passages cover, in normalised characters (the compare view's ratios).

A pool process that matched a pair measures it there (`pair_cover`): each side's passages as spans of the
document's normalised view, merged. The app's process then only joins a document's spans from each of its
pairs (`covered`), instead of counting every passage against each whole text after the last pair, in one
stretch that held the interpreter lock the window needs (app.ui.compare.ratios counts the other results).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from app.core.passages.model import Passage

#: How many normalised characters the original span [start, end) holds.
Count = Callable[[int, int], int]


def _length(start: int, end: int) -> int:
    return end - start


def covered(spans: Iterable[tuple[int, int]], count: Count = _length) -> int:
    """Normalised characters inside the union of `spans`: original offsets counted by `count`, or (the
    default) spans of the normalised view already."""
    total = 0
    end_so_far = -1
    for start, end in sorted(spans):
        start = max(start, end_so_far)
        if end > start:
            total += count(start, end)
            end_so_far = end
    return total


def share(covered_chars: int, total: int) -> float:
    """`covered_chars` as a share of `total`, the way the headers and the heat map show it."""
    return round(covered_chars / total, 4) if total else 0.0


@dataclass(frozen=True, slots=True)
class SideCover:
    """One document's side of a pair: its normalised characters, and its counted passages' spans of the
    normalised view, merged (start, end, start, end, …: an array pickles as one block)."""

    total: int
    bounds: array[int]

    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self.bounds[::2], self.bounds[1::2], strict=True))


#: A pair's covers of its two documents (`pair_cover`).
PairCover = tuple[SideCover, SideCover]


def side_cover(offsets: Sequence[int], spans: Iterable[tuple[int, int]]) -> SideCover:
    """`spans` (original offsets) of a document whose normalised view has `offsets`, merged."""
    merged: list[int] = []
    for start, end in sorted((bisect_left(offsets, s), bisect_left(offsets, e)) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1]:
            merged[-1] = max(merged[-1], end)
        else:
            merged += (start, end)
    return SideCover(len(offsets), array("q", merged))


def pair_cover(
    docs: tuple[int, int],
    offsets: tuple[Sequence[int], Sequence[int]],
    passages: Sequence[Passage],
    count_formulas: bool,
) -> PairCover:
    """The covers of one pair's documents `docs` (whose normalised views have `offsets`) by its passages;
    formula passages count only with `count_formulas`."""
    sides: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    for p in passages:
        if p.kind == "copy" or count_formulas:
            sides[docs.index(p.a)].append((p.a_start, p.a_end))
            sides[docs.index(p.b)].append((p.b_start, p.b_end))
    return side_cover(offsets[0], sides[0]), side_cover(offsets[1], sides[1])
