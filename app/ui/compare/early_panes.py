"""Panes drawn while other pairs still match: the order pairs are matched in so that documents have all
their pairs done early, and a done document's side of its passages before the passages are numbered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.core.passages import PairSummary, Passage
from app.ui.compare.links import Link

PairResult = tuple[list[Passage], PairSummary]


def pair_order(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`pairs` in the order to match them so that documents have all their pairs done early, one after
    another, while the caller takes pairs from the front of the list and the helper from the back
    (helper_pool.shared_groups): a pane can then be drawn while the rest still match (`pane_ready`).

    Each end completes one document's pairs at a time: the front the lowest document with pairs left,
    taking its partners from the highest; the back the highest document, taking partners from the
    lowest, so that each end also does the other's shared pair early. The ends take turns; the list is
    the front's picks followed by the back's in reverse. The results do not depend on this order."""
    left = set(pairs)
    front: list[tuple[int, int]] = []
    back: list[tuple[int, int]] = []
    turn_front = True
    while left:
        docs = {n for pair in left for n in pair}
        target = min(docs) if turn_front else max(docs)
        star = sorted((pair for pair in left if target in pair), key=lambda pair: sum(pair) - target)
        pick = star[-1] if turn_front else star[0]
        left.discard(pick)
        (front if turn_front else back).append(pick)
        turn_front = not turn_front
    return front + back[::-1]


def provisional_links(results: Mapping[tuple[int, int], PairResult], doc: int, count: int) -> list[Link]:
    """Document `doc`'s side of every passage of its pairs (all in `results`), as `links_by_doc` will give
    it from the whole result, except that each Link's number is -1: a passage's number is its index among
    all pairs' passages, unknown while earlier pairs still match. The passages are the same objects, taken
    in the same order, so the two lists sort alike, link for link."""
    out: list[Link] = []
    for other in range(count):
        if other == doc:
            continue
        pair = (min(doc, other), max(doc, other))
        for p in results[pair][0]:
            if p.a == doc:
                out.append(Link(-1, p.a, p.b, p.a_start, p.a_end, p.b_start, p.b_end, p))
            else:
                out.append(Link(-1, p.b, p.a, p.b_start, p.b_end, p.a_start, p.a_end, p))
    out.sort(key=lambda link: (link.start, link.end, link.partner))
    return out
