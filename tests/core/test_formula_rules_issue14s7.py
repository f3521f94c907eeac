"""Issue 14, session 7 (14s7): shape rules for slogans and 排比 that an analyst recognises by form.

- closed 、-lists of ≥ 4 four-character set phrases, each two dictionary words, no idiom among them
  (`slogans.equal_motto_list_hits`);
- two clauses that trade their ends, A…B，B…A (`couplets.swap_hits`);
- ≥ 3 equal clauses that differ at their start and share a piece further in (`clause_frames.equal_clause_hits`);
- a quoted phrase (no list) followed by 主题/专题 is an activity's title, not a quoted formula
  (`patterns._names_no_formula`);
- N个X outside the lexicon is a count unless a label word follows (GUIDE §1.2; `patterns._numbered_noun`);
- a list's longer last item ends after the suffix the other items share (…现代市场体系|建设), and a list joined
  by 和 whose items share their opening may run on into the clause (重点地带、重点城市和重点产业|加快发展)
  (`patterns._affix_cut`, `sub_lists._even`);
- clause runs headed by 有的 (cases: some…, some…) or 不能 (a modal) are no frame unless their members are short
  (`frames._WEAK_HEADS`, `frames._GRAMMAR_HEADS`);
- a quoted term that ends in 倡议 or 制, or that 项目 follows, names a programme (`patterns._CONTENT_TAIL_RE`,
  `patterns._TAILS`);
- three-character verb–object units whose object is a word ending like a noun (保民生, 惠民生) in
  `slogans.verb_object_list_hits`.

Every sentence is quoted from a minable corpus file (named next to it; `test_quoted_sentences_are_in_the_corpus`
checks that it is there and that the file is not one of the held-out round's).
"""

from __future__ import annotations

import pytest

from app.core.formulas import clause_frames, couplets, patterns, slogans
from app.core.formulas.shipped import default_matcher, general_words, idioms
from tests.bench.formula_annotations import unquotable

CC14 = "cpc-congress-reports/cpc-14-congress-report.txt"
PLENUM_2014 = "cpc-plenum-communiques/communique-2014-cc18-plenum04.txt"
GWR_2004 = "gwr-state-council/gwr-2004.txt"
GWR_2017 = "gwr-state-council/gwr-2017.txt"
SECRETARY_2023 = "seed/city-secretary-study-session-2023.txt"
CC19 = "cpc-congress-reports/cpc-19-congress-report.txt"
GWR_1988 = "gwr-state-council/gwr-1988.txt"
XI_0428 = "xi-speeches-2013-2018/xi-2016-04-28-1.txt"
GWR_1982 = "gwr-state-council/gwr-1982.txt"
CC17 = "cpc-congress-reports/cpc-17-congress-report.txt"
XI_0909 = "xi-speeches-2020/xi-2020-09-09-1.txt"
XI_0301 = "xi-speeches-2013-2018/xi-2018-03-01-1.txt"
XI_1226 = "xi-speeches-2013-2018/xi-2013-12-26-1.txt"
XI_1231 = "xi-speeches-2013-2018/xi-2017-12-31-1.txt"
XI_0928 = "xi-speeches-2020/xi-2020-09-28-1.txt"
HUST_03 = "hust-party-building/hust-03-“党员，到底是怎样的一群人？”来听听公管学子的讲.txt"
PARTY_DAY_03 = "party-day-news/partyday-03-伟大时代光影华章——改革开放40年中国电影发展成.txt"
GWR_1984 = "gwr-state-council/gwr-1984.txt"
GWR_1993 = "gwr-state-council/gwr-1993.txt"
HUST_06 = "hust-party-building/hust-06-公管学院、体育学院分党校第18期发展对象培训班、.txt"
GWR_2006 = "gwr-state-council/gwr-2006.txt"
GWR_1991 = "gwr-state-council/gwr-1991.txt"
GWR_2005 = "gwr-state-council/gwr-2005.txt"
XI_1111 = "xi-speeches-2020/xi-2020-11-11-1.txt"
XI_0820 = "xi-speeches-2013-2018/xi-2014-08-20-1.txt"

