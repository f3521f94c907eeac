"""Tools → Discover formulas: rank candidate new formulas across the library, and accept the good ones.

Discovery reads every speech and counts n-grams (seconds on a large library), so it runs as a task with
progress and cancel. Accepted candidates become user entries of the library's lexicon (category
"discovered") and leave the list; readers then mark them, since the lexicon tells the window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.core.formulas.discover import Candidate, DiscoveryCancelled, DiscoveryParams
from app.core.formulas.lexicon import FormulaEntry
from app.store import Library, get_text, library_errors, list_documents
from app.ui.common.merged_lexicon import DISCOVERED, MergedLexicon
from app.ui.common.tasks import Cancelled, Progress, Task, TaskRunner
from app.ui.common.widget_setup import setup_result_table

_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
_SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_SCORE = 1


def _around(context: str, text: str, width: int = 12) -> str:
    """The context line trimmed to `width` characters either side of the candidate, so it stays in view."""
    index = context.find(text)
    if index < 0:
        return context
    start, end = max(0, index - width), min(len(context), index + len(text) + width)
    return ("…" if start else "") + context[start:end] + ("…" if end < len(context) else "")


class _Item(QTableWidgetItem):
    """Sorts by its value (a score of 11.8 above 3.1), not by the text shown."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(_SORT_ROLE), other.data(_SORT_ROLE)
        if isinstance(mine, (int, float)) and isinstance(theirs, (int, float)):
            return mine < theirs
        return super().__lt__(other)


_CATEGORY = DISCOVERED


def discover_in_library(
    library: Library, known: frozenset[str], progress: Progress, cancelled: Cancelled, limit: int = 200
) -> list[Candidate]:
    """Candidates over every speech of the library, best first (the worker's part; Qt-free)."""
    from app.core.formulas.discover import discover
    from app.core.formulas.shipped import general_words, idioms

    documents: list[tuple[int, str, str]] = []
    with library_errors(library.location), library.reader() as session:
        stored = list_documents(session)
        steps = len(stored) + 4
        for number, document in enumerate(stored):
            if cancelled():
                raise DiscoveryCancelled
            documents.append((document.id, document.meta.date, get_text(session, document.id) or ""))
            progress(number + 1, steps)
    return discover(
        documents,
        idioms=idioms(),
        general_words=general_words(),
        known=known,
        params=DiscoveryParams(limit=limit),
        progress=lambda done, _total: progress(len(documents) + done, len(documents) + 4),
        cancelled=cancelled,
    )


