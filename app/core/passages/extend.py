"""From exact runs to candidate passages: chain runs along a near-diagonal, then align the gaps.

Edits (a changed character, an inserted 进一步, a dropped comma) break an exact run into pieces that lie
on nearly the same diagonal with small gaps. A chaining pass (best predecessor within `max_gap`, penalised
by how much the diagonal shifts) strings those pieces together; the short gaps between them are aligned
with rapidfuzz's LCS so that characters matched inside a gap count too. Only gaps are aligned, never a
whole passage, so the cost stays linear in the passage length.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from app.core.passages.seeds import Run


@dataclass(frozen=True, slots=True)
class Candidate:
    """Matched blocks (x, y, length) in normalised offsets, ordered along the passage."""

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
    return Candidate(
        blocks=tuple(blocks),
        x0=min(b[0] for b in blocks),
        x1=max(b[0] + b[2] for b in blocks),
        y0=min(b[1] for b in blocks),
        y1=max(b[1] + b[2] for b in blocks),
        matched=sum(b[2] for b in blocks),
    )


def chain_runs(runs: list[Run], max_gap: int) -> list[list[Run]]:
    """Group runs (sorted by x) into chains increasing in both texts, each run used once."""
    n = len(runs)
    score = [0.0] * n
    pred = [-1] * n
    active: list[int] = []
    for r, (i, j, length) in enumerate(runs):
        best, best_score = -1, float(length)
        keep = []
        for p in active:
            pi, pj, pl = runs[p]
            if pi + pl < i - max_gap:
                continue
            keep.append(p)
            if pi >= i or pj >= j or pi + pl >= i + length or pj + pl >= j + length:
                continue
            gx, gy = i - (pi + pl), j - (pj + pl)
            if gx > max_gap or gy > max_gap or gy < -max_gap:
                continue
            overlap = max(0, -min(gx, gy))
            value = score[p] + length - overlap - 0.5 * abs(gx - gy) - 0.1 * max(gx, gy, 0)
            if value > best_score:
                best, best_score = p, value
        keep.append(r)
        active = keep
        score[r], pred[r] = best_score, best
    used = [False] * n
    chains: list[list[Run]] = []
    for r in sorted(range(n), key=lambda q: (-score[q], q)):
        if used[r]:
            continue
        path = []
        while r >= 0 and not used[r]:
            used[r] = True
            path.append(runs[r])
            r = pred[r]
        path.reverse()
        chains.append(path)
    return chains


def chain_blocks(chain: list[Run], x: str, y: str) -> list[Run]:
    """Matched blocks of a chain: its runs (overlaps clipped) plus LCS matches inside the gaps."""
    blocks: list[Run] = []
    for i, j, length in chain:
        if blocks:
            pi, pj, pl = blocks[-1]
            cut = max(pi + pl - i, pj + pl - j, 0)
            i, j, length = i + cut, j + cut, length - cut
            if length <= 0:
                continue
            gap_x, gap_y = x[pi + pl : i], y[pj + pl : j]
            if gap_x and gap_y:
                for block in LCSseq.editops(gap_x, gap_y).as_matching_blocks():
                    if block.size:
                        blocks.append((pi + pl + block.a, pj + pl + block.b, block.size))
        blocks.append((i, j, length))
    return blocks


def split_weak(blocks: list[Run], min_similarity: float) -> list[list[Run]]:
    """Cut a chain at its widest gaps until every piece is similar enough (or a single block)."""
    pending, done = [blocks], []
    while pending:
        piece = pending.pop()
        if len(piece) == 1 or make_candidate(piece).similarity >= min_similarity:
            done.append(piece)
            continue
        widest, at = -1, 1
        for n in range(1, len(piece)):
            px, py, pl = piece[n - 1]
            gap = max(piece[n][0] - px - pl, piece[n][1] - py - pl)
            if gap > widest:
                widest, at = gap, n
        pending.extend((piece[:at], piece[at:]))
    return done
