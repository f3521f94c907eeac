"""The diff alignment of a chosen passage: its matched blocks as equal segments, the text between them as
replace, delete or insert segments, in original offsets (the compare view's diff panel and the reports)."""

from __future__ import annotations

from app.core.normalize import NormalizedView
from app.core.passages.extend import Candidate
from app.core.passages.model import AlignedSegment, SegmentTag


def segments(
    group: list[Candidate],
    vx: NormalizedView,
    vy: NormalizedView,
    tx: str,
    ty: str,
    mirrored: bool = False,
) -> tuple[AlignedSegment, ...]:
    """The diff-view alignment of a (possibly grouped) passage, in original offsets; `mirrored`: seen
    from y (`Passage.mirrored`'s alignment, made directly: every step below treats the sides alike)."""
    if mirrored:
        vx, vy, tx, ty = vy, vx, ty, tx
    if len(group) == 1 and len(group[0].blocks) == 1:  # one exact run (most passages of a long pair)
        x, y, n = group[0].blocks[0]
        if mirrored:
            x, y = y, x
        return (AlignedSegment("equal", *vx.original_span(x, x + n), *vy.original_span(y, y + n)),)
    out: list[AlignedSegment] = []
    for cand in group:
        prev: tuple[int, int] | None = None
        for x, y, n in cand.blocks:
            if mirrored:
                x, y = y, x
            ox0, ox1 = vx.original_span(x, x + n)
            oy0, oy1 = vy.original_span(y, y + n)
            if prev is not None and (ox0 > prev[0] or oy0 > prev[1]):
                out.extend(_gap_segments(tx, prev[0], ox0, ty, prev[1], oy0))
            out.append(AlignedSegment("equal", ox0, ox1, oy0, oy1))
            prev = (ox1, oy1)
    return tuple(_merge_equal(out))


def _gap_segments(tx: str, a0: int, a1: int, ty: str, b0: int, b1: int) -> list[AlignedSegment]:
    """The text between two matched blocks: what both sides share at its ends is equal, the rest an edit."""
    head = 0
    while a0 + head < a1 and b0 + head < b1 and tx[a0 + head] == ty[b0 + head]:
        head += 1
    tail = 0
    while a1 - tail > a0 + head and b1 - tail > b0 + head and tx[a1 - tail - 1] == ty[b1 - tail - 1]:
        tail += 1
    out = []
    if head:
        out.append(AlignedSegment("equal", a0, a0 + head, b0, b0 + head))
    m0, m1, n0, n1 = a0 + head, a1 - tail, b0 + head, b1 - tail
    if m0 < m1 or n0 < n1:
        tag: SegmentTag = "replace" if m0 < m1 and n0 < n1 else "delete" if m0 < m1 else "insert"
        out.append(AlignedSegment(tag, m0, m1, n0, n1))
    if tail:
        out.append(AlignedSegment("equal", a1 - tail, a1, b1 - tail, b1))
    return out


def _merge_equal(segs: list[AlignedSegment]) -> list[AlignedSegment]:
    merged: list[AlignedSegment] = []
    for seg in segs:
        last = merged[-1] if merged else None
        if (
            last is not None
            and seg.tag == last.tag == "equal"
            and seg.a_start == last.a_end
            and seg.b_start == last.b_end
        ):
            merged[-1] = AlignedSegment("equal", last.a_start, seg.a_end, last.b_start, seg.b_end)
        else:
            merged.append(seg)
    return merged
