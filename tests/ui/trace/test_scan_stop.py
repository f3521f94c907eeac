"""Trace → Scan library… stopped by its user: the status says so in one line, the library keeps whole
speeches only, and the next scan does just the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.scan.run import run_scan
from app.store import open_library
from tests.scan.conftest import assert_consistent, small_library, stored  # noqa: F401 (a session fixture)

pytestmark = pytest.mark.corpus


def test_stop_during_a_library_scan_keeps_whole_speeches(
    make_window,  # type: ignore[no-untyped-def]
    qtbot,  # type: ignore[no-untyped-def]
    small_library: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(small_library, path)
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
        assert 0 < len(runs) < 60
        assert_consistent(path)
        again = run_scan(library, workers=0)
    assert again.plan.already_scanned == len(runs) and not again.cancelled
    assert_consistent(path)
    assert {d: r for d, r in stored(path)[2].items() if d in runs} == runs  # nothing redone
