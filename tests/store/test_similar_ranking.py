"""Similar speeches: bounds and excerpts agree with the full engine, ties are explained, versions count."""

from __future__ import annotations

import random
from dataclasses import replace

from app.core.model import DocumentMeta
from app.core.passages import PassageParams, compare_prepared, prepare
from app.core.similar_focus import QueryShingles, excerpt_document, focus, query_excerpt
from app.store import add_document
from app.store.tracing import similar_documents
from tests.store.boilerplate_texts import prose, store


def _edited(text: str, seed: int, every: int = 60) -> str:
    """`text` with one character in `every` replaced (a revision)."""
    rng = random.Random(seed)
    chars = list(text)
    for i in range(rng.randrange(every), len(chars), every):
        if "\u4e00" <= chars[i] <= "\u9fff":
            chars[i] = "改"
    return "".join(chars)


SHARED = prose(400)
QUERY = prose(3000) + _edited(SHARED, 1) + prose(3000)
SOURCE = prose(2500) + SHARED + prose(2500)


def test_the_excerpts_find_what_the_whole_pair_shares_and_the_bound_is_above_it() -> None:
    params = PassageParams()
    query = prepare(QUERY, params)
    whole, summary = compare_prepared(query, prepare(SOURCE, params), 0, 1, params)
    found = focus(QueryShingles.of(query.view.text), SOURCE, params)
    assert found.query_pieces is not None and len(found.excerpt) < len(SOURCE) / 4  # only the shared part
    cut, _ = compare_prepared(
        query_excerpt(query, found.query_pieces), excerpt_document(found.excerpt, "x"), 0, 1, params
    )
    assert [(p.a_start, p.a_end, p.a_text, p.matched_chars) for p in cut] == [
        (p.a_start, p.a_end, p.a_text, p.matched_chars) for p in whole
    ]
    assert all(QUERY[p.a_start : p.a_end] == p.a_text for p in cut)  # offsets of the whole query
    matched = sum(p.matched_chars for p in whole) / len(query.view.text)
    assert summary.a_copy_ratio > 0.05 and matched <= found.bound < summary.a_copy_ratio + 0.02
    assert focus(QueryShingles.of(query.view.text), prose(5000), params).bound == 0.0


def test_the_closest_version_comes_first_and_ties_go_to_the_newest(library) -> None:
    body = prose(2000)
    with library.writer.begin() as session:
        ids = {
            name: add_document(session, text, DocumentMeta(title=name, date=date)).id
            for name, text, date in (
                ("older edit", _edited(body, 2, 40), "2020-01-01"),
                ("close edit", _edited(body, 3, 200), "2019-01-01"),
                ("same, old", "旧稿标题一\n" + body, "2018-05-01"),
                ("same, new", "新稿标题二\n" + body, "2022-05-01"),
            )
        }
    store(library, *[prose(500) for _ in range(4)])
    results = similar_documents(library, body, top=4)
    assert [r.document.title for r in results] == ["same, new", "same, old", "close edit", "older edit"]
    assert results[0].matched_chars == results[1].matched_chars and results[0].score > results[2].score
    assert f"ties with #{ids['same, old']}" in results[0].reason and "newer" in results[0].reason
    assert "ties" not in results[1].reason


def test_many_versions_of_a_speech_are_not_each_others_boilerplate(library) -> None:
    body = prose(1500)
    versions = store(library, *[_edited(body, seed, 80) + prose(100) for seed in range(5)])
    store(library, *[prose(400) for _ in range(6)])
    results = similar_documents(library, _edited(body, 99, 90), top=10)
    assert {r.document.id for r in results} == set(versions)
    assert all(r.score > 0.8 for r in results)


def test_early_stop_gives_the_top_of_the_exhaustive_ranking(library) -> None:
    rng = random.Random(5)
    paragraphs = [prose(rng.randrange(60, 300)) for _ in range(120)]
    texts = ["".join(rng.sample(paragraphs, rng.randrange(2, 8))) + prose(200) for _ in range(30)]
    store(library, *texts)
    query = "".join(paragraphs[:60])
    exhaustive = similar_documents(library, query, top=30, check=100)
    early = similar_documents(library, query, top=5)
    assert len(exhaustive) > 10
    assert [r.document.id for r in early] == [r.document.id for r in exhaustive[:5]]
    assert [r.score for r in early] == [r.score for r in exhaustive[:5]]


def test_a_short_quote_of_a_speech_in_four_versions_finds_the_source_first(library) -> None:
    """The quote is in the source and its three revisions: for the pair with any of them the other three
    are its versions, not three other speeches, so the quote is copy, not library boilerplate."""
    body = prose(6000)
    source, *revisions = store(library, body, *[_edited(body, seed, 70 + 10 * seed) for seed in range(3)])
    store(library, *[prose(500) for _ in range(6)])
    quote = prose(150) + body[2000:2900] + prose(150)
    results = similar_documents(library, quote, top=5)
    assert [r.document.id for r in results[:1]] == [source]  # the closest: it holds the quote unedited
    assert {r.document.id for r in results[1:4]} == set(revisions)
    assert all(r.matched_chars > 800 for r in results[:4])
    # a quote of stock text four different speeches hold is still no copy of any of them
    stock = prose(300)
    store(library, *[prose(2000) + stock + prose(2000) for _ in range(4)])
    assert similar_documents(library, prose(200) + stock + prose(200), top=5) == []


