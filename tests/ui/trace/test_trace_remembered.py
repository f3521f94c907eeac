"""The Trace dock's tab and filters survive closing and reopening the window (the same preferences)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_trace_tab_and_filters_are_remembered_across_a_restart(make_window, gui_library, qtbot) -> None:
    window = make_window(gui_library)
    dock = window.trace
    dock.show_panel(dock.passages)
    qtbot.mouseClick(
        dock.passages.hide_common, Qt.MouseButton.LeftButton, pos=dock.passages.hide_common.rect().center()
    )
    assert dock.passages.hide_common.isChecked()
    dock.tabs.setCurrentWidget(dock.network)
    dock.similar.top.setValue(25)
    dock.network.threshold.setValue(40)
    dock.network.scope.setCurrentIndex(1)
    dock.concordance.grouping.setCurrentIndex(dock.concordance.grouping.count() - 1)
    window.close()

    again = make_window(gui_library)
    trace = again.trace
    assert trace.passages.hide_common.isChecked()
    assert trace.tabs.currentWidget() is trace.network
    assert trace.similar.top.value() == 25
    assert trace.network.threshold.value() == 40
    assert trace.network.scope.currentIndex() == 1
    assert trace.concordance.grouping.currentIndex() == trace.concordance.grouping.count() - 1


def test_a_garbled_remembered_value_keeps_the_default(make_window, gui_library, prefs) -> None:
    prefs.backend.setValue("trace/similar_top", "lots")
    prefs.backend.setValue("trace/tab", 99)
    window = make_window(gui_library)
    assert window.trace.similar.top.value() == 10
    assert window.trace.tabs.currentIndex() == 0
