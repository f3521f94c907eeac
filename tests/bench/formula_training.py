"""Shared data loading for the learned formula detectors (issue 14, session 8): the tuning set by annotation round,
the shipped detector's hits per speech, and how a candidate span relates to the annotated spans.

Rounds are the leave-one-round-out units of `loro_formulas`: 3 stands for rounds 1–3 (files naming no round),
then 4, 5, … Only tuning files are loaded (a `heldout` file is never read for training).
"""

from __future__ import annotations

from collections.abc import Iterable

from tests.bench.eval_formulas import RULE_KIND
from tests.bench.formula_annotations import AnnotatedSpeech, Detected, load_set

#: The annotation kinds the term model is trained to find.
TERM_KINDS = frozenset(("lexicon", "quoted", "reference"))


def tuning_rounds() -> dict[int, list[tuple[AnnotatedSpeech, str]]]:
    """The tuning speeches with their corpus texts, by annotation round (3 = rounds 1–3)."""
    rounds: dict[int, list[tuple[AnnotatedSpeech, str]]] = {}
    for speech, text in load_set():
        if speech.split == "tune":
            rounds.setdefault(speech.round, []).append((speech, text))
    return dict(sorted(rounds.items()))


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
