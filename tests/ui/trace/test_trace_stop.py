"""A long Trace query can be stopped from its status line; its late result is not shown."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt


def test_stop_button_cancels_a_running_passage_search(make_window, gui_library, qtbot, monkeypatch) -> None:
    import app.store.tracing as tracing

    calls = {"cancelled": False}

    def slow_find_passage(library, text, *, progress, cancelled, **_kwargs):  # type: ignore[no-untyped-def]
        while not cancelled():
            progress(1, 10)
            time.sleep(0.01)
        calls["cancelled"] = True
        raise RuntimeError("cancelled")

    monkeypatch.setattr(tracing, "find_passage", slow_find_passage)
    window = make_window(gui_library, inline=False)
    panel = window.trace.passages
    window.trace.show_panel(panel)
    stop = panel.status.stop
    assert not stop.isVisible()
    panel.set_query("坚持以习近平新时代中国特色社会主义思想为指导")
    qtbot.waitUntil(stop.isVisible)
    assert stop.text() == "Stop"
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: calls["cancelled"] and window.runner.active_count() == 0)
    qtbot.wait(50)  # the worker's failure report arrives after the click: it must not replace "Stopped."
    assert panel.status.text() == "Stopped."
    assert not stop.isVisible()
    assert panel.search is None
