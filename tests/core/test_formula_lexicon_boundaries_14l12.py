"""Lexicon wordings that a boundary test used to drop (issue 14, 14l12): a wording written as a whole enumeration
with list commas between short items, and the shorter wording a longer lexicon match swallowed when that match
loses to a longer pattern find. Every sentence is quoted from a minable corpus file (named next to it;
`test_quoted_sentences_are_in_the_corpus` checks it is there)."""

from __future__ import annotations

import pytest

from app.core.formulas.shipped import default_matcher
from tests.bench.formula_annotations import unquotable

#: (corpus file, sentence, lexicon hits it must have)
FOUND = [
    # a whole enumeration of short items: the list commas are the wording's own
    (
        "cpc-plenum-communiques/communique-2003-cc16-plenum03.txt",
        "坚持统筹兼顾，坚持以人为本，树立全面、协调、可持续的发展观，促进经济社会和人的全面发展。",
        ["全面、协调、可持续"],
    ),
    (
        "gwr-state-council/gwr-2001.txt",
        "发展教育，要面向现代化、面向世界、面向未来，着力推进素质教育，促进学生德、智、体、美全面发展。",
        ["德、智、体、美全面发展"],
    ),
    (
        "xi-speeches-2013-2018/xi-2016-11-29-1.txt",
        "要通过学习掌握马克思主义立场、观点、方法，提高战略思维能力、综合决策能力、驾驭全局能力，",
        ["马克思主义立场、观点、方法"],
    ),
    # the lexicon's longest match at 坚持社会主义道路，坚持人民民主专政… loses to the parallel frame 坚持…，坚持…;
    # 社会主义道路 is left before it (社会主义民主政治制度|制度化、规范化、程序化, the first case, is a listed
    # wording as a whole since 14l12b)
    (
        "gwr-state-council/gwr-1987.txt",
        "坚持四项基本原则，即坚持社会主义道路，坚持人民民主专政，坚持共产党的领导，坚持马克思列宁主义、毛泽东思想，",
        ["社会主义道路"],
    ),
]
#: (corpus file, sentence, wording that must not be found): two items cut from two longer ones
NOT_FOUND = [
    (
        "gwr-state-council/gwr-2019.txt",
        "中国秉持互利合作、共赢发展，一贯主张通过平等协商解决贸易争端。",
        "合作、共赢",
    ),
]


@pytest.mark.corpus
def test_quoted_sentences_are_in_the_corpus(corpus):
    assert unquotable(corpus, [(p, s) for p, s, _ in FOUND + NOT_FOUND]) == []


@pytest.mark.parametrize(("path", "sentence", "wordings"), FOUND)
def test_lexicon_wordings_are_found(path, sentence, wordings):
    found = [h.text for h in default_matcher().find(sentence) if h.source == "lexicon"]
    assert [w for w in wordings if w not in found] == []


@pytest.mark.parametrize(("path", "sentence", "wording"), NOT_FOUND)
def test_items_cut_from_longer_items_are_no_wording(path, sentence, wording):
    assert wording not in [h.text for h in default_matcher().find(sentence)]
