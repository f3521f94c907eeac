"""Issue 14, session 12 (14g12): slogans of fresh text.

- a four-character lexicon wording widens to the short 、-run of equal members it stands in, when the run opens
  its clause or follows a verb of policy and ends the clause (`slogans.lexicon_run_hits`): 坚持全民动员、联防联控、
  公开透明; not after a subject or another verb, not with a numbered framework in it, not a 排比 run;
- two unlike items before 的 + a partnership or a virtue noun (的中阿战略伙伴关系, 的优秀品质, 的浓厚氛围) are one
  slogan (`slogans.norm_list_hits`);
- long couplets alike at both ends and once inside (不走封闭僵化的老路，不走改旗易帜的邪路), unless they are a
  statement, a narrative, items of a longer list or two members of a 排比 run (`couplets.couplet_hits`);
- 一X…，二X…: two equal clauses counted off with one verb (一靠教育，二靠制度), not points or phases counted
  (`couplets.counted_pair_hits`);
- no couplet of two neighbours in a longer list of equal items, no motto list at the near end of a 从…到… range,
  no exchange of ends in an argument's step with 才.

Every test text is a sentence of a minable corpus file (`unquotable` checks that it is in its file and that the file
is not one of the held-out round's).
"""

from __future__ import annotations

import pytest

from app.core.formulas import couplets, patterns, slogans
from app.core.formulas.shipped import default_matcher
from tests.bench.formula_annotations import unquotable

pytestmark = pytest.mark.corpus

XI_0327 = "xi-speeches-2020/xi-2020-03-27-1.txt"
XI_0519 = "xi-speeches-2020/xi-2020-05-19-2.txt"
PLENUM_2022 = "cpc-plenum-communiques/communique-2022-cc19-plenum07.txt"
XI_0425 = "xi-speeches-2013-2018/xi-2016-04-25-1.txt"
GWR_2016 = "gwr-state-council/gwr-2016.txt"
CONGRESS_18 = "cpc-congress-reports/cpc-18-congress-report.txt"
CONGRESS_20 = "cpc-congress-reports/cpc-20-congress-report.txt"
XI_0912 = "xi-speeches-2020/xi-2020-09-12-1.txt"
XI_0710 = "xi-speeches-2013-2018/xi-2018-07-10-1.txt"
XI_0923 = "xi-speeches-2020/xi-2020-09-23-2.txt"
PLENUM_2013 = "cpc-plenum-communiques/communique-2013-cc18-plenum03.txt"
XI_0731 = "xi-speeches-2020/xi-2020-07-31-1.txt"
XI_0801 = "xi-speeches-2013-2018/xi-2017-08-01-1.txt"
GWR_2006 = "gwr-state-council/gwr-2006.txt"
HUST_32 = "hust-party-building/hust-32-话语体系（用于党建研学）.txt"
XI_0609 = "xi-speeches-2013-2018/xi-2014-06-09-1.txt"
XI_0118 = "xi-speeches-2013-2018/xi-2017-01-18-2.txt"
XI_0603 = "xi-speeches-2013-2018/xi-2014-06-03-1.txt"
CONGRESS_16 = "cpc-congress-reports/cpc-16-congress-report.txt"
HAILAR_2015 = "hailar-district-gwr/hailar-district-gwr-2015.txt"
GWR_1997 = "gwr-state-council/gwr-1997.txt"

EPIDEMIC = "坚持全民动员、联防联控、公开透明，打响了一场抗击疫情的人民战争。"
PEOPLE_FIRST = "我们要坚持以民为本、生命至上，科学调配医疗力量和重要物资，"
BORDER = "推进兴边富民、稳边固边。"
SUBJECT = "以习近平同志为核心的党中央审时度势、守正创新，敢于斗争、善于斗争，"
PLACE_VERB = "最关键最核心的技术要立足自主创新、自立自强。"
SAFETY = "实行党政同责、一岗双责，"
SEPARATIONS = "深入推进政企分开、政资分开、政事分开、政社分开，"
SCIENTISTS = "继承和发扬老一辈科学家胸怀祖国、服务人民的优秀品质，"
PARTNERSHIP = "我们一致同意建立全面合作、共同发展、面向未来的中阿战略伙伴关系。"
THRIFT = "在全社会营造浪费可耻、节约光荣的浓厚氛围。"
TWO_ROADS = "不走封闭僵化的老路，不走改旗易帜的邪路，"
TALENT = "有才无德会坏事，有德无才会误事，"
STATEMENT = "我们的事业是伟大的，我们的任务是艰巨的，"
NARRATIVE = "全部免征了农业税，全国取消了牧业税。"
ACTIVITIES = "感悟分享书写、廉政教育基地参观、廉洁教育展览参观、行业场馆参观、"
RUN = "在创新实践中发现人才、在创新活动中培育人才、在创新事业中凝聚人才，"
VIRTUES = "清正廉洁、克己奉公、以史为鉴、以案为训、修身齐家、尊师重教"
DOOR = "开着门，世界能够进入中国，中国也才能走向世界。"
EDUCATION = "“八个坚持、八个反对”，一靠教育，二靠制度，正确开展批评与自我批评，"
FEARLESS = "敢于斗争、敢于胜利，一不怕苦、二不怕死，是人民军队血性胆魄的生动写照。"
PHASES = "确保亘富200万吨褐煤提质一期投产，二期开工"
POINTS = "各级预算都要量入为出，一是吃饭，二是建设"
SCENE = (
    "从铁路横贯、大桥飞架、堤坝高筑、汽车奔驰、飞机穿梭、飞船遨游、巨舰破浪、通信畅通，到成千上万的各种机械"
)

