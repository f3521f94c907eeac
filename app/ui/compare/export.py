"""Export a comparison as evidence: the shared HTML report (app.reports.html) or a PDF from Qt's writer.

Both carry what makes the result checkable later: every text's file name and SHA-256, the parameters,
Duidu's version and the time (app.ui.compare.evidence). The HTML is the report `duidu compare --html`
writes; the PDF (app.ui.compare.pdf_report) shows the texts side by side in the compare view's colours and
ends with the passage list. Writing a PDF of several long texts takes seconds, so the interface writes it
a page per event-loop turn behind a progress dialog.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog
from shiboken6 import isValid

from app.ui.common.prompts import warn
from app.ui.compare.compute import CompareDocument, CompareResult
from app.ui.compare.evidence import evidence, report_documents
from app.ui.compare.pdf_report import prepare_pdf

if TYPE_CHECKING:
    from app.ui.common.tasks import TaskRunner
    from app.ui.compare.params_bar import ParamsBar

__all__ = ["ask_and_export", "evidence", "export_html", "export_pdf", "report_documents"]

# Show the PDF progress dialog only if writing takes longer than this (ms).
PROGRESS_DELAY_MS = 400


@runtime_checkable
class ExportingView(Protocol):
    """What an export asks of the compare view (a widget, the parent of its dialogs): the result and its
    texts, whether tasks run inline, and the parameter bar whose status line says how the export ended."""

    result: CompareResult | None
    documents: Sequence[CompareDocument]
    runner: TaskRunner
    params: ParamsBar


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


def ask_and_export(view: ExportingView, kind: str) -> Path | PdfExport | None:
    """Ask where to write the view's comparison as `kind` ("html" or "pdf"), write it, say so.

    HTML is written at once (returns the path); a PDF is written in steps behind a progress dialog
    (returns the PdfExport; the status line says when it is done).
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
        try:
            written = export_html(view.result, path)
        except OSError as error:  # a read-only folder, a full disk: the user can choose another place
            message = translate("CompareView", "The HTML report could not be written: {0}").format(
                error.strerror or error
            )
            view.params.set_status(message)
            warn(view, caption, message)
            return None
        view.params.set_status(translate("CompareView", "Wrote {0}").format(path))
        return written
    return start_pdf_export(view, view.result, path)


class PdfExport(QObject):
    """Writes one PDF on the GUI thread, a page per event-loop turn, behind a cancellable progress dialog.

    The window keeps answering (and can be closed) while a long comparison is written; the status line
    says how it ended. With an inline task runner (tests) the whole file is written at once.
    """

    # The export ended: the written path, or None (cancelled or failed).
    finished = Signal(object)

    def __init__(self, view: ExportingView, result: CompareResult, path: str | Path) -> None:
        super().__init__(view)
        self._view = view
        self.path = Path(path)
        self._steps: Iterator[tuple[int, int]] | None = None
        self._result = result
        self.dialog = QProgressDialog(
            translate("CompareView", "Writing the PDF…"), translate("CompareView", "Cancel"), 0, 0, view
        )
        self.dialog.setWindowTitle(translate("CompareView", "Export the comparison as PDF"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.done = False

    def start(self, inline: bool = False) -> None:
        if inline:
            while self.step():
                pass
        else:
            QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if isValid(self) and self.step():
            QTimer.singleShot(0, self._next)

    def step(self) -> bool:
        """One piece of work (gathering, layout, or a page); False once the export has ended."""
        if self.done:
            return False
        try:
            if self._steps is None:
                job = prepare_pdf(self._result, datetime.now(UTC))
                self._steps = job.pages(self.path)
                return True
            done, total = next(self._steps)
        except StopIteration:
            self._end(translate("CompareView", "Wrote {0}").format(self.path), self.path)
            return False
        except Exception as error:  # shown to the user, who can choose another place
            message = translate("CompareView", "The PDF could not be written: {0}").format(error)
            self._end(message, None)
            warn(self._view, translate("CompareView", "Export the comparison as PDF"), message)
            return False
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(translate("CompareView", "Writing page {0} of {1}…").format(done, total))
        return True

    def cancel(self) -> None:
        """Stop writing; the half-written file is removed."""
        if self.done:
            return
        if self._steps is not None:
            self._steps.close()
        self._end(translate("CompareView", "PDF export cancelled."), None)

    def _end(self, status: str, written: Path | None) -> None:
        self.done = True
        self._steps = None
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        if isValid(self._view):
            self._view.params.set_status(status)
        self.finished.emit(written)


def start_pdf_export(view: ExportingView, result: CompareResult, path: str | Path) -> PdfExport:
    """Write `result` as a PDF at `path` in steps behind a progress dialog (at once with an inline runner)."""
    export = PdfExport(view, result, path)
    export.start(inline=view.runner.inline)
    return export
