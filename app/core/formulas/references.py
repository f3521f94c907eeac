"""Meetings, plans and documents cited by name (research R2, hand-annotated set in tests/data/formulas): a party
congress (党的二十大, 中国共产党第二十次全国代表大会, 十九大), a plenum (十九届六中全会, 党的十九届五中全会精神), a people's
congress or party congress session (十四届全国人大一次会议, 五届人大二次会议, 自治区第十次党代会), a commission's numbered
session, a meeting named by its field (中央经济工作会议, 全国计划会议, 文艺工作座谈会) or anniversary (庆祝…周年大会), a
five-year plan (“十四五”规划, 第六个五年计划期间), a law (中华人民共和国宪法, 企业所得税法草案) and a cited party or state
document (《中共中央关于…的决议》, 关于…的决定). They are endless in number (every year has new ones) and perfectly
regular, so they are found by shape — not the meeting a speech is given at, nor a document's own title (GUIDE).

`reference_hits` returns `PatternHit`s in original offsets, like the rules in `patterns`.
"""

from __future__ import annotations

import re

from app.core.formulas.patterns import HAN, PatternHit
from app.core.formulas.regex_scan import finditer

_CN = "一二三四五六七八九十"
_ORD = f"[{_CN}]{{1,3}}"
#: Words after a meeting's name that belong to the reference as it is cited (党的二十大精神).
_MEETING_TAIL = "(?:精神|报告|公报|决议|决定|党章修正案)?"
_PLENUMS = rf"(?:{_ORD}中、)*{_ORD}中全会"
_CONGRESS = (
    rf"(?:中国共产党|中共|党的)第{_ORD}次全国代表大会"
    # (a congress's site is a place: 走进中共五大会址纪念馆)
    rf"|(?:党的|中共)第?{_ORD}大(?!会址|旧址|纪念)"
    # (not another body's congress: 全国学联二十七大, 团十八大)
    rf"|(?<![{_CN}第联团])(?:二十[{_CN[:-1]}]?|十[{_CN[:-1]}])大(?![会学家局型批量力事])"
    # a one-character number (九大, 十大 — also 十大关系) is a congress only before words of time: 十大以来, 九大开幕
    rf"|(?<![{_CN}第])[{_CN}]大(?=以来|以后|之后|召开|闭幕|开幕)"
)
_PLENUM = (
    rf"(?:中国共产党)?第{_ORD}届中央委员会第{_ORD}次全体会议"
    rf"|(?:党的|中共)?(?:第?{_ORD}届)?{_PLENUMS}"
    rf"|(?:党的|中共)?第?{_ORD}届历次全会"
)
_PEOPLES_CONGRESS = (
    rf"第{_ORD}届(?:全国)?人民代表大会(?:常务委员会)?第{_ORD}次会议"
    rf"|第?{_ORD}届(?:全国)?人大(?:常委会)?(?:第?{_ORD}次(?:全体)?会议)?"  # 八届全国人大四次会议, 五届人大二次会议
    rf"|(?:全国)?人大常委会第{_ORD}次(?:全体)?会议"  # (without the term: 向人大常委会第十四次会议作了报告)
    rf"|第{_ORD}次党代会"  # 自治区第十次党代会 (the place is added below)
)
#: A word of a meeting's field (经济, 卫生与健康, 计划): Han characters but function words, verbs that convene or
#: attend a meeting (召开的全国金融工作会议, 出席会议, 主持会议) and bodies that are no meeting by themselves
#: (全国人民代表大会, 中央政治局会议) or numbered sessions (全国政协十四届一次会议: the ordinal rules' own); no 会议
#: or 会和 inside (a field word never runs over one meeting into the next: 全国科学大会和全国教育大会 are two).
_FIELD = rf"(?:(?!委员|政治局|代表|人民|出席|主持|举行|参加|会议|会[和与及、]|[{_CN}届次的了在是把将从向对召为等各这此该性上下])[{HAN}])"
#: Central, national and army-wide meetings named by their field: 中央经济工作会议, 全国教育大会, 全国卫生与健康大会,
#: 全国计划会议, 全军政治工作会议, 中央工作会议 — one shape, not a list of the ones met so far. (The field word is
#: the longest there is: 中央军委扩大会议, not 中央军委扩|大会; a numbered one keeps its number: 第二次中央新疆工作座谈会.)
_CONFERENCE = rf"(?P<field>(?:第{_ORD}次)?(?:中央|全国|全军){_FIELD}{{1,12}}(?:会议|大会|座谈会))|全国两会"
#: Every reference holds an anchor; the full expressions run only in a window around each. The anchors: the 会
#: of 全会 (中全会, 历次全会), 代会 (党代会), 大会 (人民代表大会), 谈会 (座谈会), 两会, and of 会议 after a Han character
#: (…工作会议, 第…次全体会议; not 会议认为 opening a sentence of a communiqué); and 人 or a numeral before 大 (全国人大,
#: 五届人大, 二十大, 中共一大). Two expressions that start with one literal character find them all (`re` skips
#: to that character at memchr speed and looks around it in C): one pass over the text for each, where a plain
#: substring search per anchor word took one pass per word.
_HUI_BEFORE = "全代大谈两"
_HUI_RE = re.compile(f"会(?:(?<=[{_HUI_BEFORE}]会)|(?=议)(?<=[{HAN}]会))")
_DA_RE = re.compile(f"大(?<=[{_CN}人]大)")
_REACH = 40
#: Every reference starts with one of these characters; the lookahead makes the ~80 other start positions of
#: an anchor's window fail at once instead of trying each alternative (half the rule's time).
_REFERENCE_RE = re.compile(
    rf"(?=[中党第全人{_CN}])"
    rf"(?:(?:{_CONGRESS}|{_PLENUM})(?:和(?:{_PLENUM}|{_ORD}届(?:{_PLENUMS}|历次全会)))?{_MEETING_TAIL}"
    rf"|(?:{_PEOPLES_CONGRESS}|{_CONFERENCE}){_MEETING_TAIL})"
)
#: A local people's congress is cited with its place: 海拉尔区第十五届人民代表大会….
_PLACE_RE = re.compile(rf"[{HAN}]{{2,8}}[省市区县州旗盟]$")
#: Meetings of a local body that are cited with their place (第十五届人民代表大会, 第四次党代会).
_LOCAL_BODIES = ("人民代表大会", "党代会")
#: Five-year plans: “十四五”规划(和二〇三五年远景目标), “十二五”时期; an unquoted 十四五 needs the word after it.
_PLAN_RE = re.compile(
    rf"十[{_CN[:-1]}]五(?P<quote>[”\"])?(?P<tail>规划(?:和二〇三五年远景目标)?(?:纲要)?|时期|期间)?"
)
#: Five-year plans by their full name: (国民经济和社会发展)第六个五年计划(期间), 第十三个五年规划纲要.
_FIVE_YEAR = "个五年"
_FULL_PLAN_RE = re.compile(
    rf"(?:国民经济和社会发展)?第{_ORD}{_FIVE_YEAR}(?:计划|规划)(?:和二〇三五年远景目标)?(?:纲要|的建议)?(?:期间|时期)?"
)
#: Plans before the 十一五 are cited by a quoted one-character number: “六五”计划, “八五”期间, “十五”时期.
_OLD_PLAN_RE = re.compile(r"[“\"](?:十|[一二三四五六七八九])五[”\"](?:计划|规划|时期|期间)?")
#: The government work report cited by its name (…批准的政府工作报告安排); not the title line of one, and
#: not the report announcing itself (向大会作政府工作报告，请予审议 — the GUIDE's 请予审议的本报告).
_GWR = "政府工作报告"
#: A line of its own is a title unless the next line goes on with the sentence (所作的\n政府工作报告\n。: some
#: files break lines around a linked name).
_NEXT_LINE = r"[ \t\u3000]*\n(?![ \t\u3000]*[。，、；：）])"
_TITLE_END_RE = re.compile(rf"{_NEXT_LINE}|[ \t\u3000]*$")


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
    r"《\s*[^《》\n]{0,60}?(?:中共中央|国务院|关于|决议|决定|意见|规划|纲要|条例|建议|通知|宪法|章程|法|讲话|文选|选集)"
    rf"[^《》\n]{{0,60}}?\s*》(?:第[{_CN}]{{1,2}}卷)?"
)  # (a speech cited by its title, 《在全国党校工作会议上的讲话》; collected works with the volume, 《邓小平文选》第三卷)
#: Titles that are no party or state document (GUIDE §1.1): a cooperation plan or treaty agreed with other states
#: (《长期睦邻友好合作条约实施纲要》, 《中国与拉美和加勒比国家合作规划（2015—2019）》), or a talk's or essay's title with
#: a spaced subtitle dash or slash (《当代青年大学生的人生价值与政治信仰 —— 学习领会…》, 《关于国奖 / 三标的四个维度》).
_NOT_STATE_DOCUMENT_RE = re.compile(r"合作|条约|公约|协定|伙伴关系|\s——|——\s|\s/\s")
#: A resolution or decision cited by its title without 《》 (十一届六中全会专门作出关于建国以来党的若干历史问题的决议; 据以作出了
#: 关于为刘少奇同志平反的决议（草案）), with the issuing body before it when written (中共中央和国务院关于…的决定); not
#: one pointed at (关于这个问题的决定). The expression starts with the literal 关于, which `re` skips to at memchr speed.
_TITLED_RE = re.compile(r"关于(?!这|那|此|该|上述)[^，。；、《》“”\n]{2,30}?的(?:决议|决定)(?:（草案）)?")
_ISSUERS = (
    "中共中央和国务院",
    "中共中央、国务院",
    "中共中央",
    "国务院",
    "中国共产党中央委员会",
)  # longest first
#: A 关于… title that ends its line, on a line without a clause mark before it, is the document's own title.
_LINE_END_RE = re.compile(_NEXT_LINE)
_CLAUSE_MARK_RE = re.compile("[，。；：！？]")
#: Party regulations cited without 《》 (贯彻执行党组工作条例; 、地方党委工作条例; 新形势下党内政治生活若干准则): the name
#: starts after a clause mark, 了/和/及 or a verb of compliance, not with a determiner (一些|有关|各项), and ends in
#: one of these words.
#: Draft laws are named the same way (国务院先后提出银行业监督管理法草案、对外贸易法修订草案).
_REGULATION_ENDS = ("工作条例", "机关条例", "若干准则")
_REGULATION_ANCHORS = (re.compile("条例(?<=工作条例|机关条例)"), re.compile("准则(?<=若干准则)"))
_CITED_NAME = (
    rf"(?:(?<=[、，。；：“\n了和及])|(?<=执行)|(?<=贯彻)|(?<=落实)|(?<=修订)|(?<=制定)|(?<=出台)|(?<=颁布)|(?<=印发)"
    rf"|(?<=遵守)|(?<=学习)|(?<=提出)|(?<=审议)|(?<=通过))(?![了的在和与及是把一这那各有相该本其]|对(?!外))(?:(?!了)[{HAN}]){{2,10}}?"
)
_REGULATION_RE = re.compile(rf"{_CITED_NAME}(?:{'|'.join(_REGULATION_ENDS)})")
_DRAFT_ANCHOR = re.compile("案(?<=草案|正案)")
_DRAFT_LAW_RE = re.compile(rf"{_CITED_NAME}法(?:(?:修订)?草案|（草案|修正案)")
#: Sessions of a local or national body cited by term and session (全国政协十四届一次会议, 区委十五届四次全会), and
#: the numbered sessions of a central commission or leading group (中央全面深化改革委员会第十二次会议, 中央全面
#: 依法治国委员会第三次会议).
_SESSION_ANCHOR = re.compile("次(?:会议|全会|全体会议)")
_SESSION_RE = re.compile(
    rf"(?:(?:全国政协|全国人大|[省市区县州旗盟](?:委|人大|政协)|(?<![第{_CN}])){_ORD}届{_ORD}次(?:全体会议|会议|全会)"
    rf"|中央{_FIELD}{{2,14}}(?:委员会|领导小组)第{_ORD}次(?:全体)?会议)\Z"
)
_SESSION_REACH = 24
#: Anniversary meetings: 庆祝中国共产党成立95周年大会, 纪念朱德同志诞辰130周年座谈会 (the occasion alone, 纪念…80周年,
#: names no meeting).
_ANNIVERSARY_ANCHOR = re.compile("周年(?:纪念)?(?:大会|座谈会)")
_ANNIVERSARY_RE = re.compile(
    rf"(?:庆祝|纪念)(?:(?!了)[{HAN}0-9０-９·]){{2,30}}周年(?:纪念)?(?:大会|座谈会)\Z"
)
#: A meeting of a field cited without 中央/全国 (文艺工作座谈会, 网络安全和信息化工作座谈会).
_FIELD_MEETING_ANCHOR = re.compile("工作座谈会")
_FIELD_MEETING_RE = re.compile(rf"(?:第{_ORD}次)?(?:(?![和与及])(?:{_FIELD})){{2,8}}工作座谈会\Z")
#: The meeting a speech is given at is no reference (GUIDE): the one its title names (习近平：在纪念朱德同志诞辰130周年
#: 座谈会上的讲话 near the top, at the end of its line or before the date), or one in a sentence that says 今天/这次
#: (今天，我们隆重召开全国抗击新冠肺炎疫情表彰大会).
_OWN_TITLE_RE = re.compile(
    r"在(?P<meeting>[^。！？《》\n]{2,40}?)上的(?:重要)?讲话(?=[ \t\u3000]*(?:\n|$|（))"
)
_TITLE_AREA = 300
_OWN_SENTENCE = ("今天", "这次", "本次")
#: …and a meeting the text reports as being held (全国抗击新冠肺炎疫情表彰大会在北京人民大会堂隆重举行).
_HELD_RE = re.compile(
    r"(?:暨[^，。；！？\n]{1,12}?)?(?:[0-9０-９一二三四五六七八九十]{1,3}日)?(?:上午|下午|晚)?"
    r"在[^，。；！？\n]{1,12}?(?:隆重)?(?:举行|召开|开幕)"
)
#: Laws cited by their full name (中华人民共和国宪法, 中华人民共和国地方各级人民代表大会和地方各级人民政府组织法草案;
#: not 中华人民共和国政府是…合法, …依法) and the special administrative regions' laws with their holder
#: (香港特别行政区维护国家安全法, 澳门基本法 — 基本法 alone is too short a name; 宪法和基本法 is marked in one round
#: and left unmarked in another).
_STATE = "中华人民共和国"
_LAW_RE = re.compile(
    rf"{_STATE}(?:(?![是的了在为对把将从向])[{HAN}]){{1,30}}?(?<![依合守执司违非])法"
    r"(?:（草案）|修正案|修订草案|草案)?(?![律规制治院官人理定典])"
)
_SAR_LAW_ANCHORS = (re.compile("基本法"), re.compile("维护国家安全法"))
_SAR_LAW_RE = re.compile(r"(?:(?:香港|澳门)(?:特别行政区)?|特别行政区)(?:基本法|维护国家安全法)\Z")


