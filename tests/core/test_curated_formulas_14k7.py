"""The 14k7 block of resources/lexicon/curated_formulas.tsv: stock wordings of the Hu–Wen years (resource-saving and
environment policy, regional strategies, social security, SOE and market reform, party building) and of diplomacy,
ethnic, religious, Hong Kong–Macao and Taiwan policy of every era. The block names its era and corpus count per
entry, the loader keeps every mined wording beside it (a mined copy of a block entry gives way to the entry), and
the shipped matcher finds its entries in real sentences of corpus files outside the held-out round."""

from __future__ import annotations

import pytest

from app.core.formulas import shipped
from app.core.formulas.lexicon import load_lexicon, match_key, overlap_test
from app.core.formulas.shipped import default_matcher
from tests.bench.curated_lexicon import assert_block_finds, block_entries

TAG = "14k7"
ERAS = (
    "1949–1978 起沿用",
    "邓小平时期（1978–1992）",
    "江泽民时期（1989–2002）",
    "胡锦涛时期（2002–2012）",
    "习近平时期（2012–）",
)


def test_the_block_loads_and_every_entry_names_its_era_and_its_corpus_count_or_source():
    block = block_entries(TAG)
    assert len(block) >= 100
    for entry in block:
        era, *rest = entry.note.split("；")
        assert era in ERAS, entry.canonical
        assert rest[-1].startswith("语料中 ") and rest[-1].endswith(" 个文件同文使用"), entry.canonical
        files = int(rest[-1].removeprefix("语料中 ").removesuffix(" 个文件同文使用"))
        assert files >= 2 or rest[0].startswith("出处："), entry.canonical
        assert entry.category in {"concept", "slogan", "numbered"}, entry.canonical


def test_the_block_knocks_out_no_mined_wording():
    """The loader leaves out a mined wording that equals or holds a curated one; every mined wording that holds a
    block entry must already be left out by an entry outside the block, or be that block entry itself (then the
    curated entry finds the very wording the miner found), so the block costs no mined wording."""
    block = block_entries(TAG)
    block_keys = {match_key(e.canonical) for e in block}
    outside = [
        w
        for e in (
            *load_lexicon(shipped.lexicon_path()).entries,
            *load_lexicon(shipped.curated_path()).entries,
        )
        if e not in block
        for w, _s in e.forms()
    ]
    known_outside = overlap_test(outside)
    mined = load_lexicon(shipped.mined_path()).entries
    holding = [m.canonical for m in mined if any(k in match_key(m.canonical) for k in block_keys)]
    # left out already: they hold 和平外交政策 (14k6a) and 平等、团结、互助 (14L); 劳动报酬在初次分配中的比重 left the
    # block when the re-mining of session 8 (round 9 counted, round 10 left out) found it on its own; 14m8's named
    # terms mine the stance with its verb, 奉行独立自主的和平外交政策 (奉行 is no governing verb of the miner); the
    # re-mining of session 9 with round 10 counted mined 军队革命化现代化正规化建设 (held by 革命化、现代化、正规化, 14L);
    # the re-mining with round 11 counted and round 12 left out no longer does; the re-mining of session 10 (round 12
    # counted, round 13 left out) mines 以质取胜和市场多元化战略, which continues the block's 以质取胜 to the right and
    # so stays loaded (the loader rule of 14k9); the re-mining of session 11 (round 14 counted, round 15 left out)
    # mines 联合国宪章宗旨和原则, the block's own entry word for word: the loader drops the mined copy and the block
    # entry finds the same wording (SENTENCES below), so no mined wording is lost; likewise 统一的多民族国家, which the
    # miner cites after 是 since session 12 (14l12: 我国是|统一的多民族国家); the re-mining with round 15 counted and
    # round 16 left out no longer mines 联合国宪章宗旨和原则 (7 组/3 类 before), which the block
    # entry still finds
    assert holding == [
        "奉行独立自主的和平外交政策",
        "统一的多民族国家",
        "平等、团结、互助的社会主义民族关系",
        "以质取胜和市场多元化战略",
    ]
    loaded = {e.canonical for e in shipped.load_shipped_files().entries if e.category == "mined"}
    left_out_by_the_block = {m for m in holding if m not in loaded and not known_outside(m, alone=True)}
    assert left_out_by_the_block == {"统一的多民族国家"}
    assert {match_key(m) for m in left_out_by_the_block} <= block_keys
    assert "以质取胜和市场多元化战略" in loaded


