"""Every hit of every corpus file, in this checkout and in another revision: identical or not.

A speed-up of the formula scan must not change what it finds. Run with
`python -m tests.bench.same_formula_hits REV` (REV: the revision before the change). Each checkout scans the
minable corpus files (never a held-out round's: `formula_annotations.minable`) in a fresh process with its own
shipped lexicon; the files whose hits differ are listed, and the exit status is 1 if any do; "identical" is
printed when none does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.bench.eval_formulas import CORPUS, export_revision
from tests.bench.formula_annotations import minable

ROOT = Path(__file__).resolve().parents[2]
#: Prints {file: [hit fields, …]} for every corpus file, in the checkout given by PYTHONPATH.
_HITS_SCRIPT = """
import json, sys
from pathlib import Path
from app.core.formulas.shipped import default_matcher
matcher = default_matcher()
out = {}
for p in map(Path, json.loads(sys.stdin.read())):
    hits = matcher.find(p.read_text(encoding="utf-8"))
    out[str(p.relative_to(sys.argv[1]))] = [[getattr(h, f) for f in h.__slots__] for h in hits]
print(json.dumps(out, ensure_ascii=False))
"""


def corpus_hits(checkout: Path, corpus: Path = CORPUS) -> dict[str, list[list[object]]]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    paths = [str(p) for p in sorted(corpus.rglob("*.txt")) if minable(p)]
    result = subprocess.run(
        [sys.executable, "-c", _HITS_SCRIPT, str(corpus)], input=json.dumps(paths),
        cwd=checkout, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def differing_files(rev: str, corpus: Path = CORPUS) -> tuple[int, int, list[str]]:
    """(files, hits in this checkout, the files whose hits differ from `rev`'s)."""
    mine, theirs = corpus_hits(ROOT, corpus), corpus_hits(export_revision(rev), corpus)
    names = sorted(set(mine) | set(theirs))
    return len(names), sum(map(len, mine.values())), [n for n in names if mine.get(n) != theirs.get(n)]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.bench.same_formula_hits REV", file=sys.stderr)
        return 2
    files, hits, differ = differing_files(argv[0])
    print(f"{files} corpus files, {hits} hits here; {len(differ)} files with other hits than {argv[0]}")
    if not differ:
        print("identical")
    for name in differ:
        print("  differs:", name)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
