"""The details dialog stores dates in one form and refuses text that is no date, with a hint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from app.core.model import DocumentMeta
from app.ui.library.metadata_dialog import MetadataDialog


def _ok(dialog: MetadataDialog):  # type: ignore[no-untyped-def]
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_a_chinese_date_is_stored_in_iso_form_and_nonsense_is_refused(qtbot, type_text) -> None:
    dialog = MetadataDialog(DocumentMeta(title="讲话", date="2023-01-01"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.clear()
    type_text(dialog.date, "下周一")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.date_error.isVisible() and "2023-04-12" in dialog.date_error.text()
    assert dialog.focusWidget() is dialog.date and dialog.date.selectedText() == "下周一"

    type_text(dialog.date, "2023年4月12日")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.meta().date == "2023-04-12"


def test_an_empty_date_or_a_bare_year_is_accepted(qtbot) -> None:
    for typed, stored in (("", ""), ("2019", "2019"), ("2019/7/1", "2019-07-01")):
        dialog = MetadataDialog(DocumentMeta(title="讲话"))
        qtbot.addWidget(dialog)
        dialog.date.setText(typed)
        dialog.accept()
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.meta().date == stored


def test_the_date_hint_is_readable_on_a_dark_background(qtbot) -> None:
    from PySide6.QtGui import QColor

    from app.ui.common.theme import current_theme

    theme = current_theme()
    before = theme.preference
    try:
        colours = {}
        for scheme in ("light", "dark"):
            theme.set_preference(scheme)
            dialog = MetadataDialog(DocumentMeta(title="讲话"))
            qtbot.addWidget(dialog)
            colours[scheme] = QColor(dialog.date_error.styleSheet().split("color:")[1].strip())
    finally:
        theme.set_preference(before)
    # light text on the dark window, dark text on the light one
    assert colours["dark"].lightnessF() > 0.6 > colours["light"].lightnessF()
