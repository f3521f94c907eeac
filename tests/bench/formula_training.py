"""Training data of the learned formula detectors (issue 14, session 8): the tuning files by leave-one-round-out
round, the shipped detector's hits as the scorer sees them, and the labels of candidate spans.

Shared by the term model (tests/bench/term_model.py) and the clause model (tests/bench/clause_model.py). Rounds are
the units of `loro_formulas`: 3 stands for rounds 1–3 (files naming no round), then 4, 5, … Only tuning files of
minable corpus texts are loaded (a `heldout` file is never read for training).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import numpy as np

from tests.bench.eval_formulas import RULE_KIND
from tests.bench.formula_annotations import CORPUS, AnnotatedSpeech, Detected, load_set, minable

#: The annotation kinds the term model is trained to find.
TERM_KINDS = frozenset(("lexicon", "quoted", "reference"))
#: A clause candidate is a positive example when annotated spans of the wanted kinds cover this share of it.
LABEL_COVER = 0.5


def tuning_rounds() -> dict[int, list[tuple[AnnotatedSpeech, str]]]:
    """The tuning files of minable corpus texts with their texts, by LORO round (rounds 1–3 are one round, 3)."""
    rounds: dict[int, list[tuple[AnnotatedSpeech, str]]] = {}
    for speech, text in load_set():
        if speech.split == "tune" and minable(CORPUS / speech.path):
            rounds.setdefault(speech.round, []).append((speech, text))
    return dict(sorted(rounds.items()))


def round_label(number: int) -> str:
    return "rounds 1–3" if number == 3 else f"round {number}"


def detected(hits: Iterable) -> list[Detected]:
    """FormulaHits as the scorer sees them (kind by rule, as eval_formulas maps it)."""
    return [
        Detected(
            h.start, h.end, RULE_KIND.get(h.rule, "lexicon") if h.source != "lexicon" else "lexicon", h.text
        )
        for h in hits
    ]


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def term_candidate_label(speech: AnnotatedSpeech, start: int, end: int) -> int | None:
    """1 when the span finds an annotated term-kind span and is a correct hit by the scorer's 50 % rules, 0 when
    it overlaps no annotated span of any kind, None otherwise (partly right: left out of training)."""
    overlapping = [s for s in speech.spans if _overlap(start, end, s.start, s.end)]
    if not overlapping:
        return 0
    inside = sum(_overlap(start, end, s.start, s.end) for s in overlapping)
    for span in overlapping:
        share = _overlap(start, end, span.start, span.end) / (span.end - span.start)
        if span.kind in TERM_KINDS and share >= 0.5 and inside >= 0.5 * (end - start):
            return 1
    return None


def kind_cover(
    speech: AnnotatedSpeech, starts: np.ndarray, ends: np.ndarray, kinds: Collection[str]
) -> np.ndarray:
    """Share of each candidate [start, end) that annotated spans of `kinds` cover."""
    marked = np.zeros(max(speech.end, int(ends.max(initial=0))) + 1, dtype=np.int32)
    for span in speech.spans:
        if span.kind in kinds:
            marked[span.start] += 1
            marked[span.end] -= 1
    covered = np.concatenate(([0], np.cumsum(np.cumsum(marked) > 0)))
    return (covered[ends] - covered[starts]) / np.maximum(ends - starts, 1)


def inside_range(speech: AnnotatedSpeech, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Candidates that lie inside the annotated excerpt (only those are labelled)."""
    return (starts >= speech.start) & (ends <= speech.end)
