"""The demo library: short fictional speeches shipped in resources/samples, offered once to an empty library
so that reading, comparing and the formula marks have something to show on the first run."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.paths import resource
from app.ui.common import settings as S
from app.ui.common.prompts import ask

# The texts stay filed under the main window's context, where the translations have them.
translate = QCoreApplication.translate


def demo_files() -> list[Path]:
    """The demo speeches shipped in resources/samples (not their README)."""
    folder = resource("samples")
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def offer_demo(parent: QWidget, prefs: S.Settings, library_empty: bool) -> bool:
    """Ask, once ever, whether an empty library should get the demo speeches; True when the user accepts."""
    if not library_empty or prefs.get(S.DEMO_OFFERED) or not demo_files():
        return False
    prefs.set(S.DEMO_OFFERED, True)
    question = translate(
        "MainWindow",
        "Your library is empty. Import the demo library — a few speeches written for Duidu that "
        "share passages and formulas — to try reading and comparing?",
    )
    return ask(parent, translate("MainWindow", "Welcome to Duidu"), question)
