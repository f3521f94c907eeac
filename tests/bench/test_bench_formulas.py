"""Formula scanning speed over the shared corpus (issue: ≥ 2 M chars/s for lexicon + patterns).

The corpus is its minable files: a held-out round's files are never read (14v12).

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
from tests.bench.formula_annotations import minable

ROUNDS = 5
ROOT = Path(__file__).resolve().parents[2]
TARGET_CHARS_PER_SECOND = 2_000_000
#: Prints the best CPU time of one round of `find` over the files named on stdin (a JSON list), in a checkout
#: given by PYTHONPATH.
_TIME_SCRIPT = """
import json, sys, time
from pathlib import Path
from app.core.formulas.shipped import default_matcher
texts = [Path(p).read_text(encoding="utf-8") for p in json.loads(sys.stdin.read())]
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


#: The revisions timed beside this checkout: the session's baseline (main before issue 14t), or those of
#: $DUIDU_FORMULA_BASE_REV (comma-separated: DUIDU_FORMULA_BASE_REV=900ef95,e6dc8f9 times both in one run).
BASE_REVS = tuple(os.environ.get("DUIDU_FORMULA_BASE_REV", "01434fb").split(","))


def _scan_time(corpus, rounds: int, checkout: Path) -> float:
    """Best CPU time of a corpus scan in a fresh process of `checkout`, so that this checkout and the baseline
    are timed the same way (before, this checkout was timed inside the pytest process, the baseline in a
    fresh one)."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    result = subprocess.run(
        [sys.executable, "-c", _TIME_SCRIPT, str(corpus), str(rounds)],
        input=json.dumps([str(p) for p in _minable_files(corpus)]),
        cwd=checkout, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return float(json.loads(result.stdout))


def _minable_files(corpus: Path) -> list[Path]:
    """The corpus files a bench may read: never a held-out round's (`formula_annotations.minable`)."""
    return [p for p in sorted(corpus.rglob("*.txt")) if minable(p)]


def test_scan_whole_corpus_for_formulas(corpus):
    texts = [p.read_text(encoding="utf-8") for p in _minable_files(corpus)]
    chars = sum(map(len, texts))
    matcher = default_matcher()
    hits = sum(len(matcher.find(t)) for t in texts)  # warm-up, and the hit count to print

    baseline = _best_time(lambda: [normalize(t, keep_punctuation=False) for t in texts])
    scan = float("inf")
    base_scans = dict.fromkeys(BASE_REVS, float("inf"))
    checkouts = {rev: export_revision(rev) for rev in BASE_REVS}
    for _ in range(3):  # alternate with the baselines, so that all see the machine's load of the moment
        for rev, checkout in checkouts.items():
            base_scans[rev] = min(base_scans[rev], _scan_time(corpus, 2, checkout))
        scan = min(scan, _scan_time(corpus, 2, ROOT))
    lexicon_only = _best_time(lambda: [matcher.find(t, use_patterns=False) for t in texts])

    rate = chars / scan
    print(
        f"\nformula scan: {len(texts)} documents, {chars:,} chars, {hits:,} hits; "
        f"lexicon+patterns {scan:.2f} s = {rate / 1e6:.2f} M chars/s; "
        + "".join(
            f"{rev}'s scan {t:.2f} s = {chars / t / 1e6:.2f} M chars/s (this/{rev} time {scan / t:.3f}×); "
            for rev, t in base_scans.items()
        )
        + f"lexicon only {chars / lexicon_only / 1e6:.2f} M chars/s; "
        f"baseline normalisation {chars / baseline / 1e6:.2f} M chars/s "
        f"(scan takes {scan / baseline:.2f}× the baseline's time); load {os.getloadavg()[0]:.1f}"
    )
    assert rate >= TARGET_CHARS_PER_SECOND
