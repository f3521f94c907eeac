"""A lexicon wording that chains quoted numbered frameworks is reported as those frameworks (issue 14, session 5).

Some curated wordings hold two or more quoted numbered labels: 统筹推进“五位一体”总体布局、协调推进“四个全面”
战略布局; 扎实做好“六稳”工作、全面落实“六保”任务; 深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、
做到“两个维护”. Analysts mark the frameworks, each without its quotes and tail (GUIDE §1, numbered kind), not the
chain: in every annotation round the whole chain scored as a wrong hit while its labels were marked. So such a
hit gives way to one hit per label. A wording with one quoted label (“三个代表”重要思想, 共建“一带一路”) stays whole.
"""

from __future__ import annotations

import re

#: A quoted numbered label: a count (两个…, 六稳, 四个全面) of at most 8 characters inside “”.
_LABEL_RE = re.compile(r"“([两一二三四五六七八九十百千万][^“”，。、；]{1,7})”")


def numbered_labels(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans (quotes left out) of the quoted numbered labels in text[start:end] (its closing quote may be
    the character at `end`: the lexicon's wording stops before it), when there are two or more; else none."""
    spans = [m.span(1) for m in _LABEL_RE.finditer(text, start, min(len(text), end + 1))]
    return spans if len(spans) >= 2 else []
