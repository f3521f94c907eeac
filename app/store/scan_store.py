"""The corpus scan's part of the library: postings for planning, pending documents, stored results.

A scan (app.scan) plans its work from the shingle index, has it computed elsewhere and writes the results
here, one transaction per finished batch: a document's pairs and passages and its `scan_state` row go in
together, so a scan stopped at any point (Ctrl+C, kill -9, a lost worker) leaves every document either
fully scanned or not at all, and the next run continues with the rest (see app.core.scan for why a
document's pairs are those with the lower ids). The copy network reads the stored pairs back.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import cast

import numpy as np
from sqlalchemy import Table, case, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from app.core.scan import SCAN_VERSION, DocumentResult, PostingArrays
from app.core.shingles import max_useful_df
from app.store.index import POSTING_TABLES, indexed_documents
from app.store.models import Document
from app.store.scan_models import ScanPair, ScanPassage, ScanState

PAIRS = cast(Table, ScanPair.__table__)
PASSAGES = cast(Table, ScanPassage.__table__)
SCAN_STATE = cast(Table, ScanState.__table__)
_DOCUMENTS = cast(Table, Document.__table__)
#: Rows read per fetch while loading postings (converted to numpy chunk by chunk).
_FETCH = 200_000
#: Below this share of the library pending, only the pending documents' fingerprints are loaded.
_INCREMENTAL_SHARE = 0.2
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class ScanStatus:
    """How far the library's scan is: documents, those scanned (at `threshold` or lower), pairs stored."""

    documents: int
    scanned: int
    pairs: int
    threshold: float | None

    @property
    def pending(self) -> int:
        return self.documents - self.scanned

    @property
    def complete(self) -> bool:
        return self.documents > 0 and self.scanned == self.documents


def _current(threshold: float | None, max_weak: int | None = None):  # type: ignore[no-untyped-def]
    """Scan-state rows that count as done: this scan version, a threshold no higher than asked and (for a
    scan about to run) at least as many weak candidates measured as it would measure."""
    condition = SCAN_STATE.c.version == SCAN_VERSION
    if threshold is not None:
        condition = condition & (SCAN_STATE.c.threshold <= threshold + 1e-9)
    if max_weak is not None:
        condition = condition & (SCAN_STATE.c.max_weak >= max_weak)
    return condition


def scan_status(session: Session, threshold: float | None = None) -> ScanStatus:
    """The library's scan status; `threshold` counts only documents scanned at that threshold or lower."""
    documents = int(session.scalar(select(func.count()).select_from(_DOCUMENTS)) or 0)
    done = select(func.count(), func.max(SCAN_STATE.c.threshold)).where(_current(threshold))
    scanned, highest = session.execute(done).one()
    pairs = int(session.scalar(select(func.count()).select_from(PAIRS)) or 0)
    return ScanStatus(documents, int(scanned or 0), pairs, highest)


def pending_documents(session: Session, threshold: float, max_weak: int) -> list[int]:
    """Documents without a current scan at `threshold` or lower with `max_weak` or more, ascending."""
    done = select(SCAN_STATE.c.document_id).where(
        SCAN_STATE.c.document_id == _DOCUMENTS.c.id, _current(threshold, max_weak)
    )
    return sorted(session.scalars(select(_DOCUMENTS.c.id).where(~done.exists())))


def next_run(session: Session) -> int:
    """A number for a new scan run, above every stored one."""
    return int(session.scalar(select(func.max(SCAN_STATE.c.run))) or 0) + 1


def _fetch_pairs(session: Session, statement: str) -> np.ndarray:
    """Two-column integer rows of a query, as an (n, 2) int64 array, read in chunks."""
    result = session.connection().exec_driver_sql(statement)
    parts = [np.zeros(0, dtype=np.int64)]
    while rows := result.fetchmany(_FETCH):
        parts.append(np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=2 * len(rows)))
    return np.concatenate(parts).reshape(-1, 2)


def _postings_by_document(session: Session, where: str) -> tuple[np.ndarray, np.ndarray]:
    """(hashes, documents) of the postings matching `where`, from both tables of postings, read as one
    string of hashes per document: ten million postings as rows cost 45 s on this machine, as 10,000
    strings parsed by numpy 15 s."""
    if session.get_bind().dialect.name == "sqlite":
        joined = "group_concat(hash, ' ')"
    else:
        joined = "string_agg(CAST(hash AS TEXT), ' ')"
    hashes, documents = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for table in POSTING_TABLES:
        result = session.connection().exec_driver_sql(
            f"SELECT document_id, {joined} FROM {table.name} {where} GROUP BY document_id"
        )
        while rows := result.fetchmany(_CHUNK):
            for document_id, joined_hashes in rows:
                found = np.fromstring(joined_hashes or "", dtype=np.int64, sep=" ")
                hashes.append(found)
                documents.append(np.full(len(found), document_id, dtype=np.int64))
    return np.concatenate(hashes), np.concatenate(documents)


