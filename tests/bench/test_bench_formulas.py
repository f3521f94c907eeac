"""Formula scanning speed over the whole shared corpus (issue: ≥ 2 M chars/s for lexicon + patterns).

Run with `python -m pytest tests/bench/test_bench_formulas.py -s`. The machine is shared, so each
figure is the best of a few rounds; the baseline is plain normalisation of the same texts.
"""

from __future__ import annotations

import time

from app.core.formulas.shipped import default_matcher
from app.core.normalize import normalize

ROUNDS = 5
TARGET_CHARS_PER_SECOND = 2_000_000


def _best_time(work, rounds: int = ROUNDS) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def test_scan_whole_corpus_for_formulas(corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))]
    chars = sum(map(len, texts))
    matcher = default_matcher()
    hits = sum(len(matcher.find(t)) for t in texts)  # warm-up, and the hit count to print

    baseline = _best_time(lambda: [normalize(t, keep_punctuation=False) for t in texts])
    scan = _best_time(lambda: [matcher.find(t) for t in texts])
    lexicon_only = _best_time(lambda: [matcher.find(t, use_patterns=False) for t in texts])

    rate = chars / scan
    print(
        f"\nformula scan: {len(texts)} documents, {chars:,} chars, {hits:,} hits; "
        f"lexicon+patterns {scan:.2f} s = {rate / 1e6:.2f} M chars/s; "
        f"lexicon only {chars / lexicon_only / 1e6:.2f} M chars/s; "
        f"baseline normalisation {chars / baseline / 1e6:.2f} M chars/s "
        f"(scan takes {scan / baseline:.2f}× the baseline's time)"
    )
    assert rate >= TARGET_CHARS_PER_SECOND
