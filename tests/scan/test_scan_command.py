"""`duidu scan` as a user runs it: kill -9 and resume, and every bad input as one line with nothing lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run
from app.scan.run import run_scan
from app.store import open_library
from tests.conftest import REPO
from tests.scan.conftest import assert_consistent, stored
from tests.scan.test_scan import reference  # noqa: F401 (the single-process scan, a session fixture)
from tests.store.test_engine import read_only  # noqa: F401 (a library file even root cannot write)

pytestmark = pytest.mark.corpus


def test_kill_9_mid_scan_then_a_rerun_finishes_without_redoing_a_document(
    library_copy: Path,
    reference: tuple[Path, tuple],  # noqa: F811
    dask_client: object,
) -> None:
    process, progress = _scan_until_first_batch(library_copy)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate()  # reaps it and closes the pipes
    assert progress, "the scan printed no progress before it was killed"
    _pairs, _passages, before = stored(library_copy)
    total = len(reference[1][2])
    assert 0 < len(before) < total, "kill the scan while it runs"
    assert_consistent(library_copy)

    with open_library(str(library_copy)) as library:  # the re-run, on the session's cluster
        again = run_scan(library, client=dask_client)
    assert again.plan.already_scanned == len(before)
    pairs, passages, after = stored(library_copy)
    assert (pairs, passages) == reference[1][:2]
    redone = [d for d in before if after[d] != before[d]]
    assert redone == [] and len(after) == total


def _scan_until_first_batch(path: Path) -> tuple[subprocess.Popen[str], list[str]]:
    """`duidu scan` on a local cluster of one worker, in its own process group, once a batch with work is
    stored (its progress lines so far)."""
    command = [sys.executable, "-m", "app", "scan", "--db", str(path), "--workers", "1", "--batch", "1"]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a signal to the group reaches the Dask workers too, as in a terminal
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert process.stderr is not None
    progress = []
    for line in iter(process.stderr.readline, ""):
        progress.append(line.rstrip("\n"))
        # the first "scanned" line is the start (nothing measured); the second comes at once when the first batch
        # with work is stored. (Waiting for a line past "(0% of the pairs)" raced: a first batch under 0.5 % of the
        # pairs prints 0 %, the next line comes only after _LOG_EVERY or at the end, and a fast scan had finished.)
        if sum(1 for seen in progress if seen.startswith("scanned")) == 2:
            break
    return process, progress


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The one error line (after any progress lines), with no traceback."""
    err = capsys.readouterr().err.strip().splitlines()
    assert [line.startswith("scanned ") for line in err[:-1]] == [True] * (len(err) - 1), err
    assert err and "Traceback" not in "".join(err)
    return err[-1]


def test_sqlite_library_with_a_scheduler_is_refused_in_one_line(
    library_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = library_copy.read_bytes()
    assert run(["scan", "--db", str(library_copy), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    line = _one_line(capsys)
    assert line.startswith("duidu: ") and "SQLite" in line and "PostgreSQL" in line
    assert stored(library_copy) == ([], [], {}) and library_copy.read_bytes() == before


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "readonly.sqlite"


def test_read_only_library_is_refused_in_one_line(
    read_only: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = read_only.read_bytes()
    assert run(["scan", "--db", str(read_only), "--workers", "0"]) == 2
    assert "read-only" in _one_line(capsys)
    assert read_only.read_bytes() == before


def test_ctrl_c_stops_the_scan_in_one_line_and_keeps_what_it_stored(busy_library_copy: Path) -> None:
    """SIGINT to the whole process group, as a terminal sends it: the workers stay quiet, the client
    says in one line how far it got, and every document it counts is stored."""
    library_copy = busy_library_copy
    process, progress = _scan_until_first_batch(library_copy)
    os.killpg(process.pid, signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 130
    lines = progress + err.splitlines()
    assert [line for line in lines if not line.startswith("scanned ")] == [lines[-1]]
    _pairs, _passages, runs = stored(library_copy)
    assert lines[-1].startswith("duidu: scan interrupted: ") and f" {len(runs)} of " in lines[-1]
    assert "run duidu scan again" in lines[-1]
    assert_consistent(library_copy)
