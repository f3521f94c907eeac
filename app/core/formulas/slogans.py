"""Slogan shapes no lexicon lists yet (research R5, issue 14b): runs of three-character verb–object units.

Economic reports write slogans of verb–object units without separators: 稳就业保民生防风险, 稳增长调结构
防风险, 补短板促均衡提质量. A unit is one verb of the economic slogans and a two-character word of the
general dictionary, and each unit has its own verb (稳增长稳就业稳物价, one verb, is a frame: `frames`).

Equal four-character set phrases in a closed 、-list (坚持原则、严守纪律、维护大局、加强团结) are slogans too
(`equal_motto_list_hits`, session 7), and so is a short run of equal members around a four-character lexicon
wording after a verb of policy (坚持全民动员、联防联控、公开透明: `lexicon_run_hits`, session 12).

(Tried and left out: two such units joined by 、 standing alone, 补短板、强弱项. On the tuning files it found
找差距、摆问题, which the annotation does not mark, and nothing it does; over the corpus about 22 hits, some
six in ten slogans.)
"""

from __future__ import annotations

import re
from collections.abc import Collection

from app.core.formulas.patterns import HAN, ListRun, PatternHit
from app.core.formulas.regex_scan import matches_at
from app.core.formulas.repeats import ECONOMY_VERBS as _ECONOMY_VERBS
from app.core.formulas.repeats import unit_starts

_RUN_RE = re.compile(
    rf"([{_ECONOMY_VERBS}])([{HAN}]{{2}})([{_ECONOMY_VERBS}])([{HAN}]{{2}})([{_ECONOMY_VERBS}])([{HAN}]{{2}})"
)


def run_hits(text: str, words: Collection[str], starts: list[int] | None = None) -> list[PatternHit]:
    """Three verb–object units written without separators, each with its own verb (稳就业保民生防风险); `starts`
    are the text's `repeats.unit_starts`, when the caller has them already."""
    hits: list[PatternHit] = []
    for m in matches_at(_RUN_RE, text, unit_starts(text) if starts is None else starts):
        verbs = {m.group(1), m.group(3), m.group(5)}
        if len(verbs) == 3 and all(m.group(g) in words for g in (2, 4, 6)):
            hits.append(PatternHit(m.start(), m.end(), m.group(0), "slogan"))
    return hits


#: Nouns a slogan stands before as their content: 按照政治强、业务精、作风正的要求; 坚持德才兼备、以德为先、任人唯贤
#: 的方针; 建设一支听党指挥、能打胜仗、作风优良的人民军队; 成长为有理想、敢担当、能吃苦、肯奋斗的新时代好青年.
_NORM_NOUN_RE = re.compile(
    r"的(?:总|基本|根本|工作|重要|新时代好?|人民|模范|制度)?"
    r"(?:要求|方针|原则|方向|旗帜|作风|标准|目标|理念|路线|大会|机关|队伍|军队|体系|青年|干部|宗旨|品格)"
    rf"|的[{HAN}]{{0,8}}?伙伴关系"
)
#: The norm nouns that name a pair of unlike items as one line of policy (以粮为纲、多种经营的方针), a partnership
#: (平等互利、共同发展的中拉全面合作伙伴关系) or a virtue held up (诚信为本、操守为重的良好风尚).
_LINE_RE = re.compile(
    rf"的(?:总|基本|根本|战略)?方针|的[{HAN}]{{0,8}}?伙伴关系|的(?:良好|浓厚|优秀)?(?:风尚|氛围|品质|意志品质)"
)
_SLOGAN_FUNCTION = frozenset("的了等")
_HAN_ITEM_RE = re.compile(rf"[{HAN}]+")
_PAIR_RE = re.compile(rf"、([{HAN}]{{4,7}}?)(?=的)")


def _items_ok(items: list[str], words: Collection[str]) -> bool:
    """Distinct items of one length, no function word inside; two-character items must be many (≥ 4)."""
    size = len(items[0])
    return (
        len(set(items)) == len(items)
        and all(len(i) == size for i in items)
        and not any(_SLOGAN_FUNCTION & set(i) for i in items)
        and (size > 2 or len(items) >= 4)
        and (size > 3 or len(items) >= 3 or not all(i in words for i in items))
    )


