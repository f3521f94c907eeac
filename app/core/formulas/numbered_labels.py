"""Where a lexicon hit is built around quoted numbered frameworks, which are then reported instead (GUIDE §1.2/§2).

A numbered formula's span is the numeral through the framework's name, and two formulas in one sentence are two
spans, so 统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局 is marked as 五位一体 and 四个全面, and “两个一百年”奋斗
目标 as 两个一百年. A doctrine's name stays whole (“三个代表”重要思想: the quoted label is part of the name).
"""

from __future__ import annotations

import re

_QUOTED_LABEL = re.compile(r"“([^“”\n]{2,8})”")
#: Words of doctrine names that hold a quoted numbered label as part of the name (“三个代表”重要思想).
_DOCTRINE_WORDS = ("思想", "理论")


def quoted_labels(text: str, start: int, end: int, hit_text: str) -> list[tuple[int, int]]:
    """Spans of the quoted labels in and around the hit text[start:end] ([] for a doctrine's name); the caller
    keeps those its lexicon knows as numbered frameworks."""
    if any(word in hit_text for word in _DOCTRINE_WORDS):
        return []
    # the hit may start right after an opening quote or end before a closing one (四个全面”战略布局)
    return [m.span(1) for m in _QUOTED_LABEL.finditer(text, max(0, start - 1), min(len(text), end + 1))]
