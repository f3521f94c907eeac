"""How a first open gets its pairs to the matching pool soon: the pool labels the documents while the pair
cache is read (`helper_pool.label_ahead`), and the cache is read in one query (`LibraryPairCache.load_many`)."""

from __future__ import annotations

import time
from itertools import combinations

import pytest
from sqlalchemy import event

from app.store import open_library
from app.ui.compare.cache import LibraryPairCache
from app.ui.compare.compute import CompareSettings, compute
from tests.core.scan_counting_oracle import counting_oracle

from .conftest import corpus_document, sample_document

YEARS = (2016, 2017, 2018, 2019)


def _scanned(log) -> set[str]:
    """The documents the pool scanned whole for their formulas (their labels), by text digest."""
    if not log.exists():
        return set()
    return {line.split()[2] for line in log.read_text(encoding="utf-8").splitlines() if " whole " in line}


class _WaitingCache:
    """Holds nothing, and reads (`load_many`) only once the pool has labelled every document, or after 60 s;
    it records how many it found labelled. The pool can only have labelled them before the cache answered if
    their labels were asked for before the cache was read."""

    def __init__(self, log, documents: int) -> None:
        self.log, self.documents, self.labelled_before = log, documents, -1

    def load_many(self, docs, pairs, params):
        deadline = time.monotonic() + 60
        while len(_scanned(self.log)) < self.documents and time.monotonic() < deadline:
            time.sleep(0.02)
        self.labelled_before = len(_scanned(self.log))
        return {}

    def load(self, docs, a, b, params):
        raise AssertionError("each pair looked up on its own")

    def save_many(self, docs, results, params):
        pass


@pytest.mark.corpus
def test_the_pool_labels_the_documents_while_the_cache_is_read(corpus, matching_pool, tmp_path, monkeypatch):
    log = tmp_path / "scans.log"
    monkeypatch.setenv("DUIDU_TEST_SCAN_LOG", str(log))  # before the pool's processes are spawned
    matching_pool.start()
    assert matching_pool.wait_started(120)
    documents = [corpus_document(corpus, year) for year in YEARS]
    settings = CompareSettings(formula_oracle=counting_oracle())
    cache = _WaitingCache(log, len(documents))
    seen = compute(documents, settings, cache)
    assert cache.labelled_before == len(documents), "every document labelled before the cache answered"
    scans = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    assert [what for _pid, what, _doc in scans] == ["whole"] * len(documents), "the pairs took those labels"
    log.unlink()
    monkeypatch.setattr(matching_pool, "_broken", True)  # the same comparison in this process alone
    here = compute(documents, settings, None)
    assert seen.passages == here.passages
    assert seen.ratios == here.ratios and seen.pair_ratios == here.pair_ratios


def test_a_comparison_found_in_the_cache_is_read_in_one_query_and_nothing_else(tmp_path):
    """One query tells a first open that the library holds none of its pairs; a reopen reads the pairs it
    holds, the same as looking each up (`load`)."""
    library = open_library(str(tmp_path / "cache.sqlite"))
    try:
        documents = [sample_document(name) for name in ("01-city-study-session.txt",
                                                        "03-theme-education-mobilisation.txt",
                                                        "04-county-exchange-remarks.txt")]  # fmt: skip
        cache = LibraryPairCache(library)
        settings = CompareSettings()
        key = settings.engine_params().describe()
        pairs = list(combinations(range(len(documents)), 2))
        statements: list[str] = []
        event.listen(library.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        assert cache.load_many(documents, pairs, key) == {}
        assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
        first = compute(documents, settings, cache)  # matched here, then stored
        assert first.cached_pairs == 0
        found = cache.load_many(documents, pairs, key)
        assert found == {(a, b): cache.load(documents, a, b, key) for a, b in pairs}
        assert len(found) == len(pairs)
        again = compute(documents, settings, cache)
        assert again.cached_pairs == len(pairs) and again.passages == first.passages
    finally:
        library.close()
