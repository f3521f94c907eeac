"""The reader's notice that a speech's text was recognised by OCR, so quotations get checked against the scan."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.core.model import OCR_TAG, DocumentMeta


class OcrBanner(QLabel):
    """Shown above the text of a document tagged OCR; its tooltip carries the import's confidence note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ocrBanner")
        self.setWordWrap(True)
        self.setContentsMargins(8, 4, 8, 4)
        self.setText(
            self.tr("Text recognised by OCR from page images: check quotations against the original.")
        )
        self.setStyleSheet(
            "#ocrBanner { background: palette(alternate-base); border-bottom: 1px solid palette(mid); }"
        )
        self.setVisible(False)

    def show_for(self, meta: DocumentMeta) -> None:
        recognised = OCR_TAG in meta.tags
        self.setToolTip(meta.notes if recognised else "")
        self.setVisible(recognised)
