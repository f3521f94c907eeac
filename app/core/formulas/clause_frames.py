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

Session 10 (14s10) widened it to three shapes the fresh rounds mark and it missed:
- a run that opens its sentence, after 。/！/？, a colon, a line break or an opening quote (世界在前进，社会在进步，
  生活在变化; “革命到老，学习到老，改造到老”), not only after a comma;
- a first clause that carries up to `_MAX_LEAD` characters of governing words before its member, cut off where
  no word runs through the cut (切实|保护合法收入，取缔非法收入，限制过高收入; 做到|人尽其才，地尽其利，物尽其用)
  and where the cut member shares more than a particle with the others (not 取得了|重大成就，延伸了历史轴线，…);
- clauses of four characters that share two places after a first place where they differ (尊重群众，信任群众，
  依靠群众; 人尽其才，地尽其利，物尽其用; 革命到老，学习到老，改造到老), not one place (普京总统，莫迪总理…).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from app.core.formulas.clause_pairs import ClausePair, clause_pairs
from app.core.formulas.frames import _GRAMMAR_PLACE, _fixed_inner_place
from app.core.formulas.patterns import HAN, NUM, PatternHit
from app.core.formulas.slogans import _clean_cut

#: The longest second and third clause of a run (the shortest is 4): `clause_pairs` finds the separators that
#: two whole clauses follow, and a run's first clause ends in ≥ 4 Han characters (read backwards).
_MAX_CLAUSE = 10
_HAN4_RE = re.compile(f"[{HAN}]{{4}}")
#: Governing words a first clause may carry before its member (切实保护合法收入; 各级政府要坚决尊重群众).
_MAX_LEAD = 8
#: What may stand before a run's first clause: a clause or sentence end, a colon, a line break, an opening quote.
_RUN_OPENS = frozenset("，,；;：:。！？!?\n“‘「『")
_FIGURES = ("百分之", "百分点")
_CORRELATIVES = ("不是", "而是", "不仅", "而且", "既", "又", "也", "但")
_ORDINAL_RE = re.compile(f"[{NUM}]是")


def _four_character_frame(clauses: list[str]) -> bool:
    """Four-character clauses that differ at their first place and share two later places, not 的/地 alone
    (尊重群众，信任群众，依靠群众; 人尽其才，地尽其利，物尽其用)."""
    shared = [k for k in range(4) if len({c[k] for c in clauses}) == 1]
    return len(shared) >= 2 and shared[0] > 0 and not {clauses[0][k] for k in shared} <= _GRAMMAR_PLACE


def _frame(clauses: list[str]) -> bool:
    if len({len(c) for c in clauses}) != 1 or len(set(clauses)) != len(clauses):
        return False
    if any(
        c.startswith(_CORRELATIVES) or _ORDINAL_RE.match(c) or any(f in c for f in _FIGURES) for c in clauses
    ):
        return False
    return _four_character_frame(clauses) if len(clauses[0]) == 4 else _fixed_inner_place(clauses)


#: Particles that, shared at one place, do not tie a cut first clause to the run (取得了|重大成就，延伸了历史轴线).
_PARTICLES = frozenset("的地得了着过")


def _shares_a_word_place(a: str, b: str, c: str) -> bool:
    return any(x == y == z and x not in _PARTICLES for x, y, z in zip(a, b, c, strict=True))


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _first_member(text: str, sep: int, size: int, words: Collection[str]) -> int:
    """Where the run's first member starts: the clause before `sep` when it has `size` characters, or its last
    `size` characters when up to `_MAX_LEAD` governing words stand before them and the cut runs through no
    word (`slogans._clean_cut`) or follows a modal 要; −1 when the clause is no member."""
    opens = sep - 4  # (the expression saw four Han characters before the separator)
    limit = max(0, sep - size - _MAX_LEAD)
    while opens > limit and _is_han(text[opens - 1]):
        opens -= 1
    if sep - opens < size or (opens > 0 and text[opens - 1] not in _RUN_OPENS):
        return -1  # a shorter clause, or one that runs on beyond the lead or follows a figure or a quote
    start = sep - size
    lead = text[opens:start]
    if lead and lead[-1] != "要" and not _clean_cut(lead, text[start:sep], words):
        return -1  # (a modal 要 ends a lead: 我们要|珍惜人民给予的权力; 要|健全民主制度)
    return start


def next_two(text: str, pairs: list[ClausePair]) -> list[tuple[int, int, int]]:
    """(separator, end of the second clause, end of the third) where a first clause ends in ≥ 4 Han characters
    and the next two are whole clauses of 4–`_MAX_CLAUSE` Han characters and of one length: the separators of
    `clause_pairs` this rule's shape allows."""
    return [
        (sep, b_end, third)
        for sep, b_end, third in pairs
        if b_end - sep - 1 == third - b_end - 1 <= _MAX_CLAUSE
        and sep >= 4
        and _HAN4_RE.fullmatch(text, sep - 4, sep)
    ]


def equal_clause_hits(
    text: str, words: Collection[str] = frozenset(), pairs: list[ClausePair] | None = None
) -> list[PatternHit]:
    """Runs of ≥ 3 equal clauses with a fixed inner piece (`_frame`), one hit per run; `words` (the general
    dictionary) tells where a first clause's governing words may be cut off; `pairs` are the text's
    `clause_pairs`, when the caller has them already."""
    found: list[tuple[int, int]] = []  # (start, end) of each three clauses that make a frame
    # the three clauses of one find share their separator, and finds that overlap are joined into runs below
    for sep, b_end, third in next_two(text, clause_pairs(text) if pairs is None else pairs):
        size = third - b_end - 1
        b, c = text[sep + 1 : b_end], text[b_end + 1 : third]
        if sum(map(str.__eq__, b, c)) < (2 if size == 4 else 1):
            continue  # (a quick test in C: the two share too few places to make a frame)
        start = _first_member(text, sep, size, words)
        if start < 0 or not _frame([a := text[start:sep], b, c]):
            continue
        if text[start - 1] not in _RUN_OPENS and not _shares_a_word_place(a, b, c):
            continue  # a member cut from a longer clause shares more than a particle (…取得了重大成就，延伸了…)
        found.append((start, third))
    runs: list[list[int]] = []  # [start, end] of each run, in text order
    for start, end in sorted(found):
        if runs and start < runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)  # the next three clauses of a longer run
        else:
            runs.append([start, end])
    return [PatternHit(start, end, text[start:end], "parallel") for start, end in runs]
