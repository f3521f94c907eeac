"""Lexicon hits that are only part of a longer name or word, where GUIDE.md says the span is not the formula.

The automaton finds a lexicon wording wherever its characters stand; four shapes make such a find no formula:
- the head of an organisation or a site follows (§3 marks no organisation or named place):
  精神文明建设|指导委员会, 菜篮子|基地, 国家生态文明|试验区;
- a reform of a system follows (§6, the round-8 rule: X体制改革-type reform names are not marked):
  疾病预防控制体系|改革, 全球治理体系|改革, 生态文明|体制改革, 社会保障制度|体系改革 — 改革 straight after
  the wording only: 社会主义市场经济体制|的改革步伐 is the system's, and 全球治理体系|变革 is a change of
  the world order that annotators mark whole (全球治理体系变革); the socialist order's own system is the
  reform's aim, not an area (确定社会主义市场经济体制|改革目标 keeps its formula);
- an environmental medium goes before a wording that opens with 污染: the find is the tail of the medium's
  compound (大气|污染防治, 水|污染防治, 颗粒物|污染防治);
- the wording's first or last characters form a word with the text around it (§2: a span starts and ends at the
  wording's own characters): 创|新发展理念 (创新), 党的领导|干部 (领导干部, persons: §3), 每一个中国|人 (中国人),
  社会主义民主|生活 (民主生活).
"""

from __future__ import annotations

from typing import Protocol, TypeVar

#: Heads of an organisation or a site written straight after a wording (§3: organisations, named places).
NAME_HEADS = ("委员会", "指导委员会", "试验区", "示范区", "先行区", "基地")
#: A reform of the system the wording names (§6: X体制改革 is no span, nor its X).
REFORM = "改革"
#: What a wording ends with when it names a system that can be reformed.
SYSTEM_WORDS = ("体制", "体系", "制度", "机制")
#: Media of pollution: 大气污染防治 is the air's pollution control, not the formula 污染防治.
MEDIA = ("大气", "水", "土壤", "颗粒物", "流域", "海洋", "噪声", "重金属", "面源")
#: (last characters of a wording, what follows) that make one word across the wording's end.
END_WORDS = {"领导": ("干部", "班子"), "中国": ("人",), "民主": ("生活",)}
#: Characters that make one word with a wording's opening 新 (创新, 更新, 革新, 刷新, 翻新).
NEW_VERBS = frozenset("创更革刷翻")

_SYSTEM_REFORMS = tuple(s + REFORM for s in SYSTEM_WORDS)


class _Hit(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


H = TypeVar("H", bound=_Hit)


def embedded(text: str, start: int, end: int) -> bool:
    """Whether the wording at text[start:end] is part of a longer name or word (the shapes above)."""
    wording = text[start:end]
    if text.startswith(NAME_HEADS, end) or text.startswith(_SYSTEM_REFORMS, end):
        return True
    if wording.endswith(SYSTEM_WORDS) and text.startswith(REFORM, end) and not wording.startswith("社会主义"):
        return True
    if wording.startswith("污染") and text.endswith(MEDIA, 0, start):
        return True
    if wording[0] == "新" and start > 0 and text[start - 1] in NEW_VERBS:
        return True
    for last, follows in END_WORDS.items():
        if wording.endswith(last) and text.startswith(follows, end):
            return last != "中国" or not text.startswith("人民", end)
    return False


#: The first character of anything `embedded` looks for after a wording, and the first characters of the
#: wordings it looks before: a hit with neither is kept without a closer look (most of them: ~1 in 250 is looked at).
_AFTER_FIRST = frozenset(
    w[0] for w in (*NAME_HEADS, *_SYSTEM_REFORMS, REFORM, *(f for fs in END_WORDS.values() for f in fs))
)
_OPENINGS = frozenset("污新")


def drop_embedded(text: str, hits: list[H]) -> list[H]:
    """The hits less those that are part of a longer name or word."""
    n = len(text)
    return [
        h for h in hits
        if not (
            ((h.end < n and text[h.end] in _AFTER_FIRST) or h.text[0] in _OPENINGS)
            and embedded(text, h.start, h.end)
        )
    ]  # fmt: skip
