"""The worker side of the compare view: cache use, ratios, and the garbage-collector pause."""

from __future__ import annotations

from app.ui.compare import compute as compute_module
from app.ui.compare.compute import CompareSettings, compute

from .conftest import sample_document


class _MemoryCache:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], object] = {}
        self.loads = 0

    def load(self, docs, a, b, params):
        self.loads += 1
        found = self.rows.get((docs[a].sha256, docs[b].sha256))
        return None if found is None else ([p for p in found[0]], found[1])

    def save(self, docs, a, b, params, result):
        self.rows[docs[a].sha256, docs[b].sha256] = result


def test_cached_pairs_are_not_matched_again_and_give_the_same_result():
    docs = [sample_document(n) for n in ("01-city-study-session.txt", "03-theme-education-mobilisation.txt")]
    cache = _MemoryCache()
    first = compute(docs, CompareSettings(), cache)
    second = compute(docs, CompareSettings(), cache)
    assert (first.cached_pairs, second.cached_pairs) == (0, 1)
    assert second.passages == first.passages and second.ratios == first.ratios


def test_the_helper_is_warmed_with_the_pairs_to_match_only(monkeypatch):
    names = ("01-city-study-session.txt", "03-theme-education-mobilisation.txt", "05-plenary-communique.txt")
    docs = [sample_document(n) for n in names]
    warmed: list[list[str]] = []
    monkeypatch.setattr(compute_module, "warm", lambda _texts, pairs, _params: warmed.append(pairs))
    cache = _MemoryCache()
    compute(docs[:2], CompareSettings(), cache)
    compute(docs, CompareSettings(), cache)  # the pair (0, 1) is cached: 0-2 and 1-2 are matched
    compute(docs, CompareSettings(), cache)  # everything cached: no helper needed
    assert warmed == [[(0, 1)], [(0, 2), (1, 2)], []]


def test_counting_formulas_only_adds_formula_passages_to_the_ratios():
    docs = [sample_document(n) for n in ("01-city-study-session.txt", "05-plenary-communique.txt")]
    plain = compute(docs, CompareSettings())
    counted = compute(docs, CompareSettings(count_formulas=True))
    assert counted.passages == plain.passages
    assert plain.pair_ratios[0, 1] == plain.comparison.summary[0].a_copy_ratio
    assert any(p.kind == "formula" for p in plain.passages)
    assert counted.ratios[0] > plain.ratios[0] and counted.ratios[1] > plain.ratios[1]
