"""Two, three and eight panes rendered offscreen: every pane shows its partners' colours where it should.

Set DUIDU_SHOTS to a folder to keep the PNGs (they are looked at by a person, not compared to a golden).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.ui.compare.highlights import colour_index

from .conftest import corpus_document

YEARS = {2: (2021, 2022), 3: (2021, 2022, 2023), 8: (2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024)}


def _colours_in(image, rect) -> set[str]:
    step = 3
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(rect.left(), rect.right(), step)
        for y in range(rect.top(), rect.bottom(), step)
    }


@pytest.mark.parametrize("count", [2, 3, pytest.param(8, marks=pytest.mark.slow)])
def test_rendered_panes_show_partner_colours(open_view, corpus, count, qapp):
    width = 1900 if count == 8 else 1500
    view = open_view([corpus_document(corpus, year) for year in YEARS[count]], size=(width, 900))
    view.select_passage(next(n for n, p in enumerate(view.result.passages) if p.kind == "copy" and p.a == 0))
    qapp.processEvents()  # let the toolbar and panes settle their geometry, as a user would see them
    image = view.grab().toImage()
    shots = os.environ.get("DUIDU_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(shots) / f"compare-{count}-panes.png"))
    for pane in view.panes:
        reader = pane.reader
        top_left = reader.viewport().mapTo(view, reader.viewport().rect().topLeft())
        rect = reader.viewport().rect().translated(top_left)
        seen = _colours_in(image, rect)
        first, last = reader.visible_range()
        visible = [k for k in view.links[pane.index] if k.kind == "copy" and k.start < last and k.end > first]
        expected = {view.theme.partner_colour(colour_index(k, count)).name() for k in visible}
        assert seen & expected, f"pane {pane.index + 1} shows none of its passage colours"


def test_the_lead_pane_colour_is_drawn_on_top(open_view, corpus):
    view = open_view([corpus_document(corpus, year) for year in YEARS[3]])
    shared = {}
    for link in view.links[0]:
        if link.kind == "copy":
            shared.setdefault((link.start, link.end), set()).add(link.partner)
    start, end = next(span for span, partners in shared.items() if partners == {1, 2})
    reader = view.panes[0].reader

    def colour_at(offset: int) -> str:
        position = reader.offsets.to_qt(offset)
        block = reader.document().findBlock(position)
        for fr in block.layout().formats():
            if fr.start <= position - block.position() < fr.start + fr.length:
                return fr.format.background().color().name()
        return ""

    middle = (start + end) // 2
    view.set_lead(1)
    view.wait_until_highlighted()
    assert colour_at(middle) == view.theme.partner_colour(1).name()
    view.set_lead(2)
    view.wait_until_highlighted()
    assert colour_at(middle) == view.theme.partner_colour(2).name()


def test_overview_marks_sit_where_the_passages_are_and_clicks_scroll(open_view, corpus, qtbot):
    from PySide6.QtCore import QPoint, Qt

    view = open_view([corpus_document(corpus, year) for year in YEARS[2]])
    bar = view.panes[1].overview
    rects = bar.mark_rects()
    assert len(rects) == len(view.links[1])
    length = len(view.documents[1].text)
    for rect, link in rects[:20]:
        assert abs(rect.top() - bar.height() * link.start / length) < 1
    view.sync.set_enabled(False)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() // 2, int(bar.height() * 0.75)))
    first, last = view.panes[1].reader.visible_range()
    assert first <= int(0.75 * length) <= last


def test_switching_to_dark_recolours_chips_swatches_and_layers(open_view, corpus):
    from app.ui.compare.passage_table import Col

    view = open_view([corpus_document(corpus, year) for year in YEARS[3]])
    theme = view.theme
    before = theme.preference
    try:
        theme.set_preference("light")
        light_chip = theme.partner_colour(1).name()
        assert light_chip in view.panes[1].header.chip.styleSheet()
        theme.set_preference("dark")
        dark_chip = theme.partner_colour(1).name()
        assert dark_chip != light_chip and dark_chip in view.panes[1].header.chip.styleSheet()
        model = view.passage_dock.model
        row = next(r for r in range(model.rowCount()) if model.passage(r).kind == "copy")
        swatch = model.index(row, Col.PAIR).data(Qt.ItemDataRole.DecorationRole)
        assert swatch.name() == theme.partner_colour(model.passage(row).b).name()  # the partner's colour
    finally:
        theme.set_preference(before)
