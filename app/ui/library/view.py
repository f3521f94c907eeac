"""The library tab: the search box above the table of speeches, and the table's selection.

The view knows rows and selection; what a search or a double-click means is the main window's business.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView, QVBoxLayout, QWidget

from app.ui.common.library_service import LibraryRow
from app.ui.common.widget_setup import setup_result_table
from app.ui.library.model import ID_ROLE, Column, LibraryFilterProxy, LibraryModel
from app.ui.library.search_panel import SearchBox

#: Widest a column gets when fitted to its contents (long titles are elided and shown in full on hover).
_WIDEST = {Column.TITLE: 380, Column.ORGANISATION: 200, Column.TAGS: 200}
#: The title never gets narrower than this when making room for the other columns.
_NARROWEST_TITLE = 200


class LibraryView(QWidget):
    #: A row was double-clicked: the speech's id.
    row_activated = Signal(int)
    #: The selected speeches changed.
    selection_changed = Signal()

    def __init__(self, search_delay_ms: int = 250, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = LibraryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search_box = SearchBox(self, delay_ms=search_delay_ms)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        setup_result_table(self.table, selection=QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        # One line of text per row with a little air, rather than the style's taller default.
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        # Right-click a column header to show or hide columns (remembered with the header state).
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        self.table.doubleClicked.connect(lambda index: self.row_activated.emit(index.data(ID_ROLE)))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.columns_fitted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table, 1)

    # --- rows ---------------------------------------------------------------------------------------------
    def set_rows(self, rows: list[LibraryRow]) -> None:
        """Show these rows, keeping the selection; columns fit their contents the first time."""
        selected = set(self.selected_ids())
        self.model.set_rows(rows)
        if rows and not self.columns_fitted:
            self.fit_columns()
        self._select(selected)

    def rows(self) -> list[LibraryRow]:
        return self.model.rows()

    def row(self, doc_id: int) -> LibraryRow | None:
        index = self.model.row_of(doc_id)
        return self.model.row_at(index) if index >= 0 else None

    def visible_titles(self) -> list[str]:
        """The titles the table shows, top to bottom (what the user sees)."""
        return [self.proxy.index(row, Column.TITLE).data() for row in range(self.proxy.rowCount())]

    def shown_count(self) -> int:
        return self.proxy.rowCount()

    # --- selection ----------------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ID_ROLE) for index in sorted(rows, key=QModelIndex.row)]

    def select_ids(self, ids: Iterable[int]) -> None:
        """Select these speeches and make the first one current (scrolled into view)."""
        ids = list(ids)
        first = self.proxy_row(ids[0]) if ids else -1
        if first >= 0:
            self.table.setCurrentIndex(self.proxy.index(first, 0))
            self.table.scrollTo(self.proxy.index(first, 0))
        self._select(set(ids))

    def _select(self, ids: set[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        if not ids:
            return
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) in ids:
                selection.select(index, flags)

    def proxy_row(self, doc_id: int) -> int:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == doc_id:
                return row
        return -1

    # --- columns ------------------------------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Size columns to their contents and headers once (the user's widths are remembered after that)."""
        self.table.resizeColumnsToContents()
        for column, widest in _WIDEST.items():
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        # Every column in view when the window is wide enough: the title gives up what the others need
        # (long English headers would otherwise push Length off the right edge behind a scroll bar).
        header = self.table.horizontalHeader()
        overflow = header.length() - self.table.viewport().width()
        if header.stretchLastSection():  # the stretched last column never gets narrower than the default
            last = header.logicalIndex(header.count() - 1)
            overflow += max(0, header.defaultSectionSize() - header.sectionSize(last))
        title = self.table.columnWidth(Column.TITLE)
        if overflow > 0 and self.table.viewport().width() > 0:
            self.table.setColumnWidth(Column.TITLE, max(_NARROWEST_TITLE, title - overflow))
        self.columns_fitted = True

    def column_menu(self) -> QMenu:
        """Checkable entries for every column but the title, which always stays."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in Column:
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != Column.TITLE)
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        return menu

    def _show_header_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        self.column_menu().popup(header.mapToGlobal(pos))

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        if not state.isEmpty():
            self.columns_fitted = self.table.horizontalHeader().restoreState(state)
