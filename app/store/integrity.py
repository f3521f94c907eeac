"""Is this SQLite library intact? Checked before Duidu reads or writes it, so a damaged file is refused
(and left byte for byte as it was) instead of being written to or half-read.

`quick_check` runs on every open: SQLite's `PRAGMA quick_check` reads every page of every table and
index and checks their structure (not that indexes match their tables), which finds pages overwritten
or cut off. It is bounded in time: on a library too large to check within `QUICK_CHECK_SECONDS` it
stops and says nothing. A passing verdict is remembered (`VerdictMemory`) with the file's size and
modification time and those of its WAL: opening a library nobody changed since it passed costs a `stat`,
not a read of the whole file, so whole commands stay quick on large libraries. `full_check` (`PRAGMA integrity_check`, unbounded) runs before any schema
migration and in the background in the GUI.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the GUI's quick start reads VerdictMemory without SQLAlchemy
    from sqlalchemy import Engine

from app.paths import cache_dir
from app.store.errors import LibraryError, damaged_message

#: How long opening a library may spend checking it: a 5 MB library takes a few milliseconds, a library
#: of 150 MB (a 62 MB text with its index) 0.8 s, past which the background full check takes over.
QUICK_CHECK_SECONDS = 0.5
#: The cache sub-folder where passing verdicts are kept (the open and the GUI's quick start read it).
VERDICTS_FOLDER = "checked-libraries"
#: How long a file must have been left alone before a pass is remembered for it.
_SETTLED_NS = 2_000_000_000
#: How often the watching thread looks at the clock and at `cancelled()`.
_WATCH_SECONDS = 0.02


class VerdictMemory:
    """Which library files passed a complete quick check, as they were then (size and modification time
    of the file and of its `-wal`). Kept as one small file per library in the cache folder; anything that
    writes to the library (Duidu included) changes the stamp, so the next open checks again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def passed(self, file: Path) -> bool:
        stamp = file_stamp(file)
        try:
            return stamp is not None and self._entry(file).read_text(encoding="utf-8") == stamp
        except OSError:
            return False

    def remember(self, file: Path, checked_at_ns: int) -> None:
        """Remember a pass, unless the file changed within `_SETTLED_NS` before the check began: file
        times tick coarsely (milliseconds), so a write that close could leave the same stamp behind."""
        stamp = file_stamp(file)
        if stamp is None or newest_mtime_ns(file) > checked_at_ns - _SETTLED_NS:
            return
        self.record(file, stamp)

    def record(self, file: Path, stamp: str) -> None:
        """Remember a pass for the file in the state `stamp` (`file_stamp`), known to be a verified one."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._entry(file).write_text(stamp, encoding="utf-8")
        except OSError:
            pass  # an unwritable cache only costs the next open a check

    def _entry(self, file: Path) -> Path:
        return self.folder / hashlib.sha256(str(file).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _states(file: Path) -> list[os.stat_result | None] | None:
    """The file's and its WAL's stat (None for a WAL that is absent or empty: SQLite makes an empty one
    on every open and drops it on close, which says nothing of the content), or None if unreadable."""
    states: list[os.stat_result | None] = []
    for path in (file, file.with_name(file.name + "-wal")):
        try:
            info = os.stat(path)
        except FileNotFoundError:
            states.append(None)
            continue
        except OSError:
            return None
        states.append(info if info.st_size or path == file else None)
    return states


def newest_mtime_ns(file: Path) -> int:
    return max((info.st_mtime_ns for info in _states(file) or [] if info is not None), default=0)


def file_stamp(file: Path) -> str | None:
    """The file's state as a verdict records it: size, modification time and inode of it and its WAL."""
    states = _states(file)
    if states is None:
        return None
    return " ".join(
        "-" if info is None else f"{info.st_size}:{info.st_mtime_ns}:{info.st_ino}" for info in states
    )


