"""Pattern rules that find formulas no lexicon lists yet (research/formulas.md R1–R4).

They run over the stored text itself (so spans need no mapping), with character classes that accept
every quote and list-comma variant. Each rule is tuned for precision: a quoted span or a numbered
phrase only counts when its shape says "formula" (a numeral frame, a slogan list, an institutional
tail word), because analysts stop trusting highlights that mark scare quotes and metaphors.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from app.core.formulas.regex_scan import finditer

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
NUM = "一二三四五六七八九十两百千万"
_MULTI = "二三四五六七八九十两百千万"  # numerals that make a set of several things (not 一)
_ENUM_COMMA = "、﹑"
_OPEN = '“「『"〝＂'
_CLOSE = '”」』"〞＂'

#: Characters that never occur inside a compact formula (function words, pronouns).
_FUNCTION_CHARS = frozenset("的了吗呢吧啊么我你他她它们这那哪谁咱")
#: Words right after a quoted term that say it names a policy, campaign or institution.
_TAILS = (
    "活动|行动|制度|机制|工程|计划|战略|理念|精神|要求|总要求|目标|总目标|政策|改革|方针|原则|模式|经验"
    "|试点|工作法|专项|攻坚|工作|体系|举措|措施|建设|大会|学习教育|主题教育|项目"
)
_TAIL_RE = re.compile(rf"等?(?:[{NUM}]年)?[{HAN}]{{0,4}}?(?:{_TAILS})")
#: Naming words that make a quoted word or two-character term the name of a programme when written straight after
#: it (“低保”制度, “双拥”工作, “星火”计划, “严打”方针); not the words of aims and qualities (要求, 精神, 攻坚…),
#: which follow metaphors as often (“硬骨头”攻坚克难).
_NAMING_TAIL_RE = re.compile("活动|行动|制度|机制|工程|计划|战略|方针|政策|模式|试点|工作|建设|改革|体系")
#: After a plain quoted term (no list, no numeral), tails that do not name the quote: in “留得豪情作楚囚”的革命精神,
#: “西藏独立”的分裂活动 the quote describes a spirit or an activity named after it (while “…”的方针, “…”的保洁机制
#: name the quote itself), and in “深化科技体制改革”这一目标 the text points back at a quoted sentence.
_DESCRIBED_TAIL_RE = re.compile(rf"的[{HAN}]{{1,4}}?(?:精神|活动)|这一")
#: Last words of a quoted term that make it a name: a campaign year, a programme, a mechanism, a spirit, a theory
#: (“作风建设年”, “街长制”, “硬骨头精神”, 所谓的“中国威胁论”).
_CONTENT_TAIL_RE = re.compile(
    r"(?:年|行动|工程|计划|战略|活动|机制|制度|制|倡议|模式|理念|精神|经验|工作法|论)$"
)
#: Verbs that cite a formula just before its opening quote (坚持“三带三入”, 纠治“四风”).
_CITING_RE = re.compile(
    r"(?:坚持|落实|做到|增强|坚定|树牢|牢记|践行|贯彻|把握|开展|实施|推行|深化|纠治|查处|运用|锚定|围绕|聚焦"
    r"|突出|紧扣|弘扬|发扬|坚守|守牢|扛起|争当|遵循|秉持|把握好|体现|落细)$"
)
_REDACTION_IN = re.compile(r"\*|＊|×|[Xx]{2}|Ｘ|□|■|某某|○○")

#: Times a plain term must be quoted in one text to count without a formula context.
_QUOTED_AGAIN = 2
#: Characters on each side of a quote that tell two uses of a term from one sentence printed twice (a file that
#: carries a speech and its reprint quotes each scare-quoted word twice, in the same words).
_USE_CONTEXT = 4
_QUOTE_RE = re.compile(rf"[{_OPEN}]([^{_OPEN}{_CLOSE}\n]{{1,30}})[{_CLOSE}]")
_INNER_QUOTE_RE = re.compile(r"[‘']([^‘’'“”\n]{1,16})[’']")

_CLASSIFIERS = "项种大条张类支位"
_NUMBERED_CORE = (
    rf"[{_MULTI}]{{1,3}}个[{HAN}]{{2,4}}"  # 两个维护
    rf"|[{_MULTI}]{{1,2}}[{_CLASSIFIERS}][{HAN}]{{2,4}}"  # 四种形态, 四项机制
    rf"|[{NUM}][{HAN}][{NUM}双][{HAN}](?:[{NUM}][{HAN}]){{0,2}}"  # 三严三实, 一岗双责, 一山一水一林一园
    rf"|[{NUM}][{HAN}]{{2}}[{NUM}双][{HAN}]{{2}}"  # 两不愁三保障
    rf"|第[{NUM}][{HAN}]{{2,4}}"  # 第一议题
    rf"|[{_MULTI}][{HAN}]{{1,3}}"  # 七进, 三不腐, 百企引航
    rf"|[{HAN}]{{1,2}}[{NUM}]{{1,2}}条"  # 水十条
    r"|[^\d]{0,2}\d+[条项个]"  # 省42条
    r"|\d{3,4}"  # 8337
)
_NUMBERED_QUOTED_RE = re.compile(rf"(?:{_NUMBERED_CORE})[+＋]?")
#: After the numeral, words that count persons: “四人帮” names a group of persons, which GUIDE §3 leaves
#: unmarked (a count, not a framework; 五位一体's 位 is no person).
_PERSONS_COUNTED = frozenset("人名")

#: Nouns after N个 / N项 that make a count, not a formula (三个方面, 两个月).
_COUNT_NOUNS = (
    "月|小时|星期|年|百分点|多|方面|领域|层次|环节|问题|重点|阶段|时期|部门|地区|省份|城市|国家|单位|人|项目"
    "|以上|左右|字|点|世纪|亿|万|千|百|样|类|批|次|级|家|户|名|县|市|省|区|村|乡|镇|国|局|所|处|队|组|份"
    "|情况|方式|方法|类型|形式|渠道|途径|可能|内容|部分|条件|因素|原因|特点|标准|步骤|季度|工作日|层面|环境"
    "|孩子|子女|小孩|洲"
)
#: Last characters of abstract nouns: N个 + such a noun names a framework (两个积极性, 两个文明, 四个现代化).
_ABSTRACT_ENDS = frozenset("性化观论义识神明则")
#: A count that announces the list right after it (今年将采取三项举措。一是…) is not a formula either.
_ANNOUNCES_LIST_RE = re.compile(r"[。：:，,]?\s*(?:一是|一要|第一|首先|其一|一、|（一）|\(一\))")
_COUNT_RE = re.compile(rf"^(?:{_COUNT_NOUNS})")
#: One scan for every numbered shape; it starts with a numeral class so `re` can skip ahead fast.
_NUMBERED_RE = re.compile(
    rf"[{NUM}](?:"
    rf"[{NUM}]{{0,2}}个(?P<ge>[{HAN}]{{2,4}})"  # 两个维护
    rf"|[{NUM}]?[项种条](?P<cls>[{HAN}]{{2,4}})"  # 四种形态, 八项规定
    rf"|大(?P<big>[{HAN}]{{2,4}})"  # 三大攻坚战
    rf"|(?P<x1>[{HAN}])[{NUM}双](?P<y1>[{HAN}])"  # 三严三实, 一岗双责
    rf"|(?P<x2>[{HAN}]{{2}})[{NUM}双](?P<y2>[{HAN}]{{2}})"  # 两不愁三保障
    r")"
)
#: First characters after N大 that show a party congress (党的十大以后, 中共五大会址, 十九大报告).
_AFTER_CONGRESS = frozenset("以会代召报精胜闭开后前上通作提确党")
#: (A closing quote before the numeral: “…”“…”五个专题 counts the quoted items just before it.)
_NOT_BEFORE_COUNT = frozenset(f"第每这那哪其之各前后上下近几多0123456789{NUM}”」』")
#: A count that sums up the list just before it (燃煤、机动车三大污染源) is not a formula.
_AFTER_LIST_RE = re.compile(rf"、[{HAN}]{{1,8}}$")
_NXNY_BAD = frozenset("年月日天周次个岁万亿元时分秒号期届位名人里米斤倍成层批级家户者")
#: Verbs and prepositions that end a clause, not a noun (五项原则为和平解决… is 五项原则).
_VERB_END = frozenset("为是在有将要对把从被让使")
#: Characters after which a numbered phrase has ended (so 两个确立的… stops before 的).
_BOUNDARY_AFTER = frozenset('的和与及等是、，。；：！？”」』"）)')

_HAN_RUN_RE = re.compile(rf"[{HAN}{_ENUM_COMMA}]*")
_ENUM_SPLIT_RE = re.compile(rf"[{_ENUM_COMMA}]")
#: A list comma, the Han characters after it, a second list comma and the rest of the run (possessive: none of
#: them ends the run); a run with one comma fails at it, so only lists come back to Python.
_COMMA_RUN_RE = re.compile(rf"[{_ENUM_COMMA}][{HAN}]*+[{_ENUM_COMMA}][{HAN}{_ENUM_COMMA}]*+")
_VERB_PREFIXES = frozenset(
    (
        *("深入", "加强", "强化", "提高", "提升", "推动", "推进", "完善", "健全", "一体", "铁的", "大力"),
        *("积极", "全面", "不断", "切实", "更加", "做好", "抓好", "用好", "建立", "优化", "深化", "促进"),
        *("增强", "坚持", "着力", "进一步", "有效"),
        *"边抓要不把让以在为对向从高更最很新大小",
    )
)
#: One-character prefixes that _VERB_PREFIXES holds but that make a frame when they are the whole shared prefix:
#: 不动摇、不走样、不变形; 新技术、新业态、新模式; 更高质量、更有效率、更加公平 (不断…、更加… share two).
_FRAME_PREFIXES = frozenset("不新更")
#: Characters that may follow the last list item (不想腐的…, 财产性和政策性…, 名城为目标).
_LIST_TAIL_START = frozenset("的等和与及中上下里时为是")
_SUFFIX_STOP = frozenset("的了等中上和与及化们多馆会组品店院所局厅学干")

#: A short sentence right after a sentence end or paragraph break (lookahead, so leads may follow
#: each other: 全面系统学。…融会贯通悟。).
_LEAD_RE = re.compile(rf"[。！？\n\u3000](?=(?:——)?([{HAN}]{{4,14}}+)[。：:])")  # possessive: 。： are no Han
_ORDINAL_RE = re.compile(rf"[{NUM}]{{1,3}}[是要]|第[{NUM}]{{1,3}}[，,、]?|[{NUM}]{{1,3}}、")
#: (Matched on the text after a line break: a literal first character, which `re` finds fast; `^` is no literal.)
_HEADING_RE = re.compile(
    rf"\n[ \t\u3000]*(?:[{NUM}]{{1,3}}、|[（(][{NUM}]{{1,3}}[）)])([^，,。；;：:！？\n]{{4,40}})"
)


@dataclass(frozen=True, slots=True)
class PatternHit:
    """A rule's find: original span, the formula it names, and which rule (quoted, numbered, …)."""

    start: int
    end: int
    formula: str
    rule: str


