"""`duidu gui [DOC...]`: start the graphical interface (also what `duidu` with no arguments does)."""

from __future__ import annotations

import argparse

from app.cli import add_db_option


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("gui", help="start the graphical interface")
    parser.add_argument(
        "documents",
        nargs="*",
        metavar="DOC",
        help="a file or library id to read, or 2-8 files or library ids to compare side by side",
    )
    add_db_option(parser)
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from app.ui.shell.app import run_gui  # Qt loads only when the GUI is asked for

    return run_gui(args.documents, args.db)
