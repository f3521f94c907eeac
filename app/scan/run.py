"""Run a corpus scan: plan the units from the index, have them computed, store results as they come.

The client process is the one writer: batches are computed in this process (`workers=0`), on a local
Dask cluster of processes (the default) or on an existing Dask cluster (`scheduler`), and each finished
batch is written in one transaction. A cancel (the GUI's button, Ctrl+C) stops between batches and keeps
everything written; the next run continues with the documents not yet scanned.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

from app.core.scan import (
    MAX_WEAK_CANDIDATES,
    DocumentResult,
    ScanUnit,
    batches,
    eta_seconds,
    scan_units,
)
from app.core.scan_order import locality_order
from app.scan.contract import Cancelled, Compute, ScanError
from app.scan.work import close_all, scan_batch
from app.store.engine import Library
from app.store.scan_store import load_postings, next_run, pending_documents, save_results, scan_status
from app.store.tracing import ensure_fresh

#: Default lowest copy ratio a stored pair reaches (the copy network's default threshold).
DEFAULT_THRESHOLD = 0.1
#: Pairs per work batch, and documents at most.
PAIRS_PER_BATCH = 40
DOCUMENTS_PER_BATCH = 25


@dataclass(frozen=True, slots=True)
class ScanProgress:
    """Where a running scan is. `eta` is seconds left (None until there is a rate)."""

    documents_done: int
    documents: int
    pairs_done: int
    pairs: int
    found: int
    elapsed: float
    eta: float | None


@dataclass(frozen=True, slots=True)
class ScanPlan:
    """What a scan will do: the units to compute, and how many documents were already scanned."""

    units: tuple[ScanUnit, ...]
    already_scanned: int
    documents: int
    max_weak: int = MAX_WEAK_CANDIDATES

    @property
    def pairs(self) -> int:
        return sum(len(u.candidates) for u in self.units)


@dataclass(frozen=True, slots=True)
class ScanReport:
    """What a finished (or cancelled) scan did."""

    plan: ScanPlan
    scanned: int
    found: int
    seconds: float
    where: str
    cancelled: bool = False


def plan_scan(
    library: Library, threshold: float = DEFAULT_THRESHOLD, max_weak: int = MAX_WEAK_CANDIDATES
) -> ScanPlan:
    """Index whatever is missing, then each pending document with its candidates among earlier ones
    (`max_weak`: see app.core.scan.MAX_WEAK_CANDIDATES)."""
    ensure_fresh(library)
    with library.reader() as session:
        pending = pending_documents(session, threshold, max_weak)
        status = scan_status(session)
        postings = load_postings(session, pending) if pending else None
    units = tuple(scan_units(postings, pending, threshold, max_weak)) if postings is not None else ()
    return ScanPlan(units, status.documents - len(pending), status.documents, max_weak)


def in_process(target: str, threshold: float) -> Compute:
    """Compute batches one after another in this process (the single-process path)."""

    def compute(work: list[list[ScanUnit]], cancelled: Cancelled) -> Iterator[list[DocumentResult]]:
        try:
            for batch in work:
                if cancelled():
                    return
                yield scan_batch(target, threshold, batch)
        finally:
            close_all()

    return compute


def run_scan(
    library: Library,
    target: str | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    workers: int | None = None,
    scheduler: str | None = None,
    plan: ScanPlan | None = None,
    progress: Callable[[ScanProgress], None] | None = None,
    cancelled: Cancelled | None = None,
    batch_documents: int = DOCUMENTS_PER_BATCH,
    client: Any = None,
) -> ScanReport:
    """Scan the library: `workers=0` in this process, else on Dask (a local cluster of `workers`
    processes, all cores by default, the cluster at `scheduler`, or that of `client`, a Dask client of a
    cluster on this machine the caller keeps running). `target` is the library's path or
    URL as the workers open it (default: the URL `library` was opened with, password included)."""
    if library.readonly:
        raise ScanError(f"{library.location} is read-only: a scan stores its results in the library")
    target = target or library.engine.url.render_as_string(hide_password=False)
    if workers is None and scheduler is None and client is None and getattr(sys, "frozen", False):
        workers = 0  # an installed (frozen) app has no Python of its own to start worker processes with
    cancelled = cancelled or (lambda: False)
    started = time.perf_counter()
    plan = plan or plan_scan(library, threshold)
    with library.reader() as session:
        run = next_run(session)
    empty = [DocumentResult(u.document_id, 0, ()) for u in plan.units if not u.candidates]
    ordered = locality_order([u for u in plan.units if u.candidates], cancelled=cancelled)
    work = list(batches(ordered, PAIRS_PER_BATCH, batch_documents))
    total_pairs = plan.pairs
    done_documents, done_pairs, found = len(empty), 0, 0

    with ExitStack() as stack:
        if workers == 0:
            compute, where = in_process(target, threshold), "this process alone"
        else:
            from app.scan.cluster import dask_compute

            compute, where = stack.enter_context(
                dask_compute(library, target, threshold, workers=workers, scheduler=scheduler, client=client)
            )
        with library.writer.begin() as session:  # nothing to measure: scanned at once
            save_results(session, empty, threshold, plan.max_weak, run)
        if progress is not None:
            progress(ScanProgress(done_documents, len(plan.units), 0, total_pairs, 0, 0.0, None))
        for results in compute(work, cancelled):
            with library.writer.begin() as session:
                found += save_results(session, results, threshold, plan.max_weak, run)
            done_documents += len(results)
            done_pairs += sum(r.checked for r in results)
            if progress is not None:
                elapsed = time.perf_counter() - started
                eta = eta_seconds(done_pairs, total_pairs, elapsed)
                progress(
                    ScanProgress(
                        done_documents, len(plan.units), done_pairs, total_pairs, found, elapsed, eta
                    )
                )
    stopped = done_documents < len(plan.units)
    if stopped and not cancelled():
        raise ScanError("the scan stopped before every document was done")
    return ScanReport(plan, done_documents, found, time.perf_counter() - started, where, stopped)
