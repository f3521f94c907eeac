"""The copy network drawn as a graph: speeches along a time axis, arrows from the earlier to the later one.

Dated speeches sit left to right in date order (undated ones at the right end), alternating in height so
labels do not collide; an edge's width grows with the copied share of the later speech. Clicking an edge
asks for that pair side by side.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

_MARGIN = 24
#: Room at the sides for the labels centred under the first and last speech.
_SIDE = 70
_RADIUS = 6
#: Rows the speeches alternate between, and the widest a label gets.
_LEVELS = 4
_LABEL_WIDTH = 130
#: Above this many speeches on view the labels would be a smear: dots only (the tooltip names each).
LABELLED_NODES = 60


def _label(node, *, full: bool = False) -> str:  # type: ignore[no-untyped-def]
    """Month and title under the dot; the full date and title in the tooltip."""
    date = node.date if full else node.date[:7]
    return f"{date} {node.title or f'#{node.id}'}".strip()


class NetworkView(QWidget):
    #: The user clicked an edge: (source id, target id).
    edge_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._network = None
        self._edges: tuple = ()
        self._positions: dict[int, QPointF] = {}
        self.setMinimumHeight(180)

    def sizeHint(self) -> QSize:
        return QSize(500, 260)

    def set_network(self, network, max_edges: int | None = None) -> None:  # type: ignore[no-untyped-def]
        """Show `network`, drawing its strongest `max_edges` edges (all by default) and their speeches."""
        self._network = network
        self._edges = tuple(network.edges[:max_edges]) if network is not None else ()
        self._positions = {}
        self.update()

    def node_ids(self) -> list[int]:
        """The speeches drawn (those with at least one edge), left to right."""
        return list(self._layout())

    def _layout(self) -> dict[int, QPointF]:
        if self._network is None:
            return {}
        linked = {e.source.id for e in self._edges} | {e.target.id for e in self._edges}
        nodes = [n for n in self._network.nodes if n.id in linked]
        if not nodes:
            return {}
        width = max(self.width() - 2 * _SIDE, 1)
        height = max(self.height() - 2 * _MARGIN, 1)
        step = width / max(len(nodes) - 1, 1)
        levels = _LEVELS
        positions = {}
        for i, node in enumerate(nodes):
            y = _MARGIN + height * (0.15 + 0.7 * (i % levels) / (levels - 1))
            positions[node.id] = QPointF(_SIDE + i * step if len(nodes) > 1 else self.width() / 2, y)
        return positions

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._positions = positions = self._layout()
        if self._network is None or not positions:
            painter.end()
            return
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        undirected = QColor(text)
        undirected.setAlphaF(0.45)
        for edge in self._edges:
            a, b = positions[edge.source.id], positions[edge.target.id]
            pen = QPen(accent if edge.directed else undirected, 1 + 5 * edge.target_ratio)
            painter.setPen(pen)
            path = QPainterPath(a)
            bend = QPointF((a.x() + b.x()) / 2, min(a.y(), b.y()) - 0.15 * abs(b.x() - a.x()))
            path.quadTo(bend, b)
            painter.drawPath(path)
            if edge.directed:
                self._arrow(painter, bend, b, accent)
        metrics = QFontMetrics(self.font())
        nodes = {n.id: n for n in self._network.nodes if n.id in positions}
        room = self.label_width()
        crowded = len(positions) > LABELLED_NODES  # a scanned library: dots, titles in the tooltips
        radius = 2 if crowded else _RADIUS
        for doc_id, point in positions.items():
            painter.setPen(QPen(text, 1))
            painter.setBrush(palette.color(QPalette.ColorRole.Window))
            painter.drawEllipse(point, radius, radius)
            if crowded:
                continue
            label = metrics.elidedText(_label(nodes[doc_id]), Qt.TextElideMode.ElideRight, room)
            painter.drawText(
                QRectF(point.x() - room / 2, point.y() + _RADIUS + 1, room, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        painter.end()

    def label_width(self) -> int:
        """What a label may take: labels on the same row never run into each other (the full label is in
        the node's tooltip)."""
        positions = list((self._positions or self._layout()).values())
        if len(positions) <= _LEVELS:
            return _LABEL_WIDTH
        same_row = positions[_LEVELS].x() - positions[0].x()
        return max(24, min(_LABEL_WIDTH, int(same_row) - 8))

    def node_at(self, point: QPointF):  # type: ignore[no-untyped-def]
        """The speech whose dot or label is under `point`."""
        if self._network is None:
            return None
        room = self.label_width()
        height = QFontMetrics(self.font()).height()
        nodes = {n.id: n for n in self._network.nodes}
        for doc_id, centre in (self._positions or self._layout()).items():
            area = QRectF(centre.x() - room / 2, centre.y() - _RADIUS, room, 2 * _RADIUS + 1 + height)
            if area.contains(point):
                return nodes[doc_id]
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            node = self.node_at(QPointF(event.pos()))
            if node is not None:
                QToolTip.showText(event.globalPos(), _label(node, full=True), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    @staticmethod
    def _arrow(painter: QPainter, towards_from: QPointF, tip: QPointF, colour: QColor) -> None:
        angle = math.atan2(tip.y() - towards_from.y(), tip.x() - towards_from.x())
        back = QPointF(tip.x() - (_RADIUS + 1) * math.cos(angle), tip.y() - (_RADIUS + 1) * math.sin(angle))
        path = QPainterPath(back)
        for turn in (2.6, -2.6):
            path.lineTo(back.x() + 9 * math.cos(angle + turn), back.y() + 9 * math.sin(angle + turn))
        path.closeSubpath()
        painter.fillPath(path, colour)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        edge = self.edge_at(event.position())
        if edge is not None:
            self.edge_clicked.emit(edge.source.id, edge.target.id)
        super().mousePressEvent(event)

    def edge_at(self, point: QPointF):  # type: ignore[no-untyped-def]
        """The edge whose curve passes within a few pixels of `point`."""
        if self._network is None:
            return None
        positions = self._positions or self._layout()
        best, best_distance = None, 6.0
        for edge in self._edges:
            a, b = positions.get(edge.source.id), positions.get(edge.target.id)
            if a is None or b is None:
                continue
            bend = QPointF((a.x() + b.x()) / 2, min(a.y(), b.y()) - 0.15 * abs(b.x() - a.x()))
            for i in range(21):
                t = i / 20
                x = (1 - t) ** 2 * a.x() + 2 * (1 - t) * t * bend.x() + t**2 * b.x()
                y = (1 - t) ** 2 * a.y() + 2 * (1 - t) * t * bend.y() + t**2 * b.y()
                distance = math.hypot(x - point.x(), y - point.y())
                if distance < best_distance:
                    best, best_distance = edge, distance
        return best
