"""The compare view's toolbar: previous/next passage, the formula and scroll toggles, the parameters and the
exports.

The keys are listed once, in `compare_shortcuts()`, which the toolbar and Help → Keyboard shortcuts both
read. The actions belong to the view (their shortcuts work anywhere inside it, not in other tabs); the
texts stay filed under the view's translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

if TYPE_CHECKING:
    from app.ui.compare.params_bar import ParamsBar

#: Keyboard shortcuts of the exports (Ctrl+E is the library's Edit details; these are free everywhere).
EXPORT_HTML_KEY, EXPORT_PDF_KEY = "Ctrl+Shift+E", "Ctrl+Shift+P"

translate = QCoreApplication.translate


def compare_shortcuts() -> list[tuple[str, list[QKeySequence]]]:
    """Previous/next passage and the exports with their keys, read by the view and the shortcuts dialog."""
    return [
        (
            QCoreApplication.translate("CompareView", "Previous passage"),
            [QKeySequence("Shift+F7"), QKeySequence("Alt+Up")],
        ),
        (
            QCoreApplication.translate("CompareView", "Next passage"),
            [QKeySequence("F7"), QKeySequence("Alt+Down")],
        ),
        (QCoreApplication.translate("CompareView", "Export HTML…"), [QKeySequence(EXPORT_HTML_KEY)]),
        (QCoreApplication.translate("CompareView", "Export PDF…"), [QKeySequence(EXPORT_PDF_KEY)]),
    ]


class CompareToolbar(QToolBar):
    """Builds the view's actions around `params` and calls the given slots when they are triggered."""

    def __init__(
        self,
        view: QWidget,
        params: ParamsBar,
        *,
        previous_passage: Callable[[], object],
        next_passage: Callable[[], object],
        formulas: Callable[[bool], object],
        sync: Callable[[bool], object],
        export_html: Callable[[], object],
        export_pdf: Callable[[], object],
    ) -> None:
        super().__init__()
        self._view = view
        self.setObjectName("compare-toolbar")
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        (_, previous_keys), (_, next_keys), (_, html_keys), (_, pdf_keys) = compare_shortcuts()
        self.previous = self._action(previous_passage, previous_keys)
        self.next = self._action(next_passage, next_keys)
        self.formulas = self._action(lambda: formulas(self.formulas.isChecked()))
        self.formulas.setCheckable(True)
        self.sync = self._action(lambda: sync(self.sync.isChecked()))
        self.sync.setCheckable(True)
        self.export_html = self._action(export_html, html_keys)
        self.export_pdf = self._action(export_pdf, pdf_keys)
        self.addActions([self.previous, self.next])
        self.addSeparator()
        self.addActions([self.formulas, self.sync])
        self.addSeparator()
        self.addWidget(params)
        self.addSeparator()
        self.addActions([self.export_html, self.export_pdf])

    def _action(self, slot: Callable[[], object], shortcuts: Sequence[QKeySequence] = ()) -> QAction:
        action = QAction(self._view)
        action.setShortcuts(list(shortcuts))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._view.addAction(action)
        return action

    def retranslate(self) -> None:
        keyed = (self.previous, self.next, self.export_html, self.export_pdf)
        for action, (text, _keys) in zip(keyed, compare_shortcuts(), strict=True):
            action.setText(text)
        self.formulas.setText(translate("CompareView", "Show formulas"))
        self.formulas.setToolTip(
            translate("CompareView", "Show passages that are only shared formulas (muted grey)")
        )
        self.sync.setText(translate("CompareView", "Scroll together"))
        self.sync.setToolTip(
            translate("CompareView", "Keep the panes aligned on their shared passages while scrolling")
        )
        for action, tip in (
            (
                self.export_html,
                translate("CompareView", "Save the comparison as a self-contained HTML report"),
            ),
            (self.export_pdf, translate("CompareView", "Save the comparison as a PDF report")),
        ):
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        self.setWindowTitle(translate("CompareView", "Compare toolbar"))
