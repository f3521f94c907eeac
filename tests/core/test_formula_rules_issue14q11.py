"""Issue 14, session 11 (14q11): quoted terms and slogans that are no formula on fresh text.

Quoted terms (`patterns.quoted_hits`, GUIDE §1.5):
- a term counts as "quoted again" only when it is quoted in another sentence: a file that carries a speech and its
  reprint quotes every scare-quoted word twice (网络空间不是“法外之地”。 ×2);
- the names of occasions (“中国旅游年”开幕式, …对话会, …高级别会议), prizes (“戈登·贝尔”奖) and a school's motto
  (“立德、敬业、博学、竞先”校训) are names, not formulas;
- a plain quoted term followed by 的…精神/的…活动 describes what is named after it (“留得豪情作楚囚”的革命精神), and
  one followed by 这一… is pointed back at (“深化科技体制改革”这一目标, “…年”这一主题 is a theme's title);
- a quoted …论 names a theory (所谓的“中国威胁论”), like …战略 or …机制;
- a quoted dictionary word or two-character term is a label where a naming word follows it at once or ends it
  (“低保”制度, “双轨制”), not before words of aims (“硬骨头”攻坚克难).

Slogans (`slogans`, `couplets`, GUIDE §1.4 and §3):
- two unlike items before 的原则/的理念/的要求 are two principles in the text's words (勤俭节约、艰苦创业的原则),
  while a pair that echoes (百花齐放、百家争鸣的方针) or that the text calls a 方针 (以粮为纲、多种经营的方针) is one;
- a list of four-character phrases after 祝 is a wish, and one before 的问题/的状况 describes a situation;
- a couplet inside a quotation that goes on after it, or inside a quoted sentence in classical words, is a quoted
  saying (中国古人说：“度之往事，验之来事，参之平素，…”; “恃德者昌，恃力者亡。”).

走出去 alone (three characters, GUIDE §3) is no lexicon hit since 14k11 dropped it, whether it is the going-global
policy beside its actors (企业走出去) or a plain verb (此刻走出去的通道, 积极“走出去”拓展育人).

Every test text is a sentence of a minable corpus file (`unquotable` checks that it is in its file and that the file
is not one of the held-out round's).
"""

from __future__ import annotations

import pytest

from app.core.formulas import couplets, patterns, slogans
from app.core.formulas.shipped import default_matcher
from tests.bench.formula_annotations import unquotable

pytestmark = pytest.mark.corpus

XI_1216 = "xi-speeches-2013-2018/xi-2015-12-16-1.txt"
XI_0515 = "xi-speeches-2013-2018/xi-2014-05-15-1.txt"
XI_0323 = "xi-speeches-2013-2018/xi-2013-03-23-1.txt"
XI_0913 = "xi-speeches-2013-2018/xi-2014-09-13-1.txt"
PARTY_DAY_09 = "party-day-news/partyday-09-借智博物馆打造“行走的思政课堂”_先锋文汇_共产.txt"
PARTY_DAY_19 = "party-day-news/partyday-19-新生引航我院2025级新生赴中国传媒大学校史馆及.txt"
HUST_13 = "hust-party-building/hust-13-寻访恽代英的足迹（武汉）丨走进武汉革命博物馆，重.txt"
HAILAR_2016 = "hailar-district-gwr/hailar-district-gwr-2016.txt"
PLENUM_2001 = "cpc-plenum-communiques/communique-2001-cc15-plenum06.txt"
PLENUM_1996 = "cpc-plenum-communiques/communique-1996-cc14-plenum06.txt"
GWR_1964 = "gwr-state-council/gwr-1964.txt"
GWR_1991 = "gwr-state-council/gwr-1991.txt"
CPC_14 = "cpc-congress-reports/cpc-14-congress-report.txt"
XI_0214 = "xi-speeches-2013-2018/xi-2018-02-14-1.txt"
XI_0923 = "xi-speeches-2013-2018/xi-2015-09-23-2.txt"
XI_0428 = "xi-speeches-2013-2018/xi-2016-04-28-1.txt"
GWR_2005 = "gwr-state-council/gwr-2005.txt"
GWR_1993 = "gwr-state-council/gwr-1993.txt"
XI_0609 = "xi-speeches-2013-2018/xi-2014-06-09-1.txt"
PARTY_DAY_30 = "party-day-news/partyday-30-让老文物“活”起来让思政课“香”起来_先锋文汇_.txt"
PARTY_DAY_31 = "party-day-news/partyday-31-黑龙江省各地持续开展博物馆里过“七一”活动_央广.txt"
GWR_2003 = "gwr-state-council/gwr-2003.txt"
GWR_2017 = "gwr-state-council/gwr-2017.txt"
PARTY_DAY_12 = "party-day-news/partyday-12-博物馆奇妙游！这个党支部用特殊方式感知“大学校的.txt"

