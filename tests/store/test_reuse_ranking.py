"""Similar speeches on the labelled reuse queries (tests/data/tracing/README.md): floors per split.

The whole shared corpus plus the set's synthetic speeches is imported once (a few seconds); the queries of
the held-out split (tuned on since session 3), blind2 (tuned on since issue 12q2) and blind3 (never tuned on)
are asked as the CLI asks them.
The floors are the figures measured in the one evaluation recorded in the README, so a change that loses a
query fails here. The tuning and blind splits, and the baseline in the same run, are in
tests/bench/test_bench_reuse_ranking.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store.tracing import similar_documents, similar_params
from tests.store.reuse_set import Query, ReuseSet, Score, build_library, evaluate, name_of, opened

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

#: split → (queries at least, top-1 at least, top-3 at least), counts as measured (README)
#: blind2 top-1 46 → 44 with the curated lexicon of issue 14L (more of a plenum communiqué's or an NPC resolution's
#: shared text with its report is now stock formulas, not copy evidence: two queries lost first place, top-3
#: unchanged), while blind3, never tuned on, went 29 → 30 top-1 and held-out stayed 34/35.
FLOORS = {"held-out": (35, 34, 35), "blind2": (50, 44, 48), "blind3": (34, 29, 31)}


def test_reuse_queries_find_their_source_first(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "reuse.sqlite"
    ids = build_library(corpus, path)
    reuse = ReuseSet(corpus)
    scores: dict[str, Score] = {}
    with opened(path) as library:
        params = similar_params(library)  # what similar_documents builds when given none

        def rank(lib, query: Query) -> list[str]:  # type: ignore[no-untyped-def]
            results = similar_documents(lib, query.text, exclude=query.own_id, top=10, params=params)
            return [name_of(r.document.source, corpus) for r in results]

        for split in FLOORS:
            scores[split] = evaluate(library, list(reuse.queries(ids, split)), rank)
    for split, (total, top1, top3) in FLOORS.items():
        score = scores[split]
        assert score.total >= total, split
        assert score.top1 >= top1 and score.top3 >= top3, (split, score.line(), score.misses)
