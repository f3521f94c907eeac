"""Opening libraries: defaults, pragmas, and every way a library file can be unusable."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from app.core.model import DocumentMeta
from app.paths import default_library_path
from app.store import (
    LibraryError,
    LibraryReadOnly,
    add_document,
    count_documents,
    library_errors,
    open_for_reading,
    open_library,
)
from app.store.migrate import head_revision


def _snapshot(path: Path) -> tuple[bytes, list[str]]:
    """File bytes plus the names next to it (so a created -wal/-shm file is noticed too)."""
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


def test_new_library_is_migrated_with_wal_and_foreign_keys(library_path: Path) -> None:
    with open_library(str(library_path)) as library, library.reader() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert session.execute(sql("select version_num from alembic_version")).scalar() == head_revision()
        assert count_documents(session) == 0


def test_reopening_keeps_documents(library_path: Path) -> None:
    with open_library(str(library_path)) as library, library.writer.begin() as session:
        add_document(session, "第一篇讲话全文", DocumentMeta(title="一"))
    with open_library(f"sqlite:///{library_path}") as library, library.reader() as session:
        assert count_documents(session) == 1


def test_environment_variable_then_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_library(None) as library:
        assert library.location == str(default_library_path())
    named = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("DUIDU_DB", str(named))
    with open_library(None) as library:
        assert library.location == str(named)
    assert named.exists()


def test_in_memory_library_for_scratch_use() -> None:
    with open_library("sqlite://") as library:
        with library.writer.begin() as session:
            add_document(session, "临时文本内容", DocumentMeta())
        with library.reader() as session:
            assert count_documents(session) == 1


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "不是数据库的文本".encode() * 100],
    ids=["binary", "text"],
)
def test_file_that_is_not_a_database_is_refused_untouched(library_path: Path, content: bytes) -> None:
    library_path.write_bytes(content)
    before = _snapshot(library_path)
    with pytest.raises(LibraryError, match="not an SQLite database") as caught:
        open_library(str(library_path))
    assert str(library_path) in str(caught.value) and "\n" not in str(caught.value)
    assert _snapshot(library_path) == before


def test_damaged_database_is_refused_untouched(library_path: Path) -> None:
    with open_library(str(library_path)) as library, library.writer.begin() as session:
        add_document(session, "一篇讲话" * 500, DocumentMeta(title="x"))
    data = bytearray(library_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the header survives, the schema page does not
    library_path.write_bytes(bytes(data))
    for leftover in library_path.parent.glob("*-wal"):
        leftover.unlink()
    before = _snapshot(library_path)
    with pytest.raises(LibraryError, match="damaged"):
        open_library(str(library_path))
    assert _snapshot(library_path) == before


def test_other_programs_database_is_refused_untouched(library_path: Path) -> None:
    with sqlite3.connect(library_path) as connection:
        connection.execute("create table contacts (name text)")
    before = _snapshot(library_path)
    with pytest.raises(LibraryError, match="not a Duidu library"):
        open_library(str(library_path))
    assert _snapshot(library_path) == before


def test_library_from_a_newer_duidu_is_refused_untouched(library_path: Path) -> None:
    with open_library(str(library_path)) as library, library.writer.begin() as session:
        session.execute(sql("update alembic_version set version_num = '9042'"))
    with sqlite3.connect(library_path) as connection:  # fold the WAL back so the snapshot is complete
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _snapshot(library_path)
    with pytest.raises(LibraryError, match="created by a newer Duidu"):
        open_library(str(library_path))
    with pytest.raises(LibraryError, match="newer Duidu"):
        open_library(str(library_path), readonly=True)
    assert _snapshot(library_path) == before


@pytest.fixture
def read_only(library_path: Path) -> Iterator[Path]:
    """Make the library file unwritable even for root (immutable flag), restoring it afterwards."""
    with open_library(str(library_path)) as library, library.writer.begin() as session:
        add_document(session, "只读库里的讲话", DocumentMeta(title="只读"))
    with sqlite3.connect(library_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", library_path], check=False).returncode != 0:
            pytest.skip("cannot make a file read-only for root here")
        yield library_path
        subprocess.run([chattr, "-i", library_path], check=True)
    else:
        library_path.chmod(0o444)
        yield library_path
        library_path.chmod(0o644)


def test_read_only_library_is_reported_and_can_still_be_read(read_only: Path) -> None:
    before = read_only.read_bytes()
    with pytest.raises(LibraryReadOnly, match="read-only"):
        open_library(str(read_only))
    with open_library(str(read_only), readonly=True) as library, library.reader() as session:
        assert count_documents(session) == 1
    with open_for_reading(str(read_only)) as library, library.reader() as session:
        assert library.readonly and count_documents(session) == 1
    assert read_only.read_bytes() == before


def test_missing_library_or_folder(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no library at"):
        open_library(str(tmp_path / "absent.sqlite"), create=False)
    with pytest.raises(LibraryError, match="folder does not exist"):
        open_library(str(tmp_path / "no" / "such" / "dir.sqlite"))
    with pytest.raises(LibraryError, match="is a folder"):
        open_library(str(tmp_path))
    assert not (tmp_path / "absent.sqlite").exists()


def test_write_while_another_program_writes_reports_locked(library_path: Path) -> None:
    with open_library(str(library_path), busy_timeout=0.2) as library:
        other = sqlite3.connect(library_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with library.reader() as session:  # WAL: reading goes on while someone writes
                assert count_documents(session) == 0
            with (
                pytest.raises(LibraryError, match="locked by another program"),
                library_errors(library.location),
                library.writer.begin() as session,
            ):
                add_document(session, "被锁住的时候写入", DocumentMeta())
        finally:
            other.execute("ROLLBACK")
            other.close()


def test_opening_a_library_another_program_holds_exclusively(library_path: Path) -> None:
    other = sqlite3.connect(library_path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("create table t (x)")  # takes and keeps the exclusive lock (rollback-journal mode)
    try:
        before = _snapshot(library_path)
        with pytest.raises(LibraryError, match="locked by another program"):
            open_library(str(library_path), busy_timeout=0.2)
        assert _snapshot(library_path) == before
    finally:
        other.close()


def test_library_path_with_spaces_and_uri_characters(tmp_path: Path) -> None:
    odd = tmp_path / "我的 库?#%" / "lib #1.sqlite"
    odd.parent.mkdir()
    with open_library(str(odd)) as library, library.writer.begin() as session:
        add_document(session, "路径里有特殊字符", DocumentMeta())
    assert odd.is_file()
    with open_library(str(odd), readonly=True) as library, library.reader() as session:
        assert count_documents(session) == 1


@pytest.mark.parametrize("url", ["postgresql://duidu:secret@localhost:1/speeches", "nonsense://host/db"])
def test_unusable_server_url_is_one_line_without_the_password(url: str) -> None:
    with pytest.raises(LibraryError) as caught:
        open_library(url)
    message = str(caught.value)
    assert "\n" not in message and "secret" not in message
