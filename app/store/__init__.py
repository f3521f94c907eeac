"""The speech library: SQLite (or any SQLAlchemy database) behind plain functions and dataclasses.

library = open_library(db)                      # LibraryError if damaged/locked/read-only/too new
with library.reader() as session:               # one session per task
    docs = list_documents(session, DocumentFilter(text="共同富裕"))
with library.writer.begin() as session:         # one transaction, committed on success
    update_metadata(session, doc_id, meta)
report = import_paths(library.writer, paths, progress, cancelled, on_result)

Every name below loads its module on first use (PEP 562): `from app.store.errors import LibraryError` or
`app.store.table_rows` must not pay for SQLAlchemy (~0.3 s), which the GUI's first window does without.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.store.engine import EmptyLibraryFile, Library, open_for_reading, open_library, resolve_target
    from app.store.errors import LibraryError, LibraryReadOnly, library_errors
    from app.store.importing import FileResult, ImportInterrupted, ImportReport, Outcome, import_paths
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

#: Public name → the module that defines it.
_HOMES = {
    **dict.fromkeys(
        ("EmptyLibraryFile", "Library", "open_for_reading", "open_library", "resolve_target"), "engine"
    ),
    **dict.fromkeys(("LibraryError", "LibraryReadOnly", "library_errors"), "errors"),
    # The importers pull in PDF, .docx and HTML parsers: reading the library must not pay for them.
    **dict.fromkeys(
        ("FileResult", "ImportInterrupted", "ImportReport", "Outcome", "import_paths"), "importing"
    ),
    **dict.fromkeys(("MIN_TEXT_QUERY", "AddResult", "DocumentFilter", "StoredDocument"), "records"),
    **dict.fromkeys(
        (
            "DocumentNotFound",
            "add_document",
            "all_tags",
            "count_documents",
            "find_by_hash",
            "get_document",
            "get_text",
            "list_documents",
            "list_ids",
            "remove_document",
            "update_metadata",
        ),
        "repository",
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'app.store' has no attribute {name!r}")
    value = getattr(import_module(f"app.store.{home}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


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
