"""`redaction_runs` finds the same redaction runs as the full normalised view, with or without markers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.normalize import normalize, redaction_runs

#: Marker characters, their full-width forms, letters around them and ordinary text (𠀋 is astral).
ALPHABET = "*＊×xXｘＸ□■某同志们，。a b\n𠀋"


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_redaction_runs_equal_the_normalised_views(text):
    assert redaction_runs(text) == normalize(text).redaction_ends


def test_text_without_marker_characters_has_no_runs():
    assert redaction_runs("同志们：今天开会。" * 100) == {}
    assert redaction_runs("某某省") == {0: 2}