def quick_check(
    engine: Engine,
    location: str,
    *,
    seconds: float = QUICK_CHECK_SECONDS,
    file: Path | None = None,
    memory: VerdictMemory | None = None,
) -> bool:
    """Raise a one-line "damaged" `LibraryError` when SQLite's quick check finds damage.

    A check that runs out of time counts as passed: the full check catches what it could not reach.
    With `file` and `memory`, a file unchanged since it last passed a complete check is not read again.
    Returns whether the file is verified: remembered as passed, or checked to the end.
    """
    if file is not None and memory is not None and memory.passed(file):
        return True
    started = time.time_ns()
    complete = _check(engine, location, "quick_check", seconds)
    if complete and file is not None and memory is not None:
        memory.remember(file, started)
    return complete


def full_check(
    engine: Engine,
    location: str,
    cancelled: Callable[[], bool] | None = None,
    *,
    file: Path | None = None,
    memory: VerdictMemory | None = None,
) -> None:
    """Raise a one-line "damaged" `LibraryError` when `PRAGMA integrity_check` finds any problem.
    `cancelled()` returning true stops the check early (inconclusive, no error): the GUI runs it in the
    background and stops it when the library is closed. With `file` and `memory`, a pass is remembered as
    a quick check's is (the full check covers all the quick one does): a library too large for the open's
    bounded quick check to finish is then not checked again by every later open while it stays unchanged."""
    started = time.time_ns()
    complete = _check(engine, location, "integrity_check", None, cancelled)
    if complete and file is not None and memory is not None:
        memory.remember(file, started)


def verdicts_for(location: str) -> tuple[Path | None, VerdictMemory | None]:
    """The library file and the verdict memory to record its checks in (none for a server or in memory)."""
    file = Path(location)
    if not file.is_absolute():
        return None, None
    return file, VerdictMemory(cache_dir() / VERDICTS_FOLDER)


def _check(
    engine: Engine,
    location: str,
    pragma: str,
    seconds: float | None,
    cancelled: Callable[[], bool] | None = None,
) -> bool:
    """Run the check; True when it ran to the end and passed, False when it was cut short."""
    if engine.dialect.name != "sqlite":
        return True
    connection = engine.raw_connection()
    driver: sqlite3.Connection = connection.driver_connection  # type: ignore[assignment]
    try:
        with _interrupted_after(driver, seconds, cancelled):
            row = driver.execute(f"PRAGMA {pragma}(1)").fetchone()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return False  # out of time or cancelled: inconclusive
        raise LibraryError(damaged_message(location, str(exc))) from exc
    except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
        raise LibraryError(damaged_message(location, str(exc))) from exc
    finally:
        connection.close()
    if row is None or row[0] != "ok":
        raise LibraryError(damaged_message(location, _first_problem(row[0] if row else None)))
    return True


@contextmanager
def _interrupted_after(
    driver: sqlite3.Connection, seconds: float | None, cancelled: Callable[[], bool] | None
) -> Iterator[None]:
    """Interrupt the statement run inside the block once `seconds` have passed or `cancelled()` says so.

    A watching thread and `interrupt()`: SQLite (before 3.43) runs a whole check as one step of its
    virtual machine, so a progress handler is never called during it."""
    if seconds is None and cancelled is None:
        yield
        return
    deadline = time.monotonic() + (seconds if seconds is not None else float("inf"))
    done = threading.Event()

    def watch() -> None:
        while not done.wait(_WATCH_SECONDS):
            if time.monotonic() > deadline or (cancelled is not None and cancelled()):
                driver.interrupt()
                return

    watcher = threading.Thread(target=watch, name="duidu-integrity-watch", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def _first_problem(report: object) -> str:
    """The first line of SQLite's report that names a problem (`Page 608: btreeInitPage() returns …`)."""
    lines = [line.strip() for line in str(report or "").splitlines() if line.strip()]
    problems = [line for line in lines if not line.startswith("***")]
    return f"SQLite's check: {(problems or lines or ['no answer'])[0]}"
