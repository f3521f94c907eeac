"""Pairwise similarity of three or more speeches as a heat map (Juxta's overview, as a matrix).

Cell (row i, column j) is the share of speech i found in passages shared with speech j, so the matrix is
not symmetric: a short speech copied whole from a long one is dark in its row only. Clicking a cell asks
for that pair on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

#: Light-to-dark sequential blue (perceptually ordered, readable for the common colour-vision deficiencies).
LOW, HIGH = QColor("#F7FBFF"), QColor("#08306B")
CELL = 44
MIN_CELL = 24
MARGIN = 8


def heat_colour(value: float) -> QColor:
    t = min(max(value, 0.0), 1.0) ** 0.6  # stretch the low end, where most speech pairs sit
    return QColor.fromRgbF(
        LOW.redF() + (HIGH.redF() - LOW.redF()) * t,
        LOW.greenF() + (HIGH.greenF() - LOW.greenF()) * t,
        LOW.blueF() + (HIGH.blueF() - LOW.blueF()) * t,
    )


class SimilarityMatrix(QWidget):
    #: The user clicked cell (row, column); row != column.
    pair_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._values: dict[tuple[int, int], float] = {}
        self.setMouseTracking(True)

    def set_matrix(self, labels: Sequence[str], values: dict[tuple[int, int], float]) -> None:
        self._labels = list(labels)
        self._values = dict(values)
        self.updateGeometry()
        self.update()

    def value(self, row: int, column: int) -> float | None:
        return self._values.get((row, column))

    def _header(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance("00") + 2 * MARGIN

    def sizeHint(self) -> QSize:
        n = max(len(self._labels), 2)
        side = self._header() + n * CELL + MARGIN
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        n = max(len(self._labels), 2)
        side = self._header() + n * MIN_CELL + MARGIN
        return QSize(side, side)

    def cell(self) -> float:
        """Cell size: as large as the widget allows, between MIN_CELL and CELL."""
        n = max(len(self._labels), 1)
        room = min(self.width(), self.height()) - self._header() - MARGIN
        return max(MIN_CELL, min(CELL, room / n))

    def cell_rect(self, row: int, column: int) -> QRectF:
        top_left, cell = self._header(), self.cell()
        return QRectF(top_left + column * cell, top_left + row * cell, cell - 2, cell - 2)

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        n = len(self._labels)
        for row in range(n):
            for column in range(n):
                if row != column and self.cell_rect(row, column).contains(point):
                    return row, column
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().text().color()
        n = len(self._labels)
        header, cell = self._header(), self.cell()
        font = painter.font()
        font.setPointSizeF(max(6.0, min(font.pointSizeF(), cell / 4)))
        painter.setFont(font)
        for k in range(n):
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(header + k * cell, 0, cell, header), Qt.AlignmentFlag.AlignCenter, str(k + 1)
            )
            painter.drawText(
                QRectF(0, header + k * cell, header, cell), Qt.AlignmentFlag.AlignCenter, str(k + 1)
            )
        for row in range(n):
            for column in range(n):
                rect = self.cell_rect(row, column)
                if row == column:
                    painter.fillRect(rect, self.palette().mid())
                    continue
                value = self._values.get((row, column), 0.0)
                colour = heat_colour(value)
                painter.fillRect(rect, colour)
                painter.setPen(QColor("#FFFFFF") if colour.lightnessF() < 0.55 else QColor("#000000"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{value:.0%}")
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position())
        if cell is None:
            QToolTip.hideText()
            return
        row, column = cell
        QToolTip.showText(
            event.globalPosition().toPoint(),
            self.tr("{0:.1%} of {1}\nis shared with {2}\n(click to compare the two)").format(
                self._values.get(cell, 0.0), self._labels[row], self._labels[column]
            ),
            self,
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.pair_clicked.emit(*cell)
            event.accept()
            return
        super().mouseReleaseEvent(event)
