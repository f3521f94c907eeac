"""The passage engine: shared and near-shared passages between speeches, told apart from formulas.

Public API: `compare_pair`, `compare_many`, `PassageParams`, `Passage`, `Comparison`, and the formula
hooks `FormulaOracle` / `BoilerplateIndex` (see classify.py for how they decide `copy` vs `formula`).

The names load on first use (PEP 562): `duidu --help` needs `PassageParams` for its defaults, not the
engine, so importing the data model must not import the engine (and rapidfuzz) with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.core.passages.classify import BoilerplateIndex, stock_phrase_share
    from app.core.passages.engine import (
        PreparedDocument,
        compare_many,
        compare_pair,
        compare_prepared,
        prepare,
    )
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

#: Public name → the module that defines it.
_HOMES = {
    "BoilerplateIndex": "classify",
    "stock_phrase_share": "classify",
    "PreparedDocument": "engine",
    "compare_many": "engine",
    "compare_pair": "engine",
    "compare_prepared": "engine",
    "prepare": "engine",
    "AlignedSegment": "model",
    "BoilerplateSignal": "model",
    "Cancelled": "model",
    "Comparison": "model",
    "FormulaOracle": "model",
    "PairSummary": "model",
    "Passage": "model",
    "PassageParams": "model",
}

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
