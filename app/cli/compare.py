"""`duidu compare DOC DOC [DOC...]`: shared passages between speeches, as text, JSON, HTML or CSV.

A DOC is a file (read like `duidu import` reads it) or a library id (`12` or `#12`) when no such file
exists. Formulas are told apart with the shipped formula lexicon and, when a library is used (`--db` or
library ids), with its shingle index: text that at least three other speeches of the library also contain
is boilerplate (app.store.boilerplate).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import CliError, add_db_option
from app.core.passages.model import Cancelled, PassageParams
from app.core.text import content_hash

if TYPE_CHECKING:
    from app.core.passages.model import BoilerplateSignal, Comparison
    from app.reports.comparison import ReportDocument

# The engine, the importers, the lexicon and the library load inside the functions that use them:
# `duidu --help` imports this module, and comparing two files must not pay for SQLAlchemy.

_ID = re.compile(r"#?\d+")
#: What comparing two files imports, imported with the collector paused (app.cli._import_quietly): the
#: collections it would run among their objects cost a 5,000-character comparison ~3 % of its process.
PRELOAD = (
    "app.core.passages.engine",
    "app.core.traditional",
    "app.reports.comparison",
    "app.importers",
    "app.importers.txt",
    "app.core.formulas.shipped",
)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("compare", help="find passages shared by two or more documents")
    parser.add_argument("docs", nargs="+", metavar="DOC", help="a file path or a library id (#12)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json", action="store_true", help="print one JSON object (documents, passages, summary)"
    )
    output.add_argument("--html", metavar="FILE", help="write a self-contained side-by-side HTML report")
    output.add_argument("--csv", metavar="FILE", help="write the passages as CSV")
    defaults = PassageParams()
    parser.add_argument(
        "--min-chars", type=_positive, default=defaults.min_chars, metavar="N",
        help=f"shortest passage, in characters without punctuation (default {defaults.min_chars})",
    )  # fmt: skip
    parser.add_argument(
        "--min-similarity", type=_fraction, default=defaults.min_similarity, metavar="X",
        help=f"lowest similarity of a passage, 0-1 (default {defaults.min_similarity})",
    )  # fmt: skip
    parser.add_argument(
        "--traditional", choices=("fold", "keep"), default="fold",
        help="match traditional characters as their simplified forms (fold, the default) or keep them apart; "
        "texts are shown as written either way",
    )  # fmt: skip
    add_db_option(parser)
    parser.set_defaults(handler=compare_command, preload=PRELOAD)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError("must be above 0 and at most 1")
    return number


def load_documents(docs: list[str], db: str | None) -> list[ReportDocument]:
    """Read each DOC as a file, or fetch it from the library when it is an id and no such file exists."""
    if len(docs) < 2:
        raise CliError("compare needs at least two documents")
    found: dict[int, ReportDocument] = {}
    ids: dict[int, int] = {}
    for n, doc in enumerate(docs):
        path = Path(doc)
        if path.exists():
            found[n] = _read_file(path)
        elif _ID.fullmatch(doc):
            ids[n] = int(doc.removeprefix("#"))
        else:
            raise CliError(f"{doc}: no such file")
    if ids:
        found.update(_read_library(ids, db))
    return [found[n] for n in range(len(docs))]


def _read_file(path: Path) -> ReportDocument:
    from app.importers import ImportFailure, read_text
    from app.reports.comparison import ReportDocument

    if path.is_dir():
        raise CliError(f"{path}: is a folder, not a document")
    try:
        text, _title, _format = read_text(path)
    except ImportFailure as exc:
        raise CliError(f"{path}: {exc}") from None
    return ReportDocument(path.name, text, content_hash(text))


def _read_library(ids: dict[int, int], db: str | None) -> dict[int, ReportDocument]:
    from app.cli.library import opened
    from app.reports.comparison import ReportDocument
    from app.store import get_document, get_text

    out = {}
    with opened(db, writing=False) as library, library.reader() as session:
        for n, number in ids.items():
            document, text = get_document(session, number), get_text(session, number)
            if document is None or text is None:
                raise CliError(f"no document #{number} in the library (and no file of that name)")
            if not text.strip():
                raise CliError(f"#{number}: no text in the document")
            title = f" {document.meta.title}" if document.meta.title else ""
            out[n] = ReportDocument(f"#{number}{title}", text, content_hash(text))
    return out


def _params(args: argparse.Namespace, boilerplate: BoilerplateSignal | None = None) -> PassageParams:
    from app.core.formulas.shipped import formula_coverage

    return PassageParams(
        min_chars=args.min_chars,
        min_similarity=args.min_similarity,
        formula_oracle=formula_coverage,
        boilerplate=boilerplate,
    )


@contextmanager
def library_signal(args: argparse.Namespace) -> Iterator[BoilerplateSignal | None]:
    """The library's boilerplate signal while comparing, when the user works with a library (`--db` or a
    library id); None otherwise, or when the library is too small or unindexed to say anything."""
    if not args.db and not any(_ID.fullmatch(d) and not Path(d).exists() for d in args.docs):
        yield None
        return
    from app.cli.library import opened
    from app.store.boilerplate import library_boilerplate

    with opened(args.db, writing=False) as library:
        yield library_boilerplate(library.reader)


def _progress_printer() -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(f"\rcomparing: {done}/{total} pairs", end=end, file=sys.stderr, flush=True)

    return show


def compare_command(args: argparse.Namespace) -> int:
    from app.core.passages.engine import compare_many
    from app.core.traditional import set_folding
    from app.reports.comparison import comparison_json, passages_csv

    set_folding(args.traditional)
    documents = load_documents(args.docs, args.db)
    with library_signal(args) as boilerplate:
        params = _params(args, boilerplate)
        try:
            comparison = compare_many([d.text for d in documents], params, progress=_progress_printer())
        except ValueError as exc:  # a document over the engine's size limit
            raise CliError(str(exc)) from None
        except Cancelled:
            raise CliError("comparison cancelled") from None
    if args.json:
        print(json.dumps(comparison_json(documents, comparison), ensure_ascii=False, indent=1))
    elif args.html:
        from app.reports.html import comparison_html

        _write(args.html, comparison_html(documents, comparison, params.describe()), bom=False)
        print(f"wrote {args.html}: {_counts(comparison)}")
    elif args.csv:
        _write(args.csv, passages_csv(documents, comparison), bom=True)
        print(f"wrote {args.csv}: {_counts(comparison)}")
    else:
        print_summary(documents, comparison)
    return 0


def _write(name: str, content: str, *, bom: bool) -> None:
    try:
        Path(name).write_text(("\ufeff" if bom else "") + content, encoding="utf-8", newline="")
    except OSError as exc:
        raise CliError(f"cannot write {name}: {exc.strerror or exc}") from None


def _counts(comparison: Comparison) -> str:
    copies = sum(p.kind == "copy" for p in comparison.passages)
    return f"{copies} copied passages, {len(comparison.passages) - copies} shared formulas"


def print_summary(documents: list[ReportDocument], comparison: Comparison) -> None:
    """The readable default: documents, copy ratio per pair, then each passage with an excerpt."""
    for n, d in enumerate(documents):
        print(f"[{n}] {d.name}  {len(d.text):,} chars  sha256 {d.sha256[:16]}…")
    print()
    for s in comparison.summary:
        found = [p for p in comparison.passages if (p.a, p.b) == (s.a, s.b)]
        copies = sum(p.kind == "copy" for p in found)
        print(
            f"[{s.a}] ↔ [{s.b}]  copied: {s.a_copy_ratio:.1%} of [{s.a}], {s.b_copy_ratio:.1%} of [{s.b}]  "
            f"({copies} copied passages, {len(found) - copies} shared formulas)"
        )
    if comparison.passages:
        print()
    for p in comparison.passages:
        text = " ".join(p.a_text.split())
        excerpt = text if len(text) <= 40 else text[:38] + "…"
        print(
            f"[{p.a}] {p.a_start}-{p.a_end}  [{p.b}] {p.b_start}-{p.b_end}  {p.kind:<7} {p.similarity:.2f}  {excerpt}"
        )
