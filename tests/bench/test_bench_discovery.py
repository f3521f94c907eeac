"""Discovery time over the shared corpus (2.97 M chars), and over a library three times its size.

Run with `python -m pytest tests/bench/test_bench_discovery.py -s`. The issue names 8.7 M characters
(the corpus is 8.7 MB of UTF-8, 2.97 M characters). To time a library of ~8.9 M characters without
inventing texts, the corpus is added twice more in disguise: once with each text reversed and once with
every Han character moved to its code-point neighbour. Both keep the corpus's n-gram statistics but share
no n-grams with it — plain copies would not do, since every n-gram of a tripled library reaches
document frequency 3 and nothing is pruned. The baseline is plain normalisation of the same texts.
"""

from __future__ import annotations

import time

from app.core.formulas.discover import discover
from app.core.formulas.shipped import general_words, idioms
from app.core.normalize import normalize

TARGET_SECONDS = 60
_SHIFT = {code: code + 1 for code in range(0x4E00, 0x9FFF)}


def test_discovery_time(corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))]
    word_lists = {"idioms": idioms(), "general_words": general_words()}
    for copies in (1, 3):
        variants = [texts, [t[::-1] for t in texts], [t.translate(_SHIFT) for t in texts]][:copies]
        documents = [(f"{n}-{i}", "", t) for n, group in enumerate(variants) for i, t in enumerate(group)]
        chars = sum(len(d[2]) for d in documents)
        start = time.perf_counter()
        for _id, _date, text in documents:
            normalize(text, keep_punctuation=False)
        baseline = time.perf_counter() - start
        start = time.perf_counter()
        found = discover(documents, **word_lists)
        elapsed = time.perf_counter() - start
        print(
            f"\ndiscovery over {len(documents)} documents, {chars:,} chars: {elapsed:.1f} s "
            f"({chars / elapsed / 1e6:.2f} M chars/s; {elapsed / baseline:.0f}× plain normalisation); "
            f"top 5: {', '.join(c.text for c in found[:5])}"
        )
        assert elapsed < TARGET_SECONDS
