"""The quality targets of the passage engine on the synthetic reuse cases (see eval_passages.py).

Targets are checked on the strict PAN scores of the `copy` passages (shared text that predates the
insertion counts against precision), the reading an independent evaluation will use.
Run with: python -m pytest tests/bench/test_eval_passages.py -s  (prints the table for every method).
"""

from __future__ import annotations

import pytest

from tests.bench.eval_passages import CORPUS, report

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")


def test_plagdet_targets_and_difflib_baseline():
    results = report(n=25)
    engine, baseline = results["engine copy-only"], results["difflib"]
    assert engine.strict["overall"].plagdet >= 0.90
    assert engine.strict["heavy"].plagdet >= 0.75
    assert results["engine"].relaxed["overall"].plagdet >= 0.90
    for level in ("light", "medium", "heavy", "overall"):
        assert engine.strict[level].plagdet > baseline.strict[level].plagdet


def test_targets_hold_on_other_cases_too():
    """A second draw of cases (other passages, hosts and edits) guards against tuning to one sample."""
    engine = report(n=25, seed=99, with_baseline=False)["engine copy-only"]
    assert engine.strict["overall"].plagdet >= 0.90
    assert engine.strict["heavy"].plagdet >= 0.75
