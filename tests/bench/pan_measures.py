"""PAN text-alignment measures (Potthast et al., COLING 2010): macro character precision and recall,
granularity and plagdet = F1 / log2(1 + granularity).

A case or detection is a pair of spans in one document pair: (pair key, susp_start, susp_end,
src_start, src_end). A detection *detects* a case when it overlaps it in both documents; only then do
their shared characters count. Characters of both documents count (|s| = susp length + src length).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

Annotation = tuple[Hashable, int, int, int, int]


@dataclass(frozen=True)
class PanScores:
    precision: float
    recall: float
    granularity: float
    plagdet: float
    cases: int
    detections: int


def _detects(r: Annotation, s: Annotation) -> bool:
    return r[0] == s[0] and r[1] < s[2] and s[1] < r[2] and r[3] < s[4] and s[3] < r[4]


def _union_length(spans: list[tuple[int, int]]) -> int:
    total, reach = 0, None
    for start, end in sorted(spans):
        if reach is None or start >= reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


def _covered_share(target: Annotation, others: list[Annotation]) -> float:
    """Share of target's characters (both sides) inside the others that overlap it in both documents."""
    susp = [(max(target[1], o[1]), min(target[2], o[2])) for o in others]
    src = [(max(target[3], o[3]), min(target[4], o[4])) for o in others]
    size = (target[2] - target[1]) + (target[4] - target[3])
    return (_union_length(susp) + _union_length(src)) / size if size else 0.0


def pan_scores(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> PanScores:
    by_pair: dict[Hashable, list[Annotation]] = defaultdict(list)
    for r in detections:
        by_pair[r[0]].append(r)
    cases_by_pair: dict[Hashable, list[Annotation]] = defaultdict(list)
    for s in cases:
        cases_by_pair[s[0]].append(s)
    recall_sum, detected_counts = 0.0, []
    for s in cases:
        hits = [r for r in by_pair[s[0]] if _detects(r, s)]
        recall_sum += _covered_share(s, hits)
        if hits:
            detected_counts.append(len(hits))
    precision_sum = 0.0
    for r in detections:
        hits = [s for s in cases_by_pair[r[0]] if _detects(r, s)]
        precision_sum += _covered_share(r, hits)
    precision = precision_sum / len(detections) if detections else 0.0
    recall = recall_sum / len(cases) if cases else 0.0
    granularity = sum(detected_counts) / len(detected_counts) if detected_counts else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PanScores(
        precision, recall, granularity, f1 / math.log2(1 + granularity), len(cases), len(detections)
    )
