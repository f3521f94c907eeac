"""Ranking of "similar speeches" on the labelled reuse queries (tests/data/tracing), old against new.

Run with `python -m pytest tests/bench/test_bench_reuse_ranking.py -s`. The library is the shared corpus
plus the synthetic speeches of the set (tests/store/reuse_set.py); each query is asked with the CLI's
default of 10 results, through the current code, the ranking as it was before issue 12 ("old":
`app/store/tracing.py` at BASELINE_COMMIT, loaded from git) and as main had it at MAIN_COMMIT ("main"), in
the same run. Top-1 and top-3 are printed per part: tuning, held-out and blind (DUIDU_REUSE_SPLIT=tuning
asks one part only).
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

from app.store.tracing import default_params, similar_documents, similar_params
from tests.store.reuse_set import LABELS, Query, Score, build_library, evaluate, name_of, opened

#: The commit issue 12 started from: its similar_documents is the baseline.
BASELINE_COMMIT = "2ef9323"
#: main before this round of work on similar speeches (session 2's baseline)
MAIN_COMMIT = "96f1391"
REPO = Path(__file__).resolve().parents[2]


def baseline_module(commit: str = BASELINE_COMMIT) -> types.ModuleType | None:
    """app/store/tracing.py as of `commit`, importable beside the current one (None without git)."""
    try:
        source = subprocess.run(
            ["git", "show", f"{commit}:app/store/tracing.py"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType(f"baseline_tracing_{commit}")
    module.__file__ = f"{commit}:app/store/tracing.py"
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
    splits = [wanted] if wanted else ["tuning", "held-out", "blind"]
    baselines = {"old": baseline_module(), "main": baseline_module(MAIN_COMMIT)}
    lines = [
        f"\nlibrary: corpus + synthetic speeches, {len(ids)} documents, built in {built:.0f} s; labels {LABELS.name}"
    ]
    with opened(path) as library:
        # each with the parameters it builds when the caller gives none, as the CLI and the GUI call it
        rankers = {
            label: (module.similar_documents, default_params(library))
            for label, module in baselines.items()
            if module is not None
        }
        rankers["new"] = (similar_documents, similar_params(library))
        for split in splits:
            queries = list(reuse.queries(ids, split))
            for label, (ranker, params) in rankers.items():
                times: list[float] = []

                def rank(lib, query: Query, ranker=ranker, params=params, times=times) -> list[str]:  # type: ignore[no-untyped-def]
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
