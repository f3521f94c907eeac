"""Tables of the library-wide shingle index (see app.store.index and app.core.shingles).

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
