"""Tables of the library-wide shingle index (see app.store.index and app.core.shingles).

The postings live in two tables with the same rows' shape: `shingle_postings`, clustered by fingerprint,
and `shingle_postings_recent`, clustered by document, which new documents go to. Fingerprints are
hashes, so a batch of new postings lands on nearly every page of a table clustered by fingerprint (a
commit into a 10,000-speech library rewrote ~66 MB); clustered by document, new rows append. The recent
table is merged into the main one in one sorted pass once it is a fair share of it (see
`app.store.index.merge_recent`). A document's postings are all in one of the two tables; readers read both.

Kept out of models.py so that the index stays one removable piece; imported by the repository, so the
tables are part of `Base.metadata` whenever the store is. Both tables hang off `documents.id` with
`ON DELETE CASCADE`: removing a speech removes its fingerprints in the same transaction.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class ShinglePosting(Base):
    """One fingerprint (signed 32-bit shingle hash) of one document: the inverted index, hash first.

    WITHOUT ROWID on SQLite: the primary key is the table, so a posting costs about a dozen bytes.
    """

    __tablename__ = "shingle_postings"
    __table_args__ = (
        Index("ix_shingle_postings_document_id", "document_id"),
        {"sqlite_with_rowid": False},
    )

    hash: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )


class ShingleIndexState(Base):
    """Which documents are indexed, with which fingerprint version, and how big their views are."""

    __tablename__ = "shingle_index_state"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    version: Mapped[int] = mapped_column(Integer)
    #: fingerprints stored for the document
    fingerprints: Mapped[int] = mapped_column(Integer)
    #: length of the normalised view (characters matched on)
    chars: Mapped[int] = mapped_column(Integer)


class RecentShinglePosting(Base):
    """A posting of a recently indexed document: the same rows as `ShinglePosting`, document first, so that
    inserting a new document's postings appends; the index on the hash serves lookups by fingerprint.

    WITHOUT ROWID on SQLite, like the main table.
    """

    __tablename__ = "shingle_postings_recent"
    __table_args__ = (
        Index("ix_shingle_postings_recent_hash", "hash"),
        {"sqlite_with_rowid": False},
    )

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    hash: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
