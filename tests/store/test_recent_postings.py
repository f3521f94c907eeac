"""Postings in two tables (migration 0007): new ones in `shingle_postings_recent`, merged into
`shingle_postings` in sorted passes. Every reader must answer the same wherever a document's postings are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, func, select
from sqlalchemy import text as sql

from app.core.model import DocumentMeta
from app.core.shingles import fingerprints, normalised
from app.core.text import content_hash
from app.store import Library, add_document, import_paths, open_library, remove_document
from app.store import index as index_module
from app.store.boilerplate import LibraryBoilerplate
from app.store.index import (
    POSTINGS,
    RECENT,
    document_fingerprints,
    document_frequencies,
    find_candidates,
    index_size,
    merge_due,
    merge_recent,
    postings,
)
from app.store.migrate import SCHEMA_HEAD, alembic_config, current_revisions
from app.store.network import candidate_pairs
from app.store.scan_store import load_postings
from tests.conftest import REPO

PG_URL = os.environ.get("DUIDU_TEST_PG_URL", "")
SAMPLES = sorted((REPO / "resources" / "samples").glob("*.txt"))


def _texts() -> list[str]:
    """The shipped samples, and pieces of two of them joined: documents that share passages."""
    samples = [path.read_text(encoding="utf-8") for path in SAMPLES]
    mixed = [
        a[: len(a) // 2] + "\n" + b[len(b) // 3 :]
        for a, b in zip(samples, samples[1:] + samples[:1], strict=True)
    ]
    return samples + mixed


def _count(library: Library, table) -> int:  # type: ignore[no-untyped-def]
    with library.reader() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def _build(path: Path | str, merge_after: int | None) -> Library:
    """A library of `_texts()`; the postings of the first `merge_after` documents merged, the rest recent."""
    library = open_library(str(path))
    for number, text in enumerate(_texts()):
        if number == merge_after:
            with library.writer.begin() as session:
                merge_recent(session)
        with library.writer.begin() as session:
            add_document(session, text, DocumentMeta(title=f"第{number}篇"))
    if merge_after == len(_texts()):
        with library.writer.begin() as session:
            merge_recent(session)
    return library


def _answers(library: Library) -> dict[str, object]:
    """What every reader of the postings says about the library."""
    texts = _texts()
    found: dict[str, object] = {}
    with library.reader() as session:
        ids = sorted(session.scalars(select(index_module.STATE.c.document_id)))
        every = sorted(set().union(*(fingerprints(t) for t in texts)))
        found["df"] = document_frequencies(session, every)
        found["postings"] = dict(postings(session, every))
        found["held"] = [document_fingerprints(session, i) for i in ids]
        found["candidates"] = [
            find_candidates(session, fingerprints(t), exclude=[i]) for i, t in zip(ids, texts, strict=True)
        ]
        found["size"] = index_size(session).postings
        for name, pending in (("scan all", ids), ("scan recent", ids[-2:])):
            arrays = load_postings(session, pending)
            shared = [[part.tolist() for part in arrays.shared_with(i, below=i)] for i in pending]
            found[name] = (shared, arrays.sizes.tolist())
    signal = LibraryBoilerplate(library.reader, min_df=2, min_documents=1)
    found["boilerplate"] = [signal.share(normalised(t), frozenset({content_hash(t)})) for t in texts]
    found["network"] = candidate_pairs(library, None, 0.05)
    found["network of some"] = candidate_pairs(library, ids[::2], 0.05)
    return found


@pytest.mark.parametrize("merge_after", [len(_texts()) // 2, len(_texts())])
def test_readers_answer_the_same_wherever_the_postings_are(tmp_path: Path, merge_after: int) -> None:
    recent = _build(tmp_path / "recent.sqlite", None)
    merged = _build(tmp_path / "merged.sqlite", merge_after)
    try:
        assert _count(recent, POSTINGS) == 0 < _count(recent, RECENT)
        assert _count(merged, POSTINGS) > 0
        assert (_count(merged, RECENT) == 0) == (merge_after == len(_texts()))
        before, after = _answers(recent), _answers(merged)
        assert before["network"], "the documents share passages: the comparison must be able to fail"
        for name in before:
            assert after[name] == before[name], name
    finally:
        recent.close()
        merged.close()


@pytest.mark.skipif(not PG_URL, reason="no PostgreSQL server named in DUIDU_TEST_PG_URL")
def test_readers_answer_the_same_on_postgresql(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same answers on PostgreSQL, its postings recent or merged, as on SQLite."""
    with _build(tmp_path / "sqlite.sqlite", None) as on_sqlite:
        expected = _answers(on_sqlite)
    engine = create_engine(PG_URL)
    with engine.begin() as connection:  # an empty database, as tests/store/test_postgresql.py does
        connection.execute(sql("DROP SCHEMA public CASCADE"))
        connection.execute(sql("CREATE SCHEMA public"))
    engine.dispose()
    with _build(PG_URL, None) as library:
        assert _count(library, RECENT) > 0
        recent = _answers(library)
        monkeypatch.setattr(index_module, "MERGE_MIN_POSTINGS", 0)
        with library.writer() as session:
            assert index_module.merge_if_due(session) > 0
        assert _count(library, RECENT) == 0
        merged = _answers(library)
    for name in expected:
        assert recent[name] == expected[name], name
        assert merged[name] == expected[name], name


