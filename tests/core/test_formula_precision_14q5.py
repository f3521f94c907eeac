"""Issue 14q5: formula precision by cause — span boundaries of numbered frameworks, quoted names and titles
that are no formulas, and frames whose only fixed part is grammar. Every sentence is quoted from a corpus
file of the annotated set's tuning part (named next to it; `test_quoted_sentences_are_in_the_corpus` checks
it is there)."""

from __future__ import annotations

import pytest

from app.core.formulas.shipped import default_matcher

GWR_2019 = "gwr-state-council/gwr-2019.txt"
NPC_2021 = "npc-resolutions-on-gwr/npc-resolution-on-gwr-2021.txt"
CONGRESS_19 = "cpc-congress-reports/cpc-19-congress-report.txt"

#: (corpus file, sentence) for every sentence quoted below.
QUOTED = [
    (GWR_2019, "二中、三中全会精神，统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局，坚持稳中求"),
    (NPC_2021, "发展和安全，扎实做好“六稳”工作、全面落实“六保”任务，保持经济运行在合"),
    (CONGRESS_19, "是实现“两个一百年”奋斗目标、实现中华民族伟大复兴的战略支撑"),
    (CONGRESS_19, "邓小平理论、“三个代表”重要思想、科学发展观为指导"),
]


def _found(sentence: str) -> list[tuple[str, str]]:
    return [(h.text, h.formula) for h in default_matcher().find(sentence)]


@pytest.mark.corpus
def test_quoted_sentences_are_in_the_corpus(corpus):
    for path, sentence in QUOTED:
        assert sentence in (corpus / path).read_text(encoding="utf-8"), (path, sentence)


def test_a_wording_built_around_quoted_numbered_labels_is_marked_as_the_labels():
    """GUIDE §1.2 and §2: the numbered span is the numeral through the framework's name; two formulas in a
    sentence are two spans (so the stock sentence is not one lexicon hit swallowing both)."""
    found = _found(QUOTED[0][1])
    assert ("五位一体", "五位一体") in found and ("四个全面", "四个全面") in found
    assert not any("统筹推进" in text for text, _f in found)
    found = _found(QUOTED[1][1])
    assert ("六稳", "六稳") in found and ("六保", "六保") in found
    # a label with a tail written after its closing quote: the label alone (the tail is generic)
    assert ("两个一百年", "两个一百年") in _found(QUOTED[2][1])


def test_a_doctrine_name_keeps_its_quoted_label():
    """“三个代表”重要思想 is a name with the label inside (earlier annotators mark it whole)."""
    assert any("“三个代表”重要思想" in text for text, _f in _found(QUOTED[3][1]))