#: (The rule expressions below are compiled once: `re`'s cache lookup of an f-string pattern costs more than
#: the match on the short quoted terms, and R1 asks them of every quote of every text.)
_CORE_STRIP_RE = re.compile(rf"[{_ENUM_COMMA}·・\s]")
_HAN_TERM_RE = re.compile(rf"[{HAN}]+(?:[+＋][{HAN}]*)?")


def _core(content: str) -> str:
    return _CORE_STRIP_RE.sub("", content)


def _is_han_term(core: str) -> bool:
    return _HAN_TERM_RE.fullmatch(core) is not None


def _numbered_shape(core: str, idioms: Collection[str]) -> bool:
    if core in idioms or not _NUMBERED_QUOTED_RE.fullmatch(core) or core[1] in _PERSONS_COUNTED:
        return False
    return not any(ch in _FUNCTION_CHARS for ch in core)


_COUPLET_HALF_RE = re.compile(rf"[{HAN}]{{4,8}}")
_LIST_ITEM_SPLIT_RE = re.compile(rf"[{_ENUM_COMMA}，,]")
_LIST_ITEM_RE = re.compile(rf"[{HAN}]{{1,8}}")
_HAN_CHAR_RE = re.compile(rf"[{HAN}]")


def _list_shape(content: str) -> bool:
    """A quoted slogan list: short items joined by 、 (守初心、担使命，找差距、抓落实 may add a comma)."""
    if "、" not in content and "﹑" not in content:
        return False
    items = _LIST_ITEM_SPLIT_RE.split(content)
    return 2 <= len(items) <= 8 and all(_LIST_ITEM_RE.fullmatch(i.strip()) for i in items)


