"""排比 of numbered or dashed points: the short lead sentences of 第一，…第二，…第三，… and ——…——…——… (issue 14p9).

Speeches of the Xi era set out their proposals as points, each a short lead sentence followed by its
explanation, and the annotators of every fresh round mark each lead as a `parallel` member (GUIDE §1.3: one
span per member, the sentence without its ordinal or dash and without its end mark):

- 第一，坚持生态文明，增强建设美丽世界动力。… 第二，坚持多边主义，凝聚全球环境治理合力。… (xi-2020-10-01);
- 第一，加强抗疫合作，构建卫生健康共同体。… 第二，维护安全和稳定，构建安全共同体。… (xi-2020-11-10);
- ——我们要增强两国互信。… ——我们要积极拓展两国互利合作。… ——我们要厚植两国人民友谊。… (xi-2016-06-06);
- 第一，共同营造开放包容的合作环境。… 第二，共同激活创新引领的合作动能。… (xi-2020-09-05).

`opener_frames` needs six shared characters and leaves out 我们/中国 openers; `sibling_frames` needs a line break
before each lead and a strong head. Here the shape of the run itself tells the frame:

- consecutive ordinals (第一, 第二, 第三…: a run of ≥ 3) whose leads are two balanced clauses, a short verb–object
  head and its aim (`_TWO_CLAUSES_RE`: 坚持多边主义，凝聚全球环境治理合力);
- ≥ 3 points of one run (ordinals or dashes) whose short leads open with the same two characters
  (我们要…, 中国…, 共同…).

Not a frame: a report's list of achievements (——经济持续健康发展。——人民民主不断扩大。; 第一，贫困地区基本生产生活
条件明显改善。…: a subject and how it changed, `_ACHIEVEMENT_RE`), points whose leads are long statements or hold
figures, and dashes before a line of a title page (——2024年3月5日在…).
"""

from __future__ import annotations

import re
from collections import defaultdict

from app.core.formulas.patterns import HAN, PatternHit
from app.core.formulas.sibling_frames import _DISCOURSE_HEADS, _MIN_MEMBERS

_ORDINALS = "一二三四五六七八九十"
_ORDINAL_RE = re.compile(rf"第([{_ORDINALS}])[，,]")
#: 一是…，二是…: in reports these mostly open task sentences; only their 4+4 motto leads make a frame.
_SHI_ORDINAL_RE = re.compile(rf"([{_ORDINALS}])是[，,]?")
_DASHES = ("——", "――")
#: What may stand before a point's marker: a sentence end, a line break or an announcing colon (spaces skipped).
_POINT_BEFORE = frozenset("。！？!?\n：:")
_LEAD_END_RE = re.compile(r"[。！？!?\n；;]")
#: A lead a point frame may mark: Han characters, quote marks, list commas and at most one comma.
_LEAD_RE = re.compile(rf"[{HAN}“”、]+(?:，[{HAN}“”、]+)?")
_MAX_LEAD = 30
#: Two balanced clauses: a verb–object head of 3–8 characters and its aim (加强抗疫合作，构建卫生健康共同体).
_TWO_CLAUSES_RE = re.compile(rf"[{HAN}“”]{{3,8}}，[{HAN}“”、]{{5,22}}")
#: A 4+4 motto (聚焦主题、紧扣主线; 以上率下、示范带动).
_MOTTO_RE = re.compile(rf"[{HAN}]{{4}}、[{HAN}]{{4}}")
#: Statements of how something changed (明显改善, 不断扩大, 显著增强): a report's results, not a programme.
_ACHIEVEMENT_RE = re.compile(r"明显|显著|不断|持续|大幅|稳步|逐步")
#: Points of one run lie close together: at most this many characters from one lead's end to the next marker.
_MAX_GAP = 1500


def _at_sentence_start(text: str, pos: int) -> bool:
    """Whether only spaces stand between `pos` and a sentence end, a line break or a colon (or the text start)."""
    at = pos - 1
    while at >= 0 and text[at] in " \t\u3000":
        at -= 1
    return at < 0 or text[at] in _POINT_BEFORE or text.startswith(_DASHES, at - 1)


def _lead(text: str, start: int) -> tuple[int, int] | None:
    """The lead sentence that starts at `start` (up to its end mark), when a point frame may mark it."""
    end = _LEAD_END_RE.search(text, start, start + _MAX_LEAD + 1)
    if end is None or end.group() == "\n" or not _LEAD_RE.fullmatch(text, start, end.start()):
        return None  # a heading line, a long statement or one holding figures or other marks
    return start, end.start()


def _points(text: str, ordinal_re: re.Pattern[str]) -> list[tuple[int, int, int]]:
    """Ordinal points (start, end, number) at sentence starts; a lead that a frame may not mark is kept with
    end −1, so that it still links its run."""
    points = []
    for m in ordinal_re.finditer(text):
        if _at_sentence_start(text, m.start()):
            lead = _lead(text, m.end())
            points.append((m.end(), lead[1] if lead else -1, _ORDINALS.index(m.group(1)) + 1))
    return points


def _dash_points(text: str) -> list[tuple[int, int, int]]:
    """Dash points (start, end, 0) at sentence starts, as `_points` (a dash before an ordinal is the ordinal's)."""
    points = []
    for dash in _DASHES:
        at = text.find(dash)
        while at >= 0:
            after = at + len(dash)
            if _at_sentence_start(text, at) and not _ORDINAL_RE.match(text, after):
                lead = _lead(text, after)
                points.append((after, lead[1] if lead else -1, 0))
            at = text.find(dash, after)
    return sorted(points)


def _runs(points: list[tuple[int, int, int]], numbered: bool) -> list[list[tuple[int, int, int]]]:
    """Points in a row (numbered ones counting up by one), each near the one before."""
    runs: list[list[tuple[int, int, int]]] = []
    for point in points:
        if runs:
            last = runs[-1][-1]
            near = point[0] - max(last[0], last[1]) <= _MAX_GAP
            if near and (not numbered or point[2] == last[2] + 1):
                runs[-1].append(point)
                continue
        runs.append([point])
    return [run for run in runs if len(run) >= _MIN_MEMBERS]


def _members(
    text: str, run: list[tuple[int, int, int]], shapes: tuple[re.Pattern[str], ...], heads: bool
) -> set[tuple[int, int]]:
    """The leads of a run that make a frame: leads of one of `shapes` (balanced clauses, 4+4 mottos) and, with
    `heads`, leads that share their head with two others, when ≥ 3 leads of the run have that shape."""
    leads = [(s, e) for s, e, _n in run if e > 0 and not _ACHIEVEMENT_RE.search(text, s, e)]
    members: set[tuple[int, int]] = set()
    for shape in shapes:
        shaped = [(s, e) for s, e in leads if shape.fullmatch(text, s, e)]
        if len(shaped) >= _MIN_MEMBERS:
            members.update(shaped)
    if heads:
        by_head: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for s, e in leads:
            by_head[text[s : s + 2]].append((s, e))
        for head, group in by_head.items():
            if len(group) >= _MIN_MEMBERS and head not in _DISCOURSE_HEADS and "“" not in head:
                members.update(group)
    return members


def point_lead_hits(text: str) -> list[PatternHit]:
    """Lead sentences of ≥ 3 numbered or dashed points that make one frame: one hit per member."""
    kinds = []
    if "第" in text:
        kinds.append((_runs(_points(text, _ORDINAL_RE), True), (_TWO_CLAUSES_RE, _MOTTO_RE), True))
    if "是" in text:
        kinds.append((_runs(_points(text, _SHI_ORDINAL_RE), True), (_MOTTO_RE,), False))
    if "—" in text or "―" in text:
        kinds.append((_runs(_dash_points(text), False), (), True))
    hits = []
    for runs, shapes, heads in kinds:
        for run in runs:
            for s, e in sorted(_members(text, run, shapes, heads)):
                hits.append(PatternHit(s, e, text[s:e], "parallel"))
    return hits