MODEL = "领导干部要带头做坚持原则、严守纪律、维护大局、加强团结的模范。"
LAW_GOVERNMENT = "加快建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。"
SYSTEM = "色社会主义思想是一个逻辑严密、内涵丰富、系统全面、博大精深的科学体系，"
REGIONS = "快发展，形成东中西互动、优势互补、相互促进、共同发展的新格局"
# (gwr-1975's sentence gave way when gwr-1975 was drawn for the held-out round 16; gwr-2017,
# drawn for round 11, is tuning and minable again)
INVESTMENT = "引导资金更多投向补短板、调结构、促创新、惠民生的领域。"
LEADERSHIP = "提高党把方向、谋大局、定政策、促改革的能力和定力"
PEACE = "界两大主题。发展需要和平，和平离不开发展。霸权"
REFORM = "。因此，建设必须依靠改革，改革必须促进建设。政府"
ASIA = "世界关注亚洲，亚洲影响世界。"
STATE = "以工农联盟为基础的人民民主专政的社会主义国家，国家一切权力属于人民。"
NOT_FORGET = "们的名字和功绩，国家不会忘记，人民不会忘记，历史不会忘记，将永远"
DARE = "周恩来同志学习，敢于担当责任，勇于直面矛盾，善于解决问题，以时不"
ARCHAEOLOGY = "取得了重大成就，延伸了历史轴线，增强了历史信度，丰富了历史内涵，活化了历史场景。概括起"
OUTPUT = "年比一九八○年，原煤增长百分之零点二，原油下降百分之四点五，电力增长百分之二点九，钢材下"
# (xi-2020-07-22-1's points gave way when it was drawn for the held-out round 16; xi-2013-12-26-1, drawn for round
# 15, is tuning and minable again: three ordinal points of one length, where the ordinal guard decides)
ORDINALS = "的态度，一是敢于承认，二是正确分析，三是坚决纠正，"
NOT_FROM_HEAVEN = "思想和基本方略，不是从天上掉下来的，不是主观臆想出来的，而是党的十八大以来，"
STORY_MEETING = "故事分享会暨“早日站在党旗下”专题教育活动举行"
FILM_CAMPAIGN = "影界积极开展“深入生活、扎根人民”主题实践活动"
BLOCS = "国改善关系，消除两个军事集团的严重对立。"
DIMENSIONS = "与时代同频的发展轨迹三个维度出发，从党"
COMMUNIQUES = "美国政府遵循中美之间三个公报的原则，就能排除"
TRANSPORT = "加强现代综合交通运输体系、现代流通体系和现代市场体系建设。"
WEST = "着力支持重点地带、重点城市和重点产业加快发展。"
PROJECTS = "的项目，有的要推迟进度，有的要分期建设或压缩规模，有的要停建或缓建。农"
INVESTMENT_ROLE = "展环境，不能包办企业投资决策，不能代替企业招商引资，不能直接干预企业生产经营活动。各"
DATA_INITIATIVE = "中方发起“全球数据安全倡议”"
ARCHAEOLOGY_PROJECT = "早期发展综合研究”、“考古中国”等重大项目"
WORLD = "共同体，建设持久和平、普遍安全、共同繁荣、开放包容、清洁美丽的世界"
TITLES = "马克思主义者，伟大的无产阶级革命家、政治家、军事家、外交家，久经考"

#: (corpus file, sentence) for every sentence quoted below.
QUOTED = [
    (CC14, MODEL),
    (CC19, WORLD),
    (PLENUM_2014, LAW_GOVERNMENT),
    (SECRETARY_2023, SYSTEM),
    (GWR_2004, REGIONS),
    (GWR_2017, INVESTMENT),
    (CC19, LEADERSHIP),
    (XI_0820, TITLES),
    (CC14, PEACE),
    (GWR_1988, REFORM),
    (XI_0428, ASIA),
    (CC19, STATE),
    (XI_0909, NOT_FORGET),
    (XI_0301, DARE),
    (XI_0928, ARCHAEOLOGY),
    (GWR_1982, OUTPUT),
    (XI_1226, ORDINALS),
    (XI_1231, NOT_FROM_HEAVEN),
    (HUST_03, STORY_MEETING),
    (PARTY_DAY_03, FILM_CAMPAIGN),
    (GWR_1984, BLOCS),
    (HUST_06, DIMENSIONS),
    (GWR_1993, COMMUNIQUES),
    (GWR_2006, TRANSPORT),
    (GWR_2006, WEST),
    (GWR_1991, PROJECTS),
    (GWR_2005, INVESTMENT_ROLE),
    (XI_1111, DATA_INITIATIVE),
    (XI_0928, ARCHAEOLOGY_PROJECT),
]


def test_quoted_sentences_are_in_the_corpus(corpus):
    assert unquotable(corpus, QUOTED) == []


def _motto_lists(text: str) -> list[str]:
    return [
        h.formula
        for h in slogans.equal_motto_list_hits(text, patterns.list_items(text), general_words(), idioms())
    ]


def _slogans(text: str) -> list[str]:
    return [text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "slogan"]