def test_an_import_merges_the_recent_postings_once_they_are_a_share_of_the_main_table(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "MERGE_MIN_POSTINGS", 1)
    first, second = tmp_path / "first", tmp_path / "second"
    texts = _texts()
    for folder, part in ((first, texts[:-1]), (second, texts[-1:])):
        folder.mkdir()
        for number, text in enumerate(part):
            (folder / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    assert import_paths(library.writer, [first]).imported == len(texts) - 1
    merged = _count(library, POSTINGS)
    assert merged > 0 and _count(library, RECENT) == 0  # due: nothing was in the main table
    assert import_paths(library.writer, [second]).imported == 1
    recent = _count(library, RECENT)
    assert 0 < recent < index_module.MERGE_SHARE * merged  # one document: not due yet
    with library.reader() as session:
        assert not merge_due(session)
    monkeypatch.setattr(index_module, "MERGE_SHARE", recent / merged)
    (second / "extra.txt").write_text(texts[0] + "\n附：" + texts[1][:200], encoding="utf-8")
    report = import_paths(library.writer, [second])
    assert report.imported == 1
    assert _count(library, RECENT) == 0 and _count(library, POSTINGS) > merged + recent
    with library.writer.begin() as session:  # the merge turned foreign keys off: they are back on
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        remove_document(session, report.results[-1].document_id)
    assert _count(library, POSTINGS) == merged + recent


def test_a_merge_that_fails_leaves_both_tables_as_they_were(library: Library) -> None:
    for text in _texts()[:3]:
        with library.writer.begin() as session:
            add_document(session, text, DocumentMeta())
    recent = _count(library, RECENT)
    with pytest.raises(RuntimeError), library.writer.begin() as session:
        assert merge_recent(session) == recent
        raise RuntimeError("killed half-way")
    assert (_count(library, POSTINGS), _count(library, RECENT)) == (0, recent)


def test_removing_a_document_removes_its_postings_from_either_table(library: Library) -> None:
    ids = []
    for number, text in enumerate(_texts()[:4]):
        if number == 2:
            with library.writer.begin() as session:
                merge_recent(session)
        with library.writer.begin() as session:
            ids.append(add_document(session, text, DocumentMeta()).id)
    for document_id in (ids[0], ids[3]):  # one merged, one recent
        with library.writer.begin() as session:
            remove_document(session, document_id)
    with library.reader() as session:
        held = {table.name: set(session.scalars(select(table.c.document_id))) for table in (POSTINGS, RECENT)}
    assert held == {POSTINGS.name: {ids[1]}, RECENT.name: {ids[2]}}


def test_a_library_from_before_0007_keeps_its_postings_and_indexes_new_documents_in_the_recent_table(
    library_path: Path,
) -> None:
    texts = _texts()
    with open_library(str(library_path)) as library:
        with library.writer.begin() as session:
            old = add_document(session, texts[0], DocumentMeta()).id
        with library.engine.begin() as connection:  # back to the schema before: recent postings move over
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0006")
        assert current_revisions(library.engine) == ("0006",)
    with open_library(str(library_path)) as library:
        assert current_revisions(library.engine) == (SCHEMA_HEAD,)
        assert (_count(library, POSTINGS), _count(library, RECENT)) == (len(fingerprints(texts[0])), 0)
        with library.writer.begin() as session:
            new = add_document(session, texts[len(SAMPLES)], DocumentMeta()).id  # half of texts[0]
        assert _count(library, RECENT) == len(fingerprints(texts[len(SAMPLES)]))
        with library.reader() as session:
            found = find_candidates(session, fingerprints(texts[0]), exclude=[old])
            assert [c.document_id for c in found] == [new]
            found = find_candidates(session, fingerprints(texts[len(SAMPLES)]), exclude=[new])
            assert [c.document_id for c in found] == [old]