def _sibling_couplet(text: str, start: int, end: int, content: str) -> bool:
    """A couplet of equal halves (“感悟初心宗旨，传承伟大精神”) quoted right beside another quote: the topics of
    one campaign in a row (“…”“…”“…”五个专题). Alone, such a couplet is as often an activity's title or a
    classical line (“追寻红色足迹，汲取奋进力量”, “天下至德，莫大于忠”), which the GUIDE does not mark."""
    halves = content.split("，")
    if not 2 <= len(halves) <= 4 or len({len(h) for h in halves}) != 1:
        return False
    if not all(_COUPLET_HALF_RE.fullmatch(h) for h in halves):
        return False
    after = text[end + 1 : end + 3]  # after the closing quote: another quote, maybe after a 、
    before = text[start - 2] if start >= 2 else ""
    return bool(
        (after and (after[0] in _OPEN or (after[0] in "、，" and after[1:] and after[1] in _OPEN)))
        or (before and before in _CLOSE)
    )


#: Words right after a closing quote that make the quoted words a title, a team, a prize, a place or the name of
#: an occasion, which GUIDE §1.5 leaves unmarked: “听党指挥 薪火百年”主题党日活动, “甘肃文化八千年”专题讲座,
#: “家国情怀”宣讲团, “寻是杯”全国一等奖, “海悦城”时代广场, 以“牢记初心使命、推进自我革命”为题, 俄罗斯“中国
#: 旅游年”开幕式, 出席“加强互联互通伙伴关系”东道主伙伴对话会, “戈登·贝尔”奖; and a school's motto, “立德、敬业、
#: 博学、竞先”校训 (one institution's words, not the party's or the state's).
_TITLE_AFTER_RE = re.compile(
    r"(?:联合)?主题[党团]日|(?:专题)?讲座|宣讲团|系列|(?:全国|省级?|校级?)?[一二三]等奖|时代广场|广场"
    r"|(?:国际)?博物馆日|(?:专项)?答题|为(?:主)?题"
    r"|开幕式|闭幕式|(?:东道主)?(?:伙伴)?对话会|高级别会议|招待会|晚会|奖(?!励|补)|校训|院训|获得者|荣誉|称号"
)
#: A theme word after a quoted phrase that is no list (“早日站在党旗下”专题教育活动, “革命后代血脉传承”主题活动): the
#: title of an activity. (A quoted list before it is a campaign's slogan: “深入生活、扎根人民”主题实践活动.)
_THEME_AFTER_RE = re.compile("(?:这一)?(?:廉政|党建|思政)?(?:主题|专题)")
#: First characters of those words: most quotes are ruled out by one set lookup, without the expression.
_TITLE_AFTER_FIRST = frozenset("联主专讲宣系全省校一二三时广国博答为廉党思开闭东伙对高招晚奖这院获荣称")
#: A length of time (“楚国八百年”, “甘肃文化八千年”): a count of years, not a campaign year (“作风建设年”).
_YEARS_RE = re.compile(r"[二三四五六七八九][百千]年$")


