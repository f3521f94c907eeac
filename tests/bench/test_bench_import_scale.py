"""Import speed against the code before issue 13, both measured in the same run, on an empty library and
on one that already holds 10,000 speeches.

Run with `python -m pytest tests/bench/test_bench_import_scale.py -s`. Targets (issue 13): ≥ 1.5 M characters
per second importing the shared corpus (3 M characters) into an empty library, ≥ 1.2 M into a library of
10,000 speeches. The old code is a checkout of `DUIDU_BASELINE_REF` (default `main`; e.g. the commit this
branch started from) taken with `git archive`, or the folder named by `DUIDU_BASELINE_REPO`. Each import runs
in a fresh interpreter (PYTHONPATH chooses the code) and is timed around `import_paths` alone; the large
library is built once and copied for every run, so both codes start from the same file.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import REPO

RUNS = 3
LIBRARY_SPEECHES = 10_000
SPEECH_CHARS = 5_000
IMPORT_SCRIPT = """
import sys, time
from app.store import import_paths, open_library
with open_library(sys.argv[1]) as library:
    started = time.perf_counter()
    report = import_paths(library.writer, [sys.argv[2]])
    print(report.chars_imported, report.imported, report.failed, time.perf_counter() - started)
"""
BUILD_SCRIPT = """
import sys
from app.core.model import DocumentMeta
from app.store import add_document, open_library
corpus, count, size = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
from pathlib import Path
pool = "\\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(corpus).rglob("*.txt")))
with open_library(sys.argv[1]) as library:
    for start in range(0, count, 500):
        with library.writer() as session, session.begin():
            for i in range(start, min(count, start + 500)):
                at = (i * 7919) % (len(pool) - size)
                text = f"（资料第{i}篇）\\n" + pool[at : at + size]
                add_document(session, text, DocumentMeta(title=f"资料第{i}篇"))
"""


def _baseline(tmp: Path) -> Path:
    given = os.environ.get("DUIDU_BASELINE_REPO")
    if given:
        return Path(given)
    ref = os.environ.get("DUIDU_BASELINE_REF", "main")
    archive = tmp / "baseline.tar"
    subprocess.run(["git", "archive", "-o", str(archive), ref], cwd=REPO, check=True)
    target = tmp / "baseline"
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target


def _env(code: Path, home: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(code), "DUIDU_HOME": str(home)}
    env.pop("DUIDU_DB", None)
    return env


def _import(code: Path, library: Path, corpus: Path, home: Path) -> tuple[int, float]:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_SCRIPT, str(library), str(corpus)],
        env=_env(code, home), capture_output=True, text=True, check=False, timeout=1200,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    chars, imported, failed, seconds = done.stdout.split()
    assert int(imported) > 0 and int(failed) == 0
    return int(chars), float(seconds)


def _rate(code: Path, corpus: Path, tmp: Path, start_from: Path | None) -> float:
    """Characters per second of one import of the corpus (into a copy of `start_from`, or a new library)."""
    library = tmp / "run.sqlite"
    if start_from is not None:
        shutil.copyfile(start_from, library)
    chars, seconds = _import(code, library, corpus, tmp / "home")
    for leftover in tmp.glob("run.sqlite*"):
        leftover.unlink()
    return chars / seconds


def _report(name: str, new: list[float], old: list[float], target: float) -> float:
    speed, before = statistics.median(new), statistics.median(old)
    print(
        f"\n{name} (load {os.getloadavg()[0]:.1f}): {speed / 1e6:.2f} M chars/s "
        f"(runs {', '.join(f'{r / 1e6:.2f}' for r in new)}), before {before / 1e6:.2f} M chars/s "
        f"(runs {', '.join(f'{r / 1e6:.2f}' for r in old)}): {speed / before:.2f}×; target {target / 1e6:.1f} M"
    )
    return speed


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _baseline(tmp_path_factory.mktemp("baseline"))


def test_import_into_an_empty_library(corpus: Path, baseline: Path, tmp_path: Path):
    new: list[float] = []
    old: list[float] = []
    for _ in range(RUNS):  # alternating, so that load from other processes falls on both
        new.append(_rate(REPO, corpus, tmp_path, None))
        old.append(_rate(baseline, corpus, tmp_path, None))
    assert _report("corpus into an empty library", new, old, 1.5e6) >= 1.5e6


def test_import_into_a_library_of_ten_thousand_speeches(corpus: Path, baseline: Path, tmp_path: Path):
    large = tmp_path / "large.sqlite"
    subprocess.run(
        [sys.executable, "-c", BUILD_SCRIPT, str(large), str(corpus), str(LIBRARY_SPEECHES), str(SPEECH_CHARS)],
        env=_env(REPO, tmp_path / "home"), check=True, timeout=3600,
    )  # fmt: skip
    new: list[float] = []
    old: list[float] = []
    for _ in range(RUNS):
        new.append(_rate(REPO, corpus, tmp_path, large))
        old.append(_rate(baseline, corpus, tmp_path, large))
    assert _report(f"corpus into a library of {LIBRARY_SPEECHES:,} speeches", new, old, 1.2e6) >= 1.2e6