class DiscoverPanel(QWidget):
    """Run discovery, browse the ranked candidates, accept the selected ones into the lexicon."""

    #: Open the first speech that uses a candidate (double-click): its id.
    open_requested = Signal(int)
    #: Discovery finished with this many candidates shown.
    finished = Signal(int)

    def __init__(
        self, library: Library, lexicon: MergedLexicon, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.lexicon = lexicon
        self.runner = runner
        self._task: Task | None = None
        self._candidates: list[Candidate] = []

        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.show_known = QCheckBox()
        self.show_known.toggled.connect(lambda _on: self._fill())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        setup_result_table(
            self.table,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            widths=((0, 150), (1, 60), (2, 70), (3, 95)),
        )
        # best first, until the user sorts
        self.table.horizontalHeader().setSortIndicator(_SCORE, Qt.SortOrder.DescendingOrder)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(self._on_double_click)
        self.accept_button = QPushButton()
        self.accept_button.clicked.connect(self.accept_selected)

        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress, 1)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_known)
        bottom.addStretch(1)
        bottom.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.retranslate_ui()
        self._set_busy(False)

    def retranslate_ui(self) -> None:
        self.run_button.setText(self.tr("&Discover"))
        self.run_button.setToolTip(self.tr("Rank candidate new formulas across the whole library"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.show_known.setText(self.tr("Show formulas already in the lexicon"))
        self.accept_button.setText(self.tr("&Accept into lexicon"))
        self.accept_button.setToolTip(
            self.tr("Add the selected candidates to this library's formula lexicon")
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Candidate"),
                self.tr("Score"),
                self.tr("Speeches"),
                self.tr("First date"),
                self.tr("Context"),
            ]
        )
        if not self._candidates and self._task is None:
            self.status.setText(self.tr("Find strings many speeches repeat that no lexicon lists yet."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- running ---------------------------------------------------------------------------------------

    def run(self) -> None:
        self.cancel()
        library, lexicon = self.library, self.lexicon
        self._set_busy(True)
        self.status.setText(self.tr("Reading the library…"))
        self._task = self.runner.start(
            lambda progress, cancelled: discover_in_library(
                library, lexicon.known_keys(), progress, cancelled
            ),
            on_success=self._on_found,
            on_failure=self._on_failed,
            on_progress=self._on_progress,
        )

    def cancel(self) -> None:
        if self._task is not None and not self._task.done:
            self._task.cancel()

    def cancel_work(self) -> None:
        self.cancel()

    def is_busy(self) -> bool:
        return self._task is not None and not self._task.done

    def _on_progress(self, done: int, total: int) -> None:
        if isValid(self):
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _on_found(self, candidates: list[Candidate]) -> None:
        if not isValid(self):
            return
        self._task = None
        self._set_busy(False)
        self._candidates = list(candidates)
        self._fill()
        self.finished.emit(self.table.rowCount())

    def _on_failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        self._task = None
        self._set_busy(False)
        if isinstance(error, DiscoveryCancelled):
            self.status.setText(self.tr("Discovery cancelled."))
        else:
            self.status.setText(self.tr("Discovery failed: %1").replace("%1", str(error)))

    def _set_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        self._update_buttons()

    # ---- the list --------------------------------------------------------------------------------------

    def candidates(self) -> list[Candidate]:
        """The candidates listed (known formulas only when asked for)."""
        return [c for c in self._candidates if self.show_known.isChecked() or not c.known]

    def _fill(self) -> None:
        shown = self.candidates()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(shown))
        for row, candidate in enumerate(shown):
            values: Sequence[tuple[str, object]] = (
                (candidate.text, candidate.text),
                (f"{candidate.score:.1f}", candidate.score),
                (str(candidate.df), candidate.df),
                (candidate.first_date or "—", candidate.first_date),
                (_around(candidate.context, candidate.text), candidate.context),
            )
            for column, (shown_text, value) in enumerate(values):
                item = _Item(shown_text)
                item.setData(_SORT_ROLE, value)
                item.setData(_TEXT_ROLE, candidate.text)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 4:
                    item.setToolTip(candidate.context)
                if candidate.known:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        if len(self._candidates):
            self.status.setText(
                self.tr("%n candidate(s); double-click one to read where it is used.", "", len(shown))
            )
        self._update_buttons()

    def _text_at(self, row: int) -> str:
        item = self.table.item(row, 0)
        return str(item.data(_TEXT_ROLE)) if item is not None else ""

    def selected_texts(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._text_at(row) for row in rows]

    def select_texts(self, texts: Sequence[str]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            if self._text_at(row) in texts:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        selected = self.table.selectionModel().hasSelection()
        self.accept_button.setEnabled(selected and not self.lexicon.readonly and not self.is_busy())

    def _on_double_click(self, item: QTableWidgetItem) -> None:
        text = item.data(_TEXT_ROLE)
        candidate = next((c for c in self._candidates if c.text == text), None)
        if candidate is not None and candidate.docs:
            self.open_requested.emit(int(candidate.docs[0]))  # type: ignore[call-overload]

    def accept_selected(self) -> None:
        self.accept(self.selected_texts())

    def accept(self, texts: Sequence[str]) -> None:
        """Add these candidates to the lexicon as user entries; they leave the list."""
        chosen = [c for c in self._candidates if c.text in set(texts) and not c.known]
        if not chosen:
            return
        entries = [
            FormulaEntry(
                c.text,
                category=_CATEGORY,
                note=self.tr("accepted from discovery; first seen in the library on %1").replace(
                    "%1", c.first_date or "?"
                ),
            )
            for c in chosen
        ]
        self.lexicon.save_all(entries)
        accepted = {c.text for c in chosen}
        self._candidates = [c for c in self._candidates if c.text not in accepted]
        self._fill()
        self.status.setText(
            self.tr("Added %1 to the lexicon.").replace("%1", "、".join(c.text for c in chosen[:8]))
        )