def _names_no_formula(text: str, end: int, content: str) -> bool:
    """Quoted words that are a title, a name or a length of time (GUIDE §1.5, §3)."""
    if content.endswith("年") and _YEARS_RE.search(content):
        return True
    at = end + 1
    while text.startswith(" ", at):  # news layouts space the quotes: “民族之星” 获得者
        at += 1
    if text[at : at + 1] not in _TITLE_AFTER_FIRST:
        return False
    theme = "、" not in content and _THEME_AFTER_RE.match(text, at) is not None
    return theme or _TITLE_AFTER_RE.match(text, at) is not None


#: What makes a quoted pair of idioms a motto after all: the norm it names (“百花齐放、推陈出新”的方针).
_IDIOM_MOTTO_RE = re.compile(rf"{_TAIL_RE.pattern}|的(?:思想|精神)")


def _idiom_list(text: str, end: int, content: str, idioms: Collection[str]) -> bool:
    """A quoted list of general idioms (中华文明“源远流长、生生不息”的磅礴伟力) is quoted description, which
    GUIDE §3 leaves unmarked, unless a norm word after it names it as a motto."""
    items = _ENUM_SPLIT_RE.split(content)
    return all(i in idioms for i in items) and _IDIOM_MOTTO_RE.match(text, end + 1) is None


