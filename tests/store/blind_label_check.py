"""Label check for the blind reuse queries ("blind" … "blind4"), run before any ranking saw them.

Independent of app/store's ranking on purpose: plain 8-character shingles of the CJK characters, counted
against every document of the evaluation library (the corpus files and the set's dated synthetic speeches;
a corpus query is left out of its own comparison).

- "blind" (synthetic queries): the share of the query's shingles each document holds. A label is kept when
  the expected first source holds the largest share and at least 1.5 times the share of any document
  outside its acceptable top three.
- "blind2", "blind3" and "blind4": the same rule for synthetic queries. Near-identical versions: the expected version
  holds the largest share, at least 0.02 above the next document (all versions share nearly everything).
  Corpus queries (real reuse) are judged on their *rare* shingles — those held by at most two other library
  documents — so that wording every report repeats (formulas, library boilerplate) does not decide, as it
  does not for "similar speeches": the expected source must hold the largest rare share, at least 1.3 times
  the next document's, at least 1.5 times that of any document outside the acceptable top three, and at
  least 0.03 of the query's rare shingles (20 or more of them). The acceptable top three of a corpus query
  are the three documents with the largest rare shares (`--propose` prints them).

Run: `python -m tests.store.blind_label_check ../shared/corpus [blind|blind2|blind3|blind4] [--propose]`.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from tests.store.reuse_set import ReuseSet

_CJK = re.compile(r"[\u4e00-\u9fff]")
_WIDTH = 8
#: a rare shingle is held by at most this many library documents besides the query
RARE_OTHERS = 2


def shingles(text: str) -> set[str]:
    chars = "".join(_CJK.findall(text))
    return {chars[i : i + _WIDTH] for i in range(len(chars) - _WIDTH + 1)}


def library_shingles(reuse: ReuseSet, corpus: Path) -> dict[str, set[str]]:
    files = {
        str(p.relative_to(corpus)): shingles(p.read_text(encoding="utf-8")) for p in corpus.rglob("*.txt")
    }
    for name, _date, text in reuse.synthetic_library():
        files[name] = shingles(text)
    return files


def _judge(
    q: dict, own: set[str], files: dict[str, set[str]], frequency: Counter
) -> tuple[bool, str, list[str]]:
    others = {name: s for name, s in files.items() if name != q["query"]}
    plain = sorted(((len(own & s) / max(1, len(own)), name) for name, s in others.items()), reverse=True)
    expected = dict((n, v) for v, n in plain).get(q["first"], 0.0)
    if q["split"] == "blind" or q["query"].startswith("synthetic/"):
        rival = next(((v, n) for v, n in plain if n not in q["top3"]), (0.0, "-"))
        if q["kind"] == "near-identical-versions":
            second = next(((v, n) for v, n in plain if n != q["first"]), (0.0, "-"))
            ok = plain[0][1] == q["first"] and expected >= second[0] + 0.02
            return ok, f"expected {expected:.3f}, next {second[0]:.3f} {second[1]}", [n for _, n in plain[:3]]
        ok = plain[0][1] == q["first"] and expected >= 1.5 * rival[0]
        return ok, f"expected {expected:.2f}, best other {rival[0]:.2f} {rival[1]}", [n for _, n in plain[:3]]
    # a corpus query: its own shingles count once in `frequency`
    rare = {x for x in own if frequency[x] - 1 <= RARE_OTHERS}
    shares = sorted(((len(rare & s) / max(1, len(rare)), name) for name, s in others.items()), reverse=True)
    held = dict((n, v) for v, n in shares).get(q["first"], 0.0)
    second = next(((v, n) for v, n in shares if n != q["first"]), (0.0, "-"))
    rival = next(((v, n) for v, n in shares if n not in q["top3"]), (0.0, "-"))
    ok = (
        shares[0][1] == q["first"]
        and held >= 1.3 * second[0]
        and held >= 1.5 * rival[0]
        and held >= 0.03
        and held * len(rare) >= 20
    )
    line = (
        f"rare expected {held:.3f} ({round(held * len(rare))} of {len(rare)}), next {second[0]:.3f} "
        f"{second[1]}, outside top-3 {rival[0]:.3f}; plain expected {expected:.2f}, best plain {plain[0][0]:.2f} "
        f"{plain[0][1]}"
    )
    return ok, line, [n for _, n in shares[:3]]


def check(corpus: Path, split: str = "blind", propose: bool = False) -> list[str]:
    reuse = ReuseSet(corpus)
    files = library_shingles(reuse, corpus)
    frequency: Counter = Counter()
    for s in files.values():
        frequency.update(s)
    lines = []
    for q in reuse.labels["queries"]:
        if q["split"] != split:
            continue
        own = files.get(q["query"]) or shingles(reuse.text(q["query"]))
        if propose and not q["query"].startswith("synthetic/"):
            q = dict(q, top3=[q["first"]])
            _, _, best = _judge(q, own, files, frequency)
            q["top3"] = best if best[:1] == [q["first"]] else [q["first"]]
        ok, line, best = _judge(q, own, files, frequency)
        lines.append(
            f"{'ok ' if ok else 'BAD'} {q['key']}: {line}" + (f"\n    top3 {best}" if propose else "")
        )
    return lines


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    print("\n".join(check(Path(args[0]), args[1] if len(args) > 1 else "blind", "--propose" in sys.argv)))
