"""Run one code tree's scan worker over a stretch of scan units and report its CPU and what it found.

Run by tests/bench/test_bench_scan_order.py as `python3 scan_sample_run.py IN OUT` with PYTHONPATH set to
the tree to time (this checkout, or the baseline extracted elsewhere), so both trees are timed in the same
run by the same script. IN (JSON): library path, threshold, `warm` units (run first, not timed: they fill
the worker's kept texts as the units before the sample would), `units` (timed), in the order given or,
with `by_id`, in id order as the baseline's runner measures them. OUT (JSON): CPU seconds of the timed units and their pairs.
Imports only what both trees have (app.scan.work.scan_batch, app.core.scan.batches and ScanUnit).
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path

from app.core.scan import ScanUnit, batches
from app.scan import run as runner
from app.scan.work import close_all, scan_batch


def _units(rows: list[list]) -> list[ScanUnit]:
    strong = "strong" in {f.name for f in dataclasses.fields(ScanUnit)}  # the baseline's units have none
    return [ScanUnit(d, tuple(c), s) if strong else ScanUnit(d, tuple(c)) for d, c, s in rows]


def _run(target: str, threshold: float, units: list[ScanUnit]) -> list:
    found = []
    for batch in batches(units, runner.PAIRS_PER_BATCH, runner.DOCUMENTS_PER_BATCH):
        found.extend(scan_batch(target, threshold, batch))
    return found


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    target, threshold = spec["library"], spec["threshold"]
    warm, units = _units(spec["warm"]), _units(spec["units"])
    if spec["by_id"]:  # the baseline runner measures units in id order
        warm.sort(key=lambda u: u.document_id)
        units.sort(key=lambda u: u.document_id)
    _run(target, threshold, warm)  # stands for the units measured before the sample
    cpu = time.process_time()
    results = _run(target, threshold, units)
    cpu = time.process_time() - cpu
    close_all()
    pairs = sorted(
        [p.low, p.high, p.low_ratio, p.high_ratio, [dataclasses.astuple(s) for s in p.passages]]
        for r in results
        for p in r.pairs
    )
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        json.dump({"cpu": cpu, "checked": sum(r.checked for r in results), "pairs": pairs}, out)


if __name__ == "__main__":
    main()
