"""An unexpected error in a click ends in a dialog that says what failed, the traceback behind Details."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.ui.common import prompts
from app.ui.shell import error_dialog


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_shown_in_a_dialog(qtbot, monkeypatch) -> None:
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        prompts, "warn", lambda _parent, title, text, details="": shown.append((title, text, details))
    )
    monkeypatch.setattr(sys, "excepthook", error_dialog.report_unexpected)
    monkeypatch.setattr(sys, "__excepthook__", lambda *_args: None)  # keep the test log quiet
    button = QPushButton("go")
    qtbot.addWidget(button)

    def fail() -> None:
        raise ValueError("the passage index is out of date")

    button.clicked.connect(fail)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    title, text, details = shown[0]
    assert title == "Something went wrong"
    assert "the passage index is out of date" in text and "Traceback" not in text
    assert "ValueError" in details and "fail" in details


def test_the_gui_installs_the_hook(monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    error_dialog.install_error_dialog()
    assert sys.excepthook is error_dialog.report_unexpected
