"""Reader tabs: the library tab first, then one tab per open speech, built from the reader widget.

The reader gets the window's task runner (formula detection runs there) and a way to ask how many speeches
in the library use a formula, for the hover text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget

from app.core.model import DocumentMeta
from app.ui.reader import ReaderWidget
from app.ui.tasks import TaskRunner

_TAB_TITLE_CHARS = 18


def tab_title(title: str) -> str:
    return title if len(title) <= _TAB_TITLE_CHARS else title[: _TAB_TITLE_CHARS - 1] + "…"


class ReaderTabs(QTabWidget):
    """Tab 0 is the library and cannot be closed; the others each show one speech (found by its id)."""

    def __init__(self, library_page: QWidget, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.addTab(library_page, "")
        self.tabBar().setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        self.tabBar().setTabButton(0, QTabBar.ButtonPosition.LeftSide, None)
        self.tabCloseRequested.connect(self.close_reader)

    def reader_for(self, doc_id: int) -> ReaderWidget | None:
        for index in range(self.count()):
            widget = self.widget(index)
            if isinstance(widget, ReaderWidget) and widget.property("doc_id") == doc_id:
                return widget
        return None

    def readers(self) -> list[ReaderWidget]:
        return [w for w in (self.widget(i) for i in range(self.count())) if isinstance(w, ReaderWidget)]

    def show_reader(
        self,
        doc_id: int,
        text: str,
        meta: DocumentMeta,
        usage_count: Callable[[str], int | None] | None = None,
    ) -> ReaderWidget:
        """Open the speech in its own tab, or bring its tab forward if it is already open."""
        reader = self.reader_for(doc_id)
        if reader is None:
            reader = ReaderWidget(text, meta, usage_count=usage_count, runner=self._runner, parent=self)
            reader.setProperty("doc_id", doc_id)
            index = self.addTab(reader, tab_title(meta.title or f"#{doc_id}"))
            self.setTabToolTip(index, meta.title)
        self.setCurrentWidget(reader)
        reader.setFocus()
        return reader

    def update_meta(self, doc_id: int, meta: DocumentMeta) -> None:
        reader = self.reader_for(doc_id)
        if reader is not None:
            index = self.indexOf(reader)
            self.setTabText(index, tab_title(meta.title or f"#{doc_id}"))
            self.setTabToolTip(index, meta.title)
            reader.set_meta(meta)

    def close_reader(self, index: int) -> None:
        widget = self.widget(index)
        if isinstance(widget, ReaderWidget):  # the library tab stays
            self.removeTab(index)
            widget.cancel_work()
            widget.deleteLater()

    def close_readers(self, doc_ids: list[int] | None = None) -> None:
        """Close the readers of these speeches (all readers when None)."""
        for reader in self.readers():
            if doc_ids is None or reader.property("doc_id") in doc_ids:
                self.close_reader(self.indexOf(reader))
