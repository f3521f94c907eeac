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
from itertools import pairwise

from app.core.formulas.clause_pairs import ClausePair, clause_pairs
from app.core.formulas.patterns import _LIST_TAIL_START, _VERB_PREFIXES, HAN, ListRun, PatternHit, list_items
from app.core.formulas.regex_scan import clause_start, finditer
from app.core.formulas.repeats import repeat_hits

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


#: Heads too common to make a frame by themselves (坚持…，坚持… is a list of tasks, not a 排比).
_WEAK_HEADS = frozenset(
    (
        *(
            "坚持",
            "加强",
            "推进",
            "推动",
            "提高",
            "完善",
            "深化",
            "实施",
            "加快",
            "建设",
            "开展",
            "中国",
            "我国",
        ),
        *("我们", "人民", "国家", "社会", "经济", "这是", "这个", "一个", "他们", "我们的", "有的"),
        *("一名", "一位", "一次", "一种", "一项", "一批", "一条"),  # counted things: 一名党员、一名中国青年
    )
)
#: Modal and linking words and adverbs that open clauses of a sentence without being a fixed word of it
#: (必须…，必须…; 在于…，在于…; 就会…; 坚定不移…; 彻底结束了…): weak heads of clause runs. (Not of sibling
#: paragraph leads and ；-segments, `sibling_frames`, where 必须坚持以人为本。 is a member of a 排比.)
_GRAMMAR_HEADS = frozenset(("必须", "在于", "就会", "坚定", "彻底", "不能"))
_MAX_MEMBER = 40
#: A weak head (坚持…) makes a frame when every member is this short after it: 坚持党性原则，坚持实事求是，…
_SHORT_WEAK = 8
_MIN_MEMBERS = 3
#: Longest list item of a slot frame (在机构设置上更加科学、在职能配置上更加优化、…: 10).
_MAX_SLOT_ITEM = 12
#: Degree adverbs that head 排比 items rather than tasks: 更加积极、更加开放、更加有效 (a list of 深入基层、深入
#: 一线 is tasks, one of 更加… is a frame).
_ADVERB_HEADS = frozenset(("更加",))
#: Manner adverbs that head a frame when each item is the adverb and one verb: 全面学习、全面把握、全面落实;
#: 一体领会、一体把握、一体践行 (全面推进…、全面加强… with objects is a list of tasks).
_MANNER_HEADS = frozenset(("全面", "一体"))
#: A list item holding a conjunction is itself a list (人民解放和实现国家富强): no frame member.
_CONJUNCTION = frozenset("和与及")
#: Structural particles: shared at one place they make no frame (X的Y、Z的W is grammar, not a fixed word).
_GRAMMAR_PLACE = frozenset("的地")
_HAN_RE = re.compile(rf"[{HAN}]+")
_MEMBER_RE = re.compile(rf"[{HAN}“”‘’、]+")

Member = tuple[int, int, str]


def _members(start: int, items: list[str]) -> list[Member]:
    """A list's items (`list_items`: its text from `start` split at single list commas) as (start, end, text),
    empty ones left out: the offsets follow from the items' lengths, no second split of the text."""
    out = []
    for item in items:
        if item:
            out.append((start, start + len(item), item))
        start += len(item) + 1
    return out


def _head_runs(members: list[Member], short_weak: int = 0) -> list[list[Member]]:
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
            and (
                (head not in _WEAK_HEADS and head not in _GRAMMAR_HEADS)
                or all(len(m[2]) - 2 <= short_weak for m in run)
            )
            and _HAN_RE.fullmatch(head)
            and all(len(m[2]) <= _MAX_MEMBER and _MEMBER_RE.fullmatch(m[2]) for m in run)
            and all(m[2].count("“") == m[2].count("”") for m in run)
        ):
            runs.append(run)
            i = j
        else:
            i += 1
    return runs


