"""The `duidu` command line: a thin layer over core, store and reports.

Each sub-command lives in its own module with a `register(subparsers)` function that adds its parser
and sets `handler`. Errors the user can act on are raised as `CliError` and printed as one line.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import os
import sys
from collections.abc import Sequence

from app import __version__

#: Modules that contribute sub-commands, in the order `duidu --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "app.cli.library",
    "app.cli.compare",
    "app.cli.formulas",
    "app.cli.similar",
    "app.cli.scan",
    "app.cli.gui",
    "app.cli.selftest",
)


#: Sub-commands that start without the other commands' modules (and their parsers): a comparison of two
#: files is a whole process, timed against a plain difflib script, the GUI's first window is timed from
#: launch, and `similar` answers in under a second start-up included. Commands not listed load them all.
COMMAND_HOMES: dict[str, str] = {
    "compare": "app.cli.compare",
    "formulas": "app.cli.formulas",
    "gui": "app.cli.gui",
    "similar": "app.cli.similar",
}


#: Sub-commands that end their process as soon as their output is written when they run as the program
#: (`end_program`): a comparison of two files is timed whole against a plain difflib script.
ENDS_AT_ONCE = frozenset({"compare"})


class CliError(Exception):
    """A problem the user caused or can fix; printed as `duidu: <message>` without a traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """`--db PATH_OR_URL`, shared by every command that opens the library."""
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="library file or SQLAlchemy URL (default: $DUIDU_DB, else the user data directory)",
    )


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The `duidu` parser with the sub-commands of `modules` (all of them by default)."""
    parser = argparse.ArgumentParser(
        prog="duidu", description="Duidu (对读): read and compare Chinese official speeches."
    )
    parser.add_argument("--version", action="version", version=f"duidu {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse `argv` and run the chosen command; returns the process exit code."""
    argv = list(argv)
    if not argv:
        argv = ["gui"]
    elif argv[0] == "--self-test":  # the spelling installers and packaging jobs use
        argv[0] = "self-test"
    home = COMMAND_HOMES.get(argv[0])
    parser = build_parser((home,) if home else COMMAND_MODULES)
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        parser.print_help()
        return 2
    try:
        _import_quietly(getattr(args, "preload", ()))
        return int(args.handler(args) or 0)
    except CliError as exc:
        print(f"duidu: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("duidu: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last line of defence: never show a traceback to the user
        database_error = _database_error_line(exc)
        if database_error is not None:  # escaped a command's own library handling: still one clear line
            print(f"duidu: {database_error}", file=sys.stderr)
            return 2
        print(f"duidu: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 70


def end_program(argv: Sequence[str], code: int) -> None:
    """End the process of a command in `ENDS_AT_ONCE` now, skipping the interpreter's teardown (every
    module and object freed one by one, ~3 ms of a 5,000-character comparison's ~110 ms): the exit
    functions run and the output is flushed first, so nothing is lost. Returns (and lets the interpreter
    end as usual) for any other command, while another thread or a child process could still be at
    work, once a library was opened (its database driver closes the usual way), or when the output cannot
    be flushed (the interpreter then reports it as it always has)."""
    threading = sys.modules.get("threading")
    if not argv or argv[0] not in ENDS_AT_ONCE or {"multiprocessing", "sqlalchemy"} & sys.modules.keys():
        return
    if threading is not None and threading.active_count() > 1:
        return
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream
        return
    os._exit(code)


def _import_quietly(modules: Sequence[str]) -> None:
    """Import a command's heavy modules (a parser's `preload`) with the cyclic garbage collector paused,
    then freeze what they made: SQLAlchemy, numpy and the engine make ~0.5 s worth of long-lived objects,
    and collecting among them while importing, and again at every later collection, cost `duidu similar`
    ~0.05 s of its second. Nothing they make at import is garbage."""
    if not modules:
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        for name in modules:
            importlib.import_module(name)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _database_error_line(exc: Exception) -> str | None:
    """The store's one line for a database driver error ("damaged … left untouched", "locked" …), or
    None for any other exception. The store is looked up only if a command loaded it."""
    errors = sys.modules.get("app.store.errors")
    if errors is None or not isinstance(exc, errors.DATABASE_ERRORS):
        return None
    return str(errors.describe_database_error(exc, "the library"))
