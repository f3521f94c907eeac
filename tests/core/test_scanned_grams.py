"""A document scanned in several pairs has its grams sorted once (`PreparedDocument.scanned`), and runs
found from the kept sort are exactly those found from the text."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.normalize import REDACTION
from app.core.passages import PassageParams, compare_many, gram_codes
from app.core.passages.gram_codes import ScannedGrams
from app.core.passages.vector_runs import GramTable, find_runs_vectorised

texts = st.text(alphabet="abcd" + REDACTION, max_size=200)


@settings(max_examples=300, deadline=None)
@given(x=texts, other=texts, y=texts, k=st.sampled_from([2, 3, 4]))
def test_runs_from_a_kept_scan_equal_runs_from_the_text(x, other, y, k):
    scan = ScannedGrams(y, k)
    for indexed in (x, other):  # one scan serves every indexed text
        assert find_runs_vectorised(GramTable(indexed, k, 3), scan).to_list() == (
            find_runs_vectorised(GramTable(indexed, k, 3), y).to_list()
        )
    # made for another gram length, it is made again for this one
    assert find_runs_vectorised(GramTable(x, k, 3), ScannedGrams(y, k + 1)).to_list() == (
        find_runs_vectorised(GramTable(x, k, 3), y).to_list()
    )


def test_a_document_scanned_in_several_pairs_is_sorted_once(monkeypatch):
    rng = random.Random(5)
    words = ["改革开放", "高质量发展", "人民群众", "生态文明", "科技创新", "乡村振兴", "共同富裕"]

    def text(n: int) -> str:
        return "，".join(rng.choice(words) for _ in range(n)) + "。"

    made: list[int] = []

    class Counting(ScannedGrams):
        def __init__(self, text: str, k: int) -> None:
            made.append(len(text))
            super().__init__(text, k)

    monkeypatch.setattr(gram_codes, "ScannedGrams", Counting)
    # the longest is scanned in both its pairs (the shorter side is indexed); 2,000+ characters: numpy
    longest, a, b = text(900), text(500), text(600)
    found = compare_many([longest, a, b], PassageParams())
    assert found.passages
    # the longest text, scanned in two pairs, was sorted once; the middle one once, in its pair with
    # the shortest
    assert len(made) == 2
    assert len(set(made)) == 2
