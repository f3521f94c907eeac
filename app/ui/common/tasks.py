"""Run long operations off the GUI thread and hand their outcome back on it.

Core and store functions take `progress(done, total)` and `cancelled() -> bool` callables; this helper
plumbs those to Qt signals so widgets never block and never touch worker threads. A task's signals live on
an object owned by the GUI thread, so Qt queues every emission from the worker back onto the GUI thread.
Tests switch the runner to inline mode, where the work runs synchronously and signals fire immediately.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]

#: How often (seconds) a running Python thread offers the interpreter lock to the others. Python's default
#: of 5 ms means every Python callback on the GUI thread (paint events, highlighters) may wait 5 ms while a
#: worker computes; a first paint makes dozens of them. 1 ms kept the compare view's longest event-loop
#: stall under 45 ms instead of 60-190 ms (tests/bench/test_bench_compare_view.py).
SWITCH_INTERVAL = 0.001


class Task(QObject):
    """The GUI-side handle of one operation: connect to its signals, call `cancel()` to stop it early."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    #: Emitted last, after `succeeded` or `failed`, whatever happened.
    finished = Signal()

    # The worker emits these; because this object lives in the GUI thread, Qt queues them there, and the
    # slots re-emit the public signals so that plain Python callables connected to them run on the GUI
    # thread too (a lambda has no thread of its own and would otherwise run in the worker).
    _raw_progress = Signal(int, int)
    _raw_outcome = Signal(bool, object)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.done = False
        self._raw_progress.connect(self._on_raw_progress)
        self._raw_outcome.connect(self._on_raw_outcome)

    @Slot(int, int)
    def _on_raw_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(bool, object)
    def _on_raw_outcome(self, ok: bool, payload: object) -> None:
        try:
            (self.succeeded if ok else self.failed).emit(payload)
        finally:
            self.done = True
            self.finished.emit()

    def cancel(self) -> None:
        """Ask the work to stop; it notices the next time it calls `cancelled()`."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def execute(self) -> None:
        """Run the work in the calling thread and report through the signals."""
        try:
            result = self._work(self._raw_progress.emit, self._cancel.is_set)
        except Exception as exc:  # delivered to the GUI, which decides how to show it
            self._raw_outcome.emit(False, exc)
        else:
            self._raw_outcome.emit(True, result)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.execute()


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they finish.

    `inline=True` runs each task synchronously in `start()`, which makes GUI tests deterministic.
    """

    def __init__(self, parent: QObject | None = None, *, inline: bool = False, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.inline = inline
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def start(
        self,
        work: Work,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_progress: Progress | None = None,
    ) -> Task:
        """Run `work(progress, cancelled)`; callbacks are invoked on the GUI thread."""
        task = Task(work)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        if on_success is not None:
            task.succeeded.connect(on_success)
        if on_failure is not None:
            task.failed.connect(on_failure)
        return self.submit(task)

    def submit(self, task: Task) -> Task:
        """Run a task whose signals the caller has already connected."""
        task.finished.connect(lambda: self._forget(task))
        self._running.add(task)
        if self.inline:
            task.execute()
        else:
            self._pool.start(_Runnable(task))
        return task

    def _forget(self, task: Task) -> None:
        self._running.discard(task)

    def active_count(self) -> int:
        return len(self._running)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every pooled task has returned (used on shutdown); results still need the event loop."""
        return self._pool.waitForDone(msecs)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()
