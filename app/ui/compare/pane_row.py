"""The compare view's centre: one pane per speech side by side, with a link map between neighbours.

Two or three panes get wide link maps that draw each shared passage as a band; more panes get narrow ones.
The row reports clicks (a mark in a pane, a band in a link map, a pane's Lead button) and leaves what they
mean to the view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSplitter

from app.ui.compare.compute import CompareDocument
from app.ui.compare.link_map import LinkMap
from app.ui.compare.links import Link
from app.ui.compare.pane import ComparePane


class PaneRow(QSplitter):
    #: A mark was clicked in pane `index` (the mark is passed on).
    mark_clicked = Signal(int, object)
    #: Pane `index` asked to become the lead.
    lead_requested = Signal(int)
    #: Passage `number` was clicked in a link map.
    passage_clicked = Signal(int)

    def __init__(self, documents: Sequence[CompareDocument], link_colour: Callable[[Link], QColor]) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setChildrenCollapsible(False)
        self.panes: list[ComparePane] = []
        for index, document in enumerate(documents):
            pane = ComparePane(index, document, link_colour, self, numbered=len(documents) > 2)
            pane.reader.mark_activated.connect(
                lambda _kind, mark, index=index: self.mark_clicked.emit(index, mark)
            )
            pane.header.lead_requested.connect(lambda index=index: self.lead_requested.emit(index))
            pane.header.lead_button.setVisible(len(documents) > 2)
            self.panes.append(pane)
        self.link_maps: list[LinkMap] = []
        map_width = 40 if len(documents) <= 3 else 16
        for index, pane in enumerate(self.panes):
            if index:
                link_map = LinkMap(self.panes[index - 1].reader, pane.reader, link_colour, map_width)
                link_map.passage_clicked.connect(self.passage_clicked)
                self.addWidget(link_map)
                self.link_maps.append(link_map)
            self.addWidget(pane)
        for index in range(self.count()):
            self.setStretchFactor(index, 0 if isinstance(self.widget(index), LinkMap) else 1)
        self.setSizes(
            [map_width if isinstance(self.widget(i), LinkMap) else 1000 for i in range(self.count())]
        )
