"""Rows of the documents table that tracing, the stored scan results and the copy network all read: who
a document is (for a result line) and its text (to compare it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.store.models import Document
from app.store.similar_rank import DocumentInfo

_DOCUMENTS = cast(Table, Document.__table__)


def document_infos(session: Session, ids: Sequence[int]) -> dict[int, DocumentInfo]:
    """Title, source, date, speaker, genre and length of each document in `ids` that exists."""
    c = _DOCUMENTS.c
    rows = session.execute(
        select(c.id, c.title, c.source_path, c.date, c.speaker, c.genre, c.chars).where(c.id.in_(list(ids)))
    )
    return {row[0]: DocumentInfo(*row) for row in rows}


def texts_of(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """The stored text of each document in `ids` that exists."""
    c = _DOCUMENTS.c
    return {row[0]: row[1] for row in session.execute(select(c.id, c.text).where(c.id.in_(list(ids))))}
