"""Issue 14, session 12 (14p12c): point shapes round 15 marked that no rule took.

Each test reads a stretch of a minable corpus file and asks the rule for the members it finds (or rightly
leaves): dashed points that share a subject alone, opening clauses with figures, a varying head before a shared
frame, short two-clause points between semicolons (`point_frames`), and paragraph leads that share a refrain
and the frame after it (`clause_anaphora.refrain_sentence_hits`).
"""

from __future__ import annotations

import pytest

from app.core.formulas import clause_anaphora, point_frames
from app.core.formulas.shipped import default_matcher
from tests.core.test_formula_rules_issue14p9 import _excerpt, _leads

pytestmark = pytest.mark.corpus

_XI_2016_06_26 = "xi-speeches-2013-2018/xi-2016-06-26-1.txt"


def test_dashed_points_sharing_a_subject_alone_are_members(corpus):
    # 双方都…, 双方建立起…, 双方基于…, 双方人文交流…: no three characters shared, the subject on six points
    text = _excerpt(corpus, _XI_2016_06_26, "——双方都把对方作为", "建设性力量。")
    assert _leads(text) == [
        "双方都把对方作为本国外交优先方向",
        "双方都把对方发展视为本国发展的机遇",
        "双方建立起完备的高层交往机制",
        "双方基于共赢原则开展互利互惠经济合作",
        "双方人文交流蓬勃开展",
        "双方在国际和地区事务中密切协调和配合",
    ]


def test_three_points_sharing_a_subject_alone_are_not_enough(corpus):
    # the same run cut after its third point: a subject on three points is prose that restarts it
    text = _excerpt(corpus, _XI_2016_06_26, "——双方都把对方作为", "——双方基于共赢原则")
    assert text.count("——双方") == 4 and _leads(text) == []


def test_an_opening_clause_may_hold_figures(corpus):
    # 我们要以共同庆祝条约签署15周年为契机，… 我们要保持两国4300多公里共同边界和平安宁，…
    text = _excerpt(corpus, _XI_2016_06_26, "——我们要以共同", "——我们要大力开展人文交流，")
    assert _leads(text) == [
        "我们要以共同庆祝条约签署15周年为契机",
        "我们要保持两国4300多公里共同边界和平安宁",
        "我们要在业已取得的经济合作成果基础上",
        "我们要大力开展人文交流",
    ]


def test_a_varying_head_before_a_shared_frame_makes_members(corpus):
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2016-01-22-1.txt", "——化解分歧", "关键要符合国情。")
    assert _leads(text) == [
        "化解分歧，关键要加强对话",
        "破解难题，关键要加快发展",
        "道路选择，关键要符合国情",
    ]


def _semicolon_points(text: str) -> list[str]:
    return [text[h.start : h.end] for h in point_frames.semicolon_point_hits(text)]


def test_two_clause_points_between_semicolons_are_members(corpus):
    text = _excerpt(
        corpus,
        "hust-party-building/hust-04-与榜样对话，这场分享会让公管学子充电满满！.txt",
        "她希望",
        "成为优秀。",
    )
    assert _semicolon_points(text) == [
        "坚定信念，树立公共精神",
        "勤学善思，增强专业本领",
        "实践笃行，提升应用能力",
    ]


def test_a_point_after_a_clause_of_its_sentence_starts_at_its_head(corpus):
    # 她勉励同学们向优秀看齐，扎实学习，积淀专业素养；…: the run's first point is the two clauses before the semicolon
    text = _excerpt(
        corpus,
        "hust-party-building/hust-04-与榜样对话，这场分享会让公管学子充电满满！.txt",
        "她勉励",
        "竞争力。",
    )
    assert _semicolon_points(text) == [
        "扎实学习，积淀专业素养",
        "积极实践，提升应用能力",
        "全面发展，增强发展竞争力",
    ]


def test_a_couplet_of_two_points_is_no_run(corpus):
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2014-03-28-1.txt", "合抱之木", "起于累土。")
    assert text.count("；") == 1 and _semicolon_points(text) == []


def test_longer_clauses_between_semicolons_are_no_points(corpus):
    # 必须增强责任之心，把初心落在行动上、…；必须增强仁爱之心，…: clauses of a sentence, not short points
    text = _excerpt(corpus, "xi-speeches-2020/xi-2020-02-24-1.txt", "必须增强责任之心", "直至取得最后胜利")
    assert text.count("；") >= 2 and _semicolon_points(text) == []


def _refrains(text: str) -> list[str]:
    shipped = default_matcher()
    is_formula = lambda w: shipped.canonical_of(w) is not None  # noqa: E731  (as the detector asks)
    return [text[h.start : h.end] for h in clause_anaphora.refrain_sentence_hits(text, is_formula)]


def test_paragraph_leads_sharing_a_refrain_and_its_frame_are_members(corpus):
    # each 坚持实事求是，就要… leads a paragraph of several sentences
    text = _excerpt(
        corpus, "xi-speeches-2013-2018/xi-2013-12-26-1.txt", "\n\n坚持实事求是，就要深入", "理论创新。"
    )
    assert text.count("。") > 8
    assert _refrains(text) == [
        "坚持实事求是，就要深入实际了解事物的本来面貌",
        "坚持实事求是，就要清醒认识和正确把握我国仍处于并将长期处于社会主义初级阶段这个基本国情",
        "坚持实事求是，就要坚持为了人民利益坚持真理、修正错误",
        "坚持实事求是，就要不断推进实践基础上的理论创新",
    ]


def test_paragraph_leads_that_return_to_a_topic_are_no_members(corpus):
    # 长征的胜利，是…  ⏎长征的胜利，靠的是…  ⏎长征的胜利，使…: one topic, no shared frame after it
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2016-10-21-1.txt", "\n\n长征的胜利，是中国", "空前团结")
    assert text.count("\n长征的胜利，") == 4 and _refrains(text) == []
