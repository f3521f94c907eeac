"""The migrations are the schema: they must build exactly what the models describe."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from app.core.model import DocumentMeta
from app.store import LibraryError, add_document, list_documents, open_library
from app.store.engine import EmptyLibraryFile
from app.store.migrate import MIGRATIONS_DIR, SCHEMA_HEAD, alembic_config, current_revisions, head_revision
from app.store.models import Base


def test_migrated_schema_matches_the_models(library_path: Path) -> None:
    with open_library(str(library_path)) as library, library.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_one_linear_history_shipped_with_the_package() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [SCHEMA_HEAD], "bump SCHEMA_HEAD in app/store/migrate.py with each migration"
    assert MIGRATIONS_DIR.is_relative_to(Path(__file__).resolve().parents[2] / "app")
    assert [r.revision for r in script.walk_revisions()][-1] == "0001"


def test_empty_file_becomes_a_library_only_when_the_user_agrees(library_path: Path) -> None:
    library_path.write_bytes(b"")  # perhaps a library lost to a full disk: not silently made a new one
    with pytest.raises(EmptyLibraryFile, match="empty file, not a Duidu library; it was left untouched"):
        open_library(str(library_path))
    assert library_path.read_bytes() == b""
    with open_library(str(library_path), allow_empty=True) as library:
        assert current_revisions(library.engine) == (head_revision(),)


def test_opening_an_up_to_date_library_does_not_load_alembic(library_path: Path) -> None:
    open_library(str(library_path)).close()
    probe = (
        "import sys; from app.store import open_library; "
        f"open_library({str(library_path)!r}).close(); print('alembic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_older_library_is_upgraded_in_place_and_keeps_its_documents(library_path: Path) -> None:
    with open_library(str(library_path)) as library:
        with library.writer.begin() as session:
            add_document(session, "升级前就在库里的讲话", DocumentMeta(title="旧"))
        with library.engine.begin() as connection:  # take the library back to the first schema
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
        assert current_revisions(library.engine) == ("0001",)
    with pytest.raises(LibraryError, match="needs a schema upgrade"):
        open_library(str(library_path), readonly=True)
    with open_library(str(library_path)) as library, library.reader() as session:
        assert current_revisions(library.engine) == (SCHEMA_HEAD,)
        assert set(Base.metadata.tables) <= set(inspect(session.connection()).get_table_names())
        assert [d.meta.title for d in list_documents(session)] == ["旧"]
