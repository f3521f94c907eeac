"""SQLite's checks on opening: a damaged library is refused untouched, a check out of time says nothing,
and a schema upgrade never runs on a damaged library."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine

import app.store.engine as engine
from app.store import LibraryError, open_library
from app.store.integrity import _interrupted_after, full_check, quick_check
from tests.store.hostile_library import damage, make_library


@pytest.fixture(scope="module")
def libraries(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("integrity")
    good = make_library(folder / "good.sqlite", documents=8)
    return good, damage(good, folder / "damaged.sqlite")


def test_quick_and_full_check_pass_an_intact_library_and_refuse_a_damaged_one(libraries) -> None:
    good, damaged = libraries
    with open_library(str(good)) as library:
        quick_check(library.engine, library.location)
        full_check(library.engine, library.location)
    with pytest.raises(
        LibraryError, match=r"damaged or not a Duidu library \(SQLite's check: .+\); it was left"
    ):
        open_library(str(damaged))


def test_a_check_is_interrupted_when_out_of_time_or_cancelled(libraries) -> None:
    _good, damaged = libraries
    bound = create_engine(f"sqlite:///{damaged}")
    try:
        with pytest.raises(LibraryError, match="damaged"):
            full_check(bound, "the library", cancelled=lambda: False)
    finally:
        bound.dispose()
    # The watcher interrupts whatever runs too long; a check so interrupted gives no verdict.
    endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        for seconds, cancelled in ((0.05, None), (None, lambda: True)):
            started = time.monotonic()
            with (
                pytest.raises(sqlite3.OperationalError, match="interrupted"),
                _interrupted_after(connection, seconds, cancelled),
            ):
                connection.execute(endless).fetchone()
            assert time.monotonic() - started < 2
    finally:
        connection.close()


def test_no_schema_upgrade_runs_on_a_damaged_library(
    libraries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, _damaged = libraries
    older = tmp_path / "older.sqlite"
    older.write_bytes(good.read_bytes())
    with sqlite3.connect(older) as connection:  # pretend it was made by an older Duidu
        connection.execute("UPDATE alembic_version SET version_num = '0003'")
    connection.close()
    damaged = damage(older, tmp_path / "older-damaged.sqlite")
    before = damaged.read_bytes()
    monkeypatch.setattr(engine, "quick_check", lambda *_args, **_kw: None)  # as if out of time
    with pytest.raises(LibraryError, match="damaged"):
        open_library(str(damaged))
    assert damaged.read_bytes() == before
