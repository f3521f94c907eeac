"""Alembic migrations of the library schema, run in code by `app.store.migrate` (no alembic.ini).

To add a migration: copy the newest file in `versions/`, give it the next number as `revision`, set
`down_revision` to the previous one, and write `upgrade()` with `op.batch_alter_table` for changes to
existing tables (SQLite cannot ALTER most things), then set `SCHEMA_HEAD` in `app/store/migrate.py`
to the new revision. `tests/store/test_migrations.py` checks both, and that the migrated schema equals
the models.
"""
