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
    signals = [live, frequent, *snapshots]
    prepared = [[signal.of_document(text) for text in documents] for signal in signals]
    notice_at = documents[0].index(normalised(NOTICE))
    assert live.share(documents[0][notice_at : notice_at + 100], excluded[1]) > 0.75  # not vacuous
    assert live.share(documents[0][notice_at : notice_at + 100], excluded[2]) == 0.0

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
        expected = live.share(text[start:end], exclude)
        assert whole.share(start, end, exclude) == signals[kind].share(text[start:end], exclude) == expected

    same()
