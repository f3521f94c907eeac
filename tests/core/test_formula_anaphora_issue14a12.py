"""Issue 14, session 12 (14a12): anaphora that fresh rounds marked and the rules' precision guards blocked.

Each test reads a stretch of a minable corpus file and asks the rule that finds (or rightly leaves) the run.
"""

from __future__ import annotations

import pytest

from app.core.formulas import clause_anaphora, point_frames, sentence_anaphora, sibling_frames
from app.core.formulas.shipped import default_matcher
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


def _segments(text: str) -> list[str]:
    return [text[h.start : h.end] for h in sibling_frames.segment_hits(text)]


def test_long_segments_are_members_by_their_lead_clause(corpus):
    path = "cpc-plenum-communiques/communique-2013-cc18-plenum03.txt"
    text = _excerpt(corpus, path, "全会指出，要紧紧围绕使市场", "提供坚强政治保证。")
    found = _segments(text)
    assert found[-3:] == [
        "紧紧围绕更好保障和改善民生、促进社会公平正义深化社会体制改革",
        "紧紧围绕建设美丽中国深化生态文明体制改革",
        "紧紧围绕提高科学执政、民主执政、依法执政水平深化党的建设制度改革",
    ]
    assert len(found) == 5 and all(m.startswith("紧紧围绕") for m in found)


def test_a_first_segment_may_hold_the_shared_head_after_words_of_its_sentence(corpus):
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2014-07-04-1.txt", "新形势下，中韩两国", "友好新篇章。")
    found = _segments(text)
    assert found[0] == "应该坚持睦邻友好，增强政治互信，重视相互核心利益和关切，确保两国关系长期健康发展"
    assert len(found) == 4 and all(m.startswith("应该坚持") for m in found)


def _clauses(text: str) -> list[str]:
    return [text[h.start : h.end] for h in clause_anaphora.clause_anaphora_hits(text)]


def test_a_run_of_clauses_that_uphold_principles_is_a_frame(corpus):
    path = "npc-resolutions-on-gwr/npc-resolution-on-gwr-2019.txt"
    text = _excerpt(corpus, path, "坚持稳中求进工作总基调", "扩大高水平开放")
    assert _clauses(text) == [text]
    assert text.count("，坚持") == 4


def test_upholding_joined_to_a_second_verb_is_a_task(corpus):
    path = "cpc-plenum-communiques/communique-2020-cc19-plenum05.txt"
    text = _excerpt(corpus, path, "坚持党的全面领导，坚持和完善", "中国特色社会主义制度")
    assert text.count("，坚持") == 2 and _clauses(text) == []


def _sentences(text: str) -> list[str]:
    return [text[h.start : h.end] for h in sentence_anaphora.sentence_anaphora_hits(text)]


def test_short_sentences_of_one_paragraph_that_open_alike_with_one_between(corpus):
    path = "xi-speeches-2013-2018/xi-2018-07-10-1.txt"
    text = _excerpt(corpus, path, "我们要坚持对话协商", "抓好民生建设。")
    assert _sentences(text) == [
        "我们要坚持对话协商",
        "我们要坚守主权原则，反对搞分裂割据",
        "我们要倡导包容性和解，反对搞压制性妥协",
        "我们要反对恐怖主义，加强综合施策，抓好民生建设",
    ]
    parallel = {text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "parallel"}
    assert "我们要坚持对话协商" in parallel


def test_short_paragraph_leads_with_a_bare_modal(corpus):
    text = _excerpt(corpus, "xi-speeches-2013-2018/xi-2018-07-10-1.txt", "要牢牢抓住互联互通", "“两翼”齐飞。")
    assert text.count("\n\n") >= 2
    assert _sentences(text) == [
        "要牢牢抓住互联互通这个“龙头”",
        "要积极推动油气合作、低碳能源合作“双轮”转动",
        "要努力实现金融合作、高新技术合作“两翼”齐飞",
    ]


def test_balanced_lead_clauses_of_long_sentences_in_one_paragraph(corpus):
    path = "cpc-plenum-communiques/communique-2006-cc16-plenum06.txt"
    text = _excerpt(corpus, path, "要坚持协调发展", "发挥人民群众的首创精神")
    assert _sentences(text) == [
        "要坚持协调发展、加强社会事业建设",
        "要加强制度建设、保障社会公平正义",
        "要建设和谐文化、巩固社会和谐的思想道德基础",
        "要完善社会管理、保持社会安定有序",
        "要激发社会活力、增进社会团结和睦",
    ]


def test_a_report_s_task_sentences_are_no_members(corpus):
    # long 要… sentences of one paragraph whose lead clauses have no balanced shape: tasks, left unmarked
    path = "cpc-plenum-communiques/communique-2013-cc18-plenum02.txt"
    text = _excerpt(corpus, path, "要进一步保持经济发展良好势头", "要进一步加强党的建设")
    assert text.count("。要进一步") == 3 and _sentences(text) == []


def test_a_run_with_a_long_segment_takes_every_member_by_its_lead_clause(corpus):
    # the last segment runs past `_LONG_SEGMENT` characters: all members get one extent, the lead clause (the
    # first segment holds 应该 too far from its start to be cut there)
    path = "cpc-plenum-communiques/communique-1978-cc11-plenum03.txt"
    text = _excerpt(corpus, path, "会议指出，现在我国经济管理体制", "升降等制度。")
    assert _segments(text) == [
        "应该着手大力精简各级经济行政机构",
        "应该坚决实行按经济规律办事",
        "应该在党的一元化领导之下",
    ]


def test_an_ordinal_before_a_paragraph_lead_is_left_out_of_the_member(corpus):
    path = "gwr-state-council/gwr-2011.txt"
    text = _excerpt(corpus, path, "一是必须坚持科学发展", "作为经济社会发展的根本动力。")
    assert _sentences(text) == [
        "必须坚持科学发展",
        "必须坚持政府调控与市场机制有机统一",
        "必须坚持统筹国内国际两个大局",
        "必须坚持把改革开放作为经济社会发展的根本动力",
    ]


def test_the_shared_head_may_start_a_later_clause_of_the_first_segment(corpus):
    path = "cpc-plenum-communiques/communique-2003-cc16-plenum03.txt"
    text = _excerpt(corpus, path, "建立归属清晰、权责明确", "良好的信用基础和市场秩序。")
    found = _segments(text)
    assert found[0] == "有利于维护公有财产权，巩固公有制经济的主体地位"
    assert len(found) == 4 and all(m.startswith("有利于") for m in found)
