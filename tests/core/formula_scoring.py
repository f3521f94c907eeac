"""Scoring helpers for the formula annotation tests (recall on the seed, precision on judged samples)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.formulas.detect import FormulaHit
from app.core.normalize import PUNCTUATION, fold_char

DATA = Path(__file__).parent / "data"
#: An annotated occurrence counts as found when hits cover this share of its non-punctuation characters.
MIN_COVER = 0.8


@dataclass(frozen=True)
class Annotation:
    formula: str
    surfaces: tuple[str, ...]
    category: str


def read_annotations(path: Path) -> list[Annotation]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        formula, surfaces, category, _count = line.split("\t")
        rows.append(Annotation(formula, tuple(surfaces.split("|")), category))
    return rows


def occurrences(text: str, annotation: Annotation) -> list[tuple[int, int]]:
    """Every span of every surface, minus spans nested in a longer surface of the same formula."""
    spans = []
    for surface in annotation.surfaces:
        i = text.find(surface)
        while i >= 0:
            spans.append((i, i + len(surface)))
            i = text.find(surface, i + 1)
    return [a for a in spans if not any(b != a and b[0] <= a[0] and a[1] <= b[1] for b in spans)]


def covered(text: str, span: tuple[int, int], hits: list[FormulaHit]) -> bool:
    start, end = span
    chars = [i for i in range(start, end) if fold_char(text[i]) not in PUNCTUATION]
    inside = sum(1 for i in chars if any(h.start <= i < h.end for h in hits))
    return inside >= MIN_COVER * len(chars)


@dataclass(frozen=True)
class Recall:
    types_found: int
    types: int
    occurrences_found: int
    occurrences: int
    missed: tuple[str, ...]

    @property
    def type_recall(self) -> float:
        return self.types_found / self.types

    @property
    def occurrence_recall(self) -> float:
        return self.occurrences_found / self.occurrences


def recall(text: str, annotations: list[Annotation], hits: list[FormulaHit]) -> Recall:
    types_found = occ_found = occ_total = 0
    missed = []
    for annotation in annotations:
        found = [covered(text, span, hits) for span in occurrences(text, annotation)]
        occ_total += len(found)
        occ_found += sum(found)
        types_found += any(found)
        if not all(found):
            missed.append(f"{annotation.formula} ({sum(found)}/{len(found)})")
    return Recall(types_found, len(annotations), occ_found, occ_total, tuple(missed))
