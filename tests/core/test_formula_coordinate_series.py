"""Issue 14, session 12 (14c12): coordinate series whose members share a piece at one place
(`app.core.formulas.coordinate_series`), and its guards of shape.

Every test text is a sentence (or the clause run) of a minable corpus file (`unquotable` checks that it is in its
file and that the file is not one of the held-out round's).
"""

from __future__ import annotations

import pytest

from app.core.formulas import coordinate_series, patterns, sub_lists
from app.core.formulas.shipped import default_matcher, general_words
from tests.bench.formula_annotations import unquotable

pytestmark = pytest.mark.corpus

#: (corpus file, text, the series the rule finds in it)
FOUND = [
    # a one-character prefix of short members
    ("gwr-state-council/gwr-2007.txt", "深化电力、邮政、电信、铁路等行业改革，稳步推进供水、供气、供热等市政公用事业改革",
     ["供水、供气、供热"]),
    ("xi-speeches-2020/xi-2020-10-23-1.txt", "党中央统揽全局，实施有力的战争动员和正确的战争指导，采取边打、边稳、边建的方针",
     ["边打、边稳、边建"]),
    # the first member starts at the piece (not at 江泽民同志…); the last is cut at the middle member's length
    ("cpc-plenum-communiques/communique-2004-cc16-plenum04.txt", "全会高度评价江泽民同志为党、为国家、为人民作出的杰出贡献",
     ["为党、为国家、为人民"]),
    # a frame prefix (更) of members of any length; a prefix of three characters
    ("xi-speeches-2013-2018/xi-2013-06-06-1.txt",
     "中国人民热爱生活，期盼有更好的教育、更稳定的工作、更满意的收入、更可靠的社会保障、更高水平的医疗卫生服务、"
     "更舒适的居住条件、更优美的环境",
     ["更好的教育、更稳定的工作、更满意的收入、更可靠的社会保障、更高水平的医疗卫生服务、更舒适的居住条件、更优美的环境"]),
    ("hust-party-building/hust-19-读经典颂华章，公管学院“我与祖国共成长”读书分享.txt",
     "分别阐述自己对青年与社会、青年与人民、青年与国家等主题的看法与感受", ["青年与社会、青年与人民、青年与国家"]),
    # a repeated governing verb is a prefix like any other (rounds 4, 10, 11 mark such lists; the enumeration rule
    # leaves them out, and test_formula_detect no longer counts 深入基层、深入一线、深入群众 as a non-formula)
    ("xi-speeches-2013-2018/xi-2015-11-07-1.txt", "中越两国坚持共产党领导、坚持社会主义道路、坚持推进改革开放和革新事业",
     ["坚持共产党领导、坚持社会主义道路、坚持推进改革开放"]),
    # a suffix: the governing words before the first member are left out; a last member joined by 和
    ("gwr-state-council/gwr-2019.txt", "发挥好宏观政策逆周期调节作用，丰富和灵活运用财政、货币、就业政策工具，增强调控前瞻性、"
     "针对性和有效性，为经济平稳运行创造条件", ["前瞻性、针对性和有效性"]),
    ("hailar-district-gwr/hailar-district-gwr-2019.txt", "贫困群众上学难、就医难、增收难问题得到有效解决",
     ["上学难、就医难、增收难"]),
    # a last member that runs on: cut at the members' length where the dictionary sees a word on each side, or
    # before a generic tail (…工作)
    ("gwr-state-council/gwr-2017.txt", "中国人民有勇气、有智慧、有能力战胜任何艰难险阻，中国经济有潜力、有韧性、有优势",
     ["有勇气、有智慧、有能力", "有潜力、有韧性、有优势"]),
    ("gwr-state-council/gwr-2023.txt", "突出做好稳增长、稳就业、稳物价工作", ["稳增长、稳就业、稳物价"]),
    # ，-series of short clauses of one length sharing a piece inside: the first clause starts at its head
    ("xi-speeches-2020/xi-2020-11-22-1.txt", "我们支持联合国更有效地凝聚全球共识，动员全球资源，协调全球行动，为世界和平与发展发挥更大作用",
     ["凝聚全球共识，动员全球资源，协调全球行动"]),
    ("cpc-plenum-communiques/communique-2001-cc15-plenum06.txt",
     "各级干部要体察民情，了解民意，集中民智，珍惜民力，把群众的安危冷暖时刻放在心上",
     ["体察民情，了解民意，集中民智，珍惜民力"]),
]  # fmt: skip

