"""`duidu formulas DOC [--json]` and `duidu formulas --discover [PATH...] [--db …] [--json]`.

DOC is a file (read like `duidu import` reads it) or a library id (`12` or `#12`) when no such file
exists. `--discover` ranks candidate new formulas over the library, or over the files and folders
given after it (so a folder of speeches can be explored without importing it first).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import CliError, add_db_option
from app.cli.compare import _ID, _read_file, _read_library

if TYPE_CHECKING:
    from app.core.formulas.detect import FormulaMatcher
    from app.core.formulas.lexicon import FormulaEntry
    from app.core.formulas.library import LibrarySignal


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "formulas", help="list the official formulas (提法) in a document, or discover new ones"
    )
    parser.add_argument(
        "docs", nargs="*", metavar="DOC",
        help="a file path or a library id (#12); with --discover: files or folders to scan instead of the library",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--discover", action="store_true", help="rank candidate new formulas across the library (or PATHs)"
    )
    parser.add_argument(
        "--top", type=int, default=100, metavar="N", help="with --discover: how many candidates (default 100)"
    )
    lexicon = parser.add_mutually_exclusive_group()
    lexicon.add_argument(
        "--export-lexicon", metavar="FILE", help="write the library's own formula entries as lexicon TSV"
    )
    lexicon.add_argument(
        "--import-lexicon",
        metavar="FILE",
        help="add or replace formula entries in the library from lexicon TSV",
    )
    parser.add_argument(
        "--accept",
        nargs="+",
        metavar="TEXT",
        help="add these wordings (e.g. discovered ones) to the library's lexicon",
    )
    add_db_option(parser)
    parser.set_defaults(handler=formulas_command)


def formulas_command(args: argparse.Namespace) -> int:
    if args.export_lexicon or args.import_lexicon:
        return _exchange(args)
    if args.accept:
        return _accept(args)
    if args.discover:
        return _discover(args)
    if len(args.docs) != 1:
        raise CliError("formulas takes one DOC (or --discover)")
    doc = args.docs[0]
    path = Path(doc)
    if path.exists():
        document = _read_file(path)
    elif _ID.fullmatch(doc):
        document = _read_library({0: int(doc.removeprefix("#"))}, args.db)[0]
    else:
        raise CliError(f"{doc}: no such file")
    if not document.text.strip():
        raise CliError(f"{doc}: the document is empty")

    from_library = not path.exists()
    signal, group = _library_signal(args.db, None if path.exists() else int(doc.removeprefix("#")))
    hits = _matcher(args.db, from_library=from_library).find(document.text, library=signal, group=group)
    if args.json:
        payload = {
            "document": {"name": document.name, "chars": len(document.text), "sha256": document.sha256},
            "hits": [
                {
                    "start": h.start, "end": h.end, "text": h.text, "formula": h.formula, "source": h.source,
                    "variant_status": h.variant_status, "category": h.category, "rule": h.rule,
                    "contains": list(h.contains),
                }
                for h in hits
            ],
        }  # fmt: skip
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    lexicon = sum(h.source == "lexicon" for h in hits)
    distinct = len({h.formula for h in hits})
    print(
        f"{document.name}: {len(hits)} formula hits ({lexicon} lexicon, {len(hits) - lexicon} pattern), "
        f"{distinct} distinct formulas"
    )
    for h in hits:
        shown = " ".join(h.text.split())
        label = f"{h.source}/{h.rule}" if h.rule else f"{h.source}/{h.variant_status}"
        target = "" if shown == h.formula else f"  → {h.formula}"
        print(f"{h.start:>7}-{h.end:<7} {label:<20} {shown}{target}")
    return 0


def _lexicon(db: str | None, *, from_library: bool) -> tuple[FormulaEntry, ...]:
    """The shipped lexicon, with the library's user entries merged in when a library is involved."""
    from app.core.formulas.shipped import shipped_lexicon

    shipped = shipped_lexicon().entries
    if not (from_library or db):
        return shipped
    from app.cli.library import opened
    from app.store.lexicon import merged_lexicon

    with opened(db, writing=False) as library, library.reader() as session:
        return merged_lexicon(session, shipped)


def _library_signal(db: str | None, document_id: int | None) -> tuple[LibrarySignal | None, str | None]:
    """With a library (--db, or a DOC given by id): wordings its other speakers share are formulas too."""
    if db is None and document_id is None:
        return None, None
    from app.cli.library import opened
    from app.core.formulas.shipped import general_words, idioms
    from app.store.library_formulas import document_group, library_signal

    with opened(db, writing=False) as library, library.reader() as session:
        signal = library_signal(session, idioms=idioms(), common_words=general_words())
        group = None if document_id is None else document_group(session, document_id)
    return signal, group


