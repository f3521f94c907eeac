"""The library's shingle index as corpus-wide boilerplate signal: text in ≥ 3 other speeches is a formula."""

from __future__ import annotations

from app.core.passages import PassageParams, compare_many
from app.core.shingles import normalised
from app.core.text import content_hash
from app.store.boilerplate import LibraryBoilerplate, library_boilerplate
from tests.store.boilerplate_texts import HOST, NOTICE, OTHER, holders, prose, store


def _kinds(signal: LibraryBoilerplate | None) -> list[str]:
    comparison = compare_many([HOST, OTHER], PassageParams(boilerplate=signal))
    return [p.kind for p in comparison.passages]


def test_text_in_three_other_documents_becomes_a_formula(library) -> None:
    others = holders(3)
    store(library, HOST, OTHER, *others, prose(300), prose(300))
    signal = library_boilerplate(library.reader)
    assert signal is not None and signal.threshold == 3
    assert _kinds(None) == ["copy"]
    assert _kinds(signal) == ["formula"]
    exclude = frozenset({content_hash(HOST), content_hash(OTHER)})
    # Winnowing keeps a pseudo-random subset of the shingles, so coverage varies with the random text: 0.80-0.94
    # over six seeds (with or without traditional folding, which folds a fifth of these random characters).
    assert signal.share(normalised(NOTICE), exclude) > 0.75
    assert signal.share(normalised(prose(80)), exclude) == 0.0


def test_the_compared_documents_do_not_count_as_others(library) -> None:
    others = holders(2)
    store(library, HOST, OTHER, *others, prose(300), prose(300))
    signal = LibraryBoilerplate(library.reader)
    assert signal.active
    exclude = frozenset({content_hash(HOST), content_hash(OTHER)})
    assert signal.share(normalised(NOTICE)) > 0.75  # four holders when nothing is excluded (see above)
    assert signal.share(normalised(NOTICE), exclude) == 0.0  # two once host and source are left out
    assert _kinds(signal) == ["copy"]


def test_a_small_or_empty_library_gives_no_signal(library) -> None:
    signal = LibraryBoilerplate(library.reader)
    assert not signal.active and signal.identity() == ""
    assert signal.share(normalised(NOTICE)) == 0.0
    assert library_boilerplate(library.reader) is None
    store(library, *[prose(50) + NOTICE for _ in range(4)])
    assert library_boilerplate(library.reader) is None  # four speeches say nothing about boilerplate
    assert _kinds(LibraryBoilerplate(library.reader)) == ["copy"]


def test_identity_changes_only_with_the_size_class_of_the_library(library) -> None:
    store(library, *[prose(40) for _ in range(6)])
    six = LibraryBoilerplate(library.reader).identity()
    store(library, prose(40))
    assert LibraryBoilerplate(library.reader).identity() == six
    store(library, *[prose(40) for _ in range(2)])
    assert LibraryBoilerplate(library.reader).identity() not in ("", six)


def test_frequencies_are_looked_up_once_per_comparison(library) -> None:
    store(library, HOST, OTHER, *[prose(90) + NOTICE for _ in range(3)])
    calls = 0
    reader = library.reader

    def counting():
        nonlocal calls
        calls += 1
        return reader()

    signal = LibraryBoilerplate(counting)
    exclude = frozenset({content_hash(HOST)})
    first = signal.share(normalised(NOTICE), exclude)
    before = calls
    assert signal.share(normalised(NOTICE), exclude) == first
    assert calls == before


def test_tracing_does_not_call_speeches_similar_for_library_boilerplate(library) -> None:
    from app.store.tracing import default_params, similar_documents

    host, other, *_ = store(library, HOST, OTHER, *holders(3), prose(300))
    without = similar_documents(library, HOST, exclude=host, params=PassageParams())
    assert other in [s.document.id for s in without]
    assert default_params(library).boilerplate is not None
    assert similar_documents(library, HOST, exclude=host) == []
