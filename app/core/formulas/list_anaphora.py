"""排比 of long 、-items that open with one phrase (14a12b).

`enumeration_hits` and the list rules read 、-lists of short items (政治认同、思想认同、理论认同). A speech also
strings whole verb phrases with the list comma, each opening with the same words:
- 文化越来越成为民族凝聚力和创造力的重要源泉、越来越成为综合国力竞争的重要因素、越来越成为经济社会发展的重要
  支撑 (communiqué 2011);
- 中越两国坚持共产党领导、坚持社会主义道路、坚持推进改革开放和革新事业 (xi-2015-11-05).
The shape: ≥ 3 items in a row of one 、-run that share an opener of ≥ `_OPENER` characters (or one preposition
or adverb of degree: `_ONE_CHARACTER_OPENERS`) and are long (at least
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
#: One shared character opens a run too when it is a preposition or an adverb of degree that opens each phrase
#: (以文物史料为根基、以场景复原为脉络…; 更好的教育、更稳定的工作…), not the first character of names
#: (中央电视台、中央人民广播电台、中国国际广播电台), and the items before the last (which may carry the sentence
#: on) are phrases of at least `_SHORT_OPENER_ITEM` characters each on average.
_ONE_CHARACTER_OPENERS = frozenset("以对在为让使与把从向用有更最高")
_SHORT_OPENER_ITEM = 5
#: Items at least this long on average are phrases; shorter ones are the affix lists of `enumeration_hits`.
_LONG = 7
_FIGURE_RE = re.compile(r"[0-9０-９%％]")


def _block(items: list[str], least: int) -> tuple[int, int, str]:
    """The longest block of items in a row (from the second on) that share an opener of ≥ `least` characters:
    (first, end, opener)."""
    best = (0, 0, "")
    i = 1
    while i < len(items):
        opener, j = items[i], i + 1
        while j < len(items) and len(shared := _common_prefix([opener, items[j]])) >= least:
            opener, j = shared, j + 1
        if j - i > best[1] - best[0]:
            best = (i, j, opener)
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


def _run(left: int, items: list[str], least: int) -> PatternHit | None:
    """The run of long items in the list that share an opener of ≥ `least` characters, if any."""
    first, end, opener = _block(items, least)
    if end - first < _MIN_MEMBERS - 1 or "的" in opener:
        return None
    starts = [left]
    for item in items[:end]:
        starts.append(starts[-1] + len(item) + 1)
    start = starts[first]
    at = items[first - 1].rfind(opener)
    if at >= 0:
        first -= 1
        start = starts[first] + at
    stop = starts[end] - 1 - _tail(items[first : end - 1], items[end - 1], len(opener))
    count = end - first
    body = "、".join(items[first:end])[max(at, 0) : max(at, 0) + stop - start]
    if (
        count < _MIN_MEMBERS
        or stop - start < _LONG * count
        or len(set(items[first:end])) < count
        or _FIGURE_RE.search(body)
        or (
            len(opener) < _OPENER
            and (
                opener not in _ONE_CHARACTER_OPENERS
                or starts[end - 1] - 1 - start < _SHORT_OPENER_ITEM * (count - 1)
            )
        )
    ):
        return None
    return PatternHit(start, stop, body, "parallel")


def list_anaphora_hits(lists: list[ListRun]) -> list[PatternHit]:
    """One hit per run of ≥ 3 long 、-items that open alike (the item before joins from where it holds the
    opener)."""
    hits: list[PatternHit] = []
    for left, _right, items in lists:
        if len(items) < _MIN_MEMBERS or not any(
            a[:1] == b[:1] and (a[:2] == b[:2] or a[:1] in _ONE_CHARACTER_OPENERS)
            for a, b in pairwise(items[1:])
        ):
            continue  # (most lists: no two items in a row open alike)
        hit = _run(left, items, _OPENER) or _run(left, items, 1)
        if hit is not None:
            hits.append(hit)
    return hits
