"""Fingerprints of a text for library-wide candidate retrieval (which speeches may share text with this one).

A document is reduced to a small set of hashed character shingles of its normalised, punctuation-free view
(app.core.normalize), selected by winnowing (Schleimer, Wilkerson & Aiken 2003): the minimum hash of every
window of `window` consecutive shingles. Two texts sharing any run of at least `window + k - 1` normalised
characters are then guaranteed to share a fingerprint, while only about 2/(window+1) of the shingles are
kept — this is what keeps the index below the size of the texts themselves.

Shingles touching a REDACTION character are never hashed: `在**县调研` must not look like `在县调研`.
Hashes are CRC-32 of the shingle's UTF-32 code units, shifted into the signed 32-bit range so that SQL
databases store them in four bytes; they are stable across processes and platforms (Python's `hash()` is
not). Pure functions: text in, integers out.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import accumulate

from app.core.normalize import REDACTION, normalize

#: Bump when the hashing or the selection changes: stored fingerprints of an older version are rebuilt.
FINGERPRINT_VERSION = 1
_OFFSET = 1 << 31
_NO_HASH = 1 << 32  # larger than any CRC-32: never the window minimum unless the whole window is redacted


@dataclass(frozen=True, slots=True)
class ShingleParams:
    """Shingle length `k` (normalised characters) and winnowing window (in shingles).

    k = 8 follows the boilerplate measurements in research/formulas.md (8-character shingles); with a
    window of 16, any shared run of 23 characters is guaranteed to be seen — shorter than one sentence.
    """

    k: int = 8
    window: int = 16

    @property
    def guaranteed_chars(self) -> int:
        """Shared runs at least this long (normalised characters) always share a fingerprint."""
        return self.window + self.k - 1


def normalised(text: str) -> str:
    """The view fingerprints are taken of: the same one the passage engine matches on."""
    return normalize(text, keep_punctuation=False).text


def shingle_hashes(norm: str, k: int) -> list[int]:
    """One hash per shingle position of a normalised string; `_NO_HASH` where a shingle has a redaction."""
    count = len(norm) - k + 1
    if count <= 0:
        return []
    data = memoryview(norm.encode("utf-32-le"))
    crc = zlib.crc32
    step = 4 * k
    hashes = [crc(data[4 * i : 4 * i + step]) for i in range(count)]
    if REDACTION in norm:
        position = norm.find(REDACTION)
        while position >= 0:
            for i in range(max(0, position - k + 1), min(count, position + 1)):
                hashes[i] = _NO_HASH
            position = norm.find(REDACTION, position + 1)
    return hashes


def _window_minima(values: list[int], window: int) -> list[int]:
    """Minimum of every window of `window` consecutive values (van Herk/Gil-Werman, C-speed builtins)."""
    prefix: list[int] = []
    suffix: list[int] = []
    for start in range(0, len(values), window):
        block = values[start : start + window]
        prefix.extend(accumulate(block, min))
        backwards = list(accumulate(reversed(block), min))
        backwards.reverse()
        suffix.extend(backwards)
    count = len(values) - window + 1
    return list(map(min, suffix[:count], prefix[window - 1 :]))


def _signed(hashes: Iterable[int]) -> frozenset[int]:
    return frozenset(h - _OFFSET for h in hashes if h != _NO_HASH)


def fingerprints_of_normalised(norm: str, params: ShingleParams = ShingleParams()) -> frozenset[int]:
    """The winnowed fingerprints of a normalised string (a set: the index counts documents, not uses)."""
    hashes = shingle_hashes(norm, params.k)
    if not hashes:
        return frozenset()
    if len(hashes) <= params.window:
        return _signed([min(hashes)])
    return _signed(_window_minima(hashes, params.window))


def fingerprints(text: str, params: ShingleParams = ShingleParams()) -> frozenset[int]:
    """The winnowed fingerprints of a stored text."""
    return fingerprints_of_normalised(normalised(text), params)


def all_shingles(text: str, params: ShingleParams = ShingleParams()) -> frozenset[int]:
    """Every shingle hash of a (short) query text: whichever of them another document kept will match.

    Used for passage search, where the query is a selection too short to rely on winnowing alone.
    """
    return _signed(shingle_hashes(normalised(text), params.k))


def idf(df: int, documents: int) -> float:
    """Weight of a fingerprint found in `df` of `documents` documents: boilerplate weighs little."""
    return math.log((documents + 1) / (df + 0.5))


def max_useful_df(documents: int, share: float = 0.05, floor: int = 8) -> int:
    """Fingerprints in more documents than this are formulas everyone writes: not worth a lookup."""
    return max(floor, int(documents * share))


@dataclass(frozen=True, slots=True)
class CandidateScore:
    """A document that shares fingerprints with the query: how many and how rare they are."""

    document_id: int
    score: float
    shared: int


def rank_candidates(
    postings: Mapping[int, Iterable[int]], df: Mapping[int, int], documents: int, limit: int
) -> list[CandidateScore]:
    """Documents by the summed rarity (idf) of the fingerprints they share with the query, best first.

    `postings` maps a fingerprint to the documents holding it (the query itself excluded); `df` gives each
    fingerprint's document frequency in the whole library.
    """
    scores: dict[int, float] = {}
    shared: dict[int, int] = {}
    for fingerprint, holders in postings.items():
        weight = idf(df.get(fingerprint, 1), documents)
        for doc in holders:
            scores[doc] = scores.get(doc, 0.0) + weight
            shared[doc] = shared.get(doc, 0) + 1
    ranked = sorted(scores, key=lambda d: (-scores[d], d))[:limit]
    return [CandidateScore(d, round(scores[d], 4), shared[d]) for d in ranked]
