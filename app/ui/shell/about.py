"""The About box: what Duidu is and which version is running (bug reports need it)."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from app import __version__


def about_text() -> str:
    translate = QCoreApplication.translate
    return "".join(
        (
            "<h3>",
            translate("About", "Duidu (对读)"),
            f" {__version__}</h3>",
            "<p>",
            translate("About", "Read and compare Chinese official speeches side by side."),
            "</p><p>",
            translate("About", "Version {version} · Qt {qt} · PySide {pyside}").format(
                version=__version__, qt=qVersion(), pyside=PySide6.__version__
            ),
            "</p>",
        )
    )


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "About Duidu"), about_text())
