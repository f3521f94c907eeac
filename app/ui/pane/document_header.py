"""The line above a reading pane: title, then speaker · date · length (and, in the compare view, more).

Long titles elide instead of widening the pane; the full title is in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.core.model import DocumentMeta


class DocumentHeader(QWidget):
    """Shows a document's metadata; `set_extra()` appends a note such as the copy ratio."""

    def __init__(self, meta: DocumentMeta | None, length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._meta = meta or DocumentMeta()
        self._length = length
        self._extra = ""
        self.title_label = QLabel(self)
        font = QFont(self.title_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title_label.setFont(font)
        self.details_label = QLabel(self)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.title_label, self.details_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(1)
        layout.addWidget(self.title_label)
        layout.addWidget(self.details_label)
        self._refresh()

    def title(self) -> str:
        return self._meta.title or self.tr("Untitled speech")

    def set_meta(self, meta: DocumentMeta) -> None:
        self._meta = meta
        self._refresh()

    def set_extra(self, text: str) -> None:
        self._extra = text
        self._refresh()

    def details(self) -> str:
        parts = [p for p in (self._meta.speaker, self._meta.role, self._meta.date, self._meta.occasion) if p]
        parts.append(self.tr("{0} characters").format(f"{self._length:,}"))
        if self._extra:
            parts.append(self._extra)
        return " · ".join(parts)

    def _refresh(self) -> None:
        self.title_label.setToolTip(self.title())
        self.details_label.setToolTip(self.details())
        self._elide()

    def _elide(self) -> None:
        """Long titles and details end in "…" instead of widening the pane; tooltips carry the full text."""
        width = max(40, self.width() - 16)
        for label, text in ((self.title_label, self.title()), (self.details_label, self.details())):
            label.setText(label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()
