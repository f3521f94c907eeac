"""The boilerplate signal prepared for one document (`of_document`, what the passage engine asks through)
must give every stretch of it the share the signal gives that stretch's text, whichever documents are
left out: near the bar (two of four holders left out) and away from it, at the notice's edges and inside;
and so must the table of frequent fingerprints, and a snapshot of either for those documents (`frozen`)."""

from __future__ import annotations

import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.shingles import normalised
from app.core.text import content_hash
from app.store.boilerplate import LibraryBoilerplate
from app.store.frequent_fingerprints import FrequentBoilerplate
from app.store.similar_judge import AlsoExcluding
from tests.store.boilerplate_texts import HOST, NOTICE, OTHER, holders, prose, store


def test_a_documents_stretches_get_the_shares_of_their_texts(library) -> None:
    others = holders(2)
    texts = [HOST, OTHER, *others, prose(300), prose(300)]  # the notice in four speeches
    store(library, *texts)
    excluded = [
        frozenset(),
        frozenset({content_hash(HOST)}),  # three holders left: still boilerplate
        frozenset({content_hash(HOST), content_hash(OTHER)}),  # two left: under the bar of three
        frozenset({content_hash(others[0]), content_hash("not in the library")}),
    ]
    live = LibraryBoilerplate(library.reader)
    frequent = FrequentBoilerplate(library.reader, library.location)
    documents = [normalised(t) for t in (HOST, OTHER, others[0], NOTICE, texts[-1])]
    # snapshots of the signal for these documents (what the compare view sends its matching pool), one
    # after a trip through pickle: every one must answer as the library's own signal does
    digests = [content_hash(t) for t in (HOST, OTHER, others[0], texts[-1])]
    snapshots = [
        live.frozen(documents, digests),
        pickle.loads(pickle.dumps(frequent.frozen(documents, digests))),
    ]
    notice_at = documents[0].index(normalised(NOTICE))
    assert live.share(documents[0][notice_at : notice_at + 100], excluded[1]) > 0.75  # not vacuous
    assert live.share(documents[0][notice_at : notice_at + 100], excluded[2]) == 0.0
    _same_shares([live, frequent, *snapshots], documents, excluded, 300, reference=live)


def _same_shares(
    signals: list,
    documents: list[str],
    excluded: list[frozenset[str]],
    examples: int,
    reference: object | None = None,
) -> None:
    """Every stretch of every document, whichever documents are left out: the per-document form's share
    is the signal's share of the stretch's text (and the `reference` signal's, when given)."""
    prepared = [[signal.of_document(text) for text in documents] for signal in signals]

    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def same(data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(range(len(signals))))
        n = data.draw(st.sampled_from(range(len(documents))))
        text = documents[n]
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        exclude = data.draw(st.sampled_from(excluded))
        whole = prepared[kind][n]
        assert whole is not None
        share = signals[kind].share(text[start:end], exclude)
        assert whole.share(start, end, exclude) == share
        if reference is not None:
            assert share == reference.share(text[start:end], exclude)

    same()


def test_the_signal_leaving_versions_out_gives_the_same_shares_per_document(library) -> None:
    """ "Similar speeches" wraps the signal to leave the query's versions (and each candidate's) out
    (`AlsoExcluding`); its per-document form must leave the same documents out as its `share`."""
    others = holders(2)
    texts = [HOST, OTHER, *others, prose(300)]  # the notice in four speeches
    store(library, *texts)
    host, other, first = (content_hash(t) for t in (HOST, OTHER, others[0]))
    signals = [
        AlsoExcluding(FrequentBoilerplate(library.reader, library.location), frozenset({host})),
        AlsoExcluding(
            LibraryBoilerplate(library.reader), frozenset(), ((first, frozenset({other})),)
        ),  # comparing with `first` leaves `other` out too
    ]
    excluded = [frozenset(), frozenset({other}), frozenset({first}), frozenset({first, host})]
    documents = [normalised(t) for t in (HOST, OTHER, others[0], texts[-1])]
    notice_at = documents[0].index(normalised(NOTICE))
    notice = documents[0][notice_at : notice_at + 100]
    assert signals[0].share(notice) > 0.75 and signals[0].share(notice, excluded[1]) == 0.0  # not vacuous
    assert signals[1].share(notice) > 0.75 and signals[1].share(notice, excluded[3]) == 0.0
    _same_shares(signals, documents, excluded, 200)
