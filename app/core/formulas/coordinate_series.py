"""Coordinate series whose members share a piece: the 排比 an analyst marks in a list (issue 14, session 12).

A list of ≥ 3 short coordinate members — written with 、, or with ， when each member is a short clause —
is a frame when the members repeat a piece at the same place: a prefix (为党、为国家、为人民; 供水、供气、供热;
更好的教育、更稳定的工作…; 坚持共产党领导、坚持社会主义道路…), a suffix (上学难、就医难、增收难; 高端化、智能化、
绿色化), or a piece aligned from the start or the end inside each member (凝聚全球共识，动员全球资源，协调全球
行动; 体察民情，了解民意，集中民智，珍惜民力; 草原音乐名城、冰雪运动名城、生态旅游名城). It took over the cut lists
of `inner_frames` (a first item cut after its governing words, a last item that runs on); `patterns`'
enumeration rule (R3) still finds its 2–6-character nominal-affix lists under its own rule name.

The members between the separators are clean; the first member's start and (in a 、-list) the last member's end
are not: the first runs back over the governing words (增强调控|前瞻性、针对性和有效性; 我们支持联合国更有效地|凝聚…),
the last runs on into its clause (有能力|战胜…; 稳物价|工作). The shared piece is read off the clean sides (positions
from the start on the members after the first, from the end on the members before the last), and the open
ends are cut where the piece falls in them, or at the members' length where the dictionary sees no word run
across the cut. One span over the whole series (GUIDE §1.3).

Guards are of shape: figures and statistics; persons and addressees (…同胞, …同志; 各…, 全…); counted things
(一名…); a one-character affix that makes names, places, dates or amounts (…县, …市, …年, …万) on short members;
a piece that is only 的/和/们/是; one head noun after modifiers of different lengths (产业扶贫基金、贫困生救助基金、
医疗救助基金: things of one class, right about half the time on the tuning rounds); and ，-runs that share only an
opening (a repeated governing verb or modal: the anaphora rules' shape), whose clauses differ in length or run
past six characters (tasks: 加强市场设施建设，健全市场法规，…), or open with a correlative (是…，是…).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import compress, count, filterfalse
from operator import and_

from app.core.formulas.frames import _WEAK_HEADS
from app.core.formulas.patterns import _VERB_PREFIXES, HAN, ListRun, PatternHit
from app.core.formulas.regex_scan import finditer
from app.core.formulas.tail_frames import _GENERIC_TAILS

#: Longest member of a ，-series: a longer clause is a task or a statement (加强市场设施建设，…), not a list member.
_SHORT_CLAUSE = 6
#: Longest member of a 、-series.
_MAX_LIST_MEMBER = 14
_MIN_MEMBERS = 3
#: Characters that never make the shared piece on their own (…的、…的; …和…).
_FUNCTION = frozenset("的和与及之地得了或们是")
#: Of those, the ones that are no function word when they open the members (和平、和睦、和谐; 与时俱进).
_FUNCTION_AT_START = _FUNCTION - frozenset("和与及")
#: One-character affixes of names, places, dates and amounts (河北省、山西省; 1月、2月; 五万、十万).
_NAME_AFFIXES = frozenset("省市县区乡镇村州洲国年月日号万亿元次个人家名岁届期")
#: Members of a one-character name affix are names up to this length (河北省、山西省; 革命老区、民族地区 are not).
_NAME_MEMBER = 3
#: Last characters of words for persons: a list of them is a list of addressees (…同胞、…同胞和海外侨胞).
_PERSON_ENDS = frozenset("胞志士")
#: One-character prefixes of addressee lists (各地区、各部门; 全党、全军), no frame (GUIDE §3).
_ADDRESSEE_PREFIXES = frozenset("各全")
#: One-character prefixes that make a frame of members of any length (更好的教育、更稳定的工作; 新技术、新业态).
_FRAME_PREFIXES = frozenset("不新更最")
#: What a one-character piece at the start may be for members of any length: a function word or a frame prefix.
_NO_SHORT_PREFIX = _FUNCTION_AT_START | _FRAME_PREFIXES
#: Members of one-character prefixes are short (供水、供气、供热; 边打、边稳、边建) up to this length.
_SHORT_MEMBER = 4
_NUMERALS = frozenset("一二三四五六七八九十两百千万几每")
_FIGURE_RE = re.compile(r"[0-9０-９%％.．]|[一二三四五六七八九十百千万亿]+[万亿元%]")
_CLAUSE_ENDS = "，,；;。！？!?\n：:"
#: ≥ 2 short all-Han clauses after a ，, the run ending at a clause end (the first member is read backwards).
_COMMA_RUN_RE = re.compile(
    rf"，[{HAN}]{{1,{_SHORT_CLAUSE}}}+(?:，[{HAN}]{{1,{_SHORT_CLAUSE}}}+)+(?=[{_CLAUSE_ENDS}]|$)"
)
#: How far back the first member of a ，-series may run to its clause start.
_FIRST_REACH = 40
#: The first member of a ，-series: the all-Han clause that ends at the run's first ， (searched up to it).
_FIRST_CLAUSE_RE = re.compile(rf"(?<![^{_CLAUSE_ENDS}])[{HAN}]+\Z")
#: Openings of correlative clauses and of a run's subject (长征的胜利，是…的胜利，是…的胜利; 对世界就越好，对…).
_CORRELATIVE_STARTS = ("是", "也", "对", "有", "不是", "而是", "及", "以及", "和", "又", "还", "但")
#: Governing words that stand before a list's first member (完善|民主权利保障制度、…; 通过|居民点单、…).
_GOVERNING = frozenset(w for w in (*_VERB_PREFIXES, *_WEAK_HEADS) if len(w) >= 2) | frozenset(
    ("通过", "实施", "完成", "形成", "提供", "享有", "期盼", "采取", "愿做", *"是在对把从向")
)
#: How many members a series may leave out at its start: a list's first items may belong to the clause before it
#: (把…从分钱、分物、定项目转到|定战略、定方针、定政策), the first clause of a ，-run may be its subject.
_FIRST_TRIES = 3
#: How far the first member's cut moves left so as not to run through a word.
_WORD_STEPS = 2
#: Characters that may follow the cut end of a 、-series' last member (…文化馆、青少年宫; …技术等交叉融合).
_TAIL_START = frozenset("的等和与及中上下里时为是")

Piece = dict[int, str]


def _aligned(members: list[str], from_end: bool) -> Piece:
    """Positions (from the start, or from the end as −1, −2, …) where all members have one character (the
    positions found by `map`/`compress` at C speed: this runs for most lists of every text)."""
    if from_end:
        members = [m[::-1] for m in members]
    first = members[0]
    mask = map(str.__eq__, first, members[1])  # (map stops at the shorter string)
    for member in members[2:]:
        mask = map(and_, mask, map(str.__eq__, first, member))
    shared = compress(count(), mask)
    return {-1 - i: first[i] for i in shared} if from_end else {i: first[i] for i in shared}


def _matches(member: str, piece: Piece) -> bool:
    return all(-len(member) <= at < len(member) and member[at] == ch for at, ch in piece.items())


def _shared(a: str, b: str, from_end: bool = False) -> int:
    """How many content characters a and b share at one place from the start or the end (at C speed)."""
    if from_end:
        a, b = a[::-1], b[::-1]
    equal = list(map(str.__eq__, a, b))
    if True not in equal:
        return 0  # (most pairs: nothing shared at all)
    return len(list(filterfalse(_FUNCTION.__contains__, compress(a, equal))))


def _may_share(members: list[str]) -> bool:
    """A quick necessary test of `_series` (most lists fail it): `_may_share_at` for some first member it tries
    (`test_formula_scan_shortcuts` checks that no series is lost by it)."""
    return any(_may_share_at(members, k) for k in range(min(_FIRST_TRIES, len(members) - _MIN_MEMBERS + 1)))


def _may_share_at(members: list[str], k: int) -> bool:
    """Whether a series from member k may share a piece, on the two members each alignment is read on: two
    shared characters, or one that is a prefix or a suffix, or one inside a series of ≥ 4."""
    first, second, third = members[k], members[k + 1], members[k + 2]
    if (second[0] == third[0] and second[0] not in _FUNCTION_AT_START) or (
        first[-1] == second[-1] and first[-1] not in _FUNCTION
    ):
        return True  # (a prefix or a suffix)
    starts, ends = _shared(second, third), _shared(first, second, True)
    return starts >= 2 or ends >= 2 or (len(members) - k >= 4 and bool(starts or ends))


def _is_frame(members: list[str], piece: Piece, comma: bool) -> bool:
    """Whether the shared piece makes the members a frame (the guards of shape)."""
    content = [ch for at, ch in piece.items() if ch not in (_FUNCTION_AT_START if at == 0 else _FUNCTION)]
    if not content or len(set(members)) < len(members):
        return False
    if _FIGURE_RE.search("|".join(members)) or piece.get(0, "") in _NUMERALS:
        return False  # statistics, names; counted things (一名党员、一名中国青年、一名清华人)
    prefix_only = all(at >= 0 for at in piece) and 0 in piece and sorted(piece) == list(range(len(piece)))
    if -1 in piece and max(piece) < 0 and len({len(m) for m in members}) > 1:
        return False  # one head noun after modifiers of any length: things of one class (产业扶贫基金、医疗救助基金)
    if comma and (
        prefix_only
        or max(map(len, members)) > _SHORT_CLAUSE
        or len({len(m) for m in members}) > 1
        or any(m.startswith(_CORRELATIVE_STARTS) for m in members)
    ):
        return False  # a repeated opening of clauses (anaphora), tasks, correlatives: not a list
    if all(m[-1] in _PERSON_ENDS for m in members):
        return False  # persons and addressees (…同志、…同志; 港澳同胞、台湾同胞), GUIDE §3
    if len(content) >= 2:
        return not (0 in piece and piece[0] in _ADDRESSEE_PREFIXES)
    (ch,) = content
    if piece.get(0) == ch:  # a one-character prefix
        if ch in _ADDRESSEE_PREFIXES or (ch in _NAME_AFFIXES and min(map(len, members)) <= _NAME_MEMBER):
            return False
        return ch in _FRAME_PREFIXES or max(map(len, members)) <= _SHORT_MEMBER
    if piece.get(-1) == ch:  # a one-character suffix
        return min(map(len, members)) >= 2 and not (
            ch in _NAME_AFFIXES and min(map(len, members)) <= _NAME_MEMBER
        )
    # one character inside: members of one length (体察民情，了解民意，集中民智)
    return len({len(m) for m in members}) == 1 and len(members) >= 4 and len(members[0]) >= 3


def _may_frame(piece: Piece, score: int, size: int, comma: bool) -> bool:
    """`_is_frame`'s tests that need no cut members: asked first, since most pieces fail them."""
    if score >= 2:
        return True
    if score == 0:
        return False
    return (
        (0 in piece and piece[0] not in _FUNCTION_AT_START and not comma)
        or piece.get(-1, "的") not in _FUNCTION
        or size >= 4
    )


