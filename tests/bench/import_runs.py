"""Whole-process imports of the shared corpus by two versions of the code, for the import benchmarks.

Each import runs in a fresh interpreter (PYTHONPATH chooses the code) into a copy of the same starting
library (or a new one) and is timed around `import_paths` alone, in wall and in CPU time. The old code
is the folder `DUIDU_BASELINE_REPO` (default /tmp/base-96f, main at 96f1391, the commit issue 13i started
from), else a `git archive` of `DUIDU_BASELINE_REF` (default `main`).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

DEFAULT_BASELINE = Path("/tmp/base-96f")
IMPORT_SCRIPT = """
import sys, time
import app
from app.store import import_paths, open_library
with open_library(sys.argv[1]) as library:
    wall, cpu = time.perf_counter(), time.process_time()
    report = import_paths(library.writer, [sys.argv[2]])
    print(report.chars_imported, report.imported, report.failed, time.perf_counter() - wall,
          time.process_time() - cpu, app.__file__)
"""
#: Opening a library brings it to the code's schema (untimed by the import script; done once here).
OPEN_SCRIPT = """
import sys
from app.store import open_library
open_library(sys.argv[1]).close()
"""


@dataclass(frozen=True, slots=True)
class Run:
    chars: int
    wall: float
    cpu: float

    @property
    def rate(self) -> float:
        return self.chars / self.wall


def baseline_code(tmp: Path) -> Path:
    given = os.environ.get("DUIDU_BASELINE_REPO")
    if given:
        return Path(given)
    if "DUIDU_BASELINE_REF" not in os.environ and (DEFAULT_BASELINE / "app").is_dir():
        return DEFAULT_BASELINE
    archive = tmp / "baseline.tar"
    ref = os.environ.get("DUIDU_BASELINE_REF", "main")
    subprocess.run(["git", "archive", "-o", str(archive), ref], cwd=REPO, check=True)
    target = tmp / "baseline"
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target


def env(code: Path, home: Path) -> dict[str, str]:
    found = {**os.environ, "PYTHONPATH": str(code), "DUIDU_HOME": str(home)}
    found.pop("DUIDU_DB", None)
    return found


def run_script(code: Path, home: Path, script: str, *args: str, timeout: float = 1200) -> str:
    """Run `script` with `python -c` on `code`. In its folder: `-c` puts the working folder before
    PYTHONPATH on sys.path, so run from a checkout it would import that checkout's `app` whatever PYTHONPATH
    says (the earlier version of this benchmark timed the new code twice that way)."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args], env=env(code, home), capture_output=True, text=True,
        check=False, timeout=timeout, cwd=code,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def upgraded_copy(code: Path, source: Path, target: Path, home: Path) -> Path:
    """`source` copied to `target` and opened once by `code` (which migrates it to that code's schema)."""
    shutil.copyfile(source, target)
    run_script(code, home, OPEN_SCRIPT, str(target), timeout=3600)
    return target


def import_once(code: Path, corpus: Path, tmp: Path, start_from: Path | None) -> Run:
    """One import of the corpus into a copy of `start_from` (or a new library), the copy removed after."""
    library = tmp / "run.sqlite"
    if start_from is not None:
        shutil.copyfile(start_from, library)
    try:
        out = run_script(code, tmp / "home", IMPORT_SCRIPT, str(library), str(corpus))
    finally:
        for leftover in tmp.glob("run.sqlite*"):
            leftover.unlink()
    chars, imported, failed, wall, cpu, loaded = out.split()
    assert int(imported) > 0 and int(failed) == 0
    assert Path(loaded).is_relative_to(code), f"{loaded} was imported, not the code in {code}"
    return Run(int(chars), float(wall), float(cpu))


def report(name: str, new: list[Run], old: list[Run], target: float) -> float:
    """Print both codes' medians (wall rate, CPU seconds) and their ratio; returns the new wall rate."""
    speed, before = statistics.median(r.rate for r in new), statistics.median(r.rate for r in old)
    cpu, cpu_before = statistics.median(r.cpu for r in new), statistics.median(r.cpu for r in old)

    def runs(found: list[Run]) -> str:
        return ", ".join(f"{r.rate / 1e6:.2f}" for r in found)

    print(
        f"\n{name} (load {os.getloadavg()[0]:.1f}):"
        f"\n  new      {speed / 1e6:.2f} M chars/s (runs {runs(new)}), CPU {cpu:.2f} s"
        f"\n  baseline {before / 1e6:.2f} M chars/s (runs {runs(old)}), CPU {cpu_before:.2f} s"
        f"\n  new/baseline: {speed / before:.2f}× wall, {cpu_before / cpu:.2f}× CPU; target {target / 1e6:.1f} M"
    )
    return speed
