"""Held reading panes (app.ui.pane.held_text): a held pane's first paint draws no text, each held pane is
drawn in an event-loop turn of its own, and where its lines sit does not depend on it having painted."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.ui.pane import held_text
from app.ui.pane.reading_pane import ReadingPane

TEXT = "\n".join(f"第{n}段。坚持以人民为中心的发展思想，推动高质量发展。" * 3 for n in range(400))


def _colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)}


def _row(qtbot, count: int) -> tuple[QWidget, list[ReadingPane]]:
    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    panes = [ReadingPane(TEXT) for _ in range(count)]
    for pane in panes:
        held_text.hold(pane)
        layout.addWidget(pane)
    row.resize(300 * count, 400)
    return row, panes


def test_a_held_pane_paints_no_text_until_its_turn(qtbot):
    _row_widget, (pane,) = _row(qtbot, 1)
    held = pane.viewport().grab().toImage()
    assert _colours(held) == {QColor(pane.palette().base().color()).rgb()}  # its background only
    assert pane.text_held  # it asked for its turn
    qtbot.waitUntil(lambda: not pane.text_held)
    assert len(_colours(pane.viewport().grab().toImage())) > 1  # the text is drawn


def test_held_panes_are_drawn_one_per_event_loop_turn(qtbot):
    row, panes = _row(qtbot, 3)
    row.show()
    qtbot.waitExposed(row)
    for pane in panes:
        held_text.may_paint(pane)  # each one has asked to paint (at most once in the queue)
    revealed: list[list[bool]] = []
    while any(pane.text_held for pane in panes):
        held_text._reveal_next()  # one turn of the queue's timer
        revealed.append([not pane.text_held for pane in panes])
    assert revealed == [[True, False, False], [True, True, False], [True, True, True]]


def test_a_held_pane_scrolls_and_reports_positions_as_a_drawn_one(qtbot):
    row, (held, drawn) = _row(qtbot, 2)
    held_text.reveal(drawn)
    row.show()  # sized, not painted yet: no event-loop turn has run
    target = TEXT.index("第250段")
    held.scroll_to(target, 0.5)
    assert held.text_held
    positions = (held.verticalScrollBar().value(), held.first_visible_offset(), held.offset_at(120))
    qtbot.waitExposed(row)
    drawn.scroll_to(target, 0.5)  # scrolled once its text is drawn
    qtbot.waitUntil(lambda: not held.text_held)
    assert positions == (
        drawn.verticalScrollBar().value(),
        drawn.first_visible_offset(),
        drawn.offset_at(120),
    )
    assert positions == (held.verticalScrollBar().value(), held.first_visible_offset(), held.offset_at(120))
    middle = drawn.offset_at(drawn.viewport().height() // 2)
    assert middle <= target < middle + 100


def test_a_claimed_pane_waits_for_its_caller(qtbot):
    row, (claimed, queued) = _row(qtbot, 2)
    row.show()
    qtbot.waitExposed(row)
    for pane in (claimed, queued):
        held_text.may_paint(pane)
    assert held_text.claim(claimed)
    qtbot.waitUntil(lambda: not queued.text_held)
    qtbot.wait(20)
    assert claimed.text_held and not held_text.may_paint(claimed)  # not queued again by a paint
    held_text.reveal(claimed)
    assert not claimed.text_held
    assert not held_text.claim(claimed)  # drawn already: nothing to claim


class _Counted(QWidget):
    """Counts its paint events (a held pane's companion: its strip, bar or header)."""

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumSize(20, 50)
        self.painted = 0

    def paintEvent(self, event) -> None:
        self.painted += 1


def test_a_held_panes_companions_are_painted_in_its_turn_not_before(qtbot):
    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    pane, other = ReadingPane(TEXT), ReadingPane(TEXT)
    strip, free = _Counted(), _Counted()
    header = QWidget()
    part = _Counted()  # a companion's child (a header's label)
    QHBoxLayout(header).addWidget(part)
    for widget in (pane, strip, header, other, free):
        layout.addWidget(widget)
    held_text.hold(pane, [strip, header])
    held_text.hold(other)
    row.resize(900, 400)
    row.show()  # laid out; no event-loop turn runs until the end
    row.grab()  # (the window's first paint)
    assert (strip.painted, part.painted, free.painted) == (0, 0, 1)  # a widget held with no pane paints
    assert held_text.may_paint(pane) is False and held_text.may_paint(other) is False  # both queued
    held_text._reveal_next()  # the pane's turn
    assert not pane.text_held and other.text_held
    row.grab()
    assert (strip.painted, part.painted) == (1, 1)
