"""Leave-one-round-out judgement of the learned term detector against the shipped detector (issue 14, session 8).

Run: python3 -m pytest tests/bench/test_bench_term_model.py -s -p no:cacheprovider   (about 2 min of CPU)
Prints, per annotation round, recall and precision of the shipped detector and of the shipped detector plus the
model fitted without that round, the spans found and the new wrong hits, and whether the issue's bar is met.
The baseline column must equal `loro_formulas`' round tallies (the same detector, the same scoring).
"""

from __future__ import annotations

import pytest

from app.core.formulas.shipped import default_matcher
from tests.bench import loro_formulas
from tests.bench.formula_annotations import CORPUS
from tests.bench.term_model import CALIBRATE_FROM, MIN_ADDED_PRECISION, load_data, loro

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")


@pytest.mark.timeout(
    1800
)  # (about 3 min of CPU; a loaded machine needs far more wall time than the default 600 s)
def test_term_model_leave_one_round_out():
    matcher = default_matcher()
    by_round = load_data(matcher)
    results = loro(by_round, list(matcher._keys.values()), None, MIN_ADDED_PRECISION, CALIBRATE_FROM)
    assert set(results) == set(by_round)
    for number, (base, model) in results.items():
        shipped = loro_formulas._round_tally(matcher, [(d.speech, d.text) for d in by_round[number]])
        assert (base.found, base.hits, base.correct) == (shipped.found, shipped.hits, shipped.correct)
        assert model.hits >= base.hits  # the model only adds hits in text no rule covers
