"""A snapshot of the library's boilerplate signal (`LibraryBoilerplate.frozen`, what the compare view sends
to its matching pool) must give every stretch of the documents it was made for the share the library's
signal gives, whichever of them a pair leaves out, after a trip through pickle into the same object."""

from __future__ import annotations

import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.shingles import normalised
from app.core.text import content_hash
from app.store.boilerplate import LibraryBoilerplate
from app.store.frequent_fingerprints import FrequentBoilerplate, ready_boilerplate, refresh_frequent
from tests.store.boilerplate_texts import HOST, NOTICE, OTHER, holders, prose, store


def test_a_snapshot_gives_the_library_signals_shares(library) -> None:
    others = holders(2)
    texts = [HOST, OTHER, *others, prose(300), prose(300)]  # the notice in four speeches
    store(library, *texts)
    compared = [HOST, OTHER, others[0], texts[-1]]
    documents = [normalised(t) for t in (*compared, NOTICE)]
    digests = [content_hash(t) for t in (*compared, "not in the library")]
    excluded = [
        frozenset(),
        frozenset({digests[0]}),  # three holders left: still boilerplate
        frozenset({digests[0], digests[1]}),  # two left: under the bar of three
        frozenset({digests[2], digests[4]}),
    ]
    live = LibraryBoilerplate(library.reader)
    snapshots = [
        signal.frozen(documents, digests)
        for signal in (live, FrequentBoilerplate(library.reader, library.location))
    ]
    travelled = pickle.loads(pickle.dumps(snapshots[0]))
    assert pickle.loads(pickle.dumps(snapshots[0])) is travelled, "one object per snapshot in a process"
    snapshots.append(travelled)
    assert all(s.identity() == live.identity() != "" for s in snapshots)
    prepared = [[snapshot.of_document(text) for text in documents] for snapshot in snapshots]
    notice_at = documents[0].index(normalised(NOTICE))
    assert snapshots[2].share(documents[0][notice_at : notice_at + 100], excluded[1]) > 0.75  # not vacuous
    assert snapshots[2].share(documents[0][notice_at : notice_at + 100], excluded[2]) == 0.0

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def same(data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(range(len(snapshots))))
        n = data.draw(st.sampled_from(range(len(documents))))
        text = documents[n]
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        exclude = data.draw(st.sampled_from(excluded))
        expected = live.share(text[start:end], exclude)
        assert prepared[kind][n].share(start, end, exclude) == expected
        assert snapshots[kind].share(text[start:end], exclude) == expected

    same()


def test_the_table_of_frequent_fingerprints_is_used_once_it_is_at_hand(
    library, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("DUIDU_HOME", str(tmp_path / "home"))
    store(library, HOST, OTHER, *holders(2), prose(300))
    assert type(ready_boilerplate(library.reader, library.location)) is LibraryBoilerplate
    refresh_frequent(library)  # what an import does
    assert type(ready_boilerplate(library.reader, library.location)) is FrequentBoilerplate
    store(library, prose(200))  # the index changed since
    assert type(ready_boilerplate(library.reader, library.location)) is LibraryBoilerplate


def test_a_small_library_gives_no_signal(library) -> None:
    store(library, HOST, OTHER)
    assert ready_boilerplate(library.reader, library.location) is None
