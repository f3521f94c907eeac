"""Entry point for `python -m app` and the `duidu` command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; with no sub-command, start the GUI."""
    if getattr(sys, "frozen", False):
        # The executable is also the compare view's helper process: let it be one (a no-op elsewhere, and
        # multiprocessing's import would cost every command a few milliseconds).
        import multiprocessing

        multiprocessing.freeze_support()
    # Windowed frozen builds have no console: give print() somewhere harmless to write.
    import os

    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    from app.cli import end_program, run

    arguments = sys.argv[1:] if argv is None else argv
    code = run(arguments)
    if argv is None:  # the program itself, not a caller in the same process
        end_program(arguments, code)
    return code


if __name__ == "__main__":
    sys.exit(main())
