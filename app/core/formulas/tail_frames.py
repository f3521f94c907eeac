"""排比 of clauses that end alike: a fixed tail after a slot of any length (issue 14, session 11).

`frames` and `clause_frames` compare clauses of one length or clauses that open alike; `inner_frames` a word
right after a varying head. Many 排比 of the genre fix the END of each clause and let the slot before it run
to any length, often after one repeated verb or preposition:

- 做解放思想的促进派，做安定团结的促进派，做四个现代化的促进派 (communiqué 1979);
- 向农业和水利建设倾斜，向国家重点扶持的基础设施、…倾斜，向中西部地区倾斜，向技术改造倾斜，… (gwr-1997);
- 从那些不合时宜的观念、做法和体制的束缚中解放出来，从…中解放出来，从…中解放出来 (communiqué 2001);
- 促进养老家政健康消费，壮大信息消费，提升旅游休闲消费，推动绿色消费，… (gwr-2015).

The shape: ≥ 3 clauses in a row, one separator (，or ；) between them, each of at most `_MAX_CLAUSE`
characters, that share a tail of ≥ 2 characters, and tie it to a frame by one of: a shared head that is no
governing verb of a task list (做…/从…/向…/是一条…, not 加强…建设，加强…建设), a tail of ≥ 3 characters
(…不会忘记, …的促进派), or ≥ 4 members. The first clause may carry words before the shared head (自觉地把思想
认识|从…): it starts at the head; a first clause without the head is the run's subject (长征的胜利，是…的胜利，是…
的胜利), no member. Not a frame: correlatives (不是…，不是…，而是…; 既要…，也要…), figures, names (…同志为…),
open lists (…等项目), generic tails (…方面, …问题, …工作). A ，-run is one span (GUIDE §1.3, a slot repeated inside
one sentence); a ；-run one span per segment.
"""

from __future__ import annotations

import re

from app.core.formulas.patterns import _VERB_PREFIXES, HAN, PatternHit, _common_prefix

_ENDS = "，；。！？!?\n：:"
#: What ends a ；-segment: a segment may hold commas (坚持和平发展，决心不会动摇；坚持共同发展，理念不会动摇；…).
_SEGMENT_ENDS = "；。！？!?\n：:"
_MAX_CLAUSE = 40
_MIN_MEMBERS = 3
#: Members of one length up to this many characters are a couplet-like run by their shape alone (14p11b).
_SHORT_MEMBER = 5
#: A comma whose clause before it and the next two clauses end in the same two characters: the comma is matched,
#: the two characters before it captured by a lookbehind, the next clauses tested in a lookahead (a run of clause
#: characters, possessive, then a lookbehind for the same two characters). The scan is a literal search for the
#: comma; only the few commas that start such a triple come back to Python.
#: (Clause characters: Han, list commas and quote marks; a clause with figures, brackets or titles is no member.)
_CLAUSE = f"[{HAN}、“”]"
_TRIPLE_RE = re.compile(
    rf"(，)(?<=({_CLAUSE}{{2}}).)"
    rf"(?={_CLAUSE}{{1,{_MAX_CLAUSE}}}+(?<=\2)，{_CLAUSE}{{1,{_MAX_CLAUSE}}}+(?<=\2)(?=[{_ENDS}]|$))"
)
#: The same for ；-segments of one or two clauses (one of three or more clauses is a statement: 坚持党的集中统一领导，
#: 坚持党的科学理论，保持政治稳定，…的显著优势；…).
_SEGMENT = rf"[^{_ENDS}]{{1,{_MAX_CLAUSE}}}+(?:，[^{_ENDS}]{{1,{_MAX_CLAUSE}}}+)?"
_SEGMENT_TRIPLE_RE = re.compile(
    rf"(；)(?<=([^{_ENDS}]{{2}}).)(?={_SEGMENT}(?<=\2)；{_SEGMENT}(?<=\2)(?=[{_SEGMENT_ENDS}]|$))"
)
_CLAUSE_END_RE = re.compile(f"[{_ENDS}]")
_SEGMENT_END_RE = re.compile(f"[{_SEGMENT_ENDS}]")
#: Members that open with these are the parts of a correlative or a conjoined afterthought, not a frame.
_NOT_MEMBER_STARTS = (
    *("不是", "而是", "不论", "无论", "不管", "不仅", "而且", "不能", "更不能", "特别是", "尤其"),
    *("既", "也", "又", "但", "还", "或", "以及", "和", "及", "并"),
)
#: Sums and amounts (八十三个煤炭企业，十九个…企业; 1.2万亿元): a report's figures, not a frame.
_FIGURE_RE = re.compile(
    r"[0-9０-９%％.．]|[一二三四五六七八九十百千万亿]+[万亿元]|[一二三四五六七八九十百千零]{2,}个|百分"
)
#: Open lists (…等民生项目) and names (江泽民同志为…主席).
_NOT_FRAME_RE = re.compile(r"(?<![平同对均初中高])等|同志")
#: Tails that end any list of topics or tasks (…方面, …问题).
_GENERIC_TAILS = frozenset(("方面", "问题", "工作", "情况", "时候", "地方", "时期", "之一"))
#: Governing verbs of task lists (加强…建设，加强…建设): as the only tie they make a list of tasks, not a frame.
_GOVERNING = frozenset(p for p in _VERB_PREFIXES if len(p) >= 2)


