"""Modal questions and notices in one place, so GUI tests can answer them without a blocking dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget | None, title: str, text: str, *, default_yes: bool = True) -> bool:
    """A yes/no question; True when the user said yes."""
    default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, default
    )
    return answer == QMessageBox.StandardButton.Yes


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """A problem the user should read; `details` goes behind the "Show Details…" button."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()