def _cut_first(first: str, piece: Piece, others: list[str], words: Collection[str]) -> int:
    """Where the first member starts in its raw text (which may hold governing words before it), or −1.

    A piece from the start fixes it; one from the end leaves it to the members' length: after the governing
    words (增强|调控前瞻性), at the longest other member's length, moved to the nearest start of a word when
    that cut runs through a word of the dictionary (完善|民主权利保障制度, not 民主|权利…; 设立|产业扶贫基金)."""
    if not piece:
        return -1
    if min(piece) >= 0:  # aligned from the start: the last place where the piece fits
        low, high = min(piece), max(piece)
        end = len(first) - high + low  # (where the piece's first character may stand, searched backwards)
        if end <= low:  # the piece reaches past the first member (a negative end would count from its end)
            return -1
        while (at := first.rfind(piece[low], low, end)) >= 0:
            o = at - low
            if all(first[o + place] == ch for place, ch in piece.items()):
                return o
            end = at
        return -1
    if not _matches(first, piece):
        return -1
    lead = 0
    while True:  # (governing words, two characters or one)
        if first[lead : lead + 2] in _GOVERNING:
            lead += 2
        elif first[lead : lead + 1] in _GOVERNING:
            lead += 1
        else:
            break
    size = -min(piece) + 1  # (the shortest member that holds the piece and one character before it)
    if len(first) - lead < size:
        return -1
    cut = len(first) - max(map(len, others))
    if cut <= lead:
        return lead
    if first[cut - 1 : cut + 1] not in words:
        return cut
    starts = [  # where a word starts that no word runs across (民主|权利: not 主权, 权利)
        c
        for c in range(max(lead, cut - _WORD_STEPS), min(cut + 2, len(first) - size + 1))
        if first[c : c + 2] in words and (c == lead or first[c - 1 : c + 1] not in words)
    ]
    return min(starts, key=lambda c: (abs(c - cut), -c)) if starts else cut


