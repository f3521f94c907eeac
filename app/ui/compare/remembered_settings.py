"""The compare view's parameters as the user last left them, so a new comparison starts the same way.

Only what the user chose is kept (lengths, similarity, the formula and scroll toggles); the library's
lexicon fingerprint belongs to the library and is set by the view itself.
"""

from __future__ import annotations

from dataclasses import replace

from app.ui.common import settings as S
from app.ui.compare.compute import CompareSettings
from app.ui.compare.params_bar import MIN_CHARS_RANGE, MIN_SIMILARITY_RANGE


def remembered_settings(prefs: S.Settings) -> CompareSettings:
    """The stored knobs, each clamped back to the engine's default when garbled or out of range."""
    defaults = CompareSettings()
    min_chars = prefs.get(S.COMPARE_MIN_CHARS)
    similarity = prefs.get(S.COMPARE_MIN_SIMILARITY)
    return replace(
        defaults,
        min_chars=min_chars if _within(min_chars, MIN_CHARS_RANGE) else defaults.min_chars,
        min_similarity=round(similarity, 2)
        if _within(similarity, MIN_SIMILARITY_RANGE)
        else defaults.min_similarity,
        count_formulas=prefs.get(S.COMPARE_COUNT_FORMULAS),
    )


def remember_settings(prefs: S.Settings, settings: CompareSettings) -> None:
    prefs.set(S.COMPARE_MIN_CHARS, settings.min_chars)
    prefs.set(S.COMPARE_MIN_SIMILARITY, settings.min_similarity)
    prefs.set(S.COMPARE_COUNT_FORMULAS, settings.count_formulas)


def _within(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]
