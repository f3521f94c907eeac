"""A library that passed a complete quick check and has not changed since is not read again on the next
open; any change to it (or a pass too close to a write) makes the next open check again."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import app.store.integrity as integrity
from app.store import LibraryError, open_library
from tests.store.hostile_library import damage, make_library


def _age(path: Path, seconds: float = 60) -> None:
    """Make a library look as if it was last written `seconds` ago (its WAL too)."""
    when = time.time() - seconds
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            os.utime(file, (when, when))


@pytest.fixture
def counted_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pragmas that really ran against a file, in order."""
    ran: list[str] = []
    real = integrity._check

    def counting(engine, location, pragma, seconds, cancelled=None):  # type: ignore[no-untyped-def]
        ran.append(pragma)
        return real(engine, location, pragma, seconds, cancelled)

    monkeypatch.setattr(integrity, "_check", counting)
    return ran


def test_an_unchanged_library_is_checked_once_then_remembered(tmp_path: Path, counted_checks) -> None:
    library_file = make_library(tmp_path / "lib.sqlite", documents=3, chars=2_000)
    _age(library_file)
    counted_checks.clear()  # the import that made it checked it too
    for _ in range(3):
        with open_library(str(library_file)) as library:
            assert library.location == str(library_file)
    assert counted_checks == ["quick_check"]


def test_a_library_written_just_before_its_check_is_not_remembered(tmp_path: Path, counted_checks) -> None:
    library_file = make_library(tmp_path / "fresh.sqlite", documents=3, chars=2_000)
    counted_checks.clear()
    os.utime(library_file)  # written "just now", whatever the machine's load made of the import's timing
    for _ in range(2):
        with open_library(str(library_file)):
            pass
    assert counted_checks == ["quick_check", "quick_check"]


def test_damage_after_a_remembered_pass_is_still_refused(tmp_path: Path, counted_checks) -> None:
    library_file = make_library(tmp_path / "lib.sqlite", documents=8, chars=20_000)
    _age(library_file)
    counted_checks.clear()
    with open_library(str(library_file)):
        pass
    # Overwrite the middle of the same file in place (same path, same inode, same size).
    damaged = damage(library_file, tmp_path / "scratch.sqlite")
    library_file.write_bytes(damaged.read_bytes())
    before = library_file.read_bytes()
    with pytest.raises(LibraryError, match="damaged"):
        open_library(str(library_file))
    assert counted_checks == ["quick_check", "quick_check"]
    assert library_file.read_bytes() == before


def test_a_complete_full_check_is_remembered_so_later_opens_skip_the_quick_check(
    tmp_path: Path, counted_checks, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI's background integrity check covers all a quick check does: its pass spares later opens the
    quick check that a large library never finishes within its bound (so never got remembered)."""
    library_file = make_library(tmp_path / "lib.sqlite", documents=3, chars=2_000)
    with open_library(str(library_file)) as library:
        engine, location = library.engine, library.location
        _age(library_file)
        file, memory = integrity.verdicts_for(location)
        assert file == library_file and memory is not None and not memory.passed(library_file)
        with (
            monkeypatch.context() as patched
        ):  # a check cut short (stopped, or the window closed) proves nothing
            patched.setattr(integrity, "_check", lambda *args, **kwargs: False)
            integrity.full_check(engine, location, file=file, memory=memory)
        assert not memory.passed(library_file)
        integrity.full_check(engine, location, file=file, memory=memory)
        assert memory.passed(library_file)
    counted_checks.clear()
    with open_library(str(library_file)):
        pass
    assert counted_checks == []
