"""Set-up shared by Duidu's read-only result tables and OK/Cancel dialogs, written once.

Every list in the app (library, passages, lexicon, candidates, trace results) is a read-only table of
whole rows with one line per row; every small editor is a form above OK/Cancel. Keeping the set-up here
keeps them behaving alike when one of them changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

_Selection = QAbstractItemView.SelectionMode


def setup_result_table(
    table: QTableView,
    *,
    selection: _Selection = _Selection.SingleSelection,
    widths: Iterable[tuple[int, int]] = (),
) -> None:
    """Read-only, whole-row selection, one line per row, columns the user can resize (last one stretches)."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in widths:
        header.resizeSection(column, width)


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """OK/Cancel wired to the dialog's accept/reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def form_dialog_layout(
    dialog: QDialog, form: QLayout, *extra: QWidget, stretch: bool = False
) -> QDialogButtonBox:
    """Lay out `form`, any `extra` widgets (with `stretch`, they take the spare height), then OK/Cancel."""
    buttons = ok_cancel_buttons(dialog)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    for widget in extra:
        layout.addWidget(widget, 1 if stretch else 0)
    layout.addWidget(buttons)
    return buttons
