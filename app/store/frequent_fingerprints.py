"""The library's boilerplate fingerprints read once, not passage by passage: a faster, equal signal.

"Similar speeches" confirms ~15 candidates per query, and the boilerplate signal (app.store.boilerplate)
looked up the document frequency of every shingle of every compared passage in the index: ~12,000–16,000
hashes in ~130 queries, a fifth of a long query's time on a 10,000-speech library. Yet only the shingles
held by ≥ `threshold` documents matter (50 of 10,000; 38,000 distinct fingerprints), so they are read
once, with one GROUP BY over the postings (~0.8 s of CPU on that library), kept for the process and in
the cache folder, keyed by the index's state: the next query, or the next `duidu similar`, finds them
there. After an import the table is brought up to date from the new speeches' fingerprints (`_updated`)
instead of read again (4–5 s of CPU on that library, paid by the first question after every import). The signal gives the same shares as the one it replaces (exact frequencies of the frequent
fingerprints, all others below the bar); leaving the compared documents out still reads their own
fingerprints, but only when a frequent shingle is close enough to the bar for it to matter.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from app.core.passages import FormulaOracle, PassageParams
from app.core.shingles import NO_HASH
from app.core.similar_focus import Focus, QueryShingles, best_first, common_mask, copy_bound
from app.paths import cache_dir
from app.store.boilerplate import LibraryBoilerplate
from app.store.reads import POSTING_TABLES, chunks, fetch, index_stamp, library_formula_oracle, marks

if TYPE_CHECKING:
    from app.store.engine import Library
    from app.store.reads import Db as Session

#: The cache sub-folder holding each library's frequent fingerprints (one small .npy file per library).
FOLDER = "frequent-fingerprints"
#: In-process copies, by (library location, index state, threshold).
_KEPT: dict[tuple[str, str, int], tuple[np.ndarray, np.ndarray]] = {}


class FrequentBoilerplate(LibraryBoilerplate):
    """`LibraryBoilerplate` whose frequencies come from the table of frequent fingerprints."""

    def __init__(self, reader: Callable[[], Session], location: str) -> None:
        super().__init__(reader)
        with reader() as session:
            self.hashes, self.counts = frequent_fingerprints(session, location, self.threshold)

    def _library_frequent(self, hashes: np.ndarray) -> set[int]:
        distinct = np.unique(hashes[hashes != NO_HASH])
        if not len(self.hashes) or not len(distinct):
            return set()
        at = np.minimum(np.searchsorted(self.hashes, distinct), len(self.hashes) - 1)
        hit = self.hashes[at] == distinct
        found = dict(zip(distinct[hit].tolist(), self.counts[at[hit]].tolist(), strict=True))
        self._df.update(found)
        return set(found)

    def frequencies(self, hashes: np.ndarray) -> np.ndarray:
        """The document frequency of each hash held by ≥ `threshold` documents, 0 for all others (which
        no share counts): found in the table, no index lookup."""
        if not len(self.hashes):
            return np.zeros(len(hashes), dtype=np.int64)
        at = np.minimum(np.searchsorted(self.hashes, hashes), len(self.hashes) - 1)
        return np.where(self.hashes[at] == hashes, self.counts[at], 0)

    def _without(self, common: set[int], exclude: frozenset[str]) -> set[int]:
        """As the base class, but the excluded documents' fingerprints are read only when leaving them
        out could bring a frequent shingle under the bar (each excluded document lowers it by one)."""
        if all(self._df[h] >= self.threshold + len(exclude) for h in common):
            return common
        return super()._without(common, exclude)


def less_boilerplate(
    bounded: list[tuple[Focus, int]],
    shingles: QueryShingles,
    params: PassageParams,
    excluded: int,
    scores: dict[int, float],
) -> list[tuple[Focus, int]]:
    """The candidates with bounds that leave out what the library's boilerplate rules out
    (`similar_focus.copy_bound`), best first. Only shingles that stay over the bar with `excluded`
    documents left out (the compared pair and the query's versions) count as boilerplate here."""
    signal = params.boilerplate
    if not isinstance(signal, FrequentBoilerplate) or not len(shingles.unique):
        return bounded
    positions = held_by_at_least(shingles, signal.hashes, signal.counts, signal.threshold + excluded)
    mask = common_mask(len(shingles.text), positions, signal.params.window)
    tightened = [(replace(found, bound=copy_bound(found, mask, params)), i) for found, i in bounded]
    return best_first(tightened, scores)


def held_by_at_least(shingles: QueryShingles, hashes: np.ndarray, counts: np.ndarray, bar: int) -> np.ndarray:
    """Positions of the query's shingles whose fingerprint the table (sorted `hashes`, their `counts`)
    holds with a count ≥ `bar`: each distinct hash of the query looked up once in the sorted table
    (np.isin sorted the query's hashes and the table's again for every query)."""
    if not len(hashes):
        return np.zeros(0, dtype=np.int64)
    at = np.minimum(np.searchsorted(hashes, shingles.unique), len(hashes) - 1)
    sure = (hashes[at] == shingles.unique) & (counts[at] >= bar) & (shingles.unique != NO_HASH)
    return np.flatnonzero(sure[shingles.inverse])


def similar_boilerplate(reader: Callable[[], Session], location: str) -> LibraryBoilerplate | None:
    """The signal for "similar speeches", or None when the library gives none (too few documents)."""
    signal = FrequentBoilerplate(reader, location)
    return signal if signal.active else None


def ready_boilerplate(reader: Callable[[], Session], location: str) -> LibraryBoilerplate | None:
    """The library's signal (None when it gives none), read from its table of frequent fingerprints when
    that table is at hand for the index as it is (this process or the cache folder holds it: an import
    brings it up to date), else the signal that looks frequencies up: building the table here could cost
    seconds on a large library whose last change was no import."""
    signal = LibraryBoilerplate(reader)
    if not signal.active:
        return None
    with reader() as session:
        key = (location, index_stamp(session), signal.threshold)
    ready = key in _KEPT or (Path(location).is_absolute() and _cache_file(key).is_file())
    return FrequentBoilerplate(reader, location) if ready else signal


def similar_params(library: Library, formula_oracle: FormulaOracle | None = None) -> PassageParams:
    """`default_params` with the library's boilerplate read from its table of frequent fingerprints
    (app.store.frequent_fingerprints: the same shares, without an index lookup per compared passage)."""
    return PassageParams(
        formula_oracle=formula_oracle or library_formula_oracle(library),
        boilerplate=similar_boilerplate(library.reader, library.location),
    )


def refresh_frequent(library: Library) -> None:
    """Bring the library's table of frequent fingerprints up to date now (after an import): the first
    `similar` after it then finds the table in the cache folder. Brought up to date from the last table
    this costs ~0.03 s on 10,000 speeches; without one (the library's first import) it is read whole,
    which is at import time a small part of the work (the index was just written) and at question time
    the 4–5 s the user waits for. Not for a server library: its table is kept in no file."""
    if Path(library.location).is_absolute():
        FrequentBoilerplate(library.reader, library.location)


def frequent_fingerprints(session: Session, location: str, threshold: int) -> tuple[np.ndarray, np.ndarray]:
    """(sorted hashes, document counts) of the fingerprints held by ≥ `threshold` documents."""
    key = (location, index_stamp(session), threshold)
    kept = _KEPT.get(key)
    if kept is not None:
        return kept
    file = _cache_file(key) if Path(location).is_absolute() else None
    try:
        if file is None:
            raise OSError("no file to keep them for")  # an in-memory library, a server
        table = np.load(file)
    except (OSError, ValueError):
        latest = _cache_file(location, "latest") if file is not None else None
        table = _updated(session, latest, threshold) if latest is not None else None
        if table is None:
            table = _read(session, threshold)
        if file is not None and latest is not None:
            _save(file, table)
            _save(latest, table, meta=(key[1], threshold))
    _KEPT.clear()  # one library at a time is what a process asks about
    _KEPT[key] = (table[0], table[1])
    return _KEPT[key]


def _cache_file(key: object, kind: str = "table") -> Path:
    name = hashlib.sha256(repr(key).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return cache_dir() / FOLDER / (f"{name}.npy" if kind == "table" else f"{name}.{kind}.npz")


def _save(file: Path, table: np.ndarray, meta: tuple[str, int] | None = None) -> None:
    """The table alone (.npy), or with the index stamp and threshold it was made for (.npz)."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_name(file.stem + ".partial" + file.suffix)
        with partial.open("wb") as out:
            if meta is None:
                np.save(out, table)
            else:
                np.savez(out, table=table, stamp=np.array(meta[0]), threshold=np.array(meta[1]))
        partial.replace(file)
    except OSError:
        pass  # an unwritable cache folder only costs the next process the read


#: Above this many fingerprints to count by hash, one read of the whole index is cheaper than an update
#: (10,000-speech library: the read ~4.5 s of CPU, a lookup ~12 µs).
_UPDATE_LOOKUPS = 300_000


def _updated(session: Session, latest: Path, threshold: int) -> np.ndarray | None:
    """The table brought up to date from the last one made for this library, when since then documents
    were only added (those numbered up to its last are indexed as they were); else None.

    A fingerprint's count only grows by the new documents' postings. One outside the old table was held
    by fewer than the old bar, so it can reach the new one (≥ the old: the library only grew) only with
    enough new postings; those few are counted in the whole index by hash (its primary key)."""
    try:
        with np.load(latest) as saved:
            old, old_stamp, old_threshold = saved["table"], str(saved["stamp"]), int(saved["threshold"])
    except (OSError, ValueError, KeyError):
        return None
    old_last = int(old_stamp.split("-")[1])
    if threshold < old_threshold or index_stamp(session, up_to=old_last) != old_stamp:
        return None
    # no GROUP BY: grouping by hash made SQLite scan the whole main table in its key order (0.35 s)
    # instead of reading the new documents' postings through the document index
    new = np.fromiter(
        (
            h
            for table in POSTING_TABLES
            for (h,) in fetch(session, f"SELECT hash FROM {table} WHERE document_id > ?", (old_last,))
        ),
        dtype=np.int64,
    )
    hashes, times = np.unique(new, return_counts=True)
    added = dict(zip(hashes.tolist(), times.tolist(), strict=True))
    counts = dict(zip(old[0].tolist(), old[1].tolist(), strict=True))
    for h, n in added.items():
        if h in counts:
            counts[h] += n
    unknown = [h for h, n in added.items() if h not in counts and n > threshold - old_threshold]
    if len(unknown) > _UPDATE_LOOKUPS:
        return None
    for h, n in _counted(session, unknown):
        counts[h] = counts.get(h, 0) + n
    kept = sorted((h, n) for h, n in counts.items() if n >= threshold)
    flat = np.fromiter(chain.from_iterable(kept), dtype=np.int64, count=2 * len(kept))
    return np.ascontiguousarray(flat.reshape(-1, 2).T)


def _counted(session: Session, hashes: list[int]) -> list[tuple[int, int]]:
    """(hash, documents holding it) in the whole index, per postings table (a hash may be in both)."""
    found: list[tuple[int, int]] = []
    for table in POSTING_TABLES:
        for chunk in chunks(hashes):
            sql = f"SELECT hash, COUNT(*) FROM {table} WHERE hash IN ({marks(chunk)}) GROUP BY hash"
            found.extend((int(h), int(n)) for h, n in fetch(session, sql, chunk))
    return found


def _read(session: Session, threshold: int) -> np.ndarray:
    """(2, n) array: the hashes held by ≥ `threshold` documents, ascending, and their document counts.
    Every postings table of the index is read (recent documents' postings wait in a second one)."""
    # one table: its primary key (hash first) serves the grouping without a sort
    union = " UNION ALL ".join(f"SELECT hash FROM {table}" for table in POSTING_TABLES)
    source = f"({union}) AS postings" if len(POSTING_TABLES) > 1 else POSTING_TABLES[0]
    statement = (
        f"SELECT hash, COUNT(*) FROM {source} GROUP BY hash HAVING COUNT(*) >= {int(threshold)} ORDER BY hash"
    )
    rows = fetch(session, statement)
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=2 * len(rows))
    return np.ascontiguousarray(flat.reshape(-1, 2).T)
