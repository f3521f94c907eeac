"""Formula scanning speed over the whole shared corpus (issue: ≥ 2 M chars/s for lexicon + patterns).

Run with `python -m pytest tests/bench/test_bench_formulas.py -s`. The machine is shared, so each
figure is the best of a few rounds of CPU time (`process_time`: other processes' load does not count); the baselines are plain normalisation of the same texts and the
scan of a baseline revision (01434fb unless $DUIDU_FORMULA_BASE_REV says otherwise; exported by
tests.bench.eval_formulas). Both scans run in fresh subprocesses, alternating, so that both see the same load.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from app.core.formulas.shipped import default_matcher
from app.core.normalize import normalize
from tests.bench.eval_formulas import export_revision

ROUNDS = 5
ROOT = Path(__file__).resolve().parents[2]
TARGET_CHARS_PER_SECOND = 2_000_000
#: Prints the best CPU time of one round of `find` over the corpus, in a checkout given by PYTHONPATH.
_TIME_SCRIPT = """
import json, sys, time
from pathlib import Path
from app.core.formulas.shipped import default_matcher
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).rglob("*.txt"))]
matcher = default_matcher()
[matcher.find(t) for t in texts]
best = float("inf")
for _ in range(int(sys.argv[2])):
    start = time.process_time()
    [matcher.find(t) for t in texts]
    best = min(best, time.process_time() - start)
print(json.dumps(best))
"""


def _best_time(work, rounds: int = ROUNDS) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


#: The revision timed beside this checkout: the session's baseline (main before issue 14t), or $DUIDU_FORMULA_BASE_REV.
BASE_REV = os.environ.get("DUIDU_FORMULA_BASE_REV", "01434fb")


def _scan_time(corpus, rounds: int, checkout: Path) -> float:
    """Best CPU time of a corpus scan in a fresh process of `checkout`, so that this checkout and the baseline
    are timed the same way (before, this checkout was timed inside the pytest process, the baseline in a
    fresh one)."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    result = subprocess.run(
        [sys.executable, "-c", _TIME_SCRIPT, str(corpus), str(rounds)],
        cwd=checkout, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return float(json.loads(result.stdout))


def test_scan_whole_corpus_for_formulas(corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))]
    chars = sum(map(len, texts))
    matcher = default_matcher()
    hits = sum(len(matcher.find(t)) for t in texts)  # warm-up, and the hit count to print

    baseline = _best_time(lambda: [normalize(t, keep_punctuation=False) for t in texts])
    main_scan = scan = float("inf")
    base_checkout = export_revision(BASE_REV)
    for _ in range(3):  # alternate with the baseline, so that both see the machine's load of the moment
        main_scan = min(main_scan, _scan_time(corpus, 2, base_checkout))
        scan = min(scan, _scan_time(corpus, 2, ROOT))
    lexicon_only = _best_time(lambda: [matcher.find(t, use_patterns=False) for t in texts])

    rate = chars / scan
    print(
        f"\nformula scan: {len(texts)} documents, {chars:,} chars, {hits:,} hits; "
        f"lexicon+patterns {scan:.2f} s = {rate / 1e6:.2f} M chars/s; "
        f"{BASE_REV}'s scan {main_scan:.2f} s = {chars / main_scan / 1e6:.2f} M chars/s (this/base time "
        f"{scan / main_scan:.2f}×); lexicon only {chars / lexicon_only / 1e6:.2f} M chars/s; "
        f"baseline normalisation {chars / baseline / 1e6:.2f} M chars/s "
        f"(scan takes {scan / baseline:.2f}× the baseline's time); load {os.getloadavg()[0]:.1f}"
    )
    assert rate >= TARGET_CHARS_PER_SECOND
