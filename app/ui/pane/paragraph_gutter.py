"""Paragraph numbers in a strip left of a reading pane (Qt's line-number-area pattern).

Analysts cite "paragraph 7", so the numbers follow app.core.structure.paragraphs rather than text lines:
a paragraph that starts in the middle of a block (sources that separate paragraphs with `　　` instead of a
line break) gets its number beside the wrapped line where it starts. Heading paragraphs are numbered in the
accent colour so the structure is visible at a glance.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from app.ui.common.theme import Theme

_PADDING = 6


class GutterLabel(NamedTuple):
    """One number (or "3,4" when paragraphs share a line) at viewport height `y`."""

    text: str
    y: int
    height: int
    heading: bool


class ParagraphGutter(QWidget):
    """Draws numbers for the pane's paragraphs; the pane positions it and reserves its width.

    `theme` gives the pane's current colours (the pane may switch them after the gutter was made).
    """

    def __init__(self, pane: QPlainTextEdit, theme: Callable[[], Theme]) -> None:
        super().__init__(pane)
        self._pane = pane
        self._theme = theme
        self._starts: list[int] = []  # Qt position of each paragraph start
        self._headings: set[int] = set()  # paragraph indices that are headings
        self._shared_lines = False
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_paragraphs(
        self, starts: list[int], heading_paragraphs: set[int], shared_lines: bool = False
    ) -> None:
        """Paragraph starts (Qt positions); `shared_lines` when paragraphs may start mid-line (wider strip)."""
        self._starts = starts
        self._shared_lines = shared_lines
        self._headings = heading_paragraphs
        self.update()

    def number_font(self) -> QFont:
        font = QFont(self._pane.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.72))
        return font

    def gutter_width(self) -> int:
        digits = len(str(max(1, len(self._starts))))
        sample = "9" * digits + ("," + "9" * digits if self._shared_lines else "")
        return _PADDING * 2 + self.fontMetrics().horizontalAdvance(sample)

    def sizeHint(self) -> QSize:
        return QSize(self.gutter_width(), 0)

    def labels(self, top: int = 0, bottom: int | None = None) -> list[GutterLabel]:
        """The numbers to draw between viewport heights `top` and `bottom`, one per visual line."""
        pane = self._pane
        bottom = pane.viewport().height() if bottom is None else bottom
        offset = pane.contentOffset()
        result: list[GutterLabel] = []
        block = pane.firstVisibleBlock()
        while block.isValid():
            geometry = pane.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            base, end = block.position(), block.position() + block.length()
            layout = block.layout()
            index = bisect_left(self._starts, base)
            by_line: dict[int, list[int]] = {}  # line in block → paragraphs starting on it
            while index < len(self._starts) and self._starts[index] < end:
                line = layout.lineForTextPosition(self._starts[index] - base) if layout else None
                number = line.lineNumber() if line is not None and line.isValid() else 0
                by_line.setdefault(number, []).append(index)
                index += 1
            for line_number, numbers in by_line.items():
                line = layout.lineAt(line_number) if layout and line_number < layout.lineCount() else None
                y = geometry.top() + (line.y() if line is not None else 0)
                height = line.height() if line is not None else geometry.height()
                if y + height >= top:
                    heading = any(n in self._headings for n in numbers)
                    result.append(
                        GutterLabel(",".join(str(n + 1) for n in numbers), round(y), round(height), heading)
                    )
            block = block.next()
        return result

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = self._theme()
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._pane.palette().alternateBase())
        if self._pane.text_held:  # numbers beside no text yet: drawn with the text (held_text)
            painter.end()
            return
        painter.setFont(self.font())
        metrics = self.fontMetrics()
        for label in self.labels(event.rect().top(), event.rect().bottom()):
            painter.setPen(theme.colour("gutter.heading" if label.heading else "gutter.number"))
            rect = QRect(0, label.y, self.width() - _PADDING, label.height)
            text = metrics.elidedText(label.text, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()
