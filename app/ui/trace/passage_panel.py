"""Passage search: where else in the library does this text, or a near-copy of it, appear?

Each hit says what it is: a copy (one speech took the text from another), a formula of the lexicon, or the
library's boilerplate (text ≥ 3 other speeches contain). Formulas and boilerplate show muted and can be
hidden, so what is left is the copying.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.tasks import TaskRunner
from app.ui.trace.panel import LibraryGetter, OracleGetter, TracePanel
from app.ui.trace.table import ResultTable, in_context, percent


class PassagePanel(TracePanel):
    def __init__(
        self,
        library: LibraryGetter,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        oracle: OracleGetter | None = None,
    ) -> None:
        super().__init__(library, runner, parent, oracle=oracle)
        self.exclude: int | None = None
        self.search = None
        self.query = QPlainTextEdit()
        self.query.setTabChangesFocus(True)
        self.query.textChanged.connect(
            lambda: self.search_button.setEnabled(bool(self.query.toPlainText().strip()))
        )
        self.search_button = QPushButton()
        self.search_button.setEnabled(False)
        self.search_button.clicked.connect(self.run)
        self.hide_common = QCheckBox()
        self.hide_common.toggled.connect(lambda _checked: self._apply_filter())
        self.table = ResultTable()
        self.table.activated_payload.connect(
            lambda hit: self.open_requested.emit(hit.document.id, hit.start, hit.end)  # type: ignore[attr-defined]
        )
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.query)
        row = QHBoxLayout()
        row.addWidget(self.hide_common)
        row.addStretch(1)
        row.addWidget(self.search_button)
        top_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.table)
        splitter.setSizes([120, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.query.setPlaceholderText(
            self.tr(
                "Paste a passage, or select text in a speech and choose Trace → Where else does this appear?"
            )
        )
        self.search_button.setText(self.tr("Search the library"))
        self.hide_common.setText(self.tr("Hide boilerplate and formulas"))
        self.hide_common.setToolTip(
            self.tr(
                "Show only copies: text that one other speech shares, not the common wording many speeches "
                "of the library have (boilerplate) or a formula of the lexicon."
            )
        )
        self.table.set_headers(
            [self.tr("Speech"), self.tr("Date"), self.tr("Similarity"), self.tr("Kind"), self.tr("In context")]
        )  # fmt: skip
        if self.search is not None:
            self._show(self.search)

    def set_query(self, text: str, exclude: int | None = None, *, run: bool = True) -> None:
        """Search for `text`; `exclude` is the speech it was selected in (its own place is not news)."""
        self.exclude = exclude
        self.query.setPlainText(text)
        if run and text.strip():
            self.run()

    def run(self) -> None:
        text, exclude, library = self.query.toPlainText(), self.exclude, self.library()
        if not text.strip():
            return

        oracle = self.oracle()

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            from app.store.tracing import find_passage

            return find_passage(
                library, text, exclude=exclude, formula_oracle=oracle, progress=progress, cancelled=cancelled
            )

        self.start(self.tr("Searching the library…"), work, self._show)

    def _kind(self, kind: str) -> str:
        if kind == "boilerplate":
            return self.tr("boilerplate")
        return self.tr("formula") if kind == "formula" else self.tr("copy")

    def _show(self, search) -> None:  # type: ignore[no-untyped-def]
        self.search = search
        rows = []
        for hit in search.hits:
            info = hit.document
            cells = [
                (info.title or info.source or f"#{info.id}", None),
                (info.date, info.date),
                (percent(hit.similarity), hit.similarity),
                (self._kind(hit.kind), hit.kind),
                (in_context(hit.before, hit.text, hit.after), None),
            ]
            rows.append((cells, hit))
        self.table.set_rows(rows)
        muted = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        for row in range(self.table.rowCount()):
            if self.table.payload(row).kind != "copy":  # type: ignore[attr-defined]
                for column in range(self.table.columnCount()):
                    self.table.item(row, column).setForeground(muted)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 200))
        self._apply_filter()

    def _apply_filter(self) -> None:
        """Hide the formula and boilerplate rows when asked to; the status line counts both kinds."""
        hide = self.hide_common.isChecked()
        for row in range(self.table.rowCount()):
            self.table.setRowHidden(row, hide and self.table.payload(row).kind != "copy")  # type: ignore[attr-defined]
        if self.search is not None:
            self.status.done(self._summary(self.search.hits, self.search.more, hide))

    def _summary(self, hits, more: int, hiding: bool) -> str:  # type: ignore[no-untyped-def]
        if not hits:
            return self.tr("Not found anywhere else in the library.")
        message = self.tr("Found in %n speech(es)", "", len({h.document.id for h in hits}))
        copies = sum(h.kind == "copy" for h in hits)
        common = len(hits) - copies
        message += " · " + self.tr("%n copied passage(s)", "", copies)
        if common:
            message += " · " + (
                self.tr("%n formula or boilerplate passage(s) hidden", "", common)
                if hiding
                else self.tr("%n formula or boilerplate passage(s)", "", common)
            )
        if more:
            message += " · " + self.tr("%n more candidate(s) not checked", "", more)
        return message

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.search is not None:
            self._show(self.search)  # muted rows in the new theme's colour
        super().changeEvent(event)
