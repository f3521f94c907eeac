"""Meetings, plans and documents cited by name (research R2, hand-annotated set in tests/data/formulas): a party
congress (党的二十大, 中国共产党第二十次全国代表大会, 十九大), a plenum (十九届六中全会, 党的十九届五中全会精神), a people's
congress session (十四届全国人大一次会议, 海拉尔区第十五届人民代表大会第二次会议), a central work conference, a
five-year-plan label (“十四五”规划) and a cited party or state document (《中共中央关于…的决议》). They are endless in
number (every year has new ones) and perfectly regular, so they are found by shape.

`reference_hits` returns `PatternHit`s in original offsets, like the rules in `patterns`.
"""

from __future__ import annotations

import re

from app.core.formulas.patterns import HAN, PatternHit
from app.core.formulas.regex_scan import finditer

_CN = "一二三四五六七八九十"
_ORD = f"[{_CN}]{{1,3}}"
#: Words after a meeting's name that belong to the reference as it is cited (党的二十大精神).
_MEETING_TAIL = "(?:精神|报告|公报|决议|决定)?"
_PLENUMS = rf"(?:{_ORD}中、)*{_ORD}中全会"
_CONGRESS = (
    rf"(?:中国共产党|中共|党的)第{_ORD}次全国代表大会"
    rf"|(?:党的|中共)第?{_ORD}大"
    rf"|(?<![{_CN}第])(?:二十[{_CN[:-1]}]?|十[{_CN[:-1]}])大(?![会学家局型批量力事])"
)
_PLENUM = (
    rf"(?:中国共产党)?第{_ORD}届中央委员会第{_ORD}次全体会议"
    rf"|(?:党的|中共)?(?:第?{_ORD}届)?{_PLENUMS}"
    rf"|(?:党的|中共)?第?{_ORD}届历次全会"
)
_PEOPLES_CONGRESS = (
    rf"第{_ORD}届(?:全国)?人民代表大会(?:常务委员会)?第{_ORD}次会议"
    rf"|第?{_ORD}届全国人大(?:常委会)?(?:第?{_ORD}次会议)?"
)
_CONFERENCE = (
    r"中央(?:经济|农村|城市|金融|外事|民族|统战|宣传思想|网络安全和信息化|人才|机构编制)工作会议"
    r"|全国(?:教育|科技|卫生与健康|组织工作|宣传思想工作|生态环境保护)大会|全国两会"
)
#: Every reference holds one of these; the full expressions run only in a window around each. Plain
#: substring search (memchr speed) finds them; 大 is kept only after a numeral (二十大, 中共一大).
_ANCHORS = ("中全会", "历次全会", "届中央委员会", "人民代表大会", "全国人大", "工作会议", "大会", "两会")
_REACH = 40
#: Every reference starts with one of these characters; the lookahead makes the ~80 other start positions of
#: an anchor's window fail at once instead of trying each alternative (half the rule's time).
_REFERENCE_RE = re.compile(
    rf"(?=[中党第全{_CN}])"
    rf"(?:(?:{_CONGRESS}|{_PLENUM})(?:和(?:{_PLENUM}|{_ORD}届(?:{_PLENUMS}|历次全会)))?{_MEETING_TAIL}"
    rf"|(?:{_PEOPLES_CONGRESS}|{_CONFERENCE}){_MEETING_TAIL})"
)
#: A local people's congress is cited with its place: 海拉尔区第十五届人民代表大会….
_PLACE_RE = re.compile(rf"[{HAN}]{{2,8}}[省市区县州旗盟]$")
#: Five-year plans: “十四五”规划(和二〇三五年远景目标), “十二五”时期; an unquoted 十四五 needs the word after it.
_PLAN_RE = re.compile(
    rf"十[{_CN[:-1]}]五(?P<quote>[”\"])?(?P<tail>规划(?:和二〇三五年远景目标)?(?:纲要)?|时期|期间)?"
)
#: Plans before the 十一五 are cited by a quoted one-character number: “六五”计划, “八五”期间, “十五”时期.
_OLD_PLAN_RE = re.compile(r"[“\"](?:十|[一二三四五六七八九])五[”\"](?:计划|规划|时期|期间)?")
#: The government work report cited by its name (…批准的政府工作报告安排); not the title line of one, and
#: not the report announcing itself (向大会作政府工作报告，请予审议 — the GUIDE's 请予审议的本报告).
_GWR = "政府工作报告"
_TITLE_END_RE = re.compile(r"[ \t\u3000]*(?:\n|$)")


def _work_report_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    at = text.find(_GWR)
    while at >= 0:  # a plain substring search: the name is rare, a regex would try every position
        end = at + len(_GWR)
        title = (at == 0 or text[at - 1] == "\n") and _TITLE_END_RE.match(text, end) is not None
        if not title and (at == 0 or text[at - 1] != "作"):
            spans.append((at, end))
        at = text.find(_GWR, end)
    return spans


