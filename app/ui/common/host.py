"""What a part of the GUI may ask of the window that hosts it, so that no part imports the shell.

The library, reader, lexicon, compare and trace packages are handed the main window typed as `WindowHost`:
the open library's service, the task runner and preferences, the tabs, a few signals, and a place for
their menus and docks. The shell's `MainWindow` is the one window that provides it (it is a QMainWindow,
so a part may also use it as the parent of its dialogs and docks); a test may pass any object that does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtCore import Qt, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMenu, QStatusBar, QWidget

    from app.ui.common.library_service import LibraryService
    from app.ui.common.settings import Settings
    from app.ui.common.tasks import TaskRunner


@runtime_checkable
class HostTabs(Protocol):
    """The window's tab strip: the library first, then readers and comparisons."""

    currentChanged: SignalInstance

    def count(self) -> int: ...
    def widget(self, index: int) -> QWidget | None: ...
    def currentWidget(self) -> QWidget | None: ...
    def addTab(self, widget: QWidget, label: str) -> int: ...
    def setTabToolTip(self, index: int, tip: str) -> None: ...
    def setCurrentIndex(self, index: int) -> None: ...
    def readers(self) -> list: ...  # the open reader tabs (each has `refresh_formulas()` and `pane`)


@runtime_checkable
class SelectionSource(Protocol):
    """The library table as far as a part follows it: it says when the selected speeches change."""

    selection_changed: SignalInstance


@runtime_checkable
class WindowHost(Protocol):
    """The main window as the parts see it."""

    #: The open library (it changes when the user switches libraries: read it when needed, do not keep it).
    service: LibraryService
    runner: TaskRunner
    prefs: Settings
    tabs: HostTabs
    library_view: SelectionSource
    #: The library's rows are in the table (start-up, an import, a library switch); carries the count.
    library_loaded: SignalInstance
    #: The user asked to compare these speeches; the compare view connects here.
    compare_requested: SignalInstance
    #: Set by whoever connects to `compare_requested`.
    compare_available: bool

    def selected_ids(self) -> list[int]: ...
    def open_reader(self, doc_id: int) -> QWidget | None: ...
    def request_compare(self, ids: list[int]) -> None: ...
    def add_menu(self, menu: QMenu) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def addAction(self, action: QAction) -> None: ...
    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...
    def removeDockWidget(self, dock: QDockWidget) -> None: ...
    def restoreDockWidget(self, dock: QDockWidget) -> bool: ...
