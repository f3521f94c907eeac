"""Test set-up shared by every test: offscreen Qt, private user directories, the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real user's library, caches and settings."""
    home = tmp_path_factory.mktemp("duidu-home")
    monkeypatch.setenv("DUIDU_HOME", str(home))
    monkeypatch.delenv("DUIDU_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus; tests that need it are skipped when `../shared` is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    return CORPUS


@pytest.fixture
def matching_pool(monkeypatch: pytest.MonkeyPatch):
    """A fresh two-process matching pool (app.core.passages.helper_pool), whatever the machine and for any
    amount of text; shut down after the test."""
    from app.core.passages import helper_pool

    monkeypatch.setenv("DUIDU_PAIR_HELPER", "1")
    monkeypatch.setattr(helper_pool.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(helper_pool, "MIN_CHARS", 0)
    monkeypatch.setattr(helper_pool, "_broken", False)
    helper_pool.shutdown()
    yield helper_pool
    helper_pool.shutdown()
