"""The copy network of the 10,000-speech bench library, drawn in the GUI from stored scan results: this
checkout against the baseline tree (main at 96f1391), in the same run, on the same library.

Run with `DUIDU_BENCH_CACHE=/tmp/duidu-bench nice -n 5 python3 -m pytest tests/bench/test_bench_scan_network.py
-s -p no:cacheprovider`. Budget (issue 12): drawn in under 2 s.

The stored results are real where measured and scaled from them elsewhere: every
$DUIDU_BENCH_NETWORK_STEP-th speech of the plan (default 50: 200 speeches, ~4,700 candidate pairs) is
really scanned (`run_scan`, in this process); every other speech gets the results of the nearest scanned
speech by id, rank for rank (its i-th strongest of n candidates is stored as a pair when the scanned
speech's candidate at the same place, i/n of its list, was, with that pair's ratios and passages), so the
library holds about the share of pairs a whole scan would, with their ratio and passage distribution. The panel is timed in a fresh process per tree
(tests/bench/network_view_run.py, offscreen Qt) from making it to its first full paint.
"""

from __future__ import annotations

import bisect
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.scan import DocumentResult, ScanPair
from app.scan.run import DEFAULT_THRESHOLD, ScanPlan, plan_scan, run_scan
from app.store import open_library
from app.store.scan_store import next_run, save_results, stored_pairs
from tests.bench.baseline_copy import copy_at_revision
from tests.bench.test_bench_scan import _load
from tests.bench.test_bench_scan_order import ROOT, _baseline_tree
from tests.bench.test_bench_tracing import _library_file

STEP = int(os.environ.get("DUIDU_BENCH_NETWORK_STEP", "50"))
BUDGET_SECONDS = 2.0


def _scaled(plan: ScanPlan, measured: dict[int, dict[int, ScanPair]]) -> list[DocumentResult]:
    """Results for the speeches not measured: the nearest measured speech's, rank for rank."""
    sample = sorted(measured)
    units = {u.document_id: u for u in plan.units}
    results = []
    for unit in plan.units:
        if unit.document_id in measured:
            continue
        at = bisect.bisect_left(sample, unit.document_id)
        model = min(sample[max(0, at - 1) : at + 1], key=lambda d: abs(d - unit.document_id))
        found, twins = measured[model], units[model].candidates
        pairs = []
        for rank, low in enumerate(unit.candidates):
            twin = twins[rank * len(twins) // len(unit.candidates)] if twins else None
            if twin in found:
                kept = found[twin]
                pairs.append(ScanPair(low, unit.document_id, kept.low_ratio, kept.high_ratio, kept.passages))
        results.append(DocumentResult(unit.document_id, len(unit.candidates), tuple(pairs)))
    return results


def _draw(tree: Path, library: Path, image: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen"}
    script = ROOT / "tests" / "bench" / "network_view_run.py"
    done = subprocess.run(
        [sys.executable, str(script), str(library), str(image)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_copy_network_of_a_scanned_library_draws_in_the_gui(corpus: Path, tmp_path: Path) -> None:
    cached, _seconds = _library_file(corpus)
    work = tmp_path / "library.sqlite"
    shutil.copyfile(cached, work)
    baseline = _baseline_tree()
    with open_library(str(work)) as library:
        plan = plan_scan(library, threshold=DEFAULT_THRESHOLD)
        sample = ScanPlan(plan.units[::STEP], 0, plan.documents, plan.max_weak)
        started = time.perf_counter()
        run_scan(library, workers=0, plan=sample)
        scan_seconds = time.perf_counter() - started
        with library.reader() as session:
            rows = stored_pairs(session, DEFAULT_THRESHOLD)
            passages = {
                (low, high): tuple(found)
                for low, high, found in _passages(session, {u.document_id for u in sample.units})
            }
            run = next_run(session)
        measured: dict[int, dict[int, ScanPair]] = {u.document_id: {} for u in sample.units}
        for low, high, low_ratio, high_ratio, _count in rows:
            measured[high][low] = ScanPair(low, high, low_ratio, high_ratio, passages[(low, high)])
        scaled = _scaled(plan, measured)
        with library.writer.begin() as session:
            save_results(session, scaled, DEFAULT_THRESHOLD, plan.max_weak, run)
        with library.reader() as session:
            stored = len(stored_pairs(session, DEFAULT_THRESHOLD))
    print(
        f"\nlibrary: {plan.documents:,} speeches, {plan.pairs:,} candidate pairs; really scanned "
        f"{len(sample.units)} speeches ({sample.pairs:,} candidates, {len(rows):,} pairs found, "
        f"{len(rows) / max(1, sample.pairs):.0%}) in {scan_seconds:.0f} s; stored with the scaled rest: "
        f"{stored:,} pairs"
    )
    baseline_work = tmp_path / "library-baseline.sqlite"
    copy_at_revision(work, baseline_work, _baseline_tree())
    load = _load()
    old = _draw(baseline, baseline_work, tmp_path / "baseline.png")
    new = _draw(ROOT, work, tmp_path / "new.png")
    after = _load()
    for name, found in (("baseline (96f1391)", old), ("this checkout", new)):
        print(
            f"{name}: {found['nodes']:,} speeches, {found['edges']:,} pairs drawn in {found['seconds']:.2f} s "
            f"(CPU {found['cpu']:.2f} s); status: {found['status']}"
        )
    print(
        f"baseline / new: {old['seconds'] / new['seconds']:.2f}x wall, {old['cpu'] / new['cpu']:.2f}x CPU; "
        f"budget {BUDGET_SECONDS:.0f} s ({load} -> {after}); images in {tmp_path}"
    )
    assert new["from_scan"] and new["nodes"] == plan.documents and new["edges"] == stored
    # The budget is held against CPU time: on a shared machine the wall time is mostly waiting for a core.
    assert new["cpu"] < BUDGET_SECONDS


def _passages(session, highs: set[int]):  # type: ignore[no-untyped-def]
    """(low, high, passages) of the stored pairs of `highs`, as the scan stored them."""
    from app.core.scan import StoredPassage
    from app.store.scan_store import PASSAGES

    c = PASSAGES.c
    found: dict[tuple[int, int], list[StoredPassage]] = {}
    statement = (
        PASSAGES.select().where(c.high_id.in_(sorted(highs))).order_by(c.low_id, c.high_id, c.low_start)
    )
    for row in session.execute(statement).mappings():
        found.setdefault((row["low_id"], row["high_id"]), []).append(
            StoredPassage(
                row["low_start"], row["low_end"], row["high_start"], row["high_end"], row["similarity"]
            )
        )
    return [(low, high, passages) for (low, high), passages in found.items()]
