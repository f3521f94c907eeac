"""`duidu similar` reads a library with the plain sqlite3 module (app.store.plain_library, app.store.reads)
only when the regular open would do nothing but read it, and then answers exactly as through SQLAlchemy."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import app.store.migrate as migrate
import app.store.reads as reads
from app.store import open_library
from app.store.importing import import_paths
from app.store.integrity import verdicts_for
from app.store.plain_library import open_plain
from app.store.tracing import similar_documents
from tests.conftest import REPO

SAMPLES = sorted((REPO / "resources" / "samples").glob("*.txt"))


def _checked_library(tmp_path: Path) -> Path:
    """The samples imported, then opened once after a while: that open's complete check is remembered."""
    path = tmp_path / "library.duidu.sqlite"
    with open_library(str(path)) as library:
        import_paths(library.writer, SAMPLES)
    when = time.time() - 60  # a check of a file written just before it is not remembered
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            os.utime(file, (when, when))
    with open_library(str(path)):
        pass
    file, memory = verdicts_for(str(path))
    assert file is not None and memory is not None and memory.passed(file)
    return path


def _queries() -> list[str]:
    """Texts that are not in the library: each sample with a sentence of its own, and two samples joined."""
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    return [
        texts[0] + "\n另外补充一句。",
        texts[3] + "\n以上发言，供参考。",
        texts[1][:3000] + texts[4][:3000],
    ]


def test_plain_reading_answers_as_the_regular_open(tmp_path: Path) -> None:
    path = _checked_library(tmp_path)
    with open_library(str(path), readonly=True) as library:
        regular = [similar_documents(library, text) for text in _queries()]
    plain = open_plain(str(path))
    assert plain is not None
    with plain:
        assert [similar_documents(plain, text) for text in _queries()] == regular
        with plain.reader() as outer, plain.reader() as inner:  # nested readers share one transaction
            assert outer is inner and outer.in_transaction
        assert not plain.connection.in_transaction
    assert any(regular) and all(r.document.id for found in regular for r in found)
    file, memory = verdicts_for(str(path))
    assert file is not None and memory is not None and memory.passed(file)  # reading changed nothing


def test_a_library_the_regular_open_must_check_upgrade_or_index_is_not_read_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _checked_library(tmp_path)
    assert open_plain(str(tmp_path / "missing.sqlite")) is None
    assert open_plain("postgresql+psycopg://duidu@127.0.0.1/none") is None
    assert open_plain(f"sqlite:///{path}") is None  # URLs take the regular way
    with monkeypatch.context() as patched:
        patched.setattr(migrate, "SCHEMA_HEAD", "9999")  # an upgrade to run
        assert open_plain(str(path)) is None
    with monkeypatch.context() as patched:
        patched.setattr(reads, "FINGERPRINT_VERSION", -1)  # every speech to index again
        assert open_plain(str(path)) is None
    opened = open_plain(str(path))
    assert opened is not None
    opened.close()
    os.utime(path)  # changed since its check: the regular open checks it again
    assert open_plain(str(path)) is None


def test_the_plain_reads_name_the_index_tables_the_models_define() -> None:
    from app.store.index import POSTING_TABLES, STATE

    assert tuple(table.name for table in POSTING_TABLES) == reads.POSTING_TABLES
    assert STATE.name == "shingle_index_state"
