"""Fingerprints of a text for library-wide candidate retrieval (which speeches may share text with this one).

A document is reduced to a small set of hashed character shingles of its normalised, punctuation-free view
(app.core.normalize), selected by winnowing (Schleimer, Wilkerson & Aiken 2003): the minimum hash of every
window of `window` consecutive shingles. Two texts sharing any run of at least `window + k - 1` normalised
characters are then guaranteed to share a fingerprint, while only about 2/(window+1) of the shingles are
kept — this is what keeps the index below the size of the texts themselves.

Shingles touching a REDACTION character are never hashed: `在**县调研` must not look like `在县调研`.
Hashes are 32 bits of a mixed polynomial hash of the shingle's code points, in the signed range so that SQL
databases store them in four bytes; they are stable across processes and platforms (Python's `hash()` is
not). numpy does the arithmetic: fingerprinting runs inside every import's transaction, and in pure Python
it was the larger part of the import time. Pure functions: text in, integers out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from app.core.normalize import REDACTION, HasRedactions, normalized_pieces, normalized_text

#: Bump when the hashing or the selection changes: stored fingerprints of an older version are rebuilt.
FINGERPRINT_VERSION = 2
_OFFSET = 1 << 31
#: Above every signed 32-bit hash: never a window's minimum unless the whole window is redacted.
NO_HASH = 1 << 32
_MULTIPLIER = np.uint64(0x100000001B3)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


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


DEFAULT_PARAMS = ShingleParams()


def normalised(text: str) -> str:
    """The view fingerprints are taken of: the same one the passage engine matches on."""
    return normalized_text(text, keep_punctuation=False)


def shingle_hashes(norm: str, k: int) -> np.ndarray:
    """One signed 32-bit hash per shingle position of a normalised string; `NO_HASH` where a shingle has
    a redaction. A polynomial hash over code points, finished with the splitmix64 mixer (vectorised)."""
    count = len(norm) - k + 1
    if count <= 0:
        return np.empty(0, dtype=np.int64)
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    hashes = np.zeros(count, dtype=np.uint64)
    for j in range(k):
        hashes = hashes * _MULTIPLIER + codes[j : j + count]
    hashes ^= hashes >> np.uint64(30)
    hashes *= _MIX1
    hashes ^= hashes >> np.uint64(27)
    hashes *= _MIX2
    hashes ^= hashes >> np.uint64(31)
    signed = (hashes >> np.uint64(32)).astype(np.int64) - _OFFSET
    if REDACTION in norm:
        redacted = np.convolve((codes == ord(REDACTION)).astype(np.int64), np.ones(k, dtype=np.int64))
        signed[redacted[k - 1 : k - 1 + count] > 0] = NO_HASH
    return signed


def _distinct(hashes: np.ndarray) -> np.ndarray:
    """The distinct hashes, ascending, without `NO_HASH`. Neighbouring windows mostly share their minimum,
    so runs are collapsed before sorting: that leaves about 2/(window+1) of the values to sort."""
    if len(hashes) > 1:
        hashes = hashes[np.concatenate(([True], hashes[1:] != hashes[:-1]))]
    unique = np.unique(hashes)
    return unique[unique != NO_HASH]


def sorted_fingerprints(norm: str, params: ShingleParams = DEFAULT_PARAMS) -> list[int]:
    """The winnowed fingerprints of a normalised string, ascending (the order an index stores them in)."""
    return fingerprint_array(norm, params).tolist()


#: Windows winnowed per numpy pass: the 8-byte arrays of a whole 20-million-character text would take
#: several times the text's size; pieces overlap by a window, so their fingerprints unite exactly.
_WINDOWS_PER_PASS = 1 << 19


def fingerprint_array(norm: str, params: ShingleParams = DEFAULT_PARAMS) -> np.ndarray:
    """`sorted_fingerprints` as an int64 array (no Python int per fingerprint), computed piece by piece."""
    count = len(norm) - params.k + 1  # shingles
    if count <= 0:
        return np.empty(0, dtype=np.int64)
    if count <= params.window:
        return _distinct(shingle_hashes(norm, params.k).min(keepdims=True))
    windows = count - params.window + 1
    span = params.window + params.k - 2  # characters a piece needs beyond its first window's start
    parts = [
        _distinct(_window_minima(shingle_hashes(norm[first : last + span], params.k), params.window))
        for first in range(0, windows, _WINDOWS_PER_PASS)
        for last in [min(first + _WINDOWS_PER_PASS, windows)]
    ]
    return _united(parts)


def text_fingerprint_array(text: str, params: ShingleParams = DEFAULT_PARAMS) -> tuple[np.ndarray, int]:
    """`fingerprint_array(normalised(text))` and the normalised view's length, taken as the text is
    normalised a piece at a time: a long text's normalised view (about its own size) is never whole in memory.
    A text with redaction markers, which normalise across pieces, is normalised whole."""
    try:
        return _streamed_fingerprints(text, params)
    except HasRedactions:
        norm = normalised(text)
        return fingerprint_array(norm, params), len(norm)


def _streamed_fingerprints(text: str, params: ShingleParams) -> tuple[np.ndarray, int]:
    span = params.window + params.k - 2  # a window's characters beyond its first
    parts: list[np.ndarray] = []
    chars = 0
    rest = ""  # the normalised characters of the windows not yet taken
    for piece in normalized_pieces(text, keep_punctuation=False, piece_chars=_WINDOWS_PER_PASS):
        chars += len(piece)
        rest += piece
        if len(rest) > span:  # windows starting at rest[0] … rest[-span - 1] lie wholly inside it
            parts.append(_distinct(_window_minima(shingle_hashes(rest, params.k), params.window)))
            rest = rest[-span:]
    if not parts:  # shorter than one window and its shingles: the whole view is in `rest`
        return fingerprint_array(rest, params), chars
    return _united(parts), chars


_NONE = np.empty(0, dtype=np.int64)


def _united(parts: list[np.ndarray]) -> np.ndarray:
    """The distinct values of sorted distinct `parts`, ascending. Memory is the one result array: each part is
    dropped from `parts` once copied, and duplicates are squeezed out in place (np.unique takes ~4× its input).
    """
    if len(parts) == 1:
        return parts[0]
    merged = np.empty(sum(len(part) for part in parts), dtype=np.int64)
    at = 0
    for i, part in enumerate(parts):
        merged[at : at + len(part)] = part
        at += len(part)
        parts[i] = _NONE
    merged.sort()
    kept, previous = 0, None
    for start in range(0, len(merged), _WINDOWS_PER_PASS):
        block = merged[start : start + _WINDOWS_PER_PASS]
        keep = np.empty(len(block), dtype=bool)
        keep[0] = previous is None or block[0] != previous
        np.not_equal(block[1:], block[:-1], out=keep[1:])
        previous = block[-1]
        values = block[keep]  # a copy: writing below never overtakes reading
        merged[kept : kept + len(values)] = values
        kept += len(values)
    return merged[:kept]


def fingerprints_of_normalised(norm: str, params: ShingleParams = DEFAULT_PARAMS) -> frozenset[int]:
    """The winnowed fingerprints of a normalised string (a set: the index counts documents, not uses)."""
    return frozenset(sorted_fingerprints(norm, params))


def _window_minima(values: np.ndarray, window: int) -> np.ndarray:
    """Minimum of every `window` consecutive values, by doubling spans: log2(window) vector passes."""
    minima, span = values, 1
    while span * 2 <= window:
        minima = np.minimum(minima[:-span], minima[span:])
        span *= 2
    rest = window - span  # ≤ span: [i, i+span) ∪ [i+rest, i+rest+span) = [i, i+window)
    if rest:
        minima = np.minimum(minima[:-rest], minima[rest:])
    return minima


def fingerprints(text: str, params: ShingleParams = DEFAULT_PARAMS) -> frozenset[int]:
    """The winnowed fingerprints of a stored text."""
    return fingerprints_of_normalised(normalised(text), params)


def all_shingles(text: str, params: ShingleParams = DEFAULT_PARAMS) -> frozenset[int]:
    """Every shingle hash of a (short) query text: whichever of them another document kept will match.

    Used for passage search, where the query is a selection too short to rely on winnowing alone.
    """
    return frozenset(_distinct(shingle_hashes(normalised(text), params.k)).tolist())


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
