"""The baseline code a bench times beside this checkout: a folder holding an older checkout."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def baseline_tree(scratch: Path, ref: str, default: str) -> Path:
    """$DUIDU_BASELINE_TREE, else `default`, when it holds a checkout; else `ref` extracted from git into
    `scratch`."""
    for candidate in (os.environ.get("DUIDU_BASELINE_TREE"), default):
        if candidate and (Path(candidate) / "app" / "store" / "tracing.py").exists():
            return Path(candidate)
    tree = scratch / "baseline"
    tree.mkdir()
    archive = subprocess.run(["git", "archive", ref], cwd=REPO, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree
