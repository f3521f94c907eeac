"""The seed runs of long texts found with numpy: exactly the runs `seeds.find_runs` finds, faster.

On long texts most seed hits are chance 4-character matches of common grams, and `find_runs` pays a
Python loop step per hit. Here the hits are made and grouped with array operations: a gram is a 64-bit
code (four 16-bit code points), one text's kept positions (the same even sample of too frequent grams as
`SeedIndex`) are sorted once by code, and the other text's grams are looked up with `searchsorted`.
Consecutive hits on one diagonal form a group; a group whose neighbouring characters differ on both
ends is a maximal run as it stands. Only the few groups that continue past a sampled-away gram are
grown, by comparing the characters around them 16 at a time (`seeds.extend_run` does it in Python).

On long pairs (`engine.LONG_CHARS`) the short runs made only of grams common in the pair, chance
repeats of stock phrases whose number grows about with the square of the length, are left out, and the
runs are found without making those grams' hits at all: `long_runs`.

Texts with a character outside the Basic Multilingual Plane do not fit the 64-bit code; callers use
`find_runs` for them (`seeds.fits`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from app.core.normalize import REDACTION
from app.core.passages.gram_codes import ScannedGrams, code_points, gram_codes
from app.core.passages.model import Cancelled, CancelledFn, ProgressFn
from app.core.passages.seeds import _CHUNK, Run

if TYPE_CHECKING:
    from app.core.passages.extend import Candidate
    from app.core.passages.intervals import IntervalSet

_RED = ord(REDACTION)
#: `_hits_by_gram`: the scanned positions in gram order, each one's kept occurrences in the table and where
#: they start there
_Hits = tuple[np.ndarray, np.ndarray, np.ndarray]


def by_code(codes: np.ndarray) -> np.ndarray:
    """Indices sorted by code, equal codes in index order: a stable argsort, about 3× faster on 64-bit
    codes (numpy's stable sort of them is a merge sort; its default sorts are vectorised). Each code's
    dense rank and the index make one key that no two indices share."""
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    order = np.argsort(codes)
    ordered = codes[order]
    rank = np.empty(len(codes), dtype=np.int64)
    rank[order] = np.cumsum(np.r_[True, ordered[1:] != ordered[:-1]]) - 1
    return np.sort((rank << 32) | np.arange(len(codes), dtype=np.int64)) & 0xFFFFFFFF


class GramTable:
    """One text's kept seed positions sorted by gram code: `SeedIndex.positions` as two arrays."""

    __slots__ = (
        "counts",
        "firsts",
        "k",
        "max_occurrences",
        "padded",
        "points",
        "positions",
        "text",
        "unique",
    )

    def __init__(self, text: str, k: int, max_occurrences: int) -> None:
        self.text, self.k, self.max_occurrences = text, k, max_occurrences
        self.points = code_points(text)
        #: the code points between two sentinels, redactions made -2 (never equal to the other side's)
        self.padded = np.r_[-1, np.where(self.points == _RED, -2, self.points), -1]
        codes = gram_codes(self.points, k)
        usable = np.ones(len(codes), dtype=bool)
        for red in np.flatnonzero(self.points == _RED):  # no gram holding a redaction is indexed
            usable[max(red - k + 1, 0) : red + 1] = False
        starts = np.flatnonzero(usable)
        order = by_code(codes[starts])  # by code, then by position
        positions, sorted_codes = starts[order], codes[starts][order]
        # Too frequent grams keep every ceil(count / max_occurrences)-th position, as SeedIndex does.
        first = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]]) if len(order) else order
        counts = np.diff(np.r_[first, len(order)])
        step = np.repeat(-(-counts // max_occurrences), counts)
        rank = np.arange(len(order)) - np.repeat(first, counts)
        kept = rank % np.maximum(step, 1) == 0
        self.positions, kept_codes = picked(kept, positions, sorted_codes)
        # Each distinct gram once, with where its kept positions start in `positions` and how many.
        starts_of = (
            np.flatnonzero(np.r_[True, kept_codes[1:] != kept_codes[:-1]]) if len(kept_codes) else _EMPTY
        )
        self.unique = kept_codes[starts_of]
        self.firsts = starts_of
        self.counts = np.diff(np.r_[starts_of, len(kept_codes)])


_EMPTY = np.zeros(0, dtype=np.int64)
#: Seed hits held in arrays at most (each costs about 50 bytes at the peak); beyond, `find_runs` works
#: through them one by one in little memory. 160k against 160k characters of work reports is 0.4-0.5 M.
MAX_HITS = 5_000_000


def find_runs_vectorised(
    table: GramTable,
    other: str | ScannedGrams,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> RunArrays | None:
    """All maximal exact runs of at least k characters anchored by a kept seed of `table`, sorted; None
    when the pair has more than `MAX_HITS` seed hits (the arrays would take too much memory)."""
    k = table.k
    scan = other if isinstance(other, ScannedGrams) else ScannedGrams(other, k)
    if scan.k != k:
        scan = ScannedGrams(scan.text, k)
    other, y_points, grams = scan.text, scan.points, len(scan.order)  # grams: the scanned positions
    if not grams or not len(table.unique):
        if progress is not None:
            progress(grams, grams)
        return _NO_RUNS
    hits = _hits_by_gram(table, scan)
    if hits is None:
        return None
    order, per, first = hits
    # Group the hits by diagonal, consecutive positions of one diagonal together: (diagonal, position)
    # as one key, the position in its low bits, so that the next position of a diagonal is the next key
    # (a position never fills its bits: it is below len(other)) and no hit needs dividing back.
    bits = len(other).bit_length()
    # Expanded a chunk of the scanned positions (in gram order: the keys are sorted after) at a time, so
    # that a long text reports progress and can be cancelled; each chunk's hits become keys in place (the
    # hits of a long pair are 0.4 M: no array of them is made twice).
    # (into one array made once: a long pair's hit arrays are few megabytes each, and each one made anew
    # is memory the system hands over page by page)
    key = np.empty(int(per.sum()), dtype=np.int64)
    done = 0
    for chunk in range(0, grams, _CHUNK):
        if chunk:
            if cancelled is not None and cancelled():
                raise Cancelled
            if progress is not None:
                progress(chunk, grams)
        part = per[chunk : chunk + _CHUNK]
        js = np.repeat(order[chunk : chunk + _CHUNK], part)
        firsts = np.repeat(first[chunk : chunk + _CHUNK] - np.cumsum(part) + part, part)
        firsts += np.arange(len(js), dtype=np.int64)
        here = key[done : done + len(js)]
        np.take(table.positions, firsts, out=here)  # x of each hit
        here -= js
        here += len(other)
        here <<= bits
        here |= js
        done += len(js)
    if progress is not None:
        progress(grams, grams)
    if not len(key):
        return _NO_RUNS
    key.sort()
    breaks = np.flatnonzero(np.diff(key) != 1)  # where the next key is not this one's next position
    first, last = np.r_[0, breaks + 1], np.r_[breaks, len(key) - 1]
    del breaks
    start = key[first]
    g_j = start & ((1 << bits) - 1)
    g_i, g_len = (start >> bits) - len(other) + g_j, key[last] - start + k
    del key, first, last, start
    # Redactions never match: they are given different values on the two sides.
    xp, yp = table.padded, padded_other(y_points)
    g_i, g_j, g_len = _join_groups(xp, yp, g_i, g_j, g_len)
    # A group is a whole run when the characters before and after it differ (or a text ends there).
    open_before = xp[g_i] == yp[g_j]
    open_after = xp[g_i + g_len + 1] == yp[g_j + g_len + 1]
    whole = ~(open_before | open_after)
    columns = list(picked(whole, g_i, g_j, g_len))
    # The rest continue through sampled-away seeds: grow each to its maximal run, as find_runs does;
    # the groups of one run all grow to the same run, kept once.
    grow = np.flatnonzero(~whole)
    if len(grow):
        i, j, length = g_i[grow], g_j[grow], g_len[grow]
        back = _matching(xp, yp, i, j, -1)
        ahead = _matching(xp, yp, i + length + 1, j + length + 1, 1)
        i, j, length = i - back, j - back, length + back + ahead
        _, once = np.unique(i * (len(other) + 1) + j, return_index=True)
        columns = [np.r_[column, extra[once]] for column, extra in zip(columns, (i, j, length), strict=True)]
    # by x, then y (a maximal run is the only one starting at its (x, y), so length never decides)
    order = np.argsort(columns[0] * (len(other) + 1) + columns[1])
    return RunArrays(*(column[order] for column in columns))


def _matching(
    xp: np.ndarray,
    yp: np.ndarray,
    x_at: np.ndarray,
    y_at: np.ndarray,
    way: int,
    limit: np.ndarray | None = None,
) -> np.ndarray:
    """How many characters match from padded indices x_at, y_at on, going `way` (1: on, -1: back).
    Compared 16 at a time; the sentinels at both ends and the redactions never match, so the count
    stops at them as `extend_run` does. With a `limit`, a count that reaches its limit stops there or up
    to 15 characters further (the caller only asks whether it got there)."""
    count = np.zeros(len(x_at), dtype=np.int64)
    active = np.arange(len(x_at))
    # Most stop within a character or two (a run grown past a sampled-away seed, a long pair's run grown
    # from its rare grams into the stock wording around them): one character at a time first, which
    # drops them from the rows of 16 (a sentinel never matches, so no index leaves the texts here).
    for step in range(_SINGLE_STEPS):
        equal = xp[x_at[active] + step * way] == yp[y_at[active] + step * way]
        active = active[equal]
        count[active] += 1
        if limit is not None:
            active = active[count[active] < limit[active]]
        if not len(active):
            return count
    offsets = np.arange(_STRIDE) * way
    while len(active):
        xs = np.clip(x_at[active, None] + way * count[active, None] + offsets, 0, len(xp) - 1)
        ys = np.clip(y_at[active, None] + way * count[active, None] + offsets, 0, len(yp) - 1)
        equal = xp[xs] == yp[ys]
        through = equal.all(axis=1)
        count[active] += np.where(through, _STRIDE, equal.argmin(axis=1))
        active = active[through]
        if limit is not None:
            active = active[count[active] < limit[active]]
    return count


_STRIDE = 16
#: Characters compared one at a time before the rows of `_STRIDE`.
_SINGLE_STEPS = 4


def padded_other(points: np.ndarray) -> np.ndarray:
    """The scanned text's code points between two sentinels, redactions made -4: as `GramTable.padded`,
    with values of its own, so that no sentinel or redaction equals the indexed side's."""
    return np.r_[-3, np.where(points == _RED, -4, points), -3]


def _hits_by_gram(table: GramTable, scan: ScannedGrams) -> _Hits | None:
    """The scanned text's positions in gram order, with how many kept occurrences in the table each
    one's gram has (0: not in the table) and where they start in `table.positions`; None beyond
    `MAX_HITS` hits. Each distinct gram of the scanned text is looked up once, in sorted order (a binary
    search per position, in text order, cost twice as much on long texts), and the hits are made in
    that order: nothing is scattered back to text order (the hits are sorted by diagonal after)."""
    order, sizes, distinct = scan.order, scan.sizes, scan.distinct
    where = np.minimum(np.searchsorted(table.unique, distinct), len(table.unique) - 1)
    kept = np.where(table.unique[where] == distinct, table.counts[where], 0)
    if int(kept @ sizes) > MAX_HITS:
        return None
    return order, np.repeat(kept, sizes), np.repeat(table.firsts[where], sizes)


#: Gaps up to this long between two groups on one diagonal are compared in arrays (longer: in Python).
_JOIN_GAP = 12


def _join_groups(
    xp: np.ndarray, yp: np.ndarray, g_i: np.ndarray, g_j: np.ndarray, g_len: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Join consecutive groups of one diagonal that are one run: they overlap, touch, or every character
    between them matches (the seeds there were sampled away as too frequent)."""
    if len(g_i) < 2:
        return g_i, g_j, g_len
    end = g_j[:-1] + g_len[:-1]
    gap = g_j[1:] - end
    same = (g_i[1:] - g_j[1:]) == (g_i[:-1] - g_j[:-1])
    joins = same & (gap <= 0)
    check = np.flatnonzero(same & (gap > 0) & (gap <= _JOIN_GAP))
    if len(check):
        x_at, y_at, left = g_i[check] + g_len[check] + 1, end[check] + 1, gap[check]
        # every gap's characters at once, a row per gap (the places past its end compare index 0 to 0)
        steps = np.arange(_JOIN_GAP)
        inside = steps < left[:, None]
        same = (
            xp[np.where(inside, x_at[:, None] + steps, 0)] == yp[np.where(inside, y_at[:, None] + steps, 0)]
        )
        joins[check[(same | ~inside).all(axis=1)]] = True
    if not joins.any():
        return g_i, g_j, g_len
    starts = np.flatnonzero(np.r_[True, ~joins])
    ends = np.r_[starts[1:] - 1, len(g_i) - 1]
    return g_i[starts], g_j[starts], g_j[ends] + g_len[ends] - g_j[starts]


def picked(mask: np.ndarray, *columns: np.ndarray) -> tuple[np.ndarray, ...]:
    """The columns' elements where the mask is true: taken at the mask's indices, which costs a fifth of
    indexing each column with the mask on long arrays (numpy 2: 1.9 against 0.4 ms for 3 x 223k)."""
    at = np.flatnonzero(mask)
    return tuple(column[at] for column in columns)


class RunArrays(NamedTuple):
    """Runs as three columns, sorted like `find_runs`'s list (by x start, then y start, then length)."""

    x: np.ndarray
    y: np.ndarray
    length: np.ndarray

    def of(self, mask: np.ndarray) -> RunArrays:
        """The runs the mask selects, in the same order."""
        return RunArrays(*picked(mask, *self))

    def to_list(self, mask: np.ndarray | slice | None = None) -> list[Run]:
        if mask is None:
            columns: Sequence[np.ndarray] = self
        elif isinstance(mask, slice):
            columns = [column[mask] for column in self]
        else:
            columns = picked(mask, *self)
        return list(zip(*(column.tolist() for column in columns), strict=True))


def clause_runs(
    runs: RunArrays, min_length: int, claimed: Sequence[IntervalSet] = ()
) -> tuple[list[int], list[int], list[int], list[bool]]:
    """The runs of at least `min_length` characters, longest first (then by x, then y start), as columns
    (x, y, length), without those overlapping `claimed` (x intervals, y intervals) already: a long pair has
    many such runs. With each, whether it overlaps none of the others in either text (no order can keep
    it out)."""
    x, y, length = runs.of(runs.length >= min_length)  # few: most runs are short
    free = np.ones(len(x), dtype=bool)
    for column, taken in zip((x, y), claimed, strict=False):
        if taken.starts:
            starts, ends = np.array(taken.starts), np.array(taken.ends)
            after = np.searchsorted(ends, column, "right")  # the first claimed interval ending after it
            hit = after < len(starts)
            hit[hit] = starts[after[hit]] < (column + length)[hit]
            free &= ~hit
    x, y, length = picked(free, x, y, length)
    order = _longest_first(x, y, length)
    x, y, length = x[order], y[order], length[order]
    alone = ~(_overlapping(x, length) | _overlapping(y, length))
    return x.tolist(), y.tolist(), length.tolist(), alone.tolist()


def _longest_first(x: np.ndarray, y: np.ndarray, length: np.ndarray) -> np.ndarray:
    """`np.lexsort((y, x, -length))`, as one sort of a key folding the three (a third of the time) when it
    fits in 63 bits."""
    if not len(x):
        return np.lexsort((y, x, -length))
    x_span, y_span = int(x.max()) + 1, int(y.max()) + 1
    longest = int(length.max())
    if (longest + 1) * x_span * y_span >= 1 << 62:
        return np.lexsort((y, x, -length))
    return np.argsort(((longest - length) * x_span + x) * y_span + y, kind="stable")


def _overlapping(starts: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Which of these intervals overlap another one."""
    order = np.argsort(starts, kind="stable")
    s, e = starts[order], (starts + length)[order]
    reach = np.r_[np.iinfo(np.int64).min, np.maximum.accumulate(e)[:-1]]  # furthest end before each
    following = np.r_[s[1:], np.iinfo(np.int64).max]
    found = np.empty(len(s), dtype=bool)
    found[order] = (reach > s) | (following < e)
    return found


def covered_in_boxes(
    group: Sequence[Candidate], runs: RunArrays, first: int, last: int, box: tuple[int, int, int]
) -> int:
    """Characters of the two boxes (x1, y0, y1 of x0..x1, y0..y1) covered by the group's parts and by the runs
    first..last that lie inside both boxes (they start inside the x box): `overlaps.box_coverage`'s sum."""
    x1, y0, y1 = box
    x, y, length = (column[first:last] for column in runs)
    inside = (x + length <= x1) & (y >= y0) & (y + length <= y1)
    x, y, length = x[inside], y[inside], length[inside]
    parts_x = np.array([(c.x0, c.x1) for c in group], dtype=np.int64).reshape(-1, 2)
    parts_y = np.array([(c.y0, c.y1) for c in group], dtype=np.int64).reshape(-1, 2)
    return _union_length(np.r_[parts_x[:, 0], x], np.r_[parts_x[:, 1], x + length]) + _union_length(
        np.r_[parts_y[:, 0], y], np.r_[parts_y[:, 1], y + length]
    )


def _union_length(starts: np.ndarray, ends: np.ndarray) -> int:
    if not len(starts):
        return 0
    order = np.argsort(starts, kind="stable")
    starts, ends = starts[order], ends[order]
    reach = np.r_[starts[0], np.maximum.accumulate(ends)[:-1]]  # the furthest end before each interval
    return int(np.maximum(ends - np.maximum(starts, reach), 0).sum())


def neighbour_support(candidates: Sequence[Candidate], reach: int) -> list[int]:
    """`align._neighbour_support` in arrays: per candidate, the matched characters of the non-rival
    candidates within `reach` of it in both texts. Every pair that the loop there visits (the candidates
    after one in x order that start within `reach` of its end) is made here, a bounded block at a time."""
    boxes = np.array([(c.x0, c.x1, c.y0, c.y1, c.matched) for c in candidates], dtype=np.int64).reshape(-1, 5)
    order = np.argsort(boxes[:, 0], kind="stable")
    x0, x1, y0, y1, matched = boxes[order].T
    ends = np.searchsorted(x0, x1 + reach, "right")  # the pairs of k: k+1 … ends[k]-1
    per = np.maximum(ends - np.arange(len(x0)) - 1, 0)
    support = np.zeros(len(x0), dtype=np.int64)
    start = 0
    while start < len(x0):
        stop = start + max(1, int(np.searchsorted(np.cumsum(per[start:]), _PAIRS_AT_ONCE, "right")))
        count = per[start:stop]
        k = np.repeat(np.arange(start, stop), count)
        q = k + 1 + np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
        rivals = (
            4 * (np.minimum(x1[k], x1[q]) - np.maximum(x0[k], x0[q]))
            > np.minimum(x1[k] - x0[k], x1[q] - x0[q])
        ) | (
            4 * (np.minimum(y1[k], y1[q]) - np.maximum(y0[k], y0[q]))
            > np.minimum(y1[k] - y0[k], y1[q] - y0[q])
        )
        near = (
            ~rivals
            & (np.maximum(x0[q] - x1[k], x0[k] - x1[q]) <= reach)
            & (np.maximum(y0[q] - y1[k], y0[k] - y1[q]) <= reach)
        )
        k, q = k[near], q[near]
        np.add.at(support, k, matched[q])
        np.add.at(support, q, matched[k])
        start = stop
    result = np.empty_like(support)
    result[order] = support
    return result.tolist()


def strength_order(
    candidates: Sequence[Candidate], support: Sequence[int]
) -> list[tuple[float, int, int, int, int]]:
    """`align._claim`'s sorted keys (minus strength, minus support, x start, y start, index), sorted in
    arrays. The strength is summed as `align._strength` sums it (matched characters plus at most half as
    many again of the support: halves of integers, exact in floats), so the keys are the same."""
    columns = np.array([(c.matched, c.x0, c.y0) for c in candidates], dtype=np.int64).reshape(-1, 3)
    matched, x0, y0 = columns.T
    held = np.array(support[: len(candidates)], dtype=np.int64)
    strength = -(matched + np.minimum(matched, held) / 2)
    order = np.lexsort((y0, x0, -held, strength))  # (a stable sort: ties stay in index order)
    keys = (strength[order], -held[order], x0[order], y0[order], order)
    return list(zip(*(column.tolist() for column in keys), strict=True))


#: Candidate pairs held in arrays at once by `neighbour_support`.
_PAIRS_AT_ONCE = 1 << 20


_NO_RUNS = RunArrays(_EMPTY, _EMPTY, _EMPTY)
