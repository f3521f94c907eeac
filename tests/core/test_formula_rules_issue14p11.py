"""Issue 14, session 11 (14p11): 排比 of numbered or dashed points that `point_frames` missed, and 以X为Y runs.

- a photo credit glued to a point (新华社记者 鞠鹏/摄第四，抓好…) ends the caption like a sentence end, so the
  point keeps its place in the run;
- a numbered lead of two balanced clauses may open with a verb–object head of up to twelve characters
  (第一，坚持不懈推动创新，打造强劲发展动力);
- ≥ 3 short leads of one length (4–8 Han characters) of one run are members even when their heads differ
  (第一，增进战略互信。第二，实现复兴梦想。…);
- a lead may hold two commas (a refrain before each: 第一，新常态下，中国经济增速虽然放缓，实际增量依然可观);
- the opening two clauses of ≥ 3 long numbered points, in the shape of a two-clause lead (第一，坚持“川渝一盘棋”，
  打造“一极一源”，更好服务…。);
- (`repeats`) head+slot units written apart by one separator (保重点，保竣工，保投产; 抓重大、抓尖端、抓基本);
- (`sibling_frames`) 以X为Y ×3 whose later members leave out 以 (以领导班子建设为重点、健全党组织为保证、…).
Test texts are stretches of minable corpus files.
"""

from __future__ import annotations

import pytest

from app.core.formulas import point_frames
from tests.core.test_formula_rules_issue14p9 import _excerpt

pytestmark = pytest.mark.corpus


def _leads(text: str) -> list[str]:
    return [text[h.start : h.end] for h in point_frames.point_lead_hits(text)]


def test_a_photo_credit_before_a_point_ends_the_caption(corpus):
    text = _excerpt(
        corpus, "xi-speeches-2020/xi-2020-07-31-1.txt", "第一，抓好坚持", "第五，抓好党的组织制度建设。"
    )
    assert "/摄第三，" in text and "/摄第四，" in text
    assert _leads(text) == [
        "抓好坚持和完善党的领导、坚持和发展中国特色社会主义",
        "抓好用党的科学理论武装全党",
        "抓好党的组织体系建设",
        "抓好执政骨干队伍和人才队伍建设",
        "抓好党的组织制度建设",
    ]


def test_two_clause_leads_with_a_long_head(corpus):
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2017-11-12-1.txt", "第一，坚持不懈", "有更多获得感。")
    assert _leads(text) == [
        "坚持不懈推动创新，打造强劲发展动力",
        "坚定不移扩大开放，创造广阔发展空间",
        "积极践行包容性发展，让民众有更多获得感",
    ]


def test_short_leads_of_one_length(corpus):
    text = _excerpt(
        corpus, "xi-speeches-2013-2018/xi-2018-07-11-1.txt", "第一，增进战略互信", "促进包容互鉴。"
    )
    assert _leads(text) == ["增进战略互信", "实现复兴梦想", "实现互利共赢", "促进包容互鉴"]


def test_a_reports_achievements_are_still_no_frame(corpus):
    # ——经济持续健康发展。——人民民主不断扩大。——文化软实力显著增强。: how things changed, not a programme
    text = _excerpt(
        corpus, "cpc-congress-reports/cpc-18-congress-report.txt", "——经济持续健康发展。", "——人民生活水平"
    )
    assert _leads(text) == []


def test_leads_of_three_clauses_after_one_refrain(corpus):
    # 第一，新常态下，中国经济增速虽然放缓，实际增量依然可观。… (up to two commas in a lead of ≤ 30 characters)
    text = _excerpt(
        corpus, "xi-speeches-2013-2018/xi-2014-11-09-1.txt", "第一，新常态下", "市场活力进一步释放。"
    )
    assert _leads(text) == [
        "新常态下，中国经济增速虽然放缓，实际增量依然可观",
        "新常态下，中国经济增长更趋平稳，增长动力更为多元",
        "新常态下，中国经济结构优化升级，发展前景更加稳定",
        "新常态下，中国政府大力简政放权，市场活力进一步释放",
    ]


def test_yi_wei_members_that_leave_out_the_preposition(corpus):
    from app.core.formulas import sibling_frames

    text = _excerpt(
        corpus,
        "cpc-plenum-communiques/communique-2008-cc17-plenum03.txt",
        "要加强农村基层组织建设",
        "三级联创活动为载体",
    )
    found = [text[h.start : h.end] for h in sibling_frames.yi_wei_run_hits(text)]
    assert found == ["以领导班子建设为重点、健全党组织为保证、三级联创活动为载体"]
    # 以 inside a word opens no run; two members are no run
    assert sibling_frames.yi_wei_run_hits("所以市场为导向，以企业为主体，以技术进步为支撑") == []


def test_the_opening_two_clauses_of_long_numbered_points(corpus):
    # 第一，坚持“川渝一盘棋”，打造“一极一源”，更好服务国家重大生产力布局。… (each lead runs on after its two clauses)
    path = next((corpus / "party-day-news").glob("partyday-05-*.txt")).relative_to(corpus).as_posix()
    text = _excerpt(
        corpus, path, "第一，坚持“川渝一盘棋”", "第五，坚持生态优先，筑牢维护国家生态安全的战略屏障，"
    )
    assert _leads(text) == [
        "坚持“川渝一盘棋”，打造“一极一源”",
        "坚持系统谋划，加快建设西部创新高地",
        "坚持底线思维，加快打造保障国家重要初级产品供给战略基地",
        "坚持高水平对外开放，构筑向西开放战略高地和参与国际竞争新基地",
        "坚持生态优先，筑牢维护国家生态安全的战略屏障",
    ]


def test_head_and_slot_units_written_apart(corpus):
    from app.core.formulas import repeats

    text = _excerpt(corpus, "gwr-state-council/gwr-1997.txt", "集中资金保重点", "保投产")
    assert [text[h.start : h.end] for h in repeats.separated_repeat_hits(text)] == ["保重点，保竣工，保投产"]
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2014-06-09-1.txt", "抓重大", "抓基本")
    assert [text[h.start : h.end] for h in repeats.separated_repeat_hits(text)] == ["抓重大、抓尖端、抓基本"]
    # a slot said twice is no frame of three
    assert repeats.separated_repeat_hits("要保重点，保重点，保投产。") == []
