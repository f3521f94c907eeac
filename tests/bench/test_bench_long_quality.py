"""The passage engine's quality on long texts, against exact ground truth, old and new code in one run.

Run with `DUIDU_BASELINE_REPO=/tmp/base-96f python3 -m pytest tests/bench/test_bench_long_quality.py -s
-p no:cacheprovider`; set DUIDU_BASELINE2_REPO to a second old code (e.g. main before a change) to see
it too. The pairs and the scores are described in `long_text_quality.py`: B is made from A by known
paragraph moves, deletions, insertions of other years' paragraphs and substitutions, so the copied
characters are known. Sizes 20k, 60k, 100k and 160k characters; a light (0.5 %) and a heavy (8 %)
substitution rate. The test fails when the new code's F1 or paired recall drops by more than 0.005 on any
pair (a long-text rule must not cost quality), and prints CPU times too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.import_runs import baseline_code as _baseline
from tests.bench.import_runs import env as _env
from tests.conftest import CORPUS, REPO

SIZES = (20_000, 60_000, 100_000, 160_000)
SCRIPT = Path(__file__).with_name("long_text_quality.py")

pytestmark = pytest.mark.skipif(not (CORPUS / "gwr-state-council").is_dir(), reason="no ../shared/corpus")


def _measure(code: Path, home: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(CORPUS), ",".join(map(str, SIZES))],
        env=_env(code, home), cwd=code, capture_output=True, text=True, timeout=3600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_long_text_quality(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("long-quality")
    codes = {"old": _baseline(tmp)}
    if os.environ.get("DUIDU_BASELINE2_REPO"):
        codes["old2"] = Path(os.environ["DUIDU_BASELINE2_REPO"])
    codes["new"] = REPO
    results = {name: _measure(code, tmp / f"home-{name}") for name, code in codes.items()}
    assert len({r["app"] for r in results.values()}) == len(results), "two runs imported the same code"
    load = os.getloadavg()
    print(
        f"\nload {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; "
        + ", ".join(f"{n}: {r['app']}" for n, r in results.items())
    )
    new = results["new"]
    for case in (k for k in new if k != "app"):
        for name, r in results.items():
            s = r[case]
            same = (
                "" if name == "new" else ("  same" if s["digest"] == new[case]["digest"] else "  DIFFERENT")
            )
            print(
                f"  {case:<11} {name:<4} P {s['precision']:.4f} R {s['recall']:.4f} F1 {s['f1']:.4f}"
                f"  paired P {s['paired_precision']:.4f} R {s['paired_recall']:.4f}"
                f"  passages {s['passages']:4}  CPU {s['cpu'] * 1000:6.0f} ms{same}"
            )
    for case in (k for k in new if k != "app"):
        for name, r in results.items():
            for key in ("f1", "paired_recall"):
                assert new[case][key] >= r[case][key] - 0.005, f"{case}: {key} dropped against {name}"
