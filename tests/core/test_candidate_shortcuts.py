"""Shortcuts in making a pair's candidates give exactly what the plain steps give: `trim_ends` walks a
piece's tail backwards instead of walking a flipped copy of it, a pair without a redaction does not
look for one between the blocks of each chain, and a piece of a chain is spanned from its first block
to its last (`chain_candidate`), which holds because a chain's blocks are in order in both texts, and
the pieces of a chain cut where it is weak are left out as they come when they span too little to be a
candidate (`extend.narrow`)."""

from __future__ import annotations

from itertools import pairwise
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.normalize import REDACTION
from app.core.passages import PassageParams, align, engine
from app.core.passages.align import _after_stray_head, trim_ends
from app.core.passages.extend import (
    chain_blocks,
    chain_candidate,
    chain_runs,
    make_candidate,
    narrow,
    split_weak,
)
from app.core.passages.seeds import Run, SeedIndex, find_runs


def _tail_by_flipping(blocks: list[Run], lo: int, hi: int) -> int:
    """The tail's cut as `trim_ends` made it before: the head cut of the piece mirrored (blocks negated)."""
    if hi - lo <= 1:
        return hi
    flipped = [(-x - n, -y - n, n) for x, y, n in reversed(blocks[lo:hi])]
    return hi - _after_stray_head(flipped, 0, hi - lo)


@st.composite
def pieces(draw: st.DrawFn) -> list[Run]:
    """Blocks increasing in x and y (as a chain makes them), with gaps and sizes around the stray rule's
    bounds (gaps up to 80, sizes 1 to 70: a stray end matches at most 64 characters)."""
    x, y, blocks = draw(st.integers(0, 50)), draw(st.integers(0, 50)), []
    for _ in range(draw(st.integers(0, 14))):
        size = draw(st.one_of(st.integers(1, 4), st.integers(1, 70)))
        blocks.append((x, y, size))
        x += size + draw(st.one_of(st.just(0), st.integers(0, 80)))
        y += size + draw(st.one_of(st.just(0), st.integers(0, 80)))
    return blocks


@settings(max_examples=600, deadline=None)
@given(blocks=pieces())
def test_trimming_the_tail_walked_backwards_cuts_what_the_flipped_walk_cut(blocks):
    with patch.object(align, "_before_stray_tail", _tail_by_flipping):
        flipped = trim_ends(blocks)
    assert trim_ends(blocks) == flipped


def test_trimming_keeps_a_known_piece_and_cuts_stray_ends():
    """A single character at either end goes; a short head or tail across a wider gap goes; the rest stays."""
    body = [(100, 200, 30), (132, 231, 25)]
    assert trim_ends([(10, 20, 1), *body, (170, 270, 1)]) == body
    assert trim_ends([(40, 140, 5), *body]) == body  # 5 matched, then a gap of 55
    assert trim_ends([*body, (200, 300, 6)]) == body  # a gap of 43, then 6 matched
    assert trim_ends([(90, 190, 6), *body]) == [(90, 190, 6), *body]  # a gap of 4: kept


class _CountedSlices(list):
    """A list that counts the elements its slices copy."""

    copied = 0

    def __getitem__(self, key):
        if isinstance(key, slice):
            _CountedSlices.copied += len(range(*key.indices(len(self))))
        return super().__getitem__(key)


def test_trimming_a_long_piece_copies_only_what_it_keeps():
    """The tail is walked in place: a long piece (a chain of a long pair can hold hundreds of blocks) is
    copied once, for the answer, not once or twice more per pass to be walked backwards."""
    blocks = _CountedSlices((1000 * n, 1000 * n + 7, 900) for n in range(500))
    _CountedSlices.copied = 0
    assert trim_ends(blocks) == list(blocks)
    assert _CountedSlices.copied == len(blocks)


def _candidates_counting_splits(a: str, b: str) -> tuple[list, int]:
    params = PassageParams()
    x, y = engine.prepare(a, params), engine.prepare(b, params)
    calls = 0
    split = engine.split_at_redactions

    def counted(*args):
        nonlocal calls
        calls += 1
        return split(*args)

    _runs, chainable = engine._seed_runs(x, y, params, None, None)
    with patch.object(engine, "split_at_redactions", counted):
        found = engine._candidates(chainable, x, y, params)
    return found, calls


_SHARED = "坚持以人民为中心的发展思想，推动高质量发展取得新成效，全面深化改革开放不断迈出新步伐。"
_EDITED = "坚持以人民为中心的发展思想，推动经济高质量发展取得明显成效，全面深化改革开放迈出新步伐。"


