"""The passage list (Draftable's change list): every passage of the comparison in a sortable, filterable table.

A model over the comparison's passages (row = passage number), a sort role with native values, a proxy
that filters by minimum length, kind and pair, and the dock that holds the filters and the view. Selecting
a row asks the view to bring both sides into view.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.passages import Passage
from app.ui.common.widget_setup import setup_result_table

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2
EXCERPT_CHARS = 60

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Col(IntEnum):
    PAIR = 0
    A_SPAN = 1
    B_SPAN = 2
    LENGTH = 3
    SIMILARITY = 4
    KIND = 5
    TEXT = 6


_SORT_KEYS = {
    Col.PAIR: lambda p: (p.a, p.b, p.a_start),
    Col.A_SPAN: lambda p: (p.a_start, p.a, p.b),
    Col.B_SPAN: lambda p: (p.b_start, p.b, p.a),
    Col.LENGTH: lambda p: len(p.a_text),
    Col.SIMILARITY: lambda p: p.similarity,
    Col.KIND: lambda p: p.kind,
    Col.TEXT: lambda p: p.a_text,
}


class PassageTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._passages: list[Passage] = []
        self._labels: list[str] = []
        self._colours: list[QColor | None] = []
        self._order: list[int] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_passages(
        self, passages: Sequence[Passage], labels: Sequence[str], colours: Sequence[QColor | None] = ()
    ) -> None:
        self.beginResetModel()
        self._passages = list(passages)
        self._order = list(range(len(self._passages)))
        if self._sort is not None:  # inside the reset: a sort after it would make the proxy filter again
            self._sort_order(*self._sort)
        self._labels = list(labels)
        self._colours = list(colours) or [None] * len(self._passages)
        self.endResetModel()

    def set_colours(self, colours: Sequence[QColor | None]) -> None:
        """New swatches (after a theme change) without resetting rows, selection or sort."""
        self._colours = list(colours)
        if self._passages:
            self.dataChanged.emit(
                self.index(0, Col.PAIR),
                self.index(len(self._passages) - 1, Col.PAIR),
                [Qt.ItemDataRole.DecorationRole],
            )

    def passage(self, row: int) -> Passage:
        return self._passages[self._order[row]]

    def row_of(self, number: int) -> int:
        """The row showing passage `number` (-1 when there is none)."""
        try:
            return self._order.index(number)
        except ValueError:
            return -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort here, with Python keys: a proxy would call `data()` from C++ for every comparison."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = list(self._order)
        self._sort_order(column, order)
        position = {number: row for row, number in enumerate(self._order)}
        for persistent in self.persistentIndexList():
            number = old[persistent.row()]
            self.changePersistentIndex(persistent, self.index(position[number], persistent.column()))
        self.layoutChanged.emit()

    def _sort_order(self, column: int, order: Qt.SortOrder) -> None:
        key = _SORT_KEYS[Col(column)]
        self._order.sort(key=lambda n: key(self._passages[n]), reverse=order == Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._passages)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Documents"),
            self.tr("Position A"),
            self.tr("Position B"),
            self.tr("Length"),
            self.tr("Similarity"),
            self.tr("Kind"),
            self.tr("Text"),
        )[section]

    def _short(self, doc: int) -> str:
        """Numbers with three or more speeches (as in the pane headers), else the short title."""
        if len(self._labels) > 2:
            return str(doc + 1)
        label = self._labels[doc] if doc < len(self._labels) else str(doc)
        return label if len(label) <= 12 else label[:11] + "…"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        number = self._order[index.row()]
        p = self._passages[number]
        col = Col(index.column())
        if role == NUMBER_ROLE:
            return number
        if role == SORT_ROLE:
            return _SORT_KEYS[col](p)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.PAIR:
                return f"{self._short(p.a)} ↔ {self._short(p.b)}"
            if col == Col.A_SPAN:
                return f"{p.a_start:,}–{p.a_end:,}"
            if col == Col.B_SPAN:
                return f"{p.b_start:,}–{p.b_end:,}"
            if col == Col.LENGTH:
                return len(p.a_text)
            if col == Col.SIMILARITY:
                return f"{p.similarity:.0%}"
            if col == Col.KIND:
                return self.tr("formula") if p.kind == "formula" else self.tr("copy")
            text = " ".join(p.a_text.split())
            return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.TEXT:
            return f"{p.a_text}\n———\n{p.b_text}"
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.PAIR and len(self._labels) > max(p.a, p.b):
            return f"{self._labels[p.a]}\n{self._labels[p.b]}"
        swatch_column = Col.PAIR if len(self._labels) > 2 else Col.A_SPAN  # the pair column hides for two
        if role == Qt.ItemDataRole.DecorationRole and col == swatch_column:
            colour = self._colours[number] if number < len(self._colours) else None
            return colour
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Col.LENGTH, Col.SIMILARITY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PassageFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.min_length = 0
        self.kind = ""
        self.pair: tuple[int, int] | None = None
        self.setSortRole(SORT_ROLE)

    @contextmanager
    def _filter_change(self) -> Iterator[None]:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            yield
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            yield
            self.invalidateRowsFilter()

    def set_filters(
        self,
        *,
        min_length: int | None = None,
        kind: str | None = None,
        pair: tuple[int, int] | str | None = "",
    ) -> None:
        """Change any of the filters; `pair=None` shows every pair, `kind=""` every kind."""
        with self._filter_change():
            if min_length is not None:
                self.min_length = min_length
            if kind is not None:
                self.kind = kind
            if pair != "":
                self.pair = pair  # type: ignore[assignment]

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not (self.min_length or self.kind or self.pair is not None):
            return True  # no filter (a first fill asks this of each of thousands of rows)
        model = self.sourceModel()
        if not isinstance(model, PassageTableModel):
            return True
        p = model.passage(source_row)
        if len(p.a_text) < self.min_length and len(p.b_text) < self.min_length:
            return False
        if self.kind and p.kind != self.kind:
            return False
        return self.pair is None or (p.a, p.b) == self.pair

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the source model (fast keys); the proxy keeps its order and only filters."""
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)


