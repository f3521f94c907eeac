"""The library-wide shingle index: which documents may share text with a query, without reading them all.

Every stored document gets its winnowed fingerprints (app.core.shingles) in the postings, written in
the same transaction as the document itself (see `add_document`), so a crash never leaves a speech stored
without its index; removal cascades. New postings go to `shingle_postings_recent` (clustered by document,
so they append) and are merged into `shingle_postings` (clustered by fingerprint) by `merge_recent`, in
one sorted pass once they are a fair share of it; every reader reads both tables (see index_models).
`ensure_index` indexes whatever is missing or was indexed by an older fingerprint version (libraries from
before the index, a changed algorithm), so the index is always rebuildable from the texts. Queries rank
candidates by the rarity of shared fingerprints; the passage engine then confirms and measures each
candidate (app.store.tracing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import repeat
from typing import cast

import numpy as np
from sqlalchemy import (
    Connection,
    LargeBinary,
    Table,
    delete,
    func,
    insert,
    select,
    text,
    union_all,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from app.core.shingles import (
    FINGERPRINT_VERSION,
    text_fingerprint_array,
)
from app.store.index_models import RecentShinglePosting, ShingleIndexState, ShinglePosting
from app.store.models import Document

# the reads "similar" runs, moved to plain SQL there (app.store.reads); named here for the other callers
from app.store.reads import PARAMS as PARAMS
from app.store.reads import document_fingerprints as document_fingerprints
from app.store.reads import document_frequencies as document_frequencies
from app.store.reads import find_candidates as find_candidates
from app.store.reads import indexed_documents as indexed_documents
from app.store.reads import postings as postings
from app.store.reads import stale_ids as stale_ids

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

POSTINGS = cast(Table, ShinglePosting.__table__)
RECENT = cast(Table, RecentShinglePosting.__table__)
#: Where postings are: a document's are all in one of these; every reader reads both.
POSTING_TABLES = (POSTINGS, RECENT)
#: Both tables as one (hash, document_id) selectable, for readers to which a plan over a union is fine.
ALL_POSTINGS = union_all(*(select(t.c.hash, t.c.document_id) for t in POSTING_TABLES)).subquery("postings")
STATE = cast(Table, ShingleIndexState.__table__)
_DOCUMENTS = cast(Table, Document.__table__)
#: Documents indexed per transaction when catching up, so a long rebuild never holds the lock for long.
_BATCH = 200
#: The recent postings are merged into the main table once they are this share of its postings...
MERGE_SHARE = 0.125
#: ...and at least this many (a small library may keep all its postings in the recent table: both
#: tables hold the same rows, with document and fingerprint swapped in the clustering).
MERGE_MIN_POSTINGS = 500_000
_SQLITE_INSERT = "INSERT INTO shingle_postings_recent (document_id, hash) VALUES (?, ?)"
#: PostgreSQL drivers that take a Python list for an array parameter written %(name)s.
_ARRAY_DRIVERS = {("postgresql", "psycopg"), ("postgresql", "psycopg2")}
_POSTGRESQL_INSERT = (
    "INSERT INTO shingle_postings_recent (hash, document_id) "
    "SELECT unnest(%(hashes)s::integer[]), %(document_id)s"
)


@dataclass(frozen=True, slots=True)
class Fingerprints:
    """A text's fingerprints (sorted int64 array) and the length of its normalised view."""

    hashes: np.ndarray
    chars: int


def text_fingerprints(stored_text: str) -> Fingerprints:
    """What `index_document` stores for a text, taken as it is normalised a piece at a time (peak memory of
    a big import: the whole normalised view would be about the text's size again)."""
    return Fingerprints(*text_fingerprint_array(stored_text, PARAMS))


def _in_pieces(found: np.ndarray, piece: int = 1 << 16) -> Iterator[int]:
    """The hashes as Python ints, converted a piece at a time (a whole `tolist()` of a long text's
    fingerprints is tens of MB of int objects at once; one `int()` per numpy scalar is slower)."""
    for start in range(0, found.size, piece):
        yield from found[start : start + piece].tolist()


def index_document(
    connection: Connection,
    document_id: int,
    stored_text: str,
    *,
    replace: bool = False,
    fingerprints: Fingerprints | None = None,
) -> int:
    """Store the fingerprints of one document (call inside the transaction that stores it); returns how many.
    `fingerprints` are the text's, when already taken with `text_fingerprints`."""
    taken = fingerprints or text_fingerprints(stored_text)
    found, chars = taken.hashes, taken.chars
    if replace:
        clear_document(connection, document_id)
    if found.size and connection.dialect.name == "sqlite":
        # the DBAPI's executemany, fed row by row: no per-row overhead, and no list of millions of tuples
        cursor = connection.connection.cursor()
        try:
            cursor.executemany(_SQLITE_INSERT, zip(repeat(document_id), _in_pieces(found)))
        finally:
            cursor.close()
    elif found.size and (connection.dialect.name, connection.dialect.driver) in _ARRAY_DRIVERS:
        # one statement and one array parameter: no round trip per posting
        connection.exec_driver_sql(_POSTGRESQL_INSERT, {"hashes": found.tolist(), "document_id": document_id})
    elif found.size:
        connection.execute(insert(RECENT), [{"hash": h, "document_id": document_id} for h in found.tolist()])
    connection.execute(
        insert(STATE),
        {
            "document_id": document_id,
            "version": FINGERPRINT_VERSION,
            "fingerprints": len(found),
            "chars": chars,
        },
    )
    return int(found.size)


