"""A 、-list whose items share only 的 at one place is grammar, not a 排比 frame; with a shared last character
too it is one (frames._fixed_inner_place). Sentences from tuning files (checked below)."""

from __future__ import annotations

from app.core.formulas.shipped import default_matcher

XI_0928 = "xi-speeches-2020/xi-2020-09-28-1.txt"
XI_1125 = "xi-speeches-2020/xi-2020-11-25-1.txt"
DE_ONLY = "也展示了中华民族以和为贵的和平性格、海纳百川的包容特质、天下一家的大国气度"
DE_AND_TAIL = "展示锐意创新的勇气、敢为人先的锐气、蓬勃向上的朝气"


def test_sentences_are_in_the_corpus(corpus):
    assert DE_ONLY in (corpus / XI_0928).read_text(encoding="utf-8")
    assert DE_AND_TAIL in (corpus / XI_1125).read_text(encoding="utf-8")


def _parallel(text: str) -> list[str]:
    return [h.text for h in default_matcher().find(text) if h.rule == "parallel"]


def test_items_sharing_only_de_make_no_frame():
    assert _parallel(DE_ONLY + "。") == []


def test_items_sharing_de_and_their_last_character_are_a_frame():
    assert _parallel(DE_AND_TAIL + "。") == ["锐意创新的勇气、敢为人先的锐气、蓬勃向上的朝气"]
