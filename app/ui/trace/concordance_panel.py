"""Formula concordance and timeline: every use of a formula in context, counts as a chart, first use, and
the speeches of a period that do not use it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.tasks import TaskRunner
from app.ui.trace.bar_chart import BarChart
from app.ui.trace.panel import LibraryGetter, TracePanel
from app.ui.trace.table import ResultTable

GROUPINGS = ("year", "speaker", "genre")
#: Characters of context shown on each side in the table (the full line is in the tooltip).
_SHOWN_CONTEXT = 14


class ConcordancePanel(TracePanel):
    def __init__(self, library: LibraryGetter, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(library, runner, parent)
        self.concordance = None
        self.formula = QLineEdit()
        self.formula.returnPressed.connect(self.run)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for field in (self.date_from, self.date_to):
            field.setMaximumWidth(110)
            field.returnPressed.connect(self.run)
        self.find_button = QPushButton()
        self.find_button.clicked.connect(self.run)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grouping = QComboBox()
        self.grouping.currentIndexChanged.connect(lambda _i: self._draw_chart())
        self.measure = QComboBox()
        self.measure.currentIndexChanged.connect(lambda _i: self._draw_chart())
        self.chart = BarChart()
        self.lines = ResultTable()
        self.lines.activated_payload.connect(
            lambda line: self.open_requested.emit(line.document_id, line.start, line.end)  # type: ignore[attr-defined]
        )
        self.non_users = QListWidget()
        self.non_users.itemActivated.connect(
            lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole), 0, 0)
        )

        form = QFormLayout()
        self.formula_label, self.period_label = QLabel(), QLabel()
        form.addRow(self.formula_label, self.formula)
        period = QHBoxLayout()
        self.dash = QLabel("–")
        period.addWidget(self.date_from)
        period.addWidget(self.dash)
        period.addWidget(self.date_to)
        period.addStretch(1)
        period.addWidget(self.find_button)
        form.addRow(self.period_label, period)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chooser = QHBoxLayout()
        chooser.addWidget(self.grouping)
        chooser.addWidget(self.measure)
        chooser.addStretch(1)
        chart_layout.addLayout(chooser)
        chart_layout.addWidget(self.chart, 1)
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        self.views.addTab(self.lines, "")
        self.views.addTab(self.non_users, "")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(chart_box)
        splitter.addWidget(self.views)
        splitter.setSizes([180, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.formula_label.setText(self.tr("Formula"))
        self.formula.setPlaceholderText(self.tr("e.g. 两个维护"))
        self.period_label.setText(self.tr("Period"))
        self.date_from.setPlaceholderText(self.tr("from (2018)"))
        self.date_to.setPlaceholderText(self.tr("to (2023-06)"))
        self.find_button.setText(self.tr("Find uses"))
        names = {
            "year": self.tr("per year"),
            "speaker": self.tr("per speaker"),
            "genre": self.tr("per genre"),
        }
        self._set_items(self.grouping, [names[g] for g in GROUPINGS])
        self._set_items(self.measure, [self.tr("uses"), self.tr("speeches")])
        self.lines.set_headers(
            [self.tr("Date"), self.tr("Speech"), self.tr("Before"), self.tr("Formula"), self.tr("After")]
        )
        self.views.setTabText(0, self.tr("In context"))
        self.views.setTabText(1, self.tr("Speeches of the period without it"))
        if self.concordance is not None:
            self._show(self.concordance)
        else:
            self.summary.setText("")

    @staticmethod
    def _set_items(combo: QComboBox, items: list[str]) -> None:
        index = max(combo.currentIndex(), 0)
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(items)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def set_completions(self, wordings: list[str]) -> None:
        completer = QCompleter(sorted(wordings), self.formula)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.formula.setCompleter(completer)

    def set_formula(self, wording: str, *, run: bool = True) -> None:
        self.formula.setText(wording)
        if run:
            self.run()

    def run(self) -> None:
        wording = self.formula.text().strip()
        if len(wording) < 2:
            self.status.done(self.tr("Type a formula of at least two characters."))
            return
        library, date_from, date_to = (
            self.library(),
            self.date_from.text().strip(),
            self.date_to.text().strip(),
        )

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            from app.store.concordance import formula_concordance, library_lexicon, resolve_entry

            entry = resolve_entry(wording, library_lexicon(library))
            return formula_concordance(
                library, entry, date_from=date_from, date_to=date_to, progress=progress, cancelled=cancelled
            )

        self.start(self.tr("Finding every use of %1…").replace("%1", wording), work, self._show)

    def _show(self, concordance) -> None:  # type: ignore[no-untyped-def]
        self.concordance = concordance
        stats, facts = concordance.stats, concordance.documents
        text = self.tr("%1: %2 uses in %3 speeches.").replace("%1", concordance.entry.canonical)
        text = text.replace("%2", str(stats.uses)).replace("%3", str(stats.documents))
        if stats.first is not None:
            first = self.tr("First use in the library: %1, %2.").replace("%1", stats.first.date)
            text += " " + first.replace("%2", stats.first.title or f"#{stats.first.id}")
        if concordance.entry.first_year:
            text += " " + self.tr("Lexicon: in official use since %1.").replace(
                "%1", str(concordance.entry.first_year)
            )
        self.summary.setText(text)
        self.lines.setToolTip("")
        rows = []
        for line in concordance.lines:
            fact = facts[line.document_id]
            cells = [
                (fact.date, fact.date),
                (fact.title or f"#{fact.id}", None),
                (line.left[-_SHOWN_CONTEXT:], None),
                (line.match, None),
                (line.right[:_SHOWN_CONTEXT], None),
            ]
            rows.append((cells, line))
        self.lines.set_rows(rows)
        self.lines.resizeColumnsToContents()
        self.lines.setColumnWidth(1, min(self.lines.columnWidth(1), 150))
        for row in range(self.lines.rowCount()):
            item = self.lines.item(row, 2)
            if item is not None:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.non_users.clear()
        for fact in concordance.non_users:
            item = QListWidgetItem(f"{fact.date}  {fact.title or f'#{fact.id}'}")
            item.setData(Qt.ItemDataRole.UserRole, fact.id)
            self.non_users.addItem(item)
        self.views.setTabText(
            1,
            self.tr("Speeches of the period without it (%1)").replace("%1", str(len(concordance.non_users))),
        )
        if not (concordance.date_from or concordance.date_to):
            self.views.setTabText(1, self.tr("Speeches of the period without it (choose a period)"))
        self._draw_chart()
        self.status.done(self.tr("%n use(s) found", "", stats.uses))

    def _draw_chart(self) -> None:
        if self.concordance is None:
            return
        stats = self.concordance.stats
        groups = (stats.by_year, stats.by_speaker, stats.by_genre)[max(self.grouping.currentIndex(), 0)]
        by_documents = self.measure.currentIndex() == 1
        unknown = self.tr("unknown")
        bars = [(g.key or unknown, g.documents if by_documents else g.uses) for g in groups][:40]
        self.chart.set_bars(bars, f"{self.concordance.entry.canonical} · {self.grouping.currentText()}")
