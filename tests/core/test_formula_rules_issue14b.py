"""The formula rules of issue 14b: frames sharing a word after varying heads, unseparated slogan runs, quoted
labels next to a quoted formula, and the new reference shapes (its 、-lists cut to their affix are
`coordinate_series`' since 14c12: tests/core/test_formula_coordinate_series.py). Every sentence is quoted from a corpus file that is not in the held-out part of tests/data/formulas (the file is
named next to it; `test_quoted_sentences_are_in_the_corpus` checks that the sentence really is there and that the
file is minable)."""

from __future__ import annotations

import pytest

from app.core.formulas.inner_frames import shared_word_hits
from app.core.formulas.patterns import numbered_hits, quoted_hits
from app.core.formulas.references import reference_hits
from app.core.formulas.shipped import general_words, idioms
from app.core.formulas.slogans import run_hits
from tests.bench.formula_annotations import minable

#: (corpus file, sentence, what the rule must find in it)
SHARED_WORD = [
    ("gwr-state-council/gwr-2022.txt",
     "完成今年发展目标任务，宏观政策要稳健有效，微观政策要持续激发市场主体活力，结构政策要着力畅通国民经济循环，科技政策要扎实落地，"
     "改革开放政策要激活发展动力，区域政策要增强发展的平衡性协调性，社会政策要兜住兜牢民生底线。",
     ["宏观政策要稳健有效，微观政策要持续激发市场主体活力，结构政策要着力畅通国民经济循环，科技政策要扎实落地，"
      "改革开放政策要激活发展动力，区域政策要增强发展的平衡性协调性，社会政策要兜住兜牢民生底线"]),
    ("xi-speeches-2013-2018/xi-2016-10-21-1.txt", "，认识真理，掌握真理，信仰真理，捍卫真理", ["认识真理，掌握真理，信仰真理，捍卫真理"]),
    ("party-day-news/partyday-13-在博物馆里上好“大思政课”-光明日报-光明网.txt",
     "。思政教材重在价值引领，发挥培根铸魂的重要作用；语文教材重在以文化人，体现人文精神滋养；历史教材重在树立唯物史观，",
     ["思政教材重在价值引领", "语文教材重在以文化人", "历史教材重在树立唯物史观"]),
    # appointments of persons, and numbering (一要…二要…), are no frames
    ("cpc-plenum-communiques/communique-1995-cc14-plenum05.txt",
     "全会决定增补张万年、迟浩田同志为中央军事委员会副主席，王克、王瑞林同志为中央军事委员会委员", []),
    ("gwr-state-council/gwr-1989.txt",
     "，一要靠执行稳定的农村政策和深化改革，二要靠推广和发展先进的农业科学技术，三要靠增加农业投入", []),
]  # fmt: skip

SLOGAN_RUNS = [
    ("gwr-state-council/gwr-2022.txt", "主要考虑稳就业保民生防风险的需要", ["稳就业保民生防风险"]),
    # (xi-2016-01-22-1's 提高优惠贷款优惠度 gave way: drawn for round 15)
    ("gwr-state-council/gwr-2015.txt", "保持稳增长与调结构的平衡", []),  # 持稳/长与: no units
]  # fmt: skip

REFERENCES = [
    ("gwr-state-council/gwr-2022.txt", "全面贯彻落实党的十九大和十九届历次全会精神", ["党的十九大和十九届历次全会精神"]),
    ("gwr-state-council/gwr-2023.txt", "按照十三届全国人大五次会议批准的政府工作报告安排",
     ["十三届全国人大五次会议", "政府工作报告"]),
    ("gwr-state-council/gwr-2014.txt", "现在，我代表国务院，向大会作政府工作报告，请予审议", []),
]  # fmt: skip

QUOTED_SIBLINGS = (
    "hailar-district-gwr/hailar-district-gwr-2018.txt",
    "完善了主干道路标识导引系统，“街长制”“网格化”管理机制即将在全区铺开",
    ["街长制", "网格化"],
)
COUNT_AFTER_QUOTES = (
    "party-day-news/partyday-22-百年接力，党旗映照清华园-中华人民共和国教育部政.txt",
    "“掌握理论成果，领会宝贵经验”“明确前进方向，开拓发展新局”五个专题，",
)


@pytest.mark.parametrize(("path", "sentence", "expected"), SHARED_WORD)
def test_frames_that_share_a_word_after_varying_heads(path, sentence, expected):
    assert [h.formula for h in shared_word_hits(sentence)] == expected


@pytest.mark.parametrize(("path", "sentence", "expected"), SLOGAN_RUNS)
def test_unseparated_runs_of_verb_object_units(path, sentence, expected):
    assert [h.formula for h in run_hits(sentence, general_words())] == expected


@pytest.mark.parametrize(("path", "sentence", "expected"), REFERENCES)
def test_references_to_all_plenums_and_to_the_work_report(path, sentence, expected):
    assert sorted(h.formula for h in reference_hits(sentence)) == sorted(expected)


def test_a_plain_quoted_label_next_to_a_quoted_formula_counts():
    _path, sentence, expected = QUOTED_SIBLINGS
    assert [h.formula for h in quoted_hits(sentence, idioms(), general_words())] == expected
    alone = sentence.replace("“街长制”", "")  # without its quoted neighbour the label has no context
    assert [h.formula for h in quoted_hits(alone, idioms(), general_words())] == []


def test_a_count_right_after_quoted_items_is_no_numbered_formula():
    _path, sentence = COUNT_AFTER_QUOTES
    labelled = sentence.replace("专题，", "专题活动，")  # a label word after it (GUIDE §1.2; 14s7)
    assert numbered_hits(sentence, idioms()) == []
    assert numbered_hits(labelled, idioms()) == []
    assert [h.formula for h in numbered_hits(labelled.replace("”五个", "”，五个"), idioms())] == [
        "五个专题活动"
    ]
    # without the label word, N个 + a thing is a count wherever it stands (14s7)
    assert numbered_hits(sentence.replace("”五个", "”，五个"), idioms()) == []


@pytest.mark.corpus
def test_quoted_sentences_are_in_the_corpus(corpus):
    rows = [(p, s) for p, s, _e in SHARED_WORD + SLOGAN_RUNS + REFERENCES]
    rows += [QUOTED_SIBLINGS[:2], COUNT_AFTER_QUOTES]
    for path, sentence in rows:
        assert minable(corpus / path), path  # (no file of the held-out round)
        text = (corpus / path).read_text(encoding="utf-8")
        assert sentence.strip("，。") in text, (path, sentence)


@pytest.mark.corpus
def test_the_rust_scan_finds_what_pyahocorasick_finds(corpus):
    """The lexicon scan runs in ahocorasick-rs when installed; without it pyahocorasick scans the same."""
    pytest.importorskip("ahocorasick_rs")
    from app.core.formulas.detect import FormulaMatcher
    from app.core.formulas.shipped import default_matcher

    text = (corpus / "gwr-state-council/gwr-2023.txt").read_text(encoding="utf-8")
    fast = default_matcher()
    slow = FormulaMatcher.__new__(FormulaMatcher)
    vars(slow).update(vars(fast), _scanner=False)  # the same compiled state, scanned by pyahocorasick
    hits = fast.find(text)
    assert len(hits) > 100
    assert hits == slow.find(text)
