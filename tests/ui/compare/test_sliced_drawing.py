"""The compare view's GUI work in slices: the matrix and the link maps get their links in queued steps of
their own, and every layer, map, strip and the matrix is set once the queue has drained; the overview
strips place their marks when they get their links, not in the repaint; the link maps place their bands'
ends as before (each point mapped through the window)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor

from app.ui.common.tasks import TaskRunner
from app.ui.compare import CompareView
from app.ui.compare.highlights import apply_highlights
from app.ui.compare.overview import OverviewBar, forget_placed
from app.ui.pane import held_text
from app.ui.pane.reading_pane import ReadingPane

from .conftest import sample_document

SAMPLES = (
    "01-city-study-session.txt",
    "02-county-government-work-report.txt",
    "03-theme-education-mobilisation.txt",
    "04-county-exchange-remarks.txt",
)


def _documents(prefix: str = ""):
    return [sample_document(name, prefix) for name in SAMPLES]


def test_every_layer_map_strip_and_the_matrix_are_set_once_the_queue_has_drained(qtbot):
    view = CompareView(_documents("slices "), runner=TaskRunner(inline=True))
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    with qtbot.waitSignal(view.highlights_ready, timeout=20000):
        pass
    assert not view._steps
    # every layer, link map, strip and the matrix are set once the queue has drained
    for pane in view.panes:
        fresh = ReadingPane(pane.reader.text())
        apply_highlights(fresh, view.links[pane.index], view.labels(), top_partner=view.sync.lead)
        assert fresh.mark_kinds() == pane.reader.mark_kinds()
        for kind in fresh.mark_kinds():
            assert fresh.marks(kind) == pane.reader.marks(kind)
        assert pane.overview._links == view._overview_links(pane.index)
    for index, link_map in enumerate(view.link_maps):
        assert link_map._links and all(k.partner == index + 1 for k in link_map._links)
    assert view.matrix._labels == view.labels()
    # the maps get their bands in steps of their own, not with the result's arrival
    for link_map in view.link_maps:
        link_map.set_links([])
    view.apply_result(view.result)
    assert not any(link_map._links for link_map in view.link_maps)
    view.wait_until_highlighted()
    assert all(link_map._links for link_map in view.link_maps)


def test_an_overview_strip_places_its_marks_when_it_gets_its_links(open_view):
    view = open_view(_documents("strip "))
    bar = view.panes[0].overview
    placed = bar.mark_rects()
    calls: list[int] = []
    original = bar.mark_rects
    bar.mark_rects = lambda: (calls.append(1), original())[1]
    forget_placed()  # else the strip finds these links' marks placed already
    bar.set_links(view._overview_links(0))
    assert calls == [1]
    bar.repaint()
    assert calls == [1]  # the repaint reads the marks placed by set_links
    assert [r for r, _ in placed] == [r for r, _ in bar._painted[1]]


def test_a_strip_repaints_only_when_its_current_passage_changes(open_view):
    bar = open_view(_documents("current ")).panes[0].overview
    updates: list[int] = []
    bar.update = lambda *args: updates.append(1)  # type: ignore[method-assign]
    bar.set_current([])  # what every strip hears when a result lands: nothing was current
    assert updates == []
    bar.set_current([(3, 9)])
    bar.set_current([(3, 9)])
    bar.set_current([])
    assert updates == [1, 1]


def test_a_reopened_comparisons_strips_place_no_mark_again(open_view, qtbot):
    first = open_view(_documents("again "))
    placed = [bar._painted[1] for bar in (pane.overview for pane in first.panes)]
    first.close()
    calls: list[int] = []
    original = OverviewBar.mark_rects

    def counted(bar: OverviewBar):
        calls.append(1)
        return original(bar)

    OverviewBar.mark_rects = counted  # type: ignore[method-assign]
    try:
        again = open_view(_documents("again "))  # the same texts: the remembered result, the same Links
        assert calls == []
        for pane, marks in zip(again.panes, placed, strict=True):
            assert pane.overview._painted[1] == marks
        # other links (formulas hidden): placed anew
        again.set_formulas_visible(False)
        assert len(calls) == len(again.panes)
    finally:
        OverviewBar.mark_rects = original  # type: ignore[method-assign]


def test_panes_text_is_drawn_after_the_first_paint_and_lands_where_it_did(qtbot, monkeypatch):
    def shown(hold: bool) -> list[tuple[int, int]]:
        view = CompareView(_documents("held "), runner=TaskRunner(inline=True))
        qtbot.addWidget(view)
        view.resize(1400, 900)
        view.show()
        assert [pane.reader.text_held for pane in view.panes] == [hold] * len(view.panes)
        qtbot.waitUntil(lambda: view.result is not None and not view._steps)
        qtbot.waitUntil(lambda: not any(pane.reader.text_held for pane in view.panes))
        positions = [
            (p.reader.verticalScrollBar().value(), p.reader.first_visible_offset()) for p in view.panes
        ]
        view.close()
        return positions

    shown(True)  # computes the result: the views below get it at once, remembered (result_memo)
    held = shown(True)
    monkeypatch.setattr(held_text, "hold", lambda _pane, _companions=(): None)
    assert held == shown(False)


def test_a_reopened_comparisons_panes_are_drawn_once_already_highlighted(qtbot, monkeypatch):
    first = CompareView(_documents("claimed "), runner=TaskRunner(inline=True))
    qtbot.addWidget(first)
    first.wait_until_highlighted()
    first.close()
    kinds_when_drawn: dict[int, set[str]] = {}
    reveal = held_text._reveal

    def recorded(pane) -> None:
        kinds_when_drawn.setdefault(id(pane), set(pane.mark_kinds()))
        reveal(pane)

    monkeypatch.setattr(held_text, "_reveal", recorded)
    again = CompareView(_documents("claimed "), runner=TaskRunner(inline=True))  # the remembered result
    qtbot.addWidget(again)
    again.resize(1400, 900)
    again.show()
    qtbot.waitUntil(lambda: not any(pane.reader.text_held for pane in again.panes))
    assert len(kinds_when_drawn) == len(again.panes)
    assert all(any(kind.startswith("copy-") for kind in kinds) for kinds in kinds_when_drawn.values())


def _old_y(link_map, pane: ReadingPane, offset: int, bottom: bool) -> float:
    """A band end placed as before the per-paint placer (each point mapped through the window)."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.offsets.to_qt(min(offset, len(pane.text()))))
    rect = pane.cursorRect(cursor)
    point = pane.viewport().mapTo(link_map.window(), QPoint(0, rect.bottom() if bottom else rect.top()))
    return float(min(max(link_map.mapFrom(link_map.window(), point).y(), -4), link_map.height() + 4))


def test_link_map_bands_end_where_each_point_maps_through_the_window(open_view):
    view = open_view(_documents("bands "))
    for fraction in (0.0, 0.4, 0.8):
        for pane in view.panes:
            pane.reader.scroll_to(int(len(pane.reader.text()) * fraction), 0.5)
        checked = 0
        for link_map in view.link_maps:
            for path, link in link_map.bands():
                a0, a1 = (
                    _old_y(link_map, link_map.left, link.start, False),
                    _old_y(link_map, link_map.left, link.end, True),
                )
                b0 = _old_y(link_map, link_map.right, link.partner_start, False)
                b1 = _old_y(link_map, link_map.right, link.partner_end, True)
                ends = {(e.x, e.y) for e in (path.elementAt(i) for i in range(path.elementCount()))}
                w = float(link_map.width())
                assert {(0, a0), (w, b0), (w, b1), (0, a1)} <= ends
                checked += 1
        assert checked