def _common_suffix(items: list[str]) -> str:
    return _common_prefix([item[::-1] for item in items])[::-1]


def _members(text: str, sep_at: int, segments: bool) -> list[tuple[int, int]]:
    """The clauses (or, with `segments`, the ；-segments) of the run whose second member follows the separator at
    `sep_at`. The first member starts at the head the later ones share; one without it is the run's subject."""
    sep, tail = text[sep_at], text[sep_at - 2 : sep_at]
    ends, longest = (_SEGMENT_ENDS, 2 * _MAX_CLAUSE + 1) if segments else (_ENDS, _MAX_CLAUSE)
    end_re = _SEGMENT_END_RE if segments else _CLAUSE_END_RE
    later: list[tuple[int, int]] = []
    at = sep_at
    while at < len(text) and text[at] == sep:
        found = end_re.search(text, at + 1)
        end = found.start() if found else len(text)
        if end - at - 1 > longest or not text.endswith(tail, at + 1, end) or text.count("，", at, end) > 1:
            break
        later.append((at + 1, end))
        at = end
    start = max(text.rfind(end, max(0, sep_at - longest), sep_at) for end in ends) + 1
    if start == 0 and sep_at > longest:
        start = sep_at - longest  # (no end within reach: the first member is cut at the longest length)
    if segments:  # a first segment holds no more clauses than the longest later one
        clauses = max(text.count("，", s, e) for s, e in later) + 1 if later else 1
        while text.count("，", start, sep_at) >= clauses:
            start = text.index("，", start, sep_at) + 1
    head = _common_prefix([text[s:e] for s, e in later])
    if head:  # the first clause starts at the shared head; one without it is the run's subject
        cut = text.find(head, start, sep_at)
        return later if cut < 0 else [(cut, sep_at), *later]
    lengths = {e - s for s, e in later}
    if len(lengths) == 1 and (size := lengths.pop()) <= _SHORT_MEMBER and sep_at - start > size:
        start = sep_at - size  # (short members of one length: the first is cut at theirs, 都能够|蓝天常在)
    return [(start, sep_at), *later]


def _is_frame(items: list[str]) -> bool:
    if len(items) < _MIN_MEMBERS or len(set(items)) < len(items):
        return False
    tail, head = _common_suffix(items), _common_prefix(items)
    if tail[-2:] in _GENERIC_TAILS or min(map(len, items)) <= len(tail) + 1:
        return False
    short = (
        len({len(i) for i in items}) == 1 and len(items[0]) <= _SHORT_MEMBER
    )  # 蓝天常在，青山常在，绿水常在
    if not (head and head not in _GOVERNING) and len(tail) < 3 and len(items) < 4 and not short:
        return False
    joined = "|".join(items)  # (the items' figures and names asked in one search each)
    return not (
        any(i.startswith(_NOT_MEMBER_STARTS) for i in items)
        or _FIGURE_RE.search(joined)
        or _NOT_FRAME_RE.search(joined)
    )


def tail_frame_hits(text: str) -> list[PatternHit]:
    """Runs of ≥ 3 clauses that share a tail and make a frame (`_is_frame`): one hit over a ，-run, one per
    segment of a ；-run."""
    hits: list[PatternHit] = []
    done = -1
    triples = [(m.start(), False) for m in _TRIPLE_RE.finditer(text)]
    if "；" in text:
        triples = sorted(triples + [(m.start(), True) for m in _SEGMENT_TRIPLE_RE.finditer(text)])
    for sep_at, segments in triples:
        if sep_at < done:
            continue  # (a later separator of a run already taken)
        members = _members(text, sep_at, segments)
        if not _is_frame([text[s:e] for s, e in members]):
            continue
        done = members[-1][1]
        if not segments:
            start, end = members[0][0], members[-1][1]
            hits.append(PatternHit(start, end, text[start:end], "parallel"))
        else:
            hits += [PatternHit(s, e, text[s:e], "parallel") for s, e in members]
    return hits