#: The filled table is painted this long after `set_passages` at the latest (see `paint_filled`).
PAINT_FILLED_MS = 200


def _pair_key(pair: tuple[int, int]) -> str:
    """Combo data for a pair (a string: Qt would turn a tuple into a list and never find it again)."""
    return f"{pair[0]},{pair[1]}"


class PassageDock(QDockWidget):
    """The passage list with its filters; emits `passage_selected(number)`."""

    passage_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare-passages")
        self.model = PassageTableModel(self)
        self.proxy = PassageFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Col.A_SPAN, Qt.SortOrder.AscendingOrder)
        setup_result_table(self.table)
        # Fixed widths: ResizeToContents would read every row of a few thousand on each reset.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (Col.PAIR, 70),
            (Col.A_SPAN, 110),
            (Col.B_SPAN, 110),
            (Col.LENGTH, 60),
            (Col.SIMILARITY, 70),
            (Col.KIND, 60),
        ):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.min_length = QSpinBox()
        self.min_length.setRange(0, 10_000)
        self.min_length.valueChanged.connect(lambda value: self.proxy.set_filters(min_length=value))
        self.kind = QComboBox()
        self.kind.currentIndexChanged.connect(lambda _i: self.proxy.set_filters(kind=self.kind.currentData()))
        self.pair = QComboBox()
        self.pair.currentIndexChanged.connect(lambda _i: self.proxy.set_filters(pair=self.current_pair()))
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._min_label, self._kind_label, self._pair_label = QLabel(), QLabel(), QLabel()
        filters = QHBoxLayout()
        filters.setContentsMargins(4, 2, 4, 2)
        for label, widget in (
            (self._min_label, self.min_length),
            (self._kind_label, self.kind),
            (self._pair_label, self.pair),
        ):
            if filters.count():
                filters.addSpacing(8)  # a gap between one filter and the next filter's label
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self._labels: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self._min_label.setText(self.tr("Min. length"))
        self._kind_label.setText(self.tr("Kind"))
        self._pair_label.setText(self.tr("Pair"))
        kind = self.kind.currentData() or ""
        self.kind.blockSignals(True)
        self.kind.clear()
        for text, data in ((self.tr("All"), ""), (self.tr("Copy"), "copy"), (self.tr("Formula"), "formula")):
            self.kind.addItem(text, data)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.blockSignals(False)
        self._fill_pairs()
        self._update_count()

    def _fill_pairs(self) -> None:
        current = self.pair.currentData()
        self.pair.blockSignals(True)
        self.pair.clear()
        self.pair.addItem(self.tr("All pairs"), None)
        n = len(self._labels)
        for a in range(n):
            for b in range(a + 1, n):
                self.pair.addItem(f"{self._labels[a]} ↔ {self._labels[b]}", _pair_key((a, b)))
        index = self.pair.findData(current) if current is not None else 0
        self.pair.setCurrentIndex(max(0, index))
        self.pair.blockSignals(False)

    def set_passages(
        self, passages: Sequence[Passage], labels: Sequence[str], colours: Sequence[QColor | None] = ()
    ) -> None:
        self._labels = list(labels)
        self._fill_pairs()
        # Painted once, filled (`paint_filled`): the reset, the view's own later layout of the rows and the
        # scroll bar that layout shows each repainted the whole table in a turn of its own (~4 ms each with
        # eight speeches' rows, a Python data() call per cell and role), between the compare view's steps.
        self.table.setUpdatesEnabled(False)
        # Filters first, rows second: the proxy then filters the new rows once, not twice (2,510 rows
        # with eight speeches, each a Python call).
        self.proxy.set_filters(pair=self.current_pair())
        self.model.set_passages(passages, labels, colours)
        two = len(labels) == 2
        self.table.setColumnHidden(Col.PAIR, two)
        self.pair.setVisible(not two)
        self._pair_label.setVisible(not two)
        self.table.doItemsLayout()  # now, not in a later turn
        QTimer.singleShot(PAINT_FILLED_MS, self.paint_filled)  # unless the caller says so sooner

    def paint_filled(self) -> None:
        """Paint the table filled by `set_passages`: call it an event-loop turn later, once the scroll area
        has laid out its bars (the compare view queues it as a step of its own)."""
        self.table.setUpdatesEnabled(True)

    def set_pair(self, pair: tuple[int, int] | None) -> None:
        """Show only the passages of documents `pair` (a < b), or of every pair (None)."""
        self.pair.setCurrentIndex(max(0, self.pair.findData(_pair_key(pair))) if pair is not None else 0)

    def current_pair(self) -> tuple[int, int] | None:
        data = self.pair.currentData()
        if not data:
            return None
        a, b = (int(part) for part in str(data).split(","))
        return a, b

    def visible_numbers(self) -> list[int]:
        """Passage numbers of the rows shown, top to bottom."""
        return [self.proxy.index(row, 0).data(NUMBER_ROLE) for row in range(self.proxy.rowCount())]

    def select_number(self, number: int) -> None:
        """Select the row of passage `number` (if shown) without emitting `passage_selected`."""
        source = self.model.index(self.model.row_of(number), 0)
        row = self.proxy.mapFromSource(source)
        if not row.isValid():
            self.table.clearSelection()
            return
        self.table.selectionModel().blockSignals(True)
        self.table.selectionModel().setCurrentIndex(
            row, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(row)
        self.table.viewport().update()

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.passage_selected.emit(current.data(NUMBER_ROLE))

    def _update_count(self, *_args) -> None:
        # The count lives in the title bar, where a narrow dock still has room for it.
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        count = self.tr("{0} of {1}").format(shown, total) if shown != total else str(total)
        self.setWindowTitle(self.tr("Passages ({0})").format(count))
