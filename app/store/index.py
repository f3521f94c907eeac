"""The library-wide shingle index: which documents may share text with a query, without reading them all.

Every stored document gets its winnowed fingerprints (app.core.shingles) in `shingle_postings`, written in
the same transaction as the document itself (see `add_document`), so a crash never leaves a speech stored
without its index; removal cascades. `ensure_index` indexes whatever is missing or was indexed by an older
fingerprint version (libraries from before the index, a changed algorithm), so the index is always
rebuildable from the texts. Queries rank candidates by the rarity of shared fingerprints; the passage
engine then confirms and measures each candidate (app.store.tracing).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import repeat
from typing import cast

from sqlalchemy import Connection, LargeBinary, Table, delete, func, insert, select, text
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from app.core.shingles import (
    FINGERPRINT_VERSION,
    CandidateScore,
    ShingleParams,
    max_useful_df,
    normalised,
    rank_candidates,
    sorted_fingerprints,
)
from app.store.index_models import ShingleIndexState, ShinglePosting
from app.store.models import Document

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

PARAMS = ShingleParams()
POSTINGS = cast(Table, ShinglePosting.__table__)
STATE = cast(Table, ShingleIndexState.__table__)
_DOCUMENTS = cast(Table, Document.__table__)
#: Bound parameters per IN (...) list: well under every database's limit.
_CHUNK = 500
#: Documents indexed per transaction when catching up, so a long rebuild never holds the lock for long.
_BATCH = 200
_SQLITE_INSERT = "INSERT INTO shingle_postings (hash, document_id) VALUES (?, ?)"
#: PostgreSQL drivers that take a Python list for an array parameter written %(name)s.
_ARRAY_DRIVERS = {("postgresql", "psycopg"), ("postgresql", "psycopg2")}
_POSTGRESQL_INSERT = (
    "INSERT INTO shingle_postings (hash, document_id) SELECT unnest(%(hashes)s::integer[]), %(document_id)s"
)


def index_document(
    connection: Connection, document_id: int, stored_text: str, *, replace: bool = False
) -> int:
    """Store the fingerprints of one document (call inside the transaction that stores it); returns how many."""
    norm = normalised(stored_text)
    found = sorted_fingerprints(norm, PARAMS)
    if replace:
        clear_document(connection, document_id)
    if found and connection.dialect.name == "sqlite":  # the DBAPI's executemany: no per-row overhead
        connection.exec_driver_sql(_SQLITE_INSERT, list(zip(found, repeat(document_id))))
    elif found and (connection.dialect.name, connection.dialect.driver) in _ARRAY_DRIVERS:
        # one statement and one array parameter: no round trip per posting
        connection.exec_driver_sql(_POSTGRESQL_INSERT, {"hashes": found, "document_id": document_id})
    elif found:
        connection.execute(insert(POSTINGS), [{"hash": h, "document_id": document_id} for h in found])
    connection.execute(
        insert(STATE),
        {
            "document_id": document_id,
            "version": FINGERPRINT_VERSION,
            "fingerprints": len(found),
            "chars": len(norm),
        },
    )
    return len(found)


def clear_document(connection: Connection, document_id: int) -> None:
    """Take one document out of the index (its text stays)."""
    connection.execute(delete(POSTINGS).where(POSTINGS.c.document_id == document_id))
    connection.execute(delete(STATE).where(STATE.c.document_id == document_id))


def stale_ids(session: Session) -> list[int]:
    """Documents without fingerprints of the current version."""
    current = select(STATE.c.document_id).where(STATE.c.version == FINGERPRINT_VERSION)
    statement = select(_DOCUMENTS.c.id).where(_DOCUMENTS.c.id.not_in(current)).order_by(_DOCUMENTS.c.id)
    return list(session.scalars(statement))


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
        done += len(batch)
        if progress is not None:
            progress(done, len(todo))
    return done


def clear_index(session: Session) -> None:
    """Forget every fingerprint (the next `ensure_index` rebuilds them from the texts)."""
    session.execute(delete(POSTINGS))
    session.execute(delete(STATE))


def indexed_documents(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(STATE)) or 0)


def _chunks(values: Collection[int]) -> Iterator[list[int]]:
    items = list(values)
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def document_frequencies(session: Session, hashes: Collection[int]) -> dict[int, int]:
    """How many documents hold each fingerprint (absent ones are left out)."""
    found: dict[int, int] = {}
    for chunk in _chunks(hashes):
        statement = (
            select(POSTINGS.c.hash, func.count()).where(POSTINGS.c.hash.in_(chunk)).group_by(POSTINGS.c.hash)
        )
        found.update({h: int(n) for h, n in session.execute(statement)})
    return found


def document_fingerprints(session: Session, document_id: int) -> frozenset[int]:
    """The fingerprints stored for one document."""
    return frozenset(session.scalars(select(POSTINGS.c.hash).where(POSTINGS.c.document_id == document_id)))


def postings(session: Session, hashes: Collection[int]) -> dict[int, list[int]]:
    """The documents holding each fingerprint."""
    found: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks(hashes):
        statement = select(POSTINGS.c.hash, POSTINGS.c.document_id).where(POSTINGS.c.hash.in_(chunk))
        for h, document_id in session.execute(statement):
            found[h].append(document_id)
    return found


def find_candidates(
    session: Session,
    query: Collection[int],
    *,
    exclude: Iterable[int] = (),
    within: Collection[int] | None = None,
    limit: int = 50,
) -> list[CandidateScore]:
    """Documents sharing the rarest fingerprints with `query`, best first.

    Fingerprints held by more than `max_useful_df` documents (formulas and boilerplate everyone writes)
    are not looked up at all: they would cost the most and weigh the least.
    """
    documents = indexed_documents(session)
    if not query or not documents:
        return []
    df = document_frequencies(session, query)
    ceiling = max_useful_df(documents)
    useful = [h for h, n in df.items() if n <= ceiling]
    found = postings(session, useful)
    skip = set(exclude)
    allowed = None if within is None else set(within)
    for h, holders in found.items():
        found[h] = [d for d in holders if d not in skip and (allowed is None or d in allowed)]
    return rank_candidates(found, df, documents, limit)


@dataclass(frozen=True, slots=True)
class IndexSize:
    """What the index costs: rows, and bytes on disk when the database can tell (SQLite's dbstat)."""

    documents: int
    postings: int
    index_bytes: int | None
    text_bytes: int


def index_size(session: Session) -> IndexSize:
    """Rows and, on SQLite with dbstat, the bytes of the index tables against the UTF-8 size of the texts."""
    postings_count = int(session.scalar(select(func.count()).select_from(POSTINGS)) or 0)
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
                        "'ix_shingle_postings_document_id', 'shingle_index_state', "
                        "'sqlite_autoindex_shingle_index_state_1')"
                    )
                ).scalar()
                or 0
            )
        except Exception:  # dbstat is a compile-time option of SQLite
            index_bytes = None
    return IndexSize(indexed_documents(session), postings_count, index_bytes, text_bytes)
