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
  (我们要…, 中国…, 共同…);
- ≥ 3 points of one run whose leads are long sentences that open with the same three characters: each
  point's opening clause up to its first comma (——我们坚持党对科技事业的领导，健全…。——我们坚持建设世界科技强国的
  奋斗目标，…, xi-2018-05-28; 14o10);
- ≥ 3 numbered points of one run whose long leads open with two balanced clauses: those two (14p11);
- ≥ 4 dashed points whose long leads share a subject alone (——双方都把对方作为…，——双方建立起…，——双方基于…,
  xi-2016-06-26): the opening clauses, which may hold figures (我们要以共同庆祝条约签署15周年为契机，…);
- ≥ 3 points whose short leads put a varying head before a shared frame (——化解分歧，关键要加强对话。——破解难题，
  关键要加快发展。, xi-2016-01-22);
- ≥ 3 points of one sentence between semicolons, each a four-character head and its aim (坚定信念，树立公共精神；
  勤学善思，增强专业本领；…: `semicolon_point_hits`; 14p12c).

Not a frame: a report's list of achievements (——经济持续健康发展。——人民民主不断扩大。; 第一，贫困地区基本生产生活
条件明显改善。…: a subject and how it changed, `_ACHIEVEMENT_RE`), points whose leads are long statements or hold
figures, and dashes before a line of a title page (——2024年3月5日在…).
"""

from __future__ import annotations

import re
from collections import defaultdict

from app.core.formulas.opener_frames import sentence_marks
from app.core.formulas.patterns import HAN, PatternHit
from app.core.formulas.sibling_frames import _DISCOURSE_HEADS, _MIN_MEMBERS

_ORDINALS = "一二三四五六七八九十"
_LEAD_END_RE = re.compile(r"[。！？!?\n；;]")
#: A lead a point frame may mark: Han characters, quote marks, list commas and at most two commas (——面对疫情，
#: 中非双方更加团结，友好互信更加巩固; a refrain before each lead is part of the member, 14p11).
_LEAD_RE = re.compile(rf"[{HAN}“”、]+(?:，[{HAN}“”、]+){{0,2}}")
_MAX_LEAD = 30
#: Two balanced clauses: a verb–object head of 3–8 characters and its aim (加强抗疫合作，构建卫生健康共同体).
_TWO_CLAUSES_RE = re.compile(rf"[{HAN}“”]{{3,12}}，[{HAN}“”、]{{5,22}}")
#: A 4+4 motto (聚焦主题、紧扣主线; 以上率下、示范带动).
_MOTTO_RE = re.compile(rf"[{HAN}]{{4}}、[{HAN}]{{4}}")
_SHORT_LEAD_RE = re.compile(rf"[{HAN}]{{4,8}}")
#: Statements of how something changed (明显改善, 不断扩大, 显著增强): a report's results, not a programme.
#: A modal before the adverb makes the lead a pledge (中国将不断激发增长动力…; 我们将持续深化改革; 我们要坚持民生
#: 优先，推进全球可持续发展): a programme, not a result (14a12).
_ACHIEVEMENT_RE = re.compile(r"^(?:(?!要|将|应|必须|愿).)*?(?:明显|显著|不断|持续|大幅|稳步|逐步)")
#: Points of one run lie close together: at most this many characters from one lead's start to the next.
_MAX_GAP = 1500
#: A long point's opening clause, up to its first comma (我们坚持党对科技事业的领导，健全…).
_CLAUSE_RE = re.compile(rf"[{HAN}“”、0-9]{{5,24}}(?=，)")
#: A short head clause before a long point's opening clause (政治上，; 面向未来，): the opening clause after it
#: carries the shared opener.
_HEAD_RE = re.compile(rf"[{HAN}]{{2,4}}，")
#: Characters the opening clauses of a run must share: a subject and its verb or modal (我们坚持…, 我们要…).
_CLAUSE_OPENER = 3
#: A shared subject alone (双方都把对方…, 双方建立起…, 双方基于…) makes a frame of ≥ this many points (14p12c).
_SUBJECT_OPENER = 2
_SUBJECT_MEMBERS = 4


def _lead_end(text: str, start: int) -> int:
    """Where the lead sentence that starts at `start` ends, when a point frame may mark it; −1 otherwise (a
    heading line, a long statement, one holding figures or other marks)."""
    end = _LEAD_END_RE.search(text, start, start + _MAX_LEAD + 1)
    if end is None or end.group() == "\n" or not _LEAD_RE.fullmatch(text, start, end.start()):
        return -1
    return end.start()


def _points(text: str, marks: list[tuple[int, str]]) -> dict[str, list[tuple[int, int]]]:
    """The text's points by kind (第: 第一，…; 是: 一是…; —: a dash alone) as (start of the lead, number)."""
    points: dict[str, list[tuple[int, int]]] = {"第": [], "是": [], "—": []}
    for start, mark in marks:
        ordinal = mark.lstrip("—―")
        if not ordinal:
            points["—"].append((start, 0))
        elif len(ordinal) == 3 and ordinal[0] == "第" and ordinal[2] in "，," and ordinal[1] in _ORDINALS:
            points["第"].append((start, _ORDINALS.index(ordinal[1]) + 1))
        elif len(ordinal) == 2 and ordinal[1] == "是" and ordinal[0] in _ORDINALS:
            points["是"].append((start, _ORDINALS.index(ordinal[0]) + 1))
    numbered = points["第"]
    # 我建议：第一，… (a colon, no sentence end, before the first point)
    for k in range(len(numbered) - 1, -1, -1):
        start, number = numbered[k]
        if number == 2 and (k == 0 or numbered[k - 1][1] != 1):
            at = text.rfind("第一，", max(0, start - _MAX_GAP), start)
            if at > 0 and text[at - 1] in "：:":
                numbered.insert(k, (at + 3, 1))
    return points


