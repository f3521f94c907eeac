"""Pairs shared with a helper process: every pair once, with exactly the groups the caller would find."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from itertools import combinations

import pytest

from app.core.passages import PassageParams, compare_prepared, helper_pool, prepare
from app.core.passages.engine import canonical, pair_groups


def _documents(corpus, count: int = 5):
    files = sorted((corpus / "gwr-state-council").glob("gwr-20*.txt"))[:count]
    params = PassageParams()
    return [prepare(f.read_text(encoding="utf-8")[:12_000], params) for f in files], params


def _local(docs, pairs, params):
    found = {}
    for n, (a, b) in enumerate(pairs):
        x, y = (docs[a], docs[b]) if canonical(docs[a], docs[b]) else (docs[b], docs[a])
        found[n] = pair_groups(x, y, params)
    return found


def test_a_helper_process_finds_the_same_groups(corpus, monkeypatch):
    docs, params = _documents(corpus)
    pairs = list(combinations(range(len(docs)), 2))
    monkeypatch.setattr(helper_pool, "MIN_CHARS", 0)
    monkeypatch.setenv("DUIDU_PAIR_HELPER", "1")
    monkeypatch.setattr(helper_pool.os, "cpu_count", lambda: 2)
    seen = dict(helper_pool.shared_groups(docs, pairs, params))
    assert helper_pool._executor is not None, "no helper was started"
    assert seen == _local(docs, pairs, params)
    # labelled by the caller, the groups give the passages of a plain comparison
    a, b = pairs[-1]
    assert compare_prepared(docs[a], docs[b], a, b, params, groups=seen[len(pairs) - 1]) == compare_prepared(
        docs[a], docs[b], a, b, params
    )


def _failing(*_args):
    raise OSError("helper died")


def test_a_failing_helper_leaves_the_pairs_to_the_caller(corpus, monkeypatch):
    docs, params = _documents(corpus, 4)
    pairs = list(combinations(range(len(docs)), 2))
    with ThreadPoolExecutor(1) as broken:
        monkeypatch.setattr(helper_pool, "_helper", lambda: broken)
        monkeypatch.setattr(helper_pool, "_groups_in_helper", _failing)
        monkeypatch.setattr(helper_pool, "_broken", False)
        monkeypatch.setattr(helper_pool, "_executor", None)
        monkeypatch.setattr(helper_pool, "MIN_CHARS", 0)
        monkeypatch.setattr(helper_pool.os, "cpu_count", lambda: 2)
        order = [n for n, _ in helper_pool.shared_groups(docs, pairs, params)]
        assert helper_pool._broken  # no helper for the rest of the session
    assert sorted(order) == list(range(len(pairs)))


def test_cancelling_stops_between_pairs(corpus, monkeypatch):
    docs, params = _documents(corpus, 3)
    monkeypatch.setenv("DUIDU_PAIR_HELPER", "0")
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(helper_pool.Cancelled):
        list(helper_pool.shared_groups(docs, list(combinations(range(3), 2)), params, cancelled))
