"""Zooming a reading pane: Ctrl+= / Ctrl+- / Ctrl+0 and Ctrl+wheel, between 8 and 40 points.

The keys are listed once, in `zoom_shortcuts()`, which every pane and Help → Keyboard shortcuts read. A
zoom keeps the first visible character at the top. The pane mixes `Zoomable` in; it provides the
attributes listed on the class and emits `zoom_changed`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QPlainTextEdit

from app.ui.common.fonts import reading_font

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from app.ui.pane.paragraph_gutter import ParagraphGutter

MIN_POINT_SIZE = 8.0
MAX_POINT_SIZE = 40.0


def zoom_shortcuts() -> list[tuple[str, list[QKeySequence]]]:
    """Zoom In, Zoom Out, Actual Size with their keys, read by every pane and by the shortcuts dialog."""

    def unique(*keys: QKeySequence | str) -> list[QKeySequence]:  # StandardKey.ZoomIn may already be Ctrl+=
        return [QKeySequence(k) for k in dict.fromkeys(QKeySequence(k).toString() for k in keys)]

    return [
        (
            QCoreApplication.translate("ReadingPane", "Zoom In"),
            unique(QKeySequence(QKeySequence.StandardKey.ZoomIn), "Ctrl+="),
        ),
        (
            QCoreApplication.translate("ReadingPane", "Zoom Out"),
            unique(QKeySequence(QKeySequence.StandardKey.ZoomOut), "Ctrl+-"),
        ),
        (QCoreApplication.translate("ReadingPane", "Actual Size"), unique("Ctrl+0")),
    ]


class Zoomable(QPlainTextEdit):
    """The zoom half of ReadingPane, which sets the attributes below before building the zoom actions and
    provides `first_visible_offset`, `scroll_to` and `_update_gutter_width`."""

    zoom_changed: SignalInstance
    gutter: ParagraphGutter
    _base_point_size: float
    _point_size: float
    _font_override: str
    _zoom_actions: list[QAction]

    def _make_zoom_actions(self) -> list[QAction]:
        actions = []
        for (_text, keys), slot in zip(
            zoom_shortcuts(), (self.zoom_in, self.zoom_out, self.reset_zoom), strict=True
        ):
            action = QAction(self)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions.append(action)
        return actions

    def retranslate_ui(self) -> None:
        """Every visible string; called at start and whenever the language changes."""
        for action, (text, _keys) in zip(self._zoom_actions, zoom_shortcuts(), strict=True):
            action.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def zoom_actions(self) -> list[QAction]:
        """Zoom in, zoom out, actual size: for menus and for hosts that want the shortcuts too."""
        return list(self._zoom_actions)

    def point_size(self) -> float:
        return self._point_size

    def set_point_size(self, size: float) -> None:
        size = min(MAX_POINT_SIZE, max(MIN_POINT_SIZE, size))
        if size != self._point_size:
            top = self.first_visible_offset()
            self._point_size = size
            self._apply_font()
            self.scroll_to(top)
            self.zoom_changed.emit(size)

    def set_base_point_size(self, size: float) -> None:
        """The size `reset_zoom` returns to (a preference)."""
        self._base_point_size = size
        self.set_point_size(size)

    def set_font_override(self, family: str) -> None:
        """Use `family` first for the text (a preference); '' goes back to the platform list."""
        self._font_override = family
        self._apply_font()

    def zoom_in(self) -> None:
        self.set_point_size(self._point_size + 1)

    def zoom_out(self) -> None:
        self.set_point_size(self._point_size - 1)

    def reset_zoom(self) -> None:
        self.set_point_size(self._base_point_size)

    def _apply_font(self) -> None:
        self.setFont(reading_font(self._point_size, self._font_override))
        self.gutter.setFont(self.gutter.number_font())
        self._update_gutter_width()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_point_size(self._point_size + round(steps) if abs(steps) >= 1 else self._point_size)
            event.accept()
            return
        super().wheelEvent(event)
