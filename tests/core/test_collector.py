"""The engine pauses the cyclic garbage collector while it matches a pair, and leaves it as it found it."""

from __future__ import annotations

import gc
import threading

import pytest

from app.core.passages import PassageParams, compare_pair
from app.core.passages.collector import collector_paused


def _work_reports(corpus) -> tuple[str, str]:
    gwr = corpus / "gwr-state-council"
    return tuple((gwr / f"gwr-{y}.txt").read_text(encoding="utf-8")[:8_000] for y in (2023, 2024))


def test_the_collector_is_paused_while_a_pair_is_matched_and_resumed_after(corpus):
    seen: list[bool] = []
    a, b = _work_reports(corpus)
    assert gc.isenabled()
    found = compare_pair(a, b, PassageParams(), progress=lambda done, total: seen.append(gc.isenabled()))
    assert found.passages and seen and not any(seen)
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(corpus):
    a, b = _work_reports(corpus)
    gc.disable()
    try:
        compare_pair(a, b, PassageParams())
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("other_leaves_first", [False, True])
def test_the_collector_resumes_when_the_last_of_overlapping_pairs_is_done(other_leaves_first: bool):
    """Two threads matching at once (a pool thread and the compare view's): whichever is done first must not
    resume the collector under the other."""
    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def long_match() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    other = threading.Thread(target=long_match)
    other.start()
    inside.wait(5)
    with collector_paused():
        assert not gc.isenabled()
        if other_leaves_first:
            release.set()
            other.join(5)
            assert not gc.isenabled()  # this thread still matches
    if not other_leaves_first:
        assert not gc.isenabled()  # the other thread still matches
        release.set()
        other.join(5)
    assert gc.isenabled()
