"""Leave-one-round-out check of the clause model (issue 14, session 8), on demand (about 3 minutes of CPU).

Run: python3 -m pytest tests/bench/test_clause_model.py -s -p no:cacheprovider
It prints `python -m tests.bench.clause_model --loro`'s table (the shipped detector per round without and with
a model trained without that round) and whether the model meets issue 14's bar for shipping. The model is not
wired into the detector; what this asserts is that at the default threshold target it does no harm on a round
it did not see (precision down by at most 0.01 on every round), so that wiring it could never cost precision.
"""

from __future__ import annotations

import pytest

from tests.bench.clause_model import loro
from tests.bench.formula_annotations import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")


def test_the_model_costs_no_round_more_than_a_point_of_precision():
    per_round = loro()
    assert sorted(per_round) == [3, 4, 5, 6, 7, 8, 9]
    for number, (before, after) in per_round.items():
        assert after.precision >= before.precision - 0.01, f"round {number}"
