"""Names among mined wordings (GUIDE §3a): the name of a policy, system, institution type, principle, strategy or
campaign is marked wherever it stands, while a wording that names only an area of work is not. A name shows in
its shape — a naming head noun (…制度, …体制, …政策, …经济, …特区) or a motto of two verb–object halves
(节能降耗) — and in how it stands in sentences: free on both sides, where a fragment of a longer phrase has a
word going on (运用|经济|手段). app.core.formulas.mining keeps such wordings without the tests of its terms."""

from __future__ import annotations

from collections import Counter

import ahocorasick

#: Head nouns of §3a names: a system, institution type, policy, principle, strategy, line, project, campaign,
#: economic form or zone (社会主义市场经济体制, 最低生活保障, 循环经济, 经济特区, 家庭联产承包责任制). Area-of-work
#: heads (…发展, …工作, …建设, …群众, …问题) are not among them: GUIDE §3a leaves those unmarked.
_NAMED_HEADS_TEXT = "制度 体制 机制 责任制 政策 方针 原则 战略 路线 纲领 方略 工程 运动 经济 特区 保障 体系 道路 思想 理论 精神"
NAMED_HEADS = tuple(_NAMED_HEADS_TEXT.split())
#: First characters of the two verb–object halves of a motto (节能降耗, 退耕还林, 稳粮增收, 减员增效).
_MOTTO_VERBS = frozenset("退还节降减增稳促调保惠防控扩强转护治兴富提抓放管育")


def motto_shape(g: str) -> bool:
    """A four-character motto of two verb–object halves (节能|降耗, 退耕|还林)."""
    return len(g) == 4 and g[0] in _MOTTO_VERBS and g[2] in _MOTTO_VERBS


def named_shape(g: str, min_chars: int = 4) -> bool:
    """Whether a wording has the shape of a §3a name: a two-verb motto, or ≥ `min_chars` characters ending in a
    naming head noun (a short one is mostly an area plus its head: 民生保障, 工作机制)."""
    return motto_shape(g) or (len(g) >= min_chars and g.endswith(NAMED_HEADS))


#: A run's clause separator and ends: an edge as free as a clause mark.
_EDGES = frozenset("|")


def free_share(
    wordings: list[str], runs: list[str], function_chars: frozenset[str], verbs: tuple[str, ...]
) -> dict[str, float]:
    """For each wording, the smaller of two shares of its occurrences: those with a free left edge (a clause
    edge, one of `function_chars` or one of the governing `verbs` before it) and those with a free right edge
    (a clause edge or one of `function_chars` after it). A name stands free (坚持|政企分开|的); a fragment of a longer phrase
    does not (运用|经济|手段, 今年|经济|工作 — its edge sits inside a word)."""
    free = function_chars | _EDGES
    automaton = ahocorasick.Automaton()
    for g in wordings:
        automaton.add_word(g, g)
    seen: Counter[str] = Counter()
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    if wordings:
        automaton.make_automaton()
        for run in runs:
            for end, g in automaton.iter(run):
                start = end - len(g) + 1
                seen[g] += 1
                before = run[start - 1] if start > 0 else "|"
                after = run[end + 1] if end + 1 < len(run) else "|"
                left[g] += before in free or run[max(0, start - 4) : start].endswith(verbs)
                right[g] += after in free
    return {g: min(left[g], right[g]) / seen[g] if seen[g] else 0.0 for g in wordings}
