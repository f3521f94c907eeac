"""The main window: facets beside the tabs (the library first, then one reader per open speech).

The window coordinates; each behaviour lives in its own module (library view, search panel, import flow,
dialogs, undo commands, actions, reader tabs). Every library call goes through `LibraryService`; slow ones
(loading rows, importing, full-text search) run on the task runner so the window stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QWidget

from app.core.model import DocumentMeta
from app.store import LibraryError
from app.ui.common import settings as S
from app.ui.common.library_service import LibraryRow, LibraryService
from app.ui.common.prompts import ask, warn
from app.ui.common.reasons import localized_reason
from app.ui.common.tasks import TaskRunner
from app.ui.lexicon.formula_tools import install_formula_tools
from app.ui.library.demo import demo_files, offer_demo
from app.ui.library.import_flow import ImportController
from app.ui.library.metadata_dialog import MetadataDialog
from app.ui.library.paste_dialog import PasteDialog
from app.ui.library.search import LibrarySearch
from app.ui.library.search_panel import FacetPanel
from app.ui.library.undo_commands import EditMetadataCommand, LibraryCommand, RemoveCommand, push_to_library
from app.ui.library.view import LibraryView
from app.ui.reader.reading_size import follow_reading_size
from app.ui.reader.tabs import ReaderTabs
from app.ui.shell.window_actions import WindowActions
from app.ui.trace.dock import install_trace

MAX_COMPARE = 8


class MainWindow(QMainWindow):
    #: The user asked to compare these speeches (2–8 ids); the compare view connects here.
    compare_requested = Signal(list)
    #: The user chose another language or appearance in the preferences.
    preferences_changed = Signal(str, str)
    #: The user asked to open or create another library ("open" or "new").
    library_switch_requested = Signal(str)
    #: The user picked a library from File → Open recent.
    recent_library_requested = Signal(str)
    #: The table holds the library's rows (after start-up, an import, a switch); carries the count.
    library_loaded = Signal(int)

    def __init__(
        self, service: LibraryService, prefs: S.Settings | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__()
        self.service = service
        self.prefs = prefs or S.Settings()
        self.runner = runner or TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(50)
        self.importer = ImportController(self, self.runner, lambda: self.service)
        self.importer.reported.connect(self._on_import_reported)
        self.importer.library_changed.connect(self._on_import_finished)
        self._just_imported: list[int] = []
        self._filters_to_restore = True  # the search and facets of the last session, once rows are in
        self._offer_demo_pending = False
        self._loading = 0  # row loads in flight
        #: Set by the compare view when it connects to `compare_requested`.
        self.compare_available = False
        self.setAcceptDrops(True)

        self.library_view = LibraryView(self.prefs.get(S.SEARCH_DELAY_MS))
        self.library_view.row_activated.connect(self.open_reader)
        self.library_view.selection_changed.connect(self._update_actions)
        self.library_view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.library_view.table.customContextMenuRequested.connect(self._show_table_menu)
        self.facets = FacetPanel()
        self.search = LibrarySearch(
            self.library_view,
            self.facets,
            self.runner,
            lambda: self.service,
            lambda message: self.statusBar().showMessage(message, 5000),
        )
        self.search.shown_changed.connect(self._update_status)
        self.tabs = ReaderTabs(self.library_view, self.runner)
        self.tabs.currentChanged.connect(lambda _index: self._update_actions())
        self.tabs.currentChanged.connect(lambda _index: self._show_facets_with_library())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.facets)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 900])
        self.setCentralWidget(self.splitter)
        self.size_label = QLabel()
        self.statusBar().addPermanentWidget(self.size_label)
        self.resize(1200, 760)

        self.act = WindowActions(self)
        self.act.build_menus()
        self.trace = install_trace(self)
        self.formula_tools = install_formula_tools(self)
        self.act.menu_recent.aboutToShow.connect(
            lambda: self.act.fill_recent_menu(self.prefs.get(S.RECENT_LIBRARIES), self.service.location)
        )
        self.retranslate_ui()
        self.restore_layout()
        self._update_actions()
        self.reload()

    # --- short names tests and other views use ---------------------------------------------------------------
    @property
    def table(self):
        return self.library_view.table

    @property
    def search_box(self):
        return self.library_view.search_box

    @property
    def model(self):
        return self.library_view.model

    @property
    def proxy(self):
        return self.library_view.proxy

    def selected_ids(self) -> list[int]:
        return self.library_view.selected_ids()

    def select_ids(self, ids: list[int]) -> None:
        self.library_view.select_ids(ids)

    def visible_titles(self) -> list[str]:
        return self.library_view.visible_titles()

    # --- language ----------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every visible string; called at start and whenever the language changes."""
        self.tabs.setTabText(0, self.tr("Library"))
        self.act.retranslate()
        self.model.retranslate()
        self.setWindowTitle(self.tr("Duidu — %1").replace("%1", Path(self.service.location).name))
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- library contents --------------------------------------------------------------------------------------
    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read every row again (start-up, after an import, a library switch), keeping the selection.

        The rows load on the task runner, so a large library never holds up the window; `then` runs once
        they are in the table.
        """
        service = self.service
        self.size_label.setText(self.tr("Loading the library…"))
        self._loading += 1

        def finished() -> None:
            self._loading -= 1

        def loaded(rows: list[LibraryRow]) -> None:
            if service is not self.service:  # the user switched libraries meanwhile
                return
            self.library_view.set_rows(rows)
            self.facets.set_rows(rows)
            if self._filters_to_restore:
                self._filters_to_restore = False
                self.search.restore(self.prefs)
            self._update_status()
            self._update_actions()
            if then is not None:
                then()
            if self._offer_demo_pending:
                self._offer_demo_pending = False
                self.offer_demo_library()
            self.library_loaded.emit(len(rows))

        task = self.runner.start(
            lambda _progress, _cancelled: service.rows(),
            on_success=loaded,
            on_failure=lambda exc: warn(self, self.tr("Cannot read the library"), localized_reason(str(exc))),
        )
        if task.done:  # inline: it has run already
            finished()
        else:
            task.finished.connect(finished)

    def _update_status(self) -> None:
        rows = self.model.rows()
        chars = sum(row.chars for row in rows)
        text = self.tr("%n speech(es)", "", len(rows))
        text += " · " + self.tr("%1 characters").replace("%1", QLocale().toString(chars))
        shown = self.library_view.shown_count()
        if shown != len(rows):
            text += " · " + self.tr("%n shown", "", shown)
        self.size_label.setText(text)

    def _show_facets_with_library(self) -> None:
        """The facets filter the library table only: a reader or a comparison gets their width instead
        (a compare toolbar otherwise overflowed its controls behind a chevron)."""
        self.facets.setVisible(self.tabs.currentIndex() == 0)

    def _update_actions(self) -> None:
        self.act.update_enabled(len(self.selected_ids()), self.tabs.currentIndex() > 0)

    def _rows_changed(self) -> None:
        self.facets.set_rows(self.model.rows())
        self._update_status()
        self._update_actions()

    # --- search and facets ------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_box.setFocus()
        self.search_box.selectAll()

    def clear_filters(self) -> None:
        self.search.clear()

    # --- adding speeches ---------------------------------------------------------------------------------------
    def _on_import_reported(self, report) -> None:
        from app.store.importing import Outcome

        self._just_imported = [
            r.document_id
            for r in report.results
            if r.outcome is Outcome.IMPORTED and r.document_id is not None
        ]

    def _on_import_finished(self) -> None:
        """Show the new rows and select what was just imported, so the user sees where it went."""
        ids, self._just_imported = self._just_imported, []
        self.reload(then=(lambda: self.select_ids(ids)) if ids else None)

    def import_files(self) -> None:
        self.importer.choose_files()

    def import_folder(self) -> None:
        self.importer.choose_folder()

    def import_paths(self, paths: list[Path]) -> None:
        self.importer.import_paths(paths)

    def import_demo(self) -> None:
        self.importer.import_paths(demo_files())

    def offer_demo_when_loaded(self) -> None:
        """Offer the demo once the rows are in (only then do we know whether the library is empty)."""
        self._offer_demo_pending = True
        if not self._loading:  # the table is current
            self._offer_demo_pending = False
            self.offer_demo_library()

    def offer_demo_library(self) -> None:
        """First run: an empty library gets the offer of the demo speeches (once)."""
        if offer_demo(self, self.prefs, library_empty=not self.model.rowCount()):
            self.import_demo()

    def paste_text(self, text: str = "") -> None:
        """Ask for a speech's text (and title) and store it; `text` prefills it (text dropped on the window)."""
        dialog = PasteDialog(self, text)
        while dialog.exec() == PasteDialog.DialogCode.Accepted:
            try:
                doc_id, created = self.service.add_text(dialog.result_text(), dialog.result_meta())
            except LibraryError as exc:
                self.report_library_error(exc)
                continue  # the dialog opens again, still holding the text: nothing pasted is lost
            self.reload(then=lambda doc_id=doc_id: self.select_ids([doc_id]))
            if not created:
                self.statusBar().showMessage(self.tr("This text is already in the library."), 5000)
            return

    def report_library_error(self, exc: LibraryError) -> None:
        """The library refused a change (locked, full, gone): say why; nothing was changed."""
        warn(self, self.tr("The library was not changed"), localized_reason(str(exc)))

    def push_change(self, command: LibraryCommand) -> bool:
        """Make an undoable change to the library; a refused one is reported and left off the stack."""
        return push_to_library(self.undo_stack, command, self.report_library_error)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Dropped files and folders are imported; text dragged from a browser or editor becomes a speech."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
        elif not event.mimeData().hasUrls() and event.mimeData().text().strip():
            event.acceptProposedAction()
            self.paste_text(event.mimeData().text())

    # --- editing and removing ------------------------------------------------------------------------------------
    def edit_selected(self) -> None:
        ids = self.selected_ids()
        document = self.service.document(ids[0]) if len(ids) == 1 else None
        if document is None:
            return
        dialog = MetadataDialog(document.meta, self)
        if dialog.exec() == MetadataDialog.DialogCode.Accepted:
            self.apply_metadata(ids[0], document.meta, dialog.meta())

    def apply_metadata(self, doc_id: int, before: DocumentMeta, after: DocumentMeta) -> None:
        if before != after:
            self.push_change(EditMetadataCommand(self.service, doc_id, before, after, self._on_row_changed))

    def _on_row_changed(self, row: LibraryRow) -> None:
        self.model.upsert(row)
        document = self.service.document(row.id)
        if document is not None:
            self.tabs.update_meta(row.id, document.meta)
        self._rows_changed()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        titles = [row.title for row in (self.library_view.row(doc_id) for doc_id in ids[:5]) if row]
        listing = "\n".join(f"• {title}" for title in titles) + ("\n…" if len(ids) > 5 else "")
        question = self.tr("Remove %n speech(es) from the library?", "", len(ids))
        hint = self.tr("You can undo this with Ctrl+Z.")
        if ask(self, self.tr("Remove speeches"), f"{question}\n\n{listing}\n\n{hint}", default_yes=False):
            label = self.tr("Remove %n speech(es)", "", len(ids))  # the Undo menu entry
            self.push_change(RemoveCommand(self.service, ids, self._on_removed, self._on_restored, label))

    def _on_removed(self, ids: list[int]) -> None:
        self.tabs.close_readers(ids)
        self.model.remove_ids(ids)
        self._rows_changed()

    def _on_restored(self, rows: list[LibraryRow]) -> None:
        for row in rows:
            self.model.upsert(row)
        self.select_ids([row.id for row in rows])
        self._rows_changed()

    # --- reading and comparing -------------------------------------------------------------------------------
    def open_selected(self) -> None:
        for doc_id in self.selected_ids()[:MAX_COMPARE]:
            self.open_reader(doc_id)

    def open_reader(self, doc_id: int) -> QWidget | None:
        """Show the speech in its own tab (re-using the tab if it is already open)."""
        reader = self.tabs.reader_for(doc_id)
        if reader is not None:
            self.tabs.setCurrentWidget(reader)
            return reader
        document = self.service.document(doc_id)
        if document is None:
            return None
        text = self.service.text(doc_id)
        lexicon = self.service.lexicon
        reader = self.tabs.show_reader(
            doc_id,
            text,
            document.meta,
            self.service.formula_usage,
            formulas=lexicon.find,
            entry_for=lexicon.entry_for,
        )
        follow_reading_size(reader, self.prefs)
        return reader

    def reader_for(self, doc_id: int) -> QWidget | None:
        return self.tabs.reader_for(doc_id)

    def close_tab(self, index: int) -> None:
        self.tabs.close_tab(index)

    def compare_selected(self) -> None:
        ids = self.selected_ids()
        if not 2 <= len(ids) <= MAX_COMPARE:
            self.statusBar().showMessage(self.tr("Select 2 to 8 speeches to compare."), 5000)
            return
        self.request_compare(ids)

    def request_compare(self, ids: list[int]) -> None:
        """Ask the compare view (whoever connects to `compare_requested`) to compare `ids`."""
        self.compare_requested.emit(ids)
        if not self.compare_available:
            # The compare view is its own piece of work; until it sets compare_available, say so plainly.
            self.statusBar().showMessage(
                self.tr("The compare view is not available in this version yet."), 8000
            )

    def add_menu(self, menu: QMenu) -> None:
        """A part's own menu (Trace, Tools) goes in the menu bar before Help."""
        help_menu = getattr(self.act, "menu_help", None)
        if help_menu is not None:
            self.menuBar().insertMenu(help_menu.menuAction(), menu)
        else:
            self.menuBar().addMenu(menu)

    def _show_table_menu(self, pos: QPoint) -> None:
        self.act.context_menu(self).popup(self.table.viewport().mapToGlobal(pos))

    # --- preferences, libraries and layout -----------------------------------------------------------------------
    def show_preferences(self) -> None:
        from app.ui.shell.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.prefs, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.prefs.set(S.LANGUAGE, dialog.chosen_language())
            self.prefs.set(S.THEME, dialog.chosen_theme())
            self.preferences_changed.emit(dialog.chosen_language(), dialog.chosen_theme())

    def switch_service(self, service: LibraryService) -> None:
        """Show another library in this window (after File → Open/New library)."""
        self.tabs.close_all()
        self.undo_stack.clear()
        old, self.service = self.service, service
        old.close()
        self.retranslate_ui()  # the title names the library
        self.reload()

    def restore_layout(self) -> None:
        for option, restore in (
            (S.GEOMETRY, self.restoreGeometry),
            (S.WINDOW_STATE, self.restoreState),
            (S.SPLITTER_STATE, self.splitter.restoreState),
            (S.HEADER_STATE, self.library_view.restore_header_state),
        ):
            state = self.prefs.get(option)
            if not state.isEmpty():
                restore(state)
        if self.prefs.get(S.DISCOVER_OPEN):
            self.formula_tools.show_discover()

    def save_layout(self) -> None:
        self.prefs.set(S.GEOMETRY, self.saveGeometry())
        self.prefs.set(S.WINDOW_STATE, self.saveState())
        self.prefs.set(S.SPLITTER_STATE, self.splitter.saveState())
        self.prefs.set(S.HEADER_STATE, self.library_view.header_state())
        self.search.save(self.prefs)
        self.prefs.set(S.DISCOVER_OPEN, self.formula_tools.discover_open())
        self.prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.runner.cancel_all()
        self.runner.wait(5000)
        super().closeEvent(event)
