"""Import files into the library: the one service behind `duidu import` and the GUI's import worker.

Files are read outside any transaction (decoding a PDF must not hold the write lock), then stored a few at
a time, one transaction per batch. A file that fails leaves the library unchanged by it (its batch is
rolled back and stored again file by file, see `_Batch.store`); a failure, a cancel or a killed process
leaves every reported file imported and no half-stored one. Problems with a file are results; problems
with the library are `LibraryError`.

Why batches: committing writes every page a document's fingerprints landed on, and fingerprints are hashes,
so each document dirties pages all over the index. One commit per file made the commit most of the import
time; a batch pays it once for all its files. A batch never holds more files than the import has already
committed (so small imports keep one transaction per file, the first results show at once, and a killed
import loses at most half of its work), and is cut short by size and by time so results keep flowing.
New postings go to a table clustered by document, where they append (app.store.index_models); every
`MERGE_CHECK_CHARS` imported and at the end, the import merges them into the main table if that is due.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from app.core.model import Span
from app.core.text import content_hash
from app.importers import ImportedDocument, ImportFailure, Skipped, collect_files, read_document
from app.store.errors import LibraryError, describe_database_error
from app.store.models import Document
from app.store.repository import add_document

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

#: Files stored in one transaction at most (and never more than were already committed).
MAX_BATCH_FILES = 128
#: Characters read ahead into one batch at most: bounds memory and how long the write lock is held.
MAX_BATCH_CHARS = 2_000_000
#: A batch is stored once its first file was read this long ago, so results and progress keep flowing.
MAX_BATCH_SECONDS = 0.5
#: Characters imported between two checks whether the recent postings are due to be merged.
MERGE_CHECK_CHARS = 20_000_000


class Outcome(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one file. `document_id` is the new or the already-stored document."""

    path: Path
    outcome: Outcome
    document_id: int | None = None
    title: str = ""
    chars: int = 0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ImportReport:
    results: tuple[FileResult, ...]
    cancelled: bool = False

    def count(self, outcome: Outcome) -> int:
        return sum(1 for result in self.results if result.outcome is outcome)

    @property
    def imported(self) -> int:
        return self.count(Outcome.IMPORTED)

    @property
    def duplicates(self) -> int:
        return self.count(Outcome.DUPLICATE)

    @property
    def skipped(self) -> int:
        return self.count(Outcome.SKIPPED)

    @property
    def failed(self) -> int:
        return self.count(Outcome.FAILED)

    @property
    def chars_imported(self) -> int:
        return sum(result.chars for result in self.results if result.outcome is Outcome.IMPORTED)


class ImportInterrupted(LibraryError):
    """The library failed mid-import; `report` holds the files handled (and committed) before that."""

    def __init__(self, message: str, report: ImportReport) -> None:
        super().__init__(message)
        self.report = report


def import_paths(
    session_factory: Callable[[], Session],
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    page_progress: Callable[[Path, int, int], None] | None = None,
) -> ImportReport:
    """Import files and folders (recursively) with `session_factory` (use `Library.writer`).

    `on_result` sees each file's result as soon as it is committed; `progress(done, total)` counts files;
    `page_progress(path, done, total)` counts the pages of a file read page by page (OCR), and `cancelled`
    is asked between those pages too.
    Raises ImportInterrupted (a LibraryError carrying the report so far) when the library itself fails
    (locked, read-only, full); every file reported before that stays committed.
    """
    given = [Path(path) for path in paths]
    items = list(collect_files(given))
    named = set(given)
    results: list[FileResult] = []
    stopped = False
    batch = _Batch()
    unmerged = 0

    def store_batch(session: Session, last: bool = False) -> None:
        nonlocal unmerged
        try:
            stored = batch.store(session)
        except LibraryError as exc:
            raise ImportInterrupted(str(exc), ImportReport(tuple(results))) from exc
        for result in stored:
            results.append(result)
            unmerged += result.chars
            if on_result is not None:
                on_result(result)
            if progress is not None:
                progress(len(results), len(items))
        if unmerged and (last or unmerged >= MERGE_CHECK_CHARS):
            unmerged = 0
            _merge_postings(session)

    with session_factory() as session:
        for item in items:
            if cancelled is not None and cancelled():
                stopped = True
                break
            batch.add(_read(item, named, cancelled, page_progress))
            if batch.full(committed=len(results)):
                store_batch(session)
        # files read before a cancel are stored too: a batch stores in under a second
        store_batch(session, last=True)
    return ImportReport(tuple(results), cancelled=stopped)


def _merge_postings(session: Session) -> None:
    """Merge the recent postings if due. Housekeeping: every file is committed already, and a merge that
    fails (the library locked by another writer, say) leaves both tables as they were for the next one."""
    from app.store.index import merge_if_due  # numpy: loaded by the first stored file anyway

    with suppress(DBAPIError):
        merge_if_due(session)


