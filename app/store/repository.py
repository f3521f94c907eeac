"""Queries and changes on documents. Every function takes a Session; the caller owns the transaction.

Typical use: `with library.writer.begin() as s: add_document(s, text, meta)` commits one document
atomically; `with library.reader() as s: list_documents(s)` reads a consistent snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from app.core.model import DocumentMeta, Span
from app.core.text import content_hash as hash_text
from app.core.text import utf8_pieces
from app.store import index_models, scan_models  # noqa: F401 (the index and scan tables belong to the schema)
from app.store.models import Document, DocumentTag, OcrLineRow
from app.store.records import MIN_TEXT_QUERY, AddResult, DocumentFilter, StoredDocument

#: Metadata fields stored as columns of `documents` (tags live in their own table).
META_COLUMNS = (
    "title",
    "speaker",
    "role",
    "organisation",
    "date",
    "occasion",
    "genre",
    "source_path",
    "notes",
)
#: Sort keys `list_documents` accepts.
SORT_KEYS = (*META_COLUMNS, "id", "chars", "imported_at")


_DOCUMENTS = cast(Table, Document.__table__)
_ID_BY_HASH = select(_DOCUMENTS.c.id).where(_DOCUMENTS.c.content_hash == bindparam("digest"))
_INSERT_DOCUMENT = insert(_DOCUMENTS).returning(_DOCUMENTS.c.id)
#: Texts at least this long (characters) are written into SQLite piece by piece, see `_insert_document`.
STREAMED_TEXT_CHARS = 256 * 1024
_INSERT_DOCUMENT_STREAMED = (
    insert(_DOCUMENTS).values(text=func.zeroblob(bindparam("text_bytes"))).returning(_DOCUMENTS.c.id)
)
_INSERT_TAG = insert(cast(Table, DocumentTag.__table__))


class DocumentNotFound(LookupError):
    """No document with this id (maybe removed meanwhile)."""


def add_document(
    session: Session,
    text: str,
    meta: DocumentMeta,
    *,
    format: str = "",
    content_hash: str | None = None,
    imported_at: datetime | None = None,
    ocr_lines: Sequence[Span] = (),
    ocr_confidences: Sequence[float] = (),
) -> AddResult:
    """Store `text` (already in stored form, see app.core.text) unless the same text is there already.

    `ocr_lines` are the spans of lines recognised by OCR, `ocr_confidences` the recogniser's confidence
    in each (see `ocr_lines`)."""
    digest = content_hash or hash_text(text)
    # Core on the session's connection rather than the ORM unit of work: most of the per-file cost of
    # a corpus import was ORM bookkeeping for rows we never look at again.
    connection = session.connection()
    existing = connection.execute(_ID_BY_HASH, {"digest": digest}).scalar()
    if existing is not None:
        return AddResult(existing, created=False)
    # Fingerprints first: a long text's normalised view is then freed before the text is copied into
    # the database (the index needs numpy, which opening the library, the GUI's start, does not load).
    from app.store.index import index_document, text_fingerprints

    fingerprints = text_fingerprints(text)
    values = {name: getattr(meta, name) for name in META_COLUMNS}
    values.update(
        format=format,
        content_hash=digest,
        chars=len(text),
        imported_at=imported_at or datetime.now(UTC),
    )
    document_id = _insert_document(connection, values, text)
    tags = _unique(meta.tags)
    if tags:
        rows = [{"document_id": document_id, "tag": tag, "position": i} for i, tag in enumerate(tags)]
        connection.execute(_INSERT_TAG, rows)
    if ocr_lines:
        connection.execute(
            insert(OcrLineRow),
            [
                {"document_id": document_id, "start": span.start, "end": span.end, "confidence": confidence}
                for span, confidence in zip(ocr_lines, ocr_confidences, strict=True)
            ],
        )
    # Same transaction: a document is never stored without its fingerprints.
    index_document(connection, document_id, text, fingerprints=fingerprints)
    return AddResult(document_id, created=True)


def _insert_document(connection: Connection, values: dict[str, Any], text: str) -> int:
    """Insert the document's row; returns its id.

    A long text goes into SQLite through incremental BLOB I/O: the row is inserted with a zeroblob of the
    text's UTF-8 size (the last column, so SQLite writes its pages without building it in memory), then
    the UTF-8 is written into it a piece at a time. Bound as one value, a 60 MB text cost three copies of
    its UTF-8 at once (the driver's encoding of the str, SQLite's copy of the bound value, the record it
    builds), and two of them stayed while the statement was cached. The column then holds a BLOB, which
    `StoredText` reads back as the same str.
    """
    if connection.dialect.name != "sqlite" or len(text) < STREAMED_TEXT_CHARS:
        return int(connection.execute(_INSERT_DOCUMENT, {**values, "text": text}).scalar_one())
    size = sum(len(piece) for piece in utf8_pieces(text))
    document_id = int(
        connection.execute(_INSERT_DOCUMENT_STREAMED, {**values, "text_bytes": size}).scalar_one()
    )
    driver = connection.connection.driver_connection  # the sqlite3 connection, inside this transaction
    with driver.blobopen(_DOCUMENTS.name, _DOCUMENTS.c.text.name, document_id) as blob:
        for piece in utf8_pieces(text):
            blob.write(piece)
    return document_id


def ocr_lines(session: Session, document_id: int) -> list[tuple[Span, float]]:
    """The document's lines recognised by OCR, in text order, with their confidence (empty: none were)."""
    rows = session.execute(
        select(OcrLineRow.start, OcrLineRow.end, OcrLineRow.confidence)
        .where(OcrLineRow.document_id == document_id)
        .order_by(OcrLineRow.start)
    )
    return [(Span(start, end), confidence) for start, end, confidence in rows]