def load_postings(session: Session, pending: Sequence[int]) -> PostingArrays:
    """The postings a scan of `pending` needs: all of them, or, when only recent documents are pending,
    every posting of the fingerprints those documents have (an incremental scan need not read the whole
    index; the document frequencies of the fingerprints it reads stay exact)."""
    documents = indexed_documents(session)
    sizes_rows = _fetch_pairs(session, "SELECT document_id, fingerprints FROM shingle_index_state")
    top = max(int(sizes_rows[:, 0].max(initial=0)), max(pending, default=0)) + 1
    sizes = np.zeros(top, dtype=np.int64)
    sizes[sizes_rows[:, 0]] = sizes_rows[:, 1]
    low = min(pending, default=0)
    if low == 0 or (sizes_rows[:, 0] >= low).sum() >= _INCREMENTAL_SHARE * documents:
        hashes, owners = _postings_by_document(session, "")
    else:
        recent = " UNION ".join(
            f"SELECT hash FROM {table.name} WHERE document_id >= {int(low)}" for table in POSTING_TABLES
        )
        hashes, owners = _postings_by_document(session, f"WHERE hash IN ({recent})")
    return PostingArrays(hashes, owners, sizes, max_useful_df(documents))


def save_results(
    session: Session, results: Collection[DocumentResult], threshold: float, max_weak: int, run: int
) -> int:
    """Store the pairs found for scanned documents and mark them scanned; call inside one transaction.

    Whatever a document had stored as the higher id of a pair (an older scan) is replaced. Returns the
    number of pairs stored.
    """
    ids = [r.document_id for r in results]
    if not ids:
        return 0
    session.execute(delete(PAIRS).where(PAIRS.c.high_id.in_(ids)))
    session.execute(delete(SCAN_STATE).where(SCAN_STATE.c.document_id.in_(ids)))
    pairs = [p for r in results for p in r.pairs]
    if pairs:
        session.execute(
            insert(PAIRS),
            [
                {
                    "low_id": p.low,
                    "high_id": p.high,
                    "low_ratio": p.low_ratio,
                    "high_ratio": p.high_ratio,
                    "passages": len(p.passages),
                }
                for p in pairs
            ],
        )
        passages = [
            {
                "low_id": p.low,
                "high_id": p.high,
                "low_start": s.low_start,
                "low_end": s.low_end,
                "high_start": s.high_start,
                "high_end": s.high_end,
                "similarity": s.similarity,
            }
            for p in pairs
            for s in p.passages
        ]
        if passages:
            session.execute(insert(PASSAGES), passages)
    session.execute(
        insert(SCAN_STATE),
        [
            {
                "document_id": r.document_id,
                "version": SCAN_VERSION,
                "threshold": threshold,
                "max_weak": max_weak,
                "candidates": r.checked,
                "pairs": len(r.pairs),
                "run": run,
            }
            for r in results
        ],
    )
    return len(pairs)


#: A stored pair as read back: (low id, high id, low ratio, high ratio, passages).
StoredPair = tuple[int, int, float, float, int]


def stored_pairs(session: Session, threshold: float, ids: Collection[int] | None = None) -> list[StoredPair]:
    """Stored pairs where either side's copied share reaches `threshold` (both sides among `ids`), the
    strongest first. Plain tuples fetched at once: the copy network of a scanned 10,000-speech library
    reads 100,000 of them."""
    c = PAIRS.c
    strength = case((c.low_ratio > c.high_ratio, c.low_ratio), else_=c.high_ratio)
    statement = (
        select(c.low_id, c.high_id, c.low_ratio, c.high_ratio, c.passages)
        .where(or_(c.low_ratio >= threshold, c.high_ratio >= threshold))
        .order_by(strength.desc(), c.low_id, c.high_id)
    )
    if ids is None:
        return [tuple(row) for row in session.execute(statement).all()]  # type: ignore[misc]
    chosen = set(ids)
    ordered = sorted(chosen)
    found: list[StoredPair] = []
    for start in range(0, len(ordered), _CHUNK):
        rows = session.execute(statement.where(c.high_id.in_(ordered[start : start + _CHUNK]))).all()
        found.extend(tuple(row) for row in rows if row[0] in chosen)  # type: ignore[misc]
    found.sort(key=lambda pair: (-max(pair[2], pair[3]), pair[0], pair[1]))
    return found


def unscanned_among(session: Session, ids: Collection[int], threshold: float) -> int:
    """How many of `ids` have no current scan at `threshold` or lower."""
    ordered = sorted(set(ids))
    scanned = 0
    for start in range(0, len(ordered), _CHUNK):
        statement = select(func.count()).where(
            SCAN_STATE.c.document_id.in_(ordered[start : start + _CHUNK]), _current(threshold)
        )
        scanned += int(session.scalar(statement) or 0)
    return len(ordered) - scanned
