"""Repository functions against a real SQLite library file."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from sqlalchemy import text as sql

from app.core.model import DocumentMeta
from app.core.text import content_hash
from app.store import (
    DocumentFilter,
    DocumentNotFound,
    Library,
    StoredDocument,
    add_document,
    all_tags,
    count_documents,
    find_by_hash,
    get_document,
    get_text,
    list_documents,
    remove_document,
    update_metadata,
)

SPEECH = "市委书记在全市经济工作会议上的讲话\n\n同志们：\n今年以来，我们坚持稳中求进工作总基调。\n"


def _add(library: Library, text: str, **meta: object) -> int:
    with library.writer.begin() as session:
        return add_document(session, text, DocumentMeta(**meta)).id  # type: ignore[arg-type]


def test_add_then_read_back_everything(library: Library) -> None:
    meta = DocumentMeta(
        title="全市经济工作会议讲话",
        speaker="张三",
        role="市委书记",
        organisation="某市",
        date="2023-04-12",
        occasion="全市经济工作会议",
        genre="讲话",
        source_path="/speeches/a.txt",
        tags=("经济", "2023", "会议"),
        notes="第一稿",
    )
    with library.writer.begin() as session:
        added = add_document(session, SPEECH, meta, format="txt")
    assert added.created
    with library.reader() as session:
        record = get_document(session, added.id)
        assert get_text(session, added.id) == SPEECH
    assert isinstance(record, StoredDocument)
    assert record.meta == meta
    assert record.chars == len(SPEECH)
    assert record.content_hash == content_hash(SPEECH)
    assert record.format == "txt"
    assert record.imported_at.tzinfo is not None
    assert abs((datetime.now(UTC) - record.imported_at).total_seconds()) < 60


def test_same_text_is_stored_once(library: Library) -> None:
    first = _add(library, SPEECH, title="one")
    with library.writer.begin() as session:
        again = add_document(session, SPEECH, DocumentMeta(title="two"))
        assert find_by_hash(session, content_hash(SPEECH)).id == first  # type: ignore[union-attr]
    assert again.id == first and not again.created
    with library.reader() as session:
        assert count_documents(session) == 1
        assert get_document(session, first).meta.title == "one"  # type: ignore[union-attr]


def test_failed_transaction_leaves_nothing(library: Library) -> None:
    with pytest.raises(RuntimeError), library.writer.begin() as session:
        add_document(session, SPEECH, DocumentMeta(title="x", tags=("a",)))
        raise RuntimeError("power cut")
    with library.reader() as session:
        assert count_documents(session) == 0
        assert session.execute(sql("select count(*) from document_tags")).scalar() == 0


def test_list_sorts_and_pages(library: Library) -> None:
    ids = [
        _add(library, "甲文" * 5, title="乙", date="2021-05"),
        _add(library, "乙文" * 5, title="甲", date="2023-01-02"),
        _add(library, "丙文" * 5, title="丙", date="2019"),
    ]
    with library.reader() as session:
        assert [d.id for d in list_documents(session)] == ids
        assert [d.meta.date for d in list_documents(session, sort="date")] == [
            "2019",
            "2021-05",
            "2023-01-02",
        ]
        assert [d.id for d in list_documents(session, sort="date", descending=True)] == [
            ids[1],
            ids[0],
            ids[2],
        ]
        assert [d.id for d in list_documents(session, limit=2, offset=1)] == ids[1:]
        with pytest.raises(ValueError, match="cannot sort"):
            list_documents(session, sort="text")


def test_update_metadata_keeps_text(library: Library) -> None:
    doc_id = _add(library, SPEECH, title="旧", tags=("a", "b"))
    new = DocumentMeta(title="新标题", speaker="李四", tags=("b", "c", "a"), notes="改过")
    with library.writer.begin() as session:
        updated = update_metadata(session, doc_id, new)
    assert updated.meta == new
    with library.reader() as session:
        assert get_document(session, doc_id).meta == new  # type: ignore[union-attr]
        assert get_text(session, doc_id) == SPEECH
        assert all_tags(session) == ["a", "b", "c"]
    with pytest.raises(DocumentNotFound), library.writer.begin() as session:
        update_metadata(session, 999, new)


def test_remove_cascades_and_ids_are_not_reused(library: Library) -> None:
    first = _add(library, SPEECH, tags=("x", "y"))
    second = _add(library, SPEECH + "补充", tags=("z",))
    with library.writer.begin() as session:
        assert remove_document(session, second)
        assert not remove_document(session, second)
    with library.reader() as session:
        assert get_document(session, second) is None
        assert get_text(session, second) is None
        tag_rows = session.execute(sql("select document_id from document_tags")).scalars().all()
        assert set(tag_rows) == {first}
    third = _add(library, SPEECH + "又一篇")
    assert third > second


def test_search_by_chinese_substring_and_metadata(library: Library) -> None:
    a = _add(
        library,
        "坚持以人民为中心的发展思想，扎实推进共同富裕。",
        title="A讲话",
        speaker="王五",
        tags=("民生",),
    )
    b = _add(library, "全面从严治党永远在路上。100%_完成", title="B报告", genre="报告", date="2022-10-16")
    c = _add(library, "推进共同富裕取得实质性进展", title="C", organisation="浙江省", date="2021-06")

    def ids(**conditions: str) -> list[int]:
        with library.reader() as session:
            found = [d.id for d in list_documents(session, DocumentFilter(**conditions))]
            assert count_documents(session, DocumentFilter(**conditions)) == len(found)
            return found

    assert ids(text="共同富裕") == [a, c]
    assert ids(text="富裕", keyword="浙江") == [c]
    assert ids(text="人民为中心") == [a]
    assert ids(text="100%_") == [b]  # LIKE wildcards are matched literally
    assert ids(text="0%") == [b]
    assert ids(text="%%") == []
    assert ids(keyword="b报告") == [b]  # case-insensitive on Latin letters
    assert ids(keyword="民生") == [a]  # tags count as metadata
    assert ids(tag="民生") == [a]
    assert ids(speaker="王") == [a]
    assert ids(genre="报告") == [b]
    assert ids(date_from="2022") == [b]
    assert ids(date_to="2021") == [c]
    assert ids(date_from="2021-06", date_to="2022-10") == [b, c]
    with pytest.raises(ValueError, match="at least 2"), library.reader() as session:
        list_documents(session, DocumentFilter(text="富"))


def test_records_are_plain_frozen_data(library: Library) -> None:
    doc_id = _add(library, SPEECH, title="t")
    with library.reader() as session:
        record = get_document(session, doc_id)
    assert record is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.chars = 0  # type: ignore[misc]
    assert record.meta.title == "t"  # usable after the session is closed
