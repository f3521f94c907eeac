"""One pane of the compare view: header, reading pane and overview strip, for one document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.ui.compare.compute import CompareDocument
from app.ui.compare.links import Link
from app.ui.compare.overview import OverviewBar
from app.ui.compare.pane_header import PaneHeader
from app.ui.pane import held_text
from app.ui.pane.reading_pane import ReadingPane


class ComparePane(QWidget):
    def __init__(
        self,
        index: int,
        document: CompareDocument,
        colour: Callable[[Link], QColor],
        parent: QWidget | None = None,
        *,
        numbered: bool = False,
    ) -> None:
        super().__init__(parent)
        self.index = index
        self.document = document
        self.header = PaneHeader(document.meta, len(document.text), self)
        title = document.label
        if numbered:
            title = f"{index + 1} · {title}"
        if title != document.meta.title:
            self.header.document_header.set_meta(replace(document.meta, title=title))
        self.reader = ReadingPane(document.text, self)
        # Lines wrap at the pane's width; a horizontal bar would only flicker in while panes resize.
        self.reader.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview = OverviewBar(self.reader, colour, self)
        # Eight panes' text, bars and headers would make one long first paint: each pane is drawn in a turn.
        held_text.hold(self.reader, [self.reader.verticalScrollBar(), self.overview, self.header])
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.reader, 1)
        body.addWidget(self.overview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
