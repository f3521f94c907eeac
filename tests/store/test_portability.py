"""The store must also serve a shared PostgreSQL library; without a server here, check the SQL it emits."""

from __future__ import annotations

import io

from alembic import command
from sqlalchemy import select
from sqlalchemy.dialects import postgresql

from app.store import DocumentFilter, Library, list_documents
from app.store.migrate import alembic_config
from app.store.models import Document
from app.store.repository import _filtered


class _PostgresSession:
    """Just enough of a Session for `_filtered` to pick the dialect."""

    class _Bind:
        dialect = postgresql.dialect()

    def get_bind(self) -> _Bind:
        return self._Bind()


def test_migrations_render_for_postgresql() -> None:
    buffer = io.StringIO()
    config = alembic_config()
    config.output_buffer = buffer
    config.set_main_option("sqlalchemy.url", "postgresql://")
    command.upgrade(config, "head", sql=True)
    ddl = buffer.getvalue()
    assert "CREATE TABLE documents" in ddl and "CREATE TABLE document_tags" in ddl
    assert "TIMESTAMP WITH TIME ZONE" in ddl
    assert "ON DELETE CASCADE" in ddl
    assert "AUTOINCREMENT" not in ddl


def test_text_search_uses_strpos_on_postgresql() -> None:
    conditions = DocumentFilter(text="共同富裕", keyword="Xi")
    statement = _filtered(select(Document.id), _PostgresSession(), conditions)  # type: ignore[arg-type]
    sql = str(statement.compile(dialect=postgresql.dialect()))
    assert "strpos(documents.text" in sql
    assert "instr" not in sql
    assert "ILIKE" in sql  # metadata keywords match case-insensitively here as on SQLite


def test_text_search_uses_instr_on_sqlite(library: Library) -> None:
    with library.reader() as session:
        assert list_documents(session, DocumentFilter(text="共同富裕")) == []
        statement = _filtered(select(Document.id), session, DocumentFilter(text="共同富裕"))
        assert "instr(" in str(statement.compile(session.get_bind()))