@pytest.mark.parametrize(
    ("text", "motto"),
    [
        (MODEL, "坚持原则、严守纪律、维护大局、加强团结"),
        (LAW_GOVERNMENT, "职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信"),
        # 和 inside a word (和平) is no conjunction between items
        (WORLD, "持久和平、普遍安全、共同繁荣、开放包容、清洁美丽"),
    ],
)
def test_equal_four_character_set_phrases_are_a_slogan(text, motto):
    assert _motto_lists(text) == [motto]
    # the shipped matcher reports the rule's hit, or a longer curated wording that holds it (14k7 curates
    # 持久和平、普遍安全、共同繁荣、开放包容、清洁美丽的世界 whole)
    covering = [text[h.start : h.end] for h in default_matcher().find(text) if motto in text[h.start : h.end]]
    assert covering in ([motto], [motto + "的世界"])


@pytest.mark.parametrize(
    "text",
    [
        SYSTEM,  # an idiom among the items: a description
        REGIONS,  # the first item would cut through 东中西
    ],
)
def test_no_motto_list_with_an_idiom_or_a_cut_through_a_word(text):
    assert _motto_lists(text) == []


@pytest.mark.parametrize(
    ("text", "slogan"),
    [(INVESTMENT, "补短板、调结构、促创新、惠民生"), (LEADERSHIP, "把方向、谋大局、定政策、促改革")],
)
def test_verb_object_units_whose_object_ends_like_a_noun(text, slogan):
    assert _slogans(text) == [slogan]


def test_three_character_nouns_are_no_verb_object_units():
    assert _slogans(TITLES) == []


@pytest.mark.parametrize(
    ("text", "motto"),
    [
        (PEACE, "发展需要和平，和平离不开发展"),
        (REFORM, "建设必须依靠改革，改革必须促进建设"),
        (ASIA, "世界关注亚洲，亚洲影响世界"),
    ],
)
def test_clauses_that_trade_their_ends_are_a_slogan(text, motto):
    assert [text[h.start : h.end] for h in couplets.swap_hits(text)] == [motto]
    assert motto in _slogans(text)


def test_a_word_shared_inside_a_clause_is_no_exchange():
    # 国家 ends the first clause and opens the second, but 人民 is not the first clause's opening
    assert couplets.swap_hits(STATE) == []


def _clause_frames(text: str) -> list[str]:
    return [text[h.start : h.end] for h in clause_frames.equal_clause_hits(text)]


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        (NOT_FORGET, "国家不会忘记，人民不会忘记，历史不会忘记"),
        (DARE, "敢于担当责任，勇于直面矛盾，善于解决问题"),
        # four clauses: one span over the whole run
        (ARCHAEOLOGY, "延伸了历史轴线，增强了历史信度，丰富了历史内涵，活化了历史场景"),
    ],
)
def test_equal_clauses_with_a_fixed_inner_piece_are_one_parallel_span(text, frame):
    assert _clause_frames(text) == [frame]
    assert frame in [text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "parallel"]


@pytest.mark.parametrize("text", [OUTPUT, ORDINALS, NOT_FROM_HEAVEN])
def test_no_clause_frame_from_figures_ordinal_points_or_correlatives(text):
    assert _clause_frames(text) == []


def _quoted(text: str) -> list[str]:
    return [h.formula for h in patterns.quoted_hits(text, idioms(), general_words())]


def test_a_quoted_phrase_before_a_theme_word_is_an_activity_title():
    assert _quoted(STORY_MEETING) == []


def test_a_quoted_list_before_a_theme_word_is_still_a_campaign_slogan():
    assert _quoted(FILM_CAMPAIGN) == ["深入生活、扎根人民"]


def _numbered(text: str) -> list[str]:
    return [h.formula for h in patterns.numbered_hits(text, idioms())]


@pytest.mark.parametrize("text", [BLOCS, DIMENSIONS])
def test_a_count_of_things_is_no_numbered_formula(text):
    assert _numbered(text) == []


def test_a_count_before_a_label_word_is_a_numbered_formula():
    assert _numbered(COMMUNIQUES) == ["三个公报"]


@pytest.mark.parametrize(
    ("text", "frame"),
    [(TRANSPORT, "交通运输体系、现代流通体系和现代市场体系"), (WEST, "重点地带、重点城市和重点产业")],
)
def test_lists_whose_last_item_runs_on_into_the_clause(text, frame):
    assert [text[h.start : h.end] for h in default_matcher().find(text) if h.rule == "parallel"] == [frame]


@pytest.mark.parametrize("text", [PROJECTS, INVESTMENT_ROLE])
def test_cases_and_prohibitions_are_no_frame(text):
    assert [h for h in default_matcher().find(text) if h.rule == "parallel"] == []


@pytest.mark.parametrize(
    ("text", "term"), [(DATA_INITIATIVE, "全球数据安全倡议"), (ARCHAEOLOGY_PROJECT, "考古中国")]
)
def test_quoted_initiatives_and_projects_are_quoted_formulas(text, term):
    assert _quoted(text) == [term]