def _slot_runs(members: list[Member]) -> list[list[Member]]:
    """Consecutive list items (≥ 3) of 3–8 characters with one fixed character at the same inner place
    (疫情要防住、经济要稳住、发展要安全); the item before may carry the governing verb, the one after a tail."""
    runs: list[list[Member]] = []
    a = 0
    while a < len(members):
        size = len(members[a][2])
        b = a + 1
        while b < len(members) and len(members[b][2]) == size:
            b += 1
        run = list(members[a:b])
        if 3 <= size <= _MAX_SLOT_ITEM:
            if a > 0 and len(members[a - 1][2]) > size:
                before = members[a - 1]
                run.insert(0, (before[1] - size, before[1], before[2][-size:]))
            if b < len(members) and len(members[b][2]) > size and members[b][2][size] in _LIST_TAIL_START:
                after = members[b]
                run.append((after[0], after[0] + size, after[2][:size]))
            words = [m[2] for m in run]
            if (
                len(run) >= _MIN_MEMBERS
                and len(set(words)) == len(words)
                and all(_HAN_RE.fullmatch(w) for w in words)
                and _fixed_inner_place(words)
            ):
                runs.append(run)
        a = b
    return runs


def _fixed_inner_place(words: list[str]) -> bool:
    """A character all items share at one place, after a place where they differ (疫情要防住、经济要稳住;
    not 深入基层、深入一线, whose shared characters are a prefix). A shared 的 counts only with a shared first or
    last character (严明的纪律、严格的制度、严厉的措施; 锐意创新的勇气、敢为人先的锐气、蓬勃向上的朝气): 深厚的爱国
    情怀、坚定的学术志向、顽强的工作作风 repeats grammar only, which the annotators leave unmarked."""
    differs = grammar = False
    for k in range(len(words[0]) - 1):
        same = len({w[k] for w in words}) == 1
        if same and differs:
            if words[0][k] not in _GRAMMAR_PLACE:
                return True
            grammar = True
        differs = differs or not same
    return grammar and (len({w[0] for w in words}) == 1 or len({w[-1] for w in words}) == 1)


def _outermost(runs: list[list[Member]]) -> list[list[Member]]:
    kept: list[list[Member]] = []
    for run in sorted(runs, key=lambda r: (r[0][0], -r[-1][1])):
        if not kept or run[0][0] >= kept[-1][-1][1]:
            kept.append(run)
    return kept


def _clause_runs(text: str) -> list[list[Member]]:
    """Head runs among the clauses of the text. Two clauses in a row that start alike are found by one
    regular expression (C level); only from there on are clauses looked at one by one."""
    runs: list[list[Member]] = []
    done = -1
    for pair in finditer(_PAIR_RE, text):
        if pair.start() < done:
            continue
        seps = [pair.start()]
        head, sep = pair.group(2), pair.group(1)
        while True:  # the separators of the run: each next clause ends at one and starts with the head
            nxt = _CLAUSE_END_RE.search(text, seps[-1] + 1)
            if nxt is None or text[nxt.start()] != sep or not text.startswith(head, nxt.start() + 1):
                break
            seps.append(nxt.start())
        # members: the clause before the first separator, and the clauses after each separator
        floor = max(0, seps[0] - _MAX_MEMBER - 1)  # a longer first clause is cut there (no member then)
        lo = floor
        for end_mark in _CLAUSE_END_RE.finditer(text, floor, seps[0]):  # the last clause end before the run
            lo = end_mark.end()
        ends = [*seps[1:], _clause_end(text, seps[-1] + 1)]
        members = [(lo, seps[0], text[lo : seps[0]])]
        members += [(a + 1, b, text[a + 1 : b]) for a, b in zip(seps, ends, strict=True)]
        runs += _head_runs(members, _SHORT_WEAK)
        done = seps[-1]
    return runs


#: A clause separator, a clause, the same separator and a clause starting with the same two characters.
#: (Possessive `*+`: the separator is no clause character, so backtracking into the clause never helps.)
_PAIR_RE = re.compile(rf"([，,；;])([{HAN}]{{2}})[^，,；;。！？!?\n：:]*+\1\2")


