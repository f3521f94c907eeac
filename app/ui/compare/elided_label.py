"""A one-line label that gives up width instead of taking it, eliding its text with "…".

The compare toolbar lays its items out by their size hints; a status sentence that asks for its full
width pushes the export actions behind the overflow chevron. This label asks for little, takes what the
toolbar has left, and shows the whole sentence in its tooltip when it had to shorten it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

#: Width asked for: enough for "89 处雷同段落 …" to say what it is about.
PREFERRED_WIDTH = 120


class ElidedLabel(QLabel):
    """`text()` is the full text; painting elides it on the right to the width the layout grants."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def sizeHint(self) -> QSize:
        full = super().sizeHint()
        return QSize(min(full.width(), PREFERRED_WIDTH), full.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 3, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """What is painted: the text, elided to the current width."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    def is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        self.setToolTip(self.text() if self.is_elided() else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())