def _cut_last(
    last: str, piece: Piece, others: list[str], run_end: bool, words: Collection[str]
) -> tuple[int, Piece]:
    """The length of the last member in its raw text (which may run on into its clause), or 0, and the piece
    it shares: a piece from the end that the last member does not hold whole is cut to the shared suffix
    (愿干事、真干事、干成事: 事). `others` are the members before it, the first one cut."""
    lengths = sorted({len(o) for o in others})
    if max(piece) < 0:  # aligned from the end: the first place where the piece ends
        pieces = (piece, {-1: piece[-1]}) if -1 in piece and len(piece) > 1 else (piece,)
        for shared in pieces:
            anchor = max(shared)  # (the place nearest the end: sizes are tried where its character is)
            one = _score(shared) <= 1
            low, high = max(2, -min(shared)), len(last) if run_end else min(len(last), lengths[-1] + 4)
            at = last.find(shared[anchor], low + anchor)
            while at >= 0 and (size := at - anchor) <= high:
                if _matches(last[:size], shared) and (
                    not one
                    or size == len(last)
                    or last[size] in _TAIL_START
                    or (bool(words) and last[size - 1 : size + 1] not in words)
                ):  # (a one-character suffix may end inside a word: 内蒙古西|部, 核电机|组, 青年才|俊)
                    return size, shared
                at = last.find(shared[anchor], at + 1)
        return 0, piece
    if not _matches(last, piece):
        return 0, piece
    if max(piece) + 1 in lengths and max(piece) + 1 < len(last):
        return max(piece) + 1, piece  # (the piece ends the other members: 冰雪运动名城、生态旅游名城|步伐)
    if run_end and len(last) <= lengths[-1] + 2:
        size = len(last) - 2  # (a generic tail after the last member: 稳物价|工作)
        return (size if size in lengths and last[size:] in _GENERIC_TAILS else len(last)), piece
    for size in lengths:
        if size < len(last) and size > max(piece) and last[size] in _TAIL_START:
            return size, piece
    if min(piece) == 0 and words:  # a prefix: cut at the members' length where no word runs across
        sizes = [len(o) for o in others[1:] or others]  # (the middle members' length, when there are any)
        modal = max(sizes, key=sizes.count)
        if max(piece) < modal < len(last) and (
            last[modal - 1 : modal + 1] not in words
            or (last[modal - 2 : modal] in words and last[modal : modal + 2] in words)
        ):
            return modal, piece  # (新业态|蓬勃发展, 有能力|战胜; not 城市竞争|力)
    return 0, piece