#: Characters no place name holds: the place starts after the last of them (日在|海拉尔区…, 贯彻落实|自治区…).
_NOT_PLACE = "在于从对向和与及的了是为将把我本全各年月日号实彻入习开照"


def _anchor_positions(text: str) -> list[int]:
    """Where the anchors are (each position lies inside the anchor word, so inside any reference holding it)."""
    found = [m.start() for m in _HUI_RE.finditer(text, 1)]
    found += [m.start() - 1 for m in _DA_RE.finditer(text, 1)]
    return sorted(found)


def _anchored(
    text: str, anchor: re.Pattern[str], rx: re.Pattern[str], reach: int, *, widest: bool
) -> list[tuple[int, int]]:
    """Spans of `rx` ending where `anchor` ends (an expression that starts with one literal character, so that
    `re` skips to it at memchr speed): the widest such span, or (widest=False) the narrowest — 贯彻执行|党组工作条例
    starts at the last boundary. For the widest, `rx` ends in `\\Z`: one search up to the anchor's end finds the
    leftmost start (in C, instead of a fullmatch tried at each start)."""
    spans = []
    for a in anchor.finditer(text):
        at, end = a.span()
        if widest:
            m = rx.search(text, max(0, at - reach), end)
            if m is not None and m.start() < at:
                spans.append((m.start(), end))
        else:
            for start in range(at - 1, max(0, at - reach) - 1, -1):
                if rx.fullmatch(text, start, end) is not None:
                    spans.append((start, end))
                    break
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


