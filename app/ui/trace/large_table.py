"""A results table for tens of thousands of rows: the same rows as `ResultTable`, behind a model.

`ResultTable` makes one item per cell, which is fine for a page of results and far too slow for the copy
network of a scanned library (60,000 pairs × 7 cells took 21 s here). This view keeps the results as they
are given and makes the cells of a row only when Qt paints it (`set_items`); sorting is one Python sort.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QTableView, QWidget

from app.ui.common.widget_setup import setup_result_table

Cells = Sequence[tuple[str, Any]]
Row = tuple[Cells, object]
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _RowsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        #: the results, and how to get a result's cells and payload
        self.items: list[Any] = []
        self.cells_of: Callable[[Any], Cells] = lambda row: row[0]
        self.payload_of: Callable[[Any], object] = lambda row: row[1]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if section < len(self.headers) else None
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        text, key = self.cells_of(self.items[index.row()])[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 20 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(key, int | float) and len(text) <= 10:
            return int(_RIGHT.value)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        def key(item: Any) -> tuple[int, Any]:
            text, value = self.cells_of(item)[column]
            if isinstance(value, int | float):
                return (0, value)
            return (1, text if value is None else str(value))

        self.layoutAboutToBeChanged.emit()
        self.items.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class LargeResultTable(QTableView):
    """`ResultTable`'s interface (`set_headers`, `set_rows`, `payload`, `activated_payload`) for many rows,
    and `set_items` for results whose cells are made only when shown."""

    activated_payload = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_model = _RowsModel(self)
        self.setModel(self.rows_model)
        setup_result_table(self)
        self.setAlternatingRowColors(True)
        # column widths from the first rows (Qt's default of 1,000 rows asks Python for 7,000 cells: 1 s)
        self.horizontalHeader().setResizeContentsPrecision(100)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the given order
        self.setSortingEnabled(True)
        self.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.activated.connect(lambda index: self._activate(index.row()))

    def set_headers(self, headers: Sequence[str]) -> None:
        self.rows_model.beginResetModel()
        self.rows_model.headers = list(headers)
        self.rows_model.endResetModel()

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Rows of (cells, payload), in the order given (any earlier sort by a column is dropped)."""
        self.set_items(rows, lambda row: row[0], lambda row: row[1])

    def set_items(
        self,
        items: Sequence[Any],
        cells: Callable[[Any], Cells],
        payload: Callable[[Any], object] = lambda item: item,
    ) -> None:
        """One row per item, its cells made by `cells(item)` when shown; the payload is the item itself."""
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        model = self.rows_model
        model.beginResetModel()
        model.items, model.cells_of, model.payload_of = list(items), cells, payload
        model.endResetModel()

    def rowCount(self) -> int:
        return self.rows_model.rowCount()

    def text(self, row: int, column: int) -> str:
        model = self.rows_model
        return str(model.cells_of(model.items[row])[column][0])

    def payload(self, row: int) -> object:
        model = self.rows_model
        return model.payload_of(model.items[row]) if 0 <= row < len(model.items) else None

    def current_payload(self) -> object:
        return self.payload(self.currentIndex().row())

    def _activate(self, row: int) -> None:
        payload = self.payload(row)
        if payload is not None:
            self.activated_payload.emit(payload)
