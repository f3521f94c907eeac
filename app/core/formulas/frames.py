"""Rules for formula shapes the lexicon cannot list: meeting and document references, and frames with a
variable slot (research R2–R4, hand-annotated set in tests/data/formulas).

- References: a party congress (党的二十大, 中国共产党第二十次全国代表大会, 十九大), a plenum (十九届六中全会,
  党的十九届五中全会精神), a people's congress session (十四届全国人大一次会议, 海拉尔区第十五届人民代表大会第
  二次会议), a central work conference, a five-year-plan label (“十四五”规划) and a cited party or state
  document (《中共中央关于…的决议》). They are endless in number (every year has new ones) and perfectly
  regular, so they are found by shape.
- Frames: three or more clauses that repeat a fixed head (务必…，务必…，务必…; 对照…，对照…), or equal-length
  items with a fixed character at the same place (疫情要防住、经济要稳住、发展要安全; 稳增长稳就业稳物价). The
  existing enumeration rule only sees shared prefixes and suffixes of 、-lists.

Each function returns `PatternHit`s in original offsets, like the rules in `patterns`.
"""

from __future__ import annotations

import re

from app.core.formulas.patterns import HAN, PatternHit, _trim_items

_CN = "一二三四五六七八九十"
_ORD = f"[{_CN}]{{1,3}}"
#: Words after a meeting's name that belong to the reference as it is cited (党的二十大精神).
_MEETING_TAIL = "(?:精神|报告|公报|决议|决定)?"
_PLENUMS = rf"(?:{_ORD}中、)*{_ORD}中全会"
_CONGRESS = (
    rf"(?:中国共产党|中共)第{_ORD}次全国代表大会"
    rf"|(?:党的|中共)第?{_ORD}大"
    rf"|(?<![{_CN}第])(?:二十[{_CN[:-1]}]?|十[{_CN[:-1]}])大(?![会学家局型批量力事])"
)
_PLENUM = (
    rf"(?:中国共产党)?第{_ORD}届中央委员会第{_ORD}次全体会议"
    rf"|(?:党的|中共)?(?:第?{_ORD}届)?{_PLENUMS}"
)
_PEOPLES_CONGRESS = (
    rf"(?:[{HAN}]{{1,6}}?[省市区县州旗盟])?第{_ORD}届(?:全国)?人民代表大会(?:常务委员会)?第{_ORD}次会议"
    rf"|第?{_ORD}届全国人大(?:常委会)?(?:第?{_ORD}次会议)?"
)
_CONFERENCE = (
    r"中央(?:经济|农村|城市|金融|外事|民族|统战|宣传思想|网络安全和信息化|人才|机构编制)工作会议"
    r"|全国(?:教育|科技|卫生与健康|组织工作|宣传思想工作|生态环境保护)大会|全国两会"
)
_REFERENCE_RE = re.compile(
    rf"(?:{_CONGRESS}|{_PLENUM})(?:和(?:{_PLENUM}|{_ORD}届{_PLENUMS}))?{_MEETING_TAIL}"
    rf"|(?:{_PEOPLES_CONGRESS}|{_CONFERENCE}){_MEETING_TAIL}"
)
#: Five-year plans: “十四五”规划(和二〇三五年远景目标), “十二五”时期; an unquoted 十四五 needs the word after it.
_PLAN_RE = re.compile(
    rf"[“\"]十[{_CN[:-1]}]五[”\"](?:规划(?:和二〇三五年远景目标)?(?:纲要)?|时期|期间)?"
    rf"|(?<![{_CN}])十[{_CN[:-1]}]五(?:规划(?:和二〇三五年远景目标)?(?:纲要)?|时期|期间)"
)
#: A cited document: a 《》 title that names an official kind of document (not a book or a song).
_DOCUMENT_RE = re.compile(
    r"《[^《》\n]{0,60}?(?:中共中央|国务院|关于|决议|决定|意见|规划|纲要|条例|建议|通知|宪法|章程|法)"
    r"[^《》\n]{0,60}》"
)


_NOT_PLACE_START = frozenset("在于从对向和与及的了是为将把")


def reference_hits(text: str) -> list[PatternHit]:
    """Meetings, plan labels and official documents cited by name."""
    hits = []
    for rx in (_REFERENCE_RE, _PLAN_RE, _DOCUMENT_RE):
        for m in rx.finditer(text):
            start = m.start()
            while text[start] in _NOT_PLACE_START:  # 在海拉尔区第十五届…: the place starts after 在
                start += 1
            hits.append(PatternHit(start, m.end(), text[start : m.end()], "reference"))
    return hits