NO_LAWLESS_PLACE = "合法权益。网络空间不是“法外之地”。网络空间是虚拟的，"
DIG = "深挖“红色富矿”，以革命文物淬炼党员教育“党味”。"
DIG_AGAIN = "各级党组织要充分挖掘革命博物馆的“红色富矿”，将其打造成为党员教育培训的“第二课堂”，"
THREAT = "一些人提出了所谓的“中国威胁论”。"
TOURISM_YEAR = "与俄罗斯总统普京共同出席俄罗斯“中国旅游年”开幕式。"
THEME_YEAR = "一年来，塔方在“合作与共同发展繁荣年”这一主题下，为本组织发展做了大量富有成效的工作，"
SCHOOL_MOTTO = "深刻感悟“立德、敬业、博学、竞先”校训的精神内涵。"
VERSE = "引导青年学子切身感悟恽代英“留得豪情作楚囚”的革命精神。"
CLEANING = "建立“村收镇运区处理”的保洁机制"
FRUGAL = "办一切事情都要遵循勤俭节约、艰苦创业的原则，反对讲排场，"
FLOWERS = "贯彻百花齐放、百家争鸣的方针"
GRAIN = "我们要继续执行以粮为纲、多种经营的方针，充分依靠集体经济的力量，"
WISHES = "最后，祝大家身体健康、新春吉祥、万事如意、阖家幸福！"
OVERRUNS = "认真解决概算超支、工期拖长、浪费严重、效益较差的问题。"
MODELS = "各级领导干部要带头做坚持原则、严守纪律、维护大局、加强团结的模范。"
ANCIENTS = "中国古人说：“度之往事，验之来事，参之平素，可则决之。”"
VIRTUE = "“恃德者昌，恃力者亡。”"
MUSEUM = "总书记说：“中华民族历史悠久，中华文明源远流长，中华文化博大精深，一个博物馆就是一所大学校。”"
BASIC_ALLOWANCE = "进一步完善城市“低保”制度，有条件的地方可探索建立农村居民最低生活保障制度"
DUAL_TRACK = "生产资料“双轨制”价格逐步并轨"
HARD_BONE = "科技体制改革要紧紧扭住“硬骨头”攻坚克难"
EXIT = "“此刻走出去的通道，是多少受难的同胞先辈们，渴望而再也没有机会走出去的门口”"
OUTREACH = "多维联动强思政，积极“走出去”拓展育人“版图”，"
ENTERPRISES = "我们鼓励有条件的各类所有制企业走出去，开拓国际市场，"
EQUIPMENT = "深化国际产能合作，带动我国装备、技术、标准、服务走出去，实现优势互补"
#: (corpus file, sentence) for every sentence quoted here.
QUOTED = [
    (XI_1216, NO_LAWLESS_PLACE), (PARTY_DAY_09, DIG), (PARTY_DAY_09, DIG_AGAIN), (XI_0515, THREAT),
    (XI_0323, TOURISM_YEAR), (XI_0913, THEME_YEAR), (PARTY_DAY_19, SCHOOL_MOTTO), (HUST_13, VERSE),
    (HAILAR_2016, CLEANING), (PLENUM_2001, FRUGAL), (PLENUM_1996, FLOWERS), (GWR_1964, GRAIN), (XI_0214, WISHES),
    (GWR_1991, OVERRUNS), (CPC_14, MODELS), (XI_0923, ANCIENTS), (XI_0428, VIRTUE), (PARTY_DAY_12, MUSEUM),
    (GWR_2005, BASIC_ALLOWANCE), (GWR_1993, DUAL_TRACK), (XI_0609, HARD_BONE), (PARTY_DAY_30, EXIT), (PARTY_DAY_31, OUTREACH), (GWR_2003, ENTERPRISES), (GWR_2017, EQUIPMENT),
]  # fmt: skip


