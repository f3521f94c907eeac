"""Start-up: from `duidu gui` to a shown main window whose table holds a 2,000-speech library (issue 13: < 0.5 s).

Run with `python -m pytest tests/bench/test_bench_startup.py -s`. Each figure is the median of several fresh
processes (offscreen), measured to the markers the app prints under `DUIDU_STARTUP_PROBE`: the window is
shown, then its table is filled. Baselines in the same run: a bare `python -c "import PySide6.QtWidgets"`
(what Qt alone costs) and, when `DUIDU_BENCH_BASELINE` names a checkout of older code (e.g. a
`git worktree add /tmp/base main`), that code on the same library. Processes use a private bytecode cache
warmed by one discarded run, as an installed app has its `.pyc` files. CPU seconds (user + system) are
printed beside wall seconds: on a shared machine they move less with the load.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from app.core.model import DocumentMeta
from app.store import add_document, open_library
from tests.bench.baseline_copy import copy_at_revision
from tests.conftest import REPO

TARGET_SECONDS = 0.5
BUDGET_SECONDS = 2.0
RUNS = 7
SPEECHES = 2000
BASELINE_ENV = "DUIDU_BENCH_BASELINE"
MARKERS = ("DUIDU_WINDOW_SHOWN", "DUIDU_LIBRARY_LOADED")


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


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_of(pid: int) -> float:
    """CPU seconds (user + system, all threads) process `pid` has used so far (Linux /proc), else NaN."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _time(argv: list[str], env: dict[str, str], cwd: Path, markers: tuple[str, ...] = ()) -> list[float]:
    """Seconds from launch to each marker line on stdout, then to the process's exit, then its CPU seconds
    (to the last marker when there are markers: what the process spent until its table was filled)."""
    times: list[float] = []
    cpu = _cpu_of_children()
    marker_cpu = float("nan")
    start = time.perf_counter()
    with subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if len(times) < len(markers) and markers[len(times)] in line:
                times.append(time.perf_counter() - start)
                marker_cpu = _cpu_of(process.pid)
        process.wait(timeout=60)
    assert len(times) == len(markers), f"missing markers: {markers[len(times) :]}"
    return [*times, time.perf_counter() - start, marker_cpu if markers else _cpu_of_children() - cpu]


def _env(tmp_path: Path, code: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DUIDU_HOME": str(tmp_path / "home"),
        "DUIDU_STARTUP_PROBE": "1",
        "PYTHONPATH": str(code),
        "PYTHONPYCACHEPREFIX": str(tmp_path / "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("DUIDU_DB", None)
    return env


def test_cold_start_to_a_filled_table(tmp_path: Path):
    library = tmp_path / "library.duidu.sqlite"
    _library(library)
    # The open remembers a passing integrity check only for a file left alone for 2 s; the quick start
    # reads only such a file. Let it settle, so the warm-up run's open records the pass (as on a user's
    # machine, where the library was last written in an earlier session).
    time.sleep(2.5)
    variants = {"this code": REPO}
    libraries = {"this code": library}
    baseline = os.environ.get(BASELINE_ENV)
    if baseline:
        variants["baseline code"] = Path(baseline)
        libraries["baseline code"] = copy_at_revision(
            library, tmp_path / "baseline.duidu.sqlite", Path(baseline)
        )
        time.sleep(2.5)  # as above, for the copy
    commands = {
        name: [sys.executable, "-m", "app", "gui", "--db", str(path)] for name, path in libraries.items()
    }
    bare = [sys.executable, "-c", "import PySide6.QtWidgets"]
    runs: dict[str, list[list[float]]] = {name: [] for name in (*variants, "bare Qt import")}
    for name, code in variants.items():  # warm the bytecode cache; these runs are not counted
        _time(commands[name], _env(tmp_path, code), code, MARKERS)
    _time(bare, _env(tmp_path, REPO), REPO)
    for _ in range(RUNS):  # interleaved, so a burst of load on the machine hits every variant alike
        for name, code in variants.items():
            runs[name].append(_time(commands[name], _env(tmp_path, code), code, MARKERS))
        runs["bare Qt import"].append([0.0, 0.0, *_time(bare, _env(tmp_path, REPO), REPO)])
    load = os.getloadavg()
    medians = {
        name: [statistics.median(run[i] for run in rows) for i in range(4)] for name, rows in runs.items()
    }
    bare_seconds = medians["bare Qt import"][2]
    print(f"\nstart-up over {SPEECHES} speeches, median of {RUNS} (load {load[0]:.1f} {load[1]:.1f}):")
    for name, (shown, filled, total, cpu) in medians.items():
        if name == "bare Qt import":
            print(f"  {name:>14}: exit {total:.2f} s, CPU {cpu:.2f} s")
            continue
        worst = max(run[1] for run in runs[name])
        print(
            f"  {name:>14}: window shown {shown:.2f} s, table filled {filled:.2f} s (worst {worst:.2f} s), "
            f"CPU until filled {cpu:.2f} s; {filled / bare_seconds:.1f}× the bare Qt import"
        )
    if "baseline code" in medians:
        filled, old = medians["this code"][1], medians["baseline code"][1]
        cpu, old_cpu = medians["this code"][3], medians["baseline code"][3]
        print(
            f"  table filled {old / filled:.1f}× sooner than the baseline code; CPU {old_cpu / cpu:.1f}× less"
        )
    print(f"  target {TARGET_SECONDS:.1f} s (issue 13), budget {BUDGET_SECONDS:.1f} s (asserted)")
    assert medians["this code"][1] < BUDGET_SECONDS
