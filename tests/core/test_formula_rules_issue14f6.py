"""Issue 14, session 6 (14f6): shape rules for 排比 and slogans.

- framed stretches inside longer 、-runs and lists whose last item is joined by 和 (`sub_lists`);
- list items that share only 不/新/更 (`patterns._FRAME_PREFIXES`);
- couplet slogans: 4+4 halves that echo at two places, longer equal halves that echo and cross as a chain
  or chiasmus (`couplets.couplet_hits`);
- unseparated repeats with one-character slots after 边/分/同, and 大 with two-character slots
  (`repeats.repeat_hits`, called by `frames.frame_hits`);
- the 两手抓 frame 一手X，一手Y (`couplets.two_hands_hits`);
- X就是Y mottos with short sides of a motto's shape (`couplets.is_motto_hits`).

Every sentence is quoted from a minable corpus file (named next to it; `test_quoted_sentences_are_in_the_corpus`
checks that it is there and that the file is not one of the held-out round's).
"""

from __future__ import annotations

import pytest

from app.core.formulas import couplets, frames, patterns, sub_lists
from app.core.formulas.shipped import default_matcher
from tests.bench.formula_annotations import unquotable

GWR_1984 = "gwr-state-council/gwr-1984.txt"
GWR_2013 = "gwr-state-council/gwr-2013.txt"
PLENUM_2009 = "cpc-plenum-communiques/communique-2009-cc17-plenum04.txt"
XI_1230 = "xi-speeches-2013-2018/xi-2016-12-30-1.txt"
XI_0731 = "xi-speeches-2020/xi-2020-07-31-1.txt"
GWR_2008 = "gwr-state-council/gwr-2008.txt"

NUCLEAR = "近年来在欧洲、日本和其他许多国家兴起的反对核武器、核威胁、核竞赛的强大和平运动"
CADRES = "及时把那些愿干事、真干事、干成事的干部发现出来、任用起来。"
POLICY = "保持政策连续性和稳定性，增强前瞻性、针对性和灵活性。"
STRUCTURE = "我们坚持全面调整产业结构、地区结构和城乡结构，"
UNSTABLE = "我国经济回升基础还不稳定、不巩固、不平衡，"
HONG_KONG = "确保“一国两制”实践不动摇、不走样、不变形。"
ADDRESSEES = "向各民主党派、各人民团体和各界人士"
DISCIPLINE = "反对无组织无纪律、有令不行、有禁不止、各行其是的行为"
CADRE_TURNOVER = "推动干部能上能下、能进能出，形成能者上、优"
CHIASMUS = "加快转变经济发展方式，在发展中促转变，在转变中谋发展，就一定能"
CHAIN = "国之交在于民相亲，民相亲在于心相通。"
TEMPLATE = (
    "深化集体产权、集体林权、国有林区林场、"  # (gwr-2019; gwr-2018's sentence gave way: drawn for round 12)
)
SUPPORT = "即支援工业，支援农业，支持左派"
MEMBER = "粟晓丽叮嘱大家，一名党员就是一面旗帜，优秀党员事迹是"
MUSEUM = "中华文化博大精深，一个博物馆就是一所大学校。"
ENVIRONMENT = "绿水青山就是金山银山，保护环境就是保护生产力，改善环境就是发"
UNITY = "团结就是大局，团结就是力量。"
PREDICATE = "“一带一路”建设本身就是一个创举，"
STUDY = "查和改贯通起来，边学边研边查边改，以学促研"
CHANGES = "人类社会正处在一个大发展大变革大调整时代。"
DIVISION = "实行分级分工分人负责，加强管理机"
RIVERS = "五、加快大江大河大湖综合治理，广泛开"
TWO_HANDS = "积极培育和完善文化市场，一手抓繁荣，一手抓管理。深化文化体制改"
SOFT_HAND = "出现了一手硬、一手软的情况，社会上各"

