"""Shortcuts the passage engine takes on long pairs give exactly what the plain steps give: the
reordered-group cut skips an axis a part cannot be cut along, and claims are kept in byte maps
(`Occupancy`) that answer as interval lists do (free clauses, the plain greedy choice: test_array_paths)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.passages.align import _split_axis
from app.core.passages.extend import Candidate, make_candidate
from app.core.passages.intervals import IntervalSet, Occupancy

boxes = st.lists(
    st.tuples(st.integers(0, 400), st.integers(1, 60), st.integers(0, 400), st.integers(1, 60)),
    min_size=1,
    max_size=40,
)


def _candidates(drawn: list[tuple[int, int, int, int]]) -> list[Candidate]:
    return [Candidate(((x0, y0, 1),), x0, x0 + w, y0, y0 + h, 1) for x0, w, y0, h in drawn]


@settings(max_examples=400, deadline=None)
@given(drawn=boxes, axis=st.sampled_from([0, 1]), max_gap=st.sampled_from([0, 5, 30]))
def test_a_part_of_a_cut_is_one_part_along_the_same_axis(drawn, axis, max_gap):
    """`group_reordered` does not cut a part again along the axis it came from: cut, it gives itself back."""
    parts = _split_axis(_candidates(drawn), axis, max_gap)
    for part in parts:
        again = _split_axis(part, axis, max_gap)
        assert len(again) == 1
        assert [id(c) for c in again[0]] == [id(c) for c in part]


@given(x=st.integers(0, 10_000), y=st.integers(0, 10_000), size=st.integers(2, 500))
def test_a_candidate_of_one_run_spans_it_and_is_a_value(x, y, size):
    """`make_candidate`'s shortcut for one run spans what the general path spans for the same run in two
    pieces; a candidate is compared and hashed by its fields."""
    made = make_candidate([(x, y, size)])
    assert made == Candidate(((x, y, size),), x, x + size, y, y + size, size)
    assert hash(made) == hash(Candidate(((x, y, size),), x, x + size, y, y + size, size))
    halves = make_candidate([(x, y, 1), (x + 1, y + 1, size - 1)])
    assert (made.x0, made.x1, made.y0, made.y1, made.matched) == (
        halves.x0,
        halves.x1,
        halves.y0,
        halves.y1,
        halves.matched,
    )


spans = st.lists(st.tuples(st.integers(0, 80), st.integers(1, 20)), max_size=12)


@settings(max_examples=400, deadline=None)
@given(claims=spans, queries=spans)
def test_a_byte_map_answers_as_the_interval_list(claims, queries):
    """Same claims (overlapping, touching, in any order), same answers to every question resolution asks."""
    listed, mapped = IntervalSet(), Occupancy(100)
    for start, size in claims:
        listed.add(start, start + size)
        mapped.add(start, start + size)
    for start, size in [*queries, *claims]:
        assert mapped.overlaps(start, start + size) == listed.overlaps(start, start + size)
        assert mapped.free_parts(start, start + size) == listed.free_parts(start, start + size)
    union = IntervalSet.of((start, start + size) for start, size in claims)
    assert [n for n in range(100) if mapped.taken[n]] == [
        n for s, e in zip(union.starts, union.ends, strict=True) for n in range(s, e)
    ]
