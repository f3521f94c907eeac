"""What the engine remembers across the pairs of one query must not change what it finds.

"Similar speeches" compares one query with ~15 candidates: the query's lexicon share of a stretch is
cached by text, a candidate is indexed only for the grams the query has, and the shipped lexicon is
frozen out of the garbage collector. Each of these is checked against the plain computation.
"""

from __future__ import annotations

import gc
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.formulas.shipped import default_matcher
from app.core.normalize import REDACTION
from app.core.passages import BoilerplateIndex, PassageParams, compare_prepared, prepare
from app.core.passages.seeds import SeedIndex, find_runs

ALPHABET = "的一是在不了有和人这中大为上个国我以要"


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.text(alphabet=ALPHABET[:6] + REDACTION, max_size=120),
    st.text(alphabet=ALPHABET[:8] + REDACTION, max_size=160),
    st.integers(min_value=2, max_value=4),
    st.integers(min_value=1, max_value=5),
)
def test_an_index_of_the_shared_grams_finds_the_runs_of_the_full_index(x, y, k, max_occurrences):
    full = SeedIndex(x, k, max_occurrences)
    partial = SeedIndex(x, k, max_occurrences, only=SeedIndex(y, k, max_occurrences).positions)
    assert set(partial.positions) < set(full.positions) or partial.positions == full.positions
    assert find_runs(partial, y) == find_runs(full, y)


def _speeches(count: int) -> list[str]:
    """Speeches drawn from one pool of sentences, so each shares some with the others, some with many."""
    rng = random.Random(11)
    words = ["全面建成小康社会", "高质量发展", "乡村振兴", "生态文明", "科技自立自强", "民生保障"]
    pool = [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(6, 14))) + rng.choice(words) + "。"
        for _ in range(40)
    ]
    return ["".join(rng.sample(pool, rng.randint(6, 16))) for _ in range(count)]


def test_a_query_against_many_candidates_finds_what_each_pair_finds_alone():
    texts = _speeches(9)
    boilerplate = BoilerplateIndex.from_texts(texts, shingle=6, min_df=2)
    for signal in (None, boilerplate):
        params = PassageParams(
            min_chars=8, formula_oracle=lambda t: t.count("高质量发展") * 5 / len(t), boilerplate=signal
        )
        query = prepare(texts[0], params)  # kept, as similar_documents keeps it, across all candidates
        kinds = []
        for n, other in enumerate(texts[1:], start=1):
            reused = compare_prepared(query, prepare(other, params), 0, n, params)
            alone = compare_prepared(prepare(texts[0], params), prepare(other, params), 0, n, params)
            assert reused == alone
            kinds += [p.kind for p in reused[0]]
        assert {"copy", "formula"} <= set(kinds)
    shorter = sum(len(t) < len(texts[0]) for t in texts[1:])
    assert 0 < shorter < len(texts) - 1  # candidates were indexed (partly) and scanned alike


def test_loading_the_shipped_lexicon_freezes_it_out_of_the_collector():
    default_matcher()
    assert gc.get_freeze_count() > 0
