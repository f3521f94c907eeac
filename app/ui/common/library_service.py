"""What the GUI asks of the library, in one place: rows for the table, search, import, edit, remove, restore.

Each call opens its own session (one session per task), so the same object can serve the GUI thread and a
worker thread. Results are plain dataclasses; nothing here knows about widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app import store  # its names load on first use: the first window shows rows without SQLAlchemy
from app.core.model import DocumentMeta
from app.store.errors import library_errors
from app.ui.common.merged_lexicon import MergedLexicon

if TYPE_CHECKING:  # the importers pull in docx/pdf/html parsers: load them on the first import only
    from app.store import Library, StoredDocument
    from app.store.deferred import DeferredLibrary
    from app.store.importing import ImportReport
    from app.store.table_rows import TableRow

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class RemovedDocument:
    """Everything needed to put a removed speech back (undo): its text, metadata and provenance."""

    id: int
    text: str
    meta: DocumentMeta
    format: str
    imported_at: datetime


@dataclass(frozen=True, slots=True)
class LibraryRow:
    """One speech as the table shows it."""

    id: int
    title: str = ""
    speaker: str = ""
    role: str = ""
    organisation: str = ""
    date: str = ""
    genre: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    chars: int = 0

    @property
    def year(self) -> str:
        return self.date[:4] if self.date[:4].isdigit() else ""

    def haystack(self) -> str:
        """The metadata a search box query is matched against, folded for case-insensitive search."""
        parts = (self.title, self.speaker, self.role, self.organisation, self.date, self.genre, *self.tags)
        return "\n".join(parts).casefold()


def to_row(document: StoredDocument) -> LibraryRow:
    meta = document.meta
    return LibraryRow(
        id=document.id,
        title=meta.title,
        speaker=meta.speaker,
        role=meta.role,
        organisation=meta.organisation,
        date=meta.date,
        genre=meta.genre,
        tags=meta.tags,
        chars=document.chars,
    )


class LibraryService:
    """The open library as the GUI uses it."""

    def __init__(self, library: Library | DeferredLibrary, first_rows: list[TableRow] | None = None) -> None:
        self.library = library
        #: Rows read before the library was opened (the first window's table), handed out once.
        self._first_rows = first_rows
        # old id → new id of speeches put back by undo, so older undo steps still find them.
        self._aliases: dict[int, int] = {}
        self._usage: dict[str, int] = {}
        #: The library's formula lexicon (shipped + the user's entries) and its matcher.
        self.lexicon = MergedLexicon(library)

    def resolve(self, doc_id: int) -> int:
        """The current id of a speech that may have been removed and restored since `doc_id` was taken."""
        seen = set()
        while doc_id in self._aliases and doc_id not in seen:
            seen.add(doc_id)
            doc_id = self._aliases[doc_id]
        return doc_id

    @property
    def location(self) -> str:
        return self.library.location

    def close(self) -> None:
        self.library.close()

    def rows(self) -> list[LibraryRow]:
        """Every speech as the table shows it: two plain queries, no ORM objects (see app.store.table_rows)."""
        rows, self._first_rows = self._first_rows, None
        if rows is None:
            from app.store.table_rows import table_rows

            with library_errors(self.location), self.library.reader() as session:
                rows = table_rows(session.connection().exec_driver_sql)
        return [LibraryRow(*row) for row in rows]

    def row(self, doc_id: int) -> LibraryRow | None:
        document = self.document(doc_id)
        return None if document is None else to_row(document)

    def document(self, doc_id: int) -> StoredDocument | None:
        with library_errors(self.location), self.library.reader() as session:
            return store.get_document(session, doc_id)

    def document_with_hash(self, digest: str) -> StoredDocument | None:
        """The speech whose text has this content hash (how a file on disk is recognised as imported)."""
        with library_errors(self.location), self.library.reader() as session:
            return store.find_by_hash(session, digest)

    def text(self, doc_id: int) -> str:
        with library_errors(self.location), self.library.reader() as session:
            return store.get_text(session, doc_id) or ""

    def search_text(self, query: str) -> set[int]:
        """Ids of speeches whose text contains `query` (an exact substring, e.g. two Chinese characters)."""
        query = query.strip()
        if len(query) < store.MIN_TEXT_QUERY:
            return set()
        with library_errors(self.location), self.library.reader() as session:
            return {
                document.id for document in store.list_documents(session, store.DocumentFilter(text=query))
            }

    def formula_usage(self, formula: str) -> int | None:
        """How many speeches contain `formula` verbatim (for the reader's hover text); cached until a change."""
        if len(formula) < store.MIN_TEXT_QUERY:
            return None
        if formula not in self._usage:
            with library_errors(self.location), self.library.reader() as session:
                self._usage[formula] = store.count_documents(session, store.DocumentFilter(text=formula))
        return self._usage[formula]

    def forget_counts(self) -> None:
        """The library changed: formula usage counts must be recomputed."""
        self._usage.clear()

    def import_paths(
        self,
        paths: Iterable[Path | str],
        progress: Progress,
        cancelled: Cancelled,
        page_progress: Callable[[Path, int, int], None] | None = None,
    ) -> ImportReport:
        """Import files; `page_progress(path, done, total)` follows a scan's pages through OCR."""
        from app.store.importing import import_paths

        self.forget_counts()
        report = import_paths(
            self.library.writer, list(paths), progress, cancelled, page_progress=page_progress
        )
        if report.imported:  # as `duidu import` does: the next `similar` need not read the whole index
            from app.store.frequent_fingerprints import refresh_frequent

            refresh_frequent(self.library)
        return report

    def add_text(self, text: str, meta: DocumentMeta, *, format: str = "paste") -> tuple[int, bool]:
        """Store pasted text; returns (id, created) — created is False when the text was already there."""
        self.forget_counts()
        with library_errors(self.location), self.library.writer.begin() as session:
            result = store.add_document(session, text, meta, format=format)
        return result.id, result.created

    def update_meta(self, doc_id: int, meta: DocumentMeta) -> LibraryRow:
        with library_errors(self.location), self.library.writer.begin() as session:
            return to_row(store.update_metadata(session, self.resolve(doc_id), meta))

    def remove(self, doc_ids: Iterable[int]) -> list[RemovedDocument]:
        """Remove speeches in one transaction, returning what `restore` needs to undo it."""
        self.forget_counts()
        removed: list[RemovedDocument] = []
        with library_errors(self.location), self.library.writer.begin() as session:
            for doc_id in doc_ids:
                document = store.get_document(session, doc_id)
                if document is None:
                    continue
                text = store.get_text(session, doc_id) or ""
                removed.append(
                    RemovedDocument(doc_id, text, document.meta, document.format, document.imported_at)
                )
                store.remove_document(session, doc_id)
        return removed

    def restore(self, removed: Iterable[RemovedDocument]) -> list[int]:
        """Put removed speeches back (they get new ids: ids are never reused); returns the ids."""
        self.forget_counts()
        ids: list[int] = []
        with library_errors(self.location), self.library.writer.begin() as session:
            for item in removed:
                result = store.add_document(
                    session, item.text, item.meta, format=item.format, imported_at=item.imported_at
                )
                ids.append(result.id)
                if result.id != item.id:
                    self._aliases[item.id] = result.id
        return ids
