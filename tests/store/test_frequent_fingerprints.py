"""The boilerplate signal of "similar speeches" reads the library's frequent fingerprints once
(app.store.frequent_fingerprints): it must give the shares of the signal that looks every passage up."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.shingles import NO_HASH, normalised
from app.core.similar_focus import QueryShingles
from app.core.text import content_hash
from app.paths import cache_dir
from app.store.boilerplate import LibraryBoilerplate
from app.store.frequent_fingerprints import FOLDER, FrequentBoilerplate, held_by_at_least
from app.store.repository import remove_document
from tests.store.boilerplate_texts import HOST, NOTICE, OTHER, holders, prose, store


def _same_shares(library, texts: list[str], excluded: list[frozenset[str]]) -> FrequentBoilerplate:  # type: ignore[no-untyped-def]
    looked_up = LibraryBoilerplate(library.reader)
    table = FrequentBoilerplate(library.reader, library.location)
    assert table.threshold == looked_up.threshold
    for text in texts:
        for exclude in excluded:
            assert table.share(normalised(text), exclude) == looked_up.share(normalised(text), exclude), (
                text[:10],
                exclude,
            )
    return table


def test_the_frequent_table_gives_the_shares_of_the_lookups(library) -> None:
    store(library, HOST, OTHER, *holders(2), prose(300), prose(300))  # the notice in four speeches
    texts = [NOTICE, HOST, OTHER, prose(80), prose(30) + NOTICE + prose(30)]
    excluded = [
        frozenset(),
        frozenset({content_hash(HOST)}),
        frozenset({content_hash(HOST), content_hash(OTHER)}),  # two left: under the bar of three
    ]
    table = _same_shares(library, texts, excluded)
    assert table.share(normalised(NOTICE)) > 0.75  # the test can fail: the notice is boilerplate here
    assert table.share(normalised(NOTICE), excluded[2]) == 0.0
    kept = sorted((cache_dir() / FOLDER).glob("*.npy"))
    assert len(kept) == 1  # kept for the next process, by the index's state
    store(library, prose(50) + NOTICE + prose(50))  # one more holder: a new state, a new table
    table = _same_shares(library, texts, excluded)
    assert table.share(normalised(NOTICE), excluded[2]) > 0.75  # three others hold it now
    assert len(sorted((cache_dir() / FOLDER).glob("*.npy"))) == 2


def test_after_an_import_the_table_is_brought_up_to_date_not_read_again(library, monkeypatch) -> None:
    """The whole-index read costs seconds on a large library, after every import: new speeches' postings
    update the last table instead, to the same table a read gives; a removal still reads it again."""
    import app.store.frequent_fingerprints as frequent

    reads: list[int] = []
    real_read = frequent._read

    def counted_read(session, threshold):  # type: ignore[no-untyped-def]
        reads.append(threshold)
        return real_read(session, threshold)

    monkeypatch.setattr(frequent, "_read", counted_read)
    store(library, HOST, OTHER, prose(300), prose(300), prose(300))  # the notice in two speeches
    first = FrequentBoilerplate(library.reader, library.location)
    assert reads == [first.threshold] == [3]
    # one more holder takes the notice's shingles from under the bar (2 others) to over it; a new
    # speech repeats a stretch of an old one (its shingles go from 1 holder to 2: still under)
    added = store(library, prose(50) + NOTICE + prose(50), prose(40) + HOST[:200])
    updated = FrequentBoilerplate(library.reader, library.location)
    assert len(reads) == 1  # brought up to date, not read
    with library.reader() as session:
        fresh = real_read(session, updated.threshold)
    assert updated.hashes.tolist() == fresh[0].tolist() and updated.counts.tolist() == fresh[1].tolist()
    assert len(updated.hashes) > len(first.hashes)  # the test can fail: the notice crossed the bar
    with library.writer.begin() as session:
        remove_document(session, added[0])
    FrequentBoilerplate(library.reader, library.location)
    assert len(reads) == 2  # a removal lowers counts: read again


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(-6, 6), max_size=60),
    st.dictionaries(st.integers(-6, 6), st.integers(1, 9), max_size=10),
    st.integers(1, 9),
)
def test_the_querys_frequent_shingles_are_found_by_lookup_as_by_set_membership(
    query: list[int], table: dict[int, int], bar: int
) -> None:
    """`held_by_at_least` (a lookup of each distinct hash in the sorted table) finds the positions
    np.isin of the hashes held ≥ `bar` times finds; `NO_HASH` (a shingle across a joint) never counts."""
    hashes = np.array([NO_HASH if h == 0 else h for h in query], dtype=np.int64)
    unique, inverse = np.unique(hashes, return_inverse=True)
    shingles = QueryShingles("", unique, inverse.reshape(-1))
    held = {NO_HASH if h == 0 else h: n for h, n in table.items()}  # the table may hold it too
    keys = np.array(sorted(held), dtype=np.int64)
    counts = np.array([held[k] for k in sorted(held)], dtype=np.int64)
    sure = keys[counts >= bar]
    expected = np.flatnonzero(np.isin(hashes, sure) & (hashes != NO_HASH))
    assert held_by_at_least(shingles, keys, counts, bar).tolist() == expected.tolist()
