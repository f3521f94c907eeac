"""Undoable library changes: removing speeches and editing their details (Ctrl+Z puts them back).

A library can refuse a write (locked by another program, disk full, gone from a network drive). QUndoStack
moves its index whatever the command did, so each command reports the refusal through `on_error` and puts
the stack back where the library really is: the change is never recorded as done when it was not, and the
snapshot of removed speeches stays on the stack for another try.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.core.model import DocumentMeta
from app.store import LibraryError
from app.ui.common.library_service import LibraryRow, LibraryService, RemovedDocument


class LibraryCommand(QUndoCommand):
    """A change to the library that stays consistent with the stack when the library refuses it."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        # Told about a refused write (the window shows a message); set by `push_to_library`.
        self.on_error: Callable[[LibraryError], None] = lambda _exc: None
        self._stack: QUndoStack | None = None
        self._skip = ""  # "redo"/"undo": the library is already in that state, the stack catches up

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._run("redo", self.apply, then=lambda stack: stack.undo())

    def undo(self) -> None:
        self._run("undo", self.revert, then=lambda stack: stack.redo())

    def _run(self, step: str, change: Callable[[], None], then: Callable[[QUndoStack], None]) -> None:
        if self._skip == step:
            self._skip = ""
            return
        try:
            change()
        except LibraryError as exc:
            self.on_error(exc)
            if self._stack is not None:
                # The stack has moved past this command; move it back without touching the library.
                self._skip = "undo" if step == "redo" else "redo"
                QTimer.singleShot(0, lambda stack=self._stack: then(stack))


def push_to_library(
    stack: QUndoStack, command: LibraryCommand, on_error: Callable[[LibraryError], None]
) -> bool:
    """Make the change, and only when the library took it put it on the stack (as done); True if it did."""
    command.on_error = on_error
    try:
        command.apply()
    except LibraryError as exc:
        on_error(exc)
        return False
    command._skip = "redo"  # push() calls redo(): the change is already made
    command._stack = stack
    stack.push(command)
    return True


class RemoveCommand(LibraryCommand):
    """Remove speeches; undo stores them again from a snapshot (under new ids, since ids are not reused)."""

    def __init__(
        self,
        service: LibraryService,
        doc_ids: Sequence[int],
        on_removed: Callable[[list[int]], None],
        on_restored: Callable[[list[LibraryRow]], None],
        label: str,
    ) -> None:
        # The window names it ("Remove 2 speeches"): lupdate sees plurals in tr() calls of a QObject only.
        super().__init__(label)
        self._service = service
        self._ids = list(doc_ids)
        self._removed: list[RemovedDocument] = []
        self._on_removed = on_removed
        self._on_restored = on_restored

    def apply(self) -> None:
        self._ids = [self._service.resolve(doc_id) for doc_id in self._ids]
        self._removed = self._service.remove(self._ids)
        self._on_removed(self._ids)

    def revert(self) -> None:
        self._ids = self._service.restore(self._removed)
        rows = [row for row in (self._service.row(doc_id) for doc_id in self._ids) if row is not None]
        self._on_restored(rows)


class EditMetadataCommand(LibraryCommand):
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

    def apply(self) -> None:
        self._on_changed(self._service.update_meta(self._id, self._after))

    def revert(self) -> None:
        self._on_changed(self._service.update_meta(self._id, self._before))