#: Member separators, by level: clauses, then list items (a frame never runs over a sentence end).
_LEVELS = ("，,；;", "、﹑")
_SENTENCE_RE = re.compile(r"[^。！？!?\n：:]+")
#: Heads too common to make a frame by themselves (坚持…，坚持… is a list of tasks, not a 排比).
_WEAK_HEADS = frozenset(("坚持", "加强", "推进", "推动", "提高", "完善", "深化", "实施", "加快", "建设", "开展"))
_MAX_MEMBER = 40
_MIN_MEMBERS = 3
_HAN_RE = re.compile(rf"[{HAN}]+")
_MEMBER_RE = re.compile(rf"[{HAN}“”‘’、]+")

Member = tuple[int, int, str]


def _members(text: str, start: int, end: int, separators: str) -> list[Member]:
    """The stretches of text[start:end] between separators of one level, as (start, end, text)."""
    out = []
    pos = start
    for m in re.finditer(f"[{separators}]", text[start:end]):
        out.append((pos, start + m.start(), text[pos : start + m.start()]))
        pos = start + m.end()
    out.append((pos, end, text[pos:end]))
    return [m for m in out if m[2]]


def _head_runs(members: list[Member]) -> list[list[Member]]:
    """Consecutive members (≥ 3) that start with the same two Han characters (务必…/对照…/更加…); the
    first may carry words before the head (全党同志务必…)."""
    runs: list[list[Member]] = []
    i = 0
    while i + 1 < len(members):
        head = members[i + 1][2][:2]
        cut = members[i][2].rfind(head)
        j = i + 2
        while j < len(members) and members[j][2][:2] == head and len(members[j][2]) <= _MAX_MEMBER:
            j += 1
        first = (members[i][0] + cut, members[i][1], members[i][2][cut:])
        run = [first, *members[i + 1 : j]]
        if (
            cut >= 0
            and len(run) >= _MIN_MEMBERS
            and head not in _WEAK_HEADS
            and _HAN_RE.fullmatch(head)
            and all(len(m[2]) <= _MAX_MEMBER and _MEMBER_RE.fullmatch(m[2]) for m in run)
        ):
            runs.append(run)
            i = j
        else:
            i += 1
    return runs


def _slot_runs(members: list[Member]) -> list[list[Member]]:
    """Consecutive list items (≥ 3) of 3–8 characters with one fixed character at the same inner place
    (疫情要防住、经济要稳住、发展要安全); the first item may carry the governing verb, the last a tail."""
    runs: list[list[Member]] = []
    texts = [m[2] for m in members]
    for i in range(len(members) - _MIN_MEMBERS + 1):
        for j in range(len(members), i + _MIN_MEMBERS - 1, -1):
            items = _trim_items(texts[i:j])
            if not items or not all(_HAN_RE.fullmatch(t) for t in items):
                continue
            size = len(items[0])
            if not 3 <= size <= 8 or any(len(t) != size for t in items) or len(set(items)) < len(items):
                continue
            if any(len({t[k] for t in items}) == 1 for k in range(1, size - 1)):
                first = (members[i][1] - size, members[i][1], items[0])
                last = (members[j - 1][0], members[j - 1][0] + size, items[-1])
                runs.append([first, *members[i + 1 : j - 1], last])
                break
    return _outermost(runs)


def _outermost(runs: list[list[Member]]) -> list[list[Member]]:
    kept: list[list[Member]] = []
    for run in sorted(runs, key=lambda r: (r[0][0], -r[-1][1])):
        if not kept or run[0][0] >= kept[-1][-1][1]:
            kept.append(run)
    return kept


#: Three or more X+slot units written without separators: 稳增长稳就业稳物价, 保就业保民生保市场主体.
_REPEAT_RE = re.compile(rf"([{HAN}])(?P<a>[{HAN}]{{2}})\1(?P<b>[{HAN}]{{2}})\1(?P<c>[{HAN}]{{2}})")
_REPEAT_HEADS = frozenset("稳保促调防抓强补扩优提降")


def frame_hits(text: str) -> list[PatternHit]:
    """Frames with a variable slot: repeated heads, a fixed inner character, unseparated repeats."""
    hits = []
    for sentence in _SENTENCE_RE.finditer(text):
        clauses = _members(text, sentence.start(), sentence.end(), _LEVELS[0])
        runs = _head_runs(clauses)
        items = [m for c in clauses for m in _members(text, c[0], c[1], _LEVELS[1])]
        runs += _head_runs(items) + _slot_runs(items)
        for run in _outermost(runs):
            start, end = run[0][0], run[-1][1]
            hits.append(PatternHit(start, end, text[start:end], "parallel"))
    for m in _REPEAT_RE.finditer(text):
        if m.group(1) in _REPEAT_HEADS and len({m.group("a"), m.group("b"), m.group("c")}) == 3:
            hits.append(PatternHit(m.start(), m.end(), m.group(0), "parallel"))
    return hits
