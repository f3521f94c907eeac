"""The 14l12 block of resources/lexicon/curated_formulas.tsv: stock wordings (GUIDE §3a) of the classes fresh rounds
still miss — stock descriptions and principles cited as wholes (第一生产力, 用发展的办法解决前进中的问题), named systems,
markets and networks of the Hu and Xi years (现代文化市场体系, 超大规模市场优势), diplomatic and cultural wordings
(世界文明多样性, 网上丝绸之路, 和谐文化) and older campaigns (人民战争, 抗美援朝运动). Every entry is in >= 2 minable
corpus files, names its era and count, knocks out no mined wording, and the shipped matcher finds it in a real
sentence of a minable file."""

from __future__ import annotations

import pytest

from tests.bench.curated_lexicon import (
    assert_block_finds,
    block_entries,
    block_problems,
    mined_knocked_out,
    rare_in_minable_files,
    repeated_wordings,
)
from tests.core.test_curated_formulas_14k7 import ERAS

TAG = "14l12"


def test_the_block_loads_and_every_entry_names_its_era_and_its_corpus_count():
    assert len(block_entries(TAG)) >= 25  # 29 when written
    assert block_problems(TAG, ERAS) == []


def test_no_block_entry_repeats_an_earlier_wording():
    assert repeated_wordings(TAG) == []


def test_the_block_knocks_out_no_mined_wording():
    assert mined_knocked_out(TAG) == set()


@pytest.mark.corpus
def test_every_entry_is_in_two_minable_files_at_least(corpus):
    """Counted as the matcher compares (punctuation ignored) over the minable files only: held-out files are not read."""
    assert rare_in_minable_files(corpus, TAG) == []


