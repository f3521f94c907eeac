"""Label check for the "blind" reuse queries, run before any ranking saw them.

For each blind query: the share of its 8-character shingles (CJK characters only) that each corpus file
holds. A label is kept when the expected first source holds the largest share and at least 1.5 times the
share of any file outside its acceptable top three. Independent of app/store's ranking on purpose.
Run: `python -m tests.store.blind_label_check ../shared/corpus`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.store.reuse_set import ReuseSet

_CJK = re.compile(r"[\u4e00-\u9fff]")
_WIDTH = 8


def shingles(text: str) -> set[str]:
    chars = "".join(_CJK.findall(text))
    return {chars[i : i + _WIDTH] for i in range(len(chars) - _WIDTH + 1)}


def check(corpus: Path) -> list[str]:
    reuse = ReuseSet(corpus)
    files = {
        str(p.relative_to(corpus)): shingles(p.read_text(encoding="utf-8")) for p in corpus.rglob("*.txt")
    }
    lines = []
    for q in reuse.labels["queries"]:
        if q["split"] != "blind":
            continue
        own = shingles(reuse.text(q["query"]))
        shares = sorted(((len(own & s) / max(1, len(own)), name) for name, s in files.items()), reverse=True)
        expected = dict((n, v) for v, n in shares)[q["first"]]
        rival = next(((v, n) for v, n in shares if n not in q["top3"]), (0.0, "-"))
        ok = shares[0][1] == q["first"] and expected >= 1.5 * rival[0]
        lines.append(
            f"{'ok ' if ok else 'BAD'} {q['key']}: expected {expected:.2f}, best other {rival[0]:.2f} {rival[1]}"
        )
    return lines


if __name__ == "__main__":
    print("\n".join(check(Path(sys.argv[1]))))
