"""The search box and the facet lists that narrow the library table.

Typing is debounced so that a full-text search over every speech runs once per pause, not per keystroke.
Facets (genre, year, speaker, tag) are checkable lists with counts, rebuilt whenever the library changes;
checked values survive the rebuild so that an import does not reset what the user was looking at.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain

from PySide6.QtCore import QCollator, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QWidget

from app.ui.common.library_service import LibraryRow
from app.ui.library.model import FACETS

FACET_ORDER = ("genre", "year", "speaker", "tag")
_NAME_ROLE = Qt.ItemDataRole.UserRole + 10
_VALUE_ROLE = Qt.ItemDataRole.UserRole + 11


class SearchBox(QLineEdit):
    """Emits `query_changed` after the user stops typing for `delay_ms` (at once on Enter)."""

    query_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, delay_ms: int = 250) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._emit)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(self.tr("Search titles, speakers, tags and full text…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _emit(self) -> None:
        self._timer.stop()
        self.query_changed.emit(self.text().strip())

    def set_query(self, text: str) -> None:
        """Show `text` and search for it now (a restored search need not wait for typing to pause)."""
        self.setText(text)
        self._emit()


class FacetPanel(QTreeWidget):
    """Facet groups with checkable values; `facets_changed` carries {facet: set of checked values}."""

    facets_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self._groups: dict[str, QTreeWidgetItem] = {}
        for name in FACET_ORDER:
            group = QTreeWidgetItem(self)
            group.setData(0, _NAME_ROLE, name)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self._groups[name] = group
        self._collator = QCollator(QLocale("zh_CN"))
        self._updating = False
        self.itemChanged.connect(self._on_item_changed)
        self.retranslate_ui()

    def group_titles(self) -> dict[str, str]:
        return {
            "genre": self.tr("Genre"),
            "year": self.tr("Year"),
            "speaker": self.tr("Speaker"),
            "tag": self.tr("Tag"),
        }

    def retranslate_ui(self) -> None:
        titles = self.group_titles()
        self._updating = True
        for name, group in self._groups.items():
            group.setText(0, titles[name])
        self._updating = False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_rows(self, rows: Iterable[LibraryRow]) -> None:
        """Recount every facet value from the library's rows, keeping the user's checks."""
        rows = list(rows)
        checked = self.checked()
        self._updating = True
        for name, group in self._groups.items():
            counts = Counter(chain.from_iterable(map(FACETS[name], rows)))
            expanded = group.isExpanded()
            group.takeChildren()
            values = (
                sorted(counts, reverse=True) if name == "year" else sorted(counts, key=self._collator.sortKey)
            )
            for value in values:
                item = QTreeWidgetItem(group, [f"{value} ({counts[value]})"])
                item.setData(0, _NAME_ROLE, name)
                item.setData(0, _VALUE_ROLE, value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                wanted = value in checked.get(name, set())
                item.setCheckState(0, Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            group.setExpanded(expanded or name in ("genre", "year"))
        self._updating = False
        if self.checked() != checked:
            self.facets_changed.emit(self.checked())

    def checked(self) -> dict[str, set[str]]:
        result: dict[str, set[str]] = {}
        for name, group in self._groups.items():
            for i in range(group.childCount()):
                item = group.child(i)
                if item.checkState(0) == Qt.CheckState.Checked:
                    result.setdefault(name, set()).add(item.data(0, _VALUE_ROLE))
        return result

    def set_checked(self, name: str, value: str, checked: bool = True) -> None:
        group = self._groups[name]
        for i in range(group.childCount()):
            item = group.child(i)
            if item.data(0, _VALUE_ROLE) == value:
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def clear_checks(self) -> None:
        self._updating = True
        for group in self._groups.values():
            for i in range(group.childCount()):
                group.child(i).setCheckState(0, Qt.CheckState.Unchecked)
        self._updating = False
        self.facets_changed.emit({})

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if not self._updating and item.data(0, _VALUE_ROLE) is not None:
            self.facets_changed.emit(self.checked())