SENTENCES = [
    (
        "cpc-congress-reports/cpc-16-congress-report.txt",
        "走新型工业化道路，必须发挥科学技术作为第一生产力的重要作用，注重依靠科技进步和提高劳动者素质，改善经济增长质量和效益。",
        ["第一生产力"],
    ),
    (
        "cpc-congress-reports/cpc-11-congress-report.txt",
        "我们要在揭批“四人帮”篡党夺权阴谋和反革命罪恶历史的基础上，进一步放手发动群众，大打一场深入揭批“四人帮”反革命修正主义路线的极右实质及其在各方面表现的人民战争。",
        ["人民战争"],
    ),
    (
        "xi-speeches-2020/xi-2020-10-23-1.txt",
        "采取边打、边稳、边建的方针，开展了波澜壮阔的抗美援朝运动，",
        ["抗美援朝运动"],
    ),
    (
        "cpc-congress-reports/cpc-17-congress-report.txt",
        "坚持计划生育的基本国策，稳定低生育水平，提高出生人口素质。",
        ["计划生育的基本国策"],
    ),
    (
        "cpc-congress-reports/cpc-18-congress-report.txt",
        "包容互鉴，就是要尊重世界文明多样性、发展道路多样化，尊重和维护各国人民自主选择社会制度和发展道路的权利，相互借鉴，取长补短，推动人类文明进步。",
        ["世界文明多样性"],
    ),
    (
        "xi-speeches-2013-2018/xi-2014-07-04-1.txt",
        "中韩两国是名副其实的战略合作伙伴，双边关系迈入最好发展时期。",
        ["战略合作伙伴"],
    ),
    ("cpc-congress-reports/cpc-17-congress-report.txt", "（二）建设和谐文化，培育文明风尚。", ["和谐文化"]),
    (
        "cpc-congress-reports/cpc-17-congress-report.txt",
        "合理有序的收入分配格局基本形成，中等收入者占多数，绝对贫困现象基本消除。",
        ["合理有序的收入分配格局"],
    ),
    (
        "cpc-congress-reports/cpc-18-congress-report.txt",
        "加快完善文化管理体制和文化生产经营机制，基本建立现代文化市场体系，健全国有文化资产管理体制，形成有利于创新创造的文化发展环境。",
        ["现代文化市场体系"],
    ),
    (
        "cpc-congress-reports/cpc-16-congress-report.txt",
        "（二）坚持以经济建设为中心，用发展的办法解决前进中的问题。",
        ["用发展的办法解决前进中的问题"],
    ),
    (
        "gwr-state-council/gwr-2018.txt",
        "出台一系列促进西部开发、东北振兴、中部崛起、东部率先发展的改革创新举措。",
        ["东部率先发展"],
    ),
    # (经济社会持续健康发展 and 社会主义基本制度 left the block when the re-mining with round 15 counted and round 16
    # left out mined them word for word; the mined copies find them now: tests/core/test_formula_mining.py)
    (
        "cpc-congress-reports/cpc-18-congress-report.txt",
        "加快建立生态文明制度，健全国土空间开发、资源节约、生态环境保护的体制机制，推动形成人与自然和谐发展现代化建设新格局。",
        ["生态文明制度", "人与自然和谐发展现代化建设新格局"],
    ),
    (
        "cpc-congress-reports/cpc-20-congress-report.txt",
        "依托我国超大规模市场优势，以国内大循环吸引全球资源要素，增强国内国际两个市场两种资源联动效应，提升贸易投资合作质量和水平。",
        ["超大规模市场优势"],
    ),
    (
        "gwr-state-council/gwr-2025.txt",  # (xi-2020-08-25-1's sentence gave way: drawn for the held-out round 16)
        "我国具有显著的制度优势，有超大规模市场、完备产业体系、丰富人力人才资源等诸多优势条件，有长远规划、科学调控、"
        "上下协同的有效治理机制，有需求升级、结构优化、动能转换的广阔增量空间，经济长期向好的基本趋势没有改变也不会改变，"
        "我国经济航船必将乘风破浪、行稳致远！",
        ["超大规模市场"],
    ),
    (
        "xi-speeches-2013-2018/xi-2017-01-18-2.txt",
        "——中国将大力建设共同发展的对外开放格局，推进亚太自由贸易区建设和区域全面经济伙伴关系协定谈判，构建面向全球的自由贸易区网络。",
        ["面向全球的自由贸易区网络"],
    ),
    (
        "xi-speeches-2013-2018/xi-2015-09-23-2.txt",
        "对外开放是中国的基本国策，中国利用外资的政策不会变，对外商投资企业合法权益的保障不会变，为各国企业在华投资兴业提供更好服务的方向不会变。",
        ["对外开放是中国的基本国策"],
    ),
    (
        "xi-speeches-2013-2018/xi-2018-07-10-1.txt",
        "要加快网上丝绸之路建设，争取在网络基础设施、大数据、云计算、电子商务等领域达成更多合作共识和成果。",
        ["网上丝绸之路"],
    ),
    (
        "gwr-state-council/gwr-2024.txt",
        "深化两岸融合发展，增进两岸同胞福祉，同心共创民族复兴伟业。",
        ["民族复兴伟业"],
    ),
    (
        "gwr-state-council/gwr-2014.txt",
        "当前改革已进入攻坚期和深水区，必须紧紧依靠人民群众，以壮士断腕的决心、背水一战的气概，冲破思想观念的束缚，突破利益固化的藩篱，以经济体制改革为牵引，全面深化各领域改革。",
        ["利益固化的藩篱"],
    ),
    (
        "cpc-congress-reports/cpc-19-congress-report.txt",
        "六、健全人民当家作主制度体系，发展社会主义民主政治",
        ["人民当家作主制度体系"],
    ),
    (
        "xi-speeches-2013-2018/xi-2017-08-01-1.txt",
        "——推进强军事业，必须深入推进军民融合发展，构建军民一体化的国家战略体系和能力。",
        ["军民融合发展"],
    ),
    (
        "hust-party-building/hust-13-寻访恽代英的足迹（武汉）丨走进武汉革命博物馆，重.txt",
        "此次团课紧密围绕恽代英先生波澜壮阔的革命事迹展开，生动展现了先辈们为实现民族独立和人民解放事业，",
        ["人民解放事业"],
    ),
    (
        "gwr-state-council/gwr-1955.txt",
        "不仅具有精湛的科学技术知识和丰富的实际工作经验，而且具有高度的国际主义精神和忘我的劳动态度。",
        ["国际主义精神"],
    ),
    (
        "cpc-congress-reports/cpc-11-congress-report.txt",
        "在社会主义这个历史阶段中，始终存在着阶级、阶级矛盾和阶级斗争，存在着社会主义和资本主义两条道路的斗争，",
        ["社会主义和资本主义两条道路"],
    ),
    (
        "cpc-congress-reports/cpc-16-congress-report.txt",
        "这是实现现代化建设第三步战略目标必经的承上启下的发展阶段，",
        ["现代化建设第三步战略"],
    ),
    (
        "cpc-congress-reports/cpc-16-congress-report.txt",
        "我们愿同各国人民一道，共同推进世界和平与发展的崇高事业。",
        ["世界和平与发展的崇高事业"],
    ),
    (
        "cpc-congress-reports/cpc-18-congress-report.txt",
        "健全国土空间开发、资源节约、生态环境保护的体制机制，推动形成人与自然和谐发展现代化建设新格局。",
        ["人与自然和谐发展现代化建设新格局"],
    ),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("path", "sentence", "wordings"), SENTENCES, ids=[s[2][0] for s in SENTENCES])
def test_the_shipped_matcher_finds_the_block_in_real_sentences(corpus, path, sentence, wordings):
    assert_block_finds(corpus, path, sentence, wordings, TAG)
