"""Lexicon coverage of many stretches of one document, with the document scanned once.

The passage engine labels every shared passage by the share of it that lexicon formulas cover
(`FormulaMatcher.coverage`), asking about each passage side and each stretch of it the built-in lists
leave uncovered; a scan asks about ~4 stretches per passage of ~235,000 pairs, and every ask scanned its
text with the automaton again. A document's wordings and wording pieces are found once here, and a
stretch's coverage is computed from those lying wholly inside it: exactly what scanning the stretch
finds, because Aho–Corasick reports every occurrence of every key and a key found in a stretch is found
at the same place in the document. The overlaps among them are resolved as `coverage` resolves them
(longest first, ties to the earlier: no two candidates share a span, the automaton holds each key once),
so the share is the same number.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from app.core.formulas.detect import FRAGMENT_CHARS, FormulaMatcher, covered_count


class DocumentCoverage:
    """`FormulaMatcher.coverage` of any stretch of one normalised document (see the module docstring)."""

    __slots__ = ("_candidates", "_fragments", "_starts")

    def __init__(self, matcher: FormulaMatcher, normalised_text: str) -> None:
        found = sorted(matcher.lexicon_candidates(normalised_text))
        self._candidates = found
        self._starts = [start for start, _end, _form in found]
        self._fragments = matcher.fragment_starts(normalised_text)

    def share(self, start: int, end: int) -> float:
        """`coverage(normalised_text[start:end])`."""
        size = end - start
        if size <= 0:
            return 0.0
        first, last = bisect_left(self._starts, start), bisect_left(self._starts, end)
        inside = [(s - start, e - start, f) for s, e, f in self._candidates[first:last] if e <= end]
        low, high = bisect_left(self._fragments, start), bisect_right(self._fragments, end - FRAGMENT_CHARS)
        pieces = [s - start for s in self._fragments[low:high]]
        if not inside and not pieces:
            return 0.0
        return covered_count(size, inside, pieces) / size


class LexiconOracle:
    """The `FormulaOracle` of a matcher (made by `matcher()` on first use): the share of a normalised text
    its formulas cover, and, for the engine's per-document labelling, `of_document`."""

    __slots__ = ("_matcher",)

    def __init__(self, matcher: Callable[[], FormulaMatcher]) -> None:
        self._matcher = matcher

    def __call__(self, normalised_text: str) -> float:
        return self._matcher().coverage(normalised_text)

    def of_document(self, normalised_text: str) -> DocumentCoverage:
        """The coverage of stretches of one document, found once for all of them."""
        return DocumentCoverage(self._matcher(), normalised_text)
