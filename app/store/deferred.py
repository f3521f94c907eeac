"""A library file that opens (SQLAlchemy, schema check, WAL) when first used, or when asked to in a worker.

The GUI's first window needs only the table's rows, which `app.store.table_rows.quick_table_rows` reads
without SQLAlchemy; loading SQLAlchemy and opening the engine (a third of a second) then happens on a
worker thread while the window is already in use. Until then this object stands in for `Library`: its
location is known, and it is writable (the quick read only succeeds for a writable, up-to-date file);
anything else opens it, at once, on the thread that asks. An open that fails raises its `LibraryError`
again on every later use, so no caller ever sees a half-open library.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from app.store.engine import Library


class DeferredLibrary:
    """Stands in for the `Library` of the SQLite file `target` until it is opened."""

    def __init__(self, target: str) -> None:
        self.location = str(Path(target).expanduser().absolute())  # what Library.location will say
        self._lock = threading.Lock()
        self._library: Library | None = None
        self._error: Exception | None = None
        self._closed = False

    def open_now(self) -> Library:
        """The opened library (opening it on this thread if nobody has yet); raises its LibraryError."""
        with self._lock:
            if self._library is None:
                if self._error is not None:
                    raise self._error
                from app.store.engine import open_library
                from app.store.errors import LibraryError

                try:
                    self._library = open_library(self.location)
                except LibraryError as exc:
                    self._error = exc
                    raise
                if self._closed:  # closed while it was opening: do not leave the engine behind
                    self._library.close()
            return self._library

    @property
    def is_open(self) -> bool:
        return self._library is not None

    @property
    def readonly(self) -> bool:
        """Writable until opened (the quick read was only taken for a writable file); then the library's
        own answer (a background check that finds damage makes it read-only)."""
        library = self._library
        return library.readonly if library is not None else False

    def mark_damaged(self, reason: str) -> None:
        self.open_now().mark_damaged(reason)

    @property
    def engine(self) -> Engine:
        return self.open_now().engine

    @property
    def reader(self) -> sessionmaker[Session]:
        return self.open_now().reader

    @property
    def writer(self) -> sessionmaker[Session]:
        return self.open_now().writer

    def close(self) -> None:
        self._closed = True
        library = self._library
        if library is not None:
            library.close()

    def __enter__(self) -> DeferredLibrary:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
