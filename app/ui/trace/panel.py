"""What every Trace panel shares: the library it asks, the task runner, a status line with progress.

A panel runs one query at a time; starting another cancels the first, and a late result from a cancelled
run is dropped, so a fast typist never sees an older answer overwrite a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from app.ui.common.tasks import Task, TaskRunner

if TYPE_CHECKING:  # not at run time: the panels are built with the window, before SQLAlchemy loads
    from app.store import Library

LibraryGetter = Callable[[], "Library"]
# The formula oracle (app.core.passages.FormulaOracle: share of a normalised text that formulas cover) of
# the open library's merged lexicon, the window's; or None, and the store builds one.
OracleGetter = Callable[[], Callable[[str], float] | None]


class StatusLine(QWidget):
    """A one-line message, and while work runs a progress bar and a Stop button (library-wide queries on a
    large library take a while; an analyst who asked the wrong question should not have to wait it out)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(140)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.stop = QToolButton()
        self.stop.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.stop.setText(self.tr("Stop"))
        self.stop.setToolTip(self.tr("Stop this search"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def busy(self, message: str) -> None:
        self.label.setText(message)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.stop.show()

    def progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def done(self, message: str) -> None:
        self.label.setText(message)
        self.bar.hide()
        self.stop.hide()

    def text(self) -> str:
        return self.label.text()


class TracePanel(QWidget):
    """Base of the panels: `start(work, on_result)` runs `work(progress, cancelled)` on the runner."""

    #: Open the pair side by side (two document ids).
    compare_requested = Signal(list)
    #: Open a speech and show a span of it: (document id, start, end).
    open_requested = Signal(int, int, int)
    #: A query finished and its results are shown.
    results_shown = Signal()

    def __init__(
        self,
        library: LibraryGetter,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        oracle: OracleGetter | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.oracle: OracleGetter = oracle or (lambda: None)
        self.runner = runner
        self.status = StatusLine(self)
        self.status.stop.clicked.connect(self.stop)
        self._task: Task | None = None
        self._generation = 0

    def start(
        self,
        message: str,
        work: Callable[..., Any],
        on_result: Callable[[Any], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Run `work(progress, cancelled)`; `on_progress` (else the status bar) hears its progress."""
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self._generation += 1
        generation = self._generation
        self.status.busy(message)

        def succeeded(result: Any) -> None:
            if generation == self._generation:
                on_result(result)
                self.results_shown.emit()

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self.status.done(self.tr("Stopped: %1").replace("%1", str(error) or type(error).__name__))

        def progressed(done: int, total: int) -> None:
            # a stopped task still reports until it notices: its progress must not cover "Stopped."
            if generation == self._generation:
                (on_progress or self.status.progress)(done, total)

        self._task = self.runner.start(work, on_success=succeeded, on_failure=failed, on_progress=progressed)

    def cancel_work(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._generation += 1

    def stop(self) -> None:
        """The user's Stop: cancel the running query and say so (its late result is dropped)."""
        self.cancel_work()
        self.status.done(self.tr("Stopped."))

    def retranslate_ui(self) -> None:
        """Set every visible string; subclasses override and call it at construction."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
