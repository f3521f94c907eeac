"""Boxes of a reordered group: the accepted passages that overlap one, and how much of one is matched."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from app.core.passages.extend import Candidate
from app.core.passages.intervals import IntervalSet
from app.core.passages.seeds import Run

if TYPE_CHECKING:
    from app.core.passages.vector_runs import RunArrays


class Overlaps:
    """The accepted passages overlapping a box in either text, in their order in `accepted`.

    Accepted passages are disjoint in each text (resolution lets each character belong to one), so sorted
    by start they are sorted by end too, and the ones overlapping a range are found by bisection instead of
    a scan of all of them per group (which grew with the square of the passages in long texts).
    """

    def __init__(self, accepted: list[Candidate]) -> None:
        self.accepted = accepted
        self.axes = [
            self._axis(accepted, lambda c: (c.x0, c.x1)),
            self._axis(accepted, lambda c: (c.y0, c.y1)),
        ]

    @staticmethod
    def _axis(
        accepted: list[Candidate], span: Callable[[Candidate], tuple[int, int]]
    ) -> tuple[list[int], list[int], list[int]] | None:
        order = sorted(range(len(accepted)), key=lambda n: span(accepted[n]))
        starts = [span(accepted[n])[0] for n in order]
        ends = [span(accepted[n])[1] for n in order]
        if any(b < a for a, b in pairwise(ends)):
            return None  # not disjoint after all: the caller scans
        return order, starts, ends

    def around(self, x0: int, x1: int, y0: int, y1: int) -> list[Candidate]:
        if self.axes[0] is None or self.axes[1] is None:
            return [c for c in self.accepted if (c.x0 < x1 and c.x1 > x0) or (c.y0 < y1 and c.y1 > y0)]
        found: set[int] = set()
        for (order, starts, ends), (lo, hi) in zip(self.axes, ((x0, x1), (y0, y1)), strict=True):
            k = bisect_right(ends, lo)  # first one ending after lo
            while k < len(order) and starts[k] < hi:
                if ends[k] > lo:
                    found.add(order[k])
                k += 1
        return [self.accepted[n] for n in sorted(found)]


def box_coverage(
    group: list[Candidate],
    runs: list[Run] | RunArrays,
    run_starts: list[int],
    x0: int,
    x1: int,
    y0: int,
    y1: int,
) -> float:
    """Share of a group's two boxes covered by its parts and the exact runs inside both boxes.

    Runs found with numpy come as arrays; a box holding many of them (a long revised text is one box
    with every run of the pair in it) takes the union in arrays.
    """
    first, last = bisect_right(run_starts, x0 - 1), bisect_right(run_starts, x1 - 1)
    if isinstance(runs, list):
        in_range = runs[first:last]
    elif last - first < _ARRAY_RUNS:
        in_range = runs.to_list(slice(first, last))
    else:
        from app.core.passages.vector_runs import covered_in_boxes

        covered = covered_in_boxes(group, runs, first, last, (x1, y0, y1))
        return covered / ((x1 - x0) + (y1 - y0))
    inside = [(x, y, n) for x, y, n in in_range if x + n <= x1 and y0 <= y and y + n <= y1]
    xs = IntervalSet.of([(c.x0, c.x1) for c in group] + [(x, x + n) for x, _, n in inside])
    ys = IntervalSet.of([(c.y0, c.y1) for c in group] + [(y, y + n) for _, y, n in inside])
    covered = sum(e - s for s, e in zip(xs.starts, xs.ends, strict=True))
    covered += sum(e - s for s, e in zip(ys.starts, ys.ends, strict=True))
    return covered / ((x1 - x0) + (y1 - y0))


#: From this many runs in a box on, its coverage is summed in arrays (when the runs came as arrays).
_ARRAY_RUNS = 256
