"""The matching pool: pairs matched and labelled in its processes give exactly this process's passages; a
process that dies costs one line and nothing else; no process outlives the pool or the app."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from itertools import combinations
from pathlib import Path

import pytest

from app.core.boilerplate_share import FrozenBoilerplate
from app.core.formulas.shipped import formula_coverage
from app.core.passages import PassageParams, compare_prepared, helper_pool, prepare
from app.core.passages.packed import packed, unpacked
from app.core.shingles import ShingleParams
from tests.core.scan_counting_oracle import counting_oracle


@pytest.fixture
def pool(matching_pool):
    return matching_pool


def _texts(corpus, count: int = 4) -> list[str]:
    files = sorted((corpus / "gwr-state-council").glob("gwr-20*.txt"))[:count]
    return [f.read_text(encoding="utf-8")[:8_000] for f in files]


def _here(texts, pairs, params):
    docs = [prepare(text, params) for text in texts]
    return {n: compare_prepared(docs[a], docs[b], a, b, params) for n, (a, b) in enumerate(pairs)}


def _gone(pids: list[int], seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not [pid for pid in pids if os.path.exists(f"/proc/{pid}") and _alive(pid)]:
            return True
        time.sleep(0.1)
    return False


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_shipped_lexicon_travels_a_lambda_or_a_library_signal_does_not():
    assert helper_pool.labels_travel(PassageParams(formula_oracle=formula_coverage))
    assert pickle.loads(pickle.dumps(formula_coverage)) is formula_coverage  # by name, one oracle per process
    assert helper_pool.labels_travel(PassageParams())
    assert not helper_pool.labels_travel(PassageParams(formula_oracle=lambda text: 0.0))

    class Signal:
        def share(self, text, exclude=frozenset()):
            return 0.0

    assert not helper_pool.labels_travel(PassageParams(formula_oracle=formula_coverage, boilerplate=Signal()))
    snapshot = FrozenBoilerplate("df3/docs~8", 3, ShingleParams(), {}, {})  # a library signal's snapshot
    assert helper_pool.labels_travel(PassageParams(formula_oracle=formula_coverage, boilerplate=snapshot))


def _fast_scanners_built() -> bool:
    """(Run in a pool process.) Whether the shipped matcher's ahocorasick-rs scanners are built there."""
    from app.core.formulas import coverage
    from app.core.formulas.shipped import default_matcher

    return isinstance(coverage._PIECE_SCANNERS.get(default_matcher()), tuple)


def test_pool_processes_build_their_fast_lexicon_scanners_before_their_first_pair(pool):
    """A pool process labels many documents: its fast scanners are built in its start-up, at idle, not after
    300,000 characters inside a comparison (a compare view of eight long speeches would pay the build there)."""
    pool.start()
    assert pool.wait_started(120)
    executor = helper_pool._helper()
    assert executor is not None
    assert all(executor.submit(_fast_scanners_built).result(timeout=60) for _ in range(4))


def _numpy_path_loaded() -> bool:
    """(Run in a pool process.) Whether the engine's numpy path for long speeches is loaded there."""
    return {"app.core.passages.vector_runs", "app.core.passages.vector_chains", "numpy.ma"} <= set(
        sys.modules
    )


def test_pool_processes_load_the_engines_path_for_long_speeches_before_their_first_pair(pool):
    """A pool process matches long speeches: its start-up compares texts long enough for the engine's numpy
    path, so that each process's first pair of a compare view does not load and warm it (~20 ms of CPU)."""
    pool.start()
    assert pool.wait_started(120)
    executor = helper_pool._helper()
    assert executor is not None
    assert all(executor.submit(_numpy_path_loaded).result(timeout=60) for _ in range(4))


@pytest.mark.corpus
def test_pairs_labelled_in_the_pool_are_those_of_this_process(corpus, pool):
    texts = _texts(corpus)
    pairs = list(combinations(range(len(texts)), 2))
    params = PassageParams(formula_oracle=formula_coverage)
    pool.start()
    assert pool.wait_started(120), "the pool did not come up"
    pids = pool.process_ids()
    assert len(pids) == 2 and os.getpid() not in pids
    troubles: list[str] = []
    seen = dict(pool.labelled_pairs(texts, pairs, params, on_trouble=troubles.append))
    assert troubles == []
    assert seen == _here(texts, pairs, params)
    assert pool.process_ids() == pids, "the same warm processes matched them"


