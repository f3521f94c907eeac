"""The corpus scan's pure logic: which pairs to measure, how to cut the work, what a confirmed pair is.

A scan measures every pair of library documents that may share copied prose. Each pair (low id, high id)
belongs to its *higher* id: a document's work unit is the document with its candidates among the
documents stored before it. New documents always get the highest ids, so a scan that stops half-way
(or a library that grows) leaves exactly the pending documents' units to do, and no finished document
is ever measured again.

Candidates come from the shingle index (app.core.shingles): the postings of the whole library are held
as two numpy arrays, and a document's partners are counted by the fingerprints they share with it,
leaving out fingerprints so common that they pair everything with everything (`max_useful_df`). A pair
is measured when it shares enough fingerprints to possibly reach the copy threshold (`may_reach`); the
passage engine then confirms it, formulas and library boilerplate excluded (`confirm_pair`).
No database, no Dask: arrays and prepared texts in, plain records out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from app.core.passages import PassageParams, compare_prepared
from app.core.scan_focus import ScanDocument, may_reach_threshold

#: Bump when candidates or confirmation change: documents scanned by another version are scanned again.
SCAN_VERSION = 1
#: Share of the copy threshold a pair must have in shared fingerprints to be measured. A verbatim copy of
#: `threshold` of the smaller text keeps that share of its fingerprints, but the engine accepts near-copies
#: with an edit every few characters, which keep few of them. Measured on the shared corpus (384
#: documents, every pair sharing 3+ fingerprints measured): 15 % of the threshold's share misses 14 of 724
#: pairs at 10 % (2 %) and none at 20 %.
FINGERPRINT_SHARE = 0.15
#: Fewest shared fingerprints that make a pair worth measuring at all.
MIN_SHARED = 3
#: Candidates measured per document beyond those whose shared fingerprints alone reach the threshold.
#: Measured at 10 % on the shared corpus (384 speeches; `may_reach` proposes 1,726 pairs, which confirm
#: the 258 pairs of the copy network): a cap of 10 measures 1,490 of them and misses 18 of the 258,
#: 20 measures 1,717. In the 10,000-speech benchmark library, where every paragraph recurs in ~27
#: speeches, a speech has hundreds of weak candidates each sharing a paragraph or two (2-5 % of it):
#: uncapped that is 5.8 M pairs (hours); capped at 20, 235,000; at 10, 168,000.
MAX_WEAK_CANDIDATES = 20


def may_reach(shared: int, smaller: int, threshold: float) -> bool:
    """Whether two documents sharing `shared` fingerprints (the smaller one has `smaller`) may reach a
    copy ratio of `threshold` (the copy network's pair filter and the scan's candidate filter)."""
    return smaller > 0 and shared >= max(MIN_SHARED, threshold * FINGERPRINT_SHARE * smaller)


@dataclass(frozen=True, slots=True)
class ScanUnit:
    """One document and the earlier documents it is measured against (strongest candidates first); the
    first `strong` of them share enough fingerprints alone to reach the threshold."""

    document_id: int
    candidates: tuple[int, ...]
    strong: int = 0


class PostingArrays:
    """The library's postings (fingerprint, document) grouped by fingerprint, for counting shared ones.

    Built once per scan from the index (all postings, or those of the fingerprints the pending documents
    have); `sizes[id]` is how many fingerprints each document has in all.
    """

    def __init__(self, hashes: np.ndarray, documents: np.ndarray, sizes: np.ndarray, max_df: int) -> None:
        order = np.lexsort((documents, hashes))
        hashes, documents = hashes[order], documents[order]
        _unique, starts, counts = np.unique(hashes, return_index=True, return_counts=True)
        self._starts, self._counts = starts, counts
        useful = (counts >= 2) & (counts <= max_df)
        group = np.repeat(np.arange(len(counts)), counts)
        keep = useful[group]
        # each document's useful fingerprints, as group numbers, documents ascending
        by_document = np.argsort(documents[keep], kind="stable")
        self._groups_of = group[keep][by_document]
        self._owner = documents[keep][by_document]
        self._documents = documents
        self.sizes = sizes

    def size(self, document_id: int) -> int:
        """Fingerprints the document has (the common ones included)."""
        return int(self.sizes[document_id]) if document_id < len(self.sizes) else 0

    def shared_with(self, document_id: int, below: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(partner ids, fingerprints shared with each) of one document over its useful fingerprints,
        partners with ids under `below` only when given (counted with one bincount: no sort)."""
        low, high = np.searchsorted(self._owner, [document_id, document_id + 1])
        groups = self._groups_of[low:high]
        if not len(groups):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        lengths = self._counts[groups]
        offsets = np.repeat(self._starts[groups] - np.cumsum(lengths) + lengths, lengths)
        partners = self._documents[offsets + np.arange(int(lengths.sum()))]
        if below is not None:
            partners = partners[partners < below]
        counts = np.bincount(partners, minlength=document_id + 1)
        counts[document_id] = 0
        ids = np.flatnonzero(counts)
        return ids, counts[ids]


