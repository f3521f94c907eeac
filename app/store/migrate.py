"""Bring a library's schema to the version this Duidu knows, or refuse when it cannot.

Alembic is configured in code (no alembic.ini) with `script_location` pointing at the package folder,
so the same migrations run from a checkout, an installed wheel and a frozen bundle that ships
`app/store/migrations` as data. Alembic itself is imported only when a library is not already at
`SCHEMA_HEAD`: opening an up-to-date library (every start of the GUI) skips that import. SQLAlchemy too
loads only when a function here runs, so the GUI's first window can read `SCHEMA_HEAD` without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.store.errors import LibraryError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The newest revision in `migrations/versions`; a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0007"
VERSION_TABLE = "alembic_version"

#: Tables SQLite or Alembic keep for themselves; a database holding only these counts as empty.
_HOUSEKEEPING_TABLES = {VERSION_TABLE, "sqlite_sequence"}


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision the shipped migrations define."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revisions(engine: Engine) -> tuple[str, ...]:
    with engine.connect() as connection:
        return _stored_revisions(connection)


def ensure_schema(engine: Engine, writer: Engine, location: str, *, readonly: bool) -> None:
    """Check the library's revision and upgrade it when it is older (in one transaction)."""
    from sqlalchemy import inspect

    with engine.connect() as connection:
        current = _stored_revisions(connection)
        if current == (SCHEMA_HEAD,):
            return
        tables = set(inspect(connection).get_table_names())
    if not current and tables - _HOUSEKEEPING_TABLES:
        raise LibraryError(f"{location} is a database but not a Duidu library; it was left untouched")

    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    for revision in current:
        try:
            known = script.get_revision(revision)
        except CommandError:
            known = None
        if known is None:
            raise LibraryError(
                f"{location} was created by a newer Duidu (schema {revision}); update Duidu to open it"
            )
    if readonly:
        raise LibraryError(f"{location} needs a schema upgrade; open it once with write access")
    from app.store.integrity import full_check

    full_check(engine, location)  # an upgrade rewrites tables: never on a damaged library
    with writer.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _stored_revisions(connection: Connection) -> tuple[str, ...]:
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table(VERSION_TABLE):
        return ()
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))
    return tuple(sorted(row[0] for row in rows))