def test_a_long_passage_just_over_the_formula_bar_counts_its_prose() -> None:
    from app.core.passages import Passage
    from app.store.similar_judge import near_the_bar, prose_in

    params = PassageParams()

    def passage(share: float, chars: int = 400) -> Passage:
        return Passage(0, 1, 0, chars, 0, chars, 1.0, "formula", "x" * chars, "x" * chars, (), chars, share)

    assert near_the_bar(passage(0.7096), params) and prose_in(passage(0.7096)) == 116
    assert not near_the_bar(passage(0.85), params)  # stock wording: nothing
    assert not near_the_bar(passage(0.72, chars=params.short_chars), params)  # short ones: their own bar
    assert not near_the_bar(replace(passage(0.5), kind="copy"), params)


def test_a_template_filled_in_differently_is_judged_on_what_both_sides_share() -> None:
    """A communiqué's opening (the same sentences, other numbers and dates in them) counted its slots as
    prose: measured on the shingles both sides hold, it is boilerplate, unless it is most of the query."""
    import numpy as np

    from app.core.passages import Passage
    from app.store.similar_judge import FORM_SHARE, shared_share

    texts = [prose(30) for _ in range(6)]
    pieces = [prepare(t, PassageParams()).view.text for t in texts]

    class Stock:  # library boilerplate = the template's fixed pieces
        def covered(self, text: str, exclude: frozenset[str] = frozenset()) -> np.ndarray:
            mask = np.zeros(len(text), dtype=bool)
            for piece in pieces:
                at = text.find(piece)
                if at >= 0:
                    mask[at : at + len(piece)] = True
            return mask

        def share(self, text: str, exclude: frozenset[str] = frozenset()) -> float:
            return float(self.covered(text, exclude).mean())

    params = PassageParams(boilerplate=Stock())
    mine, theirs = "".join(t + prose(20) for t in texts), "".join(t + prose(20) for t in texts)
    side, other = prepare(mine, params), prepare(theirs, params)
    engine_share = Stock().share(side.view.text)  # the slots count as prose on each side
    assert engine_share < params.formula_share
    passage = Passage(0, 1, 0, len(mine), 0, len(theirs), 0.6, "copy", mine, theirs, (), 180, engine_share)
    query_chars = round(len(side.view.text) / FORM_SHARE) * 2
    shared = shared_share(side, other, passage, params, frozenset(), query_chars)
    assert shared >= params.formula_share + 0.1  # what the two really share is the template: no copy
    # the template as the whole query (a resolution filled in from last year's): the engine's share stands
    assert shared_share(side, other, passage, params, frozenset(), len(side.view.text)) == engine_share


def _communique(rng: random.Random, plenum: int) -> str:
    """A plenum communiqué's opening: fixed wording with a number every few characters (committee,
    plenum, dates, members), filled in differently each time."""
    numbers = "一二三四五六七八九十"

    def n(chars: int = 2) -> str:
        return "".join(rng.choice(numbers) for _ in range(chars))

    return (
        f"中国共产党第十{n(1)}届中央委员会第{numbers[plenum % 10]}次全体会议，于二〇{n()}年{n(1)}月{n(1)}日至"
        f"{n()}日在北京举行。出席这次全会的有，中央委员{n(3)}人，候补中央委员{n(3)}人。中央纪律检查委员会"
        f"常务委员会委员{n()}人和有关方面负责同志{n()}人列席了会议。全会由中央政治局主持，中央委员会总书记作了重要"
        f"讲话。全会听取和讨论了受中央政治局委托作的工作报告，审议通过了第{n(1)}个"
        f"五年规划的建议和关于{n(1)}项重大问题的决定，决定召开第{n()}次全国代表大会。"
    )


def test_a_communique_finds_the_report_it_restates_before_its_siblings_template(library) -> None:
    """Communiqués open with the same sentences, other numbers in them; nine in the library hold them
    (fewer than four exact 8-character runs each, so no library boilerplate). Numbers aside, every
    sibling holds the opening: it is template, and the report the query restates comes first."""
    rng = random.Random(12)
    restated = prose(160)
    report = store(library, prose(2000) + restated + prose(2000))[0]
    siblings = store(library, *[_communique(rng, p) + prose(500) for p in range(9)])
    store(library, *[prose(400) for _ in range(4)])
    query = _communique(rng, 9) + prose(400) + restated + prose(400)
    results = similar_documents(library, query, top=5)
    assert results and results[0].document.id == report
    assert {r.document.id for r in results[1:]} <= set(siblings)


def test_lone_clauses_are_not_measured_and_the_results_stay_the_same(library, monkeypatch) -> None:
    """A short clause shared alone is a formula by rule, and the judge never counts a short formula: the
    engine never measures those clauses' shares, and confirming a candidate with `settled` (a formula far
    over the bar on one side is not measured on the other) gives the results of measuring both sides."""
    from app.core.passages import engine
    from app.store import tracing

    long_part, clauses = prose(300), [prose(18)[:18] for _ in range(3)]
    source = prose(900) + long_part + "".join(prose(400) + c for c in clauses) + prose(400)
    query = prose(700) + long_part + "".join(prose(350) + c for c in clauses) + prose(300)
    store(library, source, *[prose(600) for _ in range(6)])
    measured: list[int] = []
    share = engine.PreparedDocument.formula_share

    def counting(self, start, end, params, exclude):  # type: ignore[no-untyped-def]
        measured.append(end - start)
        return share(self, start, end, params, exclude)

    monkeypatch.setattr(engine.PreparedDocument, "formula_share", counting)
    lean = similar_documents(library, query, top=5)
    lean_sizes, measured[:] = list(measured), []
    confirm = tracing.compare_prepared
    monkeypatch.setattr(  # both sides measured: no settled formulas
        tracing, "compare_prepared", lambda *a, settled=None, **k: confirm(*a, **k)
    )
    full = similar_documents(library, query, top=5)
    assert lean == full and len(lean) == 1 and lean[0].matched_chars >= 290
    assert not any(0 < size < 24 for size in lean_sizes + measured)  # the lone clauses, never measured
