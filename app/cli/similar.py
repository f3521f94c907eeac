"""`duidu similar DOC`: the speeches in the library that share the most copied prose with DOC.

DOC is a library id (`12`, `#12`) or a file; a file that is not in the library is compared against it
without being imported. Formula passages do not count: sharing 以习近平同志为核心的党中央 is not copying.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import CliError, add_db_option
from app.cli.library import opened

if TYPE_CHECKING:
    from app.store import Library
    from app.store.plain_library import PlainLibrary
    from app.store.similar_rank import SimilarDocument

_ID = re.compile(r"#?\d+")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("similar", help="find the speeches sharing the most text with a document")
    parser.add_argument("doc", metavar="DOC", help="a library id (#12) or a file path")
    parser.add_argument("--top", type=_top, default=10, metavar="N", help="how many results (default 10)")
    parser.add_argument(
        "--json", action="store_true", help='print {"results": [{"id", "title", "source", ...}]}'
    )
    add_db_option(parser)
    parser.set_defaults(handler=similar_command, preload=("app.store.tracing",))


def _top(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 1 <= number <= 1000:
        raise argparse.ArgumentTypeError("must be between 1 and 1000")
    return number


def _query(doc: str, library: Library | PlainLibrary) -> tuple[str, str, int | None]:
    """(text, name, id in the library or None) of DOC."""
    from app.core.text import content_hash
    from app.store.reads import document_id_by_hash

    path = Path(doc)
    if path.exists():
        # the text alone: guessing a speaker, date and genre (~100 expressions to compile) is import's work
        from app.importers import ImportFailure, read_text

        if path.is_dir():
            raise CliError(f"{path}: is a folder, not a document")
        try:
            text = read_text(path)[0]
        except ImportFailure as exc:
            raise CliError(f"{path}: {exc}") from None
        with library.reader() as session:
            stored = document_id_by_hash(session, content_hash(text))
        return text, str(path), stored
    if not _ID.fullmatch(doc):
        raise CliError(f"{doc}: no such file")
    from app.store import get_document, get_text

    number = int(doc.removeprefix("#"))
    with library.reader() as session:
        document, stored_text = get_document(session, number), get_text(session, number)
    if document is None or stored_text is None:
        raise CliError(f"no document #{number} in the library (and no file of that name)")
    return stored_text, f"#{number} {document.meta.title}".strip(), number


def _similar(
    args: argparse.Namespace, library: Library | PlainLibrary, *, plain: bool = False
) -> tuple[str, int | None, list[SimilarDocument]] | None:
    """(name, id, results) of the command's question; None when asked `plain` about a library document
    (its stored scan results are read the regular way)."""
    from app.store.tracing import similar_documents

    text, name, own_id = _query(args.doc, library)
    if plain and own_id is not None:
        return None
    if not text.strip():
        raise CliError(f"{name}: no text in the document")
    try:
        return name, own_id, similar_documents(library, text, exclude=own_id, top=args.top)
    except ValueError as exc:  # a document over the engine's size limit
        raise CliError(str(exc)) from None


def _similar_plain(args: argparse.Namespace) -> tuple[str, int | None, list[SimilarDocument]] | None:
    """The answer read with the plain sqlite3 module (app.store.plain_library), without loading SQLAlchemy;
    None when the library or the question needs the regular way (see `open_plain`)."""
    from app.store.errors import LibraryError, library_errors
    from app.store.plain_library import open_plain

    if not Path(args.doc).is_file():
        return None
    plain = open_plain(args.db)
    if plain is None:
        return None
    try:
        with plain, library_errors(plain.location):
            return _similar(args, plain, plain=True)
    except LibraryError as exc:
        raise CliError(str(exc)) from exc


def similar_command(args: argparse.Namespace) -> int:
    answer = _similar_plain(args)
    if answer is None:
        with opened(args.db, writing=False) as library:
            answer = _similar(args, library)
    assert answer is not None
    name, own_id, results = answer
    if args.json:
        rows = [
            {
                "id": r.document.id,
                "title": r.document.title,
                "source": r.document.source,
                "date": r.document.date,
                "speaker": r.document.speaker,
                "score": r.score,
                "query_copy_ratio": r.query_copy_ratio,
                "other_copy_ratio": r.other_copy_ratio,
                "passages": r.passages,
                "longest_passage": r.longest,
                "longest_start": r.longest_start,
                "longest_end": r.longest_end,
                "matched_chars": r.matched_chars,
                "reason": r.reason,
                "from_scan": r.stored,
            }
            for r in results
        ]
        print(
            json.dumps({"query": {"name": name, "id": own_id}, "results": rows}, ensure_ascii=False, indent=1)
        )
        return 0
    print(f"{name}: {len(results)} similar speech{'es' if len(results) != 1 else ''}")
    for r in results:
        longest = " ".join(r.longest.split())
        excerpt = longest if len(longest) <= 30 else longest[:29] + "…"
        print(
            f"#{r.document.id:<5} {r.score:6.1%} of this, {r.other_copy_ratio:6.1%} of that  "
            f"{r.document.date or '—':<10}  {r.document.title or r.document.source}  «{excerpt}»"
        )
    return 0
