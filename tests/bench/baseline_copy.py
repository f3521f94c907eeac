"""A library for the baseline code to open in the same bench run: this checkout's newer migrations (a
schema the baseline refuses as "created by a newer Duidu") undone on a copy, same speeches and results."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.store import open_library

#: The schema of the baseline (main at 96f1391).
BASELINE_SCHEMA = "0006"


def copy_at_revision(source: Path, target: Path, revision: str = BASELINE_SCHEMA) -> Path:
    """`source` copied to `target` and migrated down to `revision`."""
    from alembic import command

    from app.store.migrate import alembic_config

    shutil.copyfile(source, target)
    with open_library(str(target)) as library, library.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    return target
