"""A lexicon hit built around quoted numbered frameworks, reported as the frameworks (GUIDE §1.2/§2)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.core.formulas.detect import NUMBERED_CATEGORY, SOURCE_LEXICON, FormulaHit
from app.core.formulas.lexicon import match_key

if TYPE_CHECKING:
    from app.core.formulas.detect import FormulaMatcher

_QUOTED_LABEL = re.compile(r"“([^“”\n]{2,8})”")
#: Words of doctrine names that hold a quoted numbered label as part of the name (“三个代表”重要思想).
_DOCTRINE_WORDS = ("思想", "理论")


def numbered_labels(matcher: FormulaMatcher, text: str, hit: FormulaHit) -> list[FormulaHit]:
    """The quoted numbered frameworks a lexicon hit is built around, as hits of their own, or [].

    GUIDE §1.2/§2: a numbered formula's span is the numeral through the framework's name, and two formulas
    in one sentence are two spans, so 统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局 is marked as
    五位一体 and 四个全面, and “两个一百年”奋斗目标 as 两个一百年. A doctrine's name stays whole (“三个代表”重要
    思想: the quoted label is part of the name)."""
    if any(word in hit.text for word in _DOCTRINE_WORDS):
        return []
    labels = []
    # the hit may start right after an opening quote or end before a closing one (四个全面”战略布局)
    lo = max(0, hit.start - 1)
    for m in _QUOTED_LABEL.finditer(text, lo, min(len(text), hit.end + 1)):
        start, end = m.span(1)
        index = matcher._automaton.get(match_key(m.group(1)), -1)
        if index < 0 or matcher._forms[index].category != NUMBERED_CATEGORY:
            continue
        form = matcher._forms[index]
        labels.append(
            FormulaHit(
                start, end, text[start:end], form.canonical, SOURCE_LEXICON, form.status, form.category,
                "", matcher._nested[index],
            )
        )  # fmt: skip
    return labels if labels and sum(h.end - h.start for h in labels) < hit.end - hit.start else []
