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
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.core.model import DocumentMeta
from app.ui.widget_setup import form_dialog_layout

_TAG_SPLIT_RE = re.compile(r"[,，、;；]")


def parse_tags(text: str) -> tuple[str, ...]:
    """Split a typed tag line into unique, trimmed tags, keeping the order the user gave."""
    tags = (tag.strip() for tag in _TAG_SPLIT_RE.split(text))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


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
        form.addRow(self.tr("O&ccasion:"), self.occasion)
        form.addRow(self.tr("&Genre:"), self.genre)
        form.addRow(self.tr("So&urce:"), self.source)
        form.addRow(self.tr("T&ags:"), self.tags)
        form.addRow(self.tr("&Notes:"), self.notes)
        form_dialog_layout(self, form)
        self.resize(520, self.sizeHint().height())

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
