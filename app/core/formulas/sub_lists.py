"""The short lists inside and beside the text's 、-runs, for the list rules (issue 14, session 6).

The list rules (`patterns.enumeration_hits`, `coordinate_series`) read a 、-run as one list, from
its first to its last list comma. Two frequent 排比 shapes are not such a run:

- a framed list inside a longer run, whose other items belong to the clause around it: 欧洲、日本和其他
  许多国家兴起的反对核武器、核威胁、核竞赛的…; 那些愿干事、真干事、干成事的干部发现出来、任用起来;
- a list whose last item is joined by 和/与/及 instead of a list comma: 增强前瞻性、针对性和灵活性; 调整产业
  结构、地区结构和城乡结构 (the second needs no second list comma, so it is no run at all).

`sub_lists` gives these as extra `ListRun`s, in the same (left, right, items) form, so the same rules judge
them: a sub-list is only a frame when its items share an affix like any list.
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.core.formulas.patterns import HAN, ListRun

#: Characters inside an item that make it a piece of the clause rather than a list item (…国家兴起的反对
#: 核武器; 干成事的干部发现出来): the item ends one list and starts the next.
_CLAUSE_CHARS = frozenset("的和与及等是在了")
#: Longest list item that may stand inside a sub-list (longer ones are clause pieces).
_MAX_ITEM = 8
_CONJUNCTIONS = "和与及"
_CONJUNCTION_SET = frozenset(_CONJUNCTIONS)
#: A list comma with one item after it that a conjunction joins to the next (…、针对性和灵活性); items of
#: 2–6 characters, the only ones the list rules frame.
_AND_PAIR_RE = re.compile(rf"、([{HAN}]{{2,6}}?)[{_CONJUNCTIONS}]([{HAN}]{{2,}})")
_HAN_BEFORE_RE = re.compile(rf"[{HAN}]+$")
#: What may follow a sub-list's last item when that item is longer than the others (…和城乡结构，; …的).
_TAIL_START = frozenset("的等和与及中上下里时为是")
#: Addressees and persons are no formula (GUIDE §3): 各民主党派、各人民团体和各界人士; 台湾同胞、港澳同胞和
#: 海外侨胞; …同志、…同志和…同志.
_PERSON_ENDS = frozenset("胞志士")
_ADDRESS_HEADS = frozenset("各")


def _clean(item: str) -> bool:
    return 2 <= len(item) <= _MAX_ITEM and not _CLAUSE_CHARS & set(item)


def _split_runs(lists: list[ListRun]) -> list[ListRun]:
    """The stretches of a run between items that are clause pieces, each with those items at its ends."""
    out: list[ListRun] = []
    for left, _right, raw in lists:
        if len(raw) < 4:
            continue  # (a split needs three items on one side of the clause piece)
        inner = raw[1:-1]
        if max(map(len, inner)) <= _MAX_ITEM and _CLAUSE_CHARS.isdisjoint("".join(inner)):
            continue  # nearly every run: no inner item is a clause piece
        cuts = [k for k in range(1, len(raw) - 1) if not _clean(raw[k])]
        bounds = [0, *cuts, len(raw) - 1]
        offsets = [left]
        for item in raw[:-1]:
            offsets.append(offsets[-1] + len(item) + 1)
        for a, b in pairwise(bounds):
            if b - a >= 2:
                out.append((offsets[a], offsets[b] + len(raw[b]), raw[a : b + 1]))
    return out


def _with_last_split(run: ListRun) -> ListRun | None:
    """The run with its last item split at a conjunction after an item of the middle items' length."""
    left, right, raw = run
    size = len(raw[-2]) if len(raw) > 2 else len(raw[-1]) // 2
    last = raw[-1]
    if len(last) > size >= 2 and last[size] in _CONJUNCTIONS:
        return (left, right, [*raw[:-1], last[:size], last[size + 1 :]])
    return None


def _may_share_affix(item: str, following: str) -> bool:
    """Whether two items in a row may share the affix the list rules look for (a first character, or the
    item's last character near the same place in the next one, which may carry a tail): most lists fail. An
    empty item (a list cut off after its last 、) shares nothing."""
    if not item or not following:
        return False
    return item[0] == following[0] or item[-1] in following[: len(item) + 4]


def _even(run: ListRun) -> bool:
    """Middle items of one length, a first item that holds one without a clause piece, a last item of that
    length or followed by a tail, no addressees."""
    raw = run[2]
    size = len(raw[1])
    last = raw[-1]
    return (
        _may_share_affix(raw[1], raw[2])
        and all(len(i) == size for i in raw[1:-1])
        and len(raw[0]) >= size
        and not _CLAUSE_CHARS & set(raw[0][-size:])
        and (
            len(last) == size or (len(last) > size and (last[size] in _TAIL_START or last[:2] == raw[1][:2]))
        )
        and raw[1][-1] not in _PERSON_ENDS
        and raw[1][0] not in _ADDRESS_HEADS
    )


def sub_lists(text: str, lists: list[ListRun]) -> list[ListRun]:
    """Lists the rules would not see as runs: framed stretches of longer runs, and lists ending in 和/与/及."""
    return [run for run in _sub_lists(text, lists) if _even(run)]


def _sub_lists(text: str, lists: list[ListRun]) -> list[ListRun]:
    out = _split_runs(lists)
    out += [
        s
        for run in [*lists, *out]
        if not _CONJUNCTION_SET.isdisjoint(run[2][-1]) and (s := _with_last_split(run)) is not None
    ]
    in_runs = {left for left, _right, _raw in lists}
    for m in _AND_PAIR_RE.finditer(text):
        middle, last = m.group(1), m.group(2)
        if not _may_share_affix(middle, last):
            continue
        before = _HAN_BEFORE_RE.search(text, max(0, m.start() - 2 * _MAX_ITEM), m.start())
        if before is None or text[before.start() - 1 : before.start()] in ("、", "﹑"):
            continue  # the pair closes a longer run (found above)
        if before.start() in in_runs:
            continue
        out.append((before.start(), m.end(), [before.group(0), middle, last]))
    return out
