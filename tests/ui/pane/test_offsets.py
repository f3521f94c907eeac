"""Code points ↔ UTF-16: checked against Python's own UTF-16 encoder and against a real QTextDocument."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from app.ui.pane.offsets import OffsetMap, utf16_length

EXT_B = "\U0002000b"  # 𠀋


def _qt_pos(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def test_bmp_text_is_identity():
    text = "坚持以人民为中心的发展思想"
    m = OffsetMap(text)
    assert m.is_bmp
    assert [m.to_qt(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert m.qt_length == len(text)


def test_astral_char_before_formula_shifts_qt_positions():
    text = f"{EXT_B}字。坚持以人民为中心"
    formula = text.index("以人民为中心")
    m = OffsetMap(text)
    assert not m.is_bmp
    assert m.span_to_qt(formula, formula + 6) == (formula + 1, formula + 7)
    assert m.span_to_core(formula + 1, formula + 7) == (formula, formula + 6)
    assert m.qt_length == utf16_length(text) == len(text) + 1


def test_position_inside_surrogate_pair_rounds_to_the_character():
    text = f"甲{EXT_B}乙"
    m = OffsetMap(text)
    assert m.to_core(2) == 1  # between the surrogates of 𠀋
    assert m.span_to_core(0, 2) == (0, 2)  # a range ending mid-pair still covers 𠀋


def test_positions_agree_with_qtextdocument(qapp):
    text = f"{EXT_B}一、总体要求\n{EXT_B}{EXT_B}坚持以人民为中心的发展思想"
    doc = QTextDocument()
    doc.setPlainText(text)
    m = OffsetMap(text)
    start = text.index("以人民为中心")
    cursor = QTextCursor(doc)
    cursor.setPosition(m.to_qt(start))
    cursor.setPosition(m.to_qt(start + 6), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "以人民为中心"
    assert doc.characterCount() - 1 == m.qt_length


@given(st.text(alphabet=st.sampled_from(["a", "中", "\n", EXT_B, "\U0001f600"]), max_size=40))
def test_round_trip_matches_utf16_encoder(text: str):
    m = OffsetMap(text)
    for i in range(len(text) + 1):
        assert m.to_qt(i) == _qt_pos(text, i)
        assert m.to_core(m.to_qt(i)) == i
