"""The Trace dock's tab and filters as the user last left them, so a restart does not undo their choices.

An analyst who hides boilerplate, asks for the top 20 or sets the network's threshold expects that choice
to hold tomorrow; each widget is restored from the preferences and writes back on every change.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QTabWidget

from app.ui.common import settings as S

#: The widgets whose choice can be remembered: a check box, a spin box, or a combo box's or tab's index.
Remembered = QCheckBox | QSpinBox | QComboBox | QTabWidget


def remember_choices(prefs: S.Settings, choices: Iterable[tuple[Remembered, S.Option]]) -> None:
    """Restore each widget from its option in `prefs`, then keep `prefs` up to date as it changes."""
    for widget, option in choices:
        if isinstance(widget, QCheckBox):
            _remember_check(widget, prefs, option)
        elif isinstance(widget, QSpinBox):
            _remember_spin(widget, prefs, option)
        else:
            _remember_index(widget, prefs, option)


def _remember_check(box: QCheckBox, prefs: S.Settings, option: S.Option[bool]) -> None:
    box.setChecked(prefs.get(option))
    box.toggled.connect(lambda checked: prefs.set(option, checked))


def _remember_spin(spin: QSpinBox, prefs: S.Settings, option: S.Option[int]) -> None:
    value = prefs.get(option)
    if spin.minimum() <= value <= spin.maximum():  # a garbled value keeps the widget's default
        spin.setValue(value)
    spin.valueChanged.connect(lambda value: prefs.set(option, value))


def _remember_index(widget: QComboBox | QTabWidget, prefs: S.Settings, option: S.Option[int]) -> None:
    index = prefs.get(option)
    if 0 <= index < widget.count():
        widget.setCurrentIndex(index)

    def store(index: int) -> None:
        if index >= 0:  # a combo being refilled on a language change passes through -1
            prefs.set(option, index)

    changed = widget.currentChanged if isinstance(widget, QTabWidget) else widget.currentIndexChanged
    changed.connect(store)
