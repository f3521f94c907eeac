"""排比 of long 、-items that open with one phrase (14a12b).

`enumeration_hits` and the list rules read 、-lists of short items (政治认同、思想认同、理论认同). A speech also
strings whole verb phrases with the list comma, each opening with the same words:
- 文化越来越成为民族凝聚力和创造力的重要源泉、越来越成为综合国力竞争的重要因素、越来越成为经济社会发展的重要
  支撑 (communiqué 2011);
- 中越两国坚持共产党领导、坚持社会主义道路、坚持推进改革开放和革新事业 (xi-2015-11-05).
The shape: ≥ 3 items in a row of one 、-run that share an opener of ≥ `_OPENER` characters and are long (at least
`_LONG` characters each on average: a phrase, not a word with an affix). The first item may hold words of its
clause before the opener (文化越来越成为…): the run starts at the opener. One span over the run (GUIDE §1.3,
a 、-list is one span from the first item to the last); a last item that carries the sentence on after 等 or a 的
the other items lack is cut there (…、全面从严治党的战略布局).
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.core.formulas.patterns import ListRun, PatternHit, _common_prefix
from app.core.formulas.sibling_frames import _MIN_MEMBERS

_OPENER = 2
#: Items at least this long on average are phrases; shorter ones are the affix lists of `enumeration_hits`.
_LONG = 7
_FIGURE_RE = re.compile(r"[0-9０-９%％]")


def _block(items: list[str]) -> tuple[int, int, str]:
    """The longest block of items in a row (from the second on) that share an opener: (first, end, opener)."""
    best = (0, 0, "")
    i = 1
    while i < len(items):
        j = i + 1
        while j < len(items) and len(_common_prefix(items[i : j + 1])) >= _OPENER:
            j += 1
        if j - i > best[1] - best[0]:
            best = (i, j, _common_prefix(items[i:j]))
        i = j
    return best


def _tail(others: list[str], last: str, opener: int) -> int:
    """How many characters at the end of the last item carry the sentence on: from a 等 (…和绿色出行等行动), or
    from a 的 that the other items lack (…、全面从严治党的战略布局)."""
    cuts = [last.find("等", opener)]
    if "的" not in "".join(others):
        cuts.append(last.find("的", opener))
    cut = min((c for c in cuts if c > 0), default=len(last))
    return len(last) - cut


def list_anaphora_hits(lists: list[ListRun]) -> list[PatternHit]:
    """One hit per run of ≥ 3 long 、-items that open alike (the item before joins from where it holds the
    opener)."""
    hits: list[PatternHit] = []
    for left, _right, items in lists:
        if len(items) < _MIN_MEMBERS or not any(a[:_OPENER] == b[:_OPENER] for a, b in pairwise(items[1:])):
            continue  # (most lists: no two items in a row open alike)
        first, end, opener = _block(items)
        if end - first < _MIN_MEMBERS - 1 or "的" in opener:
            continue
        starts = [left]
        for item in items[:end]:
            starts.append(starts[-1] + len(item) + 1)
        start = starts[first]
        at = items[first - 1].rfind(opener)
        if at >= 0:
            first -= 1
            start = starts[first] + at
        stop = starts[end] - 1
        stop -= _tail(items[first : end - 1], items[end - 1], len(opener))
        count = end - first
        body = "、".join(items[first:end])[: stop - starts[first]]
        if (
            count < _MIN_MEMBERS
            or stop - start < _LONG * count
            or len(set(items[first:end])) < count
            or _FIGURE_RE.search(body)
        ):
            continue
        hits.append(PatternHit(start, stop, body[max(at, 0) :], "parallel"))
    return hits
