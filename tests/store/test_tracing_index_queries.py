"""The index's query side: SQLite's fast path answers exactly like the portable SQL other databases run,
the staleness check sees documents missing from the index, and the boilerplate signal needs no lookup
for documents the caller already named."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import replace

from sqlalchemy import delete

from app.core.model import DocumentMeta
from app.core.passages import prepare
from app.core.shingles import fingerprints, rank_candidates
from app.store import add_document, reads
from app.store.boilerplate import LibraryBoilerplate
from app.store.index import (
    STATE,
    document_fingerprints,
    document_frequencies,
    find_candidates,
    postings,
    stale_ids,
)
from app.store.tracing import default_params, remember

PARAGRAPHS = [
    "海拉尔区今年着力推进棚户区改造工程，新建保障性住房三千套，完成老旧小区供热管网改造一百二十公里。",
    "城市集中供热普及率达到百分之九十五，新增城镇就业岗位四千二百个，城乡居民医疗保险参保率稳定。",
    "草原生态保护补助奖励政策全面落实，禁牧面积达到八十万亩，草畜平衡面积一百二十万亩，肉羊出栏增长。",
    "建成标准化规模养殖场十五处，奶牛存栏稳定在三万头，农牧民人均可支配收入增长百分之八点五。",
    "全年接待游客六百万人次，旅游收入增长百分之二十，呼伦贝尔中心城市的航空港和物流园区开工建设。",
]


def _speeches() -> list[str]:
    """Overlapping speeches: each takes three paragraphs, so pairs share one, two or three of them."""
    n = len(PARAGRAPHS)
    return ["\n".join(PARAGRAPHS[(i + j) % n] for j in range(3)) + f"\n第{i}篇。" for i in range(8)]


def _store(library) -> list[int]:  # type: ignore[no-untyped-def]
    with library.writer.begin() as session:
        return [
            add_document(session, text, DocumentMeta(title=str(i))).id for i, text in enumerate(_speeches())
        ]


@contextmanager
def _portable(monkeypatch):  # type: ignore[no-untyped-def]
    """Run the queries as on PostgreSQL: without SQLite's DBAPI cursor."""

    with monkeypatch.context() as patched:
        patched.setattr(reads, "_sqlite_driver", lambda connection: None)
        yield


def test_candidates_are_the_same_through_sqlite_and_portable_sql(library, monkeypatch) -> None:
    ids = _store(library)
    query = fingerprints(_speeches()[0])
    with library.reader() as session:
        fast = find_candidates(session, query, exclude=[ids[0]], limit=5)
        frequencies = document_frequencies(session, query)
        held = document_fingerprints(session, ids[1])
        with _portable(monkeypatch):
            assert find_candidates(session, query, exclude=[ids[0]], limit=5) == fast
            assert document_frequencies(session, query) == frequencies
            assert document_fingerprints(session, ids[1]) == held
        found = postings(session, query)
    assert held == fingerprints(_speeches()[1])
    # the same ranking as the core's reference implementation over the same postings
    without_query = {h: [d for d in docs if d != ids[0]] for h, docs in found.items()}
    assert fast == rank_candidates(without_query, frequencies, len(ids), 5)
    assert fast[0].document_id == ids[5] and fast[0].shared > fast[-1].shared  # the same three paragraphs


def test_fingerprints_too_common_to_weigh_are_left_out_on_both_paths(library, monkeypatch) -> None:
    """SQLite reads each fingerprint's count and holders in one pass (`group_concat`); a fingerprint held
    by more than `max_useful_df` documents (8 here) must still be left out, as the portable path does."""
    common = PARAGRAPHS[0]
    texts = [f"{common}\n{PARAGRAPHS[1 + i % 4]}\n第{i}篇讲话的结尾。" for i in range(12)]
    with library.writer.begin() as session:
        ids = [add_document(session, t, DocumentMeta(title=str(i))).id for i, t in enumerate(texts)]
    query = fingerprints(texts[0])
    with library.reader() as session:
        fast = find_candidates(session, query, exclude=[ids[0]], limit=20)
        with _portable(monkeypatch):
            assert find_candidates(session, query, exclude=[ids[0]], limit=20) == fast
        frequencies = document_frequencies(session, query)
    assert max(frequencies.values()) == 12  # the common paragraph's fingerprints: over the ceiling
    # only the speeches sharing the second paragraph too are candidates (ids[4], ids[8]: 1 + i % 4 == 1)
    assert sorted(c.document_id for c in fast) == [ids[4], ids[8]]


def test_candidates_within_a_selection(library) -> None:
    ids = _store(library)
    with library.reader() as session:
        chosen = find_candidates(session, fingerprints(_speeches()[0]), within=ids[3:5], limit=10)
    assert {c.document_id for c in chosen} <= set(ids[3:5]) and chosen


def test_documents_missing_from_the_index_are_stale(library) -> None:
    ids = _store(library)
    with library.reader() as session:
        assert stale_ids(session) == []
    with library.writer.begin() as session:
        session.execute(delete(STATE).where(STATE.c.document_id.in_([ids[5], ids[2]])))
    with library.reader() as session:
        assert stale_ids(session) == [ids[2], ids[5]]


def test_remembered_documents_need_no_lookup_to_be_left_out(library) -> None:
    ids = _store(library)
    calls = 0
    reader = library.reader

    def counting():  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return reader()

    signal = LibraryBoilerplate(counting, min_df=2)
    params = default_params()
    params = replace(params, boilerplate=signal)
    first, second = (remember(params, prepare(_speeches()[i], params), ids[i]) for i in (0, 1))
    pair = frozenset((first.sha256, second.sha256))
    text = first.view.text
    signal.share(text)  # frequencies looked up once
    before = calls
    assert 0 < signal.share(text, pair) <= signal.share(text)
    assert calls - before == 2  # the two documents' fingerprints, but no lookup by content hash


def test_a_held_session_serves_the_lookups_of_its_own_thread_only(library) -> None:
    _store(library)
    calls = 0
    reader = library.reader

    def counting():  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return reader()

    signal = LibraryBoilerplate(counting, min_df=2)
    texts = [prepare(text, default_params()).view.text for text in _speeches()]
    with signal.reading():
        opened = calls
        held = [signal.share(text) for text in texts[:4]]
        assert calls == opened  # every lookup went through the held session
        elsewhere = threading.Thread(target=signal.share, args=(texts[4],))
        elsewhere.start()
        elsewhere.join()
        assert calls == opened + 1  # another thread opens its own
    assert held == [LibraryBoilerplate(reader, min_df=2).share(text) for text in texts[:4]]
    assert max(held) > 0
