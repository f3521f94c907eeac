"""Issue 14, session 10 (14s10): slogans and 排比 in speeches and party-building texts.

- slogan shapes that hit general Chinese, not mottos: couplets whose halves both open with distributive 各 or the
  simile 如 (各施所长，各尽所能; 如切如磋，如琢如磨), and lists of three-character names (程秀英、仲浩天…) that the
  verb–object slogan rule took for units (GUIDE §3: idioms, classical quotations and persons are not marked);
- clause 排比 (`clause_frames.equal_clause_hits`) that open their sentence or a quote (世界在前进，社会在进步，生活在
  变化), whose first clause carries governing words (切实|保护合法收入，…), or whose clauses have four characters
  (尊重群众，信任群众，依靠群众);
- 、-lists of one prefix whose last item runs on into its clause (新技术、新品种、新农机研发推广应用), cut at the items'
  length unless a word runs across the cut (不平衡、不协调、不可持续) or the prefix names addressees (各地区、各部门…);
- 、-lists of two-character items that repeat their first character (共建、共享、共赢; 医疗、医保、医药), not the
  addressees' 全党、全军、全国….

Every test text is a sentence of a minable corpus file (`unquotable` checks that it is in its file and that the file
is not one of the held-out round's).
"""

from __future__ import annotations

import pytest

from app.core.formulas import clause_frames, couplets, patterns, slogans
from app.core.formulas.shipped import default_matcher, idioms
from tests.bench.formula_annotations import unquotable

pytestmark = pytest.mark.corpus

XI_0605 = "xi-speeches-2013-2018/xi-2014-06-05-1.txt"
HUST_27 = "hust-party-building/hust-27-校园文化节｜华科大“国潮奇遇记”绽放古韵新声.txt"
HUST_31 = "hust-party-building/hust-31-迎新季｜公共管理学院2025级本科新生，今日起航.txt"
XI_1018 = "xi-speeches-2020/xi-2020-10-18-1.txt"
XI_0731 = "xi-speeches-2020/xi-2020-07-31-1.txt"
XI_1129 = "xi-speeches-2013-2018/xi-2016-11-29-1.txt"
GWR_1981 = "gwr-state-council/gwr-1981.txt"
GWR_1990 = "gwr-state-council/gwr-1990.txt"
GWR_1979 = "gwr-state-council/gwr-1979.txt"
# (xi-2013-12-26-1's 我们要珍惜人民给予的权力，… gave way when it was drawn for the held-out round 15)
PLENUM_2010 = "cpc-plenum-communiques/communique-2010-cc17-plenum05.txt"
XI_0716 = "xi-speeches-2013-2018/xi-2014-07-16-1.txt"
GWR_2017 = "gwr-state-council/gwr-2017.txt"

EACH = "共建，就是各施所长，各尽所能，把双方优势和潜能充分发挥出来"
POLISH = "“如切如磋，如琢如磨”"
UNTIL_DONE = "各级党委和政府务必保持攻坚态势，善始善终，善作善成，不获全胜决不收兵。"
TEACHERS = "本科新生班主任程秀英、仲浩天、张译文、牛海沣，本科教务负责人"
UNITS = "我们要应变局、育新机、开新局、谋复兴，关键是要把党的各级领导班子和干部"
WORLD = "世界在前进，社会在进步，生活在变化，我们必须跟上历史步伐。"
TO_THE_END = "他经常用“革命到老，学习到老，改造到老”鞭策自己，"
TALENTS = "生聚有方，做到人尽其才，地尽其利，物尽其用，就能使农林牧副渔全面发展。"
INCOMES = "各级政府要把缓解社会分配不公作为一项重要工作来抓，切实保护合法收入，取缔非法收入，限制过高收入。"
MASSES = "各级政府要坚决尊重群众，信任群众，依靠群众，从政治上和物质上保证人民群众拥有各种渠道和手段来行使管理国家的权利。"
PLANNING = "各级党委要准确把握发展趋势，科学谋划发展蓝图，努力创新发展模式，"
LEADERS = "尊敬的罗塞夫总统，普京总统，莫迪总理，祖马总统，"
UN = "我们支持联合国更有效地凝聚全球共识，动员全球资源，协调全球行动，"
MARKET = "实践表明，市场作用发挥比较充分的地方，"
CPC_14 = "cpc-congress-reports/cpc-14-congress-report.txt"
GWR_2015 = "gwr-state-council/gwr-2015.txt"
GWR_2013 = "gwr-state-council/gwr-2013.txt"
GWR_1980 = "gwr-state-council/gwr-1980.txt"
FARMING = "加快新技术、新品种、新农机研发推广应用。"
NEW_THINGS = "各种新知识、新情况、新事物层出不穷。"
UNBALANCED = "发展中不平衡、不协调、不可持续问题依然突出"
ADDRESSEES = "各地区、各部门、各企业要发挥自己的"
XI_0329 = "xi-speeches-2013-2018/xi-2015-03-29-2.txt"
PLENUM_2015 = "cpc-plenum-communiques/communique-2015-cc18-plenum05.txt"
CPC_11 = "cpc-congress-reports/cpc-11-congress-report.txt"
SECURITY = "努力走出一条共建、共享、共赢的亚洲安全之路。"
HEALTH = "实行医疗、医保、医药联动，建立覆"
WHOLE_PARTY = "加强全党、全军、全国各族人民的大团结"
XI_1122 = "xi-speeches-2020/xi-2020-11-22-1.txt"
#: (corpus file, sentence) for every sentence quoted here.
QUOTED = [
    (XI_0605, EACH), (HUST_27, POLISH), (XI_1018, UNTIL_DONE), (HUST_31, TEACHERS), (XI_0731, UNITS),
    (XI_1129, WORLD), (XI_1129, TO_THE_END), (GWR_1981, TALENTS), (GWR_1990, INCOMES), (GWR_1979, MASSES),
    (PLENUM_2010, PLANNING), (XI_0716, LEADERS), (XI_1122, UN), (CPC_14, MARKET),
    (GWR_2015, FARMING), (XI_1129, NEW_THINGS), (GWR_2013, UNBALANCED), (GWR_1980, ADDRESSEES),
    (XI_0329, SECURITY), (PLENUM_2015, HEALTH), (CPC_11, WHOLE_PARTY),
]  # fmt: skip


