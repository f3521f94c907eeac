"""Couplet slogans (对仗): two clauses of one length that repeat characters at the same places (issue 14, 14f6).

Mottos circulate as pairs of equal clauses whose second half echoes the first: 青年兴则国家兴，青年强则国家强;
文明因交流而多彩，文明因互鉴而丰富; 挑最重的担子、啃最硬的骨头; 坚定不移听党话、矢志不渝跟党走; 有令不行、
有禁不止. Prose seldom puts two equal clauses side by side that share characters at the same places after a
place where they differ, so that is the shape: the pair is the slogan (one span over both halves).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from app.core.formulas.patterns import HAN, PatternHit
from app.core.formulas.regex_scan import finditer

#: Shortest and longest half (4+4 … 10+10).
_MIN_HALF = 4
_MAX_HALF = 10
#: Characters shared at one place that show grammar, not a fixed frame.
_GRAMMAR = frozenset("的地得了和与及在对把将被")
#: Shortest halves of a template pair that is still a couplet: alike at both ends and once more inside
#: (不走封闭僵化的老路，不走改旗易帜的邪路), where two names of one template are short (集体产权、集体林权).
_MIN_TEMPLATE_HALF = 7
#: Words a first half may carry before the couplet (推动干部能上能下、能进能出).
_MAX_LEAD = 4
#: Correlative openers of a sentence's two clauses (既…也…, 不是…而是…, 不仅…而且…): grammar, not a couplet.
_CORRELATIVE_FIRST = frozenset("既不又")
_CORRELATIVE_SECOND = frozenset("也而又还更")
#: Openers of general Chinese and classical pairs, not mottos (GUIDE §3): distributive 各 (各施所长，各尽所能; 各门各类、
#: 各行各业) and the simile 如 (如切如磋，如琢如磨; 如身使臂，如臂使指). No such pair is marked on the tuning rounds.
_GENERAL_FIRST = frozenset("各如")
_H = f"[{HAN}]"
_SEP = "[，,、]"
#: At a list comma or comma (checked in C, cheapest test first, so that few of the corpus's ~170,000 commas
#: come back to Python): the first half's last two characters open the second half or follow its first
#: character (a chain, 国之交在于民相亲，民相亲在于心相通; a chiasmus, 在发展中促转变，在转变中谋发展), or a
#: 4-character second half repeats the first's first or second character at its place (有令不行、有禁不止;
#: 联防联控、群防群控: two 4-character halves that echo always share one of these); then the second half (group
#: b) is 4–10 Han characters. ~40 ms over the 3 M-character corpus (looking for a piece shared anywhere
#: across the comma cost twice that, for one more tuning span).
_CHAIN = rf"(?<=(?P<tail>{_H}{{2}}){_SEP})(?={_H}?(?P=tail))"
_ALIGNED_4 = (
    rf"(?={_H}{{4}}(?!{_H}))(?:(?<=(?P<a0>{_H}){_H}{{3}}{_SEP})(?=(?P=a0))"
    rf"|(?<=(?P<a1>{_H}){_H}{{2}}{_SEP})(?={_H}(?P=a1)))"
)
#: or a long second half (7–10) ends on the first half's last character (不走…的老路，不走…的邪路: a template
#: pair, `_couplet`).
_SAME_END = rf"(?<=(?P<e>{_H}){_SEP})(?={_H}{{6,9}}(?P=e)(?!{_H}))"
_COUPLET_RE = re.compile(
    rf"{_SEP}(?:{_CHAIN}|{_ALIGNED_4}|{_SAME_END})(?=(?P<b>{_H}{{{_MIN_HALF},{_MAX_HALF}}}+)(?!{_H}))"
)
_HAN_BACK_RE = re.compile(rf"{_H}+$")


def _echo(a: str, b: str) -> bool:
    """Two halves of one length whose shared places form ≥ 2 stretches apart from each other (青年|兴/强|则国家
    |兴/强; 挑|最|重/硬|的|…), one of them after a place where they differ and not a grammar character."""
    if a == b or a[:1] in _CORRELATIVE_FIRST or b[:1] in _CORRELATIVE_SECOND:
        return False
    stretches = 0
    inner = differs = False
    previous = False
    for x, y in zip(a, b, strict=True):
        same = x == y
        if same and not previous:
            stretches += 1
        if same and differs and x not in _GRAMMAR:
            inner = True
        differs = differs or not same
        previous = same
    return stretches >= 2 and inner


def _crossed(a: str, b: str) -> bool:
    """A two-character piece of one half that stands at another place in the other half (chiasmus, 在发展中
    促转变，在转变中谋发展; or a chain, 国之交在于民相亲，民相亲在于心相通)."""
    for k in range(len(a) - 1):
        piece = a[k : k + 2]
        if piece != b[k : k + 2] and not _GRAMMAR & set(piece) and b.find(piece) not in (-1, k):
            return True
    return False


def _couplet(a: str, b: str) -> bool:
    """4+4 halves that echo (有令不行、有禁不止; 能上能下、能进能出), or longer halves that echo and cross; not
    two names of one template, alike at both ends (集体产权、集体林权; 支援工业，支援农业), nor a general pair that
    both halves open with 各 or 如 (各施所长，各尽所能)."""
    if a[0] == b[0] in _GENERAL_FIRST:
        return False
    if a[0] == b[0] and a[-1] == b[-1]:
        return len(a) >= _MIN_TEMPLATE_HALF and _stretches(a, b) >= 3
    return _echo(a, b) and (len(a) == _MIN_HALF or _crossed(a, b))


def _stretches(a: str, b: str) -> int:
    """How many separate stretches of places two equal halves share (不走|封闭僵化/改旗易帜|的|老/邪|路: 3)."""
    return sum(x == y and (k == 0 or a[k - 1] != b[k - 1]) for k, (x, y) in enumerate(zip(a, b, strict=True)))


def couplet_hits(text: str, idioms: Collection[str] = frozenset()) -> list[PatternHit]:
    """Pairs of equal clauses that echo each other (`_couplet`), unless both are idioms (一心一意、三心二意 is
    general Chinese, GUIDE §3); not a pair inside a longer run of such clauses (the frame rules' 排比)."""
    hits: list[PatternHit] = []
    for m in finditer(_COUPLET_RE, text):  # (one literal search per comma character)
        comma = m.start()
        second = m.group("b")
        size = len(second)
        first = text[comma - size : comma]
        if sum(map(str.__eq__, first, second)) < 2 or (first[:1] != second[:1] and m.group("e") is not None):
            continue  # (most matches: a quick test in C before the regex and Python work below)
        window = max(0, comma - size - _MAX_LEAD - 1)
        before = _HAN_BACK_RE.search(text, window, comma)
        if before is None or before.end() - before.start() < size or (before.start() == window > 0):
            continue  # the first half is shorter, or runs on beyond the words a lead may hold
        if not _couplet(first, second) or (first in idioms and second in idioms):
            continue
        template = first[0] == second[0] and first[-1] == second[-1]
        if (template or m.group("e") is not None) and not _template_pair(text, comma, first, second):
            continue  # (a pair found by its last character alone is a couplet only as a template pair)
        # a third clause of the same shape makes a 排比 run (the frame rules' find), not a couplet
        after = _THIRD_RE.match(text, comma + 1 + size)
        if after is not None and len(after.group(1)) == size and _echo(second, after.group(1)):
            continue
        if after is not None and len(after.group(1)) == size and _item_before(text, comma - size) == size:
            continue  # two neighbours in a longer list of equal items (…克己奉公、以史为鉴、以案为训、修身齐家…)
        hits.append(
            PatternHit(comma - size, comma + 1 + size, text[comma - size : comma + 1 + size], "slogan")
        )
    return hits


_THIRD_RE = re.compile(rf"{_SEP}({_H}+)")


#: Openers of a statement about something (我们的事业是伟大的，我们的任务是艰巨的; 这…): no motto.
_PRONOUNS = frozenset("我你他她它这那")


def _template_pair(text: str, comma: int, first: str, second: str) -> bool:
    """A pair found only by its shared last character (`_SAME_END`) is a couplet when it is a template pair,
    alike at both ends (`_couplet`), that stands alone: no list comma joins it to more items (…、廉政教育基地
    参观、廉洁教育展览参观、…), no clause of its size goes before it (a 排比 run, 在创新实践中发现人才、在创新活动
    中培育人才、…), and it is no statement (我们的事业是伟大的…) or narrative (全部免征了农业税，全国取消了牧业税)."""
    size = len(first)
    if first[0] != second[0] or first[0] in _PRONOUNS or "了" in first + second:
        return False
    if text[comma] == "、" and (
        text[comma - size - 1 : comma - size] == "、" or text[comma + 1 + size : comma + 2 + size] == "、"
    ):
        return False
    return _item_before(text, comma - size, "、，,") != size


def _item_before(text: str, at: int, seps: str = "、") -> int:
    """The length of the whole Han item that a list comma (or one of `seps`) joins to text[at:] from before,
    or 0."""
    if at < 2 or text[at - 1] not in seps:
        return 0
    item = _HAN_BACK_RE.search(text, max(0, at - 1 - _MAX_HALF - 1), at - 1)
    return 0 if item is None or item.start() == max(0, at - 1 - _MAX_HALF - 1) else item.end() - item.start()


_IS_RE = re.compile("就是")
_HAN_RUN_RE = re.compile(rf"[{HAN}]+")
#: Pronouns, particles and words of reasoning that make an X就是Y clause a statement (这就是…, 目的就是…).
_STATEMENT_CHARS = frozenset("的了这那我你他她它们么其此之要也就都还")
_CLASSIFIER_ONE_RE = re.compile("一[个名面所座位支条颗种]")


def _motto(x: str, y: str) -> bool:
    """X就是Y as a motto: two four-character sides (绿水青山就是金山银山), sides that open with one verb (保护环境
    就是保护生产力; 谋创新就是谋未来), or one thing of a kind each (一名党员就是一面旗帜). (Two-character sides
    are as often a statement as a motto: 团结就是力量, but also 和平就是政治 in a 1977 argument.)"""
    if x == y or _STATEMENT_CHARS & set(x + y):
        return False
    if _CLASSIFIER_ONE_RE.match(y):  # 一名党员就是一面旗帜 (a kind each), not …本身就是一个创举 (a predicate)
        return bool(_CLASSIFIER_ONE_RE.match(x))
    return len(x) == len(y) == 4 or (x[0] == y[0] and (x[:2] == y[:2] or len(x) <= 5))


def is_motto_hits(text: str) -> list[PatternHit]:
    """Whole clauses X就是Y with short sides (2–6 and 2–7 characters) of a motto's shape (`_motto`)."""
    hits: list[PatternHit] = []
    for m in _IS_RE.finditer(text):
        before = _HAN_BACK_RE.search(text, max(0, m.start() - 7), m.start())
        after = _HAN_RUN_RE.match(text, m.end())
        if before is None or after is None or before.start() == max(0, m.start() - 7) > 0:
            continue  # (a side longer than the window runs on)
        x, y = before.group(0), after.group(0)
        if 2 <= len(x) <= 6 and 2 <= len(y) <= 7 and _motto(x, y):
            hits.append(PatternHit(before.start(), after.end(), before.group(0) + "就是" + y, "slogan"))
    return hits


#: The 两手抓 frame of the reform era: 一手抓物质文明，一手抓精神文明; 一手抓繁荣、一手抓管理; 一手硬、一手软.
_TWO_HANDS_RE = re.compile(rf"一手({_H}{{1,10}}?)[，、；;]一手({_H}{{1,10}}?)(?=的|[^{HAN}]|$)")


def two_hands_hits(text: str) -> list[PatternHit]:
    """一手X，一手Y with two different halves (the 两手抓 slogans; one span over both)."""
    return [
        PatternHit(m.start(), m.end(), m.group(0), "slogan")
        for m in _TWO_HANDS_RE.finditer(text)
        if m.group(1) != m.group(2)
    ]


#: Two clauses of one sentence that trade their ends: the two characters before the comma open the second
#: clause (checked by the expression, at each comma or semicolon), and the first clause's opening two close it.
_SWAP_RE = re.compile(rf"[，；](?<=(?P<y>{_H}{{2}})[，；])(?=(?P=y))(?P<b>{_H}{{5,14}})(?=[。！；，])")
#: Characters that make an end grammar, not a thing (…的，的…; 就是…): 和 is left out for 和平.
_SWAP_GRAMMAR = (_GRAMMAR - {"和"}) | frozenset("是也就都还要")


def swap_hits(text: str) -> list[PatternHit]:
    """A…B，B…A: a whole clause from A to B and the next from B back to A, 5–14 characters each (中国的发展离不开
    世界，世界的繁荣也需要中国; 发展需要和平，和平离不开发展; 人类善待自然，自然也会馈赠人类). A and B are the
    clauses' own ends, so the pair is a motto of exchange, not two clauses that share a word; nor a condition
    and what it allows (世界能够进入中国，中国也才能走向世界: 才 makes the second clause an argument's step)."""
    hits: list[PatternHit] = []
    for m in finditer(_SWAP_RE, text):
        comma = m.start()
        window = max(0, comma - 15)
        first = _HAN_BACK_RE.search(text, window, comma)
        if first is None or not 5 <= first.end() - first.start() <= 14 or first.start() == window > 0:
            continue  # the first clause is shorter, or runs on beyond 14 characters
        a, b = first.group(0), m.group("b")
        x, y = a[:2], m.group("y")
        if x != y and b.endswith(x) and not _SWAP_GRAMMAR & set(x + y) and "才" not in b:
            hits.append(PatternHit(first.start(), m.end(), f"{a}，{b}", "slogan"))
    return hits


#: What 一/二 count when the pair is no motto: points (一是…), phases and grades (一期投产，二期开工; 一产、二产).
_COUNTED_NOUNS = frozenset("是期号批次线产级类等档")


def counted_pair_hits(text: str) -> list[PatternHit]:
    """一X…，二X…: two equal clauses counted off with one verb (一要吃饭，二要建设; 坚持一靠教育，二靠制度; 一不怕苦、
    二不怕死), the first and second of a motto (a governing verb before 一 is left out); not 一是…，二是… (the
    enumeration of points) or 一期…，二期… (phases counted), nor a pair that goes
    on to 三 (一产做优、二产做大、三产做强: a 排比 run)."""
    hits: list[PatternHit] = []
    at = text.find("二", 1)
    while at >= 0:  # (a literal search: 二 is rarer than the separators before it)
        sep, at = at - 1, text.find("二", at + 1)
        if text[sep] not in "，、":
            continue
        second = _HAN_AHEAD_RE.match(text, sep + 2)
        size = 1 + (second.end() - second.start()) if second is not None else 0
        start = sep - size
        if not 3 <= size <= 6 or start < 0 or text[start] != "一" or text[start + 1] != text[sep + 2]:
            continue
        if text[start + 1] in _COUNTED_NOUNS or not _HAN_RUN_RE.fullmatch(text, start, sep):
            continue
        if not text.startswith("三", second.end() + 1):
            hits.append(PatternHit(start, second.end(), text[start : second.end()], "slogan"))
    return hits


_HAN_AHEAD_RE = re.compile(rf"{_H}+")
#: Longest side of a 则 motto: 生态兴则文明兴, 青年强则国家强 (a clause of its own, 2–5 characters a side).
_MAX_ZE_SIDE = 5


def _side_before(text: str, at: int) -> str:
    """The whole Han run that ends at `at`, when it is at most `_MAX_ZE_SIDE` characters; "" otherwise."""
    before = _HAN_BACK_RE.search(text, max(0, at - _MAX_ZE_SIDE - 1), at)
    return before.group() if before is not None and at - before.start() <= _MAX_ZE_SIDE else ""


def ze_motto_hits(text: str) -> list[PatternHit]:
    """Mottos of two balanced sides joined by 则, each side a clause of its own: A兴则B兴 (生态兴则文明兴, 青年强则
    国家强: one verb closes both sides) and A则X，B则Y (合则强，孤则弱; 开放则兴，封闭则衰: equal halves that end
    differently). Not 凡事预则立，不预则废 (unequal halves), nor a 则 inside a longer clause (…否则…)."""
    hits: list[PatternHit] = []
    at = text.find("则")
    while at >= 0:
        first = _side_before(text, at)
        after = _HAN_AHEAD_RE.match(text, at + 1)
        second = after.group() if after is not None else ""
        start = at - len(first)
        if len(first) >= 2 and 2 <= len(second) <= _MAX_ZE_SIDE and first[-1] == second[-1] != first[0]:
            if first[:-1] != second[:-1] and first[-1] not in _GRAMMAR:
                hits.append(
                    PatternHit(start, at + 1 + len(second), text[start : at + 1 + len(second)], "slogan")
                )
        elif first and len(second) == 1 and text.startswith("，", at + 2):
            other = _HAN_AHEAD_RE.match(text, at + 3)
            pair = other.group() if other is not None else ""
            if len(pair) == len(first) + 2 and pair[-2] == "则" and pair[-1] != second and pair[:-2] != first:
                end = at + 3 + len(pair)
                hits.append(PatternHit(start, end, text[start:end], "slogan"))
        at = text.find("则", at + 1)
    return hits


#: Particles of classical Chinese: a quoted saying written with them is a classical quotation (恃德者昌，恃力者亡;
#: 水能载舟，亦能覆舟), which GUIDE §3 leaves unmarked.
_CLASSICAL = frozenset("之者乎亦矣焉哉兮也其")
#: What may stand between a quoted saying and its closing quote: the saying's own end.
_SAYING_ENDS = ("", "。", "！", "？")


def _quoted_saying(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a quotation (“ … ” on its line) that goes on after it (中国古人说：“度之
    往事，验之来事，参之平素，可则决之”; 陈园园说：“要时刻保持清醒头脑，以史为鉴、以案为训，…”), or inside one that
    is a sentence in classical words (“水能载舟，亦能覆舟。”). Quoted speech and classical quotations are no
    formulas (GUIDE §3); a quote that is just the slogan is one (“越中情谊深，同志加兄弟。”), and so is a slogan
    that ends a quoted sentence (…中华文化博大精深，一个博物馆就是一所大学校。”)."""
    line = text.rfind("\n", 0, start) + 1
    opened = text.rfind("“", line, start)
    if opened < 0 or text.rfind("”", opened, start) >= 0:
        return False
    closed = text.find("”", end)
    if closed < 0 or "\n" in text[end:closed]:
        return False
    tail = text[end:closed]
    return tail not in _SAYING_ENDS or (tail != "" and bool(_CLASSICAL & set(text[start:end])))


def slogan_hits(text: str, idioms: Collection[str] = frozenset()) -> list[PatternHit]:
    """All of this module's slogan shapes: couplets, exchanges, X就是Y and 则 mottos, the 两手抓 frame and counted
    pairs (一…，二…); not one
    that is part of a quoted saying (`_quoted_saying`)."""
    found = (
        couplet_hits(text, idioms)
        + swap_hits(text)
        + is_motto_hits(text)
        + two_hands_hits(text)
        + ze_motto_hits(text)
        + counted_pair_hits(text)
    )
    return [h for h in found if not _quoted_saying(text, h.start, h.end)]
