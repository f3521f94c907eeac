"""Spreadsheet cells: formula-like text is neutralised, and restored exactly when read back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.spreadsheet import FORMULA_TRIGGERS, neutralise_cell, restore_cell


def test_formula_starts_get_an_apostrophe() -> None:
    assert (
        neutralise_cell('=HYPERLINK("http://example.com","点此")')
        == '\'=HYPERLINK("http://example.com","点此")'
    )
    for trigger in FORMULA_TRIGGERS:
        assert neutralise_cell(trigger + "1+1") == "'" + trigger + "1+1"
    assert neutralise_cell("'=1+1") == "''=1+1"


def test_ordinary_text_and_numbers_pass_unchanged() -> None:
    for value in ("坚持以人民为中心", "1+1", "'quoted", "", "a=b", " =x"):
        assert neutralise_cell(value) == value
    assert neutralise_cell(-3) == -3
    assert neutralise_cell(0.5) == 0.5


@given(
    st.text(alphabet=st.sampled_from(["=", "+", "-", "@", "'", "\t", "\r", "＝", "a", "中", " "]), max_size=8)
)
def test_restore_gives_back_exactly_what_was_neutralised(value: str) -> None:
    cell = neutralise_cell(value)
    assert isinstance(cell, str)
    assert not cell.startswith(FORMULA_TRIGGERS)
    assert restore_cell(cell) == value