def _runs(points: list[tuple[int, int]], numbered: bool) -> list[list[int]]:
    """The starts of ≥ 3 points in a row (numbered ones counting up by one), each near the one before."""
    runs: list[list[tuple[int, int]]] = []
    for point in points:
        if runs:
            last = runs[-1][-1]
            if point[0] - last[0] <= _MAX_GAP and (not numbered or point[1] == last[1] + 1):
                runs[-1].append(point)
                continue
        runs.append([point])
    return [[start for start, _n in run] for run in runs if len(run) >= _MIN_MEMBERS]


def _members(
    text: str, run: list[int], shapes: tuple[re.Pattern[str], ...], heads: bool
) -> set[tuple[int, int]]:
    """The leads of a run that make a frame: leads of one of `shapes` (balanced clauses, 4+4 mottos) and, with
    `heads`, leads that share their head with two others, when ≥ 3 leads of the run have that shape."""
    leads = [(s, e) for s in run if (e := _lead_end(text, s)) > 0 and not _ACHIEVEMENT_RE.match(text[s:e])]
    members: set[tuple[int, int]] = set()
    for shape in shapes:
        shaped = [(s, e) for s, e in leads if shape.fullmatch(text, s, e)]
        if len(shaped) >= _MIN_MEMBERS:
            members.update(shaped)
    if heads:
        by_size: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
        for s, e in leads:
            if _SHORT_LEAD_RE.fullmatch(text, s, e):
                by_size[e - s].append((s, e))
        for group in by_size.values():
            if len(group) >= _MIN_MEMBERS:
                members.update(group)
        by_head: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for s, e in leads:
            by_head[text[s : s + 2]].append((s, e))
        for head, group in by_head.items():
            if len(group) >= _MIN_MEMBERS and head not in _DISCOURSE_HEADS and "“" not in head:
                members.update(group)
        members.update(_framed_leads(text, leads))
        led = {s for s, _e in leads}
        members.update(_clause_members(text, [s for s in run if s not in led], _TWO_CLAUSES_RE not in shapes))
        if (
            _TWO_CLAUSES_RE in shapes
        ):  # (points whose lead is no member yet, a long one or one of three clauses)
            taken = {s for s, _e in members}
            members.update(_two_clause_openings(text, [s for s in run if s not in taken]))
    return members