#: (corpus file, sentence) for every sentence quoted below.
QUOTED = [
    (GWR_1984, NUCLEAR),
    (XI_0731, CADRES),
    (GWR_2013, POLICY),
    ("gwr-state-council/gwr-2003.txt", STRUCTURE),
    (PLENUM_2009, UNSTABLE),
    (XI_1230, HONG_KONG),
    (GWR_2008, ADDRESSEES),
    ("cpc-congress-reports/cpc-14-congress-report.txt", DISCIPLINE),
    ("cpc-congress-reports/cpc-20-congress-report.txt", CADRE_TURNOVER),
    (GWR_2013, CHIASMUS),
    ("xi-speeches-2013-2018/xi-2014-05-15-1.txt", CHAIN),
    ("gwr-state-council/gwr-2019.txt", TEMPLATE),
    ("cpc-congress-reports/cpc-09-congress-report.txt", SUPPORT),
    ("hust-party-building/hust-03-“党员，到底是怎样的一群人？”来听听公管学子的讲.txt", MEMBER),
    ("party-day-news/partyday-09-借智博物馆打造“行走的思政课堂”_先锋文汇_共产.txt", MUSEUM),
    ("xi-speeches-2013-2018/xi-2016-09-03-1.txt", ENVIRONMENT),
    ("cpc-congress-reports/cpc-15-congress-report.txt", UNITY),
    ("xi-speeches-2013-2018/xi-2017-05-14-1.txt", PREDICATE),
    ("xi-speeches-2020/xi-2020-01-09-1.txt", STUDY),
    ("xi-speeches-2013-2018/xi-2017-05-14-2.txt", CHANGES),
    ("cpc-plenum-communiques/communique-1978-cc11-plenum03.txt", DIVISION),
    ("cpc-plenum-communiques/communique-1991-cc13-plenum08.txt", RIVERS),
    ("cpc-plenum-communiques/communique-1996-cc14-plenum06.txt", TWO_HANDS),
    ("gwr-state-council/gwr-1990.txt", SOFT_HAND),
]

pytestmark = pytest.mark.corpus


def test_quoted_sentences_are_in_the_corpus(corpus):
    assert unquotable(corpus, QUOTED) == []


def _texts(sentence: str, rule: str = "") -> list[str]:
    return [h.text for h in default_matcher().find(sentence) if not rule or h.rule == rule]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (NUCLEAR, "核武器、核威胁、核竞赛"),  # the run starts at 欧洲; 国家兴起的反对核武器 is a clause piece
        (CADRES, "愿干事、真干事、干成事"),  # the run goes on to 发现出来、任用起来
        (POLICY, "前瞻性、针对性和灵活性"),  # one list comma, the last item joined by 和
        (STRUCTURE, "产业结构、地区结构和城乡结构"),
    ],
)
def test_framed_sub_lists_are_found(corpus, sentence, expected):
    assert expected in _texts(sentence)


def test_sub_lists_split_runs_at_clause_pieces():
    lists = patterns.list_items(NUCLEAR)
    assert [raw for _l, _r, raw in sub_lists.sub_lists(NUCLEAR, lists)] == [
        ["日本和其他许多国家兴起的反对核武器", "核威胁", "核竞赛的强大和平运动"]
    ]
    start, end, _raw = sub_lists.sub_lists(NUCLEAR, lists)[0]
    assert NUCLEAR[start:end] == "日本和其他许多国家兴起的反对核武器、核威胁、核竞赛的强大和平运动"


def test_addressee_lists_are_no_sub_lists(corpus):
    assert sub_lists.sub_lists(ADDRESSEES, patterns.list_items(ADDRESSEES)) == []
    assert not [t for t in _texts(ADDRESSEES) if "人士" in t]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [(UNSTABLE, "不稳定、不巩固、不平衡"), (HONG_KONG, "不动摇、不走样、不变形")],
)
def test_one_character_frame_prefixes(corpus, sentence, expected):
    assert expected in _texts(sentence, "enumeration")


