"""The array chaining (`vector_chains`) gives exactly what the plain-Python chaining gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.normalize import REDACTION
from app.core.passages.extend import chain_runs
from app.core.passages.vector_chains import chain_runs_vectorised, lone_short_runs
from app.core.passages.vector_runs import GramTable, RunArrays, find_runs_vectorised

#: Few letters and a redaction: many runs on neighbouring diagonals, overlapping and nested ones.
texts = st.text(alphabet="abc" + REDACTION, max_size=260)
#: Runs as `find_runs` gives them (sorted, distinct), placed freely: runs of any length and diagonal, ties
#: of score, predecessors in all three bands, chains that share a predecessor.
free_runs = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 60), st.integers(1, 12)), max_size=60, unique=True
).map(sorted)


def _arrays(runs: list[tuple[int, int, int]]) -> RunArrays:
    columns = list(zip(*runs, strict=True)) or [(), (), ()]
    return RunArrays(*(np.array(column, dtype=np.int64) for column in columns))


@settings(max_examples=300, deadline=None)
@given(runs=free_runs, gap=st.sampled_from([0, 1, 3, 16]), min_chars=st.sampled_from([0, 5, 12]))
def test_the_same_chains_as_chain_runs(runs, gap, min_chars):
    assert chain_runs_vectorised(_arrays(runs), gap, min_chars) == chain_runs(runs, gap, min_chars)


@settings(max_examples=200, deadline=None)
@given(x=texts, y=texts, k=st.sampled_from([2, 3]), gap=st.sampled_from([1, 3, 16]))
def test_the_same_chains_of_found_runs_with_the_lone_ones_left_out(x, y, k, gap):
    """As the engine chains: the runs of a pair, without the lone short ones (12: most are short)."""
    found = find_runs_vectorised(GramTable(x, k, 3), y)
    kept = ~lone_short_runs(found, gap, 12)
    expected = chain_runs(found.to_list(kept), gap, 12)
    assert chain_runs_vectorised(found.of(kept), gap, 12) == expected
    assert expected == chain_runs(found.to_list(), gap, 12)  # and leaving them out changes no chain


def _lone(runs: list[tuple[int, int, int]], gap: int, min_chars: int) -> list[bool]:
    """`lone_short_runs` by its definition: a short run with no run of its own or a neighbouring band
    ending in [x - gap, x + length - 1] or starting in [x + 1, x + length + gap]."""
    width = max(gap, 1)

    def linked(x: int, y: int, n: int) -> bool:
        return n >= min_chars or any(
            abs((q - p) // width - (y - x) // width) <= 1
            and (x - gap <= p + m <= x + n - 1 or x + 1 <= p <= x + n + gap)
            for p, q, m in runs
        )

    return [not linked(*run) for run in runs]


@settings(max_examples=300, deadline=None)
@given(runs=free_runs, gap=st.sampled_from([0, 1, 3, 16]), min_chars=st.sampled_from([5, 12]))
def test_lone_short_runs_by_their_definition(runs, gap, min_chars):
    assert lone_short_runs(_arrays(runs), gap, min_chars).tolist() == _lone(runs, gap, min_chars)


def test_a_tie_goes_to_the_predecessor_chain_runs_visits_first():
    """Two predecessors score the same for (20, 20, 5): the one of the lower band, as `chain_runs` visits
    the bands (free runs seldom tie across bands)."""
    lower_band, own_band, run = (16, 15, 4), (15, 16, 4), (20, 20, 5)
    runs = sorted([lower_band, own_band, run])
    expected = chain_runs(runs, 3, 0)
    assert [lower_band, run] in expected
    assert chain_runs_vectorised(_arrays(runs), 3, 0) == expected
