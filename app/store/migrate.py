"""Bring a library's schema to the version this Duidu knows, or refuse when it cannot.

Alembic is configured in code (no alembic.ini) with `script_location` pointing at the package folder,
so the same migrations run from a checkout, an installed wheel and a frozen bundle that ships
`app/store/migrations` as data.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, inspect

from app.store.errors import LibraryError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: Tables SQLite or Alembic keep for themselves; a database holding only these counts as empty.
_HOUSEKEEPING_TABLES = {"alembic_version", "sqlite_sequence"}


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision this version of Duidu knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revisions(engine: Engine) -> tuple[str, ...]:
    with engine.connect() as connection:
        return tuple(MigrationContext.configure(connection).get_current_heads())


def ensure_schema(engine: Engine, writer: Engine, location: str, *, readonly: bool) -> None:
    """Check the library's revision and upgrade it when it is older (in one transaction)."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    with engine.connect() as connection:
        current = tuple(MigrationContext.configure(connection).get_current_heads())
        tables = set(inspect(connection).get_table_names())
    if not current and tables - _HOUSEKEEPING_TABLES:
        raise LibraryError(f"{location} is a database but not a Duidu library; it was left untouched")
    for revision in current:
        try:
            known = script.get_revision(revision)
        except CommandError:
            known = None
        if known is None:
            raise LibraryError(
                f"{location} was created by a newer Duidu (schema {revision}); update Duidu to open it"
            )
    if current == (head,):
        return
    if readonly:
        raise LibraryError(f"{location} needs a schema upgrade; open it once with write access")
    with writer.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
