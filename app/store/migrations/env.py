"""Alembic environment: run with a connection handed over by `app.store.migrate`, or offline (SQL script).

Offline mode (`command.upgrade(config, "head", sql=True)` with `sqlalchemy.url` set) prints the DDL for a
server database, e.g. for an administrator setting up a shared PostgreSQL library by hand.
"""

from __future__ import annotations

from typing import Any

from alembic import context

from app.store.models import Base

# render_as_batch: later migrations that alter tables must work on SQLite (copy-and-move).
options: dict[str, Any] = {"target_metadata": Base.metadata, "render_as_batch": True}

if context.is_offline_mode():
    context.configure(url=context.config.get_main_option("sqlalchemy.url"), literal_binds=True, **options)
else:
    connection = context.config.attributes.get("connection")
    if connection is None:  # only reachable when someone runs the alembic command by hand
        raise RuntimeError("Duidu migrations run through app.store.migrate, not the alembic command")
    context.configure(connection=connection, **options)

with context.begin_transaction():
    context.run_migrations()
