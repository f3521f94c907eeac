"""Alembic environment: always run with a connection handed over by `app.store.migrate`."""

from __future__ import annotations

from alembic import context

from app.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable when someone runs the alembic CLI by hand
    raise RuntimeError("Duidu migrations run through app.store.migrate, not the alembic command")

# render_as_batch: later migrations that alter tables must work on SQLite (copy-and-move).
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
