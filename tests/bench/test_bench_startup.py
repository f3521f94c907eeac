"""Start-up budget: from `duidu gui` to a shown main window in under 2 s, over a library of 2,000 speeches.

Run with `python -m pytest tests/bench/test_bench_startup.py -s`. The baseline is a bare
`python -c "import PySide6.QtWidgets"` in the same run, so the ratio says what Duidu adds on top of Qt.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from app.core.model import DocumentMeta
from app.store import add_document, open_library
from app.ui.shell.app import STARTUP_PROBE_ENV
from tests.conftest import REPO

BUDGET_SECONDS = 2.0
RUNS = 5
SPEECHES = 2000


def _library(path: Path) -> None:
    with open_library(str(path)) as library, library.writer.begin() as session:
        for i in range(SPEECHES):
            text = f"同志们：\n这是第{i}篇讲话，要坚持稳中求进工作总基调，推动高质量发展。\n" * 20
            meta = DocumentMeta(
                title=f"在第{i}次会议上的讲话",
                speaker=f"讲话人{i % 37}",
                date=f"{2010 + i % 14}-{1 + i % 12:02d}-01",
                genre="讲话",
                tags=(f"标签{i % 9}",),
            )
            add_document(session, text, meta)


def _time(argv: list[str], env: dict[str, str], markers: tuple[str, ...] = ()) -> list[float]:
    """Seconds from launch to each marker line on stdout, then to the process's exit."""
    times: list[float] = []
    start = time.perf_counter()
    with subprocess.Popen(
        argv, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if len(times) < len(markers) and markers[len(times)] in line:
                times.append(time.perf_counter() - start)
        process.wait(timeout=60)
    assert len(times) == len(markers), f"missing markers: {markers[len(times) :]}"
    return [*times, time.perf_counter() - start]


def test_cold_start_to_a_shown_window(tmp_path: Path):
    library = tmp_path / "library.duidu.sqlite"
    _library(library)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DUIDU_HOME": str(tmp_path / "home"),
        STARTUP_PROBE_ENV: "1",
    }
    markers = ("DUIDU_WINDOW_SHOWN", "DUIDU_LIBRARY_LOADED")
    command = [sys.executable, "-m", "app", "gui", "--db", str(library)]
    app_runs = [_time(command, env, markers) for _ in range(RUNS)]
    base_runs = [_time([sys.executable, "-c", "import PySide6.QtWidgets"], env)[-1] for _ in range(RUNS)]
    shown = statistics.median(run[0] for run in app_runs)
    loaded = statistics.median(run[1] for run in app_runs)
    base = statistics.median(base_runs)
    print(
        f"\nstart-up over {SPEECHES} speeches (median of {RUNS}): window shown {shown:.2f} s, "
        f"table filled {loaded:.2f} s (worst {max(run[1] for run in app_runs):.2f} s); "
        f"baseline `python -c 'import PySide6.QtWidgets'` {base:.2f} s; "
        f"ratio {shown / base:.1f}× shown, {loaded / base:.1f}× filled; budget {BUDGET_SECONDS:.1f} s"
    )
    assert loaded < BUDGET_SECONDS
