"""排比: listed slogans found in a normalised passage (面向…面向…面向…, 识变、应变、求变).

A unit — a 2-character head, or one final character at an even beat — repeated at least three times,
each occurrence within a few characters of the one before, marks a list, not prose. `parallel_spans`
gives the stretches such lists cover; `classify.builtin_coverage` counts them as fixed wording.

Two implementations give the same spans:
- `_spans_python`: a regular expression finds the units that can make a list, and each such unit's
  occurrences are walked. On a long passage (a revised copy of a whole 160k-character report is one)
  every listed unit's occurrences over the whole text are walked, and the number of listed units grows
  with the text too, so the cost grows faster than the length (26× for 8× the length).
- `_spans_arrays`: every position's unit is a number, and its next occurrence within a list's step is
  found with a few array comparisons; only positions on such a step are sorted. Linear apart from that
  small sort. Used for long passages, or for any of 400 characters or more once numpy is loaded anyway
  (faster from about 300; small `duidu compare` runs never import numpy).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from typing import Any

from app.core.passages.seeds import occurrences

#: Neither formula nor prose in a short passage: function words (also never a listed single unit).
FUNCTION_CHARS = frozenset("的地得和与及同在于中上下要是把对为了等并而且以之其也都将向从就还所着")
#: The widest step between two occurrences of a unit in one list.
MAX_STEP = 10
#: (unit width, whether the beat must be even): 2-character heads, and 1-character finals at an even beat.
_KINDS = ((2, False), (1, True))
#: From this many characters numpy is used even when nothing has loaded it yet.
ARRAY_CHARS = 20_000


def parallel_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every listed slogan run in a normalised text (order unspecified)."""
    if len(text) >= ARRAY_CHARS or (len(text) >= 400 and "numpy" in sys.modules):
        return _spans_arrays(text)
    return _spans_python(text)


def _span(text: str, run: list[int], width: int, beat_fixed: bool) -> tuple[int, int] | None:
    """The stretch a run of ≥ 3 occurrences covers, or None when it is no list."""
    if len(run) < 3 or (beat_fixed and _part_of_repeated_pair(text, run)):
        return None
    item = (run[-1] - run[0]) // (len(run) - 1)
    start = run[0] - (item - width if beat_fixed else 0)
    return max(0, start), min(len(text), run[-1] + (width if beat_fixed else item))


def _part_of_repeated_pair(text: str, run: list[int]) -> bool:
    """A repeated character that always has the same neighbour belongs to a repeated head (基本…基本)."""
    return len({text[i - 1 : i] for i in run}) == 1 or len({text[i + 1 : i + 2] for i in run}) == 1


def _runs_of(found: list[int], width: int, beat_fixed: bool) -> list[list[int]]:
    """Split one unit's occurrences (ascending) into runs: steps within width+1…MAX_STEP, and with an
    even beat, every step equal to the run's first; a step that breaks the beat starts a new run at the
    occurrence it reaches."""
    runs = []
    run = found[:1]
    for pos in [*found[1:], None]:
        step = None if pos is None else pos - run[-1]
        fits = step is not None and width + 1 <= step <= MAX_STEP
        if fits and beat_fixed and len(run) >= 2:
            fits = step == run[1] - run[0]
        if fits:
            run.append(pos)  # type: ignore[arg-type]
            continue
        runs.append(run)
        run = [] if pos is None else [pos]
    return runs


def _spans_python(text: str) -> list[tuple[int, int]]:
    spans = []
    for width, beat_fixed in _KINDS:
        # Only units the expression finds can make a list: the rest of the text is never walked in Python.
        listed = set(_REPEATED[width].findall(text))
        if width == 1:
            listed -= FUNCTION_CHARS
        for unit in listed:
            for run in _runs_of(occurrences(text, unit), width, beat_fixed):
                span = _span(text, run, width, beat_fixed)
                if span is not None:
                    spans.append(span)
    return spans


#: A unit (2 characters, or 1) whose next two occurrences each start within MAX_STEP characters of the
#: one before: the only units that can make a list. Any run `_runs_of` keeps has such a start, so the
#: units found are a superset of those it keeps.
_REPEATED = {
    width: re.compile(
        f"(?=(.{{{width}}})(?:(?!\\1).){{1,{MAX_STEP - width}}}?\\1(?:(?!\\1).){{1,{MAX_STEP - width}}}?\\1)",
        re.DOTALL,
    )
    for width in (1, 2)
}


