"""The reading pane, checked through what Qt will draw: layout formats, extra selections, scroll position."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QWheelEvent
from PySide6.QtWidgets import QApplication

from app.core.normalize import normalize
from app.ui.common.theme import COLOURS, current_theme
from app.ui.pane.reading_pane import ReadingPane
from app.ui.pane.span_highlighter import KINDS_PROPERTY, Mark

EXT_B = "\U0002000b"  # 𠀋
FORMULA = "习近平新时代中国特色社会主义思想"


@pytest.fixture
def seed_text(corpus) -> str:
    return (corpus / "seed" / "city-secretary-study-session-2023.txt").read_text(encoding="utf-8")


def _pane(qtbot, text: str, size=(640, 420)) -> ReadingPane:
    pane = ReadingPane(text)
    qtbot.addWidget(pane)
    pane.resize(*size)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def _format_at(pane: ReadingPane, offset: int):
    position = pane.offsets.to_qt(offset)
    block = pane.document().findBlock(position)
    for fr in block.layout().formats():
        if fr.start <= position - block.position() < fr.start + fr.length:
            return QTextCharFormat(fr.format)
    return None


def test_marks_read_back_from_layout_on_real_text(qtbot, seed_text):
    spans = [m.span() for m in re.finditer(FORMULA, seed_text)]
    assert len(spans) >= 5
    pane = _pane(qtbot, seed_text)
    pane.set_marks("formula", spans)
    ranges = pane.highlighted_ranges()
    assert ranges["formula"] == spans
    assert ranges["redaction"] == sorted(normalize(seed_text).redaction_ends.items())
    assert ranges["redaction"]  # the seed speech has `**` redactions


def test_astral_character_before_formula_keeps_marks_aligned(qtbot):
    text = f"{EXT_B}姓同志讲话。\n{EXT_B}{EXT_B}坚持以人民为中心的发展思想，推进高质量发展。"
    spans = [(m.start(), m.end()) for m in re.finditer("以人民为中心|高质量发展", text)]
    pane = _pane(qtbot, text)
    pane.set_marks("formula", spans)
    assert pane.highlighted_ranges()["formula"] == spans
    # and the characters Qt formats are the formula's characters
    cursor = pane.textCursor()
    block = pane.document().findBlockByNumber(1)
    fr = next(f for f in block.layout().formats() if f.format.property(KINDS_PROPERTY) == "formula#0")
    cursor.setPosition(block.position() + fr.start)
    cursor.setPosition(block.position() + fr.start + fr.length, cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "以人民为中心"


def test_span_across_a_line_break_reads_back_whole_and_adjacent_marks_stay_apart(qtbot):
    text = "第一段结尾的话\n第二段开头的话"
    pane = _pane(qtbot, text)
    pane.set_marks("formula", [(4, 11)])
    assert pane.highlighted_ranges()["formula"] == [(4, 11)]
    pane.set_marks("formula", [(0, 2), (2, 4), (5, 7), (8, 10)])  # touching, and either side of the break
    assert pane.highlighted_ranges()["formula"] == [(0, 2), (2, 4), (5, 7), (8, 10)]


def test_overlapping_layers_merge_and_both_read_back(qtbot):
    text = "我们要坚持以人民为中心的发展思想不动摇"
    pane = _pane(qtbot, text)
    pane.set_marks("passage", [(2, 16)])
    pane.set_marks("formula", [(5, 11)])
    ranges = pane.highlighted_ranges()
    assert ranges["passage"] == [(2, 16)]
    assert ranges["formula"] == [(5, 11)]
    fmt = _format_at(pane, 6)
    assert set(fmt.property(KINDS_PROPERTY).split("|")) == {"passage#0", "formula#0"}
    pane.clear_marks("passage")
    assert "passage" not in pane.highlighted_ranges()


def test_redaction_is_styled_as_such(qtbot):
    text = "在**县调研，××同志陪同。"
    pane = _pane(qtbot, text)
    assert pane.highlighted_ranges()["redaction"] == [(1, 3), (7, 9)]
    fmt = _format_at(pane, 1)
    theme = current_theme()
    assert fmt.background().color() == theme.colour("redaction.background")
    assert fmt.foreground().color() == theme.colour("redaction.foreground")
    assert _format_at(pane, 4) is None


def test_theme_change_rebuilds_formats(qtbot):
    pane = _pane(qtbot, "坚持以人民为中心的发展思想")
    pane.set_marks("formula", [(2, 8)])
    theme = current_theme()
    try:
        theme.set_preference("dark")
        assert _format_at(pane, 3).background().color() == QColor(COLOURS["formula.background"][1])
    finally:
        theme.set_preference("light")
    assert _format_at(pane, 3).background().color() == QColor(COLOURS["formula.background"][0])


def test_scroll_to_puts_offset_on_top_and_reports_it(qtbot, seed_text):
    pane = _pane(qtbot, seed_text)
    target = seed_text.index("三、")
    pane.scroll_to(target)
    qtbot.waitUntil(lambda: pane.firstVisibleBlock().position() <= pane.offsets.to_qt(target))
    block = pane.document().findBlock(pane.offsets.to_qt(target))
    assert pane.firstVisibleBlock().blockNumber() == block.blockNumber()
    assert pane.first_visible_offset() == target
    first, last = pane.visible_range()
    assert first == target < last <= len(seed_text)


def test_zoom_keys_and_ctrl_wheel_change_font_size(qtbot):
    pane = _pane(qtbot, "坚持以人民为中心的发展思想")
    with qtbot.waitActive(pane):
        pane.activateWindow()
    pane.setFocus()
    base = pane.point_size()
    qtbot.keyClick(pane, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pane.point_size() == base + 1
    assert pane.font().pointSizeF() == base + 1
    qtbot.keyClick(pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pane.point_size() == base - 1
    qtbot.keyClick(pane, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pane.point_size() == base
    center = QPointF(pane.viewport().rect().center())
    wheel = QWheelEvent(
        center,
        QPointF(pane.viewport().mapToGlobal(center.toPoint())),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(pane.viewport(), wheel)
    assert pane.point_size() == base + 2


def test_tooltip_and_click_on_a_mark(qtbot):
    text = "我们要坚持以人民为中心的发展思想"
    pane = _pane(qtbot, text)
    pane.set_marks("formula", [Mark(5, 11, "payload")], tooltip=lambda m: f"tip {m.payload}")
    rect = pane.cursorRect(_cursor_at(pane, 7))
    inside = QPoint(rect.x() + 3, rect.center().y())
    assert pane.tooltip_at(inside) == "tip payload"
    rect_out = pane.cursorRect(_cursor_at(pane, 1))
    assert pane.tooltip_at(QPoint(rect_out.x() + 3, rect_out.center().y())) == ""
    with qtbot.waitSignal(pane.mark_activated) as blocker:
        qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    kind, mark = blocker.args
    assert kind == "formula" and mark.payload == "payload"


def _cursor_at(pane: ReadingPane, offset: int):
    cursor = pane.textCursor()
    cursor.setPosition(pane.offsets.to_qt(offset))
    return cursor


def test_gutter_numbers_paragraphs_beside_their_first_line(qtbot, seed_text):
    pane = _pane(qtbot, seed_text)
    labels = pane.gutter.labels()
    paras = pane.paragraphs()
    assert [label.text for label in labels[:4]] == ["1", "2", "3", "4"]
    for label, para in zip(labels[:4], paras[:4], strict=True):
        rect = pane.cursorRect(_cursor_at(pane, para.start))
        assert abs(label.y - rect.top()) <= 2
    heading_para = next(p for p in paras if seed_text.startswith("一、", p.start))
    assert next(label for label in labels if label.text == str(heading_para.index + 1)).heading


def test_gutter_joins_paragraphs_that_share_a_line(qtbot):
    text = "同志们：\u3000\u3000今天开会。\u3000\u3000一是学习。\u3000\u3000二是落实。"
    pane = _pane(qtbot, text, size=(900, 200))
    assert [label.text for label in pane.gutter.labels()] == ["1,2,3,4"]


def test_scroll_to_a_fraction_and_offset_at_agree(qtbot, seed_text):
    pane = _pane(qtbot, seed_text)
    target = seed_text.index("四、") + 40
    pane.scroll_to(target, 0.5)
    line_height = pane.fontMetrics().lineSpacing()
    y = pane.cursorRect(_cursor_at(pane, target)).top()
    assert abs(y - pane.viewport().height() / 2) <= line_height
    line_start = pane.offset_at(y + line_height // 2)
    assert line_start <= target < line_start + 60  # the start of the wrapped line holding the target
    first, last = pane.visible_range()
    assert first < target < last


def test_reveal_scrolls_only_when_needed(qtbot, seed_text):
    pane = _pane(qtbot, seed_text)
    first, last = pane.visible_range()
    pane.reveal(first + 5, first + 9)
    assert pane.first_visible_offset() == first
    far = seed_text.index("五、")
    pane.reveal(far, far + 2)
    first, last = pane.visible_range()
    assert first <= far and far + 2 <= last


def test_separators_and_control_characters_keep_marks_aligned(qtbot):
    text = f"甲\u2028乙\u2029丙\t丁\x0c戊\x00己\ufeff庚{EXT_B}辛\r\n壬"
    pane = _pane(qtbot, text)
    assert pane.document().characterCount() - 1 == pane.offsets.qt_length
    spans = [(text.index(ch), text.index(ch) + 1) for ch in "乙丙庚辛壬"]
    pane.set_marks("formula", spans)
    assert pane.highlighted_ranges()["formula"] == spans


def test_mark_kinds_with_separator_characters_are_refused(qtbot):
    pane = _pane(qtbot, "正文")
    with pytest.raises(ValueError):
        pane.set_marks("copy|1", [(0, 1)], style=lambda theme, mark: QTextCharFormat())
    assert pane.mark_kinds() == ["redaction"]
    with pytest.raises(KeyError):
        pane.set_marks("unknown-kind", [(0, 1)])


def test_new_payloads_are_given_when_a_mark_is_first_asked_for_and_the_drawing_stays(qtbot):
    pane = ReadingPane("甲乙丙丁戊己庚辛壬癸" * 3)
    qtbot.addWidget(pane)
    pane.set_marks("copy", [(0, 4, "a"), (10, 14, "b")], style=lambda _theme, _mark: QTextCharFormat())
    drawn = pane.highlighted_ranges()
    asked: list[object] = []

    def upper(payload: object) -> object:
        asked.append(payload)
        return str(payload).upper()

    pane.replace_payloads(upper)
    pane.replace_payloads(lambda payload: f"{payload}!")  # a second swap applies after the first
    assert asked == []  # nothing is swapped while no mark is read
    shared = pane.drawn_state()  # another pane restoring it sees the same final payloads
    assert [m.payload for m in pane.marks("copy")] == ["A!", "B!"]
    assert [m.payload for m in pane.marks("copy")] == ["A!", "B!"]
    assert asked == ["a", "b"]  # once per mark
    assert [m.payload for m in shared[0]["copy"].marks] == ["A!", "B!"]
    assert [kind for kind, _ in pane.marks_at(11)] == ["copy"]
    assert pane.highlighted_ranges() == drawn


def test_a_text_shown_again_is_not_searched_for_redactions_again(qtbot, monkeypatch):
    from app.ui.pane import reading_pane

    text = "某某同志说：“■■■■年某月，我们……”" + "某些地方" * 50
    searched: list[str] = []
    real = reading_pane.redaction_runs
    monkeypatch.setattr(reading_pane, "redaction_runs", lambda t: (searched.append(t), real(t))[1])
    first, again = ReadingPane(text), ReadingPane(text)
    qtbot.addWidget(first)
    qtbot.addWidget(again)
    assert searched == [text]  # once for both panes
    assert again.marks("redaction") == first.marks("redaction") != []


def test_marks_inside_the_text_are_kept_as_given_and_only_overhanging_ones_are_clipped(qtbot):
    """A compare view sets thousands of marks: each one inside the text is kept, not copied; sorted by span."""
    pane = ReadingPane("甲乙丙丁戊己庚辛壬癸" * 3)
    qtbot.addWidget(pane)
    inside, later, overhanging, outside = Mark(4, 9, "a"), Mark(12, 15, "b"), Mark(25, 40, "c"), Mark(31, 35)
    pane.set_marks("passage", [later, overhanging, inside, outside])
    kept = pane.marks("passage")
    assert kept == [inside, later, Mark(25, 30, "c")]
    assert kept[0] is inside and kept[1] is later