def quoted_hits(text: str, idioms: Collection[str], common_words: Collection[str]) -> list[PatternHit]:
    """R1: quoted short terms whose shape, or whose neighbours, say they are formulas."""
    hits: list[PatternHit] = []
    quoted = [(m.start(1), m.end(1), m.group(1)) for m in finditer(_QUOTE_RE, text)]
    quoted += [(m.start(1), m.end(1), m.group(1)) for m in finditer(_INNER_QUOTE_RE, text)]
    # a label the speaker quotes again and again is the speech's own formula (“大思政课” ×3); a sentence printed
    # twice is one use (texts that carry a speech and its reprint: “法外之地”, “四十而不惑”)
    uses = {
        (c.strip(), text[max(0, s - 1 - _USE_CONTEXT) : s - 1], text[e + 1 : e + 1 + _USE_CONTEXT])
        for s, e, c in quoted
    }
    repeated = {c for c, n in Counter(c for c, _b, _a in uses).items() if n >= _QUOTED_AGAIN}
    # a name once shown to be a title, team, prize or place is that everywhere in the text (“党员面对面” ×3)
    names = {c.strip() for _s, e, c in quoted if _names_no_formula(text, e, c.strip())}
    candidates: list[tuple[int, int, str]] = []  # plain terms rejected for want of context, for a second look
    for start, end, content in quoted:
        content_stripped = content.strip()
        if not content_stripped or _REDACTION_IN.search(content_stripped) or content_stripped in names:
            continue
        core = _core(content_stripped)
        if not 2 <= len(core) <= 16 or core in idioms:
            continue
        accept = (
            _numbered_shape(core, idioms)
            or (_list_shape(content_stripped) and not _idiom_list(text, end, content_stripped, idioms))
            or _sibling_couplet(text, start, end, content_stripped)
        )
        if not accept and 2 <= len(core) <= 12 and _is_han_term(core):
            if any(ch in _FUNCTION_CHARS for ch in core):
                pass
            elif len(core) == 2 or core in common_words:
                # a word (or a two-character term) is a label only where it names itself: a naming word written
                # straight after it or closing it (“低保”制度, “双拥”工作, “星火”计划; “双轨制”, “希望工程”)
                accept = (
                    _NAMING_TAIL_RE.match(text, end + 1) is not None
                    or _CONTENT_TAIL_RE.search(core) is not None
                )
                if not accept and len(core) > 2:
                    candidates.append((start, end, content_stripped))
            else:
                accept = (
                    content_stripped in repeated
                    or (
                        _TAIL_RE.match(text, end + 1) is not None
                        and _DESCRIBED_TAIL_RE.match(text, end + 1) is None
                    )
                    or _CONTENT_TAIL_RE.search(core) is not None
                    or _CITING_RE.search(text, max(0, start - 4), start - 1) is not None
                )
                if not accept:
                    candidates.append((start, end, content_stripped))
        if accept:
            hits.append(PatternHit(start, end, content_stripped, "quoted"))
    return hits + _quoted_siblings(text, hits, candidates) if candidates and hits else hits


#: What may stand between two quoted terms of one list (“街长制”“网格化”, “放管服”、“双随机”).
_SIBLING_GAP = frozenset(("", "、", "和", "与", "及"))


def _quoted_siblings(
    text: str, hits: list[PatternHit], candidates: list[tuple[int, int, str]]
) -> list[PatternHit]:
    """Plain quoted terms right next to a quoted formula: a list of labels (“街长制”“网格化”管理机制)."""
    edges = {h.start for h in hits} | {h.end for h in hits}
    found = []
    for start, end, content in candidates:
        before = text[max(0, start - 3) : start - 1]  # up to 2 characters before this term's opening quote
        after = text[end + 1 : end + 3]
        left = any(start - 2 - len(gap) in edges and before.endswith(gap) for gap in _SIBLING_GAP)
        right = any(end + 2 + len(gap) in edges and after.startswith(gap) for gap in _SIBLING_GAP)
        if left or right:
            found.append(PatternHit(start, end, content, "quoted"))
    return found


def _ends_cleanly(text: str, pos: int) -> bool:
    return pos >= len(text) or text[pos] in _BOUNDARY_AFTER or _HAN_CHAR_RE.match(text, pos) is None


def _ends_formula(text: str, pos: int) -> bool:
    """A clean boundary, or a word that names what kind of thing the formula is (四学四强活动)."""
    return _ends_cleanly(text, pos) or _TAIL_RE.match(text, pos, pos + 7) is not None


def _best_tail(text: str, x_start: int, x_text: str) -> int:
    """Length of the numbered phrase's noun: the longest that ends at a clean boundary, else 0.

    Without a boundary the noun is cut at a guess (四个现代 of 四个现代化建设), so no hit is better.
    """
    for length in range(len(x_text), 1, -1):
        end = x_start + length
        clean = _ends_cleanly(text, end) or text[end] in _VERB_END
        if clean and x_text[length - 1] not in _VERB_END:
            return length
    return 0


def _names_framework(text: str, x_start: int, end: int) -> bool:
    """Whether N个 + the noun text[x_start:end] names a framework: an abstract noun (两个积极性), or a label word
    in it or right after it (五个专题活动, 三个公报的原则)."""
    return (
        text[end - 1] in _ABSTRACT_ENDS
        or _CONTENT_TAIL_RE.search(text, x_start, end) is not None
        or _TAIL_RE.match(text, end, end + 7) is not None
    )


