"""The copy network: pairs above a threshold, the earlier document shown as the source."""

from __future__ import annotations

import pytest

from app.core.model import DocumentMeta
from app.store import add_document
from app.store.network import copy_network
from app.store.tracing import TracingCancelled
from tests.store import tracing_library
from tests.store.tracing_library import CorpusLibrary

corpus_library = tracing_library.corpus_library

BASE = (
    "今年以来，全区上下认真落实各项决策部署，扎实推进棚户区改造，新建保障性住房三千套，"
    "完成老旧小区供热管网改造一百二十公里，城市集中供热普及率达到百分之九十五，"
    "新增城镇就业岗位四千二百个，城乡居民医疗保险参保率稳定在百分之九十八以上。"
)
OTHER = (
    "草原生态保护补助奖励政策全面落实，禁牧面积达到八十万亩，草畜平衡面积一百二十万亩，"
    "建成标准化规模养殖场十五处，奶牛存栏稳定在三万头，肉羊出栏量增长百分之十二。"
)


def test_the_earlier_document_is_the_source(library) -> None:
    with library.writer.begin() as session:
        later = add_document(
            session, "新的一年，" + BASE + "明年继续努力。", DocumentMeta(date="2021-03-01")
        ).id
        earlier = add_document(session, BASE, DocumentMeta(date="2020-02-01")).id
        undated = add_document(session, BASE.replace("三千套", "两千套") + "附记。", DocumentMeta()).id
        add_document(session, OTHER, DocumentMeta(date="2020-05-01"))
    network = copy_network(library, threshold=0.3)
    edges = {(e.source.id, e.target.id): e for e in network.edges}
    assert edges[(earlier, later)].directed
    assert edges[(earlier, later)].source_ratio == 1.0 and 0.8 < edges[(earlier, later)].target_ratio < 1.0
    assert not edges[(earlier, undated)].directed  # no date on one side: shown undirected, lower id first
    assert len(network.nodes) == 4 and len(edges) == 3 and network.unmeasured == 0
    capped = copy_network(library, threshold=0.3, max_pairs=1)
    assert capped.checked_pairs == 1 and capped.unmeasured == 2
    assert {(e.source.id, e.target.id) for e in capped.edges} <= set(edges)
    with pytest.raises(TracingCancelled):
        copy_network(library, cancelled=lambda: True)


@pytest.mark.corpus
@pytest.mark.slow
def test_district_reports_copy_their_predecessors(corpus_library: CorpusLibrary) -> None:
    ids = corpus_library.ids
    chosen = [ids[f"hailar-district-gwr-{year}.txt"] for year in range(2012, 2020)]
    chosen += [ids[f"gwr-{year}.txt"] for year in range(2012, 2020) if f"gwr-{year}.txt" in ids]
    chosen += [ids["xi-2014-06-03-1.txt"], ids["xi-2014-06-04-1.txt"]]
    with corpus_library.open() as library:
        network = copy_network(library, chosen, threshold=0.1)
    names = {
        (e.source.source.rsplit("/", 1)[-1], e.target.source.rsplit("/", 1)[-1]): e for e in network.edges
    }
    for year in (2013, 2014, 2016):
        edge = names[(f"hailar-district-gwr-{year - 1}.txt", f"hailar-district-gwr-{year}.txt")]
        assert edge.directed and edge.target_ratio >= 0.1
    assert not any(s.startswith("hailar") and t.startswith("gwr-") for s, t in names)  # formulas only
    assert ("xi-2014-06-03-1.txt", "xi-2014-06-04-1.txt") in names
    assert network.checked_pairs < len(chosen) * (len(chosen) - 1) // 2  # the index proposed the pairs
