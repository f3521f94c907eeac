"""Paste text as a new speech: analysts often copy a speech from a web page rather than save a file."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.core.model import DocumentMeta
from app.core.text import clean_text
from app.ui.common.widget_setup import form_dialog_layout


def guess_meta(text: str) -> DocumentMeta:
    """The metadata guesser's opinion, or nothing when it is unavailable."""
    try:
        from app.core.metadata import guess_metadata
    except ImportError:
        return DocumentMeta()
    return guess_metadata(text)


class PasteDialog(QDialog):
    """Text plus an optional title (guessed from the text when left empty)."""

    def __init__(self, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste text as a new speech"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Leave empty to take it from the text"))
        self.text = QPlainTextEdit(text)
        self.text.setPlaceholderText(self.tr("Paste the speech here (Ctrl+V)"))
        self.text.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        self.buttons = form_dialog_layout(self, form, self.text, stretch=True)
        self.text.textChanged.connect(self._update_ok)
        self.resize(640, 480)
        self._update_ok()
        self.text.setFocus()  # the user came to paste: Ctrl+V goes straight into the text

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.text.toPlainText().strip()))

    def result_text(self) -> str:
        """The pasted text as the library stores it (line ends and BOM cleaned like any import)."""
        return clean_text(self.text.toPlainText())

    def result_meta(self) -> DocumentMeta:
        meta = guess_meta(self.result_text())
        title = self.title.text().strip()
        return replace(meta, title=title or meta.title, source_path="")
