"""The numpy run finder and its companions give exactly what the plain-Python engine gives."""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.normalize import REDACTION, normalize
from app.core.passages import PassageParams, compare_pair, overlaps, vector_runs
from app.core.passages import engine as engine_module
from app.core.passages.engine import pair_groups, prepare
from app.core.passages.extend import chain_runs, make_candidate
from app.core.passages.gram_codes import ScannedGrams
from app.core.passages.long_runs import IndexedGrams, long_pair_runs
from app.core.passages.overlaps import box_coverage
from app.core.passages.seeds import SeedIndex, find_runs, fits
from app.core.passages.vector_chains import lone_short_runs
from app.core.passages.vector_runs import GramTable, find_runs_vectorised

#: Few letters and a redaction: many runs, runs through sampled-away seeds, runs cut by redactions.
texts = st.text(alphabet="abc" + REDACTION, max_size=260)


@settings(max_examples=300, deadline=None)
@given(x=texts, y=texts, k=st.sampled_from([2, 3, 4]), cap=st.sampled_from([1, 2, 3, 64]))
def test_the_same_runs_as_find_runs(x, y, k, cap):
    assert find_runs_vectorised(GramTable(x, k, cap), y).to_list() == find_runs(SeedIndex(x, k, cap), y)


@settings(max_examples=200, deadline=None)
@given(x=texts, y=texts, gap=st.sampled_from([1, 3, 16]), min_chars=st.sampled_from([5, 12]))
def test_dropping_lone_short_runs_changes_no_chain(x, y, gap, min_chars):
    found = find_runs_vectorised(GramTable(x, 2, 3), y)
    kept = found.to_list(~lone_short_runs(found, gap, min_chars))
    assert chain_runs(kept, gap, min_chars) == chain_runs(found.to_list(), gap, min_chars)


@settings(max_examples=200, deadline=None)
@given(x=texts, y=texts, data=st.data())
def test_box_coverage_from_arrays_equals_the_interval_sum(x, y, data):
    found = find_runs_vectorised(GramTable(x, 2, 3), y)
    runs = found.to_list()
    if not runs:
        return
    group = [make_candidate([r]) for r in data.draw(st.lists(st.sampled_from(runs), min_size=1, max_size=4))]
    x0, x1 = min(c.x0 for c in group), max(c.x1 for c in group) + data.draw(st.integers(0, 20))
    y0, y1 = min(c.y0 for c in group), max(c.y1 for c in group) + data.draw(st.integers(0, 20))
    starts = [r[0] for r in runs]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(overlaps, "_ARRAY_RUNS", 0)  # the array sum even for few runs
        from_arrays = box_coverage(group, found, starts, x0, x1, y0, y1)
    assert from_arrays == box_coverage(group, runs, starts, x0, x1, y0, y1)


def _digest(comparison) -> str:
    h = hashlib.sha256()
    for item in (*comparison.passages, *comparison.summary):
        h.update(repr(item).encode())
    return h.hexdigest()


def long_runs(x: str, y: str, k: int, cap: int, chance: tuple[int, int]) -> vector_runs.RunArrays:
    """The runs of a long pair (`engine._seed_runs` finds them so when both texts are long)."""
    return long_pair_runs(IndexedGrams(ScannedGrams(x, k), cap), ScannedGrams(y, k), chance)


def _long_pair(corpus, size: int) -> tuple[str, str]:
    gwr = corpus / "gwr-state-council"
    join = "\n".join
    a = join((gwr / f"gwr-{y}.txt").read_text(encoding="utf-8") for y in (2023, 2021, 2018))
    b = join((gwr / f"gwr-{y}.txt").read_text(encoding="utf-8") for y in (2024, 2022, 2019))
    return a[:size], b[:size]


def test_engine_results_are_the_same_either_way(corpus, monkeypatch):
    """compare_pair with the numpy runs and with the Python runs: the same passages and ratios, on a pair
    long enough for sampled seeds, reordered groups and thousands of chance runs."""
    a, b = _long_pair(corpus, 45_000)
    rng = random.Random(5)
    b = "".join(REDACTION if rng.random() < 0.002 else c for c in b)  # a few redactions as well
    params = PassageParams()
    monkeypatch.setattr(engine_module, "_vectorised", lambda x, y: False)
    plain = compare_pair(a, b, params)
    monkeypatch.setattr(engine_module, "_vectorised", lambda x, y: True)
    vector = compare_pair(a, b, params)
    monkeypatch.setattr(vector_runs, "MAX_HITS", 1000)  # too many hits for arrays: find_runs takes over
    fallen_back = compare_pair(a, b, params)
    assert len(plain.passages) > 50
    assert _digest(vector) == _digest(plain) == _digest(fallen_back)


