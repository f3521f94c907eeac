"""Each compared document's share of text inside shared passages: the headers' copy ratios and the heat map.

Counted in normalised characters, like the engine, from the stored texts (or the matching's normalised
views when this process made them), so a result matched elsewhere or read from the cache counts alike.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence

from app.core.normalize import DROPPED, NormalizedView, kept_characters
from app.core.passages import Passage
from app.core.passages.shared_cover import SideCover, covered, share


def shared_ratios(
    texts: Sequence[str],
    passages: Sequence[Passage],
    count_formulas: bool,
    views: Sequence[NormalizedView | None] = (),
) -> tuple[tuple[float, ...], dict[tuple[int, int], float]]:
    """Share of each text (in normalised characters, like the engine) inside shared passages.

    Per document against all others (union of its passages) and per ordered pair. Formula passages count
    only when `count_formulas` is set; by default this equals the engine's copy ratio. `views` may hold
    the matching's normalised views (None where a document was not matched), so they are not rebuilt.
    """
    given = list(views) + [None] * (len(texts) - len(views))
    counters = [
        _offsets_counter(view.offsets) if view is not None else _folded_counter(text)
        for text, view in zip(texts, given, strict=True)
    ]
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for p in passages:
        if p.kind == "copy" or count_formulas:
            spans.setdefault((p.a, p.b), []).append((p.a_start, p.a_end))
            spans.setdefault((p.b, p.a), []).append((p.b_start, p.b_end))
    pair_ratios: dict[tuple[int, int], float] = {}
    ratios: list[float] = []
    for i, counter in enumerate(counters):
        everything: list[tuple[int, int]] = []
        for j in range(len(counters)):
            if j != i:
                own = spans.get((i, j), [])
                everything.extend(own)
                pair_ratios[i, j] = _covered_share(counter, own)
        ratios.append(_covered_share(counter, everything))
    return tuple(ratios), pair_ratios


#: (normalised characters in the view, how many of them lie in the original span [start, end)).
Counter = tuple[int, Callable[[int, int], int]]


def _offsets_counter(offsets: list[int]) -> Counter:
    """Count a matched view's characters by bisecting its offsets (original offset of each character)."""
    return len(offsets), lambda start, end: bisect_left(offsets, end) - bisect_left(offsets, start)


def _folded_counter(text: str) -> Counter:
    """Count the characters of `text`'s normalised view (punctuation dropped) without building it."""
    folded = kept_characters(text, keep_punctuation=False)
    size = len(folded)

    def count(start: int, end: int) -> int:
        end = min(end, size)
        return max(0, end - start - folded.count(DROPPED, start, end))

    return size - folded.count(DROPPED), count


def _covered_share(counter: Counter, spans: list[tuple[int, int]]) -> float:
    """Fraction of normalised characters inside the union of `spans` (original offsets)."""
    total, count = counter
    return share(covered(spans, count), total)


def measured_ratios(
    covers: Mapping[tuple[int, int], tuple[SideCover, SideCover]], count: int
) -> tuple[tuple[float, ...], dict[tuple[int, int], float]]:
    """`shared_ratios` from every pair's covers, as the pool measured them (shared_cover.pair_cover):
    the same figures, without counting any text here."""
    sides: list[dict[int, SideCover]] = [{} for _ in range(count)]
    for (a, b), (side_a, side_b) in covers.items():
        sides[a][b], sides[b][a] = side_a, side_b
    pair_ratios: dict[tuple[int, int], float] = {}
    ratios: list[float] = []
    for i, own in enumerate(sides):
        everything: list[tuple[int, int]] = []
        total = 0
        for j in range(count):
            if j != i:
                spans = own[j].spans()
                total = own[j].total
                everything.extend(spans)
                pair_ratios[i, j] = share(covered(spans), total)
        ratios.append(share(covered(everything), total))
    return tuple(ratios), pair_ratios
