"""Longest-first resolution of overlapping ranges, and the count of characters formulas cover.

The lexicon scan, the inflected forms and the merge of lexicon and pattern hits all keep the longest of
overlapping finds; `FormulaMatcher.coverage` and the passage labelling count what the kept finds (and the
pieces of longer wordings) cover. One implementation serves them all.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Shortest piece of a longer formula that still counts as formula text in `FormulaMatcher.coverage`.
FRAGMENT_CHARS = 8
#: Per length n < 256, n bytes of 1: what `resolve_longest` writes over a range it keeps.
_ONES = [b"\x01" * n for n in range(256)]


def resolve_longest(candidates: list[tuple[int, int, int]], size: int) -> list[tuple[int, int, int]]:
    """Keep the longest of overlapping (start, end, payload) ranges; ties go to the earlier one."""
    taken = bytearray(size)
    find, ones = taken.find, _ONES
    kept: list[tuple[int, int, int]] = []
    # (a key of plain tuples, the list position last so that ties keep their order: a lambda key costs more)
    ranked = sorted([(start - end, start, k) for k, (start, end, _p) in enumerate(candidates)])
    for negative_length, start, k in ranked:
        end = start - negative_length
        if find(1, start, end) == -1:
            taken[start:end] = (
                ones[-negative_length] if negative_length > -256 else b"\x01" * -negative_length
            )
            kept.append(candidates[k])
    kept.sort()
    return kept


def resolve_against(
    settled: list[tuple[int, int, int]], contenders: list[tuple[int, int, int]], size: int
) -> list[tuple[int, int, int]]:
    """`resolve_longest(settled + contenders, size)` when no two `settled` ranges overlap (the lexicon hits
    against the pattern finds, in `FormulaMatcher.find`): a settled range that meets no contender is kept
    as it is, so only the ones that do are ranked with the contenders (most lexicon hits meet none)."""
    if not contenders:
        return sorted(settled)
    marked = bytearray(size)
    ones = _ONES
    for start, end, _p in contenders:
        marked[start:end] = ones[end - start] if end - start < 256 else b"\x01" * (end - start)
    find = marked.find
    free = [find(1, r[0], r[1]) < 0 for r in settled]
    if all(free):
        contested: list[tuple[int, int, int]] = []
    else:
        contested = [r for r, f in zip(settled, free, strict=True) if not f]
        settled = [r for r, f in zip(settled, free, strict=True) if f]
    # (a settled range keeps its rank before every contender: it stays first in the list resolved)
    kept = settled + resolve_longest(contested + contenders, size)
    kept.sort()
    return kept


def covered_count(size: int, candidates: list[tuple[int, int, int]], fragments: Iterable[int]) -> int:
    """Characters `FormulaMatcher.coverage` counts in a string of `size` with these candidates and pieces."""
    covered = bytearray(size)
    for start, end, _i in resolve_longest(candidates, size) if candidates else ():
        covered[start:end] = b"\x01" * (end - start)
    for start in fragments:
        covered[start : start + FRAGMENT_CHARS] = b"\x01" * FRAGMENT_CHARS
    return sum(covered)
