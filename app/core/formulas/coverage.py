"""Lexicon coverage of many stretches of one document, each part of the document scanned once.

The passage engine labels every shared passage by the share of it that lexicon formulas cover
(`FormulaMatcher.coverage`), asking about each passage side and each stretch of it the built-in lists
leave uncovered; a scan asks about ~4 stretches per passage of ~235,000 pairs, and every ask scanned its
text with the automata again. Here a document is scanned block by block, a block the first time a
stretch reaching into it is asked about (scanning whole documents cost more than the stretches: passages
cover only part of most documents), and a stretch's coverage is computed from the wordings and wording
pieces lying wholly inside it: exactly what scanning the stretch finds, because Aho–Corasick reports
every occurrence of every key, and a key found in a stretch is found at the same place in the document.
The overlaps among them are resolved as `coverage` resolves them (longest first, ties to the earlier: no
two candidates share a span, the automaton holds each key once), so the share is the same number.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from app.core.formulas.detect import FRAGMENT_CHARS, FormulaMatcher, covered_count
from app.core.formulas.rust_scan import rust_scanner, scan_spans

#: Characters of a document scanned at once (with the reach of the longest key beyond them).
BLOCK = 256


#: Characters a matcher scans here with pyahocorasick before ahocorasick-rs scanners are built for it: building
#: them costs about as many instructions as scanning ~300,000 characters saves (and ~10 MB), which a single
#: `duidu compare` of two speeches would not earn back; a long pair or a compare view does.
RUST_AFTER = 300_000
#: Per matcher: the characters scanned so far (int), then the ahocorasick-rs scanner of its wording pieces
#: (False: none can be built, pyahocorasick goes on scanning).
_PIECE_SCANNERS: WeakKeyDictionary[FormulaMatcher, Any] = WeakKeyDictionary()


def build_fast_scanners(matcher: FormulaMatcher) -> None:
    """Build the matcher's ahocorasick-rs scanners now, as if it had scanned `RUST_AFTER` characters: for a
    process that will label many documents (a pool process, at idle before its first pair), so that the build
    is not paid inside the first comparison and every later scan is the fast one."""
    if isinstance(_PIECE_SCANNERS.get(matcher, 0), int):
        _PIECE_SCANNERS[matcher] = _piece_scanner(matcher)
    matcher._spans("")  # (the matcher's own scanner of its wordings, built on first use)


def _piece_scanner(matcher: FormulaMatcher) -> Any:
    """The ahocorasick-rs scanner of the matcher's wording pieces (False: none can be built)."""
    automaton = matcher._fragment_automaton()
    return False if automaton is None else rust_scanner(automaton)


def scan(matcher: FormulaMatcher, text: str) -> tuple[list[tuple[int, int, int]], list[int]]:
    """`sorted(matcher.lexicon_candidates(text))` and `matcher.fragment_starts(text)`: once the matcher has
    scanned `RUST_AFTER` characters, from the scans of ahocorasick-rs (when installed), with the same finds (its
    Standard overlapping matches are every occurrence of every key, as pyahocorasick's) for far fewer
    instructions (valgrind: ten reports per side, 160k a side: 1,555 M a pair instead of 1,817 M)."""
    scanner = _PIECE_SCANNERS.get(matcher, 0)
    if isinstance(scanner, int) and scanner + len(text) >= RUST_AFTER:
        scanner = _piece_scanner(matcher)
    elif isinstance(scanner, int):
        scanner += len(text)
    _PIECE_SCANNERS[matcher] = scanner
    if not text:
        return [], []
    if not isinstance(scanner, tuple):
        return sorted(matcher.lexicon_candidates(text)), matcher.fragment_starts(text)
    spans = matcher._spans(text)  # (the matcher's own ahocorasick-rs scan, built on first use)
    # (a negative value is a piece of an inflected wording, which lexicon_candidates leaves out too)
    wordings = matcher.lexicon_candidates(text) if spans is None else [s for s in spans if s[2] >= 0]
    wordings.sort()
    return wordings, sorted(start for start, _end, _value in scan_spans(scanner, text))


