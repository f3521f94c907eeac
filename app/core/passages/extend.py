"""From exact runs to candidate passages: chain runs along a near-diagonal, then align the gaps.

Edits (a changed character, an inserted 进一步, a dropped comma) break an exact run into pieces that lie
on nearly the same diagonal with small gaps. A chaining pass (best predecessor within `max_gap`, penalised
by how much the diagonal shifts) strings those pieces together; the short gaps between them are aligned
with rapidfuzz's LCS so that characters matched inside a gap count too. Only gaps are aligned, never a
whole passage, so the cost stays linear in the passage length.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import add

from rapidfuzz.distance import LCSseq

from app.core.normalize import REDACTION
from app.core.passages.seeds import Run


@dataclass(slots=True, unsafe_hash=True)
class Candidate:
    """Matched blocks (x, y, length) in normalised offsets, ordered along the passage.

    Never changed once made, but not a frozen dataclass: a long pair makes about 9,000 of them (chains,
    pieces left after resolution, free clauses), and a frozen one costs four times as much to make
    (1.8 against 0.45 µs: each field is set through `object.__setattr__`). Hashed by value all the same.
    """

    blocks: tuple[Run, ...]
    x0: int
    x1: int
    y0: int
    y1: int
    matched: int

    @property
    def similarity(self) -> float:
        return 2 * self.matched / ((self.x1 - self.x0) + (self.y1 - self.y0))


def make_candidate(blocks: list[Run] | tuple[Run, ...]) -> Candidate:
    """A candidate spanning from its first to its last block (blocks may be out of order in y)."""
    if len(blocks) == 1:  # one exact run (most chains of a long pair)
        x, y, size = blocks[0]
        return Candidate(tuple(blocks), x, x + size, y, y + size, size)
    xs, ys, sizes = zip(*blocks, strict=True)  # columns, so that min/max/sum run at C speed
    return Candidate(
        blocks=tuple(blocks),
        x0=min(xs),
        x1=max(map(add, xs, sizes)),
        y0=min(ys),
        y1=max(map(add, ys, sizes)),
        matched=sum(sizes),
    )


def chain_candidate(blocks: list[Run]) -> Candidate:
    """`make_candidate` of blocks in order and disjoint in both texts (`chain_blocks` makes them so, and
    any run of them is so too): it spans from the first block's start to the last block's end, told
    without looking at the blocks between (a long pair makes thousands of such pieces)."""
    x0, y0, _ = blocks[0]
    x, y, size = blocks[-1]
    return Candidate(tuple(blocks), x0, x + size, y0, y + size, sum([n for _, _, n in blocks]))


def chain_runs(runs: list[Run], max_gap: int, min_chars: int = 0) -> list[list[Run]]:
    """Group runs (sorted by x) into chains increasing in both texts, each run used once.

    Dynamic programming over predecessors within `max_gap`; chains shorter than `min_chars` in x that
    are a single run are left out early (most runs are chance matches of a few characters).
    """
    n = len(runs)
    score = [0.0] * n
    pred = [-1] * n
    has_successor = [False] * n
    # Open runs by diagonal band: a predecessor shifts the diagonal by at most max_gap, so only the
    # run's own band and its two neighbours can hold one.
    bands: dict[int, list[int]] = {}
    width = max(max_gap, 1)
    for r, (i, j, length) in enumerate(runs):
        best, best_score = -1, float(length)
        band = (j - i) // width
        x_end, y_end = i + length, j + length
        horizon = i - max_gap
        for b in (band - 1, band, band + 1):
            members = bands.get(b)
            if not members:
                continue
            keep = []
            for p in members:
                pi, pj, pl = runs[p]
                pxe = pi + pl
                if pxe < horizon:
                    continue
                keep.append(p)
                pye = pj + pl
                if pi >= i or pj >= j or pxe >= x_end or pye >= y_end:
                    continue
                gx, gy = i - pxe, j - pye
                shift = gx - gy if gx > gy else gy - gx
                if gx > max_gap or gy > max_gap or shift > max_gap:
                    continue
                low = gx if gx < gy else gy
                value = score[p] + length - 0.5 * shift
                if low < 0:
                    value += low
                elif low > 0:
                    value -= 0.1 * (gx if gx > gy else gy)
                if value > best_score:
                    best, best_score = p, value
            bands[b] = keep
        if band in bands:
            bands[band].append(r)
        else:
            bands[band] = [r]
        score[r], pred[r] = best_score, best
        if best >= 0:
            has_successor[best] = True
    order = [r for r in range(n) if pred[r] >= 0 or has_successor[r] or runs[r][2] >= min_chars]
    order.sort(key=lambda q: (-score[q], q))
    return walk_chains(order, pred, runs)


def walk_chains(
    order: list[int], pred: list[int], runs: Sequence[Run] | Mapping[int, Run]
) -> list[list[Run]]:
    """The chains: from each run in `order` not used yet, back through its predecessors until a used
    one, each run used once (the best-scored chain keeps a run two chains could end with)."""
    used = [False] * len(pred)
    chains: list[list[Run]] = []
    for r in order:
        if used[r]:
            continue
        used[r] = True
        q = pred[r]
        if q < 0 or used[q]:  # most chains: one run
            chains.append([runs[r]])
            continue
        path = [runs[r]]
        while q >= 0 and not used[q]:
            used[q] = True
            path.append(runs[q])
            q = pred[q]
        path.reverse()
        chains.append(path)
    return chains


def chain_blocks(chain: list[Run], x: str, y: str) -> list[Run]:
    """Matched blocks of a chain: its runs (overlaps clipped) plus LCS matches inside the gaps, in order
    and disjoint in both texts (a run of the chain starts after its predecessor in both)."""
    blocks: list[Run] = []
    for i, j, length in chain:
        if blocks:
            pi, pj, pl = blocks[-1]
            cut = max(pi + pl - i, pj + pl - j, 0)
            i, j, length = i + cut, j + cut, length - cut
            if length <= 0:
                continue
            gap_x, gap_y = x[pi + pl : i], y[pj + pl : j]
            if gap_x and gap_y and REDACTION not in gap_x and REDACTION not in gap_y:
                for block in LCSseq.editops(gap_x, gap_y).as_matching_blocks():
                    if block.size:
                        blocks.append((pi + pl + block.a, pj + pl + block.b, block.size))
        blocks.append((i, j, length))
    return blocks


def split_at_redactions(blocks: list[Run], x: str, y: str) -> list[list[Run]]:
    """Cut a chain where the text between two blocks holds a redaction: it never belongs to a passage."""
    pieces: list[list[Run]] = [[]]
    for block in blocks:
        if pieces[-1]:
            px, py, pl = pieces[-1][-1]
            if REDACTION in x[px + pl : block[0]] or REDACTION in y[py + pl : block[1]]:
                pieces.append([])
        pieces[-1].append(block)
    return [piece for piece in pieces if piece]


def split_weak(
    blocks: list[Run], min_similarity: float, min_chars: int = 0
) -> list[tuple[list[Run], Candidate | None]]:
    """Cut a chain at its widest gaps until every piece is similar enough (or a single block); each
    piece with the candidate made of it to tell (None for a single block), for the caller to reuse.

    A piece spanning fewer than `min_chars` in either text is left out as it comes: cut or trimmed, no
    part of it can make a candidate that long (most pieces of the chains of chance runs that a pair of
    long reports makes by the thousand, which were cut down to single blocks before)."""
    pending: list[list[Run]] = [blocks]
    done: list[tuple[list[Run], Candidate | None]] = []
    while pending:
        piece = pending.pop()
        if min_chars and narrow(piece, min_chars):
            continue
        if len(piece) == 1:
            done.append((piece, None))
            continue
        whole = chain_candidate(piece)
        if whole.similarity >= min_similarity:
            done.append((piece, whole))
            continue
        widest, at = -1, 1
        for n in range(1, len(piece)):
            px, py, pl = piece[n - 1]
            gap = max(piece[n][0] - px - pl, piece[n][1] - py - pl)
            if gap > widest:
                widest, at = gap, n
        pending.extend((piece[:at], piece[at:]))
    return done


def narrow(blocks: list[Run], min_chars: int) -> bool:
    """Whether blocks in order (a piece of a chain) span fewer than `min_chars` in either text."""
    (x0, y0, _), (x, y, size) = blocks[0], blocks[-1]
    return x + size - x0 < min_chars or y + size - y0 < min_chars
