"""Ranking of "similar speeches" on the labelled reuse queries (tests/data/tracing), baseline against new.

Run with `python3 -m pytest tests/bench/test_bench_reuse_ranking.py -s -p no:cacheprovider`. The library is
the shared corpus plus the synthetic speeches of the set (tests/store/reuse_set.py), built once by this
checkout; each query is asked with the CLI's default of 10 results by the baseline's tree and by this one,
each in its own process (reuse_ranking_worker.py, only `app` from the tree), on the same library in the same
run. Top-1 and top-3 are printed for every split the labels hold (tuning, held-out, blind2 and blind3 are
tuned on: blind3 since issue 12r4), with CPU time per query, and the issue's held-out figure over the
splits of NEVER_TUNED that are present ("blind" alone until a blind4 split is added).

The baseline is main at BASELINE: its tree from $DUIDU_BASELINE_TREE, else /tmp/base-da6, else extracted
with `git archive`. It also prints how many queries get the same top-10 (ids and characters of copied
prose) from both trees. DUIDU_REUSE_SPLIT=tuning (or a comma list) asks those splits only.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bench.baseline_tree import baseline_tree as shared_baseline_tree
from tests.store.reuse_set import LABELS, ReuseSet, build_library

#: main at the start of session 5 (da66b3a); $DUIDU_BASELINE_REF names another
BASELINE = os.environ.get("DUIDU_BASELINE_REF", "da66b3a")
REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("reuse_ranking_worker.py")
#: Splits no ranking change was ever tuned on: together, the issue's held-out figure.
NEVER_TUNED = ("blind", "blind4")


def baseline_tree(scratch: Path) -> Path:
    return shared_baseline_tree(scratch, BASELINE, "/tmp/base-da6")


def present_splits() -> tuple[str, ...]:
    """Every split the labels hold, in the order they first appear (the never-tuned ones last)."""
    found = dict.fromkeys(q["split"] for q in json.loads(LABELS.read_text(encoding="utf-8"))["queries"])
    return tuple(sorted(found, key=lambda split: split in NEVER_TUNED))


def _rank(tree: Path, queries_file: Path, library: Path) -> dict[str, dict]:
    env = dict(os.environ, PYTHONPATH=str(tree), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(WORKER), str(queries_file), str(library)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return {row["key"]: row for row in json.loads(done.stdout)}


def _line(
    label: str, split: str, rows: list[tuple[dict, dict]], names: dict[int, str]
) -> tuple[str, list[str]]:
    top1 = top3 = 0
    misses = []
    for query, row in rows:
        got = [names.get(i, str(i)) for i in row["ids"]]
        top1 += got[:1] == [query["first"]]
        top3 += query["first"] in got[:3]
        if got[:1] != [query["first"]]:
            where = "top-3" if query["first"] in got[:3] else "not in top-3"
            misses.append(
                f"    {label} miss ({where}) {query['key']}: expected {query['first']}, got {got[:3]}"
            )
    n = max(1, len(rows))
    cpu = [row["cpu"] for _, row in rows] or [0.0]
    return (
        f"{split:>13} {label:>8}: top-1 {top1}/{len(rows)} = {top1 / n:.3f}, top-3 {top3}/{len(rows)} = "
        f"{top3 / n:.3f}; CPU median {statistics.median(cpu) * 1000:.0f} ms, worst {max(cpu) * 1000:.0f} ms, "
        f"total {sum(cpu):.1f} s",
        misses,
    )


@pytest.mark.slow
def test_reuse_ranking_baseline_and_new(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "reuse.sqlite"
    started = time.perf_counter()
    ids = build_library(corpus, path)
    built = time.perf_counter() - started
    names = {i: n for n, i in ids.items()}
    wanted = os.environ.get("DUIDU_REUSE_SPLIT")
    splits = tuple(wanted.split(",")) if wanted else present_splits()
    reuse = ReuseSet(corpus)
    queries = [
        {"key": q.key, "split": q.split, "text": q.text, "own_id": q.own_id, "first": q.first}
        for split in splits
        for q in reuse.queries(ids, split)
    ]
    queries_file = tmp_path / "queries.json"
    queries_file.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    trees = {"baseline": baseline_tree(tmp_path), "new": REPO}
    load = os.getloadavg()[0]
    results = {label: _rank(tree, queries_file, path) for label, tree in trees.items()}
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    lines = [
        f"\nlibrary: corpus + synthetic speeches, {len(ids)} documents, built in {built:.0f} s; labels "
        f"{LABELS.name}; baseline {BASELINE} ({trees['baseline']}), new {commit or REPO}; load "
        f"{load:.1f}→{os.getloadavg()[0]:.1f}"
    ]
    parts = [(s, [s]) for s in splits]
    never_tuned = [s for s in NEVER_TUNED if s in splits]
    lines.append(f"never tuned on (the issue's held-out figure): {' + '.join(never_tuned) or 'none asked'}")
    if len(never_tuned) > 1:  # the held-out figure
        parts.append(("+".join(never_tuned), never_tuned))
    for part, members in parts:
        for label in trees:
            rows = [(q, results[label][q["key"]]) for q in queries if q["split"] in members]
            line, misses = _line(label, part, rows, names)
            lines.append(line)
            if len(members) == 1:
                lines.extend(misses)
    same = [
        q["key"]
        for q in queries
        if (results["baseline"][q["key"]]["ids"], results["baseline"][q["key"]].get("matched"))
        == (results["new"][q["key"]]["ids"], results["new"][q["key"]].get("matched"))
    ]
    lines.append(f"same top-10 lists (ids and characters of copied prose): {len(same)}/{len(queries)}")
    lines.extend(f"    differs: {q['key']}" for q in queries if q["key"] not in same)
    print("\n".join(lines))
