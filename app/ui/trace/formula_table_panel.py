"""Speeches × formulas: which formulas the selected speeches use, and how often (a term × document matrix)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.heatmap import heat_colour
from app.ui.common.tasks import TaskRunner
from app.ui.trace.panel import LibraryGetter, TracePanel

MAX_SPEECHES = 60
#: Widest the formula column gets, in characters: a long slogan is elided (whole in its tooltip) so the
#: counts stay in view in a narrow dock.
FORMULA_COLUMN_CHARS = 14


class FormulaTablePanel(TracePanel):
    def __init__(self, library: LibraryGetter, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(library, runner, parent)
        self.ids: list[int] = []
        self.result = None
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.count_button = QPushButton()
        self.count_button.clicked.connect(self.run)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(self._on_double_clicked)
        self.table.verticalHeader().setMaximumWidth(
            self.table.fontMetrics().horizontalAdvance("两") * FORMULA_COLUMN_CHARS
        )
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.count_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.count_button.setText(self.tr("Count formulas"))
        self._update_hint()

    def _update_hint(self) -> None:
        if len(self.ids) < 1:
            self.hint.setText(self.tr("Select speeches in the library to tabulate their formulas."))
        else:
            shown = min(len(self.ids), MAX_SPEECHES)
            self.hint.setText(self.tr("%n selected speech(es)", "", shown))
        self.count_button.setEnabled(bool(self.ids))

    def set_selection(self, ids: list[int]) -> None:
        self.ids = list(ids)[:MAX_SPEECHES]
        self._update_hint()

    def run(self) -> None:
        ids, library = list(self.ids), self.library()
        if not ids:
            return

        def work(_progress, cancelled):  # type: ignore[no-untyped-def]
            from app.core.formulas.detect import FormulaMatcher
            from app.store.concordance import library_lexicon, speeches_by_formulas

            matcher = FormulaMatcher(library_lexicon(library))
            return speeches_by_formulas(library, ids, matcher, cancelled=cancelled)

        self.start(self.tr("Counting formulas…"), work, self._show)

    def _show(self, result) -> None:  # type: ignore[no-untyped-def]
        self.result = result
        table, facts = result
        self.table.clear()
        self.table.setRowCount(len(table.formulas))
        self.table.setColumnCount(len(table.documents))
        headers = []
        for doc_id in table.documents:
            fact = facts[doc_id]
            title = fact.title or f"#{doc_id}"
            headers.append(f"{fact.date[:7]}\n{title[:10]}" if fact.date else title[:10])
        self.table.setHorizontalHeaderLabels(headers)
        for row, formula in enumerate(table.formulas):
            header = QTableWidgetItem(formula)
            header.setToolTip(formula)
            self.table.setVerticalHeaderItem(row, header)
        peak = max((n for row in table.counts for n in row), default=1) or 1
        for column, counts in enumerate(table.counts):
            for row, n in enumerate(counts):
                item = QTableWidgetItem(str(n) if n else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(Qt.ItemDataRole.UserRole, (table.formulas[row], table.documents[column]))
                if n:
                    colour = heat_colour(0.15 + 0.6 * n / peak)
                    item.setBackground(colour)
                    item.setForeground(QColor("#FFFFFF") if colour.lightnessF() < 0.5 else QColor("#000000"))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.status.done(self.tr("%n formula(s) used in the selected speeches", "", len(table.formulas)))

    def _on_double_clicked(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            _formula, doc_id = item.data(Qt.ItemDataRole.UserRole)
            self.open_requested.emit(doc_id, 0, 0)
