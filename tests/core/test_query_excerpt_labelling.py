"""The query cut down to the stretches a candidate shares (`similar_focus.query_excerpt`) labels a stretch
lying inside one piece with the whole query's per-document forms (lexicon coverage, boilerplate signal),
made once per query: every stretch, inside a piece or across a joint, must get the share a document of
the cut text alone gives it."""

from __future__ import annotations

import zlib
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.formulas.shipped import formula_coverage
from app.core.passages import PassageParams, prepare
from app.core.passages.engine import InPieces
from app.core.similar_focus import query_excerpt
from tests.conftest import REPO

SAMPLE = sorted((REPO / "resources" / "samples").glob("*.txt"))[0]


class _Signal:
    """A boilerplate signal whose share depends on the text alone (any other text almost surely gets
    another), counting the documents it prepares."""

    def __init__(self) -> None:
        self.prepared: list[str] = []

    def share(self, text: str, exclude: frozenset[str] = frozenset()) -> float:
        return zlib.crc32(text.encode("utf-8")) % 1000 / 1000

    def of_document(self, text: str) -> _Document:
        self.prepared.append(text)
        return _Document(self, text)


class _Document:
    def __init__(self, signal: _Signal, text: str) -> None:
        self.signal, self.text = signal, text

    def share(self, start: int, end: int, exclude: frozenset[str] = frozenset()) -> float:
        return self.signal.share(self.text[start:end], exclude)


def _pieces(data: st.DataObject, length: int) -> tuple[tuple[int, int], ...]:
    cuts = sorted(data.draw(st.sets(st.integers(0, length), min_size=2, max_size=8)))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i + 1] > cuts[i]]
    return tuple(spans) or ((0, length),)


def test_a_cut_querys_stretches_get_the_shares_of_their_text() -> None:
    text = SAMPLE.read_text(encoding="utf-8")

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def same(data: st.DataObject) -> None:
        signal = _Signal()
        params = PassageParams(formula_oracle=formula_coverage, boilerplate=signal)
        query = prepare(text, params)
        cut = query_excerpt(query, _pieces(data, len(query.view.text)))
        alone = replace(cut, _pieces_of=None, _labelling={}, _shares={}, _shares_params=None, sha256="alone")
        size = len(cut.view.text)
        # stretches often start or end on a joint or next to one
        edges = [min(size, max(0, at + d)) for at in cut._pieces_of[1][1:] for d in (-2, -1, 0)]
        point = st.one_of(st.integers(0, size), *(st.sampled_from(edges) for _ in edges[:1]))
        for _ in range(3):
            start = data.draw(point)
            end = data.draw(point | st.integers(start, min(size, start + 400)))
            start, end = min(start, end), max(start, end)
            exclude = frozenset({"a"})
            assert cut.formula_share(start, end, params, exclude) == alone.formula_share(
                start, end, params, exclude
            )

    same()


def test_the_whole_querys_forms_are_made_once_for_all_its_cuts() -> None:
    signal = _Signal()
    params = PassageParams(formula_oracle=formula_coverage, boilerplate=signal)
    query = prepare(SAMPLE.read_text(encoding="utf-8"), params)
    size = len(query.view.text)
    cuts = [
        query_excerpt(query, ((0, size // 3), (size // 2, size))),
        query_excerpt(query, ((10, size - 10),)),
    ]
    for cut in cuts:
        cut.formula_share(5, 60, params, frozenset())  # inside the first piece
    assert signal.prepared == [query.view.text]  # the query's form, once; none for the cuts
    forms = [cut._labelling["boilerplate"][2] for cut in cuts]
    assert all(isinstance(form, InPieces) for form in forms)
    assert forms[0]._whole is forms[1]._whole
    joint = cuts[0]._pieces_of[1][1] - 1  # where the second piece starts, less the joint
    cuts[0].formula_share(joint - 20, joint + 20, params, frozenset())  # across the joint: its own text
    assert signal.prepared == [query.view.text, cuts[0].view.text]