def _matcher(db: str | None, *, from_library: bool) -> FormulaMatcher:
    from app.core.formulas.detect import FormulaMatcher
    from app.core.formulas.shipped import default_matcher, general_words, idioms

    if not (from_library or db):
        return default_matcher()
    return FormulaMatcher(_lexicon(db, from_library=True), idioms=idioms(), common_words=general_words())


def _accept(args: argparse.Namespace) -> int:
    from app.cli.library import opened
    from app.core.formulas.lexicon import FormulaEntry, match_key
    from app.store.lexicon import save_entries

    wordings = [w.strip() for w in args.accept if w.strip()]
    if not wordings or any(not match_key(w) for w in wordings):
        raise CliError("--accept needs formula texts")
    entries = [FormulaEntry(w, category="discovered", note="accepted from discovery") for w in wordings]
    with opened(args.db, writing=True, create=True) as library, library.writer.begin() as session:
        save_entries(session, entries)
    print(f"added {len(entries)} formulas to the library's lexicon: {'、'.join(wordings)}")
    return 0


def _exchange(args: argparse.Namespace) -> int:
    from app.cli.library import opened
    from app.store.lexicon import export_user_tsv, import_user_tsv

    if args.export_lexicon:
        with opened(args.db, writing=False) as library, library.reader() as session:
            text = export_user_tsv(session)
        try:
            Path(args.export_lexicon).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"cannot write {args.export_lexicon}: {exc.strerror or exc}") from None
        print(f"wrote {args.export_lexicon}: {text.count(chr(10)) - 1} formula entries")
        return 0
    try:
        text = Path(args.import_lexicon).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(
            f"cannot read {args.import_lexicon}: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    with opened(args.db, writing=True, create=True) as library, library.writer.begin() as session:
        loaded = import_user_tsv(session, text)
    for problem in loaded.problems:
        print(f"skipped {args.import_lexicon} {problem}", file=sys.stderr)
    print(f"imported {len(loaded.entries)} formula entries, skipped {len(loaded.problems)} rows")
    return 1 if loaded.problems else 0


def _library_documents(db: str | None) -> list[tuple[str, str, str]]:
    from app.cli.library import opened
    from app.store import get_document, get_text, list_ids

    documents = []
    with opened(db, writing=False) as library, library.reader() as session:
        for number in list_ids(session):
            document, text = get_document(session, number), get_text(session, number)
            if document is not None and text:
                documents.append((f"#{number}", document.meta.date, text))
    return documents


def _path_documents(paths: list[str]) -> list[tuple[str, str, str]]:
    from app.importers import ImportFailure, Skipped, collect_files, read_document

    documents = []
    for item in collect_files(Path(p) for p in paths):
        if isinstance(item, Skipped):
            print(f"skipped {item.path}: {item.reason}", file=sys.stderr)
            continue
        try:
            imported = read_document(item)
        except ImportFailure as exc:
            print(f"skipped {item}: {exc}", file=sys.stderr)
            continue
        documents.append((str(item), imported.meta.date, imported.text))
    return documents


def _discover(args: argparse.Namespace) -> int:
    from app.core.formulas.discover import DiscoveryParams, discover
    from app.core.formulas.lexicon import match_key
    from app.core.formulas.shipped import general_words, idioms

    if args.top < 1:
        raise CliError("--top must be at least 1")
    documents = _path_documents(args.docs) if args.docs else _library_documents(args.db)
    if not documents:
        raise CliError("no documents to discover formulas in")
    lexicon = _lexicon(args.db, from_library=not args.docs)
    known = {match_key(w) for e in lexicon for w, _s in e.forms()}
    candidates = discover(
        documents, idioms=idioms(), general_words=general_words(), known=known,
        params=DiscoveryParams(limit=args.top),
    )  # fmt: skip
    if args.json:
        payload = {
            "documents": len(documents),
            "candidates": [
                {
                    "text": c.text, "score": c.score, "df": c.df, "occurrences": c.occurrences,
                    "quoted_df": c.quoted_df, "first_date": c.first_date, "docs": list(c.docs),
                    "context": c.context, "known": c.known,
                }
                for c in candidates
            ],
        }  # fmt: skip
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    print(f"{len(candidates)} candidates from {len(documents)} documents (* = already in the lexicon)")
    for rank, c in enumerate(candidates, start=1):
        mark = "*" if c.known else " "
        first = c.first_date or "-"
        print(
            f"{rank:>4} {mark} {c.text:<12} score {c.score:5.1f}  in {c.df:>3} docs  first {first:<10} {c.context}"
        )
    return 0