def norm_list_hits(text: str, lists: list[ListRun], words: Collection[str]) -> list[PatternHit]:
    """Equal short items that end right before 的 + a norm noun (要求, 方针, 作风…): the slogan they name.

    The first item is cut to the others' length (the governing verb before it is left out), but never
    through a dictionary word; 2-item pairs (让党放心、人民信赖的…) are found from their 、. A pair is a motto only
    when its items echo each other, sharing a character (百花齐放、百家争鸣; 为人民服务、为社会主义服务; 两手抓、两
    手都要硬) or when the text calls it a 方针, a line of policy with a name (以粮为纲、多种经营的方针; 冷静观察、沉着
    应对的方针): two unlike items before 的原则, 的理念, 的要求 (打破垄断、鼓励竞争的原则; 勤俭节约、艰苦创业的原则;
    同舟共济、互信互利的理念) name two principles in the text's own words, which no tuning round marks (0 of 5)."""
    hits: list[PatternHit] = []
    candidates = []
    for left, right, raw in lists:
        size = len(raw[1])
        last = raw[-1]
        if last[size : size + 1] == "的" and len(raw[0]) >= size and _NORM_NOUN_RE.match(last, size):
            candidates.append((left + len(raw[0]) - size, raw, right - len(last) + size))
    for m in _PAIR_RE.finditer(text):
        size = len(m.group(1))
        start = m.start() - size
        if (
            (_NORM_NOUN_RE.match(text, m.end()) or _LINE_RE.match(text, m.end()))
            and start >= 0
            and "、" not in text[start - 1 : m.start()]
        ):
            candidates.append((start, [text[start - 1 : m.start()], m.group(1)], m.end()))
    for start, raw, end in candidates:
        size = len(raw[-1]) if len(raw) == 2 else len(raw[1])
        first = raw[0][-size:]
        items = [first, *raw[1:-1], raw[-1][:size]]
        if not all(_HAN_ITEM_RE.fullmatch(i) for i in items) or not _items_ok(items, words):
            continue
        if len(items) == 2 and not set(items[0]) & set(items[1]) and not _LINE_RE.match(text, end):
            continue  # two unlike principles side by side (打破垄断、鼓励竞争的原则), not one motto
        before = text[start - 1] if start else ""
        if before and before + first[0] in words and first not in words:
            continue  # the cut runs through a word (a first item that is a word itself stands: 更加|开放)
        hits.append(PatternHit(start, end, "、".join(items), "slogan"))
    return hits


#: What may follow a list's last item when the list ends inside its clause (…强弱项的…, …谋复兴等).
_LIST_END = frozenset("的等")
#: Last characters of three-character nouns (服务业, 手工业, 科技馆, 大学生, 积极性): no verb–object unit, unless
#: the last two characters are a word, the unit's object (保民生, 惠民生; 大学生 is left out as a word itself).
_NOUN_ENDS = frozenset("业员者家性区市省县人部厂站室队类馆院所厅品店们生化式型度会的链")
_NOT_VERBS = frozenset("的各某该本这那一二三四五六七八九十两")
#: Common family names: a list of three-character units all but one of which open with one is a list of people
#: (王沪宁、栗战书、杨洁篪、梁振英; 程秀英、仲浩天、张译文、牛海沣), which GUIDE §3 never marks.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤牛"
)


def verb_object_list_hits(lists: list[ListRun], words: Collection[str]) -> list[PatternHit]:
    """≥ 4 three-character verb–object units in a closed 、-list, each with its own verb (应变局、育新机、开新局、
    谋复兴; 讲政治、守纪律、负责任、有效率): the object is a dictionary word, the unit is not (a list of
    三-character nouns, 手工业、服务业, is made of words)."""
    hits: list[PatternHit] = []
    for left, right, raw in lists:
        if len(raw) < 4 or len(raw[0]) < 3:
            continue
        last = raw[-1]
        if len(last) < 3 or (len(last) > 3 and last[3] not in _LIST_END):
            continue
        items = [raw[0][-3:], *raw[1:-1], last[:3]]
        if any(len(i) != 3 for i in items) or len({i[0] for i in items}) != len(items):
            continue
        if any((i[-1] in _NOUN_ENDS and i[1:] not in words) or i[0] in _NOT_VERBS for i in items):
            continue
        if sum(i[0] in _SURNAMES for i in items) >= len(items) - 1:
            continue
        # dictionary lookups last (they are the cost): few units are words, most objects are
        nouns = sum(i in words for i in items)
        objects = sum(i[1:] in words for i in items)  # names of people (王沪宁、栗战书…) have few
        if 2 * nouns <= len(items) <= 2 * objects:
            start = left + len(raw[0]) - 3
            hits.append(PatternHit(start, right - len(last) + 3, "、".join(items), "slogan"))
    return hits


