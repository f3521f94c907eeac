"""When a library cannot be opened: explain why and offer another library or a new one, never overwriting.

A damaged, locked, read-only or newer library is the user's data; Duidu refuses it with the store's
one-line reason and lets the user pick an existing library or create a fresh file elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.store import LibraryError
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
            from app.store import open_library

            return open_library(path, create=False) if choice == "open" else create_new_library(path)
        except LibraryError as exc:
            error = exc
