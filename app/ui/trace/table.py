"""A read-only, sortable results table whose rows carry their payload, shared by every Trace panel.

Numbers sort as numbers (Qt.UserRole holds the sort key), and each row keeps the result object it shows so
that a double-click hands the panel the result, not a row number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from app.ui.common.widget_setup import setup_result_table

SORT_ROLE = Qt.ItemDataRole.UserRole
PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1


class _Item(QTableWidgetItem):
    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None and theirs is not None and type(mine) is type(theirs):
            return bool(mine < theirs)
        return super().__lt__(other)


def percent(value: float) -> str:
    return f"{value:.1%}"


def excerpt(text: str, chars: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= chars else flat[: chars - 1] + "…"


def in_context(before: str, match: str, after: str, context: int = 12, chars: int = 50) -> str:
    """`…before【match】after…` on one line, the match shortened in the middle when long."""
    flat = " ".join(match.split())
    if len(flat) > chars:
        flat = flat[: chars // 2] + "…" + flat[-(chars // 2 - 1) :]
    left = " ".join(before.split())[-context:]
    right = " ".join(after.split())[:context]
    return f"…{left}【{flat}】{right}…"


class ResultTable(QTableWidget):
    """Rows of (text, sort key) cells plus a payload; `activated_payload` on double-click or Return."""

    activated_payload = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        setup_result_table(self)
        self.setAlternatingRowColors(True)
        self.cellDoubleClicked.connect(lambda row, _column: self._activate(row))
        self.cellActivated.connect(lambda row, _column: self._activate(row))

    def set_headers(self, headers: Sequence[str]) -> None:
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))

    def set_rows(self, rows: Sequence[tuple[Sequence[tuple[str, Any]], object]]) -> None:
        """Each row: cells as (shown text, sort key or None), and the payload the row stands for."""
        self.setSortingEnabled(False)
        self.clearContents()
        self.setRowCount(len(rows))
        for r, (cells, payload) in enumerate(rows):
            for c, (text, key) in enumerate(cells):
                item = _Item(text)
                item.setToolTip(text if len(text) > 20 else "")
                if key is not None:
                    item.setData(SORT_ROLE, key)
                    if isinstance(key, (int, float)) and len(text) <= 10:  # numbers, not excerpts
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(PAYLOAD_ROLE, payload)
                self.setItem(r, c, item)
        self.setSortingEnabled(True)

    def payload(self, row: int) -> object:
        item = self.item(row, 0)
        return None if item is None else item.data(PAYLOAD_ROLE)

    def current_payload(self) -> object:
        return self.payload(self.currentRow()) if self.currentRow() >= 0 else None

    def _activate(self, row: int) -> None:
        payload = self.payload(row)
        if payload is not None:
            self.activated_payload.emit(payload)
