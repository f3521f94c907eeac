"""`compare_prepared(..., settled=…)`: once the indexed side of a passage is that far a formula, the other
side is not measured; every passage keeps its kind, and its share wherever the share is under the mark."""

from __future__ import annotations

from itertools import pairwise

from app.core.formulas.shipped import formula_coverage
from app.core.passages import PassageParams, compare_prepared, prepare
from app.core.passages.engine import PreparedDocument
from tests.conftest import REPO

SAMPLES = sorted((REPO / "resources" / "samples").glob("*.txt"))
SETTLED = 0.8


def test_a_settled_side_leaves_the_other_unmeasured_and_the_kinds_as_they_were(monkeypatch) -> None:
    params = PassageParams(formula_oracle=formula_coverage)
    measured: list[str] = []
    share = PreparedDocument.formula_share

    def counting(self, start, end, params, exclude):  # type: ignore[no-untyped-def]
        measured.append(self.sha256)
        return share(self, start, end, params, exclude)

    monkeypatch.setattr(PreparedDocument, "formula_share", counting)
    texts = [path.read_text(encoding="utf-8") for path in SAMPLES]
    skipped = 0
    for a, b in pairwise(texts):
        runs = {}
        for mark in (None, SETTLED):
            measured.clear()
            found, summary = compare_prepared(
                prepare(a, params), prepare(b, params), 0, 1, params, settled=mark
            )
            runs[mark] = (found, summary, len(measured))
        full, settled = runs[None], runs[SETTLED]
        assert full[1] == settled[1]  # copy ratios: the same kinds
        assert len(full[0]) == len(settled[0])
        for whole, cut in zip(full[0], settled[0], strict=True):
            assert (whole.a_start, whole.a_end, whole.kind) == (cut.a_start, cut.a_end, cut.kind)
            if whole.formula_share < SETTLED:
                assert cut.formula_share == whole.formula_share
            else:
                assert cut.kind == "formula" and cut.formula_share >= SETTLED
        skipped += full[2] - settled[2]
    assert skipped > 0  # formulas over the mark were met, and their other side was not measured
