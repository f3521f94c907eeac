"""The library table: a Qt model over plain row dataclasses, and a proxy that filters it.

Rows are built from what the store returns, so ORM objects never reach Qt. Strings sort with QCollator, so
Chinese titles and names sort by pinyin the way a Chinese reader expects rather than by code point.
The model sorts itself: it ranks each column's distinct values once with the collator and sorts rows by
rank in Python, which keeps start-up fast on thousands of speeches (a proxy `lessThan` costs two Python
`data()` calls per comparison). The proxy forwards `sort()` to the model and only filters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from enum import IntEnum
from functools import cmp_to_key
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.ui.common.library_service import LibraryRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    SPEAKER = 1
    ROLE = 2
    ORGANISATION = 3
    DATE = 4
    GENRE = 5
    TAGS = 6
    LENGTH = 7


#: The text columns and the row field each shows.
_TEXT_FIELDS = {
    Column.TITLE: "title",
    Column.SPEAKER: "speaker",
    Column.ROLE: "role",
    Column.ORGANISATION: "organisation",
    Column.DATE: "date",
    Column.GENRE: "genre",
}


def chinese_collator(locale: QLocale | None = None) -> QCollator:
    collator = QCollator(locale or QLocale("zh_CN"))
    collator.setNumericMode(True)  # 第2次 before 第10次
    return collator


class LibraryModel(QAbstractTableModel):
    """Rows of the library, kept sorted by the column the user chose (none: the store's order)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[LibraryRow] = []
        self._locale = QLocale()
        self._collator = chinese_collator()
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_collation_locale(self, locale: QLocale) -> None:
        self._collator = chinese_collator(locale)
        self._resort()

    def header_titles(self) -> dict[Column, str]:
        return {
            Column.TITLE: self.tr("Title"),
            Column.SPEAKER: self.tr("Speaker"),
            Column.ROLE: self.tr("Role"),
            Column.ORGANISATION: self.tr("Region / organisation"),
            Column.DATE: self.tr("Date"),
            Column.GENRE: self.tr("Genre"),
            Column.TAGS: self.tr("Tags"),
            Column.LENGTH: self.tr("Length"),
        }

    def retranslate(self) -> None:
        self._locale = QLocale()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    # --- Qt model interface -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return self.header_titles()[Column(section)]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.LENGTH:
                return self._locale.toString(row.chars)
            if column == Column.TAGS:
                return ", ".join(row.tags)
            return self._text(row, column)
        if role == SORT_ROLE:
            if column == Column.LENGTH:
                return row.chars
            if column == Column.TAGS:
                return ", ".join(row.tags)
            return self._text(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return row.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.LENGTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: LibraryRow, column: Column) -> str:
        return getattr(row, _TEXT_FIELDS[column])  # type: ignore[no-any-return]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._sort_rows()
        position = {id(row): i for i, row in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [self.index(position[id(before[index.row()])], index.column()) for index in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        if self._sort is not None:
            column, order = self._sort
            self._rows.sort(key=self._sort_key(Column(column)), reverse=order == Qt.SortOrder.DescendingOrder)

    def _resort(self) -> None:
        if self._sort is not None:
            self.sort(*self._sort)

    def _sort_key(self, column: Column) -> Callable[[LibraryRow], Any]:
        if column == Column.LENGTH:
            return lambda row: row.chars
        value_of = (
            (lambda row: ", ".join(row.tags)) if column == Column.TAGS else attrgetter(_TEXT_FIELDS[column])
        )
        ranked = sorted({value_of(row) for row in self._rows}, key=cmp_to_key(self._collator.compare))
        rank = {value: i for i, value in enumerate(ranked)}
        return lambda row: rank[value_of(row)]

    # --- our interface ----------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[LibraryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def rows(self) -> list[LibraryRow]:
        return list(self._rows)

    def row_at(self, row: int) -> LibraryRow:
        return self._rows[row]

    def row_of(self, doc_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.id == doc_id:
                return i
        return -1

    def upsert(self, new: LibraryRow) -> None:
        """Replace the row with the same id in place (keeps selection), or append it."""
        i = self.row_of(new.id)
        if i < 0:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(new)
            self.endInsertRows()
        else:
            self._rows[i] = new
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(Column) - 1))
        self._resort()

    def remove_ids(self, ids: Iterable[int]) -> None:
        for doc_id in set(ids):
            i = self.row_of(doc_id)
            if i >= 0:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()


#: Facet name → how a row yields its values for that facet.
FACETS: dict[str, Any] = {
    "genre": lambda row: {row.genre} if row.genre else set(),
    "year": lambda row: {row.year} if row.year else set(),
    "speaker": lambda row: {row.speaker} if row.speaker else set(),
    "tag": lambda row: set(row.tags),
}


class LibraryFilterProxy(QSortFilterProxyModel):
    """Filters by a search query (metadata here, full-text hits from the store) and facets.

    Sorting is forwarded to the source model, so the proxy keeps the source's (sorted) order.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._query = ""
        self._text_hits: frozenset[int] | None = None
        self._facets: dict[str, frozenset[str]] = {}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def set_query(self, query: str, text_hits: Iterable[int] | None = None) -> None:
        """Show rows whose metadata contains every word of `query`, plus rows in `text_hits` (full text)."""
        with self._filter_change():
            self._query = query.strip().casefold()
            self._text_hits = None if text_hits is None else frozenset(text_hits)

    def set_facets(self, facets: Mapping[str, Iterable[str]]) -> None:
        """Keep rows that have, for every facet with a selection, at least one selected value."""
        with self._filter_change():
            self._facets = {name: frozenset(values) for name, values in facets.items() if values}

    @contextmanager
    def _filter_change(self) -> Iterator[None]:
        # Qt 6.9 replaced invalidateRowsFilter() with a begin/end pair; support both (we require >= 6.6).
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            yield
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            yield
            self.invalidateRowsFilter()

    def query(self) -> str:
        return self._query

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, LibraryModel):
            return True
        row = model.row_at(source_row)
        for name, wanted in self._facets.items():
            if not FACETS[name](row) & wanted:
                return False
        if not self._query:
            return True
        if self._text_hits is not None and row.id in self._text_hits:
            return True
        haystack = row.haystack()
        return all(word in haystack for word in self._query.split())
