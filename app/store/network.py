"""The copy network: which documents of the library (or of a selection) copy which, above a threshold.

When the corpus scan (app.scan, `duidu scan`) has stored the pairs of every document concerned at this
threshold or lower, the network is read from them: the whole library, no pair cap, no engine at all.
Otherwise pairs come from the shingle index (fingerprints shared by two documents, counted straight from the postings),
are filtered by how many fingerprints they share, then measured by the passage engine. With dates
on both sides the earlier document is shown as the likely source; analysts call the later one's copied
share its repetition rate (重复率).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.passages import PassageParams, PreparedDocument, compare_prepared, prepare
from app.core.scan import may_reach
from app.core.shingles import max_useful_df
from app.store.engine import Library
from app.store.index import POSTING_TABLES, STATE, indexed_documents
from app.store.repository import list_ids
from app.store.scan_store import StoredPair, stored_pairs, unscanned_among
from app.store.tracing import (
    DocumentInfo,
    TracingCancelled,
    default_params,
    document_infos,
    ensure_fresh,
    holding_session,
    remember,
    texts_of,
)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_PREPARED_KEPT = 256
_CHUNK = 500
#: Hash ranges the whole-library scan reads one at a time.
_PARTITIONS = 64


@dataclass(frozen=True, slots=True)
class CopyEdge:
    """`source` → `target`: `target_ratio` of the target's text is copied prose shared with the source,
    `source_ratio` of the source's. `directed` is False when the dates cannot tell (source = lower id)."""

    source: DocumentInfo
    target: DocumentInfo
    source_ratio: float
    target_ratio: float
    passages: int
    directed: bool

    @property
    def strength(self) -> float:
        return max(self.source_ratio, self.target_ratio)


class StoredEdges(Sequence[CopyEdge]):
    """A stored network's edges, strongest first, each made when asked for: a scanned library has over
    100,000 pairs, of which the graph draws 300 and the table shows a screenful (making them all was a
    third of the time the network took to show)."""

    __slots__ = ("_infos", "_pairs")

    def __init__(self, pairs: list[StoredPair], infos: dict[int, DocumentInfo]) -> None:
        self._pairs, self._infos = pairs, infos

    def __len__(self) -> int:
        return len(self._pairs)

    @overload
    def __getitem__(self, index: int) -> CopyEdge: ...
    @overload
    def __getitem__(self, index: slice) -> list[CopyEdge]: ...
    def __getitem__(self, index: int | slice) -> CopyEdge | list[CopyEdge]:
        if isinstance(index, slice):
            return [self._edge(pair) for pair in self._pairs[index]]
        return self._edge(self._pairs[index])

    def _edge(self, pair: StoredPair) -> CopyEdge:
        low, high, low_ratio, high_ratio, passages = pair
        source, target, directed = _orient(self._infos[low], self._infos[high])
        if source.id == low:
            return CopyEdge(source, target, low_ratio, high_ratio, passages, directed)
        return CopyEdge(source, target, high_ratio, low_ratio, passages, directed)


@dataclass(frozen=True, slots=True)
class CopyNetwork:
    nodes: tuple[DocumentInfo, ...]
    edges: Sequence[CopyEdge]
    #: pairs the passage engine measured (the index proposed them)
    checked_pairs: int
    #: pairs the index proposed beyond `max_pairs`, not measured
    unmeasured: int = 0
    #: read from the stored results of a corpus scan (nothing measured now)
    from_scan: bool = False


def _orient(a: DocumentInfo, b: DocumentInfo) -> tuple[DocumentInfo, DocumentInfo, bool]:
    if a.date and b.date and a.date[:10] != b.date[:10]:
        return (a, b, True) if a.date < b.date else (b, a, True)
    return (a, b, False) if a.id < b.id else (b, a, False)


def _overlaps(
    session: Session, ids: Collection[int] | None, progress: Progress | None, cancelled: Cancelled | None
) -> Counter[tuple[int, int]]:
    """Fingerprints shared by each pair of documents (of `ids`, or of the whole library).

    Read straight from the postings, both tables (app.store.index) — by document for a selection, by hash
    range for the whole library so that only a slice is in memory at a time. Fingerprints held by more
    documents than `max_useful_df` are formulas everyone writes and pair everything with everything: they
    are not counted.
    """
    counts: Counter[tuple[int, int]] = Counter()
    if ids is not None:
        cap = max_useful_df(len(ids))
        by_hash: dict[int, list[int]] = defaultdict(list)
        chosen = sorted(set(ids))
        for start in range(0, len(chosen), _CHUNK):
            _check(cancelled)
            for table in POSTING_TABLES:
                statement = select(table.c.hash, table.c.document_id).where(
                    table.c.document_id.in_(chosen[start : start + _CHUNK])
                )
                for h, doc_id in session.execute(statement):
                    by_hash[h].append(doc_id)
        _count_pairs(by_hash.values(), cap, counts)
        return counts
    cap = max_useful_df(indexed_documents(session))
    step = (1 << 32) // _PARTITIONS
    for part in range(_PARTITIONS):
        _check(cancelled)
        low = -(1 << 31) + part * step
        by_hash = defaultdict(list)
        for table in POSTING_TABLES:
            statement = select(table.c.hash, table.c.document_id).where(
                table.c.hash.between(low, low + step - 1)
            )
            for h, doc_id in session.execute(statement):
                by_hash[h].append(doc_id)
        _count_pairs(by_hash.values(), cap, counts)
        if progress is not None:
            progress(part + 1, _PARTITIONS)
    return counts


