"""Carry a library's verified state across Duidu's own writes.

The open's quick check (app.store.integrity) is bounded: on a library of a few hundred MB it never finishes,
so its pass is never remembered and every command pays its 0.5 s. Yet a library Duidu created, or one that
passed a check, stays as trustworthy after Duidu's own committed transactions as it was before: SQLite wrote
those pages. So an open library keeps the file state it vouches for (`VerifiedState.stamp`): set when the open
verified the file (a remembered or complete check, or a file this open created), moved along by each of
Duidu's own write transactions, and dropped as soon as the file is found in any other state (something else
wrote to it) or the library is found damaged. On close, the pass is remembered for the file as it is then,
so the next command does not check again; a file changed by anything else still gets checked.

What it cannot see: a foreign write inside one of Duidu's own write transactions, or within the same tick of
the file clock as Duidu's last write (a stamp is size, modification time and inode). Remembered passes have
the same limit (`VerdictMemory`); the background full check in the GUI still reads every page.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from app.store.integrity import VerdictMemory, file_stamp, newest_mtime_ns

#: Below this size the open's quick check finishes in a few milliseconds and its pass is remembered on its
#: own (`VerdictMemory`): not worth the wait at close that carrying a pass needs (`_TICK_NS`).
CARRY_MIN_BYTES = 8 * 1024 * 1024
#: Longer than a tick of any file clock that keeps sub-millisecond times (Linux: 1–10 ms): once this has
#: passed since Duidu's last write, any later write gives the file another modification time.
_TICK_NS = 20_000_000


class VerifiedState:
    """The state of one library file that Duidu vouches for, or None (`stamp`) when it vouches for none."""

    def __init__(self, file: Path, memory: VerdictMemory) -> None:
        self.file = file
        self.memory = memory
        self.stamp: str | None = None
        self._lock = threading.Lock()

    def vouch(self) -> None:
        """The file as it is now was verified (checked, or created by this open)."""
        with self._lock:
            self.stamp = file_stamp(self.file)

    def drop(self) -> None:
        """Vouch for nothing any more (the library was found damaged)."""
        with self._lock:
            self.stamp = None

    def before_write(self) -> None:
        """A write transaction of Duidu's began (it holds SQLite's write lock): is the file still the one
        vouched for? If anything else changed it since, stop vouching."""
        with self._lock:
            self._recheck()

    def after_write(self) -> None:
        """Duidu's write transaction ended (committed or rolled back): vouch for the file as it is now."""
        with self._lock:
            if self.stamp is not None:
                self.stamp = file_stamp(self.file)

    def settle(self) -> None:
        """Called once the connections are closed (the last one folds the WAL into the file), after
        `unchanged()` just before: remember the pass for the file as it is now, if still vouched for."""
        with self._lock:
            vouched, self.stamp = self.stamp, None
        if vouched is None:
            return
        try:
            size = self.file.stat().st_size
        except OSError:
            return
        if size < CARRY_MIN_BYTES:
            return
        written = newest_mtime_ns(self.file)
        if written % 1_000_000 == 0:  # a coarse file clock (FAT, ext3): a later write may keep this time
            return
        closed = file_stamp(self.file)
        wait = written + _TICK_NS - time.time_ns()
        if wait > _TICK_NS:  # written "in the future": a clock set apart from the file's; no sure wait
            return
        if wait > 0:
            time.sleep(wait / 1e9)
        if closed is not None and file_stamp(self.file) == closed:
            self.memory.record(self.file, closed)

    def unchanged(self) -> bool:
        """Is the file still the one vouched for? (Checked just before the connections close.)"""
        with self._lock:
            self._recheck()
            return self.stamp is not None

    def _recheck(self) -> None:
        """Stop vouching for a file changed by something else; start for one whose state as it is now has
        passed a check since the open (the GUI's background full check, on a library too large for the
        open's bounded one)."""
        now = file_stamp(self.file)
        if self.stamp is None:
            if now is not None and self.memory.passed(self.file):
                self.stamp = now
        elif now != self.stamp:
            self.stamp = None
