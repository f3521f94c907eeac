"""The reader tab: one speech in a reading pane, with its header, find bar and outline.

The main window embeds it as a tab and may move `outline` into a dock (pass `embed_outline=False` and put
`reader.outline` where you like); the compare view reuses the pieces (ReadingPane, FindBar, OutlineView)
directly. Formula detection runs as a task off the GUI thread; its hits become the "formula" mark layer when
they arrive, so opening a long speech never waits for the lexicon.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.core.model import DocumentMeta
from app.ui.common.tasks import Task, TaskRunner
from app.ui.pane.document_header import DocumentHeader
from app.ui.pane.formula_marks import (
    EntryLookup,
    FormulaProvider,
    UsageCount,
    default_entry_lookup,
    default_formula_provider,
    formula_mark_tooltip,
    formula_style,
)
from app.ui.pane.reading_pane import ReadingPane
from app.ui.reader.find_bar import FindBar
from app.ui.reader.outline_dock import OutlineView


class ReaderWidget(QWidget):
    """One speech, read-only, with formulas and redactions marked."""

    #: Number of formula hits, once detection has finished and the marks are drawn.
    formulas_ready = Signal(int)
    #: Detection failed; the reader stays usable without formula marks.
    formulas_failed = Signal(str)

    def __init__(
        self,
        text: str,
        meta: DocumentMeta | None = None,
        formula_hits_provider: FormulaProvider | None = None,
        *,
        usage_count: UsageCount | None = None,
        entry_for: EntryLookup | None = None,
        runner: TaskRunner | None = None,
        embed_outline: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.meta = meta or DocumentMeta()
        self._usage_count = usage_count
        self._runner = runner or TaskRunner(self)
        self._provider = formula_hits_provider or default_formula_provider()
        self._entry_for = entry_for or (default_entry_lookup() if formula_hits_provider is None else None)
        self._formula_task: Task | None = None
        self._formula_hits: list[Any] = []
        self._formula_generation = 0

        self.header = DocumentHeader(self.meta, len(text), self)
        self.pane = ReadingPane(text, self)
        self.find_bar = FindBar(self.pane, self)
        self.outline = OutlineView()
        self.outline.set_headings(self.pane.headings())
        self.outline.setMinimumWidth(120)
        self.outline.heading_activated.connect(self.on_heading_activated)
        self.pane.scrolled.connect(self._on_pane_scrolled)

        column = QWidget(self)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        column_layout.addWidget(self.header)
        column_layout.addWidget(self.pane, 1)
        column_layout.addWidget(self.find_bar)
        self._column_layout = column_layout

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if embed_outline:
            self.splitter: QSplitter | None = QSplitter(Qt.Orientation.Horizontal, self)
            self.splitter.addWidget(self.outline)
            self.splitter.addWidget(column)
            self.splitter.setStretchFactor(0, 0)
            self.splitter.setStretchFactor(1, 1)
            self.splitter.setSizes([220, 700])
            layout.addWidget(self.splitter)
        else:
            self.splitter = None
            layout.addWidget(column)
        self.addActions(self.find_bar.actions_for_host())
        self.addActions(self.pane.zoom_actions())
        self.refresh_formulas()

    # ---- public API -------------------------------------------------------------------------------------

    def title(self) -> str:
        """A tab title: the speech's title, or 'Untitled speech'."""
        return self.header.title()

    def text(self) -> str:
        return self.pane.text()

    def formula_hits(self) -> list[Any]:
        return list(self._formula_hits)

    def set_meta(self, meta: DocumentMeta) -> None:
        """Show edited metadata (the text itself never changes)."""
        self.meta = meta
        self.header.set_meta(meta)

    def set_formula_hits(self, hits: Sequence[Any]) -> None:
        """Draw these hits as the formula layer (also how detection results arrive)."""
        self._formula_hits = sorted(hits, key=lambda h: (h.start, h.end))
        tooltip = formula_mark_tooltip(self._usage_count, self._entry_for)
        self.pane.set_marks("formula", self._formula_hits, style=formula_style, tooltip=tooltip)
        self.formulas_ready.emit(len(self._formula_hits))

    def refresh_formulas(self) -> None:
        """(Re)run formula detection in the background, e.g. after the lexicon changed."""
        if self._provider is None:
            return
        if self._formula_task is not None:
            self._formula_task.cancel()
        provider, text = self._provider, self.pane.text()
        self._formula_generation += 1
        generation = self._formula_generation
        self._formula_task = self._runner.start(
            lambda _progress, _cancelled: list(provider(text)),
            on_success=lambda hits: self._on_formulas_found(generation, hits),
            on_failure=self._on_formulas_failed,
        )

    def cancel_work(self) -> None:
        """Stop background work (the host calls this before closing the tab)."""
        if self._formula_task is not None:
            self._formula_task.cancel()

    def show_find(self) -> None:
        self.find_bar.open()

    def add_bar(self, bar: QWidget) -> None:
        """Show a bar between the header and the text (e.g. "this file is not in the library")."""
        self._column_layout.insertWidget(1, bar)

    # ---- slots ------------------------------------------------------------------------------------------

    def _on_formulas_found(self, generation: int, hits: list[Any]) -> None:
        if generation != self._formula_generation or not isValid(self.pane):
            return  # a newer run replaced this one, or the tab was closed meanwhile
        self.set_formula_hits(hits)

    def _on_formulas_failed(self, error: object) -> None:
        self.formulas_failed.emit(str(error))

    def on_heading_activated(self, offset: int) -> None:
        self.pane.scroll_to(offset)
        self.pane.setFocus()

    def _on_pane_scrolled(self) -> None:
        self.outline.follow(self.pane.first_visible_offset())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.find_bar.isVisible():
            self.find_bar.close_bar()
            return
        super().keyPressEvent(event)
