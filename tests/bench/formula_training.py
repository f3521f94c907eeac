"""Training data of the learned formula detectors from the annotated set (issue 14, session 8).

Shared by the clause model (tests/bench/clause_model.py) and any other learned detector: the tuning files
grouped by leave-one-round-out round, and the labels of candidate spans (how much of a candidate the
annotated spans of some kinds cover). Only tuning files of minable corpus texts are ever loaded.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np

from tests.bench.formula_annotations import CORPUS, AnnotatedSpeech, load_set, minable

#: A candidate is a positive example when annotated spans of the wanted kinds cover this share of it.
LABEL_COVER = 0.5


def tuning_rounds() -> dict[int, list[tuple[AnnotatedSpeech, str]]]:
    """The tuning files of minable corpus texts by LORO round (rounds 1–3 are one round, numbered 3)."""
    rounds: dict[int, list[tuple[AnnotatedSpeech, str]]] = {}
    for speech, text in load_set():
        if speech.split == "tune" and minable(CORPUS / speech.path):
            rounds.setdefault(speech.round, []).append((speech, text))
    return rounds


def round_label(number: int) -> str:
    return "rounds 1–3" if number == 3 else f"round {number}"


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
