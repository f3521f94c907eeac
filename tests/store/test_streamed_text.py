"""A long text is written into SQLite piece by piece (incremental BLOB I/O, `repository._insert_document`);
everything read back from it must be what binding the text in one piece gave: the text itself, its hash,
its fingerprints, metadata, searches run by SQLite's own functions (instr, replace, length)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from app.core.model import DocumentMeta
from app.store import (
    DocumentFilter,
    Library,
    get_text,
    import_paths,
    list_documents,
    open_library,
    repository,
)
from app.store.index import index_size
from app.store.models import Document
from app.store.repository import add_document
from tests.store.hostile_library import big_text
from tests.store.test_postgresql import PG_URL, _empty_database

#: Never streamed / always streamed.
_PLAIN, _STREAMED = 10**12, 1

#: Stored texts with 1-, 2-, 3- and 4-byte UTF-8 characters, long and short, a piece boundary inside a
#: 4-byte character's neighbourhood (pieces are cut by characters, never inside one).
TEXTS = {
    "hanzi": big_text(300_000, seed=5),
    "mixed": ("Speech 讲话 𠀋𠀌😀 é\n" * 20_000) + "结束。",
    "ascii": "a" * 70_000 + "\n" + "needle in the middle" + "b" * 5,
    "short": "同志们：\n今天我们开会。",
}


def _contents(library: Library) -> dict[str, Any]:
    """Everything a reader can learn about the stored documents, besides when they were imported."""
    with library.reader() as session:
        documents = list_documents(session)
        found: dict[str, Any] = {
            "documents": [(d.id, d.meta, d.chars, d.content_hash, d.format) for d in documents],
            "texts": [get_text(session, d.id) for d in documents],
            "postings": session.execute(
                text("SELECT document_id, hash FROM shingle_postings ORDER BY document_id, hash")
            ).all(),
            "state": session.execute(text("SELECT * FROM shingle_index_state ORDER BY document_id")).all(),
            "text_bytes": index_size(session).text_bytes,
            "searches": [
                [d.id for d in list_documents(session, DocumentFilter(text=needle))]
                for needle in ("needle in", "𠀌😀 é", "讲话", "今天我们")
            ],
            "replaced": session.execute(
                select(Document.id, func.instr(func.replace(Document.text, "。", ""), "开会")).order_by(
                    Document.id
                )
            ).all(),
        }
    return found


def _store_texts(path: Path, monkeypatch: pytest.MonkeyPatch, streamed_chars: int) -> tuple[dict, list[str]]:
    monkeypatch.setattr(repository, "STREAMED_TEXT_CHARS", streamed_chars)
    with open_library(str(path)) as library:
        with library.writer.begin() as session:
            for name, stored in TEXTS.items():
                add_document(session, stored, DocumentMeta(title=name, tags=(name,)), format="txt")
        with library.reader() as session:
            kinds = list(session.scalars(select(func.typeof(Document.text)).order_by(Document.id)))
        return _contents(library), kinds


def test_streamed_texts_read_back_search_and_index_as_bound_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain, plain_kinds = _store_texts(tmp_path / "plain.sqlite", monkeypatch, _PLAIN)
    streamed, streamed_kinds = _store_texts(tmp_path / "streamed.sqlite", monkeypatch, _STREAMED)
    assert plain_kinds == ["text"] * len(TEXTS) and streamed_kinds == ["blob"] * len(TEXTS)  # both paths ran
    assert streamed == plain
    assert streamed["texts"] == list(TEXTS.values())
    assert [d[3] for d in streamed["documents"]] == [
        hashlib.sha256(t.encode("utf-8")).hexdigest() for t in TEXTS.values()
    ]
    assert streamed["searches"] == [[3], [2], [2], [4]]
    assert streamed["text_bytes"] == sum(len(t.encode("utf-8")) for t in TEXTS.values())


def test_a_long_file_imports_the_same_streamed_or_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole import of a few-MB file (read, decode, metadata, hash, fingerprints, store) against the
    same file stored the straightforward way (its text bound in one piece)."""
    source = tmp_path / "long.txt"
    source.write_text(
        "关于进一步加强工作的讲话\n（2020年5月1日）\n" + big_text(1_000_000, seed=9), encoding="utf-8"
    )
    contents = []
    for name, streamed_chars in (("plain", _PLAIN), ("streamed", repository.STREAMED_TEXT_CHARS)):
        monkeypatch.setattr(repository, "STREAMED_TEXT_CHARS", streamed_chars)
        with open_library(str(tmp_path / f"{name}.sqlite")) as library:
            report = import_paths(library.writer, [source])
            assert report.imported == 1
            contents.append(_contents(library))
    plain, streamed = contents
    assert streamed == plain
    assert streamed["texts"] == [source.read_text(encoding="utf-8")]
    assert streamed["documents"][0][3] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert streamed["documents"][0][1].date == "2020-05-01"


@pytest.mark.skipif(not PG_URL, reason="no PostgreSQL server named in DUIDU_TEST_PG_URL")
def test_a_long_text_on_postgresql_is_stored_and_read_as_text(tmp_path: Path) -> None:
    """PostgreSQL has no incremental BLOB I/O: a long text is bound whole there, and reads back as before."""
    _empty_database()
    source = tmp_path / "long.txt"
    stored = "关于工作的讲话\n" + big_text(repository.STREAMED_TEXT_CHARS + 1000, seed=4)
    source.write_text(stored, encoding="utf-8")
    with open_library(PG_URL) as library:
        assert import_paths(library.writer, [source]).imported == 1
        with library.reader() as session:
            (document,) = list_documents(session)
            assert get_text(session, document.id) == stored
            assert document.content_hash == hashlib.sha256(stored.encode("utf-8")).hexdigest()
            assert session.scalar(text("SELECT pg_typeof(text)::text FROM documents")) == "text"
            assert [d.id for d in list_documents(session, DocumentFilter(text=stored[5000:5010]))] == [
                document.id
            ]