def scan_units(
    postings: PostingArrays, pending: Iterable[int], threshold: float, max_weak: int = MAX_WEAK_CANDIDATES
) -> list[ScanUnit]:
    """Each pending document with its candidates among lower ids, the largest shared share first: every
    pair `may_reach` admits whose shared fingerprints alone reach `threshold` of the smaller document,
    and the strongest of the others up to `max_weak` candidates in all."""
    units: list[ScanUnit] = []
    for document_id in sorted(pending):
        ids, shared = postings.shared_with(document_id, below=document_id)
        own = postings.size(document_id)
        smaller = np.minimum(own, postings.sizes[ids]) if len(ids) else ids
        bar = np.maximum(MIN_SHARED, threshold * FINGERPRINT_SHARE * smaller)
        chosen = (shared >= bar) & (smaller > 0)
        ids, share = ids[chosen], shared[chosen] / np.maximum(smaller[chosen], 1)
        order = np.lexsort((ids, -share))
        strong = int(np.count_nonzero(share >= threshold))
        keep = max(max_weak, strong)
        units.append(ScanUnit(document_id, tuple(int(i) for i in ids[order][:keep]), strong))
    return units


def batches(units: Sequence[ScanUnit], pairs_per_batch: int, max_documents: int) -> Iterator[list[ScanUnit]]:
    """Units cut into work batches of about `pairs_per_batch` pairs (at most `max_documents` documents):
    big enough that a task outweighs its scheduling, small enough that a cancel or a crash loses little."""
    batch: list[ScanUnit] = []
    pairs = 0
    for unit in units:
        batch.append(unit)
        pairs += len(unit.candidates)
        if pairs >= pairs_per_batch or len(batch) >= max_documents:
            yield batch
            batch, pairs = [], 0
    if batch:
        yield batch


@dataclass(frozen=True, slots=True)
class StoredPassage:
    """One copied passage of a pair, as offsets in the low and the high id's stored texts."""

    low_start: int
    low_end: int
    high_start: int
    high_end: int
    similarity: float


@dataclass(frozen=True, slots=True)
class ScanPair:
    """A confirmed pair: `low_ratio` of the low id's text is copied prose shared with the high id, and
    `high_ratio` of the high id's (formulas and boilerplate never count)."""

    low: int
    high: int
    low_ratio: float
    high_ratio: float
    passages: tuple[StoredPassage, ...]


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What one unit found: the pairs reaching the threshold among `checked` candidates."""

    document_id: int
    checked: int
    pairs: tuple[ScanPair, ...]


def confirm_pair(
    low: ScanDocument,
    high: ScanDocument,
    low_id: int,
    high_id: int,
    params: PassageParams,
    threshold: float,
    bound: bool = True,
) -> ScanPair | None:
    """Measure one candidate pair with the passage engine; the pair when either side's copied share
    reaches `threshold`, else None. With `bound`, pairs whose cheap bound (app.core.scan_focus) cannot
    reach the threshold are not compared at all; without, the engine compares every pair (a strong
    candidate passes the bound almost always, and the bound costs ~1 ms a pair and 1.4 ms a text)."""
    if bound and not may_reach_threshold(low, high, params, threshold):
        return None
    passages, summary = compare_prepared(low.prepared, high.prepared, 0, 1, params)
    copies = tuple(
        StoredPassage(p.a_start, p.a_end, p.b_start, p.b_end, round(p.similarity, 4))
        for p in passages
        if p.kind == "copy"
    )
    if not copies or max(summary.a_copy_ratio, summary.b_copy_ratio) < threshold:
        return None
    return ScanPair(low_id, high_id, summary.a_copy_ratio, summary.b_copy_ratio, copies)


def eta_seconds(done: float, total: float, elapsed: float) -> float | None:
    """Seconds left at the rate so far (None until there is a rate to speak of)."""
    if done <= 0 or elapsed <= 0 or total <= done:
        return None if total > done else 0.0
    return elapsed / done * (total - done)


def duration(seconds: float) -> str:
    """A rough human duration: `45 s`, `12 min`, `1 h 05 min`."""
    seconds = max(0, round(seconds))
    if seconds < 90:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    if minutes < 90:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"
