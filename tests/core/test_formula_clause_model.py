"""Issue 14, session 8 (14p8): the learned clause detector's features and how its hits are made
(app/core/formulas/clause_model.py). The model is not wired into the detector (no threshold passed the
leave-one-round-out bar, notes/14p8.md); these tests pin what `tests.bench.clause_model` measures.

Every sentence is quoted from a minable corpus file (`test_quoted_sentences_are_in_the_corpus`).
"""

from __future__ import annotations

import numpy as np
import pytest

from app.core.formulas.patterns import PatternHit
from tests.bench.clause_features import FEATURE_NAMES, KINDS, ClauseModel, clause_features, clause_hits
from tests.bench.formula_annotations import unquotable

XI_1105 = "xi-speeches-2020/xi-2020-11-05-1.txt"
#: two dash-led points of one speech, a paragraph apart, that share their opening (GUIDE §1.3 members)
LEADS = (
    "——我们要致力于推进合作共赢的共同开放。这次疫情告诫我们，各国是休戚与共的命运共同体，重大危机面前没有谁能够"
    "独善其身，团结合作是应对挑战的必然选择。我们要坚持合作共赢理念，信任而不是猜忌，携手而不是挥拳，协商而不是"
    "谩骂，以各国共同利益为重，推动经济全球化朝着更加开放、包容、普惠、平衡、共赢的方向发展。"
    "——我们要致力于推进合作共担的共同开放。"
)
XI_0909 = "xi-speeches-2020/xi-2020-09-09-1.txt"
#: three clauses that end alike, in one sentence
RUN = "他们的名字和功绩，国家不会忘记，人民不会忘记，历史不会忘记，将永远铭刻在共和国的丰碑上！"
QUOTED = [(XI_1105, LEADS), (XI_0909, RUN)]


@pytest.mark.corpus
def test_quoted_sentences_are_in_the_corpus(corpus):
    assert unquotable(corpus, QUOTED) == []


def _feature(clauses, name: str) -> list[bool]:
    return clauses.features[:, FEATURE_NAMES.index(name)].astype(bool).tolist()


def _texts(text: str, clauses) -> list[str]:
    return [text[s:e] for s, e in zip(clauses.starts.tolist(), clauses.ends.tolist(), strict=True)]


def test_every_feature_column_has_its_name():
    assert clause_features(LEADS).features.shape[1] == len(FEATURE_NAMES) == len(set(FEATURE_NAMES))


def test_clauses_are_split_at_clause_ends_and_lose_a_leading_dash():
    clauses = clause_features(LEADS)
    texts = _texts(LEADS, clauses)
    assert texts[0] == "我们要致力于推进合作共赢的共同开放"
    assert "我们要致力于推进合作共担的共同开放" in texts
    assert len(texts) == 12 and all("，" not in t and "。" not in t for t in texts)


def test_dash_led_points_are_compared_with_each_other_across_the_paragraph_between_them():
    clauses = clause_features(LEADS)
    texts = _texts(LEADS, clauses)
    lead = _feature(clauses, "lead")
    shared = _feature(clauses, "lead_prefix3")
    first, second = (
        texts.index("我们要致力于推进合作共赢的共同开放"),
        texts.index("我们要致力于推进合作共担的共同开放"),
    )
    assert lead[first] and lead[second] and shared[first] and shared[second]
    # the clauses of the paragraph between them are no point leads, and share no opening with their neighbours
    assert not any(lead[first + 1 : second]) and not any(_feature(clauses, "prefix2")[first + 1 : second])


def test_clauses_ending_alike_in_a_row_of_three_are_a_run():
    clauses = clause_features(RUN)
    texts = _texts(RUN, clauses)
    run = _feature(clauses, "last2_run3")
    assert [t for t, r in zip(texts, run, strict=True) if r] == [
        "国家不会忘记",
        "人民不会忘记",
        "历史不会忘记",
    ]


def _model_on(name: str) -> ClauseModel:
    """A model that scores a clause high exactly when one feature is on (parallel row) and never slogan."""
    weights = np.zeros((len(KINDS), len(FEATURE_NAMES)))
    weights[:, 0] = -5.0
    weights[0, FEATURE_NAMES.index(name)] = 10.0
    return ClauseModel(weights, 0.5)


def test_clauses_of_one_sentence_over_the_threshold_make_one_hit_of_the_higher_kind():
    hits = clause_hits(RUN, [], _model_on("last2_run3"))
    assert [(h.formula, h.rule) for h in hits] == [("国家不会忘记，人民不会忘记，历史不会忘记", "parallel")]


def test_points_in_different_sentences_are_hits_of_their_own():
    hits = clause_hits(LEADS, [], _model_on("lead_prefix3"))
    assert [h.formula for h in hits] == [
        "我们要致力于推进合作共赢的共同开放",
        "我们要致力于推进合作共担的共同开放",
    ]


def test_a_clause_another_hit_touches_is_left_to_that_hit():
    start = RUN.index("国家不会忘记")
    ruled = [PatternHit(start, start + 6, "国家不会忘记", "parallel")]
    assert [h.formula for h in clause_hits(RUN, ruled, _model_on("last2_run3"))] == [
        "人民不会忘记，历史不会忘记"
    ]
    quoted = [
        PatternHit(start, start + 2, "国家", "quoted")
    ]  # any other hit, however short, blocks the clause
    assert [h.formula for h in clause_hits(RUN, quoted, _model_on("last2_run3"))] == [
        "人民不会忘记，历史不会忘记"
    ]
    lexicon = [(RUN.index("历史"), RUN.index("历史") + 2)]
    assert [h.formula for h in clause_hits(RUN, [], _model_on("last2_run3"), lexicon)] == [
        "国家不会忘记，人民不会忘记"
    ]


def test_a_model_survives_its_json():
    model = _model_on("lead_prefix3")
    again = ClauseModel.from_json(model.to_json())
    assert again.threshold == model.threshold and np.array_equal(again.weights, model.weights)


def test_scores_from_the_character_buckets_equal_the_whole_feature_matrix_product():
    weights = np.random.default_rng(14).normal(size=(len(KINDS), len(FEATURE_NAMES)))
    clauses = clause_features(LEADS)
    expected = 1.0 / (1.0 + np.exp(-(clauses.features @ weights.T)))
    assert np.allclose(ClauseModel(weights, 0.5).scores(clauses), expected)
