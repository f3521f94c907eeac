"""Open a library: a path or SQLAlchemy URL → a checked, migrated engine and its session factories.

Opening never changes a file that is not an intact Duidu library: the SQLite header, an empty file,
write access, SQLite's quick check (app.store.integrity) and the schema revision are all checked before
anything is written, and every refusal is a one-line `LibraryError`. A library whose folder cannot be
written is opened `immutable` for reading: SQLite then needs no lock or `-shm` file beside it.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool, StaticPool

from app.paths import resolve_target as resolve_target  # named here too for its callers
from app.store.errors import LibraryError, LibraryReadOnly, describe_database_error
from app.store.integrity import quick_check, verdicts_for
from app.store.migrate import ensure_schema
from app.store.plain_library import BUSY_TIMEOUT_SECONDS as BUSY_TIMEOUT_SECONDS  # a writer waits
from app.store.plain_library import SQLITE_CACHE_KIB as _CACHE_KIB
from app.store.verified_state import VerifiedState

SQLITE_HEADER = b"SQLite format 3\x00"
#: Execution option that makes SQLite start the transaction with BEGIN IMMEDIATE (one writer lane).
_WRITE_OPTION = "duidu_write"
#: Library files this process created (empty until their schema is written): reopening one of those
#: while it is still empty is not the "empty file given as a library" that `EmptyLibraryFile` refuses.
_CREATED_HERE: set[Path] = set()


class EmptyLibraryFile(LibraryError):
    """The named library file exists but is empty (0 bytes): perhaps a library lost to a full disk, so
    it is not silently made a new library. The GUI asks; `open_library(..., allow_empty=True)` agrees."""


@dataclass
class Library:
    """An open library. `reader()` for queries, `writer.begin()` for one transaction of changes.

    Use one session per task: `with library.reader() as s: list_documents(s)`, or
    `with library.writer.begin() as s: update_metadata(s, ...)` (commits, or rolls back on error).
    """

    engine: Engine
    location: str
    readonly: bool = False
    #: The file state Duidu vouches for (a library file opened for writing), carried across its own writes.
    verified: VerifiedState | None = None
    reader: sessionmaker[Session] = field(init=False)
    writer: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self.reader = sessionmaker(self.engine, expire_on_commit=False)
        writer_engine = self.engine.execution_options(**{_WRITE_OPTION: True})
        self.writer = sessionmaker(writer_engine, expire_on_commit=False)

    def close(self) -> None:
        """Close the connections; a library still in the state Duidu vouched for is remembered as passed."""
        if self.verified is None:
            self.engine.dispose()
            return
        self.verified.unchanged()  # stops vouching if anything else wrote to it since Duidu last did
        self.engine.dispose()
        self.verified.settle()

    def mark_damaged(self, reason: str) -> None:
        """A check found damage after opening (the GUI's background `full_check`): from now on the
        library is read-only, and every attempt to write raises `LibraryError(reason)`."""
        if self.verified is not None:
            self.verified.drop()
        self.readonly = True
        self.writer = _RefusingWriter(reason)  # type: ignore[assignment]

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _RefusingWriter:
    """Stands in for `Library.writer` on a library found damaged: opening a session for writing fails."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __call__(self, **_kw: object) -> Session:
        raise LibraryError(self.reason)

    def begin(self) -> Session:
        raise LibraryError(self.reason)


def open_library(
    db: str | None = None,
    *,
    create: bool = True,
    readonly: bool = False,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    allow_empty: bool = False,
) -> Library:
    """Open (and if needed create or upgrade) the library named by a path or an SQLAlchemy URL.

    An existing empty file is refused with `EmptyLibraryFile` unless `allow_empty` (the user agreed to
    make it a new library) or this process created it.
    """
    target = resolve_target(db)
    path = _sqlite_path(target)
    if path is None:
        library = Library(_server_engine(target), _display_url(target), readonly=readonly)
    elif path == ":memory:":
        engine = _sqlite_engine("sqlite+pysqlite://", ":memory:", busy_timeout, StaticPool)
        library = Library(engine, "in-memory library", readonly=readonly)
    else:
        file = Path(path).expanduser().absolute()
        created = not file.exists() and create and not readonly
        if created:
            _CREATED_HERE.add(file)
        _check_file(file, create=create, readonly=readonly, allow_empty=allow_empty or file in _CREATED_HERE)
        uri = f"{file.as_uri()}?{_read_only_mode(file) if readonly else 'mode=rwc'}"  # as_uri: odd names
        _file, memory = verdicts_for(str(file))
        verified = None if readonly or memory is None else VerifiedState(file, memory)
        engine = _sqlite_engine(f"sqlite+pysqlite:///{file}", uri, busy_timeout, QueuePool, verified)
        library = Library(engine, str(file), readonly=readonly, verified=verified)
    try:
        checked = _prepare(library)
        if library.verified is not None and (
            checked or created
        ):  # a library Duidu made is verified from birth
            library.verified.vouch()
    except BaseException:
        library.close()
        raise
    return library


def open_for_reading(db: str | None = None, *, create: bool = False) -> Library:
    """Open writable when possible (so an older schema gets upgraded), else read-only."""
    try:
        return open_library(db, create=create)
    except LibraryReadOnly:
        return open_library(db, readonly=True)


def _prepare(library: Library) -> bool:
    """Check, upgrade and set up the library; True when the check verified the file (see `quick_check`)."""
    location = library.location
    checked = False
    try:
        if library.engine.dialect.name == "sqlite":
            file, memory = verdicts_for(location)
            # before the schema check, which may migrate
            checked = quick_check(library.engine, location, file=file, memory=memory)
        writer = library.writer.kw["bind"]
        ensure_schema(library.engine, writer, location, readonly=library.readonly)
        if library.engine.dialect.name == "sqlite" and not library.readonly:
            _use_wal(library.engine)
    except (DBAPIError, sqlite3.Error) as exc:  # raw driver errors come from the checks' own connection
        raise LibraryError(describe_database_error(exc, location)) from exc
    return checked


def _use_wal(engine: Engine) -> None:
    """WAL (persistent in the file): readers never block the writer, a killed writer loses nothing
    committed. Switched only once the file is known to be ours, outside any transaction."""
    connection = engine.raw_connection()
    try:
        cursor = connection.driver_connection.cursor()  # type: ignore[union-attr]
        if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() not in ("wal", "memory"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()
    finally:
        connection.close()


def _sqlite_path(target: str) -> str | None:
    """The file behind `target` if it is an SQLite library, else None (a server URL)."""
    if "://" not in target:
        return target
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise LibraryError(f"{target!r} is neither a file path nor a database URL") from exc
    if url.get_backend_name() != "sqlite":
        return None
    return url.database if url.database and url.database != ":memory:" else ":memory:"


def _read_only_mode(file: Path) -> str:
    """`mode=ro` needs to create the `-shm` file of a WAL library; in a folder we cannot write,
    `immutable=1` reads the file as it is instead. Not when a `-wal` file holds changes not yet in the
    library (after a crash): immutable would ignore them, so then `mode=ro` tries its best."""
    if os.access(file.parent, os.W_OK):
        return "mode=ro"
    wal = file.with_name(file.name + "-wal")
    try:
        pending = wal.stat().st_size > 0
    except OSError:
        pending = False
    return "mode=ro" if pending else "mode=ro&immutable=1"


def _check_file(path: Path, *, create: bool, readonly: bool, allow_empty: bool = False) -> None:
    """Refuse, before SQLite touches it, anything we must not write to."""
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file")
    if not path.exists():
        if not create or readonly:
            raise LibraryError(f"no library at {path}")
        if not path.parent.is_dir():
            raise LibraryError(f"cannot create a library in {path.parent}: the folder does not exist")
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LibraryError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if header and header != SQLITE_HEADER:
        raise LibraryError(f"{path} is not a Duidu library (not an SQLite database); it was left untouched")
    if not header and not allow_empty:
        raise EmptyLibraryFile(
            f"{path} is an empty file, not a Duidu library; it was left untouched "
            "(choose a new file name to make a new library)"
        )
    if readonly:
        return
    try:
        with path.open("r+b"):
            pass
    except OSError as exc:
        raise LibraryReadOnly(
            f"{path} is read-only ({exc.strerror or exc}); Duidu cannot write to it"
        ) from exc
    if not os.access(path.parent, os.W_OK):
        raise LibraryReadOnly(f"{path} cannot be written: its folder {path.parent} is read-only")


#: SQLite page cache per connection (KiB), and WAL pages between automatic checkpoints.
_WAL_CHECKPOINT_PAGES = 8192


class _Connection(sqlite3.Connection):
    """A driver connection that tells the library's `VerifiedState` when one of its write transactions ends."""

    verified: VerifiedState | None = None
    writing = False

    def commit(self) -> None:
        super().commit()
        self._ended()

    def rollback(self) -> None:
        super().rollback()
        self._ended()

    def _ended(self) -> None:
        if self.writing:
            self.writing = False
            if self.verified is not None:
                self.verified.after_write()


def _sqlite_engine(
    url: str, uri: str, busy_timeout: float, poolclass: type[Any], verified: VerifiedState | None = None
) -> Engine:
    def connect() -> sqlite3.Connection:
        # isolation_level=None: the driver stays out of transaction handling and we send BEGIN ourselves,
        # so that DDL (migrations) is transactional too and writers can take the lock up front.
        connection = sqlite3.connect(
            uri, uri=True, timeout=busy_timeout, isolation_level=None, check_same_thread=False,
            factory=_Connection,
        )  # fmt: skip
        connection.verified = verified
        return connection

    engine = create_engine(url, creator=connect, poolclass=poolclass)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Imports: the recent postings' index on the hash takes random inserts, and with SQLite's default
        # 2 MB cache a batch read and spilled its pages over and over (83,000 page writes for the corpus
        # into a 10,000-speech library, 21,000 with this). Pages are only allocated when used.
        cursor.execute(f"PRAGMA cache_size=-{_CACHE_KIB}")
        # Checkpoints (an fsync each) every 32 MB of WAL rather than every 4 MB: 4 instead of 16 per import.
        cursor.execute(f"PRAGMA wal_autocheckpoint={_WAL_CHECKPOINT_PAGES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        writing = connection.get_execution_options().get(_WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")
        driver = connection.connection.dbapi_connection
        if writing and isinstance(driver, _Connection) and driver.verified is not None:
            driver.writing = True  # a reader's transaction changes nothing, and holds no lock to vouch by
            driver.verified.before_write()

    return engine


def _server_engine(url: str) -> Engine:
    try:
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise LibraryError(f"cannot use {_display_url(url)}: {exc}") from exc


def _display_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
