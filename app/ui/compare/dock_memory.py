"""The compare view's bottom docks: a default height that shows a useful table, and the user's own
arrangement (sizes, hidden or floating docks) kept across comparisons and restarts.

Qt's window state is saved whenever a dock is resized or moved (debounced), not only on close: a
compare tab is deleted when closed and the main window's quit does not close its tabs one by one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

from app.ui.common import settings as S

#: Share of the view's height the docks get by default (≈ 7 passage rows at 800 px), and their least height.
DEFAULT_SHARE = 0.35
MIN_DEFAULT_HEIGHT = 250
SAVE_DELAY_MS = 400


def place_bottom_docks(view: QMainWindow, docks: list[QDockWidget]) -> None:
    """Put `docks` side by side along the bottom of `view`, in their order."""
    for previous, dock in zip([None, *docks], docks, strict=False):
        view.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        if previous is not None:
            view.splitDockWidget(previous, dock, Qt.Orientation.Horizontal)


class DockMemory(QObject):
    """Restores `view`'s dock arrangement from `prefs` (or sizes the docks by default) and saves changes."""

    def __init__(
        self, view: QMainWindow, docks: list[QDockWidget], prefs: S.Settings, option: S.Option
    ) -> None:
        super().__init__(view)
        self.view, self.docks, self.prefs, self.option = view, docks, prefs, option
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self._armed = False
        self.restored = self._restore()

    def _restore(self) -> bool:
        state = self.prefs.get(self.option)
        return not state.isEmpty() and self.view.restoreState(state)

    def shown(self) -> None:
        """The view is shown at its real size: size the docks by default, then start listening."""
        if self._armed:
            return
        if not self.restored:
            height = max(MIN_DEFAULT_HEIGHT, round(self.view.height() * DEFAULT_SHARE))
            self.view.resizeDocks([self.docks[0]], [height], Qt.Orientation.Vertical)
        for dock in self.docks:
            dock.installEventFilter(self)
            dock.dockLocationChanged.connect(self.schedule)
            dock.topLevelChanged.connect(self.schedule)
            dock.visibilityChanged.connect(self.schedule)
        self._armed = True

    def schedule(self, *_args: object) -> None:
        if self._armed:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.view.isVisible():
            self.schedule()
        return False

    def save(self) -> None:
        self._timer.stop()
        if self._armed and self.view.isVisible():  # a hidden tab's docks report themselves hidden
            self.prefs.set(self.option, self.view.saveState())
