"""Clicking, keyboard navigation and synchronised scrolling, checked by what each pane shows afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui.compare.highlights import CURRENT_KIND

from .conftest import corpus_document


def _point_of(reader, offset: int):
    cursor = reader.textCursor()
    cursor.setPosition(reader.offsets.to_qt(offset))
    return reader.cursorRect(cursor).center()


def _far_passage(view):
    """A copied passage whose two sides sit far apart in their speeches (so following it must scroll)."""
    return max(
        (p for p in view.result.passages if p.kind == "copy" and len(p.a_text) > 20),
        key=lambda p: abs(
            p.a_start / len(view.documents[p.a].text) - p.b_start / len(view.documents[p.b].text)
        ),
    )


def test_clicking_a_passage_scrolls_the_partner_to_its_counterpart(open_view, corpus, qtbot):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022)])
    view.act_sync.setChecked(False)
    view.sync.set_enabled(False)
    p = _far_passage(view)
    left, right = view.panes[p.a].reader, view.panes[p.b].reader
    right.scroll_to(0)
    assert not right.visible_range()[0] <= p.b_start < right.visible_range()[1]
    left.scroll_to(p.a_start, 0.3)
    qtbot.mouseClick(left.viewport(), Qt.MouseButton.LeftButton, pos=_point_of(left, p.a_start + 2))
    first, last = right.visible_range()
    assert first <= p.b_start < last, "the counterpart is in view"
    assert (p.b_start, p.b_end) in right.transient_ranges()[CURRENT_KIND]
    assert (p.a_start, p.a_end) in left.transient_ranges()[CURRENT_KIND]
    assert view.diff_panel.passage == p
    assert view.passage_dock.table.currentIndex().isValid()


def test_clicking_shared_text_marks_every_partner(open_view, corpus, qtbot):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022, 2023)])
    # text of speech 0 shared with both others
    by_start = {}
    for link in view.links[0]:
        by_start.setdefault(link.start, set()).add(link.partner)
    start = next(s for s, partners in by_start.items() if partners == {1, 2})
    reader = view.panes[0].reader
    reader.scroll_to(start, 0.3)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=_point_of(reader, start + 1))
    for partner in (1, 2):
        link = next(k for k in view.links[0] if k.start == start and k.partner == partner)
        other = view.panes[partner].reader
        assert (link.partner_start, link.partner_end) in other.transient_ranges()[CURRENT_KIND]
        first, last = other.visible_range()
        assert first <= link.partner_start < last


def test_f7_walks_through_the_passages_in_order(open_view, corpus, qtbot):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022)])
    view.panes[0].reader.setFocus()
    view.panes[0].reader.scroll_to(0)
    seen = []
    for _ in range(4):
        view.act_next.trigger()
        seen.append(view.current_number)
    starts = [next(k.start for k in view.links[0] if k.number == n) for n in seen]
    assert starts == sorted(starts) and len(set(seen)) == 4
    view.act_previous.trigger()
    assert view.current_number == seen[-2]
    shortcuts = {s.toString() for s in view.act_next.shortcuts()}
    assert {"F7", "Alt+Down"} <= shortcuts


def test_scrolling_one_pane_moves_the_other_to_the_mapped_position(open_view, corpus):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022)])
    left, right = view.panes[0].reader, view.panes[1].reader
    line_chars = 60  # a generous line's worth of characters at this width
    for fraction in (0.25, 0.5, 0.8):
        left.scroll_to(int(len(left.text()) * fraction), 0.5)
        wanted = view.sync.map(0, 1, view.sync.view_point(0))
        assert abs(view.sync.view_point(1) - wanted) <= 2 * line_chars
    # the map is anchored on passages: with a passage (of the in-order chain) mid-view on the left, the
    # right pane shows its counterpart
    anchors = view.sync._maps[0, 1]
    in_chain = [
        p for p in view.result.passages if p.a_start in anchors.here and p.a_start > len(left.text()) // 2
    ]
    p = in_chain[0]
    assert anchors.map(p.a_start) == p.b_start
    left.scroll_to(p.a_start, 0.5)
    first, last = right.visible_range()
    assert first <= p.b_start < last
    # unlocked, the other pane stays where it is
    view.act_sync.trigger()
    assert not view.sync.enabled
    before = right.first_visible_offset()
    left.scroll_to(10)
    assert right.first_visible_offset() == before


def test_with_three_panes_the_lead_pane_drives_the_others(open_view, corpus):
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022, 2023)])
    view.set_lead(1)
    assert view.panes[1].header.lead_button.isChecked()
    lead = view.panes[1].reader
    lead.scroll_to(len(lead.text()) // 2, 0.5)
    for other in (0, 2):
        wanted = view.sync.map(1, other, view.sync.view_point(1))
        assert abs(view.sync.view_point(other) - wanted) <= 120
    # scrolling a follower moves the lead, and the lead moves the third pane
    follower = view.panes[0].reader
    follower.scroll_to(len(follower.text()) // 5, 0.5)
    assert abs(view.sync.view_point(1) - view.sync.map(0, 1, view.sync.view_point(0))) <= 120
    assert abs(view.sync.view_point(2) - view.sync.map(1, 2, view.sync.view_point(1))) <= 120


def test_link_map_joins_visible_passages_and_a_click_selects_one(open_view, corpus, qtbot):
    # tall enough that the panes above the docks show the selected passage and a neighbour
    view = open_view([corpus_document(corpus, year) for year in (2021, 2022)], size=(1400, 1200))
    (link_map,) = view.link_maps
    p_number = next(n for n, p in enumerate(view.result.passages) if p.kind == "copy" and len(p.a_text) > 30)
    view.select_passage(p_number)
    bands = {link.number: path for path, link in link_map.bands()}
    assert p_number in bands
    left, right = view.panes[0].reader, view.panes[1].reader
    l0, l1 = left.visible_range()
    for number in bands:  # every band belongs to a passage visible on one side at least
        p = view.result.passages[number]
        r0, r1 = right.visible_range()
        assert (p.a_start < l1 and p.a_end > l0) or (p.b_start < r1 and p.b_end > r0)
    drawn = link_map.bands()
    other = next(link.number for path, link in drawn if link.number != p_number)
    point = next(path for path, link in drawn if link.number == other).boundingRect().center()
    on_top = [link.number for path, link in drawn if path.contains(point)][-1]  # the band drawn last
    qtbot.mouseClick(link_map, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert view.current_number == on_top != p_number


def test_links_made_pair_by_pair_in_any_order_are_those_of_the_whole_comparison(corpus):
    """PairwiseLinks numbers and sorts each document's Links as the pairs land, whatever their order."""
    from itertools import combinations

    from app.ui.compare.compute import CompareSettings, compute
    from app.ui.compare.links import PairwiseLinks, links_by_doc

    documents = [corpus_document(corpus, year) for year in (2016, 2017, 2018, 2019)]
    result = compute(documents, CompareSettings())
    pairs = list(combinations(range(len(documents)), 2))
    by_pair = {pair: [p for p in result.passages if (p.a, p.b) == pair] for pair in pairs}
    expected = links_by_doc(result.passages, len(documents))
    for order in (pairs, pairs[::-1], pairs[2:] + pairs[:2]):
        made = PairwiseLinks(pairs, len(documents))
        for pair in order[:-1]:
            made.add(pair, by_pair[pair])
        with pytest.raises(ValueError):
            made.links()
        made.add(order[-1], by_pair[order[-1]])
        assert made.links() == expected
