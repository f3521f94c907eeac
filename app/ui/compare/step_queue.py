"""Work on the GUI thread in small steps, a few per event-loop turn, so no single stall grows long.

Applying a comparison means laying out dozens of highlight layers; each takes 1–40 ms, all of them
together far more than the 50 ms a window may freeze. Queued steps run in turns of at most `TURN_MS`
(plus the step that crosses it); Qt repaints what they changed in a later event-loop turn. Replacing the queue (a
new result arrived) drops the steps not yet run.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal

Step = Callable[[], object]
#: A turn starts no new step after this long; a step takes at most ~15 ms (one that would take longer does
#: its work in slices: it returns AGAIN until done). Short, since a turn and a repaint often run back to back
#: before any other timer or input is served: on the 8-pane view, turns of 8 ms made stalls of 30–40 ms of
#: GUI-thread CPU, turns of 3 ms 20–30 ms (before the other changes of this round), the highlights no later.
TURN_MS = 3
#: Returned by a step that has more to do: it runs again before the steps after it (in this or a later turn).
AGAIN = object()


class StepQueue(QObject):
    #: The last queued step has run.
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: deque[Step] = deque()
        # A zero-interval timer, not QTimer.singleShot(0, …): that posts an event, and posted events (the
        # next turn, the repaint it causes) all run before any timer, so other timers and input waited for
        # several turns at once. Timers take their turns in order.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_one)

    def __len__(self) -> int:
        return len(self._steps)

    def replace(self, steps: Iterable[Step]) -> None:
        """Drop what is pending and run `steps` from the next event-loop turn on."""
        self._steps.clear()
        self._steps.extend(steps)
        if self._steps and not self._timer.isActive():
            self._timer.start()

    def append(self, step: Step) -> None:
        """Run `step` after the pending steps (at once from the next turn when none are pending)."""
        self.extend([step])

    def extend(self, steps: Iterable[Step]) -> None:
        """Run `steps` after the pending steps."""
        self.replace([*self._steps, *steps])

    def clear(self) -> None:
        self._steps.clear()

    def run_all(self) -> None:
        """Run every pending step now (tests, exports)."""
        while self._steps:
            self._step()
        self.finished.emit()

    def _step(self) -> None:
        step = self._steps.popleft()
        if step() is AGAIN:
            self._steps.appendleft(step)

    def _run_one(self) -> None:
        if not self._steps:
            return
        deadline = time.perf_counter() + TURN_MS / 1000
        self._step()
        while self._steps and time.perf_counter() < deadline:
            self._step()
        if self._steps:
            self._timer.start()
        else:
            self.finished.emit()
