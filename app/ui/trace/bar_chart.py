"""A plain bar chart (QPainter): counts of a formula per year, speaker or genre.

QtCharts is not part of PySide6-Essentials, and a labelled bar per group is all a timeline needs. Years
keep their order; other groupings arrive sorted by count. Colours come from the palette, so the chart
follows light and dark mode.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

_MARGIN = 6
_BAR_GAP = 0.25


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, int]] = []
        self._title = ""
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: Sequence[tuple[str, int]], title: str = "") -> None:
        self._bars = list(bars)
        self._title = title
        self.update()

    def bars(self) -> list[tuple[str, int]]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        return QSize(400, 160)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        top = _MARGIN
        if self._title:
            painter.drawText(
                QRectF(_MARGIN, top, self.width() - 2 * _MARGIN, line),
                Qt.AlignmentFlag.AlignLeft,
                self._title,
            )
            top += line + 2
        if not self._bars:
            painter.end()
            return
        bottom = self.height() - _MARGIN - line  # labels under the bars
        area = bottom - top - line  # room for the value above the tallest bar
        peak = max(value for _label, value in self._bars) or 1
        slot = (self.width() - 2 * _MARGIN) / len(self._bars)
        bar_colour = palette.color(QPalette.ColorRole.Highlight)
        label_every = max(1, int((metrics.horizontalAdvance("2024") + 6) / slot) + 1)
        for i, (label, value) in enumerate(self._bars):
            x = _MARGIN + i * slot
            height = area * value / peak
            bar = QRectF(x + slot * _BAR_GAP / 2, bottom - height, slot * (1 - _BAR_GAP), height)
            painter.fillRect(bar, bar_colour)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            if slot >= metrics.horizontalAdvance(str(value)) + 2:
                painter.drawText(
                    QRectF(x, bar.top() - line, slot, line), Qt.AlignmentFlag.AlignCenter, str(value)
                )
            if i % label_every == 0:
                shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot * label_every))
                painter.drawText(
                    QRectF(x, bottom + 1, slot * label_every, line), Qt.AlignmentFlag.AlignLeft, shown
                )
        painter.end()