def _own_meeting(text: str, start: int, end: int, own: str) -> bool:
    """Whether the meeting named at `start`–`end` is the one the speech is given at: the one its title names
    (`own`), one in a sentence that says 今天/这次 before it, or one reported as being held."""
    if (own and text[start:end] in own) or _HELD_RE.match(text, end) is not None:
        return True
    sentence = max(text.rfind(ch, 0, start) for ch in "。！？\n") + 1
    return any(text.find(word, sentence, start) >= 0 for word in _OWN_SENTENCE)


def _title_meeting(text: str) -> str:
    """The meeting named by the speech's title (在…上的讲话 on a line near the top), or ""."""
    m = _OWN_TITLE_RE.search(text, 0, _TITLE_AREA)
    return m.group("meeting") if m is not None else ""


def _titled_spans(text: str) -> list[tuple[int, int]]:
    """Resolutions and decisions by their 关于… title, with the issuer written before it; not the document's own
    title line (…第三次会议关于政府工作报告的决议, alone on its line: GUIDE §3)."""
    spans = []
    for m in _TITLED_RE.finditer(text):
        start = m.start()
        if _LINE_END_RE.match(text, m.end()) is not None and not _CLAUSE_MARK_RE.search(
            text, text.rfind("\n", 0, start) + 1, start
        ):
            continue
        issuer = next((name for name in _ISSUERS if text.startswith(name, start - len(name))), "")
        spans.append((start - len(issuer), m.end()))
    return spans


