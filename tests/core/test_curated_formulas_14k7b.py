"""The 14k7b block of resources/lexicon/curated_formulas.tsv: stock wordings of all eras in culture, ideology and
propaganda, party building and discipline, the political and legal system and the 1978–1992 economic reform. Each
entry names its era (and, under two corpus files, its source), and the shipped matcher finds the block's wordings
in real sentences of corpus files that no held-out round reads."""

from __future__ import annotations

import re

import pytest

from tests.bench.curated_lexicon import assert_block_finds, block_entries, block_hits_in_corpus_sentence

TAG = "14k7b"
#: the eras of the curated file and the years each covers (the note's first field)
ERA_YEARS = {
    "1949–1978 起沿用": range(1949, 1978),
    "邓小平时期（1978–1992）": range(1978, 1993),
    "江泽民时期（1989–2002）": range(1989, 2003),
    "胡锦涛时期（2002–2012）": range(2002, 2013),
    "习近平时期（2012–）": range(2012, 2100),
}


def test_the_block_loads_and_every_entry_names_its_era_and_its_corpus_count():
    block = block_entries(TAG)
    assert len(block) >= 100
    assert len({e.canonical for e in block}) == len(block)
    for entry in block:
        era, *rest = entry.note.split("；")
        assert era in ERA_YEARS, entry.canonical
        assert entry.category in ("concept", "slogan", "numbered"), entry.canonical
        assert re.fullmatch(r"语料中 \d+ 个文件同文使用", rest[-1]), entry.canonical


def test_a_sourced_entry_dates_its_source_within_its_era():
    """An entry under two corpus files ships on its source (出处); the source's year must belong to the era."""
    sourced = [e for e in block_entries(TAG) if "出处：" in e.note]
    assert len(sourced) >= 20
    for entry in sourced:
        era, source, _count = entry.note.split("；")
        year = int(re.search(r"（(\d{4})", source).group(1))
        assert year in ERA_YEARS[era], entry.canonical


#: Real sentences of corpus files outside the held-out round (file, sentence, block wordings found there).
SENTENCES = [
    (
        "cpc-congress-reports/cpc-18-congress-report.txt",
        "要坚持以人民为中心的创作导向，提高文化产品质量，为人民提供更好更多精神食粮。",
        ["以人民为中心的创作导向"],
    ),
    (
        "cpc-congress-reports/cpc-18-congress-report.txt",
        "我们一定要坚持社会主义先进文化前进方向，树立高度的文化自觉和文化自信，向着建设社会主义文化强国宏伟目标阔步前进。",
        ["社会主义先进文化前进方向", "文化自觉和文化自信"],
    ),
    (
        "cpc-congress-reports/cpc-16-congress-report.txt",
        "坚持党的思想路线，解放思想、实事求是、与时俱进，是我们党坚持先进性和增强创造力的决定性因素。",
        ["党的思想路线"],
    ),
    (
        "cpc-congress-reports/cpc-16-congress-report.txt",
        "（二）贯彻“三个代表”重要思想，必须把发展作为党执政兴国的第一要务，不断开创现代化建设的新局面。",
        ["党执政兴国的第一要务"],
    ),
    (
        "cpc-congress-reports/cpc-12-congress-report.txt",
        "必须认真实行职工代表大会制度，使它和工会都能在思想教育、企业管理和工人生活的改善中发挥重要作用。",
        ["职工代表大会制度"],
    ),
    (
        "cpc-congress-reports/cpc-15-congress-report.txt",
        "发展民主，健全法制，建设社会主义法治国家。",
        ["建设社会主义法治国家"],
    ),
    (
        "cpc-congress-reports/cpc-14-congress-report.txt",
        "积极理顺价格关系，建立起以市场形成价格为主的价格机制。",
        ["以市场形成价格为主的价格机制"],
    ),
    (
        "xi-speeches-2020/xi-2020-11-04-1.txt",
        "改革开放以来特别是加入世贸组织后，我国加入国际大循环，市场和资源“两头在外”，形成“世界工厂”发展模式，"
        "对我国快速提升经济实力、改善人民生活发挥了重要作用。",
        ["两头在外"],
    ),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("path", "sentence", "wordings"), SENTENCES)
def test_the_shipped_matcher_finds_block_wordings_in_real_sentences(corpus, path, sentence, wordings):
    assert_block_finds(corpus, path, sentence, wordings, TAG)


#: Wordings written for the block and pruned on the tuning rounds, each with a real sentence where it hit outside
#: the annotations (a verb phrase, not the label; a reform step named in passing).
PRUNED = [
    (
        "cpc-plenum-communiques/communique-2019-cc19-plenum04.txt",
        "坚持人民当家作主，发展人民民主，密切联系群众，紧紧依靠人民推动国家发展",
        "密切联系群众",
    ),
    ("cpc-congress-reports/cpc-15-congress-report.txt", "推动政企分开和企业转换经营机制。", "政企分开"),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("path", "sentence", "wording"), PRUNED)
def test_wordings_pruned_on_the_tuning_rounds_stay_out_of_the_block(corpus, path, sentence, wording):
    assert wording not in {e.canonical for e in block_entries(TAG)}
    assert block_hits_in_corpus_sentence(corpus, path, sentence, TAG) == []
