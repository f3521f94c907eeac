"""Plain frozen dataclasses the store hands out; no ORM object ever leaves `app.store`."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from app.core.model import DocumentMeta

#: A full-text substring search needs at least this many characters (one character matches everything).
MIN_TEXT_QUERY = 2


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document in the library without its text (fetch that with `get_text`)."""

    id: int
    meta: DocumentMeta
    chars: int
    content_hash: str
    imported_at: datetime
    format: str = ""


@dataclass(frozen=True, slots=True)
class AddResult:
    """What `add_document` did: `created` is False when the same text was already in the library."""

    id: int
    created: bool


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """Conditions for `search_documents`/`count_documents`; empty fields do not filter.

    `text` is a substring of the stored text (≥ MIN_TEXT_QUERY characters, matched exactly as stored);
    `keyword` is a case-insensitive substring of any metadata field or tag; `date_from`/`date_to` compare
    partial ISO dates, `date_to="2023"` including everything in 2023.
    """

    text: str = ""
    keyword: str = ""
    speaker: str = ""
    organisation: str = ""
    genre: str = ""
    tag: str = ""
    date_from: str = ""
    date_to: str = ""

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))
