"""Speed of the passage engine against difflib, measured in the same run (python -m pytest tests/bench -s).

Budgets (DESIGN.md): two ~20k-character speeches under 100 ms and at least 20× faster than
difflib.SequenceMatcher(autojunk=False).get_matching_blocks(); eight such speeches, all 28 pairs, under
2 s; a 2 MB document against a 20k one in bounded time with progress.
"""

from __future__ import annotations

import time
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from app.core.passages import PassageParams, compare_many, compare_pair

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
GWR = CORPUS / "gwr-state-council"

pytestmark = pytest.mark.skipif(not GWR.is_dir(), reason="../shared/corpus is not available")


def _gwr(year: int) -> str:
    return (GWR / f"gwr-{year}.txt").read_text(encoding="utf-8")


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def test_two_reports_against_difflib():
    a, b = _gwr(2023), _gwr(2024)
    engine = _best(lambda: compare_pair(a, b), 7)
    difflib = _best(lambda: SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks(), 1)
    print(
        f"\ngwr-2023 ({len(a):,} chars) vs gwr-2024 ({len(b):,} chars): engine {engine * 1000:.1f} ms, "
        f"difflib {difflib * 1000:.0f} ms, ratio {difflib / engine:.0f}×"
    )
    assert engine < 0.100
    assert difflib / engine >= 20


def test_eight_reports_all_pairs():
    years = (2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024)
    texts = [_gwr(y) for y in years]
    seen = []
    start = time.perf_counter()
    result = compare_many(texts, progress=lambda done, total: seen.append(done))
    elapsed = time.perf_counter() - start
    one = _best(lambda: compare_pair(texts[0], texts[1]), 3)
    print(
        f"\n8 reports ({sum(map(len, texts)):,} chars), 28 pairs: {elapsed:.2f} s, {len(result.passages)} passages; "
        f"one pair alone {one * 1000:.0f} ms (28 × that = {28 * one:.2f} s)"
    )
    assert seen[-1] == 28 and len(result.summary) == 28
    assert elapsed < 2.0


def test_two_megabyte_document_against_a_speech_is_bounded_with_progress():
    speech = _gwr(2023)
    pieces, size = [], 0
    for path in sorted(CORPUS.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        pieces.append(text)
        size += len(text.encode("utf-8"))
        if size >= 2_000_000:
            break
    big = "\n".join(pieces)
    calls = []
    start = time.perf_counter()
    result = compare_pair(speech, big, progress=lambda done, total: calls.append((done, total)))
    elapsed = time.perf_counter() - start
    print(
        f"\n{len(big.encode('utf-8')) / 1e6:.1f} MB ({len(big):,} chars) vs {len(speech):,} chars: {elapsed:.2f} s, "
        f"{len(calls)} progress calls, {len(result.passages)} passages"
    )
    assert calls and calls[-1][0] == calls[-1][1]
    assert elapsed < 10
    with pytest.raises(ValueError, match="limit"):
        compare_pair(speech, big, PassageParams(max_chars=500_000))
