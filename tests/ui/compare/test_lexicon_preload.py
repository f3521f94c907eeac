"""The formula lexicon loads in the background once the library is shown, so the first comparison need
not wait for it, and only once per process."""

from __future__ import annotations

import threading

from app.ui.compare import integration


def test_lexicon_loads_in_the_background_after_the_library_and_only_once(window, qtbot, monkeypatch):
    loads: list[str] = []
    loaded = threading.Event()

    def fake_load() -> None:
        loads.append(threading.current_thread().name)
        loaded.set()

    monkeypatch.setattr(integration, "LEXICON_PRELOAD_MS", 10)
    monkeypatch.setattr(integration, "_lexicon_preload_started", False)
    monkeypatch.setattr(integration, "_load_formula_lexicon", fake_load)
    integration.attach_compare(window)
    assert not loads, "nothing loads before the library is shown"
    window.reload()
    qtbot.waitUntil(loaded.is_set, timeout=5000)
    window.reload()
    qtbot.wait(100)
    assert loads == ["duidu-lexicon"], "one load, off the GUI thread"
