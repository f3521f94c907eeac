"""`duidu gui DOC` with one document (also Windows' "Open with Duidu"): show that speech in a reader tab.

A library id opens its reader. A file whose text is already in the library (same content hash) opens the
stored speech, so its edits, notes and formula counts apply. Any other file is shown as it is, without
importing it: opening a file to look at it must not change the library. Bad input is explained in a
message box; the main window stays open either way.

Such a file-only reader offers "Import into library" (a bar under its header, File menu, Ctrl+Shift+I): the
window's import flow imports the file, then a library reader of the stored speech takes the tab's place, so
its details, tracing and comparing work. A file imported meanwhile (same content hash) is not imported
again: the reader switches to the stored speech and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget
from shiboken6 import isValid

from app.core.text import content_hash
from app.store import LibraryError
from app.ui.common.prompts import warn
from app.ui.common.reasons import localized_reason
from app.ui.reader.tabs import tab_title

if TYPE_CHECKING:
    from app.importers import ImportedDocument
    from app.store.importing import ImportReport
    from app.ui.reader.widget import ReaderWidget
    from app.ui.shell.main_window import MainWindow

# Shortcut of "Import into library" (free in the main window and its docks).
IMPORT_SHORTCUT = "Ctrl+Shift+I"


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
    from app.ui.reader.widget import ReaderWidget

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
    reader.setProperty("file_path", str(imported.source_path))
    reader.setProperty("content_hash", content_hash(imported.text))
    reader.add_bar(FileOnlyBar(file_import(window).action, reader))
    title = imported.meta.title or Path(imported.source_path).name
    index = window.tabs.addTab(reader, tab_title(title))
    window.tabs.setTabToolTip(index, f"{imported.source_path}\n({not_in_library})")
    window.tabs.setCurrentWidget(reader)
    reader.setFocus()
    return reader


class FileOnlyBar(QFrame):
    """Under a file-only reader's header: the file is not in the library, and a button to import it."""

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("file-only-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QToolButton(self)
        self.button.setDefaultAction(action)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.label.setText(
            QCoreApplication.translate(
                "OpenDocument",
                "This file is not in the library. Import it to edit its details, trace it and compare it "
                "with other speeches.",
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class FileImport(QObject):
    """The window's "Import into library" action: enabled while a file-only reader is the current tab.

    Made with the first file-only reader (`file_import`), so a window that never shows one has no such
    menu entry; it goes in the File menu after the other ways of adding speeches.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("file-import")
        self.window = window
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence(IMPORT_SHORTCUT))
        self.action.triggered.connect(lambda _checked=False: self.import_current())
        window.addAction(self.action)
        menu = window.act.menu_file
        actions = menu.actions()
        after = actions.index(window.act.paste) + 1 if window.act.paste in actions else len(actions)
        menu.insertAction(actions[after] if after < len(actions) else None, self.action)  # type: ignore[arg-type]
        window.tabs.currentChanged.connect(lambda _index: self.update_enabled())
        window.installEventFilter(self)
        self.retranslate()
        self.update_enabled()

    def retranslate(self) -> None:
        text = QCoreApplication.translate("OpenDocument", "Import into &library")
        self.action.setText(text)
        shortcut = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.action.setToolTip(f"{text.replace('&', '')} ({shortcut})")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def current(self) -> ReaderWidget | None:
        """The current tab when it is a file-only reader."""
        widget = self.window.tabs.currentWidget()
        return widget if widget is not None and widget.property("file_path") else None  # type: ignore[return-value]

    def update_enabled(self) -> None:
        self.action.setEnabled(self.current() is not None)

    def import_current(self) -> None:
        reader = self.current()
        if reader is not None:
            import_into_library(self.window, reader)


def file_import(window: MainWindow) -> FileImport:
    """The window's FileImport, made on first use."""
    found = window.findChild(FileImport, "file-import")
    return found if found is not None else FileImport(window)


def import_into_library(window: MainWindow, reader: ReaderWidget) -> None:
    """Import a file-only reader's file with the window's import flow, then read the stored speech instead.

    A file whose text the library already holds is not imported again: the reader switches to that speech.
    """
    path = Path(reader.property("file_path"))
    stored = window.service.document_with_hash(reader.property("content_hash"))
    if stored is not None:
        _already_there(window, path, stored.id)
        become_library_reader(window, reader, stored.id)
        return
    window.importer.start(
        [path], show_results=False, on_report=lambda report: _imported(window, reader, path, report)
    )


def _imported(window: MainWindow, reader: ReaderWidget, path: Path, report: ImportReport) -> None:
    from app.store.importing import Outcome

    result = next((r for r in report.results if r.path == path), None)
    if result is None:  # cancelled before the file was read
        return
    if result.outcome in (Outcome.IMPORTED, Outcome.DUPLICATE) and result.document_id is not None:
        if result.outcome is Outcome.IMPORTED:
            message = QCoreApplication.translate("OpenDocument", "%1 was imported into the library as #%2.")
            window.statusBar().showMessage(_fill(message, path.name, result.document_id), 10000)
        else:
            _already_there(window, path, result.document_id)
        if isValid(reader):  # the tab may have been closed while the import ran
            become_library_reader(window, reader, result.document_id)
        return
    warn(
        window,
        QCoreApplication.translate("OpenDocument", "Cannot import the speech"),
        _fill(
            QCoreApplication.translate("OpenDocument", "%1 cannot be imported: %2"),
            path.name,
            localized_reason(result.reason),
        ),
    )


def _already_there(window: MainWindow, path: Path, doc_id: int) -> None:
    message = QCoreApplication.translate("OpenDocument", "%1 is already in the library as #%2.")
    window.statusBar().showMessage(_fill(message, path.name, doc_id), 10000)


def become_library_reader(window: MainWindow, reader: ReaderWidget, doc_id: int) -> QWidget | None:
    """Put the library's reader of `doc_id` in the file-only reader's place (same tab position, same
    scroll position when the texts agree) and close the file-only one; an already open reader of that
    speech is brought forward instead."""
    tabs = window.tabs
    already_open = tabs.reader_for(doc_id) is not None
    index, offset, text = tabs.indexOf(reader), reader.pane.first_visible_offset(), reader.text()
    library_reader = window.open_reader(doc_id)
    if library_reader is None:
        return None
    if not already_open:
        tabs.tabBar().moveTab(tabs.indexOf(library_reader), index)
        pane = getattr(library_reader, "pane", None)
        if pane is not None and pane.text() == text:
            pane.scroll_to(offset)
    tabs.close_tab(tabs.indexOf(reader))
    tabs.setCurrentWidget(library_reader)
    return library_reader


def _cannot_open(window: MainWindow, text: str) -> None:
    warn(window, QCoreApplication.translate("OpenDocument", "Cannot open the speech"), text)


def _fill(template: str, *values: object) -> str:
    """Qt-style %1, %2 … placeholders, so translators can reorder them."""
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", str(value))
    return template
