"""SQLAlchemy models of the library. ORM objects stay inside `app.store`; callers get dataclasses.

Later features add their own tables (library-wide passage index, user lexicon) with their own
migrations; they hang off `documents.id` with `ON DELETE CASCADE` so removing a speech removes its traces.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: Stable constraint names, so that later migrations (batch mode on SQLite) can find and alter them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class StoredText(TypeDecorator[str]):
    """A document's text column: TEXT, read back as `str` even where SQLite holds it as a BLOB of its UTF-8
    bytes. A long text is written into the database piece by piece (`repository.add_document`), which
    SQLite allows only into a BLOB; its string functions (instr, replace, LIKE) read such a BLOB as the same
    UTF-8 text. But `length()` and `substr()` count its bytes: count characters with the `chars` column."""

    impl = Text
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return value.decode("utf-8") if isinstance(value, bytes) else value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    """One imported speech: its stored text (see app.core.text) and what we know about it."""

    __tablename__ = "documents"
    # AUTOINCREMENT: an id shown to the user (`#12`) is never reused for another speech after a removal.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="", index=True)
    speaker: Mapped[str] = mapped_column(Text, default="", index=True)
    role: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[str] = mapped_column(String(32), default="", index=True)
    occasion: Mapped[str] = mapped_column(Text, default="")
    genre: Mapped[str] = mapped_column(Text, default="", index=True)
    source_path: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    format: Mapped[str] = mapped_column(String(16), default="")
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    chars: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Last column and deferred: listing thousands of speeches must not drag their texts along. Keep it last:
    # a long text is inserted as a zeroblob, built in memory by SQLite unless it ends the row (add_document).
    text: Mapped[str] = mapped_column(StoredText, deferred=True)

    tags: Mapped[list[DocumentTag]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="DocumentTag.position",
        lazy="selectin",
    )


class DocumentTag(Base):
    """A user tag on a document; `position` keeps the order the user gave."""

    __tablename__ = "document_tags"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(Text, primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    document: Mapped[Document] = relationship(back_populates="tags")


class OcrLineRow(Base):
    """A line of a document's text that OCR recognised (code-point span) and how sure the recogniser was."""

    __tablename__ = "ocr_lines"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    start: Mapped[int] = mapped_column(Integer, primary_key=True)
    end: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)


class CachedComparison(Base):
    """Passages of one document pair under one set of parameters (see app.store.comparison_cache).

    Keyed by content hashes, not ids: the same texts give the same passages wherever they come from, and a
    re-imported speech finds its results again. Rebuildable, so no foreign key holds it to `documents`.
    """

    __tablename__ = "comparison_cache"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    hash_a: Mapped[str] = mapped_column(String(64), index=True)
    hash_b: Mapped[str] = mapped_column(String(64), index=True)
    params: Mapped[str] = mapped_column(Text)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UserLexiconEntry(Base):
    """A user's formula entry, merged over the shipped lexicon by canonical text (see app.store.lexicon).

    `removed` marks a shipped formula the user took out; its other columns are then unused. Lists of
    wordings are stored `|`-separated, as in the lexicon TSV.
    """

    __tablename__ = "lexicon_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical: Mapped[str] = mapped_column(Text, unique=True)
    variants: Mapped[str] = mapped_column(Text, default="")
    outdated: Mapped[str] = mapped_column(Text, default="")
    expansion: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(32), default="")
    first_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    first_year_source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