#: (corpus file, sentence) for every sentence quoted below.
QUOTED = [
    (XI_0327, EPIDEMIC),
    (XI_0519, PEOPLE_FIRST),
    (CONGRESS_20, BORDER),
    (PLENUM_2022, SUBJECT),
    (XI_0425, PLACE_VERB),
    (GWR_2016, SAFETY),
    (CONGRESS_18, SEPARATIONS),
    (XI_0912, SCIENTISTS),
    (XI_0710, PARTNERSHIP),
    (XI_0923, THRIFT),
    (PLENUM_2013, TWO_ROADS),
    (XI_0731, TALENT),
    (XI_0801, STATEMENT),
    (GWR_2006, NARRATIVE),
    (HUST_32, ACTIVITIES),
    (XI_0609, RUN),
    (HUST_32, VIRTUES),
    (XI_0118, DOOR),
    (XI_0603, SCENE),
    (CONGRESS_16, EDUCATION),
    (XI_0801, FEARLESS),
    (HAILAR_2015, PHASES),
    (GWR_1997, POINTS),
]


def test_quoted_sentences_are_in_the_corpus(corpus):
    assert unquotable(corpus, QUOTED) == []


def _slogans(text: str) -> list[str]:
    return [text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "slogan"]


def _runs(text: str) -> list[str]:
    matcher = default_matcher()
    return [h.formula for h in matcher._lexicon_run_hits(text, matcher.lexicon_hits(text))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (EPIDEMIC, "全民动员、联防联控、公开透明"),
        (PEOPLE_FIRST, "以民为本、生命至上"),
        (BORDER, "兴边富民、稳边固边"),
    ],
)
def test_a_lexicon_wording_widens_to_its_run_of_equal_members_after_a_verb_of_policy(sentence, expected):
    assert _runs(sentence) == [expected]
    assert _slogans(sentence) == [expected]  # (the run wins over the lexicon wording inside it)


@pytest.mark.parametrize("sentence", [SUBJECT, PLACE_VERB])
def test_a_run_after_a_subject_or_a_verb_of_place_stays_its_lexicon_wording(sentence):
    assert _runs(sentence) == []
    assert any(h.source == "lexicon" for h in default_matcher().find(sentence))


def test_a_run_with_a_numbered_framework_or_a_repeated_character_is_left_to_those_rules():
    assert _runs(SAFETY) == []  # 一岗双责 is a numbered framework of its own (GUIDE §2)
    assert _runs(SEPARATIONS) == []  # …分开 ×4: a 排比 frame (GUIDE §1.3)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (SCIENTISTS, "胸怀祖国、服务人民"),
        (PARTNERSHIP, "全面合作、共同发展、面向未来"),
        (THRIFT, "浪费可耻、节约光荣"),
    ],
)
def test_unlike_items_before_a_partnership_or_a_virtue_are_one_slogan(sentence, expected):
    hits = slogans.norm_list_hits(sentence, patterns.list_items(sentence), default_matcher().common_words)
    assert [h.formula for h in hits] == [expected]


@pytest.mark.parametrize(("sentence", "expected"), [(TWO_ROADS, TWO_ROADS[:-1]), (TALENT, TALENT[:-1])])
def test_long_couplets_alike_at_both_ends_and_inside_are_slogans(sentence, expected):
    assert [h.formula for h in couplets.couplet_hits(sentence)] == [expected]


@pytest.mark.parametrize("sentence", [STATEMENT, NARRATIVE, ACTIVITIES, RUN])
def test_template_pairs_that_state_narrate_list_or_run_on_are_no_couplet(sentence):
    assert couplets.couplet_hits(sentence) == []


def test_two_neighbours_in_a_longer_list_of_equal_items_are_no_couplet():
    assert couplets.couplet_hits(VIRTUES) == []
    # the same pair alone is one (以史为鉴、以案为训 echoes at 以 and 为)
    assert [h.formula for h in couplets.couplet_hits("以史为鉴、以案为训，")] == ["以史为鉴、以案为训"]


def test_an_argument_step_with_cai_is_no_exchange_of_ends():
    assert couplets.swap_hits(DOOR) == []


def test_a_scene_at_the_near_end_of_a_range_is_no_motto_list():
    matcher = default_matcher()
    lists = patterns.list_items(SCENE)
    assert slogans.equal_motto_list_hits(SCENE, lists, matcher.common_words, matcher.idioms) == []
    # without 从…到 the same items pass the list's other tests
    bare = SCENE[1 : SCENE.index("，")] + "。"
    assert slogans.equal_motto_list_hits(
        bare, patterns.list_items(bare), matcher.common_words, matcher.idioms
    )


@pytest.mark.parametrize(
    ("sentence", "expected"), [(EDUCATION, "一靠教育，二靠制度"), (FEARLESS, "一不怕苦、二不怕死")]
)
def test_two_clauses_counted_off_with_one_verb_are_a_slogan(sentence, expected):
    assert [h.formula for h in couplets.counted_pair_hits(sentence)] == [expected]
    assert expected in [
        h.text for h in default_matcher().find(sentence)
    ]  # (一不怕苦、二不怕死 is a lexicon wording too)


@pytest.mark.parametrize("sentence", [PHASES, POINTS])
def test_phases_or_points_counted_off_are_no_slogan(sentence):
    assert couplets.counted_pair_hits(sentence) == []
