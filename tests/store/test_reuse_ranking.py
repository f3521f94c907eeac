"""Similar speeches on the held-out part of the labelled reuse queries (tests/data/tracing/README.md).

The whole shared corpus plus the set's synthetic speeches is imported once (a few seconds); each held-out
query must find its expected first answer first, in at least 95 % of the queries. The tuning part and the
comparison with the ranking before issue 12 are in tests/bench/test_bench_reuse_ranking.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store.tracing import similar_documents, similar_params
from tests.store.reuse_set import Query, ReuseSet, build_library, evaluate, name_of, opened

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_held_out_reuse_queries_find_their_source_first(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "reuse.sqlite"
    ids = build_library(corpus, path)
    queries = list(ReuseSet(corpus).queries(ids, "held-out"))
    assert len(queries) >= 30
    with opened(path) as library:
        params = similar_params(library)  # what similar_documents builds when given none

        def rank(lib, query: Query) -> list[str]:  # type: ignore[no-untyped-def]
            results = similar_documents(lib, query.text, exclude=query.own_id, top=10, params=params)
            return [name_of(r.document.source, corpus) for r in results]

        score = evaluate(library, queries, rank)
    assert score.top1 / score.total >= 0.95, score.misses
    assert score.top3 >= score.top1
