"""A lexicon wording that chains quoted numbered frameworks is reported as the frameworks
(app/core/formulas/composite_labels.py). Sentences are quoted from corpus files of the tuning part."""

from __future__ import annotations

from app.core.formulas.shipped import default_matcher

GWR_2025 = "gwr-state-council/gwr-2025.txt"
NPC_2021 = "npc-resolutions-on-gwr/npc-resolution-on-gwr-2021.txt"
CONGRESS_18 = "cpc-congress-reports/cpc-18-congress-report.txt"
FOUR = "其工作人员要深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，自觉在"
TWO = "更好统筹发展和安全，扎实做好“六稳”工作、全面落实“六保”任务，保持经济运"
ONE = "的就是我们坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想为指导，"
QUOTED = [(GWR_2025, FOUR), (NPC_2021, TWO), (CONGRESS_18, ONE)]


def test_quoted_text_is_in_the_corpus(corpus):
    for path, sentence in QUOTED:
        assert sentence in (corpus / path).read_text(encoding="utf-8"), (path, sentence)


def _hits(text: str) -> list[tuple[str, str]]:
    return [(h.text, h.rule) for h in default_matcher().find(text)]


def test_a_chain_of_quoted_frameworks_gives_one_numbered_hit_per_framework():
    assert _hits(FOUR) == [(label, "numbered") for label in ("两个确立", "四个意识", "四个自信", "两个维护")]
    assert [hit for hit in _hits(TWO) if "六" in hit[0]] == [("六稳", "numbered"), ("六保", "numbered")]


def test_a_wording_with_one_quoted_label_stays_whole():
    assert ("马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想", "") in _hits(ONE)
