"""Similar speeches: the speeches sharing the most copied prose with the current one, one click to compare."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from app.ui.common.tasks import TaskRunner
from app.ui.trace.panel import LibraryGetter, OracleGetter, TracePanel
from app.ui.trace.table import ResultTable, excerpt, percent


class SimilarPanel(TracePanel):
    def __init__(
        self,
        library: LibraryGetter,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        oracle: OracleGetter | None = None,
    ) -> None:
        super().__init__(library, runner, parent, oracle=oracle)
        self.query_id: int | None = None
        self.query_title = ""
        self.query_text = ""
        self.results: list = []
        self.query_label = QLabel()
        self.query_label.setWordWrap(True)
        self.top = QSpinBox()
        self.top.setRange(1, 100)
        self.top.setValue(10)
        self.top_label = QLabel()
        self.find_button = QPushButton()
        self.find_button.clicked.connect(self.run)
        self.compare_button = QPushButton()
        self.compare_button.clicked.connect(self.compare_current)
        self.table = ResultTable()
        self.table.activated_payload.connect(self._on_activated)
        self.table.itemSelectionChanged.connect(self._update_enabled)

        row = QHBoxLayout()
        row.addWidget(self.top_label)
        row.addWidget(self.top)
        row.addStretch(1)
        row.addWidget(self.find_button)
        row.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_label)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.retranslate_ui()
        self._update_enabled()

    def retranslate_ui(self) -> None:
        self.top_label.setText(self.tr("Show"))
        self.find_button.setText(self.tr("Find similar speeches"))
        self.compare_button.setText(self.tr("Compare side by side"))
        self.table.set_headers(
            [self.tr("Speech"), self.tr("Date"), self.tr("Of this speech"), self.tr("Of that speech"),
             self.tr("Passages"), self.tr("Longest shared passage")]
        )  # fmt: skip
        self._show_query()
        if self.results:
            self._show(self.results)

    def _show_query(self) -> None:
        if self.query_text:
            self.query_label.setText(
                self.tr("Speeches sharing copied text with: %1").replace("%1", self.query_title)
            )
        else:
            self.query_label.setText(
                self.tr("Open a speech (or select one in the library) to find similar ones.")
            )

    def _update_enabled(self) -> None:
        self.find_button.setEnabled(bool(self.query_text))
        self.compare_button.setEnabled(self.query_id is not None and self.table.currentRow() >= 0)

    def set_query(self, doc_id: int | None, title: str, text: str) -> None:
        """The speech to find similar ones for (an id when it is in the library)."""
        self.query_id, self.query_title, self.query_text = doc_id, title or f"#{doc_id}", text
        self.results = []
        self.table.set_rows([])
        self._show_query()
        self._update_enabled()

    def run(self) -> None:
        if not self.query_text:
            return
        text, exclude, top, library = self.query_text, self.query_id, self.top.value(), self.library()
        oracle = self.oracle()

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            from app.store.tracing import similar_documents

            return similar_documents(
                library,
                text,
                exclude=exclude,
                top=top,
                formula_oracle=oracle,
                progress=progress,
                cancelled=cancelled,
            )

        self.start(self.tr("Looking for similar speeches…"), work, self._show)

    def _show(self, results: list) -> None:
        self.results = list(results)
        rows = []
        for r in self.results:
            info = r.document
            cells = [
                (info.title or info.source or f"#{info.id}", None),
                (info.date, info.date),
                (percent(r.query_copy_ratio), r.query_copy_ratio),
                (percent(r.other_copy_ratio), r.other_copy_ratio),
                (str(r.passages), r.passages),
                (excerpt(r.longest), len(r.longest)),
            ]
            rows.append((cells, r))
        self.table.set_rows(rows)
        for row in range(self.table.rowCount()):
            shown = self.table.payload(row)
            item = self.table.item(row, 0)
            if shown is not None and item is not None:  # same titles (政府工作报告) are told apart by source
                info = shown.document  # type: ignore[attr-defined]
                item.setToolTip("\n".join(part for part in (info.title, info.speaker, info.source) if part))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 220))
        if self.results:
            self.table.selectRow(0)
        message = self.tr("%n similar speech(es)", "", len(self.results))
        self.status.done(
            message if self.results else self.tr("No speech in the library shares copied text with this one.")
        )
        self._update_enabled()

    def compare_current(self) -> None:
        result = self.table.current_payload()
        if result is not None:
            self._on_activated(result)

    def _on_activated(self, result: object) -> None:
        other = result.document.id  # type: ignore[attr-defined]
        if self.query_id is not None:
            self.compare_requested.emit([self.query_id, other])
        else:
            self.open_requested.emit(other, 0, 0)
