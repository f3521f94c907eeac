"""Chaining the runs of a long pair with numpy: exactly what `extend.chain_runs` makes of them, faster.

`lone_short_runs` leaves out the runs too short to be a passage that no other run can chain with (the
necessary conditions of `extend.chain_runs`), which chaining would drop anyway. `chain_runs_vectorised`
chains the rest: `chain_runs` looks at every run of the three neighbouring diagonal bands that is still
within reach, in Python, for each run (about a quarter of a compare of two congress reports); here the
pairs that can link (a predecessor ending within `max_gap` before the run, in a neighbouring band) are
found with binary searches in arrays and filtered there, and only the few that pass every condition of
`chain_runs` are scored in Python, in the same order and with the same arithmetic, so that every score,
every tie and every chain is the same.
"""

from __future__ import annotations

import numpy as np

from app.core.passages.extend import walk_chains
from app.core.passages.seeds import Run
from app.core.passages.vector_runs import RunArrays, picked


def lone_short_runs(runs: RunArrays, max_gap: int, min_chars: int) -> np.ndarray:
    """Mask of the runs shorter than `min_chars` that no other run can precede or follow in a chain.

    `chain_runs` links p before r only when p starts before r in both texts, ends within `max_gap`
    before r's end, and their diagonals are at most `max_gap` apart (same or neighbouring band). Runs
    with no such neighbour on either side are chains of one short run, which `chain_runs` leaves out;
    dropping them before chaining changes no chain. The test here is looser (x only), so it never drops
    a run that could chain.
    """
    if not len(runs.x):
        return np.zeros(0, dtype=bool)
    by_band, band, span = _by_band(runs, max_gap)
    i, length = runs.x[by_band], runs.length[by_band]
    starts = band * span + i  # ascending: by band, then x (the runs come in x order)
    # Each run is also placed in its two neighbouring bands (shifted by a span), so that one search
    # covers a run's own band and both neighbours (`span` keeps the bands apart), not three.
    ends, starts_around = (
        np.sort(np.concatenate((v - span, v, v + span))) for v in (starts + length, starts)
    )
    linked = length >= min_chars
    # Only runs not linked yet are asked about.
    ask = np.flatnonzero(~linked)
    for values, low, high in (
        (ends, -max_gap, -1),  # a predecessor ends in [i - max_gap, i + length - 1]
        (starts_around, 1, max_gap),  # a successor starts in [i + 1, i + length + max_gap]
    ):
        base = starts[ask]
        found = _any_within(values, base + low, base + length[ask] + high)
        linked[ask] = found
        ask = ask[np.flatnonzero(~found)]
    lone = np.empty_like(linked)
    lone[by_band] = ~linked
    return lone


def _by_band(runs: RunArrays, max_gap: int) -> tuple[np.ndarray, np.ndarray, int]:
    """The runs in (diagonal band, x) order, their bands in that order (numbered from 1), and a span
    wider than any run's reach in x, so that band * span + x orders them and keeps bands apart.

    Working in this order makes the binary searches' queries ascending, about 4x faster than in x
    order. The bands are small non-negative numbers, so band and index make one key (a sort, not
    `by_code`'s argsort)."""
    i, j, length = runs
    band = (j - i) // max(max_gap, 1)
    band = band - band.min() + 1
    span = int((i + length).max()) + 2 * max_gap + 2
    by_band = np.sort((band << 32) | np.arange(len(band), dtype=np.int64)) & 0xFFFFFFFF
    return by_band, band[by_band], span


