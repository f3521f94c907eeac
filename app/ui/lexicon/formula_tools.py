"""The Tools menu of the main window: the formula lexicon dialog and the Discover formulas dock.

Both work on the open library's merged lexicon (`window.service.lexicon`). When the user changes it —
an edit, an import, an accepted candidate — every open reader detects its formulas again, so a new
formula is marked at once. The dialog and the dock load on first use, not at start-up; switching to
another library closes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

if TYPE_CHECKING:
    from app.ui.common.host import WindowHost
    from app.ui.common.library_service import LibraryService
    from app.ui.lexicon.dialog import LexiconDialog
    from app.ui.lexicon.discover_panel import DiscoverPanel


class ToolsMenu(QMenu):
    """The menu retranslates itself (it receives the language change like any widget)."""

    def __init__(self, tools: FormulaTools) -> None:
        super().__init__(tools.window)
        self._tools = tools

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._tools.retranslate()
        super().changeEvent(event)


class FormulaTools(QObject):
    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self._service: LibraryService | None = None
        self.dialog: LexiconDialog | None = None
        self.dock: QDockWidget | None = None
        self.panel: DiscoverPanel | None = None
        self.lexicon_action = self._action(self.show_lexicon, "Ctrl+Shift+X")
        self.discover_action = self._action(self.show_discover, "Ctrl+Shift+D")
        self.menu = ToolsMenu(self)
        self.menu.addActions([self.lexicon_action, self.discover_action])
        window.add_menu(self.menu)
        window.library_loaded.connect(lambda _rows: self._follow_service())
        self._follow_service()
        self.retranslate()

    def _action(self, slot, shortcut: str) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def discover_open(self) -> bool:
        """Whether the Discover dock is on screen (the window remembers it for the next start)."""
        return self.dock is not None and self.dock.isVisible()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Tools"))
        self.lexicon_action.setText(self.tr("Formula &lexicon…"))
        self.discover_action.setText(self.tr("&Discover formulas…"))
        self.discover_action.setStatusTip(self.tr("Rank candidate new formulas across the library"))
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Discover formulas"))

    # ---- the open library ------------------------------------------------------------------------------

    def _follow_service(self) -> None:
        """Listen to the open library's lexicon; another library closes what showed the previous one."""
        service = self.window.service
        if service is self._service:
            return
        if self._service is not None:
            self._service.lexicon.remove_listener(self.refresh_readers)
            self._close_views()
        self._service = service
        service.lexicon.add_listener(self.refresh_readers)

    def _close_views(self) -> None:
        if self.dialog is not None:
            self.dialog.cancel_work()
            self.dialog.detach()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self.dock is not None:
            if self.panel is not None:
                self.panel.cancel_work()
            self.window.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock, self.panel = None, None

    def refresh_readers(self) -> None:
        """The lexicon changed: every open reader detects its formulas again, and every comparison labels
        its shared passages (formula or copy) again."""
        for reader in self.window.tabs.readers():
            reader.refresh_formulas()
        tabs = self.window.tabs
        for view in (tabs.widget(i) for i in range(tabs.count())):
            # a comparison on this library's lexicon that has started matching
            recompute, params = getattr(view, "recompute", None), getattr(view, "params", None)
            follows = getattr(view, "formula_lexicon", None) is not None and getattr(view, "_started", False)
            if follows and callable(recompute) and params is not None:
                recompute(params.settings())

    # ---- the views -------------------------------------------------------------------------------------

    def show_lexicon(self) -> LexiconDialog:
        from app.ui.lexicon.dialog import LexiconDialog

        self._follow_service()
        if self.dialog is None:
            self.dialog = LexiconDialog(self.window.service.lexicon, self.window.runner, self.window)
            self.dialog.setObjectName("formula-lexicon")
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def show_discover(self) -> DiscoverPanel:
        from app.ui.lexicon.discover_panel import DiscoverPanel

        self._follow_service()
        if self.dock is None or self.panel is None:
            service = self.window.service
            self.panel = DiscoverPanel(service.library, service.lexicon, self.window.runner)
            self.panel.open_requested.connect(self.window.open_reader)
            self.dock = QDockWidget(self.window)
            self.dock.setObjectName("discover-dock")
            self.dock.setWidget(self.panel)
            # Made on first use, after the window restored its layout: put it where the user left it.
            if not self.window.restoreDockWidget(self.dock):
                self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.retranslate()
        self.dock.show()
        self.dock.raise_()
        return self.panel


def install_formula_tools(window: WindowHost) -> FormulaTools:
    """Add the Tools menu (formula lexicon, discovery) to the main window."""
    return FormulaTools(window)
