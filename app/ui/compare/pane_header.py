"""The line above each compare pane: the document header, its colour, its copy ratio, and "lead".

The colour chip is the colour this document's passages have in the other panes (with three or more
speeches); the lead button picks the reference pane that scroll sync follows.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from app.core.model import DocumentMeta
from app.ui.pane.document_header import DocumentHeader


class PaneHeader(QWidget):
    lead_requested = Signal()

    def __init__(self, meta: DocumentMeta, length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_header = DocumentHeader(meta, length, self)
        self.chip = QLabel(self)
        self.chip.setFixedSize(14, 14)
        self.ratio_label = QLabel(self)
        font = self.ratio_label.font()
        font.setBold(True)
        self.ratio_label.setFont(font)
        self.lead_button = QToolButton(self)
        self.lead_button.setCheckable(True)
        self.lead_button.setAutoRaise(True)
        self.lead_button.clicked.connect(lambda _checked=False: self.lead_requested.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self.chip)
        layout.addWidget(self.document_header, 1)
        layout.addWidget(self.ratio_label)
        layout.addWidget(self.lead_button)
        self._ratio: float | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.lead_button.setText(self.tr("Lead"))
        self.lead_button.setToolTip(self.tr("Scroll the other panes along with this one"))
        self.chip.setToolTip(self.tr("The colour of this speech's passages in the other panes"))
        self.set_ratio(self._ratio)

    def set_colour(self, colour: QColor | None) -> None:
        self.chip.setVisible(colour is not None)
        if colour is not None:
            self.chip.setStyleSheet(f"background:{colour.name()};border:1px solid palette(mid);")

    def set_ratio(self, ratio: float | None) -> None:
        """Share of this speech shared with the others (None while computing)."""
        self._ratio = ratio
        self.ratio_label.setText("" if ratio is None else f"{ratio:.0%}")
        self.ratio_label.setToolTip(
            "" if ratio is None else self.tr("{0:.1%} of this speech is shared with the others").format(ratio)
        )
        self.document_header.set_extra(
            "" if ratio is None else self.tr("shared with the others: {0:.1%}").format(ratio)
        )

    def set_lead(self, lead: bool) -> None:
        self.lead_button.setChecked(lead)

    def details(self) -> str:
        return self.document_header.details()
