"""Shared ratios of a cached comparison (counted on the folded texts) equal those computed from the matched
texts' normalised views, punctuation, whitespace, redactions and astral characters included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.normalize import normalize
from app.core.passages import Passage
from app.ui.compare.ratios import shared_ratios

ALPHABET = "坚持稳中求进，。、 \n“”**某某𠀋abc"


@given(
    st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=60), min_size=2, max_size=3),
    st.lists(st.tuples(st.integers(0, 70), st.integers(1, 30), st.integers(0, 70), st.integers(1, 30))),
    st.booleans(),
)
def test_ratios_without_views_equal_ratios_from_views(texts, spans, count_formulas):
    passages = [
        Passage(
            0, 1 + n % (len(texts) - 1), a, a + la, b, b + lb, 1.0, "copy" if n % 3 else "formula", "", ""
        )
        for n, (a, la, b, lb) in enumerate(spans)
    ]
    views = [normalize(text, keep_punctuation=False) for text in texts]
    assert shared_ratios(texts, passages, count_formulas) == shared_ratios(
        texts, passages, count_formulas, views
    )
