"""Reader tabs: one per open speech, built from the reader widget.

Kept apart from the main window so that the window only knows "make a reader for this speech". The reader
gets the window's task runner (formula detection runs there) and a way to ask how many speeches in the
library use a formula, for the hover text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.core.model import DocumentMeta
from app.ui.reader import ReaderWidget
from app.ui.tasks import TaskRunner


def make_reader(
    doc_id: int,
    text: str,
    meta: DocumentMeta,
    *,
    runner: TaskRunner | None = None,
    usage_count: Callable[[str], int | None] | None = None,
    parent: QWidget | None = None,
) -> ReaderWidget:
    """A read-only view of one speech; `doc_id` is kept on the widget so tabs can be found again."""
    reader = ReaderWidget(text, meta, usage_count=usage_count, runner=runner, parent=parent)
    reader.setProperty("doc_id", doc_id)
    return reader
