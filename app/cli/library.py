"""Library commands: `duidu import`, `list`, `show`, `remove`.

Output is for people and scripts alike: one line per file or document, stable column words
(`imported`, `duplicate`, `skipped`, `failed`), `--json` where a script wants structure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from app.cli import CliError, add_db_option
from app.paths import DB_ENV

if TYPE_CHECKING:
    from app.store import Library, StoredDocument
    from app.store.importing import FileResult

# app.store (SQLAlchemy, ~0.3 s) is imported inside the commands: every `duidu` run loads this module.


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("import", help="import files and folders (recursively) into the library")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    add_db_option(parser)
    parser.set_defaults(handler=import_command)

    parser = subparsers.add_parser("list", help="list the documents in the library")
    parser.add_argument("--json", action="store_true", help='print {"documents": [...]}')
    add_db_option(parser)
    parser.set_defaults(handler=list_command)

    parser = subparsers.add_parser("show", help="print one document's metadata and text")
    parser.add_argument("id", type=document_id, metavar="ID")
    parser.add_argument("--json", action="store_true", help='print {"document": {..., "text": ...}}')
    add_db_option(parser)
    parser.set_defaults(handler=show_command)

    parser = subparsers.add_parser("remove", help="remove one document from the library")
    parser.add_argument("id", type=document_id, metavar="ID")
    add_db_option(parser)
    parser.set_defaults(handler=remove_command)


def document_id(value: str) -> int:
    """Accept `12` and `#12` (as `import` prints it)."""
    try:
        number = int(value.removeprefix("#"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a document id: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a document id: {value!r}")
    return number


@contextmanager
def opened(db: str | None, *, writing: bool, create: bool = False) -> Iterator[Library]:
    """The library, with its problems turned into one-line CLI errors.

    Only `import` creates a library at a path the user named (a typo elsewhere must not leave an empty
    library behind); the default library is created on demand by every command.
    """
    from app.store import LibraryError, library_errors, open_for_reading, open_library

    create = create or not (db or os.environ.get(DB_ENV))
    try:
        library = open_library(db, create=create) if writing else open_for_reading(db, create=create)
        with library, library_errors(library.location):
            yield library
    except LibraryError as exc:
        raise CliError(str(exc)) from exc


def import_command(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with opened(args.db, writing=True, create=True) as library:
        # Loaded only now: the importers pull in the PDF/.docx/HTML parsers, and a bad --db should be
        # reported before that cost.
        from app.store.importing import import_paths

        outcome = import_paths(library.writer, args.paths, on_result=print_result)
        seconds = time.perf_counter() - started
        if outcome.imported:  # so the user's next `similar` need not read the whole index for them
            from app.store.frequent_fingerprints import refresh_frequent

            refresh_frequent(library)
    summary = (
        f"{outcome.imported} imported, {outcome.duplicates} already in the library, "
        f"{outcome.skipped} skipped, {outcome.failed} failed"
    )
    if outcome.imported:
        summary += f" ({outcome.chars_imported:,} characters in {seconds:.1f} s)"
    else:
        summary = "nothing new imported: " + summary
    print(summary)
    return 1 if outcome.failed else 0


def print_result(result: FileResult) -> None:
    """One line per file, flushed at once: a script (or a test) watching the output sees progress.
    A file name with a line break or bytes that are not UTF-8 is shown escaped, still on one line."""
    from app.importers import one_line, storable_path

    path = one_line(storable_path(result.path))
    if result.outcome == "imported":
        title = f"  ({one_line(result.title)})" if result.title else ""
        line = f"imported  #{result.document_id:<4} {path}{title}"
    elif result.outcome == "duplicate":
        line = f"duplicate #{result.document_id:<4} {path}"
    else:
        line = f"{result.outcome:<9} {path}: {result.reason}"
    print(line, flush=True)


def list_command(args: argparse.Namespace) -> int:
    from app.store import list_documents

    with opened(args.db, writing=False) as library, library.reader() as session:
        documents = list_documents(session)
    if args.json:
        print(json.dumps({"documents": [document_json(d) for d in documents]}, ensure_ascii=False, indent=2))
        return 0
    rows = [("ID", "DATE", "CHARS", "SPEAKER", "TITLE")]
    rows += [(f"#{d.id}", d.meta.date, str(d.chars), d.meta.speaker, d.meta.title) for d in documents]
    widths = [max(display_width(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [pad(row[column], width, right=column == 2) for column, width in enumerate(widths)]
        print("  ".join([*cells, row[-1]]).rstrip())
    print(f"{len(documents)} document{'s' if len(documents) != 1 else ''}")
    return 0


def show_command(args: argparse.Namespace) -> int:
    from app.store import get_document, get_text

    with opened(args.db, writing=False) as library, library.reader() as session:
        document = get_document(session, args.id)
        text = get_text(session, args.id)
    if document is None or text is None:
        raise CliError(f"no document #{args.id} in the library")
    if args.json:
        print(
            json.dumps({"document": {**document_json(document), "text": text}}, ensure_ascii=False, indent=2)
        )
        return 0
    for key, value in document_json(document).items():
        if value not in ("", []):
            print(f"{key}: {', '.join(value) if isinstance(value, list) else value}")
    print()
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def remove_command(args: argparse.Namespace) -> int:
    from app.store import get_document, remove_document

    with opened(args.db, writing=True) as library, library.writer.begin() as session:
        document = get_document(session, args.id)
        if document is None or not remove_document(session, args.id):
            raise CliError(f"no document #{args.id} in the library")
    title = f"  ({document.meta.title})" if document.meta.title else ""
    print(f"removed   #{document.id}{title}")
    return 0


def document_json(document: StoredDocument) -> dict[str, Any]:
    meta = document.meta
    return {
        "id": document.id,
        "title": meta.title,
        "speaker": meta.speaker,
        "role": meta.role,
        "organisation": meta.organisation,
        "date": meta.date,
        "occasion": meta.occasion,
        "genre": meta.genre,
        "tags": list(meta.tags),
        "notes": meta.notes,
        "source_path": meta.source_path,
        "format": document.format,
        "chars": document.chars,
        "sha256": document.content_hash,
        "imported_at": document.imported_at.isoformat(timespec="seconds"),
    }


def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill
