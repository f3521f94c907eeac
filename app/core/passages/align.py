"""Choosing passages: one-to-one resolution and grouping of reordered parts (the diff alignment of a chosen
passage is in diff_segments.py).

A phrase repeated in one speech matches every repetition in the other. The best candidates (most
matched characters) claim their text first; a weaker candidate keeps only what is still unclaimed on both
sides, so each character belongs to at most one passage and the same reuse is not counted twice.
"""

from __future__ import annotations

import heapq
import sys
from bisect import bisect_right
from collections.abc import Sequence
from itertools import islice
from operator import add, attrgetter
from typing import TYPE_CHECKING

from app.core.passages.extend import Candidate, make_candidate
from app.core.passages.intervals import IntervalSet, Occupancy
from app.core.passages.overlaps import Overlaps, box_coverage
from app.core.passages.seeds import Run

if TYPE_CHECKING:
    from app.core.passages.vector_runs import RunArrays


def _unclaimed_blocks(blocks: tuple[Run, ...], xs: Occupancy, ys: Occupancy) -> list[Run]:
    out: list[Run] = []
    for x, y, n in blocks:
        for fx0, fx1 in xs.free_parts(x, x + n):
            shift = y - x
            for fy0, fy1 in ys.free_parts(fx0 + shift, fx1 + shift):
                out.append((fy0 - shift, fy0, fy1 - fy0))
    return out


def _pieces(blocks: list[Run], xs: Occupancy, ys: Occupancy, max_gap: int) -> list[list[Run]]:
    """Split blocks where a gap is too wide or crosses claimed text (a passage must not span it)."""
    pieces: list[list[Run]] = []
    current: list[Run] = []
    for block in blocks:
        if current:
            px, py, pl = current[-1]
            gx0, gy0 = px + pl, py + pl
            if (
                block[0] - gx0 > max_gap
                or block[1] - gy0 > max_gap
                or block[1] < gy0
                or (block[0] > gx0 and xs.overlaps(gx0, block[0]))
                or (block[1] > gy0 and ys.overlaps(gy0, block[1]))
            ):
                pieces.append(current)
                current = []
        current.append(block)
    if current:
        pieces.append(current)
    return pieces


def trim_ends(blocks: list[Run]) -> list[Run]:
    """Drop what was matched by chance at the ends of a piece: single characters, and an end part that
    matches fewer characters than the gap that separates it from the rest (a phrase of the text next
    to a reused passage, bridged to it over the gap)."""
    lo, hi, before = 0, len(blocks), None
    while (lo, hi) != before:
        before = (lo, hi)
        while lo < hi and blocks[lo][2] < 2:
            lo += 1
        while hi > lo and blocks[hi - 1][2] < 2:
            hi -= 1
        lo = _after_stray_head(blocks, lo, hi)
        hi = _before_stray_tail(blocks, lo, hi)
    return blocks[lo:hi]


def _after_stray_head(blocks: list[Run], lo: int, hi: int) -> int:
    """Index of the first block kept once a stray head (outweighed by the gap after it) is cut off."""
    cut, matched = lo, 0
    for n in range(lo, hi - 1):
        x, y, size = blocks[n]
        matched += size
        gap = max(blocks[n + 1][0] - x - size, blocks[n + 1][1] - y - size)
        if gap > matched:
            cut = n + 1
        elif matched > _STRAY_MAX:
            break
    return cut


def _before_stray_tail(blocks: list[Run], lo: int, hi: int) -> int:
    """End of the blocks kept once a stray tail (outweighed by the gap before it) is cut off: the mirror
    of `_after_stray_head`, walked from the end, so a long piece is not copied to be walked backwards."""
    cut, matched = hi, 0
    for n in range(hi - 1, lo, -1):
        x, y, size = blocks[n]
        matched += size
        px, py, psize = blocks[n - 1]
        gap = max(x - px - psize, y - py - psize)
        if gap > matched:
            cut = n
        elif matched > _STRAY_MAX:
            break
    return cut


#: A stray head matches at most this many characters (it is cut only across a wider gap, and gaps of a
#: chain are at most `max_gap` wide)
_STRAY_MAX = 64


def acceptable(cand: Candidate, min_chars: int, min_similarity: float) -> bool:
    return (
        cand.x1 - cand.x0 >= min_chars
        and cand.y1 - cand.y0 >= min_chars
        and cand.similarity >= min_similarity
    )


def resolve(
    candidates: list[Candidate], min_chars: int, min_similarity: float, max_gap: int, context: int = 0
) -> list[Candidate]:
    """Strongest candidates first; later ones keep only unclaimed text, or are dropped.

    A text repeated in one document (a photo caption, a sentence said twice, a whole report reprinted
    under 相关新闻) matches each repetition; the one next to other shared text in both documents (within
    `context`) continues a reused block and is the reuse. So a candidate's strength is its matched
    characters plus a bonus for its neighbours, and between equally strong ones the better supported
    goes first, so that the parts of a block repeated whole tend to go together.
    """
    if not context:
        support = [0] * len(candidates)
    elif len(candidates) >= _ARRAY_CANDIDATES and "numpy" in sys.modules:
        from app.core.passages.vector_runs import neighbour_support

        support = neighbour_support(candidates, context)
    else:
        support = _neighbour_support(candidates, context)
    return _claim(candidates, support, min_chars, min_similarity, max_gap, context)


#: From this many candidates on (and numpy loaded by the run finder), their support is summed in arrays.
_ARRAY_CANDIDATES = 64


def _claim(
    candidates: list[Candidate],
    support: list[int],
    min_chars: int,
    min_similarity: float,
    max_gap: int,
    context: int,
) -> list[Candidate]:
    """One round of resolution: candidates by strength claim their text; `support` grows with pieces."""

    # equal strengths (a repeated text, matched the same at each place): the better-supported first.
    # The candidates are sorted once; the pieces left of them wait in a heap (a long pair has thousands of
    # candidates and a hundred pieces), and each step takes the first of the two.
    # (a heap entry ends with its candidate; a sorted one is its key alone, the candidate found by index)
    order: list[tuple[float, int, int, int, int]]
    if len(candidates) >= _ARRAY_CANDIDATES and "numpy" in sys.modules:
        from app.core.passages.vector_runs import strength_order

        order = strength_order(candidates, support)  # (the same keys, sorted in arrays)
    else:
        order = sorted(_entry(n, c, support[n])[:5] for n, c in enumerate(candidates))
    heap: list[tuple[float, int, int, int, int, Candidate]] = []
    xs, ys = _maps(max((c.x1 for c in candidates), default=0), max((c.y1 for c in candidates), default=0))
    taken_x, taken_y = xs.taken, ys.taken  # (the overlap tests inlined: most candidates are only tested)
    near = _Accepted(context)
    accepted: list[Candidate] = []
    at, total = 0, len(order)
    while at < total or heap:  # the entries of `order` and of `heap` (growing meanwhile), smallest first
        if heap and (at == total or heap[0] < order[at]):
            n, cand = heapq.heappop(heap)[4:]
        else:
            n = order[at][4]
            cand = candidates[n]
            at += 1
        x0, x1, y0, y1 = cand.x0, cand.x1, cand.y0, cand.y1
        if taken_x.find(1, x0, x1) < 0 and taken_y.find(1, y0, y1) < 0:
            accepted.append(cand)
            near.add(cand)
            taken_x[x0:x1] = b"\x01" * (x1 - x0)
            taken_y[y0:y1] = b"\x01" * (y1 - y0)
            continue
        if min_chars > 0 and len(cand.blocks) == 1:  # `_too_little_left` of one block, inlined
            if taken_x.find(0, x0, x1) < 0 or taken_y.find(0, y0, y1) < 0:
                continue  # wholly taken in one text (most repeats of a stock phrase): nothing left
            left = min(x1 - x0 - taken_x.count(1, x0, x1), y1 - y0 - taken_y.count(1, y0, y1))
            if 2 * left / (2 * min_chars) < min_similarity:
                continue
        elif _too_little_left(cand, xs, ys, min_chars, min_similarity):
            continue  # most candidates of a long pair: a repeat whose every reading is taken
        for piece in _pieces(_unclaimed_blocks(cand.blocks, xs, ys), xs, ys, max_gap):
            piece = trim_ends(piece)
            if not piece:
                continue
            smaller = make_candidate(piece)
            if smaller == cand:
                # Its span holds claimed text that no cut between its blocks leaves out (blocks out of order,
                # which chains never make): as it comes back whole, it would come back for ever.
                continue
            if acceptable(smaller, min_chars, min_similarity):
                # what is left of a candidate may now sit right next to accepted passages
                support.append(max(support[n], near.support(smaller)) if context else 0)
                heapq.heappush(heap, _entry(len(support) - 1, smaller, support[-1]))
    return accepted


def _entry(n: int, cand: Candidate, support: int) -> tuple[float, int, int, int, int, Candidate]:
    """A candidate's place in `_claim`'s order (the smallest first), then the candidate."""
    return (-_strength(cand, support), -support, cand.x0, cand.y0, n, cand)


def _too_little_left(
    cand: Candidate, xs: Occupancy, ys: Occupancy, min_chars: int, min_similarity: float
) -> bool:
    """Whether no piece of what is left of a candidate can be `acceptable`, told without making the pieces.

    A piece's blocks are parts of the candidate's blocks free in both texts, so it matches at most the
    characters `left` below; spanning `min_chars` or more in each text, its similarity is at most that of
    `left` matched over `min_chars` in both (float division is monotone, so this holds as computed too).
    """
    if min_chars <= 0:
        return False
    left = 0
    for x, y, n in cand.blocks:
        left += min(xs.free_count(x, x + n), ys.free_count(y, y + n))
    return 2 * left / (2 * min_chars) < min_similarity


def _maps(reach_x: int, reach_y: int, claimed: Sequence[Candidate] = ()) -> tuple[Occupancy, Occupancy]:
    """What is claimed in x and in y, as byte maps reaching the given ends and those of `claimed`: a long
    pair claims and tests thousands of spans, and bisecting interval lists cost 3x as much."""
    xs = Occupancy(max(reach_x, max((c.x1 for c in claimed), default=0)))
    ys = Occupancy(max(reach_y, max((c.y1 for c in claimed), default=0)))
    for c in claimed:
        xs.add(c.x0, c.x1)
        ys.add(c.y0, c.y1)
    return xs, ys


class _Accepted:
    """Accepted passages by position in x (they are disjoint there), to find those near a candidate."""

    __slots__ = ("boxes", "reach", "starts")

    def __init__(self, reach: int) -> None:
        self.reach = reach
        self.starts: list[int] = []
        self.boxes: list[Candidate] = []

    def add(self, cand: Candidate) -> None:
        at = bisect_right(self.starts, cand.x0)
        self.starts.insert(at, cand.x0)
        self.boxes.insert(at, cand)

    def support(self, cand: Candidate) -> int:
        """Matched characters of the accepted passages within reach of `cand` in both texts (itself and
        other readings of its text left out)."""
        total = 0
        at = bisect_right(self.starts, cand.x0)
        for step, m in ((-1, at - 1), (1, at)):
            while 0 <= m < len(self.boxes):
                other = self.boxes[m]
                if max(other.x0 - cand.x1, cand.x0 - other.x1) > self.reach:
                    break
                if max(other.y0 - cand.y1, cand.y0 - other.y1) <= self.reach and not _rivals(cand, other):
                    total += other.matched
                m += step
        return total


