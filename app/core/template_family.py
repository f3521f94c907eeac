"""Template wording: sentences a genre repeats with other numbers, dates and ordinals in them.

Every plenum communiqué opens with the same sentences filled in differently (中国共产党第十七届中央委员会第六次
全体会议，于2011年10月15日至18日在北京举行。出席这次全会的有，中央委员202人…). Two communiqués share that
opening as one long passage, yet neither copied it from the other: it is the genre's form. Counted on exact
shingles it is not library boilerplate, because the numbers change every time and the wording between them
is held by only the few documents of one central committee (4–6, under the bar of three *other*
documents once the slots are left out). Counted on the **skeleton** — each run of numerals (digits or
Chinese numerals) one slot — the same sentences are held by every communiqué.

The documents counted are the other candidates of one query (the texts the shingle index proposed as
sharing text with it, reduced to the stretches they share): a template the query shares with one of them
is held, slots aside, by its siblings among them. Pure functions and numpy; no library access.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

import numpy as np

from app.core.shingles import NO_HASH, shingle_hashes

#: What a run of numerals becomes in a skeleton.
SLOT = "#"
#: Numerals as the normalised view holds them (digits are folded to ASCII; full-width kept for safety).
_NUMERALS = re.compile("[0-9０-９〇零一二三四五六七八九十百千万亿两]+")


def skeleton(norm: str) -> tuple[str, np.ndarray]:
    """`norm` with every run of numerals replaced by one SLOT, and where each skeleton character begins in
    `norm` (one more entry at the end: `len(norm)`), so a skeleton span maps back to the text."""
    pieces: list[str] = []
    starts: list[int] = []
    at = 0
    for match in _NUMERALS.finditer(norm):
        pieces += (norm[at : match.start()], SLOT)
        starts += range(at, match.start() + 1)
        at = match.end()
    pieces.append(norm[at:])
    starts += range(at, len(norm) + 1)
    return "".join(pieces), np.asarray(starts, dtype=np.int64)


def has_slots(norm: str) -> bool:
    """Whether the text holds a numeral a template could have filled in."""
    return _NUMERALS.search(norm) is not None


def _skeleton_hashes(norm: str, k: int) -> np.ndarray:
    hashes = np.unique(shingle_hashes(_NUMERALS.sub(SLOT, norm), k))
    return hashes[hashes != NO_HASH]


class TemplateFamily:
    """The skeleton shingles of a query's candidates, to tell which characters of a shared passage are
    template wording: in shingles that ≥ `bar` candidates other than the compared one hold, slots aside.

    `texts` are the candidates' normalised texts (whole: a sibling's opening differs from the query's in
    a slot every few characters, so it holds too few of the query's exact shingles to be in the excerpt
    compared); their skeletons are hashed on the first question, since most queries never ask one."""

    def __init__(self, texts: Mapping[int, str], k: int) -> None:
        self.texts = texts
        self.k = k
        self._held: dict[int, np.ndarray] | None = None
        self._sorted = np.empty(0, dtype=np.int64)

    def _hashes(self) -> dict[int, np.ndarray]:
        if self._held is None:
            self._held = {i: _skeleton_hashes(text, self.k) for i, text in self.texts.items()}
            parts = list(self._held.values())
            self._sorted = np.sort(np.concatenate(parts)) if parts else self._sorted
        return self._held

    def covered(self, norm: str, leave_out: Collection[int], bar: int) -> np.ndarray | None:
        """Which characters of `norm` (a passage of the query, normalised) lie in skeleton shingles held by
        ≥ `bar` of the candidates not in `leave_out` (the compared one and versions of it or of the
        query); None when fewer candidates than that are left to hold anything."""
        if len(self.texts) - sum(i in self.texts for i in set(leave_out)) < bar:
            return None
        held = self._hashes()
        text, starts = skeleton(norm)
        hashes = shingle_hashes(text, self.k)
        if not len(hashes):
            return None
        counts = np.searchsorted(self._sorted, hashes, "right") - np.searchsorted(
            self._sorted, hashes, "left"
        )
        for i in set(leave_out):
            if i in held:
                counts -= np.isin(hashes, held[i], assume_unique=False)
        frequent = np.flatnonzero((counts >= bar) & (hashes != NO_HASH))
        if not len(frequent):
            return None
        marks = np.zeros(len(norm) + 1, dtype=np.int32)
        np.add.at(marks, starts[frequent], 1)
        np.add.at(marks, starts[frequent + self.k], -1)
        return np.cumsum(marks)[:-1] > 0