#: Real sentences of corpus files outside the held-out round (file, sentence, block wordings found there).
SENTENCES = [
    # (节能降耗 left the block when 14m7's miner found it as a two-verb motto: tests/core/test_formula_mining.py;
    # 知识产权战略 and 市场多元化战略 left it when 14m8's miner found them as named terms)
    ("gwr-state-council/gwr-2003.txt", "实施天然草原退牧还草工程，加强相关法制建设。", ["退牧还草"]),
    (
        "gwr-state-council/gwr-2005.txt",  # (gwr-1999's sentence gave way: gwr-1999 is drawn for round 11)
        "大力推行清洁生产，发展环保产业。",
        ["清洁生产"],
    ),
    (
        "cpc-congress-reports/cpc-16-congress-report.txt",
        "国家要制定法律法规，建立中央政府和地方政府分别代表国家履行出资人职责，享有所有者权益，权利、义务和"
        "责任相统一，管资产和管人、管事相结合的国有资产管理体制。",
        ["管资产和管人、管事相结合"],
    ),
    (
        "cpc-congress-reports/cpc-16-congress-report.txt",
        "全面贯彻党的宗教信仰自由政策，依法管理宗教事务，积极引导宗教与社会主义社会相适应，坚持独立自主自办的原则。",
        ["依法管理宗教事务", "独立自主自办"],
    ),
    (
        "cpc-plenum-communiques/communique-2009-cc17-plenum04.txt",
        "坚持以党内民主带动人民民主，以党的坚强团结保证全国各族人民的大团结。",
        ["以党内民主带动人民民主"],
    ),
    (
        "cpc-congress-reports/cpc-17-congress-report.txt",
        "要健全党委领导、政府负责、社会协同、公众参与的社会管理格局，健全基层社会管理体制。",
        ["党委领导、政府负责、社会协同、公众参与"],
    ),
    ("gwr-state-council/gwr-1988.txt", "我国是统一的多民族国家。", ["统一的多民族国家"]),
    (
        "cpc-congress-reports/cpc-20-congress-report.txt",
        "发展壮大爱国爱港爱澳力量，增强港澳同胞的爱国精神，形成更广泛的国内外支持“一国两制”的统一战线。",
        ["爱国爱港"],
    ),
    (
        "xi-speeches-2013-2018/xi-2014-07-16-1.txt",
        "对大国关系，中国主张不冲突不对抗、相互尊重、合作共赢，共同走和平发展之路。",
        ["不冲突不对抗、相互尊重、合作共赢"],
    ),
    (
        "cpc-congress-reports/cpc-18-congress-report.txt",
        "平等互信，就是要遵循联合国宪章宗旨和原则，坚持国家不分大小、强弱、贫富一律平等，推动国际关系民主化，"
        "尊重主权，共享安全，维护世界和平稳定。",
        ["联合国宪章宗旨和原则", "国家不分大小、强弱、贫富一律平等"],
    ),
    (
        "xi-speeches-2020/xi-2020-10-23-1.txt",
        "作为负责任大国，中国坚守和平、发展、公平、正义、民主、自由的全人类共同价值，坚持共商共建共享的全球治理观，"
        "坚定不移走和平发展、开放发展、合作发展、共同发展道路。",
        ["和平、发展、公平、正义、民主、自由的全人类共同价值"],
    ),
    (
        "xi-speeches-2020/xi-2020-11-11-1.txt",
        "我们要促进文明互学互鉴，增进各国睦邻友好，夯实上海合作组织长远发展民意基础。",
        ["文明互学互鉴"],
    ),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("path", "sentence", "wordings"), SENTENCES)
def test_the_shipped_matcher_finds_block_wordings_in_real_sentences(corpus, path, sentence, wordings):
    assert_block_finds(corpus, path, sentence, wordings, TAG)


@pytest.mark.parametrize(
    "wording",
    # names of an area of work or an organisation, and wordings that the tuning rounds' annotators left unmarked
    # as often as they marked them (GUIDE §3a); the block must not bring them in
    [
        "金融体制改革",
        "保障性住房",
        "多边主义",
        "全球治理",
        "亚洲基础设施投资银行",
        "海外侨胞",
        "国际金融危机",
    ],
)
def test_area_of_work_names_pruned_from_the_block_stay_out(wording):
    assert wording not in {e.canonical for e in block_entries(TAG)}
    hits = default_matcher().find(f"各方要重视{wording}。")
    assert not [h for h in hits if h.text == wording and h.source == "lexicon"]
