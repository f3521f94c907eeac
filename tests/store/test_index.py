"""The shingle index is kept with the documents: on add, import, removal, restart, rebuild and migration."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import func, select, update

from app.core.model import DocumentMeta
from app.core.shingles import fingerprints
from app.store import add_document, open_library, remove_document
from app.store.importing import import_paths
from app.store.index import (
    ALL_POSTINGS,
    STATE,
    clear_index,
    ensure_index,
    find_candidates,
    index_size,
    indexed_documents,
)
from app.store.migrate import alembic_config, current_revisions

ORIGINAL = (
    "海拉尔区今年着力推进棚户区改造工程，新建保障性住房三千套，完成老旧小区供热管网改造一百二十公里，"
    "城市集中供热普及率达到百分之九十五。我们坚持把改善民生作为一切工作的出发点和落脚点，"
    "新增城镇就业岗位四千二百个，城乡居民医疗保险参保率稳定在百分之九十八以上。"
)
REVISED = ORIGINAL.replace("三千套", "三千五百套").replace("今年", "去年")
UNRELATED = (
    "我们要坚持以习近平同志为核心的党中央坚强领导，深入学习贯彻党的二十大精神，"
    "推动农牧业现代化，发展草原生态旅游，建设呼伦贝尔中心城市的航空港和物流园区。"
)


def _postings_of(session, doc_id: int) -> int:
    return session.scalar(
        select(func.count()).select_from(ALL_POSTINGS).where(ALL_POSTINGS.c.document_id == doc_id)
    )


def test_adding_a_document_stores_its_fingerprints_in_the_same_transaction(library) -> None:
    with library.writer.begin() as session:
        doc = add_document(session, ORIGINAL, DocumentMeta(title="原")).id
    with library.reader() as session:
        assert _postings_of(session, doc) == len(fingerprints(ORIGINAL)) > 5
        assert indexed_documents(session) == 1


def test_a_failed_transaction_leaves_neither_document_nor_fingerprints(library) -> None:
    try:
        with library.writer.begin() as session:
            add_document(session, ORIGINAL, DocumentMeta())
            raise RuntimeError("disk full")
    except RuntimeError:
        pass
    with library.reader() as session:
        assert session.scalar(select(func.count()).select_from(ALL_POSTINGS)) == 0
        assert indexed_documents(session) == 0


def test_removal_cascades_to_the_index(library) -> None:
    with library.writer.begin() as session:
        keep = add_document(session, ORIGINAL, DocumentMeta()).id
        gone = add_document(session, UNRELATED, DocumentMeta()).id
    with library.writer.begin() as session:
        assert remove_document(session, gone)
    with library.reader() as session:
        assert _postings_of(session, gone) == 0
        assert _postings_of(session, keep) > 0
        assert session.scalar(select(func.count()).select_from(STATE)) == 1


def test_import_indexes_each_file(library, tmp_path: Path) -> None:
    folder = tmp_path / "speeches"
    folder.mkdir()
    (folder / "a.txt").write_text(ORIGINAL, encoding="utf-8")
    (folder / "b.txt").write_text(REVISED, encoding="utf-8")
    report = import_paths(library.writer, [folder])
    assert report.imported == 2
    with library.reader() as session:
        for result in report.results:
            assert _postings_of(session, result.document_id) > 0


def test_candidates_rank_the_revised_version_first_and_survive_a_restart(library_path: Path) -> None:
    with open_library(str(library_path)) as library, library.writer.begin() as session:
        original = add_document(session, ORIGINAL, DocumentMeta()).id
        revised = add_document(session, REVISED, DocumentMeta()).id
        add_document(session, UNRELATED, DocumentMeta())
    with open_library(str(library_path)) as reopened:
        with reopened.reader() as session:
            found = find_candidates(session, fingerprints(ORIGINAL), exclude=[original])
        assert [c.document_id for c in found] == [revised]
        assert found[0].shared >= 5
        from app.store.tracing import similar_documents

        similar = similar_documents(reopened, ORIGINAL, exclude=original)
        assert [r.document.id for r in similar] == [revised] and similar[0].score > 0.8


def test_ensure_index_rebuilds_missing_and_stale_fingerprints(library) -> None:
    with library.writer.begin() as session:
        first = add_document(session, ORIGINAL, DocumentMeta()).id
        second = add_document(session, REVISED, DocumentMeta()).id
    with library.reader() as session:
        before = session.execute(select(ALL_POSTINGS.c.hash, ALL_POSTINGS.c.document_id)).all()
    with library.writer.begin() as session:
        clear_index(session)
    assert ensure_index(library.writer, library.reader) == 2
    with library.writer.begin() as session:  # an index written by an older fingerprint version
        session.execute(update(STATE).where(STATE.c.document_id == first).values(version=0))
    progress: list[tuple[int, int]] = []
    assert ensure_index(library.writer, library.reader, lambda d, t: progress.append((d, t))) == 1
    assert progress == [(1, 1)]
    with library.reader() as session:
        after = session.execute(select(ALL_POSTINGS.c.hash, ALL_POSTINGS.c.document_id)).all()
        assert sorted(before) == sorted(after)
        assert {c.document_id for c in find_candidates(session, fingerprints(REVISED))} == {first, second}
    assert ensure_index(library.writer, library.reader) == 0


def test_ensure_index_stops_when_cancelled(library) -> None:
    with library.writer.begin() as session:
        add_document(session, ORIGINAL, DocumentMeta())
        clear_index(session)
    assert ensure_index(library.writer, library.reader, cancelled=lambda: True) == 0


def test_index_size_is_reported_against_the_text(library) -> None:
    with library.writer.begin() as session:
        add_document(session, ORIGINAL * 20, DocumentMeta())
    with library.reader() as session:
        size = index_size(session)
    assert size.documents == 1 and size.postings > 0
    assert size.text_bytes == len((ORIGINAL * 20).encode("utf-8"))
    assert size.index_bytes is None or size.index_bytes > 0


def test_migration_downgrades_and_upgrades_the_index_tables(library_path: Path) -> None:
    with open_library(str(library_path)) as library:
        with library.writer.begin() as session:
            add_document(session, ORIGINAL, DocumentMeta())
        with library.engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
        assert current_revisions(library.engine) == ("0003",)
    with open_library(str(library_path)) as library:  # upgraded again on open; the index catches up
        assert ensure_index(library.writer, library.reader) == 1
        with library.reader() as session:
            assert indexed_documents(session) == 1


def test_tracing_queries_on_an_empty_or_unrelated_library_return_nothing(library) -> None:
    import pytest

    from app.store.tracing import TracingCancelled, find_passage, similar_documents

    assert similar_documents(library, ORIGINAL) == []
    assert find_passage(library, ORIGINAL).hits == ()
    with library.writer.begin() as session:
        add_document(session, UNRELATED, DocumentMeta())
        add_document(session, REVISED, DocumentMeta())
    assert similar_documents(library, "短") == []  # shorter than one shingle
    assert find_passage(library, "  ").hits == ()
    with pytest.raises(TracingCancelled):
        similar_documents(library, ORIGINAL, cancelled=lambda: True)
