"""Fixtures for store tests: a fresh library file per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import Library, open_library


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.duidu.sqlite"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with open_library(str(library_path)) as opened:
        yield opened
