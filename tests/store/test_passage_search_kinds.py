"""Passage search tells copying from boilerplate: each hit is "copy", "formula" (the library's lexicon) or
"boilerplate" (text ≥ 3 other speeches of the library contain, by its shingle index)."""

from __future__ import annotations

from app.core.formulas.lexicon import FormulaEntry
from app.store.lexicon import save_entry
from app.store.tracing import find_passage, similar_documents
from tests.store.boilerplate_texts import NOTICE, holders, prose, store

COPIED = prose(60)


def _kinds(search) -> dict[int, str]:  # type: ignore[no-untyped-def]
    return {hit.document.id: hit.kind for hit in search.hits}


def test_a_passage_many_speeches_share_is_boilerplate_and_one_copied_once_is_a_copy(library) -> None:
    host, other, *many = store(
        library, prose(80) + NOTICE + COPIED + prose(80), prose(90) + COPIED + prose(70), *holders(4)
    )
    store(library, prose(200), prose(200))
    notice = find_passage(library, NOTICE, exclude=host)
    assert _kinds(notice) == dict.fromkeys(many, "boilerplate")
    copied = find_passage(library, COPIED, exclude=host)
    assert _kinds(copied) == {other: "copy"}


def test_the_speech_the_passage_was_selected_in_is_not_one_of_the_others(library) -> None:
    """Host, candidate and two more speeches hold the notice: only two *other* speeches, so a copy. Pasted
    from nowhere, the host is one of the others and the notice is boilerplate."""
    host, *holding = store(library, prose(80) + NOTICE + prose(80), *holders(3))
    store(library, prose(200), prose(200))
    assert _kinds(find_passage(library, NOTICE, exclude=host)) == dict.fromkeys(holding, "copy")
    assert _kinds(find_passage(library, NOTICE)) == dict.fromkeys([host, *holding], "boilerplate")


def test_without_a_library_signal_every_shared_passage_is_a_copy(library) -> None:
    """Four speeches say nothing about what is boilerplate (app.store.boilerplate.MIN_DOCUMENTS)."""
    host, *many = store(library, prose(80) + NOTICE + prose(80), *holders(3))
    assert _kinds(find_passage(library, NOTICE, exclude=host)) == dict.fromkeys(many, "copy")


def test_the_users_own_lexicon_entries_make_formulas(library) -> None:
    host, other = store(library, prose(80) + COPIED + prose(80), prose(90) + COPIED + prose(70))
    store(library, *(prose(200) for _ in range(4)))
    quote = COPIED[:20]  # a short quote: copied prose all the same, until the user calls it a formula
    assert _kinds(find_passage(library, quote, exclude=host)) == {other: "copy"}
    with library.writer.begin() as session:
        save_entry(session, FormulaEntry(canonical=quote))
    assert _kinds(find_passage(library, quote, exclude=host)) == {other: "formula"}


def test_speeches_sharing_only_the_users_formulas_are_not_similar(library) -> None:
    host, other = store(library, prose(80) + COPIED + prose(80), prose(90) + COPIED + prose(70))
    store(library, *(prose(200) for _ in range(4)))
    text = prose(80) + COPIED + prose(80)
    assert {s.document.id for s in similar_documents(library, text)} == {host, other}
    with library.writer.begin() as session:
        save_entry(session, FormulaEntry(canonical=COPIED))
    assert similar_documents(library, text) == []