def test_frame_prefixes_are_one_character():
    sentence = "要不断深化、不断拓展、不断完善改革"  # 不断… is a verb prefix, not the frame's 不
    assert not patterns.enumeration_hits(sentence, frozenset())


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (DISCIPLINE, "有令不行、有禁不止"),  # 有|令/禁|不|行/止: two places alike, apart
        (CADRE_TURNOVER, "能上能下、能进能出"),  # the first half carries 推动干部 before it
        (CHIASMUS, "在发展中促转变，在转变中谋发展"),  # 转变 crosses to the other half
        (CHAIN, "国之交在于民相亲，民相亲在于心相通"),  # the second half opens with the first's end
    ],
)
def test_couplets_are_slogans(corpus, sentence, expected):
    assert [sentence[h.start : h.end] for h in couplets.couplet_hits(sentence)] == [expected]
    # the shipped matcher reports it: by this rule, or by a curated wording of the same text (14k6a's block
    # holds 有令不行、有禁不止 and 能上能下、能进能出; the longer-first resolution keeps one of the two)
    assert expected in _texts(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        TEMPLATE,  # 集体产权、集体林权: alike at both ends, two names of one template
        SUPPORT,  # 支援工业，支援农业: the same
        POLICY,  # 保持政策连续性和稳定性: no second half of 4–10 characters after the comma
    ],
)
def test_template_pairs_are_no_couplets(corpus, sentence):
    assert couplets.couplet_hits(sentence) == []


def test_longer_couplets_need_a_crossing_piece():
    # equal halves that echo in place (民主|制度/形式|更加|…) but share no piece across are prose, not slogans
    assert couplets.couplet_hits("。减少流通环节，增加流通渠道。") == []
    assert couplets.couplet_hits("。民主制度更加完善，民主形式更加丰富。") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (MEMBER, ["一名党员就是一面旗帜"]),  # one thing of a kind each
        (MUSEUM, ["一个博物馆就是一所大学校"]),
        (ENVIRONMENT, ["绿水青山就是金山银山", "保护环境就是保护生产力"]),  # equal sides; one verb
        (UNITY, []),  # two-character sides are too general to tell a motto (团结就是力量) from a statement
        (PREDICATE, []),  # 一个创举 is a predicate, and 建设本身 no kind
    ],
)
def test_is_mottos(corpus, sentence, expected):
    assert [sentence[h.start : h.end] for h in couplets.is_motto_hits(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (STUDY, ["边学边研边查边改"]),
        (CHANGES, ["大发展大变革大调整"]),
        (DIVISION, ["分级分工分人"]),
        (RIVERS, []),
    ],
)
def test_unseparated_repeats_with_short_slots(corpus, sentence, expected):
    # 大 repeats with one-character slots name things (大江大河大湖), with two-character ones they are a frame
    assert [h.formula for h in frames.frame_hits(sentence)] == expected


def test_economic_heads_keep_two_character_slots():
    assert [h.formula for h in frames.frame_hits("要稳增长稳就业稳物价，")] == ["稳增长稳就业稳物价"]
    assert frames.frame_hits("要保质保量保供，") == []  # one-character slots after an economic verb are words


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [(TWO_HANDS, ["一手抓繁荣，一手抓管理"]), (SOFT_HAND, ["一手硬、一手软"]), ("一手抓，一手抓", [])],
)
def test_two_hands(corpus, sentence, expected):
    assert [h.formula for h in couplets.two_hands_hits(sentence)] == expected


def test_a_list_cut_off_after_its_last_enumeration_comma_is_scanned_without_error():
    """A clause that ends on 、 leaves an empty last item (a corpus line of the 1950s lists 编辑部、出版社… this
    way); the sub-list screen used to index its first character and stop the whole scan."""
    assert default_matcher().find("如编辑部、出版社、地方的财政部、精密仪器厂、") == []