def _clause_slot_runs(text: str, pairs: list[ClausePair]) -> list[list[Member]]:
    """Clauses of one length with a fixed character after a varying one (为国家增创更多财富，为人民增加更多
    福祉，为民族增添更多荣耀): the comma-level counterpart of the list items' slot frames. Three clauses of 5–12
    characters, one separator between them, that start with the same character (，为…，为…，为…): the second
    and third are two whole clauses of `clause_pairs`, the first is read backwards (`regex_scan.clause_start`)."""
    runs = []
    done = 0  # where the last run of three clauses that start alike ended: runs do not overlap
    for sep, b_end, third in pairs:
        if b_end - sep <= 5 or third - b_end <= 5 or text[sep + 1] != text[b_end + 1]:
            continue  # (clauses of 5 characters or more, which open with one character)
        start = clause_start(text, sep, 5, 12)
        if start - 1 < done or text[start] != text[sep + 1] or not _HAN_RE.fullmatch(text, start, sep):
            continue
        done = third
        words = [text[start:sep], text[sep + 1 : b_end], text[b_end + 1 : third]]
        if len({len(w) for w in words}) == 1 and len(set(words)) == 3 and _fixed_inner_place(words):
            runs.append([(start, sep, words[0]), (sep + 1, b_end, words[1]), (b_end + 1, third, words[2])])
    return runs


def _clause_end(text: str, start: int) -> int:
    m = _CLAUSE_END_RE.search(text, start)
    return m.start() if m else len(text)


_CLAUSE_END_RE = re.compile(r"[，,；;。！？!?\n：:]")


def _may_frame(parts: list[str]) -> bool:
    """Cheap test on a list's items before members are built: two items in a row that start alike, or
    an item of 3–12 characters sharing an inner character with the next one (most lists have neither)."""
    for a, b in pairwise(parts[1:]):
        if a[:2] == b[:2] and len(a) >= 2:
            return True
        size = len(a)
        # the inner places compared pairwise in C (map) rather than by a generator
        if 3 <= size <= _MAX_SLOT_ITEM and len(b) >= size and any(map(str.__eq__, a[1:-1], b[1 : size - 1])):
            return True
    return False


def frame_hits(
    text: str,
    lists: list[ListRun] | None = None,
    pairs: list[ClausePair] | None = None,
    units: list[int] | None = None,
) -> list[PatternHit]:
    """Frames with a variable slot: repeated heads, a fixed inner character, unseparated repeats.

    `lists` are the text's `patterns.list_items`, `pairs` its `clause_pairs.clause_pairs` and `units` its
    `repeats.unit_starts`, when the caller has them already."""
    runs = _clause_runs(text) + _clause_slot_runs(text, clause_pairs(text) if pairs is None else pairs)
    for left, _right, parts in list_items(text) if lists is None else lists:
        if not _may_frame(parts):
            continue
        items = _members(left, parts)
        runs += [
            r
            for r in _head_runs(items)
            if (
                r[1][2][:2] not in _VERB_PREFIXES
                or r[1][2][:2] in _ADVERB_HEADS
                or (r[1][2][:2] in _MANNER_HEADS and all(len(m[2]) == 4 for m in r))
            )
            and not any(_CONJUNCTION & set(m[2]) for m in r)
            and (r[0][1] == items[0][1] or r[-1][1] == items[-1][1])
        ]  # fmt: skip  (深入基层、深入一线、深入群众 is a list of tasks; 、-lists need more than a verb; a run
        #  with other items on both sides is a stretch of a longer plain list: …战略布局和发展方向、发展方式、
        #  发展动力、战略步骤…)
        runs += _slot_runs(items)
    hits = [PatternHit(r[0][0], r[-1][1], text[r[0][0] : r[-1][1]], "parallel") for r in _outermost(runs)]
    return hits + repeat_hits(text, units)
