"""The shipped resources/lexicon/mined_formulas.tsv is what `python -m app.core.formulas.mining` makes from the
shared corpus (on demand: regenerating takes about 15 s of CPU).
Run: python -m pytest tests/bench/test_mined_formulas_resource.py -p no:cacheprovider"""

from __future__ import annotations

import pytest

from app.core.formulas import mining
from app.core.formulas.shipped import mined_path
from tests.bench.formula_annotations import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")


def test_the_shipped_file_is_what_the_generator_makes_from_the_corpus(tmp_path):
    out = tmp_path / "mined.tsv"
    mining.main([str(CORPUS), str(out)])
    assert out.read_text(encoding="utf-8") == mined_path().read_text(encoding="utf-8")
