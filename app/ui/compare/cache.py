"""The compare view's pair cache on the open library (table `comparison_cache`, app.store.comparison_cache).

A cache must never stop a comparison: a read-only or locked library, or a schema without the table, just
means computing again, so every failure turns the cache off for the rest of the session.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.core.passages import PairSummary, Passage
from app.store import Library, LibraryError, library_errors
from app.store.boilerplate import LibraryBoilerplate
from app.store.comparison_cache import load_pair, pair_key, prune, save_pair
from app.store.frequent_fingerprints import ready_boilerplate
from app.store.models import CachedComparison
from app.ui.compare.compute import CompareDocument

PairResult = tuple[list[Passage], PairSummary]


class LibraryPairCache:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.enabled = not library.readonly
        self.hits = 0
        self.stores = 0

    def load(
        self, docs: Sequence[CompareDocument], a: int, b: int, params: dict[str, object]
    ) -> PairResult | None:
        if not self.enabled:
            return None
        try:
            with library_errors(self.library.location), self.library.reader() as session:
                found = load_pair(
                    session, docs[a].text, docs[a].sha256, docs[b].text, docs[b].sha256, params, a, b
                )
        except (LibraryError, SQLAlchemyError):
            self.enabled = False
            return None
        self.hits += found is not None
        return found

    def load_many(
        self, docs: Sequence[CompareDocument], pairs: Sequence[tuple[int, int]], params: dict[str, object]
    ) -> dict[tuple[int, int], PairResult]:
        """`load` of every pair, in one read of the library: one query says which pairs it holds, and only
        those are read. A first open finds none, and that one query is all it costs (28 queries, each in
        a session of its own, took its matching thread 15–30 ms of CPU before the pool's pairs could be
        queued)."""
        if not self.enabled or not pairs:
            return {}
        keys = {pair_key(docs[a].sha256, docs[b].sha256, params): (a, b) for a, b in pairs}
        try:
            with library_errors(self.library.location), self.library.reader() as session:
                held = set(
                    session.scalars(select(CachedComparison.key).where(CachedComparison.key.in_(keys)))
                )
                found = {
                    (a, b): load_pair(
                        session, docs[a].text, docs[a].sha256, docs[b].text, docs[b].sha256, params, a, b
                    )
                    for key, (a, b) in keys.items()
                    if key in held
                }
        except (LibraryError, SQLAlchemyError):
            self.enabled = False
            return {}
        loaded = {pair: result for pair, result in found.items() if result is not None}
        self.hits += len(loaded)
        return loaded

    def save(
        self, docs: Sequence[CompareDocument], a: int, b: int, params: dict[str, object], result: PairResult
    ) -> None:
        self.save_many(docs, {(a, b): result}, params)

    def save_many(
        self,
        docs: Sequence[CompareDocument],
        results: Mapping[tuple[int, int], PairResult],
        params: dict[str, object],
    ) -> None:
        """Store pairs in one transaction (one commit, not one per pair)."""
        if not self.enabled or not results:
            return
        try:
            with library_errors(self.library.location), self.library.writer.begin() as session:
                if not self.stores:
                    prune(session)  # once per session: rows of other Duidu versions are never read again
                for (a, b), (passages, summary) in results.items():
                    save_pair(session, docs[a].sha256, docs[b].sha256, params, passages, summary)
        except (LibraryError, SQLAlchemyError):
            self.enabled = False
            return
        self.stores += len(results)


def boilerplate_source(library: Library) -> Callable[[], LibraryBoilerplate | None]:
    """Builds the library's boilerplate signal (in the compare worker), from its table of frequent
    fingerprints when that is at hand (`ready_boilerplate`: the same shares, no lookup per passage, and a
    snapshot for the matching pool in milliseconds); like the cache, a library that cannot be read just
    means no signal. Its later lookups run inside the engine: an error there fails the comparison like any
    other, which the view reports."""

    def build() -> LibraryBoilerplate | None:
        try:
            with library_errors(library.location):
                return ready_boilerplate(library.reader, library.location)
        except (LibraryError, SQLAlchemyError):
            return None

    return build
