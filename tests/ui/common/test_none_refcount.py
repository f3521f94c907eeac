"""The None reference-count guard: void Qt calls by the ten thousand must not abort the interpreter."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

_SCRIPT = """
import app.ui  # installs the guard
from PySide6.QtGui import QTextCharFormat
a, b = QTextCharFormat(), QTextCharFormat()
for _ in range(60_000):
    a.merge(b)  # a void method: leaks one reference to None per call on PySide6 6.12 / Python 3.11
print("alive")
"""


def test_many_void_calls_do_not_deallocate_none():
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "alive"