def _full_plan_spans(text: str) -> list[tuple[int, int]]:
    """Five-year plans by their full name, around each 个五年 (plain substring search: it is rare)."""
    spans = []
    at = text.find(_FIVE_YEAR)
    while at >= 0:
        m = _FULL_PLAN_RE.search(text, max(0, at - 13), at + 20)
        if m is not None and m.start() <= at < m.end():
            spans.append(m.span())
        at = text.find(_FIVE_YEAR, at + len(_FIVE_YEAR))
    return spans


def _law_spans(text: str) -> list[tuple[int, int]]:
    """Laws by their full name, from each 中华人民共和国 (plain substring search: it is rare), and the special
    administrative regions' laws ending at each 基本法 / 维护国家安全法."""
    spans = []
    at = text.find(_STATE)
    while at >= 0:
        m = _LAW_RE.match(text, at)
        if m is not None:
            spans.append(m.span())
        at = text.find(_STATE, at + len(_STATE))
    for anchor in _SAR_LAW_ANCHORS:
        spans += _anchored(text, anchor, _SAR_LAW_RE, 9, widest=True)
    return spans


def reference_hits(text: str) -> list[PatternHit]:
    """Meetings, plan labels and official documents cited by name."""
    spans = [m.span() for m in _RESOLUTION_RE.finditer(text)]
    spans += [
        m.span() for m in _DOCUMENT_RE.finditer(text) if _NOT_STATE_DOCUMENT_RE.search(m.group()) is None
    ]
    spans += _work_report_spans(text)
    spans += _law_spans(text)
    spans += _full_plan_spans(text)
    spans += _titled_spans(text)
    spans += [
        span
        for anchor in _REGULATION_ANCHORS
        for span in _anchored(text, anchor, _REGULATION_RE, 12, widest=False)
    ]
    # a draft named with brackets keeps its closing one: 企业所得税法（草案）
    spans += [
        (a, b + (text.startswith("）", b) and text[b - 3] == "（"))
        for a, b in _anchored(text, _DRAFT_ANCHOR, _DRAFT_LAW_RE, 14, widest=False)
    ]
    spans += _anchored(text, _SESSION_ANCHOR, _SESSION_RE, _SESSION_REACH, widest=True)
    own = _title_meeting(text)
    spans += [
        (start, end)
        for anchor, rx, reach in (
            (_ANNIVERSARY_ANCHOR, _ANNIVERSARY_RE, 36),
            (_FIELD_MEETING_ANCHOR, _FIELD_MEETING_RE, 9),
        )
        for start, end in _anchored(text, anchor, rx, reach, widest=True)
        if not _own_meeting(text, start, end, own)
    ]
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
            if m.group("field") is None or not _own_meeting(text, m.start(), m.end(), own):
                spans.append(m.span())
            done = m.end()
    # a reference inside another (党的第二十次全国代表大会 in a 《关于召开…的决议》) is part of it
    inner = _nested_spans(spans)
    spans = list(dict.fromkeys(spans))  # (one span found by two rules is one hit)
    outer = [span for span in spans if span not in inner] if inner else spans
    hits = []
    for start, end in outer:
        if (
            text[start] == "第"
            and any(
                text.startswith(body, end - len(body)) or body in text[start:end] for body in _LOCAL_BODIES
            )
            and not text.startswith("全国", text.find("届", start, end) + 1)
        ):
            place = _PLACE_RE.search(text, max(0, start - 9), start)
            if place is not None:
                # 日在海拉尔区第十五届…: the place starts after the last word that cannot be part of it
                cut = max(place.start(), *(text.rfind(ch, place.start(), start) + 1 for ch in _NOT_PLACE))
                start = cut if start - cut >= 2 else start
        hits.append(PatternHit(start, end, text[start:end], "reference"))
    return hits
