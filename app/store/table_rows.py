"""The library table's rows in two lean queries: plain tuples, no ORM objects, no SQLAlchemy needed.

The table shows a few metadata columns of every speech. Building ORM objects for that (and their tag
relationship) cost most of what listing 2,000 speeches took; two plain SELECTs and a merge in Python do not.
`table_rows` runs on any DB-API-like `execute(sql)`, so the same queries serve an open library (through
its SQLAlchemy connection) and `quick_table_rows`, which reads an up-to-date SQLite library with the
standard `sqlite3` module, read-only, so the GUI's first window can show the table before SQLAlchemy loads.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from app.paths import cache_dir
from app.store.integrity import VERDICTS_FOLDER, VerdictMemory
from app.store.migrate import SCHEMA_HEAD, VERSION_TABLE

#: What every SQLite file starts with (as `app.store.engine` checks before opening one).
_SQLITE_HEADER = b"SQLite format 3\x00"
_DOCUMENTS = "SELECT id, title, speaker, role, organisation, date, genre, chars FROM documents ORDER BY id"
_TAGS = "SELECT document_id, tag FROM document_tags ORDER BY document_id, position"

Execute = Callable[[str], Iterable[Sequence[Any]]]


class TableRow(NamedTuple):
    """One speech as the library table shows it (the fields of the GUI's `LibraryRow`, in its order)."""

    id: int
    title: str
    speaker: str
    role: str
    organisation: str
    date: str
    genre: str
    tags: tuple[str, ...]
    chars: int


def table_rows(execute: Execute) -> list[TableRow]:
    """Every speech in id order, tags in the order the user gave them; NULL text columns read as ''."""
    tags: dict[int, list[str]] = {}
    for document_id, tag in execute(_TAGS):
        tags.setdefault(document_id, []).append(tag)
    return [
        TableRow(
            doc_id,
            title or "",
            speaker or "",
            role or "",
            organisation or "",
            date or "",
            genre or "",
            tuple(tags.get(doc_id, ())),
            chars or 0,
        )
        for doc_id, title, speaker, role, organisation, date, genre, chars in execute(_DOCUMENTS)
    ]


def quick_table_rows(target: str) -> list[TableRow] | None:
    """The rows of the SQLite library file `target` if opening it fully would change nothing, else None.

    None means "open it the usual way": not a plain file path, missing, not writable (the full open
    reports that), not known to have passed the open's integrity check unchanged since (`VerdictMemory`:
    the full open checks it, refuses it if damaged, and remembers a pass), not at `SCHEMA_HEAD` (it upgrades
    or refuses), or any SQLite error. The file is opened read-only and never modified.
    """
    if "://" in target:
        return None
    path = Path(target).expanduser().absolute()
    try:
        with path.open("rb") as handle:
            if handle.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                return None
    except OSError:
        return None
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return None
    if not VerdictMemory(cache_dir() / VERDICTS_FOLDER).passed(path):
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        revisions = [row[0] for row in connection.execute(f"SELECT version_num FROM {VERSION_TABLE}")]
        if revisions != [SCHEMA_HEAD]:
            return None
        return table_rows(connection.execute)
    except sqlite3.Error:
        return None
    finally:
        connection.close()
