"""Which candidates "similar speeches" bounds and confirms: a pool drawn from the shingle index three ways.

The index ranks documents by the summed rarity of the fingerprints they share with the query. That misses
a source whose text many speeches copied (its fingerprints are common, and those held by more than 5 % of
the library are not looked up at all) and a source much shorter than the query (it shares few
fingerprints, however much of it is in the query). So the pool takes the `size` best candidates by
rarity, the `size` sharing the most fingerprints, and the `size` whose own fingerprints are most fully
among the query's, then more by rarity while the pool is small in characters; app.core.similar_focus
then bounds each of them cheaply.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.store.reads import find_candidates, index_sizes

if TYPE_CHECKING:
    from app.store.reads import Db

#: Candidates the index ranks before the pool is drawn from them (cheap: numpy over its postings).
CANDIDATE_LIMIT = 1000
#: Fingerprints of a long query looked up in the index, about: see `sampling_step`.
LOOKED_UP = 1000
#: The pool is filled up with further candidates, by rarity, while their texts stay under this many
#: characters in all: the bounds of short formulaic texts (resolutions, notices) say little, and a source
#: whose wording the whole genre repeats may share only a fingerprint or two that the index looks up.
POOL_CHARS = 150_000


def sampling_step(fingerprints: int, size: int = LOOKED_UP) -> int:
    """A long query looks up only its fingerprints whose hash is divisible by this power of two (about
    `size` of them): the same sample in every document — a document holding a shared passage holds the
    passage's sampled fingerprints too — so a source sharing a few hundred characters is still found
    while the lookup no longer grows with the query (a 30,000-character query has ~3,500)."""
    step = 1
    while fingerprints > size * step:
        step *= 2
    return step


def candidate_pool(
    session: Db, fingerprints: frozenset[int], exclude: Iterable[int], size: int
) -> tuple[list[int], dict[int, float]]:
    """Ids of the pool (at most 3 × `size`) and the index's score of every candidate it ranked."""
    step = sampling_step(len(fingerprints))
    looked_up = fingerprints if step == 1 else frozenset(h for h in fingerprints if h % step == 0)
    candidates = find_candidates(session, looked_up, exclude=exclude, limit=CANDIDATE_LIMIT)
    sizes = index_sizes(session, [c.document_id for c in candidates])
    by_count = sorted(candidates, key=lambda c: (-c.shared, c.document_id))
    by_containment = sorted(
        candidates,
        key=lambda c: (-c.shared * step / max(1, sizes.get(c.document_id, (0, 0))[0]), c.document_id),
    )
    pool = dict.fromkeys(
        c.document_id for c in [*candidates[:size], *by_count[:size], *by_containment[:size]]
    )
    chars = sum(sizes.get(i, (0, 0))[1] for i in pool)
    for candidate in candidates:  # short speeches are cheap to bound: take more of them, by rarity
        if chars + sizes.get(candidate.document_id, (0, 0))[1] > POOL_CHARS:
            break
        if candidate.document_id not in pool:
            pool[candidate.document_id] = None
            chars += sizes.get(candidate.document_id, (0, 0))[1]
    return list(pool), {c.document_id: c.score for c in candidates}
