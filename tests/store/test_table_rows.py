"""The library table's lean rows: the same speeches, fields and tag order as the ORM listing, from an open
library and from the quick read-only path the GUI's first window uses; and when the quick path must step
aside (the full open upgrades, refuses or reports)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.model import DocumentMeta
from app.store import Library, add_document, list_documents, open_library, remove_document
from app.store.table_rows import TableRow, quick_table_rows, table_rows
from tests.conftest import REPO


def _fill(library: Library) -> None:
    with library.writer.begin() as session:
        add_document(
            session, "第一篇讲话的正文。", DocumentMeta(title="甲", speaker="张三", tags=("乙", "甲", "丙"))
        )
        gone = add_document(session, "要删除的讲话。", DocumentMeta(title="删")).id
        add_document(session, "第三篇讲话。", DocumentMeta())  # every field empty, no tags
        add_document(
            session,
            "第四篇，全部字段。",
            DocumentMeta(
                title="四",
                speaker="李四",
                role="书记",
                organisation="某省",
                date="2023-05-01",
                genre="讲话",
                tags=("x",),
            ),
        )
        remove_document(session, gone)


def _expected(library: Library) -> list[TableRow]:
    with library.reader() as session:
        return [
            TableRow(
                d.id,
                d.meta.title,
                d.meta.speaker,
                d.meta.role,
                d.meta.organisation,
                d.meta.date,
                d.meta.genre,
                d.meta.tags,
                d.chars,
            )
            for d in list_documents(session)
        ]


def remember_a_passing_check(path: Path) -> None:
    """Make `path` a library the open has checked and found intact, unchanged since: the state in which
    the quick path may read it (the open remembers a pass only for a file left alone for 2 s)."""
    settled = time.time_ns() - 3_000_000_000
    os.utime(path, ns=(settled, settled))
    open_library(str(path)).close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_rows_match_the_orm_listing_from_an_open_library(library: Library) -> None:
    _fill(library)
    with library.reader() as session:
        rows = table_rows(session.connection().exec_driver_sql)
    assert rows == _expected(library)
    assert rows[0].tags == ("乙", "甲", "丙")  # the user's order, not alphabetical
    assert len(rows) == 3


def test_quick_rows_match_without_changing_the_file(library: Library, library_path: Path) -> None:
    _fill(library)
    expected = _expected(library)
    library.close()
    assert quick_table_rows(str(library_path)) is None  # never checked by an open: the full open runs
    remember_a_passing_check(library_path)
    before = _digest(library_path)
    assert quick_table_rows(str(library_path)) == expected
    assert _digest(library_path) == before


def test_quick_rows_step_aside_for_a_library_the_full_open_must_handle(
    library: Library, library_path: Path, tmp_path: Path
) -> None:
    _fill(library)
    library.close()
    remember_a_passing_check(library_path)
    assert quick_table_rows(str(tmp_path / "missing.sqlite")) is None
    assert quick_table_rows(f"sqlite:///{library_path}") is None  # URLs take the full path
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_text("not a database", encoding="utf-8")
    assert quick_table_rows(str(not_sqlite)) is None
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE things (x)")
    connection.close()
    assert quick_table_rows(str(foreign)) is None
    with sqlite3.connect(library_path) as connection:  # as if a newer Duidu had upgraded it
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = _digest(library_path)
    assert quick_table_rows(str(library_path)) is None
    assert _digest(library_path) == before
    with pytest.raises(Exception, match="newer Duidu"):
        open_library(str(library_path))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write to read-only files")
def test_quick_rows_step_aside_for_a_read_only_file(library: Library, library_path: Path) -> None:
    _fill(library)
    library.close()
    library_path.chmod(0o444)
    try:
        assert quick_table_rows(str(library_path)) is None
    finally:
        library_path.chmod(0o644)


def test_quick_rows_do_not_load_sqlalchemy(library: Library, library_path: Path) -> None:
    _fill(library)
    library.close()
    remember_a_passing_check(library_path)
    script = (
        "import sys\n"
        "from app.store import LibraryError\n"
        "from app.store.table_rows import quick_table_rows\n"
        f"rows = quick_table_rows({str(library_path)!r})\n"
        "assert rows is not None and len(rows) == 3, rows\n"
        "assert 'sqlalchemy' not in sys.modules, 'SQLAlchemy was loaded'\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_every_public_store_name_resolves() -> None:
    import app.store

    assert sorted(app.store.__all__) == sorted(app.store._HOMES)
    for name in app.store.__all__:
        assert getattr(app.store, name) is not None, name
