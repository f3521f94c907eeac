"""The seed runs of a long pair, found without its chance hits (`engine.LONG_CHARS`, `engine.CHANCE`).

A gram that a long pair holds many times on both sides (经济社会, 社会发展) makes a seed hit for every
pairing of its places: their number grows with the square of the length (ten reports a side: 10 k hits
at 20k characters, 400 k at 160k), and nearly all of them are chance repeats of stock wording, runs of a
few characters that the chance rule (13e5) then left out. So a long pair is not seeded with them. Its
runs are those the rule kept, found otherwise:
- the maximal runs holding a rare gram (at most chance[0] seed hits in the pair), grown from its hits;
- those of at least chance[1] characters made of common grams, found as the equal windows of that
  length both texts hold (one pair of windows per character of such a run, not one per pairing of its
  grams' places);
- those crossing a seed sampled away as too frequent (`find_runs` grows a run past one), grown from the
  places sampled away;
- and the nearest run on each side of one of those on its diagonal, within `_WINDOW` characters.
The work follows the text and the runs found, not the square of the stock wording's repeats; the runs
are the same (every long case of tests/bench/test_bench_engine_scaling.py and test_bench_long_quality.py,
notes/13s11.md).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from app.core.passages.gram_codes import ScannedGrams
from app.core.passages.model import Cancelled, CancelledFn, ProgressFn
from app.core.passages.vector_runs import (
    _EMPTY,
    _NO_RUNS,
    _RED,
    MAX_HITS,
    RunArrays,
    _matching,
    picked,
)

#: Odd multipliers that fold a window's gram codes into one 64-bit key (equal keys are checked code by
#: code, so a collision only costs a check).
_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93], dtype=np.uint64
)


class IndexedGrams:
    """The indexed text of a long pair as its runs are found here: its grams sorted once (the document's
    `ScannedGrams`, kept like its seed index), and which of their places are kept seeds: all the places
    of a gram, or the same even sample of a too frequent one as `SeedIndex` keeps; none of a gram holding
    a redaction. No `GramTable` is made: its sort by gram and then place costs twice the plain one."""

    __slots__ = (
        "codes",
        "distinct",
        "firsts",
        "k",
        "kept",
        "kept_at",
        "max_occurrences",
        "order",
        "points",
        "sizes",
    )

    def __init__(self, grams: ScannedGrams, max_occurrences: int) -> None:
        self.k, self.max_occurrences, self.points = grams.k, max_occurrences, grams.points
        self.codes, self.order, self.distinct, self.sizes = (
            grams.codes,
            grams.order,
            grams.distinct,
            grams.sizes,
        )
        self.firsts = np.cumsum(self.sizes) - self.sizes  # where each gram's places start in `order`
        usable = np.ones(len(self.distinct), dtype=bool)
        for lane in range(self.k):  # the code's 16-bit lanes: its characters
            usable &= ((self.distinct >> np.uint64(16 * lane)) & np.uint64(0xFFFF)) != _RED
        step = -(-self.sizes // max_occurrences)  # a too frequent gram keeps every step-th place
        #: per gram, its kept places (0: a gram holding a redaction)
        self.kept = np.where(usable, -(-self.sizes // step), 0)
        #: per gram place, whether it is a kept seed: all but those holding a redaction and those of the
        #: few too frequent grams sampled away
        self.kept_at = np.ones(len(self.codes), dtype=bool)
        for red in np.flatnonzero(grams.points == _RED):
            self.kept_at[max(red - self.k + 1, 0) : red + 1] = False
        for gram in np.flatnonzero(usable & (step > 1)):
            places = np.sort(self.order[self.firsts[gram] : self.firsts[gram] + self.sizes[gram]])
            self.kept_at[places] = False
            self.kept_at[places[:: step[gram]]] = True


def long_pair_runs(
    indexed: IndexedGrams,
    scan: ScannedGrams,
    chance: tuple[int, int],
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> RunArrays | None:
    """The maximal exact runs of the pair, anchored by a kept seed of `indexed`, that hold a gram with
    at most chance[0] seed hits in the pair or are at least chance[1] characters long (or lie next to
    such a run: `_neighbours`), sorted by x, then y; None when the pair has more than `MAX_HITS` pairs
    of long windows (the arrays would take too much memory)."""
    bar, length = chance
    k, grams = indexed.k, len(scan.order)
    if not grams or not len(indexed.distinct):
        return _NO_RUNS
    where = np.minimum(np.searchsorted(indexed.distinct, scan.distinct), len(indexed.distinct) - 1)
    kept = np.where(indexed.distinct[where] == scan.distinct, indexed.kept[where], 0)
    rare = (kept > 0) & (kept * scan.sizes <= bar)
    common = ~rare & (kept > 0)
    # a too frequent gram (sampled: fewer places kept than it has) in a run makes it a seed run whatever
    # its length, as `find_runs` grows a run past a sampled-away seed: its places sampled away are paired
    sampled = np.flatnonzero((kept > 0) & (kept < indexed.sizes[where]))
    if int(indexed.sizes[where[sampled]] @ scan.sizes[sampled]) > MAX_HITS:
        return None
    windows = _window_pairs(indexed, scan, where, common, max(length, k))
    if windows is None:
        return None
    if cancelled is not None and cancelled():
        raise Cancelled
    y_firsts = np.cumsum(scan.sizes) - scan.sizes  # where each scanned gram's places start in its order
    rare_x, rare_y = _gram_hits(indexed, scan, y_firsts, where, np.flatnonzero(rare), kept=True)
    away_x, away_y = _gram_hits(indexed, scan, y_firsts, where, sampled, kept=False)
    chars = _Chars.of(indexed, scan)
    # (only those with a character on either side in common can be in a run that holds a kept seed)
    at = chars.margin + 1
    longer = (chars.x[away_x + at - 1] == chars.y[away_y + at - 1]) | (
        chars.x[away_x + at + k] == chars.y[away_y + at + k]
    )
    away_x, away_y = picked(longer, away_x, away_y)
    if progress is not None:
        progress(grams, grams)
    x = np.r_[rare_x, away_x, windows[0]]
    y = np.r_[rare_y, away_y, windows[1]]
    size = np.r_[
        np.full(len(rare_x) + len(away_x), k, dtype=np.int64),
        np.full(len(windows[0]), max(length, k), dtype=np.int64),
    ]
    if not len(x):
        return _NO_RUNS
    i, j, run = _maximal(chars, x, y, size, len(scan.text))
    if cancelled is not None and cancelled():
        raise Cancelled
    # anchored by a kept seed: some gram place of the run in x is kept (a run of rare grams always is)
    # (the runs come by x: the binary searches' queries ascend)
    seeds = np.flatnonzero(indexed.kept_at)
    first, after = np.searchsorted(seeds, i), np.searchsorted(seeds, i + run - k, "right")
    anchored = after > first
    i, j, run, first, after = picked(anchored, i, j, run, first, after)
    # a run's seeds reach from its first kept gram place to its last one's end (a run through sampled-away
    # seeds may hold places that are none at either end): how far its neighbours are is told from there
    first_kept, last_kept = seeds[first], seeds[after - 1]
    near_x, near_y = _neighbours(indexed, scan, chars, i, j, run, (first_kept - i, last_kept + k - i))
    if len(near_x):
        found = _maximal(chars, near_x, near_y, np.full(len(near_x), k, dtype=np.int64), len(scan.text))
        i, j, run = (np.r_[column, more] for column, more in zip((i, j, run), found, strict=True))
    # each run once, by x, then y
    _, once = np.unique(i * (len(scan.text) + 1) + j, return_index=True)  # (nearly sorted: a fast merge)
    return RunArrays(i[once], j[once], run[once])


class _Chars(NamedTuple):
    """Both texts' characters as `GramTable.padded` and `vector_runs.padded_other` hold them (a text's
    ends and its redactions never equal the other side's), 32-bit, with `margin` more sentinels at each
    end: a window of the text reaching past an end reads sentinels, not another place."""

    x: np.ndarray
    y: np.ndarray
    margin: int

    @classmethod
    def of(cls, indexed: IndexedGrams, scan: ScannedGrams) -> _Chars:
        margin = _WINDOW + 2 * indexed.k
        return cls(
            _with_margin(indexed.points, margin, -1, -2), _with_margin(scan.points, margin, -3, -4), margin
        )


def _with_margin(points: np.ndarray, margin: int, sentinel: int, redaction: int) -> np.ndarray:
    chars = np.full(len(points) + 2 * (margin + 1), sentinel, dtype=np.int32)
    chars[margin + 1 : margin + 1 + len(points)] = points
    chars[np.flatnonzero(points == _RED) + margin + 1] = redaction
    return chars


def _gram_hits(
    indexed: IndexedGrams,
    scan: ScannedGrams,
    y_firsts: np.ndarray,
    where: np.ndarray,
    grams: np.ndarray,
    kept: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (x, y) of places of the scanned text's grams `grams` (indices of its distinct grams
    found in `indexed`), the x places only those kept as seeds (`kept`) or only those sampled away."""
    per, sizes = indexed.sizes[where[grams]], scan.sizes[grams]
    x_first = indexed.firsts[where[grams]]  # where the gram's places start in `indexed.order`
    y_first = y_firsts[grams]  # … and in `scan.order`
    count = per * sizes
    one = count == 1  # most rare grams: once on each side (kept: a gram's only place always is)
    x_one, y_one = (indexed.order[x_first[one]], scan.order[y_first[one]]) if kept else (_EMPTY, _EMPTY)
    per, x_first, y_first, count = picked(~one, per, x_first, y_first, count)
    total = int(count.sum())
    gram = np.repeat(np.arange(len(count)), count)
    n = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(count) - count, count)  # within the gram
    x_many, y_many = indexed.order[x_first[gram] + n % per[gram]], scan.order[y_first[gram] + n // per[gram]]
    chosen = indexed.kept_at[x_many] == kept
    return np.r_[x_one, x_many[chosen]], np.r_[y_one, y_many[chosen]]


def _window_pairs(
    indexed: IndexedGrams, scan: ScannedGrams, where: np.ndarray, common: np.ndarray, length: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """The places (x, y) where the two texts hold the same window of `length` characters made only of
    grams common in the pair; None beyond `MAX_HITS` pairs of places."""
    k = indexed.k
    offsets = sorted({*range(0, length - k + 1, k), length - k})
    # which gram places may start such a window, on each side
    y_common = np.zeros(len(scan.codes), dtype=bool)
    y_common[scan.order[np.repeat(common, scan.sizes)]] = True
    in_pair = np.zeros(len(indexed.distinct), dtype=bool)
    in_pair[where[common]] = True  # the indexed text's grams common in the pair
    x_common = np.zeros(len(indexed.codes), dtype=bool)
    x_common[indexed.order[np.repeat(in_pair, indexed.sizes)]] = True
    x_starts, y_starts = (_window_starts(ok, offsets) for ok in (x_common, y_common))
    if not len(x_starts) or not len(y_starts):
        return _EMPTY, _EMPTY
    x_keys = _window_keys(indexed.codes, x_starts, offsets)
    y_keys = _window_keys(scan.codes, y_starts, offsets)
    by_key = np.argsort(x_keys)
    x_keys, x_starts = x_keys[by_key], x_starts[by_key]
    by_key = np.argsort(y_keys)  # (ascending queries: numpy's binary searches go 3x as fast)
    y_keys, y_starts = y_keys[by_key], y_starts[by_key]
    low = np.searchsorted(x_keys, y_keys, "left")
    count = np.searchsorted(x_keys, y_keys, "right") - low
    total = int(count.sum())
    if total > MAX_HITS:
        return None
    xs = x_starts[np.repeat(low - np.cumsum(count) + count, count) + np.arange(total, dtype=np.int64)]
    ys = np.repeat(y_starts, count)
    same = np.ones(total, dtype=bool)
    for offset in offsets:  # equal keys, checked code by code
        same &= indexed.codes[xs + offset] == scan.codes[ys + offset]
    return xs[same], ys[same]


def _window_starts(ok: np.ndarray, offsets: list[int]) -> np.ndarray:
    """The gram places p where p + every offset is an `ok` gram place."""
    last = offsets[-1]
    if len(ok) <= last:
        return _EMPTY
    every = ok[: len(ok) - last].copy()
    for offset in offsets[1:]:
        every &= ok[offset : len(ok) - last + offset]
    return np.flatnonzero(every)


def _window_keys(codes: np.ndarray, starts: np.ndarray, offsets: list[int]) -> np.ndarray:
    key = np.zeros(len(starts), dtype=np.uint64)
    for n, offset in enumerate(offsets):
        key += codes[starts + offset] * _MIX[n % len(_MIX)] + np.uint64(n)
    return key


def _maximal(
    chars: _Chars, x: np.ndarray, y: np.ndarray, size: np.ndarray, scanned: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The maximal exact runs through matched stretches (x, y, size): the stretches of one diagonal that
    overlap or touch are merged, then each grown to its run, each run kept once."""
    span = scanned + 1  # more than any end in y: diagonal and place make one ascending key
    bits = int(size.max()).bit_length()
    # diagonal, place and size in one number (the diagonal counted from 0), sorted: a sort, not an argsort
    packed = np.sort((((x - y + scanned) * span + y) << bits) | size)
    key, end = packed >> bits, (packed >> bits) + (packed & ((1 << bits) - 1))
    reach = np.maximum.accumulate(end)  # the furthest end so far: only this diagonal's (keys ascend)
    starts = np.flatnonzero(np.r_[True, key[1:] > reach[:-1]])
    ends = reach[np.r_[starts[1:] - 1, len(key) - 1]]
    start = key[starts]
    d, j = start // span, start % span
    i, run = j + d - scanned, ends - start
    # Stretches of one run apart (its grams common between its rare ones) need not each grow through
    # the whole run: each grows on only up to the next stretch of its diagonal, and those that reach it
    # are one run with it; then each run grows back from its first stretch and on from its last.
    # (`_matching` takes places in `padded`: a character's place plus one, here plus the margin too)
    same = np.r_[d[1:] == d[:-1], False]  # the next stretch is on the same diagonal
    gap = np.where(same, np.r_[j[1:], 0] - (j + run), np.iinfo(np.int64).max)
    ahead = _matching(chars.x, chars.y, i + run + chars.margin + 1, j + run + chars.margin + 1, 1, gap)
    joined = ahead >= gap
    first = np.flatnonzero(np.r_[True, ~joined[:-1]])
    last = np.r_[first[1:] - 1, len(i) - 1]
    i, j, end = i[first], j[first], j[last] + run[last] + ahead[last]
    back = _matching(chars.x, chars.y, i + chars.margin, j + chars.margin, -1)
    i, j, run = i - back, j - back, end - j + back
    once = _first_of_each(i * span + j)
    return i[once], j[once], run[once]


def _first_of_each(keys: np.ndarray) -> np.ndarray:
    """`np.unique(keys, return_index=True)[1]` (each distinct key's first index, by key) of keys of at
    least 0: key and index packed in one number and sorted (numpy's `unique` takes a stable argsort, a
    merge sort of them: several times as long on a long pair's runs)."""
    count = len(keys)
    if not count or (int(keys.max()) + 1) * count >= 1 << 63:
        return np.unique(keys, return_index=True)[1]
    packed = np.sort(keys * count + np.arange(count, dtype=np.int64))
    key = packed // count
    return (packed - key * count)[np.r_[True, key[1:] != key[:-1]]]


#: A short run of common grams is kept when it is the nearest run after or before a kept one on their
#: diagonal, at most this many characters away: a copy cut short by edits continues on its diagonal.
_WINDOW = 32


def _neighbours(
    indexed: IndexedGrams,
    scan: ScannedGrams,
    chars: _Chars,
    i: np.ndarray,
    j: np.ndarray,
    run: np.ndarray,
    seeded: tuple[np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray]:
    """The kept seed hits (x, y) nearest after and before each run on its diagonal, at most `_WINDOW`
    characters from its seeds (`seeded`: where they start and end in the run), as `find_runs_vectorised`
    measured between groups of seed hits. A hit of k characters holds one scanned place divisible by k,
    so the characters there are compared first (about 9 a side per run; for nine runs in ten none is
    equal), and only the windows with an equal one have their grams compared."""
    k, runs = indexed.k, len(i)
    # the windows after the runs, then those before: their first gram place (in y) and diagonal, and
    # the nearest and furthest gram place a neighbour may start at
    first = np.r_[j + run + 1, j - _WINDOW - k]
    nearest_at = np.r_[first[:runs], j - 1 - k]
    furthest_at = np.r_[j + seeded[1] + _WINDOW, j + seeded[0] - _WINDOW - k]
    last = first + _WINDOW + k - 2  # the window's last character
    divisible = -(-first // k) * k  # its first place divisible by k
    y_at = (divisible + chars.margin + 1).astype(np.int32)  # … in `chars`
    x_at = y_at + np.r_[i - j, i - j].astype(np.int32)
    maybe = np.zeros(len(first), dtype=bool)
    for step in range(0, _WINDOW + k - 1, k):  # (a column at a time: a third of the time of a 2-D take)
        equal = chars.x[x_at + step] == chars.y[y_at + step]
        if step + k > _WINDOW:  # only the last places may lie past the window
            equal &= divisible + step <= last
        maybe |= equal
    maybe = np.flatnonzero(maybe)
    found = [
        _nearest_hits(indexed, scan, maybe[at : at + _ROWS], runs, first, nearest_at, furthest_at, i - j)
        for at in range(0, len(maybe), _ROWS)  # (a bounded block of windows at a time: 32 places each)
    ]
    if not found:
        return _EMPTY, _EMPTY
    return np.concatenate([x for x, _ in found]), np.concatenate([y for _, y in found])


#: Windows whose grams are compared at once by `_neighbours` (each a row of `_WINDOW` places).
_ROWS = 1 << 15


def _nearest_hits(
    indexed: IndexedGrams,
    scan: ScannedGrams,
    windows: np.ndarray,
    runs: int,
    first: np.ndarray,
    nearest_at: np.ndarray,
    furthest_at: np.ndarray,
    shift: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """`_neighbours` of these windows (indices: after a run below `runs`, before one from it on)."""
    after = windows < runs
    ys = first[windows, None] + np.arange(_WINDOW)
    xs = ys + shift[np.where(after, windows, windows - runs), None]
    low = np.where(after, nearest_at[windows], furthest_at[windows])[:, None]
    high = np.where(after, furthest_at[windows], nearest_at[windows])[:, None]
    valid = (
        (ys >= low)
        & (ys <= high)
        & (ys >= 0)
        & (ys < len(scan.codes))
        & (xs >= 0)
        & (xs < len(indexed.codes))
    )
    ys_at, xs_at = np.clip(ys, 0, len(scan.codes) - 1), np.clip(xs, 0, len(indexed.codes) - 1)
    hit = valid & indexed.kept_at[xs_at] & (indexed.codes[xs_at] == scan.codes[ys_at])
    rows = np.flatnonzero(hit.any(axis=1))
    # the nearest: the first hit of a window after a run, the last of one before
    nearest = np.where(after[rows], hit[rows].argmax(axis=1), _WINDOW - 1 - hit[rows, ::-1].argmax(axis=1))
    return xs[rows, nearest], ys[rows, nearest]
