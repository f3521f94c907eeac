"""Ranking of "similar speeches" on the labelled reuse queries (tests/data/tracing), old against new.

Run with `python -m pytest tests/bench/test_bench_reuse_ranking.py -s`. The library is the shared corpus
plus the synthetic speeches of the set (tests/store/reuse_set.py); each query is asked with the CLI's
default of 10 results, through the current code and through the ranking as it was before issue 12
(`app/store/tracing.py` at BASELINE_COMMIT, loaded from git), in the same run. Top-1 and top-3 are printed
per part: the tuning part and the held-out part (DUIDU_REUSE_SPLIT=tuning asks the tuning part only).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from app.store.tracing import default_params, similar_documents
from tests.store.reuse_set import LABELS, Query, Score, build_library, evaluate, name_of, opened

#: The commit issue 12 started from: its similar_documents is the baseline.
BASELINE_COMMIT = "2ef9323"
REPO = Path(__file__).resolve().parents[2]


def baseline_module() -> types.ModuleType | None:
    """app/store/tracing.py as of BASELINE_COMMIT, importable beside the current one (None without git)."""
    try:
        source = subprocess.run(
            ["git", "show", f"{BASELINE_COMMIT}:app/store/tracing.py"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("baseline_tracing")
    module.__file__ = f"{BASELINE_COMMIT}:app/store/tracing.py"
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


@pytest.mark.slow
def test_reuse_ranking_old_and_new(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "reuse.sqlite"
    started = time.perf_counter()
    ids = build_library(corpus, path)
    built = time.perf_counter() - started
    from tests.store.reuse_set import ReuseSet

    reuse = ReuseSet(corpus)
    wanted = os.environ.get("DUIDU_REUSE_SPLIT")
    splits = [wanted] if wanted else ["tuning", "held-out"]
    baseline = baseline_module()
    lines = [
        f"\nlibrary: corpus + synthetic speeches, {len(ids)} documents, built in {built:.0f} s; labels {LABELS.name}"
    ]
    with opened(path) as library:
        params = default_params(library)
        rankers = {"new": similar_documents}
        if baseline is not None:
            rankers = {"old": baseline.similar_documents, **rankers}
        for split in splits:
            queries = list(reuse.queries(ids, split))
            for label, ranker in rankers.items():
                times: list[float] = []

                def rank(lib, query: Query, ranker=ranker, times=times) -> list[str]:  # type: ignore[no-untyped-def]
                    began = time.perf_counter()
                    results = ranker(lib, query.text, exclude=query.own_id, top=10, params=params)
                    times.append(time.perf_counter() - began)
                    return [name_of(r.document.source, corpus) for r in results]

                score: Score = evaluate(library, queries, rank)
                lines.append(
                    f"{split:>8} {label}: {score.line()}; median {statistics.median(times) * 1000:.0f} ms, "
                    f"worst {max(times) * 1000:.0f} ms per query (load {os.getloadavg()[0]:.1f})"
                )
                lines.extend(f"    miss {m}" for m in score.misses or [])
    print("\n".join(lines))
