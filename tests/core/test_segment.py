"""Segmentation with the lexicon as jieba user words: formulas stay whole, neighbours are not eaten."""

from __future__ import annotations

import threading

import pytest

from app.core.formulas.lexicon import FormulaEntry
from app.core.formulas.shipped import shipped_lexicon
from app.core.segment import CACHE_FILE, Segmenter, lexicon_words


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory) -> Segmenter:
    cache = tmp_path_factory.mktemp("jieba-cache")
    seg = Segmenter([*lexicon_words(shipped_lexicon().entries), "四学四强"], cache_dir=cache, hmm=True)
    seg.initialize()
    return seg


def test_lexicon_words_split_slogans_at_punctuation():
    words = lexicon_words([FormulaEntry("学思想、强党性、重实践、建新功", variants=("“两个维护”",))])
    assert words == ["学思想", "强党性", "重实践", "建新功", "两个维护"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("坚决做到两个维护", ["坚决", "做到", "两个维护"]),
        ("学思想、强党性、重实践、建新功", ["学思想", "、", "强党性", "、", "重实践", "、", "建新功"]),
        ("以学铸魂、以学增智", ["以学铸魂", "、", "以学增智"]),
        (
            "深入开展三严三实专题教育和两学一做学习教育",
            # the campaign names are curated formulas themselves (14k6b), so they stay whole too
            ["深入开展", "三严三实专题教育", "和", "两学一做学习教育"],
        ),
        ("扎实开展四学四强活动", ["扎实", "开展", "四学四强", "活动"]),
    ],
)
def test_formulas_stay_whole(segmenter, sentence, expected):
    assert segmenter.cut(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("加强大学思想政治教育", ["加强", "大学", "思想", "政治", "教育"]),
        ("要注重实践锻炼", ["要", "注重", "实践", "锻炼"]),
        ("四风险点排查", ["四", "风险", "点", "排查"]),
        ("推动建新功能区", ["推动", "建新", "功能区"]),
    ],
)
def test_collision_sentences_keep_their_own_words(segmenter, sentence, expected):
    assert segmenter.cut(sentence) == expected


def test_tokens_carry_offsets(segmenter):
    text = "坚决做到两个维护。"
    tokens = segmenter.tokens(text)
    assert [t.text for t in tokens] == ["坚决", "做到", "两个维护", "。"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_cache_lives_in_the_given_directory_and_init_is_lazy(tmp_path):
    seg = Segmenter(["两个维护"], cache_dir=tmp_path / "cache")
    assert not seg.initialized
    assert seg.cut("两个维护") == ["两个维护"]
    assert (tmp_path / "cache" / CACHE_FILE).is_file()


def test_usable_from_worker_threads(segmenter):
    results: list[list[str]] = []

    def work():
        results.append(segmenter.cut("坚决做到两个维护"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [["坚决", "做到", "两个维护"]] * 4


def test_module_global_tokenizer_is_untouched(segmenter):
    import jieba

    assert "四学四强" not in jieba.dt.FREQ
