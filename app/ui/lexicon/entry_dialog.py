"""Add or edit one formula entry: canonical wording, variants, outdated wordings, meaning, category, year.

The dialog only checks the entry (a wording that leaves nothing to match, or that takes another formula's
place, keeps OK disabled with the reason shown); saving is the caller's, so it can be undone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.core.formulas.lexicon import FormulaEntry, match_key
from app.core.normalize import REDACTION
from app.ui.common.widget_setup import form_dialog_layout
from app.ui.lexicon.table_model import category_name

_NO_YEAR = 1899
Clash = Callable[[FormulaEntry], "str | None"]


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("|") if part.strip())


class LexiconEntryDialog(QDialog):
    def __init__(
        self,
        entry: FormulaEntry | None,
        categories: list[str],
        clash: Clash,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clash = clash
        self.canonical = QLineEdit()
        self.variants = QLineEdit()
        self.outdated = QLineEdit()
        self.expansion = QLineEdit()
        self.category = QComboBox()
        self.category.setEditable(True)
        for name in categories:
            self.category.addItem(category_name(name), name)
        self.year = QSpinBox()
        self.year.setRange(_NO_YEAR, 2100)
        self.year.setSpecialValueText(self.tr("first seen in the library"))
        self.year_source = QLineEdit()
        self.note = QLineEdit()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(highlight);")
        form = QFormLayout()
        form.addRow(self.tr("&Formula:"), self.canonical)
        form.addRow(self.tr("&Variants:"), self.variants)
        form.addRow(self.tr("&Outdated wordings:"), self.outdated)
        form.addRow(self.tr("&Expansion:"), self.expansion)
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("First official &use:"), self.year)
        form.addRow(self.tr("&Source of the year:"), self.year_source)
        form.addRow(self.tr("&Note:"), self.note)
        self.buttons = form_dialog_layout(self, form, self.problem)
        hint = self.tr("Separate several wordings with |")
        self.variants.setPlaceholderText(hint)
        self.outdated.setPlaceholderText(hint)
        self.setWindowTitle(self.tr("Edit formula") if entry else self.tr("Add formula"))
        self.setMinimumWidth(520)
        if entry is not None:
            self._show(entry)
        for edit in (self.canonical, self.variants, self.outdated):
            edit.textChanged.connect(self._check)
        self._check()

    def _show(self, entry: FormulaEntry) -> None:
        self.canonical.setText(entry.canonical)
        self.variants.setText(" | ".join(entry.variants))
        self.outdated.setText(" | ".join(entry.outdated))
        self.expansion.setText(entry.expansion)
        index = self.category.findData(entry.category)
        if index < 0 and entry.category:
            self.category.addItem(category_name(entry.category), entry.category)
            index = self.category.count() - 1
        self.category.setCurrentIndex(index)
        if index < 0:
            self.category.setEditText("")
        self.year.setValue(entry.first_year or _NO_YEAR)
        self.year_source.setText(entry.first_year_source)
        self.note.setText(entry.note)

    def entry(self) -> FormulaEntry:
        """The entry as filled in."""
        text = self.category.currentText().strip()
        index = self.category.findText(text)
        category = str(self.category.itemData(index)) if index >= 0 else text
        return FormulaEntry(
            canonical=self.canonical.text().strip(),
            variants=_split(self.variants.text()),
            outdated=_split(self.outdated.text()),
            expansion=self.expansion.text().strip(),
            category=category,
            first_year=None if self.year.value() == _NO_YEAR else self.year.value(),
            first_year_source=self.year_source.text().strip(),
            note=self.note.text().strip(),
        )

    def problem_text(self) -> str:
        """Why the entry cannot be saved, or "" when it can."""
        entry = self.entry()
        if not entry.canonical:
            return self.tr("Type the formula's canonical wording.")
        for wording, _status in entry.forms():
            key = match_key(wording)
            if not key or REDACTION in key:
                return self.tr("“%1” has no characters to match.").replace("%1", wording)
        owner = self._clash(entry)
        if owner is not None:
            return self.tr("A wording is already the formula “%1”.").replace("%1", owner)
        return ""

    def _check(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        if not self.problem_text():
            super().accept()
