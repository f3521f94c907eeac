"""Context rules of 14c10 (app.core.formulas.embedded_hits): a lexicon wording that is only part of a longer name
or word is no formula (GUIDE §2, §3, §6), and a motto of two-character words matches its 、-form. Every sentence
is a real one of a minable corpus file (the test checks that the file holds it)."""

from __future__ import annotations

import pytest

from app.core.formulas.embedded_hits import drop_embedded, embedded
from app.core.formulas.shipped import default_matcher
from tests.bench.formula_annotations import CORPUS, minable

#: (file, sentence, the wording the automaton would find there, last in the sentence)
DROPPED = [
    (  # an organisation (§3)
        "cpc-plenum-communiques/communique-1996-cc14-plenum06.txt",
        "为加强协调，全会决定，中央成立精神文明建设指导委员会。",
        "精神文明建设",
    ),
    (  # a site (§3: named places)
        "gwr-state-council/gwr-2017.txt",
        "制定实施生态文明建设目标评价考核办法，建设国家生态文明试验区。",
        "生态文明",
    ),
    (
        "hailar-district-gwr/hailar-district-gwr-2018.txt",
        "奋斗镇农业发展园区、中心城区菜篮子基地、生态奶源基地等重点项目完成扩容提质",
        "菜篮子",
    ),
    (  # the reform of a system (§6, the round-8 rule: X体制改革 is no span)
        "xi-speeches-2020/xi-2020-09-23-2.txt",
        "加大疾病预防控制体系改革力度，增强早期监测预警能力",
        "疾病预防控制体系",
    ),
    (
        "cpc-congress-reports/cpc-19-congress-report.txt",
        "九、加快生态文明体制改革，建设美丽中国",
        "生态文明",
    ),
    (
        "gwr-state-council/gwr-2017.txt",
        "积极促进全球治理体系改革与完善。",
        "全球治理体系",
    ),
    (  # after a medium: the air's pollution control
        "cpc-congress-reports/cpc-19-congress-report.txt",
        "坚持全民共治、源头防治，持续实施大气污染防治行动，打赢蓝天保卫战。",
        "污染防治",
    ),
    (  # inside a longer word (§2): 创新, 领导干部 (persons, §3), 中国人, 民主生活
        "gwr-state-council/gwr-2013.txt",
        "尊重发展规律，创新发展理念，破解发展难题，",
        "新发展理念",
    ),
    (
        "cpc-plenum-communiques/communique-1996-cc14-plenum06.txt",
        "共产党员要在全社会发挥表率作用，党的领导干部要在全党发挥表率作用。",
        "党的领导",
    ),
    (  # (xi-2013-12-26-1's sentence gave way: drawn for round 15)
        "xi-speeches-2013-2018/xi-2016-12-30-1.txt",
        "新长征路上，每一个中国人都是主角、都有一份责任。",
        "一个中国",
    ),
    (
        "cpc-congress-reports/cpc-13-congress-report.txt",
        "工会、共青团、妇联等群众团体历来是党和政府联系工人阶级和人民群众的桥梁和纽带，在社会主义民主生活中具有重要作用。",
        "社会主义民主",
    ),
]

#: (file, sentence, a formula that stays) — the rules' limits
KEPT = [
    (  # 的改革步伐: the system is what is built, and the formula stands
        "gwr-state-council/gwr-1993.txt",
        "今年经济工作的重点是：加快建立社会主义市场经济体制的改革步伐，进一步扩大对外开放；",
        "社会主义市场经济体制",
    ),
    (  # the socialist order's system is the reform's aim, not an area's system
        "cpc-plenum-communiques/communique-2003-cc16-plenum03.txt",
        "全会高度评价十一届三中全会特别是十四大确定社会主义市场经济体制改革目标以来"
        "我国经济体制改革在理论和实践上取得的重大进展。",
        "社会主义市场经济体制",
    ),
    (  # 变革 of the world order: annotators mark 全球治理体系变革 whole
        "cpc-congress-reports/cpc-19-congress-report.txt",
        "倡导构建人类命运共同体，促进全球治理体系变革。",
        "全球治理体系",
    ),
]

#: (file, sentence, motto) — a motto of two-character words written with list commas
LISTED_MOTTOS = [
    (
        "party-day-news/partyday-10-北京信息科技大学新闻网-菁菁校园-应用技术学院党.txt",
        "在人生新征程上，始终做到忠诚、干净、担当，让清廉成为应用技术学院学子最鲜明的人生底色；",
        "忠诚干净担当",
    ),
    (
        "cpc-plenum-communiques/communique-2003-cc16-plenum03.txt",
        "尤其要加强作风建设，做到为民、务实、清廉，",
        "为民务实清廉",
    ),
]


def _checked(path: str, sentence: str) -> str:
    source = CORPUS / path
    assert minable(source), path
    assert sentence in source.read_text(encoding="utf-8"), path
    return sentence


def _formulas(sentence: str) -> list[str]:
    return [h.formula for h in default_matcher().lexicon_hits(sentence)]


@pytest.mark.parametrize(("path", "sentence", "wording"), DROPPED, ids=[d[2] for d in DROPPED])
def test_a_wording_inside_a_longer_name_or_word_is_no_hit(path, sentence, wording):
    sentence = _checked(path, sentence)
    start = sentence.rindex(wording)  # (the last: 生态文明建设目标… before 国家生态文明试验区 is a formula)
    end = start + len(wording)
    assert embedded(sentence, start, end)
    assert not [h for h in default_matcher().lexicon_hits(sentence) if h.start < end and start < h.end]


@pytest.mark.parametrize(("path", "sentence", "formula"), KEPT, ids=[k[2] + "-" + k[0][-8:] for k in KEPT])
def test_the_rules_keep_the_formula_where_the_guide_marks_it(path, sentence, formula):
    assert any(formula in h.text for h in default_matcher().lexicon_hits(_checked(path, sentence)))


def test_drop_embedded_keeps_other_hits_and_their_order():
    sentence = _checked(DROPPED[0][0], DROPPED[0][1])
    text = "坚持以人民为中心的发展思想，" + sentence + "加强精神文明建设，"
    found = default_matcher().lexicon_hits(text)
    assert [h.formula for h in found] == ["以人民为中心的发展思想", "精神文明建设"]
    assert found[1].start > len(text) - 12  # the organisation's is gone, the campaign's stays
    assert drop_embedded(text, found) == found


@pytest.mark.parametrize(("path", "sentence", "motto"), LISTED_MOTTOS, ids=[m[2] for m in LISTED_MOTTOS])
def test_a_motto_of_two_character_words_matches_its_form_with_list_commas(path, sentence, motto):
    hits = default_matcher().lexicon_hits(_checked(path, sentence))
    assert [h.formula for h in hits if h.formula == motto] == [motto]
    hit = next(h for h in hits if h.formula == motto)
    assert hit.text == "、".join(motto[i : i + 2] for i in range(0, len(motto), 2))


def test_a_list_comma_inside_a_two_character_word_of_a_motto_is_no_match():
    # the pairs are the only cuts: 忠、诚干净担当 is not the motto written as a list
    assert "忠诚干净担当" not in _formulas("始终做到忠、诚干净担当，")
