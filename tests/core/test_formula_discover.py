"""Discovery of new formulas from document statistics."""

from __future__ import annotations

import time

import pytest

from app.core.formulas.discover import DiscoveryCancelled, DiscoveryParams, discover
from app.core.formulas.lexicon import match_key
from app.core.formulas.shipped import general_words, idioms, shipped_lexicon
from tests.core.formula_scoring import DATA

LOCAL = [
    ("a", "2019-01", "全市上下要深入开展“三解三促”活动，持之以恒抓落实。"),
    ("b", "2019-05", "我们坚持三解三促，推动工作走深走实。持之以恒抓落实。"),
    ("c", "2018-03", "一是扎实开展“三解三促”调研；二是持之以恒抓落实。"),
    ("d", "2020-07", "各地落实“三解三促”要求，提升群众满意度。"),
]


def test_a_local_slogan_used_across_documents_ranks_first_with_its_evidence():
    found = discover(LOCAL, idioms=idioms(), general_words=general_words())
    top = found[0]
    assert top.text == "三解三促"
    assert top.df == 4 and top.quoted_df == 3
    assert top.docs == ("c", "a", "b", "d")  # by date
    assert top.first_date == "2018-03"
    assert "三解三促" in top.context
    texts = [c.text for c in found]
    assert "持之以恒" not in texts  # an idiom (THUOCL)
    assert not any(t.startswith("的") or t.endswith("的") for t in texts)


def test_known_formulas_are_flagged_not_dropped():
    found = discover(LOCAL, known={match_key("三解三促")})
    assert found[0].known


def test_empty_and_tiny_libraries():
    assert discover([]) == []
    assert discover([("a", "", "")]) == []
    assert discover([("a", "", "两个维护")], params=DiscoveryParams(min_df=3)) == []


def test_progress_and_cancel():
    steps = []
    discover(LOCAL, progress=lambda done, total: steps.append((done, total)))
    assert steps[0] == (0, 4) and steps[-1] == (4, 4)
    with pytest.raises(DiscoveryCancelled):
        discover(LOCAL, cancelled=lambda: True)


def _judged() -> dict[str, int]:
    table = {}
    for line in (DATA / "discovery_judgements.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, genuine, _note = line.split("\t")
            table[text] = int(genuine)
    return table


@pytest.mark.corpus
@pytest.mark.slow
def test_whole_corpus_top_100(corpus):
    documents = [
        (str(p.relative_to(corpus)), "", p.read_text(encoding="utf-8")) for p in sorted(corpus.rglob("*.txt"))
    ]
    known = {match_key(w) for e in shipped_lexicon().entries for w, _s in e.forms()}
    start = time.process_time()
    found = discover(documents, idioms=idioms(), general_words=general_words(), known=known)
    elapsed = time.process_time() - start
    top = [c.text for c in found[:100]]
    for formula in ("四个意识", "两个维护", "三严三实", "放管服", "一带一路"):
        assert formula in top, formula
    judged = _judged()
    unjudged = [t for t in top if t not in judged]
    assert not unjudged, f"judge these in discovery_judgements.tsv: {unjudged}"
    precision = sum(judged[t] for t in top) / len(top)
    chars = sum(len(d[2]) for d in documents)
    print(f"\ndiscovery: {chars:,} chars in {elapsed:.1f} s; precision@100 = {precision:.0%}")
    assert precision >= 0.85
    assert elapsed < 90
