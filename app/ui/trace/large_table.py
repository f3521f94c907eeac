"""A results table for tens of thousands of rows: the same rows as `ResultTable`, behind a model.

`ResultTable` makes one item per cell, which is fine for a page of results and far too slow for the copy
network of a scanned library (60,000 pairs × 7 cells took 21 s here). This view keeps the rows as they
are given and lets Qt ask only for the cells it paints; sorting is one Python sort of the row list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QTableView, QWidget

from app.ui.common.widget_setup import setup_result_table

Row = tuple[Sequence[tuple[str, Any]], object]
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _RowsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[Row] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if section < len(self.headers) else None
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        text, key = self.rows[index.row()][0][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 20 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(key, int | float) and len(text) <= 10:
            return int(_RIGHT.value)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        def key(row: Row) -> tuple[int, Any]:
            text, value = row[0][column]
            return (
                (0, value) if isinstance(value, int | float) else (1, text if value is None else str(value))
            )

        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class LargeResultTable(QTableView):
    """`ResultTable`'s interface (`set_headers`, `set_rows`, `payload`, `activated_payload`) for many rows."""

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
        """Rows in the order given (any earlier sort by a column is dropped)."""
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.rows_model.beginResetModel()
        self.rows_model.rows = list(rows)
        self.rows_model.endResetModel()

    def rowCount(self) -> int:
        return self.rows_model.rowCount()

    def text(self, row: int, column: int) -> str:
        return str(self.rows_model.rows[row][0][column][0])

    def payload(self, row: int) -> object:
        return self.rows_model.rows[row][1] if 0 <= row < len(self.rows_model.rows) else None

    def current_payload(self) -> object:
        return self.payload(self.currentIndex().row())

    def _activate(self, row: int) -> None:
        payload = self.payload(row)
        if payload is not None:
            self.activated_payload.emit(payload)