#: Particles that never stand inside a four-character motto item (…之分, …的). A conjunction between two items
#: (结构和功能) fails the two-word test anyway, while 和/为/从 inside words stay (持久和平, 执法为民, 从严治警).
_MOTTO_ITEM_STOP = frozenset("的了等之")
#: One-character verbs and markers a motto list may follow directly (带头做坚持原则、…; 围绕举旗帜、…).
_LIST_LEAD_CHARS = frozenset("的做从对在为把将以")
#: What a list of four-character phrases describes when these words follow it: a situation or a problem (设计落后、
#: 装备陈旧、工艺粗糙、管理松懈的状况; 概算超支、工期拖长、浪费严重、效益较差的问题), not a motto.
_SITUATION_RE = re.compile("的(?:问题|状况|现象|局面|倾向|弊端|情况)")
#: The far end of a 从…到… range, right after the list or after its comma.
_RANGE_END_RE = re.compile("[，,]?到")


def _clean_cut(lead: str, first: str, words: Collection[str]) -> bool:
    """Whether a list's first item can start after `lead` (the text of its clause before it) without cutting
    through a word: the clause starts there, or the lead ends in a marker or a dictionary word (坚持|, 实行|)."""
    return (
        not lead or lead[-1] in _LIST_LEAD_CHARS or (lead[-2:] in words and lead[-1] + first[0] not in words)
    )


def equal_motto_list_hits(
    text: str, lists: list[ListRun], words: Collection[str], idioms: Collection[str]
) -> list[PatternHit]:
    """≥ 4 four-character items of one shape, each two dictionary words: a closed 、-list of set phrases
    (坚持原则、严守纪律、维护大局、加强团结; 职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信), as opposed to
    an enumeration of unequal items or of terms (集成电路、软件、新材料). A list with an idiom among its items
    describes (逻辑严密、内涵丰富、系统全面、博大精深的科学体系): GUIDE §3 marks no idiom, and the tuning set
    marks no such list. Nor are wishes a motto (祝大家身体健康、新春吉祥、…), nor a list that describes a situation
    or a problem (…的状况, …的问题)."""
    hits: list[PatternHit] = []
    for left, right, raw in lists:
        if len(raw) < 4 or len(raw[1]) != 4 or len(raw[0]) < 4 or len(raw[-1]) < 4:
            continue
        last = raw[-1]
        if (len(last) > 4 and last[4] != "的") or any(len(i) != 4 for i in raw[2:-1]):
            continue
        items = [raw[0][-4:], *raw[1:-1], last[:4]]
        if len(set(items)) < len(items) or any(_MOTTO_ITEM_STOP & set(i) for i in items):
            continue
        if not all(_HAN_ITEM_RE.fullmatch(i) for i in items):
            continue
        if not all(i[:2] in words and i[2:] in words for i in items):
            continue
        lead = raw[0][:-4]
        if any(i in idioms for i in items) or not _clean_cut(lead, items[0], words):
            continue
        if lead.startswith("祝") or _SITUATION_RE.match(last, 4):
            continue  # wishes (祝大家身体健康、新春吉祥、万事如意、阖家幸福) or a situation described
        if lead.endswith("从") and _RANGE_END_RE.match(text, right - len(last) + 4):
            continue  # the near end of a range (从铁路横贯、大桥飞架、…，到…): a scene described
        start = left + len(raw[0]) - 4
        hits.append(PatternHit(start, right - len(last) + 4, "、".join(items), "slogan"))
    return hits


