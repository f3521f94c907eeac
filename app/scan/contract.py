"""What the scan's runner and its ways of computing (in this process, or on a Dask cluster) agree on:
the shape of a compute function, how it is told to stop, and the one error a user sees. Kept apart so the
Dask module and the runner do not import each other."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from app.core.scan import DocumentResult, ScanUnit

Cancelled = Callable[[], bool]
#: Takes batches of work units and a cancel check; yields each finished batch's results.
Compute = Callable[[list[list[ScanUnit]], Cancelled], Iterator[list[DocumentResult]]]


class ScanError(Exception):
    """A scan cannot start or go on (unreachable scheduler, unusable library…): one line for the user."""
