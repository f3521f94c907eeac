"""The library signal for formula detection: wordings other speakers' speeches in the library share verbatim.

app.core.formulas.library does the counting and the judging; this module feeds it the library's texts,
grouped by speaker (the organisation when no speaker is recorded, else the document itself, so that an
unattributed speech still counts as one voice). The shingle index cannot answer this: it keeps one 8-character
fingerprint in about nine, and a slogan is shorter than the guaranteed 23 characters. Texts are read in
batches, so memory stays at the counts, and a library above `MAX_CHARS` gives no signal rather than a slow
answer (the counts are built per call: about a second per 3 million characters).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.formulas.library import LibrarySignal, UnitCounts
from app.store.models import Document

#: Fewer documents than this say nothing about what speakers share.
MIN_DOCUMENTS = 5
#: Libraries with more text than this are not counted (the signal would cost more than it tells).
MAX_CHARS = 50_000_000
_BATCH = 200


def speaker_group(document_id: int, speaker: str, organisation: str) -> str:
    """Whose voice a document is: its speaker, else its organisation, else itself."""
    return speaker.strip() or organisation.strip() or f"#{document_id}"


def library_signal(
    session: Session,
    *,
    idioms: Collection[str] = frozenset(),
    common_words: Collection[str] = frozenset(),
) -> LibrarySignal | None:
    """Unit counts over every document of the library, or None for a small or a very large library."""
    documents, chars = session.execute(select(func.count(Document.id), func.sum(Document.chars))).one()
    if documents < MIN_DOCUMENTS or (chars or 0) > MAX_CHARS:
        return None
    counts = UnitCounts()
    last = 0
    while True:
        rows = session.execute(
            select(Document.id, Document.speaker, Document.organisation, Document.text)
            .where(Document.id > last)
            .order_by(Document.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            break
        for document_id, speaker, organisation, text in rows:
            counts.add(speaker_group(document_id, speaker or "", organisation or ""), text)
        last = rows[-1][0]
    return LibrarySignal(counts, idioms, common_words)


def document_group(session: Session, document_id: int) -> str | None:
    """The speaker group of a library document (None if there is no such document)."""
    row = session.execute(
        select(Document.speaker, Document.organisation).where(Document.id == document_id)
    ).one_or_none()
    return None if row is None else speaker_group(document_id, row[0] or "", row[1] or "")
