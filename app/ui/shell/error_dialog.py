"""Unexpected errors in the GUI end in a readable dialog, not in a traceback on a console nobody sees.

PySide prints an exception raised in a slot and carries on, so without this hook a failed click simply
does nothing. Expected failures (a locked library, an unreadable file) are reported where they happen;
this is the net under everything else. The traceback stays behind "Show Details…" for a bug report.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.ui.common import prompts

_showing = False


def report_unexpected(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook for the GUI: print as Python does, then tell the user in a dialog (one at a time)."""
    global _showing
    sys.__excepthook__(kind, error, tb)
    if issubclass(kind, KeyboardInterrupt) or _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        title = QCoreApplication.translate("ErrorDialog", "Something went wrong")
        text = QCoreApplication.translate(
            "ErrorDialog",
            "Duidu could not finish what you asked: %1\n\nYou can try again or carry on with something else.",
        ).replace("%1", str(error) or kind.__name__)
        details = "".join(traceback.format_exception(kind, error, tb))
        prompts.warn(QApplication.activeWindow(), title, text, details)
    finally:
        _showing = False


def install_error_dialog() -> None:
    sys.excepthook = report_unexpected
