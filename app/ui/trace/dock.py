"""The Trace dock beside the reader, and how the main window hosts it (`install_trace`).

The dock follows the window: the speech in the current reader tab (or the one selected in the library) is
the query of "similar speeches", the selected rows are the speeches of the formula table and the copy
network. Pairs open in the compare view through the window's `compare_requested`; spans open in a reader.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QTabWidget, QWidget

from app.ui.common import settings as S
from app.ui.common.tasks import TaskRunner
from app.ui.trace.concordance_panel import ConcordancePanel
from app.ui.trace.formula_table_panel import FormulaTablePanel
from app.ui.trace.network_panel import NetworkPanel
from app.ui.trace.panel import LibraryGetter, OracleGetter, TracePanel
from app.ui.trace.passage_panel import PassagePanel
from app.ui.trace.remembered_choices import remember_choices
from app.ui.trace.similar_panel import SimilarPanel

if TYPE_CHECKING:
    from app.store import Library
    from app.ui.common.host import WindowHost


class TraceDock(QDockWidget):
    compare_requested = Signal(list)
    open_requested = Signal(int, int, int)

    def __init__(
        self,
        library: LibraryGetter,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        oracle: OracleGetter | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trace-dock")
        #: The window's Trace menu, once `install_trace` made it (retranslated with the dock).
        self.trace_actions: TraceActions | None = None
        self.similar = SimilarPanel(library, runner, oracle=oracle)
        self.passages = PassagePanel(library, runner, oracle=oracle)
        self.concordance = ConcordancePanel(library, runner)
        self.formula_table = FormulaTablePanel(library, runner)
        self.network = NetworkPanel(library, runner)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for panel in self.panels():
            self.tabs.addTab(panel, "")
            panel.compare_requested.connect(self.compare_requested)
            panel.open_requested.connect(self.open_requested)
        self.tabs.currentChanged.connect(lambda _i: self._maybe_find_similar())
        self.visibilityChanged.connect(lambda _visible: self._maybe_find_similar())
        self.setWidget(self.tabs)
        self.retranslate_ui()

    def panels(self) -> list[TracePanel]:
        return [self.similar, self.passages, self.concordance, self.formula_table, self.network]

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Trace"))
        names = [
            self.tr("Similar speeches"),
            self.tr("Passage search"),
            self.tr("Formula timeline"),
            self.tr("Formula table"),
            self.tr("Copy network"),
        ]
        for index, name in enumerate(names):
            self.tabs.setTabText(index, name)
        if self.trace_actions is not None:
            self.trace_actions.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def indexed_message(self, count: int) -> str:
        return self.tr("Indexed %n speech(es) for tracing.", "", count)

    def indexing_message(self, done: int, total: int) -> str:
        return (
            self.tr("Indexing speeches for tracing: %1 of %2…")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def show_panel(self, panel: TracePanel) -> None:
        self.show()
        self.raise_()
        self.tabs.setCurrentWidget(panel)

    def set_current_document(self, doc_id: int | None, title: str, text: str) -> None:
        if doc_id is not None and doc_id == self.similar.query_id:
            return
        self.similar.set_query(doc_id, title, text)
        self._maybe_find_similar()

    def set_selection(self, ids: list[int]) -> None:
        self.formula_table.set_selection(ids)
        self.network.set_selection(ids)

    def _maybe_find_similar(self) -> None:
        """The similar speeches of the current speech appear by themselves while their tab is on view."""
        if (
            self.isVisible()
            and self.tabs.currentWidget() is self.similar
            and self.similar.query_text
            and not self.similar.results
        ):
            self.similar.run()

    def cancel_work(self) -> None:
        for panel in self.panels():
            panel.cancel_work()

    def remember_choices(self, prefs: S.Settings) -> None:
        """Restore the tab and filters the user last left, and keep `prefs` up to date as they change."""
        remember_choices(
            prefs,
            [
                (self.tabs, S.TRACE_TAB),
                (self.passages.hide_common, S.TRACE_HIDE_COMMON),
                (self.similar.top, S.TRACE_SIMILAR_TOP),
                (self.concordance.grouping, S.TRACE_GROUPING),
                (self.concordance.measure, S.TRACE_MEASURE),
                (self.network.scope, S.TRACE_NETWORK_SCOPE),
                (self.network.threshold, S.TRACE_NETWORK_THRESHOLD),
            ],
        )


class TraceActions:
    """The Trace menu: show the dock, and the questions that start from the current speech or selection."""

    def __init__(self, window: WindowHost, dock: TraceDock) -> None:
        self.window, self.dock = window, dock
        self.show_dock = dock.toggleViewAction()
        self.show_dock.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.similar = self._action(lambda: dock.show_panel(dock.similar), "Ctrl+Shift+M")
        self.passage = self._action(self.search_selection, "Ctrl+Shift+F")
        self.concordance = self._action(lambda: self._focus_concordance(), "Ctrl+Shift+K")  # KWIC
        self.network = self._action(lambda: dock.show_panel(dock.network), "Ctrl+Shift+N")
        self.menu = QMenu(window)
        self.menu.addAction(self.show_dock)
        self.menu.addSeparator()
        self.menu.addActions([self.similar, self.passage, self.concordance, self.network])
        window.add_menu(self.menu)
        self.retranslate()

    def _action(self, slot, shortcut: str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("TraceActions", "T&race"))
        self.show_dock.setText(QCoreApplication.translate("TraceActions", "Show the &Trace panels"))
        self.similar.setText(QCoreApplication.translate("TraceActions", "&Similar speeches"))
        self.passage.setText(
            QCoreApplication.translate("TraceActions", "&Where else does this passage appear?")
        )
        self.concordance.setText(
            QCoreApplication.translate("TraceActions", "Formula &concordance and timeline")
        )
        self.network.setText(QCoreApplication.translate("TraceActions", "Copy &network"))

    def _focus_concordance(self) -> None:
        self.dock.show_panel(self.dock.concordance)
        self.dock.concordance.formula.setFocus()

    def search_selection(self) -> None:
        """Passage search for the text selected in a reading pane (a reader's or a comparison's)."""
        text, doc_id = self._selection()
        self.dock.show_panel(self.dock.passages)
        if text.strip():
            self.dock.passages.set_query(text, exclude=doc_id)
        else:
            self.dock.passages.query.setFocus()

    def _selection(self) -> tuple[str, int | None]:
        """The selected text of the focused reading pane (else the current reader's) and its speech's id."""
        from app.ui.pane.reading_pane import ReadingPane

        focused = QApplication.focusWidget()
        pane = (
            focused
            if isinstance(focused, ReadingPane)
            else getattr(self.window.tabs.currentWidget(), "pane", None)
        )
        if not isinstance(pane, ReadingPane):
            return "", None
        text = pane.textCursor().selectedText().replace("\u2029", "\n")
        widget: QWidget | None = pane
        while widget is not None:
            if widget.property("doc_id") is not None:  # a reader tab
                return text, widget.property("doc_id")
            document = getattr(widget, "document", None)  # a compare pane's CompareDocument
            if document is not None and not callable(document):
                return text, getattr(document, "doc_id", None)
            widget = widget.parentWidget()
        return text, None


def _current_document(window: WindowHost) -> tuple[int | None, str, str]:
    widget = window.tabs.currentWidget()
    doc_id = widget.property("doc_id") if widget is not None else None
    if doc_id is None:
        ids = window.selected_ids()
        if len(ids) != 1:
            return None, "", ""
        doc_id = ids[0]
    document = window.service.document(doc_id)
    if document is None:
        return None, "", ""
    return doc_id, document.meta.title or f"#{doc_id}", window.service.text(doc_id)


def open_span(window: WindowHost, doc_id: int, start: int, end: int) -> None:
    """Open a speech in a reader and select the span (a passage or formula found by a Trace panel)."""
    reader = window.open_reader(doc_id)
    pane = getattr(reader, "pane", None)
    if pane is None or end <= start:
        return
    cursor = pane.textCursor()
    cursor.setPosition(pane.offsets.to_qt(start))
    cursor.setPosition(pane.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    pane.reveal(start, end)


def install_trace(window: WindowHost) -> TraceDock:
    """Add the Trace dock (hidden until asked for) and its menu to the main window."""
    dock = TraceDock(
        lambda: window.service.library,
        window.runner,
        window,
        oracle=lambda: window.service.lexicon.coverage,  # the merged lexicon's matcher, built once
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    dock.compare_requested.connect(lambda ids: window.request_compare(list(ids)))
    dock.open_requested.connect(lambda doc_id, start, end: open_span(window, doc_id, start, end))

    def follow() -> None:
        dock.set_current_document(*_current_document(window))

    def selection_changed() -> None:
        dock.set_selection(window.selected_ids())
        follow()

    window.tabs.currentChanged.connect(lambda _index: follow())
    window.library_view.selection_changed.connect(selection_changed)
    dock.trace_actions = TraceActions(window, dock)

    def load_completions() -> None:
        from app.store.concordance import library_lexicon

        wordings = [w for e in library_lexicon(window.service.library) for w, _s in e.forms()]
        dock.concordance.set_completions(wordings)

    caught_up: list[weakref.ref[Library]] = []

    def catch_up(_rows: int) -> None:
        """Index, in the background, what an older Duidu stored without fingerprints (once per library)."""
        library = window.service.library
        if library.readonly or any(seen() is library for seen in caught_up):
            return
        caught_up.append(weakref.ref(library))

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            from app.store.tracing import ensure_fresh

            return ensure_fresh(library, progress, cancelled)

        def done(count: int) -> None:
            if count:
                window.statusBar().showMessage(dock.indexed_message(count), 5000)

        def indexing(indexed: int, total: int) -> None:
            """An older library is indexed in the background: say so while Trace answers may be incomplete."""
            window.statusBar().showMessage(dock.indexing_message(indexed, total), 10000)

        window.runner.start(work, on_success=done, on_failure=lambda _exc: None, on_progress=indexing)

    window.library_loaded.connect(catch_up)

    def on_visible(visible: bool) -> None:
        if visible and dock.concordance.formula.completer() is None:
            load_completions()

    dock.visibilityChanged.connect(on_visible)
    dock.remember_choices(window.prefs)
    return dock
