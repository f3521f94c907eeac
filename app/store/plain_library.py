"""A library file opened for reading with the plain `sqlite3` module: `duidu similar` without SQLAlchemy.

Importing SQLAlchemy and its ORM cost a `duidu similar FILE` about a third of its second. Its reads are
plain SQL (app.store.reads), so when the library needs nothing but reading it is opened here instead of
by app.store.engine: an SQLite file whose last complete check is remembered as passed and unchanged since
(app.store.integrity: the regular open would not check it either), at this Duidu's schema, with every
speech indexed. Anything else (a server, a file to check, upgrade or index, a file SQLite cannot open) gets
None and the caller opens the library the regular way, which reports or repairs it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.paths import resolve_target

#: SQLite's page cache per connection, in KiB (also app.store.engine's): pages are allocated when used.
SQLITE_CACHE_KIB = 64 * 1024
#: How long a connection waits for another one's lock before reporting the library as locked (also
#: app.store.engine's).
BUSY_TIMEOUT_SECONDS = 5.0


class PlainLibrary:
    """A read-only stand-in for `app.store.Library` over one `sqlite3` connection: `reader()` yields the
    connection (app.store.reads runs on it), inside one read transaction however deeply nested."""

    readonly = True

    def __init__(self, location: str, connection: sqlite3.Connection) -> None:
        self.location = location
        self.connection = connection
        self._depth = 0

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        if self._depth == 0:
            self.connection.execute("BEGIN")  # one snapshot for the block, as a session's transaction
        self._depth += 1
        try:
            yield self.connection
        finally:
            self._depth -= 1
            if self._depth == 0:
                self.connection.execute("ROLLBACK")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> PlainLibrary:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_plain(db: str | None) -> PlainLibrary | None:
    """The library named by `db` (see `resolve_target`) opened for plain reading, or None when it must be
    opened the regular way (see the module's docstring)."""
    from app.store.integrity import verdicts_for
    from app.store.migrate import SCHEMA_HEAD, VERSION_TABLE
    from app.store.reads import fetch, stale_ids

    target = resolve_target(db)
    if "://" in target:
        return None
    file = Path(target).expanduser().absolute()
    _file, memory = verdicts_for(str(file))
    if memory is None or not file.is_file() or not memory.passed(file):
        return None
    connection: sqlite3.Connection | None = None
    try:
        # mode=rw, as the regular open (which never creates a named file for reading): SQLite handles the
        # WAL the same way, so the remembered check still holds for the file afterwards
        connection = sqlite3.connect(
            f"{file.as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None
        )
        connection.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        versions = fetch(connection, f"SELECT version_num FROM {VERSION_TABLE}")
        if [v for (v,) in versions] != [SCHEMA_HEAD] or stale_ids(connection):
            connection.close()
            return None
    except sqlite3.Error:
        if connection is not None:
            connection.close()
        return None
    return PlainLibrary(str(file), connection)