def _rivals(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates share more than a quarter of the shorter one's text in either document
    (chained across an edit, neighbouring parts may overlap by a few characters)."""
    return 4 * (min(a.x1, b.x1) - max(a.x0, b.x0)) > min(a.x1 - a.x0, b.x1 - b.x0) or 4 * (
        min(a.y1, b.y1) - max(a.y0, b.y0)
    ) > min(a.y1 - a.y0, b.y1 - b.y0)


def _strength(cand: Candidate, support: int) -> float:
    """Matched characters, plus half as many again at most for shared text next to the candidate."""
    return cand.matched + min(cand.matched, support) / 2


def _neighbour_support(candidates: list[Candidate], reach: int) -> list[int]:
    """Per candidate, the matched characters of the candidates within `reach` of it in both texts that
    are not its rivals (a candidate for much of the same text is an alternative, not a neighbour)."""
    order = sorted(range(len(candidates)), key=lambda n: candidates[n].x0)
    support = [0] * len(candidates)
    total = len(order)
    for k, n in enumerate(order):
        cand = candidates[n]
        for q in range(k + 1, total):  # not a slice of `order`: that copied the rest of it per candidate
            m = order[q]
            other = candidates[m]
            if other.x0 > cand.x1 + reach:
                break
            if (
                not _rivals(cand, other)
                and max(other.x0 - cand.x1, cand.x0 - other.x1) <= reach
                and max(other.y0 - cand.y1, cand.y0 - other.y1) <= reach
            ):
                support[n] += other.matched
                support[m] += cand.matched
    return support


def _split_axis(group: list[Candidate], axis: int, max_gap: int) -> list[list[Candidate]]:
    key = _SPANS[axis]
    ordered = sorted(group, key=key)
    parts: list[list[Candidate]] = []
    part: list[Candidate] = []
    reach = None
    for cand, (start, end) in zip(ordered, map(key, ordered), strict=True):  # (a long pair cuts thousands)
        if reach is None or start - reach > max_gap:
            part = [cand]
            parts.append(part)
            reach = end
        else:
            part.append(cand)
            if end > reach:
                reach = end
    return parts


#: A candidate's span in x and in y, as sort keys.
_SPANS = (attrgetter("x0", "x1"), attrgetter("y0", "y1"))


def group_reordered(
    accepted: list[Candidate],
    runs: list[Run] | RunArrays,
    min_coverage: float,
    max_gap: int,
    clause_chars: int = 0,
) -> list[list[Candidate]]:
    """Passages that together fill one block in both texts (reordered sentences) become one group.

    Recursive XY-cut: split wherever either text has a gap wider than `max_gap`; what is left is
    contiguous in both texts. A group is kept only if no other passage lies in either box and its parts,
    together with the shorter exact runs between the same boxes (reordered clauses too short to be
    passages of their own), cover at least `min_coverage` of the boxes. Exact runs of `clause_chars` or
    more that no passage claims take part in the cut as clauses: a group of two passages or more keeps
    those that fall in with it (0: none). `runs` come as arrays when numpy found them.
    """
    if not accepted:
        return []
    overlapping = Overlaps(accepted)
    clauses = _free_clauses(accepted, runs, clause_chars) if clause_chars else []
    is_clause = {id(c) for c in clauses}
    # Each group waits with the axis it is known to be one part on: a part of a cut along an axis has no
    # gap along it (cut again, it gives itself back), so only the other axis can cut it.
    pending: list[tuple[list[Candidate], int]] = [(accepted + clauses, -1)]
    final = []
    while pending:
        group, whole_along = pending.pop()
        if len(list(islice((c for c in group if id(c) not in is_clause), 2))) < 2:
            final.append(group)  # one passage at most, with clauses around it: whatever the cuts, no group
            continue
        for axis in (0, 1):
            if axis == whole_along:
                continue
            parts = _split_axis(group, axis, max_gap)
            if len(parts) > 1:
                # (a lone clause makes no group and no passage: most parts of a long pair's cut)
                pending.extend(
                    (part, axis) for part in parts if len(part) > 1 or id(part[0]) not in is_clause
                )
                break
        else:
            final.append(group)
    run_starts = [r[0] for r in runs] if isinstance(runs, list) else runs.x.tolist()
    out: list[list[Candidate]] = []
    dropped: set[int] = set()
    while final:
        group = final.pop()
        passages = [c for c in group if id(c) not in is_clause]
        if len(passages) < 2:
            out.extend([c] for c in passages)
            continue
        # with the clauses that fall in with them, else (when they widen the block too far) without
        for members in (group, passages) if len(passages) < len(group) else (group,):
            verdict = _judge(members, overlapping, dropped, runs, run_starts, min_coverage)
            if verdict is not None:
                break
        if verdict is None:
            out.extend([c] for c in passages)
        elif isinstance(verdict, tuple):
            final.extend(verdict)
        else:
            out.append(sorted(members, key=lambda c: c.x0))
            dropped.update(id(c) for c in verdict)
    if dropped:
        out = [kept for kept in ([c for c in g if id(c) not in dropped] for g in out) if kept]
    return out


def _judge(
    group: list[Candidate],
    overlapping: Overlaps,
    dropped: set[int],
    runs: list[Run] | RunArrays,
    run_starts: list[int],
    min_coverage: float,
) -> list[Candidate] | tuple[list[Candidate], ...] | None:
    """Whether a group is one reused block: the stray repeats it overrides (a list), the pieces to try
    instead (a tuple; a single passage piece when it cannot be cut), or None when it covers too little."""
    x0, x1 = min(c.x0 for c in group), max(c.x1 for c in group)
    y0, y1 = min(c.y0 for c in group), max(c.y1 for c in group)
    members = {id(c) for c in group}
    # Another passage inside either box would end up overlapping the group (a sentence the other
    # text repeats elsewhere matched there): cut the group on both sides of it and try the pieces.
    # A short repeat from far outside the other box is the weaker reading: the block keeps its text.
    intruders = [
        c for c in overlapping.around(x0, x1, y0, y1) if id(c) not in members and id(c) not in dropped
    ]
    weight = sum(c.matched for c in group)
    strong = [c for c in intruders if not _stray_repeat(c, weight, x0, x1, y0, y1)]
    if strong:
        pieces = _cut_around(group, strong[0], x0, x1)
        return tuple(pieces) if len(pieces) > 1 else tuple([c] for c in group)
    if box_coverage(group, runs, run_starts, x0, x1, y0, y1) < min_coverage:
        return None
    return intruders


def _free_clauses(
    accepted: list[Candidate], runs: list[Run] | RunArrays, clause_chars: int
) -> list[Candidate]:
    """Exact runs of at least `clause_chars` characters outside every passage, longest first, each
    character used once."""
    if isinstance(runs, list):
        longest_first = sorted((r for r in runs if r[2] >= clause_chars), key=lambda r: (-r[2], r[0], r[1]))
        xs, ys, sizes = map(list, zip(*longest_first, strict=True)) if longest_first else ([], [], [])
        alone = [False] * len(xs)
    else:
        from app.core.passages.vector_runs import clause_runs

        claimed = (
            IntervalSet.of((c.x0, c.x1) for c in accepted),
            IntervalSet.of((c.y0, c.y1) for c in accepted),
        )
        xs, ys, sizes, alone = clause_runs(runs, clause_chars, claimed)
    # what passages and kept clauses hold (a long pair tries thousands of runs)
    taken_x, taken_y = _maps(
        max(map(add, xs, sizes), default=0), max(map(add, ys, sizes), default=0), accepted
    )
    claimed_x, claimed_y = taken_x.taken, taken_y.taken  # (the overlap tests inlined: thousands of runs)
    clauses = []
    for x, y, length, free in zip(xs, ys, sizes, alone, strict=True):
        if free:  # overlaps no passage and no other clause: whatever comes first, it is kept
            clauses.append(Candidate(((x, y, length),), x, x + length, y, y + length, length))
        elif claimed_x.find(1, x, x + length) < 0 and claimed_y.find(1, y, y + length) < 0:
            clauses.append(Candidate(((x, y, length),), x, x + length, y, y + length, length))
            claimed_x[x : x + length] = claimed_y[y : y + length] = b"\x01" * length
    return clauses


def _stray_repeat(c: Candidate, weight: int, x0: int, x1: int, y0: int, y1: int) -> bool:
    """A passage much weaker than a block that falls inside the block in one text only."""
    inside_x, inside_y = c.x0 < x1 and c.x1 > x0, c.y0 < y1 and c.y1 > y0
    return 4 * c.matched <= weight and inside_x != inside_y


def _cut_around(group: list[Candidate], intruder: Candidate, x0: int, x1: int) -> list[list[Candidate]]:
    """The parts of a group before and after an intruding passage, on the axis it intrudes on."""
    if intruder.x0 < x1 and intruder.x1 > x0:
        before = [c for c in group if c.x1 <= intruder.x0]
        after = [c for c in group if c.x0 >= intruder.x1]
    else:
        before = [c for c in group if c.y1 <= intruder.y0]
        after = [c for c in group if c.y0 >= intruder.y1]
    if len(before) + len(after) != len(group):
        return [group]
    return [piece for piece in (before, after) if piece]