#: Last words of a four-character noun after N大 / N种 that name a framework's tasks or movements (三大革命运动,
#: 两大历史任务), where other such nouns count things or places (七大购物中心, 十大钢铁基地, 两大主题展厅).
_FRAMEWORK_NOUN_END_RE = re.compile("任务|运动|战略|目标|原则|作风|法宝|考验|危险")


def _framework_noun(text: str, start: int, end: int) -> bool:
    return text[end - 1] in _ABSTRACT_ENDS or _FRAMEWORK_NOUN_END_RE.match(text, end - 2, end) is not None


def _numbered_noun(text: str, m: re.Match[str], group: str) -> PatternHit | None:
    x_start, x_text = m.start(group), m.group(group)
    numeral, numeral_class = text[m.start() : x_start - 1], text[x_start - 1]
    if numeral[0] not in _MULTI or _COUNT_RE.match(x_text) or x_text[0] in NUM:
        return None
    if x_text[0] in _FUNCTION_CHARS or _AFTER_LIST_RE.search(text, max(0, m.start() - 10), m.start()):
        return None
    if len(numeral) > 1 or (group == "ge" and numeral == "二"):
        return None  # 十四个冶金企业, 二个重型机器厂: counts (十四个坚持 and the like are in the lexicon)
    if group == "big" and x_text[0] in _AFTER_CONGRESS:
        return None  # 十大以后, 五大会址: a party congress, not a set of things
    length = _best_tail(text, x_start, x_text)
    if not length:
        return None
    if (
        length == 4
        and (group == "big" or numeral_class == "种")
        and not _framework_noun(text, x_start, x_start + 4)
    ):
        return None  # 七大购物中心, 十种有色金属, 三大工作方向: things counted (三大革命运动, 两大历史任务 name tasks)
    end = x_start + length
    if any(ch in _FUNCTION_CHARS or ch in "和与及或" for ch in text[x_start:end]):
        return None
    if _ANNOUNCES_LIST_RE.match(text, end):
        return None
    if group == "ge" and not _names_framework(text, x_start, end):
        return None  # GUIDE §1.2: N个 + a thing is a count (两个军事集团), unless a label word follows
    return PatternHit(m.start(), end, text[m.start() : end], "numbered")


def _nxny(text: str, m: re.Match[str], idioms: Collection[str]) -> PatternHit | None:
    x, y = (m.group("x1"), m.group("y1")) if m.group("x1") else (m.group("x2"), m.group("y2"))
    phrase = m.group(0)
    if (
        phrase in idioms
        or x == y
        or set(x + y) & _NXNY_BAD
        or (phrase[0] == phrase[len(x) + 1] == "一" and len(x) > 1)
    ):
        return None
    if any(ch in _FUNCTION_CHARS or ch in NUM for ch in x + y):
        return None
    if not (_ends_formula(text, m.end()) if len(x) == 1 else _ends_cleanly(text, m.end())):
        return None  # 一加一大于二, 一捶一拓摹古意
    return PatternHit(m.start(), m.end(), phrase, "numbered")


def numbered_hits(text: str, idioms: Collection[str]) -> list[PatternHit]:
    """R2: 两个维护 / 四种形态 / 三严三实 shapes outside quotes, minus counts and idioms."""
    hits: list[PatternHit] = []
    for m in _NUMBERED_RE.finditer(text):
        if m.start() and text[m.start() - 1] in _NOT_BEFORE_COUNT:
            continue
        group = m.lastgroup
        hit = _nxny(text, m, idioms) if group in ("y1", "y2") else _numbered_noun(text, m, group or "")
        if hit is not None:
            hits.append(hit)
    return hits


def _shared_affix(items: list[str]) -> tuple[str, str]:
    """The longest prefix and the longest suffix all items share (only the smallest and the largest item
    are compared, found at C speed: this runs for every list of every text)."""
    return _common_prefix(items), _common_prefix([item[::-1] for item in items])[::-1]


def _common_prefix(items: list[str]) -> str:
    """`os.path.commonprefix` on strings, without its per-item `os.fspath` (a third of its time here)."""
    if not items:
        return ""
    low, high = min(items), max(items)
    for i, ch in enumerate(low):
        if ch != high[i]:
            return low[:i]
    return low


def _affix_cut(last: str, others: list[str], modal: int) -> int:
    """Where a longer last item ends when the other items share a suffix of two characters or more (现代流通
    体系和现代市场体系|建设): right after that suffix, found within the items' length; 0 otherwise."""
    suffix = _common_prefix([o[::-1] for o in others])[::-1]
    at = last.find(suffix, 0, modal + 3) if len(suffix) >= 2 else -1
    return at + len(suffix) if at > 0 else 0


