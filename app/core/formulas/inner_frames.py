"""Frames whose fixed part sits inside each member, after a varying head (research R4, issue 14b).

`frames` finds members that start alike (务必…，务必…) and equal-length items with one fixed character.
A frequent 排比 shape falls between them: clauses that share a word right after a varying head of equal
length: 宏观政策要稳健有效，微观政策要…，结构政策要… (one span over the run); or the first clauses of
consecutive ；-segments: 思政教材重在价值引领，…；语文教材重在以文化人，…；历史教材重在… (one span per member,
the rest of each segment is comment). (、-lists whose shared affix only shows once the governing words are cut
off, or whose last item carries the sentence on, once here, are `coordinate_series`'.)

All return `PatternHit`s with rule "parallel", in original offsets.
"""

from __future__ import annotations

import re

from app.core.formulas.frames import _WEAK_HEADS
from app.core.formulas.patterns import (
    _VERB_PREFIXES,
    HAN,
    NUM,
    PatternHit,
)
from app.core.formulas.regex_scan import clause_start, finditer

_SEP = "，,；;"
_END = "。！？!?\n：:"
_CLAUSE = f"[^{_SEP}{_END}]"
#: Three clauses in a row with the same two characters after two-character heads, found from the separator
#: after the first clause: the second and third are matched here (a lookahead: the match is the separator), the
#: first is read backwards (`regex_scan.clause_start`). Attempts start at the four separators only, one literal
#: search each (`regex_scan.finditer`), not at each character of a class of thirteen clause starts; clause runs
#: are possessive (`+`): a clause character is never a separator, so giving characters back could not help.
_SHARED_WORD_RE = re.compile(
    rf"([{_SEP}])(?=([{HAN}]{{2}})([{HAN}]{{2}}){_CLAUSE}{{0,30}}+\1([{HAN}]{{2}})\3)"
)
#: A first member after words of its clause is at most this long (凝聚全球共识).
_LATE_FIRST = 8
_CUT_HEAD = frozenset("的了是和与及在对把将从性制")
#: A first clause opens with its head and the word it shares: four Han characters.
_HEAD_AND_WORD_RE = re.compile(rf"[{HAN}]{{4}}")
_SEGMENT_TAIL = "[，,][^；;。！？!?\\n]{0,60}+[；;]"
#: The second and third of three ；-segments whose first clauses share two characters after two-character
#: heads; the match starts at the ； before the second (rare, so `re` skips ahead), the first is checked after.
_SEGMENT_RE = re.compile(
    rf"[；;]([{HAN}]{{2}})([{HAN}]{{2}}){_CLAUSE}{{0,30}}+{_SEGMENT_TAIL}([{HAN}]{{2}})\2"
)
_FIRST_SEGMENT_RE = re.compile(rf"([{HAN}]{{2}})([{HAN}]{{2}}){_CLAUSE}{{0,30}}+{_SEGMENT_TAIL}")
_SEGMENT_START_RE = re.compile(r"[；;。！？!?\n]")
_CLAUSE_END_RE = re.compile(f"[{_SEP}{_END}]")
#: Shared words that make lists of tasks or figures, not frames (发展基层民主，完善基层…; 增长２９％).
_PLAIN_SHARED = frozenset(
    ("一个", "我们", "他们", "增长", "增加", "达到", "比上", "以上", "人民", "国家", "工作")
)
_FIGURE_RE = re.compile(r"[0-9０-９%％.．]|[一二三四五六七八九十百千万亿]+[个万亿元%]")
_FUNCTION = frozenset("的了是和与及在对把将从")


def _member_end(text: str, start: int) -> int:
    m = _CLAUSE_END_RE.search(text, start)
    return m.start() if m else len(text)


def _frame_heads_ok(heads: list[str], shared: str) -> bool:
    """Heads of one length that differ, not governing verbs, around a shared content word."""
    if len(set(heads)) < 2 or len({len(h) for h in heads}) != 1:
        return False
    if shared in _PLAIN_SHARED or _FUNCTION & set(shared):
        return False
    # governing verbs (完善…/健全…) make a list of tasks; numerals (一要…/二要…) are numbering
    return not any(h in _VERB_PREFIXES or h in _WEAK_HEADS or h[0] in NUM for h in heads)


def shared_word_runs(text: str, late_first: bool = False) -> list[tuple[int, int, str, list[str], str]]:
    """(start, end, separator, heads, shared word) of every three clauses in a row that share a word after
    two-character heads, in text order and not overlapping (`end` is where the third clause's word ends).
    With `late_first`, also runs whose first member follows words of its clause."""
    runs = []
    matched = 0
    for m in finditer(_SHARED_WORD_RE, text):
        start = clause_start(text, m.start(), 4, 34)
        if text[start + 2 : start + 4] != m.group(3):
            if not late_first:
                continue
            # the first member may follow words of its clause (更有效地凝聚全球共识，动员全球资源，…; 14a12b)
            # when it is short and as long as the second, give or take one (members of one shape)
            start = text.rfind(m.group(3), max(start + 3, m.start() - _LATE_FIRST), m.start()) - 2
            second = text.find(m.group(1), m.end()) - m.end()
            if abs(m.start() - start - second) > 1 or _CUT_HEAD & set(text[start : start + 2]):
                continue  # (a head of 的 or 性 is the end of a word the cut runs through: 互利共|赢的合作者)
        if start < 0 or start - 1 < matched or not _HEAD_AND_WORD_RE.match(text, start):
            continue
        matched = m.end(4) + 2
        runs.append(
            (start, matched, m.group(1), [text[start : start + 2], m.group(2), m.group(4)], m.group(3))
        )
    return runs


def shared_word_hits(text: str) -> list[PatternHit]:
    """Clauses (or ；-segments' first clauses) that share a word after varying heads of one length."""
    hits: list[PatternHit] = []
    done = -1
    for start, matched, sep, heads, shared in shared_word_runs(text, late_first=True):
        if start - 1 < done or not _frame_heads_ok(heads, shared):
            continue
        size = len(heads[0])
        end = _member_end(text, matched)
        while text.startswith(sep, end) and shared in text[end + 1 : end + 5 + size]:  # more members
            end = _member_end(text, end + 1)  # (a longer head may come late in the run: 改革开放政策要…)
        if not _FIGURE_RE.search(text, start, end) and "同志" not in text[start:end]:
            hits.append(PatternHit(start, end, text[start:end], "parallel"))
            done = end
    for m in finditer(_SEGMENT_RE, text):
        # the first segment: from the sentence or segment end before it up to this ；
        before = text.rfind("\n", max(0, m.start() - 100), m.start())
        for end_mark in _SEGMENT_START_RE.finditer(text, max(0, before, m.start() - 100), m.start()):
            before = end_mark.start()
        first = _FIRST_SEGMENT_RE.match(text, before + 1)
        if first is None or first.end() != m.start() + 1 or first.group(2) != m.group(2):
            continue
        heads = [first.group(1), m.group(1), m.group(3)]
        if not _frame_heads_ok(heads, m.group(2)):
            continue
        starts = [first.start(1), m.start(1), m.start(3)]
        members = [(s, _member_end(text, s)) for s in starts]
        if not any(_FIGURE_RE.search(text, s, e) or "同志" in text[s:e] for s, e in members):
            hits += [PatternHit(s, e, text[s:e], "parallel") for s, e in members]
    return hits
