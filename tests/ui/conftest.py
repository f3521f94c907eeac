"""Fixtures for GUI tests: a real temporary library, private preferences, and the main window over them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.store import Library, open_library
from app.ui.common import settings as S


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.duidu.sqlite"


@pytest.fixture
def gui_library(library_path: Path) -> Iterator[Library]:
    library = open_library(str(library_path))
    yield library
    library.close()


@pytest.fixture
def prefs(tmp_path: Path) -> S.Settings:
    return S.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, prefs):
    """Build a main window over a library, with tasks run inline so tests are deterministic."""
    from app.ui.common.library_service import LibraryService
    from app.ui.common.tasks import TaskRunner
    from app.ui.shell.main_window import MainWindow

    def make(library: Library, *, inline: bool = True) -> MainWindow:
        window = MainWindow(LibraryService(library), prefs, TaskRunner(inline=inline))
        window.importer.show_results = True
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window, gui_library):
    return make_window(gui_library)


@pytest.fixture
def type_text(qtbot):
    """Type text the way a Chinese user does: ASCII as key clicks, anything else committed by an input method.

    (QTest.keyClicks only knows ASCII keys; Chinese reaches widgets as QInputMethodEvent commits.)
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    def type_into(widget, text: str) -> None:
        widget.setFocus()
        for char in text:
            if char.isascii():
                qtbot.keyClicks(widget, char)
            else:
                event = QInputMethodEvent("", [])
                event.setCommitString(char)
                QApplication.sendEvent(widget, event)

    return type_into


@pytest.fixture(autouse=True)
def _english_interface(qapp):
    """Run GUI tests in English, as the app does on a system whose language Duidu lacks."""
    from app.ui.shell.i18n import Translations

    translations = Translations()
    translations.apply("en")
    yield translations
    translations.apply("en")


@pytest.fixture(autouse=True)
def _no_remembered_comparisons() -> None:
    """Each test computes and draws its comparisons afresh: results and pane drawings the compare view
    remembers for the session (result_memo, highlights, overview marks) would otherwise carry over from earlier tests."""
    memo = sys.modules.get("app.ui.compare.result_memo")
    if memo is not None:
        memo.forget_all()
    drawn = sys.modules.get("app.ui.compare.highlights")
    if drawn is not None:
        drawn.forget_drawn()
    overview = sys.modules.get("app.ui.compare.overview")
    if overview is not None:
        overview.forget_placed()


@pytest.fixture(autouse=True)
def _no_unanswered_message_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box no test answers would wait for a click until the run's time-out: fail at once
    instead, saying what it asked (tests answer prompts by patching `ask`/`warn` where they are used)."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(box: QMessageBox, *_args: object) -> int:
        raise AssertionError(f"unanswered message box: {box.windowTitle()!r}: {box.text()!r}")

    def refuse_question(_parent: object, title: str, text: str, *_args: object) -> int:
        raise AssertionError(f"unanswered question: {title!r}: {text!r}")

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(refuse_question))