def test_every_quoted_sentence_is_in_its_minable_file(corpus):
    assert unquotable(corpus, QUOTED) == []


def _couplets(text: str) -> list[str]:
    return [h.formula for h in couplets.couplet_hits(text)]


def test_a_couplet_of_general_each_or_simile_pairs_is_no_slogan():
    assert _couplets(EACH) == []
    assert _couplets(POLISH) == []
    assert _couplets(UNTIL_DONE) == ["善始善终，善作善成"]  # a motto pair opening alike stays


def _units(text: str) -> list[str]:
    words = default_matcher().common_words
    return [h.formula for h in slogans.verb_object_list_hits(patterns.list_items(text), words)]


def test_a_list_of_names_is_no_verb_object_slogan():
    assert _units(TEACHERS) == []
    assert _units(UNITS) == ["应变局、育新机、开新局、谋复兴"]


def test_the_detector_marks_neither_as_a_slogan():
    for text in (EACH, POLISH, TEACHERS):
        assert [h.text for h in default_matcher().find(text) if h.rule == "slogan"] == []


def _clauses(text: str) -> list[str]:
    words = default_matcher().common_words
    return [h.formula for h in clause_frames.equal_clause_hits(text, words)]


@pytest.mark.parametrize(
    ("text", "run"),
    [
        (WORLD, "世界在前进，社会在进步，生活在变化"),  # opens its sentence
        (TO_THE_END, "革命到老，学习到老，改造到老"),  # opens a quote; four characters
        (TALENTS, "人尽其才，地尽其利，物尽其用"),  # after the governing 做到
        (INCOMES, "保护合法收入，取缔非法收入，限制过高收入"),  # after the adverb 切实
        (MASSES, "尊重群众，信任群众，依靠群众"),  # after 各级政府要坚决
        (PLANNING, "准确把握发展趋势，科学谋划发展蓝图，努力创新发展模式"),  # after a modal 要
    ],
)
def test_a_clause_run_is_found_at_its_sentence_start_after_governing_words_and_with_four_characters(
    text, run
):
    assert _clauses(text) == [run]


def test_no_clause_run_from_names_one_shared_place_or_a_clause_that_runs_on():
    assert _clauses(LEADERS) == []  # four characters sharing one place (总) only: addressees
    assert _clauses("困难不容低估，信心不可动摇。") == []  # two clauses
    # the first clause runs on beyond eight characters of lead (我们支持联合国更有效地…): no member
    assert _clauses("我们支持联合国更有效地凝聚全球共识，动员全球资源，协调全球行动，") == []
    # a cut through a word (…发|挥比较充分的地方) is no member
    assert (
        clause_frames._first_member("在市场作用发挥比较充分的地方，", 14, 8, default_matcher().common_words)
        < 0
    )


def _lists(text: str) -> list[str]:
    return [
        h.formula for h in patterns.enumeration_hits(text, idioms(), None, default_matcher().common_words)
    ]


def test_a_prefix_list_whose_last_item_runs_on_is_cut_at_the_items_length():
    assert _lists(FARMING) == ["新技术、新品种、新农机"]
    assert _lists(NEW_THINGS) == ["新知识、新情况、新事物"]
    assert patterns.enumeration_hits(FARMING, idioms()) == []  # without the dictionary: no cut, as before


def test_no_cut_through_a_word_nor_of_an_addressee_list():
    assert _lists(UNBALANCED) == []  # 持续 runs across the cut (the lexicon holds the whole wording)
    assert _lists(ADDRESSEES) == []


def test_two_character_items_that_repeat_their_first_character_are_a_frame():
    assert _lists(SECURITY) == ["共建、共享、共赢"]
    assert _lists(HEALTH) == ["医疗、医保、医药"]
    assert _lists(WHOLE_PARTY) == []  # addressees
