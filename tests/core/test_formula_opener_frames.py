"""Sentences set off by a dash or an ordinal that open with one long fixed phrase are 排比 members
(app/core/formulas/opener_frames.py). The sentences are quoted from corpus files of the tuning part; `test_quoted_text_is_in_the_corpus` checks it."""

from __future__ import annotations

import pytest

from app.core.formulas.opener_frames import opener_sentence_hits
from app.core.formulas.shipped import default_matcher

XI_0928 = "xi-speeches-2020/xi-2020-09-28-1.txt"
GWR_1982 = "gwr-state-council/gwr-1982.txt"
XI_0903 = "xi-speeches-2013-2018/xi-2018-09-03-1.txt"
#: dash-led members whose opener holds a quote mark (中非共建“一带一路”，是…之路。 ×4, here three)
CHINA_AFRICA = [
    "——中非共建“一带一路”，是造福中非人民的共同繁荣之路。",
    "——中非共建“一带一路”，是言必行、行必果的务实合作之路。",
    "——中非共建“一带一路”，是敞开胸怀拥抱世界的开放包容之路。",
]
PARTY_DAY_05 = "party-day-news/partyday-05-四川省政协主席田向利：以改革举措加强国家战略腹地.txt"
#: three ordinal-led members, far apart inside one paragraph (the text between them shortened here)
ARCHAEOLOGY = (
    "一是考古发现展示了中华文明起源和发展的历史脉络。我国考古发现的重大成就实证了我国百万年的人类史、一万年的文化史、"
    "五千多年的文明史。二是考古发现展示了中华文明的灿烂成就。我国考古发现的重大成就充分说明，我国在新石器时代、"
    "青铜器时代、铁器时代等各个时代的古代文明发展成就上都走在世界前列。三是考古发现展示了中华文明对世界文明的重大贡献。"
)
QUOTED = [
    (XI_0928, "一是考古发现展示了中华文明起源和发展的历史脉络。"),
    (XI_0928, "二是考古发现展示了中华文明的灿烂成就。"),
    (XI_0928, "三是考古发现展示了中华文明对世界文明的重大贡献。"),
    (XI_0928, "我国考古发现的重大成就实证了我国百万年的人类史、一万年的文化史、五千多年的文明史。"),
    (
        XI_0928,
        "我国考古发现的重大成就充分说明，我国在新石器时代、青铜器时代、铁器时代等各个时代的古代文明发展成就上都走在世界前列",
    ),
    (
        "xi-speeches-2020/xi-2020-09-09-1.txt",
        "——面对突如其来的严重疫情，广大医务人员白衣为甲、逆行出征，舍生忘死挽救生命。",
    ),
    (GWR_1982, "第六个五年计划期间，要继续提高城乡人民的生活水平。"),
    *((XI_0903, member) for member in CHINA_AFRICA),
    (GWR_1982, "第六个五年计划期间，要严格控制人口增长。"),
    (GWR_1982, "第六个五年计划期间，要保持市场物价的基本稳定，以保障人民生活的安定。"),
    ("gwr-state-council/gwr-2010.txt", "中央财政安排就业专项资金426亿元，比上年增长59%"),
    (PARTY_DAY_05, "国家战略腹地为何建？"),
    (PARTY_DAY_05, "国家战略腹地建在哪？"),
    (PARTY_DAY_05, "国家战略腹地如何建？"),
]


def test_quoted_text_is_in_the_corpus(corpus):
    for path, sentence in QUOTED:
        assert sentence in (corpus / path).read_text(encoding="utf-8"), (path, sentence)


def test_ordinal_led_sentences_with_one_opener_are_members_without_ordinal_and_end_mark():
    hits = opener_sentence_hits(ARCHAEOLOGY)
    assert [ARCHAEOLOGY[h.start : h.end] for h in hits] == [
        "考古发现展示了中华文明起源和发展的历史脉络",
        "考古发现展示了中华文明的灿烂成就",
        "考古发现展示了中华文明对世界文明的重大贡献",
    ]
    assert {h.rule for h in hits} == {"parallel"}


def test_an_opener_may_hold_quote_marks():
    text = "\n\n".join(CHINA_AFRICA)
    assert [text[h.start : h.end] for h in opener_sentence_hits(text)] == [
        m.strip("—。") for m in CHINA_AFRICA
    ]


def test_paragraph_leads_holding_commas_are_members_and_the_detector_reports_them():
    lead = "——面对突如其来的严重疫情，"
    text = (
        f"{lead}党中央统揽全局、果断决策，以非常之举应对非常之事。\n"
        f"{lead}广大医务人员白衣为甲、逆行出征，舍生忘死挽救生命。\n"
        f"{lead}我们统筹兼顾、协调推进，经济发展稳定转好，生产生活秩序稳步恢复。\n"
    )
    members = {text[h.start : h.end] for h in opener_sentence_hits(text)}
    assert (
        "面对突如其来的严重疫情，广大医务人员白衣为甲、逆行出征，舍生忘死挽救生命" in members
        and len(members) == 3
    )
    found = {(h.start, h.end) for h in default_matcher().find(text) if h.rule == "parallel"}
    assert {(h.start, h.end) for h in opener_sentence_hits(text)} <= found


@pytest.mark.parametrize(
    "text",
    [
        # two members only
        ARCHAEOLOGY[: ARCHAEOLOGY.index("三是")],
        # a report's statistics share an opener, but hold figures
        "中央财政安排就业专项资金426亿元，比上年增长59%。中央财政安排429亿元，解决医疗保险问题。"
        "中央财政安排资金12亿元，支持职业培训。",
        # section headings asked as questions (partyday-05)
        "国家战略腹地为何建？\n一段正文。\n国家战略腹地建在哪？\n一段正文。\n国家战略腹地如何建？\n一段正文。",
        # sentences that share only their subject, with no dash or ordinal to set them off (gwr-1982)
        "第六个五年计划期间，要继续提高城乡人民的生活水平。第六个五年计划期间，要严格控制人口增长。"
        "第六个五年计划期间，要保持市场物价的基本稳定，以保障人民生活的安定。",
        # a subject with a modal opens unrelated sentences
        "我们要坚持稳中求进工作总基调。我们要坚持以人民为中心。我们要坚持新发展理念。",
    ],
)
def test_no_frame_from_two_members_statistics_or_a_subject_with_a_modal(text):
    assert opener_sentence_hits(text) == []
