"""Import files into the library: the one service behind `duidu import` and the GUI's import worker.

Each file is read outside any transaction (decoding a PDF must not hold the write lock) and stored in a
transaction of its own, so a failure, a cancel or a killed process leaves every earlier file imported
and no half-stored one. Problems with a file are results; problems with the library are `LibraryError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from app.core.text import content_hash
from app.importers import ImportedDocument, ImportFailure, Skipped, collect_files, read_document
from app.store.errors import LibraryError, describe_database_error
from app.store.models import Document
from app.store.repository import add_document

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


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
) -> ImportReport:
    """Import files and folders (recursively) with `session_factory` (use `Library.writer`).

    `on_result` sees each file's result as soon as it is committed; `progress(done, total)` counts files.
    Raises ImportInterrupted (a LibraryError carrying the report so far) when the library itself fails
    (locked, read-only, full); every file reported before that stays committed.
    """
    given = [Path(path) for path in paths]
    items = list(collect_files(given))
    named = set(given)
    results: list[FileResult] = []
    stopped = False
    with session_factory() as session:
        for done, item in enumerate(items, start=1):
            if cancelled is not None and cancelled():
                stopped = True
                break
            try:
                result = _import_one(session, item, named)
            except LibraryError as exc:
                raise ImportInterrupted(str(exc), ImportReport(tuple(results))) from exc
            results.append(result)
            if on_result is not None:
                on_result(result)
            if progress is not None:
                progress(done, len(items))
    return ImportReport(tuple(results), cancelled=stopped)


def _import_one(session: Session, item: Path | Skipped, named: set[Path]) -> FileResult:
    if isinstance(item, Skipped):
        # Passing over a README inside a folder is fine; not importing a file the user named is a failure.
        outcome = Outcome.FAILED if item.path in named else Outcome.SKIPPED
        return FileResult(item.path, outcome, reason=item.reason)
    try:
        document = read_document(item)
    except ImportFailure as exc:
        return FileResult(item, Outcome.FAILED, reason=str(exc))
    except Exception as exc:  # an importer bug must cost one file, not the whole import
        return FileResult(item, Outcome.FAILED, reason=f"unexpected error: {type(exc).__name__}: {exc}")
    try:
        return _store(session, item, document)
    except DBAPIError as exc:
        raise LibraryError(describe_database_error(exc, _location(session))) from exc
    except Exception as exc:
        return FileResult(item, Outcome.FAILED, reason=f"could not store: {type(exc).__name__}: {exc}")


def _store(session: Session, path: Path, document: ImportedDocument) -> FileResult:
    meta = document.meta
    if not meta.source_path:
        meta = replace(meta, source_path=document.source_path)
    digest = content_hash(document.text)
    try:
        with session.begin():
            added = add_document(session, document.text, meta, format=document.format, content_hash=digest)
    except IntegrityError:  # another process stored the same text between our check and our insert
        with session.begin():
            existing = session.scalar(select(Document.id).where(Document.content_hash == digest))
        if existing is None:
            raise
        return FileResult(path, Outcome.DUPLICATE, document_id=existing, title=meta.title)
    if not added.created:
        return FileResult(path, Outcome.DUPLICATE, document_id=added.id, title=meta.title)
    return FileResult(
        path, Outcome.IMPORTED, document_id=added.id, title=meta.title, chars=len(document.text)
    )


def _location(session: Session) -> str:
    url = session.get_bind().engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)
