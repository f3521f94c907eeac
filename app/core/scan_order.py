"""The order a scan measures its units in: each next unit the one whose documents a worker holds most.

A unit is a speech with its candidates among earlier speeches (app.core.scan). In id order, a unit's
candidates are random earlier speeches, so a worker keeping a few hundred prepared texts prepares and
seed-indexes almost every candidate afresh (~10 ms of CPU each, most of a pair's cost on the 10,000-speech
benchmark library: 0.76 documents loaded per pair with 800 kept). Units are still whole (each pair
still belongs to its higher id and a unit is stored with its pairs in one transaction, so resuming is
unchanged); only the order they are measured in changes: greedily, the pending unit with the most
documents in a simulated cache of the `kept` most recently used texts goes next (0.38 documents loaded per
pair there). The worker keeps the same number of texts, most recently used first (app.scan.work).
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Callable, Sequence

from app.core.scan import ScanUnit

#: Prepared texts (with their seed indexes, ~1.9 MB each on ~8,000-character speeches) a worker keeps.
DOCUMENTS_KEPT = 800


#: Units ordered between looks at the cancel flag.
_CHECK_EVERY = 256


def locality_order(
    units: Sequence[ScanUnit], kept: int = DOCUMENTS_KEPT, cancelled: Callable[[], bool] | None = None
) -> list[ScanUnit]:
    """`units` reordered so consecutive units share documents (ties: the plan's order). ~13 s of CPU for
    the 10,000 units of the benchmark library; the order decides only speed, never what is found. Once
    `cancelled` says so, the units not yet placed follow in the plan's order (a stopped scan does not wait)."""
    members = [(u.document_id, *u.candidates) for u in units]
    units_of: dict[int, list[int]] = {}
    for number, documents in enumerate(members):
        for document in documents:
            units_of.setdefault(document, []).append(number)
    score = [0] * len(units)  # documents of each unit in the simulated cache
    done = [False] * len(units)
    heap = [(0, number) for number in range(len(units))]
    cache: OrderedDict[int, None] = OrderedDict()
    order: list[ScanUnit] = []

    def count(document: int, step: int) -> None:
        for number in units_of[document]:
            if not done[number]:
                score[number] += step
                heapq.heappush(heap, (-score[number], number))

    while heap:
        negative, number = heapq.heappop(heap)
        if done[number] or -negative != score[number]:
            continue  # finished, or an outdated score
        done[number] = True
        order.append(units[number])
        if cancelled is not None and len(order) % _CHECK_EVERY == 0 and cancelled():
            return order + [unit for unit, placed in zip(units, done, strict=True) if not placed]
        for document in members[number]:
            if document in cache:
                cache.move_to_end(document)
                continue
            cache[document] = None
            count(document, 1)
            if len(cache) > kept:
                count(cache.popitem(last=False)[0], -1)
    return order


def documents_loaded(units: Sequence[ScanUnit], kept: int = DOCUMENTS_KEPT) -> int:
    """How many texts a worker keeping the `kept` most recently used prepares over `units` in this order
    (what the order saves; the benchmark's estimate of a whole scan uses it)."""
    cache: OrderedDict[int, None] = OrderedDict()
    loaded = 0
    for unit in units:
        for document in (unit.document_id, *unit.candidates):
            if document in cache:
                cache.move_to_end(document)
                continue
            loaded += 1
            cache[document] = None
            if len(cache) > kept:
                cache.popitem(last=False)
    return loaded
