"""The curated stock wordings of every era (resources/lexicon/curated_formulas.tsv): the file is well formed,
each entry names its era and is used by the corpus in the same form (or names its source), and the shipped
matcher finds the entries in real corpus sentences of every era."""

from __future__ import annotations

import pytest

from app.core.formulas import lexicon
from app.core.formulas.lexicon import LoadedLexicon, load_lexicon, match_key
from app.core.formulas.shipped import curated_path, default_matcher, lexicon_path, load_shipped_files
from tests.bench.curated_lexicon import MIN_FILES, assert_block_finds, files_holding

ERAS = (
    "1949–1978 起沿用",
    "邓小平时期（1978–1992）",
    "江泽民时期（1989–2002）",
    "胡锦涛时期（2002–2012）",
    "习近平时期（2012–）",
)
KINDS = {"concept", "slogan", "numbered", "historical"}


def _curated() -> LoadedLexicon:
    return load_lexicon(curated_path())


def test_the_curated_file_loads_names_kind_and_era_and_repeats_nothing_of_the_hand_made_lexicon():
    curated = _curated()
    assert not curated.problems and len(curated.entries) >= 600
    assert {e.category for e in curated.entries} <= KINDS
    assert all(e.note.split("；")[0] in ERAS for e in curated.entries)
    assert {e.note.split("；")[0] for e in curated.entries} == set(ERAS)  # every era is there
    keys = [match_key(e.canonical) for e in curated.entries]
    assert len(keys) == len(set(keys))
    hand = {match_key(w) for e in load_lexicon(lexicon_path()).entries for w, _s in e.forms()}
    assert not hand & set(keys)


def test_the_shipped_lexicon_holds_the_curated_entries_and_no_mined_wording_that_runs_into_one():
    """No mined wording equals a curated one or holds one after its start (a governing verb before it); one that
    only continues a curated wording to the right names a longer label and stays (14k9: 社会主义民主|政治)."""
    entries = load_shipped_files().entries
    curated = {e.canonical for e in _curated().entries}
    assert curated <= {e.canonical for e in entries}
    overlaps = lexicon.overlap_test(curated)
    mined = [e for e in entries if e.category == "mined"]
    assert mined and not [e.canonical for e in mined if overlaps(e.canonical, alone=True, named=True)]


def test_the_overlap_test_keeps_a_numbered_label_alone_but_not_a_piece_of_a_longer_wording():
    overlaps = lexicon.overlap_test(["一个中心、两个基本点", "社会主义市场经济体制"])
    assert overlaps("两个基本点") and not overlaps("两个基本点", alone=True)
    assert overlaps("社会主义市场经济") and overlaps("建立社会主义市场经济体制")
    assert not overlaps("现代企业制度")


@pytest.mark.corpus
def test_every_entry_is_used_in_the_same_form_by_two_corpus_files_or_names_its_source(corpus):
    """Set DUIDU_CORPUS_SKIP to a file of globs to leave held-out texts being annotated out of the count."""
    entries = _curated().entries
    counts = files_holding([e.canonical for e in entries], corpus)
    unsourced = [e.canonical for e in entries if counts[e.canonical] < MIN_FILES and "出处：" not in e.note]
    assert not unsourced
    assert sum(counts[e.canonical] >= MIN_FILES for e in entries) >= 500


#: Real sentences (file, sentence, curated wordings the shipped matcher must find there), one or more per era.
SENTENCES = [
    (
        "cpc-congress-reports/cpc-13-congress-report.txt",
        "应当积极地及时地表彰有坚强的党性和自觉的献身精神，全心全意为人民服务，一切为人民利益着想，"
        "模范地执行党的政策和完成党的任务的好同志。",
        ["全心全意为人民服务"],
    ),
    (
        "gwr-state-council/gwr-1989.txt",
        "各行各业都要深入持久、扎扎实实地开展增产节约、增收节支运动，真正走提高经济效益来发展社会生产的路子。",
        ["增产节约、增收节支"],
    ),
    (
        "cpc-congress-reports/cpc-15-congress-report.txt",
        "要按照“产权清晰、权责明确、政企分开、管理科学”的要求，对国有大中型企业实行规范的公司制改革，"
        "使企业成为适应市场的法人实体和竞争主体。",
        ["产权清晰、权责明确、政企分开、管理科学"],
    ),
    (
        "cpc-congress-reports/cpc-16-congress-report.txt",
        "全面建设小康社会，最根本的是坚持以经济建设为中心，不断解放和发展社会生产力。",
        ["解放和发展社会生产力"],
    ),
    (
        "cpc-congress-reports/cpc-17-congress-report.txt",
        "但我国仍处于并将长期处于社会主义初级阶段的基本国情没有变",
        ["我国仍处于并将长期处于社会主义初级阶段"],
    ),
    (
        "xi-speeches-2013-2018/xi-2016-05-01-1.txt",
        "党校承担着为领导干部补钙壮骨、立根固本的重要任务，必须坚持党校姓党这个党校工作根本原则，"
        "更加重视干部教育培训工作，切实做好新形势下党校工作。",
        ["党校姓党"],
    ),
    (
        "cpc-congress-reports/cpc-19-congress-report.txt",
        "全面推进党的政治建设、思想建设、组织建设、作风建设、纪律建设，把制度建设贯穿其中",
        ["政治建设、思想建设、组织建设、作风建设、纪律建设"],
    ),
    (
        "xi-speeches-2013-2018/xi-2014-07-07-1.txt",
        "新的历史条件下，全党全国各族人民要大力弘扬伟大抗战精神",
        ["伟大抗战精神"],
    ),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("path", "sentence", "wordings"), SENTENCES)
def test_the_shipped_matcher_finds_curated_wordings_in_real_sentences(corpus, path, sentence, wordings):
    assert_block_finds(corpus, path, sentence, wordings, tag=None)


def test_generic_phrases_dropped_on_the_tuning_files_stay_out():
    """Ordinary prose the tuning annotators never marked (经济社会发展, 党和国家事业) is not a curated formula."""
    text = "推动经济社会发展，开创党和国家事业新局面。"
    assert not [h for h in default_matcher().find(text) if h.source == "lexicon"]


@pytest.mark.corpus
def test_a_mined_wording_inside_a_curated_one_is_still_found_alone(corpus):
    """社会主义民主政治 (mined) lies inside the curated 社会主义民主政治建设 but is cited on its own too."""
    sentence = "发展社会主义民主政治，"
    path = "cpc-congress-reports/cpc-16-congress-report.txt"
    assert sentence in (corpus / path).read_text(encoding="utf-8")
    assert "社会主义民主政治建设" in {e.canonical for e in _curated().entries}
    hits = default_matcher().find(sentence)
    assert [(h.text, h.category) for h in hits] == [("社会主义民主政治", "mined")]
