"""Formula detection: lexicon matching in original offsets, overlaps, redactions, pattern rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.formulas.detect import FormulaMatcher
from app.core.formulas.lexicon import FormulaEntry, parse_lexicon_tsv
from app.core.formulas.shipped import default_matcher, formula_coverage
from app.core.normalize import normalize

ENTRIES = (
    FormulaEntry("两个维护", category="numbered"),
    FormulaEntry("中国特色社会主义", outdated=("有中国特色的社会主义",), category="concept"),
    FormulaEntry("习近平新时代中国特色社会主义思想", category="concept"),
    FormulaEntry("不忘初心、牢记使命", variants=("不忘初心，牢记使命",), category="slogan"),
    FormulaEntry("六稳", category="numbered"),
)


@pytest.fixture(scope="module")
def matcher() -> FormulaMatcher:
    return FormulaMatcher(ENTRIES)


def test_hits_are_in_original_offsets_across_quotes_and_line_breaks(matcher):
    text = "要坚决做到“两个\n维护”，\r始终不忘初心，牢记使命。"
    hits = matcher.find(text, use_patterns=False)
    assert [(h.text, h.formula, h.source) for h in hits] == [
        ("两个\n维护", "两个维护", "lexicon"),
        ("不忘初心，牢记使命", "不忘初心、牢记使命", "lexicon"),
    ]
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text
    # wordings that differ only in punctuation are the same wording
    assert hits[1].variant_status == "canonical"
    (variant,) = FormulaMatcher((FormulaEntry("自我革命", ("党的自我革命",)),)).find("推进党的自我革命")
    assert (variant.text, variant.formula, variant.variant_status) == ("党的自我革命", "自我革命", "variant")


def test_longest_match_wins_and_the_shorter_formula_is_still_known(matcher):
    text = "深入学习习近平新时代中国特色社会主义思想，坚持中国特色社会主义。"
    hits = matcher.find(text)
    assert [h.formula for h in hits] == ["习近平新时代中国特色社会主义思想", "中国特色社会主义"]
    assert hits[0].contains == ("中国特色社会主义",)
    assert hits[1].contains == ()


def test_outdated_wording_is_flagged(matcher):
    (hit,) = matcher.find("建设有中国特色的社会主义", use_patterns=False)
    assert (hit.formula, hit.variant_status, hit.category) == ("中国特色社会主义", "outdated", "concept")


def test_a_redaction_inside_a_formula_prevents_the_hit(matcher):
    for text in ("坚决做到两个**维护", "坚决做到两个××维护", "中国特色某某社会主义"):
        assert matcher.find(text) == [], text
    # next to a redaction the formula is still found, and the hit never covers the marker
    (hit,) = matcher.find("**两个维护***")
    assert hit.text == "两个维护"


def test_brackets_and_sentence_ends_break_a_formula(matcher):
    assert matcher.find("（六）稳步推进改革", use_patterns=False) == []
    assert matcher.find("第六。稳住", use_patterns=False) == []
    assert [h.formula for h in matcher.find("做好“六稳”工作", use_patterns=False)] == ["六稳"]


def test_empty_lexicon_and_empty_text():
    empty = FormulaMatcher(parse_lexicon_tsv("").entries)
    assert empty.find("两个维护", use_patterns=False) == []
    assert empty.coverage("两个维护") == 0.0
    assert FormulaMatcher(ENTRIES).find("") == []


def test_coverage_counts_characters_of_the_normalised_text(matcher):
    view = normalize("做到“两个维护”。", keep_punctuation=False)
    assert view.text == "做到两个维护"
    assert matcher.coverage(view.text) == pytest.approx(4 / 6)
    assert matcher.coverage("") == 0.0


def test_shipped_formula_coverage_is_fast_enough_per_passage():
    import time

    passage = normalize("增强“四个意识”、坚定“四个自信”、做到“两个维护”", keep_punctuation=False).text
    assert formula_coverage(passage) > 0.6
    assert formula_coverage("今天天气很好我们去公园散步") == 0.0
    start = time.process_time()
    for _ in range(2000):
        formula_coverage(passage)
    assert (time.process_time() - start) / 2000 < 0.001


@pytest.mark.parametrize(
    ("text", "formula", "rule"),
    [
        ("坚持“三带三入”，读原著", "三带三入", "quoted"),
        ("扎实开展“百企引航”行动", "百企引航", "quoted"),
        ("持续释放“金山英才”计划的磁吸力", "金山英才", "quoted"),
        ("落细落实“省42条”政策措施", "省42条", "quoted"),
        ("牢牢把握“争当表率、争做示范、走在前列”总要求", "争当表率、争做示范、走在前列", "quoted"),
        ("提出“守初心、担使命，找差距、抓落实”的总要求", "守初心、担使命，找差距、抓落实", "quoted"),
        ("深入开展四学四强活动", "四学四强", "numbered"),
        ("发挥中央和地方两个积极性，尊重基层", "两个积极性", "numbered"),
        ("和平共处五项原则为和平解决争端", "五项原则", "numbered"),
        (
            "增进政治认同、思想认同、理论认同、情感认同的自觉",
            "政治认同、思想认同、理论认同、情感认同",
            "enumeration",
        ),
    ],
)
def test_pattern_rules_find_formulas_no_lexicon_lists(text, formula, rule):
    hits = FormulaMatcher(()).find(text)
    assert [(h.formula, h.rule, h.source) for h in hits] == [(formula, rule, "pattern")]


@pytest.mark.parametrize(
    "text",
    [
        "既部署“过河”的任务又指导解决“桥和船”的问题，提供了“金钥匙”",  # metaphors
        "提高“一叶知秋”的政治判断力",  # idiom
        "擦亮“大爱**”城市名片",  # redaction inside the quote
        "用好“金山消费节”等平台",  # an event name without a formula context
        "团结凝聚成“一块坚硬的钢铁”",  # a phrase with 的
        "全市共有三个方面的问题，两个月内完成",  # counts
        "燃煤、机动车三大污染源治理",  # a count summing up a list
        "一心一意、三心二意",  # idioms in NXNY shape
        "今年将采取三项举措。一是全面实施",  # a count announcing its list
        "完善一对夫妇可生育两个孩子的配套政策",  # a count of people
        "新建十四个冶金企业和二个重型机器制造厂",  # counts
        "实现了一加一大于二的效果，一捶一拓摹古意",  # sayings in NXNY shape
        "推进四个现代化建设",  # no clean end: 四个现代 would be a fragment
    ],
)
def test_pattern_rules_stay_quiet_on_non_formulas(text):
    assert (
        FormulaMatcher((), idioms=default_matcher().idioms, common_words=default_matcher().common_words).find(
            text
        )
        == []
    )


def test_parallel_frames_in_one_paragraph():
    text = "铸牢政治忠诚。对党忠诚是首要品质。强化政治担当。我们要担当。提高政治本领。形势复杂。"
    hits = FormulaMatcher(()).find(text)
    assert [(h.text, h.rule) for h in hits] == [
        ("铸牢政治忠诚", "parallel"),
        ("强化政治担当", "parallel"),
        ("提高政治本领", "parallel"),
    ]


_ALPHABET = list("两个维护四风三严实学思想、，。“”\n**××某XX（）一二三五大项种的是坚持中国特色社会主义")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80))
def test_hits_are_ordered_disjoint_exact_and_never_cover_a_redaction(text):
    hits = default_matcher().find(text)
    view = normalize(text, keep_punctuation=False)
    previous_end = 0
    for hit in hits:
        assert previous_end <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.text
        for r_start, r_end in view.redaction_ends.items():
            assert hit.end <= r_start or hit.start >= r_end, (hit, text)
        previous_end = hit.end


def test_list_commas_inside_a_formula_only_where_they_belong():
    matcher = FormulaMatcher(
        (
            FormulaEntry("合作共赢"),
            FormulaEntry("两不愁三保障"),
            FormulaEntry("学思想、强党性、重实践、建新功"),
        )
    )
    assert matcher.find("高举和平、发展、合作、共赢的旗帜", use_patterns=False) == []
    assert [h.text for h in matcher.find("实现合作共赢", use_patterns=False)] == ["合作共赢"]
    assert [h.text for h in matcher.find("实现“两不愁、三保障”", use_patterns=False)] == ["两不愁、三保障"]
    assert [h.text for h in matcher.find("学思想，强党性，重实践，建新功", use_patterns=False)] == [
        "学思想，强党性，重实践，建新功"
    ]


def test_numbered_leads_are_compared_without_their_numbers():
    numbering_only = "一是加大技术改造力度。二是促进企业兼并重组。三是全面提升产品质量。"
    assert FormulaMatcher(()).find(numbering_only) == []
    frame = "一是政策沟通不断深化。二是设施联通不断加强。三是贸易畅通不断提升。"
    hits = FormulaMatcher(()).find(frame)
    assert [h.text for h in hits] == ["政策沟通不断深化", "设施联通不断加强", "贸易畅通不断提升"]


def test_coverage_counts_long_pieces_of_a_formula_quoted_in_part():
    matcher = FormulaMatcher([FormulaEntry("推进国家治理体系和治理能力现代化", category="concept")])
    assert matcher.coverage("治理体系和治理能力现代化") == 1.0
    assert matcher.coverage("我们要推进国家治理") == 0.0  # a seven-character piece is not enough
    assert matcher.find("治理体系和治理能力现代化", use_patterns=False) == []  # hits stay whole formulas
