"""Frames of a head repeated before each slot (research R4; issue 14, 14f6), written without separators or, since
14p11, with one separator between the units (`separated_repeat_hits`).

稳增长稳就业稳物价 and 保就业保民生保市场主体 repeat an economic verb before two-character slots; 边学边研边查边改,
分级分工分人 and 同党同心同德 repeat 边/分/同 before one-character slots, and 大发展大变革大调整 repeats 大 before
two-character ones (before one-character slots 大 names things: 大江大河大湖).
"""

from __future__ import annotations

import re

from app.core.formulas.patterns import HAN, PatternHit
from app.core.formulas.regex_scan import finditer, matches_at

_REPEAT_HEADS = "稳保促调防抓强补扩优提降新"
_SHORT_SLOT_HEADS = "边分同"
#: One class-led expression for both slot lengths, so that the text is scanned once.
_REPEAT_RE = re.compile(
    rf"([{_REPEAT_HEADS}{_SHORT_SLOT_HEADS}大])(?:(?P<a>[{HAN}]{{2}})\1(?P<b>[{HAN}]{{2}})\1(?P<c>[{HAN}]{{2}})"
    rf"|([{HAN}])\1([{HAN}])\1([{HAN}])(?:\1([{HAN}]))?)"
)


#: Verbs that head the unseparated units of economic slogans (稳增长调结构防风险: `slogans.run_hits`).
ECONOMY_VERBS = "稳保促调防抓强补扩优提降惠增"
_UNIT_HEADS = "".join(sorted({*_REPEAT_HEADS, *_SHORT_SLOT_HEADS, "大", *ECONOMY_VERBS}))
#: A head of either rule, then a head three places on (two-character slots) or the same head two places on
#: (one-character slots): every place where a run of this rule or of `slogans.run_hits` can start.
_UNIT_START_RE = re.compile(rf"([{_UNIT_HEADS}])(?=..[{_UNIT_HEADS}]|.\1)", re.DOTALL)


def unit_starts(text: str) -> list[int]:
    """Where a run of head+slot units may start, for this rule and `slogans.run_hits`: one scan of the text
    (class-led, each character tested) instead of one per rule; the rules try their expressions there only."""
    return [m.start() for m in _UNIT_START_RE.finditer(text)]


def repeat_hits(text: str, starts: list[int] | None = None) -> list[PatternHit]:
    """Three or more head+slot units in a row with slots of their own (rule parallel, one span over the run);
    `starts` are the text's `unit_starts`, when the caller has them already."""
    hits = []
    for m in matches_at(_REPEAT_RE, text, unit_starts(text) if starts is None else starts):
        slots = [g for g in m.groups()[1:] if g]
        two_characters = m.group("a") is not None  # (one-character slots only after 边/分/同)
        if len(set(slots)) == len(slots) and (two_characters or m.group(1) in _SHORT_SLOT_HEADS):
            hits.append(PatternHit(m.start(), m.end(), m.group(0), "parallel"))
    return hits


#: Heads that repeat before two-character slots when the units are written apart (保重点，保竣工，保投产; 抓重大、抓尖端、
#: 抓基础; 稳地价、稳房价、稳预期): the heads of the unseparated rule and of the economic slogans, and 抓.
_SEPARATED_HEADS = "".join(sorted({*_REPEAT_HEADS, *ECONOMY_VERBS, "抓"}))
#: From the separator after the first unit: the second and third units (and more), the same separator before each;
#: the first unit (its head three characters before the separator) is checked after. Led by the two separators.
_SEPARATED_RE = re.compile(
    rf"([，、])([{_SEPARATED_HEADS}])[{HAN}]{{2}}\1\2[{HAN}]{{2}}(?:\1\2[{HAN}]{{2}})*(?![{HAN}])"
)


def separated_repeat_hits(text: str) -> list[PatternHit]:
    """≥ 3 head+slot units written apart by one separator (a comma or a list comma) with slots of their own: one
    span over the run (GUIDE §1.3). A unit is the head and a two-character slot, its clause or item entire."""
    hits = []
    for m in finditer(_SEPARATED_RE, text):
        start = m.start() - 3
        if start < 0 or text[start] != m.group(2):
            continue
        units = text[start : m.end()].split(m.group(1))
        if len({u[1:] for u in units}) == len(units):
            hits.append(PatternHit(start, m.end(), text[start : m.end()], "parallel"))
    return hits
