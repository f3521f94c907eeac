"""Frames written without separators: a head repeated before each slot (research R4; issue 14, 14f6).

稳增长稳就业稳物价 and 保就业保民生保市场主体 repeat an economic verb before two-character slots; 边学边研边查边改,
分级分工分人 and 同党同心同德 repeat 边/分/同 before one-character slots, and 大发展大变革大调整 repeats 大 before
two-character ones (before one-character slots 大 names things: 大江大河大湖).
"""

from __future__ import annotations

import re

from app.core.formulas.patterns import HAN, PatternHit

_REPEAT_HEADS = "稳保促调防抓强补扩优提降新"
_SHORT_SLOT_HEADS = "边分同"
#: One class-led expression for both slot lengths, so that the text is scanned once.
_REPEAT_RE = re.compile(
    rf"([{_REPEAT_HEADS}{_SHORT_SLOT_HEADS}大])(?:(?P<a>[{HAN}]{{2}})\1(?P<b>[{HAN}]{{2}})\1(?P<c>[{HAN}]{{2}})"
    rf"|([{HAN}])\1([{HAN}])\1([{HAN}])(?:\1([{HAN}]))?)"
)


def repeat_hits(text: str) -> list[PatternHit]:
    """Three or more head+slot units in a row with slots of their own (rule parallel, one span over the run)."""
    hits = []
    for m in _REPEAT_RE.finditer(text):
        slots = [g for g in m.groups()[1:] if g]
        two_characters = m.group("a") is not None  # (one-character slots only after 边/分/同)
        if len(set(slots)) == len(slots) and (two_characters or m.group(1) in _SHORT_SLOT_HEADS):
            hits.append(PatternHit(m.start(), m.end(), m.group(0), "parallel"))
    return hits
