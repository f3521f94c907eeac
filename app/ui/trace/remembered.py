"""The Trace dock's tab and filters as the user last left them, so a restart does not undo their choices.

An analyst who hides boilerplate, asks for the top 20 or sets the network's threshold expects that choice
to hold tomorrow; each widget is restored from the preferences and writes back on every change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QTabWidget

from app.ui.common import settings as S

if TYPE_CHECKING:
    from app.ui.trace.dock import TraceDock


def remember_trace_state(dock: TraceDock, prefs: S.Settings) -> None:
    """Restore the dock's tab and filters from `prefs`, then keep `prefs` up to date."""
    _remember_index(dock.tabs, prefs, S.TRACE_TAB)
    _remember_check(dock.passages.hide_common, prefs, S.TRACE_HIDE_COMMON)
    _remember_spin(dock.similar.top, prefs, S.TRACE_SIMILAR_TOP)
    _remember_index(dock.concordance.grouping, prefs, S.TRACE_GROUPING)
    _remember_index(dock.concordance.measure, prefs, S.TRACE_MEASURE)
    _remember_index(dock.network.scope, prefs, S.TRACE_NETWORK_SCOPE)
    _remember_spin(dock.network.threshold, prefs, S.TRACE_NETWORK_THRESHOLD)


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
