"""The compare view with the library's boilerplate signal: labels, cache keys, and the view's own result."""

from __future__ import annotations

import json

import pytest

from app.core.text import content_hash
from app.store import open_library
from app.ui.common.tasks import TaskRunner
from app.ui.compare import CompareDocument, CompareView
from app.ui.compare import compute as compute_module
from app.ui.compare.cache import boilerplate_source
from app.ui.compare.compute import CompareSettings, compute
from tests.store.boilerplate_texts import HOST, OTHER, holders, prose, store

DOCS = [CompareDocument(name, text, content_hash(text)) for name, text in (("host", HOST), ("other", OTHER))]


class _KeyedCache:
    """Pairs cached under their full parameters, as the library cache keys them."""

    def __init__(self) -> None:
        self.rows: dict[str, object] = {}

    def load(self, docs, a, b, params):
        return self.rows.get(json.dumps(params, sort_keys=True))

    def save(self, docs, a, b, params, result):
        self.rows[json.dumps(params, sort_keys=True)] = result


@pytest.fixture
def library(tmp_path):
    with open_library(str(tmp_path / "lib.sqlite")) as opened:
        yield opened


def test_library_boilerplate_labels_formulas_and_keys_the_cache(library) -> None:
    store(library, HOST, OTHER, *holders(3), prose(200))
    cache = _KeyedCache()
    plain = compute(DOCS, CompareSettings(), cache)
    assert [p.kind for p in plain.passages] == ["copy"]
    with_library = compute(DOCS, CompareSettings(boilerplate_source=boilerplate_source(library)), cache)
    assert with_library.cached_pairs == 0, "a pair labelled without the library is not reused"
    assert [p.kind for p in with_library.passages] == ["formula"]
    assert (
        with_library.settings.describe()["library_boilerplate"] == with_library.settings.boilerplate_version
    )
    assert with_library.settings.engine_params().boilerplate is not None
    again = compute(DOCS, CompareSettings(boilerplate_source=boilerplate_source(library)), cache)
    assert again.cached_pairs == 1 and again.passages == with_library.passages


def test_a_small_library_leaves_settings_and_key_as_they_were(library) -> None:
    store(library, HOST, OTHER)
    result = compute(DOCS, CompareSettings(boilerplate_source=boilerplate_source(library)))
    assert [p.kind for p in result.passages] == ["copy"]
    assert result.settings.boilerplate is None and "library_boilerplate" not in result.settings.describe()


def test_the_view_shows_what_the_library_signal_decided(library, qtbot) -> None:
    store(library, HOST, OTHER, *holders(3), prose(200))
    view = CompareView(DOCS, runner=TaskRunner(inline=True))
    view.boilerplate_source = boilerplate_source(library)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.wait_until_highlighted()
    assert view.result is not None
    assert [p.kind for p in view.result.passages] == ["formula"]


def test_the_pool_labels_with_a_snapshot_of_the_library_signal(library, matching_pool, monkeypatch) -> None:
    """A library big enough for its boilerplate signal: the pairs are still labelled in the matching pool
    (nothing is labelled here), from a snapshot of the signal, with this process's passages."""
    store(library, HOST, OTHER, *holders(3), prose(200))
    docs = [*DOCS, CompareDocument("holder", holders(1)[0], content_hash(holders(1)[0]))]
    settings = CompareSettings(boilerplate_source=boilerplate_source(library))
    monkeypatch.setenv("DUIDU_PAIR_HELPER", "0")
    here = compute(docs, settings)
    monkeypatch.setenv("DUIDU_PAIR_HELPER", "1")

    def not_here(*args, **kwargs):
        raise AssertionError("a pair was labelled in this process")

    monkeypatch.setattr(compute_module, "compare_prepared", not_here)
    monkeypatch.setattr(matching_pool, "compare_prepared", not_here)
    pooled = compute(docs, settings)
    assert pooled.passages == here.passages and pooled.ratios == here.ratios
    assert {p.kind for p in pooled.passages} == {"formula"}, "the library signal decided"
    assert pooled.settings.boilerplate_version == here.settings.boilerplate_version != ""
