"""A library for the baseline code to open in the same bench run: this checkout's newer migrations (a
schema the baseline refuses as "created by a newer Duidu") undone on a copy, same speeches and results."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from app.store import open_library

_HEAD_RE = re.compile(r'^SCHEMA_HEAD = "(\w+)"', re.M)


def schema_of(tree: Path) -> str:
    """The schema revision the code in `tree` (a checkout) creates and expects."""
    found = _HEAD_RE.search((tree / "app" / "store" / "migrate.py").read_text(encoding="utf-8"))
    if found is None:
        raise ValueError(f"no SCHEMA_HEAD in {tree}")
    return found.group(1)


def copy_at_revision(source: Path, target: Path, tree: Path) -> Path:
    """`source` copied to `target` at the schema of the baseline code in `tree`: opened once by this code
    (which brings an older cached library up to this checkout's schema), then migrated down to the
    baseline's revision (nothing to do when it is the same)."""
    from alembic import command

    from app.store.migrate import alembic_config

    shutil.copyfile(source, target)
    with open_library(str(target)) as library, library.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, schema_of(tree))
    return target
