"""Tables of the corpus scan (see app.store.scan_store and app.core.scan).

`scan_pairs` holds the pairs sharing copied prose, `scan_passages` their copied passages, `scan_state`
which documents are scanned (with which scan version and threshold, in which run). Pairs hang off both
documents and passages off their pair with `ON DELETE CASCADE`: removing a speech removes its pairs in
the same transaction. Kept out of models.py like the shingle index, and imported by the repository so
the tables are part of `Base.metadata`.
"""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, ForeignKeyConstraint, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class ScanPair(Base):
    """Two documents sharing copied prose: `low_ratio` of the lower id's text, `high_ratio` of the other's."""

    __tablename__ = "scan_pairs"
    __table_args__ = (Index("ix_scan_pairs_high_id", "high_id"),)

    low_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    high_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    low_ratio: Mapped[float] = mapped_column(Float)
    high_ratio: Mapped[float] = mapped_column(Float)
    passages: Mapped[int] = mapped_column(Integer)


class ScanPassage(Base):
    """One copied passage of a pair, as offsets into the two stored texts."""

    __tablename__ = "scan_passages"
    __table_args__ = (
        ForeignKeyConstraint(
            ["low_id", "high_id"], ["scan_pairs.low_id", "scan_pairs.high_id"], ondelete="CASCADE"
        ),
        Index("ix_scan_passages_pair", "low_id", "high_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    low_id: Mapped[int] = mapped_column(Integer)
    high_id: Mapped[int] = mapped_column(Integer)
    low_start: Mapped[int] = mapped_column(Integer)
    low_end: Mapped[int] = mapped_column(Integer)
    high_start: Mapped[int] = mapped_column(Integer)
    high_end: Mapped[int] = mapped_column(Integer)
    similarity: Mapped[float] = mapped_column(Float)


class ScanState(Base):
    """A scanned document: its pairs with every lower id are stored (see app.core.scan)."""

    __tablename__ = "scan_state"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    version: Mapped[int] = mapped_column(Integer)
    #: lowest copy ratio stored for the document's pairs
    threshold: Mapped[float] = mapped_column(Float)
    #: weak candidates measured at most (app.core.scan.MAX_WEAK_CANDIDATES): a scan asking for more redoes it
    max_weak: Mapped[int] = mapped_column(Integer)
    #: candidates measured, and pairs found among them
    candidates: Mapped[int] = mapped_column(Integer)
    pairs: Mapped[int] = mapped_column(Integer)
    #: the scan run that did it (a number that grows with each run)
    run: Mapped[int] = mapped_column(Integer)
