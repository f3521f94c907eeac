"""Keep Python's `None` alive under PySide6 builds that return it without a new reference.

PySide6 6.12 on Python 3.11 gives back `Py_None` from every void method (`setFormat`, `merge`,
`setValue` …) without incrementing its reference count, so each call takes one reference away. `None`
starts with a few thousand, and a compare view applies tens of thousands of formats: the interpreter
aborts with "none_dealloc: deallocating None" (some bool-returning calls do the same to `True` and
`False`). Python 3.12 made `None` immortal (PEP 683), which is
why this only bites 3.11. Raising the count once by a margin no session can use up is the whole fix.
"""

from __future__ import annotations

import ctypes
import sys

#: 2**60 references: about 3·10^10 years of void calls at a million per second.
_MARGIN = 1 << 60


def keep_none_alive() -> None:
    """Give `None`, `True` and `False` a reference count that leaked decrements cannot exhaust (no-op where it is immortal)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _MARGIN // 2:
            refcount.value += _MARGIN
