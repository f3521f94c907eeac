"""The compare view's knobs and toggles carry over to the next comparison (and the next session)."""

from __future__ import annotations

from app.ui.common import settings as S
from app.ui.compare.compute import CompareSettings
from app.ui.compare.remembered_settings import remembered_settings
from tests.ui.compare.conftest import sample_document

PAIR = ("01-city-study-session.txt", "03-theme-education-mobilisation.txt")


def _documents():
    return [sample_document(name) for name in PAIR]


def test_defaults_match_the_engine() -> None:
    assert remembered_settings(S.Settings()) == CompareSettings()


def test_a_new_view_starts_with_the_values_left_in_the_last_one(open_view, qtbot) -> None:
    first = open_view(_documents())
    assert first.params.settings() == CompareSettings()
    first.params.min_chars.setValue(20)
    first.params.min_similarity.setValue(0.9)
    first.params.count_formulas.setChecked(True)
    first.params.apply_now()
    first.act_formulas.trigger()  # hide formulas
    first.act_sync.trigger()  # unlock scrolling
    first.prefs.sync()

    second = open_view(_documents())
    assert second.params.settings() == CompareSettings(min_chars=20, min_similarity=0.9, count_formulas=True)
    assert second.result is not None and second.result.settings.min_chars == 20
    assert not second.act_formulas.isChecked() and not second.show_formulas
    assert not second.act_sync.isChecked() and not second.sync.enabled


def test_garbled_or_out_of_range_values_fall_back_to_the_defaults() -> None:
    prefs = S.Settings()
    prefs.set(S.COMPARE_MIN_CHARS, 2)
    prefs.backend.setValue(S.COMPARE_MIN_SIMILARITY.key, "much")
    assert remembered_settings(prefs) == CompareSettings()
