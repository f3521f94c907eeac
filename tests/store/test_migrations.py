"""The migrations are the schema: they must build exactly what the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.store import open_library
from app.store.migrate import MIGRATIONS_DIR, alembic_config, current_revisions, head_revision
from app.store.models import Base


def test_migrated_schema_matches_the_models(library_path: Path) -> None:
    with open_library(str(library_path)) as library, library.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_one_linear_history_shipped_with_the_package() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert MIGRATIONS_DIR.is_relative_to(Path(__file__).resolve().parents[2] / "app")
    assert [r.revision for r in script.walk_revisions()][-1] == "0001"


def test_empty_file_becomes_a_library(library_path: Path) -> None:
    library_path.write_bytes(b"")
    with open_library(str(library_path)) as library:
        assert current_revisions(library.engine) == (head_revision(),)
