"""Results and parameters of the passage engine: plain frozen data that every layer can hold.

Offsets in results are code-point offsets into the stored text (see app.core.text), never into the
normalised view, so that the GUI, reports and the store can use them without knowing how matching works.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

PassageKind = Literal["copy", "formula"]

#: Bumped whenever the engine may find different passages for the same input and parameters, so that
#: caches keyed on `PassageParams.describe()` are invalidated and reports say which engine ran.
ENGINE_VERSION = "5"  # 5: lone clauses (formulas by rule) are not measured: their formula_share says 1.0
SegmentTag = Literal["equal", "replace", "delete", "insert"]


class FormulaOracle(Protocol):
    """The hook through which the formula lexicon tells copied prose from official formulas.

    Called with the *normalised* text of one side of a passage (app.core.normalize with
    keep_punctuation=False); returns the fraction (0–1) of its characters covered by known formulas.
    A plain function `def share(text: str) -> float` satisfies it. One that also has
    `of_document(normalised_text)`, giving an object whose `share(start, end)` is its share of
    normalised_text[start:end], lets the engine find a document's formulas once for all its passages.
    """

    def __call__(self, normalised_text: str) -> float: ...


class BoilerplateSignal(Protocol):
    """Corpus-wide boilerplate: fraction of a normalised passage found in many *other* documents.

    `exclude` are the SHA-256 hashes of the two compared documents, so that a reference set that
    contains them does not count them as "other documents" (see classify.BoilerplateIndex). A signal may
    also have `of_document(normalised_text)`, giving an object (or None) whose `share(start, end, exclude)`
    is `share(normalised_text[start:end], exclude)`: the engine then asks through it.
    """

    def share(self, normalised_text: str, exclude: frozenset[str] = frozenset()) -> float: ...


class Cancelled(Exception):
    """Raised by long comparisons when the caller's `cancelled()` returned True."""


@dataclass(frozen=True, slots=True)
class PassageParams:
    """Knobs of the engine. Lengths count normalised characters (no punctuation, no whitespace).

    The defaults follow the published Chinese text-reuse settings (seeds of ~4 characters, passages of
    at least ~10 characters, similarity ≥ 0.8) and were checked on tests/bench/eval_passages.py.
    """

    #: shortest passage reported, on each side
    min_chars: int = 12
    #: lowest similarity (2·matched / (len_a + len_b)) of a reported passage
    min_similarity: float = 0.8
    #: length of the exact seeds that anchor a passage
    seed_chars: int = 4
    #: seeds occurring more often than this in one document are sampled down to this many positions
    max_seed_occurrences: int = 64
    #: largest unmatched stretch bridged inside one passage, on either side
    max_gap: int = 16
    #: passages adjacent in both documents whose order differs (reordered sentences) become one passage
    group_reordered: bool = True
    #: widest gap (either text) between the reordered parts of one passage; parts lost to heavy edits
    #: leave holes, so this is wider than `max_gap`; the parts must cover `group_coverage` of the block
    group_gap: int = 64
    group_coverage: float = 0.8
    #: exact runs at least this long that no passage claims join the reordered group they fall in with
    #: (clauses shuffled inside a block are too short to be passages of their own; 0: never)
    group_clause_chars: int = 6
    #: share of formula/boilerplate text above which a passage is kind "formula"
    formula_share: float = 0.7
    #: passages this short (normalised chars) are "formula" already at `short_formula_share`
    short_chars: int = 24
    short_formula_share: float = 0.5
    #: passages shorter than this (and at most `short_chars`) with no longer shared passage within
    #: `group_gap` in both texts are "formula": a clause two texts share alone is stock wording
    #: (0 turns this off; see classify.lone_clauses)
    lone_chars: int = 24
    #: the formula lexicon hook, united with the built-in stock phrases, addressees and frames
    #: (None: the built-in lists alone; `duidu compare` and the GUI pass the shipped lexicon)
    formula_oracle: FormulaOracle | None = field(default=None, compare=False)
    #: document frequency of text in a reference library (None: not used)
    boilerplate: BoilerplateSignal | None = field(default=None, compare=False)
    #: refuse documents whose normalised text is longer than this (memory/time guard)
    max_chars: int = 8_000_000

    def describe(self) -> dict[str, object]:
        """The parameters as plain values, for reports and evidence metadata."""
        return {
            "engine": ENGINE_VERSION,
            "min_chars": self.min_chars,
            "min_similarity": self.min_similarity,
            "seed_chars": self.seed_chars,
            "max_gap": self.max_gap,
            "max_seed_occurrences": self.max_seed_occurrences,
            "group_reordered": self.group_reordered,
            "group_gap": self.group_gap,
            "group_coverage": self.group_coverage,
            "group_clause_chars": self.group_clause_chars,
            "formula_share": self.formula_share,
            "short_chars": self.short_chars,
            "short_formula_share": self.short_formula_share,
            "lone_chars": self.lone_chars,
            "formula_lexicon": self.formula_oracle is not None,
            "boilerplate_reference": self.boilerplate is not None,
        }


@dataclass(frozen=True, slots=True)
class AlignedSegment:
    """One step of a passage's character alignment, in original offsets (for the diff view).

    `equal` segments hold the same normalised text on both sides; the text between them (edits, and
    punctuation the normalised view ignores) is `replace`, `delete` (only in a) or `insert` (only in b).
    """

    tag: SegmentTag
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """Text of document `a` that reappears, the same or nearly, in document `b`.

    `a`/`b` are the indices of the documents in the comparison; spans are original offsets, so
    `a_text == text_a[a_start:a_end]`. When sentences were reordered inside a reused block, the
    passage covers the block and its `alignment` lists each part with its partner (b offsets are then
    not increasing) and `similarity` is the length-weighted mean of the parts' similarities.
    """

    a: int
    b: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float
    kind: PassageKind
    a_text: str
    b_text: str
    alignment: tuple[AlignedSegment, ...] = ()
    #: normalised characters matched (the weight of the passage)
    matched_chars: int = 0
    #: share of the passage covered by formulas or boilerplate, on the side where it is larger (what
    #: decided `kind`; in short passages function words and carrier verbs are left out of the count),
    #: except for a short clause shared alone, which is "formula" whatever its share (lone_chars): its share
    #: is not measured and says 1.0
    formula_share: float = 0.0

    def mirrored(self) -> Passage:
        """The same passage seen from document b."""
        return Passage(
            a=self.b,
            b=self.a,
            a_start=self.b_start,
            a_end=self.b_end,
            b_start=self.a_start,
            b_end=self.a_end,
            similarity=self.similarity,
            kind=self.kind,
            a_text=self.b_text,
            b_text=self.a_text,
            alignment=tuple(
                AlignedSegment(_MIRROR_TAG[s.tag], s.b_start, s.b_end, s.a_start, s.a_end)
                for s in self.alignment
            ),
            matched_chars=self.matched_chars,
            formula_share=self.formula_share,
        )


_MIRROR_TAG: dict[SegmentTag, SegmentTag] = {
    "equal": "equal",
    "replace": "replace",
    "delete": "insert",
    "insert": "delete",
}


@dataclass(frozen=True, slots=True)
class PairSummary:
    """How much of each document of a pair is copied prose shared with the other (formulas excluded)."""

    a: int
    b: int
    a_copy_ratio: float
    b_copy_ratio: float


@dataclass(frozen=True, slots=True)
class Comparison:
    """All passages among N documents (a < b in every passage) and one summary per pair."""

    passages: tuple[Passage, ...]
    summary: tuple[PairSummary, ...]


ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