def _prefix_cut(last: str, heads: list[str], modal: int, words: Collection[str]) -> int:
    """Where a longer last item ends when all items open with one prefix (新技术、新产业、新业态|蓬勃发展; 新知识、
    新情况、新事物|层出不穷): at the items' length, unless a word runs across that place (不平衡、不协调、不可持续;
    城市品质、城市环境、城市竞争力) or the prefix names addressees (各地区、各部门、各企业, GUIDE §3); 0 otherwise."""
    if last[0] != heads[0][0] or last[0] == "各":
        return 0  # (most lists: a quick test before the prefix of all items)
    prefix = _common_prefix(heads)
    if not prefix or len(prefix) >= modal or not last.startswith(prefix):
        return 0
    for i in range(max(0, modal - 3), modal):
        for j in range(modal + 1, min(len(last), i + 4) + 1):
            if last[i:j] in words:
                return 0
    return modal


def _trim_items(items: list[str], words: Collection[str] = frozenset()) -> list[str]:
    """Cut the governing verb off the first item and the tail off the last (坚持以学铸魂 → 以学铸魂); `words`
    (the general dictionary) tells where a last item that runs on into its clause may be cut (`_prefix_cut`)."""
    lengths = [len(i) for i in items[1:-1] or items]
    modal = max(lengths, key=lengths.count)  # the first most common length (a Counter costs more per list)
    first, last = items[0], items[-1]
    if len(first) > modal:
        first = first[-modal:]
    if len(last) > modal:
        others = items[1:-1] or items[:1]
        cut = modal if last[modal] in _LIST_TAIL_START else _affix_cut(last, others, modal)
        if not cut and words:
            cut = _prefix_cut(last, [first, *others], modal, words)
        if not cut:
            return []  # 城市竞争力大幅提升: the last item is longer, not followed by a tail
        last = last[:cut]
    return [first, *items[1:-1], last]


def list_runs(text: str) -> list[tuple[int, int]]:
    """Spans of the Han-and-、 runs that hold a list comma, found from the commas outwards.

    Scanning every Han run would touch each clause of the document; lists are rare, commas cheap to
    find, and the left end of a run is found by matching on the reversed text.
    """
    runs: list[tuple[int, int]] = []
    reverse = ""
    for m in finditer(_COMMA_RUN_RE, text):  # from a run's first comma to its right end, in one match
        pos, right = m.span()
        reverse = reverse or text[::-1]
        left = pos - _HAN_RUN_RE.match(reverse, len(text) - pos).end() + (len(text) - pos)  # type: ignore[union-attr]
        runs.append((left, right))
    return runs


ListRun = tuple[int, int, list[str]]


def list_items(text: str) -> list[ListRun]:
    """Every `list_runs` span with its items (split at the list commas), for the rules that read lists."""
    runs = [(left, right, text[left:right]) for left, right in list_runs(text)]
    # str.split where the run has only the usual list comma (nearly always; a regex split costs more)
    return [
        (left, right, run.split("、") if "﹑" not in run else _ENUM_SPLIT_RE.split(run))
        for left, right, run in runs
    ]


def enumeration_hits(
    text: str,
    idioms: Collection[str],
    lists: list[ListRun] | None = None,
    words: Collection[str] = frozenset(),
) -> list[PatternHit]:
    """R3: 、-lists of ≥3 short items that share a nominal affix (政治认同、思想认同、理论认同).

    `lists` are the text's `list_items`, when the caller has them already; `words` the general dictionary
    (`_trim_items`)."""
    hits: list[PatternHit] = []
    for left, right, raw in list_items(text) if lists is None else lists:
        if len(raw) < 3 or not all(raw) or not _enumeration_items(raw[1:-1]):
            continue  # (trimming keeps the middle items: one that fails fails the trimmed list, asked first)
        items = _trim_items(raw, words)
        if not items or not _enumeration_items(items):
            continue
        prefix, suffix = _shared_affix(items)
        suffix_ok = bool(suffix) and suffix[-1] not in _SUFFIX_STOP and len(suffix) < min(map(len, items))
        prefix_ok = (
            bool(prefix)
            and (
                (prefix not in _VERB_PREFIXES and prefix[0] not in _VERB_PREFIXES)
                or (prefix in _FRAME_PREFIXES)
            )
            and len(prefix) < min(map(len, items))
        )
        short_affix = len(max(prefix, suffix, key=len)) == 1
        if not (suffix_ok or prefix_ok) or (
            short_affix and min(map(len, items)) < 3 and not _one_character_frame(items, prefix)
        ):
            continue
        if all(i in idioms for i in items):
            continue
        start = left + len(raw[0]) - len(items[0])
        end = right - (len(raw[-1]) - len(items[-1]))
        if text.startswith("等", end):
            continue  # an open list (中华文明、希腊文明、罗马文明等) is an example set, not a formula
        hits.append(PatternHit(start, end, "、".join(items), "enumeration"))
    return hits


