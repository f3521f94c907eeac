"""CPU per candidate pair of the scan's confirmation: the whole-pair engine on every candidate (the old
`confirm_pair`) vs the bounded one (pairs whose shared-shingle bound cannot reach the threshold skipped),
in the same run, on an evenly spread sample of the 10,000-speech bench library's plan.

Run with `DUIDU_BENCH_CACHE=... nice -n 5 python3 -m pytest tests/bench/test_bench_scan_confirm.py -s`
($DUIDU_BENCH_CONFIRM_STEP: every N-th speech of the plan, default 100). Each path prepares its own texts
(no cache shared between them); preparing is counted per pair. The pairs found must be the same.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from app.core.passages import compare_prepared, prepare
from app.core.scan import confirm_pair
from app.core.scan_focus import ScanDocument
from app.scan.run import DEFAULT_THRESHOLD, plan_scan
from app.store import open_library
from app.store.tracing import default_params, holding_session, remember, texts_of
from tests.bench.test_bench_scan import _load
from tests.bench.test_bench_tracing import _library_file

STEP = int(os.environ.get("DUIDU_BENCH_CONFIRM_STEP", "100"))
THRESHOLD = DEFAULT_THRESHOLD


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_bounded_confirmation_against_the_whole_pair_engine(corpus: Path, tmp_path: Path) -> None:
    cached, _seconds = _library_file(corpus)
    work = tmp_path / "library.sqlite"
    shutil.copyfile(cached, work)
    with open_library(str(work)) as library:
        cpu = time.process_time()
        plan = plan_scan(library, threshold=THRESHOLD)
        plan_cpu = time.process_time() - cpu
        params = default_params(library)
        units = plan.units[::STEP]
        ids = sorted({u.document_id for u in units} | {c for u in units for c in u.candidates})
        with library.reader() as session:
            texts = texts_of(session, ids)
        pairs = sum(len(u.candidates) for u in units)
        spent = {"whole": 0.0, "bounded": 0.0}
        found: dict[str, dict[tuple[int, int], tuple]] = {"whole": {}, "bounded": {}}
        whole_docs, bounded_docs = {}, {}
        load = _load()
        with holding_session(params):
            for unit in units:
                high = unit.document_id
                cpu = time.process_time()
                for i in (high, *unit.candidates):
                    if i not in whole_docs:
                        whole_docs[i] = remember(params, prepare(texts[i], params), i)
                for low in unit.candidates:
                    passages, summary = compare_prepared(whole_docs[low], whole_docs[high], 0, 1, params)
                    copies = tuple(
                        (p.a_start, p.a_end, p.b_start, p.b_end) for p in passages if p.kind == "copy"
                    )
                    if copies and max(summary.a_copy_ratio, summary.b_copy_ratio) >= THRESHOLD:
                        found["whole"][(low, high)] = (summary.a_copy_ratio, summary.b_copy_ratio, copies)
                spent["whole"] += time.process_time() - cpu
                cpu = time.process_time()
                for i in (high, *unit.candidates):
                    if i not in bounded_docs:
                        bounded_docs[i] = ScanDocument.of(remember(params, prepare(texts[i], params), i))
                for low in unit.candidates:
                    pair = confirm_pair(bounded_docs[low], bounded_docs[high], low, high, params, THRESHOLD)
                    if pair is not None:
                        copies = tuple(
                            (p.low_start, p.low_end, p.high_start, p.high_end) for p in pair.passages
                        )
                        found["bounded"][(low, high)] = (pair.low_ratio, pair.high_ratio, copies)
                spent["bounded"] += time.process_time() - cpu
    per_pair = {k: v / max(1, pairs) for k, v in spent.items()}
    print(
        f"\nplan: {plan.pairs:,} candidate pairs, CPU {plan_cpu:.1f} s; sample: {len(units)} speeches, {pairs:,} pairs"
    )
    for name, seconds in per_pair.items():
        minutes = (plan_cpu + plan.pairs * seconds / 2) / 60
        print(
            f"{name}: {seconds * 1000:.2f} ms CPU per pair (preparing included), {len(found[name]):,} pairs found;"
            f" whole library on 2 idle cores ≈ {minutes:.1f} min"
        )
    print(
        f"whole / bounded CPU per pair: {per_pair['whole'] / per_pair['bounded']:.2f}× ({load} → {_load()})"
    )
    assert found["bounded"] == found["whole"]
