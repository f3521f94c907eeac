"""Issue 14, session 12 (14a12): anaphora that fresh rounds marked and the rules' precision guards blocked.

Each test reads a stretch of a minable corpus file and asks the rule that finds (or rightly leaves) the run.
"""

from __future__ import annotations

import pytest

from app.core.formulas import point_frames
from tests.core.test_formula_rules_issue14p9 import _excerpt

pytestmark = pytest.mark.corpus


def _leads(text: str) -> list[str]:
    return [text[h.start : h.end] for h in point_frames.point_lead_hits(text)]


def test_a_pledge_with_an_adverb_of_change_is_a_point_member(corpus):
    # 中国将不断激发…: the modal makes 不断 a pledge, not a report's result (——经济持续健康发展。)
    text = _excerpt(
        corpus, "xi-speeches-2013-2018/xi-2017-01-18-2.txt", "——中国将着力提升", "——中国将大力建设"
    )
    text += "共同发展的对外开放格局，推进亚太自由贸易区建设。"
    assert "中国将不断激发增长动力和市场活力" in _leads(text)
    text = _excerpt(corpus, "xi-speeches-2020/xi-2020-11-20-1.txt", "第一，我们将扭住", "中国改革开放")
    assert _leads(text) == [
        "我们将扭住扩大内需战略基点，畅通国民经济循环",
        "我们将大力推动科技创新，打造经济发展新动能",
        "我们将持续深化改革，充分激发市场活力",
    ]


def test_a_varying_short_head_before_a_shared_opener_belongs_to_the_member(corpus):
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2013-06-06-1.txt", "——政治上，中拉要", "美人之美")
    assert _leads(text) == [
        "政治上，中拉要坚持真诚友好",
        "经济上，中拉要抓住双方转变经济发展方式带来的机遇",
        "人文上，中拉要加强文明对话和文化交流",
    ]
