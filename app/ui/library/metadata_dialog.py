"""Edit what the library knows about a speech: every metadata field, its tags and the user's notes.

The importer's guesses are often incomplete, so every field is editable; tags are typed as one line and
split on Western or Chinese commas, which is how analysts type them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.core.dates import parse_date
from app.core.model import DocumentMeta
from app.ui.common.theme import current_theme
from app.ui.common.widget_setup import form_dialog_layout

_TAG_SPLIT_RE = re.compile(r"[,，、;；]")


def parse_tags(text: str) -> tuple[str, ...]:
    """Split a typed tag line into unique, trimmed tags, keeping the order the user gave."""
    tags = (tag.strip() for tag in _TAG_SPLIT_RE.split(text))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def iso_date(text: str) -> str | None:
    """The ISO form of a typed date (`2023年4月12日`, `2023/4/12`, `2023-04`, `2023`); '' for no date, None
    for text that is not a date. Dates sort the library, fill the year facet and orient the copy network,
    so they are stored in one form."""
    text = text.strip()
    if not text:
        return ""
    if re.fullmatch(r"(1[89]|20)\d\d", text):
        return text
    return parse_date(text) or None


def known_genres() -> tuple[str, ...]:
    try:
        from app.core.metadata import GENRES
    except ImportError:  # the guesser is optional for editing
        return ()
    return GENRES


class MetadataDialog(QDialog):
    """A form over one DocumentMeta; `meta()` returns the edited copy."""

    def __init__(self, meta: DocumentMeta, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = meta
        self.setWindowTitle(self.tr("Edit speech details"))
        self.title = QLineEdit(meta.title)
        self.speaker = QLineEdit(meta.speaker)
        self.role = QLineEdit(meta.role)
        self.organisation = QLineEdit(meta.organisation)
        self.date = QLineEdit(meta.date)
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD, YYYY-MM or YYYY"))
        self.occasion = QLineEdit(meta.occasion)
        self.genre = QComboBox()
        self.genre.setEditable(True)
        self.genre.addItems(["", *known_genres()])
        self.genre.setCurrentText(meta.genre)
        self.source = QLineEdit(meta.source_path)
        self.tags = QLineEdit("，".join(meta.tags))
        self.tags.setPlaceholderText(self.tr("Separate tags with commas"))
        self.notes = QPlainTextEdit(meta.notes)
        self.notes.setTabChangesFocus(True)

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Speaker:"), self.speaker)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("Region / &organisation:"), self.organisation)
        form.addRow(self.tr("&Date:"), self.date)
        self.date_error = QLabel()
        self.date_error.setWordWrap(True)
        self.date_error.setStyleSheet(f"color: {current_theme().colour('error.foreground').name()}")
        form.addRow("", self.date_error)
        self.date_error.hide()
        form.addRow(self.tr("O&ccasion:"), self.occasion)
        form.addRow(self.tr("&Genre:"), self.genre)
        form.addRow(self.tr("So&urce:"), self.source)
        form.addRow(self.tr("T&ags:"), self.tags)
        form.addRow(self.tr("&Notes:"), self.notes)
        form_dialog_layout(self, form)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        """Store the date in ISO form; text that is no date keeps the dialog open with a hint."""
        date = iso_date(self.date.text())
        if date is None:
            self.date_error.setText(
                self.tr("Not a date Duidu can read: write 2023-04-12, 2023年4月12日, 2023-04 or 2023.")
            )
            self.date_error.show()
            self.date.setFocus()
            self.date.selectAll()
            return
        self.date.setText(date)
        super().accept()

    def meta(self) -> DocumentMeta:
        return replace(
            self._original,
            title=self.title.text().strip(),
            speaker=self.speaker.text().strip(),
            role=self.role.text().strip(),
            organisation=self.organisation.text().strip(),
            date=self.date.text().strip(),
            occasion=self.occasion.text().strip(),
            genre=self.genre.currentText().strip(),
            source_path=self.source.text().strip(),
            tags=parse_tags(self.tags.text()),
            notes=self.notes.toPlainText().strip(),
        )