def test_lone_short_runs_are_most_runs_of_a_long_pair(corpus):
    """The pruning does something on real text (else the chain test above would prove little)."""
    a, b = _long_pair(corpus, 30_000)
    x = normalize(a, keep_punctuation=False).text
    found = find_runs_vectorised(GramTable(x, 4, 64), normalize(b, keep_punctuation=False).text)
    assert lone_short_runs(found, 16, 12).mean() > 0.5


def test_text_outside_the_basic_plane_takes_the_python_path():
    assert fits("中华人民共和国") and not fits("中华𠀀人民")
    params = PassageParams(min_chars=8)
    shared = "坚持以人民为中心的发展思想不断增强人民群众获得感"
    a, b = "𠀀" + shared * 2 + "甲" * 30_000, "乙" * 30_000 + shared + "𠀁"
    result = compare_pair(a, b, params)
    assert any(shared in p.a_text for p in result.passages)


def test_pair_groups_is_the_pair_without_labels(corpus):
    a, b = _long_pair(corpus, 20_000)
    params = PassageParams()
    x, y = prepare(a, params), prepare(b, params)
    x, y = (x, y) if engine_module.canonical(x, y) else (y, x)
    groups = pair_groups(x, y, params)
    assert len(groups) == len(compare_pair(a, b, params).passages)
    with pytest.raises(ValueError):
        prepare("字" * 11, PassageParams(max_chars=10))


def _cover_by_find(text: str, phrases: tuple[str, ...]) -> bytearray:
    """The former phrase cover: a `find` loop per phrase, overlapping occurrences included."""
    covered = bytearray(len(text))
    for phrase in phrases:
        start = text.find(phrase)
        while start >= 0:
            covered[start : start + len(phrase)] = b"\x01" * len(phrase)
            start = text.find(phrase, start + 1)
    return covered


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab社会主义", max_size=80),
    phrases=st.lists(
        st.text(alphabet="ab社会主义", min_size=1, max_size=4), min_size=1, max_size=6, unique=True
    ),
)
def test_phrase_cover_by_automaton_equals_a_find_per_phrase(text, phrases):
    from app.core.passages.classify import _cover_all

    covered = bytearray(len(text))
    _cover_all(text, tuple(phrases), covered)
    assert covered == _cover_by_find(text, tuple(phrases))


@settings(max_examples=200, deadline=None)
@given(x=texts, y=texts, hits=st.sampled_from([0, 1, 4]), length=st.sampled_from([5, 8]))
def test_the_chance_rule_leaves_out_only_short_runs(x, y, hits, length):
    """On long pairs (`engine._chance`) some runs shorter than chance[1] are left out; nothing else
    changes: every kept run is one of the exact runs, and every run left out is short."""
    exact = find_runs_vectorised(GramTable(x, 3, 64), y).to_list()
    kept = long_runs(x, y, 3, 64, (hits, length)).to_list()
    assert set(kept) <= set(exact)
    assert all(run[2] < length for run in set(exact) - set(kept))


@settings(max_examples=200, deadline=None)
@given(x=texts, y=texts, hits=st.sampled_from([0, 1, 4]), length=st.sampled_from([5, 8]))
def test_the_chance_rule_keeps_every_run_with_a_rare_gram_or_of_a_passage_length(x, y, hits, length):
    """What the rule may leave out is only runs shorter than `length` whose every gram has more than
    `hits` seed hits in the pair (kept places in x times places in y): the long pair's runs are found
    without those grams' hits (`long_runs`), so none other may be lost on the way."""
    exact = find_runs_vectorised(GramTable(x, 3, 64), y).to_list()
    kept = set(long_runs(x, y, 3, 64, (hits, length)).to_list())
    seeds = SeedIndex(x, 3, 64).positions
    in_y = Counter(y[n : n + 3] for n in range(len(y) - 2))
    for i, j, size in exact:
        grams = {y[n : n + 3] for n in range(j, j + size - 2)}
        if size >= length or any(len(seeds.get(g, ())) * in_y[g] <= hits for g in grams):
            assert (i, j, size) in kept


