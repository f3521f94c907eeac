"""The passage engine: shared and near-shared passages between speeches, told apart from formulas.

Public API: `compare_pair`, `compare_many`, `PassageParams`, `Passage`, `Comparison`, and the formula
hooks `FormulaOracle` / `BoilerplateIndex` (see classify.py for how they decide `copy` vs `formula`).
"""

from app.core.passages.classify import BoilerplateIndex, stock_phrase_share
from app.core.passages.engine import PreparedDocument, compare_many, compare_pair, compare_prepared, prepare
from app.core.passages.model import (
    AlignedSegment,
    BoilerplateSignal,
    Cancelled,
    Comparison,
    FormulaOracle,
    PairSummary,
    Passage,
    PassageParams,
)

__all__ = [
    "AlignedSegment",
    "BoilerplateIndex",
    "BoilerplateSignal",
    "Cancelled",
    "Comparison",
    "FormulaOracle",
    "PairSummary",
    "Passage",
    "PassageParams",
    "PreparedDocument",
    "compare_many",
    "compare_pair",
    "compare_prepared",
    "prepare",
    "stock_phrase_share",
]
