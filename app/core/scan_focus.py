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
        self._hashes: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    @classmethod
    def of(cls, prepared: PreparedDocument) -> ScanDocument:
        return cls(prepared)

    def _made(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._hashes is None:
            hashes = shingle_hashes(self.prepared.view.text, SHINGLES.k)
            distinct, inverse = np.unique(hashes, return_inverse=True)
            # NO_HASH is above every hash: when present it is the last distinct value
            unique = distinct[:-1] if len(distinct) and distinct[-1] == NO_HASH else distinct
            self._hashes = (unique, inverse.reshape(-1), distinct)
        return self._hashes

    @property
    def unique(self) -> np.ndarray:
        """The distinct hashes (NO_HASH left out), sorted."""
        return self._made()[0]

    def holding(self, wanted: np.ndarray) -> np.ndarray:
        """Per shingle position of the normalised text: whether its hash is one of `unique[wanted]`
        (`wanted`: a boolean per distinct hash), found through each position's distinct hash, not by
        sorting the positions' hashes again for every pair."""
        _unique, inverse, distinct = self._made()
        mask = np.zeros(len(distinct), dtype=bool)
        mask[: len(wanted)] = wanted
        return mask[inverse]

    @property
    def length(self) -> int:
        return len(self.prepared.view.text)


def shared_shingles(low: ScanDocument, high: ScanDocument) -> tuple[np.ndarray, np.ndarray] | None:
    """Per shingle position of each side: whether the other side has that shingle too (None: no shingle
    is shared). One side's distinct hashes are searched in the other's, both sorted already."""
    theirs = high.unique
    if not len(theirs) or not len(low.unique):
        return None
    at = np.minimum(np.searchsorted(theirs, low.unique), len(theirs) - 1)
    shared = theirs[at] == low.unique  # per distinct hash of the low side: the high side has it too
    if not shared.any():
        return None
    in_theirs = np.zeros(len(theirs), dtype=bool)
    in_theirs[at[shared]] = True
    return low.holding(shared), high.holding(in_theirs)


def may_reach_threshold(
    low: ScanDocument, high: ScanDocument, params: PassageParams, threshold: float
) -> bool:
    """Whether either side's bound (the characters its stretches shared with the other side cover,
    widened by the engine's largest gap, over its length) reaches `threshold`: if not, the engine cannot
    find that much copied prose on either side and the pair need not be compared."""
    shared = shared_shingles(low, high)
    if shared is None:
        return False
    in_low, in_high = stretches(shared[0], params), stretches(shared[1], params)
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
