"""`duidu scan --scheduler` against a separately started `dask scheduler` + `dask worker` and a shared
PostgreSQL library (DUIDU_TEST_PG_URL; skipped without it): the pairs of the single-process path."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.cli import run
from app.scan.run import run_scan
from app.store import open_library
from app.store.importing import import_paths
from tests.conftest import REPO
from tests.scan.conftest import CONSISTENCY_QUERIES

PG_URL = os.environ.get("DUIDU_TEST_PG_URL", "")

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not PG_URL, reason="no PostgreSQL server named in DUIDU_TEST_PG_URL"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},  # the worker imports Duidu to run its tasks
    )


@pytest.fixture
def dask_cluster() -> Iterator[str]:
    """A `dask scheduler` and one `dask worker` on localhost, as an administrator would start them."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = _start("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
    worker = _start("worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard")
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield address
    finally:
        for process in (worker, scheduler):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def _pg_rows(query: str) -> list[tuple]:
    engine = create_engine(PG_URL)
    with engine.begin() as connection:
        rows = [tuple(r) for r in connection.execute(text(query))]
    engine.dispose()
    return rows


PAIRS = "SELECT low_id, high_id, round(low_ratio::numeric, 6), round(high_ratio::numeric, 6), passages FROM scan_pairs ORDER BY 1, 2"
PASSAGES = (
    "SELECT low_id, high_id, low_start, low_end, high_start, high_end, similarity FROM scan_passages "
    "ORDER BY 1, 2, 3, 5"
)


def test_scan_on_a_separate_dask_cluster_with_a_postgresql_library(
    dask_cluster: str, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = create_engine(PG_URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    with open_library(PG_URL) as library:
        report = import_paths(
            library.writer, [corpus / "hailar-district-gwr", corpus / "npc-resolutions-on-gwr"]
        )
        assert report.failed == 0

    assert run(["scan", "--db", PG_URL, "--scheduler", f"tcp://127.0.0.1:{_free_port()}"]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
    assert _pg_rows("SELECT count(*) FROM scan_state") == [(0,)]  # nothing written

    # a scan on the cluster stopped by its user keeps whole documents only; the next one continues
    seen = []
    with open_library(PG_URL) as library:
        stopped = run_scan(
            library,
            scheduler=dask_cluster,
            batch_documents=2,
            progress=seen.append,
            cancelled=lambda: len(seen) >= 3,
        )
    assert stopped.cancelled and 0 < stopped.scanned < report.imported
    assert _pg_rows("SELECT count(*) FROM scan_state") == [(stopped.scanned,)]
    assert [_pg_rows(query) for query in CONSISTENCY_QUERIES] == [[(0,)]] * len(CONSISTENCY_QUERIES)

    assert run(["scan", "--db", PG_URL, "--scheduler", dask_cluster]) == 0
    out = capsys.readouterr().out
    assert f", {stopped.scanned:,} already scanned" in out  # the cluster finished only the rest
    assert f"on the Dask cluster at {dask_cluster} (1 worker)" in out
    on_dask = _pg_rows(PAIRS), _pg_rows(PASSAGES)
    assert on_dask[0] and _pg_rows("SELECT count(*) FROM scan_state") == [(report.imported,)]
    assert [_pg_rows(query) for query in CONSISTENCY_QUERIES] == [[(0,)]] * len(CONSISTENCY_QUERIES)

    with open_library(PG_URL) as library:
        with library.writer.begin() as session:
            session.execute(text("DELETE FROM scan_state"))
            session.execute(text("DELETE FROM scan_pairs"))
        run_scan(library, workers=0)
    assert (_pg_rows(PAIRS), _pg_rows(PASSAGES)) == on_dask