def _series(
    members: list[str], last_open: bool, comma: bool, run_end: bool, words: Collection[str] = frozenset()
) -> tuple[int, int, int, Piece] | None:
    """(first member's start in its raw text, last member's length, index of the first member, shared piece)
    or None.

    The first member's start is open (it may hold governing words); when no piece fits it, it may be the run's
    subject (长征的胜利，是…，是…) or a lead, and the series is read from the second member."""
    for first_index in range(min(_FIRST_TRIES, len(members) - _MIN_MEMBERS + 1)):
        if first_index and not _may_share_at(members, first_index):
            continue
        ms = members[first_index:]
        clean = ms[1:-1] + ([] if last_open else ms[-1:])
        starts = _aligned(ms[1:], False)
        ends = _aligned(ms[:-1] if last_open else ms, True)
        scored = [(_score(starts), starts), (_score(ends), ends)]
        if scored[1][0] > scored[0][0]:
            scored.reverse()  # (the piece of more content characters first; on a tie the one from the start,
            # which places the first member, where one from the end leaves it to the members' length)
        middle = {len(m) for m in ms[1:-1]}
        for score, piece in scored:
            if (
                not _may_frame(piece, score, len(ms), comma)
                or (-1 in piece and len(middle) > 1)
                or (score == 1 and piece.get(0, "的") not in _NO_SHORT_PREFIX and max(middle) > _SHORT_MEMBER)
            ):
                continue  # (what `_is_frame` would reject whatever the cuts: a head noun after modifiers of
                # different lengths; a one-character prefix of long members)
            first_at = _cut_first(ms[0], piece, clean, words)
            if first_at < 0:
                continue
            if last_open:
                before = [ms[0][first_at:], *ms[1:-1]]
                last_len, piece = _cut_last(ms[-1], piece, before, run_end, words)
            else:
                last_len = len(ms[-1])
            if last_len and _is_frame([ms[0][first_at:], *ms[1:-1], ms[-1][:last_len]], piece, comma):
                return first_at, last_len, first_index, piece
    return None