def test_the_chance_rule_is_for_long_pairs_only(corpus):
    """Below LONG_CHARS a side, results are exactly the old ones (eval_passages' cases, the hashed
    corpus cases); from it on, chance runs of a real long pair are left out."""
    assert engine_module._chance("甲" * 49_999, "乙" * 200_000) is None
    assert engine_module._chance("甲" * 50_000, "乙" * 50_000) == engine_module.CHANCE
    a, b = _long_pair(corpus, 60_000)
    x, y = (normalize(t, keep_punctuation=False).text for t in (a, b))
    exact = find_runs_vectorised(GramTable(x, 4, 64), y)
    kept = long_runs(x, y, 4, 64, engine_module.CHANCE)
    assert len(kept.x) < 0.8 * len(exact.x)
    assert (kept.length >= engine_module.CHANCE[1]).sum() == (exact.length >= engine_module.CHANCE[1]).sum()


def test_the_chance_rule_leaves_out_stock_runs_too_short_to_be_a_passage(corpus):
    """On long pairs, runs of stock wording up to min_chars - 1 characters are left out (issue 13, 13e5):
    chained together near their diagonal, such runs were most of the chance passages between reports of
    different years. Runs of a passage's length or more are always kept."""
    assert engine_module.CHANCE[1] == PassageParams().min_chars
    a, b = _long_pair(corpus, 60_000)
    x, y = (normalize(t, keep_punctuation=False).text for t in (a, b))
    exact = find_runs_vectorised(GramTable(x, 4, 64), y)
    kept = long_runs(x, y, 4, 64, engine_module.CHANCE)
    between = (exact.length >= 8) & (exact.length < PassageParams().min_chars)
    kept_between = (kept.length >= 8) & (kept.length < PassageParams().min_chars)
    assert kept_between.sum() < 0.8 * between.sum()


def _asked_and_lone(a: str, b: str, params: PassageParams, monkeypatch) -> tuple[list, set, list]:
    """(the passages of a → b, the x stretches whose formula share was asked, the lone clauses' boxes):
    in the pair's canonical orientation, where x is indexed (the boxes are disjoint in x, so a stretch
    of x names its box)."""
    from app.core.passages.classify import lone_clauses
    from app.core.passages.engine import PreparedDocument, _box

    x, y = prepare(a, params), prepare(b, params)
    x, y = (x, y) if engine_module.canonical(x, y) else (y, x)
    groups = pair_groups(x, y, params)
    boxes = [_box(group) for group in groups]
    lone = [boxes[n] for n in lone_clauses(boxes, params, len(x.view.text), len(y.view.text))]
    asked: set[tuple[int, int]] = set()
    measure = PreparedDocument.formula_share

    def spied(document, start, end, *rest):
        if document is x:
            asked.add((start, end))
        return measure(document, start, end, *rest)

    monkeypatch.setattr(PreparedDocument, "formula_share", spied)
    passages, _ = engine_module.compare_prepared(x, y, 0, 1, params, groups=groups)
    monkeypatch.undo()
    return passages, asked, lone


@pytest.mark.parametrize("chars", [30_000, 60_000])
def test_lone_clauses_are_not_measured(corpus, monkeypatch, chars):
    """A lone clause is a formula by rule and its formula share is not measured, at any length (issue 13,
    notes/13e8.md): it says 1.0, no stretch of it is asked, and every other passage is measured. Measured,
    the passages and their kinds are the same."""
    params = PassageParams()
    a, b = _long_pair(corpus, chars)
    passages, asked, lone = _asked_and_lone(a, b, params, monkeypatch)
    assert len(lone) > 20
    assert not {(box.x0, box.x1) for box in lone} & asked
    assert len(asked) >= len(passages) - len(lone)
    assert sum(p.formula_share == 1.0 and p.kind == "formula" for p in passages) >= len(lone)
    # the same pair with its lone clauses measured (the engine before): only their shares differ
    monkeypatch.setattr(engine_module, "_unmeasured", lambda lone: set())
    measured, asked_all, _ = _asked_and_lone(a, b, params, monkeypatch)
    assert {(box.x0, box.x1) for box in lone} <= asked_all
    assert any(p.formula_share < 1.0 for p in measured if p.kind == "formula")
    without_share = [replace(p, formula_share=0.0) for p in passages]
    assert without_share == [replace(p, formula_share=0.0) for p in measured]
