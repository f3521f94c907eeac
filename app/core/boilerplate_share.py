"""A library's boilerplate share of stretches of a document, from its shingles' document frequencies.

The library's signal (app.store.boilerplate.LibraryBoilerplate) looks the frequencies up in the open
library. Here is what needs none of it:

- `DocumentBoilerplate`: the share of any stretch of one document, the document's shingles hashed once;
  it asks its signal only for `frequencies`, `held_by`, `threshold` and `params`.
- `FrozenBoilerplate`: those answers read once for a fixed set of documents (every frequency that can
  count, the excluded documents' fingerprints among them) and kept. It reads no library, so it travels
  to another process (the compare view's matching pool, app.core.passages.helper_pool) and gives there
  exactly the shares the library's signal gives for those documents and any stretch of them.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Mapping
from typing import Protocol

import numpy as np

from app.core.shingles import ShingleParams, shingle_hashes


class FrequencySource(Protocol):
    """What `DocumentBoilerplate` asks its signal."""

    params: ShingleParams
    threshold: int

    def frequencies(self, hashes: np.ndarray) -> np.ndarray: ...

    def held_by(self, exclude: frozenset[str]) -> list[frozenset[int]]: ...


class DocumentBoilerplate:
    """`LibraryBoilerplate.share` for stretches of one document, made once per document: its shingles are
    hashed once and each position's library-wide frequency is looked up on first need, so a stretch's
    share costs array slices, not hashing and set building per passage of every pair. Exact: a shingle's
    hash depends on its eight characters alone, so a stretch's hashes are a slice of the document's."""

    __slots__ = ("_df", "_hashes", "_signal")

    def __init__(self, signal: FrequencySource, normalised_text: str) -> None:
        self._signal = signal
        self._hashes = shingle_hashes(normalised_text, signal.params.k)
        self._df = np.full(len(self._hashes), -1, dtype=np.int64)  # -1: not looked up yet

    def share(self, start: int, end: int, exclude: frozenset[str] = frozenset()) -> float:
        """The share of the document's normalised characters [start, end) that `LibraryBoilerplate.share`
        gives for that stretch's text."""
        signal, k = self._signal, self._signal.params.k
        if end - start < k:
            return 0.0
        last = end - k + 1  # shingle positions of the stretch: [start, last)
        df = self._df[start:last]
        unknown = np.flatnonzero(df < 0)
        if len(unknown):
            df[unknown] = signal.frequencies(self._hashes[start:last][unknown])
        threshold = signal.threshold
        common = np.flatnonzero(df >= threshold)
        if not len(common):
            return 0.0
        # leaving the excluded documents out lowers a frequency by at most their number: only shingles
        # that close to the bar are checked against their fingerprints
        near = common[df[common] < threshold + len(exclude)].tolist()
        held = signal.held_by(exclude) if near else []
        if held:
            hashes = self._hashes[start:last]
            out = [p for p in near if df[p] - sum(int(hashes[p]) in s for s in held) < threshold]
            if out:
                common = common[~np.isin(common, out)]
                if not len(common):
                    return 0.0
        return float(np.count_nonzero(coverage(common, end - start, signal.params))) / (end - start)


def coverage(positions: np.ndarray, length: int, params: ShingleParams) -> np.ndarray:
    """The characters of a text of `length` covered by its frequent shingles at `positions` (ascending)."""
    covered = np.zeros(length + 1, dtype=np.int32)
    for first, last in _stretches(positions.tolist(), params.window):
        covered[first] += 1
        covered[last + params.k] -= 1
    return np.cumsum(covered)[:-1] > 0


def _stretches(frequent: list[int], window: int) -> list[tuple[int, int]]:
    """First and last position of each run of frequent shingles at most `window` apart: documents holding
    a shared run keep one of its fingerprints at least every `window` shingles, so the run is one stretch."""
    runs = [[frequent[0], frequent[0]]]
    for position in frequent[1:]:
        if position - runs[-1][1] > window:
            runs.append([position, position])
        else:
            runs[-1][1] = position
    return [(first, last) for first, last in runs]


#: In each process: the snapshots unpickled here, by token, so every task bringing one gets the same
#: object (documents keep what they made of a signal while it stays the same object: engine.PreparedDocument).
_REVIVED: dict[str, FrozenBoilerplate] = {}
_REVIVED_KEPT = 4
_revived_lock = threading.Lock()


class FrozenBoilerplate:
    """A library's boilerplate signal for a fixed set of documents, read once (see the module docstring).

    `frequent`: the document frequency of every shingle hash of those documents held by ≥ `threshold`
    library documents (all others count as 0: no share counts them); `held`: per content hash of a
    document the library holds, its stored fingerprints among `frequent` (the only ones leaving it out
    can matter for). `identity` is the library signal's, for cache keys."""

    #: Pickled whole, so a pool process labels with it as this one would (helper_pool.labels_travel).
    travels = True

    def __init__(
        self,
        identity: str,
        threshold: int,
        params: ShingleParams,
        frequent: Mapping[int, int],
        held: Mapping[str, Iterable[int]],
        token: str = "",
    ) -> None:
        self._identity, self.threshold, self.params = identity, threshold, params
        pairs = sorted(frequent.items())
        self._hashes = np.array([h for h, _ in pairs], dtype=np.int64)
        self._counts = np.array([n for _, n in pairs], dtype=np.int64)
        self._held = {digest: frozenset(hashes) for digest, hashes in held.items()}
        self.token = token or uuid.uuid4().hex

    def identity(self) -> str:
        return self._identity

    def frequencies(self, hashes: np.ndarray) -> np.ndarray:
        """The document frequency of each hash that can count, 0 for every other."""
        if not len(self._hashes):
            return np.zeros(len(hashes), dtype=np.int64)
        at = np.minimum(np.searchsorted(self._hashes, hashes), len(self._hashes) - 1)
        return np.where(self._hashes[at] == hashes, self._counts[at], 0)

    def held_by(self, exclude: frozenset[str]) -> list[frozenset[int]]:
        return [self._held[digest] for digest in exclude if digest in self._held]

    def of_document(self, normalised_text: str) -> DocumentBoilerplate:
        return DocumentBoilerplate(self, normalised_text)

    def share(self, normalised_text: str, exclude: frozenset[str] = frozenset()) -> float:
        return self.of_document(normalised_text).share(0, len(normalised_text), exclude)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        frequent = dict(zip(self._hashes.tolist(), self._counts.tolist(), strict=True))
        return (_revive, (self.token, self._identity, self.threshold, self.params, frequent, self._held))


def _revive(
    token: str,
    identity: str,
    threshold: int,
    params: ShingleParams,
    frequent: Mapping[int, int],
    held: Mapping[str, Iterable[int]],
) -> FrozenBoilerplate:
    """The snapshot `token` names: the one unpickled here before, or this one, kept for the next task."""
    with _revived_lock:
        known = _REVIVED.get(token)
        if known is None:
            if len(_REVIVED) >= _REVIVED_KEPT:
                _REVIVED.pop(next(iter(_REVIVED)))
            known = _REVIVED[token] = FrozenBoilerplate(identity, threshold, params, frequent, held, token)
        return known
