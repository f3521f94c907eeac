"""Marks beside a pane's scroll bar: where its shared passages sit, and where the viewport is.

Draftable's scrollbar marks and Juxta's histogram answer the same question — "where in this speech is the
reuse?" — without scrolling. Positions are fractions of the text (code points), which tracks the scroll
bar closely for prose; a click scrolls the pane there.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from app.ui.common.theme import current_theme
from app.ui.compare.links import Link
from app.ui.pane.reading_pane import ReadingPane

WIDTH = 12
MIN_MARK_HEIGHT = 2.0
#: Strips' marks kept after their strip is gone (eight panes of the last two comparisons): a comparison
#: reopened gives each strip the same links at the same size, and placing a congress report's ~600 marks
#: again cost ~3 ms a strip on the GUI thread, with the window waiting for its highlights.
PLACED_KEPT = 16
Placed = list[tuple[QRectF, QColor]]
_placed: OrderedDict[tuple, tuple[list[Link], Placed]] = OrderedDict()


class OverviewBar(QWidget):
    """A narrow strip next to `pane`, coloured where `links` are."""

    def __init__(
        self, pane: ReadingPane, colour: Callable[[Link], QColor], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pane = pane
        self._colour = colour
        self._links: list[Link] = []
        self._current: list[tuple[int, int]] = []
        #: The marks as last painted, for this size and colour scheme: a pane repaints its strip on every
        #: scroll step, and hundreds of marks cost milliseconds each time.
        self._painted: tuple[tuple[int, int, bool], list[tuple[QRectF, QColor]]] | None = None
        self.setFixedWidth(WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        pane.scrolled.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 100)

    def set_links(self, links: Sequence[Link]) -> None:
        """Show `links`. Their marks are placed now, not at the next paint: the compare view sets each
        pane's links in a step of its own, while one repaint after those steps would place the marks of
        every pane at once (~3 ms a pane with a congress report's ~550 links)."""
        self._links = list(links)
        self._painted = None
        if self.isVisible():
            self._marks()
        self.update()

    def set_current(self, spans: Sequence[tuple[int, int]]) -> None:
        spans = list(spans)
        if spans != self._current:  # a result landing clears it in every strip: no repaint for nothing
            self._current = spans
            self.update()

    def mark_rects(self) -> list[tuple[QRectF, Link]]:
        """Where each link is drawn (tests read these back)."""
        length = max(1, len(self.pane.text()))
        height = self.height()
        out = []
        for link in self._links:
            top = height * link.start / length
            bottom = max(top + MIN_MARK_HEIGHT, height * link.end / length)
            out.append((QRectF(2, top, self.width() - 4, bottom - top), link))
        return out

    def _marks(self) -> Placed:
        key = (self.width(), self.height(), current_theme().dark)
        if self._painted is None or self._painted[0] != key:
            self._painted = (key, self._placed(key))
        return self._painted[1]

    def _placed(self, key: tuple[int, int, bool]) -> Placed:
        """The marks of this strip's links at this size: placed before by a strip on the same text with
        the same links (a reopened comparison's Links are the same objects: the list compares at once),
        or placed now. The colour of a link follows from the link and the theme (`link_colour`)."""
        memo_key = (self.pane.text(), *key)
        found = _placed.get(memo_key)
        if found is not None and found[0] == self._links:
            _placed.move_to_end(memo_key)
            return found[1]
        darker: dict[int, QColor] = {}  # a handful of colours for thousands of marks

        def shade(link: Link) -> QColor:
            colour = self._colour(link)
            found = darker.get(colour.rgba())
            if found is None:
                found = darker[colour.rgba()] = colour.darker(115)
            return found

        placed = [(rect, shade(link)) for rect, link in self.mark_rects()]
        _placed[memo_key] = (self._links, placed)
        _placed.move_to_end(memo_key)
        while len(_placed) > PLACED_KEPT:
            _placed.popitem(last=False)
        return placed

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.window())
        for rect, colour in self._marks():
            painter.fillRect(rect, colour)
        length = max(1, len(self.pane.text()))
        outline = palette.text().color()
        for start, end in self._current:
            top = self.height() * start / length
            bottom = max(top + 3, self.height() * end / length)
            painter.fillRect(QRectF(0, top, self.width(), bottom - top), outline)
        first, last = self.pane.visible_range()
        view = QRectF(0.5, self.height() * first / length, self.width() - 1, 0)
        view.setBottom(max(view.top() + 4, self.height() * last / length))
        shade = QColor(outline)
        shade.setAlpha(40)
        painter.fillRect(view, shade)
        painter.setPen(outline)
        painter.drawRect(view)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.height() > 0:
            fraction = min(max(event.position().y() / self.height(), 0.0), 1.0)
            self.pane.scroll_to(round(fraction * len(self.pane.text())), 0.5)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.mousePressEvent(event)
            return
        super().mouseMoveEvent(event)


def forget_placed() -> None:
    """Drop every kept strip's marks (tests)."""
    _placed.clear()
