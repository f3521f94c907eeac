"""排比 of correlative pairs: ≥ 3 clauses of 既…，又… (or 既…，也…) in a chain (14a12b).

A report sets out a policy as pairs of things it does at once, each pair opened by 既 and closed by 又:
既向银行增发国债用以扩大投资，又增加居民收入以促进消费；既加强基础设施建设，又支持企业技术改造；既努力扩大国内
需求，又积极鼓励增加出口 (gwr-2000). The heads differ from the second character on, so the rules of a shared
opener miss the run; the frame is the pair of correlatives. A member (GUIDE §1.3, one span each) is one pair, and
the pairs follow one another, joined by a semicolon or a comma. Two pairs are a contrast, not a 排比 (GUIDE: at
least three members).
"""

from __future__ import annotations

import re

from app.core.formulas.patterns import PatternHit
from app.core.formulas.sibling_frames import _MIN_MEMBERS

#: One pair: 既, a clause, a comma, 又 or 也 and a clause, up to the mark that ends it.
_PAIR_RE = re.compile(
    r"既[^，,；;。！？!?\n]{2,40}[，,](?:又|也)[^，,；;。！？!?\n]{2,40}(?=[，,；;。！？!?\n])"
)
#: What may stand before a member: the start of a clause.
_CLAUSE_START = "，,；;：:。！？!?\n"
#: What may join two members of a chain.
_JOIN = "；;，,"


def correlative_run_hits(text: str) -> list[PatternHit]:
    """Members of chains of ≥ 3 既…，又… pairs, one hit per pair."""
    if "既" not in text:
        return []
    runs: list[list[tuple[int, int]]] = []
    for m in _PAIR_RE.finditer(text):
        if m.start() and text[m.start() - 1] not in _CLAUSE_START:
            continue  # (既 inside a word or clause: 一如既往)
        if runs and runs[-1][-1][1] + 1 == m.start() and text[m.start() - 1] in _JOIN:
            runs[-1].append(m.span())
        else:
            runs.append([m.span()])
    return [
        PatternHit(s, e, text[s:e], "parallel") for run in runs if len(run) >= _MIN_MEMBERS for s, e in run
    ]