def _score(piece: Piece) -> int:
    """The piece's content characters (a piece of only 的/和 makes no frame)."""
    content = len(piece) - sum(map(_FUNCTION.__contains__, piece.values()))
    return content + 1 if piece.get(0, "的") not in _FUNCTION_AT_START and piece[0] in _FUNCTION else content


def _list_hits(text: str, lists: list[ListRun], words: Collection[str]) -> list[PatternHit]:
    hits = []
    for left, right, raw in lists:
        if len(raw) < _MIN_MEMBERS or not all(raw) or max(map(len, raw[1:-1])) > _MAX_LIST_MEMBER:
            continue
        later = "".join(raw[1:])
        if len(set(later)) == len(later) or not _may_share(raw):
            continue  # (every piece repeats a character among the members after the first)
        run_end = right >= len(text) or not ("\u4e00" <= text[right] <= "\u9fff")
        found = _series(raw, True, False, run_end, words)
        if found is None:
            continue
        first_at, last_len, first_index, piece = found
        start = left + sum(len(r) + 1 for r in raw[:first_index]) + first_at
        end = right - len(raw[-1]) + last_len
        if (
            max(piece) < 0
            and text.startswith("等", end)
            and len({len(r) for r in raw[1:-1]} | {last_len}) > 1
        ):
            continue  # things of one class named as examples (网络犯罪、跨国有组织犯罪、新型犯罪等), no frame
        hits.append(PatternHit(start, end, text[start:end], "parallel"))
    return hits


def _comma_hits(text: str) -> list[PatternHit]:
    hits = []
    for m in finditer(_COMMA_RUN_RE, text):
        later = m.group()[1:].split("，")
        if len(later[0]) != len(later[1]) or not _shared(later[0], later[1]):
            continue  # (clauses of one length sharing a place: the series that hold the run's second clause)
        sep = m.start()
        first = _FIRST_CLAUSE_RE.search(text, max(0, sep - _FIRST_REACH), sep)
        if first is None:
            members, offset = later, sep + 1
        else:
            members, offset = [first.group(), *later], first.start()
        if len(members) < _MIN_MEMBERS:
            continue
        found = _series(members, False, True, True)
        if found is None:
            continue
        first_at, _last_len, first_index, _piece = found
        begin = offset + sum(len(x) + 1 for x in members[:first_index]) + first_at
        hits.append(PatternHit(begin, m.end(), text[begin : m.end()], "parallel"))
    return hits


def coordinate_series_hits(
    text: str, lists: list[ListRun], words: Collection[str] = frozenset()
) -> list[PatternHit]:
    """Series of ≥ 3 short coordinate members that share a piece at one place: one hit over each series.

    `lists` are the text's `patterns.list_items` and `sub_lists` (the 、-runs, and lists whose last member a
    和 joins); ，-runs of short clauses are found here. `words` (the general dictionary) tells where a last
    member that runs on into its clause may be cut."""
    return _list_hits(text, lists, words) + _comma_hits(text)