def _any_within(ascending: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Per pair of bounds, whether some value of `ascending` lies in [low, high]: the first value at
    least `low` is at most `high` (one binary search per pair, not one per bound)."""
    at = np.searchsorted(ascending, low, "left")
    return (at < len(ascending)) & (ascending[np.minimum(at, len(ascending) - 1)] <= high)


def chain_runs_vectorised(runs: RunArrays, max_gap: int, min_chars: int = 0) -> list[list[Run]]:
    """`extend.chain_runs(runs.to_list(), max_gap, min_chars)`, the predecessors found in arrays.

    `chain_runs` scores run r from each earlier run p of bands band(r) - 1, band(r), band(r) + 1 (in that
    order, each band's runs in run order; the first best wins) that ends in [x(r) - max_gap, x(r) +
    length(r) - 1] (runs ending before are dropped from the band for good: the runs come in x order),
    starts before r in both texts, ends before r's end in y too, and whose gaps and diagonal shift are
    at most `max_gap`. Those pairs are made here for all runs at once; the scores, which depend on the
    predecessors' scores, are summed in one Python pass over the pairs in that order.
    """
    i, j, length = runs
    n = len(i)
    if not n:
        return []
    by_band, band, span = _by_band(runs, max_gap)
    # The runs by (band, x end), with their keys; each run's predecessors in a band are a range of them.
    keys = band * span + (i + length)[by_band]
    by_end = np.argsort(keys, kind="stable")
    keys, by_end = keys[by_end], by_band[by_end]
    x_order, x_length = i[by_band], length[by_band]
    p_parts, r_parts, order_parts = [], [], []
    for offset, shift in enumerate((-1, 0, 1)):
        base = (band + shift) * span + x_order  # ascending: the searches' queries in order
        low = np.searchsorted(keys, base - max_gap, "left")
        high = np.searchsorted(keys, base + x_length - 1, "right")
        count = high - low
        r = np.repeat(by_band, count)
        at = np.repeat(low - np.cumsum(count) + count, count) + np.arange(int(count.sum()), dtype=np.int64)
        p_parts.append(by_end[at])
        r_parts.append(r)
        order_parts.append(np.full(len(r), offset, dtype=np.int64))
    p, r, offset = (np.concatenate(parts) for parts in (p_parts, r_parts, order_parts))
    pi, pj, pl = i[p], j[p], length[p]
    gx, gy = i[r] - (pi + pl), j[r] - (pj + pl)
    shift = np.abs(gx - gy)
    linked = (
        (pi < i[r])
        & (pj < j[r])
        & (pj + pl < j[r] + length[r])
        & (gx <= max_gap)
        & (gy <= max_gap)
        & (shift <= max_gap)
    )
    p, r, offset, gx, gy, shift = picked(linked, p, r, offset, gx, gy, shift)
    # chain_runs' order: by run, then band (the lower first), then predecessor
    visit = np.lexsort((p, offset, r))
    score = length.astype(np.float64).tolist()  # a run's own length when no predecessor beats it
    pred = [-1] * n
    sizes = length.tolist()
    for q, s, d, low, wide in zip(
        *(column[visit].tolist() for column in (p, r, shift, np.minimum(gx, gy), np.maximum(gx, gy))),
        strict=True,
    ):
        value = score[q] + sizes[s] - 0.5 * d
        if low < 0:
            value += low
        elif low > 0:
            value -= 0.1 * wide
        if value > score[s]:
            score[s], pred[s] = value, q
    return _chains(runs, score, pred, min_chars)


def _chains(runs: RunArrays, score: list[float], pred: list[int], min_chars: int) -> list[list[Run]]:
    """The chains, best score first, each run used once: as `chain_runs` walks back from its runs."""
    i, j, length = runs
    predecessor = np.array(pred, dtype=np.int64)
    in_chain = (predecessor >= 0) | (length >= min_chars)
    in_chain[predecessor[predecessor >= 0]] = True
    members = np.flatnonzero(in_chain)
    order = members[np.lexsort((members, -np.array(score)[members]))].tolist()
    # Only the chains' runs as tuples (a third of a congress-report pair's runs), by run index.
    at = members.tolist()
    chained = dict(
        zip(
            at,
            zip(i[members].tolist(), j[members].tolist(), length[members].tolist(), strict=True),
            strict=True,
        )
    )
    return walk_chains(order, pred, chained)
