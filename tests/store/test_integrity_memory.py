"""A library that passed a complete quick check and has not changed since is not read again on the next
open; any change to it (or a pass too close to a write) makes the next open check again. A verified
library stays verified across Duidu's own writes (the pass is carried to the file as Duidu closes it);
a write by anything else in between, or any change after, makes the next open check again."""

from __future__ import annotations

import os
import random
import sqlite3
import time
from pathlib import Path

import pytest

import app.store.integrity as integrity
import app.store.verified_state as verified_state
from app.store import LibraryError, open_library
from app.store.importing import import_paths
from tests.store.hostile_library import damage, make_library, speech


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


@pytest.fixture
def carried(monkeypatch: pytest.MonkeyPatch) -> None:
    """Carry passes for libraries of any size (the test libraries are far below `CARRY_MIN_BYTES`)."""
    monkeypatch.setattr(verified_state, "CARRY_MIN_BYTES", 0)


def _import(library_file: Path, name: str) -> None:
    source = library_file.parent / f"{name}.txt"
    source.write_text(speech(random.Random(name), 3_000, ["共同的句子。"]), encoding="utf-8")
    with open_library(str(library_file)) as library:
        assert import_paths(library.writer, [source]).imported == 1


def test_a_library_duidu_made_and_wrote_is_remembered_so_the_next_open_checks_nothing(
    tmp_path: Path, counted_checks, carried
) -> None:
    library_file = make_library(tmp_path / "lib.sqlite", documents=3, chars=2_000)  # created: verified
    _import(library_file, "later")  # verified by the carried pass, written, carried again
    counted_checks.clear()
    with open_library(str(library_file)):
        pass
    assert counted_checks == []


def test_a_pass_is_not_carried_for_a_library_the_open_could_not_verify(
    tmp_path: Path, counted_checks, carried, monkeypatch: pytest.MonkeyPatch
) -> None:
    library_file = make_library(tmp_path / "lib.sqlite", documents=3, chars=2_000)
    os.utime(library_file)  # changed by something else since Duidu closed it
    with monkeypatch.context() as patched:  # as on a large library: the check runs out of time
        patched.setattr(integrity, "_check", lambda *args, **kwargs: False)
        _import(library_file, "later")
    counted_checks.clear()
    with open_library(str(library_file)):
        pass
    assert counted_checks == ["quick_check"]


def test_a_write_by_anything_else_between_duidus_own_stops_the_carry(
    tmp_path: Path, counted_checks, carried
) -> None:
    library_file = make_library(tmp_path / "lib.sqlite", documents=3, chars=2_000)
    source = tmp_path / "later.txt"
    source.write_text(speech(random.Random(3), 3_000, ["共同的句子。"]), encoding="utf-8")
    with open_library(str(library_file)) as library:
        assert library.verified is not None and library.verified.stamp is not None
        other = sqlite3.connect(library_file)  # another program writing while Duidu has it open
        other.execute("CREATE TABLE foreign_notes (x)")
        other.commit()
        other.close()
        assert import_paths(library.writer, [source]).imported == 1
        assert library.verified.stamp is None
    counted_checks.clear()
    with open_library(str(library_file)):
        pass
    assert counted_checks == ["quick_check"]


def test_damage_after_a_carried_pass_is_still_refused_and_left_untouched(
    tmp_path: Path, counted_checks, carried
) -> None:
    library_file = make_library(tmp_path / "lib.sqlite", documents=8, chars=20_000)
    _import(library_file, "later")
    file, memory = integrity.verdicts_for(str(library_file))
    assert file is not None and memory is not None and memory.passed(file)
    # at once, as close after Duidu's last write as a test can: same path, inode and size
    library_file.write_bytes(damage(library_file, tmp_path / "scratch.sqlite").read_bytes())
    before = library_file.read_bytes()
    counted_checks.clear()
    with pytest.raises(LibraryError, match="damaged"):
        open_library(str(library_file))
    assert counted_checks == ["quick_check"]
    assert library_file.read_bytes() == before


def test_small_libraries_are_not_carried_their_own_check_is_quick(tmp_path: Path, counted_checks) -> None:
    library_file = make_library(tmp_path / "lib.sqlite", documents=3, chars=2_000)
    assert library_file.stat().st_size < verified_state.CARRY_MIN_BYTES
    counted_checks.clear()
    with open_library(str(library_file)):
        pass
    assert counted_checks == ["quick_check"]


def test_a_full_check_passed_while_open_is_carried_across_later_writes(
    tmp_path: Path, counted_checks, carried, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI: the open's check runs out of time on a large library, the background full check passes,
    then the user imports: the pass is carried to the file as Duidu closes it."""
    library_file = make_library(tmp_path / "lib.sqlite", documents=3, chars=2_000)
    _age(library_file)
    source = tmp_path / "later.txt"
    source.write_text(speech(random.Random(5), 3_000, ["共同的句子。"]), encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(integrity, "_check", lambda *args, **kwargs: False)  # out of time
        library = open_library(str(library_file))
    with library:
        assert library.verified is not None and library.verified.stamp is None
        file, memory = integrity.verdicts_for(library.location)
        integrity.full_check(library.engine, library.location, file=file, memory=memory)
        assert import_paths(library.writer, [source]).imported == 1
    counted_checks.clear()
    with open_library(str(library_file)):
        pass
    assert counted_checks == []


def test_a_file_dated_in_the_future_is_not_carried_nor_waited_for(
    tmp_path: Path, counted_checks, carried
) -> None:
    """The wait at close is for the file clock to move past Duidu's last write; a file whose time is far
    ahead of the clock (copied from a machine set wrong) would make it endless: no carry then."""
    library_file = make_library(tmp_path / "lib.sqlite", documents=3, chars=2_000)
    with open_library(str(library_file)) as library:
        ahead = time.time() + 3600
        os.utime(library_file, (ahead, ahead))
        assert library.verified is not None
        library.verified.vouch()
        started = time.monotonic()
    assert time.monotonic() - started < 1
    counted_checks.clear()
    with open_library(str(library_file)):
        pass
    assert counted_checks == ["quick_check"]
