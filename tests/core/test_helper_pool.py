"""Pairs shared with a helper process: every pair once, with exactly the groups the caller would find."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from itertools import combinations

import pytest

from app.core.passages import PassageParams, compare_prepared, helper_pool, prepare
from app.core.passages.engine import canonical, pair_groups
from app.core.passages.pool_process import HELPER_NICENESS


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


def _prepared_texts() -> list[str]:
    return list(helper_pool._prepared)


def test_warming_starts_the_helper_and_prepares_each_document_there_once(corpus, monkeypatch):
    docs, params = _documents(corpus, 4)
    texts = [d.text for d in docs]
    monkeypatch.setenv("DUIDU_PAIR_HELPER", "1")
    monkeypatch.setattr(helper_pool.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(helper_pool, "_executor", None)
    monkeypatch.setattr(helper_pool, "MIN_CHARS", 10**9)
    monkeypatch.setattr(helper_pool, "MAX_PROCESSES", 1)  # one process: the one asked is the one warmed
    pairs = list(combinations(range(len(docs)), 2))
    helper_pool.warm(texts, pairs, params)  # too little text
    assert helper_pool._executor is None, "too little text to need a helper, but one was started"
    monkeypatch.setattr(helper_pool, "MIN_CHARS", 0)
    helper_pool.warm(texts, [(1, 2), (1, 3), (2, 3)], params)  # document 0 is in none of them
    helper = helper_pool._executor
    assert helper is not None, "no helper was started"
    try:
        prepared = helper.submit(_prepared_texts).result(timeout=120)
        assert set(texts[1:]) <= set(prepared) and texts[0] not in prepared
        # its pairs then find the same groups as the caller
        assert dict(helper_pool.shared_groups(docs, pairs, params)) == _local(docs, pairs, params)
    finally:
        helper.shutdown(cancel_futures=True)


def test_warming_two_documents_starts_no_helper(monkeypatch):
    monkeypatch.setattr(helper_pool, "_executor", None)
    monkeypatch.setattr(helper_pool, "MIN_CHARS", 0)
    monkeypatch.setattr(helper_pool.os, "cpu_count", lambda: 2)
    helper_pool.warm(["甲乙丙丁" * 100, "甲乙丙丁" * 100], [(0, 1)], PassageParams())  # one pair: no helper
    assert helper_pool._executor is None


@pytest.mark.skipif(
    not hasattr(helper_pool.os, "nice"), reason="process priority is set only where os.nice exists"
)
def test_pool_processes_run_below_the_apps_priority(monkeypatch):
    """The pool's matching is background work: its processes yield the cores to the app's GUI thread."""
    monkeypatch.setenv("DUIDU_PAIR_HELPER", "1")
    monkeypatch.setattr(helper_pool.os, "cpu_count", lambda: 2)
    helper_pool.start()
    try:
        assert helper_pool.wait_started(60)
        mine = helper_pool.os.getpriority(helper_pool.os.PRIO_PROCESS, 0)
        theirs = {
            helper_pool.os.getpriority(helper_pool.os.PRIO_PROCESS, pid) for pid in helper_pool.process_ids()
        }
        assert theirs == {min(mine + HELPER_NICENESS, 19)}
    finally:
        helper_pool.shutdown()
