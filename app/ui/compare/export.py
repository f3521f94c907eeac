"""Export a comparison as evidence: the shared HTML report (app.reports.html) or a PDF from Qt's writer.

Both carry what makes the result checkable later: every text's file name and SHA-256, the parameters,
Duidu's version and the time (app.ui.compare.evidence). The HTML is the report `duidu compare --html`
writes; the PDF (app.ui.compare.pdf_report) shows the texts side by side in the compare view's colours and
ends with the passage list. Writing a PDF of long texts takes seconds, so the interface writes it on the
task runner behind a progress dialog.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from app.core.passages import Cancelled
from app.ui.compare.compute import CompareResult
from app.ui.compare.evidence import evidence, report_documents
from app.ui.compare.pdf_report import prepare_pdf
from app.ui.prompts import warn

if TYPE_CHECKING:
    from app.ui.compare.view import CompareView
    from app.ui.tasks import Task

__all__ = ["ask_and_export", "evidence", "export_html", "export_pdf", "report_documents"]

# Show the PDF progress dialog only if writing takes longer than this (ms).
PROGRESS_DELAY_MS = 400


def export_html(result: CompareResult, path: str | Path, generated: datetime | None = None) -> Path:
    from app.reports.html import comparison_html

    generated = generated or datetime.now(UTC)
    text = comparison_html(
        report_documents(result), result.comparison, result.settings.describe(), generated=generated
    )
    target = Path(path)
    target.write_text(text, encoding="utf-8", newline="")
    return target


def export_pdf(result: CompareResult, path: str | Path, generated: datetime | None = None) -> Path:
    """Write the PDF at once, on this thread (tests, scripts); the interface uses `ask_and_export`."""
    return prepare_pdf(result, generated or datetime.now(UTC)).write(path)


# Literal `translate("CompareView", …)` calls, so that lupdate files the strings under the view's context.
translate = QCoreApplication.translate


def ask_and_export(view: CompareView, kind: str) -> Path | Task | None:
    """Ask where to write the view's comparison as `kind` ("html" or "pdf"), write it, say so.

    HTML is written at once (returns the path); a PDF is written on the view's task runner behind a
    progress dialog (returns the task; the status line says when it is done).
    """
    if view.result is None:
        return None
    if kind == "html":
        caption, pattern = (
            translate("CompareView", "Export the comparison as HTML"),
            translate("CompareView", "HTML report (*.html)"),
        )
    else:
        caption, pattern = (
            translate("CompareView", "Export the comparison as PDF"),
            translate("CompareView", "PDF (*.pdf)"),
        )
    default = "-".join(d.label[:12] for d in view.documents) + "." + kind
    path, _ = QFileDialog.getSaveFileName(view, caption, default, pattern)
    if not path:
        return None
    if kind == "html":
        written = export_html(view.result, path)
        view.params.set_status(translate("CompareView", "Wrote {0}").format(path))
        return written
    return start_pdf_export(view, view.result, path)


def start_pdf_export(view: CompareView, result: CompareResult, path: str | Path) -> Task:
    """Write `result` as a PDF at `path` off the GUI thread, with a cancellable progress dialog."""
    job = prepare_pdf(result, datetime.now(UTC))  # reads the formats from widgets: GUI thread
    dialog = QProgressDialog(
        translate("CompareView", "Writing the PDF…"), translate("CompareView", "Cancel"), 0, 0, view
    )
    dialog.setWindowTitle(translate("CompareView", "Export the comparison as PDF"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(translate("CompareView", "Writing page {0} of {1}…").format(done, total))

    def failed(error: Exception) -> None:
        if isinstance(error, Cancelled):
            view.params.set_status(translate("CompareView", "PDF export cancelled."))
            return
        message = translate("CompareView", "The PDF could not be written: {0}").format(error)
        view.params.set_status(message)
        warn(view, translate("CompareView", "Export the comparison as PDF"), message)

    def finished() -> None:
        dialog.close()
        dialog.deleteLater()

    task = view.runner.start(
        lambda progress, cancelled: job.write(path, progress, cancelled),
        on_success=lambda _written: view.params.set_status(
            translate("CompareView", "Wrote {0}").format(path)
        ),
        on_failure=failed,
        on_progress=progressed,
    )
    dialog.canceled.connect(task.cancel)
    if task.done:
        finished()
    else:
        task.finished.connect(finished)
    return task
