"""The 14k6a block of curated stock wordings (1949–1992) and the quoted labels of the old five-year plans:
the shipped matcher finds them in real corpus sentences (files that corpus-wide mining may read), and the
area-of-work nouns the tuning rounds left unmarked stay out."""

from __future__ import annotations

import pytest

from app.core.formulas.lexicon import load_lexicon
from app.core.formulas.shipped import curated_path, default_matcher
from tests.bench.curated_lexicon import block_entries, block_hits_in_corpus_sentence

BLOCK_TAG = "# 14k6a:"
ERAS = ("1949–1978 起沿用", "邓小平时期（1978–1992）")


def _block() -> list[str]:
    """The canonical wordings of the 14k6a block: the rows after its comment line, up to the next block."""
    return [e.canonical for e in block_entries(BLOCK_TAG.removeprefix("# ").rstrip(":"))]


def test_the_block_holds_only_wordings_of_its_era_each_with_a_count_or_a_source():
    block = set(_block())
    entries = [e for e in load_lexicon(curated_path()).entries if e.canonical in block]
    assert len(entries) == len(block) >= 300
    assert {e.note.split("；")[0] for e in entries} == set(ERAS)
    assert all("语料中" in e.note for e in entries)


#: (file, sentence, wordings of the block the shipped matcher must find there as lexicon hits)
SENTENCES = [
    ("gwr-state-council/gwr-1955.txt", "国家对粮食、油料、棉花、布匹实行了统购统销，", ["统购统销"]),
    ("gwr-state-council/gwr-1980.txt", "实行国家计划指导下的市场调节。", ["国家计划指导下的市场调节"]),
    (
        "cpc-congress-reports/cpc-10-congress-report.txt",
        "第三世界的觉醒和壮大是当代国际关系中的一件大事。",
        ["第三世界"],
    ),
    (
        "cpc-congress-reports/cpc-11-congress-report.txt",
        "苏美两家是新的世界大战的策源地，特别是苏联社会帝国主义具有更大的危险性。",
        ["苏联社会帝国主义"],
    ),
    ("cpc-congress-reports/cpc-12-congress-report.txt", "我国在公有制基础上实行计划经济。", ["计划经济"]),
    (
        "cpc-congress-reports/cpc-12-congress-report.txt",
        "这样，我们就一定能够实现党风的根本好转。",
        ["党风的根本好转"],
    ),
    (
        "cpc-congress-reports/cpc-13-congress-report.txt",
        "逐步使国家大政方针和群众生活重大问题的政治协商和民主监督经常化。",
        ["政治协商和民主监督"],
    ),
    (
        "cpc-congress-reports/cpc-14-congress-report.txt",
        "中国共产党第十四次全国代表大会，在我国加快改革开放和现代化建设的新形势下召开了！",
        ["改革开放和现代化建设"],
    ),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("path", "sentence", "wordings"), SENTENCES)
def test_the_shipped_matcher_finds_the_block_in_real_sentences(corpus, path, sentence, wordings):
    hits = block_hits_in_corpus_sentence(corpus, path, sentence, "14k6a")
    assert [h.text for h in hits] == wordings
    assert all(h.source == "lexicon" for h in hits)


def test_area_of_work_nouns_the_tuning_rounds_left_unmarked_stay_out():
    """GUIDE §3a: a wording that only names an area of work or a kind of economy is no formula. 乡镇企业 and
    经济特区 (institution types) are marked at every occurrence since the §3a re-check of session 8 and came back
    in the 14k9 block; 经济体制改革 and 集体经济 are still unmarked in the tuning rounds and stay out."""
    text = "推进经济体制改革，发展乡镇企业和集体经济，办好经济特区。"
    assert [h.text for h in default_matcher().find(text) if h.source == "lexicon"] == ["乡镇企业", "经济特区"]


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("path", "sentence", "labels"),
    [
        (
            "cpc-congress-reports/cpc-14-congress-report.txt",
            "建议国务院对“八五”计划做出必要的调整，并着手研究制订“九五”计划。",
            ["“八五”计划", "“九五”计划"],
        ),
        (
            "cpc-congress-reports/cpc-17-congress-report.txt",
            "“十五”计划胜利完成，“十一五”规划进展顺利。",
            ["“十五”计划", "“十一五”规划"],
        ),
    ],
)
def test_old_five_year_plans_are_cited_by_their_quoted_label(corpus, path, sentence, labels):
    assert sentence in (corpus / path).read_text(encoding="utf-8")
    hits = [h for h in default_matcher().find(sentence) if h.rule == "reference"]
    assert [h.text for h in hits] == labels


def test_a_quoted_number_that_is_no_plan_label_stays_out():
    hits = default_matcher().find("共有“二十五”个项目，“五”个小组。")
    assert not [h for h in hits if h.rule == "reference"]
