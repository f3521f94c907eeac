"""The formula rules added for the annotated set (tests/data/formulas): references, slot frames, abridged and
inflected lexicon wordings, the library signal. Every sentence is quoted from the shared corpus (the file is
named next to it; `test_quoted_sentences_are_in_the_corpus` checks that they really are there)."""

from __future__ import annotations

import pytest

from app.core.formulas.detect import FormulaMatcher
from app.core.formulas.frames import frame_hits
from app.core.formulas.lexicon import FormulaEntry
from app.core.formulas.library import LibrarySignal, count_units
from app.core.formulas.references import reference_hits
from app.core.formulas.shipped import default_matcher

#: (corpus file, sentence, what the rule must find in it)
REFERENCES = [
    ("cpc-plenum-communiques/communique-2021-cc19-plenum06.txt",
     "全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神，统筹国内国际两个大局",
     ["党的十九大和十九届二中、三中、四中、五中全会精神"]),
    ("cpc-plenum-communiques/communique-2021-cc19-plenum06.txt",
     "中国共产党第十九届中央委员会第六次全体会议，于2021年11月8日至11日在北京举行。",
     ["中国共产党第十九届中央委员会第六次全体会议"]),
    ("gwr-state-council/gwr-2023.txt",
     "按照十三届全国人大五次会议批准的政府工作报告安排，统筹推进经济社会各领域工作。",
     ["政府工作报告", "十三届全国人大五次会议"]),  # the work report cited by name (issue 14b)
    ("hailar-district-gwr/hailar-district-gwr-2018.txt",
     "—2018年3月7日在海拉尔区第十五届人民代表大会第二次会议上",
     ["海拉尔区第十五届人民代表大会第二次会议"]),
    ("gwr-state-council/gwr-2023.txt",
     "提前实施部分“十四五”规划重大工程项目，加快地方政府专项债券发行使用",
     ["“十四五”规划"]),
    ("cpc-plenum-communiques/communique-2021-cc19-plenum06.txt",
     "审议通过了《中共中央关于党的百年奋斗重大成就和历史经验的决议》，审议通过了《关于召开党的第二十次全国代表大会的决议》。",
     ["《中共中央关于党的百年奋斗重大成就和历史经验的决议》", "《关于召开党的第二十次全国代表大会的决议》"]),
    ("hust-party-building/hust-34-2026-04-23-党史学习教育专题讲课整理稿-刘芳书记.txt",
     "1921年，中共一大在上海及浙江嘉兴南湖召开，中国共产党诞生",
     ["中共一大"]),
    ("cpc-congress-reports/cpc-20-congress-report.txt", "第三个历史决议", ["第三个历史决议"]),
    ("xi-speeches-2013-2018/xi-2015-02-17-1.txt", "唐代诗人孟郊的这首《游子吟》，生动表达了中国人深厚的家庭情结。", []),
    ("hailar-district-gwr/hailar-district-gwr-2018.txt", "积极配合呼伦贝尔市打造“十大文化”工程", []),
]  # fmt: skip

FRAMES = [
    ("cpc-congress-reports/cpc-20-congress-report.txt",
     "全党同志务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争，坚定历史自信，增强历史主动",
     ["务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争"]),
    ("gwr-state-council/gwr-2023.txt",
     "全面落实疫情要防住、经济要稳住、发展要安全的要求，加大宏观调控力度",
     ["疫情要防住、经济要稳住、发展要安全"]),
    ("gwr-state-council/gwr-2023.txt", "突出稳增长稳就业稳物价，推动经济企稳回升。", ["稳增长稳就业稳物价"]),
    ("hust-party-building/hust-33-2026-04-23-开班典礼致辞-刘芳书记.txt",
     "着力打造理论学习有深度、党性锤炼有力度、示范引领有温度的党员教育阵地",
     ["理论学习有深度、党性锤炼有力度、示范引领有温度"]),
    ("xi-speeches-2020/xi-2020-01-08-1.txt",
     "广大党员、干部对照党中央决策部署，对照党章党规，对照人民群众新期待，对照先进典型、身边榜样，找差距、摆问题",
     ["对照党中央决策部署，对照党章党规，对照人民群众新期待，对照先进典型、身边榜样"]),
    ("gwr-state-council/gwr-2014.txt", "稳中有为，稳中提质，稳中有进，各项工作实现了良好开局。", ["稳中有为，稳中提质，稳中有进"]),
    ("xi-speeches-2013-2018/xi-2015-02-17-1.txt",
     "更加深入地改进党风政风，为国家增创更多财富，为人民增加更多福祉，为民族增添更多荣耀",
     ["为国家增创更多财富，为人民增加更多福祉，为民族增添更多荣耀"]),
    ("cpc-plenum-communiques/communique-2021-cc19-plenum06.txt",
     "团结带领全国各族人民为争取民族独立、人民解放和实现国家富强、人民幸福而不懈奋斗", []),
]  # fmt: skip

