"""Exact seed runs: maximal stretches of equal normalised text between two documents.

Every k-gram of one document is indexed once (the index is reused for every pair that document is in);
the other document is scanned position by position, and each hit is grown into the maximal exact run
on its diagonal with C-level slice comparisons. Runs never cross a REDACTION character, so a
redaction in both texts never matches as text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container
from itertools import compress

from app.core.normalize import REDACTION
from app.core.passages.model import Cancelled, CancelledFn, ProgressFn

#: (start in the indexed text, start in the scanned text, length)
Run = tuple[int, int, int]

_CHUNK = 16384


class SeedIndex:
    """Positions of every k-gram of one normalised text (grams with a REDACTION are left out).

    With `only`, just the grams in it are indexed: enough for scanning one text whose grams `only` holds
    (the other text's index), and about half the work, for a document compared once (a candidate of
    "similar speeches"). The positions kept, and so the runs found, are exactly those of the full index.
    """

    __slots__ = ("k", "max_occurrences", "positions", "redactions", "text")

    def __init__(self, text: str, k: int, max_occurrences: int, only: Container[str] | None = None) -> None:
        self.text = text
        self.k = k
        self.max_occurrences = max_occurrences
        positions: dict[str, list[int]] = {}
        get = positions.get
        grams = [text[i : i + k] for i in range(len(text) - k + 1)]
        starts = (
            range(len(grams)) if only is None else compress(range(len(grams)), map(only.__contains__, grams))
        )
        for i in starts:
            gram = grams[i]
            found = get(gram)
            if found is None:
                positions[gram] = [i]
            else:
                found.append(i)
        self.redactions = redaction_positions(text)
        if self.redactions:
            for gram in [g for g in positions if REDACTION in g]:
                del positions[gram]
        # Very frequent grams (stock formulas, 的发展) only multiply hits: keep an even sample of their
        # positions; runs through the others are still found from neighbouring seeds and grown exactly.
        for gram, found in positions.items():
            if len(found) > max_occurrences:
                positions[gram] = found[:: -(-len(found) // max_occurrences)]
        self.positions = positions


def occurrences(text: str, unit: str) -> list[int]:
    """Every start of `unit` in `text`, overlapping ones included."""
    found = []
    at = text.find(unit)
    while at >= 0:
        found.append(at)
        at = text.find(unit, at + 1)
    return found


def redaction_positions(text: str) -> list[int]:
    return occurrences(text, REDACTION)


def fits(text: str) -> bool:
    """Whether every character of `text` is in the Basic Multilingual Plane (`vector_runs` codes a gram of
    four characters in 64 bits)."""
    return len(text.encode("utf-16-le")) == 2 * len(text)


def _next_boundary(redactions: list[int], pos: int, default: int) -> int:
    if not redactions:
        return default
    i = bisect_left(redactions, pos)
    return redactions[i] if i < len(redactions) else default


def _grow(x: str, i: int, y: str, j: int, known: int, limit: int) -> int:
    """Length of the maximal exact match at x[i:], y[j:] known to be at least `known`, at most `limit`."""
    length = known
    step = 32
    while length < limit:
        stop = min(limit, length + step)
        if x[i + length : i + stop] == y[j + length : j + stop]:
            length = stop
            step *= 2
            continue
        lo, hi = length, stop  # x[i:i+lo] matches, x[i:i+hi] does not
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if x[i + lo : i + mid] == y[j + lo : j + mid]:
                lo = mid
            else:
                hi = mid
        return lo
    return length


def extend_run(x: str, i: int, y: str, j: int, known: int, x_red: list[int], y_red: list[int]) -> Run:
    """The maximal exact run through x[i:i+known] == y[j:j+known], stopped at redactions."""
    # Step back over text whose seed was sampled away as too frequent.
    s_i, s_j = i, j
    while s_i and s_j and x[s_i - 1] == y[s_j - 1] and x[s_i - 1] != REDACTION:
        s_i -= 1
        s_j -= 1
    if x_red or y_red:
        limit = min(_next_boundary(x_red, i, len(x)) - s_i, _next_boundary(y_red, j, len(y)) - s_j)
    else:
        limit = min(len(x) - s_i, len(y) - s_j)
    length = i - s_i + known
    # Most runs are chance matches of a few characters: compare by hand before `_grow`.
    short = length + 8 if length + 8 < limit else limit
    while length < short and x[s_i + length] == y[s_j + length]:
        length += 1
    if length == short and length < limit:
        length = _grow(x, s_i, y, s_j, length, limit)
    return s_i, s_j, length


def find_runs(
    index: SeedIndex,
    other: str,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> list[Run]:
    """All maximal exact runs of at least k characters anchored by an indexed seed, sorted."""
    x = index.text
    k = index.k
    positions = index.positions
    x_red = index.redactions
    y_red = redaction_positions(other)
    run_end: dict[int, int] = {}  # diagonal (i - j) -> end in `other` of the last run found on it
    runs: list[Run] = []
    total = max(len(other) - k + 1, 0)
    for chunk in range(0, total, _CHUNK):
        if chunk:
            if cancelled is not None and cancelled():
                raise Cancelled
            if progress is not None:
                progress(chunk, total)
        stop = min(total, chunk + _CHUNK)
        # The membership test runs in a comprehension (fast); only shared seeds reach the loop below.
        shared = [j for j in range(chunk, stop) if other[j : j + k] in positions]
        for j in shared:
            for i in positions[other[j : j + k]]:
                diag = i - j
                if run_end.get(diag, -1) > j:
                    continue
                s_i, s_j, length = extend_run(x, i, other, j, k, x_red, y_red)
                run_end[diag] = s_j + length
                runs.append((s_i, s_j, length))
    if progress is not None:
        progress(total, total)
    runs.sort()
    return runs