def get_document(session: Session, document_id: int) -> StoredDocument | None:
    document = session.get(Document, document_id)
    return None if document is None else to_record(document)


def get_text(session: Session, document_id: int) -> str | None:
    return session.scalar(select(Document.text).where(Document.id == document_id))


def find_by_hash(session: Session, digest: str) -> StoredDocument | None:
    document = session.scalar(select(Document).where(Document.content_hash == digest))
    return None if document is None else to_record(document)


def list_documents(
    session: Session,
    filter: DocumentFilter | None = None,
    *,
    sort: str = "id",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[StoredDocument]:
    """Documents matching `filter` (all when None; this is also the search), sorted by `sort` then id."""
    if sort not in SORT_KEYS:
        raise ValueError(f"cannot sort by {sort!r}; use one of {', '.join(SORT_KEYS)}")
    column = getattr(Document, sort)
    order = column.desc() if descending else column.asc()
    statement = _filtered(select(Document), session, filter).options(selectinload(Document.tags))
    statement = statement.order_by(order, Document.id).offset(offset).limit(limit)
    return [to_record(document) for document in session.scalars(statement)]


def count_documents(session: Session, filter: DocumentFilter | None = None) -> int:
    statement = _filtered(select(func.count(Document.id)), session, filter)
    return int(session.scalar(statement) or 0)


def list_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Document.id).order_by(Document.id)))


def all_tags(session: Session) -> list[str]:
    return list(session.scalars(select(DocumentTag.tag).distinct().order_by(DocumentTag.tag)))


def update_metadata(session: Session, document_id: int, meta: DocumentMeta) -> StoredDocument:
    """Replace every metadata field (tags included) of a document; the text never changes."""
    document = session.get(Document, document_id)
    if document is None:
        raise DocumentNotFound(document_id)
    for name in META_COLUMNS:
        setattr(document, name, getattr(meta, name))
    if tuple(row.tag for row in document.tags) != tuple(_unique(meta.tags)):
        document.tags.clear()
        session.flush()  # delete old rows before re-inserting tags that keep their name
        document.tags.extend(_tag_rows(meta.tags))
    session.flush()
    return to_record(document)


def remove_document(session: Session, document_id: int) -> bool:
    """Delete a document and (through ON DELETE CASCADE) everything attached to it."""
    result = session.execute(delete(Document).where(Document.id == document_id))
    return bool(getattr(result, "rowcount", 0))


def to_record(document: Document) -> StoredDocument:
    meta = DocumentMeta(
        **{name: getattr(document, name) or "" for name in META_COLUMNS},
        tags=tuple(row.tag for row in document.tags),
    )
    imported_at = document.imported_at
    if imported_at.tzinfo is None:  # SQLite keeps no zone; we always store UTC
        imported_at = imported_at.replace(tzinfo=UTC)
    return StoredDocument(
        id=document.id,
        meta=meta,
        chars=document.chars,
        content_hash=document.content_hash,
        imported_at=imported_at,
        format=document.format,
    )


def _unique(tags: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        if tag.strip():
            seen.setdefault(tag.strip(), None)
    return list(seen)


def _tag_rows(tags: Sequence[str]) -> list[DocumentTag]:
    return [DocumentTag(tag=tag, position=index) for index, tag in enumerate(_unique(tags))]


def _filtered(statement: Select[Any], session: Session, filter: DocumentFilter | None) -> Select[Any]:
    if filter is None or filter.is_empty():
        return statement
    conditions: list[ColumnElement[bool]] = []
    if filter.text:
        if len(filter.text) < MIN_TEXT_QUERY:
            raise ValueError(f"a text search needs at least {MIN_TEXT_QUERY} characters")
        conditions.append(_contains(Document.text, filter.text, session.get_bind().dialect.name))
    if filter.keyword:
        fields = [getattr(Document, name).icontains(filter.keyword, autoescape=True) for name in META_COLUMNS]
        tagged = exists().where(
            DocumentTag.document_id == Document.id, DocumentTag.tag.icontains(filter.keyword, autoescape=True)
        )
        conditions.append(or_(*fields, tagged))
    for name in ("speaker", "organisation", "genre"):
        value = getattr(filter, name)
        if value:
            conditions.append(getattr(Document, name).icontains(value, autoescape=True))
    if filter.tag:
        conditions.append(
            exists().where(DocumentTag.document_id == Document.id, DocumentTag.tag == filter.tag)
        )
    if filter.date_from:
        conditions.append(and_(Document.date != "", Document.date >= filter.date_from))
    if filter.date_to:
        # "2023" as an upper bound includes "2023-12-31": compare as prefix as well as text.
        conditions.append(
            and_(
                Document.date != "",
                or_(Document.date <= filter.date_to, Document.date.startswith(filter.date_to)),
            )
        )
    return statement.where(*conditions)


def _contains(column: InstrumentedAttribute[str], needle: str, dialect: str) -> ColumnElement[bool]:
    """Exact substring test that works on SQLite (instr: no LIKE case folding) and elsewhere (LIKE)."""
    if dialect == "sqlite":
        return func.instr(column, needle) > 0
    if dialect == "postgresql":
        return func.strpos(column, needle) > 0
    return column.contains(needle, autoescape=True)
