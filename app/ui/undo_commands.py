"""Undoable library changes: removing speeches and editing their details (Ctrl+Z puts them back)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.core.model import DocumentMeta
from app.ui.library_model import LibraryRow
from app.ui.library_service import LibraryService, RemovedDocument


class RemoveCommand(QUndoCommand):
    """Remove speeches; undo stores them again from a snapshot (under new ids, since ids are not reused)."""

    def __init__(
        self,
        service: LibraryService,
        doc_ids: Sequence[int],
        on_removed: Callable[[list[int]], None],
        on_restored: Callable[[list[LibraryRow]], None],
    ) -> None:
        super().__init__(
            QCoreApplication.translate("RemoveCommand", "Remove %n speech(es)", "", len(doc_ids))
        )
        self._service = service
        self._ids = list(doc_ids)
        self._removed: list[RemovedDocument] = []
        self._on_removed = on_removed
        self._on_restored = on_restored

    def redo(self) -> None:
        self._ids = [self._service.resolve(doc_id) for doc_id in self._ids]
        self._removed = self._service.remove(self._ids)
        self._on_removed(self._ids)

    def undo(self) -> None:
        self._ids = self._service.restore(self._removed)
        rows = [row for row in (self._service.row(doc_id) for doc_id in self._ids) if row is not None]
        self._on_restored(rows)


class EditMetadataCommand(QUndoCommand):
    """Replace a speech's details; undo writes the previous ones back."""

    def __init__(
        self,
        service: LibraryService,
        doc_id: int,
        before: DocumentMeta,
        after: DocumentMeta,
        on_changed: Callable[[LibraryRow], None],
    ) -> None:
        super().__init__(QCoreApplication.translate("EditMetadataCommand", "Edit details"))
        self._service = service
        self._id = doc_id
        self._before = before
        self._after = after
        self._on_changed = on_changed

    def redo(self) -> None:
        self._on_changed(self._service.update_meta(self._id, self._after))

    def undo(self) -> None:
        self._on_changed(self._service.update_meta(self._id, self._before))