class DocumentCoverage:
    """`FormulaMatcher.coverage` of any stretch of one normalised document (see the module docstring)."""

    __slots__ = ("_blocks", "_matcher", "_reach", "_text")

    def __init__(self, matcher: FormulaMatcher, normalised_text: str) -> None:
        self._matcher, self._text = matcher, normalised_text
        self._reach = max(matcher.longest, FRAGMENT_CHARS) - 1
        #: block number → the starts of the candidates that start in the block, those candidates (in document
        #: offsets, both in the order of their starts) and the starts of the pieces, ascending
        self._blocks: dict[int, tuple[list[int], list[tuple[int, int, int]], list[int]]] = {}

    def _block(self, number: int) -> tuple[list[int], list[tuple[int, int, int]], list[int]]:
        """The wordings and pieces starting in a block: its text and the reach of a key beyond it scanned
        (every key starting in the block ends within that reach)."""
        found = self._blocks.get(number)
        if found is None:
            first = number * BLOCK
            wordings, starts = scan(self._matcher, self._text[first : first + BLOCK + self._reach])
            candidates = [(s + first, e + first, f) for s, e, f in wordings if s < BLOCK]
            pieces = [s + first for s in starts if s < BLOCK]
            found = self._blocks[number] = ([c[0] for c in candidates], candidates, pieces)
        return found

    def found(self) -> dict[int, tuple[list[int], list[tuple[int, int, int]], list[int]]]:
        """Every block's wordings and pieces, from one scan of the whole text (a document asked about in
        many pairs: the 8-pane view), to be handed to a copy of this document in another process (`take`).
        A scan of the whole text finds every key where a block's scan finds it (each starts in one block
        and ends within the reach beyond it), so the blocks are the same."""
        text = self._text
        candidates: dict[int, list[tuple[int, int, int]]] = {}
        pieces: dict[int, list[int]] = {}
        wordings, starts = scan(self._matcher, text)
        for candidate in wordings:
            candidates.setdefault(candidate[0] // BLOCK, []).append(candidate)
        for start in starts:
            pieces.setdefault(start // BLOCK, []).append(start)
        for number in range(len(text) // BLOCK + 1):
            if number not in self._blocks:
                found = candidates.get(number, [])
                self._blocks[number] = ([c[0] for c in found], found, pieces.get(number, []))
        return self._blocks

    def take(self, found: dict[int, tuple[list[int], list[tuple[int, int, int]], list[int]]]) -> None:
        """The blocks another copy of this document found (`found`): none is scanned here."""
        self._blocks.update(found)

    def share(self, start: int, end: int) -> float:
        """`coverage(normalised_text[start:end])`: from the candidates and pieces wholly inside the stretch,
        found by their starts (the order of the candidates is not the scan's, which `covered_count` does
        not depend on: no two candidates share a span)."""
        size = end - start
        if size <= 0:
            return 0.0
        inside: list[tuple[int, int, int]] = []
        pieces: list[int] = []
        first, last = start // BLOCK, (end - 1) // BLOCK
        for number in range(first, last + 1):
            starts, candidates, fragments = self._block(number)
            low = bisect_left(starts, start) if number == first else 0
            high = bisect_left(starts, end) if number == last else len(starts)
            inside.extend((s - start, e - start, f) for s, e, f in candidates[low:high] if e <= end)
            low, high = bisect_left(fragments, start), bisect_right(fragments, end - FRAGMENT_CHARS)
            pieces.extend(s - start for s in fragments[low:high])
        if not inside and not pieces:
            return 0.0
        return covered_count(size, inside, pieces) / size


class LexiconOracle:
    """The `FormulaOracle` of a matcher (made by `matcher()` on first use): the share of a normalised text
    its formulas cover, and, for the engine's per-document labelling, `of_document`."""

    __slots__ = ("_by_name", "_matcher")

    def __init__(
        self, matcher: Callable[[], FormulaMatcher], by_name: Callable[[], LexiconOracle] | None = None
    ) -> None:
        self._matcher = matcher
        self._by_name = by_name

    @property
    def travels(self) -> bool:
        """Whether the oracle is pickled by name (`by_name`: a module-level function giving the same
        oracle back), so a pool process labels with its own copy of the same lexicon."""
        return self._by_name is not None

    def __reduce__(self) -> tuple[Callable[[], LexiconOracle], tuple[()]]:
        if self._by_name is None:
            raise TypeError("this formula oracle has no name to travel by")
        return (self._by_name, ())

    def __call__(self, normalised_text: str) -> float:
        return self._matcher().coverage(normalised_text)

    def of_document(self, normalised_text: str) -> DocumentCoverage:
        """The coverage of stretches of one document, found once for all of them."""
        return DocumentCoverage(self._matcher(), normalised_text)
