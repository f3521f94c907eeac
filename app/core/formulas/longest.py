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


def covered_count(size: int, candidates: list[tuple[int, int, int]], fragments: Iterable[int]) -> int:
    """Characters `FormulaMatcher.coverage` counts in a string of `size` with these candidates and pieces."""
    covered = bytearray(size)
    for start, end, _i in resolve_longest(candidates, size) if candidates else ():
        covered[start:end] = b"\x01" * (end - start)
    for start in fragments:
        covered[start : start + FRAGMENT_CHARS] = b"\x01" * FRAGMENT_CHARS
    return sum(covered)
