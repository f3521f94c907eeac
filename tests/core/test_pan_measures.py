"""The PAN measures used by tests/bench/eval_passages.py, checked on hand-computed cases."""

from __future__ import annotations

import math

import pytest

from tests.bench.pan_measures import pan_scores


def test_perfect_detection_scores_one():
    cases = [("p", 10, 20, 0, 10)]
    scores = pan_scores(cases, cases)
    assert (scores.precision, scores.recall, scores.granularity, scores.plagdet) == (1, 1, 1, 1)


def test_half_detection_and_a_false_positive():
    cases = [("p", 0, 10, 0, 10)]
    detections = [("p", 0, 5, 0, 5), ("p", 50, 60, 50, 60)]
    scores = pan_scores(cases, detections)
    assert scores.recall == pytest.approx(0.5)
    assert scores.precision == pytest.approx(0.5)  # one exact detection, one wholly wrong
    assert scores.granularity == 1


def test_split_detection_is_penalised_by_granularity():
    cases = [("p", 0, 10, 0, 10)]
    detections = [("p", 0, 5, 0, 5), ("p", 5, 10, 5, 10)]
    scores = pan_scores(cases, detections)
    assert scores.recall == pytest.approx(1.0) and scores.precision == pytest.approx(1.0)
    assert scores.granularity == 2
    assert scores.plagdet == pytest.approx(1 / math.log2(3))


def test_detection_must_overlap_both_documents():
    cases = [("p", 0, 10, 0, 10)]
    scores = pan_scores(cases, [("p", 0, 10, 30, 40), ("q", 0, 10, 0, 10)])
    assert scores.recall == 0 and scores.precision == 0 and scores.plagdet == 0


def test_overlapping_detections_are_not_counted_twice():
    cases = [("p", 0, 10, 0, 20)]
    scores = pan_scores(cases, [("p", 0, 10, 0, 15), ("p", 5, 10, 10, 20)])
    assert scores.recall == pytest.approx(1.0)
    assert scores.granularity == 2
