"""Reader tabs: one per open speech, using the reader widget when available.

Kept apart from the main window so that the window only knows "make a reader for this speech".
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from app.core.model import DocumentMeta


def make_reader(doc_id: int, text: str, meta: DocumentMeta, parent: QWidget | None = None) -> QWidget:
    """A read-only view of one speech; `doc_id` is kept on the widget so tabs can be found again."""
    widget = QPlainTextEdit(parent)
    widget.setReadOnly(True)
    widget.setPlainText(text)
    widget.setProperty("doc_id", doc_id)
    return widget
