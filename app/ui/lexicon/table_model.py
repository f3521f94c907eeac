"""The formula lexicon as a table: one row per merged entry, with its source, filterable by any column.

Categories and sources are shown translated but filtered and sorted as shown, so a Chinese user can type
"用户" as well as the formula itself.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from app.ui.common.merged_lexicon import LexiconRow
from app.ui.pane.formula_marks import category_name

Index = QModelIndex | QPersistentModelIndex
CANONICAL_ROLE = Qt.ItemDataRole.UserRole + 1

#: Categories not listed in formula_marks.CATEGORY_NAMES (that list covers the shipped and pattern ones).
MORE_CATEGORY_NAMES = (
    QT_TRANSLATE_NOOP("FormulaCategory", "campaign"),
    QT_TRANSLATE_NOOP("FormulaCategory", "discovered"),
)


class Column(IntEnum):
    CANONICAL = 0
    VARIANTS = 1
    EXPANSION = 2
    CATEGORY = 3
    FIRST_YEAR = 4
    SOURCE = 5
    OUTDATED = 6


class LexiconTableModel(QAbstractTableModel):
    """Read-only rows; the dialog edits through MergedLexicon and calls `set_rows` again."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LexiconRow] = []
        #: canonical → earliest library date, once computed (None: not yet known)
        self._first_seen: dict[str, str] | None = None

    def set_rows(self, rows: list[LexiconRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_first_seen(self, first_seen: dict[str, str] | None) -> None:
        """Dates of first use in the library, shown where no official year is verified."""
        self._first_seen = first_seen
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.FIRST_YEAR), self.index(len(self._rows) - 1, Column.FIRST_YEAR)
            )

    def rows(self) -> list[LexiconRow]:
        return list(self._rows)

    def row_at(self, row: int) -> LexiconRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.CANONICAL: self.tr("Formula"),
            Column.VARIANTS: self.tr("Variants"),
            Column.EXPANSION: self.tr("Expansion"),
            Column.CATEGORY: self.tr("Category"),
            Column.FIRST_YEAR: self.tr("First used"),
            Column.SOURCE: self.tr("Source"),
            Column.OUTDATED: self.tr("Outdated wordings"),
        }.get(Column(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        entry, column = row.entry, Column(index.column())
        if role == CANONICAL_ROLE:
            return entry.canonical
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.FIRST_YEAR:
                if entry.first_year is not None:
                    return entry.first_year_source or None
                if self._first_seen is not None and entry.canonical not in self._first_seen:
                    return self.tr("No verified year of first official use, and no dated speech uses it")
                return self.tr("No verified year of first official use: first seen in the library")
            if column in (Column.CANONICAL, Column.EXPANSION):
                return "\n".join(part for part in (entry.expansion, entry.note) if part) or None
            return None
        if role == Qt.ItemDataRole.FontRole and column == Column.FIRST_YEAR and entry.first_year is None:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _text(self, row: LexiconRow, column: Column) -> str:
        entry = row.entry
        if column == Column.CANONICAL:
            return entry.canonical
        if column == Column.VARIANTS:
            return " | ".join(entry.variants)
        if column == Column.EXPANSION:
            return entry.expansion
        if column == Column.CATEGORY:
            return category_name(entry.category)
        if column == Column.FIRST_YEAR:
            if entry.first_year:
                return str(entry.first_year)
            if self._first_seen is None:
                return self.tr("in the library")
            seen = self._first_seen.get(entry.canonical)
            return self.tr("library %1").replace("%1", seen) if seen else "—"
        if column == Column.SOURCE:
            return {"shipped": self.tr("shipped"), "edited": self.tr("edited"), "user": self.tr("user")}[
                row.source
            ]
        return " | ".join(entry.outdated)


class LexiconFilter(QSortFilterProxyModel):
    """Case-insensitive substring filter over every column (formula, variants, expansion, category …)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortLocaleAware(True)

    def set_text(self, text: str) -> None:
        self.setFilterFixedString(text.strip())