LEXICON_FORMS = [
    ("xi-speeches-2020/xi-2020-01-08-1.txt", "广大党员、干部带着责任、带着问题读原著学原文，通过中心组学习",
     "读原著学原文", "读原著、学原文、悟原理", "abridged"),
    ("xi-speeches-2020/xi-2020-01-08-1.txt", "增强了守初心、担使命的思想自觉和行动自觉",
     "守初心、担使命", "守初心、担使命，找差距、抓落实", "abridged"),
    ("cpc-plenum-communiques/communique-2013-cc18-plenum02.txt", "按照稳中求进的工作总基调",
     "稳中求进的工作总基调", "稳中求进工作总基调", "inflected"),
    ("gwr-state-council/gwr-2016.txt", "继续完善人民币汇率市场化形成机制，保持人民币汇率在合理均衡水平上基本稳定",
     "保持人民币汇率在合理均衡水平上基本稳定", "保持人民币汇率在合理均衡水平上的基本稳定", "inflected"),
]  # fmt: skip

SLOGAN_SENTENCE = (
    "cpc-congress-reports/cpc-20-congress-report.txt",
    "弘扬伟大建党精神，自信自强、守正创新，踔厉奋发、勇毅前行，为全面建设社会主义现代化国家",
)


@pytest.mark.parametrize(("path", "sentence", "expected"), REFERENCES)
def test_references_to_meetings_plans_and_documents(path, sentence, expected):
    assert [h.formula for h in reference_hits(sentence)] == expected


@pytest.mark.parametrize(("path", "sentence", "expected"), FRAMES)
def test_frames_with_a_variable_slot(path, sentence, expected):
    assert [h.formula for h in frame_hits(sentence)] == expected


@pytest.mark.parametrize(("path", "sentence", "text", "canonical", "status"), LEXICON_FORMS)
def test_abridged_and_inflected_lexicon_wordings(path, sentence, text, canonical, status):
    matcher = FormulaMatcher((FormulaEntry(canonical, category="slogan"),))
    (hit,) = matcher.find(sentence, use_patterns=False)
    assert (hit.text, hit.formula, hit.variant_status) == (text, canonical, status)


def test_an_inflection_never_changes_a_character():
    """Substitutions are deviations the lexicon lists (领导一切 for 协调各方), not inflections."""
    matcher = FormulaMatcher((FormulaEntry("总揽全局、协调各方的领导核心作用"),))
    assert matcher.find("发挥党总揽全局、领导一切的领导核心作用", use_patterns=False) == []
    assert (
        matcher.find("发挥党总揽全局、协调各方的领导核心作用", use_patterns=False)[0].variant_status
        == "canonical"
    )


def test_the_shipped_matcher_marks_references_and_frames_as_pattern_hits():
    sentence = FRAMES[0][1] + "。" + REFERENCES[0][1]
    rules = {(h.text, h.rule) for h in default_matcher().find(sentence)}
    assert (FRAMES[0][2][0], "parallel") in rules
    assert (REFERENCES[0][2][0], "reference") in rules


def test_library_signal_needs_several_documents_of_several_speakers():
    _path, sentence = SLOGAN_SENTENCE
    slogan = "自信自强、守正创新，踔厉奋发、勇毅前行"
    filler = "今天我们在这里召开会议。"
    one_speaker = count_units(("甲", filler + sentence + "。" + "结束语" * 120) for _ in range(5))
    many = count_units((g, filler + sentence + "。" + "结束语" * 120) for g in ("甲", "乙", "丙", "丁"))
    text = "我们要" + sentence + "。"
    assert LibrarySignal(one_speaker).hits(text) == []  # one voice repeating itself is style
    hits = LibrarySignal(many).hits(text, own_group="戊")
    assert any(slogan in text[h.start : h.end] for h in hits) and {h.rule for h in hits} == {"library"}
    assert all("今天我们" not in text[h.start : h.end] for h in hits)
    # the asking document is taken out of the counts: with it, only three others say the slogan
    assert (
        LibrarySignal(count_units((g, filler + sentence + "。" + "结束语" * 120) for g in "甲乙丙")).hits(
            text, own_group="甲"
        )
        == []
    )
    found = default_matcher().find(text, library=LibrarySignal(many), group="戊")
    assert any(h.rule == "library" or h.formula == slogan for h in found)


@pytest.mark.corpus
def test_quoted_sentences_are_in_the_corpus(corpus):
    rows = [(p, s) for p, s, _e in REFERENCES + FRAMES] + [(p, s) for p, s, *_r in LEXICON_FORMS]
    for path, sentence in [*rows, SLOGAN_SENTENCE]:
        assert sentence in (corpus / path).read_text(encoding="utf-8"), (path, sentence)


#: Two sentences of party-day-news/partyday-13-在博物馆里上好“大思政课”-光明日报-光明网.txt
QUOTED_AGAIN = (
    "party-day-news/partyday-13-在博物馆里上好“大思政课”-光明日报-光明网.txt",
    "共建“大思政课”，博物馆与大中小学如何实现“1+1>2”的效果？",
    "苏州共建青年学习社394家，重点纳入105家文博场馆，推出青年学习社线路49条，丰富“大思政课”实践载体",
)


def test_a_term_the_speech_quotes_again_is_a_formula():
    _path, first, second = QUOTED_AGAIN
    alone = FormulaMatcher(()).find(first)
    assert all(h.rule != "quoted" for h in alone)  # once, with no formula context: a scare quote
    both = FormulaMatcher(()).find(first + second)
    assert [h.text for h in both if h.rule == "quoted"] == ["大思政课", "大思政课"]


@pytest.mark.corpus
def test_quoted_again_sentences_are_in_the_corpus(corpus):
    path, *sentences = QUOTED_AGAIN
    text = (corpus / path).read_text(encoding="utf-8")
    assert all(s in text for s in sentences)
