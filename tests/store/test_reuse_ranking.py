"""Similar speeches on the labelled reuse queries (tests/data/tracing/README.md): floors per split.

The whole shared corpus plus the set's synthetic speeches is imported once (a few seconds); the queries of
the held-out split (tuned on since session 3), blind2 (tuned on since issue 12q2) and blind3 (tuned on since
issue 12r4) are asked as the CLI asks them. All three are tuning splits now: their floors are the figures
the current ranking reaches (README, "Issue 12r4"), so a change that loses a query fails here. The tuning
and never-tuned splits, and the baseline in the same run, are in tests/bench/test_bench_reuse_ranking.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store.tracing import similar_documents, similar_params
from tests.store.reuse_set import Query, ReuseSet, Score, build_library, evaluate, name_of, opened

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

#: split → (queries at least, top-1 at least, top-3 at least): tuned splits, counts as measured (README)
#: blind3 top-3 33 → 32 and blind4 top-1 68 → 67 with the 14k6a curated block (session 6): in both lost queries the
#: source is the 14th congress report, whose 1992 wordings (改革开放和现代化建设, 建立社会主义市场经济体制 …) are now
#: formulas, not copy evidence. No single entry: leaving out all 76 block entries found there restores both, leaving
#: out its 12 most frequent or the other 64 does not (notes/14k6a.md). With 14k6b's block too, blind3 top-1 is 31: the
#: 2011 plenum's source, the 18th congress report, comes second after the 2006 plenum, whose shared 2000s wordings
#: are now formulas. The lead kept the trade (session 6): the never-tuned blind + blind4 stay at top-1 88/91, top-3
#: 91/91, over issue 12's lines (0.95 / 0.98). Session 7's merge of the blocks 14k7 and 14k7b and of the mined list
#: regenerated without the round-9 files (14m7) takes blind3 top-3 to 31: the 1993 plenum's source, the 14th
#: congress report, falls to fourth behind the 1994 plenum, gwr-1993 and the 1995 plenum, whose shared 1990s
#: wordings are now formulas (each branch alone kept 32; 14k7b's note measured the tie). The never-tuned blind +
#: blind4 stay at top-1 88/91, top-3 91/91.
FLOORS = {"held-out": (35, 35, 35), "blind2": (50, 48, 49), "blind3": (34, 31, 31)}
#: never tuned on (the issue's held-out figure), scored at the end of session 4 with the curated lexicon merged:
#: blind 21/21, blind4 68/70 top-1, 70/70 top-3 (tests/data/tracing/README.md); a floor, not a target
FLOORS |= {"blind": (21, 21, 21), "blind4": (70, 67, 70)}


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
