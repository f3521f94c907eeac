"""The one exception the store raises for problems with the library itself (not with one imported file).

Callers (CLI, GUI) show `str(exc)` as a single line; it always names the library and says what to do.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # not at run time: `LibraryError` must not load SQLAlchemy (the GUI's first window)
    from sqlalchemy.exc import DBAPIError


def _database_errors() -> tuple[type[Exception], ...]:
    """What database drivers raise: sqlite3's own from raw connections, and SQLAlchemy's wrapper once
    SQLAlchemy is loaded (it cannot have raised anything before)."""
    sqlalchemy_errors = sys.modules.get("sqlalchemy.exc")
    return (sqlite3.Error,) if sqlalchemy_errors is None else (sqlalchemy_errors.DBAPIError, sqlite3.Error)


def __getattr__(name: str) -> Any:
    if name == "DATABASE_ERRORS":  # (DBAPIError, sqlite3.Error), built when asked for
        from sqlalchemy.exc import DBAPIError

        return (DBAPIError, sqlite3.Error)
    raise AttributeError(f"module 'app.store.errors' has no attribute {name!r}")


class LibraryError(Exception):
    """The library cannot be used as asked: damaged, locked, read-only, too new, missing…"""


class LibraryReadOnly(LibraryError):
    """The library can be read but not written (file or folder without write permission)."""


def damaged_message(location: str, detail: str) -> str:
    """The one line for a damaged library: what is wrong, and that nothing was changed."""
    return f"{location} is damaged or not a Duidu library ({detail}); it was left untouched"


def describe_database_error(exc: DBAPIError | sqlite3.Error, location: str) -> str:
    """One line for a driver error (wrapped by SQLAlchemy or raw), phrased for the user, not for a DBA."""
    orig = exc if isinstance(exc, sqlite3.Error) else exc.orig
    detail = (str(orig).strip().splitlines() or [type(orig).__name__])[0] if orig is not None else str(exc)
    lowered = detail.lower()
    if "locked" in lowered or "busy" in lowered:
        return f"{location} is locked by another program; try again when it has finished"
    if "readonly" in lowered or "read-only" in lowered:
        return f"{location} is read-only; Duidu cannot write to it"
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return damaged_message(location, detail)
    if "disk is full" in lowered or "disk i/o" in lowered:
        return f"{location}: cannot write ({detail})"
    if "unable to open" in lowered:
        return f"cannot open {location} ({detail})"
    return f"{location}: database error: {detail}"


@contextmanager
def library_errors(location: str = "the library") -> Iterator[None]:
    """Turn driver errors raised inside the block into a one-line `LibraryError`: SQLAlchemy's, and the
    raw driver's from code that talks to the SQLite connection directly."""
    try:
        yield
    except Exception as exc:
        if isinstance(exc, _database_errors()):
            raise LibraryError(describe_database_error(exc, location)) from exc  # type: ignore[arg-type]
        raise