#: One-character prefixes of addressee lists (各地区、各部门; 全党、全军、全国各族人民), no frame (GUIDE §3).
_ADDRESSEE_PREFIXES = frozenset("各全")


def _one_character_frame(items: list[str], prefix: str) -> bool:
    """Two-character items that repeat their first character and differ in the second (共建、共享、共赢; 医疗、
    医保、医药; 通邮、通商、通航): a frame of one fixed character, unless it opens an addressee list."""
    return (
        len(prefix) == 1
        and prefix not in _ADDRESSEE_PREFIXES
        and all(len(i) == 2 for i in items)
        and len({i[1] for i in items}) == len(items)
    )


def _enumeration_item(item: str) -> bool:
    """An item R3 may hold: 2–6 characters, no function character."""
    return 2 <= len(item) <= 6 and not _FUNCTION_CHARS.intersection(item)


def _enumeration_items(items: list[str]) -> bool:
    """Whether every one of (≥ 1) items is an `_enumeration_item`: asked of the items together, in C (lengths
    by `map`, function characters in the items joined) rather than by a call per item."""
    return (
        min(map(len, items)) >= 2 and max(map(len, items)) <= 6 and _FUNCTION_CHARS.isdisjoint("".join(items))
    )


def _frame_members(leads: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Runs of ≥3 leads of equal length that share a character at a fixed position."""
    units: list[list[tuple[int, int, str]]] = []
    by_length: dict[int, list[tuple[int, int, str]]] = {}
    for lead in leads:
        by_length.setdefault(len(lead[2]), []).append(lead)
    for group in by_length.values():
        if len(group) < 3:
            continue
        texts = [g[2] for g in group]
        length = len(texts[0])
        positions = sum(1 for i in range(length) if len({t[i] for t in texts}) == 1)
        last_shape = len({t[-1] for t in texts}) == len(texts)  # 全面系统学/融会贯通悟/联系实际干
        if positions >= 1 or (last_shape and length <= 6):
            units.append(group)
    return units


def _paragraph_of(text: str, pos: int, indented: bool = True) -> int:
    """An id of the paragraph holding `pos`: where the last paragraph break before it is (a line break or a
    run of ideographic spaces). Two searches per lead (leads are few) instead of listing every break;
    `indented=False` says the text has no run of ideographic spaces (the search for one would read the whole
    text before `pos`, for every lead)."""
    return max(text.rfind("\n", 0, pos), text.rfind("\u3000\u3000", 0, pos) if indented else -1)


def parallel_hits(text: str) -> list[PatternHit]:
    """R4: 排比 — short lead sentences inside one paragraph, or sibling headings, built on one frame."""
    hits: list[PatternHit] = []
    by_paragraph: dict[int, list[tuple[int, int, str]]] = {}
    lines = "\n" + text
    leads = [(m.start(1), m.end(1), m.group(1)) for m in finditer(_LEAD_RE, lines)]
    indented = "\u3000\u3000" in text
    for start, end, lead in leads:
        ordinal = _ORDINAL_RE.match(lead)  # 一是…/二是… is numbering, not a frame: compare what follows
        if ordinal:
            start, lead = start + ordinal.end(), lead[ordinal.end() :]
            if len(lead) < 4:
                continue
        by_paragraph.setdefault(_paragraph_of(text, start - 1, indented), []).append(
            (start - 1, end - 1, lead)
        )
    for paragraph_leads in by_paragraph.values():
        for unit in _frame_members(paragraph_leads):
            formula = "/".join(u[2] for u in unit)
            hits.extend(PatternHit(s, e, formula, "parallel") for s, e, _t in unit)
    headings = [(m.start(1) - 1, m.end(1) - 1, m.group(1)) for m in _HEADING_RE.finditer(lines)]
    if len(headings) >= 3:
        titles = [h[2] for h in headings]
        prefix, suffix = _shared_affix(titles)
        if len(prefix) >= 3 or len(suffix) >= 3 or min(len(prefix), len(suffix)) >= 2:
            formula = f"{prefix}…{suffix}"
            hits.extend(PatternHit(start, end, formula, "parallel") for start, end, _t in headings)
    return hits
