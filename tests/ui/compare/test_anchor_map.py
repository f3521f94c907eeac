"""The scroll-sync map: anchored on passages, interpolated between them, never running backwards."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.passages import Passage
from app.ui.compare.links import AnchorMap, Link


def _link(number: int, start: int, end: int, partner_start: int, partner_end: int) -> Link:
    p = Passage(0, 1, start, end, partner_start, partner_end, 1.0, "copy", "", "")
    return Link(number, 0, 1, start, end, partner_start, partner_end, p)


def test_passages_are_anchors_and_gaps_interpolate():
    anchors = AnchorMap([_link(0, 100, 200, 1000, 1100)], 1000, 2000)
    assert anchors.map(100) == 1000 and anchors.map(200) == 1100
    assert anchors.map(150) == 1050
    assert anchors.map(50) == 500  # between the start of both texts and the passage
    assert anchors.map(600) == 1550  # halfway from the passage end (200→1100) to the ends (1000→2000)


def test_a_moved_passage_does_not_pull_the_map_backwards():
    links = [_link(0, 100, 200, 100, 200), _link(1, 300, 400, 50, 90), _link(2, 500, 700, 500, 700)]
    anchors = AnchorMap(links, 1000, 1000)
    assert anchors.map(350) == 350  # the moved passage (300→50) is not an anchor
    assert anchors.map(600) == 600


@given(
    st.lists(
        st.tuples(st.integers(0, 900), st.integers(1, 80), st.integers(0, 900), st.integers(1, 80)),
        max_size=25,
    ),
    st.lists(st.integers(0, 1000), min_size=2, max_size=30),
)
def test_the_map_is_monotonic_and_stays_inside_the_partner(spans, probes):
    links = [_link(n, a, a + la, b, b + lb) for n, (a, la, b, lb) in enumerate(spans)]
    anchors = AnchorMap(links, 1000, 1000)
    mapped = [anchors.map(x) for x in sorted(probes)]
    assert mapped == sorted(mapped)
    assert all(0 <= y <= 1000 for y in mapped)


def test_neighbour_link_walks_in_order_wraps_and_starts_at_the_view():
    from app.ui.compare.links import neighbour_link

    links = [_link(n, start, start + 10, start, start + 10) for n, start in enumerate((100, 300, 500))]
    assert neighbour_link(links, 1, 0, True).number == 2
    assert neighbour_link(links, 2, 0, True).number == 0  # wraps
    assert neighbour_link(links, 0, 0, False).number == 2
    assert neighbour_link(links, -1, 250, True).number == 1  # first passage at or below the view's top
    assert neighbour_link(links, -1, 900, True).number == 0
    assert neighbour_link(links, -1, 900, False).number == 2
    assert neighbour_link([], -1, 0, True) is None


def _quadratic_chain(links: list[Link]) -> list[Link]:
    """The plain O(n²) scan the fast chain replaced: the reference it must agree with, ties included."""
    if not links:
        return []
    best = [link.end - link.start for link in links]
    back = [-1] * len(links)
    for i, link in enumerate(links):
        for j in range(i):
            follows = links[j].end <= link.start and links[j].partner_end <= link.partner_start
            if follows and best[j] + link.end - link.start > best[i]:
                best[i], back[i] = best[j] + link.end - link.start, j
    i = max(range(len(links)), key=best.__getitem__)
    chain = []
    while i >= 0:
        chain.append(links[i])
        i = back[i]
    return chain[::-1]


@given(
    st.lists(
        st.tuples(st.integers(0, 300), st.integers(1, 30), st.integers(0, 300), st.integers(1, 30)),
        max_size=40,
    )
)
def test_the_heaviest_chain_is_the_quadratic_scans_chain(spans):
    from app.ui.compare.links import _heaviest_chain

    links = sorted(
        (_link(n, a, a + la, b, b + lb) for n, (a, la, b, lb) in enumerate(spans)),
        key=lambda k: (k.start, k.partner_start),
    )
    assert [k.number for k in _heaviest_chain(links)] == [k.number for k in _quadratic_chain(links)]
