"""Passages seen from each document, and the anchor map that scroll sync interpolates along.

A `Link` is one side of a passage: the span in this document, the partner document and the partner's span.
Every pane, the tooltip, the overview marks, keyboard navigation and the table speak Links, so the
"a or b?" question of a Passage is answered once, here. Qt-free.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from heapq import heappop, heappush

from app.core.passages import AlignedSegment, Passage


@dataclass(frozen=True, slots=True)
class Link:
    """Passage `number` (its index in the comparison) as seen from document `doc`."""

    number: int
    doc: int
    partner: int
    start: int
    end: int
    partner_start: int
    partner_end: int
    passage: Passage

    @property
    def kind(self) -> str:
        return self.passage.kind

    @property
    def similarity(self) -> float:
        return self.passage.similarity

    @property
    def partner_text(self) -> str:
        return self.passage.b_text if self.passage.a == self.doc else self.passage.a_text

    def differing(self) -> list[tuple[int, int]]:
        """Spans of this side that the alignment does not pair with equal text (the near-copy's edits)."""
        mine = self.passage.a == self.doc
        spans: list[tuple[int, int]] = []
        for seg in self.passage.alignment:
            if seg.tag != "equal":
                start, end = (seg.a_start, seg.a_end) if mine else (seg.b_start, seg.b_end)
                if end > start and not _same_words(seg, self.passage, mine):
                    spans.append((start, end))
        return spans


def _same_words(seg: AlignedSegment, passage: Passage, mine: bool) -> bool:
    """True when a gap differs only in punctuation or spacing (not worth marking as an edit)."""
    a = passage.a_text[seg.a_start - passage.a_start : seg.a_end - passage.a_start]
    b = passage.b_text[seg.b_start - passage.b_start : seg.b_end - passage.b_start]
    return _letters(a) == _letters(b)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def links_by_doc(passages: Sequence[Passage], count: int) -> list[list[Link]]:
    """For each of `count` documents, its Links sorted by position."""
    out: list[list[Link]] = [[] for _ in range(count)]
    for number, p in enumerate(passages):
        _add_sides(out, number, p)
    for links in out:
        _sort(links)
    return out


def _add_sides(out: list[list[Link]], number: int, p: Passage) -> None:
    out[p.a].append(Link(number, p.a, p.b, p.a_start, p.a_end, p.b_start, p.b_end, p))
    out[p.b].append(Link(number, p.b, p.a, p.b_start, p.b_end, p.a_start, p.a_end, p))


def _sort(links: list[Link]) -> None:
    links.sort(key=lambda link: (link.start, link.end, link.partner))


class PairwiseLinks:
    """`links_by_doc` of a comparison whose pairs land one at a time (in any order): each pair's Links are
    made once every pair before it (in `pairs`' order, the passages' order) has landed, so their numbers
    are known, and a document's Links are sorted once all its pairs are in. With the pairs landing about
    in order while the pool matches the rest, the work is spread over their arrivals instead of made in
    one stretch after the last (the window waits for the interpreter lock that stretch holds)."""

    def __init__(self, pairs: Sequence[tuple[int, int]], count: int) -> None:
        self._pairs = list(pairs)
        self._landed: dict[tuple[int, int], Sequence[Passage]] = {}
        self._next = 0
        self._number = 0
        self._out: list[list[Link]] = [[] for _ in range(count)]
        self._pending = [sum(n in pair for pair in self._pairs) for n in range(count)]

    def add(self, pair: tuple[int, int], passages: Sequence[Passage]) -> None:
        """Pair `pair`'s passages (all of them, in their order) have landed."""
        self._landed[pair] = passages
        while self._next < len(self._pairs) and self._pairs[self._next] in self._landed:
            done = self._pairs[self._next]
            for p in self._landed.pop(done):
                _add_sides(self._out, self._number, p)
                self._number += 1
            self._next += 1
            for n in done:
                self._pending[n] -= 1
                if self._pending[n] == 0:
                    _sort(self._out[n])

    def links(self) -> list[list[Link]]:
        """Every document's Links, sorted (all pairs have landed)."""
        if self._next < len(self._pairs):
            raise ValueError("not every pair has landed")
        return self._out


def neighbour_link(links: Sequence[Link], current: int, top: int, forward: bool) -> Link | None:
    """The passage after (or before) passage `current` in `links` (sorted, wrapping around); with no
    current passage, the first one at or below offset `top` (what F7 / Shift+F7 move to)."""
    if not links:
        return None
    numbers = [k.number for k in links]
    if current in numbers:
        return links[(numbers.index(current) + (1 if forward else -1)) % len(links)]
    after = [k for k in links if k.start >= top]
    if after:
        return after[0]
    return links[0] if forward else links[-1]


class AnchorMap:
    """Monotonic offset pairs between two documents, for Meld-like interpolated scroll sync.

    Passages may cross (a sentence moved): only the heaviest chain of passages in the same order on both
    sides becomes anchors, so the map never runs backwards. Between anchors the position is interpolated
    linearly; each passage contributes its start and end on both sides.
    """

    def __init__(self, links: Sequence[Link], length: int, partner_length: int) -> None:
        chain = _heaviest_chain(sorted(links, key=lambda k: (k.start, k.partner_start)))
        points = [(0, 0)]
        for link in chain:
            for here, there in ((link.start, link.partner_start), (link.end, link.partner_end)):
                if here >= points[-1][0] and there >= points[-1][1]:
                    points.append((here, there))
        points.append((max(length, points[-1][0]), max(partner_length, points[-1][1])))
        self.here = [p[0] for p in points]
        self.there = [p[1] for p in points]

    def map(self, offset: int) -> int:
        """The partner offset that corresponds to `offset` in this document."""
        i = bisect_right(self.here, offset) - 1
        i = min(max(i, 0), len(self.here) - 2)
        x0, x1, y0, y1 = self.here[i], self.here[i + 1], self.there[i], self.there[i + 1]
        if x1 <= x0:
            return y1
        return round(y0 + (y1 - y0) * (min(max(offset, x0), x1) - x0) / (x1 - x0))


def _heaviest_chain(links: list[Link]) -> list[Link]:
    """Links increasing on both sides with the largest total length, in O(n log n).

    Link i may follow link j (j before i in `links`, sorted by start) when j ends before i starts on
    both sides. Links are handed to a prefix-maximum tree keyed by their partner end once this side has
    passed their end; a link then asks the tree for the heaviest chain ending at or before its partner
    start. Ties go to the earliest link, as the quadratic scan this replaced chose (eight panes have 56
    maps of a few hundred links each: that scan alone held the GUI thread for a third of a second).
    """
    if not links:
        return []
    ends = sorted({link.partner_end for link in links})
    rank = {end: i + 1 for i, end in enumerate(ends)}
    tree: list[tuple[int, int]] = [(0, 0)] * (len(ends) + 1)  # (weight, -index), a Fenwick tree of maxima
    best = [0] * len(links)
    back = [-1] * len(links)
    waiting: list[tuple[int, int]] = []  # (this-side end, index) of links not yet in the tree
    for i, link in enumerate(links):
        while waiting and waiting[0][0] <= link.start:
            _end, j = heappop(waiting)
            k = rank[links[j].partner_end]
            while k < len(tree):
                tree[k] = max(tree[k], (best[j], -j))
                k += k & -k
        found, k = (0, 0), bisect_right(ends, link.partner_start)
        while k > 0:
            found = max(found, tree[k])
            k -= k & -k
        best[i] = found[0] + link.end - link.start
        if found[0] > 0:
            back[i] = -found[1]
        heappush(waiting, (link.end, i))
    i = max(range(len(links)), key=best.__getitem__)
    chain = []
    while i >= 0:
        chain.append(links[i])
        i = back[i]
    return chain[::-1]
