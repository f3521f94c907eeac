"""The outline of a speech as a tree: `一、` → `（一）` → `1.` → `（1）`, and `一是…二是…` under their heading.

It is a plain widget, so the main window can put it in a dock and the reader can embed it in a splitter.
Activating an entry (click, or Enter on the keyboard) emits `heading_activated` with the heading's code-point
offset; the reader scrolls its pane there. `follow(offset)` selects the section the reader is showing.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from app.core.structure import Heading, outline

_OFFSET_ROLE = Qt.ItemDataRole.UserRole


def entry_text(heading: Heading) -> str:
    """`一、总体要求`, `（一）指导思想`, `1. 基本原则`: a space only after a full stop."""
    gap = " " if heading.label.endswith((".", "．")) else ""
    return f"{heading.label}{gap}{heading.title}".strip()


class OutlineView(QTreeWidget):
    """A tree of the headings of one text."""

    #: Code-point offset of the heading the user picked.
    heading_activated = Signal(int)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setUniformRowHeights(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setExpandsOnDoubleClick(False)
        self._headings: list[Heading] = []
        self._items: list[QTreeWidgetItem] = []
        self._placeholder: QTreeWidgetItem | None = None
        self.itemClicked.connect(self._on_item_activated)
        self.itemActivated.connect(self._on_item_activated)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.set_headings(outline(text) if text else [])

    def set_headings(self, headings: list[Heading]) -> None:
        """Build the tree; a heading nests under the nearest earlier heading of a smaller level."""
        self.clear()
        self._headings = list(headings)
        self._items = []
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for heading in self._headings:
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            parent = stack[-1][1] if stack else self.invisibleRootItem()
            item = QTreeWidgetItem(parent, [entry_text(heading)])
            item.setData(0, _OFFSET_ROLE, heading.start)
            item.setToolTip(0, f"{heading.label}{heading.title}")
            stack.append((heading.level, item))
            self._items.append(item)
        self._placeholder: QTreeWidgetItem | None = None
        if not self._headings:
            self._placeholder = QTreeWidgetItem(self)
            self._placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        self.setRootIsDecorated(any(h.level > self._headings[0].level for h in self._headings[1:]))
        self.expandAll()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Every visible string; called at start and whenever the language changes."""
        if self._placeholder is not None:
            self._placeholder.setText(0, self.tr("No headings found"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def headings(self) -> list[Heading]:
        return list(self._headings)

    def item_for(self, index: int) -> QTreeWidgetItem:
        """The tree item of the `index`-th heading (text order)."""
        return self._items[index]

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        offset = item.data(0, _OFFSET_ROLE)
        if offset is not None:
            self.heading_activated.emit(int(offset))

    def follow(self, offset: int) -> None:
        """Select the last heading at or before `offset` without emitting `heading_activated`."""
        starts = [h.start for h in self._headings]
        index = bisect_right(starts, offset) - 1
        if index < 0:
            self.clearSelection()
            return
        item = self._items[index]
        if self.currentItem() is not item:
            blocked = self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(blocked)
            self.scrollToItem(item)
