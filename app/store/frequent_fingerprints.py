"""The library's boilerplate fingerprints read once, not passage by passage: a faster, equal signal.

"Similar speeches" confirms ~15 candidates per query, and the boilerplate signal (app.store.boilerplate)
looked up the document frequency of every shingle of every compared passage in the index: ~12,000–16,000
hashes in ~130 queries, a fifth of a long query's time on a 10,000-speech library. Yet only the shingles
held by ≥ `threshold` documents matter (50 of 10,000; 38,000 distinct fingerprints), so they are read
once, with one GROUP BY over the postings (~0.8 s of CPU on that library), kept for the process and in
the cache folder, keyed by the index's state: the next query, or the next `duidu similar`, finds them
there. The signal gives the same shares as the one it replaces (exact frequencies of the frequent
fingerprints, all others below the bar); leaving the compared documents out still reads their own
fingerprints, but only when a frequent shingle is close enough to the bar for it to matter.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from itertools import chain
from pathlib import Path

import numpy as np
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.core.passages import FormulaOracle, PassageParams
from app.core.shingles import NO_HASH
from app.core.similar_focus import Focus, QueryShingles, best_first, common_mask, copy_bound
from app.paths import cache_dir
from app.store.boilerplate import LibraryBoilerplate
from app.store.engine import Library
from app.store.index import STATE
from app.store.lexicon import library_formula_oracle

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
    hashes = shingles.unique[shingles.inverse]
    sure = signal.hashes[signal.counts >= signal.threshold + excluded]
    positions = np.flatnonzero(np.isin(hashes, sure) & (hashes != NO_HASH))
    mask = common_mask(len(shingles.text), positions, signal.params.window)
    tightened = [(replace(found, bound=copy_bound(found, mask, params)), i) for found, i in bounded]
    return best_first(tightened, scores)


def similar_boilerplate(reader: Callable[[], Session], location: str) -> LibraryBoilerplate | None:
    """The signal for "similar speeches", or None when the library gives none (too few documents)."""
    signal = FrequentBoilerplate(reader, location)
    return signal if signal.active else None


def similar_params(library: Library, formula_oracle: FormulaOracle | None = None) -> PassageParams:
    """`default_params` with the library's boilerplate read from its table of frequent fingerprints
    (app.store.frequent_fingerprints: the same shares, without an index lookup per compared passage)."""
    return PassageParams(
        formula_oracle=formula_oracle or library_formula_oracle(library),
        boilerplate=similar_boilerplate(library.reader, library.location),
    )


def index_stamp(session: Session) -> str:
    """What the index holds, in a few numbers: any import, removal or re-index changes it."""
    c = STATE.c
    row = session.execute(
        select(func.count(), func.max(c.document_id), func.sum(c.fingerprints), func.sum(c.chars))
    ).one()
    return "-".join(str(v or 0) for v in row)


def frequent_fingerprints(session: Session, location: str, threshold: int) -> tuple[np.ndarray, np.ndarray]:
    """(sorted hashes, document counts) of the fingerprints held by ≥ `threshold` documents."""
    key = (location, index_stamp(session), threshold)
    kept = _KEPT.get(key)
    if kept is not None:
        return kept
    name = hashlib.sha256(repr(key).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    file = cache_dir() / FOLDER / f"{name}.npy" if Path(location).is_absolute() else None
    try:
        if file is None:
            raise OSError("no file to keep them for")  # an in-memory library, a server
        table = np.load(file)
    except (OSError, ValueError):
        table = _read(session, threshold)
        if file is not None:
            _save(file, table)
    _KEPT.clear()  # one library at a time is what a process asks about
    _KEPT[key] = (table[0], table[1])
    return _KEPT[key]


def _save(file: Path, table: np.ndarray) -> None:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_name(file.stem + ".partial.npy")
        np.save(partial, table)
        partial.replace(file)
    except OSError:
        pass  # an unwritable cache folder only costs the next process the read


def _read(session: Session, threshold: int) -> np.ndarray:
    """(2, n) array: the hashes held by ≥ `threshold` documents, ascending, and their document counts.
    Every postings table of the index is read (recent documents' postings wait in a second one)."""
    from app.store.index import POSTING_TABLES as tables

    # one table: its primary key (hash first) serves the grouping without a sort
    union = " UNION ALL ".join(f"SELECT hash FROM {t.name}" for t in tables)
    source = f"({union}) AS postings" if len(tables) > 1 else tables[0].name
    statement = (
        f"SELECT hash, COUNT(*) FROM {source} GROUP BY hash HAVING COUNT(*) >= {int(threshold)} ORDER BY hash"
    )
    rows = session.execute(text(statement)).all()
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=2 * len(rows))
    return np.ascontiguousarray(flat.reshape(-1, 2).T)
