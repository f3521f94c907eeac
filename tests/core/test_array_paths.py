"""Array versions of the passage engine's Python loops (used on long passages and many candidates)
give exactly what the loops give: listed slogans, neighbour support, free clauses (both paths are also
the plain greedy choice, said plainly here), resolution's order of candidates, each run once."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.normalize import REDACTION, normalize
from app.core.passages import parallel_lists, vector_runs
from app.core.passages.align import _entry, _free_clauses, _neighbour_support
from app.core.passages.extend import Candidate, make_candidate
from app.core.passages.long_runs import _first_of_each
from app.core.passages.parallel_lists import _spans_arrays, _spans_python, parallel_spans
from app.core.passages.vector_runs import GramTable, find_runs_vectorised, neighbour_support, strength_order

#: Few letters, two function characters (never a listed final) and a redaction: many repeats at short steps.
slogans = st.text(alphabet="ab的和x" + REDACTION, max_size=120)


@settings(max_examples=400, deadline=None)
@given(text=slogans)
def test_listed_slogans_from_arrays_equal_the_walk(text):
    assert sorted(_spans_arrays(text)) == sorted(_spans_python(text))


def test_listed_slogans_are_found_in_a_real_list():
    text = "面向世界面向未来面向现代化识变应变求变"
    spans = sorted(_spans_arrays(text))
    assert spans == sorted(_spans_python(text))
    assert (0, 12) in spans  # 面向 three times, every 4 characters
    assert (13, 19) in spans  # 识变、应变、求变: 变 every 2 characters


@pytest.mark.corpus
def test_listed_slogans_of_long_reports_are_the_same_either_way(corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "gwr-state-council").glob("*.txt"))[:12]]
    text = normalize("\n".join(texts), keep_punctuation=False).text
    assert len(text) > parallel_lists.ARRAY_CHARS
    found = sorted(parallel_spans(text))
    assert found == sorted(_spans_python(text))
    assert len(found) > 100


def _candidates(draw_boxes: list[tuple[int, int, int, int, int]]) -> list[Candidate]:
    return [Candidate(((x0, y0, 1),), x0, x0 + w, y0, y0 + h, m) for x0, w, y0, h, m in draw_boxes]


boxes = st.lists(
    st.tuples(
        st.integers(0, 300), st.integers(1, 120), st.integers(0, 300), st.integers(1, 120), st.integers(1, 50)
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(drawn=boxes, reach=st.sampled_from([0, 8, 64]), at_once=st.sampled_from([1, 7, 1 << 20]))
def test_neighbour_support_from_arrays_equals_the_loop(drawn, reach, at_once):
    cands = _candidates(drawn)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vector_runs, "_PAIRS_AT_ONCE", at_once)  # blocks of pairs, even of one pair
        assert neighbour_support(cands, reach) == _neighbour_support(cands, reach)


def _greedy_clauses(accepted: list[Candidate], runs: list[tuple[int, int, int]], chars: int) -> list[tuple]:
    """What free clauses are, said plainly: longest first (then by x, y), a run of `chars` or more is kept
    when it overlaps no passage and no clause kept before it, in either text."""
    kept: list[tuple[int, int, int]] = []
    for x, y, n in sorted((r for r in runs if r[2] >= chars), key=lambda r: (-r[2], r[0], r[1])):
        held = [(c.x0, c.x1, c.y0, c.y1) for c in accepted] + [(a, a + m, b, b + m) for a, b, m in kept]
        if all((x + n <= x0 or x1 <= x) and (y + n <= y0 or y1 <= y) for x0, x1, y0, y1 in held):
            kept.append((x, y, n))
    return kept


texts = st.text(alphabet="abc" + REDACTION, max_size=200)


@settings(max_examples=300, deadline=None)
@given(x=texts, y=texts, chars=st.sampled_from([2, 3, 5]), data=st.data())
def test_free_clauses_from_arrays_equal_the_greedy_pass(x, y, chars, data):
    found = find_runs_vectorised(GramTable(x, 2, 3), y)
    runs = found.to_list()
    # accepted passages are disjoint in both texts: take some runs that are
    accepted: list[Candidate] = []
    for run in data.draw(st.lists(st.sampled_from(runs), max_size=4)) if runs else []:
        c = make_candidate([run])
        if all(c.x1 <= o.x0 or o.x1 <= c.x0 for o in accepted) and all(
            c.y1 <= o.y0 or o.y1 <= c.y0 for o in accepted
        ):
            accepted.append(c)
    assert _free_clauses(accepted, found, chars) == _free_clauses(accepted, runs, chars)
    assert [c.blocks[0] for c in _free_clauses(accepted, runs, chars)] == _greedy_clauses(
        accepted, runs, chars
    )


@settings(max_examples=300, deadline=None)
@given(drawn=boxes, support=st.lists(st.integers(0, 120), min_size=40, max_size=40))
def test_resolution_order_from_arrays_equals_the_sort(drawn, support):
    # few places and lengths: many equal strengths, supports and starts, so every key breaks some tie
    candidates = _candidates(drawn)
    held = support[: len(candidates)]
    keys = sorted(_entry(n, c, held[n])[:5] for n, c in enumerate(candidates))
    assert strength_order(candidates, held) == keys


@settings(max_examples=300, deadline=None)
@given(keys=st.lists(st.integers(0, 1 << 40) | st.integers(0, 6), max_size=60))
def test_first_of_each_key_equals_numpy_unique(keys):
    import numpy as np

    array = np.array(keys, dtype=np.int64)
    assert _first_of_each(array).tolist() == np.unique(array, return_index=True)[1].tolist()
