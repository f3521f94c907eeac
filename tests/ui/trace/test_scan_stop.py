"""Trace → Scan library… stopped by its user: the status says so in one line, the library keeps whole
speeches only, and the next scan does just the rest."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.scan.run import run_scan
from app.store import open_library
from tests.scan.conftest import (  # noqa: F401 (fixtures)
    assert_consistent,
    busy_library_copy,
    small_library,
    stored,
)

pytestmark = pytest.mark.corpus


def test_stop_during_a_library_scan_keeps_whole_speeches(
    make_window,  # type: ignore[no-untyped-def]
    qtbot,  # type: ignore[no-untyped-def]
    busy_library_copy: Path,  # noqa: F811
) -> None:
    # The busy library (125 speeches, long work reports among them) has seconds of work left after its
    # first batch, so the stop cannot lose the race against the scan finishing on a fast machine (the
    # small library's rest took ~0.6 s, and a CI machine once stored 65 of its 70 before the click).
    path = busy_library_copy
    with sqlite3.connect(path) as connection:
        (documents,) = connection.execute("SELECT count(*) FROM documents").fetchone()
    with open_library(str(path)) as library:
        window = make_window(library, inline=False)  # the scan runs on a worker thread, as for a user
        panel = window.trace.network
        panel.scan_workers = 0  # in the worker thread's process: the Dask paths are tested in tests/scan
        window.trace.trace_actions.scan.trigger()
        qtbot.waitUntil(lambda: len(stored(path)[2]) > 0, timeout=120_000)  # a first batch is stored
        panel.status.stop.click()
        assert panel.status.text() == "Stopped."
        qtbot.waitUntil(lambda: panel._task is None or panel._task.done, timeout=120_000)
        assert panel.status.text() == "Stopped." and panel.network is None  # the late result is dropped
        _pairs, _passages, runs = stored(path)
        assert 0 < len(runs) < documents  # stopped part-way: speeches are left for the next scan
        assert_consistent(path)
        again = run_scan(library, workers=0)
    assert again.plan.already_scanned == len(runs) and not again.cancelled
    assert_consistent(path)
    assert {d: r for d, r in stored(path)[2].items() if d in runs} == runs  # nothing redone
