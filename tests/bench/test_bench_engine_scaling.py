"""How the passage engine grows with text length, and whether it still finds exactly the same passages,
against the code before issue 13 measured in the same run.

Run with `python -m pytest tests/bench/test_bench_engine_scaling.py -s`. The long texts are work reports
concatenated (ten years on each side, so every report of one side shares with every report of the other)
and cut to 20k, 40k, 80k and 160k characters. Target (issue 13): 160k against 160k within 10× the 20k
against 20k time. Each code runs in its own interpreter (PYTHONPATH chooses it; the old one is a
`git archive` of DUIDU_BASELINE_REF, default `main`, or the folder DUIDU_BASELINE_REPO); both print a digest
of every passage and summary, so any difference in results shows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.bench.test_bench_import_scale import _baseline, _env
from tests.conftest import CORPUS, REPO

SIZES = (20_000, 40_000, 80_000, 160_000)
SCRIPT = """
import hashlib, json, sys, time
from pathlib import Path
from app.core.formulas.shipped import default_matcher, formula_coverage
from app.core.passages import PassageParams, compare_many, compare_pair
corpus = Path(sys.argv[1]); gwr = corpus / "gwr-state-council"
params = PassageParams(formula_oracle=formula_coverage)
default_matcher()
def joined(years, size):
    return "\\n".join((gwr / f"gwr-{y}.txt").read_text(encoding="utf-8") for y in years)[:size]
def digest(result):
    h = hashlib.sha256()
    for item in (*result.passages, *result.summary):
        h.update(repr(item).encode())
    return h.hexdigest()[:16]
out = {}
eight = [(gwr / f"gwr-{y}.txt").read_text(encoding="utf-8") for y in (2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024)]
out["8 work reports, 28 pairs"] = [digest(compare_many(eight, params)), 0.0]
for name in ("xi-speeches-2020", "hust-party-building", "hailar-district-gwr", "cpc-plenum-communiques"):
    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / name).glob("*.txt"))[:6]]
    out[f"{name}, 6 documents"] = [digest(compare_many(texts, params)), 0.0]
a_years = (2023, 2021, 2018, 2016, 2014, 2012, 2010, 2008, 2006, 2004)
b_years = (2024, 2022, 2019, 2017, 2015, 2013, 2011, 2009, 2007, 2005)
for size in map(int, sys.argv[2].split(",")):
    a, b = joined(a_years, size), joined(b_years, size)
    best, result = float("inf"), None
    for _ in range(3 if size <= 40000 else 1):
        started = time.perf_counter()
        result = compare_pair(a, b, params)
        best = min(best, time.perf_counter() - started)
    out[f"{size // 1000}k vs {size // 1000}k"] = [digest(result), best]
print(json.dumps(out))
"""

pytestmark = pytest.mark.skipif(not (CORPUS / "gwr-state-council").is_dir(), reason="no ../shared/corpus")


def _measure(code, home) -> dict[str, list]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(CORPUS), ",".join(map(str, SIZES))],
        env=_env(code, home), capture_output=True, text=True, timeout=3600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_engine_scaling_and_identical_results(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("scaling")
    old = _measure(_baseline(tmp), tmp / "home-old")
    new = _measure(REPO, tmp / "home-new")
    print(f"\nload {os.getloadavg()[0]:.1f}")
    for name, (digest, seconds) in new.items():
        before_digest, before = old[name]
        timing = f"{seconds * 1000:7.0f} ms, before {before * 1000:7.0f} ms" if seconds else ""
        same = "same passages" if digest == before_digest else "DIFFERENT passages"
        print(f"  {name:<40} {timing}  {same}")
    first, last = (
        f"{SIZES[0] // 1000}k vs {SIZES[0] // 1000}k",
        f"{SIZES[-1] // 1000}k vs {SIZES[-1] // 1000}k",
    )
    growth, growth_before = new[last][1] / new[first][1], old[last][1] / old[first][1]
    print(f"  {last} / {first}: {growth:.1f}× (before {growth_before:.1f}×; target ≤ 10×)")
    assert all(new[name][0] == old[name][0] for name in new), "the engine's results changed"
    assert growth <= 10