def test_a_pair_without_redactions_is_not_searched_for_them_and_one_with_them_is():
    """Chains with gaps (an edited sentence) are cut at redactions only where a text holds one, and the
    candidates of a pair without any are what the plain cut makes (it would find none to cut at)."""
    plain, calls = _candidates_counting_splits("前言。" + _SHARED, "开头。" + _EDITED)
    assert plain and any(len(c.blocks) > 1 for c in plain)
    assert calls == 0
    with patch.object(engine, "REDACTION", "发"):  # as if the texts held a redaction: every chain is cut
        forced, forced_calls = _candidates_counting_splits("前言。" + _SHARED, "开头。" + _EDITED)
    assert forced_calls > 0 and forced == plain
    _found, calls = _candidates_counting_splits(
        "前言。" + _SHARED.replace("全面", "全面" + REDACTION), "开头。" + _EDITED
    )
    assert calls > 0  # (what the cut makes: test_redaction_runs)


@settings(max_examples=600, deadline=None)
@given(blocks=pieces().filter(bool))
def test_a_candidate_of_ordered_blocks_is_the_one_make_candidate_makes(blocks):
    assert chain_candidate(blocks) == make_candidate(blocks)


@settings(max_examples=150, deadline=None)
@given(
    a=st.text(alphabet="甲乙丙丁戊，", min_size=0, max_size=120),
    edits=st.lists(st.tuples(st.integers(0, 119), st.sampled_from(["", "己", "甲乙", "丙丙丙"])), max_size=6),
)
def test_the_blocks_of_a_chain_are_in_order_and_disjoint_in_both_texts(a, edits):
    """What `chain_candidate` takes for granted of `chain_blocks`' blocks (and so of any run of them)."""
    b = list(a)
    for at, new in sorted(edits, reverse=True):
        b[at : at + 1] = new
    b = "".join(b)
    runs = find_runs(SeedIndex(a, 2, 1000), b)
    for chain in chain_runs(runs, 16):
        blocks = chain_blocks(chain, a, b)
        for (x, y, n), (x2, y2, _n2) in pairwise(blocks):
            assert n > 0 and x + n <= x2 and y + n <= y2


def test_a_weak_chain_leaves_out_pieces_too_narrow_to_be_a_candidate():
    """Chance runs chained across gaps are cut at the gaps until each piece is one block; with the least
    span a candidate needs, the pieces spanning less are left out as they come (the blocks of the first
    piece span 12 characters in both texts, the others 8 or less)."""
    chain = [(0, 0, 8), (8, 8, 4), (40, 41, 4), (80, 79, 4), (84, 83, 4)]
    assert [piece for piece, _whole in split_weak(chain, 0.8)] == [
        [(80, 79, 4), (84, 83, 4)],
        [(40, 41, 4)],
        [(0, 0, 8), (8, 8, 4)],
    ]
    assert [piece for piece, _whole in split_weak(chain, 0.8, 12)] == [[(0, 0, 8), (8, 8, 4)]]
    assert narrow([(0, 0, 8), (8, 8, 3)], 12) and not narrow([(0, 0, 8), (8, 8, 4)], 12)
    assert narrow([(0, 1, 8), (8, 8, 4)], 12)  # 12 in x, 11 in y


def _splitting_all(blocks: list[Run], min_similarity: float, _min_chars: int = 0) -> list:
    return split_weak(blocks, min_similarity)


@settings(max_examples=300, deadline=None)
@given(
    a=st.text(alphabet="甲乙丙丁戊，", min_size=0, max_size=160),
    edits=st.lists(st.tuples(st.integers(0, 159), st.sampled_from(["", "己", "甲乙", "丙丙丙"])), max_size=8),
    min_chars=st.sampled_from([4, 5, 6, 12]),
)
def test_leaving_out_narrow_pieces_changes_no_candidate(a, edits, min_chars):
    """A pair's candidates are those made when every piece of every chain is trimmed and tested (short
    seeds, so that chains of several runs, and pieces spanning just `min_chars`, are common)."""
    b = list(a)
    for at, new in sorted(edits, reverse=True):
        b[at : at + 1] = new
    params = PassageParams(min_chars=min_chars, seed_chars=2)
    x, y = engine.prepare(a, params), engine.prepare("".join(b), params)
    _runs, chainable = engine._seed_runs(x, y, params, None, None)
    found = engine._candidates(chainable, x, y, params)
    with patch.object(engine, "split_weak", _splitting_all):
        assert found == engine._candidates(chainable, x, y, params)
