"""Issue 14, session 11 (14p11): 排比 of clauses that end alike (`tail_frames`).

Each test reads a stretch of a minable corpus file and asks the rule (and, for the first, the whole matcher).
"""

from __future__ import annotations

import pytest

from app.core.formulas import tail_frames
from app.core.formulas.shipped import default_matcher
from tests.core.test_formula_rules_issue14p9 import _excerpt

pytestmark = pytest.mark.corpus


def _finds(text: str) -> list[str]:
    return [text[h.start : h.end] for h in tail_frames.tail_frame_hits(text)]


def test_a_preposition_and_a_fixed_tail_make_one_run(corpus):
    text = _excerpt(corpus, "gwr-state-council/gwr-1997.txt", "投资要继续向农业", "向科技和教育倾斜。")
    run = (
        "向农业和水利建设倾斜，向国家重点扶持的基础设施、基础工业和支柱产业倾斜，向中西部地区倾斜，"
        "向技术改造倾斜，向科技和教育倾斜"
    )
    assert _finds(text) == [run]  # (投资要继续 governs the run: the first member starts at the shared 向)
    assert run in {text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "parallel"}


def test_a_shared_head_and_a_long_tail(corpus):
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2016-11-20-1.txt", "是一条聚焦发展", "共同发展之路")
    assert _finds(text) == [
        "是一条聚焦发展、共谋繁荣之路，是一条持续开放、深度融合之路，是一条锐意进取、勇敢创新之路，"
        "是一条互敬互助、共同发展之路"
    ]


def test_varying_verbs_before_a_shared_object_need_four_members(corpus):
    # (xi-2020-07-22-1's 提高…能力 run gave way when it was drawn for the held-out round 16)
    text = _excerpt(corpus, "cpc-congress-reports/cpc-18-congress-report.txt", "保护合法收入", "取缔非法收入")
    assert _finds(text) == ["保护合法收入，增加低收入者收入，调节过高收入，取缔非法收入"]
    # the same policy five years earlier in three members: no frame
    three = _excerpt(
        corpus, "cpc-congress-reports/cpc-17-congress-report.txt", "保护合法收入", "取缔非法收入"
    )
    assert _finds(three) == []
    # three task clauses that share a governing verb and a two-character tail are a list of tasks
    tasks = _excerpt(corpus, "gwr-state-council/gwr-2006.txt", "重点加强现代农业", "现代市场体系建设")
    assert _finds(tasks) == []


def test_a_subject_before_the_members_is_no_member(corpus):
    # 长征的胜利，是…理想的胜利，是…信念的胜利: two members after their subject
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2016-10-21-1.txt", "长征的胜利，是", "信念的胜利")
    assert _finds(text) == []


def test_correlatives_and_figures_make_no_frame(corpus):
    text = _excerpt(
        corpus, "cpc-congress-reports/cpc-11-congress-report.txt", "不是世界各国人民要打", "超级大国要打"
    )
    assert _finds(text) == []
    figures = _excerpt(
        corpus, "gwr-state-council/gwr-1991.txt", "基本建设投资一千六百五十亿元", "二百九十五亿元"
    )
    assert _finds(figures) == []


def test_segments_of_two_clauses_that_end_alike_are_members_each(corpus):
    text = _excerpt(
        corpus,
        "cpc-plenum-communiques/communique-1996-cc14-plenum06.txt",
        "要以提高市民素质",
        "创建文明行业活动。",
    )
    assert _finds(text) == [
        "以提高市民素质和城市文明程度为目标，开展创建文明城市活动",
        "以提高农民素质、奔小康和建设社会主义新农村为目标，开展创建文明村镇活动",
        "以服务人民、奉献社会为宗旨，开展创建文明行业活动",
    ]
    # (三个“不会动摇”: the first segment's words before the shared head 坚持 are left out)
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2015-03-29-1.txt", "借此机会", "政策不会动摇。")
    assert _finds(text) == [
        "坚持和平发展，决心不会动摇",
        "坚持共同发展，理念不会动摇",
        "坚持亚太合作发展，政策不会动摇",
    ]


def test_segments_of_three_clauses_are_statements(corpus):
    # 坚持党的集中统一领导，坚持党的科学理论，保持政治稳定，确保…的显著优势；坚持人民当家作主，…的显著优势；…
    text = _excerpt(
        corpus,
        "cpc-plenum-communiques/communique-2019-cc19-plenum04.txt",
        "坚持党的集中统一领导，",
        "的显著优势。",
    )
    assert text.count("的显著优势；") >= 10
    assert _finds(text) == []


def test_three_short_clauses_of_one_length_and_a_shared_tail(corpus):
    # (14p11b) a short couplet-like run: its shape is the frame; the first clause is cut at the members' length
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2014-11-11-1.txt", "我希望北京", "让孩子们")
    assert _finds(text) == ["蓝天常在，青山常在，绿水常在"]
    text = _excerpt(corpus, "gwr-state-council/gwr-1979.txt", "尊重群众，", "依靠群众")
    assert _finds(text) == ["尊重群众，信任群众，依靠群众"]
    # members of different lengths still need a shared head, a longer tail or a fourth member
    tasks = _excerpt(corpus, "gwr-state-council/gwr-2006.txt", "重点加强现代农业", "现代市场体系建设")
    assert _finds(tasks) == []