@dataclass(frozen=True, slots=True)
class _Read:
    """A file read and ready to store."""

    path: Path
    document: ImportedDocument


class _Batch:
    """Files read but not yet stored: failures and skips wait here too, so results keep the files' order."""

    def __init__(self) -> None:
        self.entries: list[_Read | FileResult] = []
        self.chars = 0
        self.started = 0.0

    def add(self, entry: _Read | FileResult) -> None:
        if not self.entries:
            self.started = time.monotonic()
        self.entries.append(entry)
        if isinstance(entry, _Read):
            self.chars += len(entry.document.text)

    def full(self, committed: int) -> bool:
        return (
            len(self.entries) >= min(MAX_BATCH_FILES, max(1, committed))
            or self.chars >= MAX_BATCH_CHARS
            or time.monotonic() - self.started >= MAX_BATCH_SECONDS
        )

    def store(self, session: Session) -> list[FileResult]:
        """Store the batch and empty it; raises LibraryError when the library fails.

        All files go in one transaction. Should one of them fail, that transaction is rolled back and the
        batch is stored again a transaction per file, so that the failing file alone is left out.
        """
        entries, self.entries, self.chars = self.entries, [], 0
        if not any(isinstance(entry, _Read) for entry in entries):
            return [entry for entry in entries if isinstance(entry, FileResult)]
        try:
            try:
                return _store_together(session, entries)
            except IntegrityError:  # another process stored one of these texts meanwhile
                pass
            except DBAPIError:
                raise
            except Exception:  # the file-by-file pass below reports it, with its file
                pass
            return [
                entry if isinstance(entry, FileResult) else _store_alone(session, entry) for entry in entries
            ]
        except DBAPIError as exc:
            raise LibraryError(describe_database_error(exc, _location(session))) from exc


def _store_together(session: Session, entries: list[_Read | FileResult]) -> list[FileResult]:
    """One transaction for the whole batch; any file's failure propagates (and rolls it all back)."""
    with session.begin():
        return [entry if isinstance(entry, FileResult) else _add(session, entry) for entry in entries]


def _read(
    item: Path | Skipped,
    named: set[Path],
    cancelled: Cancelled | None = None,
    page_progress: Callable[[Path, int, int], None] | None = None,
) -> _Read | FileResult:
    if isinstance(item, Skipped):
        # Passing over a README inside a folder is fine; not importing a file the user named is a failure.
        outcome = Outcome.FAILED if item.path in named else Outcome.SKIPPED
        return FileResult(item.path, outcome, reason=item.reason)
    pages = None if page_progress is None else (lambda done, total: page_progress(item, done, total))
    try:
        return _Read(item, read_document(item, progress=pages, cancelled=cancelled))
    except ImportFailure as exc:
        return FileResult(item, Outcome.FAILED, reason=str(exc))
    except Exception as exc:  # an importer bug must cost one file, not the whole import
        return FileResult(item, Outcome.FAILED, reason=f"unexpected error: {type(exc).__name__}: {exc}")


def _store_alone(session: Session, entry: _Read) -> FileResult:
    """Store one file in a transaction of its own: its failure is its result, and leaves nothing behind."""
    try:
        with session.begin():
            return _add(session, entry)
    except IntegrityError:  # another process stored the same text between our check and our insert
        with session.begin():
            existing = session.scalar(select(Document.id).where(Document.content_hash == _digest(entry)))
        if existing is None:
            raise
        return FileResult(
            entry.path, Outcome.DUPLICATE, document_id=existing, title=entry.document.meta.title
        )
    except DBAPIError:
        raise
    except Exception as exc:
        return FileResult(entry.path, Outcome.FAILED, reason=f"could not store: {type(exc).__name__}: {exc}")


def _add(session: Session, entry: _Read) -> FileResult:
    document = entry.document
    meta = document.meta
    if not meta.source_path:
        meta = replace(meta, source_path=document.source_path)
    added = add_document(
        session,
        document.text,
        meta,
        format=document.format,
        content_hash=_digest(entry),
        ocr_lines=[Span(line.start, line.end) for line in document.ocr_lines],
        ocr_confidences=[line.confidence for line in document.ocr_lines],
    )
    if not added.created:
        return FileResult(entry.path, Outcome.DUPLICATE, document_id=added.id, title=meta.title)
    return FileResult(
        entry.path, Outcome.IMPORTED, document_id=added.id, title=meta.title, chars=len(document.text)
    )


def _digest(entry: _Read) -> str:
    return content_hash(entry.document.text)


def _location(session: Session) -> str:
    url = session.get_bind().engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)