def test_every_quoted_sentence_is_in_its_minable_file(corpus):
    assert unquotable(corpus, QUOTED) == []


def _quoted(text: str) -> list[str]:
    matcher = default_matcher()
    return [h.formula for h in patterns.quoted_hits(text, matcher.idioms, matcher.common_words)]


def test_a_sentence_printed_twice_quotes_its_term_once():
    assert _quoted(NO_LAWLESS_PLACE) == []
    assert (
        _quoted(NO_LAWLESS_PLACE + "\n" + NO_LAWLESS_PLACE) == []
    )  # the speech and its reprint (the file has both)
    # the same term quoted in two sentences of its own is the text's label
    assert _quoted(DIG + "\n" + DIG_AGAIN).count("红色富矿") == 2


def test_a_quoted_theory_is_a_name():
    assert _quoted(THREAT) == ["中国威胁论"]


@pytest.mark.parametrize("text", [TOURISM_YEAR, THEME_YEAR, SCHOOL_MOTTO, VERSE])
def test_names_of_occasions_themes_mottos_and_described_quotes_are_no_formulas(text):
    assert _quoted(text) == []
    assert [h.text for h in default_matcher().find(text) if h.rule == "quoted"] == []


def test_a_quoted_word_is_a_label_where_a_naming_word_follows_or_ends_it():
    assert _quoted(BASIC_ALLOWANCE) == ["低保"]
    assert _quoted(DUAL_TRACK) == ["双轨制"]
    assert _quoted(HARD_BONE) == []


def test_a_tail_that_names_the_quote_itself_still_counts():
    assert _quoted(CLEANING) == ["村收镇运区处理"]  # …的保洁机制: the mechanism is the quote


def _slogans(text: str) -> list[str]:
    return [h.text for h in default_matcher().find(text) if h.rule == "slogan"]


def _norm_pairs(text: str) -> list[str]:
    words = default_matcher().common_words
    return [h.formula for h in slogans.norm_list_hits(text, patterns.list_items(text), words)]


def test_a_pair_of_unlike_principles_is_no_slogan_but_an_echoing_pair_or_a_named_line_is():
    assert _norm_pairs(FRUGAL) == []
    assert _slogans(FRUGAL) == []
    assert _norm_pairs(FLOWERS) == ["百花齐放、百家争鸣"]  # (a lexicon wording as well)
    assert _norm_pairs(GRAIN) == ["以粮为纲、多种经营"]
    assert _slogans(GRAIN) == ["以粮为纲、多种经营"]


def test_wishes_and_described_problems_are_no_motto_lists():
    assert _slogans(WISHES) == []
    assert _slogans(OVERRUNS) == []
    assert _slogans(MODELS) == ["坚持原则、严守纪律、维护大局、加强团结"]


def test_a_couplet_of_a_quoted_saying_is_no_slogan():
    assert _slogans(ANCIENTS) == []  # the quotation goes on after the pair
    assert _slogans(VIRTUE) == []  # a quoted sentence in classical words
    assert [h.formula for h in couplets.slogan_hits(MUSEUM)] == ["一个博物馆就是一所大学校"]  # ends the quote


def _lexicon(text: str) -> list[str]:
    return [h.text for h in default_matcher().find(text) if h.source == "lexicon"]


def test_going_out_alone_is_no_lexicon_hit():
    """走出去 has three characters (GUIDE §3) and the tuning rounds mark it alone only once, quoted; 14k11 dropped it
    from the lexicon, so neither the plain verb nor the policy beside its actors is a lexicon hit."""
    for sentence in (EXIT, OUTREACH, ENTERPRISES, EQUIPMENT):
        assert "走出去" not in _lexicon(sentence)
