"""Shortcuts the passage engine takes on long pairs give exactly what the plain steps give: the
reordered-group cut skips an axis a part cannot be cut along, claims are kept in byte maps
(`Occupancy`) that answer as interval lists do (free clauses, the plain greedy choice: test_array_paths), and
resolution passes over a candidate whose unclaimed rest cannot make an acceptable piece."""

from __future__ import annotations

from heapq import heappop
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.passages import align
from app.core.passages.align import _split_axis, resolve
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
        free = listed.free_parts(start, start + size)
        assert mapped.free_count(start, start + size) == sum(end - begin for begin, end in free)
    union = IntervalSet.of((start, start + size) for start, size in claims)
    assert [n for n in range(100) if mapped.taken[n]] == [
        n for s, e in zip(union.starts, union.ends, strict=True) for n in range(s, e)
    ]


#: Runs (x, y, length), in any order and overlapping: candidates as chains and resolution make them.
runs = st.lists(
    st.tuples(st.integers(0, 120), st.integers(0, 120), st.integers(1, 30)), min_size=1, max_size=4
)


@settings(max_examples=500, deadline=None)
@given(
    drawn=st.lists(runs, min_size=1, max_size=30),
    min_chars=st.sampled_from([1, 3, 6, 12]),
    min_similarity=st.sampled_from([0.3, 0.8, 1.0]),
    max_gap=st.sampled_from([2, 16]),
    context=st.sampled_from([0, 20]),
)
def test_resolution_skips_only_candidates_that_leave_no_acceptable_piece(
    drawn, min_chars, min_similarity, max_gap, context
):
    """`_claim` passes over a candidate whose unclaimed blocks match too little for any acceptable piece
    (`_too_little_left`): resolving the same candidates making every candidate's pieces gives the same."""
    candidates = [make_candidate(blocks) for blocks in drawn]
    shortcut = resolve(candidates, min_chars, min_similarity, max_gap, context)
    with patch.object(align, "_too_little_left", lambda *_args: False):
        every_piece = resolve(candidates, min_chars, min_similarity, max_gap, context)
    assert shortcut == every_piece


def test_the_drawn_candidates_leave_pieces_to_skip():
    """Two readings of one run: the weaker loses all its text, a third keeps an acceptable piece."""
    candidates = [make_candidate([(0, 0, 20)]), make_candidate([(0, 40, 10)]), make_candidate([(10, 60, 20)])]
    xs, ys = align._maps(100, 100, candidates[:1])
    assert align._too_little_left(candidates[1], xs, ys, 6, 0.8)
    assert not align._too_little_left(candidates[2], xs, ys, 6, 0.8)
    assert len(resolve(candidates, 6, 0.8, 16)) == 2
    # at the bound: 3 characters left of 10, all matched, is a passage of 3 at similarity 1.0
    stronger, weaker = make_candidate([(3, 50, 7), (10, 57, 20)]), make_candidate([(0, 0, 10)])
    assert resolve([stronger, weaker], 3, 1.0, 16) == [stronger, make_candidate([(0, 0, 3)])]


def test_resolution_ends_when_what_is_left_of_a_candidate_comes_back_whole():
    """Blocks out of order (the drawn candidates above have them; chains never do) can leave a candidate
    whose unclaimed rest is itself, its span still holding claimed text: it is passed over, not pushed
    back for ever (the test above hung on such draws now and then)."""
    first = make_candidate([(77, 63, 13), (63, 46, 29)])
    across = make_candidate([(115, 74, 23), (25, 112, 22)])  # spans both others in x
    last = make_candidate([(96, 18, 15)])
    pops = 0

    def counted(heap):
        nonlocal pops
        pops += 1
        assert pops < 1_000, "resolution does not end"
        return heappop(heap)

    with patch.object(align.heapq, "heappop", counted):
        assert resolve([first, across, last], 1, 0.3, 16, 20) == [first, last]
