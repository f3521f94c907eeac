"""What a scan pair shares, found cheaply: whether the passage engine needs to confirm it at all.

The scan measures ~235,000 candidate pairs on a 10,000-speech library; run whole, each pair cost the
engine both texts (~13 ms of CPU), though most candidates share a paragraph or two. As "similar speeches"
does (app.core.similar_focus), each side is reduced with numpy to the stretches holding an 8-character
shingle of the other side: their coverage is a cheap upper **bound** on the copy ratio the engine can find
on that side, and a pair whose bounds cannot reach the scan's threshold is not compared at all.

Pairs that may reach it are still compared whole, not on excerpts as similar does: on the corpus's
district work reports (year-to-year copies with heavy edits) and on the benchmark library, excerpts
changed copy ratios by up to 0.01 and lost pairs near the threshold (1 of 1,215 on the benchmark even with
four times the grouping gap as margin), and the stored pairs must be those of the whole-pair engine (the
copy network compares them with live measurements).
"""

from __future__ import annotations

import numpy as np

from app.core.passages import PassageParams, PreparedDocument
from app.core.shingles import NO_HASH, shingle_hashes
from app.core.similar_focus import SHINGLES, covered, stretches


class ScanDocument:
    """A prepared speech and, made on first use and kept, its shingle hashes: a worker keeps it for every
    pair the speech is in, and only pairs that ask for the bound pay for the hashes."""

    __slots__ = ("_hashes", "prepared")

    def __init__(self, prepared: PreparedDocument) -> None:
        self.prepared = prepared
        self._hashes: tuple[np.ndarray, np.ndarray] | None = None

    @classmethod
    def of(cls, prepared: PreparedDocument) -> ScanDocument:
        return cls(prepared)

    def _made(self) -> tuple[np.ndarray, np.ndarray]:
        if self._hashes is None:
            hashes = shingle_hashes(self.prepared.view.text, SHINGLES.k)
            unique = np.unique(hashes)
            self._hashes = (hashes, unique[unique != NO_HASH])
        return self._hashes

    @property
    def hashes(self) -> np.ndarray:
        """The 8-character shingle hash at every position of the normalised text."""
        return self._made()[0]

    @property
    def unique(self) -> np.ndarray:
        """The distinct hashes (NO_HASH left out), sorted."""
        return self._made()[1]

    @property
    def length(self) -> int:
        return len(self.prepared.view.text)


def may_reach_threshold(
    low: ScanDocument, high: ScanDocument, params: PassageParams, threshold: float
) -> bool:
    """Whether either side's bound (the characters its stretches shared with the other side cover,
    widened by the engine's largest gap, over its length) reaches `threshold`: if not, the engine cannot
    find that much copied prose on either side and the pair need not be compared."""
    common = np.intersect1d(low.unique, high.unique, assume_unique=True)
    if not len(common):
        return False
    in_low = stretches(np.isin(low.hashes, common), params)
    in_high = stretches(np.isin(high.hashes, common), params)
    if not in_low or not in_high:
        return False
    reach = params.max_gap  # as in similar_focus.focus: runs beside an edit join within this gap
    return (
        max(
            covered(in_low, reach, low.length) / max(1, low.length),
            covered(in_high, reach, high.length) / max(1, high.length),
        )
        >= threshold
    )
