"""Rules for frames with a variable slot (research R2–R4, hand-annotated set in tests/data/formulas): three or
more clauses that repeat a fixed head (务必…，务必…，务必…; 对照…，对照…), or equal-length items with a fixed character at
the same place (疫情要防住、经济要稳住、发展要安全; 稳增长稳就业稳物价). The existing enumeration rule only sees shared
prefixes and suffixes of 、-lists. (Meeting and document references, once here, are in `references`.)

Each function returns `PatternHit`s in original offsets, like the rules in `patterns`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.core.formulas.clause_pairs import ClausePair, clause_pairs
from app.core.formulas.patterns import _LIST_TAIL_START, _VERB_PREFIXES, HAN, ListRun, PatternHit, list_items
from app.core.formulas.regex_scan import clause_start, finditer
from app.core.formulas.repeats import repeat_hits

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
        done = seps[-1]
        if len(seps) == 2 and text.find(head, floor, seps[0]) < 0:
            continue  # two clauses after a first that lacks the head: two members, no run (most pairs)
        lo = floor
        for end_mark in _CLAUSE_END_RE.finditer(text, floor, seps[0]):  # the last clause end before the run
            lo = end_mark.end()
        ends = [*seps[1:], _clause_end(text, seps[-1] + 1)]
        members = [(lo, seps[0], text[lo : seps[0]])]
        members += [(a + 1, b, text[a + 1 : b]) for a, b in zip(seps, ends, strict=True)]
        runs += _head_runs(members, _SHORT_WEAK)
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
