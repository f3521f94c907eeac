"""Is this SQLite library intact? Checked before Duidu reads or writes it, so a damaged file is refused
(and left byte for byte as it was) instead of being written to or half-read.

`quick_check` runs on every open: SQLite's `PRAGMA quick_check` reads every page of every table and
index and checks their structure (not that indexes match their tables), which finds pages overwritten
or cut off. It is bounded in time: on a library too large to check within `QUICK_CHECK_SECONDS` it
stops and says nothing. `full_check` (`PRAGMA integrity_check`, unbounded) runs before any schema
migration and in the background in the GUI.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine

from app.store.errors import LibraryError, damaged_message

#: How long opening a library may spend checking it: a 5 MB library takes a few milliseconds, a library
#: of 150 MB (a 62 MB text with its index) 0.8 s, past which the background full check takes over.
QUICK_CHECK_SECONDS = 0.5
#: How often the watching thread looks at the clock and at `cancelled()`.
_WATCH_SECONDS = 0.02


def quick_check(engine: Engine, location: str, *, seconds: float = QUICK_CHECK_SECONDS) -> None:
    """Raise a one-line "damaged" `LibraryError` when SQLite's quick check finds damage.

    A check that runs out of time counts as passed: the full check catches what it could not reach.
    """
    _check(engine, location, "quick_check", seconds)


def full_check(engine: Engine, location: str, cancelled: Callable[[], bool] | None = None) -> None:
    """Raise a one-line "damaged" `LibraryError` when `PRAGMA integrity_check` finds any problem.
    `cancelled()` returning true stops the check early (inconclusive, no error): the GUI runs it in the
    background and stops it when the library is closed."""
    _check(engine, location, "integrity_check", None, cancelled)


def _check(
    engine: Engine,
    location: str,
    pragma: str,
    seconds: float | None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    if engine.dialect.name != "sqlite":
        return
    connection = engine.raw_connection()
    driver: sqlite3.Connection = connection.driver_connection  # type: ignore[assignment]
    try:
        with _interrupted_after(driver, seconds, cancelled):
            row = driver.execute(f"PRAGMA {pragma}(1)").fetchone()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return  # out of time or cancelled: inconclusive
        raise LibraryError(damaged_message(location, str(exc))) from exc
    except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
        raise LibraryError(damaged_message(location, str(exc))) from exc
    finally:
        connection.close()
    if row is None or row[0] != "ok":
        raise LibraryError(damaged_message(location, _first_problem(row[0] if row else None)))


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
