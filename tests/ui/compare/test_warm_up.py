"""The compare view is warmed once per process while the app is idle: two bundled samples compared in a
hidden view after the library is shown, so the user's first comparison does not pay the view's one-time
costs; never on screen, never in the user's preferences, and not at all once a comparison was opened."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from app.ui.compare import integration, view, warm_up


def _made_views(monkeypatch) -> list:
    """Every CompareView made from now on, with whether it had a hidden window and highlights when drawn."""
    made: list = []
    init, draw = view.CompareView.__init__, warm_up._draw

    def recording_init(self, *args, **kwargs) -> None:
        init(self, *args, **kwargs)
        made.append({"view": self})

    def recording_draw(shown, folder, finished) -> None:
        made[-1]["hidden"] = shown.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        made[-1]["visible"] = shown.isVisible()
        draw(shown, folder, finished)
        made[-1]["copies"] = sum(
            len(pane.reader.marks(kind))
            for pane in shown.panes
            for kind in pane.reader.mark_kinds()
            if kind.startswith("copy-")
        )

    monkeypatch.setattr(view.CompareView, "__init__", recording_init)
    monkeypatch.setattr(warm_up, "_draw", recording_draw)
    return made


def test_a_hidden_comparison_is_drawn_and_deleted_once_after_the_library_is_shown(window, qtbot, monkeypatch):
    monkeypatch.setattr(integration, "LEXICON_PRELOAD_MS", 10)
    monkeypatch.setattr(warm_up, "WARM_DELAY_MS", 10)
    monkeypatch.setattr(integration, "_lexicon_preload_started", False)
    monkeypatch.setattr(integration, "_load_formula_lexicon", lambda: None)
    monkeypatch.setattr(view, "views_made", 0)
    monkeypatch.setattr(warm_up, "_state", {"started": False, "drawn": False, "done": False})
    prefs_before = {key: window.prefs.backend.value(key) for key in window.prefs.backend.allKeys()}
    made = _made_views(monkeypatch)
    integration.attach_compare(window)
    window.reload()
    qtbot.waitUntil(warm_up.done, timeout=20000)
    assert len(made) == 1
    assert made[0]["hidden"] and made[0]["visible"], (
        "shown to Qt, so it lays out and paints, but not on screen"
    )
    assert made[0]["copies"] > 0, "its panes were highlighted: the highlighting ran once"
    qtbot.waitUntil(lambda: not warm_up._held, timeout=2000)
    assert view.views_made == 0, "the user's first comparison is still the first"
    assert {key: window.prefs.backend.value(key) for key in window.prefs.backend.allKeys()} == prefs_before
    window.reload()
    qtbot.wait(100)
    assert len(made) == 1, "once per process"


def test_no_warm_up_once_a_comparison_was_opened(open_view, qtbot, monkeypatch):
    from tests.ui.compare.conftest import sample_document

    monkeypatch.setattr(view, "views_made", 0)
    monkeypatch.setattr(warm_up, "_state", {"started": False, "drawn": False, "done": False})
    assert warm_up.needed()
    open_view(
        [
            sample_document("01-city-study-session.txt"),
            sample_document("02-county-government-work-report.txt"),
        ]
    )
    made = _made_views(monkeypatch)
    assert not warm_up.warm_compare_view()
    qtbot.wait(100)
    assert made == []


def test_the_warm_up_runs_on_the_gui_thread_in_several_turns(qtbot, monkeypatch):
    """Import, build, draw and close are separate event-loop turns (no single stall holds all of them)."""
    monkeypatch.setattr(view, "views_made", 0)
    monkeypatch.setattr(warm_up, "_state", {"started": False, "drawn": False, "done": False})
    threads: set[str] = set()
    calls: list[str] = []
    for name in ("_build", "_draw", "_grab_each", "_close", "_finish"):
        original = getattr(warm_up, name)

        def recording(*args, _original=original, _name=name):
            threads.add(threading.current_thread().name)
            calls.append(_name)
            return _original(*args)

        monkeypatch.setattr(warm_up, name, recording)
    assert warm_up.warm_compare_view()
    assert calls == [], "nothing runs inside the call that schedules it"
    qtbot.waitUntil(warm_up.done, timeout=20000)
    assert list(dict.fromkeys(calls)) == ["_build", "_draw", "_grab_each", "_close", "_finish"]
    assert calls.count("_build") == len(warm_up.MODULES) + 1, "one module a turn, then the view"
    assert calls.count("_grab_each") >= 4, "two panes, the docks and the window: one a turn"
    assert threads == {threading.main_thread().name}