#: What closes the clause a widened run must end (a run that goes on inside its clause is an object list).
_CLAUSE_END = frozenset("，,。；;！!？?\n")
#: What opens a clause, where a run may start with no lead (坚持|…, or right after a comma).
_CLAUSE_START = frozenset("，,。；;：:！!？?\n“")
_MEMBER_RE = re.compile(rf"[{HAN}]{{4}}")
#: Verbs that take a line of policy as their object (坚持…, 秉持…, 推进…): the lead a widened run may follow
#: (a subject, 党中央|审时度势、守正创新, or a verb of place or aim, 立足|自主创新、自立自强, is no such lead).
_NORM_VERB_RE = re.compile(
    "(?:坚持|本着|秉持|秉承|实行|做到|坚定|推进|恪守|遵循|践行|倡导|弘扬|统筹|贯彻|树立|奉行)$"
)


def _run_member(text: str, at: int) -> bool:
    """Whether text[at:at+4] is four Han characters with no particle a motto never holds (…的, …之)."""
    return _MEMBER_RE.fullmatch(text, at, at + 4) is not None and not _MOTTO_ITEM_STOP & set(
        text[at : at + 4]
    )


def lexicon_run_hits(
    text: str,
    spans: list[tuple[int, int]],
    words: Collection[str],
    idioms: Collection[str] = frozenset(),
    apart: Collection[int] = frozenset(),
) -> list[PatternHit]:
    """A four-character lexicon wording that stands in a short 、-run of equal four-character members ending
    its clause: the run is the slogan the speaker quotes (坚持全民动员、联防联控、公开透明，…; 我们要坚持以民为本、
    生命至上，…; 推进兴边富民、稳边固边。). `spans` are the text's lexicon hits of four characters. The run has
    2–4 members, at least one of them not a lexicon wording itself (two wordings side by side stay two
    hits), opens its clause or follows a verb of policy (坚持|, 推进|; `_NORM_VERB_RE`), and ends at a
    clause mark: a run that goes on inside its clause (…、…的问题, 以及地质勘查、环境保护、计划生育工作) is an
    object list, not a slogan. Shape alone (equal members, one lead verb) finds ordinary verb phrases as
    often as slogans (about one in ten on the tuning rounds); a member the lexicon knows is the signal
    of many speeches that the run circulates. A run with a member at one of the `apart` starts (a numbered
    framework, 实行党政同责、一岗双责) is left alone: that member is a formula of its own kind (GUIDE §2)."""
    hits: list[PatternHit] = []
    known = {start for start, end in spans if end - start == 4}
    done: set[int] = set()
    for start in sorted(known):
        if text[start - 1 : start] != "、" and text[start + 4 : start + 5] != "、":
            continue  # (most wordings: no list comma beside them)
        if start in done or not _run_member(text, start):
            continue
        first = start
        while first >= 5 and text[first - 1] == "、" and _run_member(text, first - 5):
            first -= 5
        last = start
        while text.startswith("、", last + 4) and _run_member(text, last + 5):
            last += 5
        done.update(range(first, last + 1, 5))
        members = [text[at : at + 4] for at in range(first, last + 1, 5)]
        if not 2 <= len(members) <= 4 or len(set(members)) < len(members):
            continue
        if any(at in apart for at in range(first, last + 1, 5)):
            continue
        if all(at in known for at in range(first, last + 1, 5)):
            continue  # (every member a wording of its own)
        if text[last + 4 : last + 5] not in _CLAUSE_END or text[first - 1 : first] == "、":
            continue  # the run goes on (…的, 等, a longer last item) or is the tail of a longer list
        clause = max(text.rfind(c, 0, first) for c in _CLAUSE_START) + 1
        lead = text[clause:first]
        if lead and (not _NORM_VERB_RE.search(lead) or not _clean_cut(lead, members[0], words)):
            continue
        if all(m in idioms for m in members):
            continue  # a pair of general idioms (求同存异、取长补短)
        if len(members) >= 3 and any(len({m[k] for m in members}) == 1 for k in range(4)):
            continue  # ≥ 3 members that repeat a character at one place: a 排比 frame (GUIDE §1.3), not this rule's
        hits.append(PatternHit(first, last + 4, "、".join(members), "slogan"))
    return hits