@pytest.mark.corpus
def test_passages_packed_as_tuples_are_the_same_passages_unpacked(corpus):
    """How a pool process hands a pair back (`packed`): every field, every kind of alignment segment."""
    texts = _texts(corpus, 2)
    params = PassageParams(formula_oracle=formula_coverage)
    found = compare_prepared(prepare(texts[0], params), prepare(texts[1], params), 0, 1, params)
    assert {s.tag for p in found[0] for s in p.alignment} == {"equal", "replace", "insert", "delete"}
    assert unpacked(pickle.loads(pickle.dumps(packed(found)))) == found


@pytest.mark.corpus
def test_each_document_is_scanned_for_formulas_once_in_the_whole_pool(corpus, pool, tmp_path, monkeypatch):
    """A document is in N - 1 pairs, which land in both processes: its formulas are found once, by one
    process, for all of it, and the pairs in the other process take them (`labelled_pairs`). Before, each
    process scanned every document it met, block by block."""
    log = tmp_path / "scans.log"
    monkeypatch.setenv("DUIDU_TEST_SCAN_LOG", str(log))  # before the pool's processes are spawned
    texts = _texts(corpus, 5)
    pairs = list(combinations(range(len(texts)), 2))
    params = PassageParams(formula_oracle=counting_oracle())
    pool.start()
    assert pool.wait_started(120) and len(pool.process_ids()) == 2
    troubles: list[str] = []
    seen = dict(pool.labelled_pairs(texts, pairs, params, on_trouble=troubles.append))
    assert troubles == []
    scans = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    log.unlink()  # (this process's own run below writes there too)
    assert seen == _here(texts, pairs, params)
    assert {what for _pid, what, _doc in scans} == {"whole"}, "no block was scanned: every pair took them"
    assert len(scans) == len({doc for _pid, _what, doc in scans}) == len(texts), "each document once"
    assert {int(pid) for pid, _what, _doc in scans} <= set(pool.process_ids())


@pytest.mark.corpus
def test_a_process_that_dies_costs_one_line_and_the_pairs_are_matched_here(corpus, pool):
    texts = _texts(corpus, 3)
    pairs = list(combinations(range(len(texts)), 2))
    params = PassageParams(formula_oracle=formula_coverage)
    pool.start()
    assert pool.wait_started(120)
    victim = pool.process_ids()[0]
    os.kill(victim, signal.SIGKILL)
    assert _gone([victim])
    troubles: list[str] = []
    seen = dict(pool.labelled_pairs(texts, pairs, params, on_trouble=troubles.append))
    assert seen == _here(texts, pairs, params)
    assert len(troubles) == 1 and "\n" not in troubles[0] and troubles[0], troubles
    assert pool.process_ids() == [], "the broken pool was dropped"
    pool.start()  # … and the next comparison may start a new one
    assert pool.wait_started(120) and len(pool.process_ids()) == 2


@pytest.mark.corpus
def test_cancelling_returns_and_shutting_down_leaves_no_process(corpus, pool):
    texts = _texts(corpus)
    pairs = list(combinations(range(len(texts)), 2))
    pool.start()
    assert pool.wait_started(120)
    pids = pool.process_ids()
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(helper_pool.Cancelled):
        list(pool.labelled_pairs(texts, pairs, PassageParams(), cancelled))
    pool.shutdown()
    assert pool.process_ids() == []
    assert _gone(pids), "a pool process outlived shutdown()"


def test_pool_processes_end_with_a_killed_app(tmp_path):
    script = (
        "import os, sys\n"
        "from app.core.passages import helper_pool\n"
        "if __name__ == '__main__':\n"
        "    helper_pool.os.cpu_count = lambda: 2\n"
        "    helper_pool.start()\n"
        "    assert helper_pool.wait_started(120)\n"
        "    print(' '.join(map(str, helper_pool.process_ids())), flush=True)\n"
        "    os.kill(os.getpid(), 9)\n"
    )
    path = tmp_path / "app_that_dies.py"
    path.write_text(script)
    env = {**os.environ, "DUIDU_PAIR_HELPER": "1"}
    done = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=180, env=env,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    pids = [int(pid) for pid in done.stdout.split()]
    assert len(pids) == 2, done.stderr[-2000:]
    assert _gone(pids), "pool processes outlived their killed parent"
