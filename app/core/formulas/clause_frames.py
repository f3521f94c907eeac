"""排比 of short clauses that differ at their start and share a fixed piece further in (issue 14, session 7).

`frames` finds clause runs that repeat a head (务必…，务必…) or start with one character (为国家…，为人民…，
为民族…). Many 排比 vary the verb or subject that opens each clause and fix what follows:

- 国家不会忘记，人民不会忘记，历史不会忘记 (xi-2020-09-09);
- 敢于担当责任，勇于直面矛盾，善于解决问题 (xi-2018-03-01);
- 尊重人民主体地位，发挥人民首创精神，保障人民各项权益 (congress-17);
- 保护合法收入，调节过高收入，取缔非法收入 (congress-20).

The shape: ≥ 3 clauses in a row, one separator between them, of one length (5–10 characters), sharing a
character at one place after a place where they differ (`frames._fixed_inner_place`, which also leaves out a
shared 的 alone). One hit spans the whole run (GUIDE §1.3 marks a clause-level 排比 as one span). Not a frame:
figures (原煤增长百分之零点二，原油下降百分之四点五，…), ordinal points (一是…，二是…，三是…) and correlatives
(不是…，不是…，而是…).
"""

from __future__ import annotations

import re

from app.core.formulas.frames import _fixed_inner_place
from app.core.formulas.patterns import HAN, NUM, PatternHit
from app.core.formulas.regex_scan import finditer

#: At a clause separator: three clauses of 5–10 Han characters with one kind of separator between them (a
#: lookahead, so that runs of four or more clauses are seen from each of their separators; checked in C).
_THREE_CLAUSES_RE = re.compile(
    rf"[，,；;](?=([{HAN}]{{5,10}}+)([，,；;])([{HAN}]{{5,10}}+)\2([{HAN}]{{5,10}}+)(?![{HAN}]))"
)
_FIGURES = ("百分之", "百分点")
_CORRELATIVES = ("不是", "而是", "不仅", "而且", "既", "又", "也", "但")
_ORDINAL_RE = re.compile(f"[{NUM}]是")


def _frame(clauses: list[str]) -> bool:
    if len({len(c) for c in clauses}) != 1 or len(set(clauses)) != len(clauses):
        return False
    if any(
        c.startswith(_CORRELATIVES) or _ORDINAL_RE.match(c) or any(f in c for f in _FIGURES) for c in clauses
    ):
        return False
    return _fixed_inner_place(clauses)


def equal_clause_hits(text: str) -> list[PatternHit]:
    """Runs of ≥ 3 equal clauses with a fixed inner piece (`_frame`), one hit per run."""
    runs: list[list[int]] = []  # [start, end] of each run, in text order
    for m in finditer(_THREE_CLAUSES_RE, text):
        if not _frame([m.group(1), m.group(3), m.group(4)]):
            continue
        if runs and m.start(1) < runs[-1][1] and len(m.group(1)) == len(m.group(4)):
            runs[-1][1] = max(runs[-1][1], m.end(4))  # the next three clauses of a longer run
        else:
            runs.append([m.start(1), m.end(4)])
    return [PatternHit(start, end, text[start:end], "parallel") for start, end in runs]
