"""Library commands: import, list, show, remove (filled in by the store/CLI work)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Placeholder so the CLI framework can be exercised before the store exists."""
