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
import time
from collections.abc import Callable

from sqlalchemy import Engine

from app.store.errors import LibraryError, damaged_message

#: How long opening a library may spend checking it (a 100 MB library takes about a tenth of this).
QUICK_CHECK_SECONDS = 1.0
#: SQLite virtual-machine steps between two looks at the clock.
_PROGRESS_STEPS = 10_000


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
        if seconds is not None or cancelled is not None:
            deadline = time.monotonic() + seconds if seconds is not None else float("inf")
            stop = cancelled or (lambda: False)
            driver.set_progress_handler(lambda: time.monotonic() > deadline or stop(), _PROGRESS_STEPS)
        try:
            row = driver.execute(f"PRAGMA {pragma}(1)").fetchone()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                return  # out of time: inconclusive
            raise LibraryError(damaged_message(location, str(exc))) from exc
        except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
            raise LibraryError(damaged_message(location, str(exc))) from exc
        finally:
            driver.set_progress_handler(None, 0)
        if row is None or row[0] != "ok":
            raise LibraryError(damaged_message(location, _first_problem(row[0] if row else None)))
    finally:
        connection.close()


def _first_problem(report: object) -> str:
    """The first line of SQLite's report that names a problem (`Page 608: btreeInitPage() returns …`)."""
    lines = [line.strip() for line in str(report or "").splitlines() if line.strip()]
    problems = [line for line in lines if not line.startswith("***")]
    return f"SQLite's check: {(problems or lines or ['no answer'])[0]}"
