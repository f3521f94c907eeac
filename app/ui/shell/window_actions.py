"""Every command of the main window: its action, shortcut, menu and toolbar place, and its label.

Kept in one table-like module so that a shortcut is defined once and the menus, the toolbar and the
context menu all show the same action (enabled or not).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from app.ui.shell.about import show_about

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMenuBar, QTabWidget

    from app.ui.library.view import LibraryView

_KEY = QKeySequence.StandardKey


@runtime_checkable
class ActionTarget(Protocol):
    """The window whose commands these are (the main window): what each action calls or reads."""

    library_view: LibraryView
    tabs: QTabWidget
    undo_stack: QUndoStack
    library_switch_requested: SignalInstance
    recent_library_requested: SignalInstance

    def import_files(self) -> None: ...
    def import_folder(self) -> None: ...
    def paste_text(self) -> None: ...
    def import_demo(self) -> None: ...
    def show_preferences(self) -> None: ...
    def close(self) -> bool: ...
    def open_selected(self) -> None: ...
    def edit_selected(self) -> None: ...
    def delete_selected(self) -> None: ...
    def compare_selected(self) -> None: ...
    def focus_search(self) -> None: ...
    def close_tab(self, index: int) -> None: ...
    def clear_filters(self) -> None: ...
    def addAction(self, action: QAction) -> None: ...
    def addActions(self, actions: list[QAction]) -> None: ...
    def addToolBar(self, toolbar: QToolBar) -> None: ...
    def menuBar(self) -> QMenuBar: ...


class WindowActions(QObject):
    """The main window's actions (`window.act.open`, …), its menus and its toolbar."""

    def __init__(self, window: ActionTarget) -> None:
        super().__init__(window)
        self._window = window
        view = window.library_view
        w = window
        self.import_files = self._make(w.import_files, _KEY.Open)
        self.import_folder = self._make(w.import_folder, "Ctrl+Shift+O")
        self.paste = self._make(w.paste_text, "Ctrl+Shift+V")
        self.open_library = self._make(lambda: w.library_switch_requested.emit("open"))
        self.new_library = self._make(lambda: w.library_switch_requested.emit("new"))
        self.demo = self._make(w.import_demo)
        self.preferences = self._make(w.show_preferences, _KEY.Preferences, fallback="Ctrl+,")
        self.quit = self._make(w.close, _KEY.Quit, fallback="Ctrl+Q")
        # Scoped to the table so that Return or Delete inside a reader tab mean what they mean there.
        self.open = self._make(w.open_selected, ["Return", "Enter"], scope=view.table)
        self.edit = self._make(w.edit_selected, ["F2", "Ctrl+E"], scope=view.table)
        self.delete = self._make(w.delete_selected, _KEY.Delete, scope=view.table)
        self.compare = self._make(w.compare_selected, "Ctrl+Shift+C")
        self.find = self._make(w.focus_search, _KEY.Find, scope=view)
        self.library = self._make(lambda: w.tabs.setCurrentIndex(0), "Ctrl+L")
        self.close_tab = self._make(lambda: w.close_tab(w.tabs.currentIndex()), _KEY.Close)
        self.clear_filters = self._make(w.clear_filters, "Ctrl+Shift+L")
        self.about = self._make(lambda: show_about(w))
        self.shortcuts = self._make(lambda: _show_shortcuts(w), "F1")
        self.undo = w.undo_stack.createUndoAction(self)
        self.undo.setShortcuts(_KEY.Undo)
        self.redo = w.undo_stack.createRedoAction(self)
        self.redo.setShortcuts(_KEY.Redo)
        w.addActions([self.undo, self.redo])

    def _make(
        self,
        slot: Callable[[], object],
        keys: QKeySequence.StandardKey | str | list[str] | None = None,
        *,
        fallback: str = "",
        scope: QWidget | None = None,
    ) -> QAction:
        action = QAction(self)
        if isinstance(keys, QKeySequence.StandardKey):
            action.setShortcuts(keys)  # every platform binding, e.g. Ctrl+W and Ctrl+F4 for Close
        elif isinstance(keys, list):
            action.setShortcuts([QKeySequence(key) for key in keys])
        elif keys:
            action.setShortcut(QKeySequence(keys))
        if action.shortcut().isEmpty() and fallback:
            action.setShortcut(QKeySequence(fallback))
        action.triggered.connect(lambda _checked=False: slot())
        if scope is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            scope.addAction(action)
        else:
            self._window.addAction(action)
        return action

    def build_menus(self) -> None:
        window = self._window
        bar = window.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.import_files, self.import_folder, self.paste])
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.open_library, self.new_library])
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.close_tab, self.quit])
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.undo, self.redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.edit, self.delete])
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.preferences)
        self.menu_library = bar.addMenu("")
        self.menu_library.addActions([self.open, self.compare])
        self.menu_library.addSeparator()
        self.menu_library.addActions([self.find, self.clear_filters, self.library])
        self.menu_help = bar.addMenu("")
        self.menu_help.addActions([self.shortcuts, self.demo, self.about])
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.import_files, self.paste])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.open, self.compare, self.edit, self.delete])
        window.addToolBar(self.toolbar)

    def fill_recent_menu(self, recent: list[str], current: str) -> None:
        """Recent libraries other than the open one (rebuilt each time the menu opens)."""
        menu = self.menu_recent
        menu.clear()
        for path in recent:
            if path != current:
                action = menu.addAction(path)
                action.triggered.connect(
                    lambda _checked=False, p=path: self._window.recent_library_requested.emit(p)
                )
        if menu.isEmpty():
            no_other = QCoreApplication.translate("MainWindow", "No other libraries yet")
            menu.addAction(no_other).setEnabled(False)

    def context_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        menu.addActions([self.open, self.compare, self.edit, self.delete])
        return menu

    def update_enabled(self, selected: int, reader_tab: bool) -> None:
        self.open.setEnabled(selected >= 1)
        self.edit.setEnabled(selected == 1)
        self.delete.setEnabled(selected >= 1)
        self.compare.setEnabled(2 <= selected <= 8)
        self.close_tab.setEnabled(reader_tab)

    def retranslate(self) -> None:
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent.setTitle(self.tr("Open &recent"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_library.setTitle(self.tr("&Library"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        texts = {
            self.import_files: self.tr("&Import files…"),
            self.import_folder: self.tr("Import &folder…"),
            self.paste: self.tr("&Paste text as a new speech…"),
            self.open_library: self.tr("&Open library…"),
            self.new_library: self.tr("&New library…"),
            self.demo: self.tr("Import the &demo library"),
            self.preferences: self.tr("Pre&ferences…"),
            self.quit: self.tr("&Quit"),
            self.open: self.tr("&Read"),
            self.edit: self.tr("Edit &details…"),
            self.delete: self.tr("&Remove…"),
            self.compare: self.tr("&Compare"),
            self.find: self.tr("&Search the library"),
            self.library: self.tr("Show the &library"),
            self.close_tab: self.tr("&Close tab"),
            self.clear_filters: self.tr("Clear search and &filters"),
            self.about: self.tr("&About Duidu"),
            self.shortcuts: self.tr("&Keyboard shortcuts"),
        }
        for action, text in texts.items():
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut})" if shortcut else "")
        self.compare.setStatusTip(self.tr("Compare 2 to 8 selected speeches side by side"))
        # Undo/redo label themselves ("Undo Remove 2 speeches") through Qt's own translations.


def _show_shortcuts(window: QWidget) -> None:
    # Loaded on F1, not with the window: the dialog reads the compare view's keys, and the compare view
    # module (with the passage engine behind it) is not needed to show the library.
    from app.ui.shell.shortcuts_dialog import show_shortcuts

    show_shortcuts(window)
