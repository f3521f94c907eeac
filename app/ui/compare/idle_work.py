"""What a first open leaves for later, when the app is likely idle: storing its new pairs in the cache and
letting the cyclic collector see its objects again.

A result is thousands of objects (passages, their alignments, Links) made while the collector was paused.
The next young-generation collection on the GUI thread would walk all of them, 30–80 ms measured on the
8-pane view, in the middle of the highlighting; none of them is garbage (refcounting frees them when the
view closes), so they are moved out of the collector's way (`gc.freeze`) the moment the result lands, and
handed back to it (`gc.unfreeze`: into the oldest generation) once everything is drawn and a moment has
passed. Writing the new pairs (~0.1 s of this process's CPU) waits for that moment too, and so does making
the layout ranges of the panes' drawings kept for a reopen (~2 ms a pane: a reopen then only hands them over).
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QTimer

from app.ui.compare.compute import CompareResult, PairCache, save_in_background
from app.ui.compare.highlights import lay_out_drawn

#: How long after the highlights are drawn the app is taken to be idle.
IDLE_DELAY_MS = 5000
#: Idle work scheduled and not run yet (`flush` runs it when the app quits first).
_pending: list[Callable[[], None]] = []


def result_landed() -> None:
    """A result arrived: keep its objects (and all others now alive) out of the collector's young passes."""
    gc.freeze()


def after_drawing(unsaved: CompareResult | None, cache: PairCache | None, *, now: bool = False) -> None:
    """Once the highlights are drawn: store `unsaved`'s new pairs and give the collector its objects back,
    `IDLE_DELAY_MS` later (`now`: an inline task runner, tests, at once and waiting for the store)."""

    def idle() -> None:
        if idle not in _pending:
            return  # run by `flush` already
        _pending.remove(idle)
        gc.unfreeze()
        lay_out_drawn()
        if unsaved is not None:
            save_in_background(unsaved, cache, wait=now)

    _pending.append(idle)
    if now:
        idle()
    else:
        QTimer.singleShot(IDLE_DELAY_MS, idle)


def flush() -> None:
    """Run the idle work still waiting (the app quits: its pairs are stored before it ends)."""
    for idle in list(_pending):
        idle()
