"""CPU time of the formula scan here and in another revision, pass by pass, alternating (issue 14, scan speed).

`python -m tests.bench.formula_scan_ab REV [PASSES]`: one long-lived process per checkout (this one and REV's,
exported by `eval_formulas.export_revision`) loads the shipped matcher, scans the minable corpus once to warm up,
then times one `find` pass over it (`process_time`) each time it is asked, the two asked in turn (ABBA order).
On a shared machine the median of the per-pair ratios moves less than the bench's best of six fresh runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from tests.bench.eval_formulas import CORPUS, export_revision

ROOT = Path(__file__).resolve().parents[2]
#: Warms up, says "ready", then prints the CPU seconds of one pass for every line read.
_WORKER = """
import sys, time
sys.path.append(sys.argv[2])
from pathlib import Path
from app.core.formulas.shipped import default_matcher
from tests.bench.formula_annotations import minable
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).rglob("*.txt")) if minable(p)]
matcher = default_matcher()
[matcher.find(t) for t in texts]
print(sum(map(len, texts)), flush=True)
for _line in sys.stdin:
    start = time.process_time()
    [matcher.find(t) for t in texts]
    print(time.process_time() - start, flush=True)
"""


def _worker(checkout: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    return subprocess.Popen(
        [sys.executable, "-c", _WORKER, str(CORPUS), str(ROOT)],
        cwd=checkout, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip


def alternate(checkouts: list[Path], passes: int) -> tuple[int, list[list[float]]]:
    """(characters scanned, CPU seconds of each pass per checkout)."""
    workers = [_worker(checkout) for checkout in checkouts]
    chars = max(int(w.stdout.readline()) for w in workers)  # (both scan the same files)
    times: list[list[float]] = [[] for _w in workers]
    for n in range(passes):
        for k in (0, 1) if n % 2 == 0 else (1, 0):
            workers[k].stdin.write("pass\n")
            workers[k].stdin.flush()
            times[k].append(float(workers[k].stdout.readline()))
    for w in workers:
        w.stdin.close()
        w.wait()
    return chars, times


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print("usage: python -m tests.bench.formula_scan_ab REV [PASSES]", file=sys.stderr)
        return 2
    rev, passes = argv[0], int(argv[1]) if len(argv) > 1 else 12
    chars, (base, here) = alternate([export_revision(rev), ROOT], passes)
    ratios = [h / b for b, h in zip(base, here, strict=True)]
    for name, times in ((rev, base), ("this checkout", here)):
        best, median = min(times), statistics.median(times)
        print(f"{name}: best {best:.3f} s = {chars / best / 1e6:.2f} M chars/s, median {median:.3f} s")
    print(f"this/{rev}: best {min(here) / min(base):.3f}, median of pair ratios {statistics.median(ratios):.3f}; "
          f"{chars:,} chars, {passes} passes each, load {os.getloadavg()[0]:.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
