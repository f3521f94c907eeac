"""Bands between two neighbouring panes joining each passage to its counterpart (Meld's link map).

A passage moved far in the other speech shows as a band leaving the edge, which is how a reader sees
reordering without reading. Only passages visible on at least one side are drawn; positions come from the
panes' own layout (cursor rectangles), so they follow zoom, wrapping and scrolling exactly.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QTextCursor
from PySide6.QtWidgets import QWidget

from app.ui.compare.links import Link
from app.ui.pane.reading_pane import ReadingPane


class LinkMap(QWidget):
    #: A band was clicked: the passage number.
    passage_clicked = Signal(int)

    def __init__(
        self,
        left: ReadingPane,
        right: ReadingPane,
        colour: Callable[[Link], QColor],
        width: int = 28,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self._colour = colour
        self._links: list[Link] = []
        self._starts: list[int] = []
        self._longest = 0
        self._bands: list[tuple[QPainterPath, Link]] = []
        self.setFixedWidth(width)
        for pane in (left, right):
            pane.scrolled.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(self.width(), 100)

    def set_links(self, links: Sequence[Link]) -> None:
        """Links seen from the left document whose partner is the right one."""
        self._links = sorted(links, key=lambda k: k.start)
        self._starts = [k.start for k in self._links]
        self._longest = max((k.end - k.start for k in self._links), default=0)
        self.update()

    def _placer(self, pane: ReadingPane) -> Callable[[int, bool], float]:
        """Where (y here) a code point of `pane` sits, top or bottom of its line, clamped just outside this
        widget. Made once per paint: the cursor and the offset between the pane's viewport and this widget
        are the same for every band (a paint places four ends per band, for dozens of bands per map, and
        seven maps repaint together whenever a pane scrolls or a result lands)."""
        cursor = QTextCursor(pane.document())
        window = self.window()
        shift = self.mapFrom(window, pane.viewport().mapTo(window, QPoint(0, 0))).y()
        length, to_qt, cursor_rect = len(pane.text()), pane.offsets.to_qt, pane.cursorRect
        low, high = -4, self.height() + 4

        def y(offset: int, bottom: bool) -> float:
            cursor.setPosition(to_qt(min(offset, length)))
            rect = cursor_rect(cursor)
            return float(min(max((rect.bottom() if bottom else rect.top()) + shift, low), high))

        return y

    def _visible(self) -> list[Link]:
        """Links on screen in the left pane, or whose counterpart is on screen in the right pane."""
        l0, l1 = self.left.visible_range()
        r0, r1 = self.right.visible_range()
        first = bisect_left(self._starts, l0 - self._longest)
        shown = [k for k in self._links[first : bisect_left(self._starts, l1)] if k.end > l0]
        seen = {k.number for k in shown}
        shown += [
            k for k in self._links if k.number not in seen and k.partner_start < r1 and k.partner_end > r0
        ]
        return shown

    def bands(self) -> list[tuple[QPainterPath, Link]]:
        """The band of each drawn link (tests read these back)."""
        if not self._links:  # (a first paint: no need to lay out the panes' text here)
            return []
        out = []
        w = float(self.width())
        left, right = self._placer(self.left), self._placer(self.right)
        for link in self._visible():
            a0, a1 = left(link.start, False), left(link.end, True)
            b0, b1 = right(link.partner_start, False), right(link.partner_end, True)
            path = QPainterPath(QPointF(0, a0))
            path.cubicTo(QPointF(w / 2, a0), QPointF(w / 2, b0), QPointF(w, b0))
            path.lineTo(QPointF(w, b1))
            path.cubicTo(QPointF(w / 2, b1), QPointF(w / 2, a1), QPointF(0, a1))
            path.closeSubpath()
            out.append((path, link))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())
        self._bands = self.bands()
        for path, link in self._bands:
            colour = QColor(self._colour(link))
            painter.setPen(colour.darker(130))
            colour.setAlpha(170)
            painter.setBrush(colour)
            painter.drawPath(path)
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            for path, link in reversed(self._bands or self.bands()):
                if path.contains(event.position()):
                    self.passage_clicked.emit(link.number)
                    event.accept()
                    return
        super().mouseReleaseEvent(event)
