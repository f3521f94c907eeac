"""The speech library: SQLite (or any SQLAlchemy database) behind plain functions and dataclasses.

library = open_library(db)                      # LibraryError if damaged/locked/read-only/too new
with library.reader() as session:               # one session per task
    docs = list_documents(session, DocumentFilter(text="共同富裕"))
with library.writer.begin() as session:         # one transaction, committed on success
    update_metadata(session, doc_id, meta)
report = import_paths(library.writer, paths, progress, cancelled, on_result)
"""

from typing import TYPE_CHECKING, Any

from app.store.engine import EmptyLibraryFile, Library, open_for_reading, open_library, resolve_target
from app.store.errors import LibraryError, LibraryReadOnly, library_errors
from app.store.records import MIN_TEXT_QUERY, AddResult, DocumentFilter, StoredDocument
from app.store.repository import (
    DocumentNotFound,
    add_document,
    all_tags,
    count_documents,
    find_by_hash,
    get_document,
    get_text,
    list_documents,
    list_ids,
    remove_document,
    update_metadata,
)

if TYPE_CHECKING:
    from app.store.importing import FileResult, ImportInterrupted, ImportReport, Outcome, import_paths

#: Loaded on first use: reading the library must not pay for the importers (PDF, .docx, HTML parsers).
_LAZY = {"FileResult", "ImportInterrupted", "ImportReport", "Outcome", "import_paths"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from app.store import importing

        return getattr(importing, name)
    raise AttributeError(f"module 'app.store' has no attribute {name!r}")


__all__ = [
    "MIN_TEXT_QUERY",
    "AddResult",
    "DocumentFilter",
    "DocumentNotFound",
    "EmptyLibraryFile",
    "FileResult",
    "ImportInterrupted",
    "ImportReport",
    "Library",
    "LibraryError",
    "LibraryReadOnly",
    "Outcome",
    "StoredDocument",
    "add_document",
    "all_tags",
    "count_documents",
    "find_by_hash",
    "get_document",
    "get_text",
    "import_paths",
    "library_errors",
    "list_documents",
    "list_ids",
    "open_for_reading",
    "open_library",
    "remove_document",
    "resolve_target",
    "update_metadata",
]
