"""Passage search on the shared corpus: what telling boilerplate from copying costs per query.

Run with `python -m pytest tests/bench/test_bench_passage_search.py -s`. The corpus is imported into a temporary
library; ~40 queries (a long and a short piece of a paragraph from every 19th speech, two formulas) are
searched with the lexicon alone (the baseline, how passage search ran before) and with the library's
boilerplate signal (how it runs now), interleaved, and the medians and their ratio are printed with the
share of hits of each kind.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from pathlib import Path

from app.store import get_text, open_library
from app.store.importing import import_paths
from app.store.tracing import default_params, find_passage


def _queries(library) -> list[tuple[int | None, str]]:  # type: ignore[no-untyped-def]
    queries: list[tuple[int | None, str]] = []
    with library.reader() as session:
        for doc_id in range(7, 400, 19):
            paragraphs = [p for p in (get_text(session, doc_id) or "").split("\n") if len(p) >= 80]
            if paragraphs:
                middle = paragraphs[len(paragraphs) // 2]
                queries += [(doc_id, middle[:150]), (doc_id, middle[10:30])]
    return [
        *queries,
        (None, "以习近平同志为核心的党中央"),
        (None, "全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神"),
    ]


def test_passage_search_with_the_library_boilerplate_signal(corpus: Path, tmp_path: Path) -> None:
    with open_library(str(tmp_path / "corpus.sqlite")) as library:
        import_paths(library.writer, [corpus])
        queries = _queries(library)
        find_passage(library, "增强四个意识")  # loads the lexicon and the index
        timings: dict[str, list[float]] = {"lexicon only": [], "library boilerplate": []}
        kinds: dict[str, Counter[str]] = {name: Counter() for name in timings}
        for doc_id, query in queries:
            for name in timings:
                params = default_params() if name == "lexicon only" else None
                start = time.perf_counter()
                search = find_passage(library, query, exclude=doc_id, params=params)
                timings[name].append((time.perf_counter() - start) * 1000)
                kinds[name].update(hit.kind for hit in search.hits)
    base = statistics.median(timings["lexicon only"])
    for name, values in timings.items():
        print(
            f"\n{name:>20}: {len(values)} queries, median {statistics.median(values):.0f} ms, "
            f"mean {statistics.mean(values):.0f} ms, max {max(values):.0f} ms, "
            f"ratio to lexicon only {statistics.median(values) / base:.2f}; hits {dict(kinds[name])}"
        )
    assert kinds["library boilerplate"]["boilerplate"] > 0
    assert statistics.median(timings["library boilerplate"]) < 3 * base + 50
