"""Slogan shapes no lexicon lists yet (research R5, issue 14b): runs of three-character verb–object units.

Economic reports write slogans of verb–object units without separators: 稳就业保民生防风险, 稳增长调结构
防风险, 补短板促均衡提质量. A unit is one verb of the economic slogans and a two-character word of the
general dictionary, and each unit has its own verb (稳增长稳就业稳物价, one verb, is a frame: `frames`).

(Tried and left out: two such units joined by 、 standing alone, 补短板、强弱项. On the tuning files it found
找差距、摆问题, which the annotation does not mark, and nothing it does; over the corpus about 22 hits, some
six in ten slogans.)
"""

from __future__ import annotations

import re
from collections.abc import Collection

from app.core.formulas.patterns import HAN, PatternHit

#: Verbs that head the unseparated units of economic slogans (稳增长调结构防风险).
_ECONOMY_VERBS = "稳保促调防抓强补扩优提降惠增"
_RUN_RE = re.compile(
    rf"([{_ECONOMY_VERBS}])([{HAN}]{{2}})([{_ECONOMY_VERBS}])([{HAN}]{{2}})([{_ECONOMY_VERBS}])([{HAN}]{{2}})"
)


def run_hits(text: str, words: Collection[str]) -> list[PatternHit]:
    """Three verb–object units written without separators, each with its own verb (稳就业保民生防风险)."""
    hits: list[PatternHit] = []
    for m in _RUN_RE.finditer(text):
        verbs = {m.group(1), m.group(3), m.group(5)}
        if len(verbs) == 3 and all(m.group(g) in words for g in (2, 4, 6)):
            hits.append(PatternHit(m.start(), m.end(), m.group(0), "slogan"))
    return hits
