"""The parameter controls of the compare view, with the progress and cancel of the recompute they cause.

Changes are debounced: typing "30" in the length box must start one recompute, not two. `count formulas`
needs no new matching (it only changes the ratios), but it goes through the same path so the cache key
and the evidence metadata always describe what is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QToolButton,
    QWidget,
)

from app.ui.compare.compute import CompareSettings
from app.ui.compare.elided_label import ElidedLabel

DEBOUNCE_MS = 400
#: What the boxes accept (remembered values outside these fall back to the defaults).
MIN_CHARS_RANGE = (4, 500)
MIN_SIMILARITY_RANGE = (0.5, 1.0)


class ParamsBar(QWidget):
    settings_changed = Signal(object)  # CompareSettings
    cancel_requested = Signal()

    def __init__(self, settings: CompareSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_chars = QSpinBox()
        self.min_chars.setRange(*MIN_CHARS_RANGE)
        self.min_chars.setValue(settings.min_chars)
        self.min_similarity = QDoubleSpinBox()
        self.min_similarity.setRange(*MIN_SIMILARITY_RANGE)
        self.min_similarity.setSingleStep(0.05)
        self.min_similarity.setDecimals(2)
        self.min_similarity.setValue(settings.min_similarity)
        self.count_formulas = QCheckBox()
        self.count_formulas.setChecked(settings.count_formulas)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(True)
        self.cancel_button = QToolButton()
        self.cancel_button.clicked.connect(lambda _checked=False: self.cancel_requested.emit())
        self.status = ElidedLabel()  # gives way to the export actions beside the bar
        self._min_label, self._sim_label = QLabel(), QLabel()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.settings_changed.emit(self.settings()))
        self.min_chars.valueChanged.connect(lambda _v: self._debounce.start())
        self.min_similarity.valueChanged.connect(lambda _v: self._debounce.start())
        self.count_formulas.toggled.connect(lambda _v: self._debounce.start())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (
            self._min_label,
            self.min_chars,
            self._sim_label,
            self.min_similarity,
            self.count_formulas,
            self.progress,
            self.cancel_button,
            self.status,
        ):
            layout.addWidget(widget)
        self.set_busy(False)
        self.retranslate()

    def retranslate(self) -> None:
        self._min_label.setText(self.tr("Min. length"))
        self.min_chars.setToolTip(self.tr("Shortest passage, in characters without punctuation"))
        self._sim_label.setText(self.tr("Min. similarity"))
        self.min_similarity.setToolTip(self.tr("Lowest similarity of a near-copy (1 = identical)"))
        self.count_formulas.setText(self.tr("Count formulas"))
        self.count_formulas.setToolTip(
            self.tr("Count shared formulas as copied text in the ratios (they are left out by default)")
        )
        self.cancel_button.setText(self.tr("Cancel"))

    def settings(self) -> CompareSettings:
        return CompareSettings(
            min_chars=self.min_chars.value(),
            min_similarity=round(self.min_similarity.value(), 2),
            count_formulas=self.count_formulas.isChecked(),
        )

    def apply_now(self) -> None:
        """Emit the pending change at once (tests, and Enter in a box)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.settings_changed.emit(self.settings())

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def set_progress(self, done: int, total: int) -> None:
        """Shown at the bar's next paint: QProgressBar.setValue repaints the bar at once (and flushes the
        window), a stall of its own for each of the 28 pairs of eight speeches as they land."""
        bar = self.progress
        bar.setUpdatesEnabled(False)
        try:
            bar.setRange(0, max(total, 1))
            bar.setValue(done)
            bar.setFormat(self.tr("%v of %m pairs"))
        finally:
            bar.setUpdatesEnabled(True)  # (which asks for that paint)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAlignment(Qt.AlignmentFlag.AlignVCenter)
