"""Quoted names of activities, talks and contests are titles, not formulas (GUIDE §3; issue 14, session 5).

Party-building news quotes the names of its own events: “党员面对面”系列活动, “听党指挥 薪火百年”主题党日,
“甘肃文化八千年”专题讲座, “家国情怀”宣讲团, 以“牢记初心使命、推进自我革命”为题, “寻是杯”全国一等奖. The quoted
rule takes short quoted labels, and a label quoted again and again, as the speech's formulas; analysts leave
these titles unmarked. A label is a title when the text itself names it as one somewhere — an occurrence
followed by an event word — or when its shape is a title's: two phrases parted by a space, or a contest's
name (…杯, …赛). Every occurrence of a title in the text is dropped.
"""

from __future__ import annotations

from app.core.formulas.patterns import PatternHit

#: Words right after a closing quote that make the quoted label the name of an event, a series or a prize.
_EVENT_WORDS = (
    *("主题党日", "联合主题党日", "系列", "专题讲座", "讲座", "宣讲团", "专项答题"),
    *("国际博物馆日", "博物馆日", "为题", "全国一等奖", "一等奖"),
)
_CLOSING = "”’\"' \u3000"


def _named_as_title(text: str, end: int) -> bool:
    after = end
    while after < len(text) and after - end < 2 and text[after] in _CLOSING:
        after += 1
    return after > end and text.startswith(_EVENT_WORDS, after)


def without_titles(text: str, hits: list[PatternHit]) -> list[PatternHit]:
    """The quoted rule's hits minus the labels that are titles of events, series, talks or contests."""
    titles = set()
    for hit in hits:
        label = text[hit.start : hit.end].strip()
        if (
            " " in label
            or "\u3000" in label
            or label.endswith(("杯", "赛"))
            or _named_as_title(text, hit.end)
        ):
            titles.add(label)
    if not titles:
        return hits
    return [hit for hit in hits if text[hit.start : hit.end].strip() not in titles]
