"""`duidu gui DOC` with one document (also Windows' "Open with Duidu"): show that speech in a reader tab.

A library id opens its reader. A file whose text is already in the library (same content hash) opens the
stored speech, so its edits, notes and formula counts apply. Any other file is shown as it is, without
importing it: opening a file to look at it must not change the library. Bad input is explained in a
message box; the main window stays open either way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.text import content_hash
from app.store import LibraryError
from app.ui.prompts import warn
from app.ui.reader_tabs import tab_title
from app.ui.reasons import localized_reason

if TYPE_CHECKING:
    from app.importers import ImportedDocument
    from app.ui.main_window import MainWindow
    from app.ui.reader import ReaderWidget


def open_document_arg(window: MainWindow, arg: str) -> QWidget | None:
    """Open one DOC argument (a file, or a library id `12` / `#12`) in a reader tab; None when it could not."""
    path = Path(arg)
    try:
        if path.is_file():
            return _open_file(window, path)
        if arg.removeprefix("#").isdigit():
            doc_id = int(arg.removeprefix("#"))
            reader = window.open_reader(doc_id)
            if reader is None:
                text = QCoreApplication.translate("OpenDocument", "There is no speech #%1 in this library.")
                _cannot_open(window, _fill(text, doc_id))
            return reader
    except LibraryError as exc:
        _cannot_open(window, localized_reason(str(exc)))
        return None
    _cannot_open(
        window,
        _fill(QCoreApplication.translate("OpenDocument", "%1: no such file, and not a library id."), arg),
    )
    return None


def _open_file(window: MainWindow, path: Path) -> QWidget | None:
    from app.importers import ImportFailure, read_document  # format parsers load only when needed

    try:
        imported = read_document(path)
    except ImportFailure as exc:
        _cannot_open(
            window,
            _fill(
                QCoreApplication.translate("OpenDocument", "%1 cannot be read: %2"),
                path,
                localized_reason(str(exc)),
            ),
        )
        return None
    stored = window.service.document_with_hash(content_hash(imported.text))
    if stored is not None:
        message = QCoreApplication.translate("OpenDocument", "%1 is already in the library as #%2.")
        window.statusBar().showMessage(_fill(message, path.name, stored.id), 10000)
        return window.open_reader(stored.id)
    return show_file_reader(window, imported)


def show_file_reader(window: MainWindow, imported: ImportedDocument) -> ReaderWidget:
    """A reader tab on a file's text that is not in the library; its header and tooltip say so."""
    from app.ui.reader import ReaderWidget

    lexicon = window.service.lexicon
    reader = ReaderWidget(
        imported.text,
        imported.meta,
        lexicon.find,
        usage_count=window.service.formula_usage,
        entry_for=lexicon.entry_for,
        runner=window.runner,
        parent=window.tabs,
    )
    not_in_library = QCoreApplication.translate("OpenDocument", "not in the library")
    reader.header.set_extra(not_in_library)
    title = imported.meta.title or Path(imported.source_path).name
    index = window.tabs.addTab(reader, tab_title(title))
    window.tabs.setTabToolTip(index, f"{imported.source_path}\n({not_in_library})")
    window.tabs.setCurrentWidget(reader)
    reader.setFocus()
    return reader


def _cannot_open(window: MainWindow, text: str) -> None:
    warn(window, QCoreApplication.translate("OpenDocument", "Cannot open the speech"), text)


def _fill(template: str, *values: object) -> str:
    """Qt-style %1, %2 … placeholders, so translators can reorder them."""
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", str(value))
    return template
