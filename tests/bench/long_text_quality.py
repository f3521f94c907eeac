"""A long-text quality check with exact ground truth, for the passage engine (on demand).

Run as a script by `test_bench_long_quality.py`, once per code under test (PYTHONPATH chooses the code;
this file imports nothing from tests/, so old code can run it too):

    python3 tests/bench/long_text_quality.py CORPUS SIZES  ->  one JSON object on stdout

Text A is ten work reports joined (the years of the scaling bench's side A), cut to SIZE characters.
Text B is made from A by known edits, so which characters of B are copies of which characters of A is
known by construction:
- about 5 % of A's paragraphs are deleted;
- about 10 % are moved to a random other place;
- 0.5 % of the copied Han characters are substituted (they still count as copied, as in plagdet); a
  second, "heavy" variant substitutes 8 %, so that copies are cut into short exact runs and the short
  seeds matter (every 12th character or so);
- after about 8 % of the paragraphs, an unrelated paragraph from a report of a year not in A is inserted.
  It is not a copy of A by construction, though such reports share stock phrases with A: the engine may
  rightly find those, which then count against its precision, the same for every code measured.

Scores (each side's characters, A and B averaged, like plagdet's character level):
- `precision`, `recall`, `f1`: characters inside some passage against characters copied;
- `paired_precision` / `paired_recall`: the same, counting an A character only when the passage that
  holds it also holds, on the B side, the character's true copy (a chance match to a wrong place
  counts as a miss);
- `passages`, `cpu` (process time of `compare_pair`), and a digest of the result.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from pathlib import Path

A_YEARS = (2023, 2021, 2018, 2016, 2014, 2012, 2010, 2008, 2006, 2004)
OTHER_YEARS = (2024, 2022, 2019, 2017, 2015, 2013, 2011, 2009, 2007, 2005)


def make_pair(
    corpus: Path, size: int, substituted: float = 0.005, seed: int = 13
) -> tuple[str, str, list[int]]:
    """(A, B, source): source[j] is the position in A that B's character j copies, or -1."""
    gwr = corpus / "gwr-state-council"
    a = "\n".join((gwr / f"gwr-{y}.txt").read_text(encoding="utf-8") for y in A_YEARS)[:size]
    other = [
        p
        for y in OTHER_YEARS
        for p in (gwr / f"gwr-{y}.txt").read_text(encoding="utf-8").split("\n")
        if len(p) >= 40
    ]
    rng = random.Random(seed * 1_000_003 + size)
    # A's paragraphs as (start, end) spans, the newline after each one belonging to no paragraph.
    spans, start = [], 0
    for para in a.split("\n"):
        spans.append((start, start + len(para)))
        start += len(para) + 1
    kept = [s for s in spans if rng.random() >= 0.05]
    moved = [s for s in kept if rng.random() < 0.10]
    order = [s for s in kept if s not in set(moved)]
    for s in moved:
        order.insert(rng.randrange(len(order) + 1), s)
    han = [c for c in a if "\u4e00" <= c <= "\u9fff"]
    parts: list[tuple[str, list[int]]] = []
    for s, e in order:
        chars = list(a[s:e])
        for n, c in enumerate(chars):
            if "\u4e00" <= c <= "\u9fff" and rng.random() < substituted:
                chars[n] = rng.choice(han)
        parts.append(("".join(chars), list(range(s, e))))
        if rng.random() < 0.08:
            inserted = rng.choice(other)
            parts.append((inserted, [-1] * len(inserted)))
    b, source = [], []
    for n, (text, src) in enumerate(parts):
        if n:
            b.append("\n")
            source.append(-1)
        b.append(text)
        source.extend(src)
    return a, "".join(b), source


def score(a: str, b: str, source: list[int], passages) -> dict[str, float]:
    true_b = [j for j, i in enumerate(source) if i >= 0]
    image = {source[j]: j for j in true_b}  # A position -> its copy in B
    true_a = set(image)
    found_a, found_b, paired_a, paired_b = set(), set(), set(), set()
    for p in passages:
        a0, a1, b0, b1 = (
            (p.a_start, p.a_end, p.b_start, p.b_end) if p.a == 0 else (p.b_start, p.b_end, p.a_start, p.a_end)
        )
        found_a.update(range(a0, a1))
        found_b.update(range(b0, b1))
        for i in range(a0, a1):
            j = image.get(i)
            if j is not None and b0 <= j < b1:
                paired_a.add(i)
                paired_b.add(j)

    def ratio(x: int, y: int) -> float:
        return x / y if y else 1.0

    precision = (
        ratio(len(found_a & true_a), len(found_a)) + ratio(len(found_b & set(true_b)), len(found_b))
    ) / 2
    recall = (ratio(len(found_a & true_a), len(true_a)) + ratio(len(found_b & set(true_b)), len(true_b))) / 2
    paired_precision = (ratio(len(paired_a), len(found_a)) + ratio(len(paired_b), len(found_b))) / 2
    paired_recall = (ratio(len(paired_a), len(true_a)) + ratio(len(paired_b), len(true_b))) / 2
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "paired_precision": paired_precision,
        "paired_recall": paired_recall,
    }


def main() -> None:
    corpus, sizes = Path(sys.argv[1]), [int(s) for s in sys.argv[2].split(",")]
    import app
    from app.core.formulas.shipped import default_matcher, formula_coverage
    from app.core.passages import PassageParams, compare_pair

    params = PassageParams(formula_oracle=formula_coverage)
    default_matcher()
    formula_coverage("")
    out: dict[str, object] = {"app": str(Path(app.__file__).parent.parent)}
    for size in sizes:
        for variant, substituted in (("light", 0.005), ("heavy", 0.08)):
            a, b, source = make_pair(corpus, size, substituted)
            cpu = time.process_time()
            result = compare_pair(a, b, params)
            cpu = time.process_time() - cpu
            h = hashlib.sha256()
            for item in (*result.passages, *result.summary):
                h.update(repr(item).encode())
            out[f"{variant} {size // 1000}k"] = {
                **score(a, b, source, result.passages),
                "passages": len(result.passages),
                "cpu": cpu,
                "digest": h.hexdigest()[:16],
            }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
