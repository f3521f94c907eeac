"""The compare view's step queue: a step with more to do runs again before the steps after it."""

from __future__ import annotations

from app.ui.compare.step_queue import AGAIN, StepQueue


def _steps(ran: list[str]):
    left = [3]

    def sliced():
        ran.append("sliced")
        left[0] -= 1
        return AGAIN if left[0] else None

    return [lambda: ran.append("first"), sliced, lambda: ran.append("last")]


def test_a_step_returning_again_runs_until_done_before_the_next(qtbot):
    ran: list[str] = []
    queue = StepQueue()
    with qtbot.waitSignal(queue.finished, timeout=2000):
        queue.replace(_steps(ran))
    assert ran == ["first", "sliced", "sliced", "sliced", "last"]
    ran.clear()
    queue.replace(_steps(ran))
    queue.run_all()
    assert ran == ["first", "sliced", "sliced", "sliced", "last"]
