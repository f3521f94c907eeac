"""Preferences: interface language and colour scheme, applied as soon as the dialog is accepted."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QWidget

from app.ui.common import settings as S
from app.ui.common.widget_setup import form_dialog_layout
from app.ui.shell.i18n import LANGUAGES


class PreferencesDialog(QDialog):
    def __init__(self, prefs: S.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        for value, name in LANGUAGES:
            self.language.addItem(name or self.tr("System default"), value)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.get(S.LANGUAGE))))
        self.theme = QComboBox()
        for value, name in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(name, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.get(S.THEME))))
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Appearance:"), self.theme)
        form_dialog_layout(self, form)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def chosen_theme(self) -> str:
        return str(self.theme.currentData())