def clear_document(connection: Connection, document_id: int) -> None:
    """Take one document out of the index (its text stays)."""
    for table in POSTING_TABLES:
        connection.execute(delete(table).where(table.c.document_id == document_id))
    connection.execute(delete(STATE).where(STATE.c.document_id == document_id))


def ensure_index(
    writer: Callable[[], Session],
    reader: Callable[[], Session],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Index every document that is missing from the index (or stale); returns how many were indexed.

    Pass `library.writer` and `library.reader`. Work is committed in batches, so a cancel keeps what was done.
    """
    with reader() as session:
        todo = stale_ids(session)
    done = 0
    for start in range(0, len(todo), _BATCH):
        if cancelled is not None and cancelled():
            break
        batch = todo[start : start + _BATCH]
        with writer() as session, session.begin():
            connection = session.connection()
            rows = connection.execute(
                select(_DOCUMENTS.c.id, _DOCUMENTS.c.text).where(_DOCUMENTS.c.id.in_(batch))
            ).all()
            for document_id, stored_text in rows:
                index_document(connection, document_id, stored_text or "", replace=True)
        with writer() as session:  # a rebuild of a whole library merges as it goes
            merge_if_due(session)
        done += len(batch)
        if progress is not None:
            progress(done, len(todo))
    return done


def clear_index(session: Session) -> None:
    """Forget every fingerprint (the next `ensure_index` rebuilds them from the texts)."""
    for table in POSTING_TABLES:
        session.execute(delete(table))
    session.execute(delete(STATE))


def recent_share(session: Session | Connection) -> tuple[int, int]:
    """(postings in the recent table, postings in all): the second from the index state, which counts each
    document's fingerprints, so that the main table is never counted row by row."""
    recent = int(session.scalar(select(func.count()).select_from(RECENT)) or 0)
    total = int(session.scalar(select(func.sum(STATE.c.fingerprints))) or 0)
    return recent, max(total, recent)


def merge_due(session: Session | Connection) -> bool:
    """Whether the recent postings are due to be merged: at least `MERGE_MIN_POSTINGS`, and `MERGE_SHARE`
    of the main table's. Each posting is merged once whenever that is; what the threshold bounds is how
    often a merge walks the main table's pages, and how big the recent table's index grows (every batch of
    an import writes most of its pages)."""
    recent, total = recent_share(session)
    return recent >= max(MERGE_MIN_POSTINGS, MERGE_SHARE * (total - recent))


def merge_recent(session: Session | Connection) -> int:
    """Move every recent posting into the main table in one sorted pass (call inside a transaction: a
    merge stopped half-way leaves both tables as they were). Returns how many postings moved."""
    columns = "hash, document_id"
    moved = session.execute(
        text(
            f"INSERT INTO {POSTINGS.name} ({columns}) SELECT {columns} FROM {RECENT.name} ORDER BY {columns}"
        )
    ).rowcount
    session.execute(delete(RECENT))
    return int(moved or 0)


def merge_if_due(session: Session) -> int:
    """Merge the recent postings when `merge_due`, in a transaction of its own on a connection of the
    session's engine (the session must hold no transaction); returns how many moved."""
    engine = session.get_bind()
    if isinstance(engine, Connection):  # a session bound to one connection (tests): merge on it
        with session.begin():
            return merge_recent(session) if merge_due(session) else 0
    with engine.connect() as connection, _without_foreign_keys(connection), connection.begin():
        return merge_recent(connection) if merge_due(connection) else 0


@contextmanager
def _without_foreign_keys(connection: Connection) -> Iterator[None]:
    """SQLite's foreign-key checks off for the transactions run inside (the pragma only works outside one).

    A merge moves rows whose documents exist, under the write lock, so there is nothing to check; with the
    checks on, SQLite also deletes the recent table row by row instead of truncating it: 8.8 s of CPU instead
    of 3.0 s to merge 1.3 million postings into a 10,000-speech library (SQLite alone, measured under load).
    """
    raw = connection.connection.driver_connection if connection.dialect.name == "sqlite" else None
    if raw is None or raw.in_transaction:  # (a shared in-memory library's one connection: checks stay on)
        yield
        return
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


@dataclass(frozen=True, slots=True)
class IndexSize:
    """What the index costs: rows, and bytes on disk when the database can tell (SQLite's dbstat)."""

    documents: int
    postings: int
    index_bytes: int | None
    text_bytes: int


def index_size(session: Session) -> IndexSize:
    """Rows and, on SQLite with dbstat, the bytes of the index tables against the UTF-8 size of the texts."""
    postings_count = sum(
        int(session.scalar(select(func.count()).select_from(t)) or 0) for t in POSTING_TABLES
    )
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":  # SQLite's octet_length is too recent (3.43) to rely on
        size = func.length(sql_cast(_DOCUMENTS.c.text, LargeBinary))
    else:
        size = func.octet_length(_DOCUMENTS.c.text)
    text_bytes = int(session.scalar(select(func.sum(size))) or 0)
    index_bytes: int | None = None
    if dialect == "sqlite":
        try:
            index_bytes = int(
                session.execute(
                    text(
                        "SELECT SUM(pgsize) FROM dbstat WHERE name IN ('shingle_postings', "
                        "'ix_shingle_postings_document_id', 'shingle_postings_recent', "
                        "'ix_shingle_postings_recent_hash', 'shingle_index_state', "
                        "'sqlite_autoindex_shingle_index_state_1')"
                    )
                ).scalar()
                or 0
            )
        except Exception:  # dbstat is a compile-time option of SQLite
            index_bytes = None
    return IndexSize(indexed_documents(session), postings_count, index_bytes, text_bytes)