#: (corpus file, text): no series, by one guard each
NOT_FOUND = [
    ("xi-speeches-2013-2018/xi-2013-06-06-1.txt", "女士们、先生们、朋友们"),  # the piece is only 们
    ("gwr-state-council/gwr-2009.txt", "广大香港同胞、澳门同胞、台湾同胞以及海外华侨华人奉献爱心"),  # persons, addressees
    ("cpc-congress-reports/cpc-09-congress-report.txt", "全党、全军、全国广大革命群众又一次进行了热烈的认真的讨论"),  # 全…
    ("xi-speeches-2020/xi-2020-03-07-1.txt", "怒江州、和田地区、兰考县、大化县、赫章县的5位同志作了发言"),  # place names
    ("party-day-news/partyday-22-百年接力，党旗映照清华园-中华人民共和国教育部政.txt",
     "作为一名党员、一名中国青年、一名清华人，在迈向新征程的道路上"),  # counted things
    # one head noun after modifiers of different lengths: things of one class
    ("hailar-district-gwr/hailar-district-gwr-2018.txt", "设立产业扶贫基金、贫困生救助基金、医疗救助基金，实现政策保障兜底"),
    # a one-character suffix that would end inside a word (核电机|组)
    ("gwr-state-council/gwr-2024.txt", "航空发动机、燃气轮机、第四代核电机组等高端装备研制取得长足进展"),
    # ，-runs: a subject and correlatives (是…，是…), a piece of only 是, clauses of tasks of different lengths
    ("xi-speeches-2013-2018/xi-2016-10-21-1.txt", "长征的胜利，是中国共产党人理想的胜利，是中国共产党人信念的胜利"),
    ("xi-speeches-2013-2018/xi-2014-07-04-1.txt", "中华民族是爱好和平的民族，过去是，现在是，将来也是"),
    ("cpc-plenum-communiques/communique-1998-cc15-plenum03.txt", "加强市场设施建设，健全市场法规，维护市场秩序"),
]  # fmt: skip

QUOTED = [(path, text) for path, text, _e in FOUND] + NOT_FOUND


def _series(text: str) -> list[str]:
    lists = patterns.list_items(text)
    lists += sub_lists.sub_lists(text, lists)
    return [h.formula for h in coordinate_series.coordinate_series_hits(text, lists, general_words())]


def test_every_quoted_text_is_in_its_minable_file(corpus):
    assert unquotable(corpus, QUOTED) == []


@pytest.mark.parametrize(("path", "text", "expected"), FOUND)
def test_a_series_of_members_that_share_a_piece_is_one_span(path, text, expected):
    assert _series(text) == expected


@pytest.mark.parametrize(("path", "text"), NOT_FOUND)
def test_no_series_of_names_persons_counts_classes_or_correlatives(path, text):
    assert _series(text) == []


def test_the_detector_marks_a_series_as_parallel():
    text = FOUND[10][1]
    hits = [(h.text, h.rule) for h in default_matcher().find(text)]
    assert ("凝聚全球共识，动员全球资源，协调全球行动", "parallel") in hits


def test_a_start_piece_longer_than_the_first_member_does_not_fit_it():
    """A piece read on the later members may reach past a short first member (places 0–2 and 7 against six
    characters): it does not fit, rather than being searched with an end index that counts from the back."""
    piece = {0: "坚", 1: "持", 2: "以", 7: "为"}
    assert coordinate_series._cut_first("坚持以人民为", piece, [], ()) == -1
    assert coordinate_series._cut_first("坚持以人民为本为", piece, [], ()) == 0
