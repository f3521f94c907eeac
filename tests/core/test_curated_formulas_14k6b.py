"""The 14k6b block of resources/lexicon/curated_formulas.tsv: stock wordings of 1992–2026 (rule of law, economic
system, party building, diplomacy, named spirits and the stock wordings GUIDE §3a marks at every occurrence).
The block names its era per entry, and the shipped matcher finds its entries in real corpus sentences."""

from __future__ import annotations

import pytest

from app.core.formulas.lexicon import FormulaEntry
from app.core.formulas.shipped import default_matcher
from tests.bench.curated_lexicon import assert_block_finds, block_entries
from tests.bench.loro_formulas import own_round_copies

TAG = "14k6b"
#: the block's eras; 邓小平时期 only for the stock wordings GUIDE §3a marks at every occurrence
ERAS = ("江泽民时期（1989–2002）", "胡锦涛时期（2002–2012）", "习近平时期（2012–）")
OLDER_SECTION_3A = "邓小平时期（1978–1992）"


def test_the_block_loads_and_every_entry_names_its_era_and_its_corpus_count():
    block = block_entries(TAG)
    assert len(block) >= 200
    for entry in block:
        era, *rest = entry.note.split("；")
        assert era in ERAS or (era == OLDER_SECTION_3A and "GUIDE §3a" in entry.note), entry.canonical
        assert rest[-1].startswith("语料中 ") and rest[-1].endswith(" 个文件同文使用"), entry.canonical


#: Real sentences of corpus files outside the held-out round (file, sentence, block wordings found there).
SENTENCES = [
    (
        "cpc-congress-reports/cpc-15-congress-report.txt",
        "一切政府机关都必须依法行政，切实保障公民权利，实行执法责任制和评议考核制。",
        ["依法行政"],
    ),
    (
        "cpc-congress-reports/cpc-17-congress-report.txt",
        "发展现代产业体系，大力推进信息化与工业化融合，促进工业由大变强，振兴装备制造业，淘汰落后生产能力；",
        ["现代产业体系"],
    ),
    (
        "cpc-plenum-communiques/communique-2014-cc18-plenum04.txt",
        "依法全面履行政府职能，推进机构、职能、权限、程序、责任法定化，推行政府权力清单制度。",
        ["权力清单制度"],
    ),
    (
        "cpc-plenum-communiques/communique-2020-cc19-plenum05.txt",
        "全会提出，形成强大国内市场，构建新发展格局。",
        ["强大国内市场"],
    ),
    (
        "xi-speeches-2020/xi-2020-12-13-1.txt",
        "各国应该遵循共同但有区别的责任原则，根据国情和能力，最大程度强化行动。",
        ["共同但有区别的责任原则"],
    ),
    (
        "xi-speeches-2013-2018/xi-2015-07-11-1.txt",
        "我们应该继续弘扬丝路精神，夯实本地区各国友好交往的民意基础，让各国人民互信互敬，共建和谐、安宁、繁荣的家园。",
        ["丝路精神"],
    ),
    (
        "hust-party-building/hust-25-学习传统文化，传承文化薪火——公共管理学院本科党.txt",  # (hust-18 drawn for round 13)
        "在学思践悟中进一步体会到党的二十大精神，增强了理论学习的本领。",
        ["学思践悟"],
    ),
    (
        "cpc-congress-reports/cpc-12-congress-report.txt",
        "党的思想建设是全社会精神文明建设的支柱，共产党员应当首先在思想道德方面起模范作用。",
        ["精神文明建设"],
    ),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("path", "sentence", "wordings"), SENTENCES)
def test_the_shipped_matcher_finds_block_wordings_in_real_sentences(corpus, path, sentence, wordings):
    assert_block_finds(corpus, path, sentence, wordings, TAG)


@pytest.mark.parametrize(
    "wording",
    ["党的领导", "依法治国", "依法行政", "法治政府", "粮食安全", "政治生态", "反腐败斗争", "精神文明建设"],
)
def test_the_section_3a_stock_wordings_of_the_era_are_found_alone(wording):
    """GUIDE §3a marks these at every occurrence, also where they read like a noun phrase of the sentence."""
    hits = default_matcher().find(f"各地要把{wording}落到实处。")
    assert [(h.text, h.source) for h in hits] == [(wording, "lexicon")]


def test_a_block_ends_at_the_next_tagged_block(tmp_path):
    path = tmp_path / "curated.tsv"
    path.write_text(
        "# header\n甲乙丙丁\n# 14k6b block\n戊己庚辛\n壬癸子丑\n# other block\n寅卯辰巳\n", encoding="utf-8"
    )
    assert [e.canonical for e in block_entries(TAG, path)] == ["戊己庚辛", "壬癸子丑"]
    with pytest.raises(ValueError):
        block_entries("14k6c", path)


def test_the_fresh_round_check_leaves_out_only_entries_annotated_in_that_round_alone():
    """loro_formulas --block: a round is scored without the entries that could be copies of its own spans."""
    block = (
        FormulaEntry("依法行政"),
        FormulaEntry("丝路精神"),
        FormulaEntry("学思践悟"),
        FormulaEntry("党的优良传统"),
    )
    rounds_of = {"依法行政": {4, 7}, "丝路精神": {7}, "学思践悟": {6}}
    assert own_round_copies(block, rounds_of, 7) == {"丝路精神"}
    assert own_round_copies(block, rounds_of, 6) == {"学思践悟"}
    assert own_round_copies(block, rounds_of, 5) == set()
