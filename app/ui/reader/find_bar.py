"""Find inside a reading pane (Ctrl+F): every hit marked, a counter, next/previous, Esc to close.

Matching goes through the normalised view (app.core.normalize), the same one the passage engine uses, so
"ＧＤＰ" finds "GDP", a phrase broken by a line break is still found, and quote styles do not matter; each
hit is mapped back to the original text before it is marked. Hits are transient marks (extra selections),
so stepping through them never re-lays out the text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.core.normalize import normalize
from app.ui.pane.reading_pane import ReadingPane


def find_hits(pane: ReadingPane, query: str) -> list[tuple[int, int]]:
    """Original-text spans of the non-overlapping matches of `query` in the pane's normalised text."""
    needle = normalize(query).text
    if not needle:
        return []
    view = pane.normalized_view()
    hits: list[tuple[int, int]] = []
    start = view.text.find(needle)
    while start >= 0:
        hits.append(view.original_span(start, start + len(needle)))
        start = view.text.find(needle, start + len(needle))
    return hits


def find_shortcuts() -> list[tuple[str, list[QKeySequence]]]:
    """Find, Find Next, Find Previous with their keys, read by the bar and by the shortcuts dialog."""
    return [
        (QCoreApplication.translate("FindBar", "Find…"), [QKeySequence(QKeySequence.StandardKey.Find)]),
        (QCoreApplication.translate("FindBar", "Find Next"), [QKeySequence("F3")]),
        (QCoreApplication.translate("FindBar", "Find Previous"), [QKeySequence("Shift+F3")]),
    ]


class FindBar(QWidget):
    """A slim bar under the pane; `open()` shows and focuses it, `close_bar()` clears the marks."""

    #: Index of the current hit (-1 when none) and the number of hits.
    hits_changed = Signal(int, int)
    closed = Signal()

    def __init__(self, pane: ReadingPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pane = pane
        self._hits: list[tuple[int, int]] = []
        self._current = -1
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.search)
        self.edit.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("0000 / 0000"))
        self.find_label = QLabel(self)
        self.previous_button = self._button("‹", self.previous)
        self.next_button = self._button("›", self.next)
        self.close_button = self._button("×", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.find_label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        (_, find_keys), (_, next_keys), (_, previous_keys) = find_shortcuts()
        self.find_action = self._action(find_keys, self.open)
        self.next_action = self._action(next_keys, self.next)
        self.previous_action = self._action(previous_keys, self.previous)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        """Every visible string; called at start and whenever the language changes."""
        self.edit.setPlaceholderText(self.tr("Find in this speech"))
        self.find_label.setText(self.tr("Find:"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter, Shift+F3)"))
        self.next_button.setToolTip(self.tr("Next match (Enter, F3)"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        for action, (text, _keys) in zip(self.actions_for_host(), find_shortcuts(), strict=True):
            action.setText(text)
        self._update_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _button(self, text: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _action(self, keys: list, slot: object) -> QAction:
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        return action

    def actions_for_host(self) -> list[QAction]:
        """Find, Find Next, Find Previous: the host adds them to itself so the shortcuts work from the pane."""
        return [self.find_action, self.next_action, self.previous_action]

    # ---- state ------------------------------------------------------------------------------------------

    def hits(self) -> list[tuple[int, int]]:
        return list(self._hits)

    def current_index(self) -> int:
        return self._current

    def open(self) -> None:
        """Show the bar, prefilled with the pane's selection if there is one, and focus the query."""
        selected = self._pane.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.search()

    def close_bar(self) -> None:
        self._pane.clear_transient("find")
        self._pane.clear_transient("find-current")
        self.hide()
        self._pane.setFocus()
        self.closed.emit()

    def search(self) -> None:
        """Find every hit of the query and make the first one at or after the viewport current."""
        self._hits = find_hits(self._pane, self.edit.text())
        self._pane.set_transient("find", self._hits)
        self._current = -1
        if self._hits:
            top = self._pane.first_visible_offset()
            self._current = next((i for i, (s, _) in enumerate(self._hits) if s >= top), 0)
        self._show_current()

    def next(self) -> None:
        if self._hits:
            self._current = (self._current + 1) % len(self._hits)
            self._show_current()

    def previous(self) -> None:
        if self._hits:
            self._current = (self._current - 1) % len(self._hits)
            self._show_current()

    def _show_current(self) -> None:
        if self._current >= 0:
            start, end = self._hits[self._current]
            self._pane.set_transient("find-current", [(start, end)])
            self._pane.reveal(start, end)
        else:
            self._pane.clear_transient("find-current")
        self._update_label()
        self.hits_changed.emit(self._current, len(self._hits))

    def _update_label(self) -> None:
        if not self.edit.text():
            self.count_label.setText("")
        elif not self._hits:
            self.count_label.setText(self.tr("No results"))
        else:
            self.count_label.setText(self.tr("{0} / {1}").format(self._current + 1, len(self._hits)))
        self.previous_button.setEnabled(len(self._hits) > 1)
        self.next_button.setEnabled(len(self._hits) > 1)

    # ---- keys -------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.previous() if shift else self.next()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
