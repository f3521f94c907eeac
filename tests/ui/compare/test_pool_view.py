"""The compare view over the matching pool, with a real task runner: panes are drawn while other pairs
still match in the pool, the passages are this process's, the new pairs are stored in one go (and the
result's objects handed back to the collector) only once everything is drawn, a pool process that dies costs one status line, and closing the view mid-matching
leaves no process behind once the app stops the pool."""

from __future__ import annotations

import gc
import os
import signal
import time

import pytest

from app.ui.common.tasks import TaskRunner
from app.ui.compare import CompareView
from app.ui.compare.compute import CompareSettings, compute
from app.ui.compare.integration import stop_matching_pool

from .conftest import corpus_document

pytestmark = pytest.mark.corpus
YEARS = (2016, 2017, 2018, 2019)


@pytest.fixture
def pool(matching_pool):
    """The pool, started and up, as when a library has opened."""
    matching_pool.start()
    assert matching_pool.wait_started(120)
    return matching_pool


class _Cache:
    """Records when pairs are stored, and how (one call for many, or one per pair)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, float]] = []

    def load(self, docs, a, b, params):
        return None

    def save(self, docs, a, b, params, result):
        self.calls.append(("save", 1, time.perf_counter()))

    def save_many(self, docs, results, params):
        self.calls.append(("save_many", len(results), time.perf_counter()))


def _view(qtbot, documents, cache=None, *, owned: bool = True) -> CompareView:
    view = CompareView(documents, runner=TaskRunner(), cache=cache)
    if owned:  # else the test deletes it itself
        qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    return view


def test_panes_are_drawn_while_the_pool_matches_and_pairs_are_stored_after(qtbot, corpus, pool):
    documents = [corpus_document(corpus, year) for year in YEARS]
    events: list[tuple[str, float]] = []
    cache = _Cache()
    view = _view(qtbot, documents, cache)
    ready = view._on_pane_ready
    view._on_pane_ready = lambda g, doc, links: (
        events.append((f"pane {doc}", time.perf_counter())),
        ready(g, doc, links),
    )
    view.result_ready.connect(lambda _r: events.append(("result", time.perf_counter())))
    drawn: list[float] = []
    view.highlights_ready.connect(lambda: drawn.append(time.perf_counter()))
    with qtbot.waitSignal(view.highlights_ready, timeout=120_000):
        pass
    # a pane is drawn as soon as its pairs are in, before the whole result; which pane completes first is the
    # pool's timing (the queue favours the lowest and the highest document, early_panes.pair_order, but a loaded
    # machine can hold one pool process back), so only the order of panes before the result is asserted
    assert events[0][0].startswith("pane "), events
    assert events[-1][0] == "result", events
    assert view.panes[0].reader.mark_kinds(), "pane 0 was drawn"
    expected = compute(documents, CompareSettings())  # in this process: the pool's are the same passages
    assert view.result.passages == expected.passages and view.result.ratios == expected.ratios
    assert cache.calls == [], "stored before the app had a moment of idle"
    # the result's objects stay out of the collector's young passes until then (idle_work)
    assert gc.get_freeze_count() > len(view.result.passages)
    qtbot.waitUntil(lambda: bool(cache.calls), timeout=20_000)
    assert gc.get_freeze_count() == 0, "the collector was given the objects back"
    assert [(kind, count) for kind, count, _ in cache.calls] == [("save_many", 6)]
    assert cache.calls[0][2] >= drawn[0], "the pairs were stored before the highlights were drawn"


def test_a_pool_process_that_dies_costs_one_status_line(qtbot, corpus, pool):
    documents = [corpus_document(corpus, year) for year in YEARS[:3]]
    victim = pool.process_ids()[0]
    os.kill(victim, signal.SIGKILL)
    qtbot.waitUntil(
        lambda: victim not in pool.process_ids() or not os.path.exists(f"/proc/{victim}"), timeout=10_000
    )
    view = _view(qtbot, documents)
    with qtbot.waitSignal(view.highlights_ready, timeout=120_000):
        pass
    status = view.params.status.text()
    assert status.startswith("A matching process failed (") and "\n" not in status, status
    assert view.result.passages == compute(documents, CompareSettings()).passages


def test_closing_the_view_while_matching_leaves_no_process_once_the_app_stops(qtbot, corpus, pool):
    documents = [corpus_document(corpus, year) for year in YEARS]
    pids = pool.process_ids()
    view = _view(qtbot, documents, owned=False)
    qtbot.waitUntil(lambda: view._task is not None, timeout=10_000)
    task = view._task
    view.close()
    view.deleteLater()
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    stop_matching_pool()  # what `duidu gui` does when its loop ends
    assert pool.process_ids() == []
    for pid in pids:
        qtbot.waitUntil(lambda pid=pid: not os.path.exists(f"/proc/{pid}"), timeout=20_000)


def test_pairs_drawn_just_before_quitting_are_stored_when_the_app_stops(qtbot, corpus, pool):
    documents = [corpus_document(corpus, year) for year in YEARS[:3]]
    cache = _Cache()
    view = _view(qtbot, documents, cache)
    with qtbot.waitSignal(view.highlights_ready, timeout=120_000):
        pass
    assert cache.calls == []
    stop_matching_pool()  # the app quits before the idle moment came
    qtbot.waitUntil(lambda: bool(cache.calls), timeout=20_000)
    assert [(kind, count) for kind, count, _ in cache.calls] == [("save_many", 3)]
    assert gc.get_freeze_count() == 0


def test_the_pool_starts_matching_while_the_view_is_built(qtbot, corpus, pool):
    """Pairs the pool will label start at construction (the panes are built while it matches); with an
    inline runner, or after the host swaps the boilerplate source in, the view still shows the right result."""
    documents = [corpus_document(corpus, year) for year in YEARS[:3]]
    view = CompareView(documents, runner=TaskRunner(), cache=None)
    qtbot.addWidget(view)
    assert view._task is not None and view.is_busy(), "matching started before the first paint"
    assert view.params.status.text() == "Comparing…"
    first = view._generation
    view.boilerplate_source = lambda: None  # the host sets it after construction (the old way)
    assert view._generation == first + 1, "matching started again with it"
    view.show()
    with qtbot.waitSignal(view.highlights_ready, timeout=120_000):
        pass
    assert view.result.passages == compute(documents, CompareSettings()).passages
    inline = CompareView(documents, runner=TaskRunner(inline=True))
    qtbot.addWidget(inline)
    assert inline._task is None, "an inline runner starts after the first paint, as before"


@pytest.mark.parametrize("count_formulas", [False, True])
def test_a_first_open_matched_in_the_pool_counts_no_text_here_and_makes_the_same_links(
    corpus, pool, monkeypatch, count_formulas
):
    """The pool measures each pair's cover of its documents (shared_cover) and the Links are made as the
    pairs land (PairwiseLinks): after the last pair this process neither counts a text for the ratios nor
    builds every Link in one go, and the result is this process's, ratios and Links included."""
    from app.core.passages import helper_pool
    from app.ui.compare import compute as compute_module
    from app.ui.compare import ratios

    documents = [corpus_document(corpus, year) for year in YEARS]
    settings = CompareSettings(count_formulas=count_formulas)
    monkeypatch.setattr(helper_pool, "_broken", True)  # no pool: every pair matched and counted here
    expected = compute(documents, settings)
    monkeypatch.setattr(helper_pool, "_broken", False)

    def no_counting(*_args):
        raise AssertionError("a text counted in the app's process")

    monkeypatch.setattr(ratios, "_folded_counter", no_counting)
    monkeypatch.setattr(ratios, "_offsets_counter", no_counting)
    monkeypatch.setattr(compute_module, "links_by_doc", no_counting)
    seen = compute(documents, settings, pane_ready=lambda doc, links: None)
    assert seen.passages == expected.passages
    assert seen.ratios == expected.ratios and seen.pair_ratios == expected.pair_ratios
    assert list(seen.pair_ratios) == list(expected.pair_ratios)
    assert seen.links == expected.links
