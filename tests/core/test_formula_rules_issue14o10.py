"""Issue 14, session 10 (14o10): 排比 of dashed or numbered points whose leads are long sentences.

Xi's speeches open a run of points with one phrase and go on for a whole paragraph (——我们坚持党对科技事业的
领导，健全…。——我们坚持建设世界科技强国的奋斗目标，…). The annotators mark each point's opening clause, up to its
first comma, as a `parallel` member (round 13); `point_frames` now takes those clauses when ≥ 3 different ones of
one run share their first three characters (a subject and its verb or modal: 我们坚…, 我们要…). Test texts are stretches of minable corpus files.
"""

from __future__ import annotations

import pytest

from app.core.formulas import point_frames
from app.core.formulas.shipped import default_matcher
from tests.core.test_formula_rules_issue14p9 import _excerpt

pytestmark = pytest.mark.corpus

XI_0528 = "xi-speeches-2013-2018/xi-2018-05-28-1.txt"
XI_0903 = "xi-speeches-2013-2018/xi-2016-09-03-1.txt"
XI_0610 = "xi-speeches-2013-2018/xi-2018-06-10-1.txt"

PERSIST = [
    "我们坚持党对科技事业的领导",
    "我们坚持建设世界科技强国的奋斗目标",
    "我们坚持走中国特色自主创新道路",
    "我们坚持以深化改革激发创新活力",
    "我们坚持创新驱动实质是人才驱动",
    "我们坚持融入全球科技创新网络",
]


def _leads(text: str) -> list[str]:
    return [text[h.start : h.end] for h in point_frames.point_lead_hits(text)]


def test_opening_clauses_of_long_points_are_members(corpus):
    text = _excerpt(corpus, XI_0528, "——我们坚持党对科技事业的领导", "日益重要的一极。")
    assert _leads(text) == PERSIST
    parallel = {text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "parallel"}
    assert set(PERSIST) <= parallel


def test_points_that_share_a_three_character_opener(corpus):
    text = _excerpt(corpus, XI_0610, "——我们要提倡", "——我们要坚持共商共建共享的全球治理观，")
    assert _leads(text) == [
        "我们要提倡创新、协调、绿色、开放、共享的发展观",
        "我们要践行共同、综合、合作、可持续的安全观",  # (可持续: no result, a modal before it; 14a12)
        "我们要秉持开放、融通、互利、共赢的合作观",
        "我们要树立平等、互鉴、对话、包容的文明观",
        "我们要坚持共商共建共享的全球治理观",
    ]


def test_a_clause_repeated_before_each_point_is_no_run(corpus):
    # ——在新的起点上，我们将…。(×3 within the excerpt: one clause said again is a refrain, not 排比 members)
    text = _excerpt(corpus, XI_0903, "——在新的起点上", "谋求更佳质量效益。")
    assert text.count("——在新的起点上，") == 3
    assert _leads(text) == []
    # 14p11: over the whole run, the short leads (refrain and what follows, ≤ 30 characters, up to two commas) are
    # members like any short lead (GUIDE §1.3: the member sentence); the refrain alone never is
    whole = _excerpt(corpus, XI_0903, "——在新的起点上", "实现更广互利共赢。")
    leads = _leads(whole)
    assert "在新的起点上" not in leads
    assert leads[0] == "在新的起点上，我们将坚定不移全面深化改革，开拓更好发展前景"
    assert len(leads) == 4
