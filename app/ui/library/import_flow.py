"""Importing from the GUI: a worker with a progress dialog and Cancel, then every file's result listed.

The store commits each file on its own, so cancelling half-way keeps what was imported so far; the results
dialog says so. Files the importers cannot read are results too (skipped or failed, with the reason).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.store import LibraryError
from app.ui.common.library_service import LibraryService
from app.ui.common.prompts import warn
from app.ui.common.reasons import localized_reason
from app.ui.common.tasks import Task, TaskRunner

if TYPE_CHECKING:  # the importers pull in docx/pdf/html parsers: load them on the first import only
    from app.store.importing import ImportReport


def supported_suffixes() -> frozenset[str]:
    """File types the importers read (lower-case, with the dot)."""
    from app.importers import SUPPORTED_SUFFIXES

    return frozenset(suffix.lower() for suffix in SUPPORTED_SUFFIXES)


def split_supported(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(importable files and folders, unsupported files): folders are searched by the importer."""
    suffixes = supported_suffixes()
    good: list[Path] = []
    bad: list[Path] = []
    for path in paths:
        (good if path.is_dir() or path.suffix.lower() in suffixes else bad).append(path)
    return good, bad


class ImportResultsDialog(QDialog):
    """One row per file: what happened and why."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        from app.store.importing import Outcome

        super().__init__(parent)
        self.setWindowTitle(self.tr("Import results"))
        self.summary = QLabel(self.summary_text(report))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(report.results), 3)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Result"), self.tr("Details")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        outcome_text = {
            Outcome.IMPORTED: self.tr("Imported"),
            Outcome.DUPLICATE: self.tr("Already in the library"),
            Outcome.SKIPPED: self.tr("Skipped"),
            Outcome.FAILED: self.tr("Failed"),
        }
        for row, result in enumerate(report.results):
            name = QTableWidgetItem(result.path.name)
            name.setToolTip(str(result.path))
            details = localized_reason(result.reason) if result.reason else result.title
            for column, item in enumerate((name, QTableWidgetItem(outcome_text[result.outcome]), details)):
                cell = item if isinstance(item, QTableWidgetItem) else QTableWidgetItem(item)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def summary_text(self, report: ImportReport) -> str:
        text = self.tr("%n speech(es) imported", "", report.imported)
        extras = []
        if report.duplicates:
            extras.append(self.tr("%n already in the library", "", report.duplicates))
        if report.skipped:
            extras.append(self.tr("%n skipped", "", report.skipped))
        if report.failed:
            extras.append(self.tr("%n failed", "", report.failed))
        if extras:
            text += self.tr("; ") + self.tr(", ").join(extras)
        text += self.tr(".")
        if report.cancelled:
            text += "\n" + self.tr("The import was cancelled; the speeches imported before that were kept.")
        return text


class ImportController(QObject):
    """Runs one import at a time for a window and reports when the library has changed."""

    #: The import finished (or was cancelled) and may have added speeches.
    library_changed = Signal()
    #: The report of the last import, for tests and for the results dialog.
    reported = Signal(object)

    def __init__(self, parent: QWidget, runner: TaskRunner, service_of: Callable[[], LibraryService]) -> None:
        super().__init__(parent)
        self._window = parent
        self._runner = runner
        self._service_of = service_of
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.results_dialog: ImportResultsDialog | None = None
        self.show_results = True

    # --- what to import ---------------------------------------------------------------------------------
    def file_filter(self) -> str:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(supported_suffixes()))
        return self.tr("Speeches (%1)").replace("%1", patterns) + ";;" + self.tr("All files (*)")

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._window, self.tr("Import speeches"), "", self.file_filter()
        )
        self.import_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Import a folder of speeches"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> Task | None:
        """Import what can be imported and say clearly which files cannot (dropped files, chosen files)."""
        good, bad = split_supported(paths)
        if bad:
            kinds = ", ".join(sorted(supported_suffixes()))
            warn(
                self._window,
                self.tr("Unsupported files"),
                self.tr("%n file(s) cannot be imported: Duidu reads %1 files.", "", len(bad)).replace(
                    "%1", kinds
                ),
                "\n".join(str(path) for path in bad),
            )
        return self.start(good) if good else None

    # --- running an import -------------------------------------------------------------------------------
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def start(
        self,
        paths: Iterable[Path],
        *,
        show_results: bool | None = None,
        on_report: Callable[[ImportReport], None] | None = None,
    ) -> Task | None:
        """Import on the runner with a progress dialog. `show_results` overrides the controller's setting
        for this import (a caller that reports the outcome itself turns the dialog off); `on_report` gets
        the report on the GUI thread, after the window has seen it."""
        paths = list(paths)
        if not paths:
            return None
        if self.busy():  # one writer at a time; the user can start this one when the other is done
            status = getattr(self._window, "statusBar", None)
            if callable(status):
                status().showMessage(
                    self.tr("An import is already running; try again when it has finished."), 8000
                )
            return None
        service = self._service_of()
        progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self._window)
        progress.setWindowTitle(self.tr("Import"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress

        def work(report_progress, cancelled):
            return service.import_paths(paths, report_progress, cancelled)

        task = Task(work, self)
        task.progressed.connect(self._on_progress)
        dialog = self.show_results if show_results is None else show_results
        task.succeeded.connect(lambda report: self._on_succeeded(report, dialog))
        if on_report is not None:
            task.succeeded.connect(on_report)
        task.failed.connect(self._on_failed)
        task.finished.connect(self._on_finished)
        progress.canceled.connect(task.cancel)
        self.task = task
        self._runner.submit(task)
        return task

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            label = self.tr("Importing file %1 of %2…").replace("%1", str(done)).replace("%2", str(total))
            self.progress.setLabelText(label)
            self.progress.setMaximum(total)
            # last: a modal progress dialog handles events in setValue, and the import may finish there
            self.progress.setValue(done)

    def _on_succeeded(self, report: ImportReport, show_results: bool) -> None:
        self.reported.emit(report)
        if show_results:
            self.results_dialog = ImportResultsDialog(report, self._window)
            self.results_dialog.open()

    def _on_failed(self, error: Exception) -> None:
        title = self.tr("Import failed")
        if isinstance(error, LibraryError):
            message = localized_reason(str(error))
        else:
            message = self.tr("Unexpected error: %1").replace("%1", f"{type(error).__name__}: {error}")
        warn(self._window, title, message + "\n\n" + self.tr("Speeches imported before the error were kept."))

    def _on_finished(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.library_changed.emit()