#: The party's history resolutions are cited by number (第三个历史决议).
_RESOLUTION_RE = re.compile(r"第[一二三]个历史决议")
#: A cited document: a 《》 title that names an official kind of document (not a book or a song).
_DOCUMENT_RE = re.compile(
    r"《\s*[^《》\n]{0,60}?(?:中共中央|国务院|关于|决议|决定|意见|规划|纲要|条例|建议|通知|宪法|章程|法)"
    r"[^《》\n]{0,60}?\s*》"
)
#: Party regulations cited without 《》 (贯彻执行党组工作条例; 、地方党委工作条例; 新形势下党内政治生活若干准则): the name
#: starts after a clause mark, 了/和/及 or a verb of compliance, not with a determiner (一些|有关|各项), and ends in
#: one of these words.
_REGULATION_ENDS = ("工作条例", "机关条例", "若干准则")
_REGULATION_RE = re.compile(
    rf"(?:(?<=[、，。；：“\n了和及])|(?<=执行)|(?<=贯彻)|(?<=落实)|(?<=修订)|(?<=制定)|(?<=出台)|(?<=颁布)|(?<=印发)"
    rf"|(?<=遵守)|(?<=学习))(?![了的在对和与及是把一这那各有相该本其])(?:(?!了)[{HAN}]){{2,10}}?(?:{'|'.join(_REGULATION_ENDS)})"
)
#: Sessions of a local or national body cited by term and session (全国政协十四届一次会议, 区委十五届四次全会).
_SESSION_ANCHORS = ("次会议", "次全会", "次全体会议")
_SESSION_RE = re.compile(
    rf"(?:全国政协|全国人大|[省市区县州旗盟](?:委|人大|政协)|(?<![第{_CN}])){_ORD}届{_ORD}次(?:全体会议|会议|全会)"
)


_NOT_PLACE = "在于从对向和与及的了是为将把我本全各年月日号"


def _anchor_positions(text: str) -> list[int]:
    found = []
    for anchor in _ANCHORS:
        at = text.find(anchor)
        while at >= 0:
            found.append(at)
            at = text.find(anchor, at + 1)
    # 大 only after a numeral (二十大): the expression starts with 大 (a literal search, ~21 k over the corpus) and
    # looks at the character before in C; a `[一…十]大` scan would test every character against the class
    found += [m.start() - 1 for m in _NUMERAL_BIG_RE.finditer(text, 1)]
    return sorted(found)


_NUMERAL_BIG_RE = re.compile(f"大(?<=[{_CN}]大)")


def _anchored(
    text: str, anchors: tuple[str, ...], rx: re.Pattern[str], reach: int, *, widest: bool
) -> list[tuple[int, int]]:
    """Spans of `rx` ending at an occurrence of one of `anchors` (plain substring search finds them): the
    widest such span, or (widest=False) the narrowest — 贯彻执行|党组工作条例 starts at the last boundary."""
    spans = []
    for anchor in anchors:
        at = text.find(anchor)
        while at >= 0:
            end = at + len(anchor)
            starts = range(max(0, at - reach), at) if widest else range(at - 1, max(0, at - reach) - 1, -1)
            for start in starts:
                if rx.fullmatch(text, start, end) is not None:
                    spans.append((start, end))
                    break
            at = text.find(anchor, end)
    return spans


def _nested_spans(spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that lie inside another, different span: one sweep over the spans sorted by start, the
    longer first at one start (any span containing this one came before it and reaches at least as far)."""
    inner = set()
    reach = -1
    for span in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if span[1] <= reach:
            inner.add(span)
        reach = max(reach, span[1])
    return inner


def reference_hits(text: str) -> list[PatternHit]:
    """Meetings, plan labels and official documents cited by name."""
    spans = [m.span() for rx in (_DOCUMENT_RE, _RESOLUTION_RE) for m in rx.finditer(text)]
    spans += _work_report_spans(text)
    spans += _anchored(text, _REGULATION_ENDS, _REGULATION_RE, 12, widest=False)
    spans += _anchored(text, _SESSION_ANCHORS, _SESSION_RE, 12, widest=True)
    for m in _PLAN_RE.finditer(text):
        before = text[m.start() - 1] if m.start() else "\n"
        if before in _CN:
            continue  # 二十五, 一百十五
        if m.group("quote") and before in '“"':
            spans.append((m.start() - 1, m.end()))
        elif m.group("tail") and not m.group("quote"):
            spans.append(m.span())
    spans += [m.span() for m in finditer(_OLD_PLAN_RE, text)]
    done = -1
    for at in _anchor_positions(text):
        if at < done:
            continue
        m = _REFERENCE_RE.search(text, max(0, at - _REACH), at + _REACH)
        while m is not None and m.end() <= at:
            m = _REFERENCE_RE.search(text, m.end(), at + _REACH)
        if m is not None and m.start() <= at:
            spans.append(m.span())
            done = m.end()
    # a reference inside another (党的第二十次全国代表大会 in a 《关于召开…的决议》) is part of it
    inner = _nested_spans(spans)
    outer = [span for span in spans if span not in inner] if inner else spans
    hits = []
    for start, end in outer:
        if text.startswith("人民代表大会", text.find("届", start, end) + 1):
            place = _PLACE_RE.search(text, max(0, start - 9), start)
            if place is not None:
                # 日在海拉尔区第十五届…: the place starts after the last word that cannot be part of it
                cut = max(place.start(), *(text.rfind(ch, place.start(), start) + 1 for ch in _NOT_PLACE))
                start = cut if start - cut >= 2 else start
        hits.append(PatternHit(start, end, text[start:end], "reference"))
    return hits
