"""Reader tabs: the library tab first, then one tab per open speech, built from the reader widget.

The reader gets the window's task runner (formula detection runs there) and a way to ask how many speeches
in the library use a formula, for the hover text. The reader module loads with the first reader, not at
start-up; a tab is a reader when it carries the `doc_id` property.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget

from app.core.model import DocumentMeta
from app.ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.reader.widget import ReaderWidget

_TAB_TITLE_CHARS = 18


def tab_title(title: str) -> str:
    return title if len(title) <= _TAB_TITLE_CHARS else title[: _TAB_TITLE_CHARS - 1] + "…"


class ReaderTabs(QTabWidget):
    """Tab 0 is the library and cannot be closed; readers (one per speech, found by its id) and other
    views (comparisons) follow."""

    def __init__(self, library_page: QWidget, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._library_page = library_page
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.addTab(library_page, "")
        self.tabBar().setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        self.tabBar().setTabButton(0, QTabBar.ButtonPosition.LeftSide, None)
        self.tabCloseRequested.connect(self.close_tab)

    def reader_for(self, doc_id: int) -> ReaderWidget | None:
        for reader in self.readers():
            if reader.property("doc_id") == doc_id:
                return reader
        return None

    def readers(self) -> list[ReaderWidget]:
        widgets = (self.widget(i) for i in range(self.count()))
        return [w for w in widgets if w is not None and w.property("doc_id") is not None]  # type: ignore[misc]

    def show_reader(
        self,
        doc_id: int,
        text: str,
        meta: DocumentMeta,
        usage_count: Callable[[str], int | None] | None = None,
        *,
        formulas: Callable[[str], Sequence[Any]] | None = None,
        entry_for: Callable[[str], object] | None = None,
    ) -> ReaderWidget:
        """Open the speech in its own tab, or bring its tab forward if it is already open.

        `formulas` detects the formula marks and `entry_for` looks up their lexicon entries (the library's
        merged lexicon); without them the reader uses the shipped lexicon.
        """
        reader = self.reader_for(doc_id)
        if reader is None:
            from app.ui.reader.widget import ReaderWidget

            reader = ReaderWidget(
                text,
                meta,
                formulas,
                usage_count=usage_count,
                entry_for=entry_for,
                runner=self._runner,
                parent=self,
            )
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

    def close_tab(self, index: int) -> None:
        """Close a reader or another view; the library tab stays. Background work of the tab is stopped."""
        widget = self.widget(index)
        if widget is None or widget is self._library_page:
            return
        self.removeTab(index)
        cancel = getattr(widget, "cancel_work", None)
        if callable(cancel):
            cancel()
        widget.deleteLater()

    def close_readers(self, doc_ids: list[int]) -> None:
        """Close the readers of these speeches (they were removed from the library)."""
        for reader in self.readers():
            if reader.property("doc_id") in doc_ids:
                self.close_tab(self.indexOf(reader))

    def close_all(self) -> None:
        """Close every tab but the library (another library is being opened)."""
        for index in range(self.count() - 1, -1, -1):
            self.close_tab(index)
