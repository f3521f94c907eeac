"""Shared by the scan tests: one small real library (built once) and one real local Dask cluster.

The library holds three collections of the shared corpus (70 speeches: district work reports that copy
their predecessors, NPC resolutions, university party-building news); the cluster has two worker processes, started
once per session because a Dask start costs a few seconds.
"""

from __future__ import annotations

import shutil
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import open_library
from app.store.importing import import_paths

COLLECTIONS = ("hailar-district-gwr", "npc-resolutions-on-gwr", "hust-party-building")


@pytest.fixture(scope="session")
def small_library(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unscanned library file; copy it (`library_copy`) before scanning."""
    path = tmp_path_factory.mktemp("scan") / "small.sqlite"
    with open_library(str(path)) as library:
        report = import_paths(library.writer, [corpus / name for name in COLLECTIONS])
        assert report.failed == 0 and report.imported > 60
    return path


@pytest.fixture
def library_copy(small_library: Path, tmp_path: Path) -> Path:
    target = tmp_path / "library.sqlite"
    shutil.copyfile(small_library, target)
    return target


@pytest.fixture
def busy_library_copy(small_library: Path, corpus: Path, tmp_path: Path) -> Path:
    """The small library plus the 57 government work reports (long texts that share much with each
    other): a scan still has seconds of work left after its first batch, so an interruption there
    cannot lose the race against the scan finishing (the small library's rest takes ~0.6 s)."""
    target = tmp_path / "busy.sqlite"
    shutil.copyfile(small_library, target)
    with open_library(str(target)) as library:
        report = import_paths(library.writer, [corpus / "gwr-state-council"])
        assert report.failed == 0 and report.imported > 50
    return target


@pytest.fixture(scope="session")
def dask_client() -> Iterator[object]:
    """A client of a local cluster of two worker processes, kept for the whole session."""
    distributed = pytest.importorskip("distributed")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        )
        client = distributed.Client(cluster, set_as_default=False)
    yield client
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        client.close()
        cluster.close()


def stored(path: Path) -> tuple[list[tuple], list[tuple], dict[int, int]]:
    """(pairs, passages, {document: run}) as stored in a library file, in a stable order."""
    with sqlite3.connect(path) as connection:
        pairs = connection.execute(
            "SELECT low_id, high_id, round(low_ratio, 6), round(high_ratio, 6), passages FROM scan_pairs "
            "ORDER BY 1, 2"
        ).fetchall()
        passages = connection.execute(
            "SELECT low_id, high_id, low_start, low_end, high_start, high_end, similarity FROM scan_passages "
            "ORDER BY 1, 2, 3, 5"
        ).fetchall()
        runs = dict(connection.execute("SELECT document_id, run FROM scan_state").fetchall())
    return pairs, passages, runs


#: Each counts what would break a scan's all-or-nothing storage (see `assert_consistent`): pairs of a document
#: without a scan state, states miscounting their pairs, pairs miscounting their passages, loose passages.
CONSISTENCY_QUERIES = (
    "SELECT count(*) FROM scan_pairs WHERE high_id NOT IN (SELECT document_id FROM scan_state)",
    "SELECT count(*) FROM scan_state AS s WHERE s.pairs != "
    "(SELECT count(*) FROM scan_pairs AS p WHERE p.high_id = s.document_id)",
    "SELECT count(*) FROM scan_pairs AS p WHERE p.passages != (SELECT count(*) FROM scan_passages AS q "
    "WHERE q.low_id = p.low_id AND q.high_id = p.high_id)",
    "SELECT count(*) FROM scan_passages AS q WHERE NOT EXISTS (SELECT 1 FROM scan_pairs AS p "
    "WHERE p.low_id = q.low_id AND p.high_id = q.high_id)",
)


def assert_consistent(path: Path) -> None:
    """The scan's part of the library is whole: the file passes SQLite's integrity check, every pair and
    passage belongs to a scanned document (its higher id has a scan state), each state counts exactly its
    stored pairs and each pair exactly its stored passages."""
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        problems = [connection.execute(query).fetchone()[0] for query in CONSISTENCY_QUERIES]
    assert problems == [0] * len(CONSISTENCY_QUERIES)
