"""The long pairs' runs (`long_runs`, found without the common grams' hits) against an older code's
(`find_runs_vectorised` with `chance`, 4b8a057 and before, which made every hit and left the chance runs
out after): the same runs on random texts made to hold every case the rule has (few letters, so grams common
in the pair; a copy with edits, so long runs and runs beside them; redactions; seeds sampled away at
small caps; seeds of 2–4 characters; every bar and length).

Run with `DUIDU_BASELINE_REPO=/tmp/base-4b8 python3 -m pytest tests/bench/test_bench_long_runs_same.py
-s -p no:cacheprovider` (the old code: as in `import_runs.baseline_code`). 4,500 cases, about a minute.
"""

from __future__ import annotations

import json

from tests.bench.import_runs import baseline_code, run_script
from tests.conftest import REPO

SCRIPT = """
import json, random, sys
from app.core.normalize import REDACTION
from app.core.passages.vector_runs import GramTable, find_runs_vectorised
try:
    from app.core.passages.gram_codes import ScannedGrams
    from app.core.passages.long_runs import IndexedGrams, long_pair_runs
    def runs(x, y, k, cap, chance):
        return long_pair_runs(IndexedGrams(ScannedGrams(x, k), cap), ScannedGrams(y, k), chance)
except ImportError:  # an older code: the rule inside find_runs_vectorised
    def runs(x, y, k, cap, chance):
        return find_runs_vectorised(GramTable(x, k, cap), y, chance=chance)
rng = random.Random(int(sys.argv[1]))
found = []
for case in range(int(sys.argv[2])):
    alphabet = rng.choice(["ab", "abc", "abcd", "abc" + REDACTION, "abcdefgh"])
    x = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
    y = list(x[rng.randint(0, max(len(x) - 1, 0)):])
    for n in range(len(y)):
        if rng.random() < 0.08:
            y[n] = rng.choice(alphabet)
    y = "".join(y) + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 100)))
    k, cap = rng.choice([2, 3, 4]), rng.choice([1, 2, 3, 5, 64])
    chance = (rng.choice([0, 1, 2, 4]), rng.choice([k, 5, 8, 12]))
    found.append(runs(x, y, k, cap, chance).to_list())
print(json.dumps(found))
"""


def test_long_pairs_find_the_same_runs_as_the_old_code(tmp_path):
    old_code = baseline_code(tmp_path)
    for seed in (1, 2, 3):
        runs = {
            name: json.loads(run_script(code, tmp_path / f"home-{name}", SCRIPT, str(seed), "1500"))
            for name, code in (("old", old_code), ("new", REPO))
        }
        differ = [n for n, (old, new) in enumerate(zip(runs["old"], runs["new"], strict=True)) if old != new]
        print(f"seed {seed}: {len(runs['new'])} cases, {len(differ)} with other runs {differ[:10]}")
        assert not differ
