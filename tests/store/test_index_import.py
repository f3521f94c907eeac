"""Folder imports store files in batches: each reported file is committed with its fingerprints, a failing
file leaves only itself out, and a batch never holds more files than were already committed.

Run on SQLite, and on PostgreSQL too when DUIDU_TEST_PG_URL names a server (.ci/postgres.sh): there a
failed statement aborts the whole transaction, which the file-by-file retry must survive.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import FromClause, create_engine, event, func, select, text

from app.core.shingles import fingerprints
from app.store import FileResult, Library, Outcome, count_documents, import_paths, importing, open_library
from app.store.index import ALL_POSTINGS, STATE, document_fingerprints

_HAN = "经济社会发展改革开放人民群众生活水平提高城乡建设基层治理生态保护科技创新产业升级就业教育医疗"


def _speech(number: int) -> str:
    pick = random.Random(number)
    body = "".join(pick.choice(_HAN) for _ in range(600))
    return f"在第{number}次工作会议上的讲话\n\n同志们：\n{body}。\n"


PG_URL = os.environ.get("DUIDU_TEST_PG_URL", "")


@pytest.fixture(params=["sqlite", "postgresql"])
def library(request: pytest.FixtureRequest, library_path: Path) -> Iterator[Library]:
    if request.param == "sqlite":
        target = str(library_path)
    elif not PG_URL:
        pytest.skip("no PostgreSQL server named in DUIDU_TEST_PG_URL")
    else:
        engine = create_engine(PG_URL)
        with engine.begin() as connection:  # an empty database, as tests/store/test_postgresql.py does
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        target = PG_URL
    with open_library(target) as opened:
        yield opened


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "speeches"
    root.mkdir()
    for number in range(40):
        (root / f"{number:02d}.txt").write_text(_speech(number), encoding="utf-8")
    return root


def _count(library: Library, table: FromClause) -> int:
    with library.reader() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_each_reported_file_is_committed_with_its_fingerprints(library: Library, folder: Path) -> None:
    commits: list[int] = []
    event.listen(library.engine, "commit", lambda _connection: commits.append(1))
    committed_when_reported: list[int] = []

    def check(result: FileResult) -> None:
        assert result.outcome is Outcome.IMPORTED
        with library.reader() as session:  # another connection: sees committed rows only
            held = document_fingerprints(session, result.document_id)
            assert held == fingerprints(_speech(int(result.path.stem)))
            committed_when_reported.append(count_documents(session))

    report = import_paths(library.writer, [folder], on_result=check)
    assert report.imported == 40
    assert 5 <= len(commits) < 40 / 3  # batched, not one commit per file
    jumps = sorted(set(committed_when_reported))
    assert jumps[:2] == [1, 2]  # the first files are committed alone: their results show at once
    for before, after in pairwise(jumps):
        assert after - before <= min(before, importing.MAX_BATCH_FILES)
    assert _count(library, STATE) == 40


def test_a_failing_file_in_a_batch_leaves_only_itself_out(
    library: Library, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_add = importing.add_document

    def add_then_fail(session, text, meta, **kwargs):  # type: ignore[no-untyped-def]
        added = real_add(session, text, meta, **kwargs)  # document and fingerprints are written here
        if "第33次" in text:
            raise RuntimeError("disk pulled out mid-insert")
        return added

    monkeypatch.setattr(importing, "add_document", add_then_fail)
    report = import_paths(library.writer, [folder])
    assert [r.path.name for r in report.results] == [f"{n:02d}.txt" for n in range(40)]
    failed = [r for r in report.results if r.outcome is Outcome.FAILED]
    assert [r.path.name for r in failed] == ["33.txt"] and "disk pulled out" in failed[0].reason
    assert report.imported == 39
    assert _count(library, STATE) == 39
    expected = sum(len(fingerprints(_speech(n))) for n in range(40) if n != 33)
    assert _count(library, ALL_POSTINGS) == expected


def test_a_cancel_stores_what_was_read_and_reports_it(library: Library, folder: Path) -> None:
    seen: list[FileResult] = []
    report = import_paths(library.writer, [folder], cancelled=lambda: len(seen) >= 5, on_result=seen.append)
    assert report.cancelled and list(report.results) == seen
    with library.reader() as session:
        assert count_documents(session) == len(seen) == _count(library, STATE)
    assert 5 <= len(seen) < 40
