"""A speed-up of the formula scan finds what the revision before it found (issue 14, 14v12).

Run with `python -m pytest tests/bench/test_bench_same_hits.py -s`: every hit (start, end, text, formula,
source, status, category, rule, contains) of every minable corpus file, in this checkout and in the revision
$DUIDU_SAME_HITS_REV (e6dc8f9, main before the 14v12 speed-ups, unless set), each scanned in a fresh process
with its own shipped lexicon (`same_formula_hits`); held-out files are never read.
"""

from __future__ import annotations

import os

from tests.bench.same_formula_hits import differing_files

#: The revision whose hits this checkout must reproduce.
SAME_AS_REV = os.environ.get("DUIDU_SAME_HITS_REV", "e6dc8f9")


def test_every_hit_of_every_minable_file_is_the_baseline_revisions(corpus):
    files, hits, differ = differing_files(SAME_AS_REV, corpus)
    print(f"\n{files} minable corpus files, {hits:,} hits; {len(differ)} differ from {SAME_AS_REV}'s")
    assert files > 300 and hits > 10_000
    assert differ == []
