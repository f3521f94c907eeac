"""A shipped-lexicon formula oracle that writes down, in the file named by DUIDU_TEST_SCAN_LOG, each scan of
a document's text for its formulas (a whole text, or a block of it), with the process that made it: the
matching pool's processes unpickle it by name (tests/core/test_matching_pool.py)."""

from __future__ import annotations

import hashlib
import os

from app.core.formulas.coverage import DocumentCoverage, LexiconOracle
from app.core.formulas.detect import FormulaMatcher
from app.core.formulas.shipped import default_matcher


def _write(what: str, text: str) -> None:
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    with open(os.environ["DUIDU_TEST_SCAN_LOG"], "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()} {what} {digest}\n")


class _Counted(DocumentCoverage):
    __slots__ = ()

    def found(self):  # type: ignore[override]
        _write("whole", self._text)
        return super().found()

    def _block(self, number: int):  # type: ignore[override]
        if number not in self._blocks:
            _write("block", self._text)
        return super()._block(number)


class _CountingOracle(LexiconOracle):
    __slots__ = ()

    def of_document(self, normalised_text: str) -> DocumentCoverage:
        return _Counted(self._matcher(), normalised_text)


def counting_oracle() -> LexiconOracle:
    return counting


def _matcher() -> FormulaMatcher:
    return default_matcher()


counting = _CountingOracle(_matcher, by_name=counting_oracle)
