"""When a library cannot be opened: explain why and offer another library or a new one, never overwriting.

A damaged, locked, read-only or newer library is the user's data; Duidu refuses it with the store's
one-line reason and lets the user pick an existing library or create a fresh file elsewhere. An empty
file named as the library may be one a full disk emptied: Duidu asks before making it a new library. A
library Duidu may not write to (read-only file or folder) opens read-only: it can be read, not changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.store.errors import LibraryError, LibraryReadOnly
from app.ui.common.reasons import localized_reason

if TYPE_CHECKING:
    from app.store import Library

LIBRARY_FILTER = "Duidu library (*.duidu.sqlite *.sqlite *.db);;All files (*)"


translate = QCoreApplication.translate


def choose_existing(parent: QWidget | None) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("LibraryChooser", "Open a library"), "", LIBRARY_FILTER
    )
    return path


def choose_new(parent: QWidget | None) -> str:
    """A file name for a new library; an existing file is refused rather than replaced."""
    path, _ = QFileDialog.getSaveFileName(
        parent, translate("LibraryChooser", "Create a new library"), "library.duidu.sqlite", LIBRARY_FILTER
    )
    return path


def create_new_library(path: str) -> Library:
    if Path(path).exists():
        raise LibraryError(
            translate(
                "LibraryChooser", "%1 already exists; choose a new file name for a new library"
            ).replace("%1", path)
        )
    from app.store import open_library  # SQLAlchemy: loaded when a library is opened, not before

    return open_library(path, create=True)


def ask_to_use_empty_file(parent: QWidget | None, path: str) -> bool:
    """True when the user agrees to make the empty file at `path` a new library (the default is no)."""
    answer = QMessageBox.question(
        parent,
        translate("LibraryChooser", "Empty library file"),
        translate(
            "LibraryChooser",
            "%1 is empty. A library can be emptied when the disk was full; if you expected your "
            "documents here, keep the file and restore a backup instead.\n\nMake it a new, empty library?",
        ).replace("%1", path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_existing(parent: QWidget | None, path: str, *, create: bool = False) -> Library:
    """`open_library`, asking (`ask_to_use_empty_file`) before an empty file becomes a new library; a
    library that cannot be written (its file or folder read-only) is opened for reading."""
    from app.store import EmptyLibraryFile, open_library

    try:
        return open_library(path, create=create)
    except LibraryReadOnly:
        return open_library(path, readonly=True)
    except EmptyLibraryFile:
        if not ask_to_use_empty_file(parent, path):
            raise
    return open_library(path, create=create, allow_empty=True)


def ask_what_to_do(parent: QWidget | None, error: LibraryError) -> str:
    """'open', 'new' or 'quit'."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("LibraryChooser", "Cannot open the library"))
    box.setText(translate("LibraryChooser", "Duidu cannot use this library. It has not been changed."))
    box.setInformativeText(localized_reason(str(error)))
    open_button = box.addButton(
        translate("LibraryChooser", "Open another library…"), QMessageBox.ButtonRole.AcceptRole
    )
    new_button = box.addButton(
        translate("LibraryChooser", "Create a new library…"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(translate("LibraryChooser", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_button:
        return "open"
    if clicked is new_button:
        return "new"
    return "quit"


def recover(parent: QWidget | None, error: LibraryError) -> Library | None:
    """Loop until the user has a library that opens, or gives up (None)."""
    while True:
        choice = ask_what_to_do(parent, error)
        if choice == "quit":
            return None
        path = choose_existing(parent) if choice == "open" else choose_new(parent)
        if not path:
            continue
        try:
            return open_existing(parent, path) if choice == "open" else create_new_library(path)
        except LibraryError as exc:
            error = exc
