"""CPU per candidate pair of `duidu scan`'s workers: this checkout against the baseline (main at 90ff2f4),
in the same run, on the same stretch of the 10,000-speech bench library's plan; the whole scan estimated
from it. The pairs both find must be identical (ratios and passage offsets).

Run with `DUIDU_BENCH_CACHE=/tmp/duidu-bench nice -n 5 python3 -m pytest tests/bench/test_bench_scan_order.py
-s -p no:cacheprovider`. The baseline tree is $DUIDU_BENCH_BASELINE (default /tmp/base-90f, extracted from
git at $DUIDU_BASELINE_REF, default 90ff2f4, if absent). Each tree's worker (app.scan.work.scan_batch,
batches as its runner cuts them) runs in its own process (tests/bench/scan_sample_run.py) over the same
units, in the order its runner uses: the locality order (app.core.scan_order), or id order for a baseline
older than it. A stretch of the order is measured ($DUIDU_BENCH_ORDER_AT: where, share of the order,
default 0.4; $DUIDU_BENCH_ORDER_UNITS: how many, default 250) after the $DUIDU_BENCH_ORDER_WARM units
before it (default 250, not timed) have filled the worker's kept texts, as they would in a whole scan.
The printed texts-loaded-per-pair of the stretch and of the whole plan (simulated) say how representative
it is. The whole scan on 2 cores is estimated as plan CPU + ordering CPU + pairs × CPU per pair / cores
(planning and ordering run before any worker does).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.scan_order import DOCUMENTS_KEPT, documents_loaded, locality_order
from app.scan.run import DEFAULT_THRESHOLD, plan_scan
from app.store import open_library
from tests.bench.baseline_copy import copy_at_revision
from tests.bench.shipped_lexicon import same_lexicon
from tests.bench.test_bench_scan import _load
from tests.bench.test_bench_tracing import _library_file

ROOT = Path(__file__).resolve().parents[2]
BASELINE = Path(os.environ.get("DUIDU_BENCH_BASELINE", "/tmp/base-90f"))
BASELINE_COMMIT = os.environ.get("DUIDU_BASELINE_REF", "90ff2f4")  # extracted when absent; printed
AT = float(os.environ.get("DUIDU_BENCH_ORDER_AT", "0.4"))
UNITS = int(os.environ.get("DUIDU_BENCH_ORDER_UNITS", "250"))
WARM = int(os.environ.get("DUIDU_BENCH_ORDER_WARM", "250"))
CORES = 2


def _baseline_tree() -> Path:
    if not (BASELINE / "app").is_dir():
        BASELINE.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", BASELINE_COMMIT], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(BASELINE)], input=archive, check=True)
    return BASELINE


def _measure(tree: Path, spec: dict, tmp_path: Path, name: str) -> dict:
    spec_file, out_file = tmp_path / f"{name}.in.json", tmp_path / f"{name}.out.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tree)}
    script = ROOT / "tests" / "bench" / "scan_sample_run.py"
    subprocess.run(
        [sys.executable, str(script), str(spec_file), str(out_file)], env=env, check=True, cwd=tree
    )
    return json.loads(out_file.read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_scan_workers_cpu_per_pair_against_the_baseline(corpus: Path, tmp_path: Path) -> None:
    cached, _seconds = _library_file(corpus)
    library_file, baseline_file = tmp_path / "library.sqlite", tmp_path / "library-baseline.sqlite"
    shutil.copyfile(cached, library_file)
    copy_at_revision(
        cached, baseline_file, _baseline_tree()
    )  # its own copy, at its schema (older or newer than the cache's)
    baseline = _baseline_tree()
    with open_library(str(library_file)) as library:
        cpu = time.process_time()
        plan = plan_scan(library, threshold=DEFAULT_THRESHOLD)
        plan_cpu = time.process_time() - cpu
    measured = [u for u in plan.units if u.candidates]
    cpu = time.process_time()
    ordered = locality_order(measured)
    order_cpu = time.process_time() - cpu
    start = int(len(ordered) * AT)
    warm, sample = ordered[max(0, start - WARM) : start], ordered[start : start + UNITS]
    pairs = sum(len(u.candidates) for u in sample)
    loaded_sample = documents_loaded(warm + sample) - documents_loaded(warm)
    loaded_whole = documents_loaded(ordered)
    loaded_by_id = documents_loaded(measured)

    def rows(units: list) -> list:
        return [[u.document_id, list(u.candidates), u.strong] for u in units]

    spec = {
        "library": str(library_file),
        "threshold": DEFAULT_THRESHOLD,
        "warm": rows(warm),
        "units": rows(sample),
    }
    load = _load()
    by_id = not (baseline / "app" / "core" / "scan_order.py").exists()  # a runner older than the order
    old = _measure(baseline, {**spec, "by_id": by_id, "library": str(baseline_file)}, tmp_path, "baseline")
    new = _measure(ROOT, {**spec, "by_id": False}, tmp_path, "new")
    after = _load()
    assert old["checked"] == new["checked"] == pairs
    old_pair, new_pair = old["cpu"] / pairs, new["cpu"] / pairs
    whole_old = (plan_cpu + (0 if by_id else order_cpu) + plan.pairs * old_pair / CORES) / 60
    whole_new = (plan_cpu + order_cpu + plan.pairs * new_pair / CORES) / 60
    print(
        f"\nplan: {plan.documents:,} speeches, {plan.pairs:,} candidate pairs, CPU {plan_cpu:.1f} s; "
        f"locality order CPU {order_cpu:.1f} s"
        f"\ntexts prepared per pair (simulated, {DOCUMENTS_KEPT} kept): whole plan in id order "
        f"{loaded_by_id / plan.pairs:.2f}, in the locality order {loaded_whole / plan.pairs:.2f}; "
        f"the measured stretch {loaded_sample / pairs:.2f}"
        f"\nsample: {len(sample)} speeches, {pairs:,} pairs at {AT:.0%} of the order after {len(warm)} "
        f"warm-up speeches; {len(new['pairs']):,} pairs found"
        f"\nbaseline ({BASELINE_COMMIT}, {'id' if by_id else 'locality'} order, {baseline}): "
        f"{old_pair * 1000:.2f} ms CPU per pair -> "
        f"whole scan on {CORES} idle cores ~ {whole_old:.1f} min"
        f"\nthis checkout (locality order): {new_pair * 1000:.2f} ms CPU per pair -> whole scan on {CORES} "
        f"idle cores ~ {whole_new:.1f} min (budget 15 min)"
        f"\nbaseline / new CPU per pair: {old_pair / new_pair:.2f}x ({load} -> {after})"
    )
    if not same_lexicon(ROOT, baseline):
        # passages are labelled formula/copy by the shipped lexicon, so ratios may move; the pairs are the
        # same only when the lexicons are
        moved = sum(a != b for a, b in zip(new["pairs"], old["pairs"], strict=False))
        print(
            f"the two trees ship different lexicons: {moved} of {len(new['pairs'])} pairs differ in ratios or passages"
        )
        return
    assert new["pairs"] == old["pairs"]  # the same pairs, ratios and passages