def _framed_leads(text: str, leads: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Leads of a varying short head and a shared frame after it, when ≥ 3 different ones share the frame's
    first `_CLAUSE_OPENER` characters: ——化解分歧，关键要加强对话。——破解难题，关键要加快发展。——道路选择，
    关键要符合国情。 (14p12c)."""
    by_frame: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    for s, e in leads:
        if (head := _HEAD_RE.match(text, s, e)) and e - head.end() > _CLAUSE_OPENER:
            by_frame[text[head.end() : head.end() + _CLAUSE_OPENER]].append((s, e))
    return {
        member
        for frame, group in by_frame.items()
        if len({text[s:e] for s, e in group}) >= _MIN_MEMBERS and frame[:2] not in _DISCOURSE_HEADS
        for member in group
    }


#: A long numbered point's opening two clauses in the shape of a two-clause lead (`_TWO_CLAUSES_RE`), before a
#: third clause: 第一，加快全球网络基础设施建设，促进互联互通，让更多发展中国家…。
_TWO_CLAUSE_OPENING_RE = re.compile(rf"[{HAN}“”]{{3,12}}，[{HAN}“”、]{{5,22}}(?=，)")


def _two_clause_openings(text: str, starts: list[int]) -> set[tuple[int, int]]:
    """The opening two clauses of long numbered points, when ≥ 3 points of the run open so (14p11): the lead of
    a point that runs on (第一，坚持“川渝一盘棋”，打造“一极一源”，…。第二，坚持底线思维，加快打造…，…。)."""
    openings = [m.span() for s in starts if (m := _TWO_CLAUSE_OPENING_RE.match(text, s))]
    openings = [(s, e) for s, e in openings if not _ACHIEVEMENT_RE.match(text[s:e])]
    return set(openings) if len(openings) >= _MIN_MEMBERS else set()


def _clause_members(text: str, starts: list[int], subjects: bool) -> set[tuple[int, int]]:
    """The opening clauses of long points (each up to its first comma) when ≥ 3 different ones open with the
    same `_CLAUSE_OPENER` characters: ——我们坚持党对科技事业的领导，… ——我们坚持建设世界科技强国的奋斗目标，…;
    ——我们要提倡创新、协调、绿色、开放、共享的发展观，… ——我们要树立平等、互鉴、对话、包容的文明观，…
    (one clause repeated before each point, ——在新的起点上，…, is a refrain, not members). A short head clause
    before the opening clause may vary and belongs to the member: ——政治上，中拉要坚持真诚友好，… ——经济上，中拉要
    抓住…，… ——人文上，中拉要加强文明对话和文化交流，… (14a12). With `subjects` (dashed points, whose long
    numbered kin open with two balanced clauses instead), a shared subject alone makes ≥ `_SUBJECT_MEMBERS`
    clauses members: ——双方都把对方作为本国外交优先方向，… ——双方建立起完备的高层交往机制，… ——双方基于共赢
    原则开展互利互惠经济合作，… ——双方人文交流蓬勃开展，… (14p12c)."""
    by_opener: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    by_subject: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in starts:
        head = _HEAD_RE.match(text, s)
        at = head.end() if head else s
        if (clause := _CLAUSE_RE.match(text, at)) and not _ACHIEVEMENT_RE.match(clause.group()):
            by_opener[text[at : at + _CLAUSE_OPENER]].append((s, clause.end()))
            if subjects:
                by_subject[text[at : at + _SUBJECT_OPENER]].append((s, clause.end()))
    return {
        member
        for groups, least in ((by_opener, _MIN_MEMBERS), (by_subject, _SUBJECT_MEMBERS))
        for opener, group in groups.items()
        if len({text[s:e] for s, e in group}) >= least
        and opener[:2] not in _DISCOURSE_HEADS
        and "“" not in opener
        for member in group
    }


def point_lead_hits(text: str, marks: list[tuple[int, str]] | None = None) -> list[PatternHit]:
    """Lead sentences of ≥ 3 numbered or dashed points that make one frame: one hit per member.

    `marks` are the text's `opener_frames.sentence_marks`, when the caller has them already."""
    points = _points(text, sentence_marks(text) if marks is None else marks)
    hits = []
    for kind, shapes, heads in (
        ("第", (_TWO_CLAUSES_RE, _MOTTO_RE), True),
        ("是", (_MOTTO_RE,), False),
        ("—", (), True),
    ):
        for run in _runs(points[kind], kind != "—"):
            for s, e in sorted(_members(text, run, shapes, heads)):
                hits.append(PatternHit(s, e, text[s:e], "parallel"))
    return hits


#: A point of a semicolon series: a four-character head and its aim of four to six (勤学善思，增强专业本领).
_SEMICOLON_POINT_RE = re.compile(rf"[{HAN}]{{4}}，[{HAN}]{{4,7}}")
_POINT_END = "；;。！!\n"
_SEMICOLONS_RE = re.compile(r"[；;]")


def _point_before(text: str, semicolon: int) -> int:
    """Where the semicolon point that ends at `semicolon` starts; −1 when none does."""
    for size in range(9, 13):
        start = semicolon - size
        if start >= 0 and _SEMICOLON_POINT_RE.fullmatch(text, start, semicolon):
            return start
    return -1


def semicolon_point_hits(text: str) -> list[PatternHit]:
    """Points of one sentence in the shape of a two-clause lead, ≥ 3 between semicolons: 她希望公管学子们坚定信念，
    树立公共精神；勤学善思，增强专业本领；实践笃行，提升应用能力； (a speech's wishes to its audience, 14p12c). One
    hit per point. The points are short and balanced (a four-character head, an aim of four to seven): longer
    clauses between semicolons are a report's sentences."""
    runs: list[list[tuple[int, int]]] = []
    for m in _SEMICOLONS_RE.finditer(text):
        semicolon = m.start()
        after = _SEMICOLON_POINT_RE.match(text, semicolon + 1)
        if after is None or after.end() >= len(text) or text[after.end()] not in _POINT_END:
            continue
        if runs and runs[-1][-1][1] == semicolon:
            runs[-1].append(after.span())
        elif (start := _point_before(text, semicolon)) >= 0:
            runs.append([(start, semicolon), after.span()])
    hits = []
    for run in runs:
        if len(run) >= _MIN_MEMBERS and len({text[s:e] for s, e in run}) == len(run):
            hits += [PatternHit(s, e, text[s:e], "parallel") for s, e in run]
    return hits
