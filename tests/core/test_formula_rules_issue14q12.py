"""Issue 14, session 12 (14q12): shape guards against wrong hits that fresh rounds 11–15 showed.

Numbered phrases (`patterns.numbered_hits`, GUIDE §1.2 counts):
- N大 / N种 + a four-character noun counts things or places (七大购物中心, 两大主题展厅, 三大工作方向, 十种有色金属),
  unless the noun names tasks or a movement (三大革命运动, 三大历史任务);
- 二者缺一不可 is a phrase about two things, not a 三严三实 shape (者 is no framework character).

References (`references.reference_hits`, GUIDE §1.1: the party's or the state's own meetings and documents):
- a cooperation plan or treaty with other states is none (《合作规划》, 《长期睦邻友好合作条约实施纲要》);
- nor a lecture's title with a spaced subtitle dash or slash (《当代青年… —— 学习领会…》, 《关于国奖 / 三标的四个维度》);
- a congress's site is a place (中共五大会址纪念馆), and another body's congress is not the party's (全国学联二十七大).

Quoted terms (`patterns.quoted_hits`, GUIDE §1.5): an award's name, even with a space after its closing quote
(“民族之星” 获得者, “民族之星” 荣誉), is a name everywhere in the text.

Lexicon: 完整、准确、全面贯彻新发展理念 is no longer a wording of its own: GUIDE §2 (session 9's decision) marks
新发展理念 with the verb and its adverbs outside, and the whole wording was a wrong hit in every tuning round that holds
it (rounds 3, 4, 5, 9, 12: 7 hits, none right).

Every test text is a sentence of a minable corpus file (`unquotable` checks it).
"""

from __future__ import annotations

import pytest

from app.core.formulas import patterns
from app.core.formulas.references import reference_hits
from app.core.formulas.shipped import default_matcher
from tests.bench.formula_annotations import unquotable

pytestmark = pytest.mark.corpus

PARTY_DAY_17 = "party-day-news/partyday-17-文物见证复兴路，薪火相传赤子心——学院本科生第一.txt"
PARTY_DAY_28 = "party-day-news/partyday-28-离退休干部局组织党员干部前往中国传媒大学传媒博物.txt"
HAILAR_2018 = "hailar-district-gwr/hailar-district-gwr-2018.txt"
GWR_1991 = "gwr-state-council/gwr-1991.txt"
GWR_1978 = "gwr-state-council/gwr-1978.txt"
GWR_2022 = "gwr-state-council/gwr-2022.txt"
CPC_19 = "cpc-congress-reports/cpc-19-congress-report.txt"
XI_0122 = "xi-speeches-2013-2018/xi-2016-01-22-1.txt"
XI_0109 = "xi-speeches-2013-2018/xi-2015-01-09-1.txt"
XI_0913 = "xi-speeches-2013-2018/xi-2014-09-13-1.txt"
XI_0818 = "xi-speeches-2020/xi-2020-08-18-1.txt"
HUST_04 = "hust-party-building/hust-04-与榜样对话，这场分享会让公管学子充电满满！.txt"
HUST_07 = "hust-party-building/hust-07-公管学院体育学院分党校第17期入党积极分子培训班.txt"
HUST_13 = "hust-party-building/hust-13-寻访恽代英的足迹（武汉）丨走进武汉革命博物馆，重.txt"

