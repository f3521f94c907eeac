"""The main window: the library table with search and facets, reader tabs, and the library's actions.

The window coordinates; each behaviour lives in its own module (search panel, import flow, dialogs, undo
commands). Every library call goes through `LibraryService`; slow ones (import, full-text search) run on
the task runner so the window stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core.model import DocumentMeta
from app.paths import resource
from app.ui import settings as S
from app.ui.about import show_about
from app.ui.import_flow import ImportController, split_supported, supported_suffixes
from app.ui.library_model import ID_ROLE, Column, LibraryFilterProxy, LibraryModel, LibraryRow
from app.ui.library_service import LibraryService
from app.ui.metadata_dialog import MetadataDialog
from app.ui.paste_dialog import PasteDialog
from app.ui.prompts import ask, warn
from app.ui.reader_tabs import make_reader
from app.ui.search_panel import FacetPanel, SearchBox
from app.ui.tasks import TaskRunner
from app.ui.undo_commands import EditMetadataCommand, RemoveCommand

MAX_COMPARE = 8


def demo_files() -> list[Path]:
    """The demo speeches shipped in resources/samples (not their README)."""
    folder = resource("samples")
    return sorted(path for path in folder.glob("*.txt")) if folder.is_dir() else []


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
        self,
        service: LibraryService,
        prefs: S.Settings | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.prefs = prefs or S.Settings()
        self.runner = runner or TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.model = LibraryModel(self)
        self.proxy = LibraryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.importer = ImportController(self, self.runner, lambda: self.service)
        self.importer.library_changed.connect(self.reload)
        self._query = ""
        self._columns_fitted = False
        #: Set by the compare view when it connects to `compare_requested`.
        self.compare_available = False
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self.retranslate_ui()
        self.restore_layout()
        self.reload()

    # --- construction ---------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.search_box = SearchBox(delay_ms=self.prefs.get(S.SEARCH_DELAY_MS))
        self.search_box.query_changed.connect(self.on_query_changed)
        self.facets = FacetPanel()
        self.facets.facets_changed.connect(self.on_facets_changed)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.setColumnWidth(Column.TITLE, 320)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_table_menu)

        self.library_page = QWidget()
        page_layout = QVBoxLayout(self.library_page)
        page_layout.setContentsMargins(4, 4, 4, 4)
        page_layout.addWidget(self.search_box)
        page_layout.addWidget(self.table, 1)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.addTab(self.library_page, "")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.facets)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 900])
        self.setCentralWidget(self.splitter)
        self.size_label = QLabel()
        self.statusBar().addPermanentWidget(self.size_label)
        self.resize(1200, 760)

    def _action(
        self, slot, shortcut: QKeySequence.StandardKey | str | None = None, *, widget: QWidget | None = None
    ) -> QAction:
        action = QAction(self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every platform binding, e.g. Ctrl+W and Ctrl+F4 for Close
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if widget is not None:  # scoped so that e.g. Return in a reader does not open the table row
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(action)
        else:
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_import_files = self._action(self.import_files, key.Open)
        self.act_import_folder = self._action(self.import_folder, "Ctrl+Shift+O")
        self.act_paste = self._action(self.paste_text, "Ctrl+Shift+V")
        self.act_open_library = self._action(lambda: self.library_switch_requested.emit("open"))
        self.act_new_library = self._action(lambda: self.library_switch_requested.emit("new"))
        self.act_demo = self._action(self.import_demo)
        self.act_preferences = self._action(self.show_preferences, key.Preferences)
        if self.act_preferences.shortcut().isEmpty():
            self.act_preferences.setShortcut(QKeySequence("Ctrl+,"))
        self.act_quit = self._action(self.close, key.Quit)
        if self.act_quit.shortcut().isEmpty():
            self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_open = self._action(self.open_selected, "Return", widget=self.table)
        self.act_open.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.act_edit = self._action(self.edit_selected, "F2", widget=self.table)
        self.act_edit.setShortcuts([QKeySequence("F2"), QKeySequence("Ctrl+E")])
        self.act_delete = self._action(self.delete_selected, key.Delete, widget=self.table)
        self.act_compare = self._action(self.compare_selected, "Ctrl+Shift+C")
        self.act_find = self._action(self.focus_search, key.Find, widget=self.library_page)
        self.act_library = self._action(lambda: self.tabs.setCurrentIndex(0), "Ctrl+L")
        self.act_close_tab = self._action(lambda: self.close_tab(self.tabs.currentIndex()), key.Close)
        self.act_clear_filters = self._action(self.clear_filters, "Ctrl+Shift+L")
        self.act_about = self._action(lambda: show_about(self))
        self.act_undo = self.undo_stack.createUndoAction(self)
        self.act_undo.setShortcuts(key.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self)
        self.act_redo.setShortcuts(key.Redo)
        self.addActions([self.act_undo, self.act_redo])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_import_files, self.act_import_folder, self.act_paste])
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_open_library, self.act_new_library])
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_close_tab, self.act_quit])
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.act_edit, self.act_delete])
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_preferences)
        self.menu_library = bar.addMenu("")
        self.menu_library.addActions([self.act_open, self.act_compare])
        self.menu_library.addSeparator()
        self.menu_library.addActions([self.act_find, self.act_clear_filters, self.act_library])
        self.menu_help = bar.addMenu("")
        self.menu_help.addActions([self.act_demo, self.act_about])
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.act_import_files, self.act_paste])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_open, self.act_compare, self.act_edit, self.act_delete])
        self.addToolBar(self.toolbar)

    def retranslate_ui(self) -> None:
        """Every visible string; called at start and whenever the language changes."""
        self.tabs.setTabText(0, self.tr("Library"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent.setTitle(self.tr("Open &recent"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_library.setTitle(self.tr("&Library"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        texts = {
            self.act_import_files: self.tr("&Import files…"),
            self.act_import_folder: self.tr("Import &folder…"),
            self.act_paste: self.tr("&Paste text as a new speech…"),
            self.act_open_library: self.tr("&Open library…"),
            self.act_new_library: self.tr("&New library…"),
            self.act_demo: self.tr("Import the &demo library"),
            self.act_preferences: self.tr("Pre&ferences…"),
            self.act_quit: self.tr("&Quit"),
            self.act_open: self.tr("&Read"),
            self.act_edit: self.tr("Edit &details…"),
            self.act_delete: self.tr("&Remove…"),
            self.act_compare: self.tr("&Compare"),
            self.act_find: self.tr("&Search the library"),
            self.act_library: self.tr("Show the &library"),
            self.act_close_tab: self.tr("&Close tab"),
            self.act_clear_filters: self.tr("Clear search and &filters"),
            self.act_about: self.tr("&About Duidu"),
        }
        for action, text in texts.items():
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut})" if shortcut else "")
        self.act_compare.setStatusTip(self.tr("Compare 2 to 8 selected speeches side by side"))
        self.undo_stack.setUndoLimit(50)
        self.act_undo.setText(self.tr("&Undo"))
        self.act_redo.setText(self.tr("Re&do"))
        self.model.retranslate()
        self._update_title()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- library contents --------------------------------------------------------------------------------
    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read every row again (after an import or a library switch), keeping the selection.

        The rows load on the task runner, so a large library never holds up the window; `then` runs once
        they are in the table.
        """
        service = self.service
        self.size_label.setText(self.tr("Loading the library…"))

        def loaded(rows: list[LibraryRow]) -> None:
            if service is not self.service:  # the user switched libraries meanwhile
                return
            selected = set(self.selected_ids())
            self.model.set_rows(rows)
            self.facets.set_rows(rows)
            if not self._columns_fitted and rows:
                self.fit_columns()
            self._select_ids(selected)
            self._update_status()
            self._update_actions()
            if then is not None:
                then()
            self.library_loaded.emit(len(rows))

        self.runner.start(
            lambda _progress, _cancelled: service.rows(),
            on_success=loaded,
            on_failure=lambda exc: warn(self, self.tr("Cannot read the library"), str(exc)),
        )

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("Duidu — %1").replace("%1", Path(self.service.location).name))

    def _update_status(self) -> None:
        rows = self.model.rows()
        chars = sum(row.chars for row in rows)
        text = self.tr("%n speech(es)", "", len(rows))
        text += " · " + self.tr("%1 characters").replace("%1", QLocale().toString(chars))
        shown = self.proxy.rowCount()
        if shown != len(rows):
            text += " · " + self.tr("%n shown", "", shown)
        self.size_label.setText(text)

    def selected_ids(self) -> list[int]:
        if not hasattr(self, "table"):
            return []
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ID_ROLE) for index in sorted(rows, key=QModelIndex.row)]

    def _select_ids(self, ids: set[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        if not ids:
            return
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) in ids:
                selection.select(index, flags)

    def select_ids(self, ids: list[int]) -> None:
        self._select_ids(set(ids))
        if ids:
            self.table.setCurrentIndex(self.proxy.index(self._proxy_row(ids[0]), 0))
            self._select_ids(set(ids))

    def _proxy_row(self, doc_id: int) -> int:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == doc_id:
                return row
        return -1

    def _update_actions(self) -> None:
        if not hasattr(self, "act_open"):
            return
        count = len(self.selected_ids())
        self.act_open.setEnabled(count >= 1)
        self.act_edit.setEnabled(count == 1)
        self.act_delete.setEnabled(count >= 1)
        self.act_compare.setEnabled(2 <= count <= MAX_COMPARE)
        self.act_close_tab.setEnabled(self.tabs.currentIndex() > 0)

    def visible_titles(self) -> list[str]:
        """The titles the table shows, top to bottom (what the user sees)."""
        return [self.proxy.index(row, Column.TITLE).data() for row in range(self.proxy.rowCount())]

    # --- search and facets -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_box.setFocus()
        self.search_box.selectAll()

    def on_query_changed(self, query: str) -> None:
        self._query = query
        self.proxy.set_query(query)
        self._update_status()
        if len(query) >= 2:
            self.runner.start(
                lambda _p, _c: self.service.search_text(query),
                on_success=lambda ids: self._on_text_hits(query, ids),
                on_failure=lambda exc: self.statusBar().showMessage(str(exc), 5000),
            )

    def _on_text_hits(self, query: str, ids: set[int]) -> None:
        if query == self._query:  # a newer query may have been typed meanwhile
            self.proxy.set_query(query, ids)
            self._update_status()

    def on_facets_changed(self, facets: dict) -> None:
        self.proxy.set_facets(facets)
        self._update_status()

    def clear_filters(self) -> None:
        self.search_box.clear()
        self.on_query_changed("")
        self.facets.clear_checks()

    # --- importing -------------------------------------------------------------------------------------
    def _file_filter(self) -> str:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(supported_suffixes()))
        return self.tr("Speeches (%1)").replace("%1", patterns) + ";;" + self.tr("All files (*)")

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import speeches"), "", self._file_filter())
        self.import_paths([Path(p) for p in paths])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of speeches"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import what can be imported and say clearly which files cannot."""
        good, bad = split_supported(paths)
        if bad:
            kinds = ", ".join(sorted(supported_suffixes()))
            warn(
                self,
                self.tr("Unsupported files"),
                self.tr("%n file(s) cannot be imported: Duidu reads %1 files.", "", len(bad)).replace(
                    "%1", kinds
                ),
                "\n".join(str(path) for path in bad),
            )
        if good:
            self.importer.start(good)

    def import_demo(self) -> None:
        self.import_paths(demo_files())

    def offer_demo_library(self) -> None:
        """First run: an empty library gets the offer of the demo speeches (once)."""
        if self.model.rowCount() or self.prefs.get(S.DEMO_OFFERED) or not demo_files():
            return
        self.prefs.set(S.DEMO_OFFERED, True)
        if ask(
            self,
            self.tr("Welcome to Duidu"),
            self.tr(
                "Your library is empty. Import the demo library — a few speeches written for Duidu that "
                "share passages and formulas — to try reading and comparing?"
            ),
        ):
            self.import_demo()

    def paste_text(self) -> None:
        dialog = PasteDialog(self)
        if dialog.exec() != PasteDialog.DialogCode.Accepted:
            return
        doc_id, created = self.service.add_text(dialog.result_text(), dialog.result_meta())
        self.reload(then=lambda: self.select_ids([doc_id]))
        if not created:
            self.statusBar().showMessage(self.tr("This text is already in the library."), 5000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    @staticmethod
    def urls_for(paths: list[Path]) -> list[QUrl]:
        return [QUrl.fromLocalFile(str(path)) for path in paths]

    # --- editing -----------------------------------------------------------------------------------------
    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        document = self.service.document(ids[0])
        if document is None:
            return
        dialog = MetadataDialog(document.meta, self)
        if dialog.exec() != MetadataDialog.DialogCode.Accepted:
            return
        self.apply_metadata(ids[0], document.meta, dialog.meta())

    def apply_metadata(self, doc_id: int, before: DocumentMeta, after: DocumentMeta) -> None:
        if before != after:
            self.undo_stack.push(
                EditMetadataCommand(self.service, doc_id, before, after, self._on_row_changed)
            )

    def _on_row_changed(self, row: LibraryRow) -> None:
        self.model.upsert(row)
        self.facets.set_rows(self.model.rows())
        reader = self.reader_for(row.id)
        if reader is not None:
            self.tabs.setTabText(self.tabs.indexOf(reader), self._tab_title(row.title))
            document = self.service.document(row.id)
            if document is not None and hasattr(reader, "set_meta"):
                reader.set_meta(document.meta)
        self._update_status()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        titles = [self.model.row_at(self.model.row_of(doc_id)).title for doc_id in ids[:5]]
        listing = "\n".join(f"• {title}" for title in titles) + ("\n…" if len(ids) > 5 else "")
        question = self.tr("Remove %n speech(es) from the library?", "", len(ids))
        hint = self.tr("You can undo this with Ctrl+Z.")
        if ask(self, self.tr("Remove speeches"), f"{question}\n\n{listing}\n\n{hint}", default_yes=False):
            self.undo_stack.push(RemoveCommand(self.service, ids, self._on_removed, self._on_restored))

    def _on_removed(self, ids: list[int]) -> None:
        for doc_id in ids:
            widget = self.reader_for(doc_id)
            if widget is not None:
                self.close_tab(self.tabs.indexOf(widget))
        self.model.remove_ids(ids)
        self.facets.set_rows(self.model.rows())
        self._update_status()

    def _on_restored(self, rows: list[LibraryRow]) -> None:
        for row in rows:
            self.model.upsert(row)
        self.facets.set_rows(self.model.rows())
        self.select_ids([row.id for row in rows])
        self._update_status()

    # --- reading and comparing ---------------------------------------------------------------------------
    def on_table_double_clicked(self, index: QModelIndex) -> None:
        self.open_reader(index.data(ID_ROLE))

    def open_selected(self) -> None:
        for doc_id in self.selected_ids()[:MAX_COMPARE]:
            self.open_reader(doc_id)

    def reader_for(self, doc_id: int) -> QWidget | None:
        for index in range(1, self.tabs.count()):
            widget = self.tabs.widget(index)
            if widget.property("doc_id") == doc_id:
                return widget
        return None

    @staticmethod
    def _tab_title(title: str) -> str:
        return title if len(title) <= 18 else title[:17] + "…"

    def open_reader(self, doc_id: int) -> QWidget | None:
        """Show the speech in its own tab (re-using the tab if it is already open)."""
        existing = self.reader_for(doc_id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            return existing
        document = self.service.document(doc_id)
        if document is None:
            return None
        reader = make_reader(
            doc_id,
            self.service.text(doc_id),
            document.meta,
            runner=self.runner,
            usage_count=self.service.formula_usage,
            parent=self.tabs,
        )
        index = self.tabs.addTab(reader, self._tab_title(document.meta.title or f"#{doc_id}"))
        self.tabs.setTabToolTip(index, document.meta.title)
        self.tabs.setCurrentIndex(index)
        reader.setFocus()
        return reader

    def close_tab(self, index: int) -> None:
        if index > 0:  # the library tab stays
            widget = self.tabs.widget(index)
            self.tabs.removeTab(index)
            cancel = getattr(widget, "cancel_work", None)
            if cancel is not None:
                cancel()
            widget.deleteLater()

    def compare_selected(self) -> None:
        ids = self.selected_ids()
        if not 2 <= len(ids) <= MAX_COMPARE:
            self.statusBar().showMessage(self.tr("Select 2 to 8 speeches to compare."), 5000)
            return
        self.compare_requested.emit(ids)
        if not self.compare_available:
            # The compare view is its own piece of work; until it sets compare_available, say so plainly.
            self.statusBar().showMessage(
                self.tr("The compare view is not available in this version yet."), 8000
            )

    def _show_table_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addActions([self.act_open, self.act_compare, self.act_edit, self.act_delete])
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # --- preferences and layout ----------------------------------------------------------------------------
    def show_preferences(self) -> None:
        from app.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.prefs, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.prefs.set(S.LANGUAGE, dialog.chosen_language())
            self.prefs.set(S.THEME, dialog.chosen_theme())
            self.preferences_changed.emit(dialog.chosen_language(), dialog.chosen_theme())

    def restore_layout(self) -> None:
        geometry = self.prefs.get(S.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.prefs.get(S.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.prefs.get(S.SPLITTER_STATE)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        header = self.prefs.get(S.HEADER_STATE)
        if not header.isEmpty():
            self._columns_fitted = self.table.horizontalHeader().restoreState(header)

    def fit_columns(self) -> None:
        """Size columns to their contents and headers once (the user's widths are remembered after that)."""
        self.table.resizeColumnsToContents()
        for column, widest in ((Column.TITLE, 380), (Column.ORGANISATION, 200), (Column.TAGS, 200)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self._columns_fitted = True

    def _fill_recent_menu(self) -> None:
        """Recent libraries other than the open one (rebuilt each time the menu opens)."""
        self.menu_recent.clear()
        for path in self.prefs.get(S.RECENT_LIBRARIES):
            if path != self.service.location:
                action = self.menu_recent.addAction(path)
                action.triggered.connect(lambda _checked=False, p=path: self.recent_library_requested.emit(p))
        if self.menu_recent.isEmpty():
            self.menu_recent.addAction(self.tr("No other libraries yet")).setEnabled(False)

    def save_layout(self) -> None:
        self.prefs.set(S.GEOMETRY, self.saveGeometry())
        self.prefs.set(S.WINDOW_STATE, self.saveState())
        self.prefs.set(S.SPLITTER_STATE, self.splitter.saveState())
        self.prefs.set(S.HEADER_STATE, self.table.horizontalHeader().saveState())
        self.prefs.sync()

    def switch_service(self, service: LibraryService) -> None:
        """Show another library in this window (after File → Open/New library)."""
        for index in range(self.tabs.count() - 1, 0, -1):
            self.close_tab(index)
        self.undo_stack.clear()
        old = self.service
        self.service = service
        old.close()
        self.reload()
        self._update_title()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.runner.cancel_all()
        self.runner.wait(5000)
        super().closeEvent(event)
