"""The copy network: which documents of the library (or of a selection) copy which, above a threshold.

Pairs come from the shingle index (each document's own fingerprints, already stored, looked up against the
others), are filtered by how many fingerprints they share, then measured by the passage engine. With dates
on both sides the earlier document is shown as the likely source; analysts call the later one's copied
share its repetition rate (重复率).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from sqlalchemy import select

from app.core.passages import PassageParams, PreparedDocument, compare_prepared, prepare
from app.store.engine import Library
from app.store.index import POSTINGS, STATE, find_candidates
from app.store.repository import list_ids
from app.store.tracing import (
    DocumentInfo,
    TracingCancelled,
    default_params,
    document_infos,
    ensure_fresh,
    texts_of,
)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_PREPARED_KEPT = 256


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


@dataclass(frozen=True, slots=True)
class CopyNetwork:
    nodes: tuple[DocumentInfo, ...]
    edges: tuple[CopyEdge, ...]
    #: pairs the passage engine measured (the index proposed them)
    checked_pairs: int


def _orient(a: DocumentInfo, b: DocumentInfo) -> tuple[DocumentInfo, DocumentInfo, bool]:
    if a.date and b.date and a.date[:10] != b.date[:10]:
        return (a, b, True) if a.date < b.date else (b, a, True)
    return (a, b, False) if a.id < b.id else (b, a, False)


def candidate_pairs(
    library: Library,
    ids: Collection[int],
    threshold: float,
    per_document: int,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> set[tuple[int, int]]:
    """Pairs (low id, high id) sharing enough fingerprints to possibly reach `threshold` copy ratio."""
    nodes = set(ids)
    pairs: set[tuple[int, int]] = set()
    with library.reader() as session:
        sizes = dict(session.execute(select(STATE.c.document_id, STATE.c.fingerprints)).all())
        for done, doc_id in enumerate(sorted(nodes), start=1):
            if cancelled is not None and cancelled():
                raise TracingCancelled
            own = set(session.scalars(select(POSTINGS.c.hash).where(POSTINGS.c.document_id == doc_id)))
            for candidate in find_candidates(
                session, own, exclude=(doc_id,), within=nodes, limit=per_document
            ):
                smaller = min(sizes.get(doc_id, 0), sizes.get(candidate.document_id, 0))
                # A verbatim copy of `threshold` of the smaller text keeps that share of its fingerprints;
                # edits every few dozen characters destroy most of them (district reports revised year on
                # year kept a quarter), so a fifth of it is required.
                if candidate.shared >= max(3, threshold * smaller / 5):
                    pairs.add((min(doc_id, candidate.document_id), max(doc_id, candidate.document_id)))
            if progress is not None:
                progress(done, len(nodes))
    return pairs


def copy_network(
    library: Library,
    ids: Collection[int] | None = None,
    *,
    threshold: float = 0.1,
    per_document: int = 10,
    params: PassageParams | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> CopyNetwork:
    """Edges between documents (all of the library when `ids` is None) whose copy ratio reaches `threshold`.

    `progress` runs twice over: once while pairs are proposed (per document), once while they are measured.
    """
    params = params or default_params()
    ensure_fresh(library, progress, cancelled)
    if ids is None:
        with library.reader() as session:
            ids = list_ids(session)
    pairs = sorted(candidate_pairs(library, ids, threshold, per_document, progress, cancelled))
    with library.reader() as session:
        infos = document_infos(session, list(ids))
    prepared: dict[int, PreparedDocument] = {}

    def ready(doc_id: int) -> PreparedDocument:
        if doc_id not in prepared:
            if len(prepared) >= _PREPARED_KEPT:  # library-wide runs: keep memory bounded
                prepared.clear()
            with library.reader() as session:
                prepared[doc_id] = prepare(texts_of(session, [doc_id]).get(doc_id) or "", params)
        return prepared[doc_id]

    edges: list[CopyEdge] = []
    for done, (a, b) in enumerate(pairs, start=1):
        if cancelled is not None and cancelled():
            raise TracingCancelled
        passages, summary = compare_prepared(ready(a), ready(b), 0, 1, params)
        copies = sum(p.kind == "copy" for p in passages)
        if max(summary.a_copy_ratio, summary.b_copy_ratio) >= threshold:
            source, target, directed = _orient(infos[a], infos[b])
            ratio = {a: summary.a_copy_ratio, b: summary.b_copy_ratio}
            edges.append(CopyEdge(source, target, ratio[source.id], ratio[target.id], copies, directed))
        if progress is not None:
            progress(done, len(pairs))
    edges.sort(key=lambda e: (-e.strength, e.source.id, e.target.id))
    nodes = tuple(sorted(infos.values(), key=lambda i: (i.date or "~", i.id)))
    return CopyNetwork(nodes, tuple(edges), len(pairs))
