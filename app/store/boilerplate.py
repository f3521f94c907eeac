"""Corpus-wide boilerplate from the library's shingle index: the `BoilerplateSignal` of the passage engine.

Text that many *other* speeches of the library also contain is boilerplate (a formula nobody copied from
anybody), so a passage made mostly of it is kind "formula" rather than "copy" (app.core.passages.classify).
The index (app.store.index) stores only winnowed fingerprints, so the passage is hashed exactly like the
index hashes a document (app.core.shingles) and every one of its shingle positions is looked up: whichever
of them the other documents kept will be found. Documents holding a shared run keep one of its fingerprints
at least every `window` shingles, so frequent shingles that close are one covered stretch. This under-counts
at the edges of a run (up to a window before its first kept fingerprint and after its last); counting on
to where winnowing could have passed text over was measured on tests/bench/eval_passages.py (--extra
--store-library) and cost recall: planted copies next to boilerplate became formulas.

Document frequencies are looked up library-wide, batched per passage and cached for the life of the signal;
the compared documents (`exclude`, found by content hash) are left out by subtracting their own fingerprints,
so all pairs of a comparison or a copy network share one cache. A small library, or one without an index,
gives no signal at all (share 0): three other speeches out of four say nothing about what is boilerplate.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

import numpy as np

from app.core.boilerplate_share import DocumentBoilerplate, FrozenBoilerplate, coverage
from app.core.shingles import NO_HASH, ShingleParams, shingle_hashes
from app.store.reads import (
    PARAMS,
    document_fingerprints,
    document_frequencies,
    ids_by_hash,
    indexed_documents,
)

if TYPE_CHECKING:
    from app.store.reads import Db as Session

#: Default: text in this many other documents is boilerplate (the research and the evaluation used 3).
MIN_DF = 3
#: In a big library a few speeches may well copy from one source: then the bar is this share of it.
MIN_SHARE = 0.005
#: Libraries with fewer indexed documents than this give no signal.
MIN_DOCUMENTS = 5
#: Fingerprint sets of excluded documents kept at once (the least recently used goes first): a scan worker
#: keeps ~800 prepared speeches (app.core.scan_order) and each pair excludes two of them.
_HELD_KEPT = 1024
#: Characters of passages whose shingles are remembered at once (8 bytes of hashes each).
_TEXT_CHARS_KEPT = 2_000_000


class LibraryBoilerplate:
    """Share of a normalised passage covered by fingerprints found in ≥ `threshold` other library documents.

    Pass `library.reader`; build one per comparison (or per library state): the document count is read
    once and the frequencies are cached, so a signal does not follow later imports.
    """

    def __init__(
        self,
        reader: Callable[[], Session],
        *,
        min_df: int = MIN_DF,
        min_share: float = MIN_SHARE,
        min_documents: int = MIN_DOCUMENTS,
        params: ShingleParams = PARAMS,
    ) -> None:
        self.reader = reader
        self.params = params
        with reader() as session:
            self.documents = indexed_documents(session)
        self.threshold = max(min_df, math.ceil(self.documents * min_share))
        self.active = self.documents >= min_documents
        #: library-wide document frequencies, content hash → id, id → fingerprints (of excluded documents)
        self._df: dict[int, int] = {}
        self._ids: dict[str, int | None] = {}
        self._held: OrderedDict[int, frozenset[int]] = OrderedDict()
        #: normalised text → its shingle hashes and the library-wide frequent ones among them
        self._texts: dict[str, tuple[np.ndarray, set[int]]] = {}
        self._text_chars = 0
        #: (thread, session) held by `reading`
        self._held_session: tuple[int, Session] | None = None

    def identity(self) -> str:
        """What the signal depends on, for cache keys: "" when it gives none. The document count is put in
        powers of two, so importing one speech does not invalidate every cached comparison."""
        if not self.active:
            return ""
        return f"df{self.threshold}/docs~{1 << self.documents.bit_length()}"

    def share(self, normalised_text: str, exclude: frozenset[str] = frozenset()) -> float:
        """Fraction of the text's characters inside shingles held by ≥ `threshold` other documents."""
        covered = self.covered(normalised_text, exclude)
        return float(np.count_nonzero(covered)) / len(normalised_text) if covered is not None else 0.0

    def covered(self, normalised_text: str, exclude: frozenset[str] = frozenset()) -> np.ndarray | None:
        """Which characters of the text `share` counts (a boolean per character); None when none is."""
        k = self.params.k
        if not self.active or len(normalised_text) < k:
            return None
        hashes, common = self._common(normalised_text)
        frequent = self._without(common, exclude) if common and exclude else common
        if not frequent:
            return None
        positions = np.flatnonzero(np.isin(hashes, np.fromiter(frequent, dtype=np.int64)))
        return coverage(positions, len(normalised_text), self.params)

    def frozen(self, normalised_texts: Iterable[str], digests: Iterable[str]) -> FrozenBoilerplate:
        """This signal's answers for these documents (normalised texts) and any stretch of them, read now
        and kept (`FrozenBoilerplate`: it travels to another process); `digests` are their content hashes,
        the documents a pair leaves out."""
        k = self.params.k
        hashes = [shingle_hashes(text, k) for text in normalised_texts if len(text) >= k]
        distinct = np.unique(np.concatenate(hashes)) if hashes else np.zeros(0, dtype=np.int64)
        distinct = distinct[distinct != NO_HASH]
        with self.reading():
            df = self.frequencies(distinct)
            counted = df >= self.threshold
            frequent = dict(zip(distinct[counted].tolist(), df[counted].tolist(), strict=True))
            held = {d: s & frequent.keys() for d in set(digests) for s in self.held_by(frozenset((d,)))}
        return FrozenBoilerplate(self.identity(), self.threshold, self.params, frequent, held)

    def of_document(self, normalised_text: str) -> DocumentBoilerplate | None:
        """The signal for stretches of one document (None when it gives none): `share(start, end, exclude)`
        is `share(normalised_text[start:end], exclude)`, with the document's shingles hashed once."""
        return DocumentBoilerplate(self, normalised_text) if self.active else None

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Keep one session open for the lookups made inside, on this thread: a copy network asks
        thousands of times, and opening a session each time was a quarter of the signal's cost."""
        with self.reader() as session:
            self._held_session = (threading.get_ident(), session)
            try:
                yield
            finally:
                self._held_session = None

    @contextmanager
    def _session(self) -> Iterator[Session]:
        held = self._held_session
        if held is not None and held[0] == threading.get_ident():
            yield held[1]
            return
        with self.reader() as session:
            yield session

    def remember(self, documents: Mapping[str, int]) -> None:
        """Content hash → id of documents a caller already read, so excluding them costs no lookup."""
        self._ids.update(documents)

    def _common(self, normalised_text: str) -> tuple[np.ndarray, set[int]]:
        """The text's shingle hashes and those held by ≥ `threshold` documents library-wide, remembered
        per text: a query's passage is asked about again with every candidate it is compared with."""
        known = self._texts.get(normalised_text)
        if known is None:
            self._text_chars += len(normalised_text)
            if self._text_chars > _TEXT_CHARS_KEPT:  # copy networks: keep memory bounded
                self._texts.clear()
                self._text_chars = len(normalised_text)
            hashes = shingle_hashes(normalised_text, self.params.k)
            known = self._texts[normalised_text] = (hashes, self._library_frequent(hashes))
        return known

    def _library_frequent(self, hashes: np.ndarray) -> set[int]:
        """Hashes held by ≥ `threshold` documents, the compared ones included. Frequencies are looked up
        library-wide and cached, so every pair of a comparison or of a copy network shares them."""
        distinct = np.unique(hashes[hashes != NO_HASH]).tolist()
        self._look_up(distinct)
        return {h for h in distinct if self._df[h] >= self.threshold}

    def _look_up(self, distinct: Iterable[int]) -> None:
        """Bring the library-wide frequencies of these distinct hashes into the cache."""
        missing = [h for h in distinct if h not in self._df]
        if missing:
            with self._session() as session:
                found = document_frequencies(session, missing)
            self._df.update({h: found.get(h, 0) for h in missing})

    def frequencies(self, hashes: np.ndarray) -> np.ndarray:
        """The library-wide document frequency of each hash (0 for `NO_HASH`), looked up as `share` does."""
        listed = hashes.tolist()
        self._look_up(sorted({h for h in listed if h != NO_HASH}))
        get = self._df.get
        return np.fromiter((get(h, 0) for h in listed), dtype=np.int64, count=len(listed))

    def _without(self, common: set[int], exclude: frozenset[str]) -> set[int]:
        """The common hashes still held by ≥ `threshold` documents once the excluded ones are left out:
        only these few are checked against the excluded documents' own fingerprints."""
        held = self.held_by(exclude)
        if not held:
            return common
        return {h for h in common if self._df[h] - sum(h in s for s in held) >= self.threshold}

    def held_by(self, exclude: frozenset[str]) -> list[frozenset[int]]:
        """The stored fingerprints of each excluded document the library holds."""
        return [self._fingerprints(d) for d in self._excluded_ids(exclude)]

    def _excluded_ids(self, exclude: frozenset[str]) -> list[int]:
        unknown = sorted(h for h in exclude if h not in self._ids)
        if unknown:
            with self._session() as session:
                found = ids_by_hash(session, unknown)
            self._ids.update({h: found.get(h) for h in unknown})
        return [d for d in (self._ids[h] for h in exclude) if d is not None]

    def _fingerprints(self, document_id: int) -> frozenset[int]:
        held = self._held.get(document_id)
        if held is None:
            if len(self._held) >= _HELD_KEPT:  # library-wide networks: keep memory bounded
                self._held.popitem(last=False)
            with self._session() as session:
                held = self._held[document_id] = document_fingerprints(session, document_id)
        else:
            self._held.move_to_end(document_id)
        return held


def library_boilerplate(reader: Callable[[], Session]) -> LibraryBoilerplate | None:
    """The signal of a library, or None when it would give none (too few indexed documents)."""
    signal = LibraryBoilerplate(reader)
    return signal if signal.active else None