def _count_pairs(groups: Iterable[list[int]], cap: int, counts: Counter[tuple[int, int]]) -> None:
    for docs in groups:
        if 2 <= len(docs) <= cap:
            counts.update(combinations(sorted(docs), 2))


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise TracingCancelled


def candidate_pairs(
    library: Library,
    ids: Collection[int] | None,
    threshold: float,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> dict[tuple[int, int], float]:
    """Pairs (low id, high id) sharing enough fingerprints to possibly reach `threshold` copy ratio, with
    the share of the smaller document's fingerprints they share."""
    with library.reader() as session:
        sizes = dict(session.execute(select(STATE.c.document_id, STATE.c.fingerprints)).all())
        counts = _overlaps(session, ids, progress, cancelled)
    pairs: dict[tuple[int, int], float] = {}
    for (a, b), shared in counts.items():
        smaller = min(sizes.get(a, 0), sizes.get(b, 0))
        if may_reach(shared, smaller, threshold):
            pairs[(a, b)] = shared / smaller
    return pairs


def copy_network(
    library: Library,
    ids: Collection[int] | None = None,
    *,
    threshold: float = 0.1,
    max_pairs: int = 20_000,
    params: PassageParams | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    stored: bool = True,
) -> CopyNetwork:
    """Edges between documents (all of the library when `ids` is None) whose copy ratio reaches `threshold`.

    Read from a corpus scan's stored pairs when every document concerned is scanned at `threshold` or
    lower (`stored=False` measures anyway). Otherwise at most `max_pairs` pairs are measured, those sharing the largest share of fingerprints first; the
    number left out is `CopyNetwork.unmeasured` (raise the threshold or narrow the selection). `progress`
    runs twice over: once while pairs are counted, once while they are measured.
    """
    if stored:
        found = stored_network(library, ids, threshold)
        if found is not None:
            return found
    ensure_fresh(library, progress, cancelled)
    params = params or default_params(library)
    proposed = candidate_pairs(library, ids, threshold, progress, cancelled)
    strongest = sorted(proposed, key=lambda pair: (-proposed[pair], pair))[:max_pairs]
    pairs = sorted(strongest)
    with library.reader() as session:
        nodes = list(ids) if ids is not None else list_ids(session)
        infos = document_infos(session, nodes)
    prepared: dict[int, PreparedDocument] = {}

    def ready(doc_id: int) -> PreparedDocument:
        if doc_id not in prepared:
            if len(prepared) >= _PREPARED_KEPT:  # library-wide runs: keep memory bounded
                prepared.clear()
            with library.reader() as session:
                text = texts_of(session, [doc_id]).get(doc_id) or ""
            prepared[doc_id] = remember(params, prepare(text, params), doc_id)
        return prepared[doc_id]

    edges: list[CopyEdge] = []
    with holding_session(params):
        for done, (a, b) in enumerate(pairs, start=1):
            _check(cancelled)
            passages, summary = compare_prepared(ready(a), ready(b), 0, 1, params)
            copies = sum(p.kind == "copy" for p in passages)
            if max(summary.a_copy_ratio, summary.b_copy_ratio) >= threshold:
                source, target, directed = _orient(infos[a], infos[b])
                ratio = {a: summary.a_copy_ratio, b: summary.b_copy_ratio}
                edges.append(CopyEdge(source, target, ratio[source.id], ratio[target.id], copies, directed))
            if progress is not None:
                progress(done, len(pairs))
    edges.sort(key=lambda e: (-e.strength, e.source.id, e.target.id))
    ordered = tuple(sorted(infos.values(), key=lambda i: (i.date or "~", i.id)))
    return CopyNetwork(ordered, tuple(edges), len(pairs), len(proposed) - len(pairs))


def stored_network(library: Library, ids: Collection[int] | None, threshold: float) -> CopyNetwork | None:
    """The network from the corpus scan's stored pairs, or None when some document concerned has not been
    scanned at `threshold` or lower (then the stored pairs would not be all of them)."""
    with library.reader() as session:
        nodes = list(ids) if ids is not None else list_ids(session)
        if not nodes or unscanned_among(session, nodes, threshold):
            return None
        pairs = stored_pairs(session, threshold, ids)  # strongest first
        infos = document_infos(session, nodes)
    ordered = tuple(sorted(infos.values(), key=lambda i: (i.date or "~", i.id)))
    return CopyNetwork(ordered, StoredEdges(pairs, infos), len(pairs), 0, from_scan=True)
