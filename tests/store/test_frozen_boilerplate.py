"""A snapshot of the library's boilerplate signal (`LibraryBoilerplate.frozen`, what the compare view sends
to its matching pool) is one object per process however many tasks bring it (documents keep what they made
of a signal while it stays the same object); its shares are checked in test_boilerplate_documents. The
view's signal reads the table of frequent fingerprints only when that is at hand."""

from __future__ import annotations

import pickle

from app.core.shingles import normalised
from app.core.text import content_hash
from app.store.boilerplate import LibraryBoilerplate
from app.store.frequent_fingerprints import FrequentBoilerplate, ready_boilerplate, refresh_frequent
from tests.store.boilerplate_texts import HOST, OTHER, holders, prose, store


def test_a_snapshot_travels_as_one_object_per_process(library) -> None:
    store(library, HOST, OTHER, *holders(2), prose(300))
    live = LibraryBoilerplate(library.reader)
    snapshot = live.frozen([normalised(HOST), normalised(OTHER)], [content_hash(HOST), content_hash(OTHER)])
    travelled = pickle.loads(pickle.dumps(snapshot))
    assert pickle.loads(pickle.dumps(snapshot)) is travelled
    assert travelled.identity() == live.identity() != ""
    other = live.frozen([normalised(HOST)], [content_hash(HOST)])
    assert pickle.loads(pickle.dumps(other)) is not travelled, "another open's snapshot is another object"


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