def _links(points: Any, width: int) -> tuple[Any, Any, Any]:
    """Per position of a text's code points: its unit of `width` characters, the step to that unit's next
    occurrence when within MAX_STEP (else 0), and whether that step fits a list (a link)."""
    import numpy as np

    units = points[: len(points) - width + 1]
    if width == 2:
        units = (units << np.uint64(32)) | points[1:]
    step = np.zeros(len(units), dtype=np.int64)  # to the next occurrence, if within MAX_STEP
    for d in range(MAX_STEP, 0, -1):  # the nearest one wins
        step[:-d][units[:-d] == units[d:]] = d
    linked = step >= width + 1
    if width == 1:
        linked &= ~np.isin(units, np.array(sorted(map(ord, FUNCTION_CHARS)), dtype=np.uint64))
    return units, step, linked


def _spans_arrays(text: str) -> list[tuple[int, int]]:
    """`_spans_python`'s spans, found from each position's next occurrence of its unit.

    A step longer than MAX_STEP breaks a list, so only the next occurrence within MAX_STEP characters
    matters: MAX_STEP array comparisons find it for every position. Occurrences whose step to the next
    fits (width+1…MAX_STEP) `link`; a chain of links is exactly a run of `_runs_of` for 2-character
    heads. Only positions on a link are sorted by unit (few of the text), and for the even-beat finals
    only chains of three or more occurrences are split by beat in Python.
    """
    import numpy as np

    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    spans: list[tuple[int, int]] = []
    for width, beat_fixed in _KINDS:
        if len(points) < width:
            continue
        units, step, linked = _links(points, width)
        involved = linked.copy()
        involved[(np.flatnonzero(linked) + step[linked])] = True
        involved = np.flatnonzero(involved)
        order = np.argsort(units[involved], kind="stable")  # by unit, then by position
        at = involved[order]
        link = np.r_[linked[at[:-1]] & (at[1:] - at[:-1] == step[at[:-1]]), False]
        # chains: maximal stretches of links; a chain of k links holds k + 1 occurrences
        edges = np.diff(np.r_[0, link.astype(np.int8)])
        first, end = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)  # links first … end-1
        keep = end - first >= 2
        first, end = first[keep], end[keep]
        if not beat_fixed:
            count = end - first + 1
            heads, lasts = at[first], at[end]
            items = (lasts - heads) // (count - 1)
            spans.extend(zip(heads.tolist(), np.minimum(len(text), lasts + items).tolist(), strict=True))
            continue
        for f, e in zip(first.tolist(), end.tolist(), strict=True):
            for run in _runs_of(at[f : e + 1].tolist(), width, beat_fixed):
                span = _span(text, run, width, beat_fixed)
                if span is not None:
                    spans.append(span)
    return spans


class ListScreen:
    """Where in one document a listed slogan can stand: `may_hold(start, end)` is False only when
    `parallel_spans(text[start:end])` is empty, asked in O(log n) for any stretch.

    Every span comes from three occurrences of a unit in a row, each step from one to the next fitting
    (width+1…MAX_STEP; `_spans_arrays`' links). Inside a stretch those three are in a row in the whole text
    too (nothing lies between them that is not in the stretch), so they are a link chain of the document:
    for each of its starts i, `_ends` holds the end of the third occurrence. A stretch from `start` may hold a
    list only if some chain starting at or after `start` ends by `end` (the smallest such end is kept per
    start, from the right)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, text: str) -> None:
        import numpy as np

        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        starts, ends = [], []
        for width, _beat_fixed in _KINDS:
            if len(points) < width:
                continue
            _units, step, linked = _links(points, width)
            first = np.flatnonzero(linked)
            second = first + step[first]
            chained = linked[second]
            first, second = first[chained], second[chained]
            starts.append(first)
            ends.append(second + step[second] + width)
        at = np.concatenate(starts) if starts else np.zeros(0, dtype=np.int64)
        end = np.concatenate(ends) if ends else np.zeros(0, dtype=np.int64)
        order = np.argsort(at, kind="stable")
        at, end = at[order], end[order]
        #: the smallest chain end among the chains starting at or after each start
        self._starts: list[int] = at.tolist()
        self._ends: list[int] = np.minimum.accumulate(end[::-1])[::-1].tolist()

    def may_hold(self, start: int, end: int) -> bool:
        """Whether `parallel_spans(text[start:end])` can be non-empty."""
        n = bisect_left(self._starts, start)
        return n < len(self._starts) and self._ends[n] <= end
