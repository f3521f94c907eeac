"""The one exception the store raises for problems with the library itself (not with one imported file).

Callers (CLI, GUI) show `str(exc)` as a single line; it always names the library and says what to do.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # not at run time: `LibraryError` must not load SQLAlchemy (the GUI's first window)
    from sqlalchemy.exc import DBAPIError


class LibraryError(Exception):
    """The library cannot be used as asked: damaged, locked, read-only, too new, missing…"""


class LibraryReadOnly(LibraryError):
    """The library can be read but not written (file or folder without write permission)."""


def describe_database_error(exc: DBAPIError, location: str) -> str:
    """One line for a driver error, phrased for the user rather than for a DBA."""
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
    lowered = detail.lower()
    if "locked" in lowered or "busy" in lowered:
        return f"{location} is locked by another program; try again when it has finished"
    if "readonly" in lowered or "read-only" in lowered:
        return f"{location} is read-only; Duidu cannot write to it"
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return f"{location} is damaged or not a Duidu library ({detail}); it was left untouched"
    if "disk is full" in lowered or "disk i/o" in lowered:
        return f"{location}: cannot write ({detail})"
    if "unable to open" in lowered:
        return f"cannot open {location} ({detail})"
    return f"{location}: database error: {detail}"


@contextmanager
def library_errors(location: str = "the library") -> Iterator[None]:
    """Turn driver errors raised inside the block into a one-line `LibraryError`."""
    try:
        yield
    except Exception as exc:
        # Only a loaded SQLAlchemy raises its driver errors: no need to import it to recognise them.
        sqlalchemy_errors = sys.modules.get("sqlalchemy.exc")
        if sqlalchemy_errors is not None and isinstance(exc, sqlalchemy_errors.DBAPIError):
            raise LibraryError(describe_database_error(exc, location)) from exc
        raise
