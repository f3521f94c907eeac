"""Setting several mark layers in one batch draws exactly what setting them one by one draws, formatting
each block once; and a layer that touches only a few blocks of a long text still clears its old blocks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QTextCharFormat

from app.ui.pane.reading_pane import ReadingPane
from app.ui.pane.span_highlighter import KINDS_PROPERTY, SpanHighlighter

EXT_B = "\U0002000b"  # 𠀋, two UTF-16 units
#: 120 short paragraphs, an astral character in every fifth, so code points and Qt positions differ.
LINES = [
    ("𠀋" if i % 5 == 0 else "") + f"第{i}段，坚持稳中求进工作总基调，推动高质量发展。" for i in range(120)
]
TEXT = "\n".join(LINES)


def _style(colour: str):
    def style(_theme, _mark) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        return fmt

    return style


def _layers() -> dict[str, tuple[list[tuple[int, int]], str, int]]:
    starts = [TEXT.index(line) for line in LINES]
    copy_a = [(s + 2, s + 12) for s in starts[::3]]
    copy_b = [(s + 8, s + 20) for s in starts[::2]]  # overlaps copy_a on every sixth line
    across = [(starts[10] + 5, starts[12] + 4)]  # crosses two line breaks
    return {"copy-1": (copy_a, "#fc0", 2), "copy-2": (copy_b, "#0cf", 3), "copy-3": (across, "#c0f", 2)}


def _pane(qtbot) -> ReadingPane:
    pane = ReadingPane(TEXT)
    qtbot.addWidget(pane)
    pane.resize(300, 400)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def _set(pane: ReadingPane, layers) -> None:
    for kind, (spans, colour, priority) in layers.items():
        pane.set_marks(kind, spans, style=_style(colour), priority=priority)


def test_batch_draws_what_one_by_one_draws_and_formats_each_block_once(qtbot, monkeypatch):
    one_by_one, batched = _pane(qtbot), _pane(qtbot)
    layers = _layers()
    _set(one_by_one, layers)
    calls: list[int] = []
    original = SpanHighlighter.highlightBlock

    def counting(self, text):
        calls.append(self.currentBlock().blockNumber())
        original(self, text)

    monkeypatch.setattr(SpanHighlighter, "highlightBlock", counting)
    with batched.batch_marks():
        _set(batched, layers)
        assert not calls, "nothing is formatted before the batch ends"
        assert "copy-1" not in batched.highlighted_ranges()
    assert sorted(calls) == sorted(set(calls)), "a block was formatted more than once"
    drawn = batched.highlighted_ranges()
    assert drawn == one_by_one.highlighted_ranges()
    for kind, (spans, _colour, _priority) in layers.items():
        assert drawn[kind] == spans


def test_batch_clears_and_replaces_layers_and_nested_batches_draw_at_the_outer_end(qtbot):
    pane = _pane(qtbot)
    _set(pane, _layers())
    start = TEXT.index(LINES[50])
    with pane.batch_marks():
        pane.clear_marks("copy-2")
        with pane.batch_marks():
            pane.set_marks("copy-1", [(start, start + 3)], style=_style("#fc0"))
        assert pane.highlighted_ranges()["copy-2"], "the inner batch drew nothing yet"
    drawn = pane.highlighted_ranges()
    assert "copy-2" not in drawn
    assert drawn["copy-1"] == [(start, start + 3)]


def test_a_few_blocks_of_a_long_text_are_redrawn_and_their_old_marks_cleared(qtbot):
    # Two blocks of 120: the highlighter re-formats just those blocks, not the whole text.
    pane = _pane(qtbot)
    first, later = TEXT.index(LINES[20]), TEXT.index(LINES[90])
    pane.set_marks("copy-1", [(first + 1, first + 6)], style=_style("#fc0"))
    assert pane.highlighted_ranges()["copy-1"] == [(first + 1, first + 6)]
    pane.set_marks("copy-1", [(later + 3, later + 9)], style=_style("#fc0"))
    assert pane.highlighted_ranges()["copy-1"] == [(later + 3, later + 9)]
    pane.clear_marks("copy-1")
    assert "copy-1" not in pane.highlighted_ranges()


@pytest.mark.parametrize("spans", [[(0, 3)], [(1, 2), (4, 9)]])
def test_astral_text_batched_marks_are_exact(qtbot, spans):
    pane = _pane(qtbot)
    with pane.batch_marks():
        pane.set_marks("copy-1", spans, style=_style("#fc0"))
    assert TEXT[0] == EXT_B
    assert pane.highlighted_ranges()["copy-1"] == spans


def _formats(pane: ReadingPane) -> list[list[tuple[int, int, str, object]]]:
    """Every block's formatted ranges as Qt's layout holds them: where, colour and kinds."""
    out = []
    block = pane.document().begin()
    while block.isValid():
        out.append(
            [
                (r.start, r.length, r.format.background().color().name(), r.format.property(KINDS_PROPERTY))
                for r in block.layout().formats()
            ]
        )
        block = block.next()
    return out


def test_a_deferred_batch_merged_in_slices_draws_what_a_plain_batch_draws(qtbot):
    plain, sliced = _pane(qtbot), _pane(qtbot)
    layers = _layers()
    with plain.batch_marks():
        _set(plain, layers)
    with sliced.batch_marks(deferred=True):
        _set(sliced, layers)
    slices = 1
    while not sliced.merge_some(0.0):  # no time at all: one block per slice
        slices += 1
    assert slices > 40
    assert "copy-1" not in sliced.highlighted_ranges(), "merged, not drawn yet"
    sliced.redraw_deferred()
    assert _formats(sliced) == _formats(plain)
    assert sliced.highlighted_ranges() == plain.highlighted_ranges()


def test_deferred_blocks_are_drawn_by_the_next_redraw_of_any_layer(qtbot):
    # A new result may replace the queued steps before the deferred redraw: the next draw includes them.
    pane = _pane(qtbot)
    layers = _layers()
    with pane.batch_marks(deferred=True):
        _set(pane, {kind: layer for kind, layer in layers.items() if kind != "copy-3"})
    pane.set_marks("copy-3", *layers["copy-3"][:1], style=_style("#c0f"), priority=2)
    drawn = pane.highlighted_ranges()
    for kind, (spans, _colour, _priority) in layers.items():
        assert drawn[kind] == spans


def _drawn(qtbot) -> ReadingPane:
    pane = _pane(qtbot)
    with pane.batch_marks():
        _set(pane, _layers())
    return pane


def test_a_fresh_pane_restored_from_a_drawn_state_lays_its_formats_without_a_pass(qtbot, monkeypatch):
    """A reopened comparison's pane: the formats go straight to the blocks' layouts (no highlighting pass),
    the same ranges a pass draws, twice from one state; later layer changes still redraw through the pass."""
    drawn = _drawn(qtbot)
    state = drawn.drawn_state()
    calls: list[int] = []
    original = SpanHighlighter.setFormat  # (called from Python: a patch is seen, unlike Qt's virtual calls)

    def counting(self, *args):
        calls.append(self.currentBlock().blockNumber())
        original(self, *args)

    for _ in range(2):  # reopened, and reopened again (the second from the ranges the first made)
        fresh = _pane(qtbot)
        monkeypatch.setattr(SpanHighlighter, "setFormat", counting)
        fresh.restore_drawn(state)
        monkeypatch.setattr(SpanHighlighter, "setFormat", original)
        assert calls == []
        assert _formats(fresh) == _formats(drawn)
        assert fresh.highlighted_ranges() == drawn.highlighted_ranges()
    assert state[1].ranges, "the layouts' ranges are kept with the state"
    fresh.clear_marks("copy-2")
    drawn.clear_marks("copy-2")
    assert _formats(fresh) == _formats(drawn)


def test_a_pane_that_already_shows_formats_is_restored_by_a_pass(qtbot, monkeypatch):
    drawn = _drawn(qtbot)
    other = _pane(qtbot)
    other.set_marks("copy-9", [(0, 30)], style=_style("#f00"))
    calls: list[int] = []
    original = SpanHighlighter.setFormat  # (called from Python: a patch is seen, unlike Qt's virtual calls)

    def counting(self, *args):
        calls.append(self.currentBlock().blockNumber())
        original(self, *args)

    monkeypatch.setattr(SpanHighlighter, "setFormat", counting)
    other.restore_drawn(drawn.drawn_state())
    assert len(set(calls)) == len([f for f in drawn.drawn_state()[1].formats.values() if f]), "a whole pass"
    assert _formats(other) == _formats(drawn)


def test_a_fresh_texts_first_drawing_lays_what_a_highlighting_pass_draws(qtbot, monkeypatch):
    """Most blocks of a fresh text changed at once: their formats go straight to the layouts (no setFormat),
    exactly what the pass a pane that has shown marks before gets."""
    passed = _pane(qtbot)
    passed.set_marks("copy-9", [(0, 30)], style=_style("#f00"))
    passed.clear_marks("copy-9")  # it has shown formats: a pass from now on
    calls: list[int] = []
    original = SpanHighlighter.setFormat

    def counting(self, *args):
        calls.append(self.currentBlock().blockNumber())
        original(self, *args)

    monkeypatch.setattr(SpanHighlighter, "setFormat", counting)
    with passed.batch_marks(deferred=True):
        _set(passed, _layers())
    passed.redraw_deferred()
    assert calls, "drawn by a pass"
    calls.clear()
    fresh = _pane(qtbot)
    with fresh.batch_marks(deferred=True):
        _set(fresh, _layers())
    while not fresh.merge_some(0.001):
        pass
    fresh.redraw_deferred()
    assert calls == []
    assert _formats(fresh) == _formats(passed)
    assert fresh.highlighted_ranges() == passed.highlighted_ranges()
