"""A communiqué's references to its own plenum (五中全会认为…, 十一届五中全会号召…) are `reference` hits, as the
round-6 annotators marked them (14r6a decision 1). Sentences from the 1980 communiqué (a tuning file)."""

from __future__ import annotations

import pytest

from app.core.formulas.shipped import default_matcher

PLENUM_1980 = "cpc-plenum-communiques/communique-1980-cc11-plenum05.txt"
SENTENCES = {
    "五中全会认为，为了加强党对社会主义现代化事业的领": "五中全会",
    "由中央政治局再次通过后提交五中全会讨论": "五中全会",
    "十一届五中全会号召全党同志，同全国人民": "十一届五中全会",
}


def test_sentences_are_in_the_corpus(corpus):
    text = (corpus / PLENUM_1980).read_text(encoding="utf-8")
    assert all(sentence in text for sentence in SENTENCES)


@pytest.mark.parametrize(("sentence", "reference"), SENTENCES.items())
def test_a_communique_naming_its_own_plenum_is_a_reference(sentence, reference):
    assert (reference, "reference") in [(h.text, h.rule) for h in default_matcher().find(sentence)]
