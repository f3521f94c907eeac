"""The task helper runs work off the GUI thread and delivers outcomes on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from app.ui.common.tasks import TaskRunner


def test_pooled_task_reports_progress_and_result_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {"progress": [], "threads": set()}

    def work(progress, cancelled):
        seen["worker"] = threading.get_ident()
        for i in range(3):
            progress(i + 1, 3)
        return "done"

    def on_progress(done, total):
        seen["progress"].append((done, total))
        seen["threads"].add(QThread.currentThread() is gui_thread)

    results = []
    task = runner.start(work, on_success=results.append, on_progress=on_progress)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == ["done"]
    assert seen["progress"] == [(1, 3), (2, 3), (3, 3)]
    assert seen["threads"] == {True}
    assert seen["worker"] != threading.get_ident()
    assert runner.active_count() == 0


def test_failure_is_delivered_as_the_exception(qtbot):
    runner = TaskRunner()
    errors = []
    task = runner.start(lambda p, c: 1 / 0, on_failure=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert len(errors) == 1 and isinstance(errors[0], ZeroDivisionError)


def test_cancel_stops_cooperative_work(qtbot):
    runner = TaskRunner()
    started = threading.Event()
    results = []

    def work(progress, cancelled):
        started.set()
        count = 0
        while not cancelled():
            count += 1
            threading.Event().wait(0.001)
        return count

    task = runner.start(work, on_success=results.append)
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert task.is_cancelled() and results and results[0] >= 0


def test_inline_mode_runs_synchronously(qtbot):
    runner = TaskRunner(inline=True)
    results = []
    task = runner.start(lambda p, c: threading.get_ident(), on_success=results.append)
    assert task.done
    assert results == [threading.get_ident()]


def test_runner_keeps_the_gui_thread_from_waiting_long_for_the_interpreter(qapp):
    import sys

    from app.ui.common.tasks import SWITCH_INTERVAL, TaskRunner

    TaskRunner()
    assert sys.getswitchinterval() <= SWITCH_INTERVAL