HALLS = '党员干部们沉浸式观摩"苏地华章""苏作天工"两大主题展厅。'
DIRECTIONS = "牢牢把握广电“二三四”工作定位、三大工作方向，进一步弘扬光荣传统，"
MALLS = "大商友谊完成提档升级，初步形成七大购物中心。"
METALS = "十种有色金属，总产量大体保持上年水平。"
MOVEMENTS = "深入开展阶级斗争、生产斗争和科学实验三大革命运动，在本世纪内把我国建设成为"
TASKS = "维护世界和平与促进共同发展三大历史任务，为决胜全面建成小康社会、"
BOTH = "也要主持公道、伸张正义，二者缺一不可。"
PLAN = "《合作规划》将确定今后5年中拉开展整体合作的重点领域和具体措施，"
TREATY = "各方根据峰会共识，全面落实《长期睦邻友好合作条约实施纲要》，携手打击“三股势力”、"
LECTURE = "丁亚楠老师围绕《当代青年大学生的人生价值与政治信仰 —— 学习领会习近平总书记关于青年工作的重要思想》这一主题展开授课。"
ESSAY = "国奖获得者周子羽以《关于国奖 / 三标的四个维度》为题，"
SITE = "活动伊始，寻访团走进中共五大会址纪念馆。"
STUDENTS = "全国青联十三届委员会委员、全国学联二十七大代表、各界青年和青年学生代表约3000人参加开幕会。"
AWARD = "“民族之星” 获得者张嘉欣以《你当像鸟飞往你的山》为题，"
PHILOSOPHY = "贯彻落实中央经济工作会议精神，完整、准确、全面贯彻新发展理念，扎实做好“六稳”、“六保”工作，"
HONOUR = "阿依克木古丽・布力布力对 “民族之星” 荣誉进行介绍。"
PLATFORM = "她指出，“民族之星” 是发挥典型学子示范引领作用，营造民族团结良好氛围，"
QUOTED = [
    (PARTY_DAY_17, HALLS), (PARTY_DAY_28, DIRECTIONS), (HAILAR_2018, MALLS), (GWR_1991, METALS),
    (GWR_1978, MOVEMENTS), (CPC_19, TASKS), (XI_0122, BOTH), (XI_0109, PLAN), (XI_0913, TREATY),
    (HUST_07, LECTURE), (HUST_04, ESSAY), (HUST_13, SITE), (XI_0818, STUDENTS), (HUST_04, AWARD),
    (HUST_04, HONOUR), (HUST_04, PLATFORM), (GWR_2022, PHILOSOPHY),
]  # fmt: skip


def test_every_quoted_sentence_is_in_its_minable_file(corpus):
    assert unquotable(corpus, QUOTED) == []


def _numbered(text: str) -> list[str]:
    return [h.formula for h in patterns.numbered_hits(text, default_matcher().idioms)]


@pytest.mark.parametrize("text", [HALLS, DIRECTIONS, MALLS, METALS, BOTH])
def test_things_counted_are_no_numbered_formula(text):
    assert _numbered(text) == []


def test_tasks_and_movements_counted_by_n_da_still_count():
    assert _numbered(MOVEMENTS) == ["三大革命运动"]
    assert _numbered(TASKS) == ["三大历史任务"]


def _references(text: str) -> list[str]:
    return [h.formula for h in reference_hits(text)]


@pytest.mark.parametrize("text", [PLAN, TREATY, LECTURE, ESSAY, SITE, STUDENTS])
def test_documents_and_congresses_of_others_are_no_references(text):
    assert _references(text) == []


def test_the_party_s_own_documents_and_congresses_still_are():
    # the same sentences with the party's own document or congress put in
    assert _references(PLAN.replace("合作规划", "中共中央关于加快农业发展若干问题的决定")) == [
        "《中共中央关于加快农业发展若干问题的决定》"
    ]
    assert _references(SITE.replace("中共五大会址纪念馆", "中共五大精神")) == ["中共五大精神"]
    assert _references(STUDENTS.replace("全国学联二十七大", "党的二十大")) == ["党的二十大"]


def test_an_award_s_name_is_no_quoted_formula_even_after_a_space():
    matcher = default_matcher()
    for text in (AWARD, HONOUR, "\n".join((AWARD, HONOUR, PLATFORM))):
        assert patterns.quoted_hits(text, matcher.idioms, matcher.common_words) == []
    # without the award words after it, the term quoted in three sentences is the text's own label
    bare = "\n".join((AWARD.replace(" 获得者", "的"), HONOUR.replace(" 荣誉", ""), PLATFORM))
    assert [h.formula for h in patterns.quoted_hits(bare, matcher.idioms, matcher.common_words)] == [
        "民族之星"
    ] * 3


def test_the_adverbs_and_verb_before_the_new_development_philosophy_are_outside_its_span():
    lexicon = [h.text for h in default_matcher().find(PHILOSOPHY) if h.source == "lexicon"]
    assert "新发展理念" in lexicon
    assert not any(text.startswith("完整") for text in lexicon)
