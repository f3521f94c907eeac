"""A shared office library on a real PostgreSQL server: the same store code, migrations and searches.

CI starts a local server (.ci/postgres.sh) and names it in DUIDU_TEST_PG_URL; without it these are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.store import (
    DocumentFilter,
    Library,
    get_document,
    get_text,
    import_paths,
    list_documents,
    open_library,
    remove_document,
    update_metadata,
)
from tests.conftest import REPO

PG_URL = os.environ.get("DUIDU_TEST_PG_URL", "")
SAMPLES = REPO / "resources" / "samples"

pytestmark = pytest.mark.skipif(not PG_URL, reason="no PostgreSQL server named in DUIDU_TEST_PG_URL")


def _empty_database() -> None:
    engine = create_engine(PG_URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def pg_library() -> Iterator[Library]:
    _empty_database()
    with open_library(PG_URL) as library:
        yield library


def test_import_search_edit_remove_and_reopen(pg_library: Library) -> None:
    report = import_paths(pg_library.writer, [SAMPLES])
    samples = sorted(p for p in SAMPLES.glob("*.txt"))
    assert report.imported == len(samples) and report.failed == 0

    again = import_paths(pg_library.writer, [SAMPLES])
    assert again.imported == 0 and again.duplicates == len(samples)

    with pg_library.reader() as session:
        docs = list_documents(session)
        by_text = {get_text(session, d.id): d for d in docs}
    for path in samples:
        assert path.read_text(encoding="utf-8") in by_text  # stored exactly as the file

    word = "两个维护"
    expected = {d.id for t, d in by_text.items() if word in t}
    assert expected, "the demo speeches share this formula"
    with pg_library.reader() as session:
        found = {d.id for d in list_documents(session, DocumentFilter(text=word))}
        two_chars = {d.id for d in list_documents(session, DocumentFilter(text="四风"))}
    assert found == expected
    assert two_chars == {d.id for t, d in by_text.items() if "四风" in t}

    target = docs[0]
    with pg_library.writer.begin() as session:
        update_metadata(session, target.id, replace(target.meta, speaker="测试者", tags=("甲", "乙")))
    with pg_library.writer.begin() as session:
        assert remove_document(session, docs[1].id)

    location = pg_library.location
    pg_library.close()
    with open_library(PG_URL) as reopened, reopened.reader() as session:
        edited = get_document(session, target.id)
        assert edited is not None and edited.meta.speaker == "测试者"
        assert set(edited.meta.tags) == {"甲", "乙"}
        assert get_document(session, docs[1].id) is None
        assert len(list_documents(session)) == len(samples) - 1
    assert location


def _tracing_answers(library: Library) -> tuple[list[tuple[str, float]], list[tuple[str, int, int, str]]]:
    """Similar speeches of one demo speech and where one of its sentences appears, by file name."""
    from app.store.tracing import find_passage, similar_documents

    import_paths(library.writer, [SAMPLES])
    with library.reader() as session:
        docs = {Path(d.meta.source_path).name: d.id for d in list_documents(session)}
        query_id = docs["03-theme-education-mobilisation.txt"]
        text = get_text(session, query_id)
    names = {v: k for k, v in docs.items()}
    similar = [
        (names[r.document.id], round(r.score, 6)) for r in similar_documents(library, text, exclude=query_id)
    ]
    sentence = max(text.split("。"), key=len)
    hits = find_passage(library, sentence).hits
    return similar, sorted((names[h.document.id], h.start, h.end, h.kind) for h in hits)


def test_tracing_answers_the_same_as_on_sqlite(pg_library: Library, tmp_path) -> None:
    """Similar speeches and passage search read the index through portable SQL here, a fast path on SQLite."""
    on_postgresql = _tracing_answers(pg_library)
    with open_library(str(tmp_path / "lib.duidu.sqlite")) as sqlite_library:
        on_sqlite = _tracing_answers(sqlite_library)
    similar, hits = on_postgresql
    assert similar and hits, "the demo speeches share passages"
    assert on_postgresql == on_sqlite
