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
    compared); `query` the query's normalised text: only the skeleton shingles it holds are counted (a
    passage of it holds no others), so no candidate's hashes are sorted. Counted on the first question,
    since many queries never ask one."""

    def __init__(self, texts: Mapping[int, str], k: int, query: str) -> None:
        self.texts = texts
        self.k = k
        self.query = query
        #: the query's distinct skeleton hashes (ascending), how many candidates hold each, and which
        #: of them (as positions in `_known`) each candidate holds
        self._known: np.ndarray | None = None
        self._counts = np.empty(0, dtype=np.int32)
        self._held: dict[int, np.ndarray] = {}

    def _count(self) -> np.ndarray:
        if self._known is None:
            known = _skeleton_hashes(self.query, self.k)
            counts = np.zeros(len(known), dtype=np.int32)
            for i, text in self.texts.items():
                at, found = _lookup(known, shingle_hashes(_NUMERALS.sub(SLOT, text), self.k))
                self._held[i] = np.unique(at[found])
                counts[self._held[i]] += 1
            self._known, self._counts = known, counts
        return self._known

    def covered(self, norm: str, leave_out: Collection[int], bar: int) -> np.ndarray | None:
        """Which characters of `norm` (a passage of the query, normalised) lie in skeleton shingles held by
        ≥ `bar` of the candidates not in `leave_out` (the compared one and versions of it or of the
        query); None when fewer candidates than that are left to hold anything."""
        if len(self.texts) - sum(i in self.texts for i in set(leave_out)) < bar:
            return None
        known = self._count()
        text, starts = skeleton(norm)
        at, found = _lookup(known, shingle_hashes(text, self.k))
        if not found.any():
            return None
        counts = np.where(found, self._counts[np.minimum(at, len(self._counts) - 1)], 0)
        for i in set(leave_out) & self._held.keys():
            counts -= found & np.isin(at, self._held[i])
        frequent = np.flatnonzero(counts >= bar)
        if not len(frequent):
            return None
        marks = np.zeros(len(norm) + 1, dtype=np.int32)
        np.add.at(marks, starts[frequent], 1)
        np.add.at(marks, starts[frequent + self.k], -1)
        return np.cumsum(marks)[:-1] > 0


def _lookup(known: np.ndarray, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each hash is in the ascending `known`, and whether it is there at all."""
    if not len(known) or not len(hashes):
        return np.zeros(len(hashes), dtype=np.int64), np.zeros(len(hashes), dtype=bool)
    at = np.minimum(np.searchsorted(known, hashes), len(known) - 1)
    return at, known[at] == hashes
