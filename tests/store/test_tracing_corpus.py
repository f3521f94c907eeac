"""Similar speeches and passage search on real speeches: the done-when cases of issue 7."""

from __future__ import annotations

import pytest

from app.store import get_text
from app.store.tracing import find_passage, similar_documents
from tests.store import tracing_library
from tests.store.tracing_library import CorpusLibrary

pytestmark = [pytest.mark.corpus, pytest.mark.slow]
corpus_library = tracing_library.corpus_library


def _similar(library, doc_id: int, top: int = 5):  # type: ignore[no-untyped-def]
    with library.reader() as session:
        text = get_text(session, doc_id) or ""
    return similar_documents(library, text, exclude=doc_id, top=top)


def test_speeches_published_twice_find_each_other_first(corpus_library: CorpusLibrary) -> None:
    assert len(corpus_library.duplicates) == 14
    ids = corpus_library.ids
    with corpus_library.open() as library:
        for a, b in corpus_library.duplicates:
            for query, expected in ((a, b), (b, a)):
                results = _similar(library, ids[query], top=3)
                assert results, query
                assert results[0].document.id == ids[expected], (query, [r.document.source for r in results])
                assert results[0].score > 0.8 and results[0].other_copy_ratio > 0.8
                assert results[0].document.source.endswith(expected)


def test_a_report_ranks_its_own_earlier_version_above_the_national_report(
    corpus_library: CorpusLibrary,
) -> None:
    ids = corpus_library.ids
    with corpus_library.open() as library:
        for year in range(2013, 2020):
            results = _similar(library, ids[f"hailar-district-gwr-{year}.txt"], top=20)
            names = [r.document.source.rsplit("/", 1)[-1] for r in results]
            earlier = names.index(f"hailar-district-gwr-{year - 1}.txt")
            national = f"gwr-{year}.txt"
            assert national not in names or names.index(national) > earlier, (year, names)
            # Everything ranked above the earlier version is another year of the same district's report.
            assert all(name.startswith("hailar-district-gwr-") for name in names[:earlier]), names


def test_results_carry_ratios_both_ways_and_the_longest_shared_passage(corpus_library: CorpusLibrary) -> None:
    ids = corpus_library.ids
    with corpus_library.open() as library:
        query_id = ids["xi-2014-06-03-1.txt"]
        with library.reader() as session:
            text = get_text(session, query_id) or ""
        top = _similar(library, query_id)[0]
    assert text[top.longest_start : top.longest_end] == top.longest
    assert len(top.longest) > 5000 and top.passages >= 1
    assert 0.9 < top.query_copy_ratio <= 1 and 0.9 < top.other_copy_ratio <= 1


def test_passage_search_finds_a_paragraph_and_its_near_copy(corpus_library: CorpusLibrary) -> None:
    ids = corpus_library.ids
    with corpus_library.open() as library:
        with library.reader() as session:
            text = get_text(session, ids["xi-2020-11-12-1.txt"]) or ""
        start = text.index("第二，开放合作，共促复苏。")
        paragraph = text[start : text.index("第三，秉持正义", start)]
        edited = paragraph.replace("坚定不移", "毫不动摇").replace("暂缓最贫困国家债务偿还倡议", "缓债倡议")
        search = find_passage(library, edited)
    by_doc = {hit.document.id: hit for hit in search.hits}
    assert {ids["xi-2020-11-12-1.txt"], ids["xi-2020-11-13-1.txt"]} <= set(by_doc)
    hit = by_doc[ids["xi-2020-11-12-1.txt"]]
    assert hit.start <= start + 5 and hit.similarity < 1.0
    assert hit.before and hit.after  # context on both sides


def test_passage_search_finds_a_short_verbatim_quote(corpus_library: CorpusLibrary) -> None:
    with corpus_library.open() as library:
        search = find_passage(library, "大道之行，天下为公")
        sources = {h.document.source.rsplit("/", 1)[-1] for h in search.hits}
        with library.reader() as session:
            from app.store import DocumentFilter, list_documents

            expected = {
                d.meta.source_path.rsplit("/", 1)[-1]
                for d in list_documents(session, DocumentFilter(text="大道之行"))
            }
    assert expected and expected <= sources
    assert all("大道之行" in h.text for h in search.hits)
