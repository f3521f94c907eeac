"""A comparison of two short bundled samples, opened off screen once per process while the app is idle, so
that the user's first comparison does not pay the view's one-time costs.

The first compare view of a process spends ~100 ms of GUI-thread CPU that no later view spends: PySide
makes its enum classes on first use, Qt builds its glyph caches, painter state and style pixmaps on first
paint, and every highlighting and drawing function runs for the first time. About a third of the first
paint, the longest event of a first open, is such first-time work. Opened in idle turns after the library
is shown (after the formula preload), none of it is left for the user's first comparison; importing the
view's modules (~0.15 s) moves out of that first comparison too.

Each part runs in an event-loop turn of its own (import, build, draw, close), and nothing here runs when a
comparison has been opened already: its first open paid, so there is nothing left to warm.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

#: After the formula preload has started (integration.LEXICON_PRELOAD_MS), wait this long, then warm.
WARM_DELAY_MS = 1000
#: Between two parts (ms): a timer, not a posted call, so that the loop serves its due timers and input
#: between any two parts.
TURN_MS = 1
#: Size of the hidden window: wide enough for both panes' lines, headers and docks to be drawn.
WARM_SIZE = (1200, 800)
_state = {"started": False, "drawn": False, "done": False}
#: The hidden view while it lives (nothing else holds it).
_held: list[object] = []


def needed() -> bool:
    """Whether a warm-up is still to run: not started, and no comparison opened yet in this process."""
    import sys

    if _state["started"]:
        return False
    view = sys.modules.get("app.ui.compare.view")
    return view is None or not getattr(view, "views_made", 0)


def done() -> bool:
    return _state["done"]


def warm_compare_view(finished: Callable[[], None] | None = None) -> bool:
    """Start the warm-up in the coming event-loop turns (False: not needed); `finished` is called after."""
    if not needed():
        return False
    _state["started"] = True
    QTimer.singleShot(TURN_MS, lambda: _build(finished))
    return True


def _sample_documents():
    from app.core.text import clean_text, content_hash
    from app.paths import resource
    from app.ui.compare.compute import CompareDocument

    documents = []
    for path in sorted(resource("samples").glob("0*.txt"))[:2]:
        text = clean_text(path.read_text(encoding="utf-8"))
        documents.append(CompareDocument(path.stem, text, content_hash(text)))
    return documents


#: The view's modules, imported one per turn (the import is the largest part: ~0.15 s in one piece).
MODULES = (
    "app.ui.compare.compute",
    "app.ui.pane.reading_pane",
    "app.ui.compare.highlights",
    "app.ui.compare.passage_table",
    "app.ui.compare.view",
)


def _build(finished: Callable[[], None] | None, modules: tuple[str, ...] = MODULES) -> None:
    from importlib import import_module

    if modules:
        import_module(modules[0])
        QTimer.singleShot(TURN_MS, lambda: _build(finished, modules[1:]))
        return
    from app.ui.common import settings as S
    from app.ui.compare import view as view_module

    documents = _sample_documents()
    if len(documents) < 2:
        _finish(None, finished)
        return
    folder = tempfile.TemporaryDirectory(prefix="duidu-warm-", ignore_cleanup_errors=True)
    # the hidden view's dock layout and knobs go to a throwaway file, never to the user's preferences
    prefs = S.Settings(QSettings(str(Path(folder.name) / "warm.ini"), QSettings.Format.IniFormat))
    view = view_module.CompareView(documents, prefs=prefs)
    view_module.views_made -= 1  # the user's first comparison is still to come
    _held.append((view, folder))
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(*WARM_SIZE)
    view.show()
    view.highlights_ready.connect(lambda: QTimer.singleShot(TURN_MS, lambda: _draw(view, folder, finished)))


def _draw(view, folder: tempfile.TemporaryDirectory, finished: Callable[[], None] | None) -> None:
    from shiboken6 import isValid

    if not isValid(view) or _state["drawn"]:
        return  # (drawing it emits highlights_ready once more)
    _state["drawn"] = True
    view.wait_until_highlighted()  # reveals the held panes: their text is drawn too
    # the window's parts first, one a turn (a first paint of everything at once is one long stall), then
    # the whole window, which finds every cache warm
    parts = [pane for pane in view.panes] + [dock for dock in view.findChildren(QDockWidget)] + [view]
    _grab_each(parts, lambda: _close(view, folder, finished))


def _grab_each(widgets: list, then: Callable[[], None]) -> None:
    from shiboken6 import isValid

    if not widgets:
        then()
        return
    if isValid(widgets[0]):
        widgets[0].grab()
    QTimer.singleShot(TURN_MS, lambda: _grab_each(widgets[1:], then))


def _close(view, folder: tempfile.TemporaryDirectory, finished: Callable[[], None] | None) -> None:
    view.hide()
    view.deleteLater()
    QTimer.singleShot(TURN_MS, lambda: _finish(folder, finished))


def _finish(folder: tempfile.TemporaryDirectory | None, finished: Callable[[], None] | None) -> None:
    _held.clear()
    if folder is not None:
        folder.cleanup()
    _state["done"] = True
    if finished is not None:
        finished()


def reset_for_tests() -> None:
    _state["started"] = _state["drawn"] = _state["done"] = False
